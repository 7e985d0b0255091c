/**
 * Errors that name the place and the value: `data/claims.csv:4: QUOTE_NOT_IN_SOURCE: …`.
 * Every check in the kit reports through these, so the CLI prints them one per line and tests
 * assert on `code` and `line`.
 */

import type {CsvErrorCode} from "csv-parse";
import {layoutProblemCodes, specProblemCodes, type ChartProblemCode} from "../src/components/charts/problems.ts";

/**
 * Every code the kit's own checks give, with what it means: one closed list, so a typo in a code is
 * a type error, tests and tools can match on codes, and docs/errors.md is this table. Chart spec and
 * layout codes are listed in src/components/charts/problems.ts; malformed CSV carries csv-parse's code.
 */
export const kitCodes = {
  // Sources
  NOT_AN_ARTICLE:
    "a raw article has no line under its headline that gives the date it was published, or it is a web page's HTML",
  NOT_A_SOURCE: "a file given to `numbers` is neither an archived source nor a raw article",
  NOT_TEXT: "a file holds bytes that are not text (a NUL, a binary format)",
  NOT_UTF8: "a file is not UTF-8",
  SOURCE_EMPTY: "a source or article has no text",
  SOURCE_EXISTS: "`add-source` would overwrite an archived source",
  SOURCE_NO_FRONT_MATTER: "an archived source does not start with its `---` front matter",
  SOURCE_BAD_FRONT_MATTER: "an archived source's front matter is not valid YAML, or is too large or deep",
  SOURCE_NO_DATE: "an archived source has no `published` date",
  INVALID_URL: "a source's `url` is not an http(s) address",
  FILE_TOO_LARGE: "a CSV file or a source is larger than the kit reads as a story (keep large data as a dataset)",
  JSON_TOO_LARGE: "a JSON file or request body is larger than the kit reads",
  JSON_TOO_DEEP: "a JSON file or request body nests deeper than the kit reads",
  NO_SUCH_FILE: "a file named on the command line cannot be read",
  // The ledger and the other CSV files
  NO_LEDGER: "`data/claims.csv` exists but cannot be read",
  MISSING_COLUMN: "a CSV file's header lacks a required column",
  NOT_COMMA_SEPARATED: "a CSV file's columns are separated by semicolons or tabs, not commas",
  MISSING_FIELD: "a required value is empty",
  INVALID_FIELD: "a value is not of the kind its column or key takes",
  INVALID_ID: "an id (claim, chart, explainer) is not a slug",
  DUPLICATE_ID: "two ledger rows have the same id",
  ALREADY_CITED: "`claim SOURCE START` names a number a claim of the ledger already cites",
  INVALID_DATE: "a date is not a real `YYYY-MM-DD` date",
  AS_OF_AFTER_PUBLISHED: "a claim's `as_of` is after its source's `published`",
  UNKNOWN_SOURCE: "a row names a source that is not in `data/sources/`",
  QUOTE_NOT_IN_SOURCE: "a claim's quote does not occur in its source",
  FIGURE_NOT_IN_QUOTE: "a claim's figure does not occur in its quote",
  QUALIFIER_DROPPED: "a claim's figure leaves out the qualifier words its quote gives the number",
  FIGURE_CUT_SHORT:
    "a claim's figure leaves out part of its quote's number: a minus sign, a scale, a percent sign or a currency",
  FIGURE_UNPARSEABLE: "a figure is not a number the kit can read",
  UNKNOWN_CURRENCY: "a money figure's currency is not one the kit knows",
  INVALID_QUALIFIER: "a `qualifier` override is not one of the kit's qualifiers",
  IGNORED_TEXT_NOT_IN_SOURCE: "a row of `data/ignored.csv` quotes text that is not in its source",
  IGNORED_COVERS_NO_NUMBER: "a row of `data/ignored.csv` silences no uncited number",
  NUMBER_UNREVIEWED: "a count, percentage or sum of money in a source is neither cited nor ignored",
  INVALID_COORDINATE: "a place's latitude or longitude is not a number of degrees in range",
  DUPLICATE_PLACE: "two rows of `data/places.csv` have the same name",
  UNKNOWN_EXPLAINER: "a correction names an explainer that does not exist",
  // Datasets and computed claims
  DATASET_EXISTS: "`add-dataset` would overwrite a dataset's record (use `--update` for a new version)",
  DATASET_MISSING: "a dataset's file is not where its record says (fetch it from its `url`)",
  DATASET_HASH_MISMATCH: "a dataset's file no longer has the sha256 its record keeps",
  DATASET_MISSING_COLUMN: "a new version of a dataset lacks a column its record lists",
  DATASET_OUTSIDE_PROJECT: "a dataset record's `file` is outside the project",
  DATASET_UNREADABLE: "DuckDB cannot read a dataset's file",
  DUPLICATE_TABLE: "two datasets would have the same table name in SQL",
  NOT_DECLARED_FORMAT: "a dataset's file is not in the format its record declares",
  UNKNOWN_FORMAT: "`add-dataset` cannot tell a file's format (give `--format`)",
  UNREADABLE: "a dataset record cannot be read",
  DOWNLOAD_FAILED: "`add-dataset URL` could not fetch the file",
  UNKNOWN_DATASET: "a computed claim names a dataset that is not in `data/datasets/`",
  QUOTE_AND_QUERY: "a ledger row gives both a quote and a query",
  AS_OF_AFTER_RETRIEVED: "a computed claim's `as_of` is after its dataset was retrieved",
  INVALID_QUERY_FILE: "a claim's `query` is not a `.sql` file in `data/queries/`",
  NO_SUCH_QUERY: "a claim's query file does not exist",
  QUERY_EMPTY: "a query file holds no statement",
  QUERY_NOT_READ_ONLY: "a query would write, attach, install or load (queries only read)",
  QUERY_SEVERAL_STATEMENTS: "a query file holds more than one statement",
  QUERY_FAILED: "DuckDB reported an error running a query",
  QUERY_TIMEOUT: "a query ran longer than its time limit",
  QUERY_NO_ROW: "a claim's query returned no row (it must return one)",
  QUERY_SEVERAL_ROWS: "a claim's query returned several rows (it must return one)",
  QUERY_SEVERAL_COLUMNS: "a claim's query returned several columns (it must return one number)",
  QUERY_NOT_A_NUMBER: "a claim's query returned something that is not a number",
  QUERY_UNUSABLE: "a claim cites a query that failed (its problem is listed above it)",
  FIGURE_DOES_NOT_MATCH:
    "a computed claim's figure, with its qualifier and rounding rule, does not match its query's result",
  // Drafting ledger rows
  NO_NUMBER_AT_OFFSET: "`claim SOURCE START` found no number at that offset",
  NO_NUMBER_WRITTEN: "`claim SOURCE WORDS` found no number of the source's body written that way",
  NUMBER_AMBIGUOUS: "`claim SOURCE WORDS` found several numbers written that way: give the offset",
  NOT_A_FIGURE: "`claim` was asked to draft a number that is not a figure to cite (a date, an ordinal, a vague word)",
  AS_OF_UNRESOLVED: "the sentence's time words do not say which day the figure describes",
  MEASURE_UNKNOWN: "the sentence does not say what the number counts",
  // Explainers and pages
  INVALID_FRONT_MATTER: "a page's front matter is not valid YAML",
  EXPLAINER_EXISTS: "`new` would overwrite an explainer",
  UNKNOWN_CLAIM: "a page, chart or correction names a claim that is not in the ledger",
  UNKNOWN_CHART: "a page places a chart that does not exist",
  CHART_NOT_DRAWN: "a page places a chart whose spec has problems (each listed at the spec's file)",
  UNKNOWN_DIRECTIVE: "a `::: name` line names no directive",
  MISSING_FILE: "a page shows an image (or video, audio) whose file is not under `src/`",
  BROKEN_LINK: "a page links to a page or file of the site that does not exist, or to a draft (a warning)",
  REMOTE_FILE: "a page shows an image (or video, audio) from another host, which the site never loads",
  DIRECTIVE_ARGS: "a directive is given the wrong arguments",
  DIRECTIVE_PLACE: "a directive that belongs on an explainer page is used elsewhere",
  EMBED_OUTSIDE_EMBEDS: "`::: embed` is used outside `src/embed/[chart].md`",
  UNRESOLVED_REFERENCE: "a `{…}` that looks like a figure reference would reach readers unresolved",
  UNCITED_NUMBER: "a page's prose holds a number that does not come from the ledger",
  QUALIFIER_BEFORE_FIGURE:
    "qualifier words before a `{claim-id}` qualify a figure whose label already says how sure it is",
  FIGURE_NOT_CITED:
    "a page shows a claim's figure with no citation (in a heading, or as `{id.label}`) and cites the claim nowhere else",
  SCRIPT_IN_PAGE: "a page holds a `<script>` element, which the site's Content Security Policy would trust",
  // Building, refreshing, publishing
  NO_STAGE: "pages were rendered before the story stage ran (use `npm run dev` or `npm run build`)",
  BUILD_FAILED: "Framework's build failed; `dist/` is unchanged",
  NO_BUILD: "`serve` found no built site in `dist/`",
  PORT_IN_USE: "the port `dev` was asked to listen on is taken",
  UNKNOWN_LOADER: "`refresh NAME` names no data loader",
  LOADER_IMPORT: "a module a data loader imports does not parse or resolve",
  LOADER_THREW: "a data loader threw an error",
  LOADER_FAILED: "a data loader failed; its last good output is kept",
  INVALID_SITE_URL: "`EXPLAINER_SITE_URL` is not an absolute http(s) address without query or fragment",
  CARD_FONT_MISSING: "the font the social cards are drawn with is not installed",
  FILE_SYSTEM: "a file or folder of the project cannot be read or written (the system's reason and code follow)",
  // Living figures (docs/living-figures.md)
  FIGURE_CHANGED: "a figure an explainer published has changed since, and this place that cites it is not reviewed",
  UPDATE_MISSING: "a changed published figure has no update or correction yet (a warning; `publish` refuses)",
  UPDATE_WITHOUT_CHANGE: "an update or correction is about a published figure that has not changed",
  REVIEW_NOT_CITED: "a review names a place that does not cite its claim",
  RECORD_UNKNOWN_EXPLAINER: "the publish record names an explainer that no longer exists (a warning)",
  FIGURE_REMOVED: "a published explainer no longer shows a figure the record says readers saw (a warning)",
  STORY_CHANGED: "the story changed while `publish` built the site; nothing was recorded",
  FIGURES_STALE: "a measure’s newest figure is older than its explainer’s `maxAgeDays` (a warning)",
  SOURCE_DEAD: "`links`: a source’s url answers 404 or 410, or is not http(s)",
  SOURCE_MOVED: "`links`: a source’s url redirects to another address (a warning)",
  SOURCE_UNREACHABLE: "`links`: a source’s url answers another error, or not at all"
} as const;

