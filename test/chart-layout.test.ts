import {existsSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {createRequire} from "node:module";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {chartWidths} from "../src/components/chart.ts";
import {renderChartSvg} from "../loaders/render-charts.ts";
import {chromiumPath, launchChromium} from "./helpers/browser.ts";
import {root, testCharts, type TestChart} from "./helpers/chart-fixtures.ts";

const hasChromium = existsSync(chromiumPath);
if (!hasChromium)
  console.warn(`chart-layout.test.ts skipped: no Chromium at ${chromiumPath} (apt-get install -y chromium)`);

interface Box {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Loads a chart into a page styled as Framework's light or dark theme, with the chart stylesheet. */
async function show(page: Page, svg: string, dark = false): Promise<void> {
  const css = await readFile(join(root, "src/components/chart.css"), "utf-8");
  const theme = dark
    ? "--theme-foreground:#dfdfd6;--theme-foreground-focus:rgb(120, 160, 255);--theme-background:#161616;color:#dfdfd6;background:#161616"
    : "--theme-foreground:#1b1e23;--theme-foreground-focus:rgb(59, 95, 192);--theme-background:#fff;color:#1b1e23;background:#fff";
  await page.setContent(
    `<!DOCTYPE html><html lang="en"><head><title>chart</title><style>${css} body{margin:0;${theme}}</style></head><body><main><h1>Chart</h1>${svg}</main></body></html>`
  );
}

/** Bounding boxes, in page pixels, of every text block, and of every mark (squares, bars, dots) but the key's swatches. */
function measure(page: Page): Promise<{svg: Box; texts: Box[]; marks: Box[]}> {
  return page.evaluate(() => {
    const box = (e: Element): Box => {
      const r = e.getBoundingClientRect();
      return {text: (e.textContent ?? e.tagName).slice(0, 60), x: r.x, y: r.y, width: r.width, height: r.height};
    };
    const svg = document.querySelector("svg")!;
    const texts = [...svg.querySelectorAll("text")].map(box);
    const marks = [...svg.querySelectorAll(".kit-plot rect, .kit-plot circle")]
      .filter((e) => !e.closest(".kit-swatch"))
      .map(box);
    return {svg: box(svg), texts, marks};
  });
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

describe.skipIf(!hasChromium)("chart layout in Chromium", async () => {
  let browser: Browser;
  let page: Page;
  let charts: TestChart[];
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    charts = await testCharts();
  });
  afterAll(() => browser?.close());

  const names = hasChromium ? (await testCharts()).map((c) => c.name) : [];
  for (const name of names) {
    // The two widths of the static charts, and one between them, as the editor may show.
    for (const width of [...Object.values(chartWidths), 540]) {
      it(`${name} at ${width} px: no two labels overlap, no label covers a mark, nothing is clipped`, async () => {
        const {spec, data} = charts.find((c) => c.name === name)!;
        await show(page, renderChartSvg(spec, data, {id: name, width}));
        const {svg, texts, marks} = await measure(page);
        expect(svg.width).toBe(width);
        const problems: string[] = [];
        texts.forEach((a, i) => {
          for (const b of texts.slice(i + 1))
            if (overlapArea(a, b) > 1) problems.push(`"${a.text}" overlaps "${b.text}"`);
          for (const m of marks) if (overlapArea(a, m) > 1) problems.push(`"${a.text}" covers a ${m.text} mark`);
          // Chromium's text boxes are font boxes, rounded outwards: a 1.5 px margin is not a clipped glyph.
          const e = 1.5;
          if (
            a.x < svg.x - e ||
            a.y < svg.y - e ||
            a.x + a.width > svg.x + svg.width + e ||
            a.y + a.height > svg.y + svg.height + e
          ) {
            problems.push(`"${a.text}" is clipped by the chart's edge`);
          }
        });
        expect(problems).toEqual([]);
        expect(texts.length).toBeGreaterThan(4);
      });
    }
  }

  it("follows the page's theme: accent from --theme-foreground-focus, text in the page's colour (dark)", async () => {
    const {spec, data} = charts.find((c) => c.name === "refugees-and-deaths")!;
    await show(page, renderChartSvg(spec, data, {id: "t", width: 360}), true);
    const colours = await page.evaluate(() => ({
      accent: getComputedStyle(document.querySelector(".kit-plot .kit-accent rect")!).fill,
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
  }, 60_000);

  it("passes axe-core's checks for an image with a name (role=img, <title>, <desc>)", async () => {
    const axe = createRequire(join(root, "package.json")).resolve("axe-core");
    for (const {name, spec, data} of charts) {
      await show(page, renderChartSvg(spec, data, {id: name, width: 720}));
      await page.addScriptTag({content: await readFile(axe, "utf-8")});
      const result = await page.evaluate(async () => {
        const axe = (window as unknown as {axe: {run: (c: unknown) => Promise<{violations: {id: string}[]}>}}).axe;
        return (await axe.run(document)).violations.map((v) => v.id);
      });
      expect({name, violations: result}).toEqual({name, violations: []});
      const label = await page.evaluate(() => {
        const svg = document.querySelector("svg")!;
        return svg
          .getAttribute("aria-labelledby")!
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent);
      });
      expect(label[0]).toBeTruthy();
      expect(label[1]).toBeTruthy();
    }
  });
});
