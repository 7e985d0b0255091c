/**
 * Benchmark of the charts: every fixture chart (both fixture desks' — the seed's and the desk's of
 * several sources — and the fixture specs of every type and qualifier) at 360 and 720 px, its label
 * collisions counted twice — by the kit's own layout check (`layoutProblems`, what `explainer
 * charts` fails on) and as Chromium lays the chart out (text boxes against texts, marks, connectors
 * and a map's borders, and the chart's edge) — the time to render and check them, and the seed
 * explainer's HTML as a reader downloads it (gzip). The target is 0 collisions. `npm run bench`
 * calls benchCharts().
 */
import {existsSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {gzipSync} from "node:zlib";
import {JSDOM} from "jsdom";
import {renderChartSvg} from "../loaders/render-charts.ts";
import {chartWidths, layoutProblems} from "../src/components/chart.ts";
import {launchChromium, testChromiumPath} from "../test/helpers/browser.ts";
import {root, testCharts} from "../test/helpers/chart-fixtures.ts";
import {measureProblems, showChart} from "../test/helpers/chart-measure.ts";
import type {Result} from "./result.ts";
import {benchProject, disposeBenchProject} from "./project.ts";

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
  // The seed explainer's HTML as a reader downloads it (gzip, the level a web server uses by default):
  // prose, cards and both widths of every chart, inline.
  const project = await benchProject();
  const html = await readFile(join(project.root, "dist", `${project.page}.html`));
  results.push({
    key: "charts.explainer_html_gzip_bytes",
    name: "charts: the seed explainer's HTML, gzip (prose and both widths of its three charts)",
    value: gzipSync(html).length,
    unit: "bytes"
  });
  if (!existsSync(testChromiumPath)) {
    process.stderr.write(
      `bench: charts: no Chromium headless shell at ${testChromiumPath}; collisions in the browser not measured\n`
    );
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
  try {
    for (const r of await benchCharts()) console.log(`${r.name}: ${r.value} ${r.unit}`);
  } finally {
    await disposeBenchProject();
  }
}
