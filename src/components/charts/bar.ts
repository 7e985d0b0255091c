/**
 * `bar`: one horizontal bar per claim, its measure above it and its label at its end. A lower
 * bound fades out beyond the figure, an approximation is lighter and dashed, an upper bound is
 * hollow, a range is solid to its lower end and hollow to its upper. A bar too short to show its
 * style gets the style's marker beside its end, so "about 15,000" next to 800,000 still reads as
 * approximate.
 */
import * as Plot from "@observablehq/plot";
import {z} from "zod";
import {attributionOf, claimsById, type Claim} from "../claim.js";
import {capitalize, figureSentence, formatDate, listOf, textWidth, wrapText} from "../chart-text.js";
import {annotationRoom, labelSize, labelsMark} from "../annotations.js";
import {claimIds, commonFields, unitName} from "./common.js";
import {defineChartType} from "./types.js";
import {both, boundOf, fadeSteps, swatchKit} from "./qualifiers.js";
import {asMark, lineHeight, plotFill, plotFillStroke, plotStroke} from "./style.js";
import type {Box, Bound, ChartData, ChartGeometry, ChartLayout, KeyBound, LabelRequest, Palette} from "./types.ts";

const schema = z.strictObject({
  type: z.literal("bar"),
  ...commonFields,
  claims: claimIds("one bar per claim, in this order", 40),
  sort: z.enum(["spec", "descending"]).optional().describe("bar order: as listed (default) or largest first")
});

/** A bar chart's spec. */
export type BarSpec = z.infer<typeof schema>;

/** Bar sizes, px; `styled` is the shortest bar that shows a dashed or hollow style. */
export const barDefaults = {barHeight: 18, gap: 14, fade: 36, fadeStep: 6, styled: 28, marker: 22};

interface Row {
  claim: Claim;
  /** Top of the measure's name, of the bar, and the bar's bottom. */
  nameTop: number;
  barTop: number;
  barBottom: number;
  name: string[];
  /** Where the bar (with its fade) ends, where its marker starts (short bars), and the value label's corner. */
  end: number;
  marker: number | null;
  label: {x: number; y: number};
}

/**
 * What a bar is called: its measure, and when other bars of the chart share it, what tells them
 * apart: the date, else who gave it, else both ("Tonnes, 7 March 2022" beside "Tonnes, 14 March 2022").
 */
export function barName(claim: Claim, claims: readonly Claim[]): string {
  const same = claims.filter((c) => c.measure.toLowerCase() === claim.measure.toLowerCase());
  if (same.length === 1) return claim.measure;
  const apart = (key: (c: Claim) => string) => new Set(same.map(key)).size === same.length;
  const date = formatDate(claim.as_of);
  if (apart((c) => c.as_of)) return `${claim.measure}, ${date}`;
  if (apart(attributionOf)) return `${claim.measure}, ${attributionOf(claim)}`;
  return `${claim.measure}, ${attributionOf(claim)}, ${date}`;
}

/** True when a bar of `length` px cannot show its bound's style (dashes, a hollow outline). */
export function needsMarker(bound: Bound, length: number): boolean {
  return (bound === "approximate" || bound === "upper" || bound === "range") && length < barDefaults.styled;
}

/**
 * Lays out the rows: the measure's name, then the bar (and its marker) with its label beside its
 * end; a label that does not fit there goes on the name's line, right-aligned, or on a line of its own.
 */
function rowsOf(
  spec: BarSpec,
  claims: Claim[],
  layout: ChartLayout,
  byId: ReadonlyMap<string, Claim>,
  px: (v: number) => number
) {
  const line = layout.fontSize * lineHeight;
  const width = layout.width;
  let y = 0;
  const rows: Row[] = claims.map((claim) => {
    const name = wrapText(capitalize(barName(claim, claims)), width * 0.6, layout.fontSize);
    const nameWidth = textWidth(name.at(-1)!, layout.fontSize);
    const labelWidth = textWidth(claim.label, layout.fontSize, true);
    const bound = boundOf(claim);
    const length = px(claim.upper ?? claim.value);
    const marker = needsMarker(bound, length) ? length + 4 : null;
    const end = (marker ?? length) + (marker !== null ? barDefaults.marker : bound === "lower" ? barDefaults.fade : 0);
    const nameTop = y;
    const beside = end + 5 + labelWidth <= width;
    const onNameLine = !beside && Math.min(end, width) - labelWidth >= nameWidth + 10;
    const labelTop = nameTop + name.length * line;
    const barTop = labelTop + (beside || onNameLine ? 0 : line) + 3;
    const barBottom = barTop + barDefaults.barHeight;
    const label = beside
      ? {x: end + 5, y: (barTop + barBottom - line) / 2}
      : {x: Math.max(0, Math.min(end, width) - labelWidth), y: onNameLine ? labelTop - line : labelTop};
    const room = annotationRoom(spec.annotations ?? [], claim.id, layout, byId);
    y = barBottom + room + barDefaults.gap;
    return {claim, nameTop, barTop, barBottom, name, end, marker, label};
  });
  return {rows, height: Math.ceil(y - barDefaults.gap + 2)};
}

