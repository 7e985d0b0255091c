import {appendFile, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {Writable} from "node:stream";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {runSqlToStream} from "../loaders/sql.ts";
import {main} from "../tools/cli.ts";
import {projectLoaders, readManifest} from "../tools/deps.ts";
import {datasetProject} from "./helpers/datasets.ts";
import {recordingEffects, removeProject} from "./helpers/project.ts";

/** The daily series of the fixture (synthetic test data): people entering, per day. */
const daily = [
  ["2022-03-01", 4872],
  ["2022-03-02", 6315],
  ["2022-03-03", 3975],
  ["2022-03-04", 5418],
  ["2022-03-05", 4339],
  ["2022-03-06", 4521],
  ["2022-03-07", 5964],
  ["2022-03-08", 3624],
  ["2022-03-09", 5067],
  ["2022-03-10", 5249]
] as const;
const dailyCsv = "date,people\n" + daily.map(([d, n]) => `${d},${n}\n`).join("");

/** A writable that keeps what it gets, as text. */
function sink(): Writable & {text: () => string; writes: () => number} {
  const parts: string[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      parts.push(String(chunk));
      done();
    }
  });
  return Object.assign(out, {text: () => parts.join(""), writes: () => parts.length});
}

/** Runs `explainer refresh` in-process; returns status, output and each output's progress status. */
async function refreshIn(root: string) {
  const effects = recordingEffects(root);
  const status = await main(["refresh"], effects);
  const stderr = effects.err.join("");
  const statuses: Record<string, string> = {};
  for (const line of stderr.split("\n")) {
    const m = /^(\S+)\s+(cached|re-run|failed)\s/.exec(line);
    if (m) statuses[m[1]] = m[2];
  }
  return {status, stdout: effects.out.join(""), stderr, statuses};
}

const output = "src/.observablehq/cache/data/daily-entering.csv";

describe("runSqlToStream", () => {
  let root: string;
  beforeAll(async () => {
    root = await datasetProject();
  });
  afterAll(() => removeProject(root));

  test("runSqlToStream writes a chart-ready daily series as CSV: a date column and a number column", async () => {
    const out = sink();
    expect(await runSqlToStream("data/queries/daily-entering.sql", {root, out})).toBe(10);
    expect(out.text()).toBe(dailyCsv);
  });

  test("runSqlToStream writes JSON: an array of objects with numbers as numbers", async () => {
    const out = sink();
    await runSqlToStream("data/queries/daily-entering.sql", {root, out, format: "json"});
    expect(JSON.parse(out.text())).toEqual(daily.map(([date, people]) => ({date, people})));
    expect(out.text().startsWith('[\n{"date":"2022-03-01","people":4872},\n')).toBe(true);
  });

  test("runSqlToStream streams a large result chunk by chunk", async () => {
    await writeFile(join(root, "data/queries/many.sql"), "SELECT range AS i FROM range(100000)\n");
    const out = sink();
    expect(await runSqlToStream("data/queries/many.sql", {root, out})).toBe(100000);
    // DuckDB hands rows over in chunks of 2,048: one write each, never the whole result at once.
    expect(out.writes()).toBe(1 + Math.ceil(100000 / 2048));
    expect(out.text().split("\n").slice(0, 3)).toEqual(["i", "0", "1"]);
  });

  test("runSqlToStream refuses a query that is not UTF-8 text at its line, before it runs", async () => {
    // Saved as Latin-1: its "é" would be a U+FFFD, and the filter would silently select nothing.
    const query =
      "SELECT date, sum(people) AS people\nFROM synthetic_crossings\nWHERE direction = 'entr\xe9e'\nGROUP BY date\n";
    await writeFile(join(root, "data/queries/latin1.sql"), Buffer.from(query, "latin1"));
    await expect(runSqlToStream("data/queries/latin1.sql", {root, out: sink()})).rejects.toThrow(
      "data/queries/latin1.sql:3: NOT_UTF8: the file is not UTF-8 text"
    );
  });

  test("runSqlToStream refuses a write before it reads anything", async () => {
    await writeFile(join(root, "data/queries/copy.sql"), "COPY synthetic_crossings TO 'data/out.csv'\n");
    await expect(runSqlToStream("data/queries/copy.sql", {root, out: sink()})).rejects.toThrow(
      "data/queries/copy.sql:1: QUERY_NOT_READ_ONLY: the query starts with COPY: a query may only read (SELECT, WITH, FROM or VALUES)"
    );
  });
});

