import {spawnSync, type ChildProcess} from "node:child_process";
import {existsSync} from "node:fs";
import {readFile, readdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {formatSpec} from "../src/components/spec-format.ts";
import {testBrowser, type TestBrowser} from "./helpers/browser.ts";
import {devEnv, startDev} from "./helpers/dev.ts";
import {until} from "./helpers/run.ts";
import {builtCopy} from "./helpers/built.ts";
import {removeProject, stopProcessGroup} from "./helpers/project.ts";

/** Polls `read()` until it gives `expected` (or `ms` passes), then asserts it. */
async function eventually<T>(read: () => Promise<T>, expected: T, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  let actual = await read();
  while (JSON.stringify(actual) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    actual = await read();
  }
  expect(actual).toEqual(expected);
}

const env = devEnv();
const chartId = "refugees-and-deaths";
const chartFile = `data/charts/${chartId}.json`;
const sessionCache = "src/.observablehq/cache/data/editor-session.json";
const explainerFile = "src/explainers/ukraine-dead-displaced-kyiv.md";
const staleSession = JSON.stringify({url: "http://127.0.0.1:9", token: "stale-token-from-an-earlier-dev"});
const newTitle = "Refugees outnumber the dead by hundreds to one";

/** The titles of the charts on a page, as their `<title>` elements say them. */
const chartTitles = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll("svg.kit-chart > title")].map((t) => t.textContent));

