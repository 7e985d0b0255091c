import {existsSync} from "node:fs";
import {appendFile, cp, readFile, readdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {readLedgerWithComputed, verifyComputedClaims, type ComputedClaim} from "../loaders/computed-claims.ts";
import {problemsOf} from "../loaders/errors.ts";
import {parseFigure} from "../loaders/figure.ts";
import {matchFigure, precisionOf} from "../loaders/figure-match.ts";
import {verifyLedger, type QueryRow} from "../loaders/ledger.ts";
import {parseSource} from "../loaders/sources.ts";
import {main} from "../tools/cli.ts";
import {datasetProject, duckdbScratch} from "./helpers/datasets.ts";
import {copyProject, explainer, projectRoot, recordingEffects, removeProject} from "./helpers/project.ts";
import {builtCopy} from "./helpers/built.ts";

describe("matchFigure", () => {
  test.each([
    [2_500_000, 100_000],
    [2_000_000, 1_000_000],
    [15_000, 1_000],
    [2_011_312, 1],
    [12.5, 0.1],
    [0.25, 0.01],
    [0, 1]
  ])("precisionOf(%d) is %d", (value, step) => {
    expect(precisionOf(value)).toBe(step);
  });

  test.each([
    ["more than 2 million", 2_011_312, true, "2,011,312 is > 2 million (a bound is compared with the exact result)"],
    [
      "2.5 million",
      2_011_312,
      false,
      "2,011,312 rounds to 2 million at the figure's precision (100,000), not 2.5 million"
    ],
    ["2 million", 2_011_312, true, "2,011,312 rounds to 2 million at the figure's precision (1 million)"],
    [
      "2 million",
      2_500_000,
      false,
      "2,500,000 rounds to 3 million at the figure's precision (1 million), not 2 million"
    ],
    ["about 15,000", 14_512, true, "14,512 rounds to 15,000 at the figure's precision (1,000)"],
    ["some 15,000", 14_499, false, "14,499 rounds to 14,000 at the figure's precision (1,000), not 15,000"],
    ["nearly 2 million", 1_950_000, true, "1,950,000 rounds to 2 million at the figure's precision (1 million)"],
    ["nearly 2 million", 2_011_312, false, 'Fixture: 2,011,312 is not below 2 million, as "nearly" says'],
    ["at least 2,011,312", 2_011_312, true, "2,011,312 is ≥ 2,011,312 (a bound is compared with the exact result)"],
    [
      "more than 2,011,312",
      2_011_312,
      false,
      "2,011,312 is not > 2,011,312 (a bound is compared with the exact result)"
    ],
    [
      "fewer than 2 million",
      2_011_312,
      false,
      "2,011,312 is not < 2 million (a bound is compared with the exact result)"
    ],
    ["up to 3 million", 2_011_312, true, "2,011,312 is ≤ 3 million (a bound is compared with the exact result)"],
    [
      "between 1 million and 3 million",
      2_011_312,
      true,
      "2,011,312 is ≥ 1 million and ≤ 3 million (a bound is compared with the exact result)"
    ],
    ["2,011,312", 2_011_312, true, "2,011,312 rounds to 2,011,312 at the figure's precision (1)"],
    ["12.5%", 12.46, true, "12.46% rounds to 12.5% at the figure's precision (0.1%)"]
  ])("matchFigure(%j, %d) is %s", (figure, result, ok, reason) => {
    const match = matchFigure(parseFigure(figure), result);
    expect(match.ok).toBe(ok);
    expect(match.reason).toBe(reason.replace(/^Fixture: /, ""));
  });
});

const header = "id,figure,measure,attribution,as_of,place,source,quote,qualifier,note,query";

describe("verifyLedger with a query column", () => {
  test("a row with a query skips the quote checks and is handed on with its parsed figure", () => {
    const rows: QueryRow[] = [];
    const text = `${header}\nentering,"more than 49,000",people entering,,2022-03-10,,synthetic-crossings,,,,total-entering.sql\n`;
    expect(verifyLedger(text, [], "data/claims.csv", rows)).toEqual([]);
    expect(rows.map((r) => [r.line, r.record.id, r.figure.qualifier, r.figure.lower])).toEqual([
      [2, "entering", "more-than", 49000]
    ]);
  });

  test("verifyLedger without a list for computed rows gives the quoted claims only, a computed row checked all the same", () => {
    const quoted = `seed,"2,000",civilians killed,,2022-03-02,,seed,"2,000 civilians were killed in this fixture sentence.",,,`;
    const source = parseSource(
      '---\ntitle: "A fixture source"\npublished: "2022-03-02"\n---\n2,000 civilians were killed in this fixture sentence.\n',
      "data/sources/seed.md"
    );
    const computed = `entering,"49,344",people entering,,2022-03-10,,synthetic-crossings,,,,total-entering.sql`;
    const claims = verifyLedger(`${header}\n${quoted}\n${computed}\n`, [source]);
    expect(claims.map((c) => c.id)).toEqual(["seed"]);
    expect(() => verifyLedger(`${header}\n${computed.replace("2022-03-10", "March")}\n`, [])).toThrow(
      'data/claims.csv:2: INVALID_DATE: as_of "March" is not a date YYYY-MM-DD'
    );
  });

  test("a row with both a quote and a query is refused", () => {
    const text = `${header}\nentering,"49,344",people entering,,2022-03-10,,synthetic-crossings,"49,344 people",,,total-entering.sql\n`;
    expect(() => verifyLedger(text, [], "data/claims.csv", [])).toThrow(
      "data/claims.csv:2: QUOTE_AND_QUERY: a row cites a quote or a query, not both"
    );
  });
});

describe("verifyComputedClaims", () => {
  let root: string;
  beforeAll(async () => {
    root = await datasetProject();
  });
  afterAll(() => removeProject(root));

  /** Query rows for ledger lines `figure,query` (line numbers from 2). */
  function rowsOf(...lines: [string, string][]): QueryRow[] {
    const rows: QueryRow[] = [];
    const body = lines.map(
      ([figure, query], i) => `c${i + 1},"${figure}",people,,2022-03-10,,synthetic-crossings,,,,${query}`
    );
    verifyLedger([header, ...body].join("\n") + "\n", [], "data/claims.csv", rows);
    return rows;
  }

  async function problemsOfRows(rows: QueryRow[]): Promise<string[]> {
    try {
      await verifyComputedClaims(root, rows);
      return [];
    } catch (error) {
      const found = problemsOf(error);
      if (!found.length) throw error;
      return found.map((p) => p.message);
    }
  }

  async function query(name: string, sql: string): Promise<string> {
    await writeFile(join(root, "data/queries", name), sql);
    return name;
  }

  test("verifyComputedClaims gives each claim with its provenance: dataset, hash, query text and result", async () => {
    const [claim, exact] = await verifyComputedClaims(
      root,
      rowsOf(["more than 49,000", "total-entering.sql"], ["49,344", "data/queries/total-entering.sql"])
    );
    const record = JSON.parse(await readFile(join(root, "data/datasets/synthetic-crossings.dataset.json"), "utf-8"));
    expect(claim.label).toBe("more than 49,000");
    expect(claim.source).toBe("synthetic-crossings");
    expect(claim.source_title).toBe("Synthetic border-crossing counts (test data, not real)");
    expect(claim.computed).toEqual({
      dataset: "synthetic-crossings",
      dataset_title: "Synthetic border-crossing counts (test data, not real)",
      dataset_file: "data/datasets/synthetic-crossings.csv",
      dataset_sha256: record.sha256,
      query_file: "data/queries/total-entering.sql",
      query: await readFile(join(root, "data/queries/total-entering.sql"), "utf-8"),
      result: 49344,
      rule: "49,344 is > 49,000 (a bound is compared with the exact result)"
    });
    expect(exact.computed.rule).toBe("49,344 rounds to 49,344 at the figure's precision (1)");
  });

  test("a figure that does not match its query's result is reported at its ledger line", async () => {
    expect(await problemsOfRows(rowsOf(["49,344", "total-entering.sql"], ["55,000", "total-entering.sql"]))).toEqual([
      'data/claims.csv:3: FIGURE_DOES_NOT_MATCH: figure "55,000" does not match data/queries/total-entering.sql: 49,344 rounds to 49,000 at the figure\'s precision (1,000), not 55,000'
    ]);
  });

  test("a query that returns no row, several rows, or fails is reported at the query file and the claims citing it", async () => {
    const none = await query(
      "none.sql",
      "SELECT sum(people) FROM synthetic_crossings\nGROUP BY direction\nHAVING false\n"
    );
    const several = await query("several.sql", "SELECT sum(people) AS value FROM synthetic_crossings GROUP BY date\n");
    const broken = await query(
      "broken.sql",
      "SELECT sum(people)\nFROM synthetic_crossings\nWHERE direction = = 'entering'\n"
    );
    const text = await query("text.sql", "SELECT 'many' AS value\n");
    // Saved as Latin-1: its "é" is not UTF-8, so the query is not run at all.
    const latin1 = "latin1.sql";
    await writeFile(
      join(root, "data/queries", latin1),
      Buffer.from("SELECT sum(people) AS value\nFROM synthetic_crossings WHERE direction = 'entr\xe9e'\n", "latin1")
    );
    expect(
      await problemsOfRows(
        rowsOf(["1", none], ["1", several], ["1", broken], ["1", text], ["2", "no-such.sql"], ["1", latin1])
      )
    ).toEqual([
      "data/claims.csv:6: NO_SUCH_QUERY: data/queries/no-such.sql does not exist",
      "data/queries/none.sql: QUERY_NO_ROW: the query returned no row; a claim needs one",
      'data/claims.csv:2: QUERY_UNUSABLE: claim "c1" cites data/queries/none.sql, which failed (above)',
      "data/queries/several.sql: QUERY_SEVERAL_ROWS: the query returned several rows (10 or more); a claim needs one",
      'data/claims.csv:3: QUERY_UNUSABLE: claim "c2" cites data/queries/several.sql, which failed (above)',
      'data/queries/broken.sql:3: QUERY_FAILED: Parser Error: syntax error at or near "="',
      'data/claims.csv:4: QUERY_UNUSABLE: claim "c3" cites data/queries/broken.sql, which failed (above)',
      'data/queries/text.sql: QUERY_NOT_A_NUMBER: the query\'s column "value" holds "many", not a number',
      'data/claims.csv:5: QUERY_UNUSABLE: claim "c4" cites data/queries/text.sql, which failed (above)',
      "data/queries/latin1.sql:2: NOT_UTF8: the file is not UTF-8 text (a byte that is not UTF-8, or a U+FFFD left by an earlier bad conversion); save it as UTF-8",
      'data/claims.csv:7: QUERY_UNUSABLE: claim "c6" cites data/queries/latin1.sql, which failed (above)'
    ]);
  });

  test.each([
    [
      "COPY … TO a file",
      "COPY synthetic_crossings TO 'data/datasets/copy.csv'",
      "QUERY_NOT_READ_ONLY: the query starts with COPY: a query may only read (SELECT, WITH, FROM or VALUES)"
    ],
    [
      "ATTACH",
      "ATTACH 'data/datasets/new.duckdb' AS w",
      "QUERY_NOT_READ_ONLY: the query starts with ATTACH: a query may only read (SELECT, WITH, FROM or VALUES)"
    ],
    [
      "INSTALL",
      "INSTALL httpfs",
      "QUERY_NOT_READ_ONLY: the query starts with INSTALL: a query may only read (SELECT, WITH, FROM or VALUES)"
    ],
    [
      "LOAD",
      "-- looks harmless\nLOAD httpfs",
      "QUERY_NOT_READ_ONLY: the query starts with LOAD: a query may only read (SELECT, WITH, FROM or VALUES)"
    ],
    [
      "a write behind WITH",
      "WITH x AS (SELECT 1) INSERT INTO synthetic_crossings SELECT * FROM synthetic_crossings",
      "QUERY_NOT_READ_ONLY: DuckDB's parser finds a statement that is not a SELECT: a query may only read"
    ],
    [
      "a COPY after a SELECT",
      "SELECT 1;\nCOPY (SELECT 1) TO 'data/datasets/out.csv'",
      "QUERY_NOT_READ_ONLY: DuckDB's parser finds a statement that is not a SELECT: a query may only read"
    ],
    [
      "two SELECTs",
      "SELECT 1;\nSELECT 2",
      "QUERY_SEVERAL_STATEMENTS: the file holds 2 statements; a query is one SELECT"
    ],
    [
      "a file outside the datasets",
      "SELECT count(*) FROM read_csv('/etc/passwd')",
      'QUERY_FAILED: Permission Error: Cannot access file "/etc/passwd" - file system operations are disabled by configuration'
    ]
  ])("a query that tries %s is refused and writes nothing", async (_name, sql, expected) => {
    const name = await query("write.sql", sql + "\n");
    const before = (await readdir(join(root, "data/datasets"))).sort();
    const found = await problemsOfRows(rowsOf(["1", name]));
    expect(found[0].replace(/^data\/queries\/write\.sql(:\d+)?: /, "")).toBe(expected);
    expect((await readdir(join(root, "data/datasets"))).sort()).toEqual(before);
  });

  test("a query that runs past its time limit is stopped", async () => {
    const name = await query(
      "slow.sql",
      "SELECT count(*) FROM range(100000) a, range(1000000) b WHERE a.range + b.range = -1\n"
    );
    try {
      await verifyComputedClaims(root, rowsOf(["1", name]), {timeoutMs: 300});
      expect.unreachable();
    } catch (error) {
      expect(problemsOf(error).map((p) => p.message)[0]).toBe(
        "data/queries/slow.sql: QUERY_TIMEOUT: the query ran longer than 300 ms and was stopped"
      );
    }
  });

  test("a Parquet dataset missing a column the query reads fails at the query's line, naming the column", async () => {
    const dir = join(root, "data/datasets");
    await duckdbScratch(
      `COPY (SELECT DATE '2022-03-01' AS date, 'north' AS crossing) TO '${dir}/points.parquet' (FORMAT parquet)`
    );
    const effects = recordingEffects(root);
    expect(
      await main(["add-dataset", "data/datasets/points.parquet", "--title", "T", "--publisher", "P"], effects)
    ).toBe(0);
    const name = await query("points.sql", "SELECT sum(people)\nFROM points\n");
    const rows: QueryRow[] = [];
    verifyLedger(`${header}\np,"1",people,,2022-03-01,,points,,,,${name}\n`, [], "data/claims.csv", rows);
    const found = await problemsOfRows(rows);
    expect(found[0]).toMatch(
      /^data\/queries\/points\.sql:1: QUERY_FAILED: Binder Error: Referenced column "people" not found in FROM clause!/
    );
  });

  test("verifyComputedClaims refuses a dataset whose file changed since its record", async () => {
    const copy = await datasetProject();
    try {
      await appendFile(join(copy, "data/datasets/synthetic-crossings.csv"), "2022-03-11,north,entering,1\n");
      await expect(verifyComputedClaims(copy, rowsOf(["49,344", "total-entering.sql"]))).rejects.toThrow(
        /^data\/datasets\/synthetic-crossings\.dataset\.json: sha256: DATASET_HASH_MISMATCH: /
      );
    } finally {
      await removeProject(copy);
    }
  });

  test("an unknown dataset and an as_of after the retrieval date are reported at the ledger line", async () => {
    const rows: QueryRow[] = [];
    verifyLedger(
      `${header}\na,"1",people,,2022-03-10,,no-such-data,,,,total-entering.sql\nb,"1",people,,2027-01-01,,synthetic-crossings,,,,total-entering.sql\n`,
      [],
      "data/claims.csv",
      rows
    );
    expect(await problemsOfRows(rows)).toEqual([
      'data/claims.csv:2: UNKNOWN_DATASET: dataset "no-such-data" is not in data/datasets/',
      "data/claims.csv:3: AS_OF_AFTER_RETRIEVED: as_of 2027-01-01 is after the dataset's retrieval date 2026-11-25"
    ]);
  });
});

describe("explainer datasets", () => {
  let root: string;
  beforeAll(async () => {
    root = await datasetProject();
    await writeFile(
      join(root, "data/claims.csv"),
      `${header}\nentering,"more than 49,000",people entering,,2022-03-10,,synthetic-crossings,,,,total-entering.sql\n`
    );
  });
  afterAll(() => removeProject(root));

  test("explainer datasets lists the datasets and the computed claims with the rounding rule applied", async () => {
    const [claim] = (await readLedgerWithComputed(root, [])) as ComputedClaim[];
    expect(claim.computed.result).toBe(49344);
    const effects = recordingEffects(root);
    expect(await main(["datasets"], effects)).toBe(0);
    const sha = JSON.parse(
      await readFile(join(root, "data/datasets/synthetic-crossings.dataset.json"), "utf-8")
    ).sha256;
    expect(effects.out.join("")).toBe(
      `synthetic-crossings: Synthetic border-crossing counts (test data, not real) (Explainer Kit test fixtures), 60 rows, sha256 ${sha.slice(0, 12)}…, data/datasets/synthetic-crossings.csv\n` +
        'entering: "more than 49,000" from data/queries/total-entering.sql: 49,344 is > 49,000 (a bound is compared with the exact result)\n' +
        "ok: 1 dataset verified, 1 computed claim verified\n"
    );
  });

  test("explainer datasets exits non-zero on a figure its query does not support, and changes no file", async () => {
    const ledger = await readFile(join(root, "data/claims.csv"), "utf-8");
    await writeFile(join(root, "data/claims.csv"), ledger.replace('"more than 49,000"', '"more than 50,000"'));
    const result = explainer(root, "datasets");
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'data/claims.csv:2: FIGURE_DOES_NOT_MATCH: figure "more than 50,000" does not match data/queries/total-entering.sql: 49,344 is not > 50,000 (a bound is compared with the exact result)\n' +
        "explainer datasets: 1 problem\n"
    );
    expect(existsSync(join(root, "data/datasets/.gitignore"))).toBe(false);
  });
});

