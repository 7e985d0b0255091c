/**
 * Appending rows to a CSV file, or replacing one, the way a careful hand would: in the header's
 * column order, with the file's own line ending, quoting only where CSV needs it, every other line
 * as it was. Pure: text in, text out; the save endpoint's ledger and ignore routes and `claim` write
 * the result. A file's line ending (`lineEnd`) is defined here too, for every file the kit writes
 * again whole (the published record, a chart's spec, a dataset's record).
 */
import {csvFormatBody, csvFormatRows, csvParseRows} from "d3-dsv";

/** The first line of CSV text, without a byte-order mark. */
function firstLine(text: string): string {
  return text.replace(/^\ufeff/, "").split(/\r?\n/, 1)[0];
}

/** The column names of CSV text's header, trimmed (`[]` for empty text). */
export function csvHeader(text: string): string[] {
  const line = firstLine(text);
  return line === "" ? [] : (csvParseRows(line)[0] ?? []).map((name) => name.trim());
}

/** A file's line ending: its first line's (`\r\n` or `\n`), `\n` for a file of one line or none. */
export function lineEnd(text: string | null): "\r\n" | "\n" {
  return text !== null && /^[^\n]*\r\n/.test(text) ? "\r\n" : "\n";
}

/** The number of the line the next appended row starts on (1-based). */
export function nextLine(text: string): number {
  const lines = text.split("\n").length;
  return text === "" || text.endsWith("\n") ? lines : lines + 1;
}

/**
 * `text` with `rows` appended, each cell under its header column (a cell the header lacks is left
 * out: check for that first). The file's line ending (`\r\n` or `\n`) is kept, and a last line with
 * no line ending gets one first. A file that does not exist yet (null) or is blank starts with the
 * header `columns`. Cells must be one line (no line breaks).
 *
 * ```ts
 * appendCsvRows("source,text,reason\n", [{source: "a", text: "3,000", reason: "A repeat"}]);
 * // 'source,text,reason\na,"3,000",A repeat\n'
 * ```
 */
export function appendCsvRows(
  file: string | null,
  rows: readonly Record<string, string | undefined>[],
  columns: readonly string[] = []
): string {
  const text =
    file === null || file.trim() === "" ? (columns.length ? csvFormatRows([[...columns]]) + "\n" : "") : file;
  const eol = lineEnd(text);
  const head = text === "" || text.endsWith("\n") ? text : text + eol;
  if (rows.length === 0) return head;
  return (
    head +
    csvFormatBody(rows as Record<string, string>[], csvHeader(text))
      .split("\n")
      .join(eol) +
    eol
  );
}

/**
 * `text` with the row whose `key` cell is `value` replaced by `row` (each cell under its header
 * column), on the line it was on, with that line's ending; every other line as it was. Null when no
 * line holds that row whole: there is none, or its quoted cells break across lines.
 *
 * ```ts
 * replaceCsvRow("id,n\r\na,1\r\nb,2\r\n", "id", "a", {id: "a", n: "3"});
 * // {text: "id,n\r\na,3\r\nb,2\r\n", line: 2}
 * ```
 */
export function replaceCsvRow(
  text: string,
  key: string,
  value: string,
  row: Readonly<Record<string, string | undefined>>
): {text: string; line: number} | null {
  const columns = csvHeader(text);
  const at = columns.indexOf(key);
  if (at < 0) return null;
  const lines = text.split("\n");
  const starts = recordStarts(lines);
  for (let i = 1; i < lines.length; i++) {
    if (!starts[i] || csvParseRows(lines[i].replace(/\r$/, ""))[0]?.[at]?.trim() !== value) continue;
    if (wholeRow(lines[i])?.length !== columns.length) return null;
    lines[i] = csvFormatBody([row as Record<string, string>], columns) + (lines[i].endsWith("\r") ? "\r" : "");
    return {text: lines.join("\n"), line: i + 1};
  }
  return null;
}

/**
 * `text` without the rows on the given lines (1-based), each dropped only while its line still holds
 * it whole, with the cells given (by header column) as they were: every other line as it was.
 *
 * ```ts
 * removeCsvRows("place,claim\r\na.md:3,x\r\nb.md:4,y\r\n", new Map([[2, {place: "a.md:3", claim: "x"}]]));
 * // "place,claim\r\nb.md:4,y\r\n"
 * ```
 */
export function removeCsvRows(text: string, rows: ReadonlyMap<number, Readonly<Record<string, string>>>): string {
  const columns = csvHeader(text);
  const lines = text.split("\n");
  const starts = recordStarts(lines);
  const holds = (line: string, cells: Readonly<Record<string, string>> | undefined) => {
    const found = cells && wholeRow(line);
    return !!found && Object.entries(cells).every(([name, cell]) => found[columns.indexOf(name)] === cell);
  };
  return lines.filter((line, i) => i === 0 || !starts[i] || !holds(line, rows.get(i + 1))).join("\n");
}

/** For each line, whether a row starts on it: false for the lines inside a quoted cell that broke across lines. */
function recordStarts(lines: readonly string[]): boolean[] {
  let open = false;
  return lines.map((line) => {
    const starts = !open;
    if (togglesQuote(line)) open = !open;
    return starts;
  });
}

/** The cells of one line of CSV, or null when a quoted cell is left open (the row goes on to the next line). */
function wholeRow(line: string): string[] | null {
  return togglesQuote(line) ? null : (csvParseRows(line.replace(/\r$/, ""))[0] ?? []);
}

/** Whether a line opens a quoted cell it does not close, or closes one an earlier line opened: an odd number of `"`. */
function togglesQuote(line: string): boolean {
  return (line.match(/"/g)?.length ?? 0) % 2 === 1;
}
