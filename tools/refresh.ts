/**
 * `explainer refresh`, the core: re-runs exactly the data loaders whose dependencies changed (see
 * tools/deps.ts), in parallel, each writing its output atomically into Framework's cache, and says
 * what changed in each output. A loader that fails keeps its last good output and its old
 * dependency record (so the next refresh tries it again); the others still run.
 */
import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import {mkdir, open, readFile, rename, rm, writeFile} from "node:fs/promises";
import {createRequire} from "node:module";
import {availableParallelism} from "node:os";
import {basename, dirname, join, relative} from "node:path";
import {pathToFileURL} from "node:url";
import {isErrorCode, KitError} from "../loaders/errors.ts";
import {blockingProblems} from "../loaders/stage-problems.ts";
import {runStage, type StageRun} from "../loaders/stage.ts";
import {isStageOutput} from "../loaders/stage-read.ts";
import {recordedRows, writeStageOutputs} from "../loaders/stage-outputs.ts";
import {diffOutputs, type OutputChanges} from "./changes.ts";
import {outputText, rowCount} from "../loaders/output-table.ts";
import {
  combinedHash,
  dependencyHashes,
  describeLoader,
  findLoaders,
  hashOf,
  moduleGraph,
  readManifest,
  staleReason,
  writeManifest,
  type Loader
} from "./deps.ts";
import {contentHash, type RecordedReads} from "./hash.ts";
import {editorSessionJson, sessionLoader} from "./session-json.ts";

/** A problem a loader reported, as `file:line: CODE: message`. */
export interface LoaderProblem {
  file: string;
  line?: number;
  /** The field the problem is about (`annotations[1].on`), when the loader named one. */
  field?: string;
  code: string;
  message: string;
}

/** What refresh did with one loader. */
export interface LoaderResult {
  /** The output's name as pages ask for it: `data/claims.csv`. */
  name: string;
  /** The loader, relative to the project root: `src/data/claims.csv.ts`. */
  loader: string;
  status: "cached" | "re-run" | "failed";
  /** Why it re-ran (`data/claims.csv changed`, `forced`, `named`, `no output`), or null when cached. */
  reason: string | null;
  /** Milliseconds spent: running the loader, or checking its dependencies when cached. */
  ms: number;
  /** Rows in the output (the last good one when failed), or null when it is not a table. */
  rows: number | null;
  /** A failed loader's last good output is still in the cache. */
  kept: boolean;
  /** What changed in the output, when it re-ran. */
  changes: OutputChanges | null;
  /** What a failed loader reported. */
  problems: LoaderProblem[];
  /** Everything the loader wrote to stderr (logs, or its error). */
  stderr: string;
}

/** Options of a refresh. */
export interface RefreshOptions {
  /** Re-run only these loaders, whatever their state (`data/claims.csv`, `claims.csv`, `claims`, or the loader's path). */
  names?: string[];
  /** Re-run every loader (or every named one). */
  force?: boolean;
  /** Loaders run at once; the number of cores by default. */
  concurrency?: number;
  /** Loaders to check and run first (say, those of the pages open in a browser); results keep name order. */
  prefer?: (loader: Loader) => boolean;
  /** Called once, with the loaders about to be checked. */
  onStart?: (loaders: Loader[]) => void;
  /** Called once per loader as soon as its result is known. */
  onResult?: (result: LoaderResult) => void;
  /** A stage run already made; by default refresh runs the stage itself. */
  stage?: StageRun;
  /** False to leave the stage's outputs to someone else (dev's warm stage writes them). */
  stageOutputs?: boolean;
}

