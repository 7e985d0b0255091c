/**
 * The numbers of a source as CSV rows: `findNumbers` applied to an archived source (its title and
 * body) or to a raw article in the seed's format (the whole file, date line included).
 */
import {csvFormat} from "d3-dsv";
import {KitError} from "./errors.ts";
import {findNumbers, type FoundNumber} from "./numbers.ts";
import {decodeText, parseRawArticle, parseSource, type Source} from "./sources.ts";

/**
 * Which text a row's offsets are into: an archived source's `title` or `body`, or, for a raw
 * article, the whole `file` (its first line is ` date YYYY-MM-DD <headline>`).
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

/**
 * The numbers of a file given on the command line: an archived source (it starts with a `---`
 * front matter block) or a raw article (first line ` date YYYY-MM-DD <headline>`). Throws a
 * KitError naming the file when it is empty, binary, not UTF-8, or neither.
 */
export function numbersOfFile(bytes: Uint8Array, file: string): NumberRow[] {
  const text = decodeText(bytes, file);
  if (text.startsWith("---\n") || text.startsWith("---\r\n")) {
    return numbersOfSource(parseSource(text, file));
  }
  try {
    parseRawArticle(text, file);
  } catch (error) {
    if (error instanceof KitError && error.code === "NOT_AN_ARTICLE") {
      throw new KitError(
        "NOT_A_SOURCE",
        'neither an archived source (a "---" front matter block) nor a raw article (first line " date YYYY-MM-DD <headline>")',
        {file, line: 1}
      );
    }
    throw error;
  }
  return findNumbers(text).map((n) => ({source: file, part: "file", ...n}));
}

const cell = (v: string | number | null) => (v === null ? "" : String(v));

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
