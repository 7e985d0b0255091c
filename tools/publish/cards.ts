/**
 * Social cards: a 1200×630 PNG per page and per chart, drawn at build time as SVG from what the
 * page shows (its title and description, its first chart; a chart's own SVG) and rasterized by
 * `@resvg/resvg-js` with DejaVu Sans, the font the charts' text layout is measured with.
 */
import {existsSync} from "node:fs";
import {join} from "node:path";
import {Resvg} from "@resvg/resvg-js";
import {KitError} from "../../loaders/errors.ts";
import {escapeHtml} from "../../loaders/prose-html.ts";
import {textWidth, wrapText} from "../../src/components/chart-text.ts";
import type {ChartInfo} from "./page-info.ts";

/** A card's size in px: what og:image and twitter:card `summary_large_image` expect. */
export const cardSize = {width: 1200, height: 630} as const;

/** Where the card fonts are looked for; `EXPLAINER_CARD_FONTS` names another folder. Debian: `fonts-dejavu-core`. */
export const defaultFontDir = "/usr/share/fonts/truetype/dejavu";

const font = "DejaVu Sans";
const ink = "#1b1e23";
const muted = "#545b66";
const accent = "#4269d0";
const margin = 56;

/** The font files a card needs, checked: throws CARD_FONT_MISSING, with the fix, when they are not there. */
export function cardFonts(dir: string = process.env.EXPLAINER_CARD_FONTS || defaultFontDir): string[] {
  const files = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((name) => join(dir, name));
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length) {
    throw new KitError(
      "CARD_FONT_MISSING",
      `social cards need DejaVu Sans: ${missing.join(", ")} not found; install it (apt-get install -y fonts-dejavu-core) or set EXPLAINER_CARD_FONTS to a folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf`,
      {file: dir}
    );
  }
  return files;
}

/** Lines of text wrapped to a width, at most `max` of them, the last ending in "…" when the text is longer. */
export function clampLines(text: string, width: number, size: number, bold: boolean, max: number): string[] {
  const lines = wrapText(text, width, size, bold);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = kept[max - 1];
  while (last && textWidth(`${last}…`, size, bold) > width) last = last.replace(/\s*\S+$/, "");
  kept[max - 1] = `${last.replace(/[\s,;:.]+$/, "")}…`;
  return kept;
}

function textBlock(lines: string[], x: number, y: number, size: number, lineHeight: number, attrs: string): string {
  const spans = lines.map((line, i) => `<tspan x="${x}" y="${y + i * lineHeight}">${escapeHtml(line)}</tspan>`);
  return `<text font-size="${size}" ${attrs}>${spans.join("")}</text>`;
}

/** A chart's SVG placed in a box, scaled to fit and centred, its `currentColor` text in ink. */
function placeSvg(svg: string, x: number, y: number, width: number, height: number): string {
  return svg.replace(/^<svg\b([^>]*)>/, (_m, attrs: string) => {
    const kept = attrs.replace(/\s(?:width|height|x|y|style|color)="[^"]*"/g, "");
    return `<svg${kept} x="${x}" y="${y}" width="${width}" height="${height}" preserveAspectRatio="xMidYMid meet" color="${ink}">`;
  });
}

function frame(body: string, footer: string): string {
  const {width, height} = cardSize;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${font}">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/><rect width="${width}" height="10" fill="${accent}"/>` +
    body +
    textBlock([footer], margin, height - 32, 22, 0, `fill="${muted}"`) +
    `</svg>`
  );
}

/** The card of a chart, as SVG: the chart itself (title, subtitle, marks, source line) filling the card. */
export function chartCardSvg(chart: ChartInfo, siteName: string): string {
  const {width, height} = cardSize;
  return frame(placeSvg(chart.wide, margin, 36, width - 2 * margin, height - 36 - 72), siteName);
}

/**
 * The card of a page, as SVG: its title and description on the left, and its first chart (the
 * narrow drawing, which suits the card's shape) on the right when it has one.
 */
export function pageCardSvg(page: {title: string; description: string; charts: ChartInfo[]}, siteName: string): string {
  const {width, height} = cardSize;
  const chart = page.charts[0];
  const chartWidth = chart ? 400 : 0;
  const textWidthPx = width - 2 * margin - (chart ? chartWidth + margin : 0);
  const title = clampLines(page.title, textWidthPx, 56, true, 4);
  const titleBottom = 120 + (title.length - 1) * 66;
  const descriptionLines = Math.max(0, Math.min(5, Math.floor((height - 110 - titleBottom - 40) / 40)));
  const description = clampLines(page.description, textWidthPx, 30, false, descriptionLines);
  return frame(
    textBlock(title, margin, 120, 56, 66, `font-weight="bold" fill="${ink}"`) +
      textBlock(description, margin, titleBottom + 70, 30, 40, `fill="${muted}"`) +
      (chart ? placeSvg(chart.narrow, width - margin - chartWidth, 40, chartWidth, height - 40 - 72) : ""),
    siteName
  );
}

/** Rasterizes a card's SVG to PNG with the card fonts only (no system font lookup: the same PNG on every machine). */
export function renderPng(svg: string, fonts: string[] = cardFonts()): Buffer {
  const resvg = new Resvg(svg, {
    font: {loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: font, sansSerifFamily: font},
    fitTo: {mode: "original"}
  });
  return resvg.render().asPng();
}
