import {readFile, readdir} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {chartJsonSchema, checkChartSpec, fieldPath, type SpecProblemCode} from "../src/components/chart-spec.ts";
import {placeholderProblems, resolveText} from "../src/components/chart-text.ts";
import {parseChartSpec} from "../loaders/charts.ts";
import {jsonErrorOffset} from "../loaders/json.ts";
import {problemsOf} from "../loaders/errors.ts";
import {fixtures, seedCharts} from "./helpers/chart-fixtures.ts";

/** Each bad fixture, with the one problem it must produce: code and field path. */
const bad: Record<string, {code: SpecProblemCode | "INVALID_JSON"; field?: string; line?: number}> = {
  "unknown-type": {code: "UNKNOWN_CHART_TYPE", field: "type"},
  "missing-type": {code: "MISSING_FIELD", field: "type"},
  "missing-field": {code: "MISSING_FIELD", field: "unit"},
  "wrong-field-type": {code: "INVALID_FIELD", field: "unit"},
  "unknown-field": {code: "UNKNOWN_FIELD", field: "colour"},
  "unknown-claim": {code: "UNKNOWN_CLAIM", field: "claims[1]"},
  "unknown-place": {code: "UNKNOWN_PLACE", field: "places[1]"},
  "claim-place-not-on-map": {code: "UNKNOWN_PLACE", field: "claims[0]"},
  "unknown-country": {code: "UNKNOWN_COUNTRY", field: "focus"},
  "mixed-measures": {code: "MIXED_MEASURES", field: "claims[1]"},
  "reported-measure": {code: "UNKNOWN_FIELD", field: "measure"},
  "colors-indistinguishable": {code: "COLORS_INDISTINGUISHABLE", field: "colors[1]"},
  "unknown-territory": {code: "UNKNOWN_TERRITORY", field: "territories[0].at"},
  "label-on-nothing": {code: "LABEL_ON_NOTHING", field: "labels[0].claim"},
  "too-many-annotations": {code: "TOO_MANY_ANNOTATIONS", field: "annotations"},
  "spec-too-deep": {code: "SPEC_TOO_LARGE", field: ""},
  "too-many-squares": {code: "TOO_MANY_SQUARES", field: "unit"},
  "annotation-on-nothing": {code: "ANNOTATION_ON_NOTHING", field: "annotations[2].on"},
  "annotation-on-undrawn-claim": {code: "ANNOTATION_ON_NOTHING", field: "annotations[0].on"},
  "annotation-point-on-bar": {code: "ANNOTATION_ON_NOTHING", field: "annotations[0].on"},
  "annotation-missing-on": {code: "MISSING_FIELD", field: "annotations[0].on"},
  "annotation-unknown-place": {code: "UNKNOWN_PLACE", field: "annotations[0].on.place"},
  "number-in-text": {code: "NUMBER_IN_TEXT", field: "title"},
  "unknown-placeholder-claim": {code: "UNKNOWN_CLAIM", field: "subtitle"},
  "invalid-placeholder-field": {code: "INVALID_PLACEHOLDER", field: "subtitle"},
  "invalid-json": {code: "INVALID_JSON", line: 5},
  // V8 gives no position for an unexpected token, only the text around it: found again, it is line 4.
  "stray-token": {code: "INVALID_JSON", line: 4}
};

async function problemsFor(name: string) {
  const {data} = await seedCharts();
  const text = await readFile(join(fixtures, "bad", `${name}.json`), "utf-8");
  try {
    parseChartSpec(text, `data/charts/${name}.json`, data);
  } catch (error) {
    const problems = problemsOf(error);
    if (problems.length === 0) throw error;
    return problems;
  }
  return [];
}