/** Whether `name` designates the loader. */
function designates(root: string, loader: Loader, name: string): boolean {
  const file = basename(loader.name);
  return [loader.name, `src/${loader.name}`, file, file.replace(/\.\w+$/, ""), relative(root, loader.loader)].includes(
    name.replace(/^\.\//, "")
  );
}

/** The loaders to consider: all, or those named (a name matching no loader is an error naming the loaders there are). */
export async function selectLoaders(root: string, names: string[] = []): Promise<Loader[]> {
  const all = (await findLoaders(root)).map((l) => describeLoader(root, l));
  if (names.length === 0) return all;
  const unknown = names.filter((n) => !all.some((l) => designates(root, l, n)));
  if (unknown.length) {
    const known = all.map((l) => l.name).join(", ") || "none";
    throw new KitError(
      "UNKNOWN_LOADER",
      `no loader makes ${unknown.map((n) => `"${n}"`).join(", ")} (loaders: ${known})`,
      {
        file: "src"
      }
    );
  }
  return all.filter((l) => names.some((n) => designates(root, l, n)));
}

const stackLocation = /(?:file:\/\/)?(\/[^\s:()]+):(\d+)(?::\d+)?/g;
const kitLine = /^(\S+?)(?::(\d+))?: (?:([^:]+): )?([A-Z][A-Z0-9_]+): (.*)$/;
const thrownLine = /^(?:[A-Z]\w*)?(?:Error|Exception)(?: \[\w+\])?: (.+)$/m;

/**
 * The problems in a failed loader's stderr: the kit's own `file:line: CODE: message` lines (from
 * loaders/run.ts), or else the uncaught error, placed at its first frame inside the project.
 */
export function problemsFromStderr(root: string, loader: string, stderr: string, status: string): LoaderProblem[] {
  const problems: LoaderProblem[] = [];
  for (const line of stderr.split("\n")) {
    const m = kitLine.exec(line.trim());
    if (m && !m[1].includes("//")) {
      const [, file, ln, field, code, detail] = m;
      problems.push({file, ...(ln ? {line: Number(ln)} : {}), ...(field ? {field} : {}), code, message: detail});
    }
  }
  if (problems.length) return problems;
  const thrown = thrownLine.exec(stderr);
  for (const [, path, line] of stderr.matchAll(stackLocation)) {
    const file = relative(root, path);
    if (file.startsWith("..") || file.includes("node_modules")) continue;
    return [{file, line: Number(line), code: "LOADER_THREW", message: thrown?.[1] ?? `loader ${status}`}];
  }
  return [{file: loader, code: "LOADER_FAILED", message: thrown?.[1] ?? `loader ${status}`}];
}

function tsxLoader(root: string): string {
  for (const from of [join(root, "package.json"), import.meta.filename]) {
    try {
      return pathToFileURL(createRequire(from).resolve("tsx")).href;
    } catch {
      // try the kit's own copy next
    }
  }
  return "tsx";
}

const recorder = pathToFileURL(join(import.meta.dirname, "record-reads.ts")).href;
let runs = 0;

/**
 * Runs one loader as Framework would (`tsx <loader>`, cwd the project root), with the read recorder
 * preloaded: stdout goes to a temporary file beside the output. Resolves with the exit status, the
 * temporary file, stderr and the recorded reads. The chart editor's session loader, which reads no
 * file and prints `editorSessionJson` of its environment, runs here instead, in this process (its
 * environment is this process's): a process of its own took 0.4 s to start, at every `explainer dev`.
 */
async function execLoader(
  root: string,
  loader: Loader
): Promise<{status: string | null; temp: string; stderr: string; reads: RecordedReads}> {
  await mkdir(dirname(loader.output), {recursive: true});
  const temp = `${loader.output}.${process.pid}-${++runs}.tmp`;
  if (relative(root, loader.loader) === sessionLoader) {
    await writeFile(temp, editorSessionJson(process.env));
    return {status: null, temp, stderr: "", reads: {files: {}, dirs: {}}};
  }
  const readsFile = `${temp}.reads.json`;
  const out = await open(temp, "w");
  try {
    const child = spawn(process.execPath, ["--import", tsxLoader(root), "--import", recorder, loader.loader], {
      cwd: root,
      stdio: ["ignore", out.fd, "pipe"],
      env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", EXPLAINER_READS: readsFile}
    });
    let stderr = "";
    child.stderr!.setEncoding("utf-8").on("data", (chunk: string) => (stderr += chunk));
    const status = await new Promise<string | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code, signal) =>
        resolve(code === 0 ? null : signal ? `killed by ${signal}` : `exited with status ${code}`)
      );
    });
    const reads: RecordedReads = JSON.parse(await readFile(readsFile, "utf-8").catch(() => '{"files":{},"dirs":{}}'));
    return {status, temp, stderr, reads};
  } finally {
    await out.close();
    await rm(readsFile, {force: true});
  }
}

