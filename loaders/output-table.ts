/**
 * A loader's output as text, and its rows, by its file name: what `refresh` counts and compares. Pure.
 */
import {extname} from "node:path";
import {parse} from "csv-parse/sync";

/** Text of an output for the change report: UTF-8 for tables, latin1 otherwise. */
export function outputText(name: string, bytes: Uint8Array | string): string {
  if (typeof bytes === "string") return bytes;
  return Buffer.from(bytes).toString(/\.(csv|tsv|json)$/i.test(name) ? "utf-8" : "latin1");
}

/** One row of an output, every cell as text. */
export type Row = Record<string, string>;

const cell = (v: unknown): string =>
  typeof v === "string" ? v : v === null || v === undefined ? "" : JSON.stringify(v);

/**
 * The rows of an output, by its file name: CSV and TSV with a header line; a JSON array (of objects, or
 * of values as `{value}`); a JSON object as one row per key (`{id: key, value}`). Null for other formats
 * or text that does not parse.
 */
export function tableOf(name: string, text: string): Row[] | null {
  const ext = extname(name).toLowerCase();
  try {
    if (ext === ".csv" || ext === ".tsv") {
      return parse(text, {
        columns: true,
        delimiter: ext === ".tsv" ? "\t" : ",",
        relax_column_count: true,
        skip_empty_lines: true,
        bom: true
      });
    }
    if (ext === ".json") {
      const value = JSON.parse(text);
      if (Array.isArray(value)) {
        return value.map((v) =>
          v && typeof v === "object" && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cell(x)]))
            : {value: cell(v)}
        );
      }
      if (value && typeof value === "object") return Object.entries(value).map(([id, v]) => ({id, value: cell(v)}));
    }
  } catch {
    return null;
  }
  return null;
}

/** The number of rows of an output (see tableOf), or null when it is not a table. */
export function rowCount(name: string, text: string): number | null {
  return tableOf(name, text)?.length ?? null;
}