describe("parseChartSpec(text, file, data) on bad input", () => {
  it("has a fixture for every case and a case for every fixture", async () => {
    const files = (await readdir(join(fixtures, "bad"))).map((f) => f.replace(/\.json$/, "")).sort();
    expect(files).toEqual(Object.keys(bad).sort());
  });
  for (const [name, expected] of Object.entries(bad)) {
    it(`${name}.json is ${expected.code} at ${expected.field || (expected.line ? `line ${expected.line}` : "the whole spec")}`, async () => {
      const problems = await problemsFor(name);
      expect(problems.map((p) => ({code: p.code, field: p.field, line: p.line}))).toEqual([
        {code: expected.code, field: expected.field || undefined, line: expected.line}
      ]);
      const where = expected.line !== undefined ? `:${expected.line}` : expected.field ? `: ${expected.field}` : "";
      expect(problems[0].message.startsWith(`data/charts/${name}.json${where}: ${expected.code}: `)).toBe(true);
    });
  }
  it("a missing field of the chart's type says what the field is for", async () => {
    const [problem] = await problemsFor("missing-field");
    expect(problem.message).toBe(
      'data/charts/missing-field.json: unit: MISSING_FIELD: "unit" is required: how many the one square stands for (each square is 1,000 people)'
    );
  });
  it("jsonErrorOffset finds an unexpected token from V8's quoted text, near the start, the middle or the end", () => {
    const offset = (text: string) => {
      try {
        JSON.parse(text);
        return "parsed";
      } catch (error) {
        return jsonErrorOffset(text, (error as Error).message);
      }
    };
    const pad = " ".repeat(50);
    expect([offset(`[1,,2${pad}]`), offset(`${pad}[1,,2${pad}]`), offset(`${pad}[1,,2]`), offset("[1,,2]")]).toEqual([
      3,
      53,
      53,
      null
    ]);
  });
  it("names the value in the message: unknown chart type", async () => {
    const [problem] = await problemsFor("unknown-type");
    expect(problem.message).toBe(
      'data/charts/unknown-type.json: type: UNKNOWN_CHART_TYPE: "pie" is not a chart type: one of bar, units, map, reported'
    );
  });
  it("names the value in the message: a figure typed into a title", async () => {
    const [problem] = await problemsFor("number-in-text");
    expect(problem.detail).toBe(
      '"800,000" is typed into the text; name the figure as {claim-id} so it comes from the ledger'
    );
  });
  it("reports every problem of a spec, not only the first", async () => {
    const {data} = await seedCharts();
    const spec = {type: "bar", title: "2,000", claims: ["nope"], annotations: [{on: {claim: "refugees"}, text: "x"}]};
    const check = checkChartSpec(spec, data);
    expect(check.problems.map((p) => `${p.field}: ${p.code}`)).toEqual([
      "claims[0]: UNKNOWN_CLAIM",
      "annotations[0].on: ANNOTATION_ON_NOTHING",
      "title: NUMBER_IN_TEXT"
    ]);
  });
});

describe("checkChartSpec(input, data)", () => {
  it("refuses a bar or reported chart of claims in different units, naming each claim's unit", async () => {
    const {data} = await seedCharts();
    const refugees = data.claims.find((c) => c.id === "refugees")!;
    const claims = [
      ...data.claims,
      {...refugees, id: "fixture-share", measure: refugees.measure, unit: "percent"},
      {...refugees, id: "fixture-sum", measure: refugees.measure, unit: "GBP"}
    ];
    const problems = (spec: object) =>
      checkChartSpec(spec, {...data, claims}).problems.map((p) => `${p.field}: ${p.code}: ${p.detail}`);
    expect(problems({type: "bar", title: "Fixture", claims: ["refugees", "fixture-sum"]})).toEqual([
      'claims: MIXED_UNITS: "fixture-sum" is a sum in GBP and "refugees" a count: one bar scale draws one unit'
    ]);
    expect(problems({type: "bar", title: "Fixture", claims: ["fixture-share", "refugees"]})).toEqual([
      'claims: MIXED_UNITS: "refugees" is a count and "fixture-share" a percentage: one bar scale draws one unit'
    ]);
    expect(problems({type: "reported", title: "Fixture", claims: ["refugees", "fixture-share"]})).toEqual([
      'claims[1]: MIXED_UNITS: claim "fixture-share" is a percentage, "refugees" a count: a reported chart draws one unit'
    ]);
  });
  it("accepts every spec of the seed", async () => {
    const {data, charts} = await seedCharts();
    expect(charts.map((c) => c.id)).toEqual(["places-in-the-report", "refugees-and-deaths", "reported-figures"]);
    for (const {file} of charts) {
      const check = checkChartSpec(JSON.parse(await readFile(file, "utf-8")), data);
      expect(check.problems).toEqual([]);
    }
  });
  it("accepts a spec without land, leaving the country unchecked (the editor before the map data loads)", async () => {
    const {data} = await seedCharts();
    const check = checkChartSpec(
      {type: "map", title: "Places", focus: "Ukrania", places: ["Kyiv"]},
      {...data, land: undefined}
    );
    expect(check.ok).toBe(true);
  });
  it("refuses a figure below zero on a chart that draws up from zero, and draws it on a map", async () => {
    const {data} = await seedCharts();
    const below = {
      ...data.claims.find((c) => c.id === "refugees")!,
      id: "fixture-change",
      place: "Kyiv",
      value: -0.3,
      lower: -0.3,
      upper: -0.3,
      qualifier: "exact" as const,
      unit: "percent",
      label: "\u22120.3%"
    };
    const withBelow = {...data, claims: [...data.claims, below]};
    for (const type of ["bar", "reported"] as const)
      expect(checkChartSpec({type, title: "Fixture", claims: ["fixture-change"]}, withBelow).problems).toEqual([
        {
          code: "BELOW_ZERO",
          field: "claims[0]",
          detail: `claim "fixture-change" is \u22120.3%, below zero; a ${type} chart draws each figure up from zero`
        }
      ]);
    expect(
      checkChartSpec(
        {type: "map", title: "Fixture", focus: "Ukraine", places: ["Kyiv"], claims: ["fixture-change"]},
        withBelow
      ).problems
    ).toEqual([]);
  });
  it("refuses two anchors on one annotation", async () => {
    const {data} = await seedCharts();
    const spec = {
      type: "map",
      title: "Places",
      focus: "Ukraine",
      places: ["Kyiv"],
      annotations: [{on: {place: "Kyiv", point: [30, 50]}, text: "x"}]
    };
    expect(checkChartSpec(spec, data).problems).toEqual([
      {code: "INVALID_FIELD", field: "annotations[0].on", detail: "name one anchor, not place and point"}
    ]);
  });
});

