/**
 * The numbers of a source as CSV rows: `findNumbers` applied to an archived source (its title and
 * body) or to a raw article in the seed's format (the whole file, date line included).
 */
import {csvFormat, csvFormatRows, csvFormatValue} from "d3-dsv";
import {KitError} from "./errors.ts";
import {findNumbers, findNumbersInPieces, type FoundNumber} from "./numbers.ts";
import {checkTextBytes, eachTextPiece, headOf} from "./text-pieces.ts";
import {decodeText, parseRawArticle, parseSource, type Source} from "./sources.ts";

/**
 * Which text a row's offsets are into: the `title` or the `body` of an archived source or of a raw
 * article as add-source archives it (see parseRawArticle), or, for a raw file too large to archive
 * (read in pieces), the whole `file`.
 */
export type NumberPart = "title" | "body" | "file";

/** One number of one source. */
export interface NumberRow extends FoundNumber {
  /** The archived source's id, or the raw article's path. */
  source: string;
  part: NumberPart;
}

/** Columns of `explainer numbers`, in order. */
export const numberColumns = [
  "source",
  "start",
  "end",
  "text",
  "value",
  "lower",
  "upper",
  "qualifier",
  "kind",
  "unit",
  "sentence",
  "part"
] as const;

/** The numbers of an archived source: its title's, then its body's, offsets into each. */
export function numbersOfSource(source: Source): NumberRow[] {
  const of = (part: NumberPart, text: string) => findNumbers(text).map((n) => ({source: source.id, part, ...n}));
  return [...of("title", source.title), ...of("body", source.body)];
}

/** The texts of a file whose numbers are read: its id or path, and each part with its text. */
export interface NumberFile {
  source: string;
  parts: {part: NumberPart; text: string}[];
  /** A raw article over 16 MB, kept as bytes and decoded a piece at a time (its one part is `file`). */
  bytes?: Uint8Array;
  /** The size of the pieces `bytes` is decoded in. */
  pieceBytes?: number;
}

/** Raw articles larger than this are read a piece at a time (see loaders/text-pieces.ts). */
const streamLarger = 16 << 20;

/**
 * Reads a file given on the command line: an archived source (it starts with a `---` front
 * matter block) or a raw article (see parseRawArticle). Throws a KitError
 * naming the file when it is empty, binary, not UTF-8, or neither.
 */
export function readNumberFile(bytes: Uint8Array, file: string, streamAbove = streamLarger): NumberFile {
  const large = bytes.length > streamAbove && !/^---\r?\n/.test(headOf(bytes, 8));
  if (large) checkTextBytes(bytes, file);
  const text = large ? headOf(bytes) : decodeText(bytes, file);
  if (text.startsWith("---\n") || text.startsWith("---\r\n")) {
    const source = parseSource(text, file);
    return {
      source: source.id,
      parts: [
        {part: "title", text: source.title},
        {part: "body", text: source.body}
      ]
    };
  }
  let article;
  try {
    article = parseRawArticle(text, file);
  } catch (error) {
    if (error instanceof KitError && error.code === "NOT_AN_ARTICLE") {
      throw new KitError(
        "NOT_A_SOURCE",
        'neither an archived source (a "---" front matter block) nor a raw article (a headline, then a line with the date it was published)',
        {file, line: 1}
      );
    }
    throw error;
  }
  // Pieces of a megabyte, or of the threshold when a test sets a smaller one.
  const pieceBytes = Math.min(1 << 20, streamAbove);
  if (large) return {source: file, parts: [], bytes, pieceBytes};
  // As add-source will archive it: the headline apart, and the body without the date line, so the
  // offsets are the ones `claim` takes once the article is archived.
  return {
    source: file,
    parts: [
      {part: "title", text: article.title},
      {part: "body", text: article.body}
    ]
  };
}

/** The numbers of a file given on the command line, all at once (see readNumberFile). */
export function numbersOfFile(bytes: Uint8Array, file: string): NumberRow[] {
  const read = readNumberFile(bytes, file);
  if (read.bytes) {
    const rows: NumberRow[] = [];
    eachNumberOfFile(read, (piece) => rows.push(...piece));
    return rows;
  }
  return read.parts.flatMap(({part, text}) => findNumbers(text).map((n) => ({source: read.source, part, ...n})));
}

/**
 * The numbers of a read file in pieces, for a file of any size: calls `each` with the rows of
 * each piece in order (see findNumbersInPieces).
 */
export function eachNumberOfFile(
  {source, parts, bytes, pieceBytes}: NumberFile,
  each: (rows: NumberRow[]) => void
): void {
  const tag = (rows: FoundNumber[], part: NumberPart) => rows.map((n) => Object.assign(n, {source, part}) as NumberRow);
  for (const {part, text} of parts) findNumbersInPieces(text, (rows) => each(tag(rows, part)));
  if (bytes) {
    // A large raw article: decoded a piece at a time, offsets into the whole file.
    eachTextPiece(
      bytes,
      (text, offset) => {
        const rows = findNumbers(text);
        for (const row of rows) {
          row.start += offset;
          row.end += offset;
        }
        each(tag(rows, "file"));
      },
      pieceBytes
    );
  }
}

const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));

/** A row as CSV cells; extra columns (such as the audit's `status`) pass through. */
export function numberCells<T extends NumberRow>(row: T): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [k, v] of Object.entries(row)) cells[k] = cell(v as string | number | null);
  return cells;
}

/** Rows as CSV text with the given columns (numberColumns by default), ending in a newline. */
export function numbersCsv<T extends NumberRow>(rows: T[], columns: readonly string[] = numberColumns): string {
  return csvFormat(rows.map(numberCells), [...columns]) + "\n";
}

/** The CSV header line of `columns`, ending in a newline. */
export function numbersCsvHeader(columns: readonly string[] = numberColumns): string {
  return csvFormatRows([[...columns]]) + "\n";
}

/** Rows as CSV lines with no header, each ending in a newline ("" for no rows). */
export function numbersCsvBody<T extends NumberRow>(rows: T[], columns: readonly string[] = numberColumns): string {
  // The source, the sentence and the kind repeat from row to row: each distinct text is quoted once.
  const quoted = new Map<string, string>();
  const format = (v: string | number | null | undefined) => {
    if (typeof v !== "string") return cell(v);
    let q = quoted.get(v);
    if (q === undefined) quoted.set(v, (q = csvFormatValue(v)));
    return q;
  };
  const lines: string[] = [];
  for (const row of rows) {
    const record = row as unknown as Record<string, string | number | null>;
    lines.push(columns.map((c) => format(record[c])).join(","));
  }
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}