type Rect = {x1: number; x2: number; y1: number; y2: number; opacity?: number};

/** Draws a bar chart of the spec's claims at the layout's width; returns Plot's SVG. */
function draw(spec: BarSpec, data: ChartData, layout: ChartLayout, document: Document): SVGSVGElement {
  const byId = claimsById(data.claims);
  let claims = drawn(spec, byId);
  if (spec.sort === "descending") claims = [...claims].sort((a, b) => (b.upper ?? b.value) - (a.upper ?? a.value));
  const width = layout.width;
  const max = Math.max(...claims.map((c) => c.upper ?? c.value));
  const range = width - barDefaults.fade - 2;
  const {rows, height} = rowsOf(spec, claims, layout, byId, (v) => (v / max) * range);
  const px = max / range; // data units per pixel, for what is drawn in pixels (fades, markers)
  const solid: Rect[] = [];
  const faded: Rect[] = [];
  const hollow: Rect[] = [];
  const dashed: Rect[] = [];
  for (const {claim, barTop: y1, barBottom: y2, marker} of rows) {
    const bound = boundOf(claim);
    if (bound === "exact") solid.push({x1: 0, x2: claim.value, y1, y2});
    else if (bound === "lower") {
      solid.push({x1: 0, x2: claim.value, y1, y2});
      fadeSteps.forEach((opacity, i) => {
        const x1 = claim.value + i * barDefaults.fadeStep * px;
        faded.push({x1, x2: x1 + barDefaults.fadeStep * px, y1, y2, opacity});
      });
    } else if (bound === "upper") hollow.push({x1: 0, x2: claim.value, y1: y1 + 0.5, y2: y2 - 0.5});
    else if (bound === "approximate") dashed.push({x1: 0, x2: claim.value, y1: y1 + 0.5, y2: y2 - 0.5});
    else {
      solid.push({x1: 0, x2: claim.lower!, y1, y2});
      hollow.push({x1: claim.lower!, x2: claim.upper!, y1: y1 + 0.5, y2: y2 - 0.5});
    }
    if (marker !== null) {
      // The style at a legible size, beside the bar's end: the key's drawing of this bound.
      const m = {x1: marker * px, x2: (marker + barDefaults.marker - 2) * px, y1: y1 + 4, y2: y2 - 4};
      if (bound === "approximate") dashed.push(m);
      else if (bound === "upper") hollow.push(m);
      else {
        solid.push({...m, x2: (marker + 8) * px});
        hollow.push({...m, x1: (marker + 8) * px});
      }
    }
  }
  const geometryOf = (scales: {x?: (v: number) => number}): ChartGeometry => {
    const x = (v: number) => scales.x!(v);
    const line = layout.fontSize * lineHeight;
    const obstacles: Box[] = [];
    const labels: LabelRequest[] = [];
    for (const {claim, nameTop, barTop, barBottom, name, end, label} of rows) {
      const nameWidth = Math.max(...name.map((n) => textWidth(n, layout.fontSize)));
      obstacles.push({x: 0, y: barTop, width: Math.max(end, 1), height: barBottom - barTop});
      obstacles.push({x: 0, y: nameTop, width: nameWidth, height: name.length * line});
      const lines = [{text: claim.label, bold: true}];
      const size = labelSize({lines, fontSize: layout.fontSize});
      const anchor = {x: Math.min(end, width), y: (barTop + barBottom) / 2};
      labels.push({
        key: `claim:${claim.id}`,
        lines,
        anchor,
        fontSize: layout.fontSize,
        preferred: {x: label.x + size.width / 2 - anchor.x, y: label.y + size.height / 2 - anchor.y},
        align: "start",
        className: "kit-value"
      });
    }
    return {
      frame: {x: 0, y: 0, width, height},
      obstacles,
      labels,
      anchor: (on) => {
        const row = rows.find((r) => r.claim.id === on.claim);
        // The bar's lower edge near its end: a note below points at the bar, never at its label.
        return row ? {x: Math.max(2, x(row.claim.value) - 4), y: row.barBottom + 1} : null;
      }
    };
  };
  const rect = {x1: "x1", x2: "x2", y1: "y1", y2: "y2"};
  const {palette} = layout;
  // No legend and no caption: Plot returns its <svg>.
  return Plot.plot({
    document,
    width,
    height,
    margin: 0,
    x: {domain: [0, max], range: [0, range], axis: null},
    y: {type: "identity", axis: null},
    opacity: {type: "identity"},
    marks: [
      Plot.rect(solid, {...rect, ...asMark(plotFill(palette))}),
      Plot.rect(faded, {...rect, ...asMark(plotFill(palette)), fillOpacity: "opacity"}),
      Plot.rect(hollow, {...rect, fill: "none", ...asMark(plotStroke(palette)), strokeWidth: 1.5}),
      Plot.rect(dashed, {
        ...rect,
        ...asMark(plotFillStroke(palette)),
        fillOpacity: 0.4,
        strokeWidth: 1.5,
        strokeDasharray: "4 3"
      }),
      Plot.ruleX(rows, {x: 0, y1: (r: Row) => r.barTop - 3, y2: (r: Row) => r.barBottom + 3, strokeOpacity: 0.5}),
      Plot.text(rows, {
        x: 0,
        y: "nameTop",
        text: (r: Row) => r.name.join("\n"),
        textAnchor: "start",
        lineAnchor: "top",
        fontSize: layout.fontSize,
        lineHeight
      }),
      labelsMark(geometryOf as never, spec, layout, byId)
    ]
  }) as SVGSVGElement;
}

