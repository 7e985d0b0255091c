/**
 * A page's front matter, read safely: at most `maxPageFrontMatter` characters, nested at most a few
 * levels, and with no YAML anchor or alias (front matter needs none, and an alias bomb is made of
 * them). Every reader of a page's front matter goes through here, so a hostile page is refused with
 * its file and line before anything walks its values.
 */
import matter from "gray-matter";
import {KitError} from "./errors.ts";

/** The largest front matter a page may have, in characters. */
export const maxPageFrontMatter = 16 * 1024;

/** How deep a front matter value may nest (a list of phrases is depth 2). */
const maxDepth = 4;

/** Throws INVALID_FRONT_MATTER when a value nests too deep or reuses a node (an alias). */
function checkShape(value: unknown, file: string, seen = new Set<object>(), depth = 0): void {
  if (value === null || typeof value !== "object" || value instanceof Date) return;
  if (seen.has(value)) {
    throw new KitError("INVALID_FRONT_MATTER", "the front matter uses a YAML alias; write each value out", {
      file,
      line: 1
    });
  }
  if (depth >= maxDepth) {
    throw new KitError("INVALID_FRONT_MATTER", `the front matter nests deeper than ${maxDepth} levels`, {
      file,
      line: 1
    });
  }
  seen.add(value);
  for (const child of Object.values(value)) checkShape(child, file, seen, depth + 1);
}

/**
 * A front matter that YAML refuses, as a problem: js-yaml's reason, at the line of the file where it
 * noticed it (the line after an unclosed bracket, the end of the block after an unclosed quote).
 */
export function frontMatterProblem(error: unknown): {detail: string; line: number} {
  if (error instanceof RangeError) return {detail: "the front matter nests too deep", line: 1};
  const {reason, mark, message} = error as {reason?: string; mark?: {line: number}; message: string};
  // gray-matter gives YAML the text after the opening "---": its line 0 is the rest of the file's line 1.
  return {detail: reason ?? message.split("\n")[0], line: mark ? mark.line + 1 : 1};
}

/**
 * The front matter's values with every top-level date as it is written when YAML rolled it over: YAML
 * reads `published: 2026-13-45` as a date, 14 February 2027, which a page would then show. Given back
 * as its text, it fails the date checks (INVALID_DATE). Returns `data` itself when no date rolled over.
 *
 * ```ts
 * datesAsWritten({published: new Date("2027-02-14")}, "published: 2026-13-45\n"); // {published: "2026-13-45"}
 * ```
 */
export function datesAsWritten(data: Record<string, unknown>, yaml: string): Record<string, unknown> {
  let written: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(data)) {
    if (!(value instanceof Date)) continue;
    const line = new RegExp(`^${key.replace(/[^\w-]/g, "\\$&")}[ \t]*:[ \t]*(\\S+)`, "m").exec(yaml);
    const text = line?.[1];
    if (text === undefined || (!Number.isNaN(+value) && text.startsWith(value.toISOString().slice(0, 10)))) continue;
    (written ??= {...data})[key] = text;
  }
  return written ?? data;
}

/**
 * Parses a page's front matter and body (gray-matter), within the limits above; a date YAML rolled
 * over is given back as written (`datesAsWritten`).
 *
 * ```ts
 * const {data, content} = readFrontMatter(text, "src/explainers/one-million.md");
 * ```
 */
export function readFrontMatter(text: string, file: string): matter.GrayMatterFile<string> {
  if (text.startsWith("---")) {
    const end = text.indexOf("\n---", 3);
    const size = end < 0 ? text.length : end;
    if (size > maxPageFrontMatter) {
      throw new KitError(
        "INVALID_FRONT_MATTER",
        `the front matter is ${size} characters, over the limit of ${maxPageFrontMatter}`,
        {file, line: 1}
      );
    }
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text);
  } catch (error) {
    const {detail, line} = frontMatterProblem(error);
    throw new KitError("INVALID_FRONT_MATTER", detail, {file, line});
  }
  checkShape(parsed.data, file);
  const data = datesAsWritten(parsed.data, parsed.matter);
  // A new object: gray-matter keeps what it parsed for the next call with the same text.
  return data === parsed.data ? parsed : {...parsed, data};
}
