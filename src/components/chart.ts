/**
 * The one chart renderer: a validated spec and the data it refers to in, one self-contained
 * `<svg>` out — title, subtitle, the chart with its labels and annotations, the key to how
 * qualifiers are drawn, the note and the source line. It runs in the browser (the editor) and in
 * Node with a DOM implementation (the static SVGs of the published page): same module, same chart.
 */
import {drawnClaims, textFields, type ChartSpec} from "./chart-spec.js";
import {altText, claimsNamed, resolveText, sourceLine, wrapText} from "./chart-text.js";
import {barChart} from "./charts/bar.js";
import {mapChart} from "./charts/map.js";
import {keyItems, keySwatch} from "./charts/qualifiers.js";
import {reportedChart} from "./charts/reported.js";
import {accent, fontFamily, fontSizes, lineHeight, svgElement} from "./charts/style.js";
import type {ChartData, ChartLayout, PlacedLabel} from "./charts/types.ts";
import {unitsChart, unitsDefaults} from "./charts/units.js";

export type {ChartData, Land, MapPlace, PlacedLabel} from "./charts/types.ts";
export {landFromTopology} from "./charts/land.js";

/** The widths the kit renders static charts at: a phone and a desktop text column. */
export const chartWidths = {narrow: 360, wide: 720} as const;

/** Options of `renderChart`. */
export interface RenderOptions {
  /** Width in px; the layout adapts below 480 px (wrapping, smaller squares). */
  width: number;
  /** The document to create elements in: the page's by default, a jsdom document in Node. */
  document?: Document;
  /** Prefix of the element ids (`<id>-<width>-title`), so that several charts can share a page. */
  id?: string;
  /**
   * Receives the labels as placed (keys, anchors and boxes in the plot's pixels) without changing
   * the drawing: the editor uses it to drag an annotation's label and turn the move into dx, dy.
   */
  onLabels?: (labels: readonly PlacedLabel[]) => void;
}

/** Sizes for a width. */
export function layoutFor(width: number): ChartLayout {
  const narrow = width < 480;
  return {width, narrow, fontSize: fontSizes.label, labelWidth: narrow ? Math.min(180, width * 0.5) : 240};
}

/** The texts around a chart, placeholders resolved: what the page, the embed and the social card reuse. */
export interface ChartTexts {
  title: string;
  subtitle: string;
  note: string;
  alt: string;
  source: string;
  /** Every claim the chart draws or names in its text, drawn ones first. */
  claims: string[];
}

/** The chart's texts, as `renderChart` prints them. */
export function chartTexts(spec: ChartSpec, data: ChartData): ChartTexts {
  const byId = new Map(data.claims.map((c) => [c.id, c]));
  const drawn = drawnClaims(spec, data.claims);
  const named = textFields(spec).flatMap(([, text]) => claimsNamed(text));
  const ids = [...new Set([...drawn.map((c) => c.id), ...named])].filter((id) => byId.has(id));
  return {
    title: resolveText(spec.title, byId),
    subtitle: spec.subtitle ? resolveText(spec.subtitle, byId) : "",
    note: spec.note ? resolveText(spec.note, byId) : "",
    alt: altText(spec, drawn, data),
    source: sourceLine(ids.map((id) => byId.get(id)!)),
    claims: ids
  };
}

function body(spec: ChartSpec, data: ChartData, layout: ChartLayout, document: Document): SVGSVGElement {
  switch (spec.type) {
    case "bar":
      return barChart(spec, data, layout, document);
    case "units":
      return unitsChart(spec, data, layout, document);
    case "map":
      return mapChart(spec, data, layout, document);
    case "reported":
      return reportedChart(spec, data, layout, document);
  }
}

/**
 * Renders a validated spec (see `checkChartSpec`) as one `<svg>` with `role="img"`, a `<title>`
 * and a `<desc>` holding the alt text. Colours follow the page's theme through CSS variables.
 *
 * ```ts
 * const svg = renderChart(spec, {claims, places, land}, {width: 720, id: "refugees-units"});
 * ```
 */
