/**
 * `units`: one block of squares per claim, each square standing for `unit` of what is counted
 * ("each square is 1,000 people"), so that 2,000 deaths and more than 800,000 refugees are seen
 * at one scale. A lower bound continues in fading squares (an open edge), an approximation is
 * lighter with a soft edge, an upper bound is hollow, a range solid then hollow.
 */
import * as Plot from "@observablehq/plot";
import {z} from "zod";
import {claimsById, type Claim} from "../claim.js";
import {capitalize, figureSentence, formatCount, textWidth} from "../chart-text.js";
import {annotationRoom, labelsMark} from "../annotations.js";
import {claimIds, commonFields} from "./common.js";
import {defineChartType} from "./types.js";
import {boundOf, fadeSteps, swatchKit} from "./qualifiers.js";
import {fillOf, lineHeight, strokeOf, svgElement} from "./style.js";
import {relativePath} from "./svg-path.js";
import type {Box, ChartData, ChartGeometry, ChartLayout, KeyBound, LabelRequest, Palette} from "./types.ts";

const schema = z.strictObject({
  type: z.literal("units"),
  ...commonFields,
  claims: claimIds("one block of squares per claim", 6),
  unit: z.number().positive().describe("how many the one square stands for (each square is 1,000 people)"),
  unitLabel: z
    .string()
    .min(1)
    .max(80)
    .optional()
    .describe('what each square counts, for the key ("people"): by default the claims\' measure, when they share one')
});

/** A unit chart's spec. */
export type UnitsSpec = z.infer<typeof schema>;

/** The most squares a unit chart draws: more do not read on a phone. */
export const maxSquares = 3000;

/** Square size and spacing, px, by layout; the space between blocks. */
export const unitsDefaults = {narrow: {cell: 7, gap: 1.5}, wide: {cell: 10, gap: 2}, blockGap: 18};

/** One square: its index in the block's grid, the share of its width drawn, and how it is drawn. */
export interface Cell {
  index: number;
  fraction: number;
  kind: "solid" | "hollow";
  opacity: number;
}

