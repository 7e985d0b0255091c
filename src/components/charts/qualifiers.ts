/**
 * Qualifiers drawn, not only written: how each chart type shows a lower bound, an upper bound, an
 * approximation and a range, and the key line that says so. Browser-safe.
 */
import type {Claim} from "../claim.ts";
import type {ChartType} from "../chart-spec.ts";
import {accent, svgElement} from "./style.js";

/** How a claim's interval is drawn. */
export type Bound = "exact" | "lower" | "upper" | "approximate" | "range";

/** The drawing a claim gets: approximation wins over an upper bound ("nearly"), a range over both. */
export function boundOf(claim: Claim): Bound {
  if (claim.lower !== null && claim.upper !== null && claim.lower !== claim.upper) return "range";
  if (claim.approximate) return "approximate";
  if (claim.lower !== null && claim.upper === null) return "lower";
  if (claim.lower === null && claim.upper !== null) return "upper";
  return "exact";
}

/** The qualifier words of a label: `more than 800,000` → `more than`; empty for an exact figure. */
export function qualifierWords(claim: Claim): string {
  return claim.label.replace(/\s*[\d.,]+.*$/, "").trim();
}

const keyTexts: Record<ChartType, Record<Exclude<Bound, "exact">, string>> = {
  bar: {
    lower: "Fading bar end: a lower bound; the true number is higher",
    upper: "Hollow bar: an upper bound; the true number may be lower",
    approximate: "Lighter, dashed bar: an approximate figure",
    range: "Solid to the lower end, hollow to the upper: a range"
  },
  units: {
    lower: "Fading squares after the last: a lower bound; the true number is higher",
    upper: "Hollow squares: an upper bound; the true number may be lower",
    approximate: "Lighter squares with a soft edge: an approximate figure",
    range: "Solid squares to the lower end, hollow to the upper: a range"
  },
  map: {
    lower: "Ring with a fading halo: a lower bound; the true number is higher",
    upper: "Ring with a faint centre: an upper bound; the true number may be lower",
    approximate: "Dashed ring: an approximate figure",
    range: "Double ring: a range"
  },
  reported: {
    lower: "Fading line up from a point: a lower bound; the true number is higher",
    upper: "Fading line down from a point: an upper bound; the true number may be lower",
    approximate: "Hollow, dashed point: an approximate figure",
    range: "Line between two ticks: a range"
  }
};

/** One line of the key: which drawing, and what it means, quoting the qualifier words used. */
export interface KeyItem {
  bound: Exclude<Bound, "exact">;
  text: string;
}

/** The key lines a chart needs: one per kind of bound drawn, in a fixed order. */
export function keyItems(type: ChartType, claims: readonly Claim[]): KeyItem[] {
  const items: KeyItem[] = [];
  for (const bound of ["lower", "upper", "approximate", "range"] as const) {
    const words = [...new Set(claims.filter((c) => boundOf(c) === bound).map(qualifierWords))].filter(Boolean);
    if (words.length === 0) continue;
    const [drawing, meaning] = keyTexts[type][bound].split(": ");
    items.push({bound, text: `${drawing}: ${words.map((w) => `“${w}”`).join(", ")}, ${meaning}`});
  }
  return items;
}

/** Opacity steps of a fade, from the figure outwards. */
export const fadeSteps = [0.5, 0.36, 0.24, 0.14, 0.07];

/** A small drawing of a bound in the chart type's own style, 24 × 12 px, for the key. */
export function keySwatch(document: Document, type: ChartType, bound: KeyItem["bound"]): SVGGElement {
  const g = svgElement(document, "g", {class: "kit-swatch"});
  const accentFill = {class: "kit-accent", fill: accent};
  const accentStroke = {class: "kit-accent-stroke", stroke: accent, fill: "none"};
  const add = (tag: "rect" | "circle" | "path", attributes: Record<string, string | number>) =>
    g.append(svgElement(document, tag, attributes));
  if (type === "reported") {
    const cy = bound === "lower" ? 9 : bound === "upper" ? 3 : 6;
    if (bound === "lower" || bound === "upper") {
      fadeSteps.forEach((o, i) =>
        add("rect", {
          ...accentFill,
          x: 10,
          y: bound === "lower" ? 4.5 - (i + 1) * 1.5 : 7.5 + i * 1.5,
          width: 2,
          height: 1.5,
          "fill-opacity": o
        })
      );
    }
    if (bound === "range") add("path", {...accentStroke, d: "M8,0.5H14M11,0.5V11.5M8,11.5H14", "stroke-width": 1.5});
    else if (bound === "approximate")
      add("circle", {...accentStroke, cx: 11, cy, r: 4, "stroke-width": 1.5, "stroke-dasharray": "2.5 2"});
    else add("circle", {...accentFill, cx: 11, cy, r: 3});
    return g;
  }
  if (type === "map") {
    add("circle", {
      ...accentStroke,
      cx: 11,
      cy: 6,
      r: 5,
      "stroke-width": 1.5,
      ...(bound === "approximate" && {"stroke-dasharray": "3 2"})
    });
    if (bound === "lower") add("circle", {...accentStroke, cx: 11, cy: 6, r: 7, "stroke-opacity": 0.3});
    if (bound === "range") add("circle", {...accentStroke, cx: 11, cy: 6, r: 2.5, "stroke-width": 1.5});
    if (bound === "upper") add("circle", {...accentFill, cx: 11, cy: 6, r: 3, "fill-opacity": 0.25});
    return g;
  }
  if (type === "bar") {
    if (bound === "lower") {
      add("rect", {...accentFill, x: 0, y: 2, width: 12, height: 8});
      fadeSteps.forEach((o, i) =>
        add("rect", {...accentFill, x: 12 + i * 2.4, y: 2, width: 2.4, height: 8, "fill-opacity": o})
      );
    } else if (bound === "approximate") {
      add("rect", {
        ...accentFill,
        ...accentStroke,
        fill: accent,
        x: 0.5,
        y: 2.5,
        width: 20,
        height: 7,
        "fill-opacity": 0.4,
        "stroke-dasharray": "3 2"
      });
    } else if (bound === "upper") {
      add("rect", {...accentStroke, x: 0.5, y: 2.5, width: 20, height: 7, "stroke-width": 1.2});
    } else {
      add("rect", {...accentFill, x: 0, y: 2, width: 10, height: 8});
      add("rect", {...accentStroke, x: 10, y: 2.5, width: 12, height: 7});
    }
    return g;
  }
  const cell = 5;
  const solid = bound === "upper" ? 0 : 2;
  for (let i = 0; i < 4; i++) {
    const x = i * (cell + 1.5);
    if (i < solid)
      add("rect", {
        ...accentFill,
        x,
        y: 3.5,
        width: cell,
        height: cell,
        ...(bound === "approximate" && {"fill-opacity": 0.55})
      });
    else if (bound === "lower" || bound === "approximate") {
      add("rect", {...accentFill, x, y: 3.5, width: cell, height: cell, "fill-opacity": fadeSteps[(i - solid) * 2]});
    } else add("rect", {...accentStroke, x: x + 0.5, y: 4, width: cell - 1, height: cell - 1});
  }
  return g;
}
