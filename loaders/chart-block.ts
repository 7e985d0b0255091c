/**
 * Charts on pages: `::: chart ID` inlines the chart the stage rendered, at the narrow and the wide
 * width (CSS shows the one that fits), so the page shows it without running any JavaScript, with a
 * "Get the data" link to the chart's CSV; `::: embed` does the same on an embed page
 * (`src/embed/[chart].md`, whose path names the chart).
 */
import {existsSync} from "node:fs";
import {join} from "node:path";
import {slugSource} from "../src/components/slug.ts";
import {didYouMean} from "../src/components/suggest.ts";
import type {Block, BlockContext} from "./block-context.ts";
import {chartsDir} from "./chart-files.ts";
import {KitError} from "./errors.ts";
import {escapeHtml} from "./prose-html.ts";
import type {RenderedChart} from "./render-charts.ts";

/** The folder of the embed pages in the site: `/embed/<chart-id>`. */
export const embedFolder = "embed";

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

/** The chart id of an embed page from its page file: `src/embed/refugees-and-deaths.md` → `refugees-and-deaths`. */
export function embedChartId(pageFile: string): string | undefined {
  return new RegExp(`^src/${embedFolder}/(${slugSource})\\.md$`).exec(pageFile)?.[1];
}

/** Options of the `chart` directive. */
export interface ChartBlockOptions {
  /** HTML added to each chart's caption (the embed code), given the chart and the way to the site's root (`./`). */
  extra?: (id: string, chart: RenderedChart, root: string) => string;
  /**
   * A browser module the extra HTML needs, relative to `src/` (`components/embed-copy.js`): added
   * once per page, after its first chart, as `<script type="module" src>` (Framework bundles it).
   */
  script?: string;
}

function known(context: BlockContext, id: string): void {
  if (context.story.charts[id]) return;
  const file = `${chartsDir}/${id}.json`;
  if (existsSync(join(context.root, file)))
    throw new KitError(
      "CHART_NOT_DRAWN",
      `chart "${id}" is not drawn: ${file} has problems, each listed at that file`,
      context.place
    );
  const suggestion = didYouMean(id, Object.keys(context.story.charts));
  throw new KitError("UNKNOWN_CHART", `no chart "${id}" in ${chartsDir}/${suggestion}`, context.place);
}

/** The `chart` and `embed` directives. */
export function chartBlocks({extra, script}: ChartBlockOptions = {}): Record<"chart" | "embed", Block> {
  const scripted = new WeakSet<object>();
  return {
    chart: {
      check(context) {
        const [id, ...rest] = context.args;
        if (!id || rest.length) throw new KitError("DIRECTIVE_ARGS", "chart takes one chart id", context.place);
        known(context, id);
        context.scan.charts.push(id);
      },
      render(context) {
        const id = context.args[0];
        const chart = context.story.charts[id];
        const root = relativeRoot(context.place.file);
        let html = chartHtml(id, chart, {root, extra: extra?.(id, chart, root)});
        if (script && !scripted.has(context.scan)) {
          scripted.add(context.scan);
          html += `<script type="module" src="${root}${escapeHtml(script)}"></script>\n`;
        }
        return html;
      }
    },
    embed: {
      check(context) {
        const id = embedChartId(context.place.file);
        if (context.args.length) throw new KitError("DIRECTIVE_ARGS", "embed takes no arguments", context.place);
        if (!id) {
          throw new KitError(
            "EMBED_OUTSIDE_EMBEDS",
            `::: embed belongs in src/${embedFolder}/[chart].md, whose pages are /${embedFolder}/<chart-id>`,
            context.place
          );
        }
        known(context, id);
        context.scan.charts.push(id);
      },
      render(context) {
        const id = embedChartId(context.place.file)!;
        const root = relativeRoot(context.place.file);
        // The height protocol's script (components/embed-height.ts), which reports the embed's height to its frame.
        return (
          chartHtml(id, context.story.charts[id], {root}) +
          `<script type="module" src="${root}components/embed-height.js"></script>\n`
        );
      }
    }
  };
}
