/**
 * `npm run bench`: every benchmark of the kit, printed as one table and written to
 * `bench/results.json` (with the machine and the date) so runs can be compared.
 */
import {writeFile} from "node:fs/promises";
import {cpus} from "node:os";
import {join} from "node:path";
import {benchCharts} from "./charts.ts";
import {benchNumbers} from "./numbers.ts";
import {benchPublish} from "./publish.ts";
import {benchRefresh} from "./refresh.ts";

/** One measured figure. */
export interface Result {
  name: string;
  value: number;
  unit: string;
}

const suites: [string, () => Promise<Result[]>][] = [
  ["numbers", benchNumbers],
  ["charts", benchCharts],
  ["refresh", benchRefresh],
  ["publish", benchPublish]
];

const results: Result[] = [];
for (const [name, run] of suites) {
  process.stderr.write(`bench: ${name}…\n`);
  results.push(...(await run()));
}

const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) console.log(`${r.name.padEnd(width)}  ${String(r.value).padStart(10)} ${r.unit}`);
await writeFile(
  join(import.meta.dirname, "results.json"),
  JSON.stringify({date: new Date().toISOString(), node: process.version, cpus: cpus().length, results}, null, 2) + "\n"
);
console.log("\nwritten to bench/results.json");
