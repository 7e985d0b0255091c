/**
 * Datasets as sources: a CSV, TSV, JSON or Parquet file archived under `data/datasets/`, each with a
 * record `data/datasets/<id>.dataset.json` that says what it is (title, publisher, licence, URL),
 * where it is, and how to know it is the same file (size, rows, columns, sha256, retrieval date).
 * `readDatasetsSync` is the boundary for records; `verifyDatasets` checks the files against them.
 * See docs/datasets.md.
 */
import {readdirSync, readFileSync} from "node:fs";
import {open} from "node:fs/promises";
import {isAbsolute, join, normalize} from "node:path";
import {z} from "zod";
import {projectFileHash} from "./hash-cache.ts";
import {KitError, throwIfAny} from "./errors.ts";
import {parseJson} from "./json.ts";
import {isIsoDate} from "./sources.ts";
import {checkTextChars} from "./text.ts";

/** Where dataset files and their records live, relative to the project root. */
export const datasetsDir = "data/datasets";
/** Where the SQL queries of computed claims and SQL loaders live. */
export const queriesDir = "data/queries";
/** A record's file name ends with this: `data/datasets/<id>.dataset.json`. */
export const recordSuffix = ".dataset.json";

/**
 * A query file's text (`file` relative to the root), or null when it does not exist; NOT_UTF8 or
 * NOT_TEXT at its line when it is not UTF-8 text (a U+FFFD in a string literal would change what the
 * query selects).
 */
export function readQueryText(root: string, file: string): string | null {
  let text: string;
  try {
    text = readFileSync(join(root, file), "utf-8");
  } catch {
    return null;
  }
  checkTextChars(text, file);
  return text;
}

/** The formats a dataset may have. */
export const datasetFormats = ["csv", "tsv", "json", "parquet"] as const;
/** A dataset's format. */
export type DatasetFormat = (typeof datasetFormats)[number];

const extensions: Record<string, DatasetFormat> = {
  csv: "csv",
  tsv: "tsv",
  tab: "tsv",
  json: "json",
  ndjson: "json",
  jsonl: "json",
  parquet: "parquet",
  pq: "parquet"
};

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const recordSchema = z.strictObject({
  title: z.string().min(1),
  publisher: z.string().min(1),
  licence: z.string(),
  url: z.string(),
  file: z.string().min(1),
  format: z.enum(datasetFormats),
  bytes: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  columns: z.array(z.strictObject({name: z.string(), type: z.string()})),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  retrieved: z.string().refine(isIsoDate, "not a date YYYY-MM-DD"),
  in_git: z.boolean(),
  published: z.string().refine((s) => s === "" || isIsoDate(s), "not a date YYYY-MM-DD or empty"),
  description: z.string()
});

/** A dataset record as stored in `data/datasets/<id>.dataset.json`. */
export type DatasetRecord = z.infer<typeof recordSchema>;

/** A dataset: its record, its id, and where the record is. */
export interface Dataset extends DatasetRecord {
  /** The record's file name without `.dataset.json`: `ukraine-border-crossings`. */
  id: string;
  /** The record, relative to the project root, for messages. */
  record: string;
  /** The name queries use for it: the id with `_` for `-` (`ukraine_border_crossings`). */
  table: string;
}

/** The table name of a dataset id: `ukraine-border-crossings` → `ukraine_border_crossings`. */
export function tableNameOf(id: string): string {
  return id.replace(/-/g, "_");
}

/** The record file of a dataset id, relative to the project root. */
export function recordFileOf(id: string): string {
  return `${datasetsDir}/${id}${recordSuffix}`;
}

/** True for a dataset id: a slug of lower-case letters, digits and hyphens. */
export function isDatasetId(id: string): boolean {
  return slug.test(id);
}

/** The format a file name declares by its extension, or null when it declares none the kit reads. */
export function formatOfName(name: string): DatasetFormat | null {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  return m ? (extensions[m[1].toLowerCase()] ?? null) : null;
}

