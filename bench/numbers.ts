/**
 * Benchmark of the number finder: recall and precision on the fixture corpus, throughput on a
 * generated news text, and `explainer numbers` on 100 MB of generated text in a child process
 * (time and peak memory; the target is at most 30 s and 1 GB). `npm run bench` calls
 * benchNumbers(); `npx tsx bench/numbers.ts` prints the results. Every result has a stable `key`.
 */
import {spawn} from "node:child_process";
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {findNumbers} from "../loaders/numbers.ts";
import {readCorpus, score} from "../test/helpers/numbers-corpus.ts";
import {projectRoot} from "../test/helpers/project.ts";
import {atLeast, atMost, round, type Result} from "./result.ts";
import {random} from "./random.ts";

/** Sentences in the register of a news report, with and without numbers of every kind. */
const sentences = [
  "Russia's invasion of Ukraine has killed 2,000 civilians, officials said on Wednesday.",
  "Some 15,000 Russian soldiers are approaching the city, whose residents are sheltering in basements.",
  "Well over 800,000 Ukrainians have become refugees, the UN believes.",
  "An armoured convoy has been pictured dozens of miles from the capital but it has not moved.",
  "Prices rose by 2 per cent in March and by 3.5% in April, the statistics office said.",
  "The government pledged £5m in aid and a further $1.2bn in loans over three years.",
  "Between 2,000 and 3,000 people gathered in the square on 24 February 2022.",
  "Half a million people have fled the region since 2014, and four million more may follow.",
  "The first convoy arrived on the second day, carrying a dozen doctors and 5.6 million doses.",
  "No one was hurt when the tower was hit, the mayor's office said in a statement.",
  "Downing Street has claimed that apparent war crimes are occurring almost hourly.",
  "People are trying to escape the violence on packed trains and roads to neighbouring countries.",
  "Nearly 40 per cent of the city's homes were without power for up to 48 hours.",
  "Tens of thousands of people marched through the centre, and several hundred were detained.",
  "The Vatican has said it is willing to facilitate talks between Ukraine and Russia.",
  "The commission proposed EUR500 million for arms, and the bank lent USD 723 million on Feb. 24.",
  "Shares fell 35 pct. after the Group of Seven met; as much as 35 percent of exports may be lost.",
  "Data at https://example.org/data?start=2022-02-24&countryList=229 show a few more million may flee.",
  "UN Refugee Chief: 1 Million Have Fled",
  "The state set aside Rs 5 crore, and 1,80,000 people applied by Mar 14, well below 100,000 last year.",
  "Residents queued for bread outside the only bakery still open, and the queue reached round the corner.",
  "The minister said the talks had been difficult but that both sides would meet again soon.",
  "Aid workers described the conditions at the crossing as desperate, with families sleeping in cars.",
  "The embassy urged its citizens to leave by any means available while the roads remained open.",
  "Officials have not said when the railway line will reopen or how the repairs will be paid for."
];

/** About `bytes` of news text: paragraphs of two to five sentences drawn from the list above. */
export function newsText(bytes: number, seed = 1): string {
  const next = random(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const n = 2 + Math.floor(next() * 4);
    const paragraph = Array.from({length: n}, () => sentences[Math.floor(next() * sentences.length)]).join(" ");
    parts.push(paragraph);
    size += paragraph.length + 2;
  }
  return parts.join("\n\n");
}

/** Times findNumbers on a generated text of `megabytes` MB; the best of `runs` runs. */
export function timeFindNumbers(megabytes: number, runs = 3): {seconds: number; numbers: number; bytes: number} {
  const text = newsText(megabytes * 1e6);
  findNumbers(text.slice(0, 100_000)); // warm up the regular expressions and the figure cache
  let seconds = Infinity;
  let numbers = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    numbers = findNumbers(text).length;
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
  }
  return {seconds, numbers, bytes: Buffer.byteLength(text)};
}

