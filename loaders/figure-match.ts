/**
 * The rounding rule of computed claims: does a figure as written ("more than 2 million", "2.5
 * million", "about 15,000") say what a query's result says? Pure; see docs/datasets.md.
 *
 * 1. A figure's **precision** is the place value of its last non-zero digit: "2.5 million" →
 *    100,000; "2 million" → 1 million; "15,000" → 1,000; "2,011,312" → 1; "12.5%" → 0.1.
 * 2. **Exact** figures (no qualifier word) and **about** figures match a result that rounds to them
 *    at that precision (halves away from zero): "2 million" matches 1,500,000 up to 2,499,999.
 * 3. **Nearly** figures must be above the result *and* round to it: "nearly 2 million" matches
 *    1,500,000 up to 1,999,999.
 * 4. **Bounds** are compared with the exact result, unrounded, on the interval parseFigure gives:
 *    "more than 2 million" needs > 2,000,000; "at least" ≥; "up to" ≤; "fewer than" <; a range
 *    "between A and B" needs A ≤ result ≤ B.
 * 5. A percent figure ("12.5%") is compared with the result as a percentage (12.5, not 0.125).
 */
import type {Figure} from "../src/components/claim.ts";
import {formatNumber} from "./figure.ts";

/** The place value of a number's last non-zero digit: 2500000 → 100000, 12.5 → 0.1, 0 → 1. */
export function precisionOf(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return 1;
  const abs = Math.abs(value);
  for (let k = Math.floor(Math.log10(abs)); k >= -12; k--) {
    const x = abs / 10 ** k;
    if (Math.abs(x - Math.round(x)) < 1e-9 * Math.max(1, x)) return Number((10 ** k).toPrecision(12));
  }
  return 1e-12;
}

/** `x` rounded to a multiple of `step`, halves away from zero, without float noise. */
export function roundTo(x: number, step: number): number {
  const n = Math.sign(x) * Math.floor(Math.abs(x) / step + 0.5 + 1e-12);
  return Number((n * step).toPrecision(15));
}

/** A result is shown with all its digits: it is data, not a label. */
const exact = new Intl.NumberFormat("en-US", {maximumFractionDigits: 6});

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Whether a figure matches a result, and why, in words a journalist can check. */
export interface FigureMatch {
  ok: boolean;
  /** "2,011,312 rounds to 2 million at the figure's precision (1 million)". */
  reason: string;
}

function inInterval(figure: Figure, x: number): boolean {
  const {lower, upper, lowerInclusive, upperInclusive} = figure;
  if (lower !== null && (lowerInclusive ? x < lower && !same(x, lower) : x <= lower || same(x, lower))) return false;
  if (upper !== null && (upperInclusive ? x > upper && !same(x, upper) : x >= upper || same(x, upper))) return false;
  return true;
}

/**
 * Applies the rounding rule to a parsed figure and a query's numeric result.
 *
 * ```ts
 * matchFigure(parseFigure("more than 2 million"), 2011312).ok // true
 * matchFigure(parseFigure("2.5 million"), 2011312)            // {ok: false, reason: "2,011,312 rounds to 2 million …"}
 * ```
 */
export function matchFigure(figure: Figure, result: number): FigureMatch {
  const fmt = (x: number) => formatNumber(x, figure.unit);
  const shown = exact.format(result) + (figure.unit === "percent" ? "%" : "");
  const rounds = figure.qualifier === "exact" || figure.qualifier === "about" || figure.qualifier === "nearly";
  if (!rounds) {
    const ok = inInterval(figure, result);
    const bound = (x: number | null, inclusive: boolean, side: "lower" | "upper") =>
      x === null ? "" : `${side === "lower" ? (inclusive ? "≥" : ">") : inclusive ? "≤" : "<"} ${fmt(x)}`;
    const interval = [
      bound(figure.lower, figure.lowerInclusive, "lower"),
      bound(figure.upper, figure.upperInclusive, "upper")
    ]
      .filter(Boolean)
      .join(" and ");
    return {ok, reason: `${shown} is ${ok ? "" : "not "}${interval} (a bound is compared with the exact result)`};
  }
  const step = precisionOf(figure.value);
  const rounded = roundTo(result, step);
  const at = `at the figure's precision (${fmt(step)})`;
  if (figure.qualifier === "nearly" && !(result < figure.value)) {
    return {ok: false, reason: `${shown} is not below ${fmt(figure.value)}, as "nearly" says`};
  }
  const ok = same(rounded, figure.value);
  return {ok, reason: `${shown} rounds to ${fmt(rounded)} ${at}${ok ? "" : `, not ${fmt(figure.value)}`}`};
}
