/**
 * `explainer dev`: Framework's preview on loopback with the chart editor's save endpoint, and the
 * story kept up to date as files change: a save under `data/` or a page runs the warm stage
 * (tools/stage-worker.ts), which writes the outputs that changed; dev then tells preview, which
 * re-renders the open pages. Other data loaders re-run when their own inputs change.
 */
import {spawn} from "node:child_process";
import {join, relative, sep} from "node:path";
import {watch} from "chokidar";
import {announceOutputs, loaderPath} from "../../loaders/stage-outputs.ts";
import {storyLinkOutput} from "../../loaders/stage-read.ts";
import type {StageProblem} from "../../loaders/stage-problems.ts";
import {diffOutputs, formatChanges} from "../changes.ts";
import {UsageError, type Effects} from "../effects.ts";
import {startEditorSession} from "../editor-session.ts";
import {frameworkConfigArgs} from "../compiled.ts";
import {startGuard} from "../guard.ts";
import {refreshLive} from "../live.ts";
import {startStageWorker, type WorkerOutputs, type WorkerRun} from "../stage-worker.ts";
import {vendorNpm} from "../vendor.ts";
import {siteUrl} from "../publish/site.ts";
import {frameworkEnv} from "./build.ts";

/** Options of `explainer dev`. */
export interface DevOptions {
  host: string;
  port: number;
}

/** Parses `--port N`; the host is always loopback. */
export function parseDevArgs(args: string[]): DevOptions {
  const options: DevOptions = {host: "127.0.0.1", port: 3000};
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--port" && /^\d+$/.test(args[i + 1] ?? "")) options.port = Number(args[++i]);
    else throw new UsageError(`unknown option: ${args[i]}`);
  }
  return options;
}

/** Folders whose changes may change what pages show, relative to the project root. */
export const watchedInputs = ["data", "src", "loaders"] as const;

/** The kit's code: a change there needs a new stage process. */
function isCode(path: string): boolean {
  return (
    /\.(ts|js)$/.test(path) && (path.startsWith(`loaders${sep}`) || path.startsWith(join("src", "components") + sep))
  );
}

/** Prints a stage run: its problems (blocking ones as they are, others as warnings). */
function reportRun(run: WorkerRun, {stderr}: Effects): void {
  const problems: StageProblem[] = run.problems;
  for (const p of problems) stderr(`${p.blocking ? "" : "warning: "}${p.message}\n`);
  if (run.changed || !run.story) {
    stderr(`story: ${run.story ? "verified" : "not verified; the pages keep the last good story"} in ${run.ms} ms\n`);
  }
}

/** Prints what the stage's outputs changed, in the numbers of the ledger above all. */
function reportOutputs(outputs: WorkerOutputs, {stderr}: Effects): void {
  if (outputs.written.length === 0) return;
  stderr(`story: wrote ${outputs.written.join(", ")} in ${outputs.ms} ms\n`);
  const {claims} = outputs;
  if (claims?.previous != null) {
    for (const line of formatChanges("data/claims.csv", diffOutputs("data/claims.csv", claims.previous, claims.next))) {
      stderr(`  ${line}\n`);
    }
  }
}

/**
 * Serves the explainers with Framework's preview on loopback after running the stage and
 * refreshing the loaders, watches `data/`, `src/` and `loaders/`, and keeps the open pages up to
 * date. Problems are printed as they appear, without stopping the server. Resolves when the preview
 * exits (Ctrl-C stops everything).
 */
