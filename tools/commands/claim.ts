import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {csvFormatBody} from "d3-dsv";
import writeFileAtomic from "write-file-atomic";
import {auditNumbers, readIgnored} from "../../loaders/audit.ts";
import {reviewedKinds} from "../../src/components/audit-repeats.ts";
import {didYouMean} from "../../src/components/suggest.ts";
import {
  draftAll,
  draftFor,
  numberNamed,
  type Draft,
  type DraftOptions,
  type LedgerRecord
} from "../../loaders/drafts.ts";
import type {NumberRow} from "../../loaders/number-rows.ts";
import type {Claim} from "../../src/components/claim.ts";
import {KitError, problemsOf, throwIfAny} from "../../loaders/errors.ts";
import {isIsoDate} from "../../loaders/sources.ts";
import {ledgerColumns, ledgerFile, optionalColumns, readQuotedClaims, verifyLedger} from "../../loaders/ledger.ts";
import {decodeText, parseSource, readSources, sourceIds, sourcesDir, type Source} from "../../loaders/sources.ts";
import {checkCsvRows, type CsvRow} from "../../loaders/csv.ts";
import {appendCsvRows, csvHeader, replaceCsvRow} from "../csv-append.ts";
import {UsageError, type Effects} from "../effects.ts";

/** Reads one archived source by id (`2022-03-02-…`) or path (`data/sources/2022-03-02-….md`). */
export async function readOneSource(root: string, ref: string): Promise<Source> {
  const id = ref.replace(/^.*\//, "").replace(/\.md$/, "");
  const file = `${sourcesDir}/${id}.md`;
  const bytes = await readFile(join(root, file)).catch(() => {
    const suggestion = didYouMean(id, sourceIds(root));
    throw new KitError("UNKNOWN_SOURCE", `source "${id}" is not in ${sourcesDir}/${suggestion}`, {file: ref});
  });
  return parseSource(decodeText(bytes, file), file);
}

/**
 * The ledger's text (null when there is none), header, good rows (with their lines) and ids, read
 * leniently: drafts only need to fit in. What does not parse is kept as `problems`, for a write to
 * refuse at the ledger's own lines.
 */
async function ledgerShape(root: string): Promise<{
  text: string | null;
  columns: string[];
  rows: CsvRow[];
  records: LedgerRecord[];
  ids: Set<string>;
  problems: KitError[];
}> {
  const columns = [...ledgerColumns, ...optionalColumns];
  const text = await readFile(join(root, ledgerFile), "utf-8").catch(() => null);
  if (text === null) return {text, columns, rows: [], records: [], ids: new Set(), problems: []};
  let checked: {rows: CsvRow[]; problems: KitError[]};
  try {
    checked = checkCsvRows(text, ledgerFile);
  } catch (error) {
    const problems = problemsOf(error);
    if (problems.length === 0) throw error;
    checked = {rows: [], problems};
  }
  const records = checked.rows.map((r) => r.record);
  const header = csvHeader(text);
  return {
    text,
    columns: header.includes("id") ? header : columns,
    rows: checked.rows,
    records,
    ids: new Set(records.map((r) => r.id)),
    problems: checked.problems
  };
}

/**
 * Drafts for every unreviewed count, percentage and sum of money of a source's body, and a problem
 * for each that cannot be drafted without an option (`--as-of`, `--measure`).
 */
async function draftSource(
  root: string,
  ref: string,
  {ids, records}: {ids: ReadonlySet<string>; records: LedgerRecord[]}
): Promise<{drafts: Draft[]; skipped: string[]; problems: KitError[]}> {
  const source = await readOneSource(root, ref);
  // The statuses as check gives them: the ledger verified against the sources, the ignore list read.
  const sources = await readSources(root);
  const audit = auditNumbers(sources, readQuotedClaims(root, sources), await readIgnored(root, sources));
  const rows = audit.rows.filter((n) => n.source === source.id && n.status === "unreviewed");
  const wanted = rows.filter((n) => n.part === "body" && reviewedKinds.includes(n.kind));
  const skipped = rows
    .filter((n) => n.part === "title" && reviewedKinds.includes(n.kind))
    .map(
      (n) =>
        `title: ${n.kind} ${JSON.stringify(n.text)} is in the headline, which the ledger does not quote; once the body's figure is cited, \`npx explainer ignore ${source.id} --repeats --write\` ignores the headline's repeat of it (else give it a reason in data/ignored.csv)`
    );
  return {...draftAll(source, wanted, ids, records), skipped};
}

/**
 * Appends drafts to the ledger, under its header's columns and with its own line ending (a ledger
 * checked out with "\r\n" stays so), after checking the whole new ledger as `check` would; writes
 * nothing on a problem.
 */
async function appendToLedger(root: string, drafts: Draft[]): Promise<void> {
  const {text, columns, problems} = await ledgerShape(root);
  // A ledger that does not parse is reported at its own lines, not at those of the rows appended to it
  // (after a quote that is never closed, they would be read into its cell).
  throwIfAny(problems);
  const next = appendCsvRows(
    text,
    drafts.map((d) => d.row),
    columns
  );
  verifyLedger(next, await readSources(root));
  await writeFileAtomic(join(root, ledgerFile), next);
}

/**
 * Fails with ALREADY_CITED, at the citing row's line, when a claim of the ledger (other than
 * `replacing`, the claim `--replace` moves) already cites the number: a second row would be the same
 * figure twice. A ledger that does not verify is left to the write, which checks the whole new ledger.
 */
async function refuseIfCited(root: string, source: Source, number: NumberRow, replacing?: string): Promise<void> {
  let claims: Claim[];
  try {
    claims = readQuotedClaims(root, await readSources(root));
  } catch (error) {
    if (problemsOf(error).length === 0) throw error;
    return;
  }
  const cited = auditNumbers([source], claims, []).rows.find(
    (n) => n.start === number.start && n.part === number.part && n.status === "cited"
  );
  if (!cited || cited.claim === replacing) return;
  const {rows} = await ledgerShape(root);
  const line = rows.find((r) => r.record.id === cited.claim)?.line;
  const what = `claim "${cited.claim}" already cites ${JSON.stringify(number.text)} (offset ${number.start} of ${source.id})`;
  const fix =
    replacing === undefined
      ? `cite {${cited.claim}} in a page; to move another claim to this figure, give --replace ID`
      : `to move "${replacing}" here, remove the row of "${cited.claim}" first (and cite {${replacing}} where the pages cite {${cited.claim}})`;
  throw new KitError("ALREADY_CITED", `${what}: ${fix}`, {file: ledgerFile, line});
}

/** Parses `claim`'s arguments. */
function parseArgs(args: string[]): {
  ref: string;
  /** The number to draft: its offset, or its words; null with --all. */
  start: number | string | null;
  options: DraftOptions;
  write: boolean;
  replace?: string;
} {
  const positional: string[] = [];
  const options: DraftOptions = {};
  let write = false;
  let all = false;
  let replace: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].startsWith("--") ? args[i].split(/=(.*)/s, 2) : [args[i], undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === "--all") all = true;
    else if (flag === "--write") write = true;
    else if (flag === "--as-of") {
      options.asOf = value();
      if (!isIsoDate(options.asOf))
        throw new UsageError(`--as-of must be a date YYYY-MM-DD, not ${JSON.stringify(options.asOf)}`);
    } else if (flag === "--measure") options.measure = value().trim();
    else if (flag === "--replace") replace = value().trim();
    else if (flag.startsWith("--")) throw new UsageError(`unknown option ${flag}`);
    else positional.push(args[i]);
  }
  if (all) {
    if (positional.length !== 1) throw new UsageError("claim --all takes one SOURCE (id or path) and no START");
    if (options.asOf !== undefined || options.measure !== undefined || replace !== undefined)
      throw new UsageError("--as-of, --measure and --replace apply to one number: give a START instead of --all");
    return {ref: positional[0], start: null, options, write};
  }
  if (positional.length !== 2)
    throw new UsageError("claim takes a SOURCE (id or path) and a START (an offset, or the figure's words), or --all");
  const [ref, start] = positional;
  if (start.trim() === "") throw new UsageError("START is an offset (0, 1, 2, …) or the figure as written, not empty");
  return {ref, start: /^\d+$/.test(start) ? Number(start) : start, options, write, replace};
}

