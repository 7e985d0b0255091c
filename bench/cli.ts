/**
 * Command-line benchmark: the wall time of `npx explainer --help` and of `npx explainer check` on
 * the bench project (with its story up to date, after one ledger row changed, and from nothing), as
 * a user types them. Medians of five. Beside `--help`, its two parts: the kit's own (`node
 * bin/explainer.js --help`) and npx's (`npx explainer` in a project whose `explainer` prints one line).
 */
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {benchProject, emptyCaches} from "./project.ts";
import {atMost, median, round, type Result} from "./result.ts";
import {timed} from "./timed.ts";

const npx = (root: string, ...args: string[]) => timed(root, "npx", ["explainer", ...args]);

/** A project with nothing but an `explainer` that prints one line: what `npx explainer` costs before the kit starts. */
async function npxOnly(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "explainer-npx-"));
  await mkdir(join(root, "node_modules/.bin"), {recursive: true});
  await writeFile(join(root, "package.json"), '{"name": "npx-only", "private": true}\n');
  await writeFile(join(root, "node_modules/.bin/explainer"), '#!/usr/bin/env node\nconsole.log("usage");\n', {
    mode: 0o755
  });
  return root;
}

/** Measures the CLI in the built bench project. */
export async function benchCli(): Promise<Result[]> {
  const {root} = await benchProject();
  const runs = async (n: number, run: () => Promise<number>) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) times.push(await run());
    return median(times);
  };
  const help = await runs(5, () => npx(root, "--help"));
  const helpKit = await runs(5, () => timed(root, process.execPath, ["bin/explainer.js", "--help"]));
  const bare = await npxOnly();
  const helpNpx = await runs(5, () => npx(bare, "--help"));
  await rm(bare, {recursive: true, force: true});
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
      key: "cli.help_kit_ms",
      name: "cli: node bin/explainer.js --help (the kit's part)",
      value: round(helpKit),
      unit: "ms"
    },
    {key: "cli.npx_ms", name: "cli: npx of a one-line explainer (npx's part)", value: round(helpNpx), unit: "ms"},
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
