/**
 * The number finder's test corpus (test/fixtures/numbers-wire-corpus.txt): sentences written for
 * the kit's tests, each number marked `[[text|kind|value|qualifier|unit]]`. Read by the corpus
 * test and by `npm run bench`, which scores findNumbers on it (recall and precision of value and
 * qualifier class).
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {FoundNumber} from "../../loaders/numbers.ts";

/** One marked number: what findNumbers must find, at its offsets in the unmarked sentence. */
export interface ExpectedNumber {
  start: number;
  end: number;
  text: string;
  kind: string;
  value: number | null;
  /** The upper end of a range ("2,000..3,000"); null otherwise. */
  upper: number | null;
  qualifier: string;
  unit: string;
}

/** A sentence of the corpus, with its line in the file and its marked numbers. */
export interface CorpusSentence {
  line: number;
  section: string;
  sentence: string;
  numbers: ExpectedNumber[];
}

/** The corpus file, relative to the project. */
export const corpusFile = "test/fixtures/numbers-wire-corpus.txt";

/** Parses the corpus text: `#` lines are comments, `##` lines name a section, other lines are sentences. */
export function parseCorpus(text: string): CorpusSentence[] {
  const sentences: CorpusSentence[] = [];
  let section = "";
  text.split("\n").forEach((raw, i) => {
    if (raw.startsWith("## ")) section = raw.slice(3).trim();
    if (raw.trim() === "" || raw.startsWith("#")) return;
    let sentence = "";
    const numbers: ExpectedNumber[] = [];
    let at = 0;
    for (const m of raw.matchAll(/\[\[([^\]]*)\]\]/g)) {
      sentence += raw.slice(at, m.index);
      const [text, kind, value, qualifier, unit] = m[1].split("|").map((s) => s.trim());
      if (unit === undefined) throw new Error(`${corpusFile}:${i + 1}: a mark needs five fields: ${m[0]}`);
      const [lo, hi] = value === "" ? [null, null] : value.split("..").map(Number);
      numbers.push({
        start: sentence.length,
        end: sentence.length + text.length,
        text,
        kind,
        value: lo,
        upper: hi ?? null,
        qualifier,
        unit
      });
      sentence += text;
      at = m.index + m[0].length;
    }
    sentence += raw.slice(at);
    sentences.push({line: i + 1, section, sentence, numbers});
  });
  return sentences;
}

/** Reads and parses the corpus under `root`. */
export function readCorpus(root: string): CorpusSentence[] {
  return parseCorpus(readFileSync(join(root, corpusFile), "utf-8"));
}

/** Qualifier classes, as the issue scores them: exact, lower bound, upper bound, approximate, range. */
export function qualifierClass(qualifier: string): string {
  switch (qualifier) {
    case "more-than":
    case "at-least":
      return "lower";
    case "up-to":
    case "fewer-than":
    case "nearly":
      return "upper";
    default:
      return qualifier;
  }
}

/** A found number as the corpus writes it, for comparing with an ExpectedNumber. */
export function asExpected(n: FoundNumber): ExpectedNumber {
  return {
    start: n.start,
    end: n.end,
    text: n.text,
    kind: n.kind,
    value: n.value,
    upper: n.qualifier === "range" ? n.upper : null,
    qualifier: n.qualifier,
    unit: n.unit
  };
}

/**
 * Recall and precision of value and qualifier class over the numbers that have a value: a found
 * number is right when it overlaps an expected one with the same value, upper end and qualifier
 * class. Numbers with no value (dates, vague numbers) count only when one side reads a value.
 */
export function score(
  corpus: CorpusSentence[],
  find: (text: string) => FoundNumber[]
): {
  expected: number;
  found: number;
  matched: number;
  recall: number;
  precision: number;
  exactRows: number;
  rows: number;
} {
  let expected = 0;
  let found = 0;
  let matched = 0;
  let exactRows = 0;
  let rows = 0;
  for (const {sentence, numbers} of corpus) {
    const got = find(sentence).map(asExpected);
    const want = numbers.filter((n) => n.value !== null);
    const have = got.filter((n) => n.value !== null);
    expected += want.length;
    found += have.length;
    for (const w of want) {
      const same = have.some(
        (h) =>
          h.start < w.end &&
          w.start < h.end &&
          h.value === w.value &&
          h.upper === w.upper &&
          qualifierClass(h.qualifier) === qualifierClass(w.qualifier)
      );
      if (same) matched++;
    }
    rows += numbers.length;
    exactRows += numbers.filter((w) => got.some((h) => JSON.stringify(h) === JSON.stringify(w))).length;
  }
  return {
    expected,
    found,
    matched,
    recall: expected === 0 ? 1 : matched / expected,
    precision: found === 0 ? 1 : Math.min(1, matched / found),
    exactRows,
    rows
  };
}
