/**
 * Publishing a built site: what `explainer build` does to Framework's output after `finishPages`.
 * For every page: a social card (PNG) and the metadata that points to it, JSON-LD, scripts moved
 * after the first paint, and last a Content Security Policy with the hashes of the final inline
 * scripts. Each step is its own module; this one only runs them over the files.
 */
import {createHash} from "node:crypto";
import {mkdir, readFile, writeFile} from "node:fs/promises";
import {dirname, join, relative} from "node:path";
import {pathToFileURL} from "node:url";
import {loadStory, type Story} from "../../loaders/claims.ts";
import {escapeHtml} from "../../loaders/prose-html.ts";
import type {Effects} from "../cli.ts";
import {listFiles} from "../deps.ts";
import {cardFonts, chartCardSvg, pageCardSvg, renderPng} from "./cards.ts";
import {addContentSecurityPolicy} from "./csp.ts";
import {deferScripts} from "./defer.ts";
import {jsonLdScript, metaTags, structuredData, type PageUrls} from "./meta.ts";
import {siteLink, siteUrl, siteUrlVariable} from "./site.ts";
import {frontMatter, readPageInfo, type ChartInfo, type PageInfo} from "./page-info.ts";

/** The folder of the social cards in the built site. */
export const cardFolder = "_card";

/** What publishing needs to know. */
export interface PublishOptions {
  /** The project root (for the pages' front matter). */
  root: string;
  /** The site's address (`EXPLAINER_SITE_URL`), or undefined: links are then relative to each page. */
  site: string | undefined;
  /** The site's name (the config's `title`). */
  siteName: string;
  /** The story, for the sources of the JSON-LD. */
  story: Story;
  /** Card font files (default: DejaVu Sans, see cards.ts). */
  fonts?: string[];
}

/** What was published. */
export interface PublishResult {
  pages: string[];
  cards: string[];
}

/** Writes a PNG under `_card/` with a content hash in its name (so a changed card gets a new URL); returns its path in the site. */
async function writeCard(dir: string, name: string, png: Buffer): Promise<string> {
  const hash = createHash("sha256").update(png).digest("hex").slice(0, 8);
  const path = `${cardFolder}/${name}.${hash}.png`;
  await mkdir(dirname(join(dir, path)), {recursive: true});
  await writeFile(join(dir, path), png);
  return path;
}

/** Adds the metadata, defers the scripts and sets the policy of one page's HTML. */
export function publishHtml(html: string, page: PageInfo, urls: PageUrls, options: PublishOptions): string {
  let out = html;
  if (page.kind === "embed") {
    out = out.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(`${page.title} | ${options.siteName}`)}</title>`);
  }
  const head = `${metaTags(page, urls, options)}\n${jsonLdScript(structuredData(page, urls, options))}\n`;
  out = out.replace(/<\/head>/i, `${head}</head>`);
  return addContentSecurityPolicy(deferScripts(out));
}

/** Publishes every page of a built site in `dir` (see the module's comment). */
export async function publishPages(dir: string, options: PublishOptions): Promise<PublishResult> {
  const fonts = options.fonts ?? cardFonts();
  const files = (await listFiles(dir)).filter((f) => f.endsWith(".html")).sort();
  const pages: {file: string; html: string; info: PageInfo}[] = [];
  for (const file of files) {
    const rel = relative(dir, file).replace(/\\/g, "/");
    const html = await readFile(file, "utf-8");
    pages.push({file: rel, html, info: readPageInfo(html, rel, frontMatter(options.root, rel))});
  }
  const chartCards = new Map<string, string>();
  const charts = new Map<string, ChartInfo>();
  for (const {info} of pages) for (const chart of info.charts) if (!charts.has(chart.id)) charts.set(chart.id, chart);
  for (const [id, chart] of charts) {
    chartCards.set(id, await writeCard(dir, `chart/${id}`, renderPng(chartCardSvg(chart, options.siteName), fonts)));
  }
  const cards = [...chartCards.values()];
  for (const {file, html, info} of pages) {
    let card = info.kind === "embed" && info.charts[0] ? chartCards.get(info.charts[0].id) : undefined;
    if (!card) {
      card = await writeCard(dir, file.replace(/\.html$/, ""), renderPng(pageCardSvg(info, options.siteName), fonts));
      cards.push(card);
    }
    const link = (target: string) => siteLink(options.site, file, target);
    const urls: PageUrls = {
      page: link(file),
      card: link(card),
      chartCards: new Map([...chartCards].map(([id, path]) => [id, link(path)]))
    };
    await writeFile(join(dir, file), publishHtml(html, info, urls, options));
  }
  return {pages: pages.map((p) => p.file), cards};
}

/**
 * `explainer build`'s publishing step over the staged site: the site's address from
 * `EXPLAINER_SITE_URL` (warning once when it is not set), its name from the config's `title`.
 */
export async function publishBuild(dir: string, effects: Effects): Promise<PublishResult> {
  const {root, stderr} = effects;
  const site = siteUrl();
  if (!site) {
    stderr(
      `publish: ${siteUrlVariable} is not set, so canonical, og:image and JSON-LD URLs are relative to each page and ` +
        `the embed code works only on this site; set it to the address dist/ is served at ` +
        `(${siteUrlVariable}=https://news.example/ukraine/ npm run build)\n`
    );
  }
  const config = (await import(pathToFileURL(join(root, "observablehq.config.ts")).href)).default;
  const siteName = String(config.title ?? "");
  const result = await publishPages(dir, {root, site, siteName, story: await loadStory(root)});
  stderr(
    `published ${result.pages.length} pages with ${result.cards.length} social cards and a Content Security Policy\n`
  );
  return result;
}
