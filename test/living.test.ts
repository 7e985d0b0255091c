import {existsSync} from "node:fs";
import {readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import type {Claim} from "../src/components/claim.ts";
import {problemsOf} from "../loaders/errors.ts";
import {chartMentions, citedLines} from "../loaders/living.ts";
import {figureHash, nextRecord, parsePublished} from "../loaders/published.ts";
import {checkReviews, parsePlace} from "../loaders/reviews.ts";
import {runStage} from "../loaders/stage.ts";
import {stageOutputs} from "../loaders/stage-output-content.ts";
import {changesView} from "../src/components/changes-view.ts";
import {csvParse, csvParseRows} from "d3-dsv";
import {JSDOM} from "jsdom";
import {main} from "../tools/cli.ts";
import {copyLiving, edit, moveRefugees, recordAsPublished} from "./helpers/living.ts";
import {copyOf, recordingEffects} from "./helpers/project.ts";

const page = "src/explainers/leaving-ukraine.md";
const chart = "data/charts/refugee-count.json";
/** The three places the fixture cites the refugee count: figure cards, a sentence, a chart annotation. */
const threeLines = [
  `${page}:16: FIGURE_CHANGED: refugees: more than 800,000 → 1 million; review the figure cards`,
  `${page}:20: FIGURE_CHANGED: refugees: more than 800,000 → 1 million; review the sentence`,
  `${chart}: FIGURE_CHANGED: annotations[0].text: refugees: more than 800,000 → 1 million; review the text`
];

let base: string;
beforeAll(async () => {
  base = await copyLiving();
  await recordAsPublished(base);
  await runStage(base);
});
afterAll(() => rm(base, {recursive: true, force: true}));

/** A copy of the published base project (its stage included, so only what a test changes is recomputed). */
async function published(): Promise<string> {
  return copyOf(base, "explainer-living-test-");
}

async function explainer(root: string, ...args: string[]) {
  const effects = recordingEffects(root);
  const status = await main(args, effects);
  return {status, stdout: effects.out.join(""), stderr: effects.err.join("")};
}

const lines = (text: string, code: string) => text.split("\n").filter((l) => l.includes(`: ${code}: `));

describe("the publish record", () => {
  test("recordAsPublished writes one row per figure the explainer shows, with its label and hash", async () => {
    const text = await readFile(join(base, "data/published.csv"), "utf-8");
    const {stage} = await runStage(base);
    const refugees = stage!.claims.find((c) => c.id === "refugees")!;
    expect(text).toBe(
      "explainer,date,claim,label,as_of,source,hash,logged\n" +
        `leaving-ukraine,2026-11-20,refugees,"more than 800,000",2022-03-02,2022-03-02-refugees-leave-ukraine-in-growing-numbers,${figureHash(refugees)},0\n`
    );
  });

  test("nextRecord keeps an unchanged explainer's rows and date, and dates a changed one today", () => {
    const claim = {id: "a", label: "2,000", as_of: "2022-03-02", source: "s"} as Claim;
    const input = {
      explainers: [{slug: "x", draft: false, shown: ["a"]}],
      claims: new Map([["a", claim]]),
      logged: () => 0
    };
    const first = nextRecord(input, [], "2026-11-01");
    expect(nextRecord(input, first, "2026-11-25")).toEqual(first);
    const moved = {...claim, label: "3,000"};
    const next = nextRecord({...input, claims: new Map([["a", moved]])}, first, "2026-11-25");
    expect(next.map((r) => [r.date, r.label])).toEqual([["2026-11-25", "3,000"]]);
    expect(nextRecord({...input, explainers: [{slug: "x", draft: true, shown: ["a"]}]}, first, "2026-11-25")).toEqual(
      []
    );
  });

  test("parsePublished reports every bad row with its line and code", () => {
    const text = [
      "explainer,date,claim,label,as_of,source,hash,logged",
      "x,2026-11-25,a,2,2022-03-02,s,0123456789ab,0",
      "x,2026-11-25,a,2,2022-03-02,s,0123456789ab,0",
      "x,2026-13-01,b,2,2022-03-02,s,0123456789ab,0",
      "x,2026-11-25,c,2,2022-03-02,s,xyz,0",
      "x,2026-11-25,d,,2022-03-02,s,0123456789ab,one",
      "Not A Slug,2026-11-25,e,2,2022-03-02,s,0123456789ab,0"
    ].join("\n");
    let messages: string[] = [];
    try {
      parsePublished(text);
    } catch (error) {
      messages = problemsOf(error).map((p) => p.message);
    }
    expect(messages).toEqual([
      'data/published.csv:3: DUPLICATE_ID: claim "a" of explainer "x" is recorded twice (first on line 2)',
      'data/published.csv:4: INVALID_DATE: date "2026-13-01" is not a date YYYY-MM-DD',
      'data/published.csv:5: INVALID_FIELD: hash "xyz" is not 12 hex digits',
      'data/published.csv:6: MISSING_FIELD: "label" is empty for claim "d"',
      'data/published.csv:6: INVALID_FIELD: logged "one" is not a whole number',
      'data/published.csv:7: INVALID_ID: explainer "Not A Slug" is not a slug'
    ]);
  });

  test("citedLines places a standfirst's citations on its front matter line, cards and prose on their own", () => {
    const text = [
      "---",
      'standfirst: "Now {a}."',
      "---",
      "",
      "::: standfirst",
      "",
      "::: cards a b",
      "",
      "Text {a} and {a}."
    ].join("\n");
    const citations = [
      {claim: "a", line: 5},
      {claim: "a", line: 7},
      {claim: "b", line: 7},
      {claim: "a", line: 9},
      {claim: "a", line: 9}
    ];
    expect(citedLines(text, citations)).toEqual([
      {claim: "a", line: 2, kind: "standfirst"},
      {claim: "a", line: 7, kind: "cards"},
      {claim: "b", line: 7, kind: "cards"},
      {claim: "a", line: 9, kind: "prose"}
    ]);
  });

  test("chartMentions finds placeholders in every text field and annotations anchored on a claim", () => {
    const fields: [string, string][] = [
      ["title", "Refugees"],
      ["subtitle", "As of {refugees.as_of}"],
      ["annotations[0].text", "Killed, {killed.attribution} said"],
      ["annotations[1].text", "A lower bound"]
    ];
    expect(chartMentions(fields, [{on: {claim: "killed"}}, {on: {claim: "refugees"}}])).toEqual([
      {field: "subtitle", claim: "refugees"},
      {field: "annotations[0].text", claim: "killed"},
      {field: "annotations[1].text", claim: "refugees"}
    ]);
  });

  test("parsePlace reads a page line and a chart field, and nothing else", () => {
    expect(parsePlace(`${page}:16`)).toEqual({file: page, line: 16});
    expect(parsePlace(`${chart}:annotations[0].text`)).toEqual({file: chart, field: "annotations[0].text"});
    expect(parsePlace(`${page}:0`)).toBeNull();
    expect(parsePlace("refugees")).toBeNull();
    const {rows, problems} = checkReviews("place,claim,label,hash,reviewed\nnowhere,refugees,1,abc,2026-11-25\n");
    expect([rows, problems.map((p) => p.message)]).toEqual([
      [],
      [
        'data/reviews.csv:2: INVALID_FIELD: place "nowhere" is neither PAGE.md:LINE nor CHART.json:FIELD (as FIGURE_CHANGED prints it)',
        'data/reviews.csv:2: INVALID_FIELD: hash "abc" is not 12 hex digits'
      ]
    ]);
  });
});

describe("changed figures", () => {
  let root: string;
  beforeAll(async () => {
    root = await published();
    await moveRefugees(root);
  });
  afterAll(() => rm(root, {recursive: true, force: true}));

  test("check fails with exactly one FIGURE_CHANGED line per place that cites the changed claim, and warns UPDATE_MISSING", async () => {
    const result = await explainer(root, "check");
    expect(result.status).toBe(1);
    expect(lines(result.stderr, "FIGURE_CHANGED")).toEqual(threeLines);
    expect(result.stdout).toContain(
      "explainer leaving-ukraine: 1 figure changed since published on 20 November 2026: refugees (0 of 3 places reviewed; no update yet)\n"
    );
    expect(lines(result.stderr, "UPDATE_MISSING")).toEqual([
      "warning: data/corrections.csv: UPDATE_MISSING: leaving-ukraine: refugees changed since it was published on 20 November 2026 (more than 800,000 → 1 million); readers need an update or a correction before the next publish: `npx explainer update refugees` drafts an update"
    ]);
    // The count's old quote is cited no more: check says which claim cited it, and what to do.
    expect(lines(result.stderr, "NUMBER_UNREVIEWED")).toEqual([
      expect.stringMatching(
        /^warning: data\/sources\/2022-03-02-refugees-leave-ukraine-in-growing-numbers\.md:\d+: NUMBER_UNREVIEWED: count "Well over 800,000" .*; refugees cited it when leaving-ukraine was published on 20 November 2026, and has moved on since: ignore it as superseded \(`npx explainer ignore 2022-03-02-refugees-leave-ukraine-in-growing-numbers --superseded --write`\), or cite it again \(`npx explainer claim 2022-03-02-refugees-leave-ukraine-in-growing-numbers \d+`\)$/
      )
    ]);
  });

  test("ignore --superseded lists the old quote with a reason naming the claim and what it cites now; --write appends it, and check asks no more", async () => {
    const root = await published();
    try {
      await moveRefugees(root);
      const old = "2022-03-02-refugees-leave-ukraine-in-growing-numbers";
      const printed = await explainer(root, "ignore", old, "--superseded");
      const row = `${old},"Well over 800,000",Superseded: claim refugees quoted this figure when leaving-ukraine was published on 20 November 2026; it now cites 1 million from 2022-03-03-the-refugee-count-reaches-a-milestone.\n`;
      expect([printed.status, printed.stdout, printed.stderr]).toEqual([
        0,
        row,
        "1 row for data/ignored.csv: append with --write\n"
      ]);
      expect(existsSync(join(root, "data/ignored.csv"))).toBe(false);
      // The audit page's data gives the old quote the same reason, for its "Ignore as superseded" button.
      const {stage} = await runStage(root);
      const numbers = csvParse(String(await stageOutputs["data/numbers.csv"](stage!, root)));
      expect(numbers.filter((n) => n.superseded).map((n) => [n.source, n.text, n.status, n.superseded])).toEqual([
        [old, "Well over 800,000", "unreviewed", csvParseRows(row)[0][2]]
      ]);

      expect((await explainer(root, "ignore", old, "--superseded", "--write")).status).toBe(0);
      expect(await readFile(join(root, "data/ignored.csv"), "utf-8")).toBe(`source,text,reason\n${row}`);
      const check = await explainer(root, "check");
      expect(lines(check.stderr, "NUMBER_UNREVIEWED")).toEqual([]);
      expect(check.stdout).toContain(`source ${old}: 1 number: 0 cited, 1 ignored, 0 unreviewed`);

      const none = await explainer(root, "ignore", "2022-03-03-the-refugee-count-reaches-a-milestone", "--superseded");
      expect([none.status, none.stdout, none.stderr]).toEqual([
        0,
        "",
        'no number of "2022-03-03-the-refugee-count-reaches-a-milestone" was quoted by a published figure that has moved on since\n'
      ]);
    } finally {
      await rm(root, {recursive: true, force: true});
    }
  });

  test("a repeat of a figure that has not moved on is not called superseded", async () => {
    const root = await published();
    try {
      await edit(
        root,
        "data/sources/2022-03-02-refugees-leave-ukraine-in-growing-numbers.md",
        (text) => text + "\nThis fixture sentence repeats that well over 800,000 people have left.\n"
      );
      const {stderr} = await explainer(root, "check");
      const repeat = lines(stderr, "NUMBER_UNREVIEWED").filter((l) => l.includes("2022-03-02-"));
      expect(repeat).toEqual([
        expect.stringMatching(
          /: NUMBER_UNREVIEWED: count "well over 800,000" .*; draft a ledger row with `npx explainer claim 2022-03-02-refugees-leave-ukraine-in-growing-numbers \d+`, or add it to data\/ignored\.csv with a reason$/
        )
      ]);
    } finally {
      await rm(root, {recursive: true, force: true});
    }
  });

  test("past three, the old source's other unreviewed numbers are one warning; the superseded quote keeps its own line", async () => {
    const root = await published();
    try {
      await moveRefugees(root);
      await edit(
        root,
        "data/sources/2022-03-02-refugees-leave-ukraine-in-growing-numbers.md",
        (text) => text + "\nThis fixture sentence counts 11 buses, 12 trains, 13 ferries and 14 vans.\n"
      );
      const {stderr} = await explainer(root, "check");
      const old = lines(stderr, "NUMBER_UNREVIEWED").filter((l) => l.includes("2022-03-02-"));
      expect(old).toEqual([
        expect.stringMatching(
          /: NUMBER_UNREVIEWED: 4 numbers are neither cited .*: count "11" \(line \d+\), count "12" \(line \d+\), count "13" \(line \d+\) and 1 more; no published explainer cites this source/
        ),
        expect.stringMatching(
          /: NUMBER_UNREVIEWED: count "Well over 800,000" .*; refugees cited it when leaving-ukraine was published on 20 November 2026, and has moved on since/
        )
      ]);
    } finally {
      await rm(root, {recursive: true, force: true});
    }
  });

  test("the audit page's data lists the changed figure and its three places; its view says which wait for a review", async () => {
    const {stage} = await runStage(root);
    const changes = JSON.parse(String(await stageOutputs["data/changes.json"](stage!, root)));
    expect(changes).toEqual([
      {
        explainer: "leaving-ukraine",
        claim: "refugees",
        before: "more than 800,000",
        after: "1 million",
        hash: figureHash(stage!.claims.find((c) => c.id === "refugees")!),
        published: "2026-11-20",
        places: [
          {place: `${page}:16`, kind: "cards", reviewed: false},
          {place: `${page}:20`, kind: "prose", reviewed: false},
          {place: `${chart}:annotations[0].text`, kind: "chart", reviewed: false}
        ],
        entry: ""
      }
    ]);
    const {window} = new JSDOM("<!DOCTYPE html>");
    (globalThis as {document?: Document}).document = window.document;
    try {
      const view = changesView(changes);
      expect(view.querySelector(".changes-summary")!.textContent).toBe(
        "1 published figure changed; 3 places to review (npx explainer review PLACE)."
      );
      expect(view.querySelector("h3")!.textContent).toBe("leaving-ukraine: refugees: more than 800,000 → 1 million");
      expect([...view.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
        `${page}:16 (figure cards): to review`,
        `${page}:20 (sentence): to review`,
        `${chart}:annotations[0].text (chart text): to review`
      ]);
    } finally {
      delete (globalThis as {document?: Document}).document;
    }
  });

  test("publish refuses while places are unreviewed and no entry exists: nothing built, nothing recorded", async () => {
    const before = await readFile(join(root, "data/published.csv"), "utf-8");
    const result = await explainer(root, "publish");
    expect(result.status).toBe(1);
    expect(lines(result.stderr, "FIGURE_CHANGED")).toEqual(threeLines);
    expect(lines(result.stderr, "UPDATE_MISSING")).toHaveLength(1);
    expect(result.stderr).toContain("explainer publish: 4 problems");
    expect(await readFile(join(root, "data/published.csv"), "utf-8")).toBe(before);
    expect(existsSync(join(root, "dist"))).toBe(false);
    expect(existsSync(join(root, ".explainer/dist-next"))).toBe(false);
  });
});

describe("explainer review", () => {
  let root: string;
  beforeAll(async () => {
    root = await published();
    await moveRefugees(root);
  });
  afterAll(() => rm(root, {recursive: true, force: true}));

  test("review PLACE records the review in data/reviews.csv, and check lists only the other places", async () => {
    const result = await explainer(root, "review", `${page}:20`);
    expect(result).toMatchObject({status: 0, stderr: ""});
    expect(result.stdout).toBe(
      `reviewed ${page}:20: refugees: more than 800,000 → 1 million\n` +
        "recorded 1 review in data/reviews.csv; 2 places still to review; refugees still needs an update or a correction (npx explainer update)\n"
    );
    const {stage} = await runStage(root);
    const hash = figureHash(stage!.claims.find((c) => c.id === "refugees")!);
    expect(await readFile(join(root, "data/reviews.csv"), "utf-8")).toBe(
      `place,claim,label,hash,reviewed\n${page}:20,refugees,1 million,${hash},2026-11-25\n`
    );
    const check = await explainer(root, "check");
    expect(lines(check.stderr, "FIGURE_CHANGED")).toEqual([threeLines[0], threeLines[2]]);
  });

  test("review of a place that does not cite a changed figure: one line, file:line: CODE, exit 1, nothing written", async () => {
    const before = await readFile(join(root, "data/reviews.csv"), "utf-8");
    const result = await explainer(root, "review", `${page}:8`);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `${page}:8: REVIEW_NOT_CITED: this place does not cite a figure that changed since it was published; places to review: ${page}:16, ${chart}:annotations[0].text\n` +
        "explainer review: 1 problem\n"
    );
    expect(await readFile(join(root, "data/reviews.csv"), "utf-8")).toBe(before);
  });

  test("a review row naming a place that does not cite its claim fails check with the row's line; review drops it", async () => {
    const copy = await published();
    try {
      await moveRefugees(copy);
      const {stage} = await runStage(copy);
      const hash = figureHash(stage!.claims.find((c) => c.id === "refugees")!);
      await writeFile(
        join(copy, "data/reviews.csv"),
        `place,claim,label,hash,reviewed\n${page}:20,refugees,1 million,${hash},2026-11-25\n${page}:22,refugees,1 million,${hash},2026-11-25\n`
      );
      const result = await explainer(copy, "check");
      expect(result.status).toBe(1);
      expect(lines(result.stderr, "REVIEW_NOT_CITED")).toEqual([
        `data/reviews.csv:3: REVIEW_NOT_CITED: ${page}:22 does not cite "refugees"; it is cited at ${page}:16, ${page}:20, ${chart}:annotations[0].text: \`npx explainer review\` of those places drops this row`
      ]);
      expect(lines(result.stderr, "FIGURE_CHANGED")).toEqual([threeLines[0], threeLines[2]]);

      // Reviewing the places that do cite it drops that row, and no other: check then passes.
      const review = await explainer(copy, "review", "--all");
      expect(review.status).toBe(0);
      expect(review.stdout).toContain(`dropped data/reviews.csv:3: ${page}:22 does not cite "refugees"\n`);
      const rows = (await readFile(join(copy, "data/reviews.csv"), "utf-8")).split("\n").map((l) => l.split(",")[0]);
      expect(rows).toEqual(["place", `${page}:20`, `${page}:16`, `${chart}:annotations[0].text`, ""]);
      const check = await explainer(copy, "check");
      expect([check.status, lines(check.stderr, "REVIEW_NOT_CITED"), lines(check.stderr, "FIGURE_CHANGED")]).toEqual([
        0,
        [],
        []
      ]);

      // With nothing left to review, review still drops a stale row, and only it.
      const reviewed = await readFile(join(copy, "data/reviews.csv"), "utf-8");
      await writeFile(join(copy, "data/reviews.csv"), reviewed + `${page}:22,refugees,1 million,${hash},2026-11-25\n`);
      const again = await explainer(copy, "review", "--all");
      expect([again.status, again.stdout]).toEqual([
        0,
        `dropped data/reviews.csv:5: ${page}:22 does not cite "refugees"\n`
      ]);
      expect(await readFile(join(copy, "data/reviews.csv"), "utf-8")).toBe(reviewed);
    } finally {
      await rm(copy, {recursive: true, force: true});
    }
  });

  test("review --all records every remaining place; check then passes with the UPDATE_MISSING warning", async () => {
    const result = await explainer(root, "review", "--all");
    expect(result.stdout.split("\n").filter((l) => l.startsWith("reviewed"))).toEqual([
      `reviewed ${page}:16: refugees: more than 800,000 → 1 million`,
      `reviewed ${chart}:annotations[0].text: refugees: more than 800,000 → 1 million`
    ]);
    const check = await explainer(root, "check");
    expect(check.status).toBe(0);
    expect(lines(check.stderr, "FIGURE_CHANGED")).toEqual([]);
    expect(lines(check.stderr, "UPDATE_MISSING")).toHaveLength(1);
  });

  test("one bad row in data/reviews.csv is reported at its line; the other reviews still count", async () => {
    const file = join(root, "data/reviews.csv");
    const reviewed = await readFile(file, "utf-8");
    try {
      // The last review again, its place mistyped: only that row is wrong.
      const last = reviewed.trimEnd().split("\n").at(-1)!;
      await writeFile(file, `${reviewed}nowhere${last.slice(last.indexOf(","))}\n`);
      const check = await explainer(root, "check");
      expect(check.status).toBe(1);
      expect(lines(check.stderr, "INVALID_FIELD")).toEqual([
        `data/reviews.csv:${reviewed.split("\n").length}: INVALID_FIELD: place "nowhere" is neither PAGE.md:LINE nor CHART.json:FIELD (as FIGURE_CHANGED prints it)`
      ]);
      expect(lines(check.stderr, "FIGURE_CHANGED")).toEqual([]);
    } finally {
      await writeFile(file, reviewed);
    }
  });
});

