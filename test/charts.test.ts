import {mkdtemp, readFile, rm, symlink, unlink, writeFile, cp} from "node:fs/promises";
import {existsSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {geoContains} from "d3";
import {JSDOM} from "jsdom";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {chartTexts, chartWidths, layoutProblems, svgLayoutProblems} from "../src/components/chart.ts";
import {checkChartSpec, drawnClaims, type ChartSpec} from "../src/components/chart-spec.ts";
import {dateSpan, resolveText, sourceLine, unquoted, wrapEntries, wrapText} from "../src/components/chart-text.ts";
import {placeLabels, overlap} from "../src/components/annotations.ts";
import {bar, barName} from "../src/components/charts/bar.ts";
import type {Claim} from "../src/components/claim.ts";
import {drawnLand, findTerritory, landFromTopology} from "../src/components/charts/land.ts";
import {dateGroups, seriesOf} from "../src/components/charts/reported.ts";
import {cellsOf} from "../src/components/charts/units.ts";
import {boundOf, keyItems} from "../src/components/charts/qualifiers.ts";
import {renderChartSvg} from "../loaders/render-charts.ts";
import {main} from "../tools/cli.ts";
import {fixtureClaims, root, seedCharts, seedRoot, testCharts, type TestChart} from "./helpers/chart-fixtures.ts";

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
  it("without unitLabel, a units chart's key and alt text count what its claims measure, never a noun of the kit's", async () => {
    const {spec, data} = charts.find((c) => c.name === "refugees-and-deaths")!;
    const one = {...spec, unitLabel: undefined, annotations: undefined, claims: ["refugees"]} as ChartSpec;
    expect(checkChartSpec(one, data).problems).toEqual([]);
    expect(texts(parse(renderChartSvg(one, data, {id: "x", width: 360})))).toContain("Each square is 1,000 refugees");
    expect(chartTexts(one, data).alt).toContain("each square is 1,000 refugees.");
  });
});

describe("chart texts", () => {
  it("sourceLine(claims) names each source with its dates, says which figure is unattributed, and the report", async () => {
    const {data} = await seedCharts();
    expect(sourceLine(data.claims)).toBe(
      "Sources: Ukraine's State Emergency Service (2 March 2022); the UN (2 March 2022); not attributed in the source: about 15,000 (2 March 2022); via “Putin's invasion of Ukraine leaves 2,000 civilians dead as…” (Will Taylor, 2 March 2022)"
    );
  });
  it("sourceLine(claims) groups a source's statements and counts the reports: eight statements from five sources", async () => {
    const story = (await fixtureClaims()).filter((c) => c.id.startsWith("story-"));
    expect(sourceLine(story)).toBe(
      "Sources: Agency North (4 statements, 1–9 March 2022); Agency South (2 March 2022); Wire Service West (3 March 2022); Broadcaster East (3 March 2022); Ministry of Fixtures (7 March 2022); via 8 archived reports, listed under Sources"
    );
  });
  it("wrapEntries(text, 720, 11): one source a line at most, every line starting with a source, none in lower case after a full stop", async () => {
    const story = (await fixtureClaims()).filter((c) => c.id.startsWith("story-"));
    const lines = wrapEntries(sourceLine(story), 720, 11);
    expect(lines.length).toBeLessThanOrEqual(6);
    for (const line of lines.slice(1)) expect(line).toMatch(/^(Agency|Wire|Broadcaster|Ministry|via) /);
    expect(sourceLine(story)).not.toMatch(/\. [a-z]/);
  });
  it("unquoted(text) makes text ready for quote marks: never doubled, a quote within a quote in single marks", () => {
    expect(unquoted("“Fixture report two”: quoted title")).toBe("‘Fixture report two’: quoted title");
    expect(unquoted("“We are here”")).toBe("We are here");
    expect(unquoted('"We are here"')).toBe("We are here");
    expect(unquoted("“We are leaving,” she said.")).toBe("‘We are leaving,’ she said.");
    expect(unquoted("He said “we will stay” and left")).toBe("He said ‘we will stay’ and left");
    expect(unquoted("“We are")).toBe("We are");
    expect(unquoted("Putin's war")).toBe("Putin's war");
  });
  it("dateSpan(dates) writes a span as a reader would", () => {
    expect(dateSpan(["2022-03-09", "2022-03-02"])).toBe("2–9 March 2022");
    expect(dateSpan(["2022-02-28", "2022-03-03"])).toBe("28 February – 3 March 2022");
    expect(dateSpan(["2021-12-30", "2022-01-02"])).toBe("30 December 2021 – 2 January 2022");
    expect(dateSpan(["2022-03-02"])).toBe("2 March 2022");
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
        "Sources: Ukraine's State Emergency Service (2 March 2022); the UN (2 March 2022); via “Putin's invasion of Ukraine leaves 2,000 civilians dead as…” (Will Taylor, 2 March 2022)",
      sources: [
        "Ukraine's State Emergency Service (2 March 2022)",
        "the UN (2 March 2022)",
        "via “Putin's invasion of Ukraine leaves 2,000 civilians dead as…” (Will Taylor, 2 March 2022)"
      ],
      claims: ["civilians-killed", "refugees"],
      figure: {label: "more than 800,000", caption: "Refugees, according to the UN, 2 March 2022", claim: "refugees"}
    });
  });
  it("barName(claim, claims): bars of one measure are told apart by date, else by who gave them, else both", async () => {
    const claims = await fixtureClaims();
    const story = (...ids: string[]) => ids.map((id) => claims.find((c) => c.id === `story-${id}`)!);
    const names = (shown: Claim[]) => shown.map((c) => barName(c, shown));
    expect(names(story("1", "2"))).toEqual(["fixture departures, 1 March 2022", "fixture departures, 2 March 2022"]);
    expect(names(story("3", "4"))).toEqual([
      "fixture departures, Agency North",
      "fixture departures, Wire Service West"
    ]);
    expect(names(story("3", "4", "6", "8"))).toEqual([
      "fixture departures, Agency North, 3 March 2022",
      "fixture departures, Wire Service West, 3 March 2022",
      "fixture departures, Agency North, 5 March 2022",
      "fixture departures, Agency North, 9 March 2022"
    ]);
    const share = claims.find((c) => c.id === "share-1")!;
    expect(names([share, ...story("1")])).toEqual(["fixture share", "fixture departures"]);
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
    expect(keyItems(bar.key, data.claims).map((k) => k.text)).toEqual([
      "Fading bar end: “more than”, a lower bound; the true number is higher",
      "Lighter, dashed bar: “about”, an approximate figure"
    ]);
  });
});