/** The squares of one claim. `cols` bounds how far a lower bound's open edge runs. */
export function cellsOf(claim: Claim, unit: number, cols: number): Cell[] {
  const cells: Cell[] = [];
  const run = (from: number, to: number, kind: Cell["kind"], opacity: (i: number) => number) => {
    for (let i = Math.floor(from); i < to; i++) {
      cells.push({index: i, fraction: Math.min(1, Math.round((to - i) * 10) / 10), kind, opacity: opacity(i)});
    }
  };
  const n = claim.value / unit;
  switch (boundOf(claim)) {
    case "exact":
      run(0, n, "solid", () => 1);
      break;
    case "lower": {
      run(0, n, "solid", () => 1);
      const start = Math.ceil(n);
      const k = Math.min(cols, Math.max(5, Math.ceil(n * 0.1)));
      run(start, start + k, "solid", (i) => round2(0.45 * (1 - (i - start) / k) + 0.04));
      break;
    }
    case "approximate": {
      const k = Math.max(2, Math.round(n * 0.1));
      run(0, n + k, "solid", (i) => (i < n - k ? 0.55 : round2(0.55 * (1 - (i - (n - k)) / (2 * k)) + 0.04)));
      break;
    }
    case "upper":
      run(0, n, "hollow", () => 1);
      break;
    case "range":
      run(0, claim.lower! / unit, "solid", () => 1);
      run(Math.ceil(claim.lower! / unit), claim.upper! / unit, "hollow", () => 1);
      break;
  }
  return cells;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

interface Block {
  claim: Claim;
  top: number;
  gridTop: number;
  gridBottom: number;
  cells: Cell[];
  /** Where the label goes: after the name on its line, or under it. */
  labelAt: {x: number; y: number};
}

/** Draws a unit chart at the layout's width; returns Plot's SVG. */
function draw(spec: UnitsSpec, data: ChartData, layout: ChartLayout, document: Document): SVGSVGElement {
  const {cell, gap} = layout.narrow ? unitsDefaults.narrow : unitsDefaults.wide;
  const {palette} = layout;
  const step = cell + gap;
  const width = layout.width;
  const cols = Math.floor((width + gap) / step);
  const line = layout.fontSize * lineHeight;
  const byId = claimsById(data.claims);
  const claims = drawn(spec, byId);
  let y = 0;
  const blocks: Block[] = claims.map((claim) => {
    const cells = cellsOf(claim, spec.unit, cols);
    const name = capitalize(claim.measure);
    const nameWidth = textWidth(name, layout.fontSize);
    const fits = nameWidth + 8 + textWidth(claim.label, layout.fontSize, true) <= width;
    const top = y;
    const labelAt = fits ? {x: nameWidth + 8, y: top} : {x: 0, y: top + line};
    const gridTop = top + (fits ? line : 2 * line) + 3;
    const rows = Math.ceil((Math.max(...cells.map((c) => c.index), 0) + 1) / cols);
    const gridBottom = gridTop + rows * step - gap;
    const room = annotationRoom(spec.annotations ?? [], claim.id, layout, byId);
    y = gridBottom + room + unitsDefaults.blockGap;
    return {claim, top, gridTop, gridBottom, cells, labelAt};
  });
  const height = Math.ceil(y - unitsDefaults.blockGap + 2);
  const squares = blocks.flatMap(({gridTop, cells}) =>
    cells.map((c) => ({
      ...c,
      x: (c.index % cols) * step,
      y: gridTop + Math.floor(c.index / cols) * step
    }))
  );
  const geometry = (): ChartGeometry => {
    const obstacles: Box[] = [];
    const labels: LabelRequest[] = [];
    for (const {claim, top, gridTop, gridBottom, cells, labelAt} of blocks) {
      const last = Math.max(...cells.map((c) => c.index), 0);
      const fullRows = Math.floor((last + 1) / cols);
      obstacles.push({x: 0, y: gridTop, width: cols * step - gap, height: fullRows * step - gap});
      obstacles.push({x: 0, y: gridTop + fullRows * step, width: ((last + 1) % cols) * step, height: cell});
      const name = capitalize(claim.measure);
      labels.push(fixed(`name:${claim.id}`, [{text: name}], {x: 0, y: top}, layout.fontSize));
      labels.push(fixed(`claim:${claim.id}`, [{text: claim.label, bold: true}], labelAt, layout.fontSize, "kit-value"));
      void gridBottom;
    }
    return {
      frame: {x: 0, y: 0, width, height},
      obstacles,
      labels,
      anchor: (on) => {
        const block = blocks.find((b) => b.claim.id === on.claim);
        if (!block) return null;
        const n = Math.max(1, Math.ceil((block.claim.lower ?? block.claim.value) / spec.unit));
        const i = n - 1;
        return {x: (i % cols) * step + cell / 2, y: block.gridTop + Math.floor(i / cols) * step + cell};
      }
    };
  };
  // No legend and no caption: Plot returns its <svg>.
  return Plot.plot({
    document,
    width,
    height,
    margin: 0,
    x: {type: "identity", axis: null},
    y: {type: "identity", axis: null},
    marks: [squaresMark(squares, cell, palette), labelsMark(geometry, spec, layout, byId)]
  }) as SVGSVGElement;
}

/**
 * The squares as a Plot render function: one path per look (solid, each step of a fade, hollow)
 * instead of one element per square, so that 800 squares cost a few hundred bytes. The layout check
 * reads a filled path's squares one by one (`.kit-mark path`), and the key and the alt text say
 * what a square stands for, as before.
 */
function squaresMark(
  squares: readonly (Cell & {x: number; y: number})[],
  cell: number,
  palette: Palette
): Plot.RenderFunction {
  return (_index, _scales, _values, _dimensions, context) => {
    const g = svgElement(context.document, "g", {class: "kit-mark"});
    const outline = (s: {x: number; y: number; fraction: number}, inset: number) => {
      const w = cell * s.fraction - 2 * inset;
      return `M${s.x + inset},${s.y + inset}h${w}v${cell - 2 * inset}h${-w}z`;
    };
    const path = (items: readonly (Cell & {x: number; y: number})[], inset: number) =>
      relativePath(items.map((s) => outline(s, inset)).join(""));
    const solid = squares.filter((s) => s.kind === "solid");
    for (const opacity of [...new Set(solid.map((s) => s.opacity))].sort((a, b) => b - a)) {
      g.append(
        svgElement(context.document, "path", {
          ...fillOf(palette),
          "fill-opacity": opacity < 1 ? opacity : undefined,
          d: path(
            solid.filter((s) => s.opacity === opacity),
            0
          )
        })
      );
    }
    const hollow = squares.filter((s) => s.kind === "hollow");
    if (hollow.length) g.append(svgElement(context.document, "path", {...strokeOf(palette), d: path(hollow, 0.5)}));
    return g;
  };
}

/** A label at a fixed place (its box's top-left corner at `at`): block names and values. */
function fixed(
  key: string,
  lines: LabelRequest["lines"],
  at: {x: number; y: number},
  fontSize: number,
  className?: string
): LabelRequest {
  const width = Math.max(...lines.map((l) => textWidth(l.text, fontSize, l.bold)));
  const height = lines.length * fontSize * lineHeight;
  return {
    key,
    lines,
    anchor: at,
    fontSize,
    preferred: {x: width / 2, y: height / 2},
    directions: [],
    align: "start",
    className
  };
}

function drawn(spec: UnitsSpec, claims: ReadonlyMap<string, Claim>): Claim[] {
  return spec.claims.flatMap((id) => claims.get(id) ?? []);
}

function swatch(document: Document, bound: KeyBound, palette: Palette): SVGGElement {
  const {g, fill, stroke, add} = swatchKit(document, palette);
  const cell = 5;
  const solid = bound === "upper" ? 0 : 2;
  for (let i = 0; i < 4; i++) {
    const x = i * (cell + 1.5);
    if (i < solid)
      add("rect", {
        ...fill,
        x,
        y: 3.5,
        width: cell,
        height: cell,
        "fill-opacity": bound === "approximate" ? 0.55 : undefined
      });
    else if (bound === "lower" || bound === "approximate") {
      add("rect", {...fill, x, y: 3.5, width: cell, height: cell, "fill-opacity": fadeSteps[(i - solid) * 2]});
    } else add("rect", {...stroke, x: x + 0.5, y: 4, width: cell - 1, height: cell - 1});
  }
  return g;
}

/**
 * What one square counts, for the key and the alt text: the spec's `unitLabel`, else the measure all
 * the drawn claims share (null when they measure different things, and the spec must name it).
 */
function unitNoun(spec: UnitsSpec, shown: readonly Claim[]): string | null {
  if (spec.unitLabel) return spec.unitLabel;
  const measures = new Set(shown.map((c) => c.measure));
  return measures.size === 1 ? [...measures][0] : null;
}

/** "each square is 1,000 people", or the number alone while the spec does not say what a square counts. */
function eachSquare(spec: UnitsSpec, shown: readonly Claim[]): string {
  const noun = unitNoun(spec, shown);
  return `each square is ${formatCount(spec.unit)}${noun ? ` ${noun}` : ""}`;
}

/** The unit chart type. */
export const units = defineChartType({
  type: "units",
  schema,
  anchors: {place: false, point: null},
  fromZero: true,
  drawn,
  check(spec, _data, shown, fail) {
    spec.claims.forEach((id, i) => {
      const claim = shown.find((c) => c.id === id);
      if (claim?.unit === "percent")
        fail("NOT_A_COUNT", `claims[${i}]`, `claim "${id}" is a percentage; a unit chart counts things`);
    });
    if (shown.length > 0 && unitNoun(spec, shown) === null) {
      const measures = [...new Set(shown.map((c) => c.measure))].join(", ");
      fail(
        "MISSING_FIELD",
        "unitLabel",
        `"unitLabel" is required: the claims measure different things (${measures}), so say what each square counts, for the key ("people")`
      );
    }
    const squares = shown.reduce((n, c) => n + (c.upper ?? c.value) / spec.unit, 0);
    if (squares > maxSquares) {
      fail(
        "TOO_MANY_SQUARES",
        "unit",
        `${Math.ceil(squares)} squares are too many to read on a phone; choose a larger unit`
      );
    }
  },
  draw,
  alt(spec, shown) {
    const comparing = shown.length === 1 ? shown[0].measure : shown.map((c) => c.measure).join(" with ");
    return [`Unit chart comparing ${comparing}; ${eachSquare(spec, shown)}.`, ...shown.map(figureSentence)];
  },
  key: {
    lower: "Fading squares after the last: a lower bound; the true number is higher",
    upper: "Hollow squares: an upper bound; the true number may be lower",
    approximate: "Lighter squares with a soft edge: an approximate figure",
    range: "Solid squares to the lower end, hollow to the upper: a range"
  },
  swatch,
  extraKey(spec, shown, layout, document) {
    const {cell} = layout.narrow ? unitsDefaults.narrow : unitsDefaults.wide;
    const {g, add} = swatchKit(document, layout.palette);
    add("rect", {...fillOf(layout.palette), x: 0, y: 6 - cell / 2, width: cell, height: cell});
    return [{swatch: g, text: capitalize(eachSquare(spec, shown))}];
  }
});
