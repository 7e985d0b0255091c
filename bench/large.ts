/**
 * A desk ten times a large real one, built from nothing: 50 sources × 10 of about 20,000 characters
 * (500 sources), 1,000 × 10 claims quoting them (10,000), 50 explainers citing 200 claims each, and a
 * bar chart per explainer. Generated deterministically (the figures are generated test data, and say
 * so), in a temporary copy of the kit. Reports the build's wall time and the largest resident memory
 * of any of its processes; the limits (loaders/limits.ts) keep any single file below what this holds.
 */
import {spawn} from "node:child_process";
import {mkdir, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {copyProject, projectRoot, removeProject} from "../test/helpers/project.ts";
import {atMost, round, type Result} from "./result.ts";
import {random} from "./random.ts";

const words = "the officials said on the day that people had left towns across the region as shelling went on".split(
  " "
);

/** Writes the large desk into `root` (replacing the fixture's story). */
export async function writeLargeDesk(
  root: string,
  {sources = 500, claimsPerSource = 20, explainers = 50} = {}
): Promise<void> {
  const next = random(7);
  await rm(join(root, "data"), {recursive: true, force: true});
  await rm(join(root, "src/explainers"), {recursive: true, force: true});
  await mkdir(join(root, "data/sources"), {recursive: true});
  await mkdir(join(root, "data/charts"), {recursive: true});
  await mkdir(join(root, "src/explainers"), {recursive: true});
  const ledger = ["id,figure,measure,attribution,as_of,place,source,quote,qualifier,note"];
  const ids: string[] = [];
  for (let s = 0; s < sources; s++) {
    const id = `2022-03-01-generated-bench-report-${s}`;
    const sentences: string[] = [
      "Generated text for Explainer Kit's benchmark; not a real article, and its figures are generated."
    ];
    for (let c = 0; c < claimsPerSource; c++) {
      const n = 1000 + Math.floor(next() * 900000);
      const figure = n.toLocaleString("en-US");
      const filler = Array.from({length: 60}, () => words[Math.floor(next() * words.length)]).join(" ");
      const quote = `Report ${s} item ${c} counts ${figure} generated people.`;
      sentences.push(`${filler[0].toUpperCase()}${filler.slice(1)}.`, quote);
      const claim = `generated-${s}-${c}`;
      ids.push(claim);
      ledger.push(`${claim},"${figure}",generated people,the bench,2022-03-01,,${id},"${quote}",,`);
    }
    const body = sentences.join("\n\n") + "\n";
    await writeFile(
      join(root, `data/sources/${id}.md`),
      `---\ntitle: "A generated bench report"\nbyline: ""\npublished: "2022-03-01"\npublisher: "Explainer Kit bench"\nurl: ""\narchived: "2026-12-01"\n---\n${body}`
    );
  }
  await writeFile(join(root, "data/claims.csv"), ledger.join("\n") + "\n");
  // Every other number of the sources ("Report 12", "item 3") is a label, not a figure: ignored with a reason.
  const ignored = ["source,text,reason"];
  for (let s = 0; s < sources; s++) {
    for (let c = 0; c < claimsPerSource; c++) {
      ignored.push(
        `2022-03-01-generated-bench-report-${s},"Report ${s} item ${c} counts",The report's and the item's numbers are labels of generated text.`
      );
    }
  }
  await writeFile(join(root, "data/ignored.csv"), ignored.join("\n") + "\n");
  const per = Math.floor(ids.length / explainers);
  for (let e = 0; e < explainers; e++) {
    const cited = ids.slice(e * per, (e + 1) * per);
    const chart = `bench-chart-${e}`;
    await writeFile(
      join(root, `data/charts/${chart}.json`),
      JSON.stringify({
        type: "bar",
        title: `Generated figures of explainer ${e}`.replace(/\d+/g, "…"),
        claims: cited.slice(0, 5)
      }) + "\n"
    );
    const prose = cited.map((id) => `A generated figure: {${id}}.`).join("\n\n");
    await writeFile(
      join(root, `src/explainers/bench-${e}.md`),
      `---\ntitle: "A generated explainer"\npublished: 2026-12-01\n---\n\n# A generated explainer\n\n${prose}\n\n::: chart ${chart}\n\n::: sources\n`
    );
  }
}

/** Builds the large desk and measures it. */
export async function benchLarge(): Promise<Result[]> {
  const root = await copyProject("seed");
  try {
    await writeLargeDesk(root);
    const start = performance.now();
    const {status, maxRssKb, stderr} = await new Promise<{status: number; maxRssKb: number; stderr: string}>(
      (resolve) => {
        // GNU time reports the largest resident set of the build and every process it waits for.
        const child = spawn("/usr/bin/time", ["-f", "%M", process.execPath, "bin/explainer.js", "build"], {
          cwd: root,
          stdio: ["ignore", "ignore", "pipe"],
          env: {...process.env, PATH: `${join(projectRoot, "node_modules/.bin")}:${process.env.PATH}`}
        });
        let err = "";
        child.stderr!.on("data", (d) => (err += d));
        child.on("close", (code) =>
          resolve({status: code ?? 1, maxRssKb: Number(err.trim().split("\n").at(-1)), stderr: err})
        );
      }
    );
    if (status !== 0) throw new Error(`the large desk did not build:\n${stderr.slice(-3000)}`);
    const ms = performance.now() - start;
    return [
      {
        key: "limits.large_story_build_ms",
        name: "limits: build of a desk 10× a large one (10,000 claims, 500 sources)",
        value: round(ms),
        unit: "ms",
        target: atMost(60_000)
      },
      {
        key: "limits.large_story_peak_rss_mb",
        name: "limits: its largest process's peak memory",
        value: round(maxRssKb / 1024),
        unit: "MB",
        target: atMost(1024)
      }
    ];
  } finally {
    await removeProject(root);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const {key, value, unit} of await benchLarge()) console.log(`${key}: ${value} ${unit}`);
}
