/**
 * Computed claims: ledger rows that cite a dataset and a query instead of a quote. Each query runs
 * once, read-only, on DuckDB (loaders/duckdb.ts), after every dataset it reads has been checked
 * against its record's sha256; its one-row, one-number result must match the figure under the
 * rounding rule of loaders/figure-match.ts. Every claim carries its provenance: dataset, hash,
 * query text and result.
 */
import {readFileSync} from "node:fs";
import {join, normalize} from "node:path";
import type {Claim, Provenance} from "../src/components/claim.ts";
import {readDatasetsSync, readQueryText, verifyDatasets, queriesDir, type Dataset} from "./datasets.ts";
import {datasetsNamedIn, openSession, type SessionOptions} from "./duckdb.ts";
import {KitError, KitErrors, problemsOf} from "./errors.ts";
import {labelOf, formatNumber} from "./figure.ts";
import {matchFigure} from "./figure-match.ts";
import {ledgerFile, parseCsvRows, verifyLedger, type QueryRow} from "./ledger.ts";
import type {Source} from "./sources.ts";

export type {Provenance} from "../src/components/claim.ts";

/** A verified computed claim: a Claim (quote empty, source the dataset) with its provenance. */
export interface ComputedClaim extends Claim {
  computed: Provenance;
}

/** The query file a row names (`total.sql` or `data/queries/total.sql`), or null when it is not a `.sql` file in data/queries/. */
export function queryFileOf(name: string): string | null {
  const bare = name.trim().replace(/^\.\//, "");
  const file = normalize(bare.startsWith(`${queriesDir}/`) ? bare : `${queriesDir}/${bare}`);
  return file.startsWith(`${queriesDir}/`) && file.endsWith(".sql") ? file : null;
}

/** The numeric value of a query's result; throws QUERY_NO_ROW, QUERY_SEVERAL_ROWS, QUERY_NOT_A_NUMBER. */
function valueOf({columns, rows, more}: {columns: string[]; rows: unknown[][]; more: boolean}, file: string): number {
  if (rows.length === 0) throw new KitError("QUERY_NO_ROW", "the query returned no row; a claim needs one", {file});
  if (rows.length > 1)
    throw new KitError(
      "QUERY_SEVERAL_ROWS",
      `the query returned several rows (${rows.length}${more ? " or more" : ""}); a claim needs one`,
      {
        file
      }
    );
  const index = columns.length === 1 ? 0 : columns.indexOf("value");
  if (index < 0)
    throw new KitError(
      "QUERY_SEVERAL_COLUMNS",
      `the query returned ${columns.length} columns (${columns.join(", ")}) and none is named "value"`,
      {file}
    );
  const value = rows[0][index];
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new KitError(
      "QUERY_NOT_A_NUMBER",
      `the query's column "${columns[index]}" holds ${JSON.stringify(value)}, not a number`,
      {file}
    );
  return value;
}

/** Options of verifyComputedClaims. */
export interface VerifyOptions extends SessionOptions {
  /** The ledger file the rows come from, for messages (default `data/claims.csv`). */
  ledger?: string;
  /** The project's datasets (read from `data/datasets/` when not given). */
  datasets?: Dataset[];
}

/**
 * Verifies computed ledger rows (those verifyLedger handed on): each row's dataset exists and
 * matches its hash, its query is read-only and returns one number, and the figure matches that
 * number. Resolves with the claims in row order, or throws every problem (KitError or KitErrors).
 *
 * ```ts
 * const rows: QueryRow[] = [];
 * const claims = verifyLedger(text, sources, "data/claims.csv", rows);
 * const computed = await verifyComputedClaims(root, rows);
 * ```
 */
export async function verifyComputedClaims(
  root: string,
  rows: readonly QueryRow[],
  options: VerifyOptions = {}
): Promise<ComputedClaim[]> {
  if (rows.length === 0) return [];
  const ledger = options.ledger ?? ledgerFile;
  const datasets = options.datasets ?? readDatasetsSync(root);
  const byId = new Map(datasets.map((d) => [d.id, d]));
  const problems: KitError[] = [];
  // A query's text; null when the file does not exist; the problem that keeps it from being read (a
  // query that is not UTF-8), reported as a failing query is: once at the file, then at each claim.
  const texts = new Map<string, string | KitError | null>();
  const planned: {row: QueryRow; dataset: Dataset; file: string}[] = [];
  for (const row of rows) {
    const at = {file: ledger, line: row.line};
    const dataset = byId.get(row.record.source);
    const file = queryFileOf(row.record.query);
    const before = problems.length;
    if (!dataset)
      problems.push(new KitError("UNKNOWN_DATASET", `dataset "${row.record.source}" is not in data/datasets/`, at));
    else if (row.record.as_of > dataset.retrieved)
      problems.push(
        new KitError(
          "AS_OF_AFTER_RETRIEVED",
          `as_of ${row.record.as_of} is after the dataset's retrieval date ${dataset.retrieved}`,
          at
        )
      );
    if (!file) {
      problems.push(
        new KitError(
          "INVALID_QUERY_FILE",
          `query ${JSON.stringify(row.record.query)} is not a .sql file in ${queriesDir}/`,
          at
        )
      );
    } else {
      if (!texts.has(file)) texts.set(file, readQuery(root, file));
      if (texts.get(file) === null) problems.push(new KitError("NO_SUCH_QUERY", `${file} does not exist`, at));
    }
    if (problems.length === before) planned.push({row, dataset: dataset!, file: file!});
  }
  // Every dataset a query reads (a join may read one the row does not cite) is checked against its hash.
  const queries = [...new Set(planned.map((p) => p.file))];
  const readable = queries.filter((file) => typeof texts.get(file) === "string");
  const named = new Set(
    readable.flatMap((file) => datasetsNamedIn(texts.get(file) as string, datasets).map((d) => d.id))
  );
  const used = datasets.filter((d) => named.has(d.id) || planned.some((p) => p.dataset.id === d.id));
  try {
    await verifyDatasets(root, used);
  } catch (error) {
    const found = problemsOf(error);
    if (!found.length) throw error;
    throw new KitErrors([...problems, ...found]);
  }
  const results = new Map<string, number | KitError>();
  for (const file of queries) if (texts.get(file) instanceof KitError) results.set(file, texts.get(file) as KitError);
  const session = await openSession(root, used, options);
  try {
    for (const file of readable) {
      try {
        results.set(file, valueOf(await session.rows(texts.get(file) as string, file, 2), file));
      } catch (error) {
        if (!(error instanceof KitError)) throw error;
        results.set(file, error);
      }
    }
  } finally {
    session.close();
  }
  const claims: ComputedClaim[] = [];
  const reported = new Set<string>();
  for (const {row, dataset, file} of planned) {
    const result = results.get(file)!;
    if (result instanceof KitError) {
      if (!reported.has(file)) problems.push(result);
      reported.add(file);
      problems.push(
        new KitError("QUERY_UNUSABLE", `claim "${row.record.id}" cites ${file}, which failed (above)`, {
          file: ledger,
          line: row.line
        })
      );
      continue;
    }
    const match = matchFigure(row.figure, result);
    if (!match.ok) {
      problems.push(
        new KitError(
          "FIGURE_DOES_NOT_MATCH",
          `figure ${JSON.stringify(row.record.figure)} does not match ${file}: ${match.reason}`,
          {file: ledger, line: row.line}
        )
      );
      continue;
    }
    claims.push(computedClaim(row, dataset, file, texts.get(file) as string, result, match.reason));
  }
  if (problems.length === 1) throw problems[0];
  if (problems.length) throw new KitErrors(problems);
  return claims;
}

/** A query's text, null when the file does not exist, or the problem that keeps it from being read. */
function readQuery(root: string, file: string): string | KitError | null {
  try {
    return readQueryText(root, file);
  } catch (error) {
    if (error instanceof KitError) return error;
    throw error;
  }
}

function computedClaim(
  row: QueryRow,
  dataset: Dataset,
  file: string,
  query: string,
  result: number,
  rule: string
): ComputedClaim {
  const {record, figure} = row;
  return {
    ...figure,
    id: record.id,
    figure: record.figure,
    label: labelOf(figure),
    measure: record.measure,
    attribution: record.attribution ?? "",
    as_of: record.as_of,
    place: record.place ?? "",
    source: dataset.id,
    source_title: dataset.title,
    byline: "",
    published: dataset.published || dataset.retrieved,
    publisher: dataset.publisher,
    url: dataset.url,
    quote: "",
    quote_start: 0,
    quote_end: 0,
    note: record.note ?? "",
    computed: {
      dataset: dataset.id,
      dataset_title: dataset.title,
      dataset_file: dataset.file,
      dataset_sha256: dataset.sha256,
      query_file: file,
      query,
      result,
      rule
    }
  };
}

/**
 * The whole ledger, quoted and computed claims together in ledger order: what an async stage calls
 * instead of readQuotedClaims. Throws the problems of both kinds at once.
 */
export async function readLedgerWithComputed(
  root: string,
  sources: Source[],
  options: VerifyOptions = {}
): Promise<(Claim | ComputedClaim)[]> {
  const ledger = options.ledger ?? ledgerFile;
  let text: string;
  try {
    text = readFileSync(join(root, ledger), "utf-8");
  } catch (error) {
    // A new desk has no ledger yet: no claims.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new KitError("NO_LEDGER", "cannot read the ledger", {file: ledger});
  }
  const rows: QueryRow[] = [];
  const problems: KitError[] = [];
  let quoted: Claim[] = [];
  try {
    quoted = verifyLedger(text, sources, ledger, rows);
  } catch (error) {
    const found = problemsOf(error);
    if (!found.length) throw error;
    problems.push(...found);
  }
  let computed: ComputedClaim[] = [];
  try {
    computed = await verifyComputedClaims(root, rows, options);
  } catch (error) {
    const found = problemsOf(error);
    if (!found.length) throw error;
    problems.push(...found);
  }
  if (problems.length) throw problems.length === 1 ? problems[0] : new KitErrors(problems);
  const lines = new Map(parseCsvRows(text, ledger).map(({line, record}) => [record.id, line] as const));
  return [...quoted, ...computed].sort((a, b) => lines.get(a.id)! - lines.get(b.id)!);
}

/** A computed claim's result as a label says it: `2,011,312`. */
export function resultLabel(claim: ComputedClaim): string {
  return formatNumber(claim.computed.result, claim.unit);
}
