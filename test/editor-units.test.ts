import {existsSync} from "node:fs";
import {cp, mkdir, readFile, rm, writeFile} from "node:fs/promises";
import {createServer, type AddressInfo} from "node:net";
import {dirname, join, relative} from "node:path";
import {JSDOM} from "jsdom";
import {afterAll, afterEach, beforeAll, describe, expect, test} from "vitest";
import {chartJsonSchema, type ChartSpec} from "../src/components/chart-spec.ts";
import {renderChart, type PlacedLabel} from "../src/components/chart.ts";
import {saveChart, sessionFrom} from "../src/components/editor/api.ts";
import {
  annotationOf,
  chartMove,
  enableDrag,
  keyMove,
  moveTargetOf,
  offsetAfterMove,
  withMove
} from "../src/components/editor/drag.ts";
import {exportName, exportSize, standaloneSvg} from "../src/components/editor/export.ts";
import {claimsOfMeasure, newChartSpec, newIdProblem, unitFor} from "../src/components/editor/new-chart.ts";
import {checkChartSpec} from "../src/components/chart-spec.ts";
import {changeType, chartTypesOf, formLayout, labelOf, type JsonSchema} from "../src/components/editor/fields.ts";
import {createForm, type FormOptions} from "../src/components/editor/form.ts";
import {History} from "../src/components/editor/history.ts";
import {
  appendAt,
  controlFor,
  formatPath,
  getAt,
  listFromText,
  parsePath,
  pointFromText,
  removeAt,
  setAt
} from "../src/components/editor/spec-path.ts";
import {
  clearSessionOutput,
  editorSessionJson,
  previewOrigins,
  sessionEnv,
  startEditorSession,
  validateSpec
} from "../tools/editor-session.ts";
import {fixtureClaims, seedCharts, seedRoot} from "./helpers/chart-fixtures.ts";
import {copyProject, projectRoot, removeProject} from "./helpers/project.ts";

const schema = chartJsonSchema() as JsonSchema;
const window = new JSDOM("<!DOCTYPE html><html><body></body></html>").window;
const document = window.document;

describe("the editor's modules in the browser", () => {
  // Framework's preview serves a local import only under a .js name (`./chart.js` for chart.ts): a
  // module the editor loads with a value import of `./x.ts` fails in the browser.
  test("import each other by .js names (type-only imports may say .ts)", async () => {
    const seen = new Set<string>();
    const wrong: string[] = [];
    const visit = async (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = await readFile(file, "utf-8");
      for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+"(\.{1,2}\/[^"]+)"/gm)) {
        if (m[1].endsWith(".ts")) wrong.push(`${relative(projectRoot, file)}: from "${m[1]}"`);
        await visit(join(dirname(file), m[1].replace(/\.js$/, ".ts")));
      }
    };
    await visit(join(projectRoot, "src/components/editor/editor.ts"));
    expect(seen.size).toBeGreaterThan(15);
    expect(wrong).toEqual([]);
  });
});

describe("History", () => {
  test("push, undo and redo walk back and forth through the values", () => {
    const history = new History("a");
    history.push("b");
    history.push("c");
    expect(history.undo()).toBe("b");
    expect(history.undo()).toBe("a");
    expect(history.undo()).toBeUndefined();
    expect(history.present).toBe("a");
    expect(history.redo()).toBe("b");
    expect([history.canUndo, history.canRedo]).toEqual([true, true]);
  });

  test("pushes of one group in a row are one step, until seal()", () => {
    const history = new History("");
    history.push("T", {group: "title"});
    history.push("Ti", {group: "title"});
    history.push("Tit", {group: "title"});
    history.seal();
    history.push("Title", {group: "title"});
    history.push("Title!", {group: "note"});
    expect(history.undo()).toBe("Title");
    expect(history.undo()).toBe("Tit");
    expect(history.undo()).toBe("");
    expect(history.canUndo).toBe(false);
  });

  test("a push after an undo drops the undone future; pushing the present is no step", () => {
    const history = new History(1);
    history.push(2);
    history.undo();
    expect(history.push(1)).toBe(false);
    history.push(3);
    expect(history.canRedo).toBe(false);
    expect(history.undo()).toBe(1);
  });

  test("keeps at most `limit` steps", () => {
    const history = new History(0, {limit: 2});
    for (let i = 1; i <= 5; i++) history.push(i);
    expect([history.undo(), history.undo(), history.undo()]).toEqual([4, 3, undefined]);
  });
});

