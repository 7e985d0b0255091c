/**
 * The command line as a shell uses it: help is output, an unknown command is a mistake, and a reader
 * that stops early (`| head`) ends nothing but the output.
 */
import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import {readFile, readdir} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {copyProject, explainer, removeProject} from "./helpers/project.ts";

let root: string;
beforeAll(async () => void (root = await copyProject("desk")));
afterAll(async () => await removeProject(root));

describe("explainer --help", () => {
  test("prints every command's usage on stdout, exit 0, for --help, -h, help and nothing at all", async () => {
    const commands = Object.keys(JSON.parse(await readFile(join(root, "tools/commands/commands.json"), "utf-8")));
    expect(commands).toContain("check");
    for (const args of [["--help"], ["-h"], ["help"], []]) {
      const {status, stdout, stderr} = explainer(root, ...args);
      expect([status, stderr]).toEqual([0, ""]);
      expect(stdout.split("\n")[0]).toBe("usage:");
      for (const name of commands) expect(stdout).toContain(`\n  explainer ${name} `);
    }
  });

  test("COMMAND --help prints that command's usage on stdout, exit 0", () => {
    const {status, stdout, stderr} = explainer(root, "check", "--help");
    expect([status, stderr]).toEqual([0, ""]);
    expect(stdout).toMatch(/^usage: explainer check \n {2}verify sources, ledger, charts and pages/);
  });

  test("an unknown command is named on stderr with the usage, exit 2", () => {
    const {status, stdout, stderr} = explainer(root, "chek");
    expect([status, stdout]).toEqual([2, ""]);
    expect(stderr.split("\n").slice(0, 2)).toEqual(["unknown command: chek", "usage:"]);
  });
});

describe("output into a reader that stops early", () => {
  test("explainer numbers | head: no crash, exit 0, as if all was read", async () => {
    const sources = (await readdir(join(root, "data/sources"))).map((f) => join("data/sources", f));
    // Enough CSV to fill the pipe many times over: each source, forty times.
    const args = Array.from({length: 40}, () => sources).flat();
    const child = spawn(process.execPath, [join(root, "bin/explainer.js"), "numbers", ...args], {cwd: root});
    let stderr = "";
    child.stderr.on("data", (chunk) => void (stderr += chunk));
    // The reader takes the first chunk (the header and some rows) and goes away.
    const first = await new Promise<string>((resolve) => child.stdout.once("data", (chunk) => resolve(String(chunk))));
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.once("close", resolve));
    expect(first.split("\n")[0]).toBe("source,start,end,text,value,lower,upper,qualifier,kind,unit,sentence,part");
    expect(stderr).toBe("");
    expect(status).toBe(0);
  });
});

describe("a bad EXPLAINER_SITE_URL", () => {
  test.each(["build", "publish", "dev"])(
    "explainer %s names it as one problem, exit 1, before anything runs",
    (command) => {
      const {status, stdout, stderr} = explainer(root, command, {EXPLAINER_SITE_URL: "news.example/fixture"});
      expect([status, stdout]).toEqual([1, ""]);
      expect(stderr.split("\n")).toEqual([
        'EXPLAINER_SITE_URL: INVALID_SITE_URL: not an absolute URL: "news.example/fixture"',
        `explainer ${command}: 1 problem`,
        ""
      ]);
      expect(existsSync(join(root, "dist"))).toBe(false);
    }
  );
});
