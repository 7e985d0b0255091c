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
 * Parses a page's front matter and body (gray-matter), within the limits above.
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
  return parsed;
}