describe("a computed claim on an explainer", () => {
  test("claim and ignore draft and write rows for a source's numbers in a ledger that has computed claims", async () => {
    const root = await copyProject("seed");
    try {
      await cp(join(projectRoot, "test/fixtures/datasets/project/data"), join(root, "data"), {recursive: true});
      const ledger = join(root, "data/claims.csv");
      const [head, ...rows] = (await readFile(ledger, "utf-8")).trimEnd().split("\n");
      const computed =
        'entering,"more than 49,000",people entering,,2022-03-10,,synthetic-crossings,,,,total-entering.sql';
      await writeFile(ledger, [`${head},query`, ...rows.map((row) => `${row},`), computed].join("\n") + "\n");
      await writeFile(
        join(root, "wire.txt"),
        "Fixture wire: 3,000 cross at a fixture border post\nPublished: 11 March 2022\n\n" +
          "This is a fixture article, written for the kit's tests.\n\n" +
          "Border guards said 3,000 people crossed the border post on Thursday.\n"
      );
      const run = async (...args: string[]) => {
        const effects = recordingEffects(root);
        const status = await main(args, effects);
        return {status, stdout: effects.out.join(""), stderr: effects.err.join("")};
      };
      const id = "2022-03-11-fixture-wire-3000-cross-at-a-fixture-border-post";
      expect((await run("add-source", "wire.txt")).status).toBe(0);
      const claimed = await run("claim", id, "--all", "--write");
      expect(claimed.status, claimed.stderr).toBe(0);
      const written = await readFile(ledger, "utf-8");
      expect(written).toContain(`${computed}\n`);
      expect(written).toContain(
        `people-crossed-border-fixture-wire,"3,000",people who crossed the border post,border guards,2022-03-10,,${id},"Border guards said 3,000 people crossed the border post on Thursday.",,,\n`
      );
      const ignored = await run("ignore", id, "--repeats", "--write");
      expect(ignored.status, ignored.stderr).toBe(0);
      expect(await readFile(join(root, "data/ignored.csv"), "utf-8")).toContain(
        `${id},"3,000 cross",The headline repeats the figure that the ledger cites from the body (claim people-crossed-border-fixture-wire).\n`
      );
      const check = await run("check");
      expect(check.status, check.stderr).toBe(0);
      expect(check.stdout).toContain(`source ${id}: 2 numbers: 1 cited, 1 ignored, 0 unreviewed`);
    } finally {
      await removeProject(root);
    }
  });

  test("check verifies it with DuckDB, and the page's card and Sources show the query, its result and the dataset's hash", async () => {
    const root = await builtCopy("seed");
    try {
      await cp(join(projectRoot, "test/fixtures/datasets/project/data"), join(root, "data"), {recursive: true});
      const ledger = join(root, "data/claims.csv");
      const text = await readFile(ledger, "utf-8");
      const [header, ...rows] = text.trimEnd().split("\n");
      await writeFile(
        ledger,
        [
          `${header},query`,
          ...rows.map((row) => `${row},`),
          'entering,"more than 49,000",people entering,,2022-03-10,,synthetic-crossings,,,Synthetic test data.,total-entering.sql'
        ].join("\n") + "\n"
      );
      const page = join(root, "src/explainers/ukraine-dead-displaced-kyiv.md");
      await writeFile(
        page,
        (await readFile(page, "utf-8")).replace(
          "## Get the data",
          "The synthetic test data counts {entering}.\n\n## Get the data"
        )
      );
      const check = explainer(root, "check");
      expect(check.stderr).toBe("");
      expect(check.status).toBe(0);
      const build = explainer(root, "build");
      expect(build.status, build.stderr).toBe(0);
      const html = await readFile(join(root, "dist/explainers/ukraine-dead-displaced-kyiv.html"), "utf-8");
      const card = /<span class="claim" data-claim="entering">([\s\S]*?)<\/span><\/span><\/span>/.exec(html)?.[1] ?? "";
      expect(card).toContain('<span class="claim-label">more than 49,000</span>');
      expect(card).toMatch(/Computed from the data: <code>data\/queries\/total-entering\.sql<\/code> gives 49,344/);
      expect(card).toMatch(/dataset sha256 <code>[0-9a-f]{12}<\/code>/);
      expect(html).toMatch(/<li id="source-\d+" data-claim="entering">[^]*Computed from the data/);
    } finally {
      await removeProject(root);
    }
  });
});
