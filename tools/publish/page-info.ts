/**
 * What the social and search metadata of a built page say, read from the page itself and its
 * front matter, never typed anywhere else: its title, a description (front matter `description`,
 * else an embed's chart subtitle, else the page's first paragraph), its charts and its CSV downloads.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join, posix} from "node:path";
import matter from "gray-matter";
import {JSDOM} from "jsdom";
import {embedFolder} from "./embeds.ts";

/** A chart as a page shows it. */
export interface ChartInfo {
  id: string;
  /** The chart's title (its SVG's `<title>`). */
  title: string;
  /** Its subtitle as drawn. */
  subtitle: string;
  /** Its alt text (its SVG's `<desc>`): the figures with their labels, as the ledger words them. */
  alt: string;
  /** The wide SVG (the narrow one when there is no wide one). */
  wide: string;
  /** The narrow SVG (the wide one when there is no narrow one). */
  narrow: string;
}

/** A CSV file a page offers to download. */
export interface DownloadInfo {
  /** The link's `href` as built (relative to the page). */
  href: string;
  /** The file name a reader gets (the `download` attribute). */
  name: string;
  /** The link's text. */
  text: string;
  /** The text of the paragraph or caption around the link. */
  context: string;
  /** The chart it belongs to, for a chart's "Get the data" link. */
  chart?: string;
}

/** What a built page is, for its metadata. */
export interface PageInfo {
  /** The page's file in `dist/`: `index.html`, `embed/refugees-and-deaths.html`. */
  file: string;
  /** `article` (front matter with a `byline`), `embed` (a chart's embed page) or `page`. */
  kind: "article" | "embed" | "page";
  title: string;
  description: string;
  /** Front matter `byline`, for an article. */
  byline?: string;
  /** Front matter `published` (ISO date), when given. */
  published?: string;
  charts: ChartInfo[];
  downloads: DownloadInfo[];
  /** Ids of the claims the page cites, in order of appearance. */
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
    const param = readdirSync(join(root, dir), {withFileTypes: true}).find(
      (e) => e.isFile() && /^\[[^\]]+\]\.md$/.test(e.name)
    );
    return param ? `${dir}/${param.name}` : undefined;
  }
}

/** A page's front matter (empty when it has none or no source). */
export function frontMatter(root: string, file: string): Record<string, unknown> {
  const source = pageSource(root, file);
  return source ? matter(readFileSync(join(root, source), "utf-8")).data : {};
}

const text = (node: Element | null | undefined) => (node?.textContent ?? "").replace(/\s+/g, " ").trim();
const string = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);
const isoDate = (value: unknown) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : string(value)?.match(/^\d{4}-\d{2}-\d{2}/)?.[0];

/** Reads a built page's metadata from its HTML and its front matter. */
export function readPageInfo(html: string, file: string, data: Record<string, unknown> = {}): PageInfo {
  const {window} = new JSDOM(html);
  const {document} = window;
  // Cards are SVG read by an XML parser: serialize as XML (HTML's outerHTML leaves `<` in attributes and writes `&nbsp;`).
  const xml = (svg: Element | null) => (svg ? new window.XMLSerializer().serializeToString(svg) : "");
  const main = document.querySelector("main") ?? document.body;
  const charts: ChartInfo[] = [...main.querySelectorAll("figure.chart[data-chart]")].map((figure) => {
    const narrow = figure.querySelector(".chart-narrow svg") ?? figure.querySelector("svg");
    const wide = figure.querySelector(".chart-wide svg") ?? narrow;
    return {
      id: figure.getAttribute("data-chart")!,
      title: text(wide?.querySelector("title")),
      subtitle: [...(wide?.querySelectorAll("text.kit-subtitle tspan") ?? [])].map(text).join(" "),
      alt: text(wide?.querySelector("desc")),
      wide: xml(wide),
      narrow: xml(narrow)
    };
  });
  const downloads: DownloadInfo[] = [...main.querySelectorAll("a[download][href]")]
    .filter((a) => /\.csv$/i.test(a.getAttribute("href")!))
    .map((a) => ({
      href: a.getAttribute("href")!,
      name: a.getAttribute("download") || posix.basename(a.getAttribute("href")!),
      text: text(a),
      context: text(a.closest("p, figcaption, li")),
      chart: a.closest("figure.chart[data-chart]")?.getAttribute("data-chart") ?? undefined
    }));
  const kind = file.startsWith(`${embedFolder}/`) ? "embed" : string(data.byline) ? "article" : "page";
  const firstParagraph = text(main.querySelector(":scope > p"));
  const chart = charts[0];
  const title =
    kind === "embed" && chart?.title
      ? chart.title
      : (string(data.title) ?? (text(main.querySelector("h1")) || text(document.querySelector("title"))));
  const description =
    string(data.description) ??
    (kind === "embed" && chart ? chart.subtitle || chart.alt : firstParagraph || chart?.alt || title);
  const claims = [...new Set([...main.querySelectorAll("[data-claim]")].map((e) => e.getAttribute("data-claim")!))];
  return {
    file,
    kind,
    title,
    description: clip(description),
    byline: kind === "article" ? string(data.byline) : undefined,
    published: isoDate(data.published),
    charts,
    downloads,
    claims
  };
}
