import {cp, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {JSDOM} from "jsdom";
import {afterEach, beforeEach, describe, expect, test} from "vitest";
import {auditNumbers, parseIgnored, type IgnoreRow} from "../loaders/audit.ts";
import {readQuotedClaims} from "../loaders/ledger.ts";
import {readSourcesSync} from "../loaders/sources.ts";
import {runStage} from "../loaders/stage.ts";
import {stageOutputs} from "../loaders/stage-output-content.ts";
import {problemsOf} from "../loaders/errors.ts";
import {verifyLedger} from "../loaders/ledger.ts";
import type {SourceText} from "../src/components/audit-repeats.ts";
import {auditView} from "../src/components/audit-view.ts";
import {main} from "../tools/cli.ts";
import {projectRoot, recordingEffects} from "./helpers/project.ts";

const fixture = join(projectRoot, "test/fixtures/numbers/project");
const seedId = "2022-03-02-putins-invasion-of-ukraine-leaves-2000-civilians-dead-as-pleas-for-escape-routes-grow";
const sourceFile = `data/sources/${seedId}.md`;
const header = "source,text,reason";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "explainer-audit-"));
  await cp(fixture, root, {recursive: true});
});
afterEach(() => rm(root, {recursive: true, force: true}));

async function explainer(...args: string[]) {
  const effects = recordingEffects(root);
  const status = await main(args, effects);
  return {status, stdout: effects.out.join(""), stderr: effects.err.join("")};
}

async function edit(file: string, change: (text: string) => string) {
  await writeFile(join(root, file), change(await readFile(join(root, file), "utf-8")));
}

/** The fixture's sources and verified claims. */
async function loadStory(root: string) {
  const sources = readSourcesSync(root);
  return {sources, claims: readQuotedClaims(root, sources)};
}

/** `src/data/numbers.csv` as the stage makes it for the project at root. */
async function numbersAuditCsv(root: string): Promise<string> {
  const run = await runStage(root);
  return String(await stageOutputs["data/numbers.csv"](run.stage!, root));
}

/** [part, start, status, claim or reason] of each audited number. */
function statuses(ignores: IgnoreRow[], story: Awaited<ReturnType<typeof loadStory>>) {
  const {rows, problems} = auditNumbers(story.sources, story.claims, ignores);
  return {
    rows: rows.map((r) => [r.part, r.start, r.status, r.claim || r.reason]),
    problems: problems.map((p) => p.message)
  };
}

const ignore = (line: number, text: string, reason = "a reason"): IgnoreRow => ({line, source: seedId, text, reason});

describe("auditNumbers", () => {
  test("auditNumbers(seed, ledger, no ignores) cites exactly the spans the claims' quotes and figures cover", async () => {
    const story = await loadStory(root);
    expect(statuses([], story)).toEqual({
      rows: [
        ["title", 35, "unreviewed", ""],
        ["body", 135, "unreviewed", ""],
        ["body", 499, "cited", "soldiers-approaching-kyiv"],
        ["body", 1090, "cited", "civilians-killed"],
        ["body", 1656, "cited", "refugees"],
        ["body", 2498, "unreviewed", ""]
      ],
      problems: []
    });
  });

  test("auditNumbers(…, an ignore row) silences the numbers inside that text only", async () => {
    const story = await loadStory(root);
    const {rows} = statuses([ignore(2, "has killed 2,000 civilians", "repeats civilians-killed")], story);
    expect(rows.slice(0, 2)).toEqual([
      ["title", 35, "unreviewed", ""],
      ["body", 135, "ignored", "repeats civilians-killed"]
    ]);
  });

  test("auditNumbers(…) reports an ignore row whose text is not in the source, or covers only cited numbers", async () => {
    const story = await loadStory(root);
    const {problems} = statuses(
      [ignore(2, "Some 16,000 Russian soldiers"), ignore(3, "said that 2,000 civilians")],
      story
    );
    expect(problems).toEqual([
      `data/ignored.csv:2: IGNORED_TEXT_NOT_IN_SOURCE: text not found in source "${seedId}": "Some 16,000 Russian soldiers"`,
      `data/ignored.csv:3: IGNORED_COVERS_NO_NUMBER: text "said that 2,000 civilians" covers no uncited number of source "${seedId}"; remove the row`
    ]);
  });

  test("auditNumbers(…) does not let a claim cite another number of its quote", async () => {
    const story = await loadStory(root);
    const body = story.sources[0].body.replace(
      "Well over 800,000 Ukrainians",
      "Well over 800,000 of 40 million Ukrainians"
    );
    const sources = [{...story.sources[0], body}];
    const ledger = await readFile(join(root, "data/claims.csv"), "utf-8");
    const claims = verifyLedger(
      ledger.replace("Well over 800,000 Ukrainians have", "Well over 800,000 of 40 million Ukrainians have"),
      sources
    );
    const {rows} = auditNumbers(sources, claims, []);
    expect(rows.filter((r) => r.sentence.startsWith("Well over")).map((r) => [r.text, r.status])).toEqual([
      ["Well over 800,000", "cited"],
      ["40 million", "unreviewed"]
    ]);
  });
});

