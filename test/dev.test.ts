import {spawn, type ChildProcess} from "node:child_process";
import {readFile, writeFile} from "node:fs/promises";
import {createServer} from "node:net";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {launchChromium} from "./helpers/browser.ts";
import {copyProject, projectRoot, removeProject, stopProcessGroup} from "./helpers/project.ts";

/** A free TCP port on loopback. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))
      );
    });
  });
}

/** Resolves once `check()` holds, polling every 100 ms, or rejects after `ms` with `message()`. */
async function until(check: () => boolean, ms: number, message: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(message());
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves once `url` answers 200, or rejects after `ms` with what the server printed. */
async function waitForServer(url: string, ms: number, log: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`explainer dev did not answer ${url} within ${ms} ms:\n${log()}`);
}

// `explainer dev` in a real browser: saving the ledger updates the open page, without a reload.
describe("explainer dev", () => {
  let root: string;
  let dev: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let origin: string;
  let output = "";

  beforeAll(async () => {
    root = await copyProject();
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    // Its own process group, so that afterAll ends the preview server it starts too.
    dev = spawn(join(projectRoot, "node_modules/.bin/tsx"), ["bin/explainer.ts", "dev", "--port", String(port)], {
      cwd: root,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {...process.env, PATH: `${join(projectRoot, "node_modules/.bin")}:${process.env.PATH}`, NO_COLOR: "1"}
    });
    dev.stdout!.on("data", (d) => (output += d));
    dev.stderr!.on("data", (d) => (output += d));
    await waitForServer(`${origin}/`, 90_000, () => output);
    browser = await launchChromium();
    page = await browser.newPage();
    page.on("console", (m) => void (output += `[browser] ${m.text()}\n`));
    page.on("framenavigated", (f) => void (f === page.mainFrame() && (output += `[browser] navigated ${f.url()}\n`)));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.body.innerText.includes("more than 800,000"), null, {timeout: 30_000});
    // Preview's live connection is up: from now on, updates arrive as diffs (or as a reload, which the test rejects).
    await until(
      () => output.includes("{type: welcome}"),
      30_000,
      () => `no welcome from preview:\n${output}`
    );
  }, 180_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await stopProcessGroup(dev);
    if (root) await removeProject(root);
  }, 30_000);

  test("editing data/claims.csv shows the new label on the open page without a reload", async () => {
    await page.evaluate(() => ((window as unknown as {notReloaded: boolean}).notReloaded = true));
    const ledger = join(root, "data/claims.csv");
    const text = await readFile(ledger, "utf-8");
    const start = Date.now();
    await writeFile(ledger, text.replace(/^(refugees,.*),,$/m, "$1,at-least,"));
    await page.waitForFunction(() => document.body.innerText.includes("at least 800,000"), null, {timeout: 20_000});
    const elapsed = Date.now() - start;
    console.log(`explainer dev: the new label appeared ${elapsed} ms after the save`);
    expect(await page.evaluate(() => document.body.innerText.includes("more than 800,000"))).toBe(false);
    const notReloaded = await page.evaluate(() => (window as unknown as {notReloaded?: boolean}).notReloaded);
    expect(notReloaded, output).toBe(true);
    await until(
      () => output.includes("~ refugees: more than 800,000 → at least 800,000"),
      30_000,
      () => output
    );
    expect(output).toMatch(/refresh: data\/claims\.csv\s+re-run/);
    expect(elapsed).toBeLessThan(8_000);
  }, 60_000);
});
