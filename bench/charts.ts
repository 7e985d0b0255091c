/**
 * Benchmark of the charts: every fixture chart (the seed's copy, every type and qualifier, the
 * story of eight sources over six dates) at 360 and 720 px, its label collisions counted twice —
 * by the kit's own layout check (`layoutProblems`, what `explainer charts` fails on) and as Chromium
 * lays the chart out (text boxes against texts, marks and connectors, and the chart's edge) — and
 * the time to render and check them. The target is 0 collisions. `npm run bench` calls benchCharts().
 */
import {existsSync} from "node:fs";
import {pathToFileURL} from "node:url";
import {JSDOM} from "jsdom";
import {renderChartSvg} from "../loaders/render-charts.ts";
import {chartWidths, layoutProblems} from "../src/components/chart.ts";
import {chromiumPath, launchChromium} from "../test/helpers/browser.ts";
import {root, testCharts} from "../test/helpers/chart-fixtures.ts";
import {measureProblems, showChart} from "../test/helpers/chart-measure.ts";
import type {Result} from "./index.ts";

/** A result with its stable key in bench/results.json. */
type Keyed = Result & {key: string};

/** Counts the collisions of every fixture chart at both widths, in Node and in Chromium. */
export async function benchCharts(): Promise<Keyed[]> {
  const charts = await testCharts();
  const document = new JSDOM("<!DOCTYPE html><body></body>").window.document;
  const start = performance.now();
  let node = 0;
  for (const {name, spec, data} of charts) node += layoutProblems(spec, data, {document, id: name}).length;
  const checkMs = performance.now() - start;
  const results: Keyed[] = [
    {key: "charts.count", name: "charts: fixture charts, each at 360 and 720 px", value: charts.length, unit: "charts"},
    {
      key: "charts.collisions_node",
      name: "charts: layout problems found by the kit's check (target 0)",
      value: node,
      unit: "problems"
    },
    {
      key: "charts.check_ms",
      name: "charts: render and check every fixture chart at both widths",
      value: Math.round(checkMs),
      unit: "ms"
    }
  ];
  if (!existsSync(chromiumPath)) {
    process.stderr.write(`bench: charts: no Chromium at ${chromiumPath}; collisions in the browser not measured\n`);
    return results;
  }
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    let collisions = 0;
    for (const {name, spec, data} of charts) {
      for (const width of Object.values(chartWidths)) {
        await showChart(page, root, renderChartSvg(spec, data, {id: name, width}));
        const {problems} = await measureProblems(page);
        for (const p of problems) process.stderr.write(`bench: charts: ${name} at ${width} px: ${p}\n`);
        collisions += problems.length;
      }
    }
    results.push({
      key: "charts.collisions",
      name: "charts: text boxes colliding or cut in Chromium (target 0)",
      value: collisions,
      unit: "collisions"
    });
  } finally {
    await browser.close();
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchCharts()) console.log(`${r.name}: ${r.value} ${r.unit}`);
}