describe("spec paths", () => {
  test('parsePath("annotations[2].on.claim") and formatPath are inverse', () => {
    expect(parsePath("annotations[2].on.claim")).toEqual(["annotations", 2, "on", "claim"]);
    expect(formatPath(["annotations", 2, "on", "claim"])).toBe("annotations[2].on.claim");
    expect(parsePath("")).toEqual([]);
  });

  test("setAt copies along the path and shares the rest", () => {
    const spec = {
      title: "A",
      annotations: [
        {on: {claim: "x"}, text: "one"},
        {on: {claim: "y"}, text: "two"}
      ]
    };
    const next = setAt(spec, "annotations[1].dx", 12);
    expect(next.annotations[1]).toEqual({on: {claim: "y"}, text: "two", dx: 12});
    expect(spec.annotations[1]).toEqual({on: {claim: "y"}, text: "two"});
    expect(next.annotations[0]).toBe(spec.annotations[0]);
    expect(getAt(next, "annotations[1].on.claim")).toBe("y");
  });

  test("setAt with undefined removes the field, and an object it leaves empty", () => {
    const spec = {title: "A", subtitle: "B", annotations: [{on: {claim: "x"}, text: "one"}]};
    expect(setAt(spec, "subtitle", undefined)).toEqual({title: "A", annotations: spec.annotations});
    expect(setAt(spec, "annotations[0].on.claim", undefined)).toEqual({
      title: "A",
      subtitle: "B",
      annotations: [{text: "one"}]
    });
    expect("subtitle" in setAt(spec, "subtitle", undefined)).toBe(false);
  });

  test("removeAt and appendAt edit a list; removing its last item removes the list", () => {
    const spec = {annotations: [{text: "one"}]};
    expect(appendAt(spec, "annotations", {text: "two"})).toEqual({annotations: [{text: "one"}, {text: "two"}]});
    expect(appendAt({}, "annotations", {text: "one"})).toEqual(spec);
    expect(removeAt(spec, "annotations", 0)).toEqual({});
  });

  test("controlFor puts a problem beside the closest field that holds it", () => {
    const controls = ["title", "claims", "annotations", "annotations[0].on", "annotations[0].text"];
    expect(controlFor("claims[1]", controls)).toBe("claims");
    expect(controlFor("annotations[0].on.claim", controls)).toBe("annotations[0].on");
    expect(controlFor("annotations[3]", controls)).toBe("annotations");
    expect(controlFor("title", controls)).toBe("title");
    expect(controlFor("", controls)).toBeNull();
    expect(controlFor("unit", controls)).toBeNull();
  });

  test("listFromText and pointFromText read the form's text boxes", () => {
    expect(listFromText(" refugees \n\ncivilians-killed\n")).toEqual(["refugees", "civilians-killed"]);
    expect(listFromText(" \n")).toBeUndefined();
    expect(pointFromText("30.5, 50.45")).toEqual([30.5, 50.45]);
    expect(pointFromText("2022-03-02, 2000")).toEqual(["2022-03-02", 2000]);
    expect(pointFromText("somewhere")).toBe("somewhere");
    expect(pointFromText("")).toBeUndefined();
  });
});

