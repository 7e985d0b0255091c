/**
 * Labels and annotations: text anchored to a claim, a place or a data point, with an offset and
 * an optional connector arrow, placed so that no label overlaps another label, a mark or a
 * connector, and no connector crosses a label. Placement is computed, not measured: text widths
 * come from `textWidth` (DejaVu Sans, wider than common system fonts), so Node and the browser lay
 * a chart out the same way. A grid index keeps placement near-linear in the number of labels.
 */
import type {RenderFunction} from "@observablehq/plot";
import type {Claim} from "./claim.ts";
import type {Annotation, CommonSpec} from "./charts/common.ts";
import {resolveText, textWidth, wrapText} from "./chart-text.js";
import {BoxIndex, contains, grow, overlap, segmentBox, segmentInBox} from "./charts/geometry.js";
import type {Box, ChartGeometry, ChartLayout, LabelRequest, PlacedLabel, Point} from "./charts/types.ts";
import {lineHeight, svgElement} from "./charts/style.js";

export {overlap} from "./charts/geometry.js";

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

function clampInto(box: Box, frame: Box): Box {
  const x = Math.max(frame.x, Math.min(box.x, frame.x + frame.width - box.width));
  const y = Math.max(frame.y, Math.min(box.y, frame.y + frame.height - box.height));
  return {...box, x, y};
}

function inside(box: Box, frame: Box): boolean {
  return (
    box.x >= frame.x - 0.5 &&
    box.y >= frame.y - 0.5 &&
    box.x + box.width <= frame.x + frame.width + 0.5 &&
    box.y + box.height <= frame.y + frame.height + 0.5
  );
}

function covers(outer: Box, inner: Box): boolean {
  return inside(inner, outer);
}

