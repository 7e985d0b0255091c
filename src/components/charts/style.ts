/**
 * The chart's look: one accent colour and text in `currentColor`. Colours are plain attributes, so
 * a standalone SVG file or an SVG-to-PNG renderer shows the chart as is; the page's stylesheet
 * (`chart.css`, beside this module) recolours the accent and adds label halos for the light and
 * dark themes through class names. The SVG itself has no `<style>` and no `style` attribute, so
 * an inlined chart passes a strict Content Security Policy.
 */

/** The accent as drawn without the stylesheet: at least 3:1 against white and against near-black. */
export const accent = "#4269d0";

/** Font sizes, px. Labels stay at 12 px or more so that they read on a phone. */
export const fontSizes = {title: 17, subtitle: 14, label: 12, small: 11} as const;

/** Line height as a multiple of the font size. */
export const lineHeight = 1.25;

/** The font stack; layout in Node measures DejaVu Sans, wider than each of these, so nothing collides. */
export const fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";

const svgNs = "http://www.w3.org/2000/svg";

/** Creates an SVG element with attributes; numbers are rounded to 0.1 px so output stays small and stable. */
export function svgElement<K extends keyof SVGElementTagNameMap>(
  document: Document,
  tag: K,
  attributes: Record<string, string | number | undefined> = {}
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, typeof value === "number" ? String(round(value)) : value);
  }
  return element;
}

/** Rounds to 0.1. */
export function round(x: number): number {
  return Math.round(x * 10) / 10;
}
