/**
 * The chart spec: what `data/charts/<id>.json` may say, as ONE zod schema, and the checks that
 * need the ledger (claim ids, places, annotations on something). Browser-safe: the loaders, the
 * CLI and the browser editor all validate through `checkChartSpec`, so they report the same
 * problems with the same codes and field paths (`annotations[2].on`).
 */
import {z} from "zod";
import type {Claim} from "./claim.ts";
import {placeholderProblems} from "./chart-text.js";
import type {ChartData} from "./charts/types.ts";

const describe = <T extends z.ZodType>(schema: T, description: string): T => schema.describe(description);

/** A piece of text shown on the chart; `{claim-id}` stands for that claim's label, `{claim-id.as_of}` for its date. */
const text = (description: string) => describe(z.string().min(1), description);
const claimIds = (description: string) => describe(z.array(z.string().min(1)).min(1), description);

/** What an annotation points at: exactly one of a claim, a place, or a point in the chart's data coordinates. */
export const annotationTargetSchema = z.strictObject({
  claim: z.string().min(1).optional().describe("a claim id drawn on this chart"),
  place: z.string().min(1).optional().describe("a place of data/places.csv drawn on this map"),
  point: z
    .tuple([z.union([z.number(), z.string()]), z.number()])
    .optional()
    .describe("data coordinates: [longitude, latitude] on a map, [YYYY-MM-DD, value] on a reported chart")
});

/** A note on the chart: text anchored to something, with an optional offset and connector arrow. */
export const annotationSchema = z.strictObject({
  on: annotationTargetSchema.describe("what the note points at: {claim}, {place} or {point}"),
  text: text("the note; name figures as {claim-id}, never type them"),
  dx: z.number().optional().describe("horizontal offset of the label's centre from its anchor, in px"),
  dy: z.number().optional().describe("vertical offset of the label's centre from its anchor, in px"),
  arrow: z.boolean().optional().describe("draw an arrow from the label to its anchor")
});

const common = {
  $schema: z.string().optional(),
  title: text("the headline of the chart"),
  subtitle: z.string().optional().describe("one sentence under the title: what the reader is looking at"),
  note: z.string().optional().describe("a note printed above the source line"),
  alt: z.string().optional().describe("alt text; generated from the data when left out"),
  annotations: z.array(annotationSchema).optional().describe("notes anchored to claims, places or points")
};

const barSchema = z.strictObject({
  type: z.literal("bar"),
  ...common,
  claims: claimIds("one bar per claim, in this order"),
  sort: z.enum(["spec", "descending"]).optional().describe("bar order: as listed (default) or largest first")
});

const unitsSchema = z.strictObject({
  type: z.literal("units"),
  ...common,
  claims: describe(z.array(z.string().min(1)).min(1).max(6), "one block of squares per claim"),
  unit: z.number().positive().describe("how many the one square stands for (each square is 1,000 people)"),
  unitLabel: z.string().min(1).optional().describe('what is counted, for the key: "people" by default')
});

const mapSchema = z.strictObject({
  type: z.literal("map"),
  ...common,
  focus: text("the country the map frames and highlights, as Natural Earth names it"),
  places: describe(z.array(z.string().min(1)).min(1), "places of data/places.csv to mark"),
  claims: z
    .array(z.string().min(1))
    .optional()
    .describe("claims shown at their place (the claim's place must be listed)")
});

const reportedSchema = z.strictObject({
  type: z.literal("reported"),
  ...common,
  measure: text("the measure whose claims are drawn over their as_of dates, one point per source")
});

/** The one schema of a chart spec, a union on `type`. */
export const chartSpecSchema = z.discriminatedUnion("type", [barSchema, unitsSchema, mapSchema, reportedSchema]);

/** A chart spec as written in `data/charts/<id>.json`, after schema validation. */
export type ChartSpec = z.infer<typeof chartSpecSchema>;
/** One annotation of a spec. */
export type Annotation = z.infer<typeof annotationSchema>;
/** The chart types, in the order the README lists them. */
export const chartTypes = ["bar", "units", "map", "reported"] as const;
/** A chart type name. */
export type ChartType = ChartSpec["type"];

