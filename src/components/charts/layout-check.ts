/**
 * The layout check: a rendered chart's every text box measured against every other text, every
 * mark (bars, squares, dots, rules, lines) and every connector, and against the chart's edge, from
 * the SVG's own attributes (no browser needed: widths are DejaVu Sans's, wider than common system
 * fonts, and a text box runs from 0.93 em above its baseline to 0.24 em below, as DejaVu's glyph
 * box does). `explainer charts` and the build fail on what it finds. Browser-safe, pure.
 */
import {textWidth} from "../chart-text.js";
import {grow, overlap, segmentInBox} from "./geometry.js";
import type {LayoutProblemCode} from "./problems.ts";
import {pathSegments, subpaths} from "./svg-path.js";
import type {Box, PlacedLabel, Point} from "./types.ts";

/** One layout problem: where (chart, width), what (code, the labels), and a message naming them. */
export interface LayoutProblem {
  code: LayoutProblemCode;
  chart: string;
  width: number;
  /** The texts involved, cut to 60 characters: two for a collision, one otherwise. */
  labels: string[];
  /** The spec field to change, when known (`annotations[1]`, `labels[0]`). */
  field?: string;
  /** `at 360 px: "Kyiv" overlaps "Bucha"`. */
  detail: string;
}

interface TextBox extends Box {
  text: string;
  /** The `<text>` it belongs to: lines of one text never collide with each other. */
  owner: Element;
  /** The label group it belongs to, whose own connector it may touch. */
  group: Element | null;
}

interface Segment {
  a: Point;
  b: Point;
  group: Element | null;
  what: string;
}

const num = (value: string | null, fallback = 0) => (value === null || value === "" ? fallback : Number(value));

function inherited(element: Element, name: string): string | null {
  for (let e: Element | null = element; e; e = e.parentElement) {
    const value = e.getAttribute(name);
    if (value !== null) return value;
  }
  return null;
}

/** The sum of the `translate(…)` transforms of an element and its ancestors. */
function offsetOf(element: Element): Point {
  let x = 0;
  let y = 0;
  for (let e: Element | null = element; e; e = e.parentElement) {
    const m = /translate\(\s*(-?[\d.]+)(?:[\s,]+(-?[\d.]+))?\s*\)/.exec(e.getAttribute("transform") ?? "");
    if (m) {
      x += Number(m[1]);
      y += Number(m[2] ?? 0);
    }
  }
  return {x, y};
}

const lengthOf = (value: string | null, fontSize: number) =>
  value === null ? 0 : value.endsWith("em") ? parseFloat(value) * fontSize : parseFloat(value) || 0;

const cut = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** The boxes of every line of every `<text>`. */
function textBoxes(svg: SVGSVGElement): TextBox[] {
  const boxes: TextBox[] = [];
  for (const text of svg.querySelectorAll("text")) {
    const size = num(inherited(text, "font-size"), 10);
    const bold = /bold|[6-9]00/.test(inherited(text, "font-weight") ?? "");
    const anchor = inherited(text, "text-anchor") ?? "start";
    const at = offsetOf(text);
    let x = lengthOf(text.getAttribute("x"), size) + lengthOf(text.getAttribute("dx"), size);
    let y = lengthOf(text.getAttribute("y"), size) + lengthOf(text.getAttribute("dy"), size);
    const group = text.closest(".kit-label");
    const spans = [...text.querySelectorAll("tspan")];
    const lines = spans.length ? spans : [text];
    for (const line of lines) {
      if (line !== text) {
        if (line.hasAttribute("x")) x = lengthOf(line.getAttribute("x"), size);
        if (line.hasAttribute("y")) y = lengthOf(line.getAttribute("y"), size);
        x += lengthOf(line.getAttribute("dx"), size);
        y += lengthOf(line.getAttribute("dy"), size);
      }
      const content = line.textContent ?? "";
      if (!content.trim()) continue;
      const lineBold = bold || /bold/.test(line.getAttribute("font-weight") ?? "");
      const width = textWidth(content, size, lineBold);
      const left = anchor === "middle" ? x - width / 2 : anchor === "end" ? x - width : x;
      boxes.push({
        x: at.x + left,
        y: at.y + y - 0.93 * size,
        width,
        height: 1.17 * size,
        text: content,
        owner: text,
        group
      });
    }
  }
  return boxes;
}

/** Panels a text is either wholly inside or wholly outside of (a map's inset), as boxes. */
function panelsOf(svg: SVGSVGElement): Box[] {
  return [...svg.querySelectorAll("rect.kit-inset-bg")].map((e) => {
    const o = offsetOf(e);
    return {
      x: o.x + num(e.getAttribute("x")),
      y: o.y + num(e.getAttribute("y")),
      width: num(e.getAttribute("width")),
      height: num(e.getAttribute("height"))
    };
  });
}

/**
 * The marks labels must not cover, as boxes and segments: a filled path (the unit chart's squares,
 * one path for many) is a box per subpath, a stroked one its segments; and the map's outlines
 * (`.kit-land`: borders and coasts), which a text may sit beside but not be crossed by.
 */
