/**
 * Types shared by the renderer, the chart types and the label placer. Browser-safe, types only.
 */
import type {Feature, FeatureCollection, Geometry} from "geojson";
import type {Claim} from "../claim.ts";

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
  credit: string;
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
  /** Always draw a leader line to the anchor (for anchors crowded together). */
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
}

/** A label after placement: its box, and its connector (if any) from the box to the anchor. */
export interface PlacedLabel extends LabelRequest {
  box: Box;
  align: "start" | "middle" | "end";
  connector: {from: Point; to: Point; arrow: boolean} | null;
  /** False when no position free of overlaps was found and the least-bad one was taken. */
  clear: boolean;
}

/** Where a chart type's marks are, in pixels, for anchoring labels and keeping them clear of marks. */
export interface ChartGeometry {
  /** The plot area labels must stay inside. */
  frame: Box;
  /** Boxes labels must not cover: bars, squares, dots. */
  obstacles: Box[];
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
}
