/**
 * The claim ledger, `data/claims.csv`: one row per cited figure, checked against its archived
 * source. `readQuotedClaims` is the boundary: past it, every claim is parsed, verified and typed.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {Claim, Figure, Qualifier} from "../src/components/claim.ts";
import {qualifiers} from "../src/components/claim.ts";
import {didYouMean} from "../src/components/suggest.ts";
import {parseCsvRows} from "./csv.ts";
import {KitError, throwIfAny, type ErrorCode} from "./errors.ts";
import {FigureError, labelOf, parseFigure, withQualifier} from "./figure.ts";
import {findNumbers, type FoundNumber} from "./numbers.ts";
import {isIsoDate, notADate, type Source} from "./sources.ts";
import {findAllNormalized, findNormalized, normalize, type Normalized} from "./text.ts";

/** The ledger, relative to the project root. */
export const ledgerFile = "data/claims.csv";

/** Columns every ledger must have, in the order the seed's ledger writes them. */
export const ledgerColumns = ["id", "figure", "measure", "attribution", "as_of", "place", "source", "quote"] as const;
/** Columns a ledger may add. */
export const optionalColumns = ["qualifier", "note", "query"] as const;

/** Columns whose value may not be empty. */
const required = ["id", "figure", "measure", "as_of", "source", "quote"] as const;

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The figure as the quote writes it, when the quote holds the same number written another way: a
 * spreadsheet's "2000" for the quote's "2,000" ("Some 15,000", qualifier words and all, for "15000").
 */
function writtenIn(quote: string, figure: string): string | null {
  let value: number | null;
  try {
    value = parseFigure(figure).value;
  } catch (error) {
    if (!(error instanceof FigureError)) throw error;
    return null;
  }
  return value === null ? null : (findNumbers(quote).find((n) => n.value === value)?.text ?? null);
}

/**
 * The quote's own words for the figure when they qualify its number otherwise than the figure does:
 * "Well over 800,000" for a figure "800,000", which would print as an exact 800,000. Null when the
 * figure agrees with the quote at one place at least ("about 2,000 were hurt and 2,000 killed" holds
 * an exact "2,000"), or when the finder reads no figure there.
 */
function otherwiseQualified(quote: string, figure: string, parsed: Figure): string | null {
  const said = numbersAt(quote, figure).map(({number}) => number);
  if (said.length === 0 || said.some((n) => !n || n.qualifier === "" || n.qualifier === parsed.qualifier)) return null;
  return said[0]!.text;
}

/**
 * The words that make the figure's number another one, where the quote gives it in `text` (the quote,
 * or its paragraph of the source, the quote at `within`): a minus sign ("-0.3%" for a figure "0.3%",
 * which would print as a rise), a scale ("212 million" for "212"), a percent sign or a currency ("24 per
 * cent" for "24"), or words that make it no figure ("3 in 10" for "3"). Null when the figure agrees with
 * the quote at one place at least, or when the finder reads no number there.
 */
function cutShort(text: string, figure: string, parsed: Figure, within = {start: 0, end: text.length}): string | null {
  // (Only a number that holds all of the figure's text: "2 000" set with a plain space reads as "2".)
  const said = numbersAt(text, figure)
    .filter(({at}) => within.start <= at.start && at.end <= within.end)
    .map(({at, number: n}) => (n && n.start <= at.start && at.end <= n.end ? n : undefined));
  // (A percentage's "points" are no percent sign: "11 basis points" is cited as "11".)
  const unitOf = (n: FoundNumber) =>
    n.kind === "percent" && !/points?$/iu.test(n.unit) ? "percent" : n.kind === "money" ? n.unit : null;
  // (A number the finder reads as no figure, "3 in 10" or "12 August", is not the figure "3" or "12" either.)
  const agrees = (n: FoundNumber | undefined) =>
    !n ||
    (n.value !== null &&
      Math.abs(n.value - parsed.value) <= 1e-9 * Math.abs(parsed.value) &&
      unitOf(n) === parsed.unit);
  return said.length === 0 || said.some(agrees) ? null : said[0]!.text;
}

