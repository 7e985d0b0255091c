/**
 * Qualifiers drawn, not only written: which drawing a claim's interval gets, and the key lines that
 * say so, quoting the qualifier words used. Each chart type module holds its own key texts and
 * swatches; this module holds what they share. Browser-safe.
 */
import type {Claim} from "../claim.ts";
import {svgElement, fillOf, strokeOf} from "./style.js";
import type {Bound, KeyBound, Palette} from "./types.ts";

export type {Bound, KeyBound} from "./types.ts";

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

/** One line of the key: which drawing, and what it means, quoting the qualifier words used. */
export interface KeyItem {
  bound: KeyBound;
  text: string;
}

/** The order key lines come in. */
export const keyBounds: readonly KeyBound[] = ["lower", "upper", "approximate", "range"];

/**
 * The key lines a chart needs, from its type's key texts ("drawing: meaning"): one per kind of
 * bound drawn, in a fixed order, quoting the qualifier words used.
 */
export function keyItems(texts: Record<KeyBound, string>, claims: readonly Claim[]): KeyItem[] {
  const items: KeyItem[] = [];
  for (const bound of keyBounds) {
    const here = claims.filter((c) => boundOf(c) === bound);
    if (here.length === 0) continue;
    const words = [...new Set(here.map(qualifierWords))].filter(Boolean);
    const [drawing, meaning] = texts[bound].split(": ");
    const quoted = words.length ? `${words.map((w) => `“${w}”`).join(", ")}, ` : "";
    items.push({bound, text: `${drawing}: ${quoted}${meaning}`});
  }
  return items;
}

/** Opacity steps of a fade, from the figure outwards. */
export const fadeSteps = [0.5, 0.36, 0.24, 0.14, 0.07];

/** A swatch's drawing kit: its group and shorthands for filled and stroked shapes in the palette's accent. */
export function swatchKit(document: Document, palette: Palette) {
  const g = svgElement(document, "g", {class: "kit-swatch"});
  const fill = fillOf(palette);
  const stroke = strokeOf(palette);
  const add = (tag: "rect" | "circle" | "path" | "line", attributes: Record<string, string | number | undefined>) => {
    const element = svgElement(document, tag, attributes);
    g.append(element);
    return element;
  };
  return {g, fill, stroke, add};
}

/** The attributes of a shape both filled and stroked in the accent (both classes, for the page's theme). */
export function both(
  fill: {fill: string; class?: string},
  stroke: {stroke: string; class?: string}
): {fill: string; stroke: string; class?: string} {
  const classes = [fill.class, stroke.class].filter(Boolean).join(" ");
  return classes ? {fill: fill.fill, stroke: stroke.stroke, class: classes} : {fill: fill.fill, stroke: stroke.stroke};
}
