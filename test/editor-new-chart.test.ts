import type {ChildProcess} from "node:child_process";
import {existsSync} from "node:fs";
import {appendFile, readFile, readdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {formatSpec} from "../src/components/spec-format.ts";
import {testBrowser, type TestBrowser} from "./helpers/browser.ts";
import {startDev} from "./helpers/dev.ts";
import {until} from "./helpers/run.ts";
import {builtCopy} from "./helpers/built.ts";
import {removeProject, stopProcessGroup} from "./helpers/project.ts";

const slow = 120_000;
const explainerFile = "src/explainers/ukraine-dead-displaced-kyiv.md";
const sessionCache = "src/.observablehq/cache/data/editor-session.json";
const newId = "deaths-and-soldiers";
const newTitle = "Civilians killed and soldiers approaching Kyiv";

/** Every chart file with its text: what a refused creation must leave as it was. */
async function charts(root: string): Promise<Record<string, string>> {
  const dir = join(root, "data/charts");
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) files[name] = await readFile(join(dir, name), "utf-8");
  return files;
}

// "New chart" in the chart editor, in Chromium under `explainer dev`: the endpoint's creation route
// (POST /charts/<id>) driven from the page, and the chart placed on an explainer.
describe("a new chart from the editor under explainer dev", () => {
  let root: string;
  let dev: ChildProcess | undefined;
  let browser: TestBrowser | undefined;
  let editor: Page;
  let origin: string;
  let output = "";

  beforeAll(async () => {
    root = await builtCopy();
    ({child: dev, origin} = await startDev(root, {onOutput: (text) => void (output += text)}));
    browser = await testBrowser();
    editor = await browser.newPage({viewport: {width: 1400, height: 1000}});
    editor.on("console", (m) => void (output += `[editor] ${m.text()}\n`));
    editor.on("pageerror", (e) => void (output += `[editor] page error: ${e.message}\n`));
    await editor.goto(`${origin}/editor`, {timeout: slow});
    await editor.locator(".ed-wide svg.kit-chart").waitFor({timeout: slow});
  }, 300_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await stopProcessGroup(dev);
    if (root) await removeProject(root);
  }, 60_000);

  /** Opens "New chart" (if closed) and fills its dialog. */
  async function fillNewChart(id: string, type: string, title: string, claims: string[]) {
    if (await editor.locator("#ed-new-chart").isHidden()) await editor.getByRole("button", {name: "New chart"}).click();
    await editor.locator("#ed-new-type").selectOption(type);
    await editor.locator("#ed-new-id").fill(id);
    await editor.locator("#ed-new-title").fill(title);
    for (const box of await editor.locator(".ed-claim-list input[type=checkbox]").all()) {
      await box.setChecked(claims.includes((await box.getAttribute("value")) ?? ""));
    }
  }

  test("pick a type and claims, name a new id, Save: the file is written formatted, listed, and `::: chart <id>` draws it", async () => {
    await fillNewChart(newId, "bar", newTitle, ["civilians-killed", "soldiers-approaching-kyiv"]);
    await editor.getByRole("button", {name: "Create"}).click();
    await editor.locator(".ed-status", {hasText: "New chart: not saved yet."}).waitFor({timeout: slow});
    expect(await editor.locator("#ed-chart").inputValue()).toBe(newId);
    expect(await editor.locator("#ed-title").inputValue()).toBe(newTitle);
    await until(
      async () =>
        (await editor
          .locator(".ed-wide svg.kit-chart > title")
          .textContent()
          .catch(() => "")) === newTitle,
      slow,
      () => `the editor did not draw the new chart:\n${output}`
    );
    expect(existsSync(join(root, `data/charts/${newId}.json`))).toBe(false);

    await editor.getByRole("button", {name: "Save"}).click();
    await editor.locator(".ed-status", {hasText: `Created data/charts/${newId}.json`}).waitFor({timeout: slow});
    const text = await readFile(join(root, `data/charts/${newId}.json`), "utf-8");
    expect(text).toBe(
      formatSpec({type: "bar", title: newTitle, claims: ["civilians-killed", "soldiers-approaching-kyiv"]})
    );
    expect(text).toBe(
      '{\n  "type": "bar",\n  "title": "Civilians killed and soldiers approaching Kyiv",\n  "claims": [\n    "civilians-killed",\n    "soldiers-approaching-kyiv"\n  ]\n}\n'
    );
    // In the editor's list, no longer marked new; and still there for a new editor page once the story ran again.
    expect(await editor.locator(`#ed-chart option[value="${newId}"]`).textContent()).toBe(newId);
    const fresh = await browser!.newPage({viewport: {width: 1400, height: 1000}});
    try {
      // The list is read once, where it is checked: the dev server may reload the page right after.
      let listed: string[] = [];
      await until(
        async () => {
          await fresh.goto(`${origin}/editor#${newId}`, {timeout: slow});
          await fresh.locator("#ed-chart").waitFor({timeout: slow});
          listed = await fresh.locator("#ed-chart option").allTextContents();
          return listed.includes(newId);
        },
        slow,
        () => `a new editor page does not list ${newId}:\n${output}`
      );
      expect(listed).toEqual([newId, "places-in-the-report", "refugees-and-deaths", "reported-figures"]);
    } finally {
      await fresh.close();
    }

    // Placed on the explainer with `::: chart <id>`, it is drawn there with its title.
    await appendFile(join(root, explainerFile), `\n::: chart ${newId}\n`);
    const page = await browser!.newPage();
    try {
      await until(
        async () => {
          await page.goto(`${origin}/explainers/ukraine-dead-displaced-kyiv`, {timeout: slow});
          const titles = await page.evaluate(() =>
            [...document.querySelectorAll("figure.chart svg.kit-chart > title")].map((t) => t.textContent)
          );
          return titles.includes(newTitle);
        },
        slow,
        () => `the explainer does not draw ${newId}:\n${output}`
      );
    } finally {
      await page.close();
    }
  }, 600_000);

  test("an existing id and ids that are not slugs are refused, in the dialog and by the endpoint; nothing is written", async () => {
    const before = await charts(root);
    for (const [id, problem] of [
      [
        "refugees-and-deaths",
        'A chart "refugees-and-deaths" exists already: choose another id, or open it from the list.'
      ],
      ["Refugees Over Time", '"Refugees Over Time" is not a slug: use lower-case letters, digits and single hyphens.'],
      ["../claims", '"../claims" is not a slug: use lower-case letters, digits and single hyphens.']
    ]) {
      await fillNewChart(id, "bar", "A title", ["refugees"]);
      await editor.getByRole("button", {name: "Create"}).click();
      await until(
        async () => (await editor.locator("#ed-new-problem").textContent()) === problem,
        slow,
        () => `no problem shown for ${id}: ${output}`
      );
      expect(await editor.locator("#ed-new-problem").isVisible()).toBe(true);
    }
    await editor.getByRole("button", {name: "Cancel"}).click();

    // The endpoint refuses the same, whatever a page sends with the session's token.
    const session = JSON.parse(await readFile(join(root, sessionCache), "utf-8"));
    const answers = await editor.evaluate(
      async ({url, token}) => {
        const spec = {type: "bar", title: "A title", claims: ["refugees"]};
        const post = (id: string) =>
          fetch(`${url}/charts/${id}`, {
            method: "POST",
            headers: {"x-explainer-token": token, "content-type": "application/json"},
            body: JSON.stringify({spec})
          }).then(async (r) => `${r.status} ${(await r.json()).error}`);
        return [
          await post("refugees-and-deaths"),
          await post("Refugees%20Over%20Time"),
          await post("..%2Fclaims"),
          await post("new-chart.json")
        ];
      },
      {url: session.url, token: session.token}
    );
    expect(answers).toEqual(["409 EXISTS", "400 INVALID_ID", "400 INVALID_ID", "400 INVALID_ID"]);
    expect(await charts(root)).toEqual(before);

    // An id free when the chart was started but taken by the time it is saved: refused, the file on disk kept.
    await fillNewChart("race-chart", "bar", "A title", ["refugees"]);
    await editor.getByRole("button", {name: "Create"}).click();
    await editor.locator(".ed-status", {hasText: "New chart: not saved yet."}).waitFor({timeout: slow});
    const theirs = formatSpec({type: "bar", title: "Made by hand meanwhile", claims: ["civilians-killed"]});
    await writeFile(join(root, "data/charts/race-chart.json"), theirs);
    // dev sees the new file and the editor re-renders with it in its list; the chart being made is kept, unsaved.
    await until(
      async () => (await editor.locator('#ed-chart option[value="race-chart"]').textContent()) === "race-chart",
      slow,
      () => `the editor did not list the file made by hand:\n${output}`
    );
    expect(await editor.locator(".ed-status").textContent()).toBe("New chart: not saved yet.");
    await editor.getByRole("button", {name: "Save"}).click();
    let said = "";
    await until(
      async () => (said = (await editor.locator(".ed-status").textContent()) ?? "").startsWith("Not saved: "),
      slow,
      () => `the editor said ${JSON.stringify(said)}:\n${output}`
    );
    expect(said).toBe("Not saved: data/charts/race-chart.json already exists");
    expect(await readFile(join(root, "data/charts/race-chart.json"), "utf-8")).toBe(theirs);
    expect(await charts(root)).toEqual({...before, "race-chart.json": theirs});
  }, 600_000);
});