describe("parseIgnored", () => {
  const problems = (text: string) => {
    try {
      parseIgnored(text, [{id: seedId} as never]);
      return [];
    } catch (error) {
      return problemsOf(error).map((p) => p.message);
    }
  };

  test("parseIgnored(…) requires a reason and a known source, and reports each row", () => {
    expect(problems(`${header}\n${seedId},"2,000",\nnope,"2,000",a reason\n`)).toEqual([
      'data/ignored.csv:2: MISSING_FIELD: "reason" is empty',
      'data/ignored.csv:3: UNKNOWN_SOURCE: source "nope" is not in data/sources/'
    ]);
  });

  test("parseIgnored(…) requires its three columns", () => {
    expect(problems(`source,text\n${seedId},"2,000"\n`)).toEqual([
      'data/ignored.csv:1: MISSING_COLUMN: the header has no column "reason"'
    ]);
  });
});

describe("explainer check", () => {
  test("main([check]) passes on the seed: the ledger and the ignore list answer for every number", async () => {
    expect(await explainer("check")).toEqual({
      status: 0,
      stdout:
        "ok: 1 source, 3 claims verified, 0 charts rendered\n" +
        "explainer the-report: ok: cites 1 claim from 1 source, 0 charts; figures as of 2 March 2022\n" +
        `source ${seedId}: 6 numbers: 3 cited, 3 ignored, 0 unreviewed; cited by the-report\n`,
      stderr: ""
    });
  });

  test("main([check]) fails with the sentence of a new number added to a source", async () => {
    await edit(sourceFile, (text) =>
      text.replace(
        "In other developments today\n",
        "In other developments today, about 3 per cent of homes lost power.\n"
      )
    );
    const {status, stdout, stderr} = await explainer("check");
    expect(status).toBe(1);
    // The summary does not say "ok" when the command fails.
    expect(stdout.split("\n")[0]).toBe("not ok, 1 problem: 1 source, 3 claims verified, 0 charts rendered");
    expect(stderr.split("\n")).toEqual([
      `${sourceFile}:19: NUMBER_UNREVIEWED: percent "about 3 per cent" is neither cited in data/claims.csv nor listed in data/ignored.csv; sentence: "In other developments today, about 3 per cent of homes lost power."; draft a ledger row with \`npx explainer claim ${seedId} 671\`, or add it to data/ignored.csv with a reason`,
      "explainer check: 1 problem",
      ""
    ]);
  });

  test("main([check]) without the ignore list lists the headline's and the intro's 2,000, not the vague dozens", async () => {
    await rm(join(root, "data/ignored.csv"));
    const {status, stderr} = await explainer("check");
    expect(status).toBe(1);
    expect(stderr.split("\n").map((line) => line.split(" is neither")[0])).toEqual([
      `${sourceFile}: title: NUMBER_UNREVIEWED: count "2,000"`,
      `${sourceFile}:13: NUMBER_UNREVIEWED: count "2,000"`,
      "explainer check: 2 problems",
      ""
    ]);
  });

  test("main([check]) only warns about a source that no explainer cites", async () => {
    await rm(join(root, "src/explainers/the-report.md"));
    await rm(join(root, "data/ignored.csv"));
    const {status, stdout, stderr} = await explainer("check");
    expect(status).toBe(0);
    // Warnings do not fail the command, so the summary says "ok".
    expect(stdout.split("\n")[0]).toBe("ok: 1 source, 3 claims verified, 0 charts rendered");
    expect(stdout).toContain(
      `source ${seedId}: 6 numbers: 3 cited, 0 ignored, 2 unreviewed, 1 not a figure (dates, ordinals, vague); cited by no explainer`
    );
    expect(stderr.split("\n").map((line) => line.split(" is neither")[0])).toEqual([
      `warning: ${sourceFile}: title: NUMBER_UNREVIEWED: count "2,000"`,
      `warning: ${sourceFile}:13: NUMBER_UNREVIEWED: count "2,000"`,
      ""
    ]);
  });

  test("main([check]) folds past three the unreviewed numbers of a source no explainer cites into one warning; cited, each blocks on its line", async () => {
    const report = await readFile(join(root, "src/explainers/the-report.md"), "utf-8");
    await rm(join(root, "src/explainers/the-report.md"));
    await rm(join(root, "data/ignored.csv"));
    await edit(sourceFile, (text) =>
      text.replace(
        "In other developments today\n",
        "In other developments today, about 3 per cent of homes lost power and 40 fixture buses were sent.\n"
      )
    );
    const quiet = await explainer("check");
    expect(quiet.status).toBe(0);
    expect(quiet.stderr.split("\n")).toEqual([
      `warning: ${sourceFile}: title: NUMBER_UNREVIEWED: 4 numbers are neither cited in data/claims.csv nor listed in data/ignored.csv: count "2,000" (headline), count "2,000" (line 13), percent "about 3 per cent" (line 19) and 1 more; no published explainer cites this source, so they block no build: \`npx explainer claim ${seedId} --all\` drafts a ledger row for each, and the audit page lists them`,
      ""
    ]);

    await writeFile(join(root, "src/explainers/the-report.md"), report);
    const cited = await explainer("check");
    expect(cited.status).toBe(1);
    expect(cited.stderr.split("\n").map((line) => line.split(" is neither")[0])).toEqual([
      `${sourceFile}: title: NUMBER_UNREVIEWED: count "2,000"`,
      `${sourceFile}:13: NUMBER_UNREVIEWED: count "2,000"`,
      `${sourceFile}:19: NUMBER_UNREVIEWED: percent "about 3 per cent"`,
      `${sourceFile}:19: NUMBER_UNREVIEWED: count "40"`,
      "explainer check: 4 problems",
      ""
    ]);
  });

  test("main([check]) with one bad row in the ignore list reports that row and keeps the others' numbers ignored", async () => {
    await edit("data/ignored.csv", (text) => text + `fixture-no-such-source,300,A reason.\n`);
    const {status, stdout, stderr} = await explainer("check");
    expect(status).toBe(1);
    expect(stderr.split("\n")).toEqual([
      'data/ignored.csv:5: UNKNOWN_SOURCE: source "fixture-no-such-source" is not in data/sources/',
      "explainer check: 1 problem",
      ""
    ]);
    expect(stdout).toContain(`source ${seedId}: 6 numbers: 3 cited, 3 ignored, 0 unreviewed`);
  });

  test("main([check]) reports a stale ignore row with its line", async () => {
    await edit("data/ignored.csv", (text) => text + `${seedId},"Some 15,000",repeated\n`);
    const {status, stderr} = await explainer("check");
    expect([status, stderr.split("\n")[0]]).toEqual([
      1,
      `data/ignored.csv:5: IGNORED_COVERS_NO_NUMBER: text "Some 15,000" covers no uncited number of source "${seedId}"; remove the row`
    ]);
  });

  test("main([check]) still fails first on a bad ledger row, as before", async () => {
    await edit("data/claims.csv", (text) => text.replace("Some 15,000 Russian", "Some 16,000 Russian"));
    const {status, stderr} = await explainer("check");
    expect(status).toBe(1);
    expect(stderr).toContain("data/claims.csv:4: QUOTE_NOT_IN_SOURCE:");
  });
});

