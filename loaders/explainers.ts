/**
 * Explainers: the desk's stories, one page each, `src/explainers/<slug>.md`, served at
 * `/explainers/<slug>`. A page's front matter says what the home page, the metadata and the
 * social card need (`title`, `standfirst`, `byline`, `published`, `draft`, `card`); its body cites claims
 * as `{claim-id}` and places charts with `::: chart <id>`. `readExplainers` is the boundary: past
 * it, every explainer is a typed, checked value.
 */
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {readFrontMatter} from "./front-matter.ts";
import {isSlug} from "../src/components/slug.ts";
import {KitError, problemsOf, throwIfAny, type ErrorCode} from "./errors.ts";
import {isIsoDate, notADate} from "./sources.ts";

/** The folder of explainer pages, relative to the project root; its pages are `/explainers/<slug>`. */
export const explainersDir = "src/explainers";

/** The desk's home page, which lists the explainers; its front matter may name the site (`site_name`). */
export const homePage = "src/index.md";

/** What the site is called when the home page does not say. */
export const defaultSiteName = "Explainer Kit";

/**
 * The site's name, from the home page's front matter (`site_name: The Daily Fixture`), or
 * {@link defaultSiteName}: the end of each page's `<title>`, `og:site_name`, the publisher in
 * JSON-LD, and the foot of the social cards. Throws `INVALID_FIELD` at its line when it is not one
 * line of text. Read once, by the story stage (`Stage.siteName`); Framework's config and publishing
 * take it from there.
 */
export function siteNameOf(root: string): string {
  let text: string;
  try {
    text = readFileSync(join(root, homePage), "utf-8");
  } catch {
    return defaultSiteName;
  }
  const value = (readFrontMatter(text, homePage).data as Record<string, unknown>).site_name;
  if (value === undefined || value === null) return defaultSiteName;
  if (typeof value !== "string" || !value.trim() || /[\r\n]/.test(value.trim()) || value.length > maxSiteName) {
    throw new KitError(
      "INVALID_FIELD",
      `site_name is the site's name: one line of text, up to ${maxSiteName} characters`,
      {
        file: homePage,
        line: keyLine(text, "site_name")
      }
    );
  }
  return value.trim();
}

/** The longest site name: it ends every page's title, and fits on one line at the foot of a social card. */
const maxSiteName = 60;

/** An explainer page, its front matter checked. */
export interface Explainer {
  /** The file name without `.md`: the page is `/explainers/<slug>`. */
  slug: string;
  /** `src/explainers/<slug>.md`, for messages. */
  file: string;
  title: string;
  /** One or two sentences under the title, on the page and on the home page; may cite `{claim-id}`. */
  standfirst: string;
  byline: string;
  /** The day the explainer was first published (ISO). */
  published: string;
  /** Shown in `npm run dev`, left out of `npm run build`. */
  draft: boolean;
  /**
   * The claim the page's social card shows large (`card: refugees`), one the page shows; absent, the
   * card shows its first chart's key figure.
   */
  card?: string;
  /** Phrases of the page that hold a number but cite nothing (quoted from a source): `dozens of miles`. */
  allow: string[];
  /**
   * How old, in days, the newest figure of each measure the page shows may be before `check` warns
   * (`maxAgeDays: 30`); absent when the page sets none (docs/living-figures.md).
   */
  maxAgeDays?: number;
  /** The page's Markdown, front matter included (line numbers count from its first line). */
  text: string;
  /** The line of the file the body starts on. */
  bodyLine: number;
}

/** A `{…}` that looks like a figure reference; used to catch references nothing resolves. */
export const referenceLike = /\{\s*[A-Za-z0-9][\w.-]*\s*\}/;

/** The date in a front matter value: YAML reads `2022-03-02` as a Date, quotes keep it a string. */
function isoOf(value: unknown): string {
  if (value instanceof Date && !Number.isNaN(+value)) return value.toISOString().slice(0, 10);
  return typeof value === "string" ? value.trim() : "";
}

/** The line (1-based) of a front matter key in a page's text, for messages. */
export function keyLine(text: string, key: string): number {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.startsWith(`${key}:`));
  return i >= 0 ? i + 1 : 1;
}

/**
 * Parses one explainer page. Throws every problem of its front matter: `title` and `published`
 * are required, `published` is a date, `draft` a boolean, and no `{…}` reference sits in the title
 * or the byline (Framework writes them into `<title>` as they are).
 */
