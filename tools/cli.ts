/**
 * The one top-level handler of the kit's commands. Commands throw; this prints each problem once,
 * one per line, and turns it into an exit status. A file system's refusal is one problem at its path;
 * other unexpected errors get their stack.
 */
import {isAbsolute, relative} from "node:path";
import {KitError, problemsOf} from "../loaders/errors.ts";
import {commands} from "./commands/index.ts";
import {defaultEffects, UsageError, type Effects} from "./effects.ts";

const red = (s: string) => (process.stderr.isTTY && !process.env.NO_COLOR ? `\x1b[31m${s}\x1b[0m` : s);

/** Runs one command line and returns its exit status. */
export async function main(argv: string[], effects: Effects = defaultEffects): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command || args.includes("--help")) {
    // Help asked for is the output (`explainer --help | less`); an unknown command is a mistake.
    const asked = command || name === undefined || name === "help" || name === "--help" || name === "-h";
    (asked ? effects.stdout : effects.stderr)(
      command ? `usage: explainer ${name} ${command.usage}\n  ${command.summary}\n` : usage(name)
    );
    return asked ? 0 : 2;
  }
  try {
    await (
      await command.load()
    )(args, effects);
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
    const system = fileSystemProblem(error, effects.root);
    if (system) {
      effects.stderr(`${red(system.message)}\nexplainer ${name}: 1 problem\n`);
      return 1;
    }
    effects.stderr(`${red("unexpected error")} in explainer ${name}:\n${(error as Error)?.stack ?? error}\n`);
    return 1;
  }
}

/**
 * A file system's refusal (a folder where a file must go, a file where a folder must, no permission)
 * as one problem at its path, relative to the project: `src/.observablehq/cache/x: FILE_SYSTEM: mkdir:
 * file already exists (EEXIST)`. Anything else is not one.
 */
export function fileSystemProblem(error: unknown, root: string): KitError | null {
  const {code, path, syscall, message} = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code) || typeof path !== "string") return null;
  // A program that cannot be started (`spawn observable`) is not a file of the project.
  if (!syscall || syscall.startsWith("spawn")) return null;
  // Node's message is "CODE: reason, syscall 'path'"; the reason is what is left.
  const reason = message.replace(/^E[A-Z]+: /, "").replace(/, \w+ '.*$/s, "");
  const place = relative(root, path);
  return new KitError("FILE_SYSTEM", `${syscall}: ${reason} (${code})`, {
    file: place.startsWith("..") || isAbsolute(place) ? path : place
  });
}

function usage(name: string | undefined): string {
  const lines = Object.entries(commands).map(([n, c]) => `  explainer ${n} ${c.usage}\n      ${c.summary}`);
  const known = name === undefined || name === "help" || name === "--help" || name === "-h";
  return `${known ? "" : `unknown command: ${name}\n`}usage:\n${lines.join("\n")}\n`;
}
