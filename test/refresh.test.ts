import {readdir, readFile, rm, stat, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, test} from "vitest";
import {stageOutputNames} from "../loaders/stage-read.ts";
import {main} from "../tools/cli.ts";
import {diffOutputs, formatChanges} from "../tools/changes.ts";
import {projectLoaders, readManifest} from "../tools/deps.ts";
import {failuresOf, problemsFromStderr, refresh, type LoaderResult} from "../tools/refresh.ts";
import {
  addBlockedLoader,
  copyInto,
  copyOf,
  copyProject,
  explainer,
  projectRoot,
  recordingEffects,
  removeProject
} from "./helpers/project.ts";

/** Runs `explainer refresh ARGS` in-process; returns status, stdout, stderr and each loader's progress status. */
async function refreshIn(root: string, ...args: string[]) {
  const effects = recordingEffects(root);
  const status = await main(["refresh", ...args], effects);
  const stderr = effects.err.join("");
  const statuses: Record<string, string> = {};
  for (const line of stderr.split("\n")) {
    const m = /^(\S+)\s+(cached|re-run|failed)\s/.exec(line);
    if (m) statuses[m[1]] = m[2];
  }
  const rerun = Object.keys(statuses)
    .filter((n) => statuses[n] !== "cached")
    .sort();
  return {status, stdout: effects.out.join(""), stderr, statuses, rerun};
}

/** The outputs whose dependency record lists `file`, sorted. */
async function dependents(root: string, file: string): Promise<string[]> {
  const names: string[] = [];
  for (const loader of await projectLoaders(root))
    if ((await readManifest(loader))?.files[file]) names.push(loader.name);
  return names.sort();
}

async function edit(root: string, file: string, change: (text: string) => string): Promise<void> {
  const path = join(root, file);
  await writeFile(path, change(await readFile(path, "utf-8")));
}

/** The outputs the story stage writes (no loader process runs for them). */
const stageNames: readonly string[] = stageOutputNames;