/** A code the kit's checks give. */
export type KitCode = keyof typeof kitCodes;

/** Every code a KitError may carry: the kit's own, a chart's, or csv-parse's for malformed CSV. */
export type ErrorCode = KitCode | ChartProblemCode | CsvErrorCode;

/**
 * Whether a string (a code printed by a data loader, read back from its stderr) is a code of the
 * kit, of a chart or of csv-parse.
 */
export function isErrorCode(code: string): code is ErrorCode {
  return (
    Object.hasOwn(kitCodes, code) || chartCodes.has(code) || code.startsWith("CSV_") || code === "INVALID_OPENING_QUOTE"
  );
}

const chartCodes = new Set<string>([...specProblemCodes, ...layoutProblemCodes]);

/** Where a problem is: a file (relative to the project), and a line or a field path when known. */
export interface Place {
  file: string;
  line?: number;
  field?: string;
}

/** One problem with one place, with a stable `code` for tests and tools. */
export class KitError extends Error {
  readonly code: ErrorCode;
  readonly file: string;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly detail: string;
  constructor(code: ErrorCode, detail: string, place: Place) {
    super(formatProblem(code, detail, place));
    this.name = "KitError";
    this.code = code;
    this.detail = detail;
    this.file = place.file;
    this.line = place.line;
    this.field = place.field;
  }
}

