/**
 * Archived sources: `data/sources/<id>.md`, the article's text as published under a front matter
 * of its metadata. Raw articles (wire copy: a headline, a date line, the article; or the seed's
 * ` date YYYY-MM-DD <headline>` then the body) are imported by `explainer add-source`.
 */
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import matter from "gray-matter";
import {slugify} from "../src/components/slug.ts";
import {checkTextSize, storyLimits} from "./limits.ts";
import {KitError, throwIfAny} from "./errors.ts";
import {datesAsWritten, frontMatterProblem} from "./front-matter.ts";
import {checkTextChars} from "./text.ts";

export {slugify};

/** The folder of archived sources, relative to the project root. */
export const sourcesDir = "data/sources";

/** An archived source: metadata and the body that quotes and offsets refer to. */
export interface Source {
  /** The file name without `.md`: `2022-03-02-putins-invasion-of-ukraine-…`. */
  id: string;
  /** Path relative to the project root, for messages. */
  file: string;
  title: string;
  byline: string;
  published: string;
  publisher: string;
  url: string;
  archived: string;
  /** The text as published; quote offsets are offsets into it. */
  body: string;
}

/** A raw article in the seed's format, before it is archived. */
export interface RawArticle {
  title: string;
  published: string;
  byline: string;
  body: string;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  if (!isoDate.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(+d) && d.toISOString().slice(0, 10) === s;
}

/**
 * What INVALID_DATE says of `value`, the value of `name` (a column, a field, an option): a date the way
 * a spreadsheet shows it (`02/03/2022`, which it may have written back into a CSV) is said to be one.
 *
 * ```ts
 * notADate("02/03/2022", "as_of"); // 'as_of "02/03/2022" is not a date YYYY-MM-DD (a spreadsheet …)'
 * ```
 */
export function notADate(value: string, name?: string): string {
  const said = `${name ? `${name} ` : ""}${JSON.stringify(value)} is not a date YYYY-MM-DD`;
  if (!/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(value.trim())) return said;
  return `${said} (a spreadsheet may have rewritten it: write it as YYYY-MM-DD in a column kept as text)`;
}

/** English month names; a date line may give a month in full or by its first three letters or more ("Mar", "Sept"). */
const monthNames = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december"
];

/**
 * A line of wire copy that gives a date and nothing else: an optional label ("Published:", "Posted",
 * "Updated"), an optional time and time zone (`10:41 AM EST,`), an optional weekday, the date
 * (`3 March 2022`, `March 3, 2022`, `2022-03-03`, a feed's `2022-03-03T09:40:00Z`), then at most a
 * time and a time zone (`, 09:40 GMT`).
 */
const dateLine =
  /^(?:(?<label>first published|published|posted|filed|date|last updated|updated|last modified|modified)\b\s*:?\s*(?:on\s+)?)?(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5})?\s*[,|]?\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:(?<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?<m1>[a-z]{3,9})\.?,?\s+(?<y1>\d{4})|(?<m2>[a-z]{3,9})\.?\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y2>\d{4})|(?<n1>\d{1,2})[/.](?<n2>\d{1,2})[/.](?<y3>\d{4})|(?<iso>\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)(?<rest>.*)$/i;

/** A date written in figures only (`25.03.2022`, `3/4/22`): the whole, and its first two parts. */
const numericDate = /(?:^|\s)((\d{1,2})[/.](\d{1,2})[/.]\d{2,4})\b/;

/** Whether a date in figures reads both ways: its first two parts differ and either could be the month (03/04/2022). */
const readsBothWays = (a: number, b: number) => a !== b && a <= 12 && b <= 12;

/**
 * What may follow the date on its line: a time and a time zone in capitals (`, 09:40 GMT`, `at 9am
 * (UTC+2)`, `10.15 AM`), then a note of an update (`/ Updated 2 hours ago`) or the agency in brackets.
 */
const dateLineRest =
  /^\s*(?:[,|/\u2013\u2014-]|at)?\s*(?:\d{1,2}[:.]\d{2}(?:\s*[aApP]\.?[mM]\.?)?|\d{1,2}\s*[aApP]\.?[mM]\.?)?\s*(?:\(?(?:[A-Z]{2,5}|(?:UTC|GMT)[+\u2212-]\d{1,2}(?::?\d{2})?)\)?)?\s*(?:[/|]\s*(?:[Ll]ast\s+)?[Uu]pdated\b.*|\([^()]{1,40}\))?\s*$/;

/**
 * The date a line of wire copy gives (see `dateLine`) as `YYYY-MM-DD`, whether it dates the
 * publication or an update; null for any other line, and for a date that does not exist.
 */
