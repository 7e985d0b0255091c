/**
 * What the story stage reads, and one hash of it: every file under `data/`, every page under `src/`
 * (Framework's cache aside) with the names of the other files there, and the kit's own code that
 * shapes the stage's outputs (`loaders/`, `src/components/`). When the hash is unchanged, the stage's
 * last outputs stand and nothing is read again. A large file's content is hashed again only when its
 * size or modification time changed since the last run (kept in `.explainer/stage/inputs.json`), so a
 * large dataset costs nothing while it stays as it is.
 */
import {createHash} from "node:crypto";
import {readFileSync, readdirSync, renameSync, statSync, writeFileSync, mkdirSync} from "node:fs";
import {dirname, join, sep} from "node:path";
import {contentHash} from "./hash.ts";

/**
 * Folders whose files are the stage's inputs, relative to the project root, and which files of them
 * count; in a folder marked `names`, the names of its other files count too, though not their
 * contents (a page's images must exist: loaders/prose.ts).
 */
export const stageInputs: {dir: string; include: RegExp; names?: true}[] = [
  {dir: "data", include: /./},
  {dir: "src", include: /\.md$/, names: true},
  {dir: "loaders", include: /\.ts$/},
  {dir: join("src", "components"), include: /\.ts$/}
];

/** Where the hashes of the last run are kept, relative to the project root. */
export const inputsCache = ".explainer/stage/inputs.json";

/** Files that never count: dot-files and dot-folders (Framework's cache), node_modules. */
function ignored(path: string): boolean {
  return path.split(sep).some((part) => part.startsWith(".") || part === "node_modules");
}

/**
 * Every input file, relative to the root, with its size and modification time; and the other files
 * whose names count (see `stageInputs`); both sorted.
 */
export function inputFiles(root: string): {files: {file: string; size: number; mtime: number}[]; named: string[]} {
  const files = new Map<string, {file: string; size: number; mtime: number}>();
  const named: string[] = [];
  for (const {dir, include, names: listed} of stageInputs) {
    let names: string[];
    try {
      names = readdirSync(join(root, dir), {recursive: true, encoding: "utf-8"});
    } catch {
      continue;
    }
    for (const name of names) {
      if (ignored(name)) continue;
      if (!include.test(name)) {
        if (listed) named.push(join(dir, name).split(sep).join("/"));
        continue;
      }
      const file = join(dir, name).split(sep).join("/");
      try {
        const stat = statSync(join(root, file));
        if (stat.isFile()) files.set(file, {file, size: stat.size, mtime: stat.mtimeMs});
      } catch {
        // removed while listing
      }
    }
  }
  return {files: [...files.values()].sort((a, b) => (a.file < b.file ? -1 : 1)), named: named.sort()};
}

type Known = Record<string, {size: number; mtime: number; hash: string}>;

/** From this size on, a file's hash is reused while its size and modification time stay the same. */
export const largeFile = 256 * 1024;

/**
 * One hash over the paths and contents of every input file. Contents are read only for files that
 * are new, small, or whose size or modification time changed since the last call.
 */
export function inputsHash(root: string): string {
  const cachePath = join(root, inputsCache);
  let known: Known = {};
  try {
    known = JSON.parse(readFileSync(cachePath, "utf-8"));
  } catch {
    // first run, or an unreadable cache: hash everything
  }
  const next: Known = {};
  const hash = createHash("sha256");
  let changed = false;
  const {files, named} = inputFiles(root);
  for (const {file, size, mtime} of files) {
    let entry = known[file];
    // Small files are always read (cheap, and immune to two edits within one clock tick); large ones
    // only when their size or modification time changed.
    if (!entry || size < largeFile || entry.size !== size || entry.mtime !== mtime) {
      let bytes: Buffer | null = null;
      try {
        bytes = readFileSync(join(root, file));
      } catch {
        // removed since listed
      }
      entry = {size, mtime, hash: bytes ? contentHash(bytes) : "missing"};
      changed = true;
    }
    next[file] = entry;
    hash.update(`${file}\0${entry.hash}\0`);
  }
  for (const name of named) hash.update(`${name}\0named\0`);
  if (changed || Object.keys(known).length !== Object.keys(next).length) {
    try {
      mkdirSync(dirname(cachePath), {recursive: true});
      writeFileSync(`${cachePath}.${process.pid}.tmp`, JSON.stringify(next));
      renameSync(`${cachePath}.${process.pid}.tmp`, cachePath);
    } catch {
      // a read-only project: hash again next time
    }
  }
  return hash.digest("hex");
}