/** Re-runs one loader; on success moves its output into the cache and records its dependencies. */
async function rerun(root: string, loader: Loader, reason: string): Promise<LoaderResult> {
  const start = performance.now();
  const rel = relative(root, loader.loader);
  const kept = existsSync(loader.output);
  const result = (status: LoaderResult["status"], rows: number | null, more: Partial<LoaderResult>): LoaderResult => ({
    name: loader.name,
    loader: rel,
    status,
    reason,
    ms: Math.round(performance.now() - start),
    rows,
    kept,
    changes: null,
    problems: [],
    stderr: "",
    ...more
  });
  const previous = existsSync(loader.output) ? outputText(loader.name, await readFile(loader.output)) : null;
  const lastRows = previous === null ? null : rowCount(loader.name, previous);
  let modules: Record<string, string>;
  try {
    const graph = await moduleGraph(root, loader.loader);
    modules = Object.fromEntries(await Promise.all(graph.map(async (m) => [m, await hashOf(root, m)] as const)));
  } catch (error) {
    if (!(error instanceof KitError)) throw error;
    const problem = {
      file: error.file,
      ...(error.line ? {line: error.line} : {}),
      code: error.code,
      message: error.detail
    };
    return result("failed", lastRows, {problems: [problem]});
  }
  const {status, temp, stderr, reads} = await execLoader(root, loader);
  if (status !== null) {
    await rm(temp, {force: true});
    const problems = problemsFromStderr(root, rel, stderr, status);
    return result("failed", lastRows, {problems, stderr});
  }
  const bytes = await readFile(temp);
  const text = outputText(loader.name, bytes);
  await rename(temp, loader.output);
  const files = await dependencyHashes(root, modules, reads);
  const rows = rowCount(loader.name, text);
  await writeManifest(loader, {
    version: 1,
    loader: rel,
    hash: combinedHash(files),
    output: contentHash(bytes),
    rows,
    files
  });
  const changes = diffOutputs(loader.name, previous, text);
  return result("re-run", rows, {changes, stderr});
}

/** Checks one loader and re-runs it when it is stale, forced or named. */
async function refreshOne(root: string, loader: Loader, forced: string | null): Promise<LoaderResult> {
  const start = performance.now();
  const manifest = await readManifest(loader);
  const reason = forced ?? (await staleReason(root, loader, manifest));
  if (reason !== null) return rerun(root, loader, reason);
  const ms = Math.round(performance.now() - start);
  const rel = relative(root, loader.loader);
  return {
    name: loader.name,
    loader: rel,
    status: "cached",
    reason,
    ms,
    rows: manifest!.rows,
    kept: true,
    changes: null,
    problems: [],
    stderr: ""
  };
}

/** Loader runs in progress in this process, by output path: a loader never runs twice at once. */
const inFlight = new Map<string, Promise<unknown>>();

/** Runs `task` once any earlier task for the same key has settled. */
async function exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
  const current = (inFlight.get(key) ?? Promise.resolve()).catch(() => {}).then(task);
  inFlight.set(key, current);
  try {
    return await current;
  } finally {
    if (inFlight.get(key) === current) inFlight.delete(key);
  }
}

/** Why a stage output fails when the story does not verify: the story's own problems say what is wrong. */
const storyUnverified = "the story does not verify";

/**
 * The results of the stage's outputs: written from the story when they differ from what is in the
 * cache (no loader process runs), or failed with the stage's problems when there is no story.
 */
async function refreshStageOutputs(
  root: string,
  loaders: Loader[],
  run: StageRun,
  forced: string | null
): Promise<LoaderResult[]> {
  const start = performance.now();
  const base = (loader: Loader) => ({
    name: loader.name,
    loader: relative(root, loader.loader),
    kept: existsSync(loader.output),
    problems: [] as LoaderProblem[],
    stderr: "",
    changes: null as OutputChanges | null
  });
  if (!run.stage || !run.verified) {
    const problems = blockingProblems(run).map((p) => ({
      file: p.file,
      ...(p.line !== undefined ? {line: p.line} : {}),
      ...(p.field !== undefined ? {field: p.field} : {}),
      code: p.code,
      message: p.detail
    }));
    return loaders.map((loader) => ({
      ...base(loader),
      status: "failed" as const,
      reason: storyUnverified,
      ms: 0,
      rows: null,
      problems
    }));
  }
  const written = new Map(
    (
      await writeStageOutputs(root, run.stage, loaders.map((l) => l.name).filter(isStageOutput), {
        remake: forced !== null
      })
    ).map((w) => [w.name, w])
  );
  const ms = Math.round(performance.now() - start);
  const recorded = await recordedRows(root);
  return Promise.all(
    loaders.map(async (loader) => {
      const w = written.get(loader.name);
      // The record holds the rows of every output it has just written or found as it left it.
      const rows = recorded.has(loader.name)
        ? recorded.get(loader.name)!
        : rowCount(loader.name, outputText(loader.name, await readFile(loader.output)));
      return {
        ...base(loader),
        status: w ? ("re-run" as const) : ("cached" as const),
        reason: w ? (w.previous === null ? "no output" : (forced ?? "the story changed")) : null,
        ms,
        rows,
        changes: w ? diffOutputs(loader.name, w.previous, w.next) : null
      };
    })
  );
}

