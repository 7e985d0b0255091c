// Observable Framework's configuration for the desk's explainers.
import type MarkdownIt from "markdown-it";
import {defaultSiteName} from "./loaders/explainers.ts";
import {explainerProse} from "./loaders/prose.ts";
import type {RenderedChart} from "./loaders/render-charts.ts";
import {readPageStory, readStageSync, storyLinkOutput} from "./loaders/stage-read.ts";
import {embedCodeHtml, embedFolder, embedPaths} from "./tools/publish/embeds.ts";
import {siteBase, siteUrl} from "./tools/publish/site.ts";

// Where the site is published (EXPLAINER_SITE_URL, e.g. https://news.example/ukraine/): canonical and social
// URLs and the embed code use it, and its path is Framework's base for hosting under a sub-path.
const site = siteUrl();
const root = process.cwd();

/** The site's name as the story stage read it (the home page's `site_name`); the default before the stage ran. */
function siteName(): string {
  try {
    return readStageSync(root).siteName;
  } catch {
    return defaultSiteName;
  }
}

/** The way from a page's path to the site's root: `/explainers/x` → `../`. */
const toRoot = (path: string) => "../".repeat(path.split("/").length - 2) || "./";

export default {
  root: "src",
  // `explainer build` builds into a staging folder and swaps it in only when the build succeeds.
  output: process.env.EXPLAINER_OUTPUT ?? "dist",
  base: siteBase(site),
  // The desk's name, from the home page's `site_name` (a bad one is the stage's to report).
  title: siteName(),
  // No web font from a CDN: the theme's own fallbacks are system fonts.
  globalStylesheets: [],
  sidebar: false,
  pager: false,
  toc: false,
  search: false,
  // A news page's footer: the desk's explainers, how the figures are checked, and the audit of every
  // number in the sources. Embeds (/embed/<chart-id>) have no site chrome.
  footer: ({path}: {path: string}) =>
    path.startsWith(`/${embedFolder}/`)
      ? null
      : `<nav class="site-footer"><a href="${toRoot(path)}">All explainers</a> · <a href="${toRoot(path)}methodology">How we verify figures</a> · <a href="${toRoot(path)}audit">Number audit</a></nav>`,
  style: "style.css",
  // No favicon request to a missing file. Under `npm run dev`, a marker that the number audit offers its forms.
  head:
    '<link rel="icon" href="data:,">' +
    (process.env.EXPLAINER_DEV === "1" ? '<meta name="explainer-dev" content="save">' : ""),
  // One embed page per chart of the story, from src/embed/[chart].md (in a build, none for a chart only drafts place).
  dynamicPaths: () => embedPaths(root, {omitDrafts: process.env.EXPLAINER_BUILD === "1"}),
  // Figures in prose ({claim-id}) and directives (::: chart, ::: sources, …) are resolved at build time from the
  // story the stage verified (.explainer/stage/); each chart gets its embed code. Drafts are left out of the
  // home page's list in `npm run build`, which does not build them.
  markdownIt: (md: MarkdownIt) =>
    md.use(explainerProse, {
      root,
      story: () => readPageStory(root),
      chart: {
        extra: (id: string, chart: RenderedChart, path: string) => embedCodeHtml(id, chart, site ?? path),
        script: "components/embed-copy.js"
      },
      omitDrafts: process.env.EXPLAINER_BUILD === "1",
      // Under dev, every page that shows the story is re-rendered when the story changes.
      storyLink: process.env.EXPLAINER_DEV === "1" ? storyLinkOutput : undefined
    })
};
