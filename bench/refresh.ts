/**
 * Refresh benchmark: what `npx explainer refresh` costs on the seed story, against Framework's own
 * full rebuild from an empty cache (`observable build`, which runs every loader and builds every
 * page). Runs in a temporary copy of the project; `npx tsx bench/refresh.ts` prints the numbers.
 */
import {spawn} from "node:child_process";
import {readFile, readdir, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {copyProject, projectRoot, removeProject} from "../test/helpers/project.ts";
import {vendorNpm} from "../tools/vendor.ts";
import {refresh} from "../tools/refresh.ts";

/** One measurement, as `bench/index.ts` prints it. */
export interface Measure {
  name: string;
  value: number;
  unit: string;
}

/** Runs a program in `root` with node_modules/.bin on PATH; resolves with the milliseconds it took, or throws with its stderr. */
export function timed(
  root: string,
  command: string,
  args: string[],
  env: Record<string, string> = {}
): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        PATH: `${join(projectRoot, "node_modules/.bin")}:${process.env.PATH}`,
        OBSERVABLE_TELEMETRY_DISABLE: "true",
        NO_COLOR: "1",
        ...env
      }
    });
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(performance.now() - start)
        : reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${stderr.slice(-2000)}`))
    );
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cli = (root: string, ...args: string[]) => timed(root, "tsx", ["bin/explainer.ts", ...args]);

/** Empties Framework's cache except the vendored npm modules (without them an offline build cannot run at all). */
async function emptyCache(root: string): Promise<void> {
  const cache = join(root, "src/.observablehq/cache");
  for (const name of await readdir(cache).catch(() => [])) {
    if (name !== "_npm") await rm(join(cache, name), {recursive: true, force: true});
  }
}

/**
 * Measures, in a temporary copy of the project: Framework's full rebuild from an empty cache; a
 * no-change refresh (the whole command, and the dependency check alone); a one-row change to the
 * ledger; and a full `--force` refresh; each refresh also as a ratio to the full rebuild.
 */
export async function benchRefresh(): Promise<Measure[]> {
  const root = await copyProject();
  try {
    const quiet = {root, stdout: () => {}, stderr: () => {}, now: () => new Date()};
    await vendorNpm(quiet);
    await emptyCache(root);
    const rebuild = await timed(root, "observable", ["build"], {EXPLAINER_OUTPUT: ".explainer/bench-dist"});
    await emptyCache(root);
    await cli(root, "refresh");
    const noChange = median([await cli(root, "refresh"), await cli(root, "refresh"), await cli(root, "refresh")]);
    const checks: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await refresh(root);
      checks.push(performance.now() - start);
    }
    const ledger = join(root, "data/claims.csv");
    const original = await readFile(ledger, "utf-8");
    const changed = original.replace(/^(refugees,.*),,$/m, "$1,at-least,");
    if (changed === original)
      throw new Error("data/claims.csv: the refugees row no longer has an empty qualifier to edit");
    const oneRow: number[] = [];
    for (const text of [changed, original, changed]) {
      await writeFile(ledger, text);
      oneRow.push(await cli(root, "refresh"));
    }
    const force = await cli(root, "refresh", "--force");
    const ms = (name: string, value: number): Measure => ({name, value: Math.round(value), unit: "ms"});
    const ratio = (name: string, value: number): Measure => ({
      name: `${name} / full rebuild`,
      value: Math.round((value / rebuild) * 1000) / 1000,
      unit: "ratio"
    });
    return [
      ms("refresh: Framework full rebuild from an empty cache (observable build)", rebuild),
      ms("refresh: no change (npx explainer refresh)", noChange),
      ms("refresh: no change, dependency check alone (in-process)", median(checks)),
      ms("refresh: one ledger row changed", median(oneRow)),
      ms("refresh: --force, every loader", force),
      ratio("refresh: no change", noChange),
      ratio("refresh: no change, dependency check alone", median(checks)),
      ratio("refresh: one ledger row changed", median(oneRow)),
      ratio("refresh: --force", force)
    ];
  } finally {
    await removeProject(root);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const {name, value, unit} of await benchRefresh()) console.log(`${name}: ${value} ${unit}`);
}