export function dateOfLine(line: string): {date: string; updated: boolean} | null {
  const m = dateLine.exec(line.trim());
  if (!m?.groups || !dateLineRest.test(m.groups.rest)) return null;
  const {label = "", d1, m1, y1, m2, d2, y2, n1, n2, y3, iso} = m.groups;
  const pad = (n: string | number) => String(n).padStart(2, "0");
  let date = iso;
  if (n1) {
    // In figures only when the order cannot be mistaken: a part over 12 is the day (25.03.2022, 3/25/2022).
    const [a, b] = [Number(n1), Number(n2)];
    if (readsBothWays(a, b)) return null;
    const [day, month] = a > 12 ? [a, b] : [b, a];
    date = `${y3}-${pad(month)}-${pad(day)}`;
  } else if (!date) {
    const name = (m1 ?? m2).toLowerCase();
    const month = monthNames.findIndex((full) => full === name || (name.length >= 3 && full.startsWith(name)));
    if (month < 0) return null;
    date = `${y1 ?? y2}-${pad(month + 1)}-${pad(d1 ?? d2)}`;
  }
  return isIsoDate(date) ? {date, updated: /updated|modified/i.test(label)} : null;
}

/** A byline and the date on one line: `By Fixture Staff | March 3, 2022`; null for any other line. */
function bylineAndDate(line: string): {date: string; updated: boolean; byline: string} | null {
  const m = /^\s*By\s+(.+?)\s*[|·•/]\s*(.+)$/.exec(line);
  const read = m && dateOfLine(m[2]);
  return read ? {...read, byline: m[1]} : null;
}

/** How many non-empty lines under a headline are searched for its date line (a byline, a dateline, a caption). */
const dateLineWindow = 4;

/**
 * Reads a raw article in either of two layouts, and throws NOT_AN_ARTICLE naming what is missing:
 *
 * - the seed's: first line ` date YYYY-MM-DD <headline>`, then the body;
 * - wire copy's: the headline on the first line, and among the next few lines one that gives the
 *   date it was published (`Published: 3 March 2022, 09:40 GMT`, `March 3, 2022`, `2022-03-03`),
 *   which is left out of the body; or that date line first, then the headline. A line that dates an
 *   update (`Updated: …`) stays in the body.
 *
 * `published` (`add-source --published`) gives the date when the article has none, or overrides
 * it. The byline is the body's first line that reads `By <name>`, or the name on a date line that
 * gives both (`By Fixture Staff | March 3, 2022`).
 */
export function parseRawArticle(raw: string, file: string, published?: string): RawArticle {
  checkText(raw, file);
  // Windows and old Mac line ends are archived as "\n", like the front matter the kit writes above them.
  const text = raw.replace(/\r\n?/g, "\n");
  if (/^\s*<(?:!doctype|html|head|body)\b/i.test(text)) {
    const detail =
      "the file is a web page's HTML: save the article as text (its headline on the first line, then a line with the date it was published, then the article)";
    throw new KitError("NOT_AN_ARTICLE", detail, {file, line: 1});
  }
  const lines = text.split("\n");
  // A date line above the headline dates it as well as one below.
  const above = lines.findIndex((line) => line.trim() !== "");
  const dateAbove = dateOfLine(lines[above]);
  const first = dateAbove && !dateAbove.updated ? lines.findIndex((line, i) => i > above && line.trim() !== "") : above;
  if (first < 0) throw new KitError("SOURCE_EMPTY", "the article has no headline and no body", {file, line: above + 2});
  const seed = /^\s*date\s+(\S+)\s+(.+?)\s*$/.exec(lines[first]);
  const title = (seed ? seed[2] : lines[first]).trim();
  let date = seed?.[1] ?? (first !== above ? dateAbove?.date : undefined);
  const bodyLines = lines.slice(first + 1);
  // The lines under the headline that may date it.
  const near = bodyLines
    .map((line, i) => ({line, i}))
    .filter(({line}) => line.trim() !== "")
    .slice(0, dateLineWindow);
  let update: {line: string; i: number} | undefined;
  let byline: string | undefined;
  if (date === undefined) {
    const dated = near.map(({line, i}) => {
      const read: {date: string; updated: boolean; byline?: string} | null = dateOfLine(line) ?? bylineAndDate(line);
      return {line, i, read};
    });
    const found = dated.find(({read}) => read && !read.updated);
    update = dated.find(({read}) => read?.updated);
    if (found) {
      const read = found.read!;
      date = read.date;
      if (read.byline !== undefined) byline = read.byline;
      bodyLines.splice(found.i, 1);
    }
  }
  date = published ?? date;
  if (date === undefined) {
    const fix = `add a line with the date it was published ("Published: 3 March 2022", "March 3, 2022" or "2022-03-03") below the headline, or give --published YYYY-MM-DD`;
    const numeric = near
      .map(({line, i}) => ({i, m: numericDate.exec(line)}))
      .map(({i, m}) => ({i, date: m && readsBothWays(Number(m[2]), Number(m[3])) ? m[1] : undefined}))
      .find((n) => n.date);
    const detail = update
      ? `the only date under the headline ${JSON.stringify(title)} is an update's (${JSON.stringify(update.line.trim())}): ${fix}`
      : numeric
        ? `the date under the headline ${JSON.stringify(title)} is written in figures, ${numeric.date}, which can be read day first or month first: write it as "3 March 2022" or "2022-03-03", or give --published YYYY-MM-DD`
        : `no date under the headline ${JSON.stringify(title)}: ${fix}`;
    throw new KitError("NOT_AN_ARTICLE", detail, {file, line: first + 2 + (update?.i ?? numeric?.i ?? 0)});
  }
  if (!isIsoDate(date)) {
    if (published !== undefined) throw new KitError("INVALID_DATE", notADate(date, "--published"), {file});
    throw new KitError("INVALID_DATE", notADate(date), {file, line: first + 1});
  }
  const body =
    bodyLines
      .join("\n")
      .replace(/^\s*\n/, "")
      .replace(/\s+$/, "") + "\n";
  if (body.trim() === "") throw new KitError("SOURCE_EMPTY", "the article has no body", {file, line: first + 2});
  byline ??= /^By (.+?)\s*$/m.exec(body)?.[1] ?? "";
  return {title, published: date, byline, body};
}

