/**
 * Publishing a built site: what `explainer build` does to Framework's output after `finishPages`.
 * For every page: a social card (PNG) and the metadata that points to it, JSON-LD, scripts moved
 * after the first paint, and last a Content Security Policy with the hashes of the final inline
 * scripts. Each step is its own module; this one only runs them over the files.
 */
import {readFileSync} from "node:fs";
import {mkdir, readFile, rename, writeFile} from "node:fs/promises";
import {dirname, join, posix, relative} from "node:path";
import {contentHash} from "../../loaders/hash.ts";
import type {Stage} from "../../loaders/stage-model.ts";
import {escapeHtml} from "../../loaders/prose-html.ts";
import type {Effects} from "../effects.ts";
import {listFiles} from "../deps.ts";
import {cardFonts, cardSize, chartCardSvg, pageCardSvg, renderPng} from "./cards.ts";
import {addContentSecurityPolicy} from "./csp.ts";
import {deferScripts} from "./defer.ts";
import {staticPage} from "./static.ts";
import {jsonLdScript, metaTags, structuredData, type PageUrls} from "./meta.ts";
import {siteLink, siteUrl, siteUrlVariable} from "./site.ts";
import {frontMatter, pageInfo, type ChartInfo, type PageInfo} from "./page-info.ts";

/** The folder of the social cards in the built site. */
export const cardFolder = "_card";

/** Where drawn cards are kept between builds, by the hash of their SVG, relative to the project root. */
export const cardCache = ".explainer/cache/cards";

/** What publishing needs to know. */
export interface PublishOptions {
  /** The project root (for the pages' front matter). */
  root: string;
  /** The site's address (`EXPLAINER_SITE_URL`), or undefined: links are then relative to each page. */
  site: string | undefined;
  /** The verified story: charts, explainers, claims and sources, and the site's name. */
  stage: Stage;
  /** Card font files (default: DejaVu Sans, see cards.ts). */
  fonts?: string[];
}

/** What was published. */
export interface PublishResult {
  pages: string[];
  cards: string[];
}

/** A card's PNG: drawn once per distinct SVG and kept in the card cache, so a warm build draws none. */
async function cardPng(root: string, svg: string, fonts: string[]): Promise<Buffer> {
  const key = contentHash(JSON.stringify([svg, fonts]));
  const cached = join(root, cardCache, `${key}.png`);
  const hit = await readFile(cached).catch(() => null);
  if (hit) return hit;
  const png = renderPng(svg, fonts);
  await mkdir(dirname(cached), {recursive: true});
  await writeFile(`${cached}.${process.pid}.tmp`, png);
  await rename(`${cached}.${process.pid}.tmp`, cached);
  return png;
}

/** Writes a PNG under `_card/` with a content hash in its name (so a changed card gets a new URL); returns its path in the site. */
async function writeCard(dir: string, name: string, png: Buffer): Promise<string> {
  const path = `${cardFolder}/${name}.${contentHash(png).slice(0, 8)}.png`;
  await mkdir(dirname(join(dir, path)), {recursive: true});
  await writeFile(join(dir, path), png);
  return path;
}

/**
 * Adds the metadata, drops the runtime of a page with no live code (inlining the kit's scripts),
 * defers the remaining scripts and sets the policy of one page's HTML. `readAsset` gives the text
 * of a script or stylesheet by its address as the page writes it.
 */
export function publishHtml(
  html: string,
  page: PageInfo,
  urls: PageUrls,
  options: PublishOptions,
  readAsset: (src: string) => string | null = () => null
): string {
  let out = staticPage(html, readAsset);
  if (page.kind === "embed") {
    out = out.replace(
      /<title>[^<]*<\/title>/,
      `<title>${escapeHtml(`${page.title} | ${options.stage.siteName}`)}</title>`
    );
  }
  const head = `${metaTags(page, urls, options)}\n${jsonLdScript(structuredData(page, urls, options))}\n`;
  out = out.replace(/<\/head>/i, `${head}</head>`);
  return addContentSecurityPolicy(deferScripts(out));
}

