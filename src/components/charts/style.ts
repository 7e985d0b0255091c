/**
 * The chart's look: one accent colour and text in `currentColor`. Colours are plain attributes, so
 * a standalone SVG file or an SVG-to-PNG renderer shows the chart as is; the page's stylesheet
 * (`chart.css`, beside this module) recolours the accent and adds label halos for the light and
 * dark themes through class names. The SVG itself has no `<style>` and no `style` attribute, so
 * an inlined chart passes a strict Content Security Policy.
 */

import type {Palette} from "./types.ts";

/** The accent as drawn without the stylesheet: at least 3:1 against white and against near-black. */
export const accent = "#4269d0";

/**
 * The default series colours, light theme (what the SVG says, and what exports and cards show);
 * the first is the accent, which the page recolours with its theme's focus colour. Chosen so that
 * each pair stays apart under protanopia, deuteranopia and tritanopia (see colors.ts).
 */
export const defaultSeries = [accent, "#b85400", "#0b7a6e"] as const;

/**
 * The same series as chart.css draws them in the dark theme: the accent is the theme's
 * `--theme-foreground-focus` (src/style.css), the others lighter versions.
 */
export const defaultSeriesDark = ["#8fb0ff", "#f28c38", "#35c2ae"] as const;

/** The page colours the kit's colour check assumes: src/style.css's light and dark schemes. */
export const themes = {
  light: {background: "#ffffff", foreground: "#1b1e23", series: defaultSeries},
  dark: {background: "#15171a", foreground: "#e8e9eb", series: defaultSeriesDark}
} as const;

/** The palette of a spec: its own `colors`, or the default one, which follows the page's theme. */
export function paletteOf(spec: {colors?: readonly string[]}): Palette {
  if (spec.colors?.length) return {series: spec.colors.map((c) => c.toLowerCase()), themed: false};
  return {series: defaultSeries, themed: true};
}

/** The colour of series `i` (cycling), as written into the SVG. */
export function seriesColor(palette: Palette, i = 0): string {
  return palette.series[i % palette.series.length];
}

/**
 * Attributes that fill a mark with series `i`: the colour, and for the default palette the class
 * through which chart.css applies the page's theme (a spec's own colours are kept in both themes).
 */
export function fillOf(palette: Palette, i = 0): {fill: string; class?: string} {
  const fill = seriesColor(palette, i);
  return palette.themed
    ? {fill, class: i === 0 ? "kit-accent" : `kit-series-${(i % palette.series.length) + 1}`}
    : {fill};
}

/** Attributes that stroke a mark with series `i` (see `fillOf`), with no fill. */
export function strokeOf(palette: Palette, i = 0): {stroke: string; fill: "none"; class?: string} {
  const stroke = seriesColor(palette, i);
  const n = (i % palette.series.length) + 1;
  return palette.themed
    ? {stroke, fill: "none", class: i === 0 ? "kit-accent-stroke" : `kit-series-${n}-stroke`}
    : {stroke, fill: "none"};
}

/** Plot options for a mark in series `i`: its colour and class name (see `fillOf`). */
export function plotFill(palette: Palette, i = 0): {fill: string; className?: string} {
  const {fill, class: className} = fillOf(palette, i);
  return className ? {fill, className} : {fill};
}

/** Plot options for a mark both filled and stroked in series `i`. */
export function plotFillStroke(palette: Palette, i = 0): {fill: string; stroke: string; className?: string} {
  const f = plotFill(palette, i);
  const s = plotStroke(palette, i);
  const className = [f.className, s.className].filter(Boolean).join(" ");
  return className ? {fill: f.fill, stroke: s.stroke, className} : {fill: f.fill, stroke: s.stroke};
}

/** Adds `kit-mark` to a Plot mark's class, so that the layout check counts it as a mark labels must not cover. */
export function asMark<T extends {className?: string}>(options: T): T & {className: string} {
  return {...options, className: [options.className, "kit-mark"].filter(Boolean).join(" ")};
}

/** Plot options for a stroked mark in series `i` (see `strokeOf`). */
export function plotStroke(palette: Palette, i = 0): {stroke: string; className?: string} {
  const {stroke, class: className} = strokeOf(palette, i);
  return className ? {stroke, className} : {stroke};
}

/** Font sizes, px. Labels stay at 12 px or more so that they read on a phone. */
export const fontSizes = {title: 17, subtitle: 14, label: 12, small: 11} as const;

/** Opacities of secondary text (subtitle, source and credit lines, country names), checked for WCAG AA contrast. */
export const textOpacity = {subtitle: 0.85, source: 0.8, country: 0.7} as const;

/** Line height as a multiple of the font size. */
export const lineHeight = 1.25;

/** The font stack; layout in Node measures DejaVu Sans, wider than each of these, so nothing collides. */
export const fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";

const svgNs = "http://www.w3.org/2000/svg";

/**
 * Creates an SVG element with attributes; lengths are rounded to 0.1 px so output stays small and
 * stable, opacities to 0.01 (0.14 and 0.05 are different shades, not both 0.1).
 */
export function svgElement<K extends keyof SVGElementTagNameMap>(
  document: Document,
  tag: K,
  attributes: Record<string, string | number | undefined> = {}
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    const text =
      typeof value !== "number"
        ? value
        : name.endsWith("opacity")
          ? String(Math.round(value * 100) / 100)
          : String(round(value));
    element.setAttribute(name, text);
  }
  return element;
}

/** Rounds to 0.1. */
export function round(x: number): number {
  return Math.round(x * 10) / 10;
}
