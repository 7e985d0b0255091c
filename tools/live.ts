/**
 * Live refresh for `explainer dev`: watches what loaders read and import, re-runs only the loaders
 * whose dependencies changed (tools/refresh.ts), and tells Framework's preview about each new
 * output as soon as it is written, so the open pages update without a reload.
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {watch} from "chokidar";
import type {Effects} from "./cli.ts";
import {announce, describeLoader, listFiles, projectLoaders} from "./deps.ts";
import {failuresOf, refresh, type LoaderResult} from "./refresh.ts";
import {changeReport, progressLine} from "./report.ts";

/** Folders whose changes may affect loader outputs, relative to the project root. */
export const watchedInputs = ["data", "loaders", "src/components"] as const;

/**
 * The loader outputs that pages mention (`data/claims.csv` in a FileAttachment, a link or an image),
 * found by searching the pages' text for each output's name. Only an ordering hint: those loaders
 * run first, so that open pages update as early as possible.
 */
export async function pageFiles(root: string): Promise<Set<string>> {
  const pages = (await listFiles(join(root, "src"))).filter((f) => f.endsWith(".md") && !f.includes("/."));
  const text = (await Promise.all(pages.map((p) => readFile(p, "utf-8").catch(() => "")))).join("\n");
  const names = (await projectLoaders(root)).map((l) => l.name);
  return new Set(names.filter((name) => text.includes(name)));
}

/**
 * Refreshes the loaders whose dependencies changed and announces each re-run output to preview
 * (see `announce`). Prints what re-ran, what changed and the problems of failed loaders to stderr;
 * never throws for a failing loader (its last good output stays on the page).
 */
export async function refreshLive({root, stderr}: Effects): Promise<LoaderResult[]> {
  const onPages = await pageFiles(root);
  const results = await refresh(root, {
    prefer: (loader) => onPages.has(loader.name),
    onResult: (result) => {
      if (result.status === "cached") return;
      stderr(`refresh: ${progressLine(result)}\n`);
      if (result.status !== "re-run") return;
      announce([describeLoader(root, join(root, result.loader))]).catch((error) =>
        stderr(`refresh: could not announce ${result.name} to preview: ${error.message}\n`)
      );
    }
  });
  if (results.some((r) => r.status !== "cached")) for (const line of changeReport(results)) stderr(`  ${line}\n`);
  for (const problem of failuresOf(results)) stderr(`${problem.message}\n`);
  return results;
}

/** A running watcher; `close` stops it and waits for the refreshes in progress. */
export interface LiveRefresh {
  close(): Promise<void>;
}

/**
 * Watches `watchedInputs` and, a short pause after the last change (`debounceMs`), runs
 * `refreshLive`. A save during a refresh starts another one at once: loaders that the earlier one
 * is still running are waited for and checked again, the others start immediately, so the latest
 * save is never queued behind a slow loader it does not affect. `onError` receives unexpected
 * errors (a failing loader is not one).
 */
export function watchLoaderInputs(effects: Effects, {debounceMs = 50, onError = (_: unknown) => {}} = {}): LiveRefresh {
  let timer: NodeJS.Timeout | undefined;
  const running = new Set<Promise<unknown>>();
  const kick = () => {
    const refresh = refreshLive(effects).catch(onError);
    running.add(refresh);
    void refresh.finally(() => running.delete(refresh));
  };
  const watcher = watch(
    watchedInputs.map((d) => join(effects.root, d)),
    {ignoreInitial: true}
  ).on("all", () => {
    clearTimeout(timer);
    timer = setTimeout(kick, debounceMs);
  });
  return {
    async close() {
      clearTimeout(timer);
      await watcher.close();
      await Promise.all(running);
    }
  };
}
