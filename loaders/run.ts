/**
 * Runs a Framework data loader: its output to stdout, problems to stderr one per line, and a
 * non-zero exit on failure so Framework keeps the last good output and the build fails.
 */
import {problemsOf} from "./errors.ts";

/** Writes what `make` returns to stdout, or prints its problems and sets a failing exit status. */
export async function runLoader(make: () => Promise<string | Uint8Array>): Promise<void> {
  try {
    process.stdout.write(await make());
  } catch (error) {
    const problems = problemsOf(error);
    if (problems.length === 0) throw error;
    for (const p of problems) process.stderr.write(p.message + "\n");
    process.exitCode = 1;
  }
}