/** A record as JSON text, fields in a fixed order, for `data/datasets/<id>.dataset.json`. */
export function formatRecord(record: DatasetRecord): string {
  const ordered = Object.fromEntries(Object.keys(recordSchema.shape).map((k) => [k, record[k as keyof DatasetRecord]]));
  // One line per column keeps a record short and its diffs readable.
  return (
    JSON.stringify(ordered, null, 2).replace(/\{\s+"name": (.*),\s+"type": (.*)\s+\}/g, '{"name": $1, "type": $2}') +
    "\n"
  );
}

function fieldOf(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}

/**
 * Parses a record's JSON text. Throws every problem, each with the field it is in:
 * `data/datasets/x.dataset.json: sha256: INVALID_FIELD: …`.
 */
export function parseDatasetRecord(text: string, file: string): Dataset {
  const id = file.replace(/^.*\//, "").slice(0, -recordSuffix.length);
  const input = parseJson(text, file);
  const problems: KitError[] = [];
  if (!isDatasetId(id))
    problems.push(new KitError("INVALID_ID", `dataset id ${JSON.stringify(id)} is not a slug`, {file}));
  const parsed = recordSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      let value: unknown = input;
      for (const key of issue.path)
        value = value != null && typeof value === "object" ? (value as never)[key] : undefined;
      const field = fieldOf(issue.path);
      if (issue.code === "unrecognized_keys")
        problems.push(
          new KitError("UNKNOWN_FIELD", `unknown field ${issue.keys.join(", ")}`, {
            file,
            field: fieldOf([...issue.path, issue.keys[0]])
          })
        );
      else if (value === undefined && issue.path.length > 0)
        problems.push(new KitError("MISSING_FIELD", `"${String(issue.path.at(-1))}" is required`, {file, field}));
      else {
        const message = issue.message.replace(/^Invalid input: /, "");
        problems.push(new KitError("INVALID_FIELD", `${message}, got ${JSON.stringify(value)}`, {file, field}));
      }
    }
  } else if (isAbsolute(parsed.data.file) || normalize(parsed.data.file).startsWith("..")) {
    problems.push(
      new KitError("DATASET_OUTSIDE_PROJECT", `${JSON.stringify(parsed.data.file)} is not inside the project`, {
        file,
        field: "file"
      })
    );
  }
  throwIfAny(problems);
  const record = parsed.data!;
  return {...record, file: normalize(record.file), id, record: file, table: tableNameOf(id)};
}

/**
 * Every dataset record of the project, in id order; reports every bad record, not only the first.
 * Reads records only (fast and synchronous, for Sources lists); `verifyDatasets` checks the files.
 */
export function readDatasetsSync(root: string): Dataset[] {
  let names: string[] = [];
  try {
    names = readdirSync(join(root, datasetsDir))
      .filter((n) => n.endsWith(recordSuffix))
      .sort();
  } catch {
    // No datasets folder: no datasets.
  }
  const datasets: Dataset[] = [];
  const problems: KitError[] = [];
  for (const name of names) {
    const file = `${datasetsDir}/${name}`;
    try {
      datasets.push(parseDatasetRecord(readFileSync(join(root, file), "utf-8"), file));
    } catch (error) {
      if (error instanceof KitError || error instanceof Error) problems.push(...toProblems(error, file));
      else throw error;
    }
  }
  const tables = new Map<string, string>();
  for (const d of datasets) {
    const other = tables.get(d.table);
    if (other)
      problems.push(
        new KitError("DUPLICATE_TABLE", `table name "${d.table}" is also the name of dataset "${other}"`, {
          file: d.record
        })
      );
    tables.set(d.table, d.id);
  }
  throwIfAny(problems);
  return datasets;
}

function toProblems(error: unknown, file: string): KitError[] {
  if (error instanceof KitError) return [error];
  if (error && typeof error === "object" && "errors" in error) return (error as {errors: KitError[]}).errors;
  return [new KitError("UNREADABLE", (error as Error).message, {file})];
}

