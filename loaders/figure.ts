/**
 * parseFigure: the one parser of figures, used by the ledger, the number finder and the checks.
 * Number words come from @microsoft/recognizers-text-number; the qualifier layer, ranges,
 * suffixes and fractions of a scale ("half a million", which the library misreads) are ours.
 */
import {createRequire} from "node:module";
import type {Figure, Qualifier} from "../src/components/claim.ts";
import {qualifierWords} from "../src/components/qualifier-words.ts";
import {
  cents,
  currencyAfter,
  currencyBefore,
  currencyOf,
  currencyPrefix,
  gluedPence,
  isCurrencyCode,
  pence
} from "./currency.ts";
import {foldChar, plainSpaces} from "./text.ts";

type Recognize = typeof import("@microsoft/recognizers-text-number").recognizeNumber;
let recognize: Recognize | undefined;

/**
 * The number-word recognizer, loaded on first use: it is large, and most figures (digits) and every
 * page that only needs the qualifier words never call it.
 */
function recognizeNumber(text: string, culture: string): ReturnType<Recognize> {
  recognize ??= (createRequire(import.meta.url)("@microsoft/recognizers-text-number") as {recognizeNumber: Recognize})
    .recognizeNumber;
  return recognize(text, culture);
}

/**
 * Qualifier words after a number ("3,000 or so", "40-odd", "1,000-plus"), each mapped to the
 * qualifier it gives. A qualifier word before the number wins over one after it ("some 40-odd").
 */
export const qualifierSuffixes: Readonly<Record<string, Exclude<Qualifier, "exact" | "range">>> = {
  "or so": "about",
  "or thereabouts": "about",
  "-odd": "about",
  odd: "about",
  "or more": "at-least",
  "-plus": "more-than",
  plus: "more-than",
  "+": "more-than",
  "or fewer": "up-to",
  "or less": "up-to"
};

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

/** The codes a FigureError carries: an unreadable figure, or money in a currency the kit does not know. */
export type FigureErrorCode = "FIGURE_UNPARSEABLE" | "UNKNOWN_CURRENCY";

/** Thrown when a figure cannot be read; `code` is FIGURE_UNPARSEABLE, or UNKNOWN_CURRENCY for `₿5` or `XYZ 5 million`. */
export class FigureError extends Error {
  readonly code: FigureErrorCode;
  constructor(text: string, reason: string, code: FigureErrorCode = "FIGURE_UNPARSEABLE") {
    super(`cannot read figure ${JSON.stringify(text)}: ${reason}`);
    this.code = code;
  }
}

/** Scale words and suffixes, lower-case: `5.6 million`, `15k`, `$1.7bn`, `Rs 5 crore`. */
const scales: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  k: 1e3,
  lakh: 1e5,
  lakhs: 1e5,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  crore: 1e7,
  crores: 1e7,
  billion: 1e9,
  bn: 1e9,
  bln: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trn: 1e12
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

/** Digits as news writes them: `2,000`, `1,234,567`, Indian grouping `1,80,000`, `5.6`, `.5`. */
const digits = String.raw`(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?|\.\d+`;
const scaleNames = "hundred|thousand|lakhs?|million|crores?|billion|trillion";
const digitsWithScale = new RegExp(`^(${digits})\\s*(${Object.keys(scales).join("|")})?$`);
const fractionOfScale = new RegExp(`^(${Object.keys(fractions).join("|")})(?: of)? an? (${scaleNames})$`);
const andAFractionOfScale = new RegExp(`^(.+ and an? (?:half|quarter)) (${scaleNames})$`);
const percentSuffix = /\s*(?:%|per ?cent|percent|pct\.?|pc)$/;

/** Typographic quotes and dashes folded, set spaces read (loaders/text.ts), spaces collapsed, a hyphen before a scale made a space ("7.5-million"). */
function normalizeFigureText(text: string): string {
  return Array.from(plainSpaces(text).trim(), foldChar)
    .join("")
    .replace(/\s+/g, " ")
    .replace(new RegExp(`(?<=[\\da-z])\\s*-\\s*(?=(?:${scaleNames})\\b)`, "gi"), " ");
}

/**
 * Reads a number with no qualifier: `2,000`, `5.6 million`, `15k`, `1M`, `one million`,
 * `half a million`, `a dozen`, `1,80,000`, `5 crore`, and below zero: `-0.3`, `−0.3`, `minus 20,000`.
 * Returns null when `text` is not one number.
 */
export function parseNumber(text: string): number | null {
  const s = normalizeFigureText(text).toLowerCase();
  if (s === "") return null;
  const negative = /^(?:-|minus\s)\s*(?=[\d.a-z])/.exec(s);
  if (negative) {
    const magnitude = parseNumber(s.slice(negative[0].length));
    return magnitude === null || magnitude <= 0 ? null : -magnitude;
  }
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
    /^(.*[\d\p{L}])\s*-\s*(\d.*)$/u.exec(s);
  return m ? [m[1], m[2]] : null;
}