/** The home page's card slots (`::: explainers`) filled with each explainer's card. */
export function fillCardSlots(html: string, file: string, cards: Map<string, string>): string {
  return html.replace(/<span class="explainer-card" data-card-for="([^"]+)"><\/span>/g, (slot, page: string) => {
    const card = cards.get(`${page}.html`);
    if (!card) return slot;
    const src = posix.relative(posix.dirname(file), card);
    return `<img class="explainer-card" src="${escapeHtml(src)}" alt="" width="${cardSize.width / 2}" height="${cardSize.height / 2}" loading="lazy">`;
  });
}

/** Publishes every page of a built site in `dir` (see the module's comment). */
export async function publishPages(dir: string, options: PublishOptions): Promise<PublishResult> {
  const fonts = options.fonts ?? cardFonts();
  const files = (await listFiles(dir)).filter((f) => f.endsWith(".html")).sort();
  const pages: {file: string; html: string; info: PageInfo}[] = [];
  for (const file of files) {
    const rel = relative(dir, file).replace(/\\/g, "/");
    const html = await readFile(file, "utf-8");
    pages.push({file: rel, html, info: pageInfo(options.stage, rel, html, frontMatter(options.root, rel))});
  }
  const chartCards = new Map<string, string>();
  const charts = new Map<string, ChartInfo>();
  for (const {info} of pages) for (const chart of info.charts) if (!charts.has(chart.id)) charts.set(chart.id, chart);
  for (const [id, chart] of charts) {
    const png = await cardPng(options.root, chartCardSvg(chart, options.stage.siteName), fonts);
    chartCards.set(id, await writeCard(dir, `chart/${id}`, png));
  }
  const pageCards = new Map<string, string>();
  for (const {file, info} of pages) {
    const card = info.kind === "embed" && info.charts[0] ? chartCards.get(info.charts[0].id) : undefined;
    const png = card ? null : await cardPng(options.root, pageCardSvg(info, options.stage.siteName), fonts);
    pageCards.set(file, card ?? (await writeCard(dir, file.replace(/\.html$/, ""), png!)));
  }
  for (const {file, html, info} of pages) {
    const link = (target: string) => siteLink(options.site, file, target);
    const urls: PageUrls = {
      page: link(file),
      card: link(pageCards.get(file)!),
      chartCards: new Map([...chartCards].map(([id, path]) => [id, link(path)]))
    };
    const readAsset = (src: string) => {
      if (/^[a-z]+:/i.test(src)) return null;
      try {
        return readFileSync(join(dir, posix.dirname(file), src), "utf-8");
      } catch {
        return null;
      }
    };
    await writeFile(join(dir, file), publishHtml(fillCardSlots(html, file, pageCards), info, urls, options, readAsset));
  }
  return {pages: pages.map((p) => p.file), cards: [...new Set([...chartCards.values(), ...pageCards.values()])]};
}

/**
 * `explainer build`'s publishing step over the staged site: the site's address from
 * `EXPLAINER_SITE_URL` (warning once when it is not set), its name from the config's `title`.
 */
export async function publishBuild(dir: string, effects: Effects, stage: Stage): Promise<PublishResult> {
  const {root, stderr} = effects;
  const site = siteUrl();
  if (!site) {
    stderr(
      `publish: ${siteUrlVariable} is not set, so canonical, og:image and JSON-LD URLs are relative to each page and ` +
        `the embed code works only on this site; set it to the address dist/ is served at ` +
        `(${siteUrlVariable}=https://news.example/ukraine/ npm run build)\n`
    );
  }
  const result = await publishPages(dir, {root, site, stage});
  stderr(
    `published ${result.pages.length} pages with ${result.cards.length} social cards and a Content Security Policy\n`
  );
  return result;
}
