/**
 * parseFigure: the one parser of figures, used by the ledger, the number finder and the checks.
 * Number words come from @microsoft/recognizers-text-number; the qualifier layer, ranges,
 * suffixes and fractions of a scale ("half a million", which the library misreads) are ours.
 */
import {recognizeNumber} from "@microsoft/recognizers-text-number";
import type {Figure, Qualifier} from "../src/components/claim.ts";
import {foldChar} from "./text.ts";

/** Qualifier words, each mapped to the qualifier it gives. Longest phrases are tried first. */
export const qualifierWords: Readonly<Record<string, Exclude<Qualifier, "exact" | "range">>> = {
  "more than": "more-than",
  "well over": "more-than",
  over: "more-than",
  "upwards of": "more-than",
  "in excess of": "more-than",
  "at least": "at-least",
  "no fewer than": "at-least",
  "no less than": "at-least",
  "up to": "up-to",
  "as many as": "up-to",
  "at most": "up-to",
  "fewer than": "fewer-than",
  "less than": "fewer-than",
  under: "fewer-than",
  nearly: "nearly",
  almost: "nearly",
  "just under": "nearly",
  about: "about",
  around: "about",
  some: "about",
  roughly: "about",
  approximately: "about",
  "an estimated": "about",
  estimated: "about"
};

const qualifierPhrases = Object.keys(qualifierWords).sort((a, b) => b.length - a.length);

/** How a label says each qualifier. */
const labelWords: Record<Qualifier, string> = {
  exact: "",
  "more-than": "more than ",
  "at-least": "at least ",
  "up-to": "up to ",
  "fewer-than": "fewer than ",
  nearly: "nearly ",
  about: "about ",
  range: "between "
};

/** Thrown when a figure cannot be read; `code` is always FIGURE_UNPARSEABLE. */
export class FigureError extends Error {
  readonly code = "FIGURE_UNPARSEABLE";
  constructor(text: string, reason: string) {
    super(`cannot read figure ${JSON.stringify(text)}: ${reason}`);
  }
}

const scales: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12
};

const fractions: Record<string, number> = {
  half: 0.5,
  "a half": 0.5,
  "one half": 0.5,
  quarter: 0.25,
  "a quarter": 0.25,
  "one quarter": 0.25,
  "three quarters": 0.75,
  "three-quarters": 0.75,
  third: 1 / 3,
  "a third": 1 / 3,
  "one third": 1 / 3,
  "two thirds": 2 / 3,
  "two-thirds": 2 / 3
};

