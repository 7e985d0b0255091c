import {existsSync} from "node:fs";
import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, test} from "vitest";
import {escapeHtml} from "../loaders/prose-html.ts";
import {runStage} from "../loaders/stage.ts";
import {main} from "../tools/cli.ts";
import {pageCardSvg} from "../tools/publish/cards.ts";
import {pageInfo} from "../tools/publish/page-info.ts";
import {copyProject, projectRoot, recordingEffects, removeProject} from "./helpers/project.ts";

// A desk of several explainers, checked from the command line in its own copy for each test.
let root: string;
beforeEach(async () => {
  root = await copyProject("desk");
});
afterEach(() => removeProject(root));

async function explainer(...args: string[]) {
  const effects = recordingEffects(root, new Date("2022-03-10T12:00:00Z"));
  const status = await main(args, effects);
  return {status, stdout: effects.out.join(""), stderr: effects.err.join("")};
}

async function edit(file: string, change: (text: string) => string) {
  await writeFile(join(root, file), change(await readFile(join(root, file), "utf-8")));
}

describe("explainer new", () => {
  test("new SLUG --title writes a page that passes check at once, dated today", async () => {
    const result = await explainer("new", "the-exodus", "--title", "The exodus", "--byline", "The desk");
    expect(result).toMatchObject({status: 0, stdout: "src/explainers/the-exodus.md\n"});
    const text = await readFile(join(root, "src/explainers/the-exodus.md"), "utf-8");
    expect(text).toMatch(/^---\ntitle: "The exodus"\nstandfirst: ""\nbyline: "The desk"\npublished: 2022-03-10\n---\n/);
    // Its comment sends the writer to a page of the manual that exists.
    const guide = text.match(/(docs\/[\w-]+\.md) shows how/)?.[1];
    expect(guide && existsSync(join(projectRoot, guide))).toBe(true);
    const check = await explainer("check");
    expect(check.stderr.split("\n").filter((l) => !l.startsWith("warning:"))).toEqual([""]);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain("explainer the-exodus: ok: cites 0 claims from 0 sources, 0 charts\n");
    // A figure in the title must be one the page cites: new says so at once.
    const typed = await explainer("new", "three-million", "--title", "Three million");
    expect(typed.status).toBe(0);
    expect(typed.stderr).toContain(
      'warning: the title holds a figure, "Three million": cite it in the page (the standfirst, say), or check will report it as UNCITED_NUMBER'
    );
  });

  test("new refuses a slug that exists or is not a slug, and a title that would hold a reference; nothing is written", async () => {
    const page = join(root, "src/explainers/one-million.md");
    const before = await readFile(page, "utf-8");
    expect(await explainer("new", "one-million", "--title", "Again")).toEqual({
      status: 1,
      stdout: "",
      stderr:
        "src/explainers/one-million.md: EXPLAINER_EXISTS: src/explainers/one-million.md already exists; choose another slug\nexplainer new: 1 problem\n"
    });
    expect(await readFile(page, "utf-8")).toBe(before);
    const bad = await explainer("new", "Three Million", "--title", "x");
    expect(bad.status).toBe(1);
    expect(bad.stderr.split("\n")[0]).toBe(
      'src/explainers/Three Million.md: INVALID_ID: "Three Million" is not a slug: lower-case letters and digits in words joined by hyphens, such as one-million-refugees'
    );
    expect(existsSync(join(root, "src/explainers/Three Million.md"))).toBe(false);
    const ref = await explainer("new", "ref", "--title", "Over {refugees-review-0308}");
    expect(ref.stderr.split("\n")[0]).toBe(
      "src/explainers/ref.md: UNRESOLVED_REFERENCE: {refugees-review-0308} in the title would not be resolved; write the words"
    );
    expect((await explainer("new", "x", "--standfirst", "y")).status).toBe(2);
  });
});

