/**
 * Test projects: the kit (its code, its own pages and config) from this checkout with a fixture
 * desk's content (`test/fixtures/projects/<name>/`: data/, the home page, the methodology and the
 * explainers) in a temporary folder, node_modules linked. Tests never read the checkout's own
 * data/ or stories, so a desk's work in progress cannot break them, and each test gets its own copy.
 */
import {execFile, spawnSync, type ChildProcess} from "node:child_process";
import {existsSync} from "node:fs";
import {mkdir, mkdtemp, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {dirname, join, resolve} from "node:path";
import {promisify} from "node:util";
import type {Effects} from "../../tools/effects.ts";

/** The checkout's root. */
export const projectRoot = resolve(import.meta.dirname, "../..");

/** The kit: its code and the pages it provides, copied from the checkout into every test project. */
export const kitFiles = [
  "bin",
  "loaders",
  "tools",
  "src/components",
  "src/data",
  "src/style.css",
  "src/home.css",
  "src/reference.css",
  "src/audit.md",
  "src/editor.md",
  "src/embed",
  "observablehq.config.ts",
  "package.json",
  "tsconfig.json"
];

/** The fixture desks under test/fixtures/projects/: `seed` (the first story) and `desk` (several sources and explainers). */
export type Fixture = "seed" | "desk" | "review";

/** A fixture desk's folder. */
export function fixturePath(fixture: Fixture): string {
  return join(projectRoot, "test/fixtures/projects", fixture);
}

/**
 * Copies `sources` (files or folders, with their modes and symlinks) into the folder `into`, made if
 * missing; a source ending in `/.` copies what the folder holds. The system's `cp -a`: a copy of a
 * built project takes about 80 ms where Node's `fs.cp` takes 200 ms, most of it system time.
 */
export async function copyInto(into: string, ...sources: string[]): Promise<void> {
  await mkdir(into, {recursive: true});
  await promisify(execFile)("cp", ["-a", ...sources, into]);
}

/** Copies the kit into `root` (a new test project) and links node_modules. */
export async function copyKit(root: string, names: readonly string[] = kitFiles): Promise<void> {
  for (const folder of new Set(names.map((name) => dirname(name)))) {
    const inFolder = names.filter((name) => dirname(name) === folder);
    await copyInto(join(root, folder), ...inFolder.map((name) => join(projectRoot, name)));
  }
  await symlink(join(projectRoot, "node_modules"), join(root, "node_modules"), "dir");
}

/**
 * A copy of the test project `from` (its files and caches: `dist/`, the stage, Framework's cache) in a
 * new temporary folder named `prefix…`, node_modules linked. Remove it with `removeProject` when done.
 */
export async function copyOf(from: string, prefix: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  await copyInto(root, `${from}/.`);
  if (!existsSync(join(root, "node_modules")))
    await symlink(join(projectRoot, "node_modules"), join(root, "node_modules"), "dir");
  return root;
}

/** Copies the kit and a fixture desk (no caches, no dist) into a fresh temporary folder and returns its path. */
async function coldCopy(fixture: Fixture): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), `explainer-${fixture}-`));
  await copyKit(root);
  await copyInto(root, `${fixturePath(fixture)}/.`);
  return root;
}

/**
 * In a test run, the `.explainer/` a first `explainer check` leaves in a copy of `fixture` (the compiled
 * kit and the story stage), made once per run (test/helpers/run.ts); undefined outside vitest.
 */
async function firstCheckCaches(fixture: Fixture): Promise<string | undefined> {
  if (!process.env.VITEST) return undefined;
  const {oncePerRun} = await import("./run.ts");
  return oncePerRun(`first-check-${fixture}`, async (folder) => {
    const root = await coldCopy(fixture);
    try {
      explainer(root, "check");
      await copyInto(folder, `${root}/.explainer/.`);
    } finally {
      await removeProject(root);
    }
  });
}

/**
 * Copies the kit and a fixture desk into a fresh temporary folder and returns its path: no `dist/`
 * and no Framework cache, but, in a test run, the compiled kit and story stage the fixture's first
 * `check` made (a stage is used only while its inputs are unchanged, so a test that edits the desk
 * sees its edit). A copy saves compiling the kit (0.3 s of CPU) and, until the test changes the desk,
 * computing the stage (about 2 s).
 */
export async function copyProject(fixture: Fixture = "seed"): Promise<string> {
  const root = await coldCopy(fixture);
  const caches = await firstCheckCaches(fixture);
  if (caches) await copyInto(join(root, ".explainer"), `${caches}/.`);
  return root;
}

/**
 * Adds a loader whose output cannot be written, `src/other/fixture.csv.ts` (output `other/fixture.csv`):
 * where its folder goes in Framework's cache, a file stands.
 */
export async function addBlockedLoader(root: string): Promise<void> {
  await mkdir(join(root, "src/other"), {recursive: true});
  await writeFile(join(root, "src/other/fixture.csv.ts"), 'process.stdout.write("a\\n1\\n");\n');
  await mkdir(join(root, "src/.observablehq/cache"), {recursive: true});
  await writeFile(join(root, "src/.observablehq/cache/other"), "in the way\n");
}

/** Removes a test project. */
export async function removeProject(root: string): Promise<void> {
  await rm(root, {recursive: true, force: true});
}

/**
 * Runs `explainer ARGS` in a project as a user would (a last argument that is an object adds to the
 * environment); returns status and output. A run that takes over ten minutes is killed.
 */
export function explainer(
  root: string,
  ...args: [...string[], Record<string, string>] | string[]
): {status: number; stdout: string; stderr: string} {
  const env = typeof args.at(-1) === "object" ? (args.pop() as Record<string, string>) : {};
  const result = spawnSync(process.execPath, [join(root, "bin/explainer.js"), ...(args as string[])], {
    cwd: root,
    encoding: "utf-8",
    timeout: 600_000,
    env: {...process.env, PATH: `${join(projectRoot, "node_modules/.bin")}:${process.env.PATH}`, NO_COLOR: "1", ...env}
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
