import {createHash} from "node:crypto";
import {createServer} from "node:http";
import {existsSync} from "node:fs";
import {appendFile, mkdir, readFile, readdir, rm, stat, utimes, writeFile} from "node:fs/promises";
import type {AddressInfo} from "node:net";
import {join} from "node:path";
import {version} from "@duckdb/node-api";
import {afterEach, beforeEach, describe, expect, test} from "vitest";
import {listDatasets, parseDatasetRecord, readDatasetsSync} from "../loaders/datasets.ts";
import {problemsOf} from "../loaders/errors.ts";
import {main} from "../tools/cli.ts";
import {hashOf} from "../tools/deps.ts";
import {fileHash, hashCacheFile} from "../loaders/hash-cache.ts";
import {datasetProject, duckdbScratch} from "./helpers/datasets.ts";
import {explainer, recordingEffects, removeProject} from "./helpers/project.ts";

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");
const fixtureCsv = "data/datasets/synthetic-crossings.csv";
const fixtureRecord = "data/datasets/synthetic-crossings.dataset.json";

/** Runs `explainer ARGS` in-process with the test clock; returns status and output. */
async function run(root: string, ...args: string[]) {
  const effects = recordingEffects(root);
  const status = await main(args, effects);
  return {status, stdout: effects.out.join(""), stderr: effects.err.join("")};
}

/** The problems an async call throws, as messages. */
async function problems(call: Promise<unknown>): Promise<string[]> {
  try {
    await call;
    return [];
  } catch (error) {
    const found = problemsOf(error);
    if (!found.length) throw error;
    return found.map((p) => p.message);
  }
}

let root: string;
beforeEach(async () => {
  root = await datasetProject();
});
afterEach(() => removeProject(root));