describe("explainer review writes", () => {
  test("review appends after the file's rows, a bad one included, in the file's own line ends", async () => {
    const root = await published();
    try {
      await moveRefugees(root);
      // A log checked out with "\r\n" whose one row check reports (its place is mistyped).
      const before = "place,claim,label,hash,reviewed\r\nnowhere,refugees,1 million,0123456789ab,2026-11-25\r\n";
      await writeFile(join(root, "data/reviews.csv"), before);
      expect((await explainer(root, "review", "--all")).status).toBe(0);
      const after = await readFile(join(root, "data/reviews.csv"), "utf-8");
      expect(after.startsWith(before)).toBe(true);
      const added = after.slice(before.length).split("\r\n");
      expect([added.length, added.at(-1), /[^\r]\n/.test(after)]).toEqual([4, "", false]);
      expect(added.slice(0, 3).every((row) => row.includes(",refugees,1 million,"))).toBe(true);
    } finally {
      await rm(root, {recursive: true, force: true});
    }
  });
});

describe("explainer update", () => {
  test("update drafts an update from the diff (today, old label → new label, source) and the warning goes", async () => {
    const root = await published();
    try {
      await moveRefugees(root);
      const result = await explainer(root, "update");
      expect(result.status).toBe(0);
      const entry =
        "Refugees: more than 800,000 → 1 million, as of 3 March 2022 (the UN refugee agency, in “The refugee count reaches a milestone”).";
      expect(await readFile(join(root, "data/corrections.csv"), "utf-8")).toBe(
        `explainer,date,kind,claim,change\nleaving-ukraine,2026-11-25,update,refugees,"${entry}"\n`
      );
      const check = await explainer(root, "check");
      expect(lines(check.stderr, "UPDATE_MISSING")).toEqual([]);
      expect(lines(check.stderr, "FIGURE_CHANGED")).toEqual(threeLines);
    } finally {
      await rm(root, {recursive: true, force: true});
    }
  });

  test("update CLAIM --correction writes a correction with the editor's reason, in the log's own line ends", async () => {
    const root = await published();
    try {
      await moveRefugees(root);
      // A log checked out with "\r\n" (Git's autocrlf) gets its new row with "\r\n" too.
      await writeFile(join(root, "data/corrections.csv"), "explainer,date,kind,claim,change\r\n");
      const result = await explainer(root, "update", "refugees", "--correction", "We had cited the earlier count.");
      expect(result.status).toBe(0);
      expect(await readFile(join(root, "data/corrections.csv"), "utf-8")).toBe(
        "explainer,date,kind,claim,change\r\n" +
          'leaving-ukraine,2026-11-25,correction,refugees,"Refugees: an earlier version gave more than 800,000; the figure is 1 million (the UN refugee agency, in “The refugee count reaches a milestone”). We had cited the earlier count."\r\n'
      );
      expect((await explainer(root, "check")).stderr).not.toMatch(/corrections\.csv/);
    } finally {
      await rm(root, {recursive: true, force: true});
    }
  });

  test("an update entry for a claim that did not change: one line with its line number, check and publish fail, nothing published", async () => {
    const root = await published();
    try {
      await writeFile(
        join(root, "data/corrections.csv"),
        'explainer,date,kind,claim,change\nleaving-ukraine,2026-11-25,update,refugees,"Refugees: now 1 million."\n'
      );
      const message = `data/corrections.csv:2: UPDATE_WITHOUT_CHANGE: update for "refugees" on leaving-ukraine, but the figure has not changed since it was published on 20 November 2026 (more than 800,000); remove the entry`;
      const check = await explainer(root, "check");
      expect(check.status).toBe(1);
      expect(lines(check.stderr, "UPDATE_WITHOUT_CHANGE")).toEqual([message]);
      const record = await readFile(join(root, "data/published.csv"), "utf-8");
      const publish = await explainer(root, "publish");
      expect(publish.status).toBe(1);
      expect(lines(publish.stderr, "UPDATE_WITHOUT_CHANGE")).toEqual([message]);
      expect(await readFile(join(root, "data/published.csv"), "utf-8")).toBe(record);
      expect(existsSync(join(root, "dist"))).toBe(false);
      const update = await explainer(root, "update", "refugees");
      expect(update.stderr).toContain(
        'data/corrections.csv: UPDATE_WITHOUT_CHANGE: "refugees" has not changed on any published explainer since it was published; there is nothing to update'
      );
      expect(update.status).toBe(1);
    } finally {
      await rm(root, {recursive: true, force: true});
    }
  });
});