export function renderChart(spec: ChartSpec, data: ChartData, options: RenderOptions): SVGSVGElement {
  const {width, document = globalThis.document, id = "chart"} = options;
  const layout = layoutFor(width);
  if (options.onLabels) layout.onLabels = options.onLabels;
  const texts = chartTexts(spec, data);
  const prefix = `${id}-${width}`;
  const svg = svgElement(document, "svg", {
    class: "kit-chart",
    width,
    role: "img",
    "aria-labelledby": `${prefix}-title ${prefix}-desc`,
    fill: "currentColor",
    "font-family": fontFamily
  });
  const title = svgElement(document, "title", {id: `${prefix}-title`});
  title.textContent = texts.title;
  const desc = svgElement(document, "desc", {id: `${prefix}-desc`});
  desc.textContent = texts.alt;
  svg.append(title, desc);

  let y = 0;
  const block = (
    text: string,
    size: number,
    className: string,
    opts: {bold?: boolean; indent?: number; opacity?: number} = {}
  ) => {
    const indent = opts.indent ?? 0;
    const lines = wrapText(text, width - indent, size, opts.bold);
    const element = svgElement(document, "text", {
      class: className,
      "font-size": size,
      "font-weight": opts.bold ? "bold" : undefined,
      "fill-opacity": opts.opacity
    });
    lines.forEach((line, i) => {
      const tspan = svgElement(document, "tspan", {x: indent, y: y + size * (0.95 + i * lineHeight)});
      tspan.textContent = line;
      element.append(tspan);
    });
    svg.append(element);
    y += lines.length * size * lineHeight;
  };
  block(texts.title, fontSizes.title, "kit-title", {bold: true});
  if (texts.subtitle) block(texts.subtitle, fontSizes.subtitle, "kit-subtitle", {opacity: 0.85});
  y += 10;

  const plot = body(spec, data, layout, document);
  const g = svgElement(document, "g", {
    class: "kit-plot",
    transform: `translate(0,${Math.round(y)})`,
    "font-size": fontSizes.small,
    "text-anchor": "middle"
  });
  // Plot's own <style> and ARIA labels go: the chart is one image, named by its <title> and <desc>.
  for (const child of [...plot.childNodes]) if ((child as Element).tagName?.toLowerCase() !== "style") g.append(child);
  for (const element of g.querySelectorAll("[aria-label], [aria-description], [aria-hidden]")) {
    for (const name of ["aria-label", "aria-description", "aria-hidden"]) element.removeAttribute(name);
  }
  svg.append(g);
  y = Math.round(y) + Number(plot.getAttribute("height"));
  y += 10;

  const drawn = drawnClaims(spec, data.claims);
  const keyLine = (swatch: SVGGElement, text: string) => {
    swatch.setAttribute("transform", `translate(0,${Math.round(y + 1)})`);
    svg.append(swatch);
    block(text, fontSizes.small, "kit-key", {indent: 30});
    y += 3;
  };
  if (spec.type === "units")
    keyLine(unitSwatch(document, layout), `Each square is ${unitKey(spec.unit, spec.unitLabel)}`);
  for (const item of keyItems(spec.type, drawn)) keyLine(keySwatch(document, spec.type, item.bound), item.text);
  if (texts.note) block(texts.note, fontSizes.small, "kit-note");
  if (spec.type === "map" && data.land) block(data.land.credit, fontSizes.small, "kit-credit", {opacity: 0.8});
  if (texts.source) block(texts.source, fontSizes.small, "kit-source", {opacity: 0.8});
  const height = Math.ceil(y + 4);
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return svg;
}

function unitSwatch(document: Document, layout: ChartLayout): SVGGElement {
  const g = svgElement(document, "g", {class: "kit-swatch"});
  const {cell} = layout.narrow ? unitsDefaults.narrow : unitsDefaults.wide;
  g.append(
    svgElement(document, "rect", {class: "kit-accent", fill: accent, x: 0, y: 6 - cell / 2, width: cell, height: cell})
  );
  return g;
}

function unitKey(unit: number, label = "people"): string {
  return `${new Intl.NumberFormat("en-US").format(unit)} ${label}`;
}
