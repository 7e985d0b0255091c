/**
 * The number audit's routes on the save endpoint (tools/save-server.ts) for the ignore list,
 * `data/ignored.csv`, under `npm run dev`:
 *
 * - `GET /ignored` → `{base}`: the hash of the list, for the next append;
 * - `POST /ignored` with `{rows: [{source, text, reason}, …], base}` appends rows (one number, or every
 *   repeat of a cited figure at once), written only when the whole new list passes the same check as
 *   `explainer check`: every field filled in, every source known, every row's text in its source and
 *   covering a number no claim cites.
 *
 * A list that does not exist yet stands for its header, and the first row creates it.
 */
import {z} from "zod";
import {auditNumbers, ignoredColumns, ignoredFile, parseIgnored} from "../loaders/audit.ts";
import {KitError, problemsOf} from "../loaders/errors.ts";
import {ledgerFile, verifyLedger} from "../loaders/ledger.ts";
import {appendCsvRows, nextLine} from "./csv-append.ts";
import {cell, newLedgerHeader, readOr, sourcesOrProblems} from "./ledger-routes.ts";
import {writeRoute, type FieldProblem, type Route} from "./save-server.ts";

/** The header a new ignore list starts with. */
export const newIgnoredHeader = ignoredColumns.join(",") + "\n";

/** The most rows one save appends. */
export const maxIgnoreRows = 500;

/** A row of the ignore list as the audit page sends it. */
export const ignoreRowSchema = z.strictObject({source: cell, text: cell, reason: cell});

/** What the ignore routes need. */
export interface IgnoreRouteOptions {
  /** The project root. */
  root: string;
  /** The largest body accepted, in bytes (default 256 KiB). */
  maxBytes?: number;
}

/** Problems of the new list's rows, each with its row's index (`rows[2].text`), or of the list's other rows. */
function listProblems(problems: readonly KitError[], first: number, count: number): FieldProblem[] {
  return problems.map((p) => {
    const index = p.line === undefined ? -1 : p.line - first;
    if (index < 0 || index >= count)
      return {code: "IGNORED_INVALID", field: "", detail: `${p.message}; fix the file first`};
    const column = /^"(\w+)" is empty/.exec(p.detail)?.[1] ?? (p.code === "UNKNOWN_SOURCE" ? "source" : "text");
    return {code: p.code, field: `rows[${index}].${column}`, detail: p.detail};
  });
}

/** The ignore list's routes for a project (see the module's comment). */
export function ignoreRoutes({root, maxBytes = 256 * 1024}: IgnoreRouteOptions): Route[] {
  const common = {path: "/ignored", folder: "data", file: () => "ignored.csv", empty: newIgnoredHeader} as const;
  return [
    {...common, method: "GET", read: () => ({})},
    writeRoute({
      ...common,
      method: "POST",
      mode: "replace",
      body: z.strictObject({rows: z.array(ignoreRowSchema).min(1).max(maxIgnoreRows), base: z.string().max(128)}),
      bodyHint: '{"rows": [{"source": …, "text": …, "reason": …}, …], "base": "<hash of the list>"}',
      maxBytes,
      base: (body) => body.base,
      invalid: "INVALID_IGNORE",
      async validate({rows}) {
        const read = await sourcesOrProblems(root);
        if ("problems" in read) return read.problems;
        const {sources} = read;
        let claims;
        try {
          claims = verifyLedger(await readOr(root, ledgerFile, newLedgerHeader), sources);
        } catch (error) {
          const problems = problemsOf(error);
          if (problems.length === 0) throw error;
          return problems.map((p) => ({
            code: "LEDGER_INVALID",
            field: "",
            detail: `${p.message}; fix the ledger first`
          }));
        }
        const current = await readOr(root, ignoredFile, newIgnoredHeader);
        const first = nextLine(current);
        try {
          const ignores = parseIgnored(appendCsvRows(current, rows), sources);
          return listProblems(auditNumbers(sources, claims, ignores).problems, first, rows.length);
        } catch (error) {
          const problems = problemsOf(error);
          if (problems.length === 0) throw error;
          return listProblems(problems, first, rows.length);
        }
      },
      apply: (body, current) => appendCsvRows(current!, body.rows)
    })
  ];
}
