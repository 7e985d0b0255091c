/**
 * Types shared by the renderer, the chart types and the label placer. Browser-safe, types only.
 */
import type {Feature, FeatureCollection, Geometry} from "geojson";
import type {Topology} from "topojson-specification";
import type {z} from "zod";
import type {Claim} from "../claim.ts";
import type {CommonSpec} from "./common.ts";
import type {Fail} from "./problems.ts";

/** A row of `data/places.csv`: a named point and where its coordinates come from. */
export interface MapPlace {
  name: string;
  latitude: number;
  longitude: number;
  source: string;
}

/** A country of the base map, as Natural Earth names it. */
export type Country = Feature<Geometry, {name: string}>;

/** The base map: countries (GeoJSON, WGS84) and the credit line the map prints. */
export interface Land {
  countries: FeatureCollection<Geometry, {name: string}>;
  /** The data's own credit ("Map: Natural Earth"); a map spec adds its territory credits. */
  credit: string;
  /** The topology the countries come from, when known: territories are then merged without a seam. */
  topology?: Topology;
}

/** Everything a spec refers to: the ledger's claims, the places and (for maps) the land. */
export interface ChartData {
  claims: readonly Claim[];
  places: readonly MapPlace[];
  land?: Land;
}

/** A point in the plot's pixel space. */
export interface Point {
  x: number;
  y: number;
}

/** An axis-aligned box in the plot's pixel space. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One line of a label: its text and how it is set. */
export interface LabelLine {
  text: string;
  bold?: boolean;
  /** A class of the chart's stylesheet, e.g. `kit-accent-text`. */
  className?: string;
}

/** A label to place near an anchor without overlapping other labels or marks. */
export interface LabelRequest {
  /** Stable key: `claim:refugees`, `place:Kyiv`, `annotation:2`. */
  key: string;
  lines: LabelLine[];
  anchor: Point;
  fontSize: number;
  /** Offsets of the label's centre from the anchor, tried first (the spec's dx, dy). */
  preferred?: Point;
  /** Further offsets of the label's centre from the anchor, tried after `preferred`. */
  offsets?: readonly Point[];
  /** Directions tried in order after the offsets (unit vectors); defaults to all eight. */
  directions?: readonly Point[];
  /** Distance kept between the label's box and its anchor, px. */
  gap?: number;
  /**
   * `true`: always draw a leader line to the anchor (for anchors crowded together); `false`: never
   * (a country's name, slid off its centre); left out: when the label lands far from its anchor.
   */
  leader?: boolean;
  /** Draw an arrow to the anchor (`arrow: true` in the spec). A leader line is drawn anyway when the label lands far away. */
  arrow?: boolean;
  /** Dropped, rather than placed over something, when no clear position exists (e.g. country names). */
  optional?: boolean;
  /** Text alignment inside the label's box; by default from the side the label ends up on. */
  align?: "start" | "middle" | "end";
  className?: string;
  /** Indices of the spec's annotations drawn as lines of this label (a map's notes on a place). */
  annotations?: number[];
  /** The box this label must stay in instead of the plot's frame (a map's inset panel). */
  within?: Box;
  /** Index in the spec's `labels` of the offset this label was moved by, if any. */
  moved?: number;
}

/** A label after placement: its box, and its connector (if any) from the box to the anchor. */
export interface PlacedLabel extends LabelRequest {
  box: Box;
  align: "start" | "middle" | "end";
  connector: {from: Point; to: Point; arrow: boolean} | null;
  /** False when no position free of overlaps was found and the least-bad one was taken. */
  clear: boolean;
  /** True when the offset the spec gives (`dx`, `dy`) would put the label outside the plot. */
  offsetOutside?: boolean;
  /**
   * True when a map's border or coast runs through the label wherever it goes: its lines are drawn
   * on a plate in the page's background colour (`.kit-plate`), which masks the line under the text.
   */
  plate?: boolean;
}

/** Where a chart type's marks are, in pixels, for anchoring labels and keeping them clear of marks. */
export interface ChartGeometry {
  /** The plot area labels must stay inside. */
  frame: Box;
  /** Boxes labels must not cover: bars, squares, dots. */
  obstacles: Box[];
  /** Lines labels must not cover (a reported chart's lines between figures). */
  segments?: [Point, Point][];
  /**
   * Lines a label may sit beside but should not be crossed by: a map's borders and coasts, as drawn
   * (many short segments). A label crossed by one is placed elsewhere when it can be.
   */
  lines?: [Point, Point][];
  /** The chart's own labels (values, names), placed before the annotations. */
  labels: LabelRequest[];
  /** Where an annotation's `on` points, or null when it points at nothing drawn. */
  anchor(on: {claim?: string; place?: string; point?: [number | string, number]}): Point | null;
}

