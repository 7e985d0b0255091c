/**
 * The number finder: a text in, one row per numeric expression out, with its exact span
 * (qualifier words included), what parseFigure reads in it, its kind and what it counts.
 * One left-to-right pass of one regular expression over the text, with bounded look-around at
 * each match, so it runs in linear time; number words go through parseFigure (and so through
 * @microsoft/recognizers-text-number) only for the short runs the regex finds, with a cache.
 *
 * ```ts
 * findNumbers("Some 15,000 Russian soldiers are approaching.")
 * // [{start: 0, end: 11, text: "Some 15,000", value: 15000, lower: null, upper: null,
 * //   qualifier: "about", kind: "count", unit: "Russian soldiers", sentence: "Some 15,000 Russian …"}]
 * ```
 */
import {recognizeNumber} from "@microsoft/recognizers-text-number";
import type {Figure, Qualifier} from "../src/components/claim.ts";
import {FigureError, parseFigure, qualifierWords} from "./figure.ts";
import {oneLine, sentenceSpans} from "./sentences.ts";
import {
  anyOf,
  cardinalWords,
  ci,
  currencySigns,
  kindOfUnit,
  monthNames,
  ordinalWords,
  scaleWords,
  space,
  unitAfter,
  yearContext,
  type NumberKind
} from "./units.ts";

export type {NumberKind} from "./units.ts";

/** One numeric expression found in a text. Offsets are into the text given to findNumbers. */
export interface FoundNumber {
  start: number;
  end: number;
  /** `text.slice(start, end)`: the number as written, with its qualifier words ("Well over 800,000"). */
  text: string;
  /** From parseFigure; null when the words give no figure (vague numbers, dates, ordinals). */
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** From parseFigure; "" when it reads no figure. */
  qualifier: Qualifier | "";
  kind: NumberKind;
  /** What is counted, as the sentence says it: "Russian soldiers", "per cent", "miles"; "" when it does not say. */
  unit: string;
  /** The sentence the number is in, on one line. */
  sentence: string;
}

// ---- The vocabulary, as regular expression sources ----

const months = monthNames.join("|");
const digits = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const suffix = String.raw`(?:k|K|m|M|mn|bn|tn)(?![\p{L}\d])`;
const scale = `(?:${scaleWords.join("|")})`;
const currency = String.raw`(?:US\$|[£$€¥₴₽])`;
const card = `(?:${anyOf(cardinalWords)})`;
const cardLower = `(?:${cardinalWords.join("|")}|half|quarter)`;
const wordRun = String.raw`${card}(?:(?:[ \t]*-[ \t]*|${space}and${space}(?:a${space})?|${space})${cardLower}(?![\p{L}])){0,11}`;
const fraction = String.raw`(?:${anyOf(["half", "a quarter", "three quarters", "a third", "two thirds"])})`;
const ordinalCompound = `(?:${anyOf(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])})-(?:${ordinalWords.slice(0, 9).join("|")})`;
const vague = [
  String.raw`(?:${anyOf(["tens", "hundreds"])})${space}of${space}(?:thousands|millions|billions)`,
  String.raw`(?:${anyOf(["dozens", "scores", "hundreds", "thousands", "millions", "billions"])})`,
  String.raw`(?:${anyOf(["a few", "several", "a couple", "a handful"])})`,
  String.raw`(?:${anyOf(["half", "a third", "two thirds", "two-thirds", "a quarter", "three quarters", "three-quarters"])})(?=${space}of\b)`
].join("|");

