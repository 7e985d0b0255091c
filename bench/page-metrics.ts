/**
 * What a reader's browser does with a built page, measured in Chromium: bytes and requests on
 * load, the time until every chart is visible (unthrottled and on Slow 4G), and Lighthouse's
 * mobile scores. Used by bench/publish.ts on the explainer and on the reference page alike.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import type {Browser} from "playwright-core";
import {chromiumPath} from "../test/helpers/browser.ts";
import {median} from "./result.ts";

/** Lighthouse's "Slow 4G" as DevTools applies it (its `mobileSlow4G` with the DevTools multipliers), for CDP. */
export const slow4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: (1.6 * 1024 * 0.9 * 1024) / 8,
  uploadThroughput: (750 * 0.9 * 1024) / 8
};

/** Bytes and requests of one page load, until the network is idle (nothing is clicked). */
export interface Transfer {
  /** Response bodies as sent (gzip where the server compressed). */
  encoded: number;
  /** Response bodies once decompressed. */
  decoded: number;
  requests: number;
  /** Requests to another origin (should be none). */
  foreign: number;
}

/** Loads `url` in a fresh context and sums the page's and every resource's body sizes (Resource Timing). */
export async function measureTransfer(browser: Browser, url: string): Promise<Transfer> {
  const context = await browser.newContext({viewport: {width: 412, height: 823}});
  const page = await context.newPage();
  let foreign = 0;
  const origin = new URL(url).origin;
  page.on("request", (r) => void (!r.url().startsWith(origin) && !r.url().startsWith("data:") && foreign++));
  await page.goto(url, {waitUntil: "networkidle"});
  const sizes = await page.evaluate(() =>
    [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].map((e) => {
      const r = e as PerformanceResourceTiming;
      return [r.encodedBodySize, r.decodedBodySize];
    })
  );
  await context.close();
  return {
    encoded: sizes.reduce((a, [e]) => a + e, 0),
    decoded: sizes.reduce((a, [, d]) => a + d, 0),
    requests: sizes.length,
    foreign
  };
}

/**
 * The time from navigation to the first frame in which every chart (`selector`, at least `count`
 * of them) has a box on screen, in ms; each run in a fresh context (empty cache), the median of `runs`.
 */
export async function timeToCharts(
  browser: Browser,
  url: string,
  {selector, count, throttle = false, runs = 3}: {selector: string; count: number; throttle?: boolean; runs?: number}
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({viewport: {width: 412, height: 823}});
    const page = await context.newPage();
    if (throttle) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", {cacheDisabled: true});
      await cdp.send("Network.emulateNetworkConditions", slow4G);
    }
    // A string, not a function: tsx would add helpers to a function's source that the page does not have.
    await page.addInitScript({
      content: `(() => {
        const check = () => {
          const visible = [...document.querySelectorAll(${JSON.stringify(selector)})].filter((e) => {
            const box = e.getBoundingClientRect();
            return box.width > 0 && box.height > 0;
          });
          if (visible.length >= ${count}) window.chartsAt = performance.now();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      })();`
    });
    await page.goto(url, {waitUntil: "commit"});
    await page.waitForFunction(() => (window as unknown as {chartsAt?: number}).chartsAt !== undefined, null, {
      timeout: 120_000
    });
    times.push(await page.evaluate(() => (window as unknown as {chartsAt: number}).chartsAt));
    await context.close();
  }
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/**
 * The share of the stylesheet rules that a reader's visit uses (0 to 1), from Chromium's CSS
 * coverage: the page loaded at 412 px in the light scheme and read to its end, a screen at a time
 * (a chart or list off screen gets no style until the reader nears it), then the first citation
 * marker hovered (its card opened) and the first "Embed this chart" opened (a closed disclosure's
 * content gets no style until then). A rule counts as used when coverage marks its selector's text
 * as applied; rules for the dark scheme, print, other widths and pages without scripts count as
 * unused.
 */
export async function cssRuleUsage(browser: Browser, url: string): Promise<{used: number; rules: number}> {
  const page = await browser.newPage({viewport: {width: 412, height: 823}});
  await page.coverage.startCSSCoverage();
  await page.goto(url, {waitUntil: "networkidle"});
  for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += 800) {
    await page.evaluate((to) => scrollTo(0, to), y);
    await page.evaluate(() => new Promise(requestAnimationFrame));
  }
  const marker = page.locator("main a.cite").first();
  if (await marker.count()) await marker.hover();
  const embed = page.locator("main details.chart-embed summary").first();
  if (await embed.count()) {
    await embed.click();
    await page.locator("main details.chart-embed[open] pre").first().waitFor();
  }
  const coverage = await page.coverage.stopCSSCoverage();
  await page.close();
  let used = 0;
  let rules = 0;
  for (const {text = "", ranges} of coverage) {
    for (const m of text.matchAll(/[^{}@;]+\{[^{}]*\}/g)) {
      const start = m.index + m[0].search(/\S/);
      rules++;
      if (ranges.some((r) => r.start <= start && start < r.end)) used++;
    }
  }
  return {used, rules};
}

/** Lighthouse's mobile scores (0 to 1) and paint times (ms) for a page. */
export interface LighthouseResult {
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  /** Total blocking time (ms), speed index (ms) and cumulative layout shift: the score's other parts. */
  tbt: number;
  speedIndex: number;
  cls: number;
}

/**
 * Lighthouse's results for `url`, each the median of `runs` runs (one Chromium each): a single run's
 * total blocking time swings by tens of milliseconds on this machine, even for a one-paragraph page.
 */
export async function medianLighthouse(url: string, runs: number): Promise<LighthouseResult> {
  const results: LighthouseResult[] = [];
  for (let i = 0; i < runs; i++) results.push(await runLighthouse(url));
  const keys = Object.keys(results[0]) as (keyof LighthouseResult)[];
  return Object.fromEntries(keys.map((k) => [k, median(results.map((r) => r[k]))])) as unknown as LighthouseResult;
}

/** Runs Lighthouse (mobile, simulated Slow 4G, its defaults) on `url` in Debian's headless Chromium. */
export async function runLighthouse(url: string): Promise<LighthouseResult> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync"
    ]
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"]
    });
    if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
    const {categories, audits} = result.lhr;
    return {
      performance: categories.performance.score ?? 0,
      accessibility: categories.accessibility.score ?? 0,
      fcp: audits["first-contentful-paint"].numericValue ?? NaN,
      lcp: audits["largest-contentful-paint"].numericValue ?? NaN,
      tbt: audits["total-blocking-time"].numericValue ?? NaN,
      speedIndex: audits["speed-index"].numericValue ?? NaN,
      cls: audits["cumulative-layout-shift"].numericValue ?? NaN
    };
  } finally {
    chrome.kill();
  }
}
