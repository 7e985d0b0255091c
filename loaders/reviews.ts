/**
 * Reviews of changed figures, `data/reviews.csv`: an editor's word that a place citing a figure
 * that changed since it was published (a sentence of a page, a chart's text) still reads right with
 * the new figure. `npx explainer review` (or the dev page's button) appends rows; the stage reads
 * them and stops reporting FIGURE_CHANGED for the places they cover; `npx explainer publish`
 * removes the rows it has consumed (docs/living-figures.md).
 *
 * ```csv
 * place,claim,label,hash,reviewed
 * src/explainers/refugees.md:14,refugees,1 million,8d0f6b2c41aa,2026-11-25
 * data/charts/refugee-count.json:annotations[0].text,refugees,1 million,8d0f6b2c41aa,2026-11-25
 * ```
 */
import {isSlug} from "../src/components/slug.ts";
import {KitError, type Checked, type ErrorCode} from "./errors.ts";
import {checkCsvRows} from "./csv.ts";
import {figureHashLength} from "./published.ts";
import {isIsoDate, notADate} from "./sources.ts";

/** The reviews file, relative to the project root. */
export const reviewsFile = "data/reviews.csv";

/** Its columns, in order. */
export const reviewColumns = ["place", "claim", "label", "hash", "reviewed"] as const;

/**
 * A place that cites a figure: a line of a page (`src/explainers/x.md:14`) or a text field of a
 * chart spec (`data/charts/x.json:annotations[0].text`).
 */
export type FigurePlace = {file: string; line: number} | {file: string; field: string};

/** One review: this place was read again with the claim as it is at `hash`. */
export interface Review {
  place: FigurePlace;
  claim: string;
  /** The label the editor reviewed (for people reading the file; the hash decides). */
  label: string;
  hash: string;
  /** The day of the review. */
  reviewed: string;
  /** Its line in the file (0 for one not read from a file). */
  line: number;
}

/** A place as it is written in messages and in the file: `file:line` or `file:field`. */
export function placeText(place: FigurePlace): string {
  return "line" in place ? `${place.file}:${place.line}` : `${place.file}:${place.field}`;
}

/**
 * Reads a place as `placeText` writes it, or null: a page (`.md`) with a line number, or a chart
 * spec (`.json`) with a field path.
 */
export function parsePlace(text: string): FigurePlace | null {
  const page = /^(\S+\.md):(\d+)$/.exec(text.trim());
  if (page && Number(page[2]) > 0) return {file: page[1], line: Number(page[2])};
  const chart = /^(\S+\.json):([A-Za-z][\w.[\]]*)$/.exec(text.trim());
  if (chart) return {file: chart[1], field: chart[2]};
  return null;
}

/**
 * Checks the file's text: each row names a place, a claim id, the hash it reviewed and the day.
 * Whether the place cites the claim is the stage's check (it knows the pages). The good rows, and
 * each bad row's problem with its line.
 */
export function checkReviews(text: string, file: string = reviewsFile): Checked<Review> {
  const reviews: Review[] = [];
  const {rows, problems} = checkCsvRows(text, file, reviewColumns);
  for (const {line, record} of rows) {
    const fail = (code: ErrorCode, detail: string) => problems.push(new KitError(code, detail, {file, line}));
    const before = problems.length;
    const cell = (name: (typeof reviewColumns)[number]) => (record[name] ?? "").trim();
    const place = parsePlace(cell("place"));
    if (!place)
      fail(
        "INVALID_FIELD",
        `place ${JSON.stringify(cell("place"))} is neither PAGE.md:LINE nor CHART.json:FIELD (as FIGURE_CHANGED prints it)`
      );
    if (!isSlug(cell("claim"))) fail("INVALID_ID", `claim ${JSON.stringify(cell("claim"))} is not a slug`);
    if (!new RegExp(`^[0-9a-f]{${figureHashLength}}$`).test(cell("hash")))
      fail("INVALID_FIELD", `hash ${JSON.stringify(cell("hash"))} is not ${figureHashLength} hex digits`);
    if (!isIsoDate(cell("reviewed"))) fail("INVALID_DATE", notADate(cell("reviewed"), "reviewed"));
    if (problems.length > before) continue;
    reviews.push({
      place: place!,
      claim: cell("claim"),
      label: cell("label"),
      hash: cell("hash"),
      reviewed: cell("reviewed"),
      line
    });
  }
  return {rows: reviews, problems};
}
