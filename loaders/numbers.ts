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
import {qualifierWords} from "../src/components/qualifier-words.ts";
import {currencyOf, isCodeBefore, isMoneyUnit} from "./currency.ts";
import {FigureError, parseFigure} from "./figure.ts";
import {
  changeByBefore,
  changeVerbBefore,
  changeVerbThenBy,
  currencyTail,
  estimatedAsVerb,
  isMetres,
  isName,
  isNameWord,
  isPronounOne,
  master,
  minusSign,
  overASpanBefore,
  periodEndAfter,
  periodOfAfter,
  periodOfBefore,
  relativeTimeBefore,
  penceTail,
  percentTail,
  qualifierTail,
  rateBaseBefore,
  rangeFromBefore,
  rangeTail,
  seriesNounAt,
  spanOfTimeAfter,
  sumSpreadOverBefore,
  temperatureTail,
  urlEndAround
} from "./number-patterns.ts";
import {oneLine, sentenceSpans} from "./sentences.ts";
import {plainSpaces} from "./text.ts";
import {kindOfUnit, unitAfter, yearContext, type NumberKind} from "./units.ts";

export type {NumberKind} from "./units.ts";

/** One numeric expression found in a text. Offsets are into the text given to findNumbers. */
export interface FoundNumber {
  start: number;
  end: number;
  /** `text.slice(start, end)`: the number as written, with its qualifier words ("Well over 800,000", "$1.7bn"). */
  text: string;
  /** From parseFigure; null when the words give no figure (vague numbers, dates, ordinals). */
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** From parseFigure; "" when it reads no figure. */
  qualifier: Qualifier | "";
  kind: NumberKind;
  /**
   * What is counted, as the sentence says it: "Russian soldiers", "per cent", "miles"; for money
   * its ISO 4217 code ("USD"); "" when it does not say.
   */
  unit: string;
  /** The sentence the number is in, on one line. */
  sentence: string;
}

// ---- Reading what a span says ----

const figureCache = new Map<string, Figure | null>();

/** parseFigure, cached: the same figure text is read once per process. */
function readFigure(text: string): Figure | null {
  const key = /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, " ") : text;
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

// ---- The finder ----

type Row = Omit<FoundNumber, "sentence" | "text">;
type Add = (row: Row, resume: number) => void;

/** The figure of a number that has none: a date, an ordinal, a vague word. */
const blank = {value: null, lower: null, upper: null, qualifier: "" as const};

/**
 * Every numeric expression in `text`, in order, without overlaps. See the module comment for
 * what it finds; the kinds and the rules for years are in docs/numbers.md.
 */
