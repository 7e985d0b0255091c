/**
 * The one top-level handler of the kit's commands. Commands throw; this prints each problem once,
 * one per line, and turns it into an exit status. Unexpected errors get their stack.
 */
import {problemsOf} from "../loaders/errors.ts";
import {commands} from "./commands/index.ts";

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

const red = (s: string) => (process.stderr.isTTY ? `\x1b[31m${s}\x1b[0m` : s);

/** Runs one command line and returns its exit status. */
export async function main(argv: string[], effects: Effects = defaultEffects): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    effects.stderr(usage(name));
    return name === undefined || name === "help" || name === "--help" ? 0 : 2;
  }
  try {
    await command.run(args, effects);
    return 0;
  } catch (error) {
    const problems = problemsOf(error);
    if (problems.length > 0) {
      for (const p of problems) effects.stderr(red(p.message) + "\n");
      effects.stderr(`explainer ${name}: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n`);
      return 1;
    }
    if (error instanceof UsageError) {
      effects.stderr(`${red(error.message)}\nusage: explainer ${name} ${command.usage}\n`);
      return 2;
    }
    effects.stderr(`${red("unexpected error")} in explainer ${name}:\n${(error as Error)?.stack ?? error}\n`);
    return 1;
  }
}

function usage(name: string | undefined): string {
  const lines = Object.entries(commands).map(([n, c]) => `  explainer ${n} ${c.usage}\n      ${c.summary}`);
  return `${name && name !== "help" && name !== "--help" ? `unknown command: ${name}\n` : ""}usage:\n${lines.join("\n")}\n`;
}
