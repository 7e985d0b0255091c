/**
 * The HTML of cited figures: the inline figure with its marker and card, figure cards, the Sources
 * list and the corrections log. Every string from data is escaped here, so a quote holding
 * `<img src=x onerror=…>` shows as text.
 */
import {capitalize, formatDate, unquoted} from "../src/components/chart-text.ts";
import {attributionOf, type Claim} from "../src/components/claim.ts";
import type {Citation, Citations} from "./citations.ts";
import type {Correction} from "./corrections.ts";
import type {Source} from "./sources.ts";

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{"&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "#39"}[c]};`);
}

/** "the UN, in “Title”, by Will Taylor, 2 March 2022": only the parts the source has. */
function citationLine(claim: Claim): string {
  const parts = [escapeHtml(attributionOf(claim))];
  if (claim.source_title) parts.push(`in <cite>${escapeHtml(claim.source_title)}</cite>`);
  if (claim.byline) parts.push(`by ${escapeHtml(claim.byline)}`);
  if (claim.publisher) parts.push(escapeHtml(claim.publisher));
  if (claim.published)
    parts.push(`<time datetime="${escapeHtml(claim.published)}">${formatDate(claim.published)}</time>`);
  return parts.join(", ");
}

/**
 * What a claim rests on, for its card and its Sources entry: the verbatim quote, or, for a figure
 * computed from a dataset, the query, its result and the rounding rule.
 */
export function quoteHtml(claim: Claim, className = ""): string {
  const cls = className ? ` class="${className}"` : "";
  // A quote that comes in quote marks of its own is not quoted twice (`““We are …`).
  if (!claim.computed) return `<q${cls}>${escapeHtml(unquoted(claim.quote))}</q>`;
  const {query_file, rule, dataset_sha256} = claim.computed;
  return (
    `<span${cls}>Computed from the data: <code>${escapeHtml(query_file)}</code> gives ${escapeHtml(rule)}` +
    ` (dataset sha256 <code>${escapeHtml(dataset_sha256.slice(0, 12))}</code>)</span>`
  );
}

/** The numbered marker and the card it opens (hover, focus or tap). */
export function markerHtml(claim: Claim, citation: Citation): string {
  return (
    `<a class="cite" id="${citation.anchor}" href="#source-${citation.number}" aria-describedby="${citation.card}">[${citation.number}]</a>` +
    `<span class="cite-card" id="${citation.card}" role="tooltip">` +
    `${quoteHtml(claim, "cite-quote")} ` +
    `<span class="cite-meta">${citationLine(claim)}</span></span>`
  );
}

/**
 * A figure in prose: its label, then its marker and card. In a heading (a link to itself) the label
 * comes alone, with no citation; in a link the label goes inside and the marker (`label` false) after it.
 * A label that starts a sentence starts with a capital (`capital`): "About 12% of requests …".
 */
export function figureHtml(
  claim: Claim,
  citation: Citation | null,
  {label = true, capital = false}: {label?: boolean; capital?: boolean} = {}
): string {
  return (
    `<span class="claim" data-claim="${escapeHtml(claim.id)}">` +
    (label ? `<span class="claim-label">${escapeHtml(capital ? capitalize(claim.label) : claim.label)}</span>` : "") +
    (citation ? markerHtml(claim, citation) : "") +
    `</span>`
  );
}

/** Figure cards: the label large, what it measures, who gave it, and its marker. */
export function cardsHtml(cards: {claim: Claim; citation: Citation}[]): string {
  const items = cards.map(
    ({claim, citation}) =>
      `<div class="figure-card" data-claim="${escapeHtml(claim.id)}">` +
      `<p class="figure-card-label">${escapeHtml(claim.label)}</p>` +
      `<p class="figure-card-measure">${escapeHtml(claim.measure)}</p>` +
      `<p class="figure-card-source"><span class="claim">${claim.attribution ? `per ${escapeHtml(claim.attribution)}` : "not attributed in the source"}${markerHtml(claim, citation)}</span></p>` +
      `</div>`
  );
  return `<div class="figure-cards">\n${items.join("\n")}\n</div>\n`;
}

/** The Sources list: one entry per cited claim in order of first use, with links back to each citation. */
export function sourcesHtml(citations: Citations, claims: Map<string, Claim>, sources: Map<string, Source>): string {
  const items = citations.entries().map(({claim: id, number, citations: places}) => {
    const claim = claims.get(id)!;
    const source = sources.get(claim.source);
    const meta = [`<cite>${escapeHtml(claim.source_title || claim.source)}</cite>`];
    if (claim.byline) meta.push(`by ${escapeHtml(claim.byline)}`);
    if (claim.publisher) meta.push(escapeHtml(claim.publisher));
    if (claim.published)
      meta.push(`published <time datetime="${escapeHtml(claim.published)}">${formatDate(claim.published)}</time>`);
    if (source?.archived) meta.push(`archived ${formatDate(source.archived)}`);
    const url = /^https?:\/\//.test(claim.url)
      ? ` <a href="${escapeHtml(claim.url)}" rel="noopener">${escapeHtml(claim.url)}</a>`
      : "";
    const back = places
      .map(
        (p, i) =>
          `<a href="#${p.anchor}" aria-label="Back to citation ${number}${places.length > 1 ? String.fromCharCode(97 + i) : ""}">↩${places.length > 1 ? String.fromCharCode(97 + i) : ""}</a>`
      )
      .join(" ");
    return (
      `<li id="source-${number}" data-claim="${escapeHtml(id)}">` +
      `<span class="source-figure">${escapeHtml(claim.label)} ${escapeHtml(claim.measure)}</span>: ` +
      `${quoteHtml(claim)} (${escapeHtml(attributionOf(claim))}). ${meta.join(", ")}.${url} ` +
      `<span class="backlinks">${back}</span></li>`
    );
  });
  return `<section class="sources" id="sources" aria-labelledby="sources-title">\n<h2 id="sources-title">Sources</h2>\n<ol>\n${items.join("\n")}\n</ol>\n</section>\n`;
}

/** The log of corrections and updates, newest first ("Updated 8 March 2022: …"); nothing when it is empty. */
export function correctionsHtml(corrections: readonly Correction[]): string {
  if (corrections.length === 0) return "";
  const items = corrections.map(
    (c) =>
      `<li><strong>${c.kind === "update" ? "Updated" : "Corrected"} <time datetime="${c.date}">${formatDate(c.date)}</time></strong>: ${escapeHtml(c.change)}</li>`
  );
  const title = corrections.every((c) => c.kind === "update")
    ? "Updates"
    : corrections.every((c) => c.kind === "correction")
      ? "Corrections"
      : "Corrections and updates";
  return `<aside class="corrections" aria-labelledby="corrections-title">\n<h2 id="corrections-title">${title}</h2>\n<ul>\n${items.join("\n")}\n</ul>\n</aside>\n`;
}