/** Reads the two ends of a range; a scale or percent on the right end applies to a bare left end. */
function parseRange(left: string, right: string): [number, number] | null {
  let a = parseNumber(left);
  const b = parseNumber(right);
  if (a === null || b === null) return null;
  const scale = digitsWithScale.exec(right)?.[2] ?? new RegExp(`\\s(${scaleNames})$`).exec(right)?.[1] ?? undefined;
  if (scale && !digitsWithScale.exec(left)?.[2] && a < b / scales[scale]) a = round(a * scales[scale]);
  return a <= b ? [a, b] : null;
}

const prefixPhrases = Object.keys(qualifierWords).sort((a, b) => b.length - a.length);
const suffixPhrases = Object.keys(qualifierSuffixes).sort((a, b) => b.length - a.length);
/** A currency before a number, anywhere in the figure ("$2bn-$3bn" has two). */
const currencyTokens = new RegExp(String.raw`(?<![\p{L}\d$])(${currencyBefore})\s?(?=[\d.])`, "gu");
const currencyWordAtEnd = new RegExp(String.raw`\s(?:${currencyAfter})$`, "iu");
/** Pence glued to a number, anywhere in the figure ("140p-150p" has two). */
const gluedPenceTokens = new RegExp(gluedPence, "gu");

/**
 * Takes the currency out of a figure's text: every sign or code before a number and a currency
 * word at the end. Returns the text left and the currency's ISO code (null when there is none).
 * Throws UNKNOWN_CURRENCY for a currency it does not know, and for two different currencies.
 */
function takeCurrency(text: string, s: string): {rest: string; currency: string | null} {
  const codes = new Set<string>();
  const read = (token: string) => {
    const code = currencyOf(token);
    if (code === "unknown")
      throw new FigureError(
        text,
        `unknown currency ${JSON.stringify(token)}; write it as an ISO 4217 code such as USD, EUR or GBP`,
        "UNKNOWN_CURRENCY"
      );
    if (code !== null) codes.add(code);
    return code !== null;
  };
  let rest = s
    .replace(currencyTokens, (all, token: string) => (read(token) ? "" : all))
    .replace(gluedPenceTokens, (p) => (read(p), ""));
  const word = currencyWordAtEnd.exec(rest);
  if (word && read(word[0])) rest = rest.slice(0, word.index);
  if (codes.size > 1) throw new FigureError(text, `it mixes currencies (${[...codes].join(", ")})`);
  return {rest: rest.trim(), currency: codes.size === 1 ? [...codes][0] : null};
}

/**
 * Parses a figure as a source writes it into its value and the interval its words give it.
 *
 * ```ts
 * parseFigure("Well over 800,000")
 * // {value: 800000, lower: 800000, upper: null, lowerInclusive: false, upperInclusive: false,
 * //  qualifier: "more-than", approximate: false, unit: null}
 * parseFigure("$1.7 billion") // {value: 1700000000, …, unit: "USD"}; labelOf gives "$1.7 billion"
 * ```
 *
 * Throws a FigureError when the text is not a figure. Unknown words before a number are an
 * error, never a guessed qualifier; so is an unknown currency (code UNKNOWN_CURRENCY).
 */
export function parseFigure(text: string): Figure {
  const normalized = normalizeFigureText(text);
  if (normalized === "") throw new FigureError(text, "it is empty");
  const money = takeCurrency(text, normalized);
  let s = money.rest.toLowerCase();
  let qualifier: Qualifier = "exact";
  for (const phrase of prefixPhrases) {
    if (s.startsWith(phrase + " ")) {
      qualifier = qualifierWords[phrase];
      s = s.slice(phrase.length + 1);
      break;
    }
  }
  for (const phrase of suffixPhrases) {
    const spaced = /^[a-z]/.test(phrase) ? " " + phrase : phrase;
    if (s.endsWith(spaced) && s.length > spaced.length) {
      if (qualifier === "exact") qualifier = qualifierSuffixes[phrase];
      s = s.slice(0, -spaced.length).trim();
      break;
    }
  }
  let unit: Figure["unit"] = money.currency;
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
    unit = money.currency;
  }
  if (percentOf(s) && !money.currency) {
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
/** A sum with cents, as prices are written: `3.50`, `12.40`. */
const withCents = new Intl.NumberFormat("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2});

/**
 * A number as labels write it: `800,000`, `5.6 million`, `1.5 billion`, `2%` for percentages,
 * `$1.7 billion`, `$3.50` or `CHF 5 million` for money (its unit an ISO 4217 code), `191.4p` for pence.
 */
export function formatNumber(value: number, unit: Figure["unit"] = null): string {
  // Below zero with a minus sign, the currency after it: "−0.3%", "−£2.1 billion".
  if (value < 0) return `\u2212${formatNumber(-value, unit)}`;
  if (unit === "percent") return `${grouped.format(value)}%`;
  if (unit === pence) return `${grouped.format(value)}p`;
  if (unit === cents) return `${grouped.format(value)} ${value === 1 ? "cent" : "cents"}`;
  if (isCurrencyCode(unit))
    return (
      currencyPrefix(unit) + (Number.isInteger(value) || value >= 1e6 ? formatNumber(value) : withCents.format(value))
    );
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
