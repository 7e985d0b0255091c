/**
 * Writes that never lose a hand edit. A file is replaced only when its content still hashes to the
 * version the writer started from, compared immediately before the rename; a new file is created only
 * when no file has that name. Both write a temporary file in the same folder first (synced), so a
 * reader sees the old text or the new one, never a part.
 *
 * The comparison and the rename cannot be one step on POSIX. The gap is closed for edits written in
 * place (an editor's save, `>`, `writeFile`): the version compared is held by a hard link, and read
 * again after the rename; if it changed in between, the hand edit is renamed back over the write and
 * the write is reported as a conflict. An edit that replaces the file by a rename of its own between
 * the comparison and the rename (microseconds) is the one case this cannot see. The caller serializes
 * writes to one file (the save endpoint's lock).
 */
import {createHash, randomBytes} from "node:crypto";
import {chmod, link, open, readFile, rename, rm, stat} from "node:fs/promises";
import {basename, dirname, join} from "node:path";

/** The content hash the editor sends back as `base`: SHA-256 of the file's text, hex. */
export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The outcome of a guarded write: written, or not, with the file's text as it is now (null: no file). */
export type WriteOutcome = {written: true} | {written: false; current: string | null};

/** A hidden name beside `file` for a temporary or held copy: `.<name>.<random>.<kind>` (never `*.json`). */
function beside(file: string, kind: string): string {
  return join(dirname(file), `.${basename(file)}.${randomBytes(6).toString("hex")}.${kind}`);
}

/** Writes `text` to a new file and syncs it to disk. */
async function writeNew(file: string, text: string): Promise<void> {
  const handle = await open(file, "wx");
  try {
    await handle.writeFile(text, "utf-8");
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const code = (error: unknown) => (error as NodeJS.ErrnoException)?.code;

/**
 * Replaces `file` with `text` if its content hashes to `base` now, and still did when the new text
 * took its place; otherwise writes nothing (a hand edit made meanwhile is kept) and gives the text on disk.
 *
 * ```ts
 * const outcome = await replaceIfUnchanged("data/charts/a.json", hashText(loaded), formatSpec(spec));
 * if (!outcome.written) conflict(outcome.current);
 * ```
 */
export async function replaceIfUnchanged(file: string, base: string, text: string): Promise<WriteOutcome> {
  const temp = beside(file, "tmp");
  const held = beside(file, "held");
  try {
    // The slow part (writing and syncing the new text) comes first, so that the check is right before the rename.
    await writeNew(temp, text);
    try {
      await link(file, held);
    } catch (error) {
      if (code(error) === "ENOENT") return {written: false, current: null};
      throw error;
    }
    await chmod(temp, (await stat(held)).mode & 0o7777);
    // The version about to be replaced, read through the link that holds it.
    const before = await readFile(held, "utf-8");
    if (hashText(before) !== base) return {written: false, current: before};
    await rename(temp, file);
    // Written in place between the read and the rename? Then put it back: the hand edit wins.
    if (hashText(await readFile(held, "utf-8")) !== base) {
      await rename(held, file);
      return {written: false, current: await readFile(file, "utf-8")};
    }
    return {written: true};
  } finally {
    await Promise.all([rm(temp, {force: true}), rm(held, {force: true})]);
  }
}

/** Creates `file` with `text` unless a file (or a link) of that name exists; true when it was created. */
export async function createExclusive(file: string, text: string): Promise<boolean> {
  const temp = beside(file, "tmp");
  try {
    await writeNew(temp, text);
    await link(temp, file);
    return true;
  } catch (error) {
    if (code(error) === "EEXIST") return false;
    throw error;
  } finally {
    await rm(temp, {force: true});
  }
}
