/**
 * What the number audit's forms propose before an editor types anything: which numbers may be cited
 * or ignored, which ones repeat a figure the ledger already cites from the same source (a headline,
 * an intro), the reason that names that claim, and the text of an ignore row that covers exactly one
 * number. Pure and browser-safe: rows of `data/numbers.csv` and the texts of `data/audit-texts.json` in.
 */

/** A row of `data/numbers.csv`, as strings. */
export type NumberRow = Record<string, string>;

/** A source's title and body, as `data/audit-texts.json` gives them. */
export interface SourceText {
  id: string;
  title: string;
  /** The date it was published (YYYY-MM-DD). */
  published: string;
  body: string;
  /** The published explainers that cite it (not the drafts). */
  explainers: {slug: string; title: string}[];
}

/** Kinds of number that `check` asks the ledger or the ignore list to answer for (counts, percentages, money). */
export const reviewedKinds: readonly string[] = ["count", "percent", "money"];

/** Kinds a ledger row can cite, and so a draft: figures with a value (counts, percentages, money, durations, distances). */
export const citableKinds: readonly string[] = ["count", "percent", "money", "duration", "distance"];

/** True when an editor may cite the number: an unreviewed figure in a source's body (the ledger quotes bodies). */
export function canCite(row: NumberRow): boolean {
  return row.status === "unreviewed" && row.part === "body" && citableKinds.includes(row.kind);
}

/** True when an editor may ignore the number: an unreviewed count, percentage or sum of money. */
export function canIgnore(row: NumberRow): boolean {
  return row.status === "unreviewed" && reviewedKinds.includes(row.kind);
}

/**
 * What makes two numbers the same figure: kind, value (or range) and, for money and percentages,
 * the unit. Qualifiers and the noun counted may differ ("two million have left" repeats "Two million
 * people").
 */
export function figureKey(row: NumberRow): string {
  const value = row.value !== "" ? row.value : `${row.lower}–${row.upper}`;
  const unit = row.kind === "count" ? "" : row.unit;
  return `${row.kind}|${unit}|${value}`;
}

/** The cited number of the same source whose figure an unreviewed number repeats, or null. */
export function repeatOf(row: NumberRow, rows: readonly NumberRow[]): NumberRow | null {
  if (!canIgnore(row)) return null;
  const key = figureKey(row);
  return rows.find((r) => r.source === row.source && r.status === "cited" && figureKey(r) === key) ?? null;
}

/** The reason an ignore row gives for a repeat, naming the claim that cites the figure. */
export function repeatReason(row: NumberRow, cited: NumberRow): string {
  return row.part === "title"
    ? `The headline repeats the figure that the ledger cites from the body (claim ${cited.claim}).`
    : `Repeats the figure that the ledger cites from this source (claim ${cited.claim}).`;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** How many times `needle` occurs in `texts`, whitespace runs counting as one space. */
function occurrences(texts: readonly string[], needle: string): number {
  let count = 0;
  for (const text of texts.map(oneLine)) {
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) count++;
  }
  return count;
}

/**
 * The text of an ignore row for one number: the number as written, with as many words around it
 * (right first, then left, within its paragraph) as it takes to occur once in the source's title
 * and body, so that the row silences that number and no other.
 *
 * ```ts
 * ignoreText({id: "s", title: "2,000 dead", body: "Officials said 2,000 died.\n"}, {part: "body", start: "15", end: "20"});
 * // "2,000 died."
 * ```
 */
export function ignoreText(source: Pick<SourceText, "title" | "body">, row: NumberRow): string {
  const text = row.part === "title" ? source.title : source.body;
  const texts = [source.title, source.body];
  let start = Number(row.start);
  let end = Number(row.end);
  const blank = (from: number, to: number) => /\n\s*\n/.test(text.slice(from, to));
  const right = () => {
    const m = /^\s*\S+/.exec(text.slice(end));
    if (!m || blank(end, end + m[0].length)) return false;
    end += m[0].length;
    return true;
  };
  const left = () => {
    const m = /\S+\s*$/.exec(text.slice(0, start));
    if (!m || blank(m.index, start)) return false;
    start = m.index;
    return true;
  };
  let snippet = oneLine(text.slice(start, end));
  for (let turn = 0; occurrences(texts, snippet) > 1; turn++) {
    const grew = turn % 2 === 0 ? right() || left() : left() || right();
    if (!grew) break;
    snippet = oneLine(text.slice(start, end));
  }
  return snippet;
}