/**
 * Checks a dataset's file against its record: it exists, and its sha256 is the record's (through the
 * project's hash cache, so an unchanged 1 GB file costs a stat). Throws DATASET_MISSING (with the
 * URL to fetch it from, for a file kept outside git) or DATASET_HASH_MISMATCH.
 */
export async function verifyDataset(root: string, dataset: Dataset): Promise<void> {
  const sha256 = await projectFileHash(root, dataset.file);
  if (sha256 === null) {
    const from = dataset.url ? `; download it from ${dataset.url} (sha256 ${dataset.sha256})` : "";
    throw new KitError("DATASET_MISSING", `${dataset.file} is not there${from}`, {file: dataset.record, field: "file"});
  }
  if (sha256 !== dataset.sha256) {
    throw new KitError(
      "DATASET_HASH_MISMATCH",
      `${dataset.file} has changed since it was recorded: sha256 ${sha256}, the record says ${dataset.sha256}; ` +
        `archive the new version with \`explainer add-dataset ${dataset.file} --update\` or restore the old file`,
      {file: dataset.record, field: "sha256"}
    );
  }
}

/** Verifies several datasets; throws every problem at once. */
export async function verifyDatasets(root: string, datasets: Dataset[]): Promise<Dataset[]> {
  const problems: KitError[] = [];
  await Promise.all(
    datasets.map((d) =>
      verifyDataset(root, d).catch((error) => {
        if (!(error instanceof KitError)) throw error;
        problems.push(error);
      })
    )
  );
  throwIfAny(problems.sort((a, b) => a.file.localeCompare(b.file)));
  return datasets;
}

/**
 * Lists the project's datasets, each verified against its record (hash through the cache). For a
 * Sources list beside the articles:
 *
 * ```ts
 * for (const d of await listDatasets(root)) console.log(d.title, d.publisher, d.rows, d.sha256);
 * ```
 */
export async function listDatasets(root: string): Promise<Dataset[]> {
  return verifyDatasets(root, readDatasetsSync(root));
}

/**
 * Checks that a file's bytes can be the declared format before DuckDB reads it: Parquet starts and
 * ends with `PAR1`; CSV, TSV and JSON are UTF-8 text without NUL bytes in their first 64 KB, and
 * JSON starts with `[` or `{`. Throws NOT_DECLARED_FORMAT naming the file and the format.
 */
export async function checkDeclaredFormat(path: string, format: DatasetFormat, file: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    const {size} = await handle.stat();
    const head = Buffer.alloc(Math.min(size, 65536));
    await handle.read(head, 0, head.length, 0);
    const fail = (why: string) => {
      throw new KitError("NOT_DECLARED_FORMAT", `the file is declared ${format} but ${why}`, {file});
    };
    if (size === 0) fail("it is empty");
    if (format === "parquet") {
      const tail = Buffer.alloc(4);
      if (size >= 8) await handle.read(tail, 0, 4, size - 4);
      if (head.subarray(0, 4).toString("latin1") !== "PAR1" || tail.toString("latin1") !== "PAR1")
        fail("it does not start and end with Parquet's PAR1 marker");
      return;
    }
    if (head.includes(0)) fail("it holds binary data (NUL bytes), not text");
    // A cut in the middle of a multi-byte character at 64 KB is not an error: drop up to 3 trailing bytes.
    let text: string | null = null;
    for (let cut = 0; cut < 4 && text === null; cut++) {
      try {
        text = new TextDecoder("utf-8", {fatal: true}).decode(head.subarray(0, head.length - cut));
      } catch {
        if (head.length < 65536) break;
      }
    }
    if (text === null) fail("it is not UTF-8 text");
    if (format === "json" && !/^\ufeff?\s*[[{]/.test(text!)) fail("it does not start with [ or {");
    if ((format === "csv" || format === "tsv") && text!.startsWith("PAR1")) fail("it is a Parquet file");
  } finally {
    await handle.close();
  }
}

/** A dataset's file as an absolute path. */
export function datasetPath(root: string, dataset: Pick<Dataset, "file">): string {
  return join(root, dataset.file);
}
