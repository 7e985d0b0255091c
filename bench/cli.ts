/**
 * Command-line benchmark: the wall time of `npx explainer --help` and of `npx explainer check` on
 * the bench project (with its story up to date, after one ledger row changed, and from nothing), as
 * a user types them. Medians of five.
 */
import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {benchProject, emptyCaches} from "./project.ts";
import {atMost, median, round, type Result} from "./result.ts";
import {timed} from "./timed.ts";

const npx = (root: string, ...args: string[]) => timed(root, "npx", ["explainer", ...args]);

/** Measures the CLI in the built bench project. */
export async function benchCli(): Promise<Result[]> {
  const {root} = await benchProject();
  const runs = async (n: number, run: () => Promise<number>) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) times.push(await run());
    return median(times);
  };
  const help = await runs(5, () => npx(root, "--help"));
  await npx(root, "check");
  const check = await runs(5, () => npx(root, "check"));
  const ledger = join(root, "data/claims.csv");
  const original = await readFile(ledger, "utf-8");
  let flip = false;
  const edited = await runs(5, async () => {
    flip = !flip;
    await writeFile(ledger, flip ? original.replace(/^(refugees,.*),,$/m, "$1,at-least,") : original);
    return npx(root, "check");
  });
  await writeFile(ledger, original);
  const cold = await runs(3, async () => {
    await emptyCaches(root);
    return npx(root, "check");
  });
  await npx(root, "refresh");
  return [
    {key: "cli.help_ms", name: "cli: npx explainer --help", value: round(help), unit: "ms", target: atMost(500)},
    {
      key: "cli.check_ms",
      name: "cli: npx explainer check, story up to date",
      value: round(check),
      unit: "ms",
      target: atMost(1500)
    },
    {key: "cli.check_edit_ms", name: "cli: npx explainer check after a ledger edit", value: round(edited), unit: "ms"},
    {key: "cli.check_cold_ms", name: "cli: npx explainer check from nothing", value: round(cold), unit: "ms"}
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const {key, value, unit} of await benchCli()) console.log(`${key}: ${value} ${unit}`);
}
