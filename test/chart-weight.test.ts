import {gzipSync} from "node:zlib";
import {JSDOM} from "jsdom";
import {beforeAll, describe, expect, it} from "vitest";
import {chartTexts, chartWidths, svgLayoutProblems} from "../src/components/chart.ts";
import {cellsOf, unitsDefaults} from "../src/components/charts/units.ts";
import {pathSegments, relativePath, subpaths} from "../src/components/charts/svg-path.ts";
import {renderChartSvg} from "../loaders/render-charts.ts";
import {squaresSvg, testCharts, type TestChart} from "./helpers/chart-fixtures.ts";

const parse = (svg: string) => new JSDOM(`<!DOCTYPE html><body>${svg}</body>`).window.document.querySelector("svg")!;

let charts: TestChart[];
beforeAll(async () => {
  charts = await testCharts();
});

describe("straight path data: subpaths(d) and relativePath(d)", () => {
  it("relativePath(d) writes squares and lines relative, at 0.1 px, with h and v", () => {
    expect(relativePath("M10,10L17,10L17,17L10,17Z")).toBe("m10 10h7v7h-7z");
    expect(relativePath("M10,10h7v7h-7zM18.5,10h7v7h-7z")).toBe("m10 10h7v7h-7zm8.5 0h7v7h-7z");
    expect(relativePath("M91.5,191.7L144.5,149.4L197.5,132.5")).toBe("m91.5 191.7l53-42.3 53-16.9");
    expect(relativePath("M8,0.5H14M11,0.5V11.5")).toBe("m8 .5h6m-3 0v11");
    // Curves and arcs are left as they are.
    expect(relativePath("M0,0A3,3,0,1,1,0,6")).toBe("M0,0A3,3,0,1,1,0,6");
  });

  it("subpaths(relativePath(d)) draws what subpaths(d) draws, to 0.1 px, on a long outline without drift", () => {
    const points = Array.from({length: 500}, (_, i) => [
      200 + 150 * Math.cos(i / 40) + i * 0.013,
      200 + 150 * Math.sin(i / 40) - i * 0.011
    ]);
    const d = `M${points.map((p) => p.join(",")).join("L")}Z`;
    const round = (v: number) => Math.round(v * 10) / 10;
    const expected = subpaths(d).map((s) => ({...s, points: s.points.map((p) => ({x: round(p.x), y: round(p.y)}))}));
    const actual = subpaths(relativePath(d)).map((s) => ({
      ...s,
      points: s.points.map((p) => ({x: round(p.x), y: round(p.y)}))
    }));
    expect(actual).toEqual(expected);
    expect(relativePath(d).length).toBeLessThan(d.length * 0.6);
  });

  it("pathSegments(d) closes a subpath with z", () => {
    expect(pathSegments("m0 0h7v7h-7z")).toEqual([
      [
        {x: 0, y: 0},
        {x: 7, y: 0}
      ],
      [
        {x: 7, y: 0},
        {x: 7, y: 7}
      ],
      [
        {x: 7, y: 7},
        {x: 0, y: 7}
      ],
      [
        {x: 0, y: 7},
        {x: 0, y: 0}
      ]
    ]);
  });
});

describe("unit charts as light as they look", () => {
  it("draws each look of square as one path: every square of every claim, no element per square", () => {
    for (const {name, spec, data} of charts.filter((c) => c.spec.type === "units")) {
      if (spec.type !== "units") continue;
      for (const width of Object.values(chartWidths)) {
        const svg = parse(renderChartSvg(spec, data, {id: name, width}));
        const {cell, gap} = width < 480 ? unitsDefaults.narrow : unitsDefaults.wide;
        const cols = Math.floor((width + gap) / (cell + gap));
        const byId = new Map(data.claims.map((c) => [c.id, c]));
        const cells = spec.claims.flatMap((id) => cellsOf(byId.get(id)!, spec.unit, cols));
        const paths = [...svg.querySelectorAll(".kit-plot .kit-mark path")];
        expect(svg.querySelectorAll(".kit-plot rect").length).toBe(0);
        // One path per look: solid, each step of a fade, hollow.
        const looks = new Set(cells.map((c) => `${c.kind} ${c.opacity}`));
        expect({name, width, paths: paths.length}).toEqual({name, width, paths: looks.size});
        const squares = paths.flatMap((p) => subpaths(p.getAttribute("d")!));
        expect({name, width, squares: squares.length}).toEqual({name, width, squares: cells.length});
        // The qualifier styles: the fade's opacities, hollow squares stroked and not filled.
        const opacities = paths.map((p) => Number(p.getAttribute("fill-opacity") ?? 1)).filter((o) => o < 1);
        expect(opacities.sort()).toEqual(
          [...new Set(cells.filter((c) => c.kind === "solid" && c.opacity < 1).map((c) => c.opacity))].sort()
        );
        const hollow = paths.filter((p) => p.getAttribute("fill") === "none");
        expect(hollow.length).toBe(cells.some((c) => c.kind === "hollow") ? 1 : 0);
        expect(svg.querySelector("desc")!.textContent).toBe(chartTexts(spec, data).alt);
      }
    }
  });

  it("the seed's unit chart (800 squares, their fading edge and 2 more) weighs under 2.5 KB gzip at each width", () => {
    const {spec, data} = charts.find((c) => c.name === "refugees-and-deaths")!;
    for (const width of Object.values(chartWidths)) {
      const svg = renderChartSvg(spec, data, {id: "refugees-and-deaths", width});
      expect({width, gzip: gzipSync(svg).length < 2500}).toEqual({width, gzip: true});
    }
  });

  it("svgLayoutProblems(svg) reads a filled path's squares one by one: a text on a square covers a mark, one between rows does not", () => {
    const svg = parse(squaresSvg);
    expect(svgLayoutProblems(svg, {chart: "u", width: 200}).map((p) => p.detail)).toEqual([
      'at 200 px: "On a square" covers a mark'
    ]);
  });
});
