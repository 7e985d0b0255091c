/**
 * Datasets benchmark, on generated synthetic data in a temporary folder (never committed):
 *
 * - `datasets.speedup`: a deterministic 10 M-row CSV aggregated to a daily series by the SQL loader
 *   (DuckDB) and by a csv-parse stream, each in its own process; the ratio of their times;
 * - `datasets.peak_rss_mb`: the DuckDB loader process's peak resident memory;
 * - `datasets.nochange_refresh_ms`: a no-change refresh of a project whose SQL loader reads a 1 GB
 *   dataset (the dependency check, in-process, median of 5), with the whole CLI and a bare sha256 of
 *   the file beside it for comparison;
 * - `datasets.verify_100_ms`: verifying 100 computed claims (100 distinct queries) on the 10 M-row dataset.
 *
 * `npx tsx bench/datasets.ts` prints the numbers.
 */
import {spawn} from "node:child_process";
import {createHash} from "node:crypto";
import {createReadStream, createWriteStream} from "node:fs";
import {cp, mkdir, mkdtemp, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {verifyComputedClaims} from "../loaders/computed-claims.ts";
import {verifyLedger, type QueryRow} from "../loaders/ledger.ts";
import {projectRoot} from "../test/helpers/project.ts";
import {addDataset} from "../tools/commands/add-dataset.ts";
import {refresh} from "../tools/refresh.ts";
import {atLeast, atMost, median, round, type Result} from "./result.ts";
import {timed} from "./timed.ts";

const start = Date.UTC(2022, 1, 24);
const days = Array.from({length: 400}, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
const crossings = Array.from({length: 24}, (_, i) => `point-${String(i + 1).padStart(2, "0")}`);

/**
 * Writes `rows` rows of synthetic border-crossing counts (`date,crossing,direction,people[,note]`),
 * deterministic (a fixed xorshift sequence) and in date order, as a daily export is; resolves with
 * the sum of `people` per date and per crossing point. `pad` adds a text column of that many
 * characters, to make a large file from fewer rows.
 */
export async function writeSyntheticCsv(
  file: string,
  rows: number,
  pad = 0
): Promise<{byDate: Map<string, number>; byCrossing: Map<string, number>}> {
  const out = createWriteStream(file, {highWaterMark: 1 << 20});
  const byDate = new Map<string, number>();
  const byCrossing = new Map<string, number>();
  const note = pad ? "," + "x".repeat(pad) : "";
  let state = 0x2545f491;
  out.write(`date,crossing,direction,people${pad ? ",note" : ""}\n`);
  for (let i = 0; i < rows; ) {
    const lines: string[] = [];
    for (const end = Math.min(rows, i + 50_000); i < end; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const r = state >>> 0;
      const date = days[Math.floor((i * days.length) / rows)];
      const crossing = crossings[r % crossings.length];
      const people = r % 5000;
      byDate.set(date, (byDate.get(date) ?? 0) + people);
      byCrossing.set(crossing, (byCrossing.get(crossing) ?? 0) + people);
      lines.push(`${date},${crossing},${r & 1 ? "entering" : "leaving"},${people}${note}`);
    }
    if (!out.write(lines.join("\n") + "\n")) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return {byDate, byCrossing};
}

/** A temporary project: the kit's code, node_modules linked, empty data/ and src/data/. */
async function benchProject(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "explainer-bench-datasets-"));
  for (const name of ["bin", "loaders", "tools", "src/components", "package.json", "tsconfig.json"])
    await cp(join(projectRoot, name), join(root, name), {recursive: true});
  await symlink(join(projectRoot, "node_modules"), join(root, "node_modules"), "dir");
  for (const dir of ["data/datasets", "data/queries", "src/data"]) await mkdir(join(root, dir), {recursive: true});
  return root;
}

const quiet = (root: string) => ({
  root,
  stdout: () => {},
  stderr: () => {},
  now: () => new Date("2026-11-25T12:00:00Z")
});

/** Runs a script with tsx in `root`; resolves with the JSON it prints last. */
function runScript(root: string, file: string): Promise<Record<string, number | string>> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(projectRoot, "node_modules/.bin/tsx"), [file], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"]
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) =>
      code === 0 ? resolve(JSON.parse(stdout.trim().split("\n").at(-1)!)) : reject(new Error(`${file}: ${stderr}`))
    );
  });
}

const daily = "SELECT date, sum(people) AS people\nFROM bench_crossings\nGROUP BY date\nORDER BY date\n";

/**
 * The DuckDB path: the SQL loader's function three times in one process (reading the dataset's
 * columnar copy, or with `cache: false` the CSV itself); median time, peak RSS, output hash.
 */