export function parseExplainer(text: string, slug: string): Explainer {
  const file = `${explainersDir}/${slug}.md`;
  const problems: KitError[] = [];
  const fail = (code: ErrorCode, key: string, detail: string) =>
    problems.push(new KitError(code, detail, {file, line: keyLine(text, key)}));
  const parsed = readFrontMatter(text, file);
  const data = parsed.data as Record<string, unknown>;
  const string = (key: string): string => {
    const value = data[key];
    if (value === undefined || value === null) return "";
    if (typeof value !== "string") {
      fail("INVALID_FIELD", key, `${key} is not text`);
      return "";
    }
    return value.trim();
  };
  if (!isSlug(slug)) {
    problems.push(
      new KitError("INVALID_ID", `explainer "${slug}" is not a slug (lower-case letters, digits and hyphens)`, {file})
    );
  }
  const title = string("title");
  if (title === "") fail("MISSING_FIELD", "title", "the front matter has no title");
  const standfirst = string("standfirst");
  const byline = string("byline");
  const card = string("card");
  for (const [key, value] of [
    ["title", title],
    ["byline", byline]
  ] as const) {
    const ref = referenceLike.exec(value);
    if (ref) {
      fail(
        "UNRESOLVED_REFERENCE",
        key,
        `${ref[0]} in the ${key} is not resolved (it is written into the page's <title> and metadata as it is); write the words, or cite the figure in the standfirst`
      );
    }
  }
  const published = isoOf(data.published);
  if (published === "") fail("MISSING_FIELD", "published", "the front matter has no published date (YYYY-MM-DD)");
  else if (!isIsoDate(published)) fail("INVALID_DATE", "published", notADate(published, "published"));
  if (data.draft !== undefined && typeof data.draft !== "boolean")
    fail("INVALID_FIELD", "draft", "draft is true or false");
  const allow = data.allow === undefined ? [] : Array.isArray(data.allow) ? data.allow.map(String) : null;
  if (allow === null) fail("INVALID_FIELD", "allow", "allow is a list of phrases");
  const maxAgeDays = data.maxAgeDays ?? null;
  if (maxAgeDays !== null && !(Number.isInteger(maxAgeDays) && (maxAgeDays as number) > 0))
    fail(
      "INVALID_FIELD",
      "maxAgeDays",
      `maxAgeDays ${JSON.stringify(maxAgeDays)} is not a whole number of days above 0`
    );
  throwIfAny(problems);
  const bodyLine = text.slice(0, text.length - parsed.content.length).split("\n").length;
  return {
    slug,
    file,
    title,
    standfirst,
    byline,
    published,
    draft: data.draft === true,
    ...(card ? {card} : {}),
    allow: allow ?? [],
    ...(maxAgeDays !== null ? {maxAgeDays: maxAgeDays as number} : {}),
    text,
    bodyLine
  };
}

/** The slugs of the explainer pages, sorted; a missing folder has none. */
export function explainerSlugs(root: string): string[] {
  try {
    return readdirSync(join(root, explainersDir))
      .filter((name) => name.endsWith(".md"))
      .map((name) => name.slice(0, -".md".length))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** Reads every explainer page; the ones with problems are left out and their problems returned. */
export function readExplainers(root: string): {explainers: Explainer[]; problems: KitError[]} {
  const explainers: Explainer[] = [];
  const problems: KitError[] = [];
  for (const slug of explainerSlugs(root)) {
    try {
      explainers.push(parseExplainer(readFileSync(join(root, explainersDir, `${slug}.md`), "utf-8"), slug));
    } catch (error) {
      if (problemsOf(error).length === 0) throw error;
      problems.push(...problemsOf(error));
    }
  }
  return {explainers, problems};
}

/** The newest first, then by title: the order of the home page. */
export function newestFirst<T extends Pick<Explainer, "published" | "title">>(explainers: T[]): T[] {
  return [...explainers].sort((a, b) =>
    a.published !== b.published ? (a.published < b.published ? 1 : -1) : a.title.localeCompare(b.title)
  );
}

/**
 * The page `explainer new` writes: front matter, the title, the standfirst, byline, corrections,
 * a first paragraph to replace, the ledger download and Sources. It cites nothing yet, so it
 * passes `check` and builds as it is.
 */
export function scaffoldExplainer({
  title,
  standfirst,
  byline,
  published,
  draft
}: {
  title: string;
  standfirst: string;
  byline: string;
  published: string;
  draft: boolean;
}): string {
  const yaml = (s: string) => JSON.stringify(s);
  return [
    "---",
    `title: ${yaml(title)}`,
    `standfirst: ${yaml(standfirst)}`,
    `byline: ${yaml(byline)}`,
    `published: ${published}`,
    ...(draft ? ["draft: true"] : []),
    "---",
    "",
    `# ${title.replace(/[\\`*_[\]<>#]/g, "\\$&")}`,
    "",
    "::: standfirst",
    "",
    "::: byline",
    "",
    "::: corrections",
    "",
    "<!-- Write the explainer here. Cite each figure from data/claims.csv by its id in braces, and place a chart",
    "     with a line of its own: ::: chart followed by the chart's id. docs/explainers.md shows how. -->",
    "",
    "::: ledger",
    "",
    "::: sources",
    ""
  ].join("\n");
}