/**
 * `claim SOURCE START --replace ID`: the row that moves claim ID to the number at START of SOURCE
 * (a later report of the same figure, say). Its id, measure and place stay; the figure, attribution,
 * date, source and quote are drafted from the new sentence; its note, qualifier and query are not
 * carried over. Prints the row, or with --write puts it on the old row's line (every other line as it
 * was) after checking the whole new ledger as `check` would. The pages citing ID then show the new
 * figure, and `check` lists each place to review once it has been published.
 */
async function replaceClaim(
  root: string,
  ref: string,
  start: number | string,
  id: string,
  options: DraftOptions,
  write: boolean,
  {stdout, stderr}: Pick<Effects, "stdout" | "stderr">
): Promise<void> {
  const source = await readOneSource(root, ref);
  const {text, rows, ids, problems} = await ledgerShape(root);
  throwIfAny(problems);
  const old = rows.find((r) => r.record.id === id);
  if (text === null || !old) {
    throw new KitError("UNKNOWN_CLAIM", `no claim "${id}" to replace${didYouMean(id, ids)}`, {file: ledgerFile});
  }
  const measure = options.measure ?? old.record.measure;
  const number = numberNamed(source, start);
  await refuseIfCited(root, source, number, id);
  const draft = draftFor(source, number, ids, {...options, measure});
  const row: Record<string, string> = {...draft.row, id, measure, place: old.record.place ?? draft.row.place};
  const next = replaceCsvRow(text, "id", id, row);
  if (!next) {
    const detail = `the row of "${id}" breaks across lines (a quoted cell holds a line break): replace it by hand`;
    throw new KitError("INVALID_FIELD", detail, {file: ledgerFile, line: old.line});
  }
  for (const note of draft.notes) stderr(`${id} (offset ${draft.number.start}): ${note}\n`);
  const dropped = ["note", "qualifier", "query"].filter((c) => (old.record[c] ?? "").trim() !== "");
  if (dropped.length > 0)
    stderr(
      `${id}: its ${dropped.join(", ")} ${dropped.length === 1 ? "is" : "are"} not carried over; write again what still holds\n`
    );
  const change = `${id}: ${old.record.figure} (${old.record.source}, as of ${old.record.as_of}) → ${row.figure} (${row.source}, as of ${row.as_of})`;
  if (!write) {
    stdout(csvFormatBody([row], csvHeader(text)) + "\n");
    stderr(`${change}\nthe row for line ${next.line} of ${ledgerFile}: replace it with --write\n`);
    return;
  }
  verifyLedger(next.text, await readSources(root));
  await writeFileAtomic(join(root, ledgerFile), next.text);
  stderr(
    `${change}\nreplaced line ${next.line} of ${ledgerFile}; \`npx explainer check\` lists each published place to review\n`
  );
}

