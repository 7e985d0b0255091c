/**
 * `explainer ignore SOURCE --repeats|--superseded [--write]`: rows of `data/ignored.csv` for the
 * numbers of a source that need no claim of their own, each with a reason naming the claim that
 * answers for it:
 *
 * - `--repeats`: a number that repeats a figure the ledger already cites from the source (the
 *   headline's "1.2 million", an intro's), with the reason the number audit's one-click repeat button
 *   gives;
 * - `--superseded`: a number that a published figure quoted before its claim moved on to a later
 *   report (`claim … --replace`), as `check` names it.
 *
 * Prints them; `--write` appends them once the whole new list passes the same check as `explainer
 * check`.
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {csvFormat, csvFormatBody, csvParse} from "d3-dsv";
import writeFileAtomic from "write-file-atomic";
import {
  auditColumns,
  auditNumbers,
  ignoredColumns,
  ignoredFile,
  markSuperseded,
  parseIgnored,
  readIgnored,
  type IgnoreRow
} from "../../loaders/audit.ts";
import {throwIfAny} from "../../loaders/errors.ts";
import {readQuotedClaims} from "../../loaders/ledger.ts";
import {movedOnFigures, readPublished} from "../../loaders/published.ts";
import {readSources} from "../../loaders/sources.ts";
import {ignoreText, repeatOf, repeatReason} from "../../src/components/audit-repeats.ts";
import {appendCsvRows} from "../csv-append.ts";
import {UsageError, type Effects} from "../effects.ts";
import {readOneSource} from "./claim.ts";

/** What `ignore` lists, by its option. */
const kinds = {
  "--repeats": "repeats a figure that the ledger cites from it",
  "--superseded": "was quoted by a published figure that has moved on since"
} as const;
type Kind = keyof typeof kinds;

/** Parses `ignore`'s arguments. */
function parseArgs(args: string[]): {ref: string; lists: Kind[]; write: boolean} {
  const positional = args.filter((a) => !a.startsWith("--"));
  const unknown = args.filter((a) => a.startsWith("--") && !(a in kinds) && a !== "--write");
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown[0]}`);
  const lists = (Object.keys(kinds) as Kind[]).filter((kind) => args.includes(kind));
  if (lists.length === 0)
    throw new UsageError(
      "ignore takes --repeats or --superseded (or both): other numbers are ignored with a reason of your own, in the audit page under npm run dev or as a row of data/ignored.csv"
    );
  if (positional.length !== 1) throw new UsageError("ignore takes one SOURCE (id or path)");
  return {ref: positional[0], lists, write: args.includes("--write")};
}

/** `explainer ignore` (see the module's comment). */
export async function run(args: string[], {root, stdout, stderr}: Effects): Promise<void> {
  const {ref, lists, write} = parseArgs(args);
  const source = await readOneSource(root, ref);
  const sources = await readSources(root);
  const claims = readQuotedClaims(root, sources);
  const audit = auditNumbers(sources, claims, await readIgnored(root, sources));
  // Only --superseded reads the publish record: a bad record fails it, not --repeats.
  const movedOn = lists.includes("--superseded") ? movedOnFigures(readPublished(root) ?? [], claims) : [];
  const own = markSuperseded(audit.rows, claims, movedOn).filter((n) => n.source === source.id);
  // The rows as the audit page reads them (data/numbers.csv), for the functions its buttons use.
  const rows = csvParse(csvFormat(own, [...auditColumns]));
  const found: Omit<IgnoreRow, "line">[] = [];
  const listed = (kind: Kind, more: Omit<IgnoreRow, "line">[]) => {
    if (more.length === 0) stderr(`no number of "${source.id}" ${kinds[kind]}\n`);
    // A number both lists give (a repeat of the figure its claim moved to) is listed once.
    found.push(...more.filter((row) => !found.some((f) => f.text === row.text)));
  };
  if (lists.includes("--repeats"))
    listed(
      "--repeats",
      rows.flatMap((row) => {
        const cited = repeatOf(row, rows);
        return cited ? [{source: source.id, text: ignoreText(source, row), reason: repeatReason(row, cited)}] : [];
      })
    );
  if (lists.includes("--superseded"))
    listed(
      "--superseded",
      rows.flatMap((row) =>
        row.superseded ? [{source: source.id, text: ignoreText(source, row), reason: row.superseded}] : []
      )
    );
  const n = found.length;
  if (n === 0) return;
  const count = `${n} row${n === 1 ? "" : "s"}`;
  if (!write) {
    stdout(csvFormatBody(found, [...ignoredColumns]) + "\n");
    stderr(`${count} for ${ignoredFile}: append with --write\n`);
    return;
  }
  // A project without the list starts one: appendCsvRows writes the header.
  const current = await readFile(join(root, ignoredFile), "utf-8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  const next = appendCsvRows(current, found, ignoredColumns);
  throwIfAny(auditNumbers(sources, claims, parseIgnored(next, sources)).problems);
  await writeFileAtomic(join(root, ignoredFile), next);
  stderr(`${count} appended to ${ignoredFile}; \`npx explainer check\` verifies them\n`);
}
