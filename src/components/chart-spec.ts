/**
 * The chart spec: what `data/charts/<id>.json` may say, as ONE zod schema built from the chart
 * types' own schemas (`charts/registry.ts`), and the checks that need the ledger (claim ids,
 * places, annotations on something), the colours and the size limits. Browser-safe: the loaders,
 * the CLI and the browser editor all validate through `checkChartSpec`, so they report the same
 * problems with the same codes and field paths (`annotations[2].on`).
 */
import {z} from "zod";
import {claimsById, noClaim, type Claim} from "./claim.js";
import {placeholderProblems} from "./chart-text.js";
import {didYouMean} from "./suggest.js";
import {colorProblems} from "./charts/colors.js";
import {jsonDepth, specLimits} from "./charts/common.js";
import type {Fail, SpecProblem, SpecProblemCode} from "./charts/problems.ts";
import {chartModule, chartModules, chartTypes, claimsDrawn} from "./charts/registry.js";
import type {ChartData} from "./charts/types.ts";

export {
  annotationSchema,
  annotationTargetSchema,
  specLimits,
  type Annotation,
  type LabelOffset
} from "./charts/common.js";
export type {SpecProblem, SpecProblemCode} from "./charts/problems.ts";
export {chartTypes, type ChartType} from "./charts/registry.js";

/** The schemas of a list of chart type modules, as a tuple of the same length. */
function schemasOf<T extends readonly [{schema: z.ZodObject}, ...{schema: z.ZodObject}[]]>(
  modules: T
): {[K in keyof T]: T[K]["schema"]} {
  return modules.map((m) => m.schema) as never;
}

/** The one schema of a chart spec, a union on `type` of the chart types' schemas. */
export const chartSpecSchema = z.discriminatedUnion("type", schemasOf(chartModules));

/** A chart spec as written in `data/charts/<id>.json`, after schema validation. */
export type ChartSpec = z.infer<typeof chartSpecSchema>;

/** The JSON Schema of a chart spec (draft 2020-12), for the editor's form and for editors' autocompletion. */
export function chartJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(chartSpecSchema, {io: "input"}) as Record<string, unknown>;
}

/** `["annotations", 2, "on"]` → `annotations[2].on`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : `${i === 0 ? "" : "."}${String(k)}`)).join("");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = value != null && typeof value === "object" ? (value as never)[key] : undefined;
  return value;
}

/** What a top-level field of the spec's chart type is for, from its schema ("how many the one square stands for …"). */
function fieldDescription(input: unknown, name: string): string | undefined {
  const type = (input as {type?: unknown} | null)?.type;
  const schema = chartModules.find((m) => m.type === type)?.schema;
  return (schema?.shape as Record<string, z.ZodType> | undefined)?.[name]?.description;
}

/** Maps zod's issues to the kit's codes: MISSING_FIELD, UNKNOWN_CHART_TYPE, UNKNOWN_FIELD, INVALID_FIELD. */
function schemaProblems(input: unknown, issues: readonly z.core.$ZodIssue[], data: ChartData): SpecProblem[] {
  return issues.map((issue): SpecProblem => {
    const field = fieldPath(issue.path);
    const value = valueAt(input, issue.path);
    if (issue.code === "invalid_union" && "discriminator" in issue && issue.discriminator === "type") {
      return value === undefined
        ? {code: "MISSING_FIELD", field, detail: `"type" is required: one of ${chartTypes.join(", ")}`}
        : {
            code: "UNKNOWN_CHART_TYPE",
            field,
            detail: `${JSON.stringify(value)} is not a chart type: one of ${chartTypes.join(", ")}`
          };
    }
    if (issue.code === "invalid_type" && value === undefined) {
      const name = String(issue.path.at(-1));
      const about = issue.path.length === 1 ? fieldDescription(input, name) : undefined;
      return {code: "MISSING_FIELD", field, detail: `"${name}" is required${about ? `: ${about}` : ""}`};
    }
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys.map((k) => JSON.stringify(k)).join(", ");
      const spec = input as {type?: unknown; measure?: unknown};
      if (spec.type === "reported" && issue.path.length === 0 && issue.keys.includes("measure")) {
        const same = data.claims.filter((c) => c.measure === spec.measure).map((c) => c.id);
        return {
          code: "UNKNOWN_FIELD",
          field: "measure",
          detail: `a reported chart draws the claims it names, not every claim of a measure: list them in "claims"${same.length ? ` (with this measure: ${same.join(", ")})` : ""}`
        };
      }
      return {code: "UNKNOWN_FIELD", field: fieldPath([...issue.path, issue.keys[0]]), detail: `unknown field ${keys}`};
    }
    const message = issue.message.replace(/^Invalid input: /, "");
    return {code: "INVALID_FIELD", field, detail: `${message}, got ${JSON.stringify(value) ?? "nothing"}`};
  });
}