const duckScript = (kit: string, cache: boolean) => `
import {Writable} from "node:stream";
import {createHash} from "node:crypto";
import {runSqlToStream} from ${JSON.stringify(join(kit, "loaders/sql.ts"))};
const times = [];
let hash = "";
for (let i = 0; i < 3; i++) {
  const h = createHash("sha256");
  const out = new Writable({write(chunk, _e, done) { h.update(chunk); done(); }});
  const t0 = performance.now();
  await runSqlToStream("data/queries/daily.sql", {out, cache: ${cache}});
  times.push(performance.now() - t0);
  hash = h.digest("hex");
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ms: times[1], rss: process.resourceUsage().maxRSS / 1024, hash}));
`;

/** The csv-parse path: a stream of records, summed per date in a Map, written as the same CSV. */
const csvParseScript = (kit: string) => `
import {createReadStream} from "node:fs";
import {createHash} from "node:crypto";
import {createRequire} from "node:module";
const {parse} = createRequire(${JSON.stringify(join(kit, "package.json"))})("csv-parse");
const t0 = performance.now();
const sums = new Map();
for await (const [date, , , people] of createReadStream("data/datasets/bench-crossings.csv").pipe(parse({from_line: 2}))) {
  sums.set(date, (sums.get(date) ?? 0) + Number(people));
}
const text = "date,people\\n" + [...sums].sort(([a], [b]) => (a < b ? -1 : 1)).map(([d, n]) => d + "," + n + "\\n").join("");
const ms = performance.now() - t0;
console.log(JSON.stringify({ms, rss: process.resourceUsage().maxRSS / 1024, hash: createHash("sha256").update(text).digest("hex")}));
`;

/** sha256 of a file, streamed: what a refresh without the hash cache would pay on every check. */
async function bareHashMs(file: string): Promise<number> {
  const t0 = performance.now();
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, {highWaterMark: 1 << 20})) hash.update(chunk as Buffer);
  hash.digest();
  return performance.now() - t0;
}