function drawn(spec: BarSpec, claims: ReadonlyMap<string, Claim>): Claim[] {
  return spec.claims.flatMap((id) => claims.get(id) ?? []);
}

function swatch(document: Document, bound: KeyBound, palette: Palette): SVGGElement {
  const {g, fill, stroke, add} = swatchKit(document, palette);
  if (bound === "lower") {
    add("rect", {...fill, x: 0, y: 2, width: 12, height: 8});
    fadeSteps.forEach((o, i) =>
      add("rect", {...fill, x: 12 + i * 2.4, y: 2, width: 2.4, height: 8, "fill-opacity": o})
    );
  } else if (bound === "approximate") {
    add("rect", {
      ...both(fill, stroke),
      x: 0.5,
      y: 2.5,
      width: 20,
      height: 7,
      "fill-opacity": 0.4,
      "stroke-dasharray": "3 2"
    });
  } else if (bound === "upper") {
    add("rect", {...stroke, x: 0.5, y: 2.5, width: 20, height: 7, "stroke-width": 1.2});
  } else {
    add("rect", {...fill, x: 0, y: 2, width: 10, height: 8});
    add("rect", {...stroke, x: 10, y: 2.5, width: 12, height: 7});
  }
  return g;
}

/** The bar chart type. */
export const bar = defineChartType({
  type: "bar",
  schema,
  anchors: {place: false, point: null},
  fromZero: true,
  drawn,
  check(_spec, _data, shown, fail) {
    const other = shown.find((c) => c.unit !== shown[0].unit);
    if (other)
      fail(
        "MIXED_UNITS",
        "claims",
        `"${other.id}" is ${unitName(other.unit)} and "${shown[0].id}" ${unitName(shown[0].unit)}: one bar scale draws one unit`
      );
  },
  draw,
  alt(_spec, shown) {
    // Each figure's sentence says its date and who gave it; the first names each measure once.
    const measures = [...new Set(shown.map((c) => c.measure))];
    return [
      `Bar chart of ${shown.length === 1 ? "one figure" : `${shown.length} figures`}: ${listOf(measures)}.`,
      ...shown.map(figureSentence)
    ];
  },
  key: {
    lower: "Fading bar end: a lower bound; the true number is higher",
    upper: "Hollow bar: an upper bound; the true number may be lower",
    approximate: "Lighter, dashed bar: an approximate figure",
    range: "Solid to the lower end, hollow to the upper: a range"
  },
  swatch
});
