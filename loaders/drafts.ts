/**
 * Drafts of ledger rows for the numbers of a source, ready to append to `data/claims.csv`: the
 * figure as written (currency sign included), its sentence as the quote, a measure from the noun
 * it counts, `as_of` from the sentence's own time words, the attribution the sentence gives, and
 * an id made from the measure and the source, unique against the ledger and the other drafts.
 * Pure: sources, numbers and the ids taken in; rows or problems naming the source and offset out.
 * `explainer claim` and the audit page's form both call it.
 */
import {citableKinds} from "../src/components/audit-repeats.ts";
import {asOfSentence, type AsOf} from "./as-of.ts";
import {attributionIn, figuresOwnerBefore, fullNameBefore, theDocument} from "./attribution.ts";
import {KitError, type ErrorCode} from "./errors.ts";
import {FigureError, parseFigure} from "./figure.ts";
import {isMultiple, measureIn, picturing} from "./measure.ts";
import {isUnit} from "./measure-phrases.ts";
import type {NumberRow} from "./number-rows.ts";
import {numbersOfSource} from "./number-rows.ts";
import {excerptSpan, maxSentence} from "./numbers.ts";
import {datelineLength, oneLine, sentenceSpans} from "./sentences.ts";
import {slugify, type Source} from "./sources.ts";

/** A draft ledger row, the number it cites, and what the editor should look at before keeping it. */
export interface Draft {
  /** The ledger's columns: id, figure, measure, attribution, as_of, place, source, quote. */
  row: Record<string, string>;
  number: NumberRow;
  /** Short notes for the editor ("as_of 2022-02-28 from \"on Monday\""); empty when there is nothing to say. */
  notes: string[];
  /** The ids of the claims the number may be a later report of ({@link earlierReports}), each with a note. */
  earlier: string[];
}

/** A row of the ledger as drafts read it: its columns by name (`id`, `figure`, `measure`, …). */
export type LedgerRecord = Readonly<Record<string, string>>;

/** What the editor may decide for a draft that the sentence cannot: the date, the measure. */
export interface DraftOptions {
  asOf?: string;
  measure?: string;
}

/** A problem with the number at `offset` of a source's body: `data/sources/x.md: offset 499: CODE: detail`. */
function problem(source: Source, offset: number, code: ErrorCode, detail: string): KitError {
  return new KitError(code, detail, {file: source.file, field: `offset ${offset}`});
}

/**
 * The body number that covers `offset` (a number starts at it, or contains it). Throws
 * NO_NUMBER_AT_OFFSET, listing where numbers start, when there is none.
 */
export function numberAt(source: Source, offset: number, numbers = bodyNumbers(source)): NumberRow {
  const number = numbers.find((n) => n.start <= offset && offset < n.end);
  if (number) return number;
  const starts = numbers.map((n) => n.start);
  const list = starts.slice(0, 12).join(", ") + (starts.length > 12 ? ", …" : "");
  throw problem(
    source,
    offset,
    "NO_NUMBER_AT_OFFSET",
    `no number at offset ${offset} of the body of "${source.id}"; numbers start at ${list || "(none)"}`
  );
}

/** Words as a figure is compared in them: lower case, one space, no thousands separator. */
const comparable = (text: string) =>
  text
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .replace(/(?<=\d)[,\u00a0\u202f](?=\d{3})/gu, "")
    .trim();

/**
 * The number of a source's body written as `words` ("12,500", "more than 12,500", "$4.2 million"): the
 * one whose words hold them, or whose words are exactly them when several hold them. Throws
 * NO_NUMBER_WRITTEN (with the numbers there are) or NUMBER_AMBIGUOUS (with their offsets).
 */