describe("the form from the JSON Schema", () => {
  const summary = (fields: {key: string; kind: string; required: boolean}[]) =>
    fields.map((f) => `${f.key}:${f.kind}${f.required ? "!" : ""}`);

  test("chartTypesOf(chartJsonSchema()) lists the four chart types", () => {
    expect(chartTypesOf(schema)).toEqual(["bar", "units", "map", "reported"]);
  });

  test('formLayout(schema, "units"): the texts, the type options, and the annotation group', () => {
    const layout = formLayout(schema, "units");
    expect(summary(layout.text)).toEqual([
      "title:text!",
      "subtitle:textarea",
      "note:textarea",
      "alt:textarea",
      "colors:list"
    ]);
    expect(summary(layout.options)).toEqual(["claims:list!", "unit:number!", "unitLabel:text"]);
    const annotations = layout.annotations!;
    expect(annotations.kind).toBe("items");
    if (annotations.kind !== "items") return;
    expect(summary(annotations.item)).toEqual([
      "on:choice!",
      "text:textarea!",
      "dx:number",
      "dy:number",
      "arrow:boolean"
    ]);
    const on = annotations.item[0];
    expect(on.kind === "choice" && on.options.map((o) => `${o.key}:${o.kind}`)).toEqual([
      "claim:text",
      "place:text",
      "point:point"
    ]);
  });

  test('formLayout(schema, "bar") offers sort as a menu; "map" asks for focus and places', () => {
    const bar = formLayout(schema, "bar").options;
    expect(bar.find((f) => f.key === "sort")).toMatchObject({
      kind: "enum",
      options: ["spec", "descending"],
      required: false
    });
    expect(summary(formLayout(schema, "map").options)).toEqual([
      "focus:text!",
      "places:list!",
      "claims:list",
      "frame:enum",
      "cluster:enum"
    ]);
    expect(summary(formLayout(schema, "reported").options)).toEqual(["claims:list!", "line:enum"]);
  });

  test("labelOf names fields in words", () => {
    expect([labelOf("unitLabel"), labelOf("dx"), labelOf("alt"), labelOf("title")]).toEqual([
      "Unit label",
      "Offset x (px)",
      "Alt text",
      "Title"
    ]);
  });

  test("changeType keeps what the new type has and drops the rest", () => {
    const bar = {
      type: "bar",
      title: "T",
      claims: ["a"],
      sort: "descending",
      annotations: [{on: {claim: "a"}, text: "n"}]
    };
    expect(changeType(bar, schema, "units")).toEqual({
      type: "units",
      title: "T",
      claims: ["a"],
      annotations: bar.annotations
    });
    expect(changeType(bar, schema, "reported")).toEqual({
      type: "reported",
      title: "T",
      claims: ["a"],
      annotations: bar.annotations
    });
  });
});

