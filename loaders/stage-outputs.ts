/**
 * The files the stage gives Framework: each is the output of a thin data loader in `src/data/`
 * (`src/data/claims.csv.ts` → `data/claims.csv`), made from the stage's story and written straight
 * into Framework's cache by the kit, so no loader process runs for it. Run by Framework instead
 * (say, `observable preview` on its own), the loader makes the same bytes (`stageLoader`).
 */
import {mkdir, readFile, rename, rm, utimes, writeFile} from "node:fs/promises";
import {existsSync, statSync} from "node:fs";
import {dirname, join} from "node:path";
import {contentHash} from "./hash.ts";
import {outputText, rowCount} from "./output-table.ts";
import type {Stage} from "./stage-model.ts";
import {asKitErrors, blockingProblems} from "./stage-problems.ts";
import {stageDir, stageOutputNames, type StageOutputName} from "./stage-read.ts";
import {runStage} from "./stage.ts";

/** Framework's cache, where loader outputs live, relative to the project root. */
export const cacheDir = "src/.observablehq/cache";

/** An output's path in Framework's cache. */
export function cachePath(root: string, name: string): string {
  return join(root, cacheDir, name);
}

/** The loader that declares an output: `data/claims.csv` → `src/data/claims.csv.ts`. */
export function loaderPath(root: string, name: string): string {
  return join(root, "src", `${name}.ts`);
}

/** One output the stage wrote, with its text before and after (for the change report). */
export interface WrittenOutput {
  name: string;
  previous: string | null;
  next: string;
}

/**
 * Writes the outputs that differ from what is in Framework's cache, atomically, for the outputs
 * whose loader exists in `src/data/`. A changed zip also removes the members Framework extracted
 * from the old one, so no stale download is served or built. Returns what it wrote. Outputs made
 * from the same story and untouched since are not made again, unless `remake` (a forced or named
 * refresh: what they read outside the story, such as the base map in node_modules, may have changed).
 */
export async function writeStageOutputs(
  root: string,
  stage: Stage,
  names: readonly StageOutputName[] = stageOutputNames,
  {remake = false}: {remake?: boolean} = {}
): Promise<WrittenOutput[]> {
  const present = names.filter((name) => existsSync(loaderPath(root, name)));
  // The story carries the hash of its inputs, the kit's own code included: a new kit remakes the outputs.
  const story = contentHash(JSON.stringify(stage));
  const record = await readOutputsRecord(root);
  const unchanged =
    record?.story === story && present.every((name) => sameFile(record.files[name], fileStamp(root, name)));
  if (unchanged && !remake) return [];
  const {stageOutputs} = await import("./stage-output-content.ts");
  const written: WrittenOutput[] = [];
  for (const name of present) {
    const bytes = await stageOutputs[name](stage, root);
    const path = cachePath(root, name);
    const old = await readFile(path).catch(() => null);
    const data = typeof bytes === "string" ? Buffer.from(bytes) : Buffer.from(bytes);
    if (old && old.equals(data)) continue;
    await mkdir(dirname(path), {recursive: true});
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, data);
    await rename(temp, path);
    if (name.endsWith(".zip")) await rm(path.slice(0, -".zip".length), {recursive: true, force: true});
    written.push({name, previous: old ? outputText(name, old) : null, next: outputText(name, data)});
  }
  const files = {...(record?.story === story ? record.files : {})};
  for (const name of present) {
    const made = written.find((w) => w.name === name);
    const stamp = fileStamp(root, name);
    // An output left as it was (the same bytes as the story makes) has the rows recorded for it.
    const recorded = files[name]?.[2];
    const rows = made
      ? rowCount(name, made.next)
      : recorded !== undefined
        ? recorded
        : rowCount(name, outputText(name, await readFile(cachePath(root, name))));
    files[name] = stamp && [stamp[0], stamp[1], rows];
  }
  await mkdir(join(root, stageDir), {recursive: true});
  const temp = `${outputsRecordPath(root)}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify({story, files} satisfies OutputsRecord));
  await rename(temp, outputsRecordPath(root));
  return written;
}

/**
 * What the outputs were last written from: the hash of the story (which holds its inputs' hash), and
 * each output file's size, modification time and rows as the kit left it. When both are as recorded,
 * there is nothing to make: a no-change refresh loads none of the outputs' modules, and reports each
 * output's rows without reading it.
 */
interface OutputsRecord {
  story: string;
  files: Partial<Record<string, RecordedFile>>;
}

/** A file's size and modification time, or null when there is no file. */
type FileStamp = [size: number, mtimeMs: number] | null;

/** An output as recorded: its stamp and its rows (null when it is not a table). */
type RecordedFile = [size: number, mtimeMs: number, rows?: number | null] | null;

function outputsRecordPath(root: string): string {
  return join(root, stageDir, "outputs.json");
}

async function readOutputsRecord(root: string): Promise<OutputsRecord | null> {
  try {
    return JSON.parse(await readFile(outputsRecordPath(root), "utf-8")) as OutputsRecord;
  } catch {
    return null;
  }
}

function fileStamp(root: string, name: string): FileStamp {
  const stat = statSync(cachePath(root, name), {throwIfNoEntry: false});
  return stat ? [stat.size, stat.mtimeMs] : null;
}

function sameFile(a: RecordedFile | undefined, b: FileStamp): boolean {
  return !!a && !!b && a[0] === b[0] && a[1] === b[1];
}

/**
 * The rows of each stage output that is as the kit last recorded it (same size and modification
 * time), by name; an output that changed since, or was recorded without rows, is not in the map.
 */
export async function recordedRows(root: string): Promise<Map<string, number | null>> {
  const record = await readOutputsRecord(root);
  const rows = new Map<string, number | null>();
  for (const [name, file] of Object.entries(record?.files ?? {})) {
    if (file?.[2] !== undefined && sameFile(file, fileStamp(root, name))) rows.set(name, file[2]);
  }
  return rows;
}

/**
 * Tells Framework's preview that outputs changed: gives each loader and its output one new
 * modification time. Preview re-renders the pages that link to them and serves the output the
 * kit wrote, since it is not older than its loader.
 */
export async function announceOutputs(root: string, names: string[], now = new Date()): Promise<void> {
  for (const name of names) {
    const loader = loaderPath(root, name);
    if (!existsSync(loader)) continue;
    const output = cachePath(root, name);
    if (existsSync(output)) await utimes(output, now, now);
    await utimes(loader, now, now);
  }
}

/**
 * The body of a stage output's loader, for when Framework runs it itself: runs the stage (which does
 * nothing when it is up to date) and writes the output to stdout; fails on problems that leave no
 * story, so Framework keeps its last good output.
 *
 * ```ts
 * // src/data/claims.csv.ts
 * import {stageLoader} from "../../loaders/stage-outputs.ts";
 * await stageLoader("data/claims.csv");
 * ```
 */
export async function stageLoader(name: StageOutputName, root = process.cwd()): Promise<void> {
  const run = await runStage(root);
  if (!run.stage || !run.verified) {
    for (const problem of asKitErrors(blockingProblems(run))) process.stderr.write(problem.message + "\n");
    process.exitCode = 1;
    return;
  }
  const {stageOutputs} = await import("./stage-output-content.ts");
  process.stdout.write(await stageOutputs[name](run.stage, root));
}