export function numberWritten(source: Source, words: string, numbers = bodyNumbers(source)): NumberRow {
  const wanted = comparable(words);
  const holding = numbers.filter((n) => wanted !== "" && comparable(n.text).includes(wanted));
  const exact = holding.filter((n) => comparable(n.text) === wanted);
  const found = exact.length === 1 ? exact : holding;
  const field = JSON.stringify(words);
  const listed = (rows: NumberRow[]) =>
    rows
      .slice(0, 12)
      .map((n) => `${JSON.stringify(n.text)} at ${n.start}`)
      .join(", ") + (rows.length > 12 ? ", …" : "");
  if (found.length === 1) return found[0];
  if (found.length === 0) {
    const detail = `no number of the body of "${source.id}" is written ${field}; its numbers: ${listed(numbers) || "(none)"}`;
    throw new KitError("NO_NUMBER_WRITTEN", detail, {file: source.file, field});
  }
  const detail = `${found.length} numbers of the body of "${source.id}" are written ${field}: ${listed(found)}; give the offset of the one to draft`;
  throw new KitError("NUMBER_AMBIGUOUS", detail, {file: source.file, field});
}

/** The number a `claim` START names: at that offset of the body, or written as its words. */
export function numberNamed(source: Source, start: number | string): NumberRow {
  return typeof start === "number" ? numberAt(source, start) : numberWritten(source, start);
}

/** The numbers of a source's body (the ledger quotes bodies only). */
export function bodyNumbers(source: Source): NumberRow[] {
  return numbersOfSource(source).filter((n) => n.part === "body");
}

/** A short tag for a source in ids: its publisher ("bbc-news"), else the first two content words of its title. */
export function sourceTag(source: Pick<Source, "publisher" | "title" | "id">): string {
  const publisher = slugify(source.publisher).split("-").slice(0, 3).join("-");
  if (publisher) return publisher;
  const skip = new Set("a an the of in on at to for and or as by with from is are was were".split(" "));
  const words = slugify(source.title)
    .split("-")
    .filter((w) => w && !skip.has(w) && !/^\d+$/.test(w));
  return words.slice(0, 2).join("-") || slugify(source.id).split("-").slice(3, 5).join("-") || "source";
}

const ordinals = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/**
 * An id from the measure and the source, unique against `taken`: `civilians-killed-reuters`, then
 * with the figure's own date, the source's date, the attribution or the figure, and only last with
 * an ordinal (`…-second`). Never a bare counter.
 */
export function draftId(
  measure: string,
  source: Pick<Source, "publisher" | "title" | "id" | "published">,
  row: {attribution: string; as_of: string; figure: string},
  taken: ReadonlySet<string>
): string {
  // Words that say nothing in an id: "share of vehicles that are fully electric" → share-vehicles-fully.
  const filler = new Set(
    "the a an and of who that have has had are is were was in to for by on at per with from".split(" ")
  );
  const m =
    slugify(measure)
      .split("-")
      .filter((w) => w && !filler.has(w))
      .slice(0, 3)
      .join("-") || "figure";
  const tag = sourceTag(source);
  const who = slugify(row.attribution.replace(/^the\s+/i, ""))
    .split("-")
    .slice(0, 3)
    .join("-");
  const figure = slugify(row.figure).split("-").slice(0, 6).join("-");
  const candidates = [
    `${m}-${tag}`,
    row.as_of && `${m}-${tag}-${row.as_of}`,
    `${m}-${tag}-${source.published}`,
    who && `${m}-${who}-${tag}`,
    figure && `${m}-${figure}-${tag}`,
    ...ordinals.map((o) => `${m}-${tag}-${o}`)
  ].filter((c): c is string => typeof c === "string" && c !== "");
  const id = candidates.find((c) => !taken.has(c));
  if (id) return id;
  for (let i = ordinals.length + 2; ; i++) if (!taken.has(`${m}-${tag}-${i}`)) return `${m}-${tag}-${i}`;
}

/** The sentence span of the body that holds a number, as raw text with the number's offset in it. */
function sentenceOf(source: Source, number: NumberRow): {text: string; at: number; start: number} {
  let span = sentenceSpans(source.body).find((s) => s.start <= number.start && number.start < s.end) ?? {
    start: number.start,
    end: number.end
  };
  // A "sentence" longer than a row carries (a table pasted as one line) is read in the row's window:
  // words thousands of characters away say nothing of the figure, and reading them all is slow.
  if (span.end - span.start > maxSentence) span = excerptSpan(source.body, span.start, span.end, number);
  return {text: source.body.slice(span.start, span.end), at: number.start - span.start, start: span.start};
}

/** What the sentence of a body number says of the day it describes (loaders/as-of.ts). */
export function timeWordsOf(source: Source, number: NumberRow): AsOf {
  const sentence = sentenceOf(source, number);
  return asOfSentence(sentence.text, sentence.at, source.published, number.end - number.start);
}