/** The claims a spec draws (not those only named in its text), in the spec's order. */
export function drawnClaims(spec: ChartSpec, claims: readonly Claim[]): Claim[] {
  return claimsDrawn(spec, claims);
}

/** The spec's text fields with their paths, for placeholder checks and resolution. */
export function textFields(spec: ChartSpec): [field: string, text: string][] {
  const fields: [string, string][] = [["title", spec.title]];
  for (const name of ["subtitle", "note", "alt"] as const)
    if (spec[name] !== undefined) fields.push([name, spec[name]!]);
  spec.annotations?.forEach((a, i) => fields.push([`annotations[${i}].text`, a.text]));
  if (spec.type === "map") spec.territories?.forEach((t, i) => fields.push([`territories[${i}].credit`, t.credit]));
  return fields;
}

/** Checks that need the ledger and the places: ids exist, claims fit the chart, annotations and moved labels point at something drawn. */
function dataProblems(spec: ChartSpec, data: ChartData): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const fail: Fail = (code, field, detail) => problems.push({code, field, detail});
  const module = chartModule(spec.type);
  const claims = claimsById(data.claims);
  const places = new Set(data.places.map((p) => p.name));
  const seen = new Set<string>();
  (("claims" in spec ? spec.claims : undefined) ?? []).forEach((id, i) => {
    if (!claims.has(id)) return fail("UNKNOWN_CLAIM", `claims[${i}]`, noClaim(id, claims.keys()));
    if (seen.has(id)) return fail("DUPLICATE_CLAIM", `claims[${i}]`, `claim "${id}" is listed twice`);
    seen.add(id);
  });
  const shown = module.drawn(spec, claims);
  const drawn = new Set(shown.map((c) => c.id));
  const drawnPlaces = new Set(module.places?.(spec) ?? []);
  module.check(spec, data, shown, fail);
  if (module.fromZero)
    for (const claim of shown) {
      const i = ("claims" in spec ? spec.claims : undefined)?.indexOf(claim.id) ?? -1;
      if ((claim.lower ?? claim.value) < 0)
        fail(
          "BELOW_ZERO",
          i >= 0 ? `claims[${i}]` : "claims",
          `claim "${claim.id}" is ${claim.label}, below zero; a ${spec.type} chart draws each figure up from zero`
        );
    }
  spec.annotations?.forEach(({on}, i) => {
    const field = `annotations[${i}].on`;
    const targets = (["claim", "place", "point"] as const).filter((k) => on[k] !== undefined);
    if (targets.length === 0)
      return fail("ANNOTATION_ON_NOTHING", field, "name a claim, a place or a point to anchor the note to");
    if (targets.length > 1) return fail("INVALID_FIELD", field, `name one anchor, not ${targets.join(" and ")}`);
    if (on.claim !== undefined) {
      if (!claims.has(on.claim)) return fail("UNKNOWN_CLAIM", `${field}.claim`, noClaim(on.claim, claims.keys()));
      if (!drawn.has(on.claim))
        return fail("ANNOTATION_ON_NOTHING", field, `claim "${on.claim}" is not drawn on this chart`);
    }
    if (on.place !== undefined) {
      if (!places.has(on.place))
        return fail(
          "UNKNOWN_PLACE",
          `${field}.place`,
          `place "${on.place}" is not in data/places.csv${didYouMean(on.place, places)}`
        );
      if (!drawnPlaces.has(on.place))
        return fail("ANNOTATION_ON_NOTHING", field, `place "${on.place}" is not drawn on this chart`);
    }
    if (on.point !== undefined) {
      const [x, y] = on.point;
      const kind = module.anchors.point;
      if (kind === null)
        return fail(
          "ANNOTATION_ON_NOTHING",
          field,
          `a ${spec.type} chart has no coordinates; anchor the note to a claim`
        );
      if (kind === "lonlat" && (typeof x !== "number" || Math.abs(x) > 180 || Math.abs(y) > 90)) {
        return fail("INVALID_FIELD", `${field}.point`, "a point on a map is [longitude, latitude]");
      }
      if (kind === "date" && (typeof x !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(x))) {
        return fail("INVALID_FIELD", `${field}.point`, 'a point on a reported chart is ["YYYY-MM-DD", value]');
      }
    }
  });
  spec.labels?.forEach((label, i) => {
    const field = `labels[${i}]`;
    if ((label.claim === undefined) === (label.place === undefined))
      return fail("INVALID_FIELD", field, "name one label: a claim or a place");
    if (label.claim !== undefined && !drawn.has(label.claim))
      return fail("LABEL_ON_NOTHING", `${field}.claim`, `claim "${label.claim}" has no label on this chart`);
    if (label.place !== undefined && !drawnPlaces.has(label.place))
      return fail("LABEL_ON_NOTHING", `${field}.place`, `place "${label.place}" has no label on this chart`);
  });
  for (const [field, value] of textFields(spec)) {
    for (const p of placeholderProblems(value, claims)) fail(p.code, field, p.detail);
  }
  problems.push(...colorProblems(spec));
  return problems;
}

