/**
 * `explainer add-dataset FILE|URL --title … --publisher … [--licence …]`: archives a CSV, TSV, JSON
 * or Parquet file as `data/datasets/<id>.<format>` with its record `data/datasets/<id>.dataset.json`
 * (see loaders/datasets.ts and docs/datasets.md). The file is copied (or downloaded) to a temporary
 * name first and checked there, so a bad file never replaces a good one.
 */
import {createWriteStream} from "node:fs";
import {copyFile, mkdir, readFile, rename, rm, stat, writeFile} from "node:fs/promises";
import {basename, join, relative, resolve} from "node:path";
import {Readable} from "node:stream";
import {pipeline} from "node:stream/promises";
import {
  checkDeclaredFormat,
  datasetFormats,
  datasetsDir,
  formatOfName,
  formatRecord,
  isDatasetId,
  parseDatasetRecord,
  recordFileOf,
  type DatasetFormat,
  type DatasetRecord
} from "../../loaders/datasets.ts";
import {KitError} from "../../loaders/errors.ts";
import {isIsoDate, slugify} from "../../loaders/sources.ts";
import {lineEnd} from "../csv-append.ts";
import {UsageError, type Effects} from "../effects.ts";
import {fileHash, hashCacheFile, rememberHash} from "../../loaders/hash-cache.ts";

/** Files at least this large are kept out of git by default (listed in `data/datasets/.gitignore`). */
export const outsideGitBytes = 50 * 1024 * 1024;

/** Options of `explainer add-dataset`. */
export interface AddDatasetArgs {
  /** A path (relative to the project root) or an http(s) URL. */
  from: string;
  id?: string;
  title?: string;
  publisher?: string;
  licence?: string;
  format?: DatasetFormat;
  published?: string;
  description?: string;
  /** Keep the file out of git whatever its size. */
  outsideGit: boolean;
  /** Replace the file of an existing record (its columns must all still be there). */
  update: boolean;
}

const valued = ["--id", "--title", "--publisher", "--licence", "--format", "--published", "--description"];

