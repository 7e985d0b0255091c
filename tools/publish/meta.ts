/**
 * Social and search metadata for a built page: description, canonical URL, Open Graph and Twitter
 * card tags, and one JSON-LD block: a `NewsArticle` for an article (its sources as `isBasedOn`,
 * `dateModified` from its log of updates and corrections), a `WebPage` otherwise, and a `Dataset`
 * for each CSV it offers. An article's figures are a `Dataset` of their own (the one of its figures'
 * download when it offers it), whose `variableMeasured` are one `PropertyValue` per figure, each the
 * `subjectOf` a `Claim` with the verbatim quote and the source it appeared in. Every text comes from
 * the page (see page-info.ts) or the story; nothing is typed here.
 */
import {posix} from "node:path";
import type {Claim} from "../../src/components/claim.ts";
import {shownClaims, type Stage} from "../../loaders/stage-model.ts";
import {escapeHtml} from "../../loaders/prose-html.ts";
import {cardSize} from "./cards.ts";
import type {PageInfo} from "./page-info.ts";
import {siteLink} from "./site.ts";

/** Where a page's metadata points: its own URL, its card, and the cards of its charts (all as the page writes them). */
export interface PageUrls {
  page: string;
  card: string;
  /** Chart id → the chart's card. */
  chartCards: Map<string, string>;
}

/** What the metadata needs besides the page: the site's address, and the story (its name, its sources). */
export interface MetaContext {
  site: string | undefined;
  stage: Stage;
}

/** A `<meta>`/`<link>` tag line. */
const tag = (name: string, attrs: Record<string, string>) =>
  `<${name} ${Object.entries(attrs)
    .map(([k, v]) => `${k}="${escapeHtml(v)}"`)
    .join(" ")}>`;

/** The metadata tags of a page (description, canonical, Open Graph, Twitter), one per line. */
export function metaTags(page: PageInfo, urls: PageUrls, {stage: {siteName}}: MetaContext): string {
  const alt = page.kind === "embed" ? page.charts[0]?.alt || page.title : `${page.title}: ${page.description}`;
  return [
    tag("meta", {name: "description", content: page.description}),
    tag("link", {rel: "canonical", href: urls.page}),
    tag("meta", {property: "og:type", content: page.kind === "article" ? "article" : "website"}),
    tag("meta", {property: "og:site_name", content: siteName}),
    tag("meta", {property: "og:title", content: page.title}),
    tag("meta", {property: "og:description", content: page.description}),
    tag("meta", {property: "og:url", content: urls.page}),
    tag("meta", {property: "og:image", content: urls.card}),
    tag("meta", {property: "og:image:type", content: "image/png"}),
    tag("meta", {property: "og:image:width", content: String(cardSize.width)}),
    tag("meta", {property: "og:image:height", content: String(cardSize.height)}),
    tag("meta", {property: "og:image:alt", content: alt}),
    tag("meta", {name: "twitter:card", content: "summary_large_image"}),
    tag("meta", {name: "twitter:title", content: page.title}),
    tag("meta", {name: "twitter:description", content: page.description}),
    tag("meta", {name: "twitter:image", content: urls.card}),
    tag("meta", {name: "twitter:image:alt", content: alt})
  ].join("\n");
}

/** An archived source as a schema.org `CreativeWork`, or null when the story has no such source. */
function sourceNode(id: string, story: Stage): Record<string, unknown> | null {
  const source = story.sources.find((s) => s.id === id);
  if (!source) return null;
  return definedOnly({
    "@type": "CreativeWork",
    name: source.title,
    author: source.byline ? {"@type": "Person", name: source.byline} : undefined,
    publisher: source.publisher ? {"@type": "Organization", name: source.publisher} : undefined,
    datePublished: source.published,
    url: source.url || undefined
  });
}

/** The archived sources of the claims a page cites, as schema.org `CreativeWork`s. */
function sourcesOf(page: PageInfo, story: Stage): Record<string, unknown>[] {
  const claims = new Map(story.claims.map((c) => [c.id, c]));
  const ids = [...new Set(page.claims.map((id) => claims.get(id)?.source).filter((s): s is string => !!s))];
  return ids.flatMap((id) => {
    const node = sourceNode(id, story);
    return node ? [node] : [];
  });
}

/**
 * One figure as a schema.org `PropertyValue`: what it measures, its value and the interval its
 * qualifier gives it, its unit and its label, the `subjectOf` a `Claim` whose `text` is the quote
 * and whose `appearance` is the archived source.
 */
