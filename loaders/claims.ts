/**
 * The claims loader: archived sources and the ledger in, the normalized ledger out as CSV
 * (`src/data/claims.csv`), with labels and the quote's offsets in its source.
 */
import {csvFormat} from "d3-dsv";
import type {Claim} from "../src/components/claim.ts";
import {readLedger} from "./ledger.ts";
import {readSourcesSync, type Source} from "./sources.ts";

/** Columns of the normalized ledger, in order. */
export const claimColumns = [
  "id",
  "figure",
  "label",
  "measure",
  "value",
  "lower",
  "upper",
  "lower_inclusive",
  "upper_inclusive",
  "qualifier",
  "approximate",
  "unit",
  "attribution",
  "as_of",
  "place",
  "source",
  "source_title",
  "byline",
  "published",
  "publisher",
  "url",
  "quote",
  "quote_start",
  "quote_end",
  "note"
] as const;

/** The project's sources and verified claims. */
export interface Story {
  sources: Source[];
  claims: Claim[];
}

/** Reads and verifies the story synchronously (for the page plugin, which markdown-it runs synchronously). */
export function loadStorySync(root: string): Story {
  const sources = readSourcesSync(root);
  return {sources, claims: readLedger(root, sources)};
}

/** Reads and verifies the project's sources and ledger; throws every problem found. */
export async function loadStory(root: string): Promise<Story> {
  return loadStorySync(root);
}

/** One claim as a row of the normalized ledger. */
export function claimRow(claim: Claim): Record<(typeof claimColumns)[number], string> {
  const cell = (v: string | number | boolean | null) => (v === null ? "" : String(v));
  return {
    id: claim.id,
    figure: claim.figure,
    label: claim.label,
    measure: claim.measure,
    value: cell(claim.value),
    lower: cell(claim.lower),
    upper: cell(claim.upper),
    lower_inclusive: cell(claim.lowerInclusive),
    upper_inclusive: cell(claim.upperInclusive),
    qualifier: claim.qualifier,
    approximate: cell(claim.approximate),
    unit: cell(claim.unit),
    attribution: claim.attribution,
    as_of: claim.as_of,
    place: claim.place,
    source: claim.source,
    source_title: claim.source_title,
    byline: claim.byline,
    published: claim.published,
    publisher: claim.publisher,
    url: claim.url,
    quote: claim.quote,
    quote_start: cell(claim.quote_start),
    quote_end: cell(claim.quote_end),
    note: claim.note
  };
}

/** The normalized ledger as CSV text. */
export async function claimsCsv(root: string): Promise<string> {
  const {claims} = await loadStory(root);
  return csvFormat(claims.map(claimRow), [...claimColumns]) + "\n";
}

/** The sources' metadata as CSV text (`src/data/sources.csv`). */
export async function sourcesCsv(root: string): Promise<string> {
  const sources = readSourcesSync(root);
  const columns = ["id", "title", "byline", "published", "publisher", "url", "archived"] as const;
  return csvFormat(sources, [...columns]) + "\n";
}
