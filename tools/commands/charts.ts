import {mkdir, readFile} from "node:fs/promises";
import {join, relative, resolve} from "node:path";
import {JSDOM} from "jsdom";
import writeFileAtomic from "write-file-atomic";
import {loadChartData, readChartSpecs, chartsDir} from "../../loaders/charts.ts";
import {KitError, throwIfAny} from "../../loaders/errors.ts";
import {serializeSvg} from "../../loaders/render-charts.ts";
import {
  chartWidths,
  renderChart,
  svgLayoutProblems,
  type LayoutProblem,
  type PlacedLabel
} from "../../src/components/chart.ts";
import {UsageError, type Effects} from "../cli.ts";
import type {Command} from "./index.ts";

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

/** A layout problem as the kit reports problems: `data/charts/<id>.json: [field: ]CODE: at 360 px: …`. */
export function layoutError(problem: LayoutProblem): KitError {
  return new KitError(problem.code, problem.detail, {file: `${chartsDir}/${problem.chart}.json`, field: problem.field});
}

/**
 * Renders every valid spec to `<id>-narrow.svg` and `<id>-wide.svg` (each written atomically and
 * only when it changed), then throws the problems of the invalid specs and of the charts whose
 * labels collide or are cut at either width, whose files are left as they were: the last good
 * SVG stays.
 */
export async function writeCharts(
  {root, stderr}: Effects,
  outDir: string
): Promise<{written: string[]; unchanged: string[]}> {
  const data = await loadChartData(root);
  const {charts: files, problems} = await readChartSpecs(root, data);
  const document = new JSDOM("<!DOCTYPE html><body></body>").window.document;
  const charts: Record<string, Record<"narrow" | "wide", string>> = {};
  for (const {id, spec} of files) {
    const svgs = {narrow: "", wide: ""};
    const layout: LayoutProblem[] = [];
    for (const size of ["narrow", "wide"] as const) {
      const width = chartWidths[size];
      let labels: readonly PlacedLabel[] = [];
      const svg = renderChart(spec, data, {width, id, document, onLabels: (l) => (labels = l)});
      layout.push(...svgLayoutProblems(svg, {chart: id, width, labels}));
      svgs[size] = serializeSvg(svg, `${id}-${width}`);
    }
    if (layout.length) problems.push(...layout.map(layoutError));
    else charts[id] = svgs;
  }
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
  throwIfAny(problems);
  return {written, unchanged};
}

/** `explainer charts [--out DIR]`: the static SVGs of every chart, for checking by eye and for export. */
export const charts: Command = {
  usage: "[--out DIR]",
  summary: `render every chart in data/charts/ to DIR/<id>-narrow.svg and DIR/<id>-wide.svg (DIR: ${defaultChartsOut}); fails on a bad spec or a label collision, keeping that chart's last good files`,
  async run(args, effects) {
    const {out} = parseArgs(args);
    const {written, unchanged} = await writeCharts(effects, out);
    effects.stdout(
      `ok: ${(written.length + unchanged.length) / 2} charts, ${written.length} files written, ${unchanged.length} unchanged\n`
    );
  }
};