describe("explainer refresh", () => {
  let base: string;
  let first: Awaited<ReturnType<typeof refreshIn>>;
  let root: string;

  beforeAll(async () => {
    base = await copyProject("seed");
    await copyInto(base, `${projectRoot}/test/fixtures/refresh/.`);
    first = await refreshIn(base);
  });
  afterAll(() => removeProject(base));
  // Each test works in its own copy of the refreshed project.
  beforeEach(async () => {
    root = await copyOf(base, "explainer-refresh-");
  });
  afterEach(() => removeProject(root));

  test("refresh from an empty cache writes the stage's outputs, runs every other loader, and records what each depends on", async () => {
    expect(first.stderr).not.toMatch(/failed/);
    expect(first.status).toBe(0);
    const names = (await projectLoaders(root)).map((l) => l.name).sort();
    expect(names).toEqual(expect.arrayContaining(["data/claims.csv", "data/sources.csv", "data/fixture-a.csv"]));
    expect(first.rerun).toEqual(names);
    expect(first.stderr).toMatch(/^data\/claims\.csv\s+re-run\s+\d+ ms {2}3 rows {2}\(no output\)$/m);
    expect(first.stdout).toContain("data/claims.csv: new (3 rows)\n");
    expect(first.stdout).toContain("data/fixture-list.json: new (1 row)\n");
    expect(first.stdout).toContain("data/fixture-bytes.bin: new\n");
    const list = await readManifest((await projectLoaders(root)).find((l) => l.name === "data/fixture-list.json")!);
    expect(Object.keys(list!.files).sort()).toEqual(["data/fixture/items/", "src/data/fixture-list.json.ts"]);
    const a = await readManifest((await projectLoaders(root)).find((l) => l.name === "data/fixture-a.csv")!);
    expect(Object.keys(a!.files).sort()).toEqual([
      "data/fixture/a.csv",
      "loaders/fixture-rows.ts",
      "src/data/fixture-a.csv.ts"
    ]);
    expect(await dependents(root, "data/claims.csv")).toEqual([]);
  });

  test("a second refresh re-runs nothing", async () => {
    const again = await refreshIn(root);
    expect(again.status).toBe(0);
    expect(again.rerun).toEqual([]);
    expect(again.stdout).toBe(`nothing changed: ${Object.keys(again.statuses).length} outputs up to date\n`);
  });

  test("changing one ledger row rewrites exactly the outputs that carry it and shows the label before and after", async () => {
    await edit(root, "data/claims.csv", (t) => t.replace(/^(refugees,.*),,$/m, "$1,at-least,"));
    const changed = await refreshIn(root);
    expect(changed.status).toBe(0);
    expect(changed.rerun).toEqual([
      "data/chart-data.json",
      "data/claims.csv",
      "data/download/charts.zip",
      "data/download/claims.zip"
    ]);
    expect(changed.statuses["data/sources.csv"]).toBe("cached");
    expect(changed.statuses["data/fixture-a.csv"]).toBe("cached");
    expect(changed.stderr).toMatch(/^data\/claims\.csv\s+re-run\s+\d+ ms {2}3 rows {2}\(the story changed\)$/m);
    expect(changed.stdout).toContain(
      "data/claims.csv: 1 changed (3 rows)\n  ~ refugees: more than 800,000 → at least 800,000\n"
    );
    expect((await refreshIn(root)).rerun).toEqual([]);
  });

  test("--json prints the same report for tools", async () => {
    await edit(root, "data/claims.csv", (t) => t.replace(/^(refugees,.*),,$/m, "$1,at-least,"));
    const result = await refreshIn(root, "--json");
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.ok).toBe(true);
    const claims = report.loaders.find((l: {name: string}) => l.name === "data/claims.csv");
    expect(claims).toMatchObject({
      loader: "src/data/claims.csv.ts",
      status: "re-run",
      reason: "the story changed",
      rows: 3,
      problems: [],
      changes: {isNew: false, differs: true, keyedBy: "id", rowsBefore: 3, rowsAfter: 3, added: [], removed: []}
    });
    expect(claims.changes.changed).toEqual([
      {
        id: "refugees",
        fields: expect.arrayContaining(["label", "qualifier"]),
        label: {before: "more than 800,000", after: "at least 800,000"}
      }
    ]);
    expect(report.loaders.find((l: {name: string}) => l.name === "data/sources.csv")).toMatchObject({
      status: "cached",
      reason: null,
      changes: null
    });
  });

  test("changing a module in loaders/ re-runs exactly the loaders importing it; a kit module edit that changes no output rewrites nothing", async () => {
    await edit(root, "loaders/fixture-rows.ts", (t) => t + "// an edit\n");
    const one = await refreshIn(root);
    expect(one.rerun).toEqual(["data/fixture-a.csv"]);
    expect(one.stderr).toMatch(/^data\/fixture-a\.csv\s+re-run .*\(loaders\/fixture-rows\.ts changed\)$/m);
    expect(one.stdout).toBe("data/fixture-a.csv: no change (2 rows)\n");
    await edit(root, "loaders/ledger.ts", (t) => t + "// an edit\n");
    expect((await refreshIn(root)).rerun.filter((name) => stageNames.includes(name))).toEqual([]);
  });

  test("a file added to a folder that a loader lists re-runs that loader", async () => {
    await writeFile(join(root, "data/fixture/items/two.txt"), "two\n");
    const result = await refreshIn(root);
    expect(result.rerun).toEqual(["data/fixture-list.json"]);
    expect(result.stdout).toBe("data/fixture-list.json: 1 added (2 rows)\n  + row 2\n");
  });

  test("a loader that throws keeps its last good output, lets the others finish, and exits non-zero", async () => {
    const output = join(root, "src/.observablehq/cache/data/fixture-broken.csv");
    const good = await readFile(output, "utf-8");
    await writeFile(join(root, "data/fixture/broken.txt"), "fail\n");
    await edit(root, "data/fixture/a.csv", (t) => t.replace("b,beta,2", "b,gamma,2"));
    const result = await refreshIn(root);
    expect(result.status).toBe(1);
    expect(result.statuses["data/fixture-broken.csv"]).toBe("failed");
    expect(result.stderr).toMatch(
      /^data\/fixture-broken\.csv\s+failed .*\(data\/fixture\/broken\.txt changed; last good output kept\)$/m
    );
    expect(result.stderr).toContain("loaders/fixture-broken.ts:8: LOADER_THREW: fixture: the feed is empty\n");
    expect(result.stderr).toContain(
      "src/data/fixture-broken.csv.ts: LOADER_FAILED: data/fixture-broken.csv not refreshed; its last good output is kept\n"
    );
    expect(await readFile(output, "utf-8")).toBe(good);
    expect(result.statuses["data/fixture-a.csv"]).toBe("re-run");
    expect(result.stdout).toBe("data/fixture-a.csv: 1 changed (2 rows)\n  ~ b: beta → gamma\n");
    const retried = await refreshIn(root);
    expect(retried.rerun).toEqual(["data/fixture-broken.csv"]);
    expect(retried.status).toBe(1);
    await writeFile(join(root, "data/fixture/broken.txt"), "fixed\n");
    const fixed = await refreshIn(root);
    expect(fixed.status).toBe(0);
    expect(fixed.stdout).toBe("data/fixture-broken.csv: 1 changed (1 row)\n  ~ only: text changed\n");
  });

  test("an error outside any loader (its cache folder is a file) rejects only once the loaders already running have written", async () => {
    // A loader that takes a while, and one whose output cannot be written: where its folder goes, a file.
    await writeFile(
      join(root, "src/data/fixture-slow.csv.ts"),
      'await new Promise((r) => setTimeout(r, 1500));\nprocess.stdout.write("a\\n1\\n");\n'
    );
    await addBlockedLoader(root);
    const slow = join(root, "src/.observablehq/cache/data/fixture-slow.csv");
    const refreshing = refresh(root, {names: ["data/fixture-slow.csv", "other/fixture.csv"], concurrency: 2});
    await expect(refreshing).rejects.toThrow(/EEXIST/);
    expect(await readFile(slow, "utf-8")).toBe("a\n1\n");
    // The command says where and what, as one problem, with no stack.
    const cli = await refreshIn(root, "other/fixture.csv");
    expect(cli.status).toBe(1);
    expect(cli.stderr).toBe(
      "src/.observablehq/cache/other: FILE_SYSTEM: mkdir: file already exists (EEXIST)\nexplainer refresh: 1 problem\n"
    );
  });

  test("a bad ledger fails the stage's outputs with its file and line, keeps their last good versions, and lets the other loaders run", async () => {
    const output = join(root, "src/.observablehq/cache/data/claims.csv");
    const good = await readFile(output, "utf-8");
    await edit(root, "data/claims.csv", (t) => t.replace("Well over 800,000 Ukrainians", "Well over 800,000 Russians"));
    await edit(root, "data/fixture/a.csv", (t) => t.replace("b,beta,2", "b,gamma,2"));
    const result = await refreshIn(root);
    expect(result.status).toBe(1);
    for (const name of stageNames) expect(result.statuses[name], name).toBe("failed");
    // The problems: the cause, at its line, then one line for the stage's outputs (not one each).
    const problems = result.stderr.split("\n").filter((l) => /^\S+: [A-Z_]+: /.test(l));
    expect(problems).toEqual([
      expect.stringMatching(/^data\/claims\.csv:3: QUOTE_NOT_IN_SOURCE: /),
      `src/data: LOADER_FAILED: the story does not verify, so its ${stageNames.length} outputs are not refreshed; their last good versions are kept`
    ]);
    expect(result.stderr).toMatch(/\nexplainer refresh: 2 problems\n$/);
    // Named alone, the one output says so in the singular.
    expect((await refreshIn(root, "data/claims.csv")).stderr).toContain(
      "src/data: LOADER_FAILED: the story does not verify, so data/claims.csv is not refreshed; its last good output is kept\n"
    );
    expect(result.statuses["data/fixture-a.csv"]).toBe("re-run");
    expect(await readFile(output, "utf-8")).toBe(good);
  });

  test("a module that does not parse fails its loaders at its file and line", async () => {
    await edit(root, "loaders/fixture-rows.ts", (t) => t + "export const broken = ;\n");
    const result = await refreshIn(root);
    expect(result.status).toBe(1);
    expect(result.rerun).toEqual(["data/fixture-a.csv"]);
    expect(result.stderr).toMatch(/^loaders\/fixture-rows\.ts:9: LOADER_IMPORT: Unexpected ";"$/m);
    await edit(root, "loaders/fixture-rows.ts", (t) => t.replace("export const broken = ;\n", ""));
    expect((await refreshIn(root)).status).toBe(0);
  });

  test("naming a loader re-runs it; --force re-runs all; an unknown name lists the loaders", async () => {
    const named = await refreshIn(root, "fixture-a.csv");
    expect(named.rerun).toEqual(["data/fixture-a.csv"]);
    expect(named.stderr).toMatch(/\(named\)$/m);
    const unknown = await refreshIn(root, "nope.csv");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^src: UNKNOWN_LOADER: no loader makes "nope\.csv" \(loaders: .*data\/claims\.csv/m);
    const forced = await refreshIn(root, "--force");
    expect(forced.status).toBe(0);
    const others = (await projectLoaders(root)).map((l) => l.name).filter((n) => !stageNames.includes(n));
    expect(forced.rerun).toEqual(others.sort());
    // A stage output the outputs record vouches for though it is wrong (as when something the outputs
    // read outside the story changed): a plain refresh trusts the record; a forced or named one makes it again.
    const claims = join(root, "src/.observablehq/cache/data/claims.csv");
    const good = await readFile(claims, "utf-8");
    const damage = async () => {
      await writeFile(claims, "id,label\n");
      const record = join(root, ".explainer/stage/outputs.json");
      const {story, files} = JSON.parse(await readFile(record, "utf-8"));
      const {size, mtimeMs} = await stat(claims);
      await writeFile(record, JSON.stringify({story, files: {...files, "data/claims.csv": [size, mtimeMs]}}));
    };
    await damage();
    expect((await refreshIn(root)).rerun).toEqual([]);
    const remade = await refreshIn(root, "--force");
    expect(remade.statuses["data/claims.csv"]).toBe("re-run");
    expect(await readFile(claims, "utf-8")).toBe(good);
    await damage();
    expect((await refreshIn(root, "data/claims.csv")).rerun).toEqual(["data/claims.csv"]);
    expect(await readFile(claims, "utf-8")).toBe(good);
  });

  test("a no-change refresh reports each stage output's rows from the outputs record, without reading the output", async () => {
    const rowsOf = async () =>
      Object.fromEntries((await refresh(root)).filter((r) => r.name.endsWith(".csv")).map((r) => [r.name, r.rows]));
    const counted = await rowsOf();
    expect(counted["data/claims.csv"]).toBe(3);
    expect(counted["data/sources.csv"]).toBe(1);
    // The ledger's output replaced by one of no rows, the record made to vouch for it: its recorded rows are reported.
    const claims = join(root, "src/.observablehq/cache/data/claims.csv");
    await writeFile(claims, "id\n");
    const record = join(root, ".explainer/stage/outputs.json");
    const {story, files} = JSON.parse(await readFile(record, "utf-8"));
    const {size, mtimeMs} = await stat(claims);
    await writeFile(record, JSON.stringify({story, files: {...files, "data/claims.csv": [size, mtimeMs, 3]}}));
    expect(await rowsOf()).toEqual(counted);
    // A record without rows (as one written before rows were recorded): the output is read and counted.
    await writeFile(record, JSON.stringify({story, files: {...files, "data/claims.csv": [size, mtimeMs]}}));
    expect((await rowsOf())["data/claims.csv"]).toBe(0);
  });

  test("an output changed outside refresh is re-run, a stage output rewritten", async () => {
    await writeFile(join(root, "src/.observablehq/cache/data/fixture-a.csv"), "id,label,value\n");
    await writeFile(join(root, "src/.observablehq/cache/data/claims.csv"), "id,label\n");
    const result = await refreshIn(root);
    expect(result.rerun).toEqual(["data/claims.csv", "data/fixture-a.csv"]);
    expect(result.stderr).toMatch(/^data\/fixture-a\.csv .*\(output changed outside refresh\)$/m);
    expect(result.stdout).toContain("data/fixture-a.csv: 2 added (2 rows)\n  + a: alpha\n  + b: beta\n");
    expect(await readFile(join(root, "src/.observablehq/cache/data/claims.csv"), "utf-8")).toBe(
      await readFile(join(base, "src/.observablehq/cache/data/claims.csv"), "utf-8")
    );
  });

  test("a stage output removed from the cache is made again, and a new kit remakes outputs of the same story", async () => {
    const sources = join(root, "src/.observablehq/cache/data/sources.csv");
    const good = await readFile(sources, "utf-8");
    await rm(sources);
    const removed = await refreshIn(root);
    expect(removed.rerun).toEqual(["data/sources.csv"]);
    expect(await readFile(sources, "utf-8")).toBe(good);
    // A new version of the kit (in the project, run as a user runs it) writes an output differently;
    // the story and the files in the cache are as they were. The command line compiled the kit before
    // the edit and compiles it again, into a new folder, after it (bin/compiled-kit.js).
    expect(explainer(root, "check").status).toBe(0);
    const compiled = async () => (await readdir(join(root, ".explainer/kit"))).filter((n) => /^[0-9a-f]{16}$/.test(n));
    const [before] = await compiled();
    await edit(root, "loaders/stage-output-content.ts", (t) =>
      t.replace('["id", "title", "byline", "published", "publisher", "url", "archived"]', '["id", "title"]')
    );
    const upgraded = explainer(root, "refresh");
    expect(upgraded.status, upgraded.stderr).toBe(0);
    expect(upgraded.stderr).toMatch(/^data\/sources\.csv\s+re-run/m);
    expect(upgraded.stderr).toMatch(/^data\/claims\.csv\s+cached/m);
    expect((await readFile(sources, "utf-8")).split("\n")[0]).toBe("id,title");
    const current = JSON.parse(await readFile(join(root, ".explainer/kit/current.json"), "utf-8"));
    expect(current.hash).not.toBe(before);
    expect((await compiled()).sort()).toEqual([before, current.hash].sort());
    expect(Object.keys(current.inputs)).toContain("loaders/stage-output-content.ts");
    // A kit file that does not parse stops the command with its file and line, and runs nothing.
    await edit(root, "loaders/stage-output-content.ts", (t) => `${t}\nexport const = ;\n`);
    const broken = explainer(root, "check");
    expect([broken.status, broken.stdout]).toEqual([1, ""]);
    expect(broken.stderr).toMatch(
      /^explainer: the kit's TypeScript does not compile: .*\nloaders\/stage-output-content\.ts:\d+:13: ERROR: Expected identifier but found "="$/m
    );
  });
});

