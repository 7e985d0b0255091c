/**
 * The claim: a figure as the ledger publishes it, after parsing and verification.
 * This module holds types and browser-safe helpers only; it runs in Node and in the page.
 */
import {didYouMean} from "./suggest.js";

/**
 * How a figure's words bound its value. `exact` has no qualifier word; the others are named
 * after the label they produce ("more than 800,000", "about 15,000").
 */
export type Qualifier = "exact" | "more-than" | "at-least" | "up-to" | "fewer-than" | "nearly" | "about" | "range";

/** Every qualifier, in the order the methodology page lists them. */
export const qualifiers: readonly Qualifier[] = [
  "exact",
  "more-than",
  "at-least",
  "up-to",
  "fewer-than",
  "nearly",
  "about",
  "range"
];

/** A parsed figure: its value and the interval its qualifier gives it. `null` bounds are open. */
export interface Figure {
  /** The number as written (for a range, its lower end). */
  value: number;
  lower: number | null;
  upper: number | null;
  lowerInclusive: boolean;
  upperInclusive: boolean;
  qualifier: Qualifier;
  /** True when the words make the value an estimate ("some", "about", "nearly"). */
  approximate: boolean;
  /** `percent` for "2 per cent" and "2%"; an ISO 4217 code for money ("$1.7 billion" is `USD`); otherwise null. */
  unit: "percent" | (string & {}) | null;
}

/** Where a computed claim's figure comes from: a dataset, a query, and what the query returned. */
export interface Provenance {
  /** The dataset id (the row's `source`). */
  dataset: string;
  dataset_title: string;
  /** The dataset's file, relative to the project root. */
  dataset_file: string;
  /** The sha256 the dataset was verified against. */
  dataset_sha256: string;
  /** The query file, relative to the project root: `data/queries/total-crossings.sql`. */
  query_file: string;
  /** The query's text as it ran. */
  query: string;
  /** The number the query returned. */
  result: number;
  /** The rounding rule applied, in words: "2,011,312 is > 2 million (…)". */
  rule: string;
}

/** One row of the normalized ledger (`src/data/claims.csv`), as pages and charts read it. */
export interface Claim extends Figure {
  id: string;
  /** The figure exactly as the quote writes it: `Well over 800,000`. */
  figure: string;
  /** How every surface says the figure: `more than 800,000`. */
  label: string;
  measure: string;
  /** Who the source says gave the figure; empty when the source does not say. */
  attribution: string;
  as_of: string;
  place: string;
  source: string;
  source_title: string;
  byline: string;
  published: string;
  publisher: string;
  url: string;
  quote: string;
  quote_start: number;
  quote_end: number;
  note: string;
  /** For a figure computed from a dataset (its `quote` is then empty): the dataset, query and result. */
  computed?: Provenance;
}

/** Lists of claims by id, made once per list (a chart is drawn from one list many times). */
const byIdCache = new WeakMap<readonly Claim[], {length: number; byId: ReadonlyMap<string, Claim>}>();

/** `claims` by id, cached for as long as the list lives; made again when the list's length changed. */
export function claimsById(claims: readonly Claim[]): ReadonlyMap<string, Claim> {
  const cached = byIdCache.get(claims);
  if (cached && cached.length === claims.length) return cached.byId;
  const byId = new Map(claims.map((c) => [c.id, c]));
  byIdCache.set(claims, {length: claims.length, byId});
  return byId;
}

/**
 * What every surface says of an id that names no claim: `no claim "refugess" in data/claims.csv (did
 * you mean "refugees"?)`, with the closest id of `known` when one is close.
 */
export function noClaim(id: string, known: Iterable<string>): string {
  return `no claim "${id}" in data/claims.csv${didYouMean(id, known)}`;
}

/** Who gave a figure, as every surface says it: "the UN", or "not attributed in the source". */
export function attributionOf(claim: Pick<Claim, "attribution">): string {
  return claim.attribution || "not attributed in the source";
}

/**
 * Reads a row of `claims.csv` (all strings, as d3-dsv or csv-parse give it) back into a Claim.
 *
 * ```js
 * const claims = (await FileAttachment("data/claims.csv").csv()).map(claimFromRow);
 * ```
 */
export function claimFromRow(row: Record<string, string>): Claim {
  const num = (s: string | undefined) => (s === undefined || s === "" ? null : Number(s));
  return {
    id: row.id,
    figure: row.figure,
    label: row.label,
    measure: row.measure,
    value: Number(row.value),
    lower: num(row.lower),
    upper: num(row.upper),
    lowerInclusive: row.lower_inclusive === "true",
    upperInclusive: row.upper_inclusive === "true",
    qualifier: row.qualifier as Qualifier,
    approximate: row.approximate === "true",
    unit: row.unit || null,
    attribution: row.attribution ?? "",
    as_of: row.as_of,
    place: row.place ?? "",
    source: row.source,
    source_title: row.source_title ?? "",
    byline: row.byline ?? "",
    published: row.published ?? "",
    publisher: row.publisher ?? "",
    url: row.url ?? "",
    quote: row.quote,
    quote_start: Number(row.quote_start),
    quote_end: Number(row.quote_end),
    note: row.note ?? ""
  };
}
