/**
 * Sentences of a text, in one linear pass: the spans that the number finder's `sentence` column
 * and `explainer claim`'s draft quote come from. A sentence ends at `.`, `!` or `?` (and any
 * closing quotes) before a capital, a digit or an opening quote, or at a blank line; common
 * abbreviations ("Mr.", "U.S.") and initials do not end one.
 */

/** A span of text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

const boundary = /(?<![.!?])[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\d])|\n[ \t]*\n\s*/gu;
const abbreviations = new Set(
  "mr mrs ms dr prof st gen lt col sgt capt gov sen rep rev jr sr no mt vs etc eg ie u.s u.k u.n e.u a.m p.m jan feb mar apr jun jul aug sep sept oct nov dec pct approx est".split(
    " "
  )
);

/** True when the `.` at `dot` ends an abbreviation or an initial rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  if (text[dot] !== ".") return false;
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1]) && dot - i < 12) i--;
  const word = text.slice(i, dot).toLowerCase();
  return abbreviations.has(word) || /^\p{L}$/u.test(text.slice(i, dot));
}

/**
 * The sentences of `text`, trimmed, in order; every non-blank character is in exactly one.
 *
 * ```ts
 * sentenceSpans("One. Two.") // [{start: 0, end: 4}, {start: 5, end: 9}]
 * ```
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) spans.push({start, end});
  };
  let start = 0;
  boundary.lastIndex = 0;
  for (let m; (m = boundary.exec(text)); ) {
    if (m[0][0] === "." && isAbbreviation(text, m.index)) continue;
    const end = m[0][0] === "\n" ? m.index : m.index + m[0].length;
    push(start, end);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return spans;
}

/** Whitespace runs as one space, so a sentence that wraps reads as one line in a CSV cell. */
export function oneLine(text: string): string {
  // split/join gives a flat string; a global replace gives a tree of pieces, ten times the memory.
  return /[^\S ]| {2}/.test(text) ? text.split(/\s+/).join(" ") : text;
}

/**
 * A wire story's dateline before its first sentence: "WARSAW (Fixture Wire) - ", "KYIV, March 2
 * (Agency) — ", "LVIV, Ukraine — ". A place in capitals, what follows it up to an agency in brackets,
 * and a dash: no part of what a figure measures, who gave it, when, nor of its quote.
 */
const dateline = /^\s*\p{Lu}[\p{Lu}\s.'’-]*\p{Lu}(?:,[^()–—]{1,40}?)?(?:\s*\([^()]{1,40}\))?\s+[-–—]{1,2}\s+/u;

/** The length of the dateline that `sentence` starts with (see {@link dateline}), or 0. */
export function datelineLength(sentence: string): number {
  return dateline.exec(sentence)?.[0].length ?? 0;
}
