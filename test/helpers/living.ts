/**
 * The living-figures fixture desk (test/fixtures/living/): the kit from this checkout with that
 * desk's data and pages in a temporary folder, and small edits the tests make to it.
 */
import {mkdtemp, readFile, writeFile} from "node:fs/promises";
import {shownClaims} from "../../loaders/stage-model.ts";
import {formatPublished, nextRecord} from "../../loaders/published.ts";
import {runStage} from "../../loaders/stage.ts";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {copyInto, copyKit, projectRoot} from "./project.ts";

/** The fixture desk's folder. */
export const livingFixture = join(projectRoot, "test/fixtures/living");

/** Copies the kit and the living fixture desk into a fresh temporary folder and returns its path. */
export async function copyLiving(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "explainer-living-"));
  await copyKit(root);
  await copyInto(root, `${livingFixture}/.`);
  return root;
}

/** Rewrites a file of a test project. */
export async function edit(root: string, file: string, change: (text: string) => string): Promise<void> {
  await writeFile(join(root, file), change(await readFile(join(root, file), "utf-8")));
}

/** The refugee count's row in the fixture's ledger, moved to the next day's source: "1 million". */
export const movedRefugees =
  'refugees,1 million,refugees,the UN refugee agency,2022-03-03,Ukraine,2022-03-03-the-refugee-count-reaches-a-milestone,"The UN refugee agency said on Thursday that 1 million people had fled Ukraine in the week since the invasion began.",,';

/** Moves the fixture's refugee count to "1 million" (the claim three places cite). */
export async function moveRefugees(root: string): Promise<void> {
  await edit(root, "data/claims.csv", (text) => text.replace(/^refugees,.*$/m, movedRefugees));
}

/** Writes the record a publish would write today for the project as it is (without building the site). */
export async function recordAsPublished(root: string, today = "2026-11-20"): Promise<void> {
  const {stage} = await runStage(root);
  const claims = new Map(stage!.claims.map((c) => [c.id, c]));
  const explainers = stage!.explainers.map((e) => ({
    slug: e.slug,
    draft: e.draft,
    shown: shownClaims(e, stage!.charts)
  }));
  const logged = (x: string, claim: string) =>
    stage!.corrections.filter((c) => c.explainer === x && c.claim === claim).length;
  await writeFile(
    join(root, "data/published.csv"),
    formatPublished(nextRecord({explainers, claims, logged}, [], today))
  );
}
