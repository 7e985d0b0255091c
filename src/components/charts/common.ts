/**
 * The parts of the chart spec schema every chart type shares (texts, annotations, moved labels,
 * colours) and its sanity limits, as zod schemas. Each chart type module spreads `commonFields`
 * into its own `z.strictObject`. Browser-safe.
 */
import {z} from "zod";
import type {Claim} from "../claim.ts";

/** Limits that keep a spec (and the work of laying it out) small: documented in docs/charts.md. */
export const specLimits = {
  /** Notes on one chart: placement is near-linear in labels up to this many. */
  annotations: 200,
  /** Moved labels (offsets) on one chart. */
  labels: 400,
  /** Claims one chart may name. */
  claims: 200,
  /** Characters of any one text field. */
  text: 2000,
  /** The spec's JSON text, in bytes (the save endpoint allows 256 KB bodies). */
  bytes: 200_000,
  /** Nesting of objects and arrays in the spec. */
  depth: 8,
  /** The largest offset of a label from its anchor, px (either axis). */
  offset: 720
} as const;

/** A piece of text shown on the chart; `{claim-id}` stands for that claim's label, `{claim-id.as_of}` for its date. */
export const text = (description: string) => z.string().min(1).max(specLimits.text).describe(description);

/** A list of claim ids. */
export const claimIds = (description: string, max: number = specLimits.claims) =>
  z.array(z.string().min(1)).min(1).max(max).describe(description);

const offset = (axis: string) =>
  z
    .number()
    .min(-specLimits.offset)
    .max(specLimits.offset)
    .optional()
    .describe(`${axis} offset of the label's centre from its anchor, in px`);

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
  dx: offset("horizontal"),
  dy: offset("vertical"),
  arrow: z.boolean().optional().describe("draw an arrow from the label to its anchor")
});

/** A chart's own label moved by hand (dragged in the editor): a claim's label, or a place's on a map. */
export const labelOffsetSchema = z.strictObject({
  claim: z.string().min(1).optional().describe("the claim whose label is moved"),
  place: z.string().min(1).optional().describe("the place whose label is moved (maps)"),
  dx: offset("horizontal"),
  dy: offset("vertical")
});

/** One annotation of a spec. */
export type Annotation = z.infer<typeof annotationSchema>;
/** One moved label of a spec. */
export type LabelOffset = z.infer<typeof labelOffsetSchema>;

/** The fields every chart type has, spread into each type's schema. */
export const commonFields = {
  $schema: z.string().optional(),
  title: text("the headline of the chart"),
  subtitle: z
    .string()
    .max(specLimits.text)
    .optional()
    .describe("one sentence under the title: what the reader is looking at"),
  note: z.string().max(specLimits.text).optional().describe("a note printed above the source line"),
  alt: z.string().max(specLimits.text).optional().describe("alt text; generated from the data when left out"),
  colors: z
    .array(z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour is #rrggbb"))
    .min(1)
    .max(6)
    .optional()
    .describe(
      "colours of the marks, #rrggbb, in both themes: the first for every mark, the others for further series; left out, the page's accent"
    ),
  annotations: z
    .array(annotationSchema)
    .max(specLimits.annotations)
    .optional()
    .describe("notes anchored to claims, places or points"),
  labels: z
    .array(labelOffsetSchema)
    .max(specLimits.labels)
    .optional()
    .describe("the chart's own labels moved by hand: {claim} or {place} with dx, dy")
};

/** The fields of every spec, as typed after validation. */
export interface CommonSpec {
  type: string;
  $schema?: string;
  title: string;
  subtitle?: string;
  note?: string;
  alt?: string;
  colors?: string[];
  annotations?: Annotation[];
  labels?: LabelOffset[];
}

/** The depth of nested objects and arrays in a JSON value (a number is 0, `{}` is 1). */
export function jsonDepth(value: unknown, limit = Infinity): number {
  if (value === null || typeof value !== "object") return 0;
  let deepest = 0;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, jsonDepth(child, limit));
    if (deepest >= limit) break;
  }
  return deepest + 1;
}

/** What a claim's unit makes it, in a message: "a percentage", "a count", "a sum in GBP". */
export function unitName(unit: Claim["unit"]): string {
  return unit === "percent" ? "a percentage" : unit === null ? "a count" : `a sum in ${unit}`;
}
