/**
 * `explainer ignore SOURCE --repeats [--write]`: rows of `data/ignored.csv` for every number of a
 * source that repeats a figure the ledger already cites from it (the headline's "1.2 million", an
 * intro's), each with the reason the number audit's one-click repeat button gives, naming the claim.
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
  parseIgnored,
  readIgnored
} from "../../loaders/audit.ts";
import {throwIfAny} from "../../loaders/errors.ts";
import {readQuotedClaims} from "../../loaders/ledger.ts";
import {readSources} from "../../loaders/sources.ts";
import {ignoreText, repeatOf, repeatReason} from "../../src/components/audit-repeats.ts";
import {appendCsvRows} from "../csv-append.ts";
import {UsageError, type Effects} from "../effects.ts";
import {readOneSource} from "./claim.ts";

/** Parses `ignore`'s arguments. */
function parseArgs(args: string[]): {ref: string; write: boolean} {
  const positional = args.filter((a) => !a.startsWith("--"));
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--repeats" && a !== "--write");
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown[0]}`);
  if (!args.includes("--repeats"))
    throw new UsageError(
      "ignore takes --repeats: other numbers are ignored with a reason of your own, in the audit page under npm run dev or as a row of data/ignored.csv"
    );
  if (positional.length !== 1) throw new UsageError("ignore takes one SOURCE (id or path)");
  return {ref: positional[0], write: args.includes("--write")};
}

/** `explainer ignore` (see the module's comment). */
export async function run(args: string[], {root, stdout, stderr}: Effects): Promise<void> {
  const {ref, write} = parseArgs(args);
  const source = await readOneSource(root, ref);
  const sources = await readSources(root);
  const claims = readQuotedClaims(root, sources);
  const audit = auditNumbers(sources, claims, await readIgnored(root, sources));
  // The rows as the audit page reads them (data/numbers.csv), for the functions its buttons use.
  const rows = csvParse(
    csvFormat(
      audit.rows.filter((n) => n.source === source.id),
      [...auditColumns]
    )
  );
  const repeats = rows.flatMap((row) => {
    const cited = repeatOf(row, rows);
    return cited ? [{source: source.id, text: ignoreText(source, row), reason: repeatReason(row, cited)}] : [];
  });
  const n = repeats.length;
  if (n === 0) {
    stderr(`no number of "${source.id}" repeats a figure that the ledger cites from it\n`);
    return;
  }
  const listed = `${n} row${n === 1 ? "" : "s"}`;
  if (!write) {
    stdout(csvFormatBody(repeats, [...ignoredColumns]) + "\n");
    stderr(`${listed} for ${ignoredFile}: append with --write\n`);
    return;
  }
  // A project without the list starts one: appendCsvRows writes the header.
  const current = await readFile(join(root, ignoredFile), "utf-8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  const next = appendCsvRows(current, repeats, ignoredColumns);
  throwIfAny(auditNumbers(sources, claims, parseIgnored(next, sources)).problems);
  await writeFileAtomic(join(root, ignoredFile), next);
  stderr(`${listed} appended to ${ignoredFile}; \`npx explainer check\` verifies them\n`);
}
