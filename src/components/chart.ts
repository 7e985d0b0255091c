/**
 * The one chart renderer: a validated spec and the data it refers to in, one self-contained
 * `<svg>` out — title, subtitle, the chart with its labels and annotations, the key to how
 * qualifiers are drawn, the note, credits and the source line. It runs in the browser (the editor)
 * and in Node with a DOM implementation (the static SVGs of the published page): same module, same
 * chart. Each chart type is a module of `charts/`, found through `charts/registry.ts`.
 */
import {textFields, type ChartSpec} from "./chart-spec.js";
import {attributionOf, claimsById, type Claim} from "./claim.js";
import {
  capitalize,
  claimsNamed,
  formatDate,
  resolveText,
  sourceEntries,
  sourceLine,
  wrapEntries,
  wrapText
} from "./chart-text.js";
import {svgLayoutProblems, type LayoutProblem} from "./charts/layout-check.js";
import {keyItems} from "./charts/qualifiers.js";
import {chartModule} from "./charts/registry.js";
import {relativePath} from "./charts/svg-path.js";
import {fontFamily, fontSizes, lineHeight, paletteOf, svgElement, textOpacity} from "./charts/style.js";
import type {ChartData, ChartLayout, KeyLine, PlacedLabel} from "./charts/types.ts";

export type {ChartData, Land, MapPlace, PlacedLabel} from "./charts/types.ts";
export type {LayoutProblem} from "./charts/layout-check.js";
export {landFromTopology} from "./charts/land.js";
export {svgLayoutProblems} from "./charts/layout-check.js";
export {colorProblems, paletteProblems} from "./charts/colors.js";
export {formatDate} from "./chart-text.js";
export {attributionOf} from "./claim.js";

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
   * the drawing: the editor uses it to drag a label and turn the move into dx, dy.
   */
  onLabels?: (labels: readonly PlacedLabel[]) => void;
}

/** Sizes for a width. */
export function layoutFor(width: number, spec: {colors?: readonly string[]} = {}): ChartLayout {
  const narrow = width < 480;
  return {
    width,
    narrow,
    fontSize: fontSizes.label,
    labelWidth: narrow ? Math.min(180, width * 0.5) : 240,
    palette: paletteOf(spec)
  };
}

/** The figure a social card shows large, with what it is. */
export interface CardFigure {
  /** The claim's label: "more than 800,000". */
  label: string;
  /** "Refugees, according to the UN, 2 March 2022". */
  caption: string;
  claim: string;
}

/** The texts around a chart, placeholders resolved: what the page, the embed and the social card reuse. */
export interface ChartTexts {
  title: string;
  subtitle: string;
  note: string;
  alt: string;
  /** The source line as drawn: "Sources: …; …". */
  source: string;
  /** The source line's entries, one per source, then the reports they come through. */
  sources: string[];
  /** Every claim the chart draws or names in its text, drawn ones first. */
  claims: string[];
  /** The chart's key figure, for its social card (none for a map without claims). */
  figure: CardFigure | null;
}

/** The chart's alt text: the spec's `alt`, or one generated from the data, then the notes. */
function altText(spec: ChartSpec, drawn: readonly Claim[], data: ChartData): string {
  const byId = claimsById(data.claims);
  if (spec.alt) return resolveText(spec.alt, byId);
  const sentences = chartModule(spec.type).alt(spec, drawn, data);
  const notes = (spec.annotations ?? []).map((a) => resolveText(a.text, byId).replace(/[.\s]*$/, "."));
  if (notes.length) sentences.push(`Notes on the chart: ${notes.join(" ")}`);
  return sentences.join(" ");
}

/** A claim as a social card shows it: its label large, then what it is, who gave it and when. */
export function claimCardFigure(claim: Claim): CardFigure {
  const caption = `${capitalize(claim.measure)}, ${claim.attribution ? `according to ${claim.attribution}` : attributionOf(claim)}, ${formatDate(claim.as_of)}`;
  return {label: claim.label, caption, claim: claim.id};
}

/** The chart's key figure: the type's choice, else the largest figure drawn. */
function cardFigure(spec: ChartSpec, drawn: readonly Claim[]): CardFigure | null {
  const module = chartModule(spec.type);
  const claim =
    module.keyClaim?.(spec, drawn) ?? [...drawn].sort((a, b) => (b.upper ?? b.value) - (a.upper ?? a.value))[0];
  return claim ? claimCardFigure(claim) : null;
}

