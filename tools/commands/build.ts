import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import {readFile, rename, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {loadStory} from "../../loaders/claims.ts";
import {KitError} from "../../loaders/errors.ts";
import type {Effects} from "../cli.ts";
import {listFiles} from "../deps.ts";
import {vendorDsvWithoutEval} from "../publish/dsv.ts";
import {publishBuild} from "../publish/publish.ts";
import type {Command} from "./index.ts";
import {runRefresh} from "./refresh.ts";
import {vendorNpm} from "./vendor.ts";

/** Where a build is made before it replaces `dist/`, so a failed build leaves the last good site whole. */
export const stagingDir = ".explainer/dist-next";

/** Runs a program with the kit's environment (telemetry off); resolves to its exit status. */
export function run(
  command: string,
  args: string[],
  {root}: Effects,
  env: Record<string, string> = {}
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", ...env}
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
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
 * Builds the site into `dist/`: verifies the story first (bad input fails before anything is
 * touched), provides Framework's npm modules from node_modules, refreshes the loaders whose inputs
 * changed (`explainer refresh`: a failing loader fails the build before anything is built), builds
 * into a staging folder (Framework uses the refreshed outputs as they are), publishes it (social cards,
 * metadata, scripts after first paint, CSP: tools/publish/) and only then replaces `dist/`.
 */
export async function buildSite(effects: Effects): Promise<void> {
  const {root, stderr} = effects;
  await loadStory(root);
  await vendorNpm(effects);
  await vendorDsvWithoutEval(effects);
  await runRefresh({names: [], force: false, json: false}, {...effects, stdout: stderr});
  const staging = join(root, stagingDir);
  const status = await run("observable", ["build"], effects, {EXPLAINER_OUTPUT: stagingDir});
  if (status !== 0) {
    await rm(staging, {recursive: true, force: true});
    throw new KitError("BUILD_FAILED", `observable build exited with status ${status}; dist/ is unchanged`, {
      file: "src"
    });
  }
  await finishPages(staging);
  await publishBuild(staging, effects);
  const dist = join(root, "dist");
  const old = join(root, ".explainer/dist-old");
  await rm(old, {recursive: true, force: true});
  if (existsSync(dist)) await rename(dist, old);
  await rename(staging, dist);
  await rm(old, {recursive: true, force: true});
  stderr("built dist/\n");
}

export const build: Command = {
  usage: "",
  summary: "verify the story, refresh loaders whose inputs changed, and build the site into dist/ (kept on failure)",
  async run(_args, effects) {
    await buildSite(effects);
  }
};
