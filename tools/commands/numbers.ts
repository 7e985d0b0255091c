import {KitError, throwIfAny} from "../../loaders/errors.ts";
import {
  eachNumberOfFile,
  numbersCsvBody,
  numbersCsvHeader,
  readNumberFile,
  type NumberFile,
  type NumberRow
} from "../../loaders/number-rows.ts";
import {readNamedFile, UsageError, type Effects} from "../effects.ts";

/**
 * Reads and checks every file (archived sources or raw articles) first and throws all problems
 * together, so nothing is written unless all files are good.
 */
export async function readNumberFiles(paths: string[], {root}: Pick<Effects, "root">): Promise<NumberFile[]> {
  const files: NumberFile[] = [];
  const problems: KitError[] = [];
  for (const path of paths) {
    try {
      const {file, bytes} = await readNamedFile(root, path);
      files.push(readNumberFile(bytes, file));
    } catch (error) {
      if (error instanceof KitError) problems.push(error);
      else throw error;
    }
  }
  throwIfAny(problems);
  return files;
}

/** The numbers of each file as rows, all at once. */
export async function numbersOfFiles(paths: string[], effects: Pick<Effects, "root">): Promise<NumberRow[]> {
  const rows: NumberRow[] = [];
  for (const file of await readNumberFiles(paths, effects)) eachNumberOfFile(file, (piece) => rows.push(...piece));
  return rows;
}

/** `explainer numbers`: streamed a piece at a time, so memory stays bounded whatever the size of the files. */
export async function run(args: string[], effects: Effects): Promise<void> {
  if (args.length === 0) throw new UsageError("numbers takes at least one FILE");
  const files = await readNumberFiles(args, effects);
  effects.stdout(numbersCsvHeader());
  for (const file of files) eachNumberOfFile(file, (rows) => effects.stdout(numbersCsvBody(rows)));
}