/**
 * Refreshes the project: runs the story stage (which does nothing when its inputs are unchanged),
 * writes the stage's outputs that changed, and re-runs the other loaders whose dependencies changed.
 * Resolves with one result per loader, in name order. Refreshes may overlap (dev starts one per
 * save): a loader still running for an earlier one is waited for, then checked again. Never throws
 * for a failing loader (see each result's status and problems); throws a KitError for a name that
 * matches no loader.
 */
export async function refresh(root: string, options: RefreshOptions = {}): Promise<LoaderResult[]> {
  const {
    names = [],
    force = false,
    concurrency = availableParallelism(),
    prefer = () => false,
    onStart,
    onResult
  } = options;
  const loaders = await selectLoaders(root, names);
  onStart?.(loaders);
  const forced = force ? "forced" : names.length ? "named" : null;
  const results: LoaderResult[] = new Array(loaders.length);
  const staged = loaders.flatMap((l, i) => (isStageOutput(l.name) ? [i] : []));
  if (staged.length && options.stageOutputs !== false) {
    const run = options.stage ?? (await runStage(root, {force}));
    const stageResults = await refreshStageOutputs(
      root,
      staged.map((i) => loaders[i]),
      run,
      forced
    );
    staged.forEach((i, k) => {
      results[i] = stageResults[k];
      onResult?.(results[i]);
    });
  }
  const queue = loaders
    .map((_, i) => i)
    .filter((i) => !staged.includes(i))
    .sort((a, b) => Number(prefer(loaders[b])) - Number(prefer(loaders[a])));
  const worker = async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      try {
        results[i] = await exclusive(loaders[i].output, () => refreshOne(root, loaders[i], forced));
      } catch (error) {
        queue.length = 0; // start no other loader
        throw error;
      }
      onResult?.(results[i]);
    }
  };
  // An unexpected error (not a loader's failure, which is a result) rejects only once every loader
  // already running has finished: nothing writes into the cache after refresh has returned.
  const workers = Array.from({length: Math.max(1, Math.min(concurrency, queue.length))}, worker);
  const failed = (await Promise.allSettled(workers)).find((w) => w.status === "rejected");
  if (failed) throw failed.reason;
  return results;
}

/**
 * The problems of the failed loaders as KitErrors: each distinct problem once (several loaders often
 * fail on the same bad input), then one LOADER_FAILED per failed loader saying its last good output is
 * kept; the stage's outputs that failed only because the story does not verify share one such line.
 */
export function failuresOf(results: LoaderResult[]): KitError[] {
  const failed = results.filter((r) => r.status === "failed");
  const problems = new Map<string, KitError>();
  for (const p of failed.flatMap((r) => r.problems)) {
    const error = new KitError(isErrorCode(p.code) ? p.code : "LOADER_FAILED", p.message, {
      file: p.file,
      line: p.line,
      field: p.field
    });
    problems.set(error.message, error);
  }
  const unverified = failed.filter((r) => r.reason === storyUnverified);
  const kept = failed
    .filter((r) => r.reason !== storyUnverified)
    .map((r) => {
      const detail = `${r.name} not refreshed; ${r.kept ? "its last good output is kept" : "it has no output"}`;
      return new KitError("LOADER_FAILED", detail, {file: r.loader});
    });
  if (unverified.length > 0) {
    const missing = unverified.filter((r) => !r.kept).length;
    const detail =
      unverified.length === 1
        ? `${unverified[0].name} is not refreshed; ${missing ? "it has no output" : "its last good output is kept"}`
        : `its ${unverified.length} outputs are not refreshed; ${
            missing ? `${missing} of them have no output yet` : "their last good versions are kept"
          }`;
    kept.unshift(new KitError("LOADER_FAILED", `${storyUnverified}, so ${detail}`, {file: "src/data"}));
  }
  return [...problems.values(), ...kept];
}