/**
 * A draft for one number of a source's body, or a KitError naming the source and the offset:
 * NOT_A_FIGURE (a date, a vague number), UNKNOWN_CURRENCY, AS_OF_UNRESOLVED ("last week"),
 * MEASURE_UNKNOWN (the sentence names nothing the figure counts). `taken` holds the ids in use;
 * a note names each claim of `ledger` the number may be a later report of ({@link earlierReports}).
 */
export function draftFor(
  source: Source,
  number: NumberRow,
  taken: ReadonlySet<string>,
  options: DraftOptions = {},
  ledger: readonly LedgerRecord[] = []
): Draft {
  const offset = number.start;
  const what = `${number.kind} ${JSON.stringify(number.text)}`;
  try {
    parseFigure(number.text);
  } catch (error) {
    if (!(error instanceof FigureError)) throw error;
    if (error.code === "UNKNOWN_CURRENCY") throw problem(source, offset, error.code, error.message);
  }
  if (!citableKinds.includes(number.kind) || number.value === null) {
    throw problem(
      source,
      offset,
      "NOT_A_FIGURE",
      `${what} is not a figure to cite; list it in data/ignored.csv with a reason`
    );
  }
  const sentence = sentenceOf(source, number);
  const notes: string[] = [];
  // as_of: the sentence's own time words, else the published date.
  let asOf = options.asOf ?? source.published;
  if (options.asOf === undefined) {
    const found = timeWordsOf(source, number);
    if (found.kind === "unresolved") {
      throw problem(
        source,
        offset,
        "AS_OF_UNRESOLVED",
        (found.levelBefore
          ? `${what}: the sentence gives it as the level before (${JSON.stringify(found.words)}), on a day it does not name; draft it with --as-of YYYY-MM-DD`
          : `${what}: the sentence dates it ${JSON.stringify(found.words)}, which names no single day; draft it with --as-of YYYY-MM-DD`) +
          (found.end ? ` (for a figure that covers all of it, its last day: --as-of ${found.end})` : "")
      );
    }
    if (found.kind === "date") {
      asOf = found.date;
      notes.push(`as_of ${asOf} from ${JSON.stringify(found.words)}`);
    }
  }
  const measure = options.measure ?? measureIn(sentence.text, sentence.at, number);
  if (measure === "") {
    const pictured = picturing(sentence.text.slice(0, sentence.at), number);
    throw problem(
      source,
      offset,
      "MEASURE_UNKNOWN",
      `${what}: ${
        isMultiple(number)
          ? `"${number.unit}" says how many times, not of what`
          : pictured
            ? `"${pictured}" makes it a picture of another figure, with no measure of its own`
            : isUnit(number.unit) || ((number.kind === "duration" || number.kind === "distance") && number.unit)
              ? `the sentence gives only its unit, "${number.unit}", not what it is of`
              : "the sentence names nothing it counts"
      }; draft it with --measure "what it measures"`
    );
  }
  const attribution = attributionIn(sentence.text, sentence.at);
  const earlierText = source.body.slice(0, sentence.start);
  // (A document, "the report", is no short name: whose it is, below.)
  const fullName = theDocument.test(attribution.who) ? "" : fullNameBefore(attribution.who, earlierText);
  if (fullName) {
    notes.push(`attribution: ${JSON.stringify(attribution.who)} is ${fullName}, named earlier in the source`);
    attribution.who = fullName;
  }
  // "…, the figures showed", "the report said": figures or a document an earlier sentence says are someone's.
  const unnamed = attribution.pronoun || (theDocument.test(attribution.who) ? attribution.who : "");
  const owner = /^the\s/i.test(unnamed) ? figuresOwnerBefore(earlierText, unnamed.toLowerCase()) : "";
  if (owner) {
    notes.push(
      `attribution: ${JSON.stringify(unnamed)} drafted as ${owner}, whose ${unnamed.slice(4)} an earlier sentence gives`
    );
    attribution.who = owner;
    attribution.pronoun = "";
  }
  if (attribution.pronoun) notes.push(`attribution: the sentence says only ${JSON.stringify(attribution.pronoun)}`);
  else if (attribution.who === "") notes.push("attribution: the sentence names no one");
  // The quote is the sentence; when the same figure is written earlier in it, the quote starts at
  // this number, so that the ledger's figure is this occurrence; a wire story's dateline is left out.
  const lead = datelineLength(sentence.text);
  let quote = lead > 0 && lead <= sentence.at ? oneLine(sentence.text.slice(lead)) : number.sentence;
  const earlier = sentence.text.slice(lead, sentence.at).includes(number.text);
  if (earlier) quote = oneLine(source.body.slice(number.start, sentence.start + sentence.text.length));
  const row = {
    id: "",
    figure: number.text,
    measure,
    attribution: attribution.who,
    as_of: asOf,
    place: "",
    source: source.id,
    quote
  };
  row.id = draftId(measure, source, row, taken);
  const reports = earlierReports(row, ledger);
  for (const claim of reports) {
    notes.push(
      `a later report of "${claim.id}" (${claim.figure}, as of ${claim.as_of})? to move that claim to this figure rather than add one: \`npx explainer claim ${source.id} ${offset} --replace ${claim.id} --write\``
    );
  }
  return {row, number, notes, earlier: reports.map((c) => c.id)};
}