/** The JSON Schema of a chart spec (draft 2020-12), for the editor's form and for editors' autocompletion. */
export function chartJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(chartSpecSchema, {io: "input"}) as Record<string, unknown>;
}

/** One problem with a spec: a stable code, the field path (`annotations[2].on`, "" for the whole spec), a message. */
export interface SpecProblem {
  code: string;
  field: string;
  detail: string;
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

/** Maps zod's issues to the kit's codes: MISSING_FIELD, UNKNOWN_CHART_TYPE, UNKNOWN_FIELD, INVALID_FIELD. */
function schemaProblems(input: unknown, issues: readonly z.core.$ZodIssue[]): SpecProblem[] {
  return issues.map((issue) => {
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
      return {code: "MISSING_FIELD", field, detail: `"${String(issue.path.at(-1))}" is required`};
    }
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys.map((k) => JSON.stringify(k)).join(", ");
      return {code: "UNKNOWN_FIELD", field: fieldPath([...issue.path, issue.keys[0]]), detail: `unknown field ${keys}`};
    }
    const message = issue.message.replace(/^Invalid input: /, "");
    return {code: "INVALID_FIELD", field, detail: `${message}, got ${JSON.stringify(value) ?? "nothing"}`};
  });
}

/** The claims a spec draws (not those only named in its text), in the spec's order. */
export function drawnClaims(spec: ChartSpec, claims: readonly Claim[]): Claim[] {
  const byId = new Map(claims.map((c) => [c.id, c]));
  if (spec.type === "reported") return claims.filter((c) => c.measure === spec.measure);
  return (spec.claims ?? []).flatMap((id) => byId.get(id) ?? []);
}

/** The spec's text fields with their paths, for placeholder checks and resolution. */
export function textFields(spec: ChartSpec): [field: string, text: string][] {
  const fields: [string, string][] = [["title", spec.title]];
  for (const name of ["subtitle", "note", "alt"] as const)
    if (spec[name] !== undefined) fields.push([name, spec[name]!]);
  spec.annotations?.forEach((a, i) => fields.push([`annotations[${i}].text`, a.text]));
  return fields;
}

