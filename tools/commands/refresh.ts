import {KitErrors} from "../../loaders/errors.ts";
import type {StageRun} from "../../loaders/stage.ts";
import {UsageError, type Effects} from "../effects.ts";
import {failuresOf, refresh, type LoaderResult} from "../refresh.ts";
import {changeReport, progressLine} from "../report.ts";

/** Options of `explainer refresh`. */
export interface RefreshArgs {
  names: string[];
  force: boolean;
  json: boolean;
}

/** Parses `[NAME...] [--force] [--json]`. */
export function parseRefreshArgs(args: string[]): RefreshArgs {
  const options: RefreshArgs = {names: [], force: false, json: false};
  for (const arg of args) {
    if (arg === "--force") options.force = true;
    else if (arg === "--json") options.json = true;
    else if (arg.startsWith("-")) throw new UsageError(`unknown option: ${arg}`);
    else options.names.push(arg);
  }
  return options;
}

/**
 * Refreshes the loaders and reports: progress lines on stderr as loaders finish, then the change
 * report (or, with `json`, the results as JSON) on stdout. Throws the failed loaders' problems
 * after every other loader has finished.
 */
export async function runRefresh(options: RefreshArgs, effects: Effects, stage?: StageRun): Promise<LoaderResult[]> {
  const {root, stdout, stderr} = effects;
  let width = 0;
  const results = await refresh(root, {
    names: options.names,
    force: options.force,
    stage,
    onStart: (loaders) => void (width = Math.max(0, ...loaders.map((l) => l.name.length))),
    onResult: (result) => stderr(progressLine(result, width) + "\n")
  });
  if (options.json)
    stdout(JSON.stringify({ok: results.every((r) => r.status !== "failed"), loaders: results}, null, 2) + "\n");
  else for (const line of changeReport(results)) stdout(line + "\n");
  const failures = failuresOf(results);
  if (failures.length) throw new KitErrors(failures);
  return results;
}

/** `explainer refresh [NAME...] [--force] [--json]`. */
/** `explainer refresh`. */
export async function run(args: string[], effects: Effects): Promise<void> {
  await runRefresh(parseRefreshArgs(args), effects);
}
