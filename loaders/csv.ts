/**
 * CSV at the boundary: every CSV file the kit reads (the ledger, `data/ignored.csv`, `data/places.csv`,
 * `data/corrections.csv`) goes through `parseCsvRows`, which first refuses text that is not UTF-8
 * (`NOT_UTF8`) or holds a NUL (`NOT_TEXT`), naming the line, and then reports malformed rows with
 * csv-parse's own codes. Past it, every cell is text as it was written, never a U+FFFD guess.
 */
import {CsvError, parse} from "csv-parse/sync";
import {checkTextSize, storyLimits} from "./limits.ts";
import {KitError, orThrow, throwIfAny, type Checked} from "./errors.ts";
import {checkTextChars} from "./text.ts";

/** A row of CSV with the line it starts on. */
export interface CsvRow {
  line: number;
  record: Record<string, string>;
}

/** Decodes a CSV file's bytes as UTF-8, failing with NOT_UTF8 or NOT_TEXT (and the line) rather than reading mojibake. */
export function decodeCsv(bytes: Uint8Array, file: string): string {
  const text = new TextDecoder("utf-8").decode(bytes);
  checkTextChars(text, file);
  return text;
}

/** Parses CSV text into rows with their starting line, or throws every problem `checkCsvRows` finds. */
export function parseCsvRows(text: string, file: string, columns: readonly string[] = []): CsvRow[] {
  return orThrow(checkCsvRows(text, file, columns));
}

/**
 * The rows of CSV text, with the line each starts on, and a problem for each malformed row, which is
 * left out: csv-parse's own code (`CSV_QUOTE_NOT_CLOSED`, `CSV_RECORD_INCONSISTENT_COLUMNS`) at the
 * line the row starts on. Text that is not UTF-8 (see `checkTextChars` in loaders/text.ts), a header
 * that is not comma-separated or lacks one of `columns`, throws: no row of it can be read.
 */
export function checkCsvRows(text: string, file: string, columns: readonly string[] = []): Checked<CsvRow> {
  checkTextSize(text, file, storyLimits.csvChars, "the file");
  checkTextChars(text, file);
  const header = text.replace(/^\ufeff/, "").split(/\r?\n/, 1)[0];
  checkDelimiter(header, file, columns);
  const problems: KitError[] = [];
  // csv-parse may report a malformed line more than once, each time with more of it: its first report is
  // the one that says where the line goes wrong.
  // (csv-parse names the line where it noticed; a quoted cell may have run on from an earlier one, so the
  // problem is put on the line its row starts on, where to look.)
  const report = (error: CsvError) => {
    const raw = typeof error.raw === "string" ? error.raw.replace(/^\n+/, "").replace(/\n$/, "") : "";
    const line = error.lines - (raw.match(/\n/g)?.length ?? 0);
    if (problems.some((p) => p.line === line)) return;
    // A quote never closed swallows the rest of the file.
    const detail =
      error.code === "CSV_QUOTE_NOT_CLOSED"
        ? "a quote opened on this line is not closed, so every line after it was read as one cell"
        : error.message.replace(/^[A-Z][A-Za-z ]+: /, "");
    problems.push(new KitError(error.code, detail, {file, line}));
  };
  let output: {record: Record<string, string>; info: {lines: number}; raw: string}[] = [];
  try {
    // As LF: csv-parse counts a CRLF inside a quoted cell as two lines, so every row after one would
    // be placed too low, and the cell would keep its CR.
    output = parse(text.replace(/\r\n/g, "\n"), {
      bom: true,
      columns: true,
      info: true,
      raw: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined) => void (error && report(error))
    });
  } catch (error) {
    if (error instanceof CsvError) report(error);
    else throw error;
  }
  const names = headerNames(header, ",");
  const missing = columns
    .filter((column) => !names.includes(column))
    .map((column) => new KitError("MISSING_COLUMN", `the header has no column "${column}"`, {file, line: 1}));
  if (missing.length > 0) throwIfAny([...missing, ...problems]);
  const rows = output.map(({record, info, raw}) => ({
    record,
    // The raw text of a record after blank lines starts with them: they are not its lines.
    line:
      info.lines -
      (raw
        .replace(/^[\r\n]+/, "")
        .replace(/\r?\n$/, "")
        .match(/\n/g)?.length ?? 0)
  }));
  return {rows, problems};
}

/** The column names of a header line split at `delimiter`, unquoted and trimmed. */
function headerNames(header: string, delimiter: string): string[] {
  return header.split(delimiter).map((s) => s.replace(/^"|"$/g, "").trim());
}

/**
 * Refuses a file whose header separates its columns with semicolons or tabs, not commas, as a
 * spreadsheet set to some locales saves CSV: one problem on line 1, where csv-parse would report every
 * row (`INVALID_OPENING_QUOTE` at each quoted figure) and every column as missing.
 */
function checkDelimiter(header: string, file: string, columns: readonly string[]): void {
  if (header.includes(",")) return;
  const saved = [
    [";", "semicolons, not commas (as a spreadsheet set to some languages saves CSV)"],
    ["\t", "tabs, not commas (a spreadsheet's tab-separated text)"]
  ];
  for (const [delimiter, what] of saved) {
    const names = headerNames(header, delimiter);
    if (names.length < 2 || (columns.length > 0 && !columns.some((c) => names.includes(c)))) continue;
    throw new KitError(
      "NOT_COMMA_SEPARATED",
      `the columns are separated by ${what}: save it as comma-separated CSV, UTF-8`,
      {file, line: 1}
    );
  }
}