describe("createForm", () => {
  const saved = globalThis.document;
  beforeAll(() => void ((globalThis as {document?: Document}).document = document));
  afterAll(() => void ((globalThis as {document?: Document}).document = saved));

  function form(changes: unknown[][]) {
    const options: FormOptions = {
      schema,
      hints: {claims: ["civilians-killed", "refugees"], claim: ["civilians-killed", "refugees"]},
      onChange: (...args) => void changes.push(["change", ...args]),
      onTypeChange: (type) => void changes.push(["type", type]),
      onAddAnnotation: () => void changes.push(["add"]),
      onRemoveAnnotation: (i) => void changes.push(["remove", i]),
      onSeal: () => {}
    };
    const built = createForm(options);
    document.body.replaceChildren(built.element);
    return built;
  }
  const spec = {
    type: "units",
    title: "Refugees",
    claims: ["civilians-killed", "refugees"],
    unit: 1000,
    annotations: [{on: {claim: "refugees"}, text: "A note", arrow: true}]
  };
  const input = (id: string, value: string) => {
    const element = document.getElementById(id) as HTMLInputElement;
    element.value = value;
    element.dispatchEvent(new window.Event("input", {bubbles: true}));
  };

  test("shows a spec in its fields", () => {
    form([]).update(spec, []);
    const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;
    expect(value("ed-title")).toBe("Refugees");
    expect(value("ed-claims")).toBe("civilians-killed\nrefugees");
    expect(value("ed-unit")).toBe("1000");
    expect(value("ed-type")).toBe("units");
    expect(value("ed-annotations-0-on-kind")).toBe("claim");
    expect(value("ed-annotations-0-on")).toBe("refugees");
    expect((document.getElementById("ed-annotations-0-arrow") as HTMLInputElement).checked).toBe(true);
    expect(document.querySelector('label[for="ed-annotations-0-dx"]')?.textContent).toBe("Offset x (px)");
  });

  test("reports each edit as a path and a value; an optional field left empty is removed", () => {
    const changes: unknown[][] = [];
    form(changes).update(spec, []);
    input("ed-title", "New title");
    input("ed-subtitle", "");
    input("ed-claims", "refugees\n");
    input("ed-unit", "500");
    input("ed-annotations-0-on", "civilians-killed");
    input("ed-annotations-0-dy", "-12");
    expect(changes).toEqual([
      ["change", "title", "New title", "title"],
      ["change", "subtitle", undefined, "subtitle"],
      ["change", "claims", ["refugees"], "claims"],
      ["change", "unit", 500, "unit"],
      ["change", "annotations[0].on", {claim: "civilians-killed"}, "annotations[0].on"],
      ["change", "annotations[0].dy", -12, "annotations[0].dy"]
    ]);
  });

  test("puts each problem beside its field, marks it invalid, and returns those of the whole spec", () => {
    const built = form([]);
    const unplaced = built.update(spec, [
      {code: "UNKNOWN_CLAIM", field: "annotations[0].on.claim", detail: 'no claim "x" in data/claims.csv'},
      {code: "INVALID_FIELD", field: "title", detail: "too short"},
      {code: "INVALID_FIELD", field: "", detail: "a chart spec is a JSON object"}
    ]);
    expect(unplaced.map((p) => p.detail)).toEqual(["a chart spec is a JSON object"]);
    expect(document.getElementById("ed-annotations-0-on-error")?.textContent).toBe('no claim "x" in data/claims.csv');
    expect(document.getElementById("ed-annotations-0-on")?.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById("ed-title")?.getAttribute("aria-describedby")).toBe("ed-title-help ed-title-error");
    built.update(spec, []);
    expect(document.getElementById("ed-title-error")?.hidden).toBe(true);
    expect(document.getElementById("ed-title")?.hasAttribute("aria-invalid")).toBe(false);
  });

  test("rebuilds for another type or another number of annotations; Add and Remove report", () => {
    const changes: unknown[][] = [];
    const built = form(changes);
    built.update(spec, []);
    expect(document.getElementById("ed-sort")).toBeNull();
    built.update({...spec, type: "bar", annotations: [...spec.annotations, {on: {claim: "refugees"}, text: "B"}]}, []);
    expect(document.getElementById("ed-sort")).not.toBeNull();
    expect(document.getElementById("ed-annotations-1-text")).not.toBeNull();
    (document.querySelector(".ed-add") as HTMLButtonElement).click();
    (document.querySelectorAll(".ed-remove")[1] as HTMLButtonElement).click();
    expect(changes).toEqual([["add"], ["remove", 1]]);
  });
});

