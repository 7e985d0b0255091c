/**
 * The number audit's routes on the save endpoint (tools/save-server.ts) for the claim ledger,
 * `data/claims.csv`, under `npm run dev`:
 *
 * - `GET /claims/draft/<source>/<start>` → `{source, start, row, notes, problem, columns, base}`: a
 *   draft ledger row for the number at offset `start` of a source's body (loaders/drafts.ts, as
 *   `explainer claim` gives it: ids unique against the ledger), and the hash of the ledger it was drafted against;
 * - `POST /claims` with `{row, base}` appends one row to the ledger, written only when the whole new
 *   ledger passes the same check as `explainer check` (every quote in its source, every figure in its
 *   quote and readable, ids unique slugs, dates real and not after the source's).
 *
 * A ledger that does not exist yet stands for its header, and the first row creates it.
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {z} from "zod";
import {draftFor, numberAt, timeWordsOf, type Draft} from "../loaders/drafts.ts";
import {KitError, problemsOf} from "../loaders/errors.ts";
import {ledgerColumns, ledgerFile, parseCsvRows, verifyLedger} from "../loaders/ledger.ts";
import {decodeText, parseSource, readSources, sourcesDir, type Source} from "../loaders/sources.ts";
import {appendCsvRows, csvHeader, nextLine} from "./csv-append.ts";
import {HttpError, writeRoute, type FieldProblem, type Route} from "./save-server.ts";

/** The header a new ledger starts with: the required columns, then a qualifier override and a note. */
export const newLedgerHeader = [...ledgerColumns, "qualifier", "note"].join(",") + "\n";

/** One cell of a row from the browser: one line of text (no control characters), at most 4,000 characters. */
export const cell = z
  .string()
  .max(4000)
  .regex(/^[^\u0000-\u001f\u007f]*$/, "must be one line of text");

/** A ledger row as the audit page's form sends it. */
export const claimRowSchema = z.strictObject({
  id: cell,
  figure: cell,
  measure: cell,
  attribution: cell,
  as_of: cell,
  place: cell,
  source: cell,
  quote: cell,
  qualifier: cell.optional(),
  note: cell.optional()
});

/** A ledger row from the form. */
export type ClaimRowInput = z.infer<typeof claimRowSchema>;

/** Which column of a row a ledger problem is about, by its code. */
const fieldOf: Record<string, string> = {
  INVALID_ID: "id",
  DUPLICATE_ID: "id",
  INVALID_DATE: "as_of",
  AS_OF_AFTER_PUBLISHED: "as_of",
  UNKNOWN_SOURCE: "source",
  QUOTE_NOT_IN_SOURCE: "quote",
  QUOTE_AND_QUERY: "quote",
  FIGURE_NOT_IN_QUOTE: "figure",
  FIGURE_UNPARSEABLE: "figure",
  UNKNOWN_CURRENCY: "figure",
  INVALID_QUALIFIER: "qualifier"
};

/** A problem of a file's check as a field problem: its column when it is on the row at `line`, else the whole file's. */
export function rowProblems(
  problems: readonly KitError[],
  line: number,
  whole: string,
  field: (problem: KitError) => string = (p) => fieldOf[p.code] ?? /^"(\w+)" is empty/.exec(p.detail)?.[1] ?? ""
): FieldProblem[] {
  return problems.map((p) =>
    p.line === line
      ? {code: p.code, field: field(p), detail: p.detail}
      : {code: whole, field: "", detail: `${p.message}; fix the file first`}
  );
}

/** Cells a row fills that the file's header has no column for. */
export function missingColumns(row: Record<string, string | undefined>, header: readonly string[], file: string) {
  return Object.entries(row)
    .filter(([name, value]) => value && !header.includes(name))
    .map(([name]) => ({
      code: "MISSING_COLUMN",
      field: name,
      detail: `${file} has no "${name}" column; add it to the header to fill it in`
    }));
}

