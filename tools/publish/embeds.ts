/**
 * Embeds: every chart has a page of its own, `/embed/<chart-id>` (the parameterized page
 * `src/embed/[chart].md`, one per spec through the config's `dynamicPaths`), with no site chrome:
 * the chart (its SVGs carry the title and the source line) and its "Get the data" link. Under each
 * chart on the explainer, the iframe code to paste into another page, with the script that
 * resizes the frame to the height the embed posts (src/components/embed-height.ts).
 */
import {embedFolder} from "../../loaders/chart-block.ts";
import {escapeHtml} from "../../loaders/prose-html.ts";
import {readStageSync} from "../../loaders/stage-read.ts";
import type {RenderedChart} from "../../loaders/render-charts.ts";
import {heightMessage} from "../../src/components/embed-height.ts";

export {embedFolder};

/**
 * The paths of the embed pages, for Framework's `dynamicPaths`: one per chart of the story,
 * `/embed/<id>`, but for charts that only drafts place when `omitDrafts` (in `npm run build`, which
 * publishes no draft): they are not public yet.
 */
export function embedPaths(root: string, {omitDrafts = false} = {}): string[] {
  const stage = readStageSync(root);
  const placed = (draft: boolean) =>
    new Set(stage.explainers.filter((e) => e.draft === draft).flatMap((e) => e.charts));
  const published = placed(false);
  const drafts = placed(true);
  return Object.keys(stage.charts)
    .filter((id) => !omitDrafts || published.has(id) || !drafts.has(id))
    .sort()
    .map((id) => `/${embedFolder}/${id}`);
}

/**
 * The host page's script, one line: on a height message from one of our frames (the message's
 * source is the frame's window, so no other page can resize it), set that frame's height. The
 * README shows the same script over ten lines.
 */
export function hostScript(): string {
  return (
    `<script>addEventListener("message",function(e){var d=e.data;` +
    `if(!d||d.type!==${JSON.stringify(heightMessage)}||!(d.height>0))return;` +
    `document.querySelectorAll("iframe[data-explainer-kit]").forEach(function(f){` +
    `if(f.contentWindow===e.source)f.height=String(Math.ceil(d.height))})});</script>`
  );
}

/** The wide SVG's height attribute, for the frame's first height before the embed reports its own. */
function svgHeight(svg: string): number {
  const height = Number(/<svg\b[^>]*\bheight="([\d.]+)"/.exec(svg)?.[1]);
  return Number.isFinite(height) ? Math.ceil(height) : 480;
}

/**
 * The code to paste into another page to show a chart: an iframe of its embed page (with a title
 * for screen readers, lazy loading, no border) and the host script that keeps its height right.
 * `site` is the site's address, or, when it is not configured, the way from the page to the site's
 * root (`./`), which only works on the site itself.
 */
export function embedCode(id: string, chart: RenderedChart, site: string): string {
  const src = /^https?:/.test(site) ? new URL(`${embedFolder}/${id}`, site).href : `${site}${embedFolder}/${id}`;
  // The frame starts at the wide chart's height plus the caption line, then takes the height the embed posts.
  const height = svgHeight(chart.wide) + 48;
  return (
    `<iframe src="${escapeHtml(src)}" title="${escapeHtml(chart.title)}" width="100%" height="${height}" ` +
    `loading="lazy" style="border:0" data-explainer-kit="${escapeHtml(id)}"></iframe>\n${hostScript()}`
  );
}

/**
 * The HTML under a chart on a page: a disclosure with the embed code in a block that one click selects
 * whole (with or without JavaScript) and a copy button, which the stylesheet hides when scripts do not
 * run. Not a text box: Chromium lays the whole page out again after first paint for each text box,
 * even in a closed disclosure.
 */
export function embedCodeHtml(id: string, chart: RenderedChart, site: string): string {
  const box = `embed-code-${escapeHtml(id)}`;
  return (
    `<details class="chart-embed no-print"><summary>Embed this chart</summary>\n` +
    `<p class="chart-embed-help">Paste this code into your page to show the chart with its source; it resizes to fit.</p>\n` +
    `<pre id="${box}" class="chart-embed-code">${escapeHtml(embedCode(id, chart, site))}</pre>\n` +
    `<button type="button" class="chart-embed-copy" data-copy="${box}">Copy embed code</button>` +
    `<span class="chart-embed-status" role="status"></span>\n` +
    `</details>`
  );
}
