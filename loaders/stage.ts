/**
 * The story stage: the one place where `data/` is read and verified and where each chart is
 * rendered. It reads the archived sources, the ledger, the ignore list, places, corrections, chart
 * specs and the pages, and writes what everything downstream consumes (`.explainer/stage/`):
 *
 * - `story.json`: the verified story (sources, claims, places), every chart rendered at both widths
 *   with its texts and CSV rows, every explainer with what it cites, and the number audit;
 * - `status.json`: the hash of the inputs it was made from and every problem found, each with its
 *   scope (the project, one explainer, one source) and whether it blocks a build.
 *
 * The page plugin, the `::: chart` and `::: embed` directives, the CSV downloads, the social cards
 * and the publish metadata read `story.json` only. When the inputs are unchanged the stage does
 * nothing; when they changed it re-renders only the charts whose spec, claims or places changed. A
 * problem never replaces good output: a bad ledger keeps the last good story, a bad chart its last
 * good drawing.
 *
 * What the story holds: loaders/stage-model.ts; its problems: loaders/stage-problems.ts.
 */
import {mkdir, readFile, rename, writeFile} from "node:fs/promises";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {contentHash} from "./hash.ts";
import {inputsHash} from "./inputs.ts";
import {stageVersion, type Stage} from "./stage-model.ts";
import type {StageProblem} from "./stage-problems.ts";
import {stageDir} from "./stage-read.ts";

/** What a run of the stage gives: the last good story (null before any), the problems, and whether it ran. */
export interface StageRun {
  stage: Stage | null;
  /** True when `stage` is the story of the current inputs; false when they do not verify and it is the last good one. */
  verified: boolean;
  problems: StageProblem[];
  /** False when the inputs were unchanged and the stored outputs were used as they are. */
  ran: boolean;
  /** True when this run wrote a new `story.json`. */
  changed: boolean;
}

/** What `status.json` holds. */
interface Status {
  version: typeof stageVersion;
  inputs: string;
  /** Whether these inputs gave a story. */
  verified: boolean;
  problems: StageProblem[];
}

/** Writes a file atomically: a temporary file in the same folder, then a rename. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, text);
  await rename(temp, path);
}

/** The stored story, or null when there is none or it is of another version. */
export function readStoredStage(root: string): Stage | null {
  try {
    const stage = JSON.parse(readFileSync(join(root, stageDir, "story.json"), "utf-8")) as Stage;
    return stage.version === stageVersion ? stage : null;
  } catch {
    return null;
  }
}

async function readStatus(root: string): Promise<Status | null> {
  try {
    const status = JSON.parse(await readFile(join(root, stageDir, "status.json"), "utf-8")) as Status;
    return status.version === stageVersion ? status : null;
  } catch {
    return null;
  }
}

/** Options of {@link runStage}. */
export interface StageOptions {
  /** Recompute even when the inputs are unchanged. */
  force?: boolean;
  /** The previous story to reuse drawings from (default: the stored one). */
  previous?: Stage | null;
}

/**
 * Runs the stage over the project at `root`: does nothing when its inputs are unchanged since the
 * last run, otherwise verifies and renders what changed and writes `story.json` (unless the story
 * cannot be verified: the last good one is kept) and `status.json`. Never throws for bad input:
 * read the problems.
 *
 * ```ts
 * const {stage, problems} = await runStage(root);
 * ```
 */
export async function runStage(root: string, options: StageOptions = {}): Promise<StageRun> {
  const inputs = inputsHash(root);
  const status = options.force ? null : await readStatus(root);
  if (status && status.inputs === inputs) {
    const stage = options.previous ?? readStoredStage(root);
    return {stage, verified: status.verified && !!stage, problems: status.problems, ran: false, changed: false};
  }
  const previous = options.previous !== undefined ? options.previous : readStoredStage(root);
  // The heavy modules (the number finder, the chart renderer and its DOM) load only when the stage has work.
  const {computeStage} = await import("./stage-compute.ts");
  const {stage, problems} = await computeStage(root, inputs, previous);
  await mkdir(join(root, stageDir), {recursive: true});
  let changed = false;
  if (stage) {
    const text = JSON.stringify(stage);
    const path = join(root, stageDir, "story.json");
    const old = await readFile(path, "utf-8").catch(() => null);
    if (old === null || contentHash(old) !== contentHash(text)) {
      await writeAtomic(path, text);
      changed = true;
    }
  }
  const written: Status = {version: stageVersion, inputs, verified: !!stage, problems};
  await writeAtomic(join(root, stageDir, "status.json"), JSON.stringify(written));
  return {stage: stage ?? previous, verified: !!stage, problems, ran: true, changed};
}
