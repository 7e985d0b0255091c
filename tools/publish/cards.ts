/**
 * Social cards: a 1200×630 PNG per page and per chart, drawn at build time as SVG and rasterized
 * by `@resvg/resvg-js` with DejaVu Sans, the font the charts' text layout is measured with. A
 * chart's card has a layout of its own for a feed thumbnail: its title, its key figure large with
 * what it is, and its source line, no text under 24 px (`minCardText`). A page's card follows the
 * same rule: its title and description, and a figure: the one its front matter names (`card`), else
 * its first chart's key figure when it has one.
 */
import {existsSync} from "node:fs";
import {join} from "node:path";
import {Resvg} from "@resvg/resvg-js";
import {KitError} from "../../loaders/errors.ts";
import {escapeHtml} from "../../loaders/prose-html.ts";
import {textWidth, wrapText} from "../../src/components/chart-text.ts";
import type {CardFigure} from "../../src/components/chart.ts";
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

/**
 * Lines of text wrapped to a width, at most `max` of them (none when there is no room for one), the
 * last ending in "…" when the text is longer.
 */
export function clampLines(text: string, width: number, size: number, bold: boolean, max: number): string[] {
  if (max < 1) return [];
  const lines = wrapText(text, width, size, bold);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = kept[max - 1];
  while (last && textWidth(`${last}…`, size, bold) > width) last = last.replace(/\s*\S+$/, "");
  kept[max - 1] = `${last.replace(/[\s,;:.]+$/, "")}…`;
  return kept;
}

/** A figure's label on two lines at most, never breaking a number from its scale word ("2.2 million"). */
function figureLines(label: string, width: number, size: number): string[] {
  const words = label.replace(/(\d) (thousand|million|billion|trillion)\b/g, "$1\u0000$2").split(" ");
  const lines: string[] = [];
  for (const word of words.map((w) => w.replace(/\u0000/g, " "))) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${word}`, size, true) <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length <= 2 ? lines : clampLines(label, width, size, true, 2);
}

function textBlock(lines: string[], x: number, y: number, size: number, lineHeight: number, attrs: string): string {
  const spans = lines.map((line, i) => `<tspan x="${x}" y="${y + i * lineHeight}">${escapeHtml(line)}</tspan>`);
  return `<text font-size="${size}" ${attrs}>${spans.join("")}</text>`;
}

function frame(body: string, footer: string): string {
  const {width, height} = cardSize;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${font}">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/><rect width="${width}" height="10" fill="${accent}"/>` +
    body +
    textBlock([footer], margin, height - 32, minCardText, 0, `fill="${muted}"`) +
    `</svg>`
  );
}

/** The smallest text on a chart's card, px: legible in a feed thumbnail. */
export const minCardText = 24;

/** What a chart's card shows: what a page knows of the chart, and the texts the renderer gives (`chartTexts`). */
export interface ChartCardInput extends Pick<ChartInfo, "title" | "subtitle"> {
  /** The chart's key figure (`chartTexts(spec, data).figure`); the subtitle is shown without one. */
  figure?: CardFigure | null;
  /** The chart's source line (`chartTexts(spec, data).source`); read from `wide` when left out. */
  source?: string;
  /** The chart's wide SVG, only to read its source line from when `source` is not given. */
  wide?: string;
}