/** `explainer numbers` on a generated raw article of `megabytes` MB, in a child process: seconds, CSV written, peak memory. */
export async function timeNumbersCommand(
  megabytes: number
): Promise<{status: number; seconds: number; cpuSeconds: number; outputMb: number; peakRssMb: number; bytes: number}> {
  const dir = await mkdtemp(join(tmpdir(), "explainer-bench-numbers-"));
  try {
    const file = join(dir, "big.txt");
    const text = " date 2022-03-02 A generated article for the benchmark\n\n" + newsText(megabytes * 1e6);
    await writeFile(file, text);
    const bytes = Buffer.byteLength(text);
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        join(projectRoot, "node_modules/.bin/tsx"),
        [join(projectRoot, "bench/numbers-big.ts"), file],
        {
          stdio: ["ignore", "pipe", "inherit"]
        }
      );
      let stdout = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.on("error", reject);
      child.on("close", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`numbers-big exited ${code}`))));
    });
    return {...JSON.parse(out.trim().split("\n").pop()!), bytes};
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

/** Every measure of the number finder, each with its stable key. */
export async function benchNumbers(): Promise<Result[]> {
  const corpus = readCorpus(projectRoot);
  const all = score(corpus, findNumbers);
  const second = score(
    corpus.filter((s) => s.section.startsWith("Second batch")),
    findNumbers
  );
  const one = timeFindNumbers(1);
  const four = timeFindNumbers(4);
  const big = await timeNumbersCommand(100);
  if (big.status !== 0) throw new Error(`explainer numbers failed on the 100 MB text (status ${big.status})`);
  return [
    {
      key: "numbers.recall",
      name: `numbers: corpus recall, value + qualifier class (${all.expected} figures)`,
      value: round(all.recall, 4),
      unit: "ratio",
      target: atLeast(0.97)
    },
    {
      key: "numbers.precision",
      name: `numbers: corpus precision, value + qualifier class (${all.found} found)`,
      value: round(all.precision, 4),
      unit: "ratio",
      target: atLeast(0.97)
    },
    {
      key: "numbers.rows_exact",
      name: `numbers: corpus rows exactly right: text, kind, value, qualifier, unit (${all.rows} rows)`,
      value: round(all.exactRows / all.rows, 4),
      unit: "ratio"
    },
    {
      key: "numbers.second_batch.recall",
      name: "numbers: recall on the corpus's second batch",
      value: round(second.recall, 4),
      unit: "ratio"
    },
    {
      key: "numbers.second_batch.precision",
      name: "numbers: precision on the corpus's second batch",
      value: round(second.precision, 4),
      unit: "ratio"
    },
    {
      key: "numbers.1mb_ms",
      name: "numbers: findNumbers on 1 MB of news text",
      value: Math.round(one.seconds * 1000),
      unit: "ms"
    },
    {
      key: "numbers.linearity",
      name: "numbers: time for 4 MB / time for 1 MB (linear is about 4)",
      value: round(four.seconds / one.seconds, 1),
      unit: "ratio",
      target: atMost(5)
    },
    {
      key: "numbers.mb_per_s",
      name: "numbers: findNumbers on 4 MB of news text",
      value: round(four.bytes / 1e6 / four.seconds, 2),
      unit: "MB/s"
    },
    {
      key: "numbers.per_s",
      name: "numbers: findNumbers on 4 MB of news text",
      value: Math.round(four.numbers / four.seconds),
      unit: "numbers/s"
    },
    {
      key: "numbers.seconds_100mb",
      name: `numbers: explainer numbers on ${round(big.bytes / 1e6, 0)} MB (${big.outputMb} MB of CSV)`,
      value: round(big.seconds, 1),
      unit: "s",
      target: atMost(30)
    },
    {
      key: "numbers.cpu_seconds_100mb",
      name: "numbers: CPU time of explainer numbers on the 100 MB text (the wall clock above counts a busy machine's waits)",
      value: round(big.cpuSeconds, 1),
      unit: "s"
    },
    {
      key: "numbers.command_mb_per_s",
      name: "numbers: explainer numbers throughput on the 100 MB text",
      value: round(big.bytes / 1e6 / big.seconds, 2),
      unit: "MB/s"
    },
    {
      key: "numbers.peak_rss_mb",
      name: "numbers: explainer numbers peak memory on the 100 MB text",
      value: big.peakRssMb,
      unit: "MB",
      target: atMost(1024)
    }
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const {key, name, value, unit} of await benchNumbers()) console.log(`${key}  ${name}: ${value} ${unit}`);
}
