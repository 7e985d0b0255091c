import {readFile} from "node:fs/promises";
import {relative, resolve} from "node:path";
import {KitError, throwIfAny} from "../../loaders/errors.ts";
import {numbersCsv, numbersOfFile, type NumberRow} from "../../loaders/number-rows.ts";
import {UsageError, type Effects} from "../effects.ts";

/**
 * The numbers of each file (archived sources or raw articles) as rows. Reads and checks every
 * file first and throws all problems together, so nothing is written unless all files are good.
 */
export async function numbersOfFiles(paths: string[], {root}: Pick<Effects, "root">): Promise<NumberRow[]> {
  const rows: NumberRow[] = [];
  const problems: KitError[] = [];
  for (const path of paths) {
    const file = relative(root, resolve(root, path)) || path;
    try {
      const bytes = await readFile(resolve(root, path)).catch((error: NodeJS.ErrnoException) => {
        const detail = error.code === "EISDIR" ? "is a folder, not a file" : "cannot read the file";
        throw new KitError("NO_SUCH_FILE", detail, {file});
      });
      rows.push(...numbersOfFile(bytes, file));
    } catch (error) {
      if (error instanceof KitError) problems.push(error);
      else throw error;
    }
  }
  throwIfAny(problems);
  return rows;
}

/** `explainer numbers`. */
export async function run(args: string[], effects: Effects): Promise<void> {
  if (args.length === 0) throw new UsageError("numbers takes at least one FILE");
  effects.stdout(numbersCsv(await numbersOfFiles(args, effects)));
}