describe("diffOutputs", () => {
  test("diffOutputs(csv with ids) reports added, removed and changed rows with their labels", () => {
    const before = "id,label,value\na,alpha,1\nb,beta,2\nc,gamma,3\n";
    const after = "id,label,value\na,alpha,1\nb,beta,20\nc,GAMMA,3\nd,delta,4\n";
    const changes = diffOutputs("x.csv", before, after);
    expect(changes).toEqual({
      isNew: false,
      differs: true,
      keyedBy: "id",
      rowsBefore: 3,
      rowsAfter: 4,
      added: [{id: "d", label: "delta"}],
      removed: [],
      changed: [
        {id: "b", fields: ["value"]},
        {id: "c", fields: ["label"], label: {before: "gamma", after: "GAMMA"}}
      ]
    });
    expect(formatChanges("x.csv", changes)).toEqual([
      "x.csv: 1 added, 2 changed (4 rows)",
      "  + d: delta",
      "  ~ b: value changed",
      "  ~ c: gamma → GAMMA"
    ]);
  });

  test("diffOutputs(rows without ids) matches rows by content", () => {
    const changes = diffOutputs("x.tsv", "n\tv\nx\t1\ny\t2\n", "n\tv\ny\t2\nz\t3\n");
    expect(changes).toMatchObject({keyedBy: "content", added: [{id: "row 2"}], removed: [{id: "row 1"}], changed: []});
  });

  test("diffOutputs(json object) keys rows by property; other formats only say whether they changed", () => {
    expect(diffOutputs("x.json", '{"a": 1, "b": [2]}', '{"a": 1, "b": [3]}').changed).toEqual([
      {id: "b", fields: ["value"]}
    ]);
    expect(formatChanges("x.svg", diffOutputs("x.svg", "<svg/>", "<svg></svg>"))).toEqual(["x.svg: changed"]);
    expect(formatChanges("x.csv", diffOutputs("x.csv", null, "id\na\n"))).toEqual(["x.csv: new (1 row)"]);
    expect(formatChanges("x.csv", diffOutputs("x.csv", "id\na\n", "id\na\n"))).toEqual(["x.csv: no change (1 row)"]);
  });
});

