/**
 * The normalized ledger's columns: what `src/data/claims.csv` and the explainers' downloads hold
 * for each verified claim, with its label and the quote's offsets in its source.
 */
import type {Claim} from "../src/components/claim.ts";

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
