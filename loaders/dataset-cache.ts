/**
 * The columnar copy of a dataset: its file loaded once into a DuckDB database,
 * `.explainer/datasets/<id>-<sha256>-<duckdb version>.duckdb` (git-ignored, rebuilt whenever missing),
 * that queries read instead of parsing the CSV again. Named by the content hash the file was
 * verified against, so a copy can never stand for another version of the file; building it is the
 * kit's own `CREATE TABLE … AS SELECT * FROM read_csv(…)`, never a user's query.
 */
import {mkdir, readdir, rename, rm} from "node:fs/promises";
import {join} from "node:path";
import {DuckDBInstance, version} from "@duckdb/node-api";
import {datasetPath, type Dataset} from "./datasets.ts";

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
 * database renamed into place; copies of older versions of the same dataset are removed). The caller
 * has verified the file's hash against the record. `reader` is the table function reading the file.
 */
export function ensureDatasetCache(root: string, dataset: Dataset, reader: (path: string) => string): Promise<string> {
  const dir = join(root, datasetCacheDir);
  const target = join(dir, cacheNameOf(dataset));
  let pending = building.get(target);
  if (!pending) {
    pending = build(dir, target, dataset, reader(datasetPath(root, dataset))).finally(() => building.delete(target));
    building.set(target, pending);
  }
  return pending;
}

async function build(dir: string, target: string, dataset: Dataset, reader: string): Promise<string> {
  const names = await readdir(dir).catch(() => [] as string[]);
  if (names.includes(target.slice(dir.length + 1))) return target;
  await mkdir(dir, {recursive: true});
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
  // Older copies of this dataset are of no use any more.
  for (const name of names)
    if (
      name.startsWith(`${dataset.id}-`) &&
      name.endsWith(".duckdb") &&
      /^[0-9a-f]{64}-/.test(name.slice(dataset.id.length + 1))
    )
      await rm(join(dir, name), {force: true});
  return target;
}

/** SQL that attaches a copy read-only as `alias`: run before the session is locked. */
export function attachSql(path: string, alias: string): string {
  return `ATTACH ${quote(path)} AS "${alias}" (READ_ONLY)`;
}