function marksOf(svg: SVGSVGElement): {boxes: (Box & {what: string})[]; segments: Segment[]; land: Segment[]} {
  const boxes: (Box & {what: string})[] = [];
  const segments: Segment[] = [];
  const land: Segment[] = [];
  const marks = svg.querySelectorAll(
    ".kit-mark rect, .kit-mark circle, .kit-mark line, .kit-mark path, rect.kit-inset-area"
  );
  for (const e of marks) {
    const o = offsetOf(e);
    const tag = e.tagName.toLowerCase();
    if (tag === "rect") {
      boxes.push({
        x: o.x + num(e.getAttribute("x")),
        y: o.y + num(e.getAttribute("y")),
        width: num(e.getAttribute("width")),
        height: num(e.getAttribute("height")),
        what: "a mark"
      });
    } else if (tag === "circle") {
      const r = num(e.getAttribute("r"), 3);
      boxes.push({
        x: o.x + num(e.getAttribute("cx")) - r,
        y: o.y + num(e.getAttribute("cy")) - r,
        width: 2 * r,
        height: 2 * r,
        what: "a mark"
      });
    } else if (tag === "line") {
      const a = {x: o.x + num(e.getAttribute("x1")), y: o.y + num(e.getAttribute("y1"))};
      const b = {x: o.x + num(e.getAttribute("x2")), y: o.y + num(e.getAttribute("y2"))};
      segments.push({a, b, group: null, what: "a line"});
    } else if ((inherited(e, "fill") ?? "black") !== "none") {
      for (const {points} of subpaths(e.getAttribute("d") ?? "", o)) {
        const xs = points.map((p) => p.x);
        const ys = points.map((p) => p.y);
        const [x, y] = [Math.min(...xs), Math.min(...ys)];
        boxes.push({x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y, what: "a mark"});
      }
    } else {
      for (const [a, b] of pathSegments(e.getAttribute("d") ?? "", o))
        segments.push({a, b, group: null, what: "a line"});
    }
  }
  for (const e of svg.querySelectorAll("path.kit-connector, path.kit-arrowhead, path.kit-inset-link")) {
    const group = e.closest(".kit-label");
    const what = group ? `the connector of "${cut(group.textContent ?? "")}"` : "a connector";
    for (const [a, b] of pathSegments(e.getAttribute("d") ?? "", offsetOf(e))) segments.push({a, b, group, what});
  }
  for (const e of svg.querySelectorAll(".kit-land path")) {
    for (const [a, b] of pathSegments(e.getAttribute("d") ?? "", offsetOf(e)))
      land.push({a, b, group: null, what: "a border or coastline"});
  }
  return {boxes, segments, land};
}

/** The spec field of a placed label moved by hand or an annotation, for messages. */
function fieldOf(label: PlacedLabel): string | undefined {
  const m = /^annotation:(\d+)$/.exec(label.key);
  if (m) return `annotations[${m[1]}]`;
  return label.moved !== undefined ? `labels[${label.moved}]` : undefined;
}

/**
 * The layout problems of one rendered chart: texts overlapping texts, marks or connectors
 * (`LABEL_COLLISION`), texts cut by the chart's edge (`LABEL_CLIPPED`), and offsets that would put
 * a label outside the plot (`LABEL_OFFSET_OUTSIDE`, from the placed `labels` when given).
 */
export function svgLayoutProblems(
  svg: SVGSVGElement,
  {chart, width, labels = []}: {chart: string; width: number; labels?: readonly PlacedLabel[]}
): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const at = `at ${width} px`;
  const height = num(svg.getAttribute("height"));
  const texts = textBoxes(svg);
  const {boxes, segments, land} = marksOf(svg);
  const panels = panelsOf(svg);
  const seen = new Set<string>();
  const collide = (a: string, b: string, what: string) => {
    const key = `${a}|${b}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({
      code: "LABEL_COLLISION",
      chart,
      width,
      labels: [cut(a), cut(b)],
      detail: `${at}: "${cut(a)}" ${what}`
    });
  };
  texts.forEach((t, i) => {
    for (const u of texts.slice(i + 1)) {
      if (u.owner !== t.owner && overlap(t, u) > 1) collide(t.text, u.text, `overlaps "${cut(u.text)}"`);
    }
    for (const m of boxes) if (overlap(t, m) > 1) collide(t.text, m.what, `covers ${m.what}`);
    for (const p of panels) {
      const shared = overlap(t, p);
      if (shared > 1 && shared < t.width * t.height - 1) collide(t.text, "the inset", "crosses the inset's edge");
    }
    for (const s of segments) {
      if (s.group !== null && s.group === t.group) continue;
      if (segmentInBox(s.a, s.b, t) > 1) collide(t.text, s.what, `is crossed by ${s.what}`);
    }
    // A map's outline may run along a text's edge (the frame's, where both are clipped) but not through it.
    // Outlines are many short segments: what counts is their length through the text, summed; a
    // label set on a plate masks them.
    if (!t.group?.querySelector("rect.kit-plate")) {
      const inner = grow(t, -0.5);
      let crossed = 0;
      for (const s of land) crossed += segmentInBox(s.a, s.b, inner);
      if (crossed > 1) collide(t.text, "a border or coastline", "is crossed by a border or coastline");
    }
    const e = 1;
    if (t.x < -e || t.y < -e || t.x + t.width > width + e || t.y + t.height > height + e) {
      problems.push({
        code: "LABEL_CLIPPED",
        chart,
        width,
        labels: [cut(t.text)],
        detail: `${at}: "${cut(t.text)}" is cut by the chart's edge`
      });
    }
  });
  for (const label of labels) {
    const field = fieldOf(label);
    if (!label.offsetOutside || field === undefined) continue;
    const text = cut(label.lines.map((l) => l.text).join(" "));
    problems.push({
      code: "LABEL_OFFSET_OUTSIDE",
      chart,
      width,
      labels: [text],
      field,
      detail: `${at}: the offset of ${field} puts "${text}" outside the chart; it was drawn inside instead: move it back in`
    });
  }
  return problems;
}
