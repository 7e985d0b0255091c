/**
 * A cache of file hashes keyed by path, size, inode and modification/change times, so that a
 * no-change refresh of a 1 GB dataset costs a `stat`, not a read. A file whose size, inode, mtime
 * or ctime differs from its entry is hashed again (the new hash is what callers compare: "verified
 * on change"). Files below `minBytes` are always hashed: reading them costs less than trusting a
 * timestamp.
 *
 * The cache is one JSON file per project, `.explainer/hash-cache.json` (git-ignored), shared by
 * `explainer refresh` and the loaders it runs; writes are atomic (temporary file, then rename), and
 * a lost race only costs a re-hash later.
 */
import {createHash} from "node:crypto";
import {mkdir, open, readFile, rename, stat as statFile, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";

/** The cache file of a project, relative to its root. */
export const hashCacheFile = ".explainer/hash-cache.json";

/** Files smaller than this are hashed on every call, never cached. */
export const minCachedBytes = 1 << 20;

/** One cached hash and the file identity it was computed for. */
interface Entry {
  size: number;
  ino: string;
  mtimeNs: string;
  ctimeNs: string;
  sha256: string;
}

type Entries = Record<string, Entry>;

/** In-memory copies of cache files, by absolute cache path. */
const memory = new Map<string, Entries>();

async function load(cache: string): Promise<Entries> {
  let entries = memory.get(cache);
  if (!entries) {
    try {
      const parsed = JSON.parse(await readFile(cache, "utf-8"));
      entries = parsed?.version === 1 && typeof parsed.files === "object" ? (parsed.files as Entries) : {};
    } catch {
      entries = {};
    }
    memory.set(cache, entries);
  }
  return entries;
}

async function save(cache: string, path: string, entry: Entry): Promise<void> {
  // Merge with what other processes wrote meanwhile, then replace the file atomically.
  memory.delete(cache);
  const entries = {...(await load(cache)), [path]: entry};
  memory.set(cache, entries);
  await mkdir(dirname(cache), {recursive: true});
  const temp = `${cache}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temp, JSON.stringify({version: 1, files: entries}) + "\n");
  await rename(temp, cache);
}

/** Options of fileHash. */
export interface HashOptions {
  /** The cache file (absolute); without it nothing is cached. */
  cache?: string;
  /** Files smaller than this are hashed every time (default 1 MiB). */
  minBytes?: number;
}

/**
 * The sha256 (hex) of a file's content, or null when there is no such file. The file is opened
 * once, read-only: its identity is taken from the open handle and, when it matches the cached
 * entry, the content is not read at all; otherwise it is streamed through sha256 (bounded memory).
 * Opening (rather than only stat-ing) also lets refresh's read recorder see the dependency.
 *
 * ```ts
 * await fileHash("/p/data/datasets/crossings.csv", {cache: join(root, hashCacheFile)})
 * ```
 */
export async function fileHash(
  path: string,
  {cache, minBytes = minCachedBytes}: HashOptions = {}
): Promise<string | null> {
  const handle = await open(path, "r").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return null;
    throw error;
  });
  if (!handle) return null;
  try {
    const stat = await handle.stat({bigint: true});
    if (!stat.isFile()) return null;
    const size = Number(stat.size);
    const identity = {size, ino: String(stat.ino), mtimeNs: String(stat.mtimeNs), ctimeNs: String(stat.ctimeNs)};
    const useCache = cache !== undefined && size >= minBytes;
    if (useCache) {
      const matches = (entry: Entry | undefined) =>
        entry !== undefined &&
        entry.size === identity.size &&
        entry.ino === identity.ino &&
        entry.mtimeNs === identity.mtimeNs &&
        entry.ctimeNs === identity.ctimeNs;
      let entry = (await load(cache))[path];
      if (!matches(entry)) {
        // Another process (a loader refresh ran) may have hashed it since this one loaded the cache.
        memory.delete(cache);
        entry = (await load(cache))[path];
      }
      if (matches(entry)) return entry!.sha256;
    }
    const hash = createHash("sha256");
    for await (const chunk of handle.createReadStream({start: 0, autoClose: false, highWaterMark: 1 << 20}))
      hash.update(chunk as Buffer);
    const sha256 = hash.digest("hex");
    if (useCache) await save(cache, path, {...identity, sha256});
    return sha256;
  } finally {
    await handle.close();
  }
}

/** fileHash with the project's cache: `projectFileHash(root, "data/datasets/x.csv")`. */
export function projectFileHash(root: string, file: string): Promise<string | null> {
  return fileHash(join(root, file), {cache: join(root, hashCacheFile)});
}

/**
 * Records a hash just computed for a file (say, of a temporary copy before it was renamed into
 * place), so the next check costs a stat instead of a read.
 */
export async function rememberHash(
  path: string,
  sha256: string,
  {cache, minBytes = minCachedBytes}: HashOptions = {}
): Promise<void> {
  if (cache === undefined) return;
  const stat = await statFile(path, {bigint: true});
  if (Number(stat.size) < minBytes) return;
  await save(cache, path, {
    size: Number(stat.size),
    ino: String(stat.ino),
    mtimeNs: String(stat.mtimeNs),
    ctimeNs: String(stat.ctimeNs),
    sha256
  });
}