/** Several problems found in one pass; thrown so that all of them are reported, not only the first. */
export class KitErrors extends Error {
  readonly errors: KitError[];
  constructor(errors: KitError[]) {
    super(errors.map((e) => e.message).join("\n"));
    this.name = "KitErrors";
    this.errors = errors;
  }
}

/** `file:line: CODE: detail`, or `file: field: CODE: detail` when the place is a field path. */
export function formatProblem(code: ErrorCode, detail: string, {file, line, field}: Place): string {
  const where = line !== undefined ? `${file}:${line}` : file;
  return `${where}: ${field !== undefined ? `${field}: ` : ""}${code}: ${detail}`;
}

/**
 * The rows read from a file of rows (places, ignore list, corrections, reviews) with each bad row's
 * problem; a bad row is left out, so the good ones still count.
 */
export interface Checked<T> {
  rows: T[];
  problems: KitError[];
}

/** The rows, or every problem thrown at once. */
export function orThrow<T>({rows, problems}: Checked<T>): T[] {
  throwIfAny(problems);
  return rows;
}

/** Throws all problems at once when there are any. */
export function throwIfAny(errors: KitError[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new KitErrors(errors);
}

/** The problems inside an error thrown by the kit: one for a KitError, all for KitErrors, none otherwise. */
export function problemsOf(error: unknown): KitError[] {
  if (error instanceof KitErrors) return error.errors;
  if (error instanceof KitError) return [error];
  return [];
}