describe("dragging an annotation", () => {
  const label = {key: "annotation:0", anchor: {x: 100, y: 50}, box: {x: 120, y: 40, width: 40, height: 20}};

  test("offsetAfterMove is the label centre's offset from its anchor plus the move, rounded", () => {
    expect(offsetAfterMove(label, {x: 0, y: 0})).toEqual({dx: 40, dy: 0});
    expect(offsetAfterMove(label, {x: 5.4, y: -3.6})).toEqual({dx: 45, dy: -4});
    expect(Object.is(offsetAfterMove(label, {x: -40.2, y: 0.2}).dx, 0)).toBe(true);
  });

  test("chartMove turns screen px into chart px for a chart drawn at another size", () => {
    expect(chartMove({x: 30, y: 15}, 0.5)).toEqual({x: 60, y: 30});
    expect(chartMove({x: 30, y: 15}, 0)).toEqual({x: 30, y: 15});
  });

  test("keyMove: arrows move 1 px, 10 px with Shift", () => {
    expect(keyMove("ArrowLeft", false)).toEqual({x: -1, y: 0});
    expect(keyMove("ArrowDown", true)).toEqual({x: 0, y: 10});
    expect(keyMove("Enter", false)).toBeNull();
  });

  test("moveTargetOf: an annotation, a claim's label or a place's label; country and block names do not move", () => {
    expect(annotationOf({key: "annotation:3"})).toBe(3);
    expect(moveTargetOf({key: "annotation:3"})).toEqual({annotation: 3});
    expect(moveTargetOf({key: "claim:refugees"})).toEqual({claim: "refugees"});
    expect(moveTargetOf({key: "place:Kyiv"})).toEqual({place: "Kyiv"});
    expect(moveTargetOf({key: "country:Poland"})).toBeNull();
    expect(moveTargetOf({key: "name:refugees"})).toBeNull();
  });

  test("withMove sets an annotation's offset, or adds and then updates a label's entry in labels", () => {
    const spec: {type: string; annotations: object[]; labels?: object[]} = {
      type: "bar",
      annotations: [{on: {claim: "a"}, text: "n"}]
    };
    expect(withMove(spec, {annotation: 0}, {dx: 3, dy: -2}).annotations).toEqual([
      {on: {claim: "a"}, text: "n", dx: 3, dy: -2}
    ]);
    const once = withMove(spec, {claim: "a"}, {dx: 12, dy: 0});
    expect(once.labels).toEqual([{claim: "a", dx: 12, dy: 0}]);
    expect(withMove(once, {claim: "a"}, {dx: 5, dy: 1}).labels).toEqual([{claim: "a", dx: 5, dy: 1}]);
    expect(withMove(once, {place: "Kyiv"}, {dx: 0, dy: 9}).labels).toEqual([
      {claim: "a", dx: 12, dy: 0},
      {place: "Kyiv", dx: 0, dy: 9}
    ]);
    expect(spec).toEqual({type: "bar", annotations: [{on: {claim: "a"}, text: "n"}]});
  });

  test("a claim's label dragged keeps where it was put: its offset in labels places it there", async () => {
    const {data, charts} = await seedCharts();
    const spec = charts.find((c) => c.id === "reported-figures")!.spec;
    const placed = (s: ChartSpec) => {
      let labels: readonly PlacedLabel[] = [];
      renderChart(s, data, {width: 720, document, onLabels: (l) => (labels = l)});
      return labels.find((l) => l.key === "claim:civilians-killed")!;
    };
    const before = placed(spec);
    const moved = withMove(spec, {claim: "civilians-killed"}, offsetAfterMove(before, {x: 40, y: 0})) as ChartSpec;
    expect(checkChartSpec(moved, data).problems).toEqual([]);
    expect(Math.abs(placed(moved).box.x - (before.box.x + 40))).toBeLessThanOrEqual(0.5);
  });

  test("renderChart reports label positions; the offset of an unmoved label keeps it where it is", async () => {
    const {data, charts} = await seedCharts();
    const spec = charts.find((c) => c.id === "refugees-and-deaths")!.spec;
    const placed = (s: ChartSpec) => {
      let labels: readonly PlacedLabel[] = [];
      renderChart(s, data, {width: 720, document, onLabels: (l) => (labels = l)});
      return labels.find((l) => l.key === "annotation:0")!;
    };
    const before = placed(spec);
    const offset = offsetAfterMove(before, {x: 0, y: 0});
    const moved = {...spec, annotations: spec.annotations!.map((a, i) => (i === 0 ? {...a, ...offset} : a))};
    expect(placed(moved).box).toEqual(before.box);
    // The hook changes nothing drawn.
    const plain = renderChart(spec, data, {width: 720, document, id: "x"}).outerHTML;
    expect(renderChart(spec, data, {width: 720, document, id: "x", onLabels: () => {}}).outerHTML).toBe(plain);
  });

  test("enableDrag makes each annotation label a focusable button that arrow keys move", async () => {
    const {data, charts} = await seedCharts();
    const spec = charts.find((c) => c.id === "reported-figures")!.spec;
    let labels: readonly PlacedLabel[] = [];
    const svg = renderChart(spec, data, {width: 720, document, onLabels: (l) => (labels = l)});
    const moves: unknown[] = [];
    enableDrag(svg, labels, ["first", "second"], (...args) => moves.push(args));
    const handles = [...svg.querySelectorAll("[data-annotation]")];
    expect(
      handles.map((h) => [h.getAttribute("data-annotation"), h.getAttribute("tabindex"), h.getAttribute("role")])
    ).toEqual([
      ["0", "0", "button"],
      ["1", "0", "button"]
    ]);
    expect(handles[1].getAttribute("aria-label")).toBe(
      "Annotation 2: second. Drag, or use the arrow keys, to move it."
    );
    handles[0].dispatchEvent(new window.KeyboardEvent("keydown", {key: "ArrowRight", shiftKey: true}));
    const first = labels.find((l) => l.key === "annotation:0")!;
    expect(moves).toEqual([[{annotation: 0}, offsetAfterMove(first, {x: 10, y: 0}), "key"]]);
  });
});