describe("territories: how a map spec draws and credits disputed land", () => {
  const simferopol: [number, number] = [34.1, 44.95];
  const inside = (countries: {properties: {name: string}}[], name: string, p: [number, number]) =>
    geoContains(countries.find((f) => f.properties.name === name) as never, p);
  it("landFromTopology draws the land as the data does, and credits Natural Earth alone", async () => {
    const {data} = await seedCharts();
    expect(inside(data.land!.countries.features, "Russia", simferopol)).toBe(true);
    expect(data.land!.credit).toBe("Map: Natural Earth");
  });
  it("drawnLand(land, the seed map's territories) draws the territory within the country it names, and the map credits it", async () => {
    const {data, charts} = await seedCharts();
    const spec = charts.find((c) => c.id === "places-in-the-report")!.spec as Extract<ChartSpec, {type: "map"}>;
    const {countries} = drawnLand(data.land!, spec.territories);
    expect(inside(countries, "Ukraine", simferopol)).toBe(true);
    expect(inside(countries, "Russia", simferopol)).toBe(false);
    expect(inside(countries, "Russia", [37.62, 55.75])).toBe(true);
    const texts = parse(renderChartSvg(spec, data, {id: "m", width: 720}));
    expect([...texts.querySelectorAll(".kit-credit")].map((t) => t.textContent)).toEqual([
      "Map: Natural Earth; Crimea drawn within Ukraine’s internationally recognised borders."
    ]);
  });
  it("a map of another region with no territories prints no territory credit", async () => {
    const {data} = await seedCharts();
    const check = checkChartSpec(
      {type: "map", title: "Warsaw", focus: "Poland", places: ["Kyiv"], frame: "country"},
      data
    );
    expect(check.problems).toEqual([]);
    const svg = parse(renderChartSvg(check.spec!, data, {id: "p", width: 720}));
    expect([...svg.querySelectorAll(".kit-credit")].map((t) => t.textContent)).toEqual(["Map: Natural Earth"]);
  });
  it("drawAs: disputed takes the territory from every country and draws it on its own", async () => {
    const {data} = await seedCharts();
    const {countries, disputed} = drawnLand(data.land!, [
      {name: "Fixture territory", at: simferopol, drawAs: "disputed", credit: "A fixture territory, drawn apart."}
    ]);
    expect(inside(countries, "Russia", simferopol) || inside(countries, "Ukraine", simferopol)).toBe(false);
    expect(disputed.map((d) => d.properties.name)).toEqual(["Fixture territory"]);
    expect(findTerritory(data.land!, [-30, 0])).toBeNull();
    expect(landFromTopology).toBeTypeOf("function");
  });
});

