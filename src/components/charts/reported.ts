/**
 * `reported`: the claims a spec names, all of one measure, over their `as_of` dates, so that a
 * story gathering several sources shows how a reported figure moved. Figures of one date are one
 * group: one mark per distinct figure, one label naming the sources ("3 sources: …"), never marks
 * stacked on marks. A lower bound fades upwards from its point, an upper bound downwards, an
 * approximation is a hollow dashed point, a range a line between two ticks. A line joins only
 * figures that count the same way (from the same source), and the key says so. When the labels do
 * not fit around the marks (many dates on a phone), they are listed under the plot by date instead.
 */
import * as Plot from "@observablehq/plot";
import {scaleLinear, scaleUtc, utcDay, utcFormat} from "d3";
import {z} from "zod";
import type {Claim} from "../claim.ts";
import {cite, formatDate, listOf, textWidth, wrapText} from "../chart-text.js";
import {annotationRequests, labelsMark, placeLabels, withMovedLabels} from "../annotations.js";
import {claimIds, commonFields, unitName} from "./common.js";
import {defineChartType} from "./types.js";
import {boundOf, fadeSteps, swatchKit} from "./qualifiers.js";
import {asMark, fontSizes, lineHeight, paletteOf, plotFill, plotStroke, strokeOf, svgElement} from "./style.js";
import type {
  Box,
  ChartData,
  ChartGeometry,
  ChartLayout,
  KeyBound,
  KeyLine,
  LabelRequest,
  Palette,
  Point
} from "./types.ts";

const schema = z.strictObject({
  type: z.literal("reported"),
  ...commonFields,
  claims: claimIds("the claims drawn over their as_of dates, all of one measure (1 to 40)", 40),
  line: z
    .enum(["same-source", "none"])
    .optional()
    .describe("join figures from the same source, which count the same way (default), or none")
});

/** A reported chart's spec. */
export type ReportedSpec = z.infer<typeof schema>;

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
const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** One mark: the figures of one date that say the same thing. */
interface Mark {
  date: Date;
  claims: Claim[];
  claim: Claim;
}

/** The figures of one date: their marks and the one label that names them. */
export interface DateGroup {
  date: Date;
  claims: Claim[];
  marks: Mark[];
}

/** A line joining the figures of one source over time. */
export interface Series {
  attribution: string;
  points: Claim[];
}

/** The claims grouped by date, in date order; within a date, one mark per distinct figure. */
export function dateGroups(claims: readonly Claim[]): DateGroup[] {
  const byDate = new Map<string, Claim[]>();
  for (const c of [...claims].sort((a, b) => a.as_of.localeCompare(b.as_of)))
    byDate.set(c.as_of, [...(byDate.get(c.as_of) ?? []), c]);
  return [...byDate].map(([iso, here]) => {
    const marks = new Map<string, Claim[]>();
    for (const c of here) {
      const key = `${c.value}|${c.lower}|${c.upper}|${boundOf(c)}`;
      marks.set(key, [...(marks.get(key) ?? []), c]);
    }
    const date = dateOf(iso);
    return {date, claims: here, marks: [...marks.values()].map((cs) => ({date, claims: cs, claim: cs[0]}))};
  });
}

/**
 * The lines: one per source (attribution) with figures on two dates or more, which count the same
 * way; the sources with most figures first, as many as the palette has colours (`max`).
 */
export function seriesOf(
  spec: Pick<ReportedSpec, "line" | "colors">,
  claims: readonly Claim[],
  max = paletteOf(spec).series.length
): Series[] {
  if (spec.line === "none") return [];
  const byWho = new Map<string, Map<string, Claim>>();
  for (const c of [...claims].sort((a, b) => a.as_of.localeCompare(b.as_of))) {
    if (!c.attribution) continue;
    const dates = byWho.get(c.attribution) ?? new Map<string, Claim>();
    if (!dates.has(c.as_of)) dates.set(c.as_of, c);
    byWho.set(c.attribution, dates);
  }
  return [...byWho]
    .filter(([, dates]) => dates.size > 1)
    .map(([attribution, dates]) => ({attribution, points: [...dates.values()]}))
    .sort((a, b) => b.points.length - a.points.length)
    .slice(0, max);
}

const middle = (c: Claim) => (c.lower !== null && c.upper !== null ? (c.lower + c.upper) / 2 : c.value);

/** The lines of a group's label. */
function groupLines(group: DateGroup, layout: ChartLayout): LabelRequest["lines"] {
  const wrap = (text: string) => wrapText(text, layout.labelWidth, layout.fontSize).map((t) => ({text: t}));
  const who = (c: Claim) => c.attribution || "not attributed";
  if (group.claims.length === 1) return [{text: group.claims[0].label, bold: true}, ...wrap(who(group.claims[0]))];
  const n = group.claims.length;
  if (group.marks.length === 1) {
    return [{text: group.claims[0].label, bold: true}, ...wrap(`${n} sources: ${group.claims.map(who).join("; ")}`)];
  }
  return [{text: `${n} sources`, bold: true}, ...group.claims.flatMap((c) => wrap(`${c.label}, ${who(c)}`))];
}

