/**
 * `reported`: a measure's claims over their `as_of` dates, one point per source, so that a story
 * gathering several sources shows how a reported figure moved. A lower bound fades upwards from
 * its point, an upper bound downwards, an approximation is a hollow dashed point, a range a line.
 */
import * as Plot from "@observablehq/plot";
import {scaleLinear, utcDay, utcFormat} from "d3";
import type {Claim} from "../claim.ts";
import type {ChartSpec} from "../chart-spec.ts";
import {drawnClaims} from "../chart-spec.js";
import {labelsMark} from "../annotations.js";
import {textWidth} from "../chart-text.js";
import {boundOf, fadeSteps} from "./qualifiers.js";
import {accent, fontSizes} from "./style.js";
import type {Box, ChartData, ChartGeometry, ChartLayout, LabelRequest} from "./types.ts";

/** A reported chart's spec. */
export type ReportedSpec = Extract<ChartSpec, {type: "reported"}>;

/** Sizes, px. */
export const reportedDefaults = {
  height: {narrow: 260, wide: 300},
  margin: {top: 14, right: 30, bottom: 26},
  fade: 30,
  dot: 4
};

const day = 24 * 60 * 60 * 1000;
const grouped = new Intl.NumberFormat("en-US");
const withYear = utcFormat("%-d %b %Y");
const dayMonth = utcFormat("%-d %b");
const dateOf = (claim: Claim) => new Date(`${claim.as_of}T00:00:00Z`);

/**
 * Draws a reported-over-time chart at the layout's width; returns Plot's SVG.
 *
 * ```ts
 * const svg = reportedChart({type: "reported", title: "…", measure: "refugees"}, data, layoutFor(720), document);
 * ```
 */