describe("reported over time", () => {
  it("dateGroups(claims): one group per date, one mark per distinct figure; three sources on 3 March are two marks", async () => {
    const story = (await fixtureClaims()).filter((c) => c.id.startsWith("story-"));
    const groups = dateGroups(story);
    expect(groups.map((g) => [g.claims[0].as_of, g.claims.length, g.marks.length])).toEqual([
      ["2022-03-01", 1, 1],
      ["2022-03-02", 1, 1],
      ["2022-03-03", 3, 2],
      ["2022-03-05", 1, 1],
      ["2022-03-07", 1, 1],
      ["2022-03-09", 1, 1]
    ]);
  });
  it("seriesOf(spec, claims): a line only through one source's figures, which count the same way", async () => {
    const story = (await fixtureClaims()).filter((c) => c.id.startsWith("story-"));
    expect(seriesOf({}, story).map((s) => [s.attribution, s.points.map((c) => c.id)])).toEqual([
      ["Agency North", ["story-1", "story-3", "story-6", "story-8"]]
    ]);
    expect(seriesOf({line: "none"}, story)).toEqual([]);
  });
  it("the fixture story of eight sources over six dates has no collision at 360 or 720 px, and its key says what the line joins", async () => {
    const {spec, data} = charts.find((c) => c.name === "reported-story")!;
    expect(layoutProblems(spec, data, {document: parse("<svg></svg>").ownerDocument, id: "story"})).toEqual([]);
    const all = texts(parse(renderChartSvg(spec, data, {id: "s", width: 360}))).join("\n");
    expect(all).toContain(
      "Line: figures from Agency North, which count the same way; figures from different sources are not joined"
    );
    expect(all).toContain(
      "1 million (Agency North); 1 million (Wire Service West); nearly 1 million (Broadcaster East)"
    );
  });
  it("works from 1 to 40 claims: no collision at either width", async () => {
    const [base] = await fixtureClaims();
    const document = parse("<svg></svg>").ownerDocument;
    for (const n of [1, 2, 12, 40]) {
      const claims = Array.from({length: n}, (_, i) => ({
        ...base,
        id: `c-${i}`,
        value: 100000 + ((i * 37) % 11) * 20000,
        lower: 100000 + ((i * 37) % 11) * 20000,
        upper: 100000 + ((i * 37) % 11) * 20000,
        approximate: false,
        label: `${100 + ((i * 37) % 11) * 20},000`,
        attribution: `Fixture source ${i % 5}`,
        as_of: `2022-03-${String(1 + (i % 20)).padStart(2, "0")}`
      }));
      const data = {claims, places: []};
      const check = checkChartSpec({type: "reported", title: "Many", claims: claims.map((c) => c.id)}, data);
      expect(check.problems).toEqual([]);
      expect({n, problems: layoutProblems(check.spec!, data, {document})}).toEqual({n, problems: []});
    }
  });
});

