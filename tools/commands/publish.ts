/**
 * `explainer publish`: builds the site for readers as `npm run build` does, then records what each
 * explainer now shows in `data/published.csv` (loaders/published.ts), to be committed.
 *
 * It refuses before building anything (so `dist/` stays as it was and nothing is recorded) while
 * the story has a problem that blocks a build (an unreviewed FIGURE_CHANGED place, a bad record, an
 * entry for a figure that did not change, a review of a place that does not cite its claim) or a
 * changed figure has no update or correction (UPDATE_MISSING). A failed build records nothing and
 * leaves `dist/` as `build` leaves it (the last good site). After a publish, the reviews it
 * consumed are removed from `data/reviews.csv`.
 */
import {formatDate} from "../../src/components/chart-text.ts";
import {KitError, throwIfAny} from "../../loaders/errors.ts";
import {publishProblems, removedFigures} from "../../loaders/living.ts";
import {shownClaims} from "../../loaders/stage-model.ts";
import {figureHash, formatPublished, nextRecord, publishedFile} from "../../loaders/published.ts";
import {correctionsFile} from "../../loaders/corrections.ts";
import {reviewsFile} from "../../loaders/reviews.ts";
import {asKitErrors} from "../../loaders/stage-problems.ts";
import {runStage} from "../../loaders/stage.ts";
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {UsageError, type Effects} from "../effects.ts";
import {lineEnd} from "../csv-append.ts";
import {today, verifiedStage, withoutReviews, writeProjectFile} from "../living-files.ts";
import {buildSite} from "./build.ts";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** `explainer publish`. */
export async function run(args: string[], effects: Effects): Promise<void> {
  if (args.length > 0) throw new UsageError(`publish takes no arguments (got ${args.join(" ")})`);
  const {root, stdout} = effects;
  const {stage, run: checked} = await verifiedStage(root);
  throwIfAny(asKitErrors(publishProblems(checked.problems)));

  await buildSite(effects);
  const after = await runStage(root);
  if (after.stage?.inputs !== stage.inputs) {
    throw new KitError(
      "STORY_CHANGED",
      "the story changed while the site was built; nothing was recorded: run `npx explainer publish` again",
      {file: publishedFile}
    );
  }

  const claims = new Map(stage.claims.map((c) => [c.id, c]));
  const explainers = stage.explainers.map((e) => ({slug: e.slug, draft: e.draft, shown: shownClaims(e, stage.charts)}));
  const logged = (explainer: string, claim: string) =>
    stage.corrections.filter((c) => c.explainer === explainer && c.claim === claim).length;
  const record = nextRecord({explainers, claims, logged}, stage.published ?? [], today(effects));
  // The record keeps its line ends (a desk on Windows may have checked it out with CRLF).
  const previous = await readFile(join(root, publishedFile), "utf-8").catch(() => null);
  const text = formatPublished(record).replaceAll("\n", lineEnd(previous));
  const wrote = await writeProjectFile(root, publishedFile, text);

  // Reviews of what is now recorded are consumed; those of an earlier version of a claim are void.
  const recorded = new Set(record.map((r) => `${r.claim}\0${r.hash}`));
  const current = (claim: string, hash: string) => {
    const c = claims.get(claim);
    return !!c && figureHash(c) === hash;
  };
  const spent = stage.reviews.filter((r) => !current(r.claim, r.hash) || recorded.has(`${r.claim}\0${r.hash}`));
  const reviews = spent.length ? await readFile(join(root, reviewsFile), "utf-8").catch(() => null) : null;
  if (reviews !== null) await writeProjectFile(root, reviewsFile, withoutReviews(reviews, spent));

  const removed = removedFigures({...stage, claims, record: stage.published ?? null});
  for (const e of stage.explainers.filter((x) => !x.draft)) {
    const rows = record.filter((r) => r.explainer === e.slug && r.claim !== "");
    const changed = stage.changes.filter((c) => c.explainer === e.slug);
    // Figures readers saw on the page last time that it no longer shows: said, never silently dropped.
    const gone = removed.filter((r) => r.explainer === e.slug);
    const notes = [
      ...(changed.length
        ? [
            `${plural(changed.length, "figure")} changed since ${formatDate(changed[0].before.date)}: ${changed.map((c) => c.claim).join(", ")}`
          ]
        : []),
      ...(gone.length
        ? [`${gone.length} no longer shown: ${gone.map((r) => `${r.claim}, was ${r.label}`).join("; ")}`]
        : [])
    ];
    stdout(`published ${e.slug}: ${plural(rows.length, "figure")}${notes.length ? ` (${notes.join("; ")})` : ""}\n`);
  }
  stdout(wrote ? `recorded ${publishedFile}: commit it with the story\n` : `${publishedFile} is unchanged\n`);
  if (removed.length > 0)
    stdout(
      `readers saw figures the pages no longer show: if they should know why, add an entry with no claim to ${correctionsFile} and publish again\n`
    );
}