/** The paragraph of `body` around `span`, and where the span is in it. */
function paragraphAround(body: string, span: {start: number; end: number}) {
  const start = body.lastIndexOf("\n", span.start - 1) + 1;
  const end = body.indexOf("\n", span.end);
  const text = body.slice(start, end < 0 ? body.length : end);
  return {text, within: {start: span.start - start, end: span.end - start}};
}

/** Where the figure's text occurs in the quote, and the number the finder reads there (undefined where it reads none). */
function numbersAt(quote: string, figure: string) {
  const found = findNumbers(quote);
  return findAllNormalized(normalize(quote), figure).map((at) => ({
    at,
    number: found.find((n) => n.start < at.end && at.start < n.end)
  }));
}

// CSV is read at one boundary (loaders/csv.ts); other modules import it from here too.
export {parseCsvRows, type CsvRow} from "./csv.ts";

/**
 * Reads and verifies the ledger's quoted claims against the archived sources: every quote occurs in
 * its source, every figure in its quote and parses; ids are unique slugs; dates are ISO dates and
 * `as_of` is not after the source's `published`. A computed row (a `query`) is checked for what its
 * row says (id, date, figure) and left out: it cites a dataset, not a number of a source, and
 * loaders/computed-claims.ts runs its query. Throws every problem found, one line each.
 */
export function readQuotedClaims(root: string, sources: Source[]): Claim[] {
  let text: string;
  try {
    text = readFileSync(join(root, ledgerFile), "utf-8");
  } catch (error) {
    // A new desk has no ledger yet: no claims.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new KitError("NO_LEDGER", "cannot read the ledger", {file: ledgerFile});
  }
  return verifyLedger(text, sources);
}

/**
 * A computed claim's row: it cites a dataset (`source`) and a query (`query`, a `.sql` file in
 * `data/queries/`) instead of a quote. verifyLedger checks what it can without running the query
 * (id, date, figure, qualifier) and hands the row on; loaders/computed-claims.ts runs the query.
 */
export interface QueryRow {
  line: number;
  record: Record<string, string>;
  /** The parsed figure, with the ledger's qualifier override applied. */
  figure: Figure;
}

/**
 * The pure core of readQuotedClaims: CSV text and sources in, quoted claims out (or every problem
 * thrown). Rows with a `query` are checked for what the row says and pushed onto `computed`, for
 * verifyComputedClaims to run their queries.
 */