/** Reads a project file, or `empty` when it does not exist. */
export async function readOr(root: string, file: string, empty: string): Promise<string> {
  try {
    return await readFile(join(root, file), "utf-8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return empty;
    throw error;
  }
}

/** Every archived source, or the problems of the ones that do not read (one field problem each). */
export async function sourcesOrProblems(root: string): Promise<{sources: Source[]} | {problems: FieldProblem[]}> {
  try {
    return {sources: await readSources(root)};
  } catch (error) {
    const problems = problemsOf(error);
    if (problems.length === 0) throw error;
    return {
      problems: problems.map((p) => ({
        code: "SOURCES_INVALID",
        field: "",
        detail: `${p.message}; fix the source first`
      }))
    };
  }
}

/** One archived source by id, or a 404 / 422 the router answers. */
async function readSource(root: string, id: string): Promise<Source> {
  const file = `${sourcesDir}/${id}.md`;
  const bytes = await readFile(join(root, file)).catch(() => null);
  if (!bytes) throw new HttpError(404, "UNKNOWN_SOURCE", `source "${id}" is not in ${sourcesDir}/`);
  try {
    return parseSource(decodeText(bytes, file), file);
  } catch (error) {
    const [problem] = problemsOf(error);
    if (!problem) throw error;
    throw new HttpError(422, "SOURCE_INVALID", problem.message);
  }
}

/**
 * A draft's problem, for the form: its code, the column to fill in and the message; `value`, a value
 * the form may offer for that column (the last day of "last week", for a figure that covers it all).
 */
export interface DraftProblem {
  code: string;
  field: string;
  detail: string;
  value?: string;
}

/**
 * The draft of the number at `start` of a source's body against the ledger `text`: the row (null
 * when the number is not a figure to cite), notes for the editor, and the problem that left a
 * column empty (`as_of` for time words that name no day, `measure` and `id` when the sentence names
 * nothing the figure counts).
 */
export function draftOf(
  source: Source,
  start: number,
  ledgerText: string
): {row: Record<string, string> | null; notes: string[]; problem: DraftProblem | null} {
  let records: Record<string, string>[];
  try {
    records = parseCsvRows(ledgerText, ledgerFile).map((r) => r.record);
  } catch (error) {
    const [problem] = problemsOf(error);
    if (!problem) throw error;
    throw new HttpError(422, "LEDGER_INVALID", `${problem.message}; fix the ledger first`);
  }
  const ids = new Set(records.map((r) => r.id));
  let number;
  try {
    number = numberAt(source, start);
  } catch (error) {
    if (error instanceof KitError) throw new HttpError(404, error.code, error.message);
    throw error;
  }
  const attempt = (options: {asOf?: string; measure?: string}): Draft | KitError => {
    try {
      return draftFor(source, number, ids, options, records);
    } catch (error) {
      if (error instanceof KitError) return error;
      throw error;
    }
  };
  let draft = attempt({});
  if (!(draft instanceof KitError)) return {row: draft.row, notes: draft.notes, problem: null};
  const problem: DraftProblem = {code: draft.code, field: "", detail: draft.message};
  if (draft.code === "AS_OF_UNRESOLVED") {
    problem.field = "as_of";
    const time = timeWordsOf(source, number);
    if (time.kind === "unresolved" && time.end) problem.value = time.end;
    draft = attempt({asOf: ""});
  } else if (draft.code === "MEASURE_UNKNOWN") {
    problem.field = "measure";
    draft = attempt({measure: "figure"});
    if (!(draft instanceof KitError)) draft.row = {...draft.row, measure: "", id: ""};
  }
  if (draft instanceof KitError) return {row: null, notes: [], problem};
  return {row: draft.row, notes: draft.notes, problem};
}

/** What the ledger routes need. */
export interface LedgerRouteOptions {
  /** The project root. */
  root: string;
  /** The largest body accepted, in bytes (default 64 KiB: one row). */
  maxBytes?: number;
}

/** The ledger's routes for a project (see the module's comment). */
export function ledgerRoutes({root, maxBytes = 64 * 1024}: LedgerRouteOptions): Route[] {
  const common = {folder: "data", file: () => "claims.csv", empty: newLedgerHeader} as const;
  return [
    {
      ...common,
      path: "/claims/draft/:source/:start",
      method: "GET",
      async read(text, {source: id, start}) {
        if (!/^\d{1,9}$/.test(start))
          throw new HttpError(400, "INVALID_OFFSET", `start ${JSON.stringify(start)} is not an offset (0, 1, 2, …)`);
        const source = await readSource(root, id);
        return {...draftOf(source, Number(start), text), columns: csvHeader(text)};
      }
    },
    writeRoute({
      ...common,
      path: "/claims",
      method: "POST",
      mode: "replace",
      body: z.strictObject({row: claimRowSchema, base: z.string().max(128)}),
      bodyHint:
        '{"row": {"id": …, "figure": …, "measure": …, "attribution": …, "as_of": …, "place": …, "source": …, "quote": …}, "base": "<hash of the ledger>"}',
      maxBytes,
      base: (body) => body.base,
      invalid: "INVALID_CLAIM",
      async validate({row}) {
        const read = await sourcesOrProblems(root);
        if ("problems" in read) return read.problems;
        const current = await readOr(root, ledgerFile, newLedgerHeader);
        const missing = missingColumns(row, csvHeader(current), ledgerFile);
        if (missing.length) return missing;
        try {
          verifyLedger(appendCsvRows(current, [row]), read.sources);
          return [];
        } catch (error) {
          const problems = problemsOf(error);
          if (problems.length === 0) throw error;
          return rowProblems(problems, nextLine(current), "LEDGER_INVALID");
        }
      },
      apply: (body, current) => appendCsvRows(current!, [body.row])
    })
  ];
}
