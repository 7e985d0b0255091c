/**
 * Charts on pages: the `::: chart ID` directive inlines the chart rendered at build time, at the
 * narrow and the wide width (CSS shows the one that fits), so the page shows it without running
 * any JavaScript, with a "Get the data" link to the chart's CSV.
 */
import type {Claim} from "../src/components/claim.ts";
import type {ChartData} from "../src/components/charts/types.ts";
import {chartIds, loadChartDataSync, readChartSpecsSync, type ChartFile} from "./charts.ts";
import {downloadCsv} from "./csv-safe.ts";
import {KitError, throwIfAny} from "./errors.ts";
import type {Block, BlockContext} from "./prose.ts";
import {escapeHtml} from "./prose-html.ts";
import {renderChartFile, type RenderedChart} from "./render-charts.ts";

/** Columns of a chart's CSV download: the claims it shows, with where each comes from. */
export const chartCsvColumns = [
  "chart",
  "id",
  "measure",
  "label",
  "figure",
  "value",
  "lower",
  "upper",
  "qualifier",
  "attribution",
  "as_of",
  "place",
  "latitude",
  "longitude",
  "source_title",
  "published",
  "quote"
] as const;

/** One chart's data as rows of its CSV download. */
export function chartRows(id: string, chart: RenderedChart, data: ChartData): Record<string, string>[] {
  const claims = new Map<string, Claim>(data.claims.map((c) => [c.id, c]));
  const places = new Map(data.places.map((p) => [p.name, p]));
  const cell = (v: number | null) => (v === null ? "" : String(v));
  return chart.claims.flatMap((claimId) => {
    const c = claims.get(claimId);
    if (!c) return [];
    const place = places.get(c.place);
    return [
      {
        chart: id,
        id: c.id,
        measure: c.measure,
        label: c.label,
        figure: c.figure,
        value: cell(c.value),
        lower: cell(c.lower),
        upper: cell(c.upper),
        qualifier: c.qualifier,
        attribution: c.attribution,
        as_of: c.as_of,
        place: c.place,
        latitude: place ? String(place.latitude) : "",
        longitude: place ? String(place.longitude) : "",
        source_title: c.source_title,
        published: c.published,
        quote: c.quote
      }
    ];
  });
}

/** Every valid chart rendered, with the data they show; throws every problem of every spec. */
export function renderAllCharts(root: string): {data: ChartData; charts: Map<string, RenderedChart>} {
  const data = loadChartDataSync(root);
  const {charts, problems} = readChartSpecsSync(root, data);
  throwIfAny(problems);
  return {data, charts: new Map(charts.map((c: ChartFile) => [c.id, renderChartFile(c, data)]))};
}

/** Options of {@link chartHtml}. */
export interface ChartHtmlOptions {
  /** The way from the page to the site's root, for links: `./` (default) for a page at the root, `../` one folder down. */
  root?: string;
  /** HTML added to the caption after the data link (the embed code). */
  extra?: string;
}

/** The HTML of one chart on a page. */
export function chartHtml(id: string, chart: RenderedChart, {root = "./", extra = ""}: ChartHtmlOptions = {}): string {
  const csv = `${root}data/download/charts/${id}.csv`;
  return (
    `<figure class="chart" id="chart-${escapeHtml(id)}" data-chart="${escapeHtml(id)}">\n` +
    `<div class="chart-narrow">${chart.narrow}</div>\n` +
    `<div class="chart-wide">${chart.wide}</div>\n` +
    `<figcaption class="chart-links"><a href="${csv}" download="${escapeHtml(id)}.csv">Get the data (CSV)</a>${extra}</figcaption>\n` +
    `</figure>\n`
  );
}

/** The way from a page file to the site's root: `src/index.md` → `./`, `src/embed/x.md` → `../`. */
export function relativeRoot(pageFile: string): string {
  const depth = pageFile.replace(/^src\//, "").split("/").length - 1;
  return depth === 0 ? "./" : "../".repeat(depth);
}

/** Every chart rendered once per page being rendered (keyed by the page's story object), for the directives. */
export function chartsPerPage(): (context: BlockContext) => ReturnType<typeof renderAllCharts> {
  const rendered = new WeakMap<object, ReturnType<typeof renderAllCharts>>();
  return (context) => {
    let result = rendered.get(context.story);
    if (!result) rendered.set(context.story, (result = renderAllCharts(context.root)));
    return result;
  };
}

/** Options of {@link chartBlock}. */
export interface ChartBlockOptions {
  /** HTML added to each chart's caption (the embed code), given the chart and the way to the site's root (`./`). */
  extra?: (id: string, chart: RenderedChart, root: string) => string;
  /**
   * A browser module the extra HTML needs, relative to `src/` (`components/embed-copy.js`): added
   * once per page, after its first chart, as `<script type="module" src>` (Framework bundles it).
   */
  script?: string;
}

/**
 * The `chart` directive. Rendered charts are kept for the page being rendered (the context's
 * story object), so several charts on one page read the data once.
 */
export function chartBlock({extra, script}: ChartBlockOptions = {}): Block {
  const all = chartsPerPage();
  const scripted = new WeakSet<object>();
  return {
    check(context) {
      const [id, ...rest] = context.args;
      if (!id || rest.length) throw new KitError("DIRECTIVE_ARGS", "chart takes one chart id", context.place);
      if (!chartIds(context.root).ids.includes(id)) {
        throw new KitError("UNKNOWN_CHART", `no chart "${id}" in data/charts/`, context.place);
      }
    },
    render(context) {
      const id = context.args[0];
      const chart = all(context).charts.get(id)!;
      const root = relativeRoot(context.place.file);
      let html = chartHtml(id, chart, {root, extra: extra?.(id, chart, root)});
      if (script && !scripted.has(context.story)) {
        scripted.add(context.story);
        html += `<script type="module" src="${root}${escapeHtml(script)}"></script>\n`;
      }
      return html;
    }
  };
}

/** `src/data/download/charts.zip`: one neutralized CSV per chart, served as `data/download/charts/<id>.csv`. */
export async function chartsZip(root: string): Promise<Buffer> {
  const {default: JSZip} = await import("jszip");
  const {data, charts} = renderAllCharts(root);
  const zip = new JSZip();
  for (const [id, chart] of charts) {
    zip.file(`${id}.csv`, downloadCsv(chartRows(id, chart, data), chartCsvColumns), {
      date: new Date("2000-01-01T00:00:00Z")
    });
  }
  return zip.generateAsync({type: "nodebuffer", compression: "DEFLATE"});
}
