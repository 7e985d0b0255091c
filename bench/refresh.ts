/**
 * Refresh benchmark: what `npx explainer refresh` costs on the bench project when nothing changed
 * and when one ledger row changed, against the project's own build from an empty cache. Run
 * directly (`npx tsx bench/refresh.ts`), it prints the numbers.
 */
import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {benchProject} from "./project.ts";
import {atMost, median, round, type Result} from "./result.ts";
import {timed} from "./timed.ts";

const cli = (root: string, ...args: string[]) => timed(root, process.execPath, ["bin/explainer.js", ...args]);

/** Measures refreshes in the built bench project, each also as a ratio to its cold build. */
export async function benchRefresh(): Promise<Result[]> {
  const {root, coldMs} = await benchProject();
  await cli(root, "refresh");
  const noChange = median([await cli(root, "refresh"), await cli(root, "refresh"), await cli(root, "refresh")]);
  const ledger = join(root, "data/claims.csv");
  const original = await readFile(ledger, "utf-8");
  const changed = original.replace(/^(refugees,.*),,$/m, "$1,at-least,");
  if (changed === original) throw new Error("bench: the fixture's refugees row has no empty qualifier to edit");
  const oneRow: number[] = [];
  for (const text of [changed, original, changed, original, changed]) {
    await writeFile(ledger, text);
    oneRow.push(await cli(root, "refresh"));
  }
  await writeFile(ledger, original);
  await cli(root, "refresh");
  return [
    {key: "refresh.nochange_ms", name: "refresh: no change (explainer refresh)", value: round(noChange), unit: "ms"},
    {
      key: "refresh.nochange_ratio",
      name: "refresh: no change / cold build",
      value: round(noChange / coldMs, 3),
      unit: "ratio",
      target: atMost(0.05)
    },
    {key: "refresh.onerow_ms", name: "refresh: one ledger row changed", value: round(median(oneRow)), unit: "ms"},
    {
      key: "refresh.onerow_ratio",
      name: "refresh: one ledger row changed / cold build",
      value: round(median(oneRow) / coldMs, 3),
      unit: "ratio"
    }
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const {key, value, unit} of await benchRefresh()) console.log(`${key}: ${value} ${unit}`);
}