describe("placeholders", () => {
  it("resolveText(text, claims) gives labels, dates and attributions", async () => {
    const {data} = await seedCharts();
    const claims = new Map(data.claims.map((c) => [c.id, c]));
    expect(resolveText("{refugees} refugees as of {refugees.as_of}, says {refugees.attribution}", claims)).toBe(
      "More than 800,000 refugees as of 2 March 2022, says the UN"
    );
    // A value starts with a capital where it starts a sentence, in the text or after `before`.
    expect(resolveText("By {refugees.as_of}, {refugees} had fled. {refugees.attribution} says so.", claims)).toBe(
      "By 2 March 2022, more than 800,000 had fled. The UN says so."
    );
    expect(resolveText("{refugees} had fled", claims, "By March, ")).toBe("more than 800,000 had fled");
    expect(resolveText("{soldiers-approaching-kyiv.attribution}", claims, "per ")).toBe("an unnamed source");
  });
  it("placeholderProblems(text, claims) refuses a typed figure, allows one from a placeholder", async () => {
    const {data} = await seedCharts();
    const claims = new Map(data.claims.map((c) => [c.id, c]));
    expect(placeholderProblems("{civilians-killed} civilians", claims)).toEqual([]);
    expect(placeholderProblems("2,000 civilians", claims).map((p) => p.code)).toEqual(["NUMBER_IN_TEXT"]);
    expect(placeholderProblems("a {brace", claims).map((p) => p.code)).toEqual(["INVALID_PLACEHOLDER"]);
  });
  it("placeholderProblems(text, claims) refuses qualifier words before a figure: its label says how sure it is", async () => {
    const {data} = await seedCharts();
    const claims = new Map(data.claims.map((c) => [c.id, c]));
    expect(placeholderProblems("Some {soldiers-approaching-kyiv} soldiers", claims)).toEqual([
      {
        code: "QUALIFIER_BEFORE_FIGURE",
        detail:
          '"Some" before {soldiers-approaching-kyiv} would read "Some about 15,000": the label says it already; drop "Some"'
      }
    ]);
    expect(placeholderProblems("up to {civilians-killed.label} dead", claims).map((p) => p.detail)).toEqual([
      '"up to" before {civilians-killed.label} would read "up to 2,000", but the source gives 2,000 exactly; drop "up to"'
    ]);
    // Other fields are not the figure: "over {refugees.as_of}" is a date.
    expect(placeholderProblems("Counted over {refugees.as_of} by {refugees.attribution}", claims)).toEqual([]);
  });
  it("fieldPath(path) writes indices in brackets", () => {
    expect(fieldPath(["annotations", 2, "on"])).toBe("annotations[2].on");
    expect(fieldPath([])).toBe("");
  });
});

describe("chartJsonSchema()", () => {
  it("is a JSON Schema of the four chart types, with descriptions for the editor's form", () => {
    const schema = chartJsonSchema() as {
      $schema: string;
      anyOf?: {properties: {type: {const: string}}}[];
      oneOf?: unknown[];
    };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const variants = (schema.anyOf ?? schema.oneOf) as {
      properties: Record<string, {const?: string; description?: string}>;
    }[];
    expect(variants.map((v) => v.properties.type.const)).toEqual(["bar", "units", "map", "reported"]);
    expect(variants[1].properties.unit.description).toMatch(/each square/);
  });
  it("matches what the Framework loader writes (in a built fixture desk, as a build runs it)", async () => {
    const {execFile} = await import("node:child_process");
    const {projectRoot, removeProject} = await import("./helpers/project.ts");
    const {builtCopy} = await import("./helpers/built.ts");
    const root = await builtCopy("seed");
    try {
      const out = await new Promise<string>((resolve, reject) =>
        execFile(
          join(projectRoot, "node_modules/.bin/tsx"),
          ["src/data/chart-schema.json.ts"],
          {cwd: root},
          (error, stdout) => (error ? reject(error) : resolve(stdout))
        )
      );
      expect(JSON.parse(out)).toEqual(chartJsonSchema());
    } finally {
      await removeProject(root);
    }
  });
});