describe("export", () => {
  test("standaloneSvg: namespace, light colours, a background and the halo style; no editor handles", async () => {
    const {data, charts} = await seedCharts();
    const spec = charts.find((c) => c.id === "reported-figures")!.spec;
    let labels: readonly PlacedLabel[] = [];
    const svg = renderChart(spec, data, {width: 360, document, id: "x", onLabels: (l) => (labels = l)});
    enableDrag(svg, labels, [], () => {});
    const text = standaloneSvg(svg);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('color="#1b1e23"');
    const {width, height} = exportSize(svg);
    expect(width).toBe(360 + 32);
    expect(text).toMatch(
      new RegExp(`^<svg [^>]*width="${width}" [^>]*height="${height}"[^>]*viewBox="-16 -16 ${width} ${height}"`, "m")
    );
    expect(text).toMatch(
      new RegExp(
        `</desc><style>\\.kit-label text\\{stroke:#ffffff;[^<]*</style><rect x="-16" y="-16" width="${width}" height="${height}" fill="#ffffff"/>`
      )
    );
    expect(text).toContain('class="kit-title"');
    expect(text).toContain('class="kit-source"');
    expect(text).not.toMatch(/tabindex|data-annotation|kit-draggable|role="button"/);
    expect(svg.querySelectorAll("[tabindex]").length).toBe(5); // the page's chart keeps its handles: 2 notes, 3 claims
  });

  test("exportName", () => {
    expect(exportName("refugees-and-deaths", 720, "svg")).toBe("refugees-and-deaths-720.svg");
    expect(exportName("refugees-and-deaths", 360, "png")).toBe("refugees-and-deaths-360@2x.png");
    expect(exportName("refugees-and-deaths", 360, "png", 1)).toBe("refugees-and-deaths-360@1x.png");
  });
});