describe("numbers.csv and the audit page", () => {
  test("numbersAuditCsv(root) gives every number with its status, claim, reason and (empty: nothing published) superseded", async () => {
    const lines = (await numbersAuditCsv(root)).trimEnd().split("\n");
    expect(lines[0]).toBe(
      "source,start,end,text,value,lower,upper,qualifier,kind,unit,sentence,part,status,claim,reason,superseded"
    );
    expect(lines.slice(1).every((line) => line.endsWith(","))).toBe(true);
    expect(
      lines.slice(1).map((line) => line.match(/,(title|body),(cited|ignored|unreviewed),([^,]*)/)!.slice(1))
    ).toEqual([
      ["title", "ignored", ""],
      ["body", "ignored", ""],
      ["body", "cited", "soldiers-approaching-kyiv"],
      ["body", "cited", "civilians-killed"],
      ["body", "cited", "refugees"],
      ["body", "ignored", ""]
    ]);
  });

  test("auditView(texts, rows) marks each number by status and sets data as text, never as HTML", () => {
    const {window} = new JSDOM("<!doctype html><body></body>");
    const saved = globalThis.document;
    globalThis.document = window.document;
    try {
      const body = "A <img src=x onerror=alert(1)> note.\n\nSome 15,000 soldiers and 2,000 more.\n";
      const row = (start: number, end: number, status: string, extra: Record<string, string> = {}) => ({
        source: "s",
        part: "body",
        start: String(start),
        end: String(end),
        text: body.slice(start, end),
        kind: "count",
        value: "",
        lower: "",
        upper: "",
        qualifier: "exact",
        unit: "",
        status,
        claim: "",
        reason: "",
        ...extra
      });
      const view = auditView(
        [{id: "s", title: "Title <b>bold</b>", published: "2022-03-02", body, explainers: []}],
        [row(38, 49, "cited", {claim: "soldiers"}), row(63, 68, "unreviewed")]
      );
      expect(view.querySelectorAll("img, b").length).toBe(0);
      expect(view.querySelector("h2")!.textContent).toBe("Title <b>bold</b>");
      const marks = [...view.querySelectorAll<HTMLAnchorElement>(".audit-text a.audit-number")];
      expect(marks.map((m) => [m.textContent, m.className, m.getAttribute("href"), m.title])).toEqual([
        ["Some 15,000", "audit-number audit-cited", "#number-s-body-38", "cited in the ledger: claim soldiers"],
        ["2,000", "audit-number audit-unreviewed", "#number-s-body-63", "not reviewed yet"]
      ]);
      expect([...view.querySelectorAll(".audit-text p")].map((p) => p.textContent)).toEqual([
        "A <img src=x onerror=alert(1)> note.",
        "Some 15,000 soldiers and 2,000 more."
      ]);
      expect(view.querySelector(".audit-summary")!.textContent).toBe(
        "2 numbers in 1 source: 1 cited, 0 ignored, 1 unreviewed."
      );
      expect(view.querySelector("#number-s-body-63")!.textContent).toBe("2,000body 63countexactunreviewed");
    } finally {
      globalThis.document = saved;
    }
  });

  test("auditView lists the sources newest first, each with the figures it still needs reviewed, in the order of its sections", () => {
    const {window} = new JSDOM("<!doctype html><body></body>");
    const saved = globalThis.document;
    globalThis.document = window.document;
    try {
      const source = (id: string, published: string, title: string, explainers: SourceText["explainers"] = []) => ({
        id,
        title,
        published,
        body: "Fixture text.",
        explainers
      });
      const row = (source: string, kind: string, status: string) => ({
        source,
        part: "body",
        start: "0",
        end: "1",
        kind,
        status
      });
      const view = auditView(
        [
          source("2022-03-02-fixture-old", "2022-03-02", "Fixture: the old story", [
            {slug: "fixture-one", title: "Fixture explainer"},
            {slug: "fixture-two", title: "Fixture <b>second</b> explainer"}
          ]),
          source("2022-03-09-fixture-wire", "2022-03-09", "Fixture: <i>today's</i> wire"),
          source("2022-03-05-fixture-middle", "2022-03-05", "Fixture: a middle story", [
            {slug: "fixture-one", title: "Fixture explainer"}
          ])
        ],
        [
          row("2022-03-09-fixture-wire", "count", "unreviewed"),
          row("2022-03-09-fixture-wire", "money", "unreviewed"),
          row("2022-03-09-fixture-wire", "date", "unreviewed"),
          row("2022-03-09-fixture-wire", "percent", "cited"),
          row("2022-03-05-fixture-middle", "percent", "unreviewed"),
          row("2022-03-02-fixture-old", "count", "ignored")
        ]
      );
      const items = [...view.querySelectorAll("nav[aria-label=Sources] li")];
      // A date is no figure that check asks for: it is not counted.
      expect(
        items.map((li) => [li.textContent, [...li.querySelectorAll("a")].map((a) => a.getAttribute("href"))])
      ).toEqual([
        [
          "Fixture: <i>today's</i> wire (2022-03-09): 2 figures to review; cited by no published explainer yet",
          ["#source-2022-03-09-fixture-wire"]
        ],
        [
          "Fixture: a middle story (2022-03-05): 1 figure to review; cited by Fixture explainer",
          ["#source-2022-03-05-fixture-middle", "./explainers/fixture-one"]
        ],
        [
          "Fixture: the old story (2022-03-02): every figure reviewed; cited by Fixture explainer and Fixture <b>second</b> explainer",
          ["#source-2022-03-02-fixture-old", "./explainers/fixture-one", "./explainers/fixture-two"]
        ]
      ]);
      expect(view.querySelectorAll("i, b").length).toBe(0);
      expect([...view.querySelectorAll("section > section")].map((s) => s.id)).toEqual([
        "source-2022-03-09-fixture-wire",
        "source-2022-03-05-fixture-middle",
        "source-2022-03-02-fixture-old"
      ]);
    } finally {
      globalThis.document = saved;
    }
  });
});
