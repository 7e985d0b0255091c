/**
 * Static charts at build time: every spec rendered in Node (jsdom supplies the DOM that Plot and
 * the renderer write into) at a narrow and a wide width, serialized to self-contained SVG text
 * that a page can inline and show without running any JavaScript.
 */
import {JSDOM} from "jsdom";
import {
  chartTexts,
  chartWidths,
  renderChart,
  svgLayoutProblems,
  type CardFigure,
  type LayoutProblem,
  type PlacedLabel
} from "../src/components/chart.ts";
import type {ChartSpec} from "../src/components/chart-spec.ts";
import type {ChartData} from "../src/components/charts/types.ts";
import {chartsDir} from "./chart-files.ts";
import type {ChartFile} from "./charts.ts";
import {KitError, throwIfAny} from "./errors.ts";

/** One chart as the page, the embeds and the social cards use it: both SVGs and the texts around them. */
export interface RenderedChart {
  /** The chart at 360 px, for phones. */
  narrow: string;
  /** The chart at 720 px. */
  wide: string;
  alt: string;
  title: string;
  subtitle: string;
  source: string;
  note: string;
  /** Ids of the claims the chart draws or names. */
  claims: string[];
  /** The figure its social card shows large, or null. */
  figure: CardFigure | null;
}

let window: JSDOM["window"] | undefined;

/** A DOM for Node, made once: Plot and the renderer only create and serialize elements. */
function nodeWindow(): JSDOM["window"] {
  window ??= new JSDOM("<!DOCTYPE html><html><body></body></html>").window;
  return window;
}

/**
 * Serializes a rendered chart: XML (valid inline in HTML too), ids renamed in order of appearance
 * under the chart's prefix (Plot numbers its ids per process), absolute path data (curves: the
 * renderer writes straight paths relative) rounded to 0.1 px.
 */
export function serializeSvg(svg: SVGSVGElement, prefix: string): string {
  let text = new (nodeWindow().XMLSerializer)().serializeToString(svg);
  const ids = [...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]).filter((id) => !id.startsWith(`${prefix}-`));
  ids.forEach((id, i) => {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    text = text.replace(new RegExp(`(id="|#)${escaped}(?=[")])`, "g"), `$1${prefix}-${i}`);
  });
  // The renderer writes straight paths relative at 0.1 px; others (curves) are rounded here.
  return text.replace(/\sd="([^"]*[A-Z][^"]*)"/g, (_, d: string) => {
    return ` d="${d.replace(/-?\d*\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`;
  });
}

/**
 * Renders one spec at one width to SVG text, with the layout problems of what was drawn (labels
 * that collide with other text, marks or connectors, or are cut by the chart's edge).
 *
 * ```ts
 * const {svg, problems} = renderChecked(spec, data, {id: "refugees-and-deaths", width: 360});
 * ```
 */
export function renderChecked(
  spec: ChartSpec,
  data: ChartData,
  {id, width}: {id: string; width: number}
): {svg: string; problems: LayoutProblem[]} {
  let labels: readonly PlacedLabel[] = [];
  const svg = renderChart(spec, data, {width, id, document: nodeWindow().document, onLabels: (l) => (labels = l)});
  return {svg: serializeSvg(svg, `${id}-${width}`), problems: svgLayoutProblems(svg, {chart: id, width, labels})};
}

/**
 * Renders one spec at one width to SVG text.
 *
 * ```ts
 * const svg = renderChartSvg(spec, data, {id: "refugees-and-deaths", width: 360});
 * ```
 */
export function renderChartSvg(spec: ChartSpec, data: ChartData, options: {id: string; width: number}): string {
  return renderChecked(spec, data, options).svg;
}

/** A layout problem as the kit reports it: the chart's spec file and field. */
export function layoutError(problem: LayoutProblem): KitError {
  return new KitError(problem.code, problem.detail, {file: `${chartsDir}/${problem.chart}.json`, field: problem.field});
}

/** One chart at both widths, with its texts; throws its layout problems (a chart with any is not published). */
export function renderChartFile({id, spec}: ChartFile, data: ChartData): RenderedChart {
  const texts = chartTexts(spec, data);
  const narrow = renderChecked(spec, data, {id, width: chartWidths.narrow});
  const wide = renderChecked(spec, data, {id, width: chartWidths.wide});
  throwIfAny([...narrow.problems, ...wide.problems].map(layoutError));
  return {
    narrow: narrow.svg,
    wide: wide.svg,
    alt: texts.alt,
    title: texts.title,
    subtitle: texts.subtitle,
    source: texts.source,
    note: texts.note,
    claims: texts.claims,
    figure: texts.figure
  };
}
