import {mkdir, readFile} from "node:fs/promises";
import {join, relative, resolve} from "node:path";
import writeFileAtomic from "write-file-atomic";
import {throwIfAny} from "../../loaders/errors.ts";
import {drawnCharts} from "../../loaders/stage-model.ts";
import {asKitErrors} from "../../loaders/stage-problems.ts";
import {runStage} from "../../loaders/stage.ts";
import {chartWidths} from "../../src/components/chart.ts";
import {UsageError, type Effects} from "../effects.ts";

/** Where `explainer charts` writes when no `--out` is given, relative to the project root. */
export const defaultChartsOut = ".explainer/charts";

function parseArgs(args: string[]): {out: string} {
  let out = defaultChartsOut;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--out" && args[i + 1] !== undefined) out = args[++i];
    else if (args[i].startsWith("--out=")) out = args[i].slice("--out=".length);
    else throw new UsageError(`unexpected argument ${JSON.stringify(args[i])}`);
  }
  return {out};
}

/**
 * Renders every valid spec to `<id>-narrow.svg` and `<id>-wide.svg` (each written atomically and
 * only when it changed), then throws the problems of the invalid specs, whose files are left as
 * they were: the last good SVG stays.
 */
export async function writeCharts(
  {root, stderr}: Effects,
  outDir: string
): Promise<{written: string[]; unchanged: string[]}> {
  const run = await runStage(root);
  // The charts that draw now: a bad spec's last good drawing, which the stage keeps, is not written over
  // the files an earlier run wrote.
  const charts = run.stage ? drawnCharts(run.stage.charts, run.stage.failedCharts) : {};
  const problems = asKitErrors(run.problems.filter((p) => p.blocking && p.file.startsWith("data/")));
  const dir = resolve(root, outDir);
  await mkdir(dir, {recursive: true});
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const [id, chart] of Object.entries(charts)) {
    for (const size of ["narrow", "wide"] as const) {
      const file = join(dir, `${id}-${size}.svg`);
      const text = chart[size] + "\n";
      const before = await readFile(file, "utf-8").catch(() => null);
      if (before === text) unchanged.push(file);
      else {
        await writeFileAtomic(file, text);
        written.push(file);
      }
    }
  }
  for (const file of written) stderr(`wrote ${relative(root, file)}\n`);
  for (const [id, chart] of Object.entries(charts)) {
    for (const size of ["narrow", "wide"] as const) {
      for (const [, key] of chart[size].matchAll(/data-key="([^"]+)"[^>]*data-overlaps="true"/g)) {
        stderr(
          `warning: data/charts/${id}.json: ${key.replace(/^annotation:(\d+)$/, "annotations[$1]")}: at ${chartWidths[size]} px this label overlaps another label or a mark; move it (dx, dy) or shorten it\n`
        );
      }
    }
  }
  throwIfAny(problems);
  return {written, unchanged};
}

/** `explainer charts [--out DIR]`: the static SVGs of every chart, for checking by eye and for export. */
/** `explainer charts`. */
export async function run(args: string[], effects: Effects): Promise<void> {
  const {out} = parseArgs(args);
  const {written, unchanged} = await writeCharts(effects, out);
  effects.stdout(
    `ok: ${(written.length + unchanged.length) / 2} charts, ${written.length} files written, ${unchanged.length} unchanged\n`
  );
}