describe("layoutProblems(spec, data)", () => {
  it("has nothing to report for any fixture chart at 360 and 720 px", () => {
    const document = parse("<svg></svg>").ownerDocument;
    for (const {name, spec, data} of charts) {
      expect({name, problems: layoutProblems(spec, data, {document, id: name})}).toEqual({name, problems: []});
    }
  });
  it("names the chart, the width and the two labels of a collision; an offset out of the chart is LABEL_OFFSET_OUTSIDE with its field", async () => {
    const {data, charts} = await seedCharts();
    const spec = charts.find((c) => c.id === "reported-figures")!.spec;
    const document = parse("<svg></svg>").ownerDocument;
    const moved = {...spec, labels: [{claim: "refugees", dx: 700, dy: 0}]} as ChartSpec;
    const problems = layoutProblems(moved, data, {document, id: "reported-figures", widths: [360]});
    expect(problems.map((p) => [p.code, p.chart, p.width, p.field])).toContainEqual([
      "LABEL_OFFSET_OUTSIDE",
      "reported-figures",
      360,
      "labels[0]"
    ]);
    const onTop = {
      ...spec,
      annotations: [{on: {claim: "refugees"}, text: "A note on top of the bar", dx: -120, dy: -2}]
    } as ChartSpec;
    const svg = parse(renderChartSvg(onTop, data, {id: "x", width: 720}));
    // The placer refuses the offset when it covers something: the note moves off, and nothing collides.
    expect(layoutProblems(onTop, data, {document, id: "x"})).toEqual([]);
    expect(svg.querySelector('[data-key="annotation:0"]')).not.toBeNull();
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
    await cp(join(seedRoot, "data"), join(dir, "data"), {recursive: true});
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
      'data/charts/reported-figures.json: annotations[1].on.claim: UNKNOWN_CLAIM: no claim "no-such-claim" in data/claims.csv\n'
    );
    expect(await readFile(join(dir, "out/reported-figures-narrow.svg"), "utf-8")).toBe(good);
  });
  it("on a bad spec keeps the files it wrote, not the stage's later drawing of the chart", async () => {
    const file = join(dir, "data/charts/reported-figures.json");
    await cp(join(seedRoot, "data/charts/reported-figures.json"), file);
    await run("--out", "out");
    const good = await readFile(join(dir, "out/reported-figures-narrow.svg"), "utf-8");
    // A good edit the stage draws (written elsewhere), then a bad one.
    const spec = JSON.parse(await readFile(file, "utf-8"));
    await writeFile(file, JSON.stringify({...spec, title: "Fixture title, edited"}));
    expect((await run("--out", "elsewhere")).status).toBe(0);
    expect(await readFile(join(dir, "elsewhere/reported-figures-narrow.svg"), "utf-8")).toContain(
      "Fixture title, edited"
    );
    await writeFile(file, JSON.stringify({...spec, title: "Fixture title, edited", colors: "not a list"}));
    const {status, stderr} = await run("--out", "out");
    expect(status).toBe(1);
    expect(stderr).toMatch(/^data\/charts\/reported-figures\.json: colors: INVALID_FIELD: /m);
    expect(stderr).not.toContain("wrote out/reported-figures");
    expect(await readFile(join(dir, "out/reported-figures-narrow.svg"), "utf-8")).toBe(good);
  });
  it("fails on a label collision, naming the chart, the width and the two labels, and keeps the chart's last good files", async () => {
    await cp(join(seedRoot, "data/charts/reported-figures.json"), join(dir, "data/charts/reported-figures.json"));
    await run("--out", "out");
    const file = join(dir, "data/charts/refugees-and-deaths.json");
    const good = await readFile(join(dir, "out/refugees-and-deaths-narrow.svg"), "utf-8");
    const spec = JSON.parse(await readFile(file, "utf-8"));
    spec.labels = [{claim: "refugees", dx: 700, dy: 0}];
    await writeFile(file, JSON.stringify(spec));
    const {status, stderr} = await run("--out", "out");
    expect(status).toBe(1);
    expect(stderr).toContain(
      "data/charts/refugees-and-deaths.json: labels[0]: LABEL_OFFSET_OUTSIDE: at 360 px: the offset of labels[0] puts"
    );
    expect(await readFile(join(dir, "out/refugees-and-deaths-narrow.svg"), "utf-8")).toBe(good);
  });
  it("refuses an unknown argument with the usage line", async () => {
    const {status, stderr} = await run("--width", "300");
    expect(status).toBe(2);
    expect(stderr).toContain("usage: explainer charts [--out DIR]");
  });
});

describe("chart cards: chartCardSvg(chart, siteName) at 1200×630", () => {
  it("shows the title, the key figure with what it is, and the source line, no text under 24 px", async () => {
    const {chartCardSvg, minCardText, renderPng, defaultFontDir} = await import("../tools/publish/cards.ts");
    for (const {name, spec, data} of charts) {
      const texts = chartTexts(spec, data);
      const svg = chartCardSvg({...texts, wide: renderChartSvg(spec, data, {id: name, width: 720})}, "Fixture site");
      const sizes = [...svg.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1]));
      expect({name, smallest: Math.min(...sizes)}).toEqual({name, smallest: minCardText});
      const words = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]).join(" ");
      if (texts.figure) expect(words).toContain(texts.figure.label);
      expect(words).toContain("Fixture site");
      expect(words).toContain(texts.sources[0].slice(0, 20).replace(/'/g, "&#39;"));
      if (name === "refugees-and-deaths" && existsSync(join(defaultFontDir, "DejaVuSans.ttf"))) {
        const png = renderPng(svg);
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      }
    }
  });
  it("without the renderer's texts (a page's chart), reads the source line from the chart's SVG and shows the subtitle", async () => {
    const {chartCardSvg, sourceOfSvg} = await import("../tools/publish/cards.ts");
    const {spec, data} = charts.find((c) => c.name === "reported-figures")!;
    const wide = renderChartSvg(spec, data, {id: "x", width: 720});
    expect(sourceOfSvg(wide)).toBe(chartTexts(spec, data).source);
    const svg = chartCardSvg({title: "T", subtitle: "A subtitle", wide}, "Site");
    expect(svg).toContain(">A subtitle</tspan>");
  });
});

