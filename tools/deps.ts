/**
 * What a data loader's output depends on, and whether it changed. Framework re-runs a loader only
 * when the loader file is newer than its cached output; here a loader depends on
 *
 * - the project modules it imports, transitively (found by esbuild's metafile, packages left out), and
 * - the files and folders it read when it last ran (recorded by tools/record-reads.ts),
 *
 * each with a sha256 of its content, stored in a manifest beside the cached output
 * (`src/.observablehq/cache/data/claims.csv.deps.json`). The output is stale when it is missing, when
 * it differs from what refresh wrote, or when any dependency's hash differs: mtimes play no part.
 */
import {existsSync} from "node:fs";
import {readFile, readdir, rename, utimes, writeFile} from "node:fs/promises";
import {join, relative, sep} from "node:path";
import {build, type BuildFailure} from "esbuild";
import {KitError} from "../loaders/errors.ts";
import {cacheDir} from "../loaders/stage-outputs.ts";
import {contentHash, listingHash, missing, type RecordedReads} from "./hash.ts";
import {projectFileHash} from "../loaders/hash-cache.ts";

export {cacheDir};

/** A Framework data loader of the project and where its output and manifest go (absolute paths). */
export interface Loader {
  /** The file pages ask for, relative to `src/`: `data/claims.csv`. */
  name: string;
  /** The loader script: `/…/src/data/claims.csv.ts`. */
  loader: string;
  /** Its cached output: `/…/src/.observablehq/cache/data/claims.csv`. */
  output: string;
  /** The dependency manifest beside the output: `/…/claims.csv.deps.json`. */
  manifest: string;
}

/**
 * The dependency manifest of one output. `files` maps each dependency, relative to the project root,
 * to its hash: a file (`data/claims.csv`), a folder listing (`data/sources/`), or a recursive folder
 * listing (`data/sources/**`). A file that was looked for and not found has the hash `"missing"`.
 */
export interface Manifest {
  version: 1;
  /** The loader, relative to the project root. */
  loader: string;
  /** sha256 over every dependency and its hash: the one number to compare. */
  hash: string;
  /** sha256 of the output refresh wrote. */
  output: string;
  /** Rows in the output (CSV, TSV, JSON array), or null for other formats. */
  rows: number | null;
  files: Record<string, string>;
}

/** Every file under `dir` (recursively), as absolute paths; a missing folder has none. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true, recursive: true}).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Loader scripts: `name.ext.ts` or `name.ext.js`; not declarations, tests or parameterized routes. */
const loaderPattern = /^[^[\]]+\.\w+\.(ts|js)$/;
const notLoader = /\.(d|test|spec)\.(ts|js)$/;

/** Framework data loaders under `src/` (`src/data/claims.csv.ts`), outside Framework's own cache; absolute and sorted. */
export async function findLoaders(root: string): Promise<string[]> {
  const src = join(root, "src");
  const files = await listFiles(src);
  return files
    .filter((f) => {
      const path = relative(src, f);
      return !path.startsWith(".") && !path.includes(`${sep}.`) && loaderPattern.test(path) && !notLoader.test(path);
    })
    .sort();
}

/** The cached output of a loader: `src/data/claims.csv.ts` → `src/.observablehq/cache/data/claims.csv`. */
export function outputOf(root: string, loader: string): string {
  return join(root, cacheDir, relative(join(root, "src"), loader).replace(/\.(ts|js)$/, ""));
}

/** A loader with its output, manifest and name. */
export function describeLoader(root: string, loader: string): Loader {
  const output = outputOf(root, loader);
  return {name: relative(join(root, cacheDir), output), loader, output, manifest: `${output}.deps.json`};
}

/** Every loader of the project, described. */
export async function projectLoaders(root: string): Promise<Loader[]> {
  return (await findLoaders(root)).map((loader) => describeLoader(root, loader));
}

/**
 * The project modules a loader imports, transitively, including itself; relative to the root and
 * sorted. npm packages and Node built-ins are left out (their versions live in package-lock.json).
 * Throws a KitError at the file and line of a module that does not parse or resolve.
 */
