/**
 * What a command may do to the world, passed in so that tests run silent with a fixed clock, and
 * the usage mistake every command may throw. Imported by every command; imports nothing of theirs.
 */

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
