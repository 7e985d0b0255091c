/**
 * Dead-sources benchmark: `explainer links` on a desk of 200 archived sources whose urls point at a
 * local server (test/helpers/link-server.ts): 120 answer 200, 30 redirect (301), 25 are gone (404),
 * 20 fail (500) and 5 never answer (cut by `--timeout 2000`). The stage is up to date first, so the
 * time is the check itself. Median of three runs, in process (the command's `run`).
 */
import {readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {runStage} from "../loaders/stage.ts";
import {main} from "../tools/cli.ts";
import {copyLiving} from "../test/helpers/living.ts";
import {startLinkServer} from "../test/helpers/link-server.ts";
import {recordingEffects} from "../test/helpers/project.ts";
import {atMost, median, round, type Result} from "./result.ts";

/** How many sources of each kind the bench desk has (200 in all). */
export const linkMix = {ok: 120, moved: 30, gone: 25, error: 20, hang: 5} as const;

/** Writes the bench desk's extra sources, with urls on `origin`. */
async function writeSources(root: string, origin: string): Promise<number> {
  let n = 0;
  for (const [kind, count] of Object.entries(linkMix)) {
    for (let i = 0; i < count; i++, n++) {
      const id = `2022-03-01-bench-source-${kind}-${i}`;
      const text = [
        "---",
        `title: "A bench source"`,
        `byline: "Fixture Wire"`,
        `published: "2022-03-01"`,
        `publisher: "Explainer Kit fixtures"`,
        `url: "${origin}/${kind}/${id}"`,
        `archived: "2026-12-01"`,
        "---",
        "A fixture source written for Explainer Kit's link benchmark; it holds no figure.",
        ""
      ].join("\n");
      await writeFile(join(root, "data/sources", `${id}.md`), text);
    }
  }
  return n;
}

/** Measures `explainer links` on 200 sources. */
export async function benchLinks(): Promise<Result[]> {
  const server = await startLinkServer();
  const root = await copyLiving();
  try {
    // The fixture's own two sources are left without a url, so the 200 are the bench's.
    for (const name of [
      "2022-03-02-refugees-leave-ukraine-in-growing-numbers",
      "2022-03-03-the-refugee-count-reaches-a-milestone"
    ]) {
      const file = join(root, "data/sources", `${name}.md`);
      await writeFile(file, (await readFile(file, "utf-8")).replace(/^url: .*$/m, 'url: ""'));
    }
    const count = await writeSources(root, server.origin);
    await runStage(root);
    const times: number[] = [];
    let last = "";
    for (let i = 0; i < 3; i++) {
      const effects = recordingEffects(root);
      const start = performance.now();
      await main(["links", "--timeout", "2000"], effects);
      times.push(performance.now() - start);
      last = effects.out.join("").trim().split("\n").at(-1) ?? "";
    }
    process.stderr.write(`bench: links: ${last}\n`);
    return [
      {
        key: "links.200_sources_ms",
        name: `links: explainer links on ${count} sources (local server, 5 hanging, --timeout 2000)`,
        value: round(median(times)),
        unit: "ms",
        target: atMost(10_000)
      }
    ];
  } finally {
    await server.close();
    await rm(root, {recursive: true, force: true});
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const {key, value, unit} of await benchLinks()) console.log(`${key}: ${value} ${unit}`);
}