/** Checks that need the ledger and the places: ids exist, claims fit the chart, annotations point at something drawn. */
function dataProblems(spec: ChartSpec, data: ChartData): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const fail = (code: string, field: string, detail: string) => problems.push({code, field, detail});
  const claims = new Map(data.claims.map((c) => [c.id, c]));
  const places = new Set(data.places.map((p) => p.name));
  const drawn = new Set<string>();
  if (spec.type !== "reported") {
    const seen = new Set<string>();
    (spec.claims ?? []).forEach((id, i) => {
      const claim = claims.get(id);
      if (!claim) return fail("UNKNOWN_CLAIM", `claims[${i}]`, `claim "${id}" is not in data/claims.csv`);
      if (seen.has(id)) return fail("DUPLICATE_CLAIM", `claims[${i}]`, `claim "${id}" is listed twice`);
      seen.add(id);
      drawn.add(id);
      if (spec.type === "units" && claim.unit === "percent") {
        fail("NOT_A_COUNT", `claims[${i}]`, `claim "${id}" is a percentage; a unit chart counts things`);
      }
      if (spec.type === "map" && !spec.places.includes(claim.place)) {
        fail(
          "UNKNOWN_PLACE",
          `claims[${i}]`,
          `claim "${id}" is about "${claim.place}", which is not in this map's places`
        );
      }
    });
  }
  if (spec.type === "bar") {
    const units = new Set(drawnClaims(spec, data.claims).map((c) => c.unit));
    if (units.size > 1) fail("MIXED_UNITS", "claims", "percentages and counts cannot share one bar scale");
  }
  if (spec.type === "units") {
    const squares = drawnClaims(spec, data.claims).reduce((n, c) => n + (c.upper ?? c.value) / spec.unit, 0);
    if (squares > 3000) {
      fail(
        "TOO_MANY_SQUARES",
        "unit",
        `${Math.ceil(squares)} squares are too many to read on a phone; choose a larger unit`
      );
    }
  }
  if (spec.type === "reported") {
    const shown = drawnClaims(spec, data.claims);
    if (shown.length === 0)
      fail("UNKNOWN_MEASURE", "measure", `no claim in data/claims.csv has the measure "${spec.measure}"`);
    for (const c of shown) drawn.add(c.id);
  }
  if (spec.type === "map") {
    spec.places.forEach((name, i) => {
      if (!places.has(name)) fail("UNKNOWN_PLACE", `places[${i}]`, `place "${name}" is not in data/places.csv`);
    });
    const land = data.land?.countries.features;
    if (land && !land.some((f) => f.properties.name === spec.focus)) {
      fail("UNKNOWN_COUNTRY", "focus", `"${spec.focus}" is not a country name in the map data`);
    }
  }
  spec.annotations?.forEach(({on}, i) => {
    const field = `annotations[${i}].on`;
    const targets = (["claim", "place", "point"] as const).filter((k) => on[k] !== undefined);
    if (targets.length === 0)
      return fail("ANNOTATION_ON_NOTHING", field, "name a claim, a place or a point to anchor the note to");
    if (targets.length > 1) return fail("INVALID_FIELD", field, `name one anchor, not ${targets.join(" and ")}`);
    if (on.claim !== undefined) {
      if (!claims.has(on.claim))
        return fail("UNKNOWN_CLAIM", `${field}.claim`, `claim "${on.claim}" is not in data/claims.csv`);
      if (!drawn.has(on.claim))
        return fail("ANNOTATION_ON_NOTHING", field, `claim "${on.claim}" is not drawn on this chart`);
    }
    if (on.place !== undefined) {
      if (!places.has(on.place))
        return fail("UNKNOWN_PLACE", `${field}.place`, `place "${on.place}" is not in data/places.csv`);
      if (spec.type !== "map" || !spec.places.includes(on.place)) {
        return fail("ANNOTATION_ON_NOTHING", field, `place "${on.place}" is not drawn on this chart`);
      }
    }
    if (on.point !== undefined) {
      const [x, y] = on.point;
      if (spec.type === "map" && (typeof x !== "number" || Math.abs(x) > 180 || Math.abs(y) > 90)) {
        return fail("INVALID_FIELD", `${field}.point`, "a point on a map is [longitude, latitude]");
      }
      if (spec.type === "reported" && (typeof x !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(x))) {
        return fail("INVALID_FIELD", `${field}.point`, 'a point on a reported chart is ["YYYY-MM-DD", value]');
      }
      if (spec.type === "bar" || spec.type === "units") {
        return fail(
          "ANNOTATION_ON_NOTHING",
          field,
          `a ${spec.type} chart has no coordinates; anchor the note to a claim`
        );
      }
    }
  });
  for (const [field, value] of textFields(spec)) {
    for (const p of placeholderProblems(value, claims)) fail(p.code, field, p.detail);
  }
  return problems;
}

/** The outcome of checking a spec: the typed spec when there is no problem. */
export type SpecCheck = {ok: true; spec: ChartSpec; problems: []} | {ok: false; spec: null; problems: SpecProblem[]};

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
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return {
      ok: false,
      spec: null,
      problems: [{code: "INVALID_FIELD", field: "", detail: "a chart spec is a JSON object"}]
    };
  }
  const parsed = chartSpecSchema.safeParse(input);
  if (!parsed.success) return {ok: false, spec: null, problems: schemaProblems(input, parsed.error.issues)};
  const problems = dataProblems(parsed.data, data);
  return problems.length ? {ok: false, spec: null, problems} : {ok: true, spec: parsed.data, problems: []};
}
