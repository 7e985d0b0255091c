/**
 * Labels and annotations: text anchored to a claim, a place or a data point, with an offset and
 * an optional connector arrow, placed so that no two labels overlap each other or the marks.
 * Placement is computed, not measured: text widths come from `textWidth` (DejaVu Sans, wider
 * than common system fonts), so Node and the browser lay a chart out the same way.
 */
import type {RenderFunction} from "@observablehq/plot";
import type {Claim} from "./claim.ts";
import type {Annotation} from "./chart-spec.ts";
import {resolveText, textWidth, wrapText} from "./chart-text.js";
import type {Box, ChartGeometry, ChartLayout, LabelRequest, PlacedLabel, Point} from "./charts/types.ts";
import {accent, lineHeight, svgElement} from "./charts/style.js";

/** Space kept left and right of every label, px; line boxes (1.25 em) already space them vertically. */
const padding = 2;

/** The eight directions tried, right first (the way a reader's eye moves), then left, above, below, diagonals. */
export const allDirections: readonly Point[] = [
  {x: 1, y: 0},
  {x: -1, y: 0},
  {x: 0, y: -1},
  {x: 0, y: 1},
  {x: 1, y: -1},
  {x: -1, y: -1},
  {x: 1, y: 1},
  {x: -1, y: 1}
];

/** The size of a label's text block, px. */
export function labelSize({lines, fontSize}: Pick<LabelRequest, "lines" | "fontSize">): {
  width: number;
  height: number;
} {
  const width = Math.max(...lines.map((l) => textWidth(l.text, fontSize, l.bold)));
  return {width: Math.ceil(width), height: Math.ceil(lines.length * fontSize * lineHeight)};
}

