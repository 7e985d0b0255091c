import {spawn, type ChildProcess} from "node:child_process";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {readFile, writeFile} from "node:fs/promises";
import {createServer} from "node:http";
import type {AddressInfo} from "node:net";
import {basename, dirname, join} from "node:path";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {warmPreview} from "../tools/commands/dev.ts";
import {testBrowser, type TestBrowser} from "./helpers/browser.ts";
import {freePort, startDev} from "./helpers/dev.ts";
import {until} from "./helpers/run.ts";
import {builtCopy} from "./helpers/built.ts";
import {addBlockedLoader, removeProject, stopProcessGroup} from "./helpers/project.ts";

/** The editor session's output in Framework's cache: its URL and token while dev runs. */
const sessionCache = "src/.observablehq/cache/data/editor-session.json";

// `explainer dev` in a real browser: saving the ledger updates the open page, without a reload.
describe("explainer dev", () => {
  let root: string;
  let dev: ChildProcess | undefined;
  let browser: TestBrowser | undefined;
  let page: Page;
  /** A page whose only figure is in its prose: no chart, no download. */
  let proseOnly: Page;
  let origin: string;
  let output = "";

  beforeAll(async () => {
    root = await builtCopy();
    await writeFile(
      join(root, "src/explainers/prose-only.md"),
      "---\ntitle: A fixture page\npublished: 2022-03-02\n---\n\n# A fixture page\n\nThis fixture cites {refugees} refugees in prose only.\n"
    );
    // As in a fresh clone, the project has no npm bundles yet: dev has them made (see the last test).
    ({child: dev, origin} = await startDev(root, {onOutput: (text) => void (output += text), npmBundles: false}));
    browser = await testBrowser();
    page = await browser.newPage();
    page.on("console", (m) => void (output += `[browser] ${m.text()}\n`));
    page.on("framenavigated", (f) => void (f === page.mainFrame() && (output += `[browser] navigated ${f.url()}\n`)));
    await page.goto(`${origin}/explainers/ukraine-dead-displaced-kyiv`);
    await page.waitForFunction(() => document.body.innerText.includes("more than 800,000"), null, {timeout: 60_000});
    proseOnly = await browser.newPage();
    proseOnly.on("console", (m) => void (output += `[prose-only] ${m.text()}\n`));
    await proseOnly.goto(`${origin}/explainers/prose-only`);
    await proseOnly.waitForFunction(() => document.body.innerText.includes("cites more than 800,000"), null, {
      timeout: 60_000
    });
    // Preview's live connection is up: from now on, updates arrive as diffs (or as a reload, which the test rejects).
    await until(
      () => /^\[browser\].*\{type: welcome\}/m.test(output) && /^\[prose-only\].*\{type: welcome\}/m.test(output),
      30_000,
      () => `no welcome from preview:\n${output}`
    );
  });

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await stopProcessGroup(dev);
    if (root) await removeProject(root);
  });

  test("editing data/claims.csv shows the new label on the open pages without a reload", async () => {
    for (const tab of [page, proseOnly]) {
      await tab.evaluate(() => ((window as unknown as {notReloaded: boolean}).notReloaded = true));
    }
    const ledger = join(root, "data/claims.csv");
    const text = await readFile(ledger, "utf-8");
    await writeFile(ledger, text.replace(/^(refugees,.*),,$/m, "$1,at-least,"));
    // How soon is the bench's business (dev.edit_to_page_ms); here only that it comes, without a reload.
    await page.waitForFunction(() => document.body.innerText.includes("at least 800,000"), null, {timeout: 120_000});
    expect(await page.evaluate(() => document.body.innerText.includes("more than 800,000"))).toBe(false);
    // The same update brought the new downloads: the page's CSV links are those preview renders now.
    const links = (html: string) => [...html.matchAll(/href="([^"]*_file\/data\/download\/[^"]*)"/g)].map((m) => m[1]);
    const shown = links(await page.content());
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(links(await (await fetch(page.url())).text()));
    const notReloaded = await page.evaluate(() => (window as unknown as {notReloaded?: boolean}).notReloaded);
    expect(notReloaded, output).toBe(true);
    // A page with the figure in its prose only (no chart, no download link) gets the new label too.
    await proseOnly.waitForFunction(() => document.body.innerText.includes("cites at least 800,000"), null, {
      timeout: 120_000
    });
    expect(await proseOnly.evaluate(() => (window as unknown as {notReloaded?: boolean}).notReloaded)).toBe(true);
    await until(
      () => output.includes("~ refugees: more than 800,000 → at least 800,000"),
      30_000,
      () => output
    );
    expect(output).toMatch(/^story: wrote [^\n]*data\/claims\.csv/m);
  });

  test("before anyone opens the chart editor, preview has bundled the npm packages it imports", async () => {
    const bundles = join(root, "src/.observablehq/cache/_node");
    /** The text of a package's bundle (`_node/d3@7.9.2/index.js`), or null while there is none. */
    const bundle = (name: string): string | null => {
      const folder = dirname(join(bundles, name));
      const version = existsSync(folder) && readdirSync(folder).find((f) => f.startsWith(`${basename(name)}@`));
      const file = version && join(folder, version, "index.js");
      return file && existsSync(file) ? readFileSync(file, "utf-8") : null;
    };
    const packages = ["@observablehq/plot", "d3", "zod"];
    await until(
      () => packages.every((name) => bundle(name)?.includes("export")),
      120_000,
      () => `no bundles of ${packages.join(", ")} in ${bundles}:\n${output}`
    );
  });
});