/** Who gave a figure, as drafts compare it: lower case, one space, no leading "the". */
const whoKey = (who: string) => who.toLowerCase().replace(/\s+/gu, " ").replace(/^the /u, "").trim();

/** The unit of a written figure (`percent`, a currency code, null for a count), or undefined when it does not parse. */
function unitOf(figure: string): string | null | undefined {
  try {
    return parseFigure(figure).unit;
  } catch {
    return undefined;
  }
}

/**
 * The claims of `ledger` that a draft `row` may be a later report of: from another source, dated no
 * later, with a figure of the same unit, and of the same measure or from the same attribution. The
 * latest of each measure, the same measure first; two at most. A desk that keeps each report as a
 * claim of its own (a `reported` chart draws them) adds the draft; one that shows the latest figure
 * moves the claim with `claim … --replace ID`.
 */
export function earlierReports(row: LedgerRecord, ledger: readonly LedgerRecord[]): LedgerRecord[] {
  const unit = unitOf(row.figure);
  if (unit === undefined) return [];
  const measure = row.measure.toLowerCase();
  const who = whoKey(row.attribution);
  const sameMeasure = (r: LedgerRecord) => (r.measure ?? "").toLowerCase() === measure;
  const matches = ledger.filter(
    (r) =>
      r.source !== row.source &&
      (r.as_of ?? "") <= row.as_of &&
      unitOf(r.figure ?? "") === unit &&
      (sameMeasure(r) || (who !== "" && whoKey(r.attribution ?? "") === who))
  );
  const latest = new Map<string, LedgerRecord>();
  for (const r of matches) {
    const key = (r.measure ?? "").toLowerCase();
    const seen = latest.get(key);
    if (!seen || (r.as_of ?? "") > (seen.as_of ?? "")) latest.set(key, r);
  }
  return [...latest.values()]
    .sort((a, b) => Number(sameMeasure(b)) - Number(sameMeasure(a)) || (b.as_of ?? "").localeCompare(a.as_of ?? ""))
    .slice(0, 2);
}

/**
 * Drafts for every number of a source that nobody answers for yet (`numbers`: the source's body
 * numbers of reviewed kinds that are neither cited nor ignored). Ids are unique against `taken`
 * and each other; notes name the claims of `ledger` a number may be a later report of. Numbers that
 * cannot be drafted are returned as problems, one per number.
 */
export function draftAll(
  source: Source,
  numbers: NumberRow[],
  taken: ReadonlySet<string>,
  ledger: readonly LedgerRecord[] = []
): {drafts: Draft[]; problems: KitError[]} {
  const ids = new Set(taken);
  const drafts: Draft[] = [];
  const problems: KitError[] = [];
  for (const number of numbers) {
    try {
      const draft = draftFor(source, number, ids, {}, ledger);
      ids.add(draft.row.id);
      drafts.push(draft);
    } catch (error) {
      if (error instanceof KitError) problems.push(error);
      else throw error;
    }
  }
  return {drafts, problems};
}