/** Named groups say which alternative matched; they are tried in this order at each position. */
const master = new RegExp(
  [
    String.raw`(?<iso>\b\d{4}-\d{2}-\d{2}\b)`,
    String.raw`(?<slash>\b\d{1,2}/\d{1,2}/\d{2,4}\b)`,
    String.raw`(?<time>\b\d{1,2}(?:[:.]\d{2})?[ \t]?(?:am|pm|a\.m\.|p\.m\.)(?![\p{L}])|\b\d{1,2}:\d{2}\b)`,
    String.raw`(?<daymonth>\b\d{1,2}(?:st|nd|rd|th)?${space}(?:of${space})?(?:${months})(?:,?${space}\d{4}\b)?(?![\p{L}]))`,
    String.raw`(?<monthday>\b(?:${months})${space}(?:\d{1,2}(?:st|nd|rd|th)?(?![\d,.]\d|\d)(?:,?${space}\d{4}\b)?|\d{4}\b))`,
    String.raw`(?<yearspan>\b(?:1[5-9]|20)\d{2}[-–/]\d{2}\b(?![-–/]?\d))`,
    String.raw`(?<decade>\b(?:1[0-9]|20)\d0s\b|['’]\d0s\b)`,
    String.raw`(?<pair>\b\d{1,2}/\d{1,2}\b)`,
    String.raw`(?<money>${currency}[ \t]?(?:${digits})(?:${suffix}|bn|b(?![\p{L}])|${space}${scale}\b)?)`,
    String.raw`(?<ordinalDigits>\b\d+(?:st|nd|rd|th)\b)`,
    String.raw`(?<digits>(?<![\d.,]|\d[.,])(?:${digits})(?:${suffix}|${space}${scale}\b)?)`,
    String.raw`(?<fractionScale>\b${fraction}(?:${space}of)?${space}an?${space}${scale}\b)`,
    String.raw`(?<vague>\b(?:${vague})\b)`,
    String.raw`(?<aScale>\b${ci("a")}${space}(?:dozen|${scale})(?:(?:${space}and${space}|[ \t]*-[ \t]*|${space})${cardLower}(?![\p{L}])){0,11}\b)`,
    String.raw`(?<ordinalCompound>\b${ordinalCompound}\b)`,
    String.raw`(?<words>\b${wordRun}\b)`,
    String.raw`(?<ordinal>\b(?:${anyOf(ordinalWords)})\b)`
  ].join("|"),
  "gu"
);

/** A number that may end a range: "to 3,000", "-20", "and 15 per cent". */
const rangeTail = new RegExp(
  String.raw`(?:[ \t]*[-–—][ \t]*|${space}to${space}|${space}and${space})(${currency}[ \t]?)?(?:(?:${digits})(?:${suffix}|${space}${scale}\b)?|${wordRun}\b)`,
  "uy"
);
const percentTail = new RegExp(String.raw`(?:[ \t]?%|${space}per[ \t]?cent\b|${space}percent\b)`, "uy");
/** "one" that is a pronoun: "no one", "the one", "one of", "one another", "one by one". */
const pronounOneBefore =
  /(?:^|[^\p{L}])(?:no|the|this|that|each|every|any|which|another|someone|anyone|one\s+by)\s+$/iu;