export function reportedChart(
  spec: ReportedSpec,
  data: ChartData,
  layout: ChartLayout,
  document: Document
): SVGSVGElement {
  const claims = [...drawnClaims(spec, data.claims)].sort((a, b) => a.as_of.localeCompare(b.as_of));
  const width = layout.width;
  const height = layout.narrow ? reportedDefaults.height.narrow : reportedDefaults.height.wide;
  const {top, right, bottom} = reportedDefaults.margin;
  const yMax = Math.max(...claims.map((c) => c.upper ?? c.value)) * 1.3;
  // The value axis is written inside the plot, above its grid lines, to leave a phone its width.
  const left = 0;
  const yTicks = scaleLinear().domain([0, yMax]).ticks(4);
  const unitsPerPx = yMax / (height - top - bottom);
  const times = claims.map((c) => +dateOf(c));
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const pad = Math.max(day, (t1 - t0) * 0.08);
  // Whole days, as few as fit: a tick label ("10 Mar 2022") needs about 90 px.
  const every = Math.max(
    1,
    Math.ceil((t1 - t0 + 2 * pad) / day / Math.max(1, Math.floor((width - left - right) / 90)))
  );
  const msPerPx = (t1 - t0 + 2 * pad) / (width - left - right);
  // A tick's label is centred on it: leave out ticks whose label would cross the chart's edge.
  const xTicks = utcDay
    .range(new Date(t0 - pad), new Date(t1 + pad + 1))
    .filter((_, i) => i % every === 0)
    .filter((d) => {
      const x = left + (+d - (t0 - pad)) / msPerPx;
      return x - 36 >= 0 && x + 36 <= width;
    });
  const points = claims.map((claim) => ({claim, date: dateOf(claim), value: claim.value, bound: boundOf(claim)}));
  type P = (typeof points)[number];
  const fades = points.flatMap((p) =>
    p.bound === "lower" || p.bound === "upper"
      ? fadeSteps.map((opacity, i) => {
          const sign = p.bound === "lower" ? 1 : -1;
          const step = (reportedDefaults.fade / fadeSteps.length) * unitsPerPx;
          const a = p.value + sign * (reportedDefaults.dot + 1) * unitsPerPx + sign * i * step;
          return {date: p.date, y1: a, y2: a + sign * step, opacity};
        })
      : []
  );
  const ranges = points.filter((p) => p.bound === "range");
  const claimsById = new Map(data.claims.map((c) => [c.id, c]));
  const geometry = (scales: {x?: (v: Date) => number; y?: (v: number) => number}): ChartGeometry => {
    const x = scales.x!;
    const y = scales.y!;
    const obstacles: Box[] = yTicks.map((t) => {
      const h = fontSizes.small * 1.25;
      return {x: left, y: y(t) - 7 - h / 2, width: textWidth(grouped.format(t), fontSizes.small) + 2, height: h};
    });
    const labels: LabelRequest[] = [];
    for (const {claim, date, value} of points) {
      const at = {x: x(date), y: y(value)};
      const r = reportedDefaults.dot + 2;
      obstacles.push({x: at.x - r, y: at.y - r, width: 2 * r, height: 2 * r});
      const b = boundOf(claim);
      if (b === "lower")
        obstacles.push({x: at.x - 2, y: at.y - reportedDefaults.fade - r, width: 4, height: reportedDefaults.fade});
      if (b === "upper") obstacles.push({x: at.x - 2, y: at.y + r, width: 4, height: reportedDefaults.fade});
      const lines = [{text: claim.label, bold: true}, {text: claim.attribution || "not attributed in the source"}];
      labels.push({
        key: `claim:${claim.id}`,
        lines,
        anchor: at,
        fontSize: layout.fontSize,
        gap: 6,
        className: "kit-value"
      });
    }
    return {
      frame: {x: left, y: top, width: width - left - right, height: height - top - bottom},
      obstacles,
      labels,
      anchor: (on) => {
        const p = points.find((q) => q.claim.id === on.claim);
        if (p) return {x: x(p.date), y: y(p.value)};
        if (on.point && typeof on.point[0] === "string")
          return {x: x(new Date(`${on.point[0]}T00:00:00Z`)), y: y(on.point[1])};
        return null;
      }
    };
  };
  // No legend and no caption: Plot returns its <svg>.
  return Plot.plot({
    document,
    width,
    height,
    marginTop: top,
    marginRight: right,
    marginBottom: bottom,
    marginLeft: left,
    x: {type: "utc", domain: [new Date(t0 - pad), new Date(t1 + pad)]},
    y: {domain: [0, yMax], axis: null},
    opacity: {type: "identity"},
    marks: [
      Plot.gridY(yTicks, {strokeOpacity: 0.12}),
      Plot.text(yTicks, {
        y: (d: number) => d,
        frameAnchor: "left",
        text: (d: number) => grouped.format(d),
        textAnchor: "start",
        dy: -7,
        fontSize: fontSizes.small
      }),
      Plot.axisX({
        ticks: xTicks,
        tickFormat: (d: Date, i: number) => (i === 0 ? withYear : dayMonth)(d),
        label: null,
        fontSize: fontSizes.small
      }),
      Plot.ruleY([0], {strokeOpacity: 0.5}),
      Plot.line(points, {x: "date", y: "value", strokeOpacity: 0.35, strokeWidth: 1.5}),
      Plot.ruleX(fades, {
        x: "date",
        y1: "y1",
        y2: "y2",
        stroke: accent,
        strokeWidth: 3,
        strokeOpacity: "opacity",
        className: "kit-accent-stroke"
      }),
      Plot.ruleX(ranges, {
        x: "date",
        y1: (p: P) => p.claim.lower,
        y2: (p: P) => p.claim.upper,
        stroke: accent,
        strokeWidth: 2,
        className: "kit-accent-stroke"
      }),
      Plot.link(
        ranges.flatMap((p) => [p.claim.lower!, p.claim.upper!].map((value) => ({date: +p.date, value}))),
        {
          x1: (d) => new Date(d.date - 5 * msPerPx),
          x2: (d) => new Date(d.date + 5 * msPerPx),
          y1: "value",
          y2: "value",
          stroke: accent,
          strokeWidth: 2,
          className: "kit-accent-stroke"
        }
      ),
      Plot.dot(
        points.filter((p) => p.bound !== "approximate"),
        {x: "date", y: "value", r: reportedDefaults.dot, fill: accent, className: "kit-accent"}
      ),
      Plot.dot(
        points.filter((p) => p.bound === "approximate"),
        {
          x: "date",
          y: "value",
          r: reportedDefaults.dot + 1,
          stroke: accent,
          strokeWidth: 1.5,
          strokeDasharray: "2.5 2",
          className: "kit-accent-stroke"
        }
      ),
      labelsMark(geometry as never, spec.annotations ?? [], layout, claimsById)
    ]
  }) as SVGSVGElement;
}
