/**
 * Text as typography sets it, read as a reader reads it. For comparing quotes with sources, only
 * what typography changes is normalized: runs of whitespace, invisible characters, curly and straight
 * quotes, apostrophes and dashes; the result keeps a map back to the original offsets, so a match in
 * normalized text is a span in the source. Also the spaces wire copy sets inside figures (for the
 * number finder) and the line of an offset (for messages).
 */

import {KitError} from "./errors.ts";

const folds: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201b": "'",
  "\u2032": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u201f": '"',
  "\u2033": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2015": "-",
  "\u2212": "-"
};

/** Folds one character: typographic quotes to straight ones, dashes to a hyphen. */
export function foldChar(c: string): string {
  return folds[c] ?? c;
}

/** The no-break, figure, thin and narrow no-break spaces that wire copy sets inside figures. */
const setSpace = /[\u00a0\u2007\u2009\u202f]/g;
/** Digit groups split by one of them: "2\u202f000", "1\u00a0200\u00a0000". */
const spacedGroups = /(?<![\d.,])\d{1,3}(?:[\u00a0\u2007\u2009\u202f]\d{3})+(?!\d)/g;

/**
 * The text as the number finder reads it: such a space between digit groups is a thousands
 * separator ("2 000" reads "2,000"), anywhere else a space ("1,200 people", "40 per cent"). Each is
 * one UTF-16 unit and becomes one, so an offset into the result is an offset into `text`.
 *
 * ```ts
 * plainSpaces("2\u202f000\u00a0people") // "2,000 people"
 * ```
 */
export function plainSpaces(text: string): string {
  if (text.search(setSpace) < 0) return text;
  return text.replace(spacedGroups, (m) => m.replace(setSpace, ",")).replace(setSpace, " ");
}

/** The line of a character offset, counting from 1. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/**
 * Refuses decoded text that is not text, at the line of its first bad character: a NUL (`NOT_TEXT`: a
 * binary file) or a U+FFFD (`NOT_UTF8`: what a byte that is not UTF-8 becomes when the bytes are
 * decoded, or one left by an earlier bad conversion). Decoded without `fatal`, each bad byte stays a
 * U+FFFD at its place, so the line is exact. `linesBefore`: the lines of the file before this piece.
 *
 * ```ts
 * checkTextChars("id,figure\nx,\u0000\n", "data/claims.csv"); // throws data/claims.csv:2: NOT_TEXT: …
 * ```
 */
export function checkTextChars(text: string, file: string, linesBefore = 0): void {
  const bad = text.search(/[\u0000\ufffd]/);
  if (bad < 0) return;
  const line = linesBefore + lineAt(text, bad);
  if (text[bad] === "\u0000")
    throw new KitError("NOT_TEXT", "the file holds a NUL byte: it is binary, not text", {file, line});
  throw new KitError(
    "NOT_UTF8",
    "the file is not UTF-8 text (a byte that is not UTF-8, or a U+FFFD left by an earlier bad conversion); save it as UTF-8",
    {file, line}
  );
}

/** Normalized text with, for each of its characters, the offset of the character it came from. */
export interface Normalized {
  text: string;
  offsets: number[];
}

/** Characters that show nothing: a soft hyphen, zero-width spaces and joiners, a word joiner, a stray BOM. */
const invisible = /[\u00ad\u200b-\u200d\u2060\ufeff]/;

/**
 * Normalizes `input`: invisible characters go (a CMS's soft hyphens and zero-width spaces),
 * whitespace runs become one space (trimmed at both ends), quotes become straight, dashes become `-`.
 *
 * ```ts
 * normalize("Russia\u2019s  invasion").text // "Russia's invasion"
 * ```
 */
export function normalize(input: string): Normalized {
  let text = "";
  const offsets: number[] = [];
  let space = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (invisible.test(c)) continue;
    if (/\s/.test(c)) {
      space = text.length > 0;
      continue;
    }
    if (space) {
      text += " ";
      offsets.push(i - 1);
      space = false;
    }
    text += foldChar(c);
    offsets.push(i);
  }
  return {text, offsets};
}

/**
 * Finds `needle` in `haystack` modulo normalization; returns the span in the original haystack,
 * or null when it does not occur.
 */
export function findNormalized(haystack: Normalized, needle: string): {start: number; end: number} | null {
  return findNormalizedFrom(haystack, normalize(needle).text, 0);
}

/** Every place `needle` occurs in `haystack` modulo normalization, as spans of the original haystack. */
export function findAllNormalized(haystack: Normalized, needle: string): {start: number; end: number}[] {
  const n = normalize(needle).text;
  const spans: {start: number; end: number}[] = [];
  for (let span = findNormalizedFrom(haystack, n, 0); span; span = findNormalizedFrom(haystack, n, span.next))
    spans.push({start: span.start, end: span.end});
  return spans;
}

/** The first place normalized `n` occurs in `haystack` at or after normalized index `from`, and the index after it. */
function findNormalizedFrom(
  haystack: Normalized,
  n: string,
  from: number
): {start: number; end: number; next: number} | null {
  const i = n === "" ? -1 : haystack.text.indexOf(n, from);
  if (i < 0) return null;
  return {start: haystack.offsets[i], end: haystack.offsets[i + n.length - 1] + 1, next: i + 1};
}
