/**
 * `explainer review PLACE… | --all [--claim ID]`: marks places that cite a changed figure as
 * reviewed, by appending rows to `data/reviews.csv` (loaders/reviews.ts). A PLACE is written as
 * FIGURE_CHANGED prints it: `src/explainers/x.md:14` or `data/charts/x.json:annotations[0].text`.
 * A place that cites no changed figure is refused with its `file:line`, and nothing is written. Rows
 * that name a place no longer citing their claim (REVIEW_NOT_CITED) are dropped when it writes.
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {KitError, throwIfAny} from "../../loaders/errors.ts";
import {describeChange, staleReviews} from "../../loaders/living.ts";
import type {ChangedPlace, FigureChange} from "../../loaders/stage-model.ts";
import {parsePlace, placeText, reviewsFile, type Review} from "../../loaders/reviews.ts";
import {noClaim} from "../../src/components/claim.ts";
import {UsageError, type Effects} from "../effects.ts";
import {today, verifiedStage, withoutReviews, withReviews, writeProjectFile} from "../living-files.ts";

/** What `review` was asked for. */
export interface ReviewArgs {
  places: string[];
  all: boolean;
  claim?: string;
}

/** Parses `PLACE… | --all [--claim ID]`. */
export function parseReviewArgs(args: string[]): ReviewArgs {
  const out: ReviewArgs = {places: [], all: false};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--all") out.all = true;
    else if (arg === "--claim" || arg.startsWith("--claim=")) {
      const value = arg.includes("=") ? arg.slice("--claim=".length) : args[++i];
      if (!value) throw new UsageError("--claim needs a claim id");
      out.claim = value;
    } else if (arg.startsWith("-")) throw new UsageError(`unknown option: ${arg}`);
    else out.places.push(arg);
  }
  if (out.all === out.places.length > 0) throw new UsageError("name the places to review, or --all");
  return out;
}

/** The error for a place that cites no changed figure (or not the one asked for). */
function notCited(text: string, claim: string | undefined, changes: readonly FigureChange[]): KitError {
  const place = parsePlace(text)!;
  const where = "line" in place ? {file: place.file, line: place.line} : {file: place.file, field: place.field};
  const pending = [
    ...new Set(
      changes
        .filter((c) => !claim || c.claim === claim)
        .flatMap((c) => c.places.filter((p) => !p.reviewed).map((p) => placeText(p.place)))
    )
  ];
  const figure = claim ? `"${claim}"` : "a figure that changed since it was published";
  const hint = pending.length ? `; places to review: ${pending.join(", ")}` : "; no place waits for a review";
  return new KitError("REVIEW_NOT_CITED", `this place does not cite ${figure}${hint}`, where);
}

/** `explainer review`. */
export async function run(args: string[], effects: Effects): Promise<void> {
  const options = parseReviewArgs(args);
  for (const text of options.places) {
    if (!parsePlace(text))
      throw new UsageError(
        `${JSON.stringify(text)} is not a place: write it as FIGURE_CHANGED prints it (FILE.md:LINE or FILE.json:FIELD)`
      );
  }
  const {root, stdout} = effects;
  const {stage} = await verifiedStage(root);
  // Rows naming a place that no longer cites their claim: dropped when this command writes, as the
  // places that do cite it are reviewed here.
  const stale = staleReviews(stage);
  if (options.claim && !stage.claims.some((c) => c.id === options.claim)) {
    throw new KitError(
      "UNKNOWN_CLAIM",
      noClaim(
        options.claim,
        stage.claims.map((c) => c.id)
      ),
      {file: "data/claims.csv"}
    );
  }
  const changes = stage.changes.filter((c) => !options.claim || c.claim === options.claim);
  const pending: {change: FigureChange; place: ChangedPlace}[] = changes.flatMap((change) =>
    change.places.filter((p) => !p.reviewed).map((place) => ({change, place}))
  );

  const chosen: typeof pending = [];
  const problems: KitError[] = [];
  if (options.all) chosen.push(...pending);
  for (const text of options.places) {
    const key = placeText(parsePlace(text)!);
    const here = pending.filter((p) => placeText(p.place.place) === key);
    if (here.length > 0) chosen.push(...here);
    else if (changes.some((c) => c.places.some((p) => p.reviewed && placeText(p.place) === key))) {
      stdout(`${key}: already reviewed\n`);
    } else problems.push(notCited(text, options.claim, stage.changes));
  }
  throwIfAny(problems);

  const date = today(effects);
  const added: Review[] = [];
  for (const {change, place} of chosen) {
    if (added.some((r) => r.claim === change.claim && placeText(r.place) === placeText(place.place))) continue;
    added.push({
      place: place.place,
      claim: change.claim,
      label: change.after.label,
      hash: change.after.hash,
      reviewed: date,
      line: 0
    });
    stdout(`reviewed ${placeText(place.place)}: ${change.claim}: ${describeChange(change.before, change.after)}\n`);
  }
  if (added.length === 0 && stale.length === 0) {
    stdout("nothing to review: no place cites a figure that changed since it was published\n");
    return;
  }
  // Appended: the file's other rows stay as they are, line ends included.
  const current = await readFile(join(root, reviewsFile), "utf-8").catch(() => null);
  const kept = current === null ? null : withoutReviews(current, stale);
  await writeProjectFile(root, reviewsFile, withReviews(kept, added));
  for (const r of stale) stdout(`dropped ${reviewsFile}:${r.line}: ${placeText(r.place)} does not cite "${r.claim}"\n`);
  if (added.length === 0) return;
  const left = pending.filter(
    (p) => !added.some((r) => r.claim === p.change.claim && placeText(r.place) === placeText(p.place.place))
  );
  const missing = changes.filter((c) => c.entries.length === 0);
  stdout(
    `recorded ${added.length} review${added.length === 1 ? "" : "s"} in ${reviewsFile}` +
      (left.length ? `; ${left.length} place${left.length === 1 ? "" : "s"} still to review` : "") +
      (missing.length
        ? `; ${missing.map((c) => c.claim).join(", ")} still need${missing.length === 1 ? "s" : ""} an update or a correction (npx explainer update)`
        : "") +
      "\n"
  );
}
