/**
 * Benchmark of the number finder: numbers per second and megabytes per second on a generated
 * news text of several megabytes. `npm run bench` calls benchNumbers(); run directly, it prints them.
 */
import {pathToFileURL} from "node:url";
import {findNumbers} from "../loaders/numbers.ts";
import type {Result} from "./result.ts";

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
  "The Vatican has said it is willing to facilitate talks between Ukraine and Russia."
];

/** A deterministic pseudo-random generator (mulberry32), so every run measures the same text. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

/** The number finder's throughput on a generated 4 MB text: numbers per second and MB per second. */
export async function benchNumbers(): Promise<Result[]> {
  const {seconds, numbers, bytes} = timeFindNumbers(4);
  const one = timeFindNumbers(1);
  return [
    {
      key: "numbers.1mb_ms",
      name: "numbers: findNumbers on 1 MB of news text",
      value: Math.round(one.seconds * 1000),
      unit: "ms"
    },
    {
      key: "numbers.linearity",
      name: "numbers: time for 4 MB / time for 1 MB (linear is about 4)",
      value: Math.round((seconds / one.seconds) * 10) / 10,
      unit: "ratio"
    },
    {
      key: "numbers.per_s",
      name: "numbers: findNumbers on 4 MB of news text",
      value: Math.round(numbers / seconds),
      unit: "numbers/s"
    },
    {
      key: "numbers.mb_per_s",
      name: "numbers: findNumbers on 4 MB of news text",
      value: Math.round((bytes / 1e6 / seconds) * 100) / 100,
      unit: "MB/s"
    }
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const {name, value, unit} of await benchNumbers()) console.log(`${name}: ${value} ${unit}`);
}
