/**
 * How `explainer refresh` reports, as text: a progress line per loader and the change report per
 * output (the JSON form is the LoaderResult list itself).
 */
import {formatChanges} from "./changes.ts";
import type {LoaderResult} from "./refresh.ts";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * One progress line: name, what happened, time, rows, and why it re-ran.
 *
 * ```
 * data/claims.csv   re-run    412 ms  3 rows  (data/claims.csv changed)
 * data/sources.csv  cached      1 ms  1 row
 * ```
 */
export function progressLine(result: LoaderResult, width = 0): string {
  const rows = result.rows === null ? "" : plural(result.rows, "row");
  const kept = result.kept ? "last good output kept" : "no output";
  const why = result.status === "cached" ? "" : `(${result.reason}${result.status === "failed" ? `; ${kept}` : ""})`;
  const ms = `${result.ms} ms`.padStart(8);
  return [result.name.padEnd(width), result.status.padEnd(6), ms, rows, why].filter(Boolean).join("  ").trimEnd();
}

/** The change report of a refresh: one block per re-run output, or a line saying everything was up to date. */
export function changeReport(results: LoaderResult[]): string[] {
  const rerun = results.filter((r) => r.changes);
  if (rerun.length === 0) {
    const failed = results.filter((r) => r.status === "failed").length;
    return failed ? [] : [`nothing changed: ${plural(results.length, "output")} up to date`];
  }
  return rerun.flatMap((r) => formatChanges(r.name, r.changes!));
}