/** Parses the command line of add-dataset. */
export function parseAddDatasetArgs(args: string[]): AddDatasetArgs {
  const options: Partial<AddDatasetArgs> & {outsideGit: boolean; update: boolean} = {outsideGit: false, update: false};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    if (flag === "--outside-git") options.outsideGit = true;
    else if (flag === "--update") options.update = true;
    else if (valued.includes(flag)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      const key = flag.slice(2) as "id" | "title" | "publisher" | "licence" | "format" | "published" | "description";
      (options as Record<string, unknown>)[key] = value;
    } else if (flag.startsWith("-")) throw new UsageError(`unknown option: ${flag}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new UsageError("add-dataset takes one FILE or URL");
  if (options.format !== undefined && !datasetFormats.includes(options.format))
    throw new UsageError(`--format must be one of ${datasetFormats.join(", ")}`);
  if (options.published !== undefined && !isIsoDate(options.published))
    throw new UsageError(`--published must be a date YYYY-MM-DD, got ${JSON.stringify(options.published)}`);
  if (!options.update && (!options.title || !options.publisher))
    throw new UsageError("add-dataset needs --title and --publisher (or --update for a dataset already recorded)");
  return {...options, from: positional[0]} as AddDatasetArgs;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** Downloads a URL to `target`, streaming; throws DOWNLOAD_FAILED with the status or the reason. */
async function download(url: string, target: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {redirect: "follow"});
  } catch (error) {
    throw new KitError(
      "DOWNLOAD_FAILED",
      `cannot fetch ${url}: ${(error as Error).cause ?? (error as Error).message}`,
      {file: url}
    );
  }
  if (!response.ok || !response.body)
    throw new KitError("DOWNLOAD_FAILED", `${url} answered ${response.status} ${response.statusText}`, {file: url});
  await pipeline(Readable.fromWeb(response.body as never), createWriteStream(target));
}

/** Adds `/<name>` to `data/datasets/.gitignore` once, with the file's own line ending. */
async function ignoreInGit(root: string, name: string): Promise<void> {
  const file = join(root, datasetsDir, ".gitignore");
  const text = await readFile(file, "utf-8").catch(() => "");
  const line = `/${name}`;
  if (text.split(/\r?\n/).includes(line)) return;
  const eol = lineEnd(text);
  const head =
    text === ""
      ? "# Dataset files kept out of git; their records (*.dataset.json) say where to get them.\n"
      : text.endsWith("\n")
        ? text
        : text + eol;
  await writeFile(file, head + line + eol);
}

/**
 * Archives a dataset and writes its record; resolves with the record. Never leaves a half-copied
 * file or replaces a good one with a bad one: on any problem the temporary copy is removed.
 */
export async function addDataset(
  options: AddDatasetArgs,
  {root, now, stdout}: Effects
): Promise<DatasetRecord & {id: string}> {
  const where = isUrl(options.from) ? options.from : relative(root, resolve(root, options.from)) || options.from;
  const name = isUrl(options.from) ? basename(new URL(options.from).pathname) : basename(options.from);
  const format = options.format ?? formatOfName(name);
  if (!format)
    throw new KitError(
      "UNKNOWN_FORMAT",
      `cannot tell the format of ${JSON.stringify(name)}: give --format ${datasetFormats.join("|")}`,
      {
        file: where
      }
    );
  const id = options.id ?? slugify(name.replace(/\.[^.]+$/, ""));
  if (!isDatasetId(id))
    throw new KitError("INVALID_ID", `dataset id ${JSON.stringify(id)} is not a slug`, {file: where});
  const recordFile = recordFileOf(id);
  const previous = await readFile(join(root, recordFile), "utf-8").then(
    (text) => parseDatasetRecord(text, recordFile),
    () => null
  );
  if (previous && !options.update)
    throw new KitError("DATASET_EXISTS", `${recordFile} already exists; use --update to archive a new version`, {
      file: where
    });
  if (!previous && options.update)
    throw new KitError("UNKNOWN_DATASET", `--update: there is no ${recordFile} to update`, {file: where});
  const target = previous?.file ?? `${datasetsDir}/${id}.${format}`;
  const targetPath = join(root, target);
  const inPlace = !isUrl(options.from) && resolve(root, options.from) === targetPath;
  await mkdir(join(root, datasetsDir), {recursive: true});
  const temp = inPlace ? targetPath : join(root, datasetsDir, `.${id}.${process.pid}.tmp`);
  // DuckDB loads only when a command needs it, not on every `explainer` start.
  const {ensureDatasetCache, inspectCopy, pruneCopies} = await import("../../loaders/dataset-cache.ts");
  const {cleanDuckDBMessage, readerSql} = await import("../../loaders/duckdb.ts");
  const cache = join(root, hashCacheFile);
  let shape: Awaited<ReturnType<typeof inspectCopy>>;
  let sha256: string;
  try {
    if (isUrl(options.from)) await download(options.from, temp);
    else if (!inPlace)
      await copyFile(resolve(root, options.from), temp).catch((error: NodeJS.ErrnoException) => {
        throw error.code === "ENOENT" ? new KitError("NO_SUCH_FILE", "cannot read the file", {file: where}) : error;
      });
    await checkDeclaredFormat(temp, format, where);
    sha256 = (await fileHash(temp, inPlace ? {cache} : {}))!;
    // The file is read once: into the columnar copy queries will use; its shape comes from the copy.
    let copy: string;
    try {
      copy = await ensureDatasetCache(root, {id, sha256}, readerSql(format, temp));
    } catch (error) {
      const reason = cleanDuckDBMessage((error as Error).message);
      throw new KitError("NOT_DECLARED_FORMAT", `DuckDB cannot read it as ${format}: ${reason}`, {file: where});
    }
    shape = await inspectCopy(copy);
    if (previous) {
      const names = new Set(shape.columns.map((c) => c.name));
      const lost = previous.columns.filter((c) => !names.has(c.name)).map((c) => c.name);
      if (lost.length)
        throw new KitError(
          "DATASET_MISSING_COLUMN",
          `the new file has no column ${lost.map((c) => `"${c}"`).join(", ")}, which ${recordFile} lists and queries may use`,
          {file: where}
        );
    }
    if (!inPlace) {
      await rename(temp, targetPath);
      await rememberHash(targetPath, sha256, {cache});
    }
  } catch (error) {
    if (!inPlace) await rm(temp, {force: true});
    throw error;
  }
  const {size} = await stat(targetPath);
  const inGit = !(options.outsideGit || size >= outsideGitBytes || previous?.in_git === false);
  const record: DatasetRecord = {
    title: options.title ?? previous!.title,
    publisher: options.publisher ?? previous!.publisher,
    licence: options.licence ?? previous?.licence ?? "",
    url: isUrl(options.from) ? options.from : (previous?.url ?? ""),
    file: target,
    format,
    bytes: size,
    rows: shape.rows,
    columns: shape.columns,
    sha256,
    retrieved: now().toISOString().slice(0, 10),
    in_git: inGit,
    published: options.published ?? previous?.published ?? "",
    description: options.description ?? previous?.description ?? ""
  };
  if (!inGit) await ignoreInGit(root, basename(target));
  await pruneCopies(root, {id, sha256});
  const tempRecord = join(root, `${recordFile}.${process.pid}.tmp`);
  // An updated record keeps its line ends (a desk on Windows may have checked it out with CRLF).
  const before = await readFile(join(root, recordFile), "utf-8").catch(() => null);
  await writeFile(tempRecord, formatRecord(record).replaceAll("\n", lineEnd(before)));
  await rename(tempRecord, join(root, recordFile));
  stdout(`${recordFile}\n`);
  stdout(
    `${target}: ${format}, ${shape.rows} rows, ${shape.columns.length} columns, ${size} bytes, sha256 ${sha256}${inGit ? "" : " (kept out of git)"}\n`
  );
  return {...record, id};
}

/** `explainer add-dataset FILE|URL --title … --publisher … [--licence …]` (usage in commands.json). */
export async function run(args: string[], effects: Effects): Promise<void> {
  await addDataset(parseAddDatasetArgs(args), effects);
}
