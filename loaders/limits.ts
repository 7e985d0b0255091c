/**
 * Limits on JSON read from a file or a request, checked on the text before it is parsed: a chart
 * spec nested 100,000 deep would otherwise overflow the stack of every recursive reader after
 * `JSON.parse` (the schema, the formatter), and a huge one would be read whole for nothing.
 */
import {KitError} from "./errors.ts";

/** How large and how deep JSON may be. */
export interface JsonLimits {
  /** The most bytes (UTF-8). */
  maxBytes: number;
  /** The most nested arrays and objects; a flat object is depth 1. */
  maxDepth: number;
}

/**
 * The limits of a chart spec: 256 KiB, as the editor's save endpoint accepts, and 32 levels (a spec
 * nests 4 deep: `annotations[0].on.claim`).
 */
export const chartJsonLimits: JsonLimits = {maxBytes: 256 * 1024, maxDepth: 32};

/**
 * Throws JSON_TOO_LARGE or JSON_TOO_DEEP (with the line where the limit is passed) when JSON text is
 * over its limits; says nothing about whether it is valid JSON, which `JSON.parse` then decides.
 *
 * ```ts
 * checkJsonLimits(text, "data/charts/refugees.json"); // then JSON.parse(text) is safe to walk
 * ```
 */
export function checkJsonLimits(text: string, file: string, limits: JsonLimits = chartJsonLimits): void {
  const bytes = Buffer.byteLength(text, "utf-8");
  if (bytes > limits.maxBytes) {
    throw new KitError("JSON_TOO_LARGE", `the file is ${bytes} bytes, over the limit of ${limits.maxBytes}`, {file});
  }
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (inString) {
      if (c === 92)
        i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limits.maxDepth) {
        throw new KitError("JSON_TOO_DEEP", `arrays and objects nest deeper than ${limits.maxDepth} levels`, {
          file,
          line
        });
      }
    } else if (c === 93 || c === 125) depth--;
  }
}

/**
 * The largest files the kit reads as a story, in characters: a CSV file of the desk (the ledger, the
 * ignore list, places, corrections) and an archived source. A desk ten times the size of a large real
 * one (a thousand claims, fifty sources of twenty thousand characters) is far below them, and builds
 * in under a minute (`npm run bench`, key `limits.large_story_build_ms`); a file over them is refused
 * with FILE_TOO_LARGE, before anything reads it.
 */
export const storyLimits = {csvChars: 5_000_000, sourceChars: 2_000_000} as const;

/** Throws FILE_TOO_LARGE when `text` is longer than `max` characters. */
export function checkTextSize(text: string, file: string, max: number, what: string): void {
  if (text.length > max) {
    throw new KitError(
      "FILE_TOO_LARGE",
      `${what} is ${text.length.toLocaleString("en-US")} characters, over the kit's limit of ${max.toLocaleString("en-US")}; split it, or keep large data as a dataset (npx explainer add-dataset)`,
      {file}
    );
  }
}
