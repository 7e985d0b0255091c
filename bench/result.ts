/**
 * One benchmark result: a stable `key` (what tools and the issue tracker refer to), a name to
 * read, the value and its unit, and the target it is held to, when it has one.
 */

/** A target: the value must be at most (`<=`) or at least (`>=`) this. */
export interface Target {
  op: "<=" | ">=";
  value: number;
}

/** One measured figure. */
export interface Result {
  /** Stable across runs and versions: `build.cold_ratio`, `cli.help_ms`. */
  key: string;
  name: string;
  value: number;
  unit: string;
  target?: Target;
}

/** Whether a result meets its target (true when it has none). */
export function meets({value, target}: Result): boolean {
  return !target || (target.op === "<=" ? value <= target.value : value >= target.value);
}

/** The median of some numbers. */
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A number rounded to `digits` decimals. */
export const round = (x: number, digits = 0): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** At most / at least. */
export const atMost = (value: number): Target => ({op: "<=", value});
export const atLeast = (value: number): Target => ({op: ">=", value});
