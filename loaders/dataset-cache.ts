/**
 * The columnar copy of a dataset: its file loaded once into a DuckDB database,
 * `.explainer/datasets/<id>-<sha256>-<duckdb version>.duckdb` (git-ignored, rebuilt whenever missing),
 * that queries read instead of parsing the CSV again. Named by the content hash the file was
 * verified against, so a copy can never stand for another version of the file; building it is the
 * kit's own `CREATE TABLE … AS SELECT * FROM read_csv(…)`, never a user's query.
 */
import {mkdir, readdir, rename, rm, stat} from "node:fs/promises";
import {dirname, join} from "node:path";
import {DuckDBInstance, version} from "@duckdb/node-api";
import type {Dataset} from "./datasets.ts";

/** Where the copies live, relative to the project root. */
export const datasetCacheDir = ".explainer/datasets";

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The copy's file name for a dataset as recorded. */
export function cacheNameOf(dataset: Pick<Dataset, "id" | "sha256">): string {
  return `${dataset.id}-${dataset.sha256}-${version()}.duckdb`;
}

/** Builds one copy at a time per file in this process. */
const building = new Map<string, Promise<string>>();

/**
 * The absolute path of a dataset's columnar copy, built first when missing (atomically: a temporary
 * database renamed into place). The caller has verified the file's hash against the record; `reader`
 * is the table function that reads the file (`read_csv('…', header = true)`).
 */
export function ensureDatasetCache(
  root: string,
  dataset: Pick<Dataset, "id" | "sha256">,
  reader: string
): Promise<string> {
  const target = join(root, datasetCacheDir, cacheNameOf(dataset));
  let pending = building.get(target);
  if (!pending) {
    pending = build(target, reader).finally(() => building.delete(target));
    building.set(target, pending);
  }
  return pending;
}

async function build(target: string, reader: string): Promise<string> {
  if (
    await stat(target).then(
      () => true,
      () => false
    )
  )
    return target;
  await mkdir(dirname(target), {recursive: true});
  const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const instance = await DuckDBInstance.create(temp, {
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
    memory_limit: "1GB"
  });
  const connection = await instance.connect();
  try {
    await connection.run(`CREATE TABLE data AS SELECT * FROM ${reader}`);
    await connection.run("CHECKPOINT");
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    await rm(temp, {force: true});
    await rm(`${temp}.wal`, {force: true});
    throw error;
  }
  connection.closeSync();
  instance.closeSync();
  await rename(temp, target);
  await rm(`${temp}.wal`, {force: true});
  return target;
}

/** Removes the copies of a dataset other than the one for `sha256` (older versions, other DuckDB versions). */
export async function pruneCopies(root: string, dataset: Pick<Dataset, "id" | "sha256">): Promise<void> {
  const dir = join(root, datasetCacheDir);
  const keep = cacheNameOf(dataset);
  const mine = new RegExp(`^${dataset.id}-[0-9a-f]{64}-[^-]+\\.duckdb$`);
  for (const name of await readdir(dir).catch(() => [] as string[]))
    if (name !== keep && mine.test(name)) await rm(join(dir, name), {force: true});
}

/** SQL that attaches a copy read-only as `alias`: run before the session is locked. */
export function attachSql(path: string, alias: string): string {
  return `ATTACH ${quote(path)} AS "${alias}" (READ_ONLY)`;
}

/** What a columnar copy holds: its columns (name and SQL type) and its number of rows. */
export interface CopyShape {
  columns: {name: string; type: string}[];
  rows: number;
}

/** Reads a copy's columns and row count (from DuckDB's own metadata: no scan of the data). */
export async function inspectCopy(path: string): Promise<CopyShape> {
  const instance = await DuckDBInstance.create(path, {access_mode: "READ_ONLY"});
  const connection = await instance.connect();
  try {
    const columns = await connection.runAndReadAll("SELECT column_name, column_type FROM (DESCRIBE data)");
    const rows = await connection.runAndReadAll("SELECT count(*) FROM data");
    return {
      columns: columns.getRows().map(([name, type]) => ({name: String(name), type: String(type)})),
      rows: Number(rows.getRows()[0][0])
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