describe("refresh of a SQL loader", () => {
  let root: string;
  let first: Awaited<ReturnType<typeof refreshIn>>;
  beforeAll(async () => {
    root = await datasetProject();
    first = await refreshIn(root);
  });
  afterAll(() => removeProject(root));

  test("refresh runs the SQL loader and records the query, the dataset's record and its file as dependencies", async () => {
    expect(first.stderr).not.toMatch(/failed/);
    expect(first.statuses).toEqual({"data/daily-entering.csv": "re-run"});
    expect(await readFile(join(root, output), "utf-8")).toBe(dailyCsv);
    const [loader] = await projectLoaders(root);
    const files = Object.keys((await readManifest(loader))!.files).sort();
    expect(files.filter((f) => f.startsWith("data/"))).toEqual([
      "data/datasets/synthetic-crossings.csv",
      "data/datasets/synthetic-crossings.dataset.json",
      "data/queries/daily-entering.sql"
    ]);
    expect(files).toEqual(
      expect.arrayContaining(["loaders/sql.ts", "loaders/duckdb.ts", "src/data/daily-entering.csv.ts"])
    );
  });

  test("a refresh with nothing changed re-runs nothing; an unrelated dataset or query does not re-run it", async () => {
    await writeFile(join(root, "data/queries/other.sql"), "SELECT 1\n");
    await writeFile(join(root, "data/datasets/other.csv"), "a\n1\n");
    const again = await refreshIn(root);
    expect(again.statuses).toEqual({"data/daily-entering.csv": "cached"});
    expect(again.stdout).toBe("nothing changed: 1 output up to date\n");
  });

  test("changing the query re-runs the loader and reports the change", async () => {
    const file = join(root, "data/queries/daily-entering.sql");
    const sql = await readFile(file, "utf-8");
    await writeFile(
      file,
      sql.replace("WHERE direction = 'entering'", "WHERE direction = 'entering' AND date <= DATE '2022-03-02'")
    );
    const changed = await refreshIn(root);
    expect(changed.statuses).toEqual({"data/daily-entering.csv": "re-run"});
    expect(await readFile(join(root, output), "utf-8")).toBe("date,people\n2022-03-01,4872\n2022-03-02,6315\n");
    await writeFile(file, sql);
    expect((await refreshIn(root)).statuses).toEqual({"data/daily-entering.csv": "re-run"});
    expect(await readFile(join(root, output), "utf-8")).toBe(dailyCsv);
  });

  test("a dataset whose file changed behind its record fails the loader, and the last good output is kept", async () => {
    await appendFile(join(root, "data/datasets/synthetic-crossings.csv"), "2022-03-11,north,entering,1\n");
    const result = await refreshIn(root);
    expect(result.status).toBe(1);
    expect(result.statuses).toEqual({"data/daily-entering.csv": "failed"});
    // (refresh reads the loader's `file: field: CODE: …` line back and prints it as the loader did)
    expect(result.stderr).toMatch(
      /^data\/datasets\/synthetic-crossings\.dataset\.json: sha256: DATASET_HASH_MISMATCH: data\/datasets\/synthetic-crossings\.csv has changed since it was recorded: /m
    );
    expect(result.stderr).toContain(
      "src/data/daily-entering.csv.ts: LOADER_FAILED: data/daily-entering.csv not refreshed; its last good output is kept\n"
    );
    expect(await readFile(join(root, output), "utf-8")).toBe(dailyCsv);
  });

  test("a query that fails keeps the last good output and names the query's line", async () => {
    const copy = await datasetProject();
    try {
      expect((await refreshIn(copy)).status).toBe(0);
      await writeFile(
        join(copy, "data/queries/daily-entering.sql"),
        "SELECT date,\n  sum(persons)\nFROM synthetic_crossings GROUP BY date\n"
      );
      const result = await refreshIn(copy);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /^data\/queries\/daily-entering\.sql:2: QUERY_FAILED: Binder Error: Referenced column "persons" not found in FROM clause!/m
      );
      expect(await readFile(join(copy, output), "utf-8")).toBe(dailyCsv);
    } finally {
      await removeProject(copy);
    }
  });
});
