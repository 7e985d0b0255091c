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

/** The HTML of one chart on a page. */
export function chartHtml(id: string, chart: RenderedChart): string {
  const csv = `./data/download/charts/${id}.csv`;
  return (
    `<figure class="chart" id="chart-${escapeHtml(id)}" data-chart="${escapeHtml(id)}">\n` +
    `<div class="chart-narrow">${chart.narrow}</div>\n` +
    `<div class="chart-wide">${chart.wide}</div>\n` +
    `<figcaption class="chart-links"><a href="${csv}" download="${escapeHtml(id)}.csv">Get the data (CSV)</a></figcaption>\n` +
    `</figure>\n`
  );
}

/**
 * The `chart` directive. Rendered charts are kept for the page being rendered (the context's
 * story object), so several charts on one page read the data once.
 */
export function chartBlock(): Block {
  const rendered = new WeakMap<object, ReturnType<typeof renderAllCharts>>();
  const all = (context: BlockContext) => {
    let result = rendered.get(context.story);
    if (!result) rendered.set(context.story, (result = renderAllCharts(context.root)));
    return result;
  };
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
      return chartHtml(id, all(context).charts.get(id)!);
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
