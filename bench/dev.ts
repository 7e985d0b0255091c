/**
 * Dev benchmark: the time from saving a ledger row to its new label in the explainer open in
 * Chromium under `npm run dev` (no reload), median of five saves. The clock starts just before the
 * file is written and stops when the page's text holds the new label.
 */
import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {launchChromium} from "../test/helpers/browser.ts";
import {startDev} from "../test/helpers/dev.ts";
import {stopProcessGroup} from "../test/helpers/project.ts";
import {until} from "../test/helpers/run.ts";
import {benchProject} from "./project.ts";
import {atMost, median, round, type Result} from "./result.ts";

/** Measures edit → page in the bench project. */
export async function benchDev(): Promise<Result[]> {
  const {root, page: path} = await benchProject();
  let output = "";
  const {child, origin} = await startDev(root, {onOutput: (t) => void (output += t), npmBundles: false});
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on("console", (m) => void (output += `[browser] ${m.text()}\n`));
    await page.goto(`${origin}/${path}`);
    await until(
      () => output.includes("{type: welcome}"),
      120_000,
      () => `no live connection:\n${output}`
    );
    // dev warms the chart editor in the background, which in a fresh project has Framework bundle
    // d3, Plot and zod for seconds: the saves are timed once that is done (preview answers this
    // request when its render, and so the bundling, is over).
    await (await fetch(`${origin}/editor`)).arrayBuffer();
    const ledger = join(root, "data/claims.csv");
    const original = await readFile(ledger, "utf-8");
    const labels = ["at least 800,000", "more than 800,000"];
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const label = labels[i % 2];
      const text = i % 2 === 0 ? original.replace(/^(refugees,.*),,$/m, "$1,at-least,") : original;
      const start = performance.now();
      await writeFile(ledger, text);
      await page.waitForFunction((l) => document.querySelector("main")!.innerText.includes(l), label, {
        timeout: 120_000
      });
      if (i > 0) times.push(performance.now() - start); // the first save warms the stage
    }
    await writeFile(ledger, original);
    return [
      {
        key: "dev.edit_to_page_ms",
        name: "dev: ledger row saved → new label on the open page",
        value: round(median(times)),
        unit: "ms",
        target: atMost(1000)
      }
    ];
  } finally {
    await browser.close();
    await stopProcessGroup(child);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const {key, value, unit} of await benchDev()) console.log(`${key}: ${value} ${unit}`);
}