export function findNumbers(written: string): FoundNumber[] {
  // Read with plain spaces; each row's text and sentence are as written.
  const text = plainSpaces(written);
  const found: Omit<FoundNumber, "sentence">[] = [];
  let floor = 0; // nothing found may start before this: the end of the last number and its unit
  const add: Add = (row, resume) => {
    (row as Omit<FoundNumber, "sentence">).text = written.slice(row.start, row.end);
    found.push(row as Omit<FoundNumber, "sentence">);
    floor = Math.max(row.end, resume);
    master.lastIndex = Math.max(master.lastIndex, floor);
  };
  master.lastIndex = 0;
  for (let m; (m = master.exec(text)); ) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    if (start < floor) continue;
    const glued = start > 0 && !isSpace(text.charCodeAt(start - 1));
    let to = 0; // the end of a proportion ("one in five") starting here
    let series: string | null = null; // the noun of a place in a series ("day" of "day 7")
    const url = glued ? urlEndAround(text, start) : -1;
    if (url >= 0) {
      // Digits in a link, an e-mail address or a query string: not figures.
      floor = url;
      master.lastIndex = Math.max(master.lastIndex, url);
    } else if (g.pair || g.score || g.groupOf) {
      // "24/7", "won 3-2", "Group of Seven": names, not figures.
      floor = end;
    } else if (g.iso || g.slash || g.time || g.daymonth || g.monthday) {
      add({start, end, ...blank, kind: "date", unit: ""}, end);
    } else if (g.yearspan || g.decade) {
      add({start, end, ...figureOf(text.slice(start, end)), kind: "year", unit: ""}, end);
    } else if (g.ordinalDigits || g.ordinalCompound || g.ordinal) {
      const unit = unitAfter(text, end, true);
      add({start, end, ...blank, kind: "ordinal", unit: unit.unit}, unit.end);
    } else if (g.vague) {
      const of = /^\s+of\b/.exec(text.slice(end, end + 8));
      const unit = unitAfter(text, end + (of ? of[0].length : 0), of !== null);
      // "less than a third of": the qualifier words belong to the expression, which still has no figure.
      const q = qualifierStart(text, wordsBefore(text, Math.max(floor, start - 32), start), start);
      add({start: q >= 0 ? q : start, end, ...blank, kind: "vague", unit: unit.unit}, unit.end);
    } else if (
      g.aScale &&
      /^a\s+dozen$/iu.test(m[0]) &&
      found.at(-1)?.kind === "money" &&
      /^\s+$/u.test(text.slice(found.at(-1)!.end, start))
    ) {
      // "$4.82 a dozen": a price for twelve, not a twelve.
      floor = end;
    } else if (g.money && !isCurrencyHere(g.currency, g.gap !== "")) {
      // Three capitals that are no currency code ("UTC 10"): read the digits on their own.
      master.lastIndex = start + g.currency.length;
    } else if (g.words && (isNameWord(text, start, end) || isPronounOne(text, start, end))) {
      floor = end;
    } else if ((g.words || g.digits) && (to = oneInEnd(text, start, end)) > 0) {
      // "one in five residents": a proportion, read as one expression like "a third of residents".
      const unit = unitAfter(text, to, false);
      const q = qualifierStart(text, wordsBefore(text, Math.max(floor, start - 32), start), start);
      add({start: q >= 0 ? q : start, end: to, ...blank, kind: "vague", unit: unit.unit}, unit.end);
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
    } else if (g.digits && rateBaseBefore.test(text.slice(Math.max(0, start - 16), start))) {
      // "8.1 per 100,000 people": the base of a rate, no figure of its own.
      floor = end;
    } else if (g.digits && (series = seriesNounAt(text, start, end))) {
      // "day 7 of the war": a place in a series.
      add({start, end, ...blank, kind: "ordinal", unit: series}, end);
    } else {
      emitNumber(text, start, end, found, add);
    }
  }
  markAges(text, found);
  return withSentences(written, found);
}

/** "aged 15", "aged between 18 and 60": an age, read as a duration in years rather than a count. */
const agedBefore = /(?:^|[^\p{L}])(?:aged|ages)\s+(?:between\s+|from\s+)?$/iu;
/** What joins a run of ages: "aged 15 and 16", "aged 12, 14 or 15". */
const ageJoin = /^(?:\s*,\s*|\s+(?:and|or|to)\s+|\s*,\s+(?:and|or)\s+)$/u;

/** Re-kinds the counts that are ages (`agedBefore`), and the counts joined to one, as durations in years. */
function markAges(text: string, rows: Omit<FoundNumber, "sentence">[]): void {
  let ageEnd = -1;
  for (const row of rows) {
    const age =
      row.kind === "count" &&
      row.unit === "" &&
      (agedBefore.test(text.slice(Math.max(0, row.start - 16), row.start)) ||
        (ageEnd >= 0 && ageJoin.test(text.slice(ageEnd, row.start))));
    if (age) Object.assign(row, {kind: "duration", unit: "years"});
    ageEnd = age ? row.end : -1;
  }
}

/**
 * findNumbers over a long text in pieces cut at blank lines (which no number or sentence
 * crosses), calling `each` with each piece's rows, offsets into the whole text. Memory stays
 * bounded by a piece's rows, so a 100 MB file streams through `explainer numbers`.
 */
