import {spawn} from "node:child_process";
import {existsSync, readFileSync} from "node:fs";
import {readFile, rename, rm, writeFile} from "node:fs/promises";
import {createRequire} from "node:module";
import {delimiter, dirname, join} from "node:path";
import {KitError, throwIfAny} from "../../loaders/errors.ts";
import {asKitErrors, blockingProblems} from "../../loaders/stage-problems.ts";
import {runStage} from "../../loaders/stage.ts";
import type {Effects} from "../effects.ts";
import {frameworkConfigArgs} from "../compiled.ts";
import {listFiles} from "../deps.ts";
import {vendorDsvWithoutEval} from "../publish/dsv.ts";
import {publishBuild} from "../publish/publish.ts";
import {siteUrl} from "../publish/site.ts";
import {runRefresh} from "./refresh.ts";
import {vendorNpm} from "../vendor.ts";

/**
 * The heap Framework's build may grow to, in MB. V8 grows a heap lazily, up to a quarter of the
 * machine's memory: building a desk ten times a large one (bench: `limits.large_story_peak_rss_mb`),
 * Framework's process reached 1.2 GB while less than 400 MB of it was live, and capped at 768 MB it
 * peaks near 520 MB in the same time. Only Framework's own process gets the flag (a data loader it
 * runs does not); `NODE_OPTIONS=--max-old-space-size=…` replaces it for a desk that needs more.
 */
export const buildHeapMb = 768;

/**
 * How `explainer build` starts Framework: Node with the heap cap ({@link buildHeapMb}, unless
 * `nodeOptions` sets one), then Framework's own command, `build` and `args`.
 */
export function frameworkBuildCommand(
  root: string,
  args: string[],
  nodeOptions = process.env.NODE_OPTIONS ?? ""
): string[] {
  // Framework as the project resolves it, else the kit's own (as `observable` on PATH was found: frameworkEnv).
  const framework = [join(root, "package.json"), import.meta.filename]
    .map((from) => {
      try {
        return createRequire(from).resolve("@observablehq/framework/package.json");
      } catch {
        return null;
      }
    })
    .find((found) => found !== null);
  if (!framework) throw new Error("@observablehq/framework is not installed: run npm ci");
  const bin = (JSON.parse(readFileSync(framework, "utf-8")) as {bin: {observable: string}}).bin.observable;
  const heap = /--max-old-space-size\b/.test(nodeOptions) ? [] : [`--max-old-space-size=${buildHeapMb}`];
  return [...heap, join(dirname(framework), bin), "build", ...args];
}

/** Where a build is made before it replaces `dist/`, so a failed build leaves the last good site whole. */
export const stagingDir = ".explainer/dist-next";

/**
 * The environment Framework runs in: telemetry off, and the project's and the kit's
 * `node_modules/.bin` on PATH (Framework runs `.ts` data loaders with `tsx` found on PATH).
 */
export function frameworkEnv(root: string, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const bins = [join(root, "node_modules/.bin"), join(import.meta.dirname, "../../node_modules/.bin")];
  return {
    ...process.env,
    PATH: [...bins, process.env.PATH ?? ""].join(delimiter),
    OBSERVABLE_TELEMETRY_DISABLE: "true",
    ...env
  };
}

/** Runs a program of node_modules/.bin (or PATH) with Framework's environment; resolves to its exit status. */
export function runProgram(
  command: string,
  args: string[],
  {root}: Effects,
  env: Record<string, string> = {}
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: frameworkEnv(root, env)
    });
    child.on("error", reject);
    // A process that aborts (as Node does when its heap runs out) exits as a shell reports it: 134.
    child.on("exit", (code, signal) => resolve(code ?? (signal === "SIGABRT" ? 134 : signal ? 1 : 0)));
  });
}

/**
 * Fixes what Framework writes into every page that a news page must not have: a bare `<html>` with
 * no `lang`, and a viewport that forbids zooming (`maximum-scale=1`).
 */
export async function finishPages(dir: string): Promise<void> {
  for (const file of (await listFiles(dir)).filter((f) => f.endsWith(".html"))) {
    const html = await readFile(file, "utf-8");
    await writeFile(
      file,
      html.replace(/^(<!DOCTYPE html>\s*)<html>/i, '$1<html lang="en">').replace(/, maximum-scale=1(?=")/, "")
    );
  }
}

/**
 * Builds the site into `dist/`: runs the story stage first (a problem that blocks the build fails it
 * before anything is touched), provides Framework's npm modules from node_modules, refreshes the
 * stage's outputs and the loaders whose inputs changed (a failing loader fails the build before
 * anything is built), builds into a staging folder (Framework uses the refreshed outputs as they
 * are; drafts are left out), publishes it from the story (social cards, metadata, scripts after
 * first paint, CSP: tools/publish/) and only then replaces `dist/`.
 */
export async function buildSite(effects: Effects): Promise<void> {
  const {root, stderr} = effects;
  // A bad EXPLAINER_SITE_URL is one problem of the kit's, here, not an error inside Framework's config.
  siteUrl();
  const stage = await runStage(root);
  throwIfAny(asKitErrors(blockingProblems(stage)));
  await vendorNpm(effects);
  // d3-dsv, vendored again without its `new Function`, for the CSP.
  await vendorDsvWithoutEval(effects);
  await runRefresh({names: [], force: false, json: false}, {...effects, stdout: stderr}, stage);
  const staging = join(root, stagingDir);
  const status = await runProgram(process.execPath, frameworkBuildCommand(root, frameworkConfigArgs()), effects, {
    EXPLAINER_OUTPUT: stagingDir,
    EXPLAINER_BUILD: "1"
  });
  if (status !== 0) {
    await rm(staging, {recursive: true, force: true});
    const why =
      status === 134
        ? "observable build stopped with status 134 (if it ran out of memory, as it then says above, give it more: NODE_OPTIONS=--max-old-space-size=2048 npm run build)"
        : `observable build exited with status ${status}`;
    throw new KitError("BUILD_FAILED", `${why}; dist/ is unchanged`, {
      file: "src"
    });
  }
  await finishPages(staging);
  await publishBuild(staging, effects, stage.stage!);
  const dist = join(root, "dist");
  const old = join(root, ".explainer/dist-old");
  await rm(old, {recursive: true, force: true});
  if (existsSync(dist)) await rename(dist, old);
  await rename(staging, dist);
  await rm(old, {recursive: true, force: true});
  stderr("built dist/\n");
}

/** `explainer build`. */
export async function run(_args: string[], effects: Effects): Promise<void> {
  await buildSite(effects);
}