describe("the editor's API client", () => {
  const saved = globalThis.fetch;
  afterEach(() => void (globalThis.fetch = saved));
  const session = {url: "http://127.0.0.1:3001", token: "t"};
  const answer = (status: number, body: unknown) =>
    (globalThis.fetch = (async () => new Response(JSON.stringify(body), {status})) as typeof fetch);

  test("sessionFrom accepts a session and refuses `{}`", () => {
    expect(sessionFrom({url: "http://127.0.0.1:3001", token: "t"})).toEqual(session);
    expect(sessionFrom({})).toBeNull();
    expect(sessionFrom(null)).toBeNull();
  });

  test("saveChart turns each answer into an outcome", async () => {
    answer(200, {id: "x", base: "b2", file: "data/charts/x.json"});
    expect(await saveChart(session, "x", {}, "b1")).toEqual({status: "saved", base: "b2", file: "data/charts/x.json"});
    answer(409, {error: "CONFLICT", message: "changed", spec: {title: "theirs"}, base: "b3"});
    expect(await saveChart(session, "x", {}, "b1")).toEqual({
      status: "conflict",
      spec: {title: "theirs"},
      base: "b3",
      message: "changed"
    });
    answer(401, {error: "BAD_TOKEN", message: "a valid session token is required"});
    expect(await saveChart(session, "x", {}, "b1")).toMatchObject({status: "error", code: "BAD_TOKEN"});
    globalThis.fetch = (async () => Promise.reject(new TypeError("fetch failed"))) as typeof fetch;
    expect(await saveChart(session, "x", {}, "b1")).toMatchObject({status: "error", code: "UNREACHABLE"});
  });

  test("saveChart(…, null) creates a chart: POST /charts/<id> with {spec}, the token; 201 saved, 409 exists", async () => {
    const calls: {url: string; init: RequestInit}[] = [];
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      calls.push({url, init});
      return new Response(JSON.stringify({id: "new-one", base: "h1", file: "data/charts/new-one.json"}), {status: 201});
    }) as typeof fetch;
    expect(await saveChart(session, "new-one", {type: "bar"}, null)).toEqual({
      status: "saved",
      base: "h1",
      file: "data/charts/new-one.json"
    });
    expect(calls[0].url).toBe("http://127.0.0.1:3001/charts/new-one");
    expect(calls[0].init.method).toBe("POST");
    expect(JSON.parse(String(calls[0].init.body))).toEqual({spec: {type: "bar"}});
    expect(calls[0].init.headers).toMatchObject({"x-explainer-token": "t", "content-type": "application/json"});
    answer(409, {error: "EXISTS", message: "data/charts/new-one.json exists"});
    expect(await saveChart(session, "new-one", {}, null)).toEqual({
      status: "exists",
      message: "data/charts/new-one.json exists"
    });
  });
});

describe("a new chart", () => {
  test("newIdProblem refuses an empty id, a non-slug, and an id that exists", () => {
    expect(newIdProblem("", ["a"])).toMatch(/^Name the chart/);
    expect(newIdProblem("../x", ["a"])).toBe(
      '"../x" is not a slug: use lower-case letters, digits and single hyphens.'
    );
    expect(newIdProblem("Refugees", [])).toMatch(/is not a slug/);
    expect(newIdProblem("a", ["a"])).toBe('A chart "a" exists already: choose another id, or open it from the list.');
    expect(newIdProblem("departures-over-time", ["a"])).toBeNull();
  });

  test("newChartSpec: a measure over time, a unit chart with a round unit, a map framing the claims' places", async () => {
    const {data} = await seedCharts();
    const story = [...(await fixtureClaims()), ...data.claims];
    const all = {...data, claims: story};
    const over = claimsOfMeasure("fixture departures", story);
    expect(over).toEqual(["story-1", "story-2", "story-3", "story-4", "story-5", "story-6", "story-7", "story-8"]);
    const reported = newChartSpec({type: "reported", id: "d", title: "Departures as reported", claims: over}, all);
    expect(reported).toEqual({type: "reported", title: "Departures as reported", claims: over});
    expect(checkChartSpec(reported, all).problems).toEqual([]);
    const units = newChartSpec(
      {type: "units", id: "u", title: "Killed and fled", claims: ["civilians-killed", "refugees"]},
      all
    );
    expect(units).toMatchObject({unit: 1000});
    // The claims measure different things: the editor asks what a square counts rather than guess.
    expect(checkChartSpec(units, all).problems).toEqual([
      {
        code: "MISSING_FIELD",
        field: "unitLabel",
        detail:
          '"unitLabel" is required: the claims measure different things (civilians killed, refugees), so say what each square counts, for the key ("people")'
      }
    ]);
    expect(checkChartSpec({...units, unitLabel: "people"}, all).problems).toEqual([]);
    // Claims of one measure: a square counts that, with no unitLabel.
    const one = newChartSpec({type: "units", id: "v", title: "Departures", claims: over.slice(0, 2)}, all);
    expect(checkChartSpec(one, all).problems).toEqual([]);
    expect(unitFor([])).toBe(1);
    const map = newChartSpec({type: "map", id: "m", title: "Where", claims: ["soldiers-approaching-kyiv"]}, all);
    expect(map).toEqual({
      type: "map",
      title: "Where",
      claims: ["soldiers-approaching-kyiv"],
      places: ["Kyiv"],
      focus: "Ukraine"
    });
    expect(checkChartSpec(map, all).problems).toEqual([]);
  });
});

