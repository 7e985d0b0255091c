/**
 * Marking a changed figure's place reviewed from the dev page: the save endpoint's review routes
 * (tools/review-routes.ts) and the button on the editor page under `explainer dev`, in Chromium.
 */
import type {ChildProcess} from "node:child_process";
import {readFile, rm, writeFile} from "node:fs/promises";
import type {Server} from "node:http";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {figureHash} from "../loaders/published.ts";
import {runStage} from "../loaders/stage.ts";
import {reviewRoutes} from "../tools/review-routes.ts";
import {hashText, newToken, startSaveServer} from "../tools/save-server.ts";
import {testBrowser, type TestBrowser} from "./helpers/browser.ts";
import {devEnv, startDev} from "./helpers/dev.ts";
import {until} from "./helpers/run.ts";
import {copyLiving, moveRefugees, recordAsPublished} from "./helpers/living.ts";
import {stopProcessGroup} from "./helpers/project.ts";

const page = "src/explainers/leaving-ukraine.md";
const reviews = "data/reviews.csv";

/** The living fixture, published, with the refugee count moved: three places wait for a review. */
async function changedProject(): Promise<{root: string; hash: string}> {
  const root = await copyLiving();
  await recordAsPublished(root);
  await moveRefugees(root);
  const {stage} = await runStage(root);
  return {root, hash: figureHash(stage!.claims.find((c) => c.id === "refugees")!)};
}

describe("the review routes of the save endpoint", () => {
  let root: string;
  let hash: string;
  let server: Server;
  let url: string;
  const token = newToken();
  const origin = "http://127.0.0.1:3999";
  beforeAll(async () => {
    ({root, hash} = await changedProject());
    ({server, url} = await startSaveServer({
      root,
      token,
      origins: [origin],
      routes: reviewRoutes({root, now: () => new Date("2026-11-25T12:00:00Z")})
    }));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(root, {recursive: true, force: true});
  });

  const call = async (method: string, body?: unknown) => {
    const response = await fetch(`${url}/reviews`, {
      method,
      headers: {origin, "x-explainer-token": token, ...(body ? {"content-type": "application/json"} : {})},
      ...(body ? {body: JSON.stringify(body)} : {})
    });
    return {status: response.status, body: await response.json()};
  };

  test("POST /reviews makes data/reviews.csv with the review; PUT over its hash appends the next", async () => {
    expect((await call("GET")).status).toBe(404);
    const created = await call("POST", {place: `${page}:20`, claim: "refugees", hash});
    expect(created.status).toBe(201);
    const first = `place,claim,label,hash,reviewed\n${page}:20,refugees,1 million,${hash},2026-11-25\n`;
    expect(await readFile(join(root, reviews), "utf-8")).toBe(first);
    expect((await call("GET")).body.base).toBe(hashText(first));
    const next = await call("PUT", {
      place: "data/charts/refugee-count.json:annotations[0].text",
      claim: "refugees",
      hash,
      base: hashText(first)
    });
    expect(next.status).toBe(200);
    expect(await readFile(join(root, reviews), "utf-8")).toBe(
      `${first}data/charts/refugee-count.json:annotations[0].text,refugees,1 million,${hash},2026-11-25\n`
    );
  });

  test("a place that does not cite the changed figure, or a claim that moved again, is refused and nothing is written", async () => {
    const before = await readFile(join(root, reviews), "utf-8");
    const base = hashText(before);
    const wrong = await call("PUT", {place: `${page}:8`, claim: "refugees", hash, base});
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({
      error: "INVALID_REVIEW",
      problems: [{code: "REVIEW_NOT_CITED", field: "place"}]
    });
    const stale = await call("PUT", {place: `${page}:16`, claim: "refugees", hash: "0123456789ab", base});
    expect(stale.body.problems).toEqual([
      {
        code: "REVIEW_STALE",
        field: "hash",
        detail: '"refugees" changed again since the page was loaded (now 1 million): reload and read the place again'
      }
    ]);
    const conflict = await call("PUT", {place: `${page}:16`, claim: "refugees", hash, base: "0".repeat(64)});
    expect(conflict.status).toBe(409);
    expect(await readFile(join(root, reviews), "utf-8")).toBe(before);
  });

  test("a review written over rows whose place no longer cites their claim drops those rows, as `review` does", async () => {
    const before = await readFile(join(root, reviews), "utf-8");
    const stale = `${page}:22,refugees,1 million,${hash},2026-11-25\n`;
    await writeFile(join(root, reviews), before + stale);
    await runStage(root);
    const written = await call("PUT", {place: `${page}:16`, claim: "refugees", hash, base: hashText(before + stale)});
    expect(written.status).toBe(200);
    expect(await readFile(join(root, reviews), "utf-8")).toBe(
      `${before}${page}:16,refugees,1 million,${hash},2026-11-25\n`
    );
  });
});

describe("the Mark reviewed button on the dev page", () => {
  let root: string;
  let dev: ChildProcess | undefined;
  let browser: TestBrowser | undefined;
  let output = "";
  beforeAll(async () => {
    ({root} = await changedProject());
    ({child: dev} = await startDev(root, {env: devEnv(), onOutput: (text) => void (output += text)}));
    browser = await testBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close().catch(() => {});
    await stopProcessGroup(dev);
    await rm(root, {recursive: true, force: true});
  });

  test("under npm run dev, the editor page lists the changed figure's places and Mark reviewed writes data/reviews.csv", async () => {
    const origin = /explainer dev: preview (http:\/\/[^/\s]+)\//.exec(output)?.[1];
    expect(origin, output).toBeTruthy();
    const tab = await browser!.newPage();
    tab.on("pageerror", (e) => void (output += `[page] ${e.message}\n`));
    await tab.goto(`${origin}/editor`, {timeout: 120_000});
    const place = tab.locator(`li[data-place="${page}:20"]`);
    await place.waitFor({timeout: 120_000});
    expect(await tab.locator(".changes-summary").innerText()).toBe(
      "1 published figure changed; 3 places to review (npx explainer review PLACE)."
    );
    await place.getByRole("button", {name: `Mark ${page}:20 reviewed`}).click();
    await until(
      async () => (await place.locator(".change-status").innerText()) === "reviewed",
      60_000,
      () => `the place was not marked reviewed:\n${output.slice(-3000)}`
    );
    const text = await readFile(join(root, reviews), "utf-8");
    expect(text).toMatch(
      new RegExp(
        `^place,claim,label,hash,reviewed\\n${page.replace(/\./g, "\\.")}:20,refugees,1 million,[0-9a-f]{12},\\d{4}-\\d{2}-\\d{2}\\n$`
      )
    );
    expect(await tab.locator(`li[data-place="${page}:16"] button`).count()).toBe(1);
  });
});
