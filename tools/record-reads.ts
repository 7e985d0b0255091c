/**
 * A preload for data loaders (`node --import tsx --import tools/record-reads.ts loader.ts`): it
 * records every file and folder the loader reads, so `explainer refresh` knows what the loader's
 * output depends on without the loader declaring anything.
 *
 * It wraps Node's `fs` reading functions (sync, callback and promise forms: readFile, open for
 * reading, createReadStream, readdir) and, when the process exits, writes to the file named
 * by `EXPLAINER_READS` a JSON object `{files: {path: sha256 | "missing" | null}, dirs: {path:
 * {recursive, hash}}}` with absolute paths. Whole-file reads are hashed here, from the very bytes the
 * loader got, so an edit made while the loader runs is seen by the next refresh; other reads
 * (streams, file handles) record `null` and the parent hashes the file afterwards.
 */
import fs from "node:fs";
import {syncBuiltinESMExports} from "node:module";
import {relative, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {contentHash, listingHash, missing, type RecordedReads} from "./hash.ts";

type Anything = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const reads: RecordedReads = {files: {}, dirs: {}};

function pathOf(p: unknown): string | null {
  if (typeof p === "string") return resolve(p);
  if (p instanceof URL) return p.protocol === "file:" ? fileURLToPath(p) : null;
  if (Buffer.isBuffer(p)) return resolve(p.toString());
  return null;
}

function noteFile(p: unknown, hash: string | null): void {
  const path = pathOf(p);
  if (path && !(path in reads.files && hash === null)) reads.files[path] = hash;
}

function noteMissing(p: unknown, error: unknown): void {
  if ((error as NodeJS.ErrnoException)?.code === "ENOENT") noteFile(p, missing);
}

function noteDir(p: unknown, options: Anything, result: Anything[]): void {
  const path = pathOf(p);
  if (!path || options?.encoding === "buffer") return;
  const recursive = Boolean(options?.recursive);
  const names = result.map((e) =>
    typeof e === "string" ? e : recursive ? relative(path, resolve(e.parentPath ?? e.path, e.name)) : e.name
  );
  reads.dirs[path] = {recursive, hash: listingHash(names)};
}

function isReadOnly(flags: unknown): boolean {
  return flags === undefined || flags === "r" || flags === "rs" || flags === fs.constants.O_RDONLY;
}

const encodingOf = (options: Anything): BufferEncoding | undefined =>
  typeof options === "string" ? (options as BufferEncoding) : (options?.encoding ?? undefined);
const withoutEncoding = (options: Anything) =>
  typeof options === "object" && options ? {...options, encoding: null} : {};
const decode = (bytes: Buffer, options: Anything) => {
  const encoding = encodingOf(options);
  return encoding ? bytes.toString(encoding) : bytes;
};

const original = {
  readFileSync: fs.readFileSync,
  readFile: fs.readFile,
  promisesReadFile: fs.promises.readFile,
  openSync: fs.openSync,
  open: fs.open,
  promisesOpen: fs.promises.open,
  createReadStream: fs.createReadStream,
  readdirSync: fs.readdirSync,
  readdir: fs.readdir,
  promisesReaddir: fs.promises.readdir,
  writeFileSync: fs.writeFileSync
};
const f = fs as Anything;
const fp = fs.promises as Anything;

f.readFileSync = function (p: Anything, options?: Anything) {
  if (typeof p === "number") return original.readFileSync(p, options);
  let bytes: Buffer;
  try {
    bytes = original.readFileSync(p, withoutEncoding(options)) as Buffer;
  } catch (error) {
    noteMissing(p, error);
    throw error;
  }
  noteFile(p, contentHash(bytes));
  return decode(bytes, options);
};
f.readFile = function (p: Anything, ...rest: Anything[]) {
  const callback = rest.pop();
  const options = rest[0];
  if (typeof p === "number" || typeof callback !== "function")
    return (original.readFile as Anything)(p, ...rest, callback);
  original.readFile(p, withoutEncoding(options), (error: Anything, bytes: Buffer) => {
    if (error) return (noteMissing(p, error), callback(error));
    noteFile(p, contentHash(bytes));
    callback(null, decode(bytes, options));
  });
};
fp.readFile = async function (p: Anything, options?: Anything) {
  if (typeof p !== "string" && !(p instanceof URL) && !Buffer.isBuffer(p)) return original.promisesReadFile(p, options);
  const bytes = await original.promisesReadFile(p, withoutEncoding(options)).catch((error: unknown) => {
    noteMissing(p, error);
    throw error;
  });
  noteFile(p, contentHash(bytes as Buffer));
  return decode(bytes as Buffer, options);
};
f.openSync = function (p: Anything, flags?: Anything, ...rest: Anything[]) {
  try {
    const fd = original.openSync(p, flags, ...rest);
    if (isReadOnly(flags)) noteFile(p, null);
    return fd;
  } catch (error) {
    if (isReadOnly(flags)) noteMissing(p, error);
    throw error;
  }
};
f.open = function (p: Anything, ...rest: Anything[]) {
  if (isReadOnly(typeof rest[0] === "function" ? undefined : rest[0])) noteFile(p, null);
  return (original.open as Anything)(p, ...rest);
};
fp.open = async function (p: Anything, flags?: Anything, ...rest: Anything[]) {
  if (isReadOnly(flags)) noteFile(p, null);
  return original.promisesOpen(p, flags, ...rest);
};
f.createReadStream = function (p: Anything, options?: Anything) {
  noteFile(p, null);
  return original.createReadStream(p, options);
};
f.readdirSync = function (p: Anything, options?: Anything) {
  const result = original.readdirSync(p, options);
  noteDir(p, options, result as Anything[]);
  return result;
};
f.readdir = function (p: Anything, ...rest: Anything[]) {
  const callback = rest.pop();
  if (typeof callback !== "function") return (original.readdir as Anything)(p, ...rest, callback);
  (original.readdir as Anything)(p, ...rest, (error: Anything, result: Anything[]) => {
    if (!error) noteDir(p, rest[0], result);
    callback(error, result);
  });
};
fp.readdir = async function (p: Anything, options?: Anything) {
  const result = await original.promisesReaddir(p, options);
  noteDir(p, options, result as Anything[]);
  return result;
};
syncBuiltinESMExports();

process.on("exit", () => {
  const target = process.env.EXPLAINER_READS;
  if (target) original.writeFileSync(target, JSON.stringify(reads));
});
