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
 */
import {mkdir, readFile, rename, writeFile} from "node:fs/promises";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {Claim} from "../src/components/claim.ts";
import type {MapPlace} from "../src/components/charts/types.ts";
import {measuresOf, type ExplainerFreshness} from "../src/components/freshness.ts";
import {KitError, problemsOf, type ErrorCode} from "./errors.ts";
import {contentHash} from "./hash.ts";
import {inputsHash} from "./inputs.ts";
import {stageDir, stageVersion} from "./stage-read.ts";
import type {RenderedChart} from "./render-charts.ts";
import type {AuditedNumber} from "./audit.ts";
import type {Correction} from "./corrections.ts";
import type {Explainer} from "./explainers.ts";
import type {ChartMention, CitedLine, FigureChange} from "./living.ts";
import type {PublishedFigure} from "./published.ts";
import type {Review} from "./reviews.ts";
import type {Source} from "./sources.ts";

/** A chart as the stage rendered it: both SVGs, its texts, and the rows of its CSV download. */
export interface StagedChart extends RenderedChart {
  id: string;
  /** `data/charts/<id>.json`. */
  file: string;
  type: string;
  /** Hash of what the drawing depends on (spec, the claims and places it names, the kit's code). */
  key: string;
  /** Its CSV download, one row per claim it shows. */
  rows: Record<string, string>[];
  /** Its text fields that name a claim (placeholders, annotations on a claim): places to review when the claim changes. */
  mentions?: ChartMention[];
}

/** An explainer as the stage read it: its front matter and what its page cites. */
export interface StagedExplainer extends Omit<Explainer, "text" | "allow"> {
  /** Claims cited on the page, in order of first use (prose, standfirst, cards). */
  claims: string[];
  /** Charts placed on the page, in order. */
  charts: string[];
  /** Sources of the cited claims and of the claims its charts show, in order of first use. */
  sources: string[];
  /** Its corrections and updates, newest first. */
  corrections: Correction[];
  /** The newest `as_of` of the figures it shows, or "" when it cites none. */
  asOf: string;
  /** The lines of its page that cite each claim (prose, standfirst, cards). */
  places?: CitedLine[];
}

/** The verified story: what every consumer reads. */
export interface Stage {
  version: typeof stageVersion;
  /** The hash of the inputs this story was made from. */
  inputs: string;
  sources: Source[];
  claims: Claim[];
  places: MapPlace[];
  charts: Record<string, StagedChart>;
  /**
   * The charts whose spec does not draw now: `charts` keeps their last good drawing, which the pages
   * show under `npm run dev`; `check` counts them as not drawn and their pages as placing no chart.
   */
  failedCharts: string[];
  explainers: StagedExplainer[];
  corrections: Correction[];
  numbers: AuditedNumber[];
  /** The publish record (`data/published.csv`), or null when nothing was published with `explainer publish`. */
  published: PublishedFigure[] | null;
  /** The reviews of changed figures (`data/reviews.csv`). */
  reviews: Review[];
  /** The published figures that changed since, with their places and entries (loaders/living.ts). */
  changes: FigureChange[];
  /** The site's name, from the home page's `site_name` (loaders/explainers.ts: `siteNameOf`). */
  siteName: string;
}

/** The charts that draw now: `charts` without the {@link Stage.failedCharts} whose last good drawing it keeps. */
export function drawnCharts(
  charts: Readonly<Record<string, StagedChart>>,
  failed: readonly string[]
): Record<string, StagedChart> {
  return Object.fromEntries(Object.entries(charts).filter(([id]) => !failed.includes(id)));
}

/** What a problem belongs to: the whole project, one explainer (by slug), one other page, or one source (by id). */
export type Scope = {project: true} | {explainer: string} | {page: string} | {source: string};

/** A problem the stage found, as stored in `status.json`. */
export interface StageProblem {
  code: ErrorCode;
  detail: string;
  file: string;
  line?: number;
  field?: string;
  /** `file:line: CODE: detail`, as the CLI prints it. */
  message: string;
  scope: Scope;
  /** Whether it stops `npm run build`: not for a draft page, nor for a source no published explainer cites. */
  blocking: boolean;
}

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

/** A KitError with its scope, as stored. */
export function stageProblem(error: KitError, scope: Scope, blocking = true): StageProblem {
  const {code, detail, file, line, field, message} = error;
  return {
    code,
    detail,
    file,
    ...(line !== undefined ? {line} : {}),
    ...(field !== undefined ? {field} : {}),
    message,
    scope,
    blocking
  };
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

/** The claims an explainer shows: those it cites, then those its charts draw. */
export function shownClaims(
  explainer: Pick<StagedExplainer, "claims" | "charts">,
  charts: Readonly<Record<string, Pick<StagedChart, "claims">>>
): string[] {
  return [...new Set([...explainer.claims, ...explainer.charts.flatMap((id) => charts[id]?.claims ?? [])])];
}

/** Each published explainer's measures with their newest figure's date, and its `maxAgeDays`. */
export function explainersFreshness(stage: Pick<Stage, "claims" | "charts" | "explainers">): ExplainerFreshness[] {
  const byId = new Map(stage.claims.map((c) => [c.id, c]));
  return stage.explainers
    .filter((e) => !e.draft)
    .map((e) => ({
      slug: e.slug,
      title: e.title,
      file: e.file,
      maxAgeDays: e.maxAgeDays ?? null,
      measures: measuresOf(shownClaims(e, stage.charts).flatMap((id) => byId.get(id) ?? []))
    }));
}

/** The problems that stop a build. */
export function blockingProblems(run: Pick<StageRun, "problems">): StageProblem[] {
  return run.problems.filter((p) => p.blocking);
}

/** Blocking problems as KitErrors (for the CLI's one handler). */
export function asKitErrors(problems: StageProblem[]): KitError[] {
  return problems.map((p) => new KitError(p.code, p.detail, {file: p.file, line: p.line, field: p.field}));
}

/** Reads a KitError or several from a thrown value, with a scope; rethrows anything else. */
export function scoped(error: unknown, scope: Scope, blocking = true): StageProblem[] {
  const problems = problemsOf(error);
  if (problems.length === 0) throw error;
  return problems.map((p) => stageProblem(p, scope, blocking));
}
