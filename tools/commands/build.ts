import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import {mkdir, readFile, rename, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {loadStory} from "../../loaders/claims.ts";
import {KitError} from "../../loaders/errors.ts";
import type {Effects} from "../cli.ts";
import {listFiles, outputOf, staleLoaders} from "../freshness.ts";
import type {Command} from "./index.ts";
import {vendorNpm} from "./vendor.ts";

/** Where a build is made before it replaces `dist/`, so a failed build leaves the last good site whole. */
export const stagingDir = ".explainer/dist-next";

/** Runs a program with the kit's environment (telemetry off); resolves to its exit status. */
export function run(command: string, args: string[], {root}: Effects, env: Record<string, string> = {}): Promise<number> {
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

/** Sets `lang` on every page: Framework writes a bare `<html>`. */
export async function finishPages(dir: string): Promise<void> {
  for (const file of (await listFiles(dir)).filter((f) => f.endsWith(".html"))) {
    const html = await readFile(file, "utf-8");
    await writeFile(file, html.replace(/^(<!DOCTYPE html>\s*)<html>/i, '$1<html lang="en">'));
  }
}

/**
 * Builds the site into `dist/`: verifies the story first (bad input fails before anything is
 * touched), provides Framework's npm modules from node_modules, re-runs every loader whose output is
 * older than its inputs, builds into a staging folder and only then replaces `dist/`.
 */
export async function buildSite(effects: Effects): Promise<void> {
  const {root, stderr} = effects;
  await loadStory(root);
  await vendorNpm(effects);
  const stale = await staleLoaders(root);
  const backup = join(root, ".explainer/stale-backup");
  await rm(backup, {recursive: true, force: true});
  for (const loader of stale) {
    const output = outputOf(root, loader);
    if (!existsSync(output)) continue;
    const saved = join(backup, output.slice(root.length));
    await mkdir(join(saved, ".."), {recursive: true});
    await rename(output, saved);
  }
  if (stale.length) stderr(`re-running ${stale.length} loader${stale.length === 1 ? "" : "s"} with newer inputs\n`);
  const staging = join(root, stagingDir);
  const status = await run("observable", ["build"], effects, {EXPLAINER_OUTPUT: stagingDir});
  if (status !== 0) {
    for (const saved of await listFiles(backup)) {
      const output = join(root, saved.slice(backup.length));
      if (!existsSync(output)) await mkdir(join(output, ".."), {recursive: true}).then(() => rename(saved, output));
    }
    await rm(staging, {recursive: true, force: true});
    throw new KitError("BUILD_FAILED", `observable build exited with status ${status}; dist/ is unchanged`, {file: "src"});
  }
  await rm(backup, {recursive: true, force: true});
  await finishPages(staging);
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
  summary: "verify the story, re-run loaders with newer inputs, and build the site into dist/ (kept on failure)",
  async run(_args, effects) {
    await buildSite(effects);
  }
};
