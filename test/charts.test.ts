import {mkdtemp, readFile, rm, symlink, unlink, writeFile, cp} from "node:fs/promises";
import {existsSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {geoContains} from "d3";
import {JSDOM} from "jsdom";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {chartTexts, chartWidths} from "../src/components/chart.ts";
import {drawnClaims} from "../src/components/chart-spec.ts";
import {resolveText, sourceLine, wrapText} from "../src/components/chart-text.ts";
import {placeLabels, overlap} from "../src/components/annotations.ts";
import {cellsOf} from "../src/components/charts/units.ts";
import {boundOf, keyItems} from "../src/components/charts/qualifiers.ts";
import {renderChartSvg} from "../loaders/render-charts.ts";
import {main} from "../tools/cli.ts";
import {root, seedCharts, testCharts, type TestChart} from "./helpers/chart-fixtures.ts";

const output = join(root, "test/output");

/** Plot's normalization: ids renumbered in order of appearance, floats to two decimals, one element per line. */
function normalize(svg: string): string {
  const ids = new Map<string, string>();
  for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g)) if (!ids.has(id)) ids.set(id, `id-${ids.size}`);
  return svg
    .replace(/(\sid="|#)([^"\s)]+)(?=[")])/g, (m, before: string, id: string) =>
      ids.has(id) ? before + ids.get(id) : m
    )
    .replace(
      /(aria-labelledby=")([^"]*)/g,
      (_, before: string, list: string) =>
        before +
        list
          .split(" ")
          .map((id) => ids.get(id) ?? id)
          .join(" ")
    )
    .replace(/\d+\.\d+/g, (n) => String(Number(Number(n).toFixed(2))))
    .replace(/></g, ">\n<")
    .concat("\n");
}

/**
 * Compares with `test/output/<name>.svg`. On a mismatch writes `<name>-changed.svg` beside it and
 * fails; a missing snapshot is written (and the test passes) except in CI, where it fails.
 */
async function assertSnapshot(name: string, svg: string): Promise<void> {
  const file = join(output, `${name}.svg`);
  const changed = join(output, `${name}-changed.svg`);
  const actual = normalize(svg);
  if (!existsSync(file)) {
    if (process.env.CI)
      throw new Error(
        `missing snapshot ${file}: snapshots are never generated in CI; run the tests locally and commit it`
      );
    await writeFile(file, actual);
    return;
  }
  const expected = await readFile(file, "utf-8");
  if (actual === expected) {
    if (existsSync(changed)) await unlink(changed);
    return;
  }
  await writeFile(changed, actual);
  throw new Error(
    `${name}.svg differs from its snapshot: compare test/output/${name}-changed.svg, then replace the snapshot if it is right`
  );
}

const parse = (svg: string) => new JSDOM(`<!DOCTYPE html><body>${svg}</body>`).window.document.querySelector("svg")!;
/** Each `<text>`'s lines joined with spaces: wrapped text reads back as one string. */
const texts = (svg: SVGSVGElement) =>
  [...svg.querySelectorAll("text")].map((t) => {
    const spans = [...t.querySelectorAll("tspan")];
    return spans.length ? spans.map((s) => s.textContent).join(" ") : (t.textContent ?? "");
  });

let charts: TestChart[];
beforeAll(async () => {
  charts = await testCharts();
});

describe("renderChart(spec, data, {width}) snapshots", async () => {
  const names = (await testCharts()).map((c) => c.name);
  for (const name of names) {
    for (const [size, width] of Object.entries(chartWidths)) {
      it(`${name} at ${width} px matches test/output/${name}-${size}.svg`, async () => {
        const {spec, data} = charts.find((c) => c.name === name)!;
        await assertSnapshot(`${name}-${size}`, renderChartSvg(spec, data, {id: name, width}));
      });
    }
  }
});

