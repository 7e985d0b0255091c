/**
 * A real browser for tests: Debian's Chromium driven by playwright-core, and a static server for a
 * built site on a free loopback port.
 */
import {existsSync} from "node:fs";
import type {Server} from "node:http";
import {chromium, type Browser, type BrowserContext} from "playwright-core";
import {serveSite} from "../../tools/publish/serve.ts";

/** Debian's Chromium (`apt-get install -y chromium`): the browser Lighthouse measures the page in (bench/). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * The browser the tests drive: Debian's headless shell of the same Chromium (`apt-get install -y
 * chromium-headless-shell`; `.ci/run` does it). The same Blink renders the page, and a new page costs
 * about a quarter of the full browser's CPU (10 new contexts: 3.2 s against 12.2 s on the 2-core machine).
 */
export const testChromiumPath = process.env.TEST_CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell";

/**
 * Launches the tests' headless Chromium with no background traffic (the machine has no network), with
 * `extra` flags; fails with how to install it when it is missing.
 */
export function launchChromium(...extra: string[]): Promise<Browser> {
  if (!existsSync(testChromiumPath))
    throw new Error(
      `no Chromium headless shell at ${testChromiumPath}: run 'apt-get install -y chromium-headless-shell'`
    );
  return chromium.launch({
    executablePath: testChromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extra
    ]
  });
}

/** What a test file uses of a browser: its own pages and contexts, closed together by `close`. */
export type TestBrowser = Pick<Browser, "newPage" | "newContext" | "close">;

/** The worker's one Chromium: launching it costs about 3 s of CPU, so the files a worker runs share it. */
let shared: Promise<Browser> | undefined;

/**
 * A browser for one test file: fresh contexts (no cookie, storage or cache shared with another
 * file) in the Chromium its worker already runs, launched by the first file that asks. `close`
 * closes this file's contexts and leaves Chromium to the next file; it exits with the worker.
 */
export async function testBrowser(): Promise<TestBrowser> {
  let browser = await (shared ??= launchChromium());
  if (!browser.isConnected()) browser = await (shared = launchChromium());
  const contexts = new Set<BrowserContext>();
  const newContext: Browser["newContext"] = async (options) => {
    const context = await browser.newContext(options);
    contexts.add(context);
    return context;
  };
  return {
    newContext,
    // As Browser.newPage: a page in a context of its own, which closing the page closes.
    newPage: async (options) => {
      const page = await (await newContext(options)).newPage();
      page.once(
        "close",
        () =>
          void page
            .context()
            .close()
            .catch(() => {})
      );
      return page;
    },
    close: async () => {
      await Promise.all([...contexts].map((context) => context.close().catch(() => {})));
      contexts.clear();
    }
  };
}

/** Serves a built folder on 127.0.0.1 with clean URLs (`/methodology` → `methodology.html`); resolves to its origin. */
export async function serveStatic(dir: string): Promise<{origin: string; server: Server}> {
  const {origin, server} = await serveSite(dir, {gzip: false});
  return {origin, server};
}