export function findNumbersInPieces(text: string, each: (rows: FoundNumber[]) => void, pieceSize = 1 << 20): void {
  const blankLine = /\n[ \t]*\n/g;
  for (let from = 0; from < text.length; ) {
    let to = text.length;
    if (text.length - from > pieceSize) {
      blankLine.lastIndex = from + pieceSize;
      const m = blankLine.exec(text);
      if (m) to = m.index + m[0].length;
    }
    const rows = findNumbers(text.slice(from, to));
    for (const row of rows) {
      row.start += from;
      row.end += from;
    }
    each(rows);
    from = to;
  }
}

/**
 * "one in five", "seven in 10", "one in every four", "nine out of ten": a proportion, its two numbers
 * small and the first the smaller ("killed 5 in 3 attacks" is two counts), or after "out of" no larger,
 * and of things rather than a time or a distance ("20 in 100 days" is a rate).
 */
const oneIn =
  /\s+(in|out\s+of)\s+(?:every\s+)?(\d{1,3}(?:,\d{3})?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|a hundred|a thousand)(?=\s+\p{L}|[.,;:!?)]|$)/iuy;
/** The end of the proportion whose first number is [start, end) ("one in five"), else 0. */
function oneInEnd(text: string, start: number, end: number): number {
  oneIn.lastIndex = end;
  const m = oneIn.exec(text);
  if (!m) return 0;
  const first = readFigure(text.slice(start, end))?.value;
  if (first == null || !Number.isInteger(first) || first < 1 || first > 99) return 0;
  const of = readFigure(m[2])?.value;
  if (of == null || (m[1].toLowerCase() === "in" ? first >= of : first > of)) return 0;
  const next = /^\s+(\p{L}+)/u.exec(text.slice(oneIn.lastIndex, oneIn.lastIndex + 24))?.[1];
  return next && kindOfUnit(next) ? 0 : oneIn.lastIndex;
}

/** True when a currency token before digits is a currency here: a sign, or a known ISO code ("EUR500"). */
function isCurrencyHere(token: string, spaced: boolean): boolean {
  return !/^[A-Z]{3}$/.test(token) || isCodeBefore(token, spaced);
}

/** A word run that reads as one number ("one hundred and twenty"), rather than several. */
function isNumberWords(text: string, start: number, end: number): boolean {
  return readFigure(text.slice(start, end)) !== null;
}