/** The lines listing every date's figures under the plot, when the labels do not fit around the marks. */
function listLines(groups: readonly DateGroup[], layout: ChartLayout): string[] {
  return groups.flatMap((g) => {
    const what = g.claims.map((c) => `${c.label} (${c.attribution || "not attributed"})`).join("; ");
    return wrapText(`${formatDate(g.date.toISOString().slice(0, 10))}: ${what}`, layout.width, fontSizes.small);
  });
}

/** Draws a reported-over-time chart at the layout's width; returns Plot's SVG. */
function draw(spec: ReportedSpec, data: ChartData, layout: ChartLayout, document: Document): SVGSVGElement {
  const claimsById = new Map(data.claims.map((c) => [c.id, c]));
  const claims = drawn(spec, claimsById);
  const groups = dateGroups(claims);
  const series = seriesOf(spec, claims);
  const marks = groups.flatMap((g) => g.marks);
  const width = layout.width;
  const {top, right, bottom} = reportedDefaults.margin;
  const yMax = Math.max(...claims.map((c) => c.upper ?? c.value)) * 1.3;
  const yTicks = scaleLinear().domain([0, yMax]).ticks(4);
  // The value axis is written above its grid lines at the left; the dates start right of it.
  const left = Math.ceil(Math.max(...yTicks.map((t) => textWidth(grouped.format(t), fontSizes.small))) + 8);
  const times = groups.map((g) => +g.date);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const pad = Math.max(day, (t1 - t0) * 0.08);
  const domain = [new Date(t0 - pad), new Date(t1 + pad)];
  const msPerPx = (t1 - t0 + 2 * pad) / (width - left - right);
  // Whole days, as few as fit: a tick label ("10 Mar 2022") needs about 90 px; none may cross an edge.
  const every = Math.max(
    1,
    Math.ceil((t1 - t0 + 2 * pad) / day / Math.max(1, Math.floor((width - left - right) / 90)))
  );
  const xTicks = utcDay
    .range(domain[0], new Date(t1 + pad + 1))
    .filter((_, i) => i % every === 0)
    .filter((d) => {
      const x = left + (+d - (t0 - pad)) / msPerPx;
      return x - 36 >= 0 && x + 36 <= width;
    });

  const geometryAt =
    (height: number, labelled: boolean) =>
    (scales: {x?: (v: Date) => number; y?: (v: number) => number}): ChartGeometry => {
      const x = scales.x!;
      const y = scales.y!;
      const obstacles: Box[] = yTicks.map((t) => {
        const h = fontSizes.small * lineHeight;
        return {x: 0, y: y(t) - 7 - h / 2, width: textWidth(grouped.format(t), fontSizes.small) + 2, height: h};
      });
      const r = reportedDefaults.dot + 2;
      for (const m of marks) {
        const at = {x: x(m.date), y: y(m.claim.value)};
        const b = boundOf(m.claim);
        if (b === "range") {
          const [y1, y2] = [y(m.claim.upper!), y(m.claim.lower!)];
          obstacles.push({x: at.x - 7, y: y1 - 2, width: 14, height: y2 - y1 + 4});
        } else obstacles.push({x: at.x - r, y: at.y - r, width: 2 * r, height: 2 * r});
        if (b === "lower")
          obstacles.push({x: at.x - 2, y: at.y - reportedDefaults.fade - r, width: 4, height: reportedDefaults.fade});
        if (b === "upper") obstacles.push({x: at.x - 2, y: at.y + r, width: 4, height: reportedDefaults.fade});
      }
      const segments: [Point, Point][] = series.flatMap((s) =>
        s.points.slice(1).map((c, i): [Point, Point] => {
          const p = s.points[i];
          return [
            {x: x(dateOf(p.as_of)), y: y(middle(p))},
            {x: x(dateOf(c.as_of)), y: y(middle(c))}
          ];
        })
      );
      const labels: LabelRequest[] = labelled
        ? groups.map((g) => {
            const topMark = g.marks.reduce((a, b) =>
              (b.claim.upper ?? b.claim.value) > (a.claim.upper ?? a.claim.value) ? b : a
            );
            return {
              key: `claim:${g.claims[0].id}`,
              lines: groupLines(g, layout),
              anchor: {x: x(g.date), y: y(topMark.claim.upper ?? topMark.claim.value)},
              fontSize: layout.fontSize,
              gap: 8,
              className: "kit-value"
            };
          })
        : [];
      return {
        frame: {x: 0, y: top, width: width - right, height: height - top - bottom},
        obstacles,
        segments,
        labels,
        anchor: (on) => {
          const m = marks.find((q) => q.claims.some((c) => c.id === on.claim));
          if (m) return {x: x(m.date), y: y(m.claim.value)};
          if (on.point && typeof on.point[0] === "string") return {x: x(dateOf(on.point[0])), y: y(on.point[1])};
          return null;
        }
      };
    };

  // Labels around the marks if they all find a clear place at some height; else a list by date.
  const base = layout.narrow ? reportedDefaults.height.narrow : reportedDefaults.height.wide;
  let height = base;
  let labelled = false;
  for (const h of [base, Math.round(base * 1.35), Math.round(base * 1.7)]) {
    const scales = {
      x: scaleUtc()
        .domain(domain)
        .range([left, width - right]),
      y: scaleLinear()
        .domain([0, yMax])
        .range([h - bottom, top])
    };
    const geometry = geometryAt(h, true)(scales);
    const requests = [
      ...withMovedLabels(geometry.labels, spec),
      ...annotationRequests(spec.annotations ?? [], geometry, layout, claimsById)
    ];
    const placed = placeLabels(requests, geometry.obstacles, geometry.frame, geometry.segments);
    if (placed.every((p) => p.clear)) {
      height = h;
      labelled = true;
      break;
    }
  }
  const list = labelled ? [] : listLines(groups, layout);
  const listTop = height + 6;
  const total = labelled ? height : Math.ceil(listTop + list.length * fontSizes.small * lineHeight + 2);
  const {palette} = layout;
  const fades = marks.flatMap((m) => {
    const bound = boundOf(m.claim);
    if (bound !== "lower" && bound !== "upper") return [];
    const unitsPerPx = yMax / (height - top - bottom);
    const sign = bound === "lower" ? 1 : -1;
    const step = (reportedDefaults.fade / fadeSteps.length) * unitsPerPx;
    return fadeSteps.map((opacity, i) => {
      const a = m.claim.value + sign * (reportedDefaults.dot + 1) * unitsPerPx + sign * i * step;
      return {date: m.date, y1: a, y2: a + sign * step, opacity};
    });
  });
  const ranges = marks.filter((m) => boundOf(m.claim) === "range");
  const listMark: Plot.RenderFunction = (_i, _s, _v, _d, context) => {
    const g = svgElement(context.document, "g", {class: "kit-list"});
    const text = svgElement(context.document, "text", {"font-size": fontSizes.small, "text-anchor": "start"});
    list.forEach((line, i) => {
      const tspan = svgElement(context.document, "tspan", {
        x: 0,
        y: listTop + fontSizes.small * (0.95 + i * lineHeight)
      });
      tspan.textContent = line;
      text.append(tspan);
    });
    g.append(text);
    return g;
  };
  // No legend and no caption: Plot returns its <svg>.
  return Plot.plot({
    document,
    width,
    height: total,
    marginTop: top,
    marginRight: right,
    marginBottom: bottom + (total - height),
    marginLeft: left,
    x: {type: "utc", domain},
    y: {domain: [0, yMax], axis: null},
    opacity: {type: "identity"},
    marks: [
      Plot.ruleY(yTicks, {x1: domain[0], x2: domain[1], dx: 0, strokeOpacity: 0.12, insetLeft: -left}),
      Plot.text(yTicks, {
        y: (d: number) => d,
        x: () => domain[0],
        dx: -left,
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
      ...series.map((s, i) =>
        Plot.line(
          s.points.map((c) => ({date: dateOf(c.as_of), value: middle(c)})),
          {x: "date", y: "value", ...asMark(plotStroke(palette, i)), strokeOpacity: 0.55, strokeWidth: 1.5}
        )
      ),
      Plot.ruleX(fades, {
        x: "date",
        y1: "y1",
        y2: "y2",
        ...asMark(plotStroke(palette)),
        strokeWidth: 3,
        strokeOpacity: "opacity"
      }),
      Plot.ruleX(ranges, {
        x: "date",
        y1: (m: Mark) => m.claim.lower,
        y2: (m: Mark) => m.claim.upper,
        ...asMark(plotStroke(palette)),
        strokeWidth: 2
      }),
      Plot.link(
        ranges.flatMap((m) => [m.claim.lower!, m.claim.upper!].map((value) => ({date: +m.date, value}))),
        {
          x1: (d) => new Date(d.date - 5 * msPerPx),
          x2: (d) => new Date(d.date + 5 * msPerPx),
          y1: "value",
          y2: "value",
          ...asMark(plotStroke(palette)),
          strokeWidth: 2
        }
      ),
      Plot.dot(
        marks.filter((m) => !["approximate", "range"].includes(boundOf(m.claim))),
        {x: "date", y: (m: Mark) => m.claim.value, r: reportedDefaults.dot, ...asMark(plotFill(palette))}
      ),
      Plot.dot(
        marks.filter((m) => boundOf(m.claim) === "approximate"),
        {
          x: "date",
          y: (m: Mark) => m.claim.value,
          r: reportedDefaults.dot + 1,
          ...asMark(plotStroke(palette)),
          strokeWidth: 1.5,
          strokeDasharray: "2.5 2"
        }
      ),
      labelsMark(geometryAt(height, labelled) as never, spec, layout, claimsById),
      ...(list.length ? [listMark] : [])
    ]
  }) as SVGSVGElement;
}

function drawn(spec: ReportedSpec, claims: ReadonlyMap<string, Claim>): Claim[] {
  return spec.claims.flatMap((id) => claims.get(id) ?? []);
}

function swatch(document: Document, bound: KeyBound, palette: Palette): SVGGElement {
  const {g, fill, stroke, add} = swatchKit(document, palette);
  const cy = bound === "lower" ? 9 : bound === "upper" ? 3 : 6;
  if (bound === "lower" || bound === "upper") {
    fadeSteps.forEach((o, i) =>
      add("rect", {
        ...fill,
        x: 10,
        y: bound === "lower" ? 4.5 - (i + 1) * 1.5 : 7.5 + i * 1.5,
        width: 2,
        height: 1.5,
        "fill-opacity": o
      })
    );
  }
  if (bound === "range") add("path", {...stroke, d: "M8,0.5H14M11,0.5V11.5M8,11.5H14", "stroke-width": 1.5});
  else if (bound === "approximate")
    add("circle", {...stroke, cx: 11, cy, r: 4, "stroke-width": 1.5, "stroke-dasharray": "2.5 2"});
  else add("circle", {...fill, cx: 11, cy, r: 3});
  return g;
}

/** The reported-over-time chart type. */
export const reported = defineChartType({
  type: "reported",
  schema,
  anchors: {place: false, point: "date"},
  fromZero: true,
  drawn,
  check(spec, data, shown, fail) {
    const first = shown[0];
    if (!first) return;
    spec.claims.forEach((id, i) => {
      const claim = data.claims.find((c) => c.id === id);
      if (claim && claim.measure !== first.measure) {
        fail(
          "MIXED_MEASURES",
          `claims[${i}]`,
          `claim "${id}" measures "${claim.measure}", not "${first.measure}" like "${first.id}": a reported chart draws one measure`
        );
      } else if (claim && claim.unit !== first.unit) {
        fail(
          "MIXED_UNITS",
          `claims[${i}]`,
          `claim "${id}" is ${unitName(claim.unit)}, "${first.id}" ${unitName(first.unit)}: a reported chart draws one unit`
        );
      }
    });
  },
  draw,
  alt(spec, shown) {
    const groups = dateGroups(shown);
    const dates = groups.map((g) => formatDate(g.claims[0].as_of));
    const span = dates.length > 1 ? `from ${dates[0]} to ${dates.at(-1)}` : `on ${dates[0] ?? "no date"}`;
    const sources = shown.length === 1 ? "one source" : `${shown.length} sources`;
    const sentences = [
      `Chart of ${shown[0]?.measure ?? "figures"} as reported by ${sources} on ${groups.length === 1 ? "one date" : `${groups.length} dates`}, ${span}.`
    ];
    for (const g of groups) {
      const what = g.claims.map((c) => `${c.label} (${c.attribution || "not attributed"}, via ${cite(c)})`);
      sentences.push(`${formatDate(g.claims[0].as_of)}: ${what.join("; ")}.`);
    }
    const series = seriesOf(spec, shown);
    if (series.length) sentences.push(lineNote(series));
    return sentences;
  },
  key: {
    lower: "Fading line up from a point: a lower bound; the true number is higher",
    upper: "Fading line down from a point: an upper bound; the true number may be lower",
    approximate: "Hollow, dashed point: an approximate figure",
    range: "Line between two ticks: a range"
  },
  swatch,
  extraKey(spec, shown, layout, document): KeyLine[] {
    const series = seriesOf(spec, shown);
    return series.map((s, i) => {
      const {g, add} = swatchKit(document, layout.palette);
      add("path", {...strokeOf(layout.palette, i), d: "M0,6H22", "stroke-width": 1.5});
      const last = i === series.length - 1;
      return {
        swatch: g,
        text: `Line: figures from ${s.attribution}, which count the same way${last ? "; figures from different sources are not joined" : ""}`
      };
    });
  },
  keyClaim: (_spec, shown) => [...shown].sort((a, b) => a.as_of.localeCompare(b.as_of)).at(-1)
});

/** The sentence of the alt text about the lines. */
function lineNote(series: readonly Series[]): string {
  return `A line joins the figures of ${listOf(series.map((s) => s.attribution))}, each counting the same way; figures from different sources are not joined.`;
}
