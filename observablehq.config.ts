// Observable Framework's configuration for the explainer.
import type MarkdownIt from "markdown-it";
import {chartBlock} from "./loaders/chart-block.ts";
import {explainerProse} from "./loaders/prose.ts";
import {embedBlock, embedCodeHtml, embedFolder, embedPaths} from "./tools/publish/embeds.ts";
import {siteBase, siteUrl} from "./tools/publish/site.ts";

// Where the site is published (EXPLAINER_SITE_URL, e.g. https://news.example/ukraine/): canonical and social
// URLs and the embed code use it, and its path is Framework's base for hosting under a sub-path.
const site = siteUrl();

export default {
  root: "src",
  // `explainer build` builds into a staging folder and swaps it in only when the build succeeds.
  output: process.env.EXPLAINER_OUTPUT ?? "dist",
  base: siteBase(site),
  title: "Explainer Kit",
  // No web font from a CDN: the theme's own fallbacks are system fonts.
  globalStylesheets: [],
  sidebar: false,
  pager: false,
  toc: false,
  search: false,
  // A news page's footer: how the figures are checked, and the audit of every number in the sources.
  // Embeds (/embed/<chart-id>) have no site chrome.
  footer: ({path}: {path: string}) =>
    path.startsWith(`/${embedFolder}/`)
      ? null
      : '<nav class="site-footer"><a href="./methodology">How we verify figures</a> · <a href="./audit">Number audit</a></nav>',
  style: "style.css",
  // No favicon request to a missing file.
  head: '<link rel="icon" href="data:,">',
  // One embed page per chart spec, from src/embed/[chart].md.
  dynamicPaths: () => embedPaths(process.cwd()),
  // Figures in prose ({claim-id}) and directives (::: cards, ::: chart, ::: sources, …) are resolved at build time;
  // each chart gets its embed code, and `::: embed` draws an embed page's chart.
  markdownIt: (md: MarkdownIt) =>
    md.use(explainerProse, {
      root: process.cwd(),
      blocks: {
        chart: chartBlock({
          extra: (id, chart, root) => embedCodeHtml(id, chart, site ?? root),
          script: "components/embed-copy.js"
        }),
        embed: embedBlock()
      }
    })
};