/**
 * Rejects empty, binary and wrongly encoded text (at the line of its first bad byte) before it is read
 * as an article or source.
 */
export function checkText(text: string, file: string): void {
  if (text.trim() === "") throw new KitError("SOURCE_EMPTY", "the file is empty", {file});
  checkTextChars(text, file);
}

/** Decodes a file as UTF-8, failing with NOT_UTF8 or NOT_TEXT (and the line) rather than reading mojibake. */
export function decodeText(bytes: Uint8Array, file: string): string {
  const text = new TextDecoder("utf-8").decode(bytes);
  checkText(text, file);
  return text;
}

/**
 * The id an article gets when archived: `<published>-<slug of headline>`. Throws INVALID_ID, at the
 * headline's line of `file`, for a headline with no Latin letter or digit to make a slug of (one in
 * Cyrillic, say): such an article is archived under an id the editor gives.
 */
export function sourceIdOf(article: Pick<RawArticle, "published" | "title">, file: string): string {
  const slug = slugify(article.title);
  if (slug === "") {
    const detail = `the headline ${JSON.stringify(article.title)} has no Latin letter or digit to make the source's id of; give one with --id ID`;
    throw new KitError("INVALID_ID", detail, {file, line: 1});
  }
  return `${article.published}-${slug}`;
}

/** Writes an archived source file's text: front matter (empty where unknown), then the body. */
export function formatSource(meta: Omit<Source, "id" | "file" | "body">, body: string): string {
  const field = (name: string, value: string) => `${name}: ${value === "" ? '""' : JSON.stringify(value)}\n`;
  return (
    "---\n" +
    field("title", meta.title) +
    field("byline", meta.byline) +
    field("published", meta.published) +
    field("publisher", meta.publisher) +
    field("url", meta.url) +
    field("archived", meta.archived) +
    "---\n" +
    body
  );
}

/**
 * The largest front matter a source may have, in characters. A source's front matter is six short
 * fields; the limit stops a huge or deeply nested block before the YAML parser reads it.
 */
export const maxFrontMatter = 16 * 1024;

/** The front matter fields a source's metadata is read from. */
const sourceFields = ["title", "byline", "published", "publisher", "url", "archived"] as const;