export function figureNode(claim: Claim, pageUrl: string, story: Stage): Record<string, unknown> {
  return definedOnly({
    "@type": "PropertyValue",
    "@id": `${pageUrl}#figure-${claim.id}`,
    name: claim.measure,
    value: claim.value,
    minValue: claim.lower ?? undefined,
    maxValue: claim.upper ?? undefined,
    unitText: claim.unit === "percent" ? "percent" : claim.measure,
    description: claim.label,
    subjectOf: definedOnly({
      "@type": "Claim",
      "@id": `${pageUrl}#claim-${claim.id}`,
      text: claim.quote,
      appearance: sourceNode(claim.source, story) ?? undefined
    })
  });
}

/** The day an explainer last changed for readers: its newest update or correction, else its first publication. */
export function dateModified(explainer: {published: string; corrections: readonly {date: string}[]}): string {
  return [explainer.published, ...explainer.corrections.map((c) => c.date)].sort().at(-1)!;
}

/** A dataset's name from its link's text: `Download the claim ledger (CSV)` → `The claim ledger`. */
export function datasetName(linkText: string, fileName: string): string {
  const name = linkText
    .replace(/^\s*(?:download|get)\s+/i, "")
    .replace(/\s*\((?:csv|data)\)\s*$/i, "")
    .trim();
  return name ? name[0].toUpperCase() + name.slice(1) : fileName;
}

function definedOnly(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== ""));
}

/** The schema.org graph of a page: the page (NewsArticle or WebPage), then a Dataset per CSV download. */
export function structuredData(page: PageInfo, urls: PageUrls, context: MetaContext): Record<string, unknown> {
  const publisher = {"@type": "Organization", name: context.stage.siteName};
  const sources = sourcesOf(page, context.stage);
  const chartCards = page.charts.map((c) => urls.chartCards.get(c.id)).filter((u): u is string => !!u);
  const slug = /^explainers\/([^/]+)\.html$/.exec(page.file)?.[1];
  const explainer = page.kind === "article" ? context.stage.explainers.find((e) => e.slug === slug) : undefined;
  const claims = new Map(context.stage.claims.map((c) => [c.id, c]));
  const figures = explainer
    ? shownClaims(explainer, context.stage.charts).flatMap((id) => {
        const claim = claims.get(id);
        return claim ? [figureNode(claim, urls.page, context.stage)] : [];
      })
    : [];
  const main = definedOnly({
    "@type": page.kind === "article" ? "NewsArticle" : "WebPage",
    "@id": urls.page,
    url: urls.page,
    [page.kind === "article" ? "headline" : "name"]: page.title,
    description: page.description,
    inLanguage: "en",
    image: [...new Set([urls.card, ...chartCards])],
    author: page.byline ? {"@type": "Organization", name: page.byline} : undefined,
    publisher,
    datePublished: page.published,
    dateModified: explainer?.published ? dateModified(explainer) : undefined,
    isBasedOn: sources.length ? sources : undefined
  });
  const datasets = page.downloads.map((download) => {
    const chart = page.charts.find((c) => c.id === download.chart);
    const contentUrl = siteLink(context.site, page.file, posix.join(posix.dirname(page.file), download.href));
    return definedOnly({
      "@type": "Dataset",
      name: chart ? `The data of the chart “${chart.title}”` : datasetName(download.text, download.name),
      description: chart ? `${chart.title}. ${chart.alt}` : download.context || download.text,
      url: chart ? `${urls.page}#chart-${chart.id}` : urls.page,
      isAccessibleForFree: true,
      creator: publisher,
      isBasedOn: sources.length ? sources : undefined,
      distribution: [{"@type": "DataDownload", encodingFormat: "text/csv", name: download.name, contentUrl}],
      ...(!chart && figures.length ? {"@id": `${urls.page}#figures`, variableMeasured: figures} : {})
    });
  });
  // An article that offers no download of its figures still describes them.
  if (figures.length && !datasets.some((d) => d.variableMeasured)) {
    datasets.push(
      definedOnly({
        "@type": "Dataset",
        "@id": `${urls.page}#figures`,
        name: `The figures of “${page.title}”`,
        description: "Every figure on this page, with its qualifier, attribution, quote and source.",
        url: urls.page,
        isAccessibleForFree: true,
        creator: publisher,
        isBasedOn: sources.length ? sources : undefined,
        variableMeasured: figures
      })
    );
  }
  return {"@context": "https://schema.org", "@graph": [main, ...datasets]};
}

/** JSON-LD as a `<script type="application/ld+json">` that no text in it can close early. */
export function jsonLdScript(data: unknown): string {
  const json = JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return `<script type="application/ld+json">${json}</script>`;
}