describe("what a reader sees in each SVG", async () => {
  const names = (await testCharts()).map((c) => c.name);
  for (const name of names) {
    it(`${name}: every label, the source line, the annotations; title, desc; no <style>`, () => {
      const {spec, data} = charts.find((c) => c.name === name)!;
      const byId = new Map(data.claims.map((c) => [c.id, c]));
      const info = chartTexts(spec, data);
      for (const width of Object.values(chartWidths)) {
        const text = renderChartSvg(spec, data, {id: name, width});
        const svg = parse(text);
        const all = texts(svg);
        const joined = all.join("\n");
        for (const claim of drawnClaims(spec, data.claims)) expect(joined).toContain(claim.label);
        expect(all).toContain(info.source);
        for (const a of spec.annotations ?? [])
          expect(joined.replace(/\s+/g, " ")).toContain(resolveText(a.text, byId));
        expect(svg.getAttribute("role")).toBe("img");
        expect(svg.getAttribute("aria-labelledby")).toBe(`${name}-${width}-title ${name}-${width}-desc`);
        expect(svg.querySelector("title")!.textContent).toBe(info.title);
        expect(svg.querySelector("desc")!.textContent).toBe(info.alt);
        expect(text).not.toMatch(/<style|\sstyle="|<script|https?:\/\/(?!www\.w3\.org)/);
        expect(text).not.toContain("data-overlaps");
        expect(text).toBe(renderChartSvg(spec, data, {id: name, width}));
      }
    });
    it(`${name}: alt text names every figure`, () => {
      const {spec, data} = charts.find((c) => c.name === name)!;
      const alt = chartTexts(spec, data).alt;
      for (const claim of drawnClaims(spec, data.claims)) expect(alt).toContain(claim.label);
    });
  }
  it("the units chart of the seed says how many each square stands for and draws the lower bound's open edge", () => {
    const {spec, data} = charts.find((c) => c.name === "refugees-and-deaths")!;
    const svg = parse(renderChartSvg(spec, data, {id: "x", width: 360}));
    expect(texts(svg)).toContain("Each square is 1,000 people");
    expect(texts(svg)).toContain(
      "Fading squares after the last: “more than”, a lower bound; the true number is higher"
    );
  });
});

describe("chart texts", () => {
  it("sourceLine(claims) names attributions and the source, and says which figure is unattributed", async () => {
    const {data} = await seedCharts();
    expect(sourceLine(data.claims)).toBe(
      "Source: Ukraine's State Emergency Service; the UN, via “Putin's invasion of Ukraine leaves 2,000 civilians dead as pleas for escape routes grow” (Will Taylor, 2 March 2022), which does not say who gave about 15,000"
    );
  });
  it("chartTexts(spec, data) for the seed's unit chart", async () => {
    const {data, charts} = await seedCharts();
    const {spec} = charts.find((c) => c.id === "refugees-and-deaths")!;
    expect(chartTexts(spec, data)).toEqual({
      title: "Refugees far outnumber the civilians killed",
      subtitle: "Civilians killed in Ukraine and Ukrainians who have become refugees, as reported on 2 March 2022",
      note: "",
      alt: "Unit chart comparing civilians killed with refugees; each square is 1,000 people. Civilians killed: 2,000 (Ukraine's State Emergency Service, as of 2 March 2022). Refugees: more than 800,000 (the UN, as of 2 March 2022). Notes on the chart: Killed during the invasion, Ukraine's State Emergency Service said. Escaping on packed trains and roads to neighbouring countries.",
      source:
        "Source: Ukraine's State Emergency Service; the UN, via “Putin's invasion of Ukraine leaves 2,000 civilians dead as pleas for escape routes grow” (Will Taylor, 2 March 2022)",
      claims: ["civilians-killed", "refugees"]
    });
  });
  it("wrapText(text, width, size) keeps lines within the width", () => {
    expect(wrapText("Escaping on packed trains and roads to neighbouring countries", 180, 12)).toEqual([
      "Escaping on packed trains",
      "and roads to neighbouring",
      "countries"
    ]);
  });
});

describe("qualifiers drawn", () => {
  it("boundOf(claim) for each seed claim", async () => {
    const {data} = await seedCharts();
    expect(data.claims.map((c) => [c.id, boundOf(c)])).toEqual([
      ["civilians-killed", "exact"],
      ["refugees", "lower"],
      ["soldiers-approaching-kyiv", "approximate"]
    ]);
  });
  it("cellsOf(claim, unit, cols): more than 800,000 is 800 solid squares then an open edge of fading ones", async () => {
    const {data} = await seedCharts();
    const cells = cellsOf(data.claims.find((c) => c.id === "refugees")!, 1000, 42);
    expect(cells.filter((c) => c.opacity === 1).length).toBe(800);
    const edge = cells.filter((c) => c.opacity < 1);
    expect(edge.length).toBe(42);
    expect(edge.map((c) => c.opacity)).toEqual([...edge.map((c) => c.opacity)].sort((a, b) => b - a));
  });
  it("keyItems(type, claims) quotes the qualifier words used", async () => {
    const {data} = await seedCharts();
    expect(keyItems("bar", data.claims).map((k) => k.text)).toEqual([
      "Fading bar end: “more than”, a lower bound; the true number is higher",
      "Lighter, dashed bar: “about”, an approximate figure"
    ]);
  });
});

describe("readLand(root)", () => {
  it("draws Crimea within Ukraine, not Russia, and credits Natural Earth", async () => {
    const {data} = await seedCharts();
    const country = (name: string) => data.land!.countries.features.find((f) => f.properties.name === name)!;
    const simferopol: [number, number] = [34.1, 44.95];
    expect(geoContains(country("Ukraine"), simferopol)).toBe(true);
    expect(geoContains(country("Russia"), simferopol)).toBe(false);
    expect(geoContains(country("Russia"), [37.62, 55.75])).toBe(true);
    expect(data.land!.credit).toMatch(/^Map: Natural Earth/);
  });
});

describe("placeLabels(requests, obstacles, frame)", () => {
  it("moves a label off an obstacle and off an earlier label", () => {
    const frame = {x: 0, y: 0, width: 200, height: 100};
    const request = (key: string) => ({key, lines: [{text: "label"}], anchor: {x: 100, y: 50}, fontSize: 12});
    const placed = placeLabels([request("a"), request("b")], [{x: 100, y: 40, width: 100, height: 20}], frame);
    expect(overlap(placed[0].box, {x: 100, y: 40, width: 100, height: 20})).toBe(0);
    expect(overlap(placed[0].box, placed[1].box)).toBe(0);
    expect(placed.every((p) => p.clear)).toBe(true);
  });
});

describe("explainer charts", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "charts-"));
    await cp(join(root, "data"), join(dir, "data"), {recursive: true});
    await symlink(join(root, "node_modules"), join(dir, "node_modules"));
    await writeFile(join(dir, "package.json"), "{}");
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));
  const run = async (...args: string[]) => {
    let stdout = "";
    let stderr = "";
    const status = await main(["charts", ...args], {
      root: dir,
      stdout: (s) => void (stdout += s),
      stderr: (s) => void (stderr += s),
      now: () => new Date(0)
    });
    return {status, stdout, stderr};
  };
  it("writes <id>-narrow.svg and <id>-wide.svg for every spec", async () => {
    const {status, stdout} = await run("--out", "out");
    expect(status).toBe(0);
    expect(stdout).toBe("ok: 3 charts, 6 files written, 0 unchanged\n");
    const {data, charts} = await seedCharts();
    const {spec} = charts.find((c) => c.id === "refugees-and-deaths")!;
    expect(await readFile(join(dir, "out/refugees-and-deaths-wide.svg"), "utf-8")).toBe(
      renderChartSvg(spec, data, {id: "refugees-and-deaths", width: 720}) + "\n"
    );
  });
  it("on a bad spec prints the error, exits 1 and keeps that chart's last good files", async () => {
    const good = await readFile(join(dir, "out/reported-figures-narrow.svg"), "utf-8");
    const file = join(dir, "data/charts/reported-figures.json");
    const spec = JSON.parse(await readFile(file, "utf-8"));
    spec.annotations[1].on = {claim: "no-such-claim"};
    await writeFile(file, JSON.stringify(spec));
    const {status, stdout, stderr} = await run("--out", "out");
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(
      'data/charts/reported-figures.json: annotations[1].on.claim: UNKNOWN_CLAIM: claim "no-such-claim" is not in data/claims.csv\n'
    );
    expect(await readFile(join(dir, "out/reported-figures-narrow.svg"), "utf-8")).toBe(good);
  });
  it("refuses an unknown argument with the usage line", async () => {
    const {status, stderr} = await run("--width", "300");
    expect(status).toBe(2);
    expect(stderr).toContain("usage: explainer charts [--out DIR]");
  });
});
