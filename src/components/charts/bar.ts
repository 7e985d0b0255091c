/**
 * `bar`: one horizontal bar per claim, its measure above it and its label at its end. A lower
 * bound fades out beyond the figure, an approximation is lighter and dashed, an upper bound is
 * hollow, a range is solid to its lower end and hollow to its upper.
 */
import * as Plot from "@observablehq/plot";
import type {Claim} from "../claim.ts";
import type {ChartSpec} from "../chart-spec.ts";
import {drawnClaims} from "../chart-spec.js";
import {capitalize, textWidth, wrapText} from "../chart-text.js";
import {annotationRoom, labelSize, labelsMark} from "../annotations.js";
import {boundOf, fadeSteps} from "./qualifiers.js";
import {accent, lineHeight} from "./style.js";
import type {Box, ChartData, ChartGeometry, ChartLayout, LabelRequest} from "./types.ts";

/** A bar chart's spec. */
export type BarSpec = Extract<ChartSpec, {type: "bar"}>;

/** Bar sizes, px. */
export const barDefaults = {barHeight: 18, gap: 14, fade: 36, fadeStep: 6};

interface Row {
  claim: Claim;
  /** Top of the measure's name, of the bar, and the bar's bottom. */
  nameTop: number;
  barTop: number;
  barBottom: number;
  name: string[];
  /** Where the bar (with its fade) ends, and the top-left corner of the value label. */
  end: number;
  label: {x: number; y: number};
}

/**
 * Lays out the rows: the measure's name, then the bar with its label beside its end; a label that
 * does not fit there goes on the name's line, right-aligned to the end, or else on a line of its own.
 */
function rowsOf(
  spec: BarSpec,
  claims: Claim[],
  layout: ChartLayout,
  claimsById: ReadonlyMap<string, Claim>,
  px: (v: number) => number
) {
  const line = layout.fontSize * lineHeight;
  const width = layout.width;
  let y = 0;
  const rows: Row[] = claims.map((claim) => {
    const name = wrapText(capitalize(claim.measure), width * 0.6, layout.fontSize);
    const nameWidth = textWidth(name.at(-1)!, layout.fontSize);
    const labelWidth = textWidth(claim.label, layout.fontSize, true);
    const end = px(claim.upper ?? claim.value) + (boundOf(claim) === "lower" ? barDefaults.fade : 0);
    const nameTop = y;
    const beside = end + 5 + labelWidth <= width;
    const onNameLine = !beside && Math.min(end, width) - labelWidth >= nameWidth + 10;
    const labelTop = nameTop + name.length * line;
    const barTop = labelTop + (beside || onNameLine ? 0 : line) + 3;
    const barBottom = barTop + barDefaults.barHeight;
    const label = beside
      ? {x: end + 5, y: (barTop + barBottom - line) / 2}
      : {x: Math.max(0, Math.min(end, width) - labelWidth), y: onNameLine ? labelTop - line : labelTop};
    const room = annotationRoom(spec.annotations ?? [], claim.id, layout, claimsById);
    y = barBottom + room + barDefaults.gap;
    return {claim, nameTop, barTop, barBottom, name, end, label};
  });
  return {rows, height: Math.ceil(y - barDefaults.gap + 2)};
}

/**
 * Draws a bar chart of the spec's claims at the layout's width; returns Plot's SVG.
 *
 * ```ts
 * const svg = barChart(spec, {claims, places}, layoutFor(720), document);
 * ```
 */
export function barChart(spec: BarSpec, data: ChartData, layout: ChartLayout, document: Document): SVGSVGElement {
  let claims = drawnClaims(spec, data.claims);
  if (spec.sort === "descending") claims = [...claims].sort((a, b) => (b.upper ?? b.value) - (a.upper ?? a.value));
  const claimsById = new Map(data.claims.map((c) => [c.id, c]));
  const width = layout.width;
  const max = Math.max(...claims.map((c) => c.upper ?? c.value));
  const range = width - barDefaults.fade - 2;
  const {rows, height} = rowsOf(spec, claims, layout, claimsById, (v) => (v / max) * range);
  const px = max / range; // data units per pixel, for the fade drawn in pixels
  const solid: {x1: number; x2: number; y1: number; y2: number}[] = [];
  const faded: {x1: number; x2: number; y1: number; y2: number; opacity: number}[] = [];
  const hollow: typeof solid = [];
  const dashed: typeof solid = [];
  for (const {claim, barTop: y1, barBottom: y2} of rows) {
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
        return row ? {x: x(row.claim.value), y: (row.barTop + row.barBottom) / 2} : null;
      }
    };
  };
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
      Plot.rect(solid, {x1: "x1", x2: "x2", y1: "y1", y2: "y2", fill: accent, className: "kit-accent"}),
      Plot.rect(faded, {
        x1: "x1",
        x2: "x2",
        y1: "y1",
        y2: "y2",
        fill: accent,
        fillOpacity: "opacity",
        className: "kit-accent"
      }),
      Plot.rect(hollow, {
        x1: "x1",
        x2: "x2",
        y1: "y1",
        y2: "y2",
        fill: "none",
        stroke: accent,
        strokeWidth: 1.5,
        className: "kit-accent-stroke"
      }),
      Plot.rect(dashed, {
        x1: "x1",
        x2: "x2",
        y1: "y1",
        y2: "y2",
        fill: accent,
        fillOpacity: 0.4,
        stroke: accent,
        strokeWidth: 1.5,
        strokeDasharray: "4 3",
        className: "kit-accent kit-accent-stroke"
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
      labelsMark(geometryOf as never, spec.annotations ?? [], layout, claimsById)
    ]
  }) as SVGSVGElement;
}
