/**
 * What a command may do to the world, passed in so that tests run silent with a fixed clock, the
 * usage mistake every command may throw, and how a command reads a file named on its command line.
 * Imported by every command; imports nothing of theirs.
 */
import {readFile} from "node:fs/promises";
import {relative, resolve} from "node:path";
import {KitError} from "../loaders/errors.ts";

/** What a command may do to the world; tests pass their own. */
export interface Effects {
  /** The project root: the folder holding data/, loaders/ and src/. */
  root: string;
  /** Where results go (the command's output proper). */
  stdout: (text: string) => void;
  /** Where messages and progress go. */
  stderr: (text: string) => void;
  /** Today, for dates the kit records (such as a source's `archived`). */
  now: () => Date;
}

/** The real world: the working directory, the process's streams and clock. */
export const defaultEffects: Effects = {
  root: process.cwd(),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  now: () => new Date()
};

/** A command-line usage mistake: printed with the usage line, exit status 2. */
export class UsageError extends Error {}

/**
 * A file named on the command line: its name as messages give it (relative to the root) and its bytes.
 * NO_SUCH_FILE says why one cannot be read: a folder, a web address (commands read saved files), or
 * no such file.
 */
export async function readNamedFile(root: string, path: string): Promise<{file: string; bytes: Buffer}> {
  const address = "is a web address, not a file: save the page's article as text, then give that file";
  if (/^https?:\/\//i.test(path)) throw new KitError("NO_SUCH_FILE", address, {file: path});
  const file = relative(root, resolve(root, path)) || path;
  try {
    return {file, bytes: await readFile(resolve(root, path))};
  } catch (error) {
    const detail =
      (error as NodeJS.ErrnoException).code === "EISDIR" ? "is a folder, not a file" : "cannot read the file";
    throw new KitError("NO_SUCH_FILE", detail, {file});
  }
}