/** What parseFigure reads in a span, or blanks when it reads nothing. */
function figureOf(span: string): Pick<FoundNumber, "value" | "lower" | "upper" | "qualifier"> & {unit: Figure["unit"]} {
  const figure = readFigure(span);
  if (!figure) return {value: null, lower: null, upper: null, qualifier: "", unit: null};
  return {
    value: figure.value,
    lower: figure.lower,
    upper: figure.upper,
    qualifier: figure.qualifier,
    unit: figure.unit
  };
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
/** A letter of a qualifier word, or its dot ("approx."): ASCII letters, and any letter beyond ASCII. */
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46 || (c > 127 && c !== 0xa0);
/** Last words of qualifier phrases ("than", "over", "of"): a number whose word before is none of these has no qualifier. */
const qualifierLastWords = new Set(Object.keys(qualifierWords).map((q) => q.split(" ").pop()!));

/** The start offsets of up to five words that end just before `to` (last word first), never before `from`. */
function wordsBefore(text: string, from: number, to: number): number[] {
  const starts: number[] = [];
  if (to <= from || !isSpace(text.charCodeAt(to - 1))) return starts;
  let i = to;
  while (starts.length < 5 && i > from) {
    while (i > from && isSpace(text.charCodeAt(i - 1))) i--;
    let j = i;
    while (j > from && isWordChar(text.charCodeAt(j - 1))) j--;
    if (j === i) break;
    starts.push(j);
    if (j > from && !isSpace(text.charCodeAt(j - 1))) break;
    i = j;
  }
  return starts;
}

/** The words from `start` to `to`, lower case, one space apart: "well over". */
function phraseOf(text: string, start: number, to: number): string {
  return text.slice(start, to).trim().replace(/\s+/g, " ").toLowerCase();
}

/** Where the longest qualifier phrase among `starts` begins ("well over ", "as much as "), or -1. */
function qualifierStart(text: string, starts: number[], to: number): number {
  if (starts.length === 0) return -1;
  const last = phraseOf(text, starts[0], to);
  if (!qualifierLastWords.has(last)) return -1;
  let best = -1;
  for (const start of starts) if (Object.hasOwn(qualifierWords, phraseOf(text, start, to))) best = start;
  return best;
}

/**
 * A verb whose particle "up" is followed by "to": "(edged) up to 27.4%", "(ticked) up to 102.5", "(went) up
 * to 5%" ("could go up to 40%" is at most 40%).
 */
const upParticleBefore =
  /\b(?:edged|edges|edging|crept|creeps|creeping|ticked|ticks|ticking|inched|inches|inching|moved|moves|moving|went|shot|drifted|drifts|nudged|nudges|pushed|pushes|pulled|rounded|revised|marked|drove|driven|bumped)\s+$/iu;

/** Runs a sticky pattern at `at`; returns where its match ends, or -1. */
function tailAt(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.exec(text) ? re.lastIndex : -1;
}

/**
 * The length of a minus sign right before `start` ("-", "−", "minus "), or 0: not the hyphen of
 * "Covid-19" or "10-15", nor a "minus" that subtracts ("£5,000 minus £300 in fees") or bounds an
 * error ("plus or minus 2 points").
 */
function minusBefore(text: string, start: number): number {
  const sign = minusSign.exec(text.slice(Math.max(0, start - 8), start));
  if (!sign) return 0;
  const wordsBefore = text.slice(Math.max(0, start - sign[1].length - 24), start - sign[1].length);
  // ("a margin of error of plus or minus 2 points" is no figure below zero either.)
  const subtracts = /^minus/i.test(sign[1]) && /(?:\d\S*|\bplus\s+or)\s+$/iu.test(wordsBefore);
  return subtracts ? 0 : sign[1].length;
}

/**
 * A number proper (digits, words, money): extends it by a percent sign, the other end of a range,
 * a qualifier or currency word after it and the qualifier words before it, finds its unit,
 * decides its kind and reads its figure.
 */
function emitNumber(text: string, start: number, end: number, found: Omit<FoundNumber, "sentence">[], add: Add): void {
  const lastEnd = found.length > 0 ? found[found.length - 1].end : 0;
  const windowStart = Math.max(lastEnd, start - 32);
  let e = end;
  // "a 300m tunnel": metres, not millions; the number is the digits and "m" its unit.
  const metres = text.charCodeAt(e - 1) === 109 && /^\d/.test(text[start]) && /\dm$/.test(text.slice(e - 2, e));
  if (metres && isMetres(text, start, e)) {
    add({start, end: e - 1, ...figureOf(text.slice(start, e - 1)), kind: "distance", unit: "m"}, e);
    return;
  }
  let percent = "";
  const percentAt = (at: number): number => {
    percentTail.lastIndex = at;
    const p = percentTail.exec(text);
    if (!p) return at;
    percent ||= p[0].trim();
    return percentTail.lastIndex;
  };
  e = percentAt(e);
  // Ranges: "2,000-3,000", "10 to 20", "between 10 and 15 per cent"; "from 10 to 20" only after
  // "ranged" or "estimates" ("rose from 10 to 20" is a change, two numbers).
  let isRange = false;
  const before = wordsBefore(text, windowStart, start);
  const lastWord = before.length > 0 ? phraseOf(text, before[0], start) : "";
  const from = lastWord === "from" ? before[0] : -1;
  if (from < 0 || rangeFromBefore.test(text.slice(Math.max(0, start - 40), start))) {
    const between = lastWord === "between" ? before[0] : -1;
    // "between 140p and 150p": the range goes on after the first end's pence.
    const pence = tailAt(penceTail, text, e);
    rangeTail.lastIndex = Math.max(e, pence);
    const r = rangeTail.exec(text);
    // "rose $3.50 to $112.93", "slid 12.5% to 340 pence", "jumped by 40,000 to 260,000": a change and
    // the level it reached, two numbers.
    const changeWindow = text.slice(Math.max(0, start - 40), start);
    const changeTo =
      r !== null &&
      /^\s+to\s/.test(r[0]) &&
      (percent !== "" ||
        pence >= 0 ||
        /^\D/.test(text.slice(start, end)) ||
        countChangeTo(text, start, end, r[0], rangeTail.lastIndex, changeWindow)) &&
      (changeVerbBefore.test(changeWindow) || changeVerbThenBy.test(text.slice(Math.max(0, start - 100), start)));
    // ("from £120 million in 2022 to £48 million": the year of one figure, and another figure.)
    const yearOf =
      /^(?:1[89]|20)\d\d$/.test(text.slice(start, end)) &&
      /(?:^|[^\p{L}])(?:in|since|during|by)\s+$/iu.test(text.slice(Math.max(0, start - 8), start));
    if (r && !changeTo && !yearOf && between >= 0 === /^\s+and\s/.test(r[0])) {
      const saved = percent;
      const re = percentAt(rangeTail.lastIndex);
      const rangeStart = between >= 0 ? between : from >= 0 ? from : start;
      const unitsAgree = saved === "" || re > rangeTail.lastIndex;
      if (unitsAgree && readFigure(text.slice(rangeStart, re))?.qualifier === "range") {
        isRange = true;
        start = rangeStart;
        e = re;
      } else {
        percent = saved;
      }
    }
  }
  // A temperature: "-5C", "minus 5 degrees Celsius", "around 20-25°C".
  temperatureTail.lastIndex = e;
  const degrees = percent ? null : temperatureTail.exec(text);
  if (degrees) {
    const sign = isRange ? 0 : minusBefore(text, start);
    const from = start - sign;
    const q = qualifierStart(text, wordsBefore(text, windowStart, from), from);
    const qualified = q >= 0 ? figureOf(text.slice(q, from) + text.slice(start, e)) : null;
    const figure = qualified?.qualifier ? qualified : figureOf(text.slice(start, e));
    const negate = (v: number | null) => (v === null || !sign ? v : -v);
    add(
      {
        start: figure === qualified ? q : from,
        end: temperatureTail.lastIndex,
        value: negate(figure.value),
        lower: negate(sign ? figure.upper : figure.lower),
        upper: negate(sign ? figure.lower : figure.upper),
        qualifier: figure.qualifier,
        kind: "temperature",
        unit: /F(?:ahrenheit)?$/.test(degrees[0]) ? "F" : "C"
      },
      temperatureTail.lastIndex
    );
    return;
  }
  // A qualifier after the number: "40-odd", "3,000 or so", "1,000-plus", "500 or more".
  const after = isRange ? -1 : tailAt(qualifierTail, text, e);
  if (after >= 0 && readFigure(text.slice(start, after))) e = after;
  // A currency word after it: "5 million dollars", "400 euros", "14 billion euros of tax cuts" (not
  // "200 pounds of flour", a weight), "45 pence", "191.4p".
  const currencyEnd = percent ? -1 : Math.max(tailAt(currencyTail, text, e), tailAt(penceTail, text, e));
  const weight =
    /pounds?$/i.test(text.slice(e, currencyEnd)) && /^\s+of\b/.test(text.slice(currencyEnd, currencyEnd + 4));
  if (currencyEnd >= 0 && !weight) e = currencyEnd;
  // Qualifier words before it: "Well over 800,000", "an estimated 2,000", "as much as 35 percent".
  if (!isRange) {
    const q = qualifierStart(text, before, start);
    // ("estimated" as a verb, and "up" as a verb's particle: "edged up to 27.4%" reached it, at no most.)
    const verb =
      q >= 0 &&
      (estimatedAsVerb.test(text.slice(Math.max(0, q - 24), start)) ||
        (/^up\s/iu.test(text.slice(q, q + 3)) && upParticleBefore.test(text.slice(Math.max(0, q - 24), q))));
    const when =
      q >= 0 &&
      spanOfTimeAfter.test(text.slice(e, e + 10)) &&
      !/^\s+\p{L}+\s+(?:old|of\s+age|ago)\b/u.test(text.slice(e, e + 20)) &&
      (overASpanBefore.test(text.slice(Math.max(0, q - 24), start)) ||
        sumSpreadOverBefore.test(text.slice(Math.max(0, q - 90), start)));
    if (q >= 0 && !verb && !when && readFigure(text.slice(q, e))) start = q;
    // Below zero: "changed by -0.3%", "a balance of −£2.1bn", "net migration was minus 20,000".
    const sign = q < 0 ? minusBefore(text, start) : 0;
    if (sign && readFigure(text.slice(start - sign, e))) start -= sign;
  }
  const span = text.slice(start, e);
  const figure = figureOf(span);
  const currency = isMoneyUnit(figure.unit) ? figure.unit : figure.value === null ? currencyIn(span) : "";
  const unit = percent || currency ? {unit: "", end: e, plural: false} : unitAfter(text, e, figure.value === 1);
  let kind: NumberKind;
  if (percent || figure.unit === "percent") kind = "percent";
  else if (currency) kind = "money";
  else kind = kindOfUnit(unit.unit) ?? (isYear(text, start, span, unit.plural) ? "year" : "count");
  // A duration that names a period or a day is a date: "the three months to September", "the two weeks from
  // July 14", "the first six months of the year", "in its first six months", "the previous three months",
  // "18 months ago", "two days earlier", "the 24 hours to 8am". Not a length: "extended by three months to
  // September", "will strike for five days from July 25", "will last 48 hours to midnight", "30 minutes later
  // than planned".
  const lead = text.slice(Math.max(0, start - 40), start);
  const period =
    kind === "duration" &&
    !changeByBefore.test(lead) &&
    !/\b(?:for|last|lasts|lasted|lasting|take|takes|took|taking)\s+$/iu.test(lead);
  const ends = period ? periodEndAfter.exec(text.slice(unit.end, unit.end + 48)) : null;
  const next = text.slice(unit.end, unit.end + 24);
  const periodEnd =
    ends && (!/^\s+(?:from|since|starting)\b/u.test(ends[0]) || /\bthe\s+$/iu.test(lead))
      ? ends
      : !period
        ? null
        : ((periodOfBefore.test(lead) ? periodOfAfter.exec(next) : null) ??
          (relativeTimeBefore.test(lead) ? /^/u.exec(next) : /^\s+(?:ago|earlier|later(?!\s+than\b))\b/u.exec(next)));
  if (periodEnd) {
    const to = unit.end + periodEnd[0].length;
    add({start, end: to, ...blank, kind: "date", unit: ""}, to);
    return;
  }
  const unitText = kind === "year" ? "" : currency && currency !== "unknown" ? currency : percent || unit.unit;
  const row = {
    start,
    end: e,
    value: figure.value,
    lower: figure.lower,
    upper: figure.upper,
    qualifier: figure.qualifier,
    kind,
    unit: unitText
  };
  add(row, kind === "year" ? e : unit.end);
}

/** The currency a span names by a sign that parseFigure could not read ("₿5"): "unknown", or "". */
function currencyIn(span: string): string {
  const sign = /\p{Sc}/u.exec(span);
  if (!sign) return "";
  return currencyOf(sign[0]) === "unknown" ? "unknown" : "";
}

/** A count written in full: with thousands separators or its own scale word ("40,000", "1.2 million"). */
const wholeCount = /\d,\d{3}|\d\s*(?:million|billion|thousand|bn)\b/iu;
/** A noun right after a number, which a range's two ends would share: "(2 to 5) tonnes"; not time words. */
const sharedNoun =
  /^\s+(?!(?:last|this|next|on|in|at|by|from|since|until|a|an|the|and|or|but|after|before|over|during|per|each|earlier|ago|later)\b)\p{Ll}/u;

/**
 * True when counts "A to B" after "rose by" are a change and the level it reached ("jumped by 40,000
 * to 260,000", "rose by 12 to 87"), not a range: nothing after B that both would share (a noun, a
 * percent sign, a currency: "by 2 to 5 tonnes", "by 10 to 20 percent", "by 1,000 to 2,000 euros"),
 * and either both written in full or B more than twice A ("by 2 to 3 million" is a range).
 */
function countChangeTo(text: string, start: number, end: number, to: string, toEnd: number, window: string): boolean {
  if (!changeByBefore.test(window)) return false;
  const after = text.slice(toEnd);
  if (/^\s*(?:%|per\s*cent|percent)/iu.test(after) || tailAt(currencyTail, text, toEnd) >= 0 || sharedNoun.test(after))
    return false;
  const [a, b] = [figureOf(text.slice(start, end)).value, figureOf(to.replace(/^\s+to\s+/, "")).value];
  return (wholeCount.test(text.slice(start, end)) && wholeCount.test(to)) || (a !== null && b !== null && b > 2 * a);
}

/**
 * A bare four-digit number from 1000 to 2099 (or a range of them) is a year, unless a plural
 * noun follows it ("2000 civilians") with no year word before it ("in 2014 protesters …").
 */
function isYear(text: string, start: number, span: string, countedNoun: boolean): boolean {
  const groups = span.match(/\d[\d,.]*/g) ?? [];
  if (groups.length === 0 || !groups.every((d) => /^(?:1\d|20)\d\d$/.test(d))) return false;
  if (/\d\s*(?:[kKmM]|bn|tn|hundred|thousand|million|billion|trillion)\b/i.test(span)) return false;
  if (!countedNoun) return true;
  const w = wordBefore.exec(text.slice(Math.max(0, start - 16), start))?.[1]?.toLowerCase();
  return w !== undefined && yearContext.has(w);
}

const wordBefore = /([\p{L}]+)[\s-]+$/u;

/** The longest sentence a row carries whole; a longer one is cut to a window of words around the number. */
export const maxSentence = 600;

/** Adds each number's sentence, walking the sentences and the numbers together once. */
function withSentences(text: string, found: Omit<FoundNumber, "sentence">[]): FoundNumber[] {
  const spans = sentenceSpans(text);
  let i = 0;
  let cached = {index: -1, sentence: ""};
  // Rows get their sentence in place: one object per number, not two.
  return found.map((row) => {
    while (i < spans.length - 1 && spans[i].end <= row.start) i++;
    const s = spans[i] ?? {start: row.start, end: row.end};
    const start = Math.min(s.start, row.start);
    const end = Math.max(s.end, row.end);
    const out = row as FoundNumber;
    if (end - start > maxSentence) {
      out.sentence = oneLine(excerpt(text, start, end, row));
    } else {
      if (cached.index !== i) cached = {index: i, sentence: oneLine(text.slice(start, end))};
      out.sentence = cached.sentence;
    }
    return out;
  });
}

/** A verbatim window of at most about maxSentence characters of [start, end) around a row, cut at spaces. */
function excerpt(text: string, start: number, end: number, row: {start: number; end: number}): string {
  const window = excerptSpan(text, start, end, row);
  return text.slice(window.start, window.end);
}

/** The bounds of {@link excerpt}'s window, its spaces trimmed. */
export function excerptSpan(
  text: string,
  start: number,
  end: number,
  row: {start: number; end: number}
): {start: number; end: number} {
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
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  return {start: from, end: to};
}
