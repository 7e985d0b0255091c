/**
 * SQL data loaders: a Framework data loader that runs a `.sql` file over the project's datasets on
 * DuckDB (in-process, read-only) and streams the result to stdout as CSV or JSON, chunk by chunk, so
 * memory stays bounded whatever the dataset's size.
 *
 * ```ts
 * // src/data/daily-crossings.csv.ts
 * import {sqlLoader} from "../../loaders/sql.ts";
 * await sqlLoader("data/queries/daily-crossings.sql", {format: "csv"});
 * ```
 *
 * What refresh sees: the loader reads the query file and the records of the datasets the query
 * names, and opens each of those dataset files to check its hash; so `explainer refresh` re-runs it
 * when the query, a record or a dataset file changes, and not otherwise.
 */
import {existsSync, readFileSync} from "node:fs";
import {once} from "node:events";
import {join} from "node:path";
import type {Writable} from "node:stream";
import {csvFormatRows} from "d3-dsv";
import {
  isDatasetId,
  parseDatasetRecord,
  readQueryText,
  recordFileOf,
  verifyDatasets,
  type Dataset
} from "./datasets.ts";
import {openSession, type SessionOptions} from "./duckdb.ts";
import {KitError, problemsOf} from "./errors.ts";

/** Options of a SQL loader. */
export interface SqlLoaderOptions extends SessionOptions {
  /** `csv` (a header, then rows) or `json` (an array of objects); `csv` by default. */
  format?: "csv" | "json";
  /** The project root (the loader's working directory by default). */
  root?: string;
  /** Where the output goes (stdout by default). */
  out?: Writable;
}

/**
 * The datasets a query names, read from their records only: each word of the query that is a table
 * name (`ukraine_border_crossings`) whose record exists. Unrelated records are never read, so
 * refresh does not tie the loader to them.
 */
export function datasetsOfQuery(root: string, sql: string): Dataset[] {
  const words = new Set(sql.toLowerCase().match(/[a-z0-9_]+/g) ?? []);
  const datasets: Dataset[] = [];
  for (const word of [...words].sort()) {
    const id = word.replace(/_/g, "-");
    if (!isDatasetId(id)) continue;
    const file = recordFileOf(id);
    if (!existsSync(join(root, file))) continue;
    datasets.push(parseDatasetRecord(readFileSync(join(root, file), "utf-8"), file));
  }
  return datasets;
}

/** A value as a CSV cell: empty for null, JSON for a list or struct. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, "drain");
}

/**
 * Runs a query file over the datasets it names and writes the result to `out`; resolves with the
 * number of rows written. Throws a KitError (query or dataset problem) before writing anything
 * when the query cannot start.
 */
export async function runSqlToStream(queryFile: string, options: SqlLoaderOptions = {}): Promise<number> {
  const {format = "csv", root = process.cwd(), out = process.stdout} = options;
  const sql = readQueryText(root, queryFile);
  if (sql === null) throw new KitError("NO_SUCH_QUERY", `${queryFile} does not exist`, {file: queryFile});
  const datasets = await verifyDatasets(root, datasetsOfQuery(root, sql));
  const session = await openSession(root, datasets, options);
  let rows = 0;
  try {
    const {columns, chunks} = await session.stream(sql, queryFile);
    if (format === "csv") {
      await write(out, csvFormatRows([columns]) + "\n");
      for await (const chunk of chunks) {
        await write(out, csvFormatRows(chunk.map((row) => row.map(cell))) + "\n");
        rows += chunk.length;
      }
    } else {
      await write(out, "[");
      for await (const chunk of chunks) {
        const text = chunk.map((row) => JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, row[i]]))));
        await write(out, (rows === 0 ? "\n" : ",\n") + text.join(",\n"));
        rows += chunk.length;
      }
      await write(out, "\n]\n");
    }
  } finally {
    session.close();
  }
  return rows;
}

/**
 * The data loader: runs the query and streams its result to stdout; on a problem prints each as
 * `file:line: CODE: message` to stderr and sets a failing exit status, so refresh and Framework keep
 * the last good output.
 */
export async function sqlLoader(queryFile: string, options: SqlLoaderOptions = {}): Promise<void> {
  try {
    await runSqlToStream(queryFile, options);
  } catch (error) {
    const problems = problemsOf(error);
    if (problems.length === 0) throw error;
    for (const p of problems) process.stderr.write(p.message + "\n");
    process.exitCode = 1;
  }
}
