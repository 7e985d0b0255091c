import {existsSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {runInNewContext} from "node:vm";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {embedChartId} from "../loaders/chart-block.ts";
import type {RenderedChart} from "../loaders/render-charts.ts";
import {heightMessage} from "../src/components/embed-height.ts";
import {embedCode, embedPaths, hostScript} from "../tools/publish/embeds.ts";
import {serveSite, type Site} from "../tools/publish/serve.ts";
import {testBrowser, type TestBrowser} from "./helpers/browser.ts";
import {builtCopy, testSiteUrl} from "./helpers/built.ts";
import {removeProject} from "./helpers/project.ts";

const chart = {title: "A <chart> & more", wide: '<svg width="720" height="400"></svg>'} as RenderedChart;

describe("embeds, unit", () => {
  test("embedPaths has one /embed/<id> per chart of the story, and embedChartId reads it back from the page file", async () => {
    const root = await builtCopy("seed");
    try {
      expect(embedPaths(root)).toEqual(
        ["places-in-the-report", "refugees-and-deaths", "reported-figures"].map((id) => `/embed/${id}`)
      );
    } finally {
      await removeProject(root);
    }
    expect(embedChartId("src/embed/refugees-and-deaths.md")).toBe("refugees-and-deaths");
    expect(embedChartId("src/index.md")).toBeUndefined();
  });

  test("embedCode frames the embed page under the site's address, escaped, then the host script", () => {
    expect(embedCode("units", chart, "https://news.example/ukraine/")).toBe(
      `<iframe src="https://news.example/ukraine/embed/units" title="A &lt;chart&gt; &amp; more" width="100%" height="448" loading="lazy" style="border:0" data-explainer-kit="units"></iframe>\n${hostScript()}`
    );
    expect(embedCode("units", chart, "./")).toContain('src="./embed/units"');
  });

  test("hostScript sets the height of the frame a height message comes from, and of no other", () => {
    const frames = [
      {contentWindow: {}, height: "100"},
      {contentWindow: {}, height: "100"}
    ];
    let listener: (e: unknown) => void = () => {};
    const context = {
      addEventListener: (_: string, f: (e: unknown) => void) => void (listener = f),
      document: {querySelectorAll: () => frames}
    };
    runInNewContext(/<script>([\s\S]*)<\/script>/.exec(hostScript())![1], context);
    listener({source: frames[1].contentWindow, data: {type: heightMessage, chart: "x", height: 512.2}});
    listener({source: frames[0].contentWindow, data: {type: "other", height: 9}});
    listener({source: frames[0].contentWindow, data: {type: heightMessage, height: "<script>"}});
    expect(frames.map((f) => f.height)).toEqual(["100", "513"]);
  });
});

describe("embeds in Chromium", () => {
  let root: string;
  let site: Site;
  let browser: TestBrowser;
  const requests: string[] = [];

  const ids = ["places-in-the-report", "refugees-and-deaths", "reported-figures"];

  beforeAll(async () => {
    root = await builtCopy("seed");
    site = await serveSite(join(root, "dist"), {base: "/news/ukraine/"});
    browser = await testBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (root) await removeProject(root);
  });

  /** The site's address, where the build put it, answered by the test server (which serves it under the same path). */
  const local = (address: string) => address.replace(testSiteUrl, site.url);

  /** A page that records every request it makes, with the site's address answered by the test server. */
  async function newPage(options: Parameters<TestBrowser["newContext"]>[0] = {}): Promise<Page> {
    const context = await browser.newContext(options);
    await context.route(`${testSiteUrl}**`, async (route) =>
      route.fulfill({response: await route.fetch({url: local(route.request().url())})})
    );
    const page = await context.newPage();
    page.on("request", (r) => void requests.push(r.url()));
    return page;
  }

  test("every chart has an embed page with the chart, its data link and no site chrome", async () => {
    for (const id of ids) {
      expect(existsSync(join(root, `dist/embed/${id}.html`)), id).toBe(true);
      const page = await newPage({viewport: {width: 600, height: 800}});
      await page.goto(`${testSiteUrl}embed/${id}`, {waitUntil: "networkidle"});
      expect(await page.locator(`figure.chart[data-chart="${id}"]`).count()).toBe(1);
      expect(await page.locator("svg.kit-chart:visible").count()).toBe(1);
      const source = await page.locator("svg.kit-chart:visible text.kit-source").textContent();
      expect(source).toMatch(/^Sources?: /);
      const href = await page.locator("a[download]").getAttribute("href");
      expect((await page.request.get(local(new URL(href!, page.url()).href))).status()).toBe(200);
      expect(await page.locator("footer, nav, .site-footer, .figure-cards, .sources, h1").count()).toBe(0);
      const title = await page.locator("svg.kit-chart:visible title").textContent();
      expect(await page.title()).toBe(`${title} | Explainer Kit`);
      await page.context().close();
    }
  });

  test("the embed posts its height on load, and a new height when its frame's width changes", async () => {
    const explainerPage = await newPage();
    await explainerPage.goto(`${testSiteUrl}explainers/ukraine-dead-displaced-kyiv`, {waitUntil: "networkidle"});
    const code = await explainerPage.locator("#embed-code-refugees-and-deaths").textContent();
    expect(code).toContain(`src="${testSiteUrl}embed/refugees-and-deaths"`);
    const host = await newPage({viewport: {width: 800, height: 600}});
    await host.setContent(
      `<!DOCTYPE html><body style="margin:0"><script>window.heights = []; addEventListener("message", (e) => heights.push(e.data));</script>${code}</body>`
    );
    const heights = () => host.evaluate(() => (window as unknown as {heights: {height: number}[]}).heights);
    await expect.poll(heights, {timeout: 60_000}).not.toEqual([]);
    const [first] = await heights();
    expect(first).toEqual({type: heightMessage, chart: "refugees-and-deaths", height: expect.any(Number)});
    const frame = host.locator("iframe");
    await expect.poll(() => frame.getAttribute("height")).toBe(String(first.height));
    const inner = await frame.boundingBox();
    const content = await host.frames()[1].evaluate(() => document.documentElement.scrollHeight);
    expect(Math.abs(inner!.height - content)).toBeLessThanOrEqual(1);

    // A host that listens late asks again.
    await host.evaluate(() => {
      (window as unknown as {heights: unknown[]}).heights.length = 0;
      document.querySelector("iframe")!.contentWindow!.postMessage({type: "explainer-kit:request-height"}, "*");
    });
    await expect.poll(heights).toEqual([first]);

    await frame.evaluate((f: HTMLIFrameElement) => (f.width = "360"));
    await expect.poll(async () => (await heights()).at(-1)!.height).not.toBe(first.height);
    const last = (await heights()).at(-1)!;
    expect(last.height).toBeGreaterThan(first.height); // the narrow chart is taller
    await expect.poll(() => frame.getAttribute("height")).toBe(String(last.height));
    await host.context().close();
    await explainerPage.context().close();
  });

  test("under each chart of the explainer, the embed code with a copy button that copies it", async () => {
    const page = await newPage({viewport: {width: 1024, height: 800}});
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], {origin: new URL(testSiteUrl).origin});
    await page.goto(`${testSiteUrl}explainers/ukraine-dead-displaced-kyiv`, {waitUntil: "networkidle"});
    expect(await page.locator("figure.chart details.chart-embed").count()).toBe(3);
    // No form field on the page: Chromium lays the page out again after first paint for each text box.
    expect(await page.locator("input, textarea, select").count()).toBe(0);
    for (const id of await page
      .locator("figure.chart")
      .evaluateAll((fs) => fs.map((f) => f.getAttribute("data-chart")))) {
      expect(ids).toContain(id);
      const figure = page.locator(`figure.chart[data-chart="${id}"]`);
      await figure.locator("summary").click();
      const code = (await figure.locator("pre.chart-embed-code").textContent()) ?? "";
      expect(code).toMatch(new RegExp(`^<iframe src="${testSiteUrl}embed/${id}" title="[^"]+"`));
      await figure.locator("button.chart-embed-copy").click();
      await expect.poll(() => figure.locator("[role=status]").textContent()).toBe("Copied.");
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    }
    await page.context().close();
  });

  test("without JavaScript one click selects the whole embed code, and no copy button is shown", async () => {
    const page = await newPage({javaScriptEnabled: false});
    await page.goto(`${testSiteUrl}explainers/ukraine-dead-displaced-kyiv`);
    const figure = page.locator("figure.chart").first();
    await figure.locator("summary").click();
    const code = figure.locator("pre.chart-embed-code");
    expect(await code.isVisible()).toBe(true);
    expect(await code.textContent()).toContain("<iframe src=");
    await code.click();
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(await code.textContent());
    expect(await figure.locator("button.chart-embed-copy").isVisible()).toBe(false);
    await page.context().close();
  });

  test("the embed code and embed pages make no request to another host", async () => {
    expect(
      requests.filter((url) => !url.startsWith(testSiteUrl) && !url.startsWith("data:") && url !== "about:blank")
    ).toEqual([]);
    expect(await readFile(join(root, "dist/embed/refugees-and-deaths.html"), "utf-8")).not.toContain("site-footer");
  });
});
