import {readFile} from "node:fs/promises";
import {createRequire} from "node:module";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {chartWidths} from "../src/components/chart.ts";
import {renderChartSvg} from "../loaders/render-charts.ts";
import {testBrowser, type TestBrowser} from "./helpers/browser.ts";
import {crossedSvg, root, squaresSvg, testCharts, type TestChart} from "./helpers/chart-fixtures.ts";
import {measureProblems, showChart} from "./helpers/chart-measure.ts";

const show = (page: Page, svg: string, dark = false) => showChart(page, root, svg, dark);

describe("chart layout in Chromium", async () => {
  let browser: TestBrowser;
  let page: Page;
  let charts: TestChart[];
  beforeAll(async () => {
    browser = await testBrowser();
    page = await browser.newPage();
    charts = await testCharts();
  });
  afterAll(() => browser?.close());

  const names = (await testCharts()).map((c) => c.name);
  for (const name of names) {
    // The two widths of the static charts, and one between them, as the editor may show.
    for (const width of [...Object.values(chartWidths), 540]) {
      it(`${name} at ${width} px: no text box overlaps another text, a mark or a connector; nothing is cut by the edge`, async () => {
        const {spec, data} = charts.find((c) => c.name === name)!;
        await show(page, renderChartSvg(spec, data, {id: name, width}));
        const measured = await measureProblems(page);
        expect(measured.width).toBe(width);
        expect(measured.problems).toEqual([]);
        expect(measured.texts).toBeGreaterThan(4);
      });
    }
  }

  it("measureProblems(page) sees a map's border through a text, not one along its edge", async () => {
    await show(page, crossedSvg);
    expect((await measureProblems(page)).problems).toEqual(['"Crossed" is crossed by a line, a border or a connector']);
  });

  it("measureProblems(page) sees a text on one square of a filled path of squares, not one between them", async () => {
    await show(page, squaresSvg);
    expect((await measureProblems(page)).problems).toEqual(['"On a square" covers a filled mark']);
  });

  it("follows the page's theme: accent from --theme-foreground-focus, text in the page's colour (dark)", async () => {
    const {spec, data} = charts.find((c) => c.name === "refugees-and-deaths")!;
    await show(page, renderChartSvg(spec, data, {id: "t", width: 360}), true);
    const colours = await page.evaluate(() => ({
      accent: getComputedStyle(document.querySelector(".kit-plot path.kit-accent")!).fill,
      text: getComputedStyle(document.querySelector(".kit-title")!).fill,
      halo: getComputedStyle(document.querySelector(".kit-label text")!).stroke
    }));
    expect(colours).toEqual({accent: "rgb(120, 160, 255)", text: "rgb(223, 223, 214)", halo: "rgb(22, 22, 22)"});
  });

  it("renders the same chart in the browser as in Node: one renderer, two places", async () => {
    const {build} = await import("esbuild");
    const bundle = await build({
      stdin: {
        contents: 'import {renderChart} from "./src/components/chart.ts"; window.renderChart = renderChart;',
        resolveDir: root,
        loader: "ts"
      },
      bundle: true,
      format: "iife",
      platform: "browser",
      write: false,
      logLevel: "silent"
    });
    // Plot offsets lines by half a pixel on screens of device pixel ratio 1, and not in Node.
    const page = await browser.newPage({deviceScaleFactor: 2});
    await page.setContent("<!DOCTYPE html><html lang=en><body></body></html>");
    await page.addScriptTag({content: bundle.outputFiles[0].text});
    await page.addScriptTag({content: `window.land = ${JSON.stringify(charts[0].data.land)};`});
    const rounded = (svg: string) => svg.replace(/\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
    for (const {name, spec, data} of charts) {
      for (const width of Object.values(chartWidths)) {
        const inBrowser = await page.evaluate(
          ({spec, data, width, name}) => {
            const page = window as unknown as {renderChart: (...args: unknown[]) => SVGSVGElement; land: unknown};
            const svg = page.renderChart(spec, {...data, land: page.land}, {width, id: name});
            return new XMLSerializer().serializeToString(svg);
          },
          // The land (megabytes of GeoJSON) went into the page once, above.
          {spec, data: {...data, land: undefined}, width, name}
        );
        expect(rounded(inBrowser)).toBe(rounded(renderChartSvg(spec, data, {id: name, width})));
      }
    }
    await page.close();
  });

  it("passes axe-core's checks for an image with a name (role=img, <title>, <desc>)", async () => {
    // Every chart on one page, checked in one run (axe-core's script is loaded once).
    await show(page, charts.map(({name, spec, data}) => renderChartSvg(spec, data, {id: name, width: 720})).join(""));
    await page.addScriptTag({
      content: await readFile(createRequire(join(root, "package.json")).resolve("axe-core"), "utf-8")
    });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {run: (c: unknown) => Promise<{violations: {id: string; nodes: {target: string[]}[]}[]}>};
        }
      ).axe;
      return (await axe.run(document)).violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`
      );
    });
    expect(violations).toEqual([]);
    const labels = await page.evaluate(() =>
      [...document.querySelectorAll("svg.kit-chart")].map((svg) =>
        (svg.getAttribute("aria-labelledby") ?? "")
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent ?? "")
      )
    );
    expect(labels).toHaveLength(charts.length);
    for (const label of labels) expect(label.map(Boolean)).toEqual([true, true]);
  });
});