describe("explainer check, per explainer", () => {
  test("an unknown claim, an unknown chart and an unresolved reference each fail with the page and line, and a slip names the id meant", async () => {
    await edit("src/explainers/one-million.md", (text) =>
      text.replace(
        "::: ledger",
        "By then {refugees-review-9999} had fled, as {refugees-review-0308.colour} says, and {Refugees} more.\n\n::: chart no-such-chart\n\n::: chart refugee-count\n\n<p>{refugees-review-0308} in HTML</p>\n\n::: ledger"
      )
    );
    const {status, stderr} = await explainer("check");
    expect(status).toBe(1);
    const lines = stderr.trim().split("\n");
    const at = (code: string) => lines.filter((l) => l.includes(`: ${code}: `));
    expect(at("UNKNOWN_CLAIM")).toEqual([
      expect.stringMatching(
        /^src\/explainers\/one-million\.md:\d+: UNKNOWN_CLAIM: no claim "refugees-review-9999" in data\/claims\.csv \(did you mean "refugees-review-0309"\?\)$/
      )
    ]);
    expect(at("INVALID_PLACEHOLDER")).toHaveLength(1);
    expect(at("UNRESOLVED_REFERENCE")).toHaveLength(2);
    expect(at("UNKNOWN_CHART")).toEqual([
      expect.stringMatching(
        /^src\/explainers\/one-million\.md:\d+: UNKNOWN_CHART: no chart "no-such-chart" in data\/charts\/$/
      ),
      expect.stringMatching(
        /^src\/explainers\/one-million\.md:\d+: UNKNOWN_CHART: no chart "refugee-count" in data\/charts\/ \(did you mean "refugee-counts"\?\)$/
      )
    ]);
    expect(lines.at(-1)).toBe("explainer check: 6 problems");
  });

  test("an image that is not under src/ fails check with its line; once the file is there, check passes", async () => {
    await edit("src/explainers/one-million.md", (text) =>
      text.replace("::: ledger", "![The border at Medyka, a fixture picture](medyka.jpg)\n\n::: ledger")
    );
    const line = (await readFile(join(root, "src/explainers/one-million.md"), "utf-8"))
      .split("\n")
      .findIndex((l) => l.includes("medyka.jpg"));
    const missing = await explainer("check");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(
      `src/explainers/one-million.md:${line + 1}: MISSING_FILE: the image "medyka.jpg" is not in the project: there is no src/explainers/medyka.jpg\n`
    );
    // Only the new file's name changed the project, and check sees it.
    await writeFile(join(root, "src/explainers/medyka.jpg"), "a fixture file, not a real picture\n");
    const found = await explainer("check");
    expect(found.stderr).not.toContain("MISSING_FILE");
    expect(found.status).toBe(0);
  });

  test("a link to a page or file of the site that does not exist, or to a draft, is a warning at its line; check still passes", async () => {
    await edit("src/explainers/one-million.md", (text) =>
      text.replace(
        "::: ledger",
        [
          "See [the other explainer](two-million), [how we verify](../methodology#figures), [home](../),",
          "[its embed](/embed/refugee-counts), [the figures](/data/download/claims/one-million.csv) and",
          "[a typo](./two-milion), <a href='/methodolgy'>a page that is not there</a>, [mail](mailto:desk@news.example).",
          "",
          "::: ledger"
        ].join("\n")
      )
    );
    const lines = (await readFile(join(root, "src/explainers/one-million.md"), "utf-8")).split("\n");
    const line = lines.findIndex((l) => l.includes("two-milion")) + 1;
    const check = await explainer("check");
    // two-million is a draft: the build leaves it out, so a link to it leads nowhere.
    expect(check.stderr.split("\n").filter((l) => l.includes("BROKEN_LINK"))).toEqual([
      `warning: src/explainers/one-million.md:${line - 2}: BROKEN_LINK: "two-million" leads to /explainers/two-million, a draft, which the build leaves out`,
      `warning: src/explainers/one-million.md:${line}: BROKEN_LINK: "./two-milion" leads to /explainers/two-milion, which is no page or file of the site`,
      `warning: src/explainers/one-million.md:${line}: BROKEN_LINK: "/methodolgy" leads to /methodolgy, which is no page or file of the site`
    ]);
    expect(check.status).toBe(0);
    // The explainer is ok, with its warnings: nothing of it blocks the build.
    expect(check.stdout).toMatch(/^explainer one-million: ok, 3 warnings: cites /m);
  });

  test("a draft's problems warn and do not fail; the same problem in a published explainer fails", async () => {
    await edit("src/explainers/two-million.md", (text) => text.replace("::: ledger", "{no-such-claim}\n\n::: ledger"));
    const draft = await explainer("check");
    expect(draft.status).toBe(0);
    expect(draft.stderr).toMatch(/^warning: src\/explainers\/two-million\.md:\d+: UNKNOWN_CLAIM: /m);
    expect(draft.stdout).toMatch(/^explainer two-million \(draft\): 1 problem \(a draft: not built, not blocking\): /m);
    await edit("src/explainers/two-million.md", (text) => text.replace("draft: true\n", ""));
    const published = await explainer("check");
    expect(published.status).toBe(1);
    expect(published.stderr).toMatch(/^src\/explainers\/two-million\.md:\d+: UNKNOWN_CLAIM: /m);
  });

  test("card: names the figure of the page's social card; an unknown claim, or one the page does not show, fails at its line", async () => {
    const card = (id: string) =>
      edit("src/explainers/one-million.md", (text) =>
        text.replace(/^(card: .*\n)?published:/m, `card: ${id}\npublished:`)
      );
    const figureOfPage = async () => {
      const {stage} = await runStage(root);
      const info = pageInfo(stage!, "explainers/one-million.html", "<main></main>");
      return {info, label: (id: string) => stage!.claims.find((c) => c.id === id)!.label};
    };
    const before = await figureOfPage();
    await card("appeal-bulletin-0301");
    const after = await figureOfPage();
    // The page's figure is the one named, not its first chart's key figure.
    expect(after.info.figure?.label).toBe(after.label("appeal-bulletin-0301"));
    expect(before.info.figure?.label).not.toBe(after.info.figure?.label);
    expect(pageCardSvg(after.info, "Fixture site")).toContain(escapeHtml(after.label("appeal-bulletin-0301")));
    expect((await explainer("check")).status).toBe(0);

    await card("no-such-claim");
    const unknown = await explainer("check");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(
      'src/explainers/one-million.md:5: UNKNOWN_CLAIM: card: no claim "no-such-claim" in data/claims.csv\n'
    );
    // A list where one claim's id goes.
    await card("[refugees-bulletin-0303, appeal-bulletin-0301]");
    const list = await explainer("check");
    expect(list.status).toBe(1);
    expect(list.stderr).toContain("src/explainers/one-million.md:5: INVALID_FIELD: card is not text\n");
    // A claim of the ledger that this page does not show (the other explainer's chart draws it):
    // readers would see a figure the page does not cite.
    const other = "arrivals-poland-review-0308";
    await card(other);
    const uncited = await explainer("check");
    expect(uncited.status).toBe(1);
    expect(uncited.stderr).toContain(
      `src/explainers/one-million.md:5: FIGURE_NOT_CITED: card: {${other}} is the social card's figure, and the page shows it nowhere: cite it in the text\n`
    );
  });

  test("a correction for an explainer or a claim that does not exist fails with its line, naming the one meant after a slip", async () => {
    await edit(
      "data/corrections.csv",
      (text) =>
        text + "no-such-page,2022-03-10,update,no-such-claim,A change.\none-milion,2022-03-10,update,,A change.\n"
    );
    const {status, stderr} = await explainer("check");
    expect(status).toBe(1);
    expect(stderr).toContain(
      'data/corrections.csv:3: UNKNOWN_EXPLAINER: no explainer "no-such-page" in src/explainers/\n'
    );
    expect(stderr).toContain('data/corrections.csv:3: UNKNOWN_CLAIM: no claim "no-such-claim" in data/claims.csv\n');
    expect(stderr).toContain(
      'data/corrections.csv:4: UNKNOWN_EXPLAINER: no explainer "one-milion" in src/explainers/ (did you mean "one-million"?)\n'
    );
  });

  test("a site_name that is not one line of text fails check at its line", async () => {
    await edit("src/index.md", (text) => text.replace(/^site_name: .*$/m, "site_name: [The, Desk]"));
    const {status, stderr} = await explainer("check");
    expect(status).toBe(1);
    expect(stderr).toContain(
      "src/index.md:3: INVALID_FIELD: site_name is the site's name: one line of text, up to 60 characters\n"
    );
  });

  test("a page whose front matter is not YAML fails at the line where YAML noticed, with its reason", async () => {
    // Line 4 opens a bracket it never closes; YAML notices on line 5.
    await edit("src/explainers/one-million.md", (text) => text.replace("byline: the", "byline: [the"));
    const {status, stderr} = await explainer("check");
    expect(status).toBe(1);
    expect(stderr).toContain(
      "src/explainers/one-million.md:5: INVALID_FRONT_MATTER: missed comma between flow collection entries\n"
    );
  });

  test("a published date that is not a day of the calendar fails, where YAML would have rolled it over", async () => {
    // YAML reads 2022-02-30 as 2 March 2022; the home page and the metadata would have shown that day.
    await edit("src/explainers/one-million.md", (text) =>
      text.replace("published: 2022-03-04", "published: 2022-02-30")
    );
    const {status, stderr} = await explainer("check");
    expect(status).toBe(1);
    expect(stderr).toContain(
      'src/explainers/one-million.md:5: INVALID_DATE: published "2022-02-30" is not a date YYYY-MM-DD\n'
    );
  });

  test("a page whose front matter is an alias bomb, or too large, is refused fast with its file", async () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const c of "bcdefghij")
      bomb.push(
        `${c}: &${c} [*${String.fromCharCode(c.charCodeAt(0) - 1)}, *${String.fromCharCode(c.charCodeAt(0) - 1)}, *${String.fromCharCode(c.charCodeAt(0) - 1)}, *${String.fromCharCode(c.charCodeAt(0) - 1)}, *${String.fromCharCode(c.charCodeAt(0) - 1)}, *${String.fromCharCode(c.charCodeAt(0) - 1)}, *${String.fromCharCode(c.charCodeAt(0) - 1)}, *${String.fromCharCode(c.charCodeAt(0) - 1)}, *${String.fromCharCode(c.charCodeAt(0) - 1)}]`
      );
    await edit("src/explainers/one-million.md", (text) =>
      text.replace("---\n", `---\n${bomb.join("\n")}\nallow: *j\n`)
    );
    await writeFile(join(root, "src/methodology.md"), `---\ntitle: "${"x".repeat(20_000)}"\n---\n\n# M\n`);
    const {status, stderr} = await explainer("check");
    expect(status).toBe(1);
    expect(stderr).toContain(
      "src/explainers/one-million.md:1: INVALID_FRONT_MATTER: the front matter uses a YAML alias; write each value out\n"
    );
    expect(stderr).toContain(
      "src/methodology.md:1: INVALID_FRONT_MATTER: the front matter is 20013 characters, over the limit of 16384\n"
    );
  });
});