export async function serve(options: DevOptions, effects: Effects): Promise<void> {
  const {root, stderr} = effects;
  // A bad EXPLAINER_SITE_URL is one problem of the kit's, here, not an error inside Framework's config.
  siteUrl();
  await vendorNpm(effects);
  // The port the user opens is the guard's; preview listens behind it, on a private socket (tools/guard.ts).
  // It is taken first, so a port in use fails before any other process starts.
  const guard = await startGuard({root, port: options.port, log: stderr});
  // The warm stage starts and runs while the save endpoint of the chart editor and the number audit opens
  // and the other loaders refresh (the session's token is written before they run). Each save schedules a
  // stage run itself: the watcher can miss a saved file's replacement, since chokidar drops a second change
  // to one path within 50 ms and a safe write links the file just before replacing it.
  let onSaved = () => {};
  const starting = startStageWorker(root);
  const opening = startEditorSession(root, options.port, {onSave: () => onSaved()});
  const started = await Promise.allSettled([
    starting.then(async (worker) => {
      reportRun(await worker.run(), effects);
      reportOutputs(await worker.writeOutputs(), effects);
    }),
    opening.then(() => refreshLive(effects, {stageOutputs: false}))
  ]);
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    // Nothing is left after a failed start: no server or stage process holding the command, and no
    // session token in the cache.
    await guard.close();
    await (await opening.catch(() => null))?.close();
    await (await starting.catch(() => null))?.close();
    throw failed.reason;
  }
  const stage = await starting;
  const editor = await opening;
  const base = `http://${options.host}:${options.port}`;
  effects.stdout(`explainer dev: preview ${base}/\n  chart editor ${base}/editor\n  save endpoint ${editor.url}\n`);
  const preview = spawn(
    "observable",
    ["preview", "--host", options.host, "--port", String(options.port), "--no-open", ...frameworkConfigArgs()],
    {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: frameworkEnv(root, {EXPLAINER_DEV: "1", ...guard.previewEnv})
    }
  );
  const previewRunning = () => preview.exitCode === null && preview.signalCode === null;
  void warmPreview(base, previewRunning);

  let timer: NodeJS.Timeout | undefined;
  // Loader files given a new time by `announce`, for a moment: their watch events are dev's own.
  const announced = new Set<string>();
  const announce = async (names: string[]) => {
    const paths = names.map((name) => loaderPath(root, name));
    for (const path of paths) announced.add(path);
    setTimeout(() => paths.forEach((path) => announced.delete(path)), 1000).unref();
    await announceOutputs(root, names);
  };
  let codeChanged = false;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(update).catch((error) => stderr(`refresh failed: ${(error as Error)?.stack ?? error}\n`));
    }, 20);
  };
  const update = async () => {
    if (codeChanged) {
      codeChanged = false;
      stderr("story: the kit's code changed; restarting the stage\n");
      await stage.restart();
    }
    const run = await stage.run();
    reportRun(run, effects);
    const outputs = await stage.writeOutputs();
    reportOutputs(outputs, effects);
    // One announcement, once the outputs are written: the open pages get the new story with its new
    // downloads in one update (announcing the story first made preview render them a second time).
    await announce([...new Set([...(run.changed ? [storyLinkOutput] : []), ...outputs.written])]);
    await refreshLive(effects, {stageOutputs: false});
  };
  const watcher = watch(
    watchedInputs.map((d) => join(root, d)),
    {
      ignoreInitial: true,
      ignored: (path) =>
        relative(root, path)
          .split(sep)
          .some((p) => p.startsWith("."))
    }
  ).on("all", (event, path) => {
    // The loader files dev itself touched to tell preview about new outputs are not a change of the story.
    if (event === "change" && announced.has(path)) return;
    codeChanged ||= isCode(relative(root, path));
    schedule();
  });
  onSaved = schedule;

  const stop = () => preview.kill("SIGTERM");
  // `on`, not `once`: a Ctrl-C may reach this process twice, and a second signal with no listener
  // would end it before the cleanup below.
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await new Promise<void>((resolve) => preview.on("exit", () => resolve()));
  clearTimeout(timer);
  await guard.close();
  await editor.close();
  await watcher.close();
  await running;
  await stage.close();
  process.off("SIGINT", stop);
  process.off("SIGTERM", stop);
}

/** What every page loads first: Framework's client, runtime and standard library, then the home page. */
const warmPaths = ["/_observablehq/client.js", "/_observablehq/runtime.js", "/_observablehq/stdlib.js", "/"];

/**
 * The page warmed once those have answered: the chart editor. Its first render has Framework bundle
 * the npm packages it imports (d3, Plot, zod) for the browser: about 5 s on the 2-core machine in a
 * project that has never served it (a fresh clone), kept in Framework's cache after that, where a
 * render takes about 0.15 s.
 */
const warmLater = "/editor";

/**
 * Asks preview, through the guard, for {@link warmPaths} as soon as it answers, then for
 * {@link warmLater}, so the first page the user opens does not wait for them: preview bundles its
 * client files at their first request (about 1 s on the 2-core machine; the guard keeps them), and
 * its first page render loads its own modules. Polls every 100 ms while `running()`, for at most
 * `ms`; never throws.
 */
export async function warmPreview(base: string, running: () => boolean, ms = 60_000): Promise<void> {
  const get = (path: string) =>
    fetch(base + path)
      .then(async (r) => {
        await r.arrayBuffer();
        return r.ok;
      })
      .catch(() => false);
  const [first, ...rest] = warmPaths;
  const deadline = Date.now() + ms;
  while (!(await get(first))) {
    if (!running() || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  await Promise.all(rest.map(get));
  if (running()) await get(warmLater);
}

/** `explainer dev`. */
export async function run(args: string[], effects: Effects): Promise<void> {
  await serve(parseDevArgs(args), effects);
}
