/**
 * The review routes of the save endpoint (tools/save-server.ts), for `data/reviews.csv`: the dev
 * page's "Mark reviewed" button, doing what `npx explainer review PLACE` does.
 *
 * - `GET /reviews` → `{base}`: the hash of the file (404 UNKNOWN_FILE while there is none);
 * - `PUT /reviews` with `{place, claim, hash, base}` appends a review to the file, over the version
 *   whose hash is `base`;
 * - `POST /reviews` with `{place, claim, hash}` makes the file with its first review.
 *
 * A review is written only when the stage's story (as the dev stage last wrote it) has that place
 * waiting for a review of that claim at that hash: the figure changed since it was published, the
 * place cites it, and the claim has not moved again since the page was loaded.
 */
import {z} from "zod";
import {staleReviews} from "../loaders/living.ts";
import {readStoredStage} from "../loaders/stage.ts";
import {checkReviews, parsePlace, placeText, reviewsFile, type Review} from "../loaders/reviews.ts";
import {withoutReviews, withReviews} from "./living-files.ts";
import {writeRoute, type FieldProblem, type Route} from "./save-server.ts";

/** What the review routes need: the project, and the clock that dates a review. */
export interface ReviewRouteOptions {
  root: string;
  now?: () => Date;
}

const review = {
  place: z.string().min(1).max(1000),
  claim: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  hash: z.string().regex(/^[0-9a-f]{12}$/)
};
type ReviewBody = {place: string; claim: string; hash: string; base?: string};

/** The change and place a body names, from the stored story, or the problems that stop it. */
export function findPending(
  root: string,
  body: Pick<ReviewBody, "place" | "claim" | "hash">
): {label: string; problems: FieldProblem[]} {
  const stage = readStoredStage(root);
  if (!stage)
    return {label: "", problems: [{code: "NO_STAGE", field: "", detail: "the story has not been verified yet"}]};
  const changes = (stage.changes ?? []).filter((c) => c.claim === body.claim);
  const here = changes.filter((c) => c.places.some((p) => placeText(p.place) === body.place));
  if (here.length === 0) {
    return {
      label: "",
      problems: [
        {
          code: "REVIEW_NOT_CITED",
          field: "place",
          detail: `${body.place} does not cite "${body.claim}" as a figure that changed since it was published`
        }
      ]
    };
  }
  const current = here.find((c) => c.after.hash === body.hash);
  if (!current) {
    return {
      label: "",
      problems: [
        {
          code: "REVIEW_STALE",
          field: "hash",
          detail: `"${body.claim}" changed again since the page was loaded (now ${here[0].after.label}): reload and read the place again`
        }
      ]
    };
  }
  return {label: current.after.label, problems: []};
}

/**
 * The file's text with the review appended (unchanged when the same review is already there), and
 * without the rows whose place no longer cites their claim, as `explainer review` writes it.
 */
function appended(current: string | null, row: Omit<Review, "line">, root: string): string {
  const same =
    current !== null &&
    checkReviews(current).rows.some(
      (r) => r.claim === row.claim && r.hash === row.hash && placeText(r.place) === placeText(row.place)
    );
  if (same) return current;
  const stage = readStoredStage(root);
  const kept = current !== null && stage ? withoutReviews(current, staleReviews(stage)) : current;
  return withReviews(kept, [row]);
}

/** The review routes for the project at `root`. */
export function reviewRoutes({root, now = () => new Date()}: ReviewRouteOptions): Route[] {
  const [folder, file] = [reviewsFile.slice(0, reviewsFile.lastIndexOf("/")), reviewsFile.split("/").pop()!];
  const common = {path: "/reviews", folder, file: () => file} as const;
  const labels = new Map<string, string>();
  const key = (b: Pick<ReviewBody, "place" | "claim" | "hash">) => `${b.place}\0${b.claim}\0${b.hash}`;
  const validate = (body: ReviewBody): FieldProblem[] => {
    const found = findPending(root, body);
    if (found.problems.length === 0) labels.set(key(body), found.label);
    return found.problems;
  };
  const apply = (body: ReviewBody, current: string | null) => {
    const place = parsePlace(body.place)!;
    const row = {
      place,
      claim: body.claim,
      label: labels.get(key(body)) ?? "",
      hash: body.hash,
      reviewed: now().toISOString().slice(0, 10)
    };
    return appended(current, row, root);
  };
  return [
    {...common, method: "GET", read: () => ({})},
    writeRoute({
      ...common,
      method: "PUT",
      mode: "replace",
      body: z.strictObject({...review, base: z.string()}),
      bodyHint:
        '{"place": "src/explainers/x.md:20", "claim": "…", "hash": "<the claim\'s 12-digit hash>", "base": "<hash of data/reviews.csv>"}',
      maxBytes: 4096,
      base: (body) => body.base!,
      validate,
      invalid: "INVALID_REVIEW",
      apply
    }),
    writeRoute({
      ...common,
      method: "POST",
      mode: "create",
      body: z.strictObject(review),
      bodyHint: '{"place": "src/explainers/x.md:20", "claim": "…", "hash": "<the claim\'s 12-digit hash>"}',
      maxBytes: 4096,
      validate,
      invalid: "INVALID_REVIEW",
      apply
    })
  ];
}
