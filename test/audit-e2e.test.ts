import type {ChildProcess} from "node:child_process";
import {existsSync} from "node:fs";
import {readFile, readdir} from "node:fs/promises";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {draftFor, numberAt} from "../loaders/drafts.ts";
import {readSources, type Source} from "../loaders/sources.ts";
import {testBrowser, type TestBrowser, serveStatic} from "./helpers/browser.ts";
import {startDev} from "./helpers/dev.ts";
import {until} from "./helpers/run.ts";
import {copyProject, explainer, removeProject, stopProcessGroup} from "./helpers/project.ts";

const convoy = "2022-03-02-fixture-352-civilians-killed-as-the-convoy-stalls";
const refugees = "2022-03-06-fixture-more-than-1-5-million-have-fled-un-agency-says";
const twoMillion = "2022-03-08-fixture-two-million-have-now-left-un-says";
const sessionCache = "src/.observablehq/cache/data/editor-session.json";
const slow = 120_000;

// The issue's target: three raw fixture articles go from `add-source` to a passing `check` with no
// ledger row typed by hand. Every row of data/claims.csv comes from a draft in the number audit's
// cite form (some with a field edited there), every row of data/ignored.csv from its ignore form or
// its one-click repeats, in Chromium under `explainer dev`. Then the built audit is read-only.
describe("from raw articles to a passing check in the number audit's forms", () => {
  let root: string;
  let dev: ChildProcess | undefined;
  let browser: TestBrowser | undefined;
  let page: Page;
  let origin: string;
  let output = "";
  let token = "";

  beforeAll(async () => {
    root = await copyProject("review");
    for (const name of ["convoy", "refugees", "two-million"]) {
      const added = explainer(root, "add-source", `articles/${name}.txt`);
      expect(added.status, added.stderr).toBe(0);
    }
    expect(existsSync(join(root, "data/claims.csv")) || existsSync(join(root, "data/ignored.csv"))).toBe(false);
    ({child: dev, origin} = await startDev(root, {onOutput: (text) => void (output += text)}));
    browser = await testBrowser();
    page = await browser.newPage({viewport: {width: 1300, height: 1000}});
    page.on("console", (m) => void (output += `[audit] ${m.text()}\n`));
    page.on("pageerror", (e) => void (output += `[audit] page error: ${e.message}\n`));
    await page.goto(`${origin}/audit`, {timeout: slow});
    await page.locator(".audit-review-status").waitFor({timeout: slow});
    token = JSON.parse(await readFile(join(root, sessionCache), "utf-8")).token;
  }, 300_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await stopProcessGroup(dev);
    if (root) await removeProject(root);
  }, 60_000);

  const rowOf = (source: string, start: number, part = "body") =>
    page.locator(`tr[id="number-${source}-${part}-${start}"]`);
  const formOf = (source: string, start: number, part = "body") =>
    page.locator(`tr.audit-form-row[data-form-for="${source}-${part}-${start}"]`);
  /** Waits until the audit, re-rendered after the story stage ran again, gives the number its new status. */
  const statusBecomes = (source: string, start: number, status: string, part = "body") =>
    until(
      async () =>
        (await rowOf(source, start, part)
          .locator("td")
          .nth(6)
          .textContent()
          .catch(() => null)) === status,
      slow,
      () => `${source} ${part} ${start} did not become ${status}:\n${output}`
    );
  /** Opens a number's cite form and waits for its draft. */
  async function openCite(source: string, start: number, text: string) {
    await rowOf(source, start)
      .getByRole("button", {name: `Cite ${text}`})
      .click();
    await formOf(source, start).getByRole("button", {name: "Save to the ledger"}).waitFor({timeout: slow});
  }
  const field = (source: string, start: number, name: string, part = "body") =>
    page.locator(`#${`review-${source}-${part}-${start}-${name}`.replace(/\./g, "\\.")}`);
  /** Saves a number's open cite form and waits for the audit to show it cited. */
  async function saveCite(source: string, start: number) {
    await formOf(source, start).getByRole("button", {name: "Save to the ledger"}).click();
    await statusBecomes(source, start, "cited");
  }

  test("add-source, then cite or ignore every number in the audit: check passes with only drafted rows", async () => {
    const sources = new Map<string, Source>((await readSources(root)).map((s) => [s.id, s]));
    // What the drafts are, computed here as `explainer claim` computes them, in the order of the saves.
    const taken = new Set<string>();
    const drafted = (source: string, start: number, edits: Record<string, string> = {}) => {
      const s = sources.get(source)!;
      const {row} = draftFor(s, numberAt(s, start), taken, edits.as_of === undefined ? {} : {asOf: edits.as_of});
      taken.add(row.id);
      return {...row, ...edits, qualifier: "", note: ""};
    };
    const expected: Record<string, string>[] = [];
    // The index above the audit: the three sources, newest first, each with what it still needs; no
    // claim exists yet, so the fixture explainer cites none of them.
    const explainerTitle = "Fixture: a week of counts from three sources";
    const index = page.locator("nav[aria-label=Sources] li");
    const dated = [...sources.values()].sort((a, b) => b.published.localeCompare(a.published));
    const waiting = await index.allTextContents();
    expect(waiting.map((li) => li.replace(/ \(\d{4}-\d\d-\d\d\): .*/, ""))).toEqual(dated.map((s) => s.title));
    // The count of figures to review reads in the scheme's own orange, light and dark.
    const orange = async (colorScheme: "light" | "dark") => {
      await page.emulateMedia({colorScheme});
      return index
        .first()
        .locator(".audit-index-waiting")
        .evaluate((el) => getComputedStyle(el).color);
    };
    expect([await orange("dark"), await orange("light")]).toEqual(["rgb(255, 179, 102)", "rgb(179, 89, 0)"]);
    expect(
      waiting.every((li) =>
        / \(\d{4}-\d\d-\d\d\): \d+ figures? to review; cited by no published explainer yet$/.test(li)
      )
    ).toBe(true);

    // The first source: two figures cited as drafted; an older count ignored with a reason typed in
    // the form; the headline's repeat of a cited figure ignored in one click.
    await openCite(convoy, 152, "352");
    expect(await field(convoy, 152, "id").inputValue()).toBe("civilians-killed-fixture-civilians");
    expect(await field(convoy, 152, "quote").inputValue()).toBe(
      "The health ministry said 352 civilians had been killed since the fighting began."
    );
    await saveCite(convoy, 152);
    expected.push(drafted(convoy, 152));
    await openCite(convoy, 209, "Some 15,000");
    expect(await formOf(convoy, 209).locator(".audit-notes").textContent()).toBe('as_of 2022-02-28 from "on Monday"');
    await saveCite(convoy, 209);
    expected.push(drafted(convoy, 209));

    await rowOf(convoy, 336).getByRole("button", {name: "Ignore 300"}).click();
    expect(await field(convoy, 336, "text").inputValue()).toBe("300");
    const olderCount =
      "An earlier count of the same toll; the ledger cites the ministry's newer one (claim civilians-killed-fixture-civilians).";
    await field(convoy, 336, "reason").fill(olderCount);
    await formOf(convoy, 336).getByRole("button", {name: "Save the reason"}).click();
    await statusBecomes(convoy, 336, "ignored");
    await rowOf(convoy, 9, "title")
      .getByRole("button", {name: "Ignore as a repeat of claim civilians-killed-fixture-civilians: 352"})
      .click();
    await statusBecomes(convoy, 9, "ignored", "title");

    // The second source: two forms open at once. Saving the first moves the ledger on; the second's
    // save is then a conflict that writes nothing, and saving again appends it.
    await openCite(refugees, 184, "More than 1.5 million");
    await saveCite(refugees, 184);
    expected.push(drafted(refugees, 184));
    await openCite(refugees, 359, "as much as 35 percent");
    await openCite(refugees, 302, "€2 million");
    expect(await field(refugees, 302, "attribution").inputValue()).toBe("");
    await field(refugees, 302, "attribution").fill("the city council");
    await saveCite(refugees, 302);
    expected.push(drafted(refugees, 302, {attribution: "the city council"}));
    // The audit re-rendered with the 35 percent form still open, on the ledger as it was when opened.
    const ledgerBefore = await readFile(join(root, "data/claims.csv"), "utf-8");
    await formOf(refugees, 359).getByRole("button", {name: "Save to the ledger"}).click();
    await formOf(refugees, 359).locator(".audit-form-status", {hasText: "changed on disk"}).waitFor({timeout: slow});
    expect(await readFile(join(root, "data/claims.csv"), "utf-8")).toBe(ledgerBefore);
    await saveCite(refugees, 359);
    expected.push(drafted(refugees, 359));
    // The headline and the intro repeat the cited 1.5 million: one click ignores both.
    const repeats = page.locator(`#source-${refugees} .audit-repeats`);
    expect(await repeats.locator("li").allTextContents()).toEqual([
      "“more than 1.5 million” in the headline repeats claim people-fled-country-fixture-more",
      "“More than 1.5 million” in the body repeats claim people-fled-country-fixture-more"
    ]);
    await repeats.getByRole("button", {name: "Ignore all 2 as repeats"}).click();
    await statusBecomes(refugees, 9, "ignored", "title");
    await statusBecomes(refugees, 127, "ignored");

    // The third source: the last figure's sentence says only "last week": its draft leaves as_of
    // empty and says why; a save without a date is refused beside the field; with one, it is saved.
    await openCite(twoMillion, 127, "Two million");
    await saveCite(twoMillion, 127);
    expected.push(drafted(twoMillion, 127));
    await openCite(twoMillion, 206, "$723 million");
    await saveCite(twoMillion, 206);
    expected.push(drafted(twoMillion, 206));
    await openCite(twoMillion, 280, "1 million");
    const asOf = field(twoMillion, 280, "as_of");
    expect([await asOf.inputValue(), await asOf.getAttribute("aria-invalid")]).toEqual(["", "true"]);
    expect(
      await page.locator(`#review-${twoMillion}-body-280-as_of-error`.replace(/\./g, "\\.")).textContent()
    ).toContain('the sentence dates it "Last week", which names no single day');
    await formOf(twoMillion, 280).getByRole("button", {name: "Save to the ledger"}).click();
    await until(
      async () =>
        (await page.locator(`#review-${twoMillion}-body-280-as_of-error`).textContent()) === '"as_of" is empty',
      slow,
      () => `no problem beside as_of:\n${output}`
    );
    // The week the sentence names ended on Sunday 6 March: one click puts that day in the field.
    await formOf(twoMillion, 280).getByRole("button", {name: "Use 2022-03-06"}).click();
    expect(await asOf.inputValue()).toBe("2022-03-06");
    await saveCite(twoMillion, 280);
    expected.push(drafted(twoMillion, 280, {as_of: "2022-03-06"}));
    await rowOf(twoMillion, 9, "title")
      .getByRole("button", {name: /^Ignore as a repeat of claim people-left-fixture-two/})
      .click();
    await statusBecomes(twoMillion, 9, "ignored", "title");

    // What the reader of the audit sees now.
    expect(await page.locator(".audit-summary").textContent()).toBe(
      "14 numbers in 3 sources: 8 cited, 5 ignored, 1 unreviewed."
    );
    expect(await page.locator(".audit-review-status p").first().textContent()).toMatch(
      /^Review: every count, percentage and sum of money is cited or ignored\./
    );
    expect(await index.allTextContents()).toEqual(
      dated.map((s) => `${s.title} (${s.published}): every figure reviewed; cited by ${explainerTitle}`)
    );
    // Once the ledger has the claims its page names, the fixture explainer cites each source, and links to it.
    expect(await index.first().getByRole("link", {name: explainerTitle}).getAttribute("href")).toBe(
      "./explainers/three-sources"
    );

    // The ledger: exactly the drafts, with the two fields edited in the form.
    const ledger = await readFile(join(root, "data/claims.csv"), "utf-8");
    expect(ledger.split("\n")[0]).toBe("id,figure,measure,attribution,as_of,place,source,quote,qualifier,note");
    expect(csvParse(ledger).map((r) => ({...r}))).toEqual(expected);
    // The ignore list: the reason typed, and the reasons generated for the repeats, naming their claims.
    expect(await readFile(join(root, "data/ignored.csv"), "utf-8")).toBe(
      [
        "source,text,reason",
        `${convoy},300,${olderCount.includes(",") ? `"${olderCount}"` : olderCount}`,
        `${convoy},Fixture: 352 civilians,The headline repeats the figure that the ledger cites from the body (claim civilians-killed-fixture-civilians).`,
        `${refugees},more than 1.5 million,The headline repeats the figure that the ledger cites from the body (claim people-fled-country-fixture-more).`,
        `${refugees},More than 1.5 million people have now,Repeats the figure that the ledger cites from this source (claim people-fled-country-fixture-more).`,
        `${twoMillion},two million,The headline repeats the figure that the ledger cites from the body (claim people-left-fixture-two).`,
        ""
      ].join("\n")
    );

    const check = explainer(root, "check");
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain("explainer three-sources: ok: cites 8 claims from 3 sources");
    for (const id of [convoy, refugees, twoMillion])
      expect(check.stdout).toMatch(new RegExp(`source ${id}: [^\\n]* 0 unreviewed`));
  }, 900_000);

  test("outside dev the audit is read-only: the built page has no form, no button and no token", async () => {
    await stopProcessGroup(dev);
    expect(existsSync(join(root, sessionCache))).toBe(false);
    const built = explainer(root, "build");
    expect(built.status, built.stderr.slice(-3000)).toBe(0);
    const files = await readdir(join(root, "dist"), {recursive: true});
    expect(files.filter((f) => /editor-session|editor\.html/.test(f))).toEqual([]);
    for (const file of files.filter((f) => /\.(html|js|json|csv|css|txt)$/.test(f))) {
      const text = await readFile(join(root, "dist", file), "utf-8");
      expect(text.includes(token), file).toBe(false);
      expect(text.includes('<meta name="explainer-dev"'), file).toBe(false);
    }
    const {origin: site, server} = await serveStatic(join(root, "dist"));
    try {
      const tab = await browser!.newPage();
      const requests: string[] = [];
      tab.on("request", (r) => void requests.push(new URL(r.url()).pathname));
      await tab.goto(`${site}/audit`, {waitUntil: "networkidle"});
      await tab.locator(".audit table").first().waitFor();
      expect(await tab.locator(".audit-summary").textContent()).toBe(
        "14 numbers in 3 sources: 8 cited, 5 ignored, 1 unreviewed."
      );
      expect(await tab.locator(".audit button, .audit form, .audit-review-status").count()).toBe(0);
      expect(await tab.locator(".audit-table th").allTextContents()).not.toContain("Review");
      expect(requests.filter((p) => /_file\/data\/editor-session|audit-review/.test(p))).toEqual([]);
      expect(requests.filter((p) => /audit-view\.\w+\.js$/.test(p))).toHaveLength(1);
      await tab.close();
    } finally {
      server.close();
    }
  }, 900_000);
});