test("a publish record edited by hand into an invalid state: one line, check and publish fail, nothing published", async () => {
  const root = await published();
  try {
    await edit(root, "data/published.csv", (t) => t.replace(/,[0-9a-f]{12},0$/m, ",not-a-hash,0"));
    const check = await explainer(root, "check");
    expect(check.status).toBe(1);
    expect(lines(check.stderr, "INVALID_FIELD")).toEqual([
      'data/published.csv:2: INVALID_FIELD: hash "not-a-hash" is not 12 hex digits'
    ]);
    const publish = await explainer(root, "publish");
    expect(publish.status).toBe(1);
    expect(publish.stderr).toBe(
      'data/published.csv:2: INVALID_FIELD: hash "not-a-hash" is not 12 hex digits\nexplainer publish: 1 problem\n'
    );
    expect(existsSync(join(root, "dist"))).toBe(false);
  } finally {
    await rm(root, {recursive: true, force: true});
  }
});

test("a project with no publish record reports no changed figure (nothing was published yet)", async () => {
  const root = await copyLiving();
  try {
    await moveRefugees(root);
    const check = await explainer(root, "check");
    expect(check.status).toBe(0);
    expect(check.stderr).not.toMatch(/FIGURE_CHANGED|UPDATE_MISSING/);
  } finally {
    await rm(root, {recursive: true, force: true});
  }
});
