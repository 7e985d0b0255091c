/**
 * The words that qualify a figure ("well over", "some", "up to"), shared by the parser of figures
 * (loaders/figure.ts), the number finder, the methodology page and the checks of pages and chart
 * texts. Browser-safe: the chart editor checks a text as it is typed.
 */
import type {Qualifier} from "./claim.ts";

/**
 * Qualifier words before a number, each mapped to the qualifier it gives. Longest phrases are
 * tried first, so "well over" wins over "over" and "just under" over "under".
 */
export const qualifierWords: Readonly<Record<string, Exclude<Qualifier, "exact" | "range">>> = {
  "more than": "more-than",
  "well over": "more-than",
  "just over": "more-than",
  "a little over": "more-than",
  "a little more than": "more-than",
  "slightly more than": "more-than",
  "slightly over": "more-than",
  "far more than": "more-than",
  "much more than": "more-than",
  over: "more-than",
  above: "more-than",
  "well above": "more-than",
  "just above": "more-than",
  "upwards of": "more-than",
  "upward of": "more-than",
  "north of": "more-than",
  "in excess of": "more-than",
  "well in excess of": "more-than",
  "greater than": "more-than",
  "at least": "at-least",
  "no fewer than": "at-least",
  "no less than": "at-least",
  "not less than": "at-least",
  "not fewer than": "at-least",
  "a minimum of": "at-least",
  "up to": "up-to",
  "as many as": "up-to",
  "as much as": "up-to",
  "as high as": "up-to",
  "at most": "up-to",
  "no more than": "up-to",
  "not more than": "up-to",
  "a maximum of": "up-to",
  "fewer than": "fewer-than",
  "less than": "fewer-than",
  "far fewer than": "fewer-than",
  "far less than": "fewer-than",
  "much less than": "fewer-than",
  "lower than": "fewer-than",
  under: "fewer-than",
  "well under": "fewer-than",
  below: "fewer-than",
  "well below": "fewer-than",
  "well short of": "fewer-than",
  nearly: "nearly",
  almost: "nearly",
  "just under": "nearly",
  "just below": "nearly",
  "a little under": "nearly",
  "a little less than": "nearly",
  "slightly under": "nearly",
  "slightly below": "nearly",
  "slightly less than": "nearly",
  "slightly fewer than": "nearly",
  "just short of": "nearly",
  "just shy of": "nearly",
  "shy of": "nearly",
  "close to": "nearly",
  "close on": "nearly",
  "nigh on": "nearly",
  "not quite": "nearly",
  about: "about",
  around: "about",
  "round about": "about",
  some: "about",
  roughly: "about",
  approximately: "about",
  "approx.": "about",
  approx: "about",
  circa: "about",
  "an estimated": "about",
  estimated: "about",
  "an approximate": "about",
  "more or less": "about",
  "in the region of": "about",
  "in the order of": "about",
  "on the order of": "about",
  "of the order of": "about"
};

/** Longest first, so "well over" is read before "over". */
const phrases = Object.keys(qualifierWords).sort((a, b) => b.length - a.length);
const qualifierAtEnd = new RegExp(
  `(?:^|[^\\p{L}])(${phrases.map((p) => p.replace(/[.]/g, "\\.")).join("|")})[*_~]*\\s+$`,
  "iu"
);

/**
 * The problem of qualifier words written just before a claim's label, or null: "Over {refugees}"
 * would read "Over more than 800,000", and "some {civilians-killed}" makes an exact count an estimate.
 * The label already says how sure the figure is, in the source's words.
 */
export function qualifiedAgain(
  textBefore: string,
  ref: string,
  claim: {label: string; qualifier: Qualifier}
): string | null {
  const words = qualifierAtEnd.exec(textBefore)?.[1];
  if (!words) return null;
  const why =
    claim.qualifier === "exact" ? `, but the source gives ${claim.label} exactly` : ": the label says it already";
  return `"${words}" before ${ref} would read "${words} ${claim.label}"${why}; drop "${words}"`;
}