export function verifyLedger(
  text: string,
  sources: Source[],
  file: string = ledgerFile,
  computed: QueryRow[] = []
): Claim[] {
  const rows = parseCsvRows(text, file, ledgerColumns);
  const byId = new Map(sources.map((s) => [s.id, s]));
  const normalized = new Map<string, Normalized>();
  const seen = new Map<string, number>();
  const problems: KitError[] = [];
  const claims: Claim[] = [];
  for (const {line, record} of rows) {
    const fail = (code: ErrorCode, detail: string) => problems.push(new KitError(code, detail, {file, line}));
    const before = problems.length;
    const isComputed = (record.query ?? "").trim() !== "";
    for (const name of required) {
      if (isComputed && name === "quote") {
        if ((record.quote ?? "").trim() !== "") fail("QUOTE_AND_QUERY", "a row cites a quote or a query, not both");
      } else if ((record[name] ?? "").trim() === "") fail("MISSING_FIELD", `"${name}" is empty`);
    }
    if (problems.length > before) continue;
    const {id, figure, quote, source: sourceId, as_of} = record;
    if (!slug.test(id))
      fail("INVALID_ID", `id ${JSON.stringify(id)} is not a slug (lower-case letters, digits and hyphens)`);
    else if (seen.has(id)) fail("DUPLICATE_ID", `id "${id}" is already used on line ${seen.get(id)}`);
    else seen.set(id, line);
    if (!isIsoDate(as_of)) fail("INVALID_DATE", notADate(as_of, "as_of"));
    const source = isComputed ? undefined : byId.get(sourceId);
    if (isComputed) {
      // The source is a dataset and the figure comes from a query: checked by computed-claims.ts.
    } else if (!source) {
      fail("UNKNOWN_SOURCE", `source "${sourceId}" is not in data/sources/${didYouMean(sourceId, byId.keys())}`);
    } else if (isIsoDate(as_of) && as_of > source.published) {
      fail("AS_OF_AFTER_PUBLISHED", `as_of ${as_of} is after the source's published date ${source.published}`);
    }
    let span: {start: number; end: number} | null = null;
    if (source) {
      if (!normalized.has(source.id)) normalized.set(source.id, normalize(source.body));
      span = findNormalized(normalized.get(source.id)!, quote);
      if (!span) fail("QUOTE_NOT_IN_SOURCE", `quote not found in source "${source.id}": ${JSON.stringify(quote)}`);
    }
    if (!isComputed && !findNormalized(normalize(quote), figure)) {
      const written = writtenIn(quote, figure);
      fail(
        "FIGURE_NOT_IN_QUOTE",
        `figure ${JSON.stringify(figure)} is not in the quote${written ? `, which writes it ${JSON.stringify(written)}` : ""}`
      );
    }
    let parsed;
    try {
      parsed = parseFigure(figure);
      const override = (record.qualifier ?? "").trim();
      if (override !== "") {
        if (!qualifiers.includes(override as Qualifier) || override === "range") {
          fail(
            "INVALID_QUALIFIER",
            `qualifier ${JSON.stringify(override)} is not one of ${qualifiers.filter((q) => q !== "range").join(", ")}`
          );
        } else {
          parsed = withQualifier(parsed, override as Exclude<Qualifier, "range">);
        }
      }
    } catch (error) {
      if (!(error instanceof FigureError)) throw error;
      fail(error.code, error.message);
    }
    const dropped =
      !isComputed && parsed && (record.qualifier ?? "").trim() === ""
        ? otherwiseQualified(quote, figure, parsed)
        : null;
    if (dropped)
      fail(
        "QUALIFIER_DROPPED",
        `figure ${JSON.stringify(figure)} reads as ${parsed!.qualifier}, but the quote says ${JSON.stringify(dropped)}: write the figure as the quote does, or give the row a qualifier`
      );
    // (Read in the quote's paragraph of the source, so that a quote cut off inside a number, "… rose to 2"
    // of "… rose to 2.5 million", does not hide it.)
    const around = source && span ? paragraphAround(source.body, span) : {text: quote, within: undefined};
    const cut = !isComputed && parsed && !dropped ? cutShort(around.text, figure, parsed, around.within) : null;
    if (cut)
      fail(
        "FIGURE_CUT_SHORT",
        findNormalized(normalize(quote), cut)
          ? `figure ${JSON.stringify(figure)} reads as ${labelOf(parsed!)}, but the quote says ${JSON.stringify(cut)}: write the figure as the quote does`
          : `figure ${JSON.stringify(figure)} reads as ${labelOf(parsed!)}, but the source says ${JSON.stringify(cut)} where the quote stops: quote the whole number, and write the figure as the source does`
      );
    if (isComputed && problems.length === before && parsed) computed.push({line, record, figure: parsed});
    if (problems.length > before || !parsed || !source || !span) continue;
    claims.push({
      ...parsed,
      id,
      figure,
      label: labelOf(parsed),
      measure: record.measure,
      attribution: record.attribution ?? "",
      as_of,
      place: record.place ?? "",
      source: source.id,
      source_title: source.title,
      byline: source.byline,
      published: source.published,
      publisher: source.publisher,
      url: source.url,
      quote,
      quote_start: span.start,
      quote_end: span.end,
      note: record.note ?? ""
    });
  }
  throwIfAny(problems);
  return claims;
}