// The chart editor in Chromium, under `explainer dev` in a copy of the project: edit, drag, save,
// see the explainer update; conflicts, invalid specs and exports.
describe("the chart editor under explainer dev", () => {
  let root: string;
  let dev: ChildProcess | undefined;
  let browser: TestBrowser | undefined;
  let explainerPage: Page;
  let editor: Page;
  let origin: string;
  let output = "";

  beforeAll(async () => {
    root = await builtCopy();
    // The explainer shows the chart, rendered at build time by its `::: chart` directive.
    expect(await readFile(join(root, explainerFile), "utf-8")).toContain(`::: chart ${chartId}`);
    // A session left in the cache by an earlier dev, with a valid dependency record: it must not be served.
    // (Named, the loader runs again in this already-built copy.)
    const refresh = spawnSync(process.execPath, ["bin/explainer.js", "refresh", "data/editor-session.json"], {
      cwd: root,
      encoding: "utf-8",
      env: {...env, EXPLAINER_EDITOR: staleSession}
    });
    expect(refresh.status, refresh.stderr).toBe(0);
    expect(await readFile(join(root, sessionCache), "utf-8")).toContain("stale-token");

    ({child: dev, origin} = await startDev(root, {env, onOutput: (text) => void (output += text)}));
    browser = await testBrowser();
    const context = await browser.newContext({acceptDownloads: true, viewport: {width: 1400, height: 1000}});
    explainerPage = await context.newPage();
    editor = await context.newPage();
    for (const [name, page] of [
      ["explainer", explainerPage],
      ["editor", editor]
    ] as const) {
      page.on("console", (m) => void (output += `[${name}] ${m.text()}\n`));
      page.on("pageerror", (e) => void (output += `[${name}] page error: ${e.message}\n`));
    }
    await explainerPage.goto(`${origin}/explainers/ukraine-dead-displaced-kyiv`, {timeout: 120_000});
    await until(
      async () => (await chartTitles(explainerPage)).length > 0,
      120_000,
      () => `no chart on the explainer:\n${output}`
    );
    await until(
      () => output.includes("[explainer] ↓ {type: welcome}"),
      120_000,
      () => `no welcome from preview:\n${output}`
    );
    await explainerPage.evaluate(() => ((window as unknown as {notReloaded: boolean}).notReloaded = true));
    await editor.goto(`${origin}/editor#${chartId}`, {timeout: 120_000});
    await editor.locator("#ed-title").waitFor({timeout: 120_000});
    await until(
      async () => (await editor.locator(".ed-wide svg.kit-chart").count()) === 1,
      120_000,
      () => `the editor drew no chart:\n${output}`
    );
  }, 240_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await stopProcessGroup(dev);
    if (root) await removeProject(root);
  });

  test("explainer dev prints the preview, editor and save URLs, and serves a new session, never a stale one", async () => {
    expect(output).toContain(`explainer dev: preview ${origin}/`);
    expect(output).toContain(`chart editor ${origin}/editor`);
    const url = /save endpoint (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(url).toBeDefined();
    const session = JSON.parse(await readFile(join(root, sessionCache), "utf-8"));
    expect(session.url).toBe(url);
    expect(session.token).toMatch(/^[\w-]{32}$/);
    expect(session.token).not.toContain("stale");
  });

  test("editing the title and dragging an annotation, then Save, writes the spec and updates the open explainer", async () => {
    const before = formatSpec(JSON.parse(await readFile(join(root, chartFile), "utf-8")));
    await editor.locator("#ed-title").fill(newTitle);
    const label = editor.locator('.ed-wide [data-annotation="0"] text');
    const start = (await label.boundingBox())!;
    const from = {x: start.x + start.width / 2, y: start.y + start.height / 2};
    await editor.mouse.move(from.x, from.y);
    await editor.mouse.down();
    for (let i = 1; i <= 5; i++) await editor.mouse.move(from.x + i * 30, from.y + i * 2);
    await editor.mouse.up();
    // Redrawn with the label where it was dropped, 150 px right and 10 px down.
    await until(
      async () => {
        const box = await label.boundingBox();
        return box !== null && Math.abs(box.x - start.x - 150) <= 1.5 && Math.abs(box.y - start.y - 10) <= 1.5;
      },
      60_000,
      () => `the label did not stay where it was dropped:\n${output}`
    );
    expect(await editor.locator("#ed-annotations-0-dx").inputValue()).not.toBe("");

    await editor.getByRole("button", {name: "Save"}).click();
    await editor.locator(".ed-status", {hasText: `Saved ${chartFile}`}).waitFor({timeout: 60_000});

    const text = await readFile(join(root, chartFile), "utf-8");
    const saved = JSON.parse(text);
    expect(saved.title).toBe(newTitle);
    const {dx, dy} = saved.annotations[0];
    expect(Number.isInteger(dx) && Number.isInteger(dy)).toBe(true);
    expect(await editor.locator("#ed-annotations-0-dx").inputValue()).toBe(String(dx));
    expect(await editor.locator("#ed-annotations-0-dy").inputValue()).toBe(String(dy));
    // Only the title and the offset changed; stable key order, 2-space indent, a newline at the end.
    const expected = JSON.parse(before);
    expected.title = newTitle;
    expected.annotations[0] = {...expected.annotations[0], dx, dy};
    expect(text).toBe(formatSpec(expected));
    expect(Object.keys(saved.annotations[0])).toEqual(["on", "text", "dx", "dy", "arrow"]);
    expect(text.endsWith("}\n")).toBe(true);

    // The explainer in the other tab shows the new title without a reload.
    await until(
      async () => (await chartTitles(explainerPage)).includes(newTitle),
      120_000,
      () => `the explainer did not show the new title:\n${output}`
    );
    expect(await explainerPage.evaluate(() => (window as unknown as {notReloaded?: boolean}).notReloaded)).toBe(true);
    await eventually(() => editor.getByRole("button", {name: "Save"}).isDisabled(), true);
  });

  test("Save is disabled while the spec is invalid, with each problem beside its field; Ctrl-Z undoes", async () => {
    const save = editor.getByRole("button", {name: "Save"});
    await editor.locator("#ed-title").fill("");
    await eventually(() => save.isDisabled(), true);
    expect(await editor.locator("#ed-title").getAttribute("aria-invalid")).toBe("true");
    expect(await editor.locator("#ed-title-error").textContent()).toMatch(/\S/);
    expect(await editor.locator("#ed-title-error").isVisible()).toBe(true);
    await editor.locator("#ed-title").fill("A new title");
    await eventually(() => save.isDisabled(), false);
    await editor.locator("#ed-annotations-0-on").fill("no-such-claim");
    await eventually(() => save.isDisabled(), true);
    await eventually(
      () => editor.locator("#ed-annotations-0-on-error").textContent(),
      'no claim "no-such-claim" in data/claims.csv'
    );
    await editor.keyboard.press("Control+z");
    await eventually(() => editor.locator("#ed-annotations-0-on").inputValue(), "civilians-killed");
    await eventually(() => save.isDisabled(), false);
    await editor.keyboard.press("Control+z");
    await eventually(() => editor.locator("#ed-title").inputValue(), newTitle);
    await eventually(() => save.isDisabled(), true); // back to the saved version
    // Typing in one field is one step: clearing the title and typing a new one are undone and redone together.
    await editor.keyboard.press("Control+Shift+z");
    await eventually(() => editor.locator("#ed-title").inputValue(), "A new title");
    await editor.getByRole("button", {name: "Undo"}).click();
    await eventually(() => editor.locator("#ed-title").inputValue(), newTitle);
  });

  test("a save over a file changed on disk is a conflict: nothing is overwritten, and the version on disk can be loaded", async () => {
    const onDisk = JSON.parse(await readFile(join(root, chartFile), "utf-8"));
    onDisk.subtitle = "Changed by someone else";
    const theirs = formatSpec(onDisk);
    await writeFile(join(root, chartFile), theirs);
    await editor.locator("#ed-note").fill("A note of ours");
    await editor.getByRole("button", {name: "Save"}).click();
    const conflict = editor.locator(".ed-conflict");
    await conflict.waitFor({state: "visible", timeout: 60_000});
    expect(await conflict.textContent()).toContain(`${chartFile} changed on disk`);
    expect(await editor.locator(".ed-status").textContent()).toBe("Not saved: the file changed on disk.");
    expect(await readFile(join(root, chartFile), "utf-8")).toBe(theirs);
    await conflict.getByRole("button", {name: "Load the version on disk"}).click();
    await eventually(() => editor.locator("#ed-subtitle").inputValue(), "Changed by someone else");
    await eventually(() => editor.locator("#ed-note").inputValue(), "");
    await eventually(() => editor.getByRole("button", {name: "Save"}).isDisabled(), true);
    // Undo brings our edit back, now based on their version.
    await editor.getByRole("button", {name: "Undo"}).click();
    await eventually(() => editor.locator("#ed-note").inputValue(), "A note of ours");
    await editor.getByRole("button", {name: "Save"}).click();
    await editor.locator(".ed-status", {hasText: "Saved"}).waitFor({timeout: 60_000});
    const merged = JSON.parse(await readFile(join(root, chartFile), "utf-8"));
    expect(merged.note).toBe("A note of ours");
    expect(merged.title).toBe(newTitle);
  });

  test("PNG 2× gives a PNG twice the chart's size with its margins; Download SVG a standalone SVG", async () => {
    const wide = editor.locator(".ed-wide");
    const [png] = await Promise.all([
      editor.waitForEvent("download"),
      wide.getByRole("button", {name: "PNG 2×"}).click()
    ]);
    expect(png.suggestedFilename()).toBe(`${chartId}-720@2x.png`);
    const bytes = await readFile((await png.path())!);
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(bytes.readUInt32BE(16)).toBe((720 + 2 * 16) * 2);
    const [svg] = await Promise.all([
      editor.waitForEvent("download"),
      wide.getByRole("button", {name: "Download SVG"}).click()
    ]);
    expect(svg.suggestedFilename()).toBe(`${chartId}-720.svg`);
    const text = await readFile((await svg.path())!, "utf-8");
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain(`<title id="${chartId}-export-720-title">${newTitle}</title>`);
    expect(text).not.toContain("tabindex");
  });

  test("Ctrl-C stops the preview and the save endpoint, and the token leaves the cache", async () => {
    const url = /save endpoint (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1];
    const exited = new Promise((resolve) => dev!.once("exit", resolve));
    process.kill(-dev!.pid!, "SIGINT");
    await exited;
    expect(existsSync(join(root, sessionCache))).toBe(false);
    await expect(fetch(`${url}/charts/${chartId}`)).rejects.toThrow();
    await expect(fetch(`${origin}/`)).rejects.toThrow();
  });
});

describe("explainer build", () => {
  test("leaves the editor page and its session out of dist/", async () => {
    const root = await builtCopy("seed");
    try {
      expect(existsSync(join(root, "dist/explainers/ukraine-dead-displaced-kyiv.html"))).toBe(true);
      expect(existsSync(join(root, "dist/editor.html"))).toBe(false);
      const files = await readdir(join(root, "dist"), {recursive: true});
      expect(files.filter((f) => /editor-session|chart-data/.test(f))).toEqual([]);
    } finally {
      await removeProject(root);
    }
  });
});