/**
 * `explainer claim`: drafts for one number (START) or for every unanswered number of a source
 * (--all). A batch with a number that needs an option prints (with --write, appends) the drafts it
 * could make, then fails with a line for each such number, to draft alone.
 */
export async function run(args: string[], {root, stdout, stderr}: Effects): Promise<void> {
  const {ref, start, options, write, replace} = parseArgs(args);
  if (replace !== undefined && start !== null)
    return replaceClaim(root, ref, start, replace, options, write, {stdout, stderr});
  let drafts: Draft[];
  let skipped: string[] = [];
  let problems: KitError[] = [];
  const ledger = await ledgerShape(root);
  if (start === null) {
    ({drafts, skipped, problems} = await draftSource(root, ref, ledger));
  } else {
    const source = await readOneSource(root, ref);
    const number = numberNamed(source, start);
    await refuseIfCited(root, source, number);
    drafts = [draftFor(source, number, ledger.ids, options, ledger.records)];
  }
  const {columns} = ledger;
  if (write && drafts.length > 0) await appendToLedger(root, drafts);
  else if (drafts.length > 0)
    stdout(
      csvFormatBody(
        drafts.map((d) => d.row),
        columns
      ) + "\n"
    );
  for (const d of drafts) {
    for (const note of d.notes) stderr(`${d.row.id} (offset ${d.number.start}): ${note}\n`);
    if (write && d.earlier.length > 0)
      stderr(`${d.row.id}: appended; to move a claim to its figure instead, remove its row first\n`);
  }
  for (const s of skipped) stderr(`${s}\n`);
  const n = drafts.length;
  const rows = `${n} draft row${n === 1 ? "" : "s"}`;
  if (problems.length > 0) {
    const more = `${problems.length} more number${problems.length === 1 ? "" : "s"}`;
    stderr(
      `${rows} ${write ? "appended to" : "for"} ${ledgerFile}; ${more} to draft alone (an option, as each line below says) or to list in data/ignored.csv:\n`
    );
    throwIfAny(problems);
  }
  if (n === 0) stderr(`no number to draft: every count, percentage and sum of money of the body is cited or ignored\n`);
  else if (write) stderr(`${rows} appended to ${ledgerFile}; \`npx explainer check\` verifies them\n`);
  else stderr(`${rows} for ${ledgerFile}: append with --write, or paste at the end; fill in place where it matters\n`);
}