/** The source line drawn in a chart's SVG (its `kit-source` text, lines joined). */
export function sourceOfSvg(svg: string): string {
  const m = /<text[^>]*class="kit-source"[^>]*>(.*?)<\/text>/s.exec(svg);
  if (!m) return "";
  const lines = [...m[1].matchAll(/<tspan[^>]*>(.*?)<\/tspan>/gs)].map((t) => t[1]);
  const decode = (s: string) =>
    s.replace(
      /&(amp|lt|gt|quot|#39|#x27);/g,
      (_, e: string) => ({amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'"})[e]!
    );
  return decode(lines.join(" "));
}

/**
 * The card of a chart, as SVG, at 1200×630: the title (bold, up to two lines), the key figure
 * large in the accent colour with what it is under it, the source line (up to two lines), the
 * site's name. The smallest text is 24 px.
 */
export function chartCardSvg(chart: ChartCardInput, siteName: string): string {
  const {width} = cardSize;
  const text = width - 2 * margin;
  const title = clampLines(chart.title, text, 52, true, 2);
  let y = 96;
  let body = textBlock(title, margin, y, 52, 62, `font-weight="bold" fill="${ink}"`);
  y += (title.length - 1) * 62 + 40;
  if (chart.figure) {
    // The figure on one line as large as fits, else on two at the smallest size: never cut ("between
    // 2.1 million and 2.2…" would drop the upper end of the range).
    const fits = [120, 96, 72, 56].find((s) => textWidth(chart.figure!.label, s, true) <= text);
    const size = fits ?? 56;
    const figure = fits ? [chart.figure.label] : figureLines(chart.figure.label, text, size);
    y += size;
    body += textBlock(figure, margin, y, size, size * 1.15, `font-weight="bold" fill="${accent}"`);
    y += (figure.length - 1) * size * 1.15;
    const caption = clampLines(chart.figure.caption, text, 32, false, 2);
    y += 52;
    body += textBlock(caption, margin, y, 32, 42, `fill="${ink}"`);
    y += (caption.length - 1) * 42;
  } else if (chart.subtitle) {
    const subtitle = clampLines(chart.subtitle, text, 32, false, 3);
    y += 32;
    body += textBlock(subtitle, margin, y, 32, 42, `fill="${ink}"`);
    y += (subtitle.length - 1) * 42;
  }
  const source = chart.source ?? (chart.wide ? sourceOfSvg(chart.wide) : "");
  if (source) {
    const lines = clampLines(source, text, minCardText, false, 2);
    body += textBlock(
      lines,
      margin,
      cardSize.height - 84 - (lines.length - 1) * 32,
      minCardText,
      32,
      `fill="${muted}"`
    );
  }
  return frame(body, siteName);
}

/**
 * The card of a page, as SVG, at 1200×630 with the chart cards' rule (no text under 24 px): its
 * title (bold, up to three lines), its description in the room left, and its figure (pageInfo's:
 * the explainer's `card` claim, else its first chart's key figure), large with what it is, at the foot. A chart's own drawing is not
 * shrunk into the card: its labels would come out at 8 px.
 */
export function pageCardSvg(
  page: {title: string; description: string; figure: CardFigure | null},
  siteName: string
): string {
  const {height} = cardSize;
  const text = cardSize.width - 2 * margin;
  const {figure} = page;
  const title = clampLines(page.title, text, 56, true, 3);
  let body = textBlock(title, margin, 110, 56, 66, `font-weight="bold" fill="${ink}"`);
  const titleBottom = 110 + (title.length - 1) * 66 + 0.24 * 56;
  // The figure from the foot up: its caption ends above the site's name (at height - 32).
  let free = height - 32 - 0.93 * minCardText - 24;
  if (figure) {
    const fits = [96, 72, 56].find((s) => textWidth(figure.label, s, true) <= text);
    const size = fits ?? 56;
    const label = fits ? [figure.label] : figureLines(figure.label, text, size);
    const caption = clampLines(figure.caption, text, 28, false, 2);
    const captionTop = free - 0.24 * 28 - (caption.length - 1) * 36;
    const labelLast = captionTop - 0.93 * 28 - 14 - 0.24 * size;
    const labelFirst = labelLast - (label.length - 1) * size * 1.15;
    body +=
      textBlock(label, margin, labelFirst, size, size * 1.15, `font-weight="bold" fill="${accent}"`) +
      textBlock(caption, margin, captionTop, 28, 36, `fill="${ink}"`);
    free = labelFirst - 0.93 * size - 28;
  }
  // The description in the room left between the title and the figure (or the foot).
  const first = titleBottom + 24 + 0.93 * 30;
  const lines = Math.max(0, Math.min(4, Math.floor((free - first - 0.24 * 30) / 40) + 1));
  const description = clampLines(page.description, text, 30, false, lines);
  if (lines) body += textBlock(description, margin, first, 30, 40, `fill="${muted}"`);
  return frame(body, siteName);
}

/** Rasterizes a card's SVG to PNG with the card fonts only (no system font lookup: the same PNG on every machine). */
export function renderPng(svg: string, fonts: string[] = cardFonts()): Buffer {
  const resvg = new Resvg(svg, {
    font: {loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: font, sansSerifFamily: font},
    fitTo: {mode: "original"}
  });
  return resvg.render().asPng();
}
