/**
 * Test projects: a copy of this project's data, loaders, pages and config in a temporary folder,
 * with node_modules linked, so a test can build, break and rebuild without touching the checkout.
 */
import {spawnSync, type ChildProcess} from "node:child_process";
import {cp, mkdtemp, rm, symlink} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import type {Effects} from "../../tools/cli.ts";

/** The checkout's root. */
export const projectRoot = resolve(import.meta.dirname, "../..");

const copied = ["bin", "data", "loaders", "src", "tools", "observablehq.config.ts", "package.json", "tsconfig.json"];

/** Copies the project (without caches or dist) into a fresh temporary folder and returns its path. */
export async function copyProject(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "explainer-"));
  for (const name of copied) {
    await cp(join(projectRoot, name), join(root, name), {
      recursive: true,
      filter: (src) => !src.includes(".observablehq")
    });
  }
  await symlink(join(projectRoot, "node_modules"), join(root, "node_modules"), "dir");
  return root;
}

/** Removes a test project. */
export async function removeProject(root: string): Promise<void> {
  await rm(root, {recursive: true, force: true});
}

/** Runs `explainer ARGS` in a project as a user would; returns status and output. */
export function explainer(root: string, ...args: string[]): {status: number; stdout: string; stderr: string} {
  const result = spawnSync(join(projectRoot, "node_modules/.bin/tsx"), [join(root, "bin/explainer.ts"), ...args], {
    cwd: root,
    encoding: "utf-8",
    env: {...process.env, PATH: `${join(projectRoot, "node_modules/.bin")}:${process.env.PATH}`, NO_COLOR: "1"}
  });
  return {status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr};
}

/** Effects that record output instead of printing it, with a fixed clock. */
export function recordingEffects(
  root: string,
  now = new Date("2026-11-25T12:00:00Z")
): Effects & {out: string[]; err: string[]} {
  const out: string[] = [];
  const err: string[] = [];
  return {root, out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), now: () => now};
}

/**
 * Stops a command started in its own process group (`spawn(…, {detached: true})`, as the dev tests
 * start `explainer dev`): SIGTERM to the group, SIGKILL after five seconds; resolves when it exited.
 */
export async function stopProcessGroup(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