/** True for an absolute `http:` or `https:` URL, the only kinds a source's `url` may be. */
export function isHttpUrl(text: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** The line of a top-level front matter field (`url: …`) in a source's text, or 1 when it is not found. */
function fieldLine(text: string, name: string): number {
  const m = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[ \\t]*:`, "m").exec(text);
  return m ? text.slice(0, m.index).split("\n").length : 1;
}

/** Parses the YAML front matter of a source, refusing a block over `maxFrontMatter` and values that are not scalars. */
function frontMatterOf(text: string, file: string): matter.GrayMatterFile<string> {
  const end = text.indexOf("\n---", 3);
  const size = end < 0 ? text.length : end;
  if (size > maxFrontMatter) {
    throw new KitError(
      "SOURCE_BAD_FRONT_MATTER",
      `the front matter is ${size} characters, over the limit of ${maxFrontMatter}; it holds a few short fields (title, byline, published, publisher, url, archived)`,
      {file, line: 1}
    );
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, {});
  } catch (error) {
    const {detail, line} = frontMatterProblem(error);
    throw new KitError("SOURCE_BAD_FRONT_MATTER", detail, {file, line});
  }
  parsed.data = datesAsWritten(parsed.data, parsed.matter);
  // A list or map where a field is read (an alias bomb is one) is refused before anything turns it into text.
  for (const name of sourceFields) {
    const value: unknown = parsed.data[name];
    if (value !== null && typeof value === "object" && !(value instanceof Date)) {
      throw new KitError(
        "SOURCE_BAD_FRONT_MATTER",
        `"${name}" is a ${Array.isArray(value) ? "list" : "map"}; it must be a single value (no list, map, anchor or alias)`,
        {file, line: fieldLine(text, name)}
      );
    }
  }
  return parsed;
}

/**
 * Parses an archived source file. Throws SOURCE_NO_FRONT_MATTER, SOURCE_BAD_FRONT_MATTER,
 * SOURCE_NO_DATE, INVALID_DATE or INVALID_URL (a `url` that is not http or https).
 */
export function parseSource(written: string, file: string): Source {
  checkTextSize(written, file, storyLimits.sourceChars, "the source");
  checkText(written, file);
  // A checkout that made every "\n" a "\r\n" (Git's autocrlf on Windows) reads as the kit wrote it,
  // so a quote's offsets count the same characters on every machine.
  const text = written.replace(/\r\n?/g, "\n");
  if (!text.startsWith("---\n")) {
    throw new KitError("SOURCE_NO_FRONT_MATTER", "the file does not start with a --- front matter block", {
      file,
      line: 1
    });
  }
  const parsed = frontMatterOf(text, file);
  const data = parsed.data as Record<string, unknown>;
  const str = (name: string): string => {
    const v = data[name];
    if (v === undefined || v === null) return "";
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return String(v);
  };
  const problems: KitError[] = [];
  const url = str("url");
  if (url !== "" && !isHttpUrl(url)) {
    problems.push(
      new KitError("INVALID_URL", `url ${JSON.stringify(url)} is not an http or https address`, {
        file,
        line: fieldLine(text, "url")
      })
    );
  }
  for (const name of ["published", "archived"]) {
    const value = str(name);
    if (value === "") {
      if (name === "published")
        problems.push(new KitError("SOURCE_NO_DATE", "front matter has no published date", {file, field: "published"}));
    } else if (!isIsoDate(value)) {
      problems.push(new KitError("INVALID_DATE", notADate(value), {file, field: name}));
    }
  }
  throwIfAny(problems);
  const id = file.replace(/^.*\//, "").replace(/\.md$/, "");
  return {
    id,
    file,
    title: str("title"),
    byline: str("byline"),
    published: str("published"),
    publisher: str("publisher"),
    url: str("url"),
    archived: str("archived"),
    body: parsed.content
  };
}

/**
 * The ids of the archived sources under `root`: their file names without `.md`, in file name order;
 * none when there is no sources folder yet.
 */
export function sourceIds(root: string): string[] {
  try {
    return readdirSync(join(root, sourcesDir))
      .filter((n) => n.endsWith(".md"))
      .sort()
      .map((n) => n.slice(0, -3));
  } catch {
    return [];
  }
}

/**
 * Reads every archived source under `root`, in id order; reports every bad file, not only the first.
 * Synchronous, because the page plugin reads the story while markdown-it renders (which is sync).
 */
export function readSourcesSync(root: string): Source[] {
  const dir = join(root, sourcesDir);
  const sources: Source[] = [];
  const problems: KitError[] = [];
  for (const id of sourceIds(root)) {
    const name = `${id}.md`;
    const file = `${sourcesDir}/${name}`;
    try {
      sources.push(parseSource(decodeText(readFileSync(join(dir, name)), file), file));
    } catch (error) {
      if (error instanceof KitError) problems.push(error);
      else throw error;
    }
  }
  throwIfAny(problems);
  return sources;
}

/** readSourcesSync for async callers. */
export async function readSources(root: string): Promise<Source[]> {
  return readSourcesSync(root);
}
