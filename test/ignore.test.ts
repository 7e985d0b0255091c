/**
 * `explainer ignore SOURCE --repeats`: the ignore rows for the numbers of a source that repeat a
 * figure the ledger cites from it, as the audit page's one-click button writes them.
 */
import {readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {afterEach, beforeEach, expect, test} from "vitest";
import {main} from "../tools/cli.ts";
import {copyProject, recordingEffects, removeProject} from "./helpers/project.ts";

const seed = "2022-03-02-putins-invasion-of-ukraine-leaves-2000-civilians-dead-as-pleas-for-escape-routes-grow";
const ignored = "data/ignored.csv";

let root: string;
beforeEach(async () => {
  root = await copyProject("seed");
  // The fixture's list without its two rows for the repeats of the cited toll of 2,000 dead.
  const text = await readFile(join(root, ignored), "utf-8");
  await writeFile(join(root, ignored), text.replace(/^.*(?:leaves|has killed) 2,000 civilians.*\n/gm, ""));
});
afterEach(() => removeProject(root));

async function explainer(...args: string[]) {
  const effects = recordingEffects(root);
  const status = await main(args, effects);
  return {status, stdout: effects.out.join(""), stderr: effects.err.join("")};
}

test("prints a row for each repeat of a cited figure, with the reason naming the claim; --write appends them and check passes", async () => {
  const before = await readFile(join(root, ignored), "utf-8");
  expect((await explainer("check")).stderr).toContain(`NUMBER_UNREVIEWED: count "2,000"`);

  const printed = await explainer("ignore", seed, "--repeats");
  expect(printed.status).toBe(0);
  expect(printed.stdout).toBe(
    `${seed},"leaves 2,000 civilians",The headline repeats the figure that the ledger cites from the body (claim civilians-killed).\n` +
      `${seed},"2,000 civilians,",Repeats the figure that the ledger cites from this source (claim civilians-killed).\n`
  );
  expect(printed.stderr).toBe("2 rows for data/ignored.csv: append with --write\n");
  expect(await readFile(join(root, ignored), "utf-8")).toBe(before);

  const written = await explainer("ignore", `data/sources/${seed}.md`, "--repeats", "--write");
  expect(written.status).toBe(0);
  expect(written.stderr).toBe("2 rows appended to data/ignored.csv; `npx explainer check` verifies them\n");
  expect(await readFile(join(root, ignored), "utf-8")).toBe(before + printed.stdout);
  const check = await explainer("check");
  expect(check.status, check.stderr).toBe(0);
  expect(check.stdout).toContain(`source ${seed}: 6 numbers: 3 cited, 3 ignored, 0 unreviewed`);

  const again = await explainer("ignore", seed, "--repeats");
  expect([again.status, again.stdout, again.stderr]).toEqual([
    0,
    "",
    `no number of "${seed}" repeats a figure that the ledger cites from it\n`
  ]);
});

test("bad input names the file and what is wrong, exits non-zero and writes nothing", async () => {
  const before = await readFile(join(root, ignored), "utf-8");
  const unknown = await explainer("ignore", "2022-03-02-no-such-source", "--repeats", "--write");
  expect(unknown.status).toBe(1);
  expect(unknown.stderr).toContain('UNKNOWN_SOURCE: source "2022-03-02-no-such-source" is not in data/sources/');

  const usage = await explainer("ignore", seed);
  expect(usage.status).toBe(2);
  expect(usage.stderr).toContain("ignore takes --repeats");

  // A row of the list with no reason: the list is refused at its line, and stays as it was.
  const broken = (await readFile(join(root, ignored), "utf-8")) + `${seed},dozens,\n`;
  await writeFile(join(root, ignored), broken);
  const refused = await explainer("ignore", seed, "--repeats", "--write");
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain(`data/ignored.csv:3: MISSING_FIELD: "reason" is empty`);
  expect(await readFile(join(root, ignored), "utf-8")).toBe(broken);

  // A publish record with a bad row: --superseded, which reads it, names its line, and writes nothing.
  await writeFile(join(root, ignored), before);
  await writeFile(
    join(root, "data/published.csv"),
    `explainer,date,claim,label,as_of,source,hash,logged\nfixture,2026-11-20,civilians-killed,"2,000",2022-03-02,${seed},abc,0\n`
  );
  const record = await explainer("ignore", seed, "--superseded", "--write");
  expect(record.status).toBe(1);
  expect(record.stderr).toContain('data/published.csv:2: INVALID_FIELD: hash "abc" is not 12 hex digits');
  expect(await readFile(join(root, ignored), "utf-8")).toBe(before);
});

test("a project without data/ignored.csv gets one, its header first", async () => {
  await rm(join(root, ignored));
  const written = await explainer("ignore", seed, "--repeats", "--write");
  expect(written.status, written.stderr).toBe(0);
  const text = await readFile(join(root, ignored), "utf-8");
  expect(text.split("\n").slice(0, 1)).toEqual(["source,text,reason"]);
  expect(text.split("\n")).toHaveLength(4);
});