const pronounOneAfter = /^(?:\s+(?:of|another|by)\b|['’]s\b|-(?!(?:day|week|month|year|hour|minute|mile)s?\b)\p{L})/u;
const wordBefore = /([\p{L}]+)[\s-]+$/u;

// ---- Reading what a span says ----

const figureCache = new Map<string, Figure | null>();

/** parseFigure, cached: the same figure text is read once per process. */
function readFigure(text: string): Figure | null {
  const key = text.replace(/\s+/g, " ");
  let figure = figureCache.get(key);
  if (figure === undefined) {
    try {
      figure = parseFigure(key);
    } catch (error) {
      if (!(error instanceof FigureError)) throw error;
      figure = null;
    }
    if (figureCache.size > 50_000) figureCache.clear();
    figureCache.set(key, figure);
  }
  return figure;
}

/** Currency signs removed, for parseFigure, which reads the number and leaves the currency to `unit`. */
function withoutCurrency(text: string): string {
  return text.replace(/US\$|[£$€¥₴₽]\s?/gu, "");
}

/** The currency a span names by its sign, or "". */
function currencyOf(text: string): string {
  const m = /US\$|[£$€¥₴₽]/u.exec(text);
  return m ? currencySigns[m[0]] : "";
}

// ---- The finder ----

/**
 * Every numeric expression in `text`, in order, without overlaps. See the module comment for
 * what it finds; the kinds and the rules for years are in the README's "Numbers" section.
 */
export function findNumbers(text: string): FoundNumber[] {
  const found: Omit<FoundNumber, "sentence">[] = [];
  let floor = 0; // nothing found may start before this: the end of the last number and its unit
  const add = (row: Omit<FoundNumber, "sentence" | "text">, resume: number) => {
    found.push({...row, text: text.slice(row.start, row.end)});
    floor = Math.max(row.end, resume);
    master.lastIndex = Math.max(master.lastIndex, floor);
  };
  const blank = {value: null, lower: null, upper: null, qualifier: "" as const};
  master.lastIndex = 0;
  for (let m; (m = master.exec(text)); ) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    if (start < floor) continue;
    if (g.iso || g.slash || g.time || g.daymonth || g.monthday) {
      add({start, end, ...blank, kind: "date", unit: ""}, end);
    } else if (g.yearspan || g.decade) {
      add({start, end, ...figureOf(text.slice(start, end)), kind: "year", unit: ""}, end);
    } else if (g.pair) {
      // "24/7", "9/11": a name, not a figure.
      floor = end;
    } else if (g.ordinalDigits || g.ordinalCompound || g.ordinal) {
      const unit = unitAfter(text, end, true);
      add({start, end, ...blank, kind: "ordinal", unit: unit.unit}, unit.end);
    } else if (g.vague) {
      const of = /^\s+of\b/.exec(text.slice(end, end + 8));
      const unit = unitAfter(text, end + (of ? of[0].length : 0), of !== null);
      add({start, end, ...blank, kind: "vague", unit: unit.unit}, unit.end);
    } else if (g.words && !isNumberWords(text, start, end)) {
      // A run such as "five and six" is several numbers: the recognizer splits it.
      for (const r of recognizeNumber(m[0], "en-us")) {
        if (r.typeName !== "number") continue;
        const s = start + r.start;
        if (s >= floor) emitNumber(text, s, start + r.end + 1, found, add);
      }
      floor = Math.max(floor, end);
    } else if (g.digits && isName(text, start, end)) {
      floor = end;
    } else if (g.words && isPronounOne(text, start, end)) {
      floor = end;
    } else {
      emitNumber(text, start, end, found, add);
    }
  }
  return withSentences(text, found);
}

/** A word run that reads as one number ("one hundred and twenty"), rather than several. */
function isNumberWords(text: string, start: number, end: number): boolean {
  return readFigure(text.slice(start, end)) !== null;
}

/** Digits that are part of a name: "F-16", "Covid-19", "G7", "3D", "5G". */
function isName(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  if (/\p{L}$/u.test(before)) return true;
  if (/\p{L}-$/u.test(before) && !/(?:^|[^\p{L}])(?:mid|late|early|pre|post)-$/iu.test(before)) return true;
  if (/^[\p{L}]/u.test(text.slice(end, end + 1)) && !/^km\b/u.test(text.slice(end, end + 3))) return true;
  return false;
}

/** "one" used as a pronoun: "no one", "one of them". */
function isPronounOne(text: string, start: number, end: number): boolean {
  if (!/^one$/i.test(text.slice(start, end))) return false;
  return (
    pronounOneBefore.test(text.slice(Math.max(0, start - 12), start)) || pronounOneAfter.test(text.slice(end, end + 12))
  );
}

/** What parseFigure reads in a span (currency signs aside), or blanks when it reads nothing. */
function figureOf(span: string): Pick<FoundNumber, "value" | "lower" | "upper" | "qualifier"> & {unit: Figure["unit"]} {
  const figure = readFigure(withoutCurrency(span));
  if (!figure) return {value: null, lower: null, upper: null, qualifier: "", unit: null};
  return {
    value: figure.value,
    lower: figure.lower,
    upper: figure.upper,
    qualifier: figure.qualifier,
    unit: figure.unit
  };
}

type Add = (row: Omit<FoundNumber, "sentence" | "text">, resume: number) => void;

/** Where the word matched by `re` (anchored at the end of the window) starts in `text`, or -1. */
function startOfWordBefore(text: string, re: RegExp, from: number, to: number): number {
  const window = text.slice(from, to);
  const m = re.exec(window);
  if (!m) return -1;
  const at = from + m.index;
  return at > 0 && /\p{L}/u.test(text[at - 1]) ? -1 : at;
}

const qualifierAtEnd = new RegExp(
  String.raw`(?<![\p{L}])(?:${Object.keys(qualifierWords)
    .sort((a, b) => b.length - a.length)
    .map((q) => q.replace(/ /g, "\\s+"))
    .join("|")})\s+$`,
  "iu"
);
const betweenAtEnd = /(?<![\p{L}])between\s+$/iu;
const fromAtEnd = /(?<![\p{L}])from\s+$/iu;

/**
 * A number proper (digits, words, money): extends it by a percent sign, the other end of a range
 * and the qualifier words before it, finds its unit, decides its kind and reads its figure.
 */
function emitNumber(text: string, start: number, end: number, found: Omit<FoundNumber, "sentence">[], add: Add): void {
  const lastEnd = found.length > 0 ? found[found.length - 1].end : 0;
  const windowStart = Math.max(lastEnd, start - 24);
  let e = end;
  let percent = "";
  const percentAt = (at: number): number => {
    percentTail.lastIndex = at;
    const p = percentTail.exec(text);
    if (!p) return at;
    percent ||= p[0].trim();
    return percentTail.lastIndex;
  };
  e = percentAt(e);
  // Ranges: "2,000-3,000", "10 to 20", "between 10 and 15 per cent"; not "from 10 to 20", which is a change.
  let isRange = false;
  if (startOfWordBefore(text, fromAtEnd, windowStart, start) < 0) {
    const between = startOfWordBefore(text, betweenAtEnd, windowStart, start);
    rangeTail.lastIndex = e;
    const r = rangeTail.exec(text);
    if (r && between >= 0 === /^\s+and\s/.test(r[0])) {
      const saved = percent;
      const re = percentAt(rangeTail.lastIndex);
      const rangeStart = between >= 0 ? between : start;
      if (readFigure(withoutCurrency(text.slice(rangeStart, re)))?.qualifier === "range") {
        isRange = true;
        start = rangeStart;
        e = re;
      } else {
        percent = saved;
      }
    }
  }
  // Qualifier words: "Well over 800,000", "an estimated 2,000".
  if (!isRange) {
    const q = startOfWordBefore(text, qualifierAtEnd, windowStart, start);
    if (q >= 0 && readFigure(withoutCurrency(text.slice(q, e)))) start = q;
  }
  const span = text.slice(start, e);
  const figure = figureOf(span);
  const sign = currencyOf(span);
  const unit = percent || sign ? {unit: "", end: e, plural: false} : unitAfter(text, e, figure.value === 1);
  let kind: NumberKind;
  if (percent || figure.unit === "percent") kind = "percent";
  else if (sign) kind = "money";
  else kind = kindOfUnit(unit.unit) ?? (isYear(text, start, span, unit.plural) ? "year" : "count");
  const row = {
    start,
    end: e,
    value: figure.value,
    lower: figure.lower,
    upper: figure.upper,
    qualifier: figure.qualifier
  };
  add({...row, kind, unit: kind === "year" ? "" : percent || sign || unit.unit}, kind === "year" ? e : unit.end);
}

/**
 * A bare four-digit number from 1000 to 2099 (or a range of them) is a year, unless a plural
 * noun follows it ("2000 civilians") with no year word before it ("in 2014 protesters …").
 */
function isYear(text: string, start: number, span: string, countedNoun: boolean): boolean {
  const groups = span.match(/\d[\d,.]*/g) ?? [];
  if (groups.length === 0 || !groups.every((d) => /^(?:1\d|20)\d\d$/.test(d))) return false;
  if (/\d\s*(?:[kKmM]|bn|tn|hundred|thousand|million|billion|trillion)\b/.test(span)) return false;
  if (!countedNoun) return true;
  const w = wordBefore.exec(text.slice(Math.max(0, start - 16), start))?.[1]?.toLowerCase();
  return w !== undefined && yearContext.has(w);
}

/** The longest sentence a row carries whole; a longer one is cut to a window of words around the number. */
const maxSentence = 600;

/** Adds each number's sentence, walking the sentences and the numbers together once. */
function withSentences(text: string, found: Omit<FoundNumber, "sentence">[]): FoundNumber[] {
  const spans = sentenceSpans(text);
  let i = 0;
  let cached = {index: -1, sentence: ""};
  return found.map((row) => {
    while (i < spans.length - 1 && spans[i].end <= row.start) i++;
    const s = spans[i] ?? {start: row.start, end: row.end};
    const start = Math.min(s.start, row.start);
    const end = Math.max(s.end, row.end);
    if (end - start > maxSentence) return {...row, sentence: oneLine(excerpt(text, start, end, row))};
    if (cached.index !== i) cached = {index: i, sentence: oneLine(text.slice(start, end))};
    return {...row, sentence: cached.sentence};
  });
}

/** A verbatim window of at most about maxSentence characters of [start, end) around a row, cut at spaces. */
function excerpt(text: string, start: number, end: number, row: {start: number; end: number}): string {
  const room = Math.floor(Math.max(0, maxSentence - (row.end - row.start)) / 2);
  let from = Math.max(start, row.start - room);
  let to = Math.min(end, row.end + room);
  // Move each end to a space within a few characters, so no word is cut (bounded: the text may have no spaces).
  for (let i = from; from > start && i < Math.min(row.start, from + 40); i++) {
    if (text[i] === " ") {
      from = i + 1;
      break;
    }
  }
  for (let i = to; to < end && i > Math.max(row.end, to - 40); i--) {
    if (text[i] === " ") {
      to = i;
      break;
    }
  }
  return text.slice(from, to).trim();
}
