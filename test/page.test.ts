import {readFile} from "node:fs/promises";
import {createRequire} from "node:module";
import {join} from "node:path";
import type {Server} from "node:http";
import {csvParse} from "d3-dsv";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {testBrowser, type TestBrowser, serveStatic} from "./helpers/browser.ts";
import {builtCopy} from "./helpers/built.ts";
import {removeProject} from "./helpers/project.ts";

// The built explainer in a real browser, as a reader meets it.
describe("the explainer page in Chromium", () => {
  let root: string;
  let browser: TestBrowser;
  let server: Server;
  let origin: string;
  let page: Page;
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  let claims: Record<string, string>[];

  beforeAll(async () => {
    root = await builtCopy("seed");
    claims = csvParse(await readFile(join(root, "src/.observablehq/cache/data/claims.csv"), "utf-8"));
    ({origin, server} = await serveStatic(join(root, "dist")));
    browser = await testBrowser();
    page = await browser.newPage({viewport: {width: 1024, height: 800}});
    page.on("request", (r) => void requests.push(r.url()));
    page.on("console", (m) => void (m.type() === "error" && consoleErrors.push(m.text())));
    page.on("pageerror", (e) => void consoleErrors.push(String(e)));
    await page.goto(`${origin}/explainers/ukraine-dead-displaced-kyiv`, {waitUntil: "networkidle"});
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (root) await removeProject(root);
  });

  test("the three labels are in the text", async () => {
    const text = await page.locator("main").innerText();
    for (const label of ["2,000", "more than 800,000", "about 15,000"]) expect(text).toContain(label);
  });

  test("each marker opens its card with the verbatim quote on hover and on keyboard focus", async () => {
    const markers = page.locator("main a.cite");
    expect(await markers.count()).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < (await markers.count()); i++) {
      const marker = markers.nth(i);
      const id = await marker.evaluate((a) => a.closest("[data-claim]")!.getAttribute("data-claim"));
      const quote = claims.find((c) => c.id === id)!.quote;
      const card = page.locator(`#${await marker.getAttribute("aria-describedby")}`);
      await expect.poll(() => card.isVisible()).toBe(false);
      await marker.hover();
      expect(await card.isVisible()).toBe(true);
      expect(await card.locator(".cite-quote").innerText()).toBe(quote);
      await page.mouse.move(0, 0);
      await marker.focus();
      expect(await card.isVisible()).toBe(true);
      await marker.blur();
    }
  });

  test("each marker's link lands on its Sources entry", async () => {
    const markers = page.locator("main a.cite");
    for (let i = 0; i < (await markers.count()); i++) {
      const marker = markers.nth(i);
      const href = (await marker.getAttribute("href"))!;
      const id = await marker.evaluate((a) => a.closest("[data-claim]")!.getAttribute("data-claim"));
      await marker.click();
      expect(new URL(page.url()).hash).toBe(href);
      const entry = page.locator(href);
      expect(await entry.getAttribute("data-claim")).toBe(id);
      expect(await entry.isVisible()).toBe(true);
      expect(
        await entry.evaluate((e) => e.getBoundingClientRect().top >= 0 && e.getBoundingClientRect().top < innerHeight)
      ).toBe(true);
    }
  });

  test("on a touch screen the first tap opens the card and does not leave the paragraph", async () => {
    const context = await browser.newContext({viewport: {width: 320, height: 640}, hasTouch: true, isMobile: true});
    const phone = await context.newPage();
    await phone.goto(`${origin}/explainers/ukraine-dead-displaced-kyiv`, {waitUntil: "networkidle"});
    const marker = phone.locator("main p a.cite").first();
    await marker.tap();
    expect(await phone.locator(`#${await marker.getAttribute("aria-describedby")}`).isVisible()).toBe(true);
    expect(new URL(phone.url()).hash).toBe("");
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });

  test("charts and Sources off the first screen are drawn when the reader scrolls to them, spaced as if never skipped", async () => {
    const phone = await browser.newPage({viewport: {width: 412, height: 823}});
    await phone.goto(`${origin}/explainers/ukraine-dead-displaced-kyiv`, {waitUntil: "networkidle"});
    // Whether the browser renders an element now (false while it skips an off-screen chart or list).
    const rendered = (selector: string) =>
      phone.locator(selector).evaluate((e) => e.checkVisibility({contentVisibilityAuto: true}));
    const map = "#chart-places-in-the-report .chart-narrow > svg";
    expect(await rendered("main h1")).toBe(true);
    expect(await rendered(map)).toBe(false);
    expect(await rendered("#source-3")).toBe(false);
    // Scrolls to `y` and waits two frames: Chromium decides what is near the screen once a frame is drawn.
    const scrollAndWait = async (y: number) => {
      await phone.evaluate((to) => window.scrollTo(0, to), y);
      await phone.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    };
    const height = await phone.evaluate(() => document.documentElement.scrollHeight);
    // Read down the page: each chart is drawn once, and keeps its drawn height when skipped again.
    for (let y = 0; y < height; y += 400) await scrollAndWait(y);
    await scrollAndWait(await phone.locator(map).evaluate((svg) => svg.getBoundingClientRect().top + window.scrollY));
    expect(await rendered(map)).toBe(true);
    expect(await phone.locator(map).evaluate((svg) => svg.getBoundingClientRect().height)).toBeGreaterThan(300);
    await scrollAndWait(height);
    expect(await rendered("#source-3")).toBe(true);
    // Where the last things on the page are, now that all is drawn, and with nothing ever skipped.
    const tops = () =>
      phone.evaluate(() =>
        ["#sources-title", "#source-1", "#source-3", "#observablehq-footer"].map((s) =>
          Math.round(document.querySelector(s)!.getBoundingClientRect().top + scrollY)
        )
      );
    const drawn = await tops();
    await phone.addStyleTag({content: "* { content-visibility: visible !important; }"});
    expect(await tops()).toEqual(drawn);
    // Find in page finds the text of a list it skips, and draws it.
    await phone.goto(`${origin}/explainers/ukraine-dead-displaced-kyiv?again`, {waitUntil: "networkidle"});
    expect(await rendered("#source-3")).toBe(false);
    const words = /archived [^.]+/.exec((await phone.locator("#source-3").textContent())!)![0];
    expect(await phone.evaluate((w) => (window as unknown as {find(w: string): boolean}).find(w), words)).toBe(true);
    expect(await rendered("#source-3")).toBe(true);
    await phone.close();
  });

  test("the ledger can be downloaded as CSV", async () => {
    const href = await page.locator('a[download="ukraine-dead-displaced-kyiv-figures.csv"]').getAttribute("href");
    const response = await page.request.get(new URL(href!, `${origin}/explainers/ukraine-dead-displaced-kyiv`).href);
    expect(response.status()).toBe(200);
    expect(csvParse(await response.text()).map((r) => r.label)).toEqual(["2,000", "more than 800,000", "about 15,000"]);
  });

  test("each chart shows without JavaScript and its data can be downloaded as CSV", async () => {
    const charts = page.locator("figure.chart");
    expect(await charts.count()).toBe(3);
    const shown: Record<string, string[]> = {};
    for (let i = 0; i < (await charts.count()); i++) {
      const chart = charts.nth(i);
      const id = (await chart.getAttribute("data-chart"))!;
      expect(await chart.locator("svg").first().getAttribute("role")).toBe("img");
      const href = await chart.locator("a[download]").getAttribute("href");
      const response = await page.request.get(new URL(href!, `${origin}/explainers/ukraine-dead-displaced-kyiv`).href);
      expect(response.status()).toBe(200);
      shown[id] = csvParse(await response.text()).map((r) => `${r.id}: ${r.label}`);
    }
    expect(shown).toEqual({
      "refugees-and-deaths": ["civilians-killed: 2,000", "refugees: more than 800,000"],
      "reported-figures": [
        "civilians-killed: 2,000",
        "refugees: more than 800,000",
        "soldiers-approaching-kyiv: about 15,000"
      ],
      "places-in-the-report": ["soldiers-approaching-kyiv: about 15,000"]
    });
    const html = await (await page.request.get(`${origin}/explainers/ukraine-dead-displaced-kyiv`)).text();
    expect(html.match(/<svg[^>]*class="kit-chart"/g)).toHaveLength(6);
  });

  test("every request goes to the local server and the console has no errors", () => {
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith("data:"))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test("the page takes the reader's colour scheme: text, background, a card and the chart's accent, in light and dark", async () => {
    const tab = await browser.newPage({viewport: {width: 1024, height: 800}});
    const colours = async (colorScheme: "light" | "dark") => {
      await tab.emulateMedia({colorScheme});
      await tab.goto(`${origin}/explainers/ukraine-dead-displaced-kyiv`, {waitUntil: "networkidle"});
      return tab.evaluate(() => {
        const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
        return {
          text: style("html").color,
          background: style("html").backgroundColor,
          card: style(".cite-card").backgroundColor,
          accent: style("figure.chart .kit-accent").fill
        };
      });
    };
    expect(await colours("light")).toEqual({
      text: "rgb(27, 30, 35)",
      background: "rgb(255, 255, 255)",
      card: "rgb(244, 245, 246)",
      accent: "rgb(47, 91, 208)"
    });
    expect(await colours("dark")).toEqual({
      text: "rgb(232, 233, 235)",
      background: "rgb(21, 23, 26)",
      card: "rgb(32, 35, 40)",
      accent: "rgb(143, 176, 255)"
    });
    await tab.close();
  });

  test("axe-core reports no serious or critical violations, in light and dark", async () => {
    const axe = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf-8");
    // axe-core goes in as an inline script, which the page's Content Security Policy rightly refuses.
    const page = await browser.newPage({viewport: {width: 1024, height: 800}, bypassCSP: true});
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({colorScheme});
      await page.goto(`${origin}/explainers/ukraine-dead-displaced-kyiv`, {waitUntil: "networkidle"});
      await page.addScriptTag({content: axe});
      const violations = await page.evaluate(async () => {
        // @ts-expect-error axe is injected above
        const result = await window.axe.run(document, {resultTypes: ["violations"]});
        return result.violations
          .filter((v: {impact: string}) => v.impact === "serious" || v.impact === "critical")
          .map(
            (v: {id: string; nodes: {target: string[]}[]}) =>
              `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`
          );
      });
      expect(violations, colorScheme).toEqual([]);
    }
    await page.close();
  });
});
