// Observable Framework's configuration for the explainer.
import type MarkdownIt from "markdown-it";
import {chartBlock} from "./loaders/chart-block.ts";
import {explainerProse} from "./loaders/prose.ts";

export default {
  root: "src",
  // `explainer build` builds into a staging folder and swaps it in only when the build succeeds.
  output: process.env.EXPLAINER_OUTPUT ?? "dist",
  title: "Explainer Kit",
  // No web font from a CDN: the theme's own fallbacks are system fonts.
  globalStylesheets: [],
  sidebar: false,
  pager: false,
  toc: false,
  search: false,
  // A news page's footer: how the figures are checked, and the audit of every number in the sources.
  footer:
    '<nav class="site-footer"><a href="./methodology">How we verify figures</a> · <a href="./audit">Number audit</a></nav>',
  style: "style.css",
  // No favicon request to a missing file.
  head: '<link rel="icon" href="data:,">',
  // Figures in prose ({claim-id}) and directives (::: cards, ::: chart, ::: sources, …) are resolved at build time.
  markdownIt: (md: MarkdownIt) => md.use(explainerProse, {root: process.cwd(), blocks: {chart: chartBlock()}})
};
