/**
 * What the living-figures commands (`publish`, `review`, `update`) write into `data/`: the publish
 * record, the reviews and new log entries, each atomically, and the verified story they act on.
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import writeFileAtomic from "write-file-atomic";
import {correctionColumns, correctionsFile, type Correction} from "../loaders/corrections.ts";
import {throwIfAny} from "../loaders/errors.ts";
import {placeText, reviewColumns, type Review} from "../loaders/reviews.ts";
import {asKitErrors, blockingProblems} from "../loaders/stage-problems.ts";
import {runStage, type StageRun} from "../loaders/stage.ts";
import type {Stage} from "../loaders/stage-model.ts";
import {appendCsvRows, removeCsvRows} from "./csv-append.ts";
import type {Effects} from "./effects.ts";

/** Today as an ISO date, from the command's clock (tests fix it). */
export function today(effects: Pick<Effects, "now">): string {
  return effects.now().toISOString().slice(0, 10);
}

/** Runs the stage and returns its verified story; throws the blocking problems when the inputs do not verify. */
export async function verifiedStage(root: string): Promise<{stage: Stage; run: StageRun}> {
  const run = await runStage(root);
  if (!run.stage || !run.verified) {
    throwIfAny(asKitErrors(blockingProblems(run)));
    throw new Error("the story did not verify and gave no problem");
  }
  return {stage: run.stage, run};
}

/** Writes a file of the project atomically, only when its text changed; true when it wrote. */
export async function writeProjectFile(root: string, file: string, text: string): Promise<boolean> {
  const path = join(root, file);
  const old = await readFile(path, "utf-8").catch(() => null);
  if (old === text) return false;
  await writeFileAtomic(path, text);
  return true;
}

/**
 * Appends entries to `data/corrections.csv` (made with its header when missing), leaving every
 * existing line as it is and keeping the file's line ending.
 */
export async function appendEntries(root: string, entries: readonly Omit<Correction, "line">[]): Promise<void> {
  if (entries.length === 0) return;
  const path = join(root, correctionsFile);
  const text = await readFile(path, "utf-8").catch(() => null);
  await writeFileAtomic(path, appendCsvRows(text, entries, correctionColumns));
}

/**
 * `data/reviews.csv`'s text with `reviews` appended (after its header, when the file is missing or
 * empty): every line already there is kept, a bad one included, and the file's line ends with it.
 */
export function withReviews(current: string | null, reviews: readonly Omit<Review, "line">[]): string {
  return appendCsvRows(
    current,
    reviews.map((r) => ({...r, place: placeText(r.place)})),
    reviewColumns
  );
}

/**
 * `data/reviews.csv`'s text without the rows of `reviews`: each at its line, and only while that line
 * still holds the row's place and claim, whole. Every other line is kept as it is, line ends included.
 */
export function withoutReviews(current: string, reviews: readonly Review[]): string {
  return removeCsvRows(current, new Map(reviews.map((r) => [r.line, {place: placeText(r.place), claim: r.claim}])));
}
