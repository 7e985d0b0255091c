/**
 * Test projects for datasets: the kit's code (loaders, tools, bin) and the dataset fixture project
 * (test/fixtures/datasets/project: synthetic test data) in a temporary folder, node_modules linked.
 */
import {mkdtemp} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {copyInto, copyKit, projectRoot} from "./project.ts";

/** The fixture project overlaid on each dataset test project. */
export const datasetFixture = join(projectRoot, "test/fixtures/datasets/project");

/** A fresh temporary project with the kit's code and the dataset fixture; returns its root. */
export async function datasetProject(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "explainer-datasets-"));
  await copyKit(root, ["bin", "loaders", "tools", "src/components", "package.json", "tsconfig.json"]);
  await copyInto(root, `${datasetFixture}/.`);
  return root;
}

/** Runs SQL on a scratch, unlocked DuckDB (to write Parquet fixtures into a test's folder). */
export async function duckdbScratch(sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
