/**
 * CSV for readers to download. A cell that a spreadsheet would run as a formula (one starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading apostrophe, so it shows as text.
 * Plain numbers, negative ones included, stay numbers.
 */
import {csvFormat} from "d3-dsv";

const formula = /^[=+\-@\t\r]/;
const number = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/** One cell, neutralized when a spreadsheet would read it as a formula. */
export function neutralizeCell(value: string): string {
  return formula.test(value) && !number.test(value) ? `'${value}` : value;
}

/** Rows as downloadable CSV: every cell neutralized, columns in the given order. */
export function downloadCsv(rows: Record<string, string>[], columns: readonly string[]): string {
  const safe = rows.map((row) => Object.fromEntries(columns.map((c) => [c, neutralizeCell(row[c] ?? "")])));
  return csvFormat(safe, [...columns]) + "\n";
}
