/**
 * The stage's output as the pages read it, in Framework's process: where the stage writes, the names
 * of its outputs, and `story.json` parsed once per change of the file. Light on purpose (no
 * verification, no rendering): the stage has done that.
 */
import {readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {pageStory, type PageStory} from "./block-context.ts";
import {KitError} from "./errors.ts";
import {stageVersion, type Stage} from "./stage-model.ts";

/** Where the stage writes, relative to the project root. */
export const stageDir = ".explainer/stage";

/**
 * The stage's outputs by their name in the site (what each holds: loaders/stage-output-content.ts).
 * Zips are served member by member: `data/download/charts.zip` gives `data/download/charts/<id>.csv`.
 */
export const stageOutputNames = [
  "data/claims.csv",
  "data/sources.csv",
  "data/numbers.csv",
  "data/computed.csv",
  "data/audit-texts.json",
  "data/chart-data.json",
  "data/chart-schema.json",
  "data/download/claims.zip",
  "data/freshness.json",
  "data/changes.json",
  "data/download/charts.zip"
] as const;

/** The name of one of the stage's outputs. */
export type StageOutputName = (typeof stageOutputNames)[number];

/** Whether `name` is one of the stage's outputs. */
export function isStageOutput(name: string): name is StageOutputName {
  return (stageOutputNames as readonly string[]).includes(name);
}

/**
 * Under `npm run dev`, the output every page that shows the story links (see `storyLink` in
 * loaders/prose.ts): announcing it when the story changes re-renders each of those pages.
 */
export const storyLinkOutput: StageOutputName = "data/download/claims.zip";

let last: {root: string; stamp: string; stage: Stage} | undefined;

/**
 * The last good story the stage wrote under `root`. Throws NO_STAGE when the stage never ran
 * (pages are built and served by `npm run build` and `npm run dev`, which run it first).
 */
export function readStageSync(root: string): Stage {
  const path = join(root, stageDir, "story.json");
  let stamp: string;
  try {
    const {mtimeMs, size} = statSync(path);
    stamp = `${mtimeMs}:${size}`;
  } catch {
    throw new KitError(
      "NO_STAGE",
      "the story has not been verified yet: serve the pages with `npm run dev` and build them with `npm run build`",
      {file: join(stageDir, "story.json")}
    );
  }
  if (last?.root !== root || last.stamp !== stamp) {
    const stage = JSON.parse(readFileSync(path, "utf-8")) as Stage;
    if (stage.version !== stageVersion) {
      throw new KitError(
        "NO_STAGE",
        "the stored story is from another version of the kit: run `npm run dev` or `npm run build`",
        {
          file: join(stageDir, "story.json")
        }
      );
    }
    last = {root, stamp, stage};
  }
  return last.stage;
}

/** The pages' view of the stored story under `root` (see `pageStory`). */
export function readPageStory(root: string): PageStory {
  return pageStory(readStageSync(root));
}