const digits = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+`;
const digitsWithScale = new RegExp(`^(${digits})\\s*(${Object.keys(scales).join("|")})?$`);
const fractionOfScale = new RegExp(
  `^(${Object.keys(fractions).join("|")})(?: of)? an? (hundred|thousand|million|billion|trillion)$`
);
const andAFractionOfScale = /^(.+ and an? (?:half|quarter)) (hundred|thousand|million|billion|trillion)$/;
const percentSuffix = /\s*(?:%|per ?cent|percent)$/;

function normalizeFigureText(text: string): string {
  return Array.from(text.trim(), foldChar).join("").replace(/\s+/g, " ").toLowerCase();
}

/**
 * Reads a number with no qualifier: `2,000`, `5.6 million`, `15k`, `1M`, `one million`,
 * `half a million`, `a dozen`. Returns null when `text` is not one number.
 */
export function parseNumber(text: string): number | null {
  const s = normalizeFigureText(text);
  if (s === "") return null;
  let m = digitsWithScale.exec(s);
  if (m) return round(Number(m[1].replace(/,/g, "")) * (m[2] ? scales[m[2]] : 1));
  m = fractionOfScale.exec(s);
  if (m) return round(fractions[m[1]] * scales[m[2]]);
  // "two and a half million": the library reads it as 2.0000005.
  m = andAFractionOfScale.exec(s);
  if (m) {
    const whole = parseNumber(m[1]);
    return whole === null ? null : round(whole * scales[m[2]]);
  }
  return parseNumberWords(s);
}

/** Number words through the library, accepted only when one number spans the whole text. */
function parseNumberWords(s: string): number | null {
  if (!/^[a-z][a-z\s-]*$/.test(s)) return null;
  const results = recognizeNumber(s, "en-us");
  if (results.length !== 1) return null;
  const [r] = results;
  if (r.start !== 0 || r.end !== s.length - 1 || r.typeName !== "number") return null;
  const value = Number(r.resolution.value);
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** Rounds away float noise from scaling (5.6 × 1e6 = 5599999.999…) to 15 significant digits. */
function round(x: number): number {
  return Number(x.toPrecision(15));
}

/** Splits a range "between A and B", "from A to B", "A to B", "A-B" into its two ends. */
function splitRange(s: string): [string, string] | null {
  const m =
    /^between (.+) and (.+)$/.exec(s) ??
    /^from (.+?) to (.+)$/.exec(s) ??
    /^(.+?) to (.+)$/.exec(s) ??
    /^(.*\d)\s*-\s*(\d.*)$/.exec(s);
  return m ? [m[1], m[2]] : null;
}

/** Reads the two ends of a range; a scale or percent on the right end applies to a bare left end. */
function parseRange(left: string, right: string): [number, number] | null {
  let a = parseNumber(left);
  const b = parseNumber(right);
  if (a === null || b === null) return null;
  const scale = digitsWithScale.exec(right)?.[2] ?? /\s(hundred|thousand|million|billion|trillion)$/.exec(right)?.[1];
  if (scale && !digitsWithScale.exec(left)?.[2] && a < b / scales[scale]) a = round(a * scales[scale]);
  return a <= b ? [a, b] : null;
}

/**
 * Parses a figure as a source writes it into its value and the interval its words give it.
 *
 * ```ts
 * parseFigure("Well over 800,000")
 * // {value: 800000, lower: 800000, upper: null, lowerInclusive: false, upperInclusive: false,
 * //  qualifier: "more-than", approximate: false, unit: null}
 * ```
 *
 * Throws a FigureError when the text is not a figure. Unknown words before a number are an
 * error, never a guessed qualifier.
 */
export function parseFigure(text: string): Figure {
  let s = normalizeFigureText(text);
  if (s === "") throw new FigureError(text, "it is empty");
  let qualifier: Qualifier = "exact";
  for (const phrase of qualifierPhrases) {
    if (s.startsWith(phrase + " ")) {
      qualifier = qualifierWords[phrase];
      s = s.slice(phrase.length + 1);
      break;
    }
  }
  let unit: Figure["unit"] = null;
  const rangeEnds = splitRange(s);
  const percentOf = (part: string) => percentSuffix.test(part);
  if (rangeEnds && qualifier === "exact") {
    const [left, right] = rangeEnds;
    if (percentOf(right)) unit = "percent";
    const range = parseRange(left.replace(percentSuffix, ""), right.replace(percentSuffix, ""));
    if (range) {
      return {
        value: range[0],
        lower: range[0],
        upper: range[1],
        lowerInclusive: true,
        upperInclusive: true,
        qualifier: "range",
        approximate: false,
        unit
      };
    }
    unit = null;
  }
  if (percentOf(s)) {
    unit = "percent";
    s = s.replace(percentSuffix, "");
  }
  const value = parseNumber(s);
  if (value === null) throw new FigureError(text, `${JSON.stringify(s)} is not a number`);
  return withQualifier({value, unit}, qualifier);
}

/**
 * The interval a qualifier gives a value. Used by parseFigure and by the ledger's `qualifier`
 * override; `range` needs both ends and so cannot be applied to a single value.
 */
export function withQualifier(
  {value, unit}: {value: number; unit: Figure["unit"]},
  qualifier: Exclude<Qualifier, "range">
): Figure {
  const base = {value, unit, qualifier, approximate: false};
  switch (qualifier) {
    case "exact":
      return {...base, lower: value, upper: value, lowerInclusive: true, upperInclusive: true};
    case "more-than":
      return {...base, lower: value, upper: null, lowerInclusive: false, upperInclusive: false};
    case "at-least":
      return {...base, lower: value, upper: null, lowerInclusive: true, upperInclusive: false};
    case "up-to":
      return {...base, lower: null, upper: value, lowerInclusive: false, upperInclusive: true};
    case "fewer-than":
      return {...base, lower: null, upper: value, lowerInclusive: false, upperInclusive: false};
    case "nearly":
      return {...base, lower: null, upper: value, lowerInclusive: false, upperInclusive: false, approximate: true};
    case "about":
      return {...base, lower: null, upper: null, lowerInclusive: false, upperInclusive: false, approximate: true};
  }
}

const grouped = new Intl.NumberFormat("en-US", {maximumFractionDigits: 2});

/** A number as labels write it: `800,000`, `5.6 million`, `1.5 billion`, `2%` for percentages. */
export function formatNumber(value: number, unit: Figure["unit"] = null): string {
  if (unit === "percent") return `${grouped.format(value)}%`;
  for (const [scale, name] of [
    [1e9, "billion"],
    [1e6, "million"]
  ] as const) {
    const x = value / scale;
    if (x >= 1 && Math.abs(x * 100 - Math.round(x * 100)) < 1e-9) return `${grouped.format(x)} ${name}`;
  }
  return grouped.format(value);
}

/**
 * The label that prose, charts, cards and alt text all use: `more than 800,000`, `about 15,000`,
 * `2,000`, `between 2,000 and 3,000`.
 */
export function labelOf(figure: Figure): string {
  if (figure.qualifier === "range") {
    return `between ${formatNumber(figure.lower!, figure.unit)} and ${formatNumber(figure.upper!, figure.unit)}`;
  }
  return labelWords[figure.qualifier] + formatNumber(figure.value, figure.unit);
}
