/**
 * `npm run bench`: every benchmark of the kit, printed as one table (each result with its stable
 * key, its value and its target) and written to `bench/results.json` with the machine and the date,
 * so runs can be compared. `npm run bench -- cli dev` runs only the suites named and replaces only
 * their results in the file.
 */
import {readFile, writeFile} from "node:fs/promises";
import {cpus, loadavg} from "node:os";
import {join} from "node:path";
import {benchCli} from "./cli.ts";
import {benchDev} from "./dev.ts";
import {benchCharts} from "./charts.ts";
import {benchDatasets} from "./datasets.ts";
import {benchLarge} from "./large.ts";
import {benchLinks} from "./links.ts";
import {benchNumbers} from "./numbers.ts";
import {disposeBenchProject} from "./project.ts";
import {benchPublish} from "./publish.ts";
import {benchRefresh} from "./refresh.ts";
import {meets, type Result} from "./result.ts";

export type {Result} from "./result.ts";

const suites: [string, () => Promise<Result[]>][] = [
  ["numbers", benchNumbers],
  ["cli", benchCli],
  ["charts", benchCharts],
  ["refresh", benchRefresh],
  ["dev", benchDev],
  ["links", benchLinks],
  ["publish", benchPublish],
  ["large", benchLarge],
  ["datasets", benchDatasets]
];

const only = process.argv.slice(2);
const unknown = only.filter((name) => !suites.some(([suite]) => suite === name));
if (unknown.length) {
  // A typo must not run nothing and rewrite the results as if it had run.
  console.error(`bench: no suite named ${unknown.join(", ")}; the suites: ${suites.map(([name]) => name).join(", ")}`);
  process.exit(2);
}
const results: Result[] = [];
try {
  for (const [name, run] of suites) {
    if (only.length && !only.includes(name)) continue;
    process.stderr.write(`bench: ${name}…\n`);
    results.push(...(await run()));
  }
} finally {
  await disposeBenchProject();
}

const keyWidth = Math.max(...results.map((r) => r.key.length));
const nameWidth = Math.max(...results.map((r) => r.name.length));
for (const r of results) {
  const target = r.target
    ? `  target ${r.target.op === "<=" ? "≤" : "≥"} ${r.target.value}  ${meets(r) ? "met" : "NOT MET"}`
    : "";
  console.log(
    `${r.key.padEnd(keyWidth)}  ${r.name.padEnd(nameWidth)}  ${String(r.value).padStart(10)} ${r.unit}${target}`
  );
}
// Each result with the date and load of its run; a run of some suites replaces only their results.
const file = join(import.meta.dirname, "results.json");
const run = {date: new Date().toISOString(), load: loadavg()[0]};
const fresh = results.map((r) => ({...r, ...run}));
const byKey = new Map(fresh.map((r) => [r.key, r]));
const previous = only.length ? await previousResults(file) : [];
const kept = previous.map((r) => byKey.get(r.key) ?? r);
const merged = [...kept, ...fresh.filter((r) => !previous.some((p) => p.key === r.key))];
await writeFile(
  file,
  JSON.stringify({...run, node: process.version, cpus: cpus().length, results: merged}, null, 2) + "\n"
);
console.log("\nwritten to bench/results.json");

/** The results of the last runs, each with its own date and load (older files had them once, at the top). */
async function previousResults(path: string): Promise<(Result & {date: string; load: number})[]> {
  try {
    const json = JSON.parse(await readFile(path, "utf-8"));
    return json.results.map((r: Result & {date?: string; load?: number}) => ({date: json.date, load: json.load, ...r}));
  } catch {
    return [];
  }
}