/** The chart's texts, as `renderChart` prints them. */
export function chartTexts(spec: ChartSpec, data: ChartData): ChartTexts {
  const byId = claimsById(data.claims);
  const drawn = chartModule(spec.type).drawn(spec, byId);
  const named = textFields(spec).flatMap(([, text]) => claimsNamed(text));
  const ids = [...new Set([...drawn.map((c) => c.id), ...named])].filter((id) => byId.has(id));
  const cited = ids.map((id) => byId.get(id)!);
  return {
    title: resolveText(spec.title, byId),
    subtitle: spec.subtitle ? resolveText(spec.subtitle, byId) : "",
    note: spec.note ? resolveText(spec.note, byId) : "",
    alt: altText(spec, drawn, data),
    source: sourceLine(cited),
    sources: sourceEntries(cited),
    claims: ids,
    figure: cardFigure(spec, drawn)
  };
}

/**
 * Renders a validated spec (see `checkChartSpec`) as one `<svg>` with `role="img"`, a `<title>`
 * and a `<desc>` holding the alt text. Colours follow the page's theme through CSS classes, unless
 * the spec sets its own `colors`.
 *
 * ```ts
 * const svg = renderChart(spec, {claims, places, land}, {width: 720, id: "refugees-units"});
 * ```
 */
export function renderChart(spec: ChartSpec, data: ChartData, options: RenderOptions): SVGSVGElement {
  const {width, document = globalThis.document, id = "chart"} = options;
  const module = chartModule(spec.type);
  const layout = layoutFor(width, spec);
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
    lines: string[],
    size: number,
    className: string,
    opts: {bold?: boolean; indent?: number; opacity?: number} = {}
  ) => {
    const element = svgElement(document, "text", {
      class: className,
      "font-size": size,
      "font-weight": opts.bold ? "bold" : undefined,
      "fill-opacity": opts.opacity
    });
    lines.forEach((line, i) => {
      const tspan = svgElement(document, "tspan", {x: opts.indent ?? 0, y: y + size * (0.95 + i * lineHeight)});
      tspan.textContent = line;
      element.append(tspan);
    });
    svg.append(element);
    y += lines.length * size * lineHeight;
  };
  const wrapped = (text: string, size: number, indent = 0, bold = false) => wrapText(text, width - indent, size, bold);
  block(wrapped(texts.title, fontSizes.title, 0, true), fontSizes.title, "kit-title", {bold: true});
  if (texts.subtitle)
    block(wrapped(texts.subtitle, fontSizes.subtitle), fontSizes.subtitle, "kit-subtitle", {
      opacity: textOpacity.subtitle
    });
  y += 10;

  const plot = module.draw(spec, data, layout, document);
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

  const byId = claimsById(data.claims);
  const drawn = module.drawn(spec, byId);
  const keyLines: KeyLine[] = [
    ...(module.extraKey?.(spec, drawn, layout, document) ?? []),
    ...keyItems(module.key, drawn).map((item) => ({
      swatch: module.swatch(document, item.bound, layout.palette),
      text: item.text
    }))
  ];
  for (const {swatch, text} of keyLines) {
    swatch.setAttribute("transform", `translate(0,${Math.round(y + 1)})`);
    svg.append(swatch);
    block(wrapped(text, fontSizes.small, 30), fontSizes.small, "kit-key", {indent: 30});
    y += 3;
  }
  if (texts.note) block(wrapped(texts.note, fontSizes.small), fontSizes.small, "kit-note");
  for (const credit of module.credits?.(spec, data) ?? []) {
    block(wrapped(credit, fontSizes.small), fontSizes.small, "kit-credit", {opacity: textOpacity.source});
  }
  if (texts.source)
    block(wrapEntries(texts.source, width, fontSizes.small), fontSizes.small, "kit-source", {
      opacity: textOpacity.source
    });
  // Straight paths (outlines, lines, squares) relative and at 0.1 px: a map's outline costs half the bytes.
  for (const path of svg.querySelectorAll("path[d]")) path.setAttribute("d", relativePath(path.getAttribute("d")!));
  const height = Math.ceil(y + 4);
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return svg;
}

/**
 * The layout problems of a chart at both widths (or those given): every text box measured against
 * every other text, mark and connector, and against the chart's edge, after placement. Pure apart
 * from the DOM it renders into (the page's, or jsdom's in Node). `explainer charts` fails on them.
 *
 * ```ts
 * for (const p of layoutProblems(spec, data, {document, id: "refugees"})) console.log(p.message);
 * ```
 */
export function layoutProblems(
  spec: ChartSpec,
  data: ChartData,
  options: {document?: Document; id?: string; widths?: readonly number[]} = {}
): LayoutProblem[] {
  const {id = "chart", widths = Object.values(chartWidths)} = options;
  return widths.flatMap((width) => {
    let labels: readonly PlacedLabel[] = [];
    const svg = renderChart(spec, data, {width, id, document: options.document, onLabels: (l) => (labels = l)});
    return svgLayoutProblems(svg, {chart: id, width, labels});
  });
}
