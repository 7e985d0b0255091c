/**
 * `explainer datasets`: lists the project's datasets, each checked against its record's sha256, and
 * verifies the ledger's computed claims by running their queries; prints each problem as
 * `file:line: CODE: message` and fails when there is one.
 */
import type {ComputedClaim} from "../../loaders/computed-claims.ts";
import {listDatasets} from "../../loaders/datasets.ts";
import {readSourcesSync} from "../../loaders/sources.ts";
import {UsageError, type Effects} from "../effects.ts";

/** `explainer datasets` (usage in commands.json). */
export async function run(args: string[], {root, stdout}: Effects): Promise<void> {
  if (args.length) throw new UsageError("datasets takes no argument");
  const datasets = await listDatasets(root);
  for (const d of datasets)
    stdout(`${d.id}: ${d.title} (${d.publisher}), ${d.rows} rows, sha256 ${d.sha256.slice(0, 12)}…, ${d.file}\n`);
  const {readLedgerWithComputed} = await import("../../loaders/computed-claims.ts");
  const claims = await readLedgerWithComputed(root, readSourcesSync(root), {datasets});
  const computed = claims.filter((c): c is ComputedClaim => "computed" in c);
  for (const c of computed) stdout(`${c.id}: "${c.figure}" from ${c.computed.query_file}: ${c.computed.rule}\n`);
  stdout(
    `ok: ${datasets.length} dataset${datasets.length === 1 ? "" : "s"} verified, ${computed.length} computed claim${computed.length === 1 ? "" : "s"} verified\n`
  );
}
