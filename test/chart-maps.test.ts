import {readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {JSDOM} from "jsdom";
import {beforeAll, describe, expect, it} from "vitest";
import {layoutProblems, svgLayoutProblems} from "../src/components/chart.ts";
import {drawLabels, placeLabels} from "../src/components/annotations.ts";
import {outlineSegments} from "../src/components/charts/map-lines.ts";
import {segmentInBox} from "../src/components/charts/geometry.ts";
import {drawnLand} from "../src/components/charts/land.ts";
import {checkPlaces, readLandSync} from "../loaders/places.ts";
import {renderChartSvg} from "../loaders/render-charts.ts";
import {readStoredStage} from "../loaders/stage.ts";
import {main} from "../tools/cli.ts";
import {crossedSvg, deskCharts, testCharts, type TestChart} from "./helpers/chart-fixtures.ts";
import {copyProject, recordingEffects, removeProject} from "./helpers/project.ts";

const parse = (svg: string) => new JSDOM(`<!DOCTYPE html><body>${svg}</body>`).window.document.querySelector("svg")!;
const document = () => parse("<svg></svg>").ownerDocument;

let charts: TestChart[];
beforeAll(async () => {
  charts = await testCharts();
});

describe("labels and a map's borders and coasts", () => {
  it("readLandSync() reads the base map once: the same land at every call, so what a map draws from it is kept", async () => {
    const land = readLandSync();
    expect(readLandSync()).toBe(land);
    expect(land.countries.features.length).toBeGreaterThan(200);
    const map = (await deskCharts("seed")).charts.find((c) => c.spec.type === "map")!.spec;
    const territories = "territories" in map ? map.territories : undefined;
    expect(territories?.length).toBeGreaterThan(0);
    expect(drawnLand(readLandSync(), territories)).toBe(drawnLand(land, territories));
  });

  it("svgLayoutProblems(svg) reports a border through a text, not one along its edge", () => {
    const problems = svgLayoutProblems(parse(crossedSvg), {chart: "m", width: 200});
    expect(problems.map((p) => p.detail)).toEqual(['at 200 px: "Crossed" is crossed by a border or coastline']);
    expect(problems[0].code).toBe("LABEL_COLLISION");
  });

  it("placeLabels(requests, obstacles, frame, segments, lines) moves a label off a border, not off land", () => {
    const frame = {x: 0, y: 0, width: 300, height: 200};
    // A border running right past the anchor: the first position tried (right of the anchor) is crossed.
    const border: [{x: number; y: number}, {x: number; y: number}][] = [];
    for (let x = 100; x < 300; x += 2)
      border.push([
        {x, y: 100},
        {x: x + 2, y: 100}
      ]);
    const request = {key: "place:A", lines: [{text: "A place"}], anchor: {x: 100, y: 100}, fontSize: 12};
    const [plain] = placeLabels([request], [], frame);
    expect(border.some(([a, b]) => segmentInBox(a, b, plain.box) > 0)).toBe(true);
    const [placed] = placeLabels([request], [], frame, [], border);
    expect(placed.clear).toBe(true);
    expect(border.reduce((n, [a, b]) => n + segmentInBox(a, b, placed.box), 0)).toBe(0);
  });

  it("a label that a border crosses wherever it goes is set on a plate, which the layout check accepts", () => {
    const frame = {x: 0, y: 0, width: 200, height: 100};
    // Horizontal borders every 6 px: no place for a 12 px line of text between them.
    const lines: [{x: number; y: number}, {x: number; y: number}][] = [];
    for (let y = 3; y < 100; y += 6)
      for (let x = 0; x < 200; x += 4)
        lines.push([
          {x, y},
          {x: x + 4, y}
        ]);
    const request = {key: "place:A", lines: [{text: "A place"}], anchor: {x: 100, y: 50}, fontSize: 12};
    const [placed] = placeLabels([request], [], frame, [], lines);
    expect({clear: placed.clear, plate: placed.plate}).toEqual({clear: true, plate: true});
    const doc = document();
    const svg = doc.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("width", "200");
    svg.setAttribute("height", "100");
    const land = doc.createElementNS("http://www.w3.org/2000/svg", "g");
    land.setAttribute("class", "kit-land");
    land.innerHTML = lines.map(([a, b]) => `<path d="M${a.x},${a.y}L${b.x},${b.y}"/>`).join("");
    svg.append(land, drawLabels(doc, [placed]));
    expect(svg.querySelectorAll("rect.kit-plate").length).toBe(1);
    expect(svgLayoutProblems(svg as SVGSVGElement, {chart: "m", width: 200})).toEqual([]);
    // Without the plate, the same drawing is a collision.
    svg.querySelector("rect.kit-plate")!.remove();
    expect(svgLayoutProblems(svg as SVGSVGElement, {chart: "m", width: 200}).map((p) => p.detail)).toEqual([
      'at 200 px: "A place" is crossed by a border or coastline'
    ]);
  });

  it("outlineSegments(features, projection, clip) leaves out the frame's edge, where the drawing is cut", async () => {
    const {geoIdentity} = await import("d3");
    const square = {
      type: "Polygon" as const,
      coordinates: [
        [
          [0, 0],
          [0, 50],
          [100, 50],
          [100, 0],
          [0, 0]
        ]
      ]
    };
    const projection = geoIdentity().clipExtent([
      [0, 0],
      [60, 100]
    ]);
    const segments = outlineSegments([square], projection, {x: 0, y: 0, width: 60, height: 100});
    // Of the square cut at x = 60, only the edge at y = 50 is a line the reader sees inside the frame.
    expect(segments.length).toBeGreaterThan(0);
    expect(segments.every(([a, b]) => a.y === 50 && b.y === 50)).toBe(true);
  });

  it("no fixture map has a text crossed by a border or a coast, at 360, 540 or 720 px", () => {
    const maps = charts.filter((c) => c.spec.type === "map");
    expect(maps.map((m) => m.name).sort()).toEqual(["border-crossings", "places-in-the-report"]);
    for (const {name, spec, data} of maps) {
      const problems = layoutProblems(spec, data, {document: document(), id: name, widths: [360, 540, 720]});
      expect({name, problems}).toEqual({name, problems: []});
    }
  });
});

describe("a crowded map at 360 px (the desk's border crossings)", () => {
  it("draws Medyka and Przemyśl in an inset tall enough for both labels, each clear, Medyka's led to its ring", async () => {
    const {data, charts} = await deskCharts("desk");
    const {spec} = charts.find((c) => c.id === "border-crossings")!;
    const svg = parse(renderChartSvg(spec, data, {id: "border-crossings", width: 360}));
    const panel = svg.querySelector("rect.kit-inset-bg")!;
    const top = Number(panel.getAttribute("y"));
    const bottom = top + Number(panel.getAttribute("height"));
    expect(Number(panel.getAttribute("height"))).toBeGreaterThan(150);
    for (const place of ["Medyka", "Przemyśl"]) {
      const label = svg.querySelector(`[data-key="place:${place}"]`)!;
      expect(label.getAttribute("data-overlaps")).toBeNull();
      for (const tspan of label.querySelectorAll("tspan")) {
        const y = Number(tspan.getAttribute("y"));
        expect(y).toBeGreaterThan(top);
        expect(y).toBeLessThan(bottom);
      }
    }
    expect(svg.querySelector('[data-key="place:Medyka"] path.kit-connector')).not.toBeNull();
    expect(svg.querySelector('[data-key="place:Siret"]')!.getAttribute("data-overlaps")).toBeNull();
    // The inset shows the border between Poland and Ukraine in two shades, as the main map does.
    const shades = [...svg.querySelectorAll(".kit-inset .kit-land path")].map((p) => p.getAttribute("fill-opacity"));
    expect(new Set(shades)).toEqual(new Set(["0.14", "0.05"]));
  });
});

describe("data/places.csv", () => {
  it("checkPlaces(text) gives the good rows' places and each bad row's problem at its line", () => {
    // Rows written for Explainer Kit's tests.
    const text = [
      "name,latitude,longitude,source",
      "Kyiv,abc,30.52,fixture",
      "Kharkiv,49.98,36.25,fixture",
      "Bucha,50.54,,fixture",
      "Kharkiv,49.99,36.26,fixture",
      "Irpin,50.52,30.25,fixture"
    ].join("\n");
    const {rows: places, problems} = checkPlaces(text);
    expect(places.map((p) => p.name)).toEqual(["Kharkiv", "Irpin"]);
    expect(problems.map((p) => p.message)).toEqual([
      'data/places.csv:2: INVALID_COORDINATE: latitude "abc" is not a number of degrees in [-90, 90]',
      'data/places.csv:4: MISSING_FIELD: "longitude" is empty',
      'data/places.csv:5: DUPLICATE_PLACE: place "Kharkiv" is already on line 3'
    ]);
  });

  it("one bad row fails check at its line; the map's other places are still found; the report is the same with or without an earlier story", async () => {
    const root = await copyProject("seed");
    try {
      const check = async () => {
        const effects = recordingEffects(root);
        const status = await main(["check"], effects);
        return {status, out: effects.out.join(""), err: effects.err.join("")};
      };
      // An earlier story, in which the map draws.
      expect((await check()).status).toBe(0);
      const file = join(root, "data/places.csv");
      await writeFile(file, (await readFile(file, "utf-8")).replace("Kyiv,50.45,", "Kyiv,abc,"));
      const after = await check();
      expect(after.status).toBe(1);
      const problems = after.err.split("\n").filter((l) => /: [A-Z_]+: /.test(l) && !l.startsWith("warning"));
      expect(problems).toEqual([
        'data/places.csv:2: INVALID_COORDINATE: latitude "abc" is not a number of degrees in [-90, 90]',
        'data/charts/places-in-the-report.json: places[0]: UNKNOWN_PLACE: place "Kyiv" is not in data/places.csv',
        'src/explainers/ukraine-dead-displaced-kyiv.md:41: CHART_NOT_DRAWN: chart "places-in-the-report" is not drawn: data/charts/places-in-the-report.json has problems, each listed at that file'
      ]);
      expect(after.out.split("\n").slice(0, 2)).toEqual([
        "not ok, 3 problems: 1 source, 3 claims verified, 2 charts rendered",
        "explainer ukraine-dead-displaced-kyiv: 1 problem: cites 3 claims from 1 source, 2 charts; figures as of 2 March 2022"
      ]);
      // The pages under dev keep the map's last good drawing.
      const story = readStoredStage(root)!;
      expect(story.failedCharts).toEqual(["places-in-the-report"]);
      expect(story.charts["places-in-the-report"].wide).toContain("<svg");
      // A fresh clone (no earlier story) gets the same report.
      await rm(join(root, ".explainer/stage"), {recursive: true});
      expect(await check()).toEqual(after);
      expect(readStoredStage(root)!.charts["places-in-the-report"]).toBeUndefined();
    } finally {
      await removeProject(root);
    }
  });
});