/** The outcome of checking a spec: the typed spec when there is no problem. */
export type SpecCheck = {ok: true; spec: ChartSpec; problems: []} | {ok: false; spec: null; problems: SpecProblem[]};

const failed = (code: SpecProblemCode, field: string, detail: string): SpecCheck => ({
  ok: false,
  spec: null,
  problems: [{code, field, detail}]
});

/**
 * Validates a parsed JSON value as a chart spec against the ledger and places (and the land, when
 * given). The editor calls this on every keystroke; the loaders attach the file name.
 *
 * ```ts
 * const check = checkChartSpec(JSON.parse(text), {claims, places});
 * if (!check.ok) for (const p of check.problems) console.log(`${p.field}: ${p.code}: ${p.detail}`);
 * ```
 */
export function checkChartSpec(input: unknown, data: ChartData): SpecCheck {
  if (input === null || typeof input !== "object" || Array.isArray(input))
    return failed("INVALID_FIELD", "", "a chart spec is a JSON object");
  if (jsonDepth(input, specLimits.depth + 1) > specLimits.depth) {
    return failed("SPEC_TOO_LARGE", "", `the spec nests objects and lists deeper than ${specLimits.depth} levels`);
  }
  const bytes = new TextEncoder().encode(JSON.stringify(input)).length;
  if (bytes > specLimits.bytes)
    return failed("SPEC_TOO_LARGE", "", `the spec is ${bytes} bytes; at most ${specLimits.bytes}`);
  const annotations = (input as {annotations?: unknown}).annotations;
  if (Array.isArray(annotations) && annotations.length > specLimits.annotations) {
    return failed(
      "TOO_MANY_ANNOTATIONS",
      "annotations",
      `${annotations.length} annotations; a chart holds at most ${specLimits.annotations}`
    );
  }
  const parsed = chartSpecSchema.safeParse(input);
  if (!parsed.success) return {ok: false, spec: null, problems: schemaProblems(input, parsed.error.issues, data)};
  const problems = dataProblems(parsed.data, data);
  return problems.length ? {ok: false, spec: null, problems} : {ok: true, spec: parsed.data, problems: []};
}