describe("page cards: pageCardSvg(page, siteName) at 1200×630", () => {
  it("shows the title, the description and the page's figure, no text under 24 px and no text on another", async () => {
    const {clampLines, pageCardSvg, minCardText} = await import("../tools/publish/cards.ts");
    // A card with no room left for the description (a three-line title, a figure on two lines) draws none.
    expect(clampLines("What the fixture figures say.", 1088, 30, false, 0)).toEqual([]);
    const figureOf = (name: string) => {
      const {spec, data} = charts.find((c) => c.name === name)!;
      return chartTexts(spec, data).figure;
    };
    const long =
      "A fixture page whose title runs long enough to need three lines on the card, and then some more words";
    const pages = [
      {
        title: "Fixture explainer",
        description: "What the fixture figures say.",
        figure: figureOf("refugees-and-deaths")
      },
      {title: long, description: long, figure: figureOf("refugee-counts")},
      {title: "Methodology", description: long, figure: null}
    ];
    for (const page of pages) {
      const svg = pageCardSvg(page, "Fixture site");
      const sizes = [...svg.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1]));
      expect(Math.min(...sizes)).toBe(minCardText);
      expect(svg).not.toContain('<svg class="kit-chart"');
      expect(svgLayoutProblems(parse(svg), {chart: "card", width: 1200})).toEqual([]);
      const words = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]).join(" ");
      expect(page.figure === null).toBe(page.title === "Methodology");
      if (page.figure) expect(words).toContain(page.figure.label);
      expect(words).toContain(page.title.split(" ").slice(0, 4).join(" "));
    }
  });
});

describe("colours every reader can tell apart", () => {
  it("the default palette and the kit's text pass in both themes, and chart.css draws the same series colours", async () => {
    const {colorProblems, paletteProblems} = await import("../src/components/charts/colors.ts");
    const {defaultSeries, defaultSeriesDark} = await import("../src/components/charts/style.ts");
    expect(colorProblems({})).toEqual([]);
    expect(paletteProblems({light: defaultSeries, dark: defaultSeriesDark})).toEqual([]);
    const css = await readFile(join(root, "src/components/chart.css"), "utf-8");
    for (const colour of [...defaultSeries.slice(1), ...defaultSeriesDark.slice(1)]) expect(css).toContain(colour);
  });
  it("fails two series that look the same with a deficiency, a style lost against the page, and a mark under 3:1", async () => {
    const {paletteProblems, minDeltaE} = await import("../src/components/charts/colors.ts");
    expect(minDeltaE).toBe(10);
    const details = (colors: string[]) =>
      paletteProblems({light: colors, dark: colors}).map((p) => `${p.field}: ${p.code}: ${p.detail}`);
    expect(details(["#4269d0", "#8b3fbf"])).toContain(
      "colors[1]: COLORS_INDISTINGUISHABLE: #8b3fbf and #4269d0 look the same with protanopia in the light theme (ΔE2000 7.5 < 10)"
    );
    expect(details(["#ffe08a"])).toEqual(
      expect.arrayContaining([
        "colors[0]: LOW_CONTRAST: #ffe08a has 1.29:1 contrast with the light page; marks need 3:1 (WCAG AA)"
      ])
    );
    expect(details(["#1b1e23"]).some((d) => /COLORS_INDISTINGUISHABLE: .* in the dark theme/.test(d))).toBe(true);
  });
  it("a spec's own colours are drawn in both themes, without the page's accent classes", async () => {
    const {data, charts} = await seedCharts();
    const spec = {...charts.find((c) => c.id === "reported-figures")!.spec, colors: ["#b85400"]} as ChartSpec;
    expect(checkChartSpec(spec, data).problems).toEqual([]);
    const svg = renderChartSvg(spec, data, {id: "c", width: 360});
    expect(svg).toContain('fill="#b85400"');
    expect(svg).not.toMatch(/kit-accent/);
  });
});