/** Runs `explainer dev ARGS` in `root` until it exits (its group is stopped after two minutes): the status and stderr. */
async function devUntilExit(root: string, args: string[]): Promise<{code: number | null; stderr: string}> {
  const child = spawn(process.execPath, ["bin/explainer.js", "dev", ...args], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"]
  });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  // A start that leaves a server or its stage process running never exits.
  const hang = setTimeout(() => void stopProcessGroup(child), 120_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  clearTimeout(hang);
  return {code, stderr};
}

describe("explainer dev that cannot start", () => {
  test("on a port in use: fails with PORT_IN_USE and the fix, and exits: nothing it started keeps running", async () => {
    const root = await builtCopy();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const {port} = taken.address() as AddressInfo;
    try {
      expect(await devUntilExit(root, ["--port", String(port)])).toEqual({
        code: 1,
        stderr:
          `127.0.0.1:${port}: PORT_IN_USE: another program (another explainer dev?) listens there; ` +
          `try npm run dev -- --port ${port + 10}\nexplainer dev: 1 problem\n`
      });
    } finally {
      taken.close();
      await removeProject(root);
    }
  });

  test("when a loader's output folder cannot be made: exits with the error, and leaves no session token in the cache", async () => {
    const root = await builtCopy();
    try {
      await addBlockedLoader(root);
      const {code, stderr} = await devUntilExit(root, ["--port", String(await freePort())]);
      expect(code).toBe(1);
      expect(stderr).toContain(
        "src/.observablehq/cache/other: FILE_SYSTEM: mkdir: file already exists (EEXIST)\nexplainer dev: 1 problem\n"
      );
      expect(existsSync(join(root, sessionCache))).toBe(false);
    } finally {
      await removeProject(root);
    }
  });
});

// Before the user opens a page, dev asks preview for what every page loads first, once preview answers.
describe("warmPreview", () => {
  /** A stand-in for the guard: answers 502 (preview still starting) `starting` times, then 200; records each path. */
  async function guardStandIn(starting: number) {
    const paths: string[] = [];
    const server = createServer((req, res) => {
      paths.push(req.url ?? "");
      res.writeHead(paths.length > starting ? 200 : 502).end("x");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {base, paths, close: () => new Promise((resolve) => server.close(resolve))};
  }

  test("asks for the client until preview answers, then for the runtime, the standard library and the home page, then the editor", async () => {
    const standIn = await guardStandIn(3);
    try {
      await warmPreview(standIn.base, () => true);
      expect(standIn.paths.slice(0, 4)).toEqual(Array(4).fill("/_observablehq/client.js"));
      expect(standIn.paths.slice(4, 7).sort()).toEqual(["/", "/_observablehq/runtime.js", "/_observablehq/stdlib.js"]);
      expect(standIn.paths.slice(7)).toEqual(["/editor"]);
    } finally {
      await standIn.close();
    }
  });

  test("stops asking once preview has exited, and never throws, even with nothing listening", async () => {
    const standIn = await guardStandIn(Infinity);
    try {
      let running = 2;
      await warmPreview(standIn.base, () => running-- > 0);
      expect(standIn.paths).toEqual(Array(3).fill("/_observablehq/client.js"));
    } finally {
      await standIn.close();
    }
    await expect(warmPreview(standIn.base, () => true, 300)).resolves.toBeUndefined();
  });

  test("an answer cut off in its body is a failed attempt, not an error", async () => {
    const server = createServer((req, res) => {
      res.writeHead(200, {"content-length": "100"}).write("part");
      setTimeout(() => req.socket.destroy(), 20);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      let tries = 0;
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await expect(warmPreview(base, () => ++tries < 2)).resolves.toBeUndefined();
      expect(tries).toBe(2);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