export async function moduleGraph(root: string, loader: string): Promise<string[]> {
  try {
    const result = await build({
      entryPoints: [loader],
      absWorkingDir: root,
      bundle: true,
      metafile: true,
      write: false,
      platform: "node",
      format: "esm",
      packages: "external",
      external: ["npm:*", "jsr:*", "observablehq:*"],
      logLevel: "silent"
    });
    return Object.keys(result.metafile.inputs)
      .filter((p) => !p.includes(":") && !p.startsWith("node_modules/") && !p.startsWith(".."))
      .sort();
  } catch (error) {
    const errors = (error as BuildFailure).errors;
    if (!errors?.length) throw error;
    const first = errors[0];
    const file = first.location?.file ?? relative(root, loader);
    throw new KitError("LOADER_IMPORT", first.text, {file, line: first.location?.line});
  }
}

/** The current hash of one dependency key (`data/claims.csv`, `data/sources/`, `data/sources/**`). */
export async function hashOf(root: string, key: string): Promise<string> {
  const recursive = key.endsWith("/**");
  if (recursive || key.endsWith("/")) {
    const dir = join(root, key.replace(/\/(\*\*)?$/, ""));
    const names = await readdir(dir, {recursive}).catch(() => null);
    return names ? listingHash(names) : missing;
  }
  // Large files (datasets) are hashed once per size + mtime through the project's hash cache.
  return (await projectFileHash(root, key).catch(() => null)) ?? missing;
}

/** The one hash of a set of dependencies: sha256 over `key hash` lines in key order. */
export function combinedHash(files: Record<string, string>): string {
  return contentHash(
    Object.keys(files)
      .sort()
      .map((k) => `${k} ${files[k]}\n`)
      .join("")
  );
}

/** Whether a recorded path belongs to the project's inputs: inside the root, not in node_modules or a dot-folder. */
function isProjectPath(path: string): boolean {
  return (
    path !== "" && !path.startsWith("..") && !path.split(sep).some((p) => p.startsWith(".") || p === "node_modules")
  );
}

/**
 * The dependency hashes of a run: the modules (hashed before the run) and what the loader recorded
 * (hashed by the loader as it read them, or now for files it read as streams), keyed relative to `root`.
 */
export async function dependencyHashes(
  root: string,
  modules: Record<string, string>,
  reads: RecordedReads
): Promise<Record<string, string>> {
  const files: Record<string, string> = {...modules};
  for (const [path, hash] of Object.entries(reads.files)) {
    const key = relative(root, path);
    if (isProjectPath(key) && !(key in modules)) files[key] = hash ?? (await hashOf(root, key));
  }
  for (const [path, {recursive, hash}] of Object.entries(reads.dirs)) {
    const key = relative(root, path);
    if (isProjectPath(key)) files[`${key}/${recursive ? "**" : ""}`] = hash;
  }
  return files;
}

/** The manifest stored beside a loader's output, or null when there is none or it cannot be read. */
export async function readManifest(loader: Loader): Promise<Manifest | null> {
  try {
    const manifest = JSON.parse(await readFile(loader.manifest, "utf-8"));
    return manifest?.version === 1 && typeof manifest.files === "object" ? manifest : null;
  } catch {
    return null;
  }
}

/** Writes a manifest atomically (a temporary file in the same folder, then a rename). */
export async function writeManifest(loader: Loader, manifest: Manifest): Promise<void> {
  const temp = `${loader.manifest}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(manifest, null, 2) + "\n");
  await rename(temp, loader.manifest);
}

/** Why a loader must re-run, or null when its output is up to date with every dependency. */
export async function staleReason(root: string, loader: Loader, manifest: Manifest | null): Promise<string | null> {
  if (!existsSync(loader.output)) return "no output";
  if (!manifest) return "no dependency record";
  if (contentHash(await readFile(loader.output)) !== manifest.output) return "output changed outside refresh";
  const keys = Object.keys(manifest.files);
  const hashes = await Promise.all(keys.map((key) => hashOf(root, key)));
  const changed = keys.filter((key, i) => hashes[i] !== manifest.files[key]);
  if (changed.length === 0) return null;
  return `${changed.slice(0, 3).join(", ")}${changed.length > 3 ? ` and ${changed.length - 3} more` : ""} changed`;
}

/**
 * Tells Framework's preview that outputs changed: gives each loader and its output the same new
 * modification time. Preview sees the loader change, re-renders the pages that use it and pushes
 * the new file to open browsers; since the output is not older than the loader, it serves the
 * output refresh wrote instead of running the loader again.
 */
export async function announce(loaders: Loader[], now: Date = new Date()): Promise<void> {
  for (const {loader, output} of loaders) {
    if (existsSync(output)) await utimes(output, now, now);
    await utimes(loader, now, now);
  }
}