/** The sizes every chart type uses, scaled for the width. */
export interface ChartLayout {
  width: number;
  narrow: boolean;
  fontSize: number;
  /** Widest a label's line may be before it wraps, px. */
  labelWidth: number;
  /** Receives the labels as placed, in the plot's pixels (see `RenderOptions.onLabels`). */
  onLabels?: (labels: readonly PlacedLabel[]) => void;
  /** The chart's colours. */
  palette: Palette;
}

/** How a claim's interval is drawn. */
export type Bound = "exact" | "lower" | "upper" | "approximate" | "range";
/** The bounds a key explains (an exact figure needs no key line). */
export type KeyBound = Exclude<Bound, "exact">;

/** A line of a chart's key: a small drawing and what it means. */
export interface KeyLine {
  swatch: SVGGElement;
  text: string;
}

/**
 * A chart type: everything about it in one module (Plot's marks are built the same way), listed
 * once in `charts/registry.ts`. The spec schema, the union and the JSON Schema, the checks, the
 * drawing, the alt text and the key all come from here.
 */
export interface ChartTypeModule<S extends CommonSpec = CommonSpec> {
  /** The `type` of its specs. */
  type: S["type"];
  /** The zod schema of its specs (a strict object with `type: z.literal(type)` and `commonFields`). */
  schema: z.ZodType<S>;
  /** What an annotation may point at on this type: claims drawn, places drawn, and which kind of point. */
  anchors: {place: boolean; point: "lonlat" | "date" | null};
  /** True when it draws each figure up from zero (a bar, squares, a scale from 0), so it cannot draw one below zero. */
  fromZero: boolean;
  /** The claims it draws, in drawing order, from the claims by id. */
  drawn(spec: S, claims: ReadonlyMap<string, Claim>): Claim[];
  /** The places it draws (maps), for annotations and moved labels. */
  places?(spec: S): readonly string[];
  /** Checks that need the ledger, the places or the land, beyond "every claim exists". */
  check(spec: S, data: ChartData, drawn: readonly Claim[], fail: Fail): void;
  /** Draws the chart's plot (no title, key or source: the renderer adds those). */
  draw(spec: S, data: ChartData, layout: ChartLayout, document: Document): SVGSVGElement;
  /** The sentences of its alt text, before the notes. */
  alt(spec: S, drawn: readonly Claim[], data: ChartData): string[];
  /** Key texts, "drawing: meaning", one per bound this type draws differently. */
  key: Record<KeyBound, string>;
  /** The key's drawing of a bound, 24 × 12 px. */
  swatch(document: Document, bound: KeyBound, colors: Palette): SVGGElement;
  /** Key lines of its own, before the bounds' (the unit chart's "each square is …"). */
  extraKey?(spec: S, drawn: readonly Claim[], layout: ChartLayout, document: Document): KeyLine[];
  /** Credit lines printed under the note (the map's base map and territory policies). */
  credits?(spec: S, data: ChartData): string[];
  /** The figure a social card shows large: by default the largest drawn. */
  keyClaim?(spec: S, drawn: readonly Claim[]): Claim | undefined;
}

/** The colours a chart draws with: the accent (and series colours), and whether they follow the page's theme. */
export interface Palette {
  /** Series colours, the first being the accent, as written into the SVG (#rrggbb). */
  series: readonly string[];
  /** True for the default palette: CSS classes let the page's theme recolour it. */
  themed: boolean;
}

/**
 * Declares a chart type module, keeping its schema's own type so that the registry can build the
 * discriminated union from it.
 *
 * ```ts
 * export const bar = defineChartType({type: "bar", schema: barSchema, …});
 * ```
 */
export function defineChartType<Schema extends z.ZodObject<{type: z.ZodLiteral<string>}>>(
  module: ChartTypeModule<z.infer<Schema> & CommonSpec> & {schema: Schema}
): Omit<ChartTypeModule<z.infer<Schema> & CommonSpec>, "schema"> & {schema: Schema} {
  return module;
}