/** Every figure of the datasets benchmark. */
export async function benchDatasets(): Promise<Result[]> {
  const results: Result[] = [];
  const root = await benchProject();
  try {
    // 1. 10 M rows: DuckDB loader (from the columnar copy, and from the CSV itself) against csv-parse,
    // each in its own process. Archiving (hash, DuckDB's reading, the columnar copy) is timed apart.
    const file = join(root, "data/datasets/bench-crossings.csv");
    const {byDate, byCrossing} = await writeSyntheticCsv(file, 10_000_000);
    const archive = performance.now();
    await addDataset(
      {
        from: "data/datasets/bench-crossings.csv",
        title: "Synthetic bench data",
        publisher: "Explainer Kit bench",
        outsideGit: true,
        update: false
      },
      quiet(root)
    );
    const archiveMs = performance.now() - archive;
    await writeFile(join(root, "data/queries/daily.sql"), daily);
    await writeFile(join(root, "duck-cached.mts"), duckScript(projectRoot, true));
    await writeFile(join(root, "duck-direct.mts"), duckScript(projectRoot, false));
    await writeFile(join(root, "csvparse.mts"), csvParseScript(projectRoot));
    const cached = await runScript(root, "duck-cached.mts");
    const direct = await runScript(root, "duck-direct.mts");
    const csv = await runScript(root, "csvparse.mts");
    if (cached.hash !== csv.hash || direct.hash !== csv.hash)
      throw new Error("bench: DuckDB and csv-parse gave different daily series");
    const ms = (n: unknown) => Math.round(Number(n));
    const ratio = (a: unknown, b: unknown) => round(Number(a) / Number(b), 1);
    results.push(
      {
        key: "datasets.speedup",
        name: "datasets: 10 M-row CSV to a daily series, csv-parse / DuckDB reading the CSV",
        value: ratio(csv.ms, direct.ms),
        unit: "ratio",
        target: atLeast(10)
      },
      {
        key: "datasets.speedup_cached",
        name: "datasets: 10 M-row CSV to a daily series, csv-parse / DuckDB reading the columnar copy (as loaders run)",
        value: ratio(csv.ms, cached.ms),
        unit: "ratio"
      },
      {
        key: "datasets.duckdb_csv_10m_ms",
        name: "datasets: DuckDB SQL loader reading the CSV (median of 3)",
        value: ms(direct.ms),
        unit: "ms"
      },
      {
        key: "datasets.duckdb_cached_10m_ms",
        name: "datasets: DuckDB SQL loader reading the columnar copy (median of 3)",
        value: ms(cached.ms),
        unit: "ms"
      },
      {key: "datasets.csvparse_10m_ms", name: "datasets: csv-parse stream", value: ms(csv.ms), unit: "ms"},
      {
        key: "datasets.archive_10m_ms",
        name: "datasets: add-dataset of the 10 M-row CSV, once (sha256, DuckDB's reading, columnar copy)",
        value: ms(archiveMs),
        unit: "ms"
      },
      {
        key: "datasets.peak_rss_mb",
        name: "datasets: peak RSS of a DuckDB loader process, the larger of the two",
        value: ms(Math.max(Number(cached.rss), Number(direct.rss))),
        unit: "MB",
        target: atMost(1024)
      },
      {
        key: "datasets.csvparse_peak_rss_mb",
        name: "datasets: peak RSS of the csv-parse process",
        value: ms(csv.rss),
        unit: "MB"
      }
    );

    // 2. 100 computed claims with 100 distinct queries on the same 10 M-row dataset: 76 day totals
    // and 24 crossing-point totals (each a full scan); warm (copy made by add-dataset) and cold.
    const header = "id,figure,measure,attribution,as_of,place,source,quote,qualifier,note,query";
    const lines = [header];
    const last = days[days.length - 1];
    for (const date of days.slice(0, 76)) {
      await writeFile(
        join(root, `data/queries/day-${date}.sql`),
        `SELECT sum(people) FROM bench_crossings WHERE date = DATE '${date}'\n`
      );
      lines.push(
        `day-${date},"${byDate.get(date)!.toLocaleString("en-US")}",people,,${date},,bench-crossings,,,,day-${date}.sql`
      );
    }
    for (const point of crossings) {
      await writeFile(
        join(root, `data/queries/${point}.sql`),
        `SELECT sum(people) FROM bench_crossings WHERE crossing = '${point}'\n`
      );
      lines.push(
        `${point},"${byCrossing.get(point)!.toLocaleString("en-US")}",people,,${last},,bench-crossings,,,,${point}.sql`
      );
    }
    const rows: QueryRow[] = [];
    verifyLedger(lines.join("\n") + "\n", [], "data/claims.csv", rows);
    const verifyMs = async () => {
      const t0 = performance.now();
      const claims = await verifyComputedClaims(root, rows);
      if (claims.length !== 100) throw new Error(`bench: ${claims.length} claims verified, not 100`);
      return performance.now() - t0;
    };
    const warm = median([await verifyMs(), await verifyMs(), await verifyMs()]);
    await rm(join(root, ".explainer/datasets"), {recursive: true, force: true});
    const cold = await verifyMs();
    results.push(
      {
        key: "datasets.verify_100_ms",
        name: "datasets: verify 100 computed claims (100 queries) on a 10 M-row CSV, columnar copy made",
        value: ms(warm),
        unit: "ms",
        target: atMost(5000)
      },
      {
        key: "datasets.verify_100_cold_ms",
        name: "datasets: the same, first time (columnar copy built first)",
        value: ms(cold),
        unit: "ms"
      }
    );
    await rm(file);
    await rm(join(root, ".explainer/datasets"), {recursive: true, force: true});

    // 3. A 1 GB dataset behind a SQL loader: the no-change refresh.
    const big = join(root, "data/datasets/bench-crossings.csv");
    await writeSyntheticCsv(big, 8_000_000, 100);
    await addDataset(
      {
        from: "data/datasets/bench-crossings.csv",
        title: "Synthetic bench data",
        publisher: "Explainer Kit bench",
        outsideGit: true,
        update: true
      },
      quiet(root)
    );
    await writeFile(
      join(root, "src/data/daily.csv.ts"),
      `import {sqlLoader} from "../../loaders/sql.ts";\n\nawait sqlLoader("data/queries/daily.sql");\n`
    );
    await rm(join(root, "data/claims.csv"), {force: true});
    const [first] = await refresh(root);
    if (first.status !== "re-run") throw new Error(`bench: the SQL loader did not run: ${first.stderr}`);
    const checks: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const [again] = await refresh(root);
      checks.push(performance.now() - t);
      if (again.status !== "cached") throw new Error("bench: a no-change refresh re-ran the SQL loader");
    }
    const cli = median([
      await timed(root, process.execPath, ["bin/explainer.js", "refresh"]),
      await timed(root, process.execPath, ["bin/explainer.js", "refresh"]),
      await timed(root, process.execPath, ["bin/explainer.js", "refresh"])
    ]);
    results.push(
      {
        key: "datasets.nochange_refresh_ms",
        name: "datasets: no-change refresh, SQL loader on a 1 GB CSV, dependency check in-process",
        value: ms(median(checks)),
        unit: "ms",
        target: atMost(500)
      },
      {
        key: "datasets.nochange_refresh_cli_ms",
        name: "datasets: no-change refresh, same project, whole CLI (npx explainer refresh)",
        value: ms(cli),
        unit: "ms"
      },
      {
        key: "datasets.sha256_1gb_ms",
        name: "datasets: sha256 of the 1 GB CSV without the cache (what each check would cost)",
        value: ms(await bareHashMs(big)),
        unit: "ms"
      }
    );
  } finally {
    await rm(root, {recursive: true, force: true});
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const {name, value, unit} of await benchDatasets()) console.log(`${name}: ${value} ${unit}`);
}