describe("explainer add-dataset", () => {
  test("add-dataset FILE copies a CSV into data/datasets/ and records size, rows, columns, sha256, date, licence", async () => {
    await mkdir(join(root, "incoming"));
    const text = "day,count\n2022-03-01,3\n2022-03-02,4\n";
    await writeFile(join(root, "incoming/Daily Counts.csv"), text);
    const result = await run(
      root,
      ...["add-dataset", "incoming/Daily Counts.csv", "--title", "Daily counts (synthetic test data)"],
      ...["--publisher", "Explainer Kit test fixtures", "--licence", "CC0-1.0"]
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      "data/datasets/daily-counts.dataset.json\n" +
        `data/datasets/daily-counts.csv: csv, 2 rows, 2 columns, ${text.length} bytes, sha256 ${sha256(text)}\n`
    );
    expect(await readFile(join(root, "data/datasets/daily-counts.csv"), "utf-8")).toBe(text);
    const record = JSON.parse(await readFile(join(root, "data/datasets/daily-counts.dataset.json"), "utf-8"));
    expect(record).toEqual({
      title: "Daily counts (synthetic test data)",
      publisher: "Explainer Kit test fixtures",
      licence: "CC0-1.0",
      url: "",
      file: "data/datasets/daily-counts.csv",
      format: "csv",
      bytes: text.length,
      rows: 2,
      columns: [
        {name: "day", type: "DATE"},
        {name: "count", type: "BIGINT"}
      ],
      sha256: sha256(text),
      retrieved: "2026-11-25",
      in_git: true,
      published: "",
      description: ""
    });
    expect((await listDatasets(root)).map((d) => [d.id, d.table])).toEqual([
      ["daily-counts", "daily_counts"],
      ["synthetic-crossings", "synthetic_crossings"]
    ]);
  });

  test("add-dataset reads Parquet, JSON and TSV files: rows and column types come from DuckDB", async () => {
    await mkdir(join(root, "incoming"));
    const incoming = join(root, "incoming");
    await duckdbScratch(
      `COPY (SELECT DATE '2022-03-01' + i::INTEGER AS day, i * 10 AS people FROM range(5) t(i)) TO '${incoming}/days.parquet' (FORMAT parquet)`
    );
    await writeFile(
      join(incoming, "days.json"),
      '[{"day": "2022-03-01", "people": 1}, {"day": "2022-03-02", "people": 2}]'
    );
    await writeFile(join(incoming, "days.tsv"), "day\tpeople\n2022-03-01\t1\n2022-03-02\t2\n2022-03-03\t3\n");
    const shapes: [string, number, string][] = [];
    for (const [file, id] of [
      ["incoming/days.parquet", "days-parquet"],
      ["incoming/days.json", "days-json"],
      ["incoming/days.tsv", "days-tsv"]
    ]) {
      const result = await run(
        root,
        "add-dataset",
        file,
        "--id",
        id,
        "--title",
        "Days (synthetic)",
        "--publisher",
        "Tests"
      );
      expect(result.stderr).toBe("");
      const record = JSON.parse(await readFile(join(root, `data/datasets/${id}.dataset.json`), "utf-8"));
      shapes.push([record.file, record.rows, record.columns.map((c: {type: string}) => c.type).join(" ")]);
    }
    expect(shapes).toEqual([
      ["data/datasets/days-parquet.parquet", 5, "DATE BIGINT"],
      ["data/datasets/days-json.json", 2, "DATE BIGINT"],
      ["data/datasets/days-tsv.tsv", 3, "DATE BIGINT"]
    ]);
  });

  test.each([
    [
      "a CSV named .parquet",
      "bad.parquet",
      "a,b\n1,2\n",
      [],
      "the file is declared parquet but it does not start and end with Parquet's PAR1 marker"
    ],
    [
      "CSV text named .json",
      "bad.json",
      "a,b\n1,2\n",
      [],
      "the file is declared json but it does not start with [ or {"
    ],
    [
      "binary data declared CSV",
      "bad.bin",
      "PAR1\u0000\u0001\u0002PAR1",
      ["--format", "csv"],
      "the file is declared csv but it holds binary data (NUL bytes), not text"
    ],
    [
      "Latin-1 text named .csv",
      "bad.csv",
      Buffer.from("place,n\nZ\u00fcrich,1\n", "latin1"),
      [],
      "the file is declared csv but it is not UTF-8 text"
    ]
  ])(
    "add-dataset refuses %s with NOT_DECLARED_FORMAT and leaves nothing behind",
    async (_name, file, content, extra, detail) => {
      await mkdir(join(root, "incoming"));
      await writeFile(join(root, "incoming", file), content);
      const before = (await readdir(join(root, "data/datasets"))).sort();
      const result = await run(root, "add-dataset", `incoming/${file}`, "--title", "T", "--publisher", "P", ...extra);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        `incoming/${file}: NOT_DECLARED_FORMAT: ${detail}\nexplainer add-dataset: 1 problem\n`
      );
      expect((await readdir(join(root, "data/datasets"))).sort()).toEqual(before);
    }
  );

  test("add-dataset refuses a file DuckDB cannot read as its format, with DuckDB's reason, and leaves no copy", async () => {
    await mkdir(join(root, "incoming"));
    await writeFile(join(root, "incoming/cut.json"), '[{"day": "2022-03-01", "people": 1}, {"day": ');
    const result = await run(root, "add-dataset", "incoming/cut.json", "--title", "T", "--publisher", "P");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^incoming\/cut\.json: NOT_DECLARED_FORMAT: DuckDB cannot read it as json: Invalid Input Error: /
    );
    expect(await readdir(join(root, ".explainer/datasets")).catch(() => [])).toEqual([]);
    expect(existsSync(join(root, "data/datasets/cut.dataset.json"))).toBe(false);
  });

  test("add-dataset refuses to overwrite a record, and --update refuses a Parquet file that lost a column", async () => {
    const incoming = join(root, "incoming");
    await mkdir(incoming);
    await duckdbScratch(
      `COPY (SELECT 'north' AS crossing, 5 AS people) TO '${incoming}/v1.parquet' (FORMAT parquet);` +
        `COPY (SELECT 'north' AS crossing) TO '${incoming}/v2.parquet' (FORMAT parquet)`
    );
    expect(
      (await run(root, "add-dataset", "incoming/v1.parquet", "--id", "points", "--title", "T", "--publisher", "P"))
        .status
    ).toBe(0);
    const record = await readFile(join(root, "data/datasets/points.dataset.json"), "utf-8");
    const file = await readFile(join(root, "data/datasets/points.parquet"));
    const again = await run(
      root,
      "add-dataset",
      "incoming/v1.parquet",
      "--id",
      "points",
      "--title",
      "T",
      "--publisher",
      "P"
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(
      "incoming/v1.parquet: DATASET_EXISTS: data/datasets/points.dataset.json already exists; use --update to archive a new version\n"
    );
    const update = await run(root, "add-dataset", "incoming/v2.parquet", "--id", "points", "--update");
    expect(update.status).toBe(1);
    expect(update.stderr).toBe(
      'incoming/v2.parquet: DATASET_MISSING_COLUMN: the new file has no column "people", which data/datasets/points.dataset.json lists and queries may use\n' +
        "explainer add-dataset: 1 problem\n"
    );
    expect(await readFile(join(root, "data/datasets/points.dataset.json"), "utf-8")).toBe(record);
    expect(await readFile(join(root, "data/datasets/points.parquet"))).toEqual(file);
    expect((await readdir(join(root, "data/datasets"))).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  test("add-dataset --outside-git lists the file in data/datasets/.gitignore and records in_git: false", async () => {
    await mkdir(join(root, "incoming"));
    await writeFile(join(root, "incoming/big.csv"), "a\n1\n");
    const result = await run(
      root,
      "add-dataset",
      "incoming/big.csv",
      "--title",
      "T",
      "--publisher",
      "P",
      "--outside-git"
    );
    expect(result.stdout).toContain("(kept out of git)");
    expect(await readFile(join(root, "data/datasets/.gitignore"), "utf-8")).toBe(
      "# Dataset files kept out of git; their records (*.dataset.json) say where to get them.\n/big.csv\n"
    );
    expect(JSON.parse(await readFile(join(root, "data/datasets/big.dataset.json"), "utf-8")).in_git).toBe(false);
  });

  test("add-dataset keeps CRLF line ends: a .gitignore lists a file once, and a record updated stays CRLF", async () => {
    await mkdir(join(root, "incoming"));
    await mkdir(join(root, "data/datasets"), {recursive: true});
    await writeFile(join(root, "data/datasets/.gitignore"), "# the desk's own\r\n/one.csv\r\n");
    for (const name of ["one", "two"]) {
      await writeFile(join(root, `incoming/${name}.csv`), "a\n1\n");
      const added = await run(
        root,
        "add-dataset",
        `incoming/${name}.csv`,
        "--title",
        "T",
        "--publisher",
        "P",
        "--outside-git"
      );
      expect(added.stderr).toBe("");
    }
    expect(await readFile(join(root, "data/datasets/.gitignore"), "utf-8")).toBe(
      "# the desk's own\r\n/one.csv\r\n/two.csv\r\n"
    );
    // So does a dataset's record when --update writes it again.
    const record = join(root, "data/datasets/two.dataset.json");
    await writeFile(record, (await readFile(record, "utf-8")).replaceAll("\n", "\r\n"));
    await writeFile(join(root, "incoming/two.csv"), "a\n2\n");
    expect((await run(root, "add-dataset", "incoming/two.csv", "--id", "two", "--update")).stderr).toBe("");
    const updated = await readFile(record, "utf-8");
    expect(updated.replaceAll("\r\n", "")).not.toContain("\n");
    expect(JSON.parse(updated).sha256).toBe(sha256("a\n2\n"));
  });

  test("add-dataset URL downloads the file (from a server on this machine) and records the URL", async () => {
    const body = "date,n\n2022-03-01,7\n";
    const server = createServer((req, res) => {
      if (req.url === "/files/points.csv") res.end(body);
      else res.writeHead(404).end("not found");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ok = await run(root, "add-dataset", `${base}/files/points.csv`, "--title", "T", "--publisher", "P");
      expect(ok.stderr).toBe("");
      const record = JSON.parse(await readFile(join(root, "data/datasets/points.dataset.json"), "utf-8"));
      expect([record.url, record.file, record.sha256]).toEqual([
        `${base}/files/points.csv`,
        "data/datasets/points.csv",
        sha256(body)
      ]);
      const missing = await run(root, "add-dataset", `${base}/files/gone.csv`, "--title", "T", "--publisher", "P");
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain(
        `${base}/files/gone.csv: DOWNLOAD_FAILED: ${base}/files/gone.csv answered 404 Not Found\n`
      );
      expect(existsSync(join(root, "data/datasets/gone.dataset.json"))).toBe(false);
    } finally {
      server.close();
    }
  });
});

describe("listDatasets", () => {
  test("listDatasets reports a dataset whose file no longer matches its record's sha256", async () => {
    const recorded = sha256(await readFile(join(root, fixtureCsv)));
    await appendFile(join(root, fixtureCsv), "2022-03-11,north,entering,1\n");
    const changed = sha256(await readFile(join(root, fixtureCsv)));
    expect(await problems(listDatasets(root))).toEqual([
      `${fixtureRecord}: sha256: DATASET_HASH_MISMATCH: ${fixtureCsv} has changed since it was recorded: sha256 ${changed}, the record says ${recorded}; ` +
        `archive the new version with \`explainer add-dataset ${fixtureCsv} --update\` or restore the old file`
    ]);
    const cli = explainer(root, "datasets");
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`${fixtureRecord}: sha256: DATASET_HASH_MISMATCH: `);
  });

  test("listDatasets names the URL to fetch a missing file from", async () => {
    const record = JSON.parse(await readFile(join(root, fixtureRecord), "utf-8"));
    await writeFile(join(root, fixtureRecord), JSON.stringify({...record, url: "https://example.org/crossings.csv"}));
    await rm(join(root, fixtureCsv));
    expect(await problems(listDatasets(root))).toEqual([
      `${fixtureRecord}: file: DATASET_MISSING: ${fixtureCsv} is not there; download it from https://example.org/crossings.csv (sha256 ${record.sha256})`
    ]);
  });

  test("readDatasetsSync reports every bad field of a record", async () => {
    const record = JSON.parse(await readFile(join(root, fixtureRecord), "utf-8"));
    const bad = {...record, sha256: "abc", retrieved: "2022-02-30", colour: "red", file: "../elsewhere.csv"};
    delete bad.title;
    await writeFile(join(root, fixtureRecord), JSON.stringify(bad));
    expect(await problems(Promise.resolve().then(() => readDatasetsSync(root)))).toEqual([
      `${fixtureRecord}: title: MISSING_FIELD: "title" is required`,
      `${fixtureRecord}: sha256: INVALID_FIELD: Invalid string: must match pattern /^[0-9a-f]{64}$/, got "abc"`,
      `${fixtureRecord}: retrieved: INVALID_FIELD: not a date YYYY-MM-DD, got "2022-02-30"`,
      `${fixtureRecord}: colour: UNKNOWN_FIELD: unknown field colour`
    ]);
    expect(() => parseDatasetRecord(JSON.stringify({...record, file: "data/../../x.csv"}), fixtureRecord)).toThrow(
      `${fixtureRecord}: file: DATASET_OUTSIDE_PROJECT: "data/../../x.csv" is not inside the project`
    );
  });
});

describe("the columnar copy", () => {
  test("queries read a copy named by the dataset's sha256; a new version replaces the old copy", async () => {
    const incoming = join(root, "incoming");
    await mkdir(incoming);
    await writeFile(join(incoming, "v1.csv"), "date,n\n2022-03-01,5\n");
    await writeFile(join(incoming, "v2.csv"), "date,n\n2022-03-01,5\n2022-03-02,6\n");
    expect(
      (await run(root, "add-dataset", "incoming/v1.csv", "--id", "counts", "--title", "T", "--publisher", "P")).status
    ).toBe(0);
    const copies = async () =>
      (await readdir(join(root, ".explainer/datasets"))).filter((n) => n.startsWith("counts-"));
    expect(await copies()).toEqual([`counts-${sha256("date,n\n2022-03-01,5\n")}-${version()}.duckdb`]);
    const effects = recordingEffects(root);
    expect(await main(["add-dataset", "incoming/v2.csv", "--id", "counts", "--update"], effects)).toBe(0);
    expect(await copies()).toEqual([`counts-${sha256("date,n\n2022-03-01,5\n2022-03-02,6\n")}-${version()}.duckdb`]);
    await writeFile(join(root, "data/queries/count.sql"), "SELECT count(*) FROM counts\n");
    const out: string[] = [];
    const {Writable} = await import("node:stream");
    const sink = new Writable({write: (chunk, _e, done) => (out.push(String(chunk)), done())});
    const {runSqlToStream} = await import("../loaders/sql.ts");
    await runSqlToStream("data/queries/count.sql", {root, out: sink});
    expect(out.join("")).toBe("count_star()\n2\n");
  });
});

describe("fileHash", () => {
  test("fileHash trusts its cache while size, inode and times are unchanged, and hashes again after a change", async () => {
    const file = join(root, "data/datasets/synthetic-crossings.csv");
    const cache = join(root, hashCacheFile);
    const real = sha256(await readFile(file));
    // An entry for this very file identity with a planted hash: believed, so the file was not read.
    const s = await stat(file, {bigint: true});
    const identity = {size: Number(s.size), ino: String(s.ino), mtimeNs: String(s.mtimeNs), ctimeNs: String(s.ctimeNs)};
    await mkdir(join(root, ".explainer"), {recursive: true});
    await writeFile(cache, JSON.stringify({version: 1, files: {[file]: {...identity, sha256: "f".repeat(64)}}}));
    expect(await fileHash(file, {cache, minBytes: 0})).toBe("f".repeat(64));
    // A new modification time means the file is read and hashed again, and the cache corrected.
    await utimes(file, new Date("2024-01-01T00:00:00Z"), new Date("2024-01-01T00:00:00Z"));
    expect(await fileHash(file, {cache, minBytes: 0})).toBe(real);
    expect(JSON.parse(await readFile(cache, "utf-8")).files[file].sha256).toBe(real);
    expect(await fileHash(join(root, "no-such-file.csv"), {cache})).toBeNull();
  });

  test("hashOf (refresh's dependency hash) goes through the project's hash cache for large files", async () => {
    const big = "date,n\n" + "2022-03-01,1\n".repeat(100_000);
    await writeFile(join(root, "data/datasets/big.csv"), big);
    expect(await hashOf(root, "data/datasets/big.csv")).toBe(sha256(big));
    const cached = JSON.parse(await readFile(join(root, hashCacheFile), "utf-8")).files;
    expect(cached[join(root, "data/datasets/big.csv")].sha256).toBe(sha256(big));
    expect(await hashOf(root, "data/datasets/no-such.csv")).toBe("missing");
  });

  test("fileHash hashes small files every time, never from the cache", async () => {
    const file = join(root, "data/datasets/synthetic-crossings.csv");
    const cache = join(root, hashCacheFile);
    expect(await fileHash(file, {cache})).toBe(sha256(await readFile(file)));
    expect(existsSync(cache)).toBe(false);
  });
});
