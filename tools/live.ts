/**
 * Live refresh for `explainer dev`: watches what loaders read and import, re-runs only the loaders
 * whose dependencies changed (tools/refresh.ts), and tells Framework's preview about each new
 * output as soon as it is written, so the open pages update without a reload.
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import type {Effects} from "./effects.ts";
import {announce, describeLoader, listFiles, projectLoaders} from "./deps.ts";
import {failuresOf, refresh, type LoaderResult, type RefreshOptions} from "./refresh.ts";
import {changeReport, progressLine} from "./report.ts";

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
export async function refreshLive(
  {root, stderr}: Effects,
  options: Pick<RefreshOptions, "stageOutputs"> = {}
): Promise<LoaderResult[]> {
  const onPages = await pageFiles(root);
  const results = await refresh(root, {
    ...options,
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