/** The area two boxes share, after growing the first by `pad` left and right. */
export function overlap(a: Box, b: Box, pad = 0): number {
  const w = Math.min(a.x + a.width + pad, b.x + b.width) - Math.max(a.x - pad, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clampInto(box: Box, frame: Box): Box {
  const x = Math.max(frame.x, Math.min(box.x, frame.x + frame.width - box.width));
  const y = Math.max(frame.y, Math.min(box.y, frame.y + frame.height - box.height));
  return {...box, x, y};
}

function candidates(request: LabelRequest, size: {width: number; height: number}): Point[] {
  const {anchor, preferred, gap = 4} = request;
  const centres: Point[] = [];
  if (preferred) centres.push({x: anchor.x + preferred.x, y: anchor.y + preferred.y});
  for (const o of request.offsets ?? []) centres.push({x: anchor.x + o.x, y: anchor.y + o.y});
  // Around the anchor, further and further out; above and below, also slid sideways, and beside,
  // also slid up and down, so that a crowded chart still finds a gap.
  const slides = [0, -0.5, 0.5, -1, 1];
  for (const extra of [0, 8, 18, 32, 50, 75, 110]) {
    for (const slide of slides) {
      for (const d of request.directions ?? allDirections) {
        if (slide !== 0 && d.x !== 0 && d.y !== 0) continue;
        const r = gap + extra;
        const x = anchor.x + d.x * (size.width / 2 + r) + (d.x === 0 ? slide * size.width * 0.5 : 0);
        const y = anchor.y + d.y * (size.height / 2 + r) + (d.y === 0 ? slide * size.height : 0);
        centres.push({x, y});
      }
    }
  }
  return centres;
}

function nearestOnBox(box: Box, p: Point): Point {
  return {x: Math.max(box.x, Math.min(p.x, box.x + box.width)), y: Math.max(box.y, Math.min(p.y, box.y + box.height))};
}

/**
 * Places labels in order: each takes its first candidate position that stays inside the frame and
 * clear of the obstacles and of the labels placed before it; when none is clear, the least-bad one.
 * A label whose box ends up away from its anchor gets a connector (an arrow when asked for).
 */
export function placeLabels(requests: readonly LabelRequest[], obstacles: readonly Box[], frame: Box): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  for (const request of requests) {
    const size = labelSize(request);
    const gap = request.gap ?? 4;
    let best: {box: Box; cost: number} | null = null;
    for (const centre of candidates(request, size)) {
      const box = clampInto({x: centre.x - size.width / 2, y: centre.y - size.height / 2, ...size}, frame);
      let cost = 0;
      for (const o of obstacles) cost += overlap(box, o, padding);
      for (const p of placed) cost += overlap(box, p.box, padding) * 4;
      cost += Math.max(0, size.width - frame.width) * size.height;
      if (!best || cost < best.cost) best = {box, cost};
      if (cost === 0) break;
    }
    if (request.optional && best!.cost > 0) continue;
    const box = best!.box;
    const centre = {x: box.x + box.width / 2, y: box.y + box.height / 2};
    const from = nearestOnBox(box, request.anchor);
    const distance = Math.hypot(from.x - request.anchor.x, from.y - request.anchor.y);
    let connector: PlacedLabel["connector"] = null;
    if (((request.arrow || request.leader) && distance > 6) || distance > gap + 14) {
      const k = Math.max(0, (distance - 3) / distance);
      const to = {x: from.x + (request.anchor.x - from.x) * k, y: from.y + (request.anchor.y - from.y) * k};
      connector = {from, to, arrow: request.arrow ?? false};
    }
    const align =
      request.align ??
      (centre.x > request.anchor.x + size.width / 4
        ? "start"
        : centre.x < request.anchor.x - size.width / 4
          ? "end"
          : "middle");
    placed.push({...request, box, align, connector, clear: best!.cost === 0});
  }
  return placed;
}

/** Draws placed labels: a `<g class="kit-labels">` of connectors and text blocks with a halo. */
export function drawLabels(document: Document, labels: readonly PlacedLabel[]): SVGGElement {
  const g = svgElement(document, "g", {class: "kit-labels"});
  for (const label of labels) {
    const {box, connector, fontSize, align} = label;
    const group = svgElement(document, "g", {
      class: ["kit-label", label.className].filter(Boolean).join(" "),
      "data-key": label.key,
      "data-annotations": label.annotations?.join(" "),
      // No position free of overlaps was found: the CLI warns, the editor can flag the label.
      "data-overlaps": label.clear ? undefined : "true"
    });
    if (connector) {
      const {from, to} = connector;
      group.append(
        svgElement(document, "path", {
          class: "kit-connector",
          d: `M${r(from.x)},${r(from.y)}L${r(to.x)},${r(to.y)}`,
          stroke: "currentColor",
          "stroke-opacity": 0.6,
          fill: "none"
        })
      );
      if (connector.arrow) group.append(arrowhead(document, from, to));
    }
    const x = align === "start" ? box.x : align === "end" ? box.x + box.width : box.x + box.width / 2;
    const muted = label.className === "kit-country";
    const text = svgElement(document, "text", {
      "font-size": fontSize,
      "text-anchor": align,
      "fill-opacity": muted ? 0.65 : undefined,
      "font-style": muted ? "italic" : undefined
    });
    label.lines.forEach((line, i) => {
      const tspan = svgElement(document, "tspan", {
        x,
        y: box.y + fontSize * (0.95 + i * lineHeight),
        "font-weight": line.bold ? "bold" : undefined,
        class: line.className
      });
      if (line.className === "kit-accent-text") tspan.setAttribute("fill", accent);
      tspan.textContent = line.text;
      text.append(tspan);
    });
    group.append(text);
    g.append(group);
  }
  return g;
}

const r = (x: number) => Math.round(x * 10) / 10;

function arrowhead(document: Document, from: Point, to: Point): SVGPathElement {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const side = (a: number) => `${r(to.x - 6 * Math.cos(angle + a))},${r(to.y - 6 * Math.sin(angle + a))}`;
  return svgElement(document, "path", {
    class: "kit-arrowhead",
    d: `M${side(0.45)}L${r(to.x)},${r(to.y)}L${side(-0.45)}`,
    stroke: "currentColor",
    "stroke-opacity": 0.6,
    fill: "none"
  });
}

/** The height to keep free beside a mark for the annotations on a claim, so that they fit without overlapping. */
export function annotationRoom(
  annotations: readonly Annotation[],
  claimId: string,
  layout: ChartLayout,
  claims: ReadonlyMap<string, Claim>
): number {
  return annotations
    .filter((a) => a.on.claim === claimId)
    .reduce((h, a) => {
      const lines = wrapText(resolveText(a.text, claims), layout.labelWidth, layout.fontSize).length;
      return h + Math.ceil(lines * layout.fontSize * lineHeight) + (a.arrow ? 18 : 8);
    }, 0);
}

/** The label requests for a spec's annotations, wrapped to the layout's label width, with placeholders resolved. */
export function annotationRequests(
  annotations: readonly Annotation[],
  geometry: ChartGeometry,
  layout: ChartLayout,
  claims: ReadonlyMap<string, Claim>,
  skip: ReadonlySet<number> = new Set()
): LabelRequest[] {
  return annotations.flatMap((annotation, i) => {
    if (skip.has(i)) return [];
    const anchor = geometry.anchor(annotation.on);
    if (!anchor) throw new Error(`annotations[${i}].on points at nothing drawn on this chart`);
    const text = resolveText(annotation.text, claims);
    const hasOffset = annotation.dx !== undefined || annotation.dy !== undefined;
    return {
      key: `annotation:${i}`,
      lines: wrapText(text, layout.labelWidth, layout.fontSize).map((t) => ({text: t})),
      anchor,
      fontSize: layout.fontSize,
      preferred: hasOffset ? {x: annotation.dx ?? 0, y: annotation.dy ?? 0} : undefined,
      gap: annotation.arrow ? 16 : 6,
      arrow: annotation.arrow,
      className: "kit-annotation"
    };
  });
}

/**
 * A Plot render function that places the chart's own labels, then its annotations, and draws them
 * above every other mark. `geometryOf` reads the plot's scales to say where the marks are; `skip`
 * lists annotations the chart type has already drawn inside its own labels.
 */
export function labelsMark(
  geometryOf: (scales: Parameters<RenderFunction>[1]) => ChartGeometry,
  annotations: readonly Annotation[],
  layout: ChartLayout,
  claims: ReadonlyMap<string, Claim>,
  skip: ReadonlySet<number> = new Set()
): RenderFunction {
  return (_index, scales, _values, _dimensions, context) => {
    const geometry = geometryOf(scales);
    const requests = [...geometry.labels, ...annotationRequests(annotations, geometry, layout, claims, skip)];
    const placed = placeLabels(requests, geometry.obstacles, geometry.frame);
    layout.onLabels?.(placed);
    return drawLabels(context.document, placed);
  };
}
