/**
 * What the social and search metadata of a built page say, taken from the story stage (an
 * explainer's front matter, what it cites, its charts as the stage rendered them) and the page's
 * front matter, never typed anywhere else and never recovered from the built HTML: the HTML is
 * only asked which charts and downloads it holds.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join, posix} from "node:path";
import {readFrontMatter} from "../../loaders/front-matter.ts";
import {claimCardFigure, type CardFigure} from "../../src/components/chart.ts";
import {resolveText} from "../../src/components/chart-text.ts";
import {embedFolder} from "../../loaders/chart-block.ts";
import type {Stage, StagedChart} from "../../loaders/stage-model.ts";

/** A chart as a page shows it. */
export interface ChartInfo {
  id: string;
  /** The chart's title. */
  title: string;
  /** Its subtitle as drawn. */
  subtitle: string;
  /** Its alt text: the figures with their labels, as the ledger words them. */
  alt: string;
  /** The source line under it. */
  source: string;
  /** The wide SVG. */
  wide: string;
  /** The narrow SVG. */
  narrow: string;
  /** The figure its social card shows large, or null. */
  figure: CardFigure | null;
}

/** A CSV file a page offers to download. */
export interface DownloadInfo {
  /** The link's `href` as built (relative to the page). */
  href: string;
  /** The file name a reader gets (the `download` attribute). */
  name: string;
  /** The link's text. */
  text: string;
  /** What it holds, in a sentence. */
  context: string;
  /** The chart it belongs to, for a chart's "Get the data" link. */
  chart?: string;
}

/** What a built page is, for its metadata. */
export interface PageInfo {
  /** The page's file in `dist/`: `index.html`, `explainers/x.html`, `embed/refugees-and-deaths.html`. */
  file: string;
  /** `article` (an explainer), `embed` (a chart's embed page) or `page`. */
  kind: "article" | "embed" | "page";
  title: string;
  description: string;
  /** The explainer's byline. */
  byline?: string;
  /** The explainer's first publication (ISO date), or a page's front matter `published`. */
  published?: string;
  charts: ChartInfo[];
  /** The figure its social card shows large: the explainer's `card` claim, else its first chart's key figure. */
  figure: CardFigure | null;
  downloads: DownloadInfo[];
  /** Ids of the claims the page cites, in order of first use. */
  claims: string[];
}

/** The longest description metadata carries, in characters; longer text is cut at a word. */
export const descriptionLength = 200;

/** Text on one line, shortened at a word with "…" when over `max` characters. */
export function clip(text: string, max = descriptionLength): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > max / 2 ? space : cut.length).replace(/[\s,;:.–—-]+$/, "")}…`;
}

/** The source of a built page: `src/<path>.md`, or the parameterized page of its folder (`src/embed/[chart].md`). */
export function pageSource(root: string, file: string): string | undefined {
  const md = `src/${file.replace(/\.html$/, ".md")}`;
  try {
    readFileSync(join(root, md));
    return md;
  } catch {
    const dir = posix.dirname(md);
    try {
      const param = readdirSync(join(root, dir), {withFileTypes: true}).find(
        (e) => e.isFile() && /^\[[^\]]+\]\.md$/.test(e.name)
      );
      return param ? `${dir}/${param.name}` : undefined;
    } catch {
      return undefined;
    }
  }
}

/** A page's front matter (empty when it has none or no source). */
export function frontMatter(root: string, file: string): Record<string, unknown> {
  const source = pageSource(root, file);
  return source ? readFrontMatter(readFileSync(join(root, source), "utf-8"), source).data : {};
}

/** A chart of the stage as pages show it. */
export function chartInfo(chart: StagedChart): ChartInfo {
  const {id, title, subtitle, alt, source, wide, narrow, figure} = chart;
  return {id, title, subtitle, alt, source, wide, narrow, figure: figure ?? null};
}

const string = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);
const isoDate = (value: unknown) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : string(value)?.match(/^\d{4}-\d{2}-\d{2}/)?.[0];
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'"})[e]!)
    .replace(/\s+/g, " ")
    .trim();

/**
 * A built page's metadata, from the stage and its front matter. From the HTML it reads only the ids
 * of the charts and the CSV links it holds, and, for a page that is neither an explainer nor an
 * embed and has no `description`, its first paragraph.
 */
export function pageInfo(stage: Stage, file: string, html: string, data: Record<string, unknown> = {}): PageInfo {
  const slug = new RegExp(`^explainers/([^/]+)\\.html$`).exec(file)?.[1];
  const explainer = slug ? stage.explainers.find((e) => e.slug === slug) : undefined;
  const kind = file.startsWith(`${embedFolder}/`) ? "embed" : explainer ? "article" : "page";
  const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? html;
  const chartIds = [
    ...new Set([...main.matchAll(/<figure class="chart"[^>]*\bdata-chart="([^"]+)"/g)].map((m) => m[1]))
  ];
  const charts = chartIds.flatMap((id) => (stage.charts[id] ? [chartInfo(stage.charts[id])] : []));
  const downloads: DownloadInfo[] = [...main.matchAll(/<a href="([^"]+\.csv)" download="([^"]*)">([^<]*)<\/a>/g)].map(
    ([, href, name, text]) => {
      const chart = /data\/download\/charts\/([^/]+)\.csv$/.exec(href)?.[1];
      const context = chart
        ? `The figures the chart “${stage.charts[chart]?.title ?? chart}” shows, with their sources.`
        : "Every figure on this page, with its qualifier, attribution, quote and source.";
      return {href, name: name || posix.basename(href), text: textOf(text), context, ...(chart ? {chart} : {})};
    }
  );
  const chart = charts[0];
  const claimsById = new Map(stage.claims.map((c) => [c.id, c]));
  const title =
    kind === "embed" && chart
      ? chart.title
      : (explainer?.title ??
        string(data.title) ??
        (textOf(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(main)?.[1] ?? "") ||
          textOf(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "")));
  const firstParagraph = textOf(/<p\b[^>]*>([\s\S]*?)<\/p>/.exec(main)?.[1] ?? "");
  const description =
    string(data.description) ??
    (explainer?.standfirst ? resolveText(explainer.standfirst, claimsById) : undefined) ??
    (kind === "embed" && chart ? chart.subtitle || chart.alt : firstParagraph || chart?.alt || title);
  // A card naming no claim of the ledger fails check, which blocks the build; a draft is not built.
  const cardClaim = explainer?.card ? claimsById.get(explainer.card) : undefined;
  const claims = explainer?.claims ?? [...new Set([...main.matchAll(/data-claim="([^"]+)"/g)].map((m) => m[1]))];
  return {
    file,
    kind,
    title,
    description: clip(description),
    byline: explainer?.byline || undefined,
    published: explainer?.published ?? isoDate(data.published),
    charts,
    figure: cardClaim ? claimCardFigure(cardClaim) : (charts.find((c) => c.figure)?.figure ?? null),
    downloads,
    claims
  };
}