describe("the editor session", () => {
  let root: string;
  beforeAll(async () => {
    root = await copyProject();
    // The fixture copy of the seed story, not the checkout's live data.
    await rm(join(root, "data"), {recursive: true, force: true});
    await cp(join(seedRoot, "data"), join(root, "data"), {recursive: true});
  });
  afterAll(async () => {
    delete process.env[sessionEnv];
    await removeProject(root);
  });

  test("editorSessionJson gives the session from EXPLAINER_EDITOR, and {} outside dev", () => {
    const value = JSON.stringify({url: "http://127.0.0.1:3001", token: "abc"});
    expect(editorSessionJson({[sessionEnv]: value})).toBe(`${value}\n`);
    expect(editorSessionJson({})).toBe("{}\n");
    expect(editorSessionJson({[sessionEnv]: "not json"})).toBe("{}\n");
    expect(editorSessionJson({[sessionEnv]: JSON.stringify({url: "http://evil.example", token: "abc"})})).toBe("{}\n");
  });

  test("previewOrigins are the preview's two loopback names", () => {
    expect(previewOrigins(3000)).toEqual(["http://127.0.0.1:3000", "http://localhost:3000"]);
  });

  test("validateSpec checks against the real schema and ledger, with field paths", async () => {
    const spec = JSON.parse(await readFile(join(root, "data/charts/refugees-and-deaths.json"), "utf-8"));
    expect(await validateSpec(root, spec)).toEqual([]);
    spec.annotations[0].on = {claim: "no-such-claim"};
    expect(await validateSpec(root, spec)).toEqual([
      {
        code: "UNKNOWN_CLAIM",
        field: "annotations[0].on.claim",
        detail: 'no claim "no-such-claim" in data/claims.csv'
      }
    ]);
  });

  test("startEditorSession removes the last session's output, serves with a new token, and close() forgets it", async () => {
    const output = join(root, "src/.observablehq/cache/data/editor-session.json");
    await mkdir(join(output, ".."), {recursive: true});
    await writeFile(output, '{"url":"http://127.0.0.1:9","token":"stale"}\n');
    await writeFile(`${output}.deps.json`, "{}");
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const {port} = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const session = await startEditorSession(root, port);
    try {
      expect(existsSync(output) || existsSync(`${output}.deps.json`)).toBe(false);
      expect(JSON.parse(process.env[sessionEnv]!)).toEqual({url: session.url, token: session.token});
      const response = await fetch(`${session.url}/charts/refugees-and-deaths`, {
        headers: {origin: `http://localhost:${port}`, "x-explainer-token": session.token}
      });
      expect(response.status).toBe(200);
      await writeFile(output, editorSessionJson(process.env));
    } finally {
      await session.close();
    }
    expect(process.env[sessionEnv]).toBeUndefined();
    expect(existsSync(output)).toBe(false);
    await clearSessionOutput(root); // nothing left to remove is fine
  });
});
