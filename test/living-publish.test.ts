/**
 * The living-figures workflow end to end, as an editor runs it: publish, a figure changes, check
 * names the three places that cite it, publish refuses, review and update, publish again, and the
 * reader's page (in Chromium) shows the new figure and the update at the top.
 */
import {createHash} from "node:crypto";
import {readFile, rm, writeFile} from "node:fs/promises";
import type {Server} from "node:http";
import {join} from "node:path";
import {afterAll, beforeAll, expect, test} from "vitest";
import {main} from "../tools/cli.ts";
import {testBrowser, type TestBrowser, serveStatic} from "./helpers/browser.ts";
import {copyLiving, moveRefugees} from "./helpers/living.ts";
import {listFiles} from "../tools/deps.ts";
import {recordingEffects} from "./helpers/project.ts";

let root: string;
let browser: TestBrowser | undefined;
let server: Server | undefined;
beforeAll(async () => {
  root = await copyLiving();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
  await rm(root, {recursive: true, force: true});
});

async function explainer(...args: string[]) {
  const effects = recordingEffects(root, new Date("2026-11-25T12:00:00Z"));
  const status = await main(args, effects);
  return {status, stdout: effects.out.join(""), stderr: effects.err.join("")};
}

/** A hash of every file of dist/, to tell whether a refused publish touched it. */
async function distHash(): Promise<string> {
  const hash = createHash("sha256");
  for (const file of (await listFiles(join(root, "dist"))).sort()) hash.update(file).update(await readFile(file));
  return hash.digest("hex");
}

test("publish, change a figure cited in three places, review and update, publish again: the page shows the update", async () => {
  const first = await explainer("publish");
  expect(first.status, first.stderr.slice(-3000)).toBe(0);
  expect(first.stdout).toBe(
    "published leaving-ukraine: 1 figure\nrecorded data/published.csv: commit it with the story\n"
  );
  const record = await readFile(join(root, "data/published.csv"), "utf-8");
  expect(record).toMatch(/^leaving-ukraine,2026-11-25,refugees,"more than 800,000",2022-03-02,/m);

  await moveRefugees(root);
  const check = await explainer("check");
  expect(check.status).toBe(1);
  expect(check.stderr.split("\n").filter((l) => l.includes("FIGURE_CHANGED"))).toHaveLength(3);

  const built = await distHash();
  const refused = await explainer("publish");
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain("explainer publish: 4 problems");
  expect(await distHash()).toBe(built);
  expect(await readFile(join(root, "data/published.csv"), "utf-8")).toBe(record);

  // A desk on Windows: the reviews file has CRLF line ends, and keeps them when publish empties it.
  const header = "place,claim,label,hash,reviewed\r\n";
  await writeFile(join(root, "data/reviews.csv"), header);
  expect((await explainer("review", "--all")).status).toBe(0);
  expect((await readFile(join(root, "data/reviews.csv"), "utf-8")).split("\r\n")).toHaveLength(5);
  expect((await explainer("update")).status).toBe(0);
  // The record says readers also saw a figure that the page (and the ledger) no longer has; it too has
  // CRLF line ends, which the next publish keeps.
  const removed = 'leaving-ukraine,2026-11-25,civilians-killed,"2,000",2022-03-02,x,0123456789ab,0\n';
  await writeFile(join(root, "data/published.csv"), (record + removed).replaceAll("\n", "\r\n"));
  const warned = await explainer("check");
  expect(warned.status).toBe(0);
  expect(warned.stderr).toContain(
    `warning: data/published.csv:${record.split("\n").length}: FIGURE_REMOVED: leaving-ukraine no longer shows civilians-killed, published as 2,000 on 25 November 2026; the next publish drops it from the record: if readers should know why, add an entry with no claim to data/corrections.csv\n`
  );
  const second = await explainer("publish");
  expect(second.status, second.stderr.slice(-3000)).toBe(0);
  expect(second.stdout).toBe(
    "published leaving-ukraine: 1 figure (1 figure changed since 25 November 2026: refugees; 1 no longer shown: civilians-killed, was 2,000)\n" +
      "recorded data/published.csv: commit it with the story\n" +
      "readers saw figures the pages no longer show: if they should know why, add an entry with no claim to data/corrections.csv and publish again\n"
  );
  const republished = await readFile(join(root, "data/published.csv"), "utf-8");
  expect(republished).not.toContain("civilians-killed");
  expect(republished.split("\r\n")).toEqual([
    expect.stringMatching(/^explainer,/),
    expect.stringMatching(
      /^leaving-ukraine,2026-11-25,refugees,1 million,2022-03-03,2022-03-03-the-refugee-count-reaches-a-milestone,[0-9a-f]{12},1$/
    ),
    ""
  ]);
  expect(await readFile(join(root, "data/reviews.csv"), "utf-8")).toBe(header);
  expect((await explainer("check")).status).toBe(0);

  const html = await readFile(join(root, "dist/explainers/leaving-ukraine.html"), "utf-8");
  const jsonLd = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)![1]);
  expect(jsonLd["@graph"][0]).toMatchObject({datePublished: "2022-03-02", dateModified: "2026-11-25"});
  expect(
    jsonLd["@graph"].find((n: {"@id"?: string}) => n["@id"]?.endsWith("#figures")).variableMeasured[0]
  ).toMatchObject({
    name: "refugees",
    value: 1000000,
    description: "1 million"
  });

  const served = await serveStatic(join(root, "dist"));
  server = served.server;
  browser = await testBrowser();
  const page = await browser.newPage();
  await page.goto(`${served.origin}/explainers/leaving-ukraine`);
  const log = page.locator("aside.corrections");
  await log.waitFor({state: "visible", timeout: 60_000});
  expect(await log.innerText()).toBe(
    "Updates\nUpdated 25 November 2026: Refugees: more than 800,000 → 1 million, as of 3 March 2022 (the UN refugee agency, in “The refugee count reaches a milestone”)."
  );
  // The log is at the top: before the first figure the page shows.
  const order = await page.evaluate(() => {
    const aside = document.querySelector("aside.corrections")!;
    const figure = document.querySelector(".figure-card")!;
    return aside.compareDocumentPosition(figure) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  expect(order).toBeTruthy();
  expect(await page.locator("p .claim-label").first().innerText()).toBe("1 million");
  expect(await page.locator("p.byline").innerText()).toContain("Figures as of 3 March 2022");
});
