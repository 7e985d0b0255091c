/**
 * No stale data ships. Framework reuses any cached loader output during `build`, and in preview
 * re-runs a loader only when the loader file is newer than its output: a changed `data/` file or
 * a changed module in `loaders/` goes unseen. These helpers find loader outputs older than their
 * inputs so that build and dev can re-run them.
 */
import {readdir, stat, utimes} from "node:fs/promises";
import {join, relative} from "node:path";

/** Folders whose files every loader may read or import, relative to the project root. */
export const loaderInputs = ["data", "loaders", "src/components"] as const;

/** Framework's cache, where loader outputs live, relative to the project root. */
export const cacheDir = "src/.observablehq/cache";

/** Every file under `dir` (recursively), as absolute paths; a missing folder has none. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true, recursive: true}).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Framework data loaders under `src/` (`src/data/claims.csv.ts`), outside Framework's own cache. */
export async function findLoaders(root: string): Promise<string[]> {
  const files = await listFiles(join(root, "src"));
  return files
    .filter((f) => /\.\w+\.(ts|js)$/.test(f) && !relative(join(root, "src"), f).startsWith(".observablehq"))
    .sort();
}

/** The cached output of a loader: `src/data/claims.csv.ts` → `src/.observablehq/cache/data/claims.csv`. */
export function outputOf(root: string, loader: string): string {
  return join(root, cacheDir, relative(join(root, "src"), loader).replace(/\.(ts|js)$/, ""));
}

/** The newest modification time among the shared loader inputs. */
export async function newestInput(root: string): Promise<number> {
  let newest = 0;
  for (const dir of loaderInputs) {
    for (const file of await listFiles(join(root, dir))) newest = Math.max(newest, (await stat(file)).mtimeMs);
  }
  return newest;
}

/** Loaders whose cached output is missing or older than the loader file or any shared input. */
export async function staleLoaders(root: string): Promise<string[]> {
  const inputs = await newestInput(root);
  const stale: string[] = [];
  for (const loader of await findLoaders(root)) {
    const output = await stat(outputOf(root, loader)).catch(() => null);
    if (!output || output.mtimeMs < Math.max(inputs, (await stat(loader)).mtimeMs)) stale.push(loader);
  }
  return stale;
}

/**
 * Marks loaders as changed (sets their modification time to now, content untouched), so that
 * Framework's preview re-runs them on the next request and updates the open pages.
 */
export async function touch(files: string[], now: Date = new Date()): Promise<void> {
  for (const file of files) await utimes(file, now, now);
}