describe("problemsFromStderr", () => {
  test("problemsFromStderr(kit lines) keeps file, line, code and message", () => {
    const stderr = 'data/claims.csv:3: QUOTE_NOT_IN_SOURCE: quote not found in source "s": "q"\n';
    expect(problemsFromStderr("/p", "src/data/claims.csv.ts", stderr, "exited with status 1")).toEqual([
      {file: "data/claims.csv", line: 3, code: "QUOTE_NOT_IN_SOURCE", message: 'quote not found in source "s": "q"'}
    ]);
  });

  test("problemsFromStderr(a field's problem) keeps the field apart, so it prints after the file as the kit's own lines do", () => {
    const stderr = "data/charts/x.json: annotations[1].on: ANNOTATION_ON_NOTHING: the claim is not drawn\n";
    const problems = problemsFromStderr("/p", "src/data/x.json.ts", stderr, "exited with status 1");
    expect(problems).toEqual([
      {
        file: "data/charts/x.json",
        field: "annotations[1].on",
        code: "ANNOTATION_ON_NOTHING",
        message: "the claim is not drawn"
      }
    ]);
    const failed = {
      status: "failed",
      problems,
      name: "x.json",
      loader: "src/data/x.json.ts",
      kept: true
    } as LoaderResult;
    expect(failuresOf([failed])[0].message).toBe(stderr.trim());
  });

  test("failuresOf: the stage's outputs that fail because the story does not verify share one line, which counts those with no output yet", () => {
    const problem = {
      file: "data/claims.csv",
      line: 7,
      code: "INVALID_QUALIFIER",
      message: 'qualifier "almost" is unknown'
    };
    const result = (name: string, reason: string, kept: boolean, problems = [problem]) =>
      ({name, loader: `src/data/${name}.ts`, status: "failed", reason, kept, problems}) as unknown as LoaderResult;
    const unverified = "the story does not verify";
    const feed = {file: "loaders/feed.ts", line: 3, code: "LOADER_THREW", message: "cannot read the feed"};
    expect(
      failuresOf([
        result("claims.csv", unverified, true),
        result("sources.csv", unverified, false),
        result("numbers.csv", unverified, false),
        result("feed.csv", "exited with status 1", true, [feed])
      ]).map((e) => e.message)
    ).toEqual([
      'data/claims.csv:7: INVALID_QUALIFIER: qualifier "almost" is unknown',
      "loaders/feed.ts:3: LOADER_THREW: cannot read the feed",
      "src/data: LOADER_FAILED: the story does not verify, so its 3 outputs are not refreshed; 2 of them have no output yet",
      "src/data/feed.csv.ts: LOADER_FAILED: feed.csv not refreshed; its last good output is kept"
    ]);
    expect(failuresOf([result("claims.csv", unverified, false)]).map((e) => e.message)[1]).toBe(
      "src/data: LOADER_FAILED: the story does not verify, so claims.csv is not refreshed; it has no output"
    );
  });

  test("problemsFromStderr(uncaught error) places it at its first frame in the project", () => {
    const stderr = [
      "file:///p/node_modules/x/index.js:1",
      "",
      "TypeError: cannot read the feed",
      "    at read (/p/node_modules/x/index.js:1:1)",
      "    at load (file:///p/loaders/feed.ts:12:5)",
      ""
    ].join("\n");
    expect(problemsFromStderr("/p", "src/data/feed.csv.ts", stderr, "exited with status 1")).toEqual([
      {file: "loaders/feed.ts", line: 12, code: "LOADER_THREW", message: "cannot read the feed"}
    ]);
    expect(problemsFromStderr("/p", "src/data/feed.csv.ts", "", "killed by SIGKILL")).toEqual([
      {file: "src/data/feed.csv.ts", code: "LOADER_FAILED", message: "loader killed by SIGKILL"}
    ]);
  });
});