function candidates(request: LabelRequest, size: {width: number; height: number}): Point[] {
  const {anchor, preferred, gap = 4} = request;
  const centres: Point[] = [];
  if (preferred) centres.push({x: anchor.x + preferred.x, y: anchor.y + preferred.y});
  for (const o of request.offsets ?? []) centres.push({x: anchor.x + o.x, y: anchor.y + o.y});
  // Around the anchor, further and further out; above and below, also slid sideways, and beside,
  // also slid up and down, so that a crowded chart still finds a gap.
  const slides = [0, -0.25, 0.25, -0.5, 0.5, -0.75, 0.75, -1, 1];
  for (const extra of [0, 8, 18, 32, 50, 75, 110, 150]) {
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

/** The connector a label at `box` gets to its anchor, or null when it sits close enough to need none. */
function connectorFor(request: LabelRequest, box: Box): PlacedLabel["connector"] {
  const from = nearestOnBox(box, request.anchor);
  const distance = Math.hypot(from.x - request.anchor.x, from.y - request.anchor.y);
  const gap = request.gap ?? 4;
  if (request.leader === false && !request.arrow) return null;
  if (!(((request.arrow || request.leader) && distance > 6) || distance > gap + 14)) return null;
  // The line stops short of the anchor, so that it points at the mark without covering it.
  const k = Math.max(0, (distance - 3) / distance);
  const to = {x: from.x + (request.anchor.x - from.x) * k, y: from.y + (request.anchor.y - from.y) * k};
  return {from, to, arrow: request.arrow ?? false};
}

/** How a label's lines align: as the request says, else from the side of its anchor it ends up on. */
function alignOf(request: LabelRequest, box: Box, size: {width: number}): PlacedLabel["align"] {
  if (request.align) return request.align;
  const centre = box.x + box.width / 2;
  return centre > request.anchor.x + size.width / 4
    ? "start"
    : centre < request.anchor.x - size.width / 4
      ? "end"
      : "middle";
}

/**
 * The box of each line of a label as `drawLabels` sets it and the layout check measures it: its own
 * width, aligned in the label's box, from 0.93 em above its baseline to 0.24 em below.
 */
export function lineBoxes(
  request: Pick<LabelRequest, "lines" | "fontSize">,
  box: Box,
  align: PlacedLabel["align"]
): Box[] {
  const {fontSize} = request;
  return request.lines.map((line, i) => {
    const width = textWidth(line.text, fontSize, line.bold);
    const x = align === "start" ? box.x : align === "end" ? box.x + box.width - width : box.x + (box.width - width) / 2;
    return {x, y: box.y + fontSize * (0.95 + i * lineHeight - 0.93), width, height: 1.17 * fontSize};
  });
}

type Entry =
  | {kind: "obstacle"}
  | {kind: "label"; label: PlacedLabel}
  | {kind: "connector"; from: Point; to: Point}
  | {kind: "line"; from: Point; to: Point};

/** Cost of a px of a map's line through a label: less than a connector's, as a label on a border still reads. */
const lineCost = 3;

/**
 * Places labels in order: each takes its first candidate position that stays inside the frame and
 * clear of the obstacles, of the labels and connectors placed before it and of the map's `lines`
 * (borders, coasts), and whose own connector crosses no label and no mark but its anchor's; when
 * none is clear, the least-bad one. A label that only a map's lines are in the way of, wherever it
 * goes, is set on a plate (`plate: true`) that masks them under its text.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Box[],
  frame: Box,
  segments: readonly [Point, Point][] = [],
  lines: readonly [Point, Point][] = []
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const index = new BoxIndex<Entry>();
  for (const o of obstacles) index.add(o, {kind: "obstacle"});
  for (const [from, to] of segments) index.add(segmentBox(from, to), {kind: "connector", from, to});
  for (const [from, to] of lines) index.add(segmentBox(from, to), {kind: "line", from, to});
  for (const request of requests) {
    const size = labelSize(request);
    const area = request.within ?? frame;
    let best: {box: Box; cost: number; lines: number; connector: PlacedLabel["connector"]} | null = null;
    let first = true;
    let offsetOutside = false;
    for (const centre of candidates(request, size)) {
      const raw = {x: centre.x - size.width / 2, y: centre.y - size.height / 2, ...size};
      if (first && request.preferred && !inside(raw, area)) offsetOutside = true;
      first = false;
      const box = clampInto(raw, area);
      const connector = connectorFor(request, box);
      let cost = Math.max(0, size.width - area.width) * size.height;
      let crossing = 0;
      const padded = grow(box, 1);
      let texts: Box[] | undefined;
      for (const {box: other, item} of index.near(padded)) {
        // A label kept inside a region (an inset) is not pushed out by the region itself.
        if (item.kind === "obstacle" && request.within && covers(other, request.within)) continue;
        if (item.kind === "obstacle") cost += overlap(box, other, padding);
        else if (item.kind === "label") cost += overlap(box, other, padding) * 4;
        else if (item.kind === "line") {
          // A border may pass beside a line of text (through the block's empty corners), not through it.
          texts ??= lineBoxes(request, box, alignOf(request, box, size)).map((b) => grow(b, -0.5));
          for (const text of texts) crossing += segmentInBox(item.from, item.to, text) * lineCost;
        } else cost += segmentInBox(item.from, item.to, padded) * 40;
      }
      if (connector) {
        const line = segmentBox(connector.from, connector.to);
        for (const {box: other, item} of index.near(line)) {
          // The mark the connector points at is where it ends, not something it crosses.
          if (contains(grow(other, 1), request.anchor)) continue;
          const crossing = segmentInBox(connector.from, connector.to, grow(other, 1));
          if (item.kind === "label") cost += crossing * 60;
          else if (item.kind === "obstacle") cost += crossing * 10;
        }
      }
      if (!best || cost + crossing < best.cost + best.lines) best = {box, cost, lines: crossing, connector};
      if (cost + crossing === 0) break;
    }
    if (request.optional && best!.cost + best!.lines > 0) continue;
    const {box, connector} = best!;
    const align = alignOf(request, box, size);
    const label: PlacedLabel = {...request, box, align, connector, clear: best!.cost === 0};
    // Crossed by a border wherever it goes, but clear of everything else: set on a plate that masks the line.
    if (best!.cost === 0 && best!.lines > 0) label.plate = true;
    if (offsetOutside) label.offsetOutside = true;
    placed.push(label);
    index.add(box, {kind: "label", label});
    if (connector) index.add(segmentBox(connector.from, connector.to), {kind: "connector", ...connector});
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
      // No position free of overlaps was found: `layoutProblems` reports it, the editor flags it.
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
    if (label.plate) {
      for (const line of lineBoxes(label, box, align)) {
        group.append(
          svgElement(document, "rect", {
            class: "kit-plate",
            x: line.x - 1,
            y: line.y,
            width: line.width + 2,
            height: line.height,
            fill: "#ffffff",
            "fill-opacity": 0.85
          })
        );
      }
    }
    const x = align === "start" ? box.x : align === "end" ? box.x + box.width : box.x + box.width / 2;
    const muted = label.className === "kit-country";
    const text = svgElement(document, "text", {
      "font-size": fontSize,
      "text-anchor": align,
      "fill-opacity": muted ? 0.7 : undefined,
      "font-style": muted ? "italic" : undefined
    });
    label.lines.forEach((line, i) => {
      const tspan = svgElement(document, "tspan", {
        x,
        y: box.y + fontSize * (0.95 + i * lineHeight),
        "font-weight": line.bold ? "bold" : undefined,
        class: line.className
      });
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

/** The key of a moved label: `claim:refugees`, `place:Kyiv`. */
export function movedLabelKey(label: {claim?: string; place?: string}): string {
  return label.claim !== undefined ? `claim:${label.claim}` : `place:${label.place}`;
}

/** The chart's own labels with the offsets the spec gives them (`labels: [{claim, dx, dy}]`) tried first. */
export function withMovedLabels(requests: readonly LabelRequest[], spec: Pick<CommonSpec, "labels">): LabelRequest[] {
  if (!spec.labels?.length) return [...requests];
  const moved = new Map(spec.labels.map((l, i) => [movedLabelKey(l), {x: l.dx ?? 0, y: l.dy ?? 0, index: i}]));
  return requests.map((request) => {
    const offset = moved.get(request.key);
    if (!offset) return request;
    const {align: _ignored, directions: _free, ...rest} = request;
    return {...rest, preferred: {x: offset.x, y: offset.y}, moved: offset.index};
  });
}

/**
 * A Plot render function that places the chart's own labels (moved ones where the spec puts them),
 * then its annotations, and draws them above every other mark. `geometryOf` reads the plot's
 * scales to say where the marks are; `skip` lists annotations the chart type has already drawn
 * inside its own labels.
 */
export function labelsMark(
  geometryOf: (scales: Parameters<RenderFunction>[1]) => ChartGeometry,
  spec: Pick<CommonSpec, "annotations" | "labels">,
  layout: ChartLayout,
  claims: ReadonlyMap<string, Claim>,
  skip: ReadonlySet<number> = new Set()
): RenderFunction {
  return (_index, scales, _values, _dimensions, context) => {
    const geometry = geometryOf(scales);
    const requests = [
      ...withMovedLabels(geometry.labels, spec),
      ...annotationRequests(spec.annotations ?? [], geometry, layout, claims, skip)
    ];
    const placed = placeLabels(requests, geometry.obstacles, geometry.frame, geometry.segments, geometry.lines);
    layout.onLabels?.(placed);
    return drawLabels(context.document, placed);
  };
}
