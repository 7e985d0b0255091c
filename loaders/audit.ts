/**
 * The number audit: every number in every archived source, with the status the ledger and the
 * ignore list give it. `cited` when a ledger claim's quote and figure cover its span; `ignored`
 * when a row of `data/ignored.csv` (`source,text,reason`) covers it; `unreviewed` otherwise.
 * `explainer check` fails while a count, percent or money number is unreviewed.
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import type {Claim} from "../src/components/claim.ts";
import {reviewedKinds} from "../src/components/audit-repeats.ts";
import {group} from "d3-array";
import {KitError, orThrow, type Checked, type ErrorCode} from "./errors.ts";
import {checkCsvRows} from "./csv.ts";
import {numberColumns, numbersOfSource, type NumberPart, type NumberRow} from "./number-rows.ts";
import {formatDate} from "../src/components/chart-text.ts";
import {didYouMean} from "../src/components/suggest.ts";
import {parseFigure} from "./figure.ts";
import type {PublishedFigure} from "./published.ts";
import type {Source} from "./sources.ts";
import {findNormalized, normalize, type Normalized} from "./text.ts";

/** The ignore list, relative to the project root. */
export const ignoredFile = "data/ignored.csv";

/** Columns of the ignore list. */
export const ignoredColumns = ["source", "text", "reason"] as const;

/** What the ledger and the ignore list say about a number. */
export type NumberStatus = "cited" | "ignored" | "unreviewed";

/** A number with its status; `claim` is the citing claim's id, `reason` the ignore row's reason. */
export interface AuditedNumber extends NumberRow {
  status: NumberStatus;
  claim: string;
  reason: string;
  /**
   * For a number to review that a published figure quoted before it moved on: the reason an ignore
   * row gives it ({@link supersededReason}); otherwise empty or absent.
   */
  superseded?: string;
}

/**
 * Columns of `src/data/numbers.csv`: the number columns, then the status and who gives it, and the
 * reason to ignore a superseded number.
 */
export const auditColumns = [...numberColumns, "status", "claim", "reason", "superseded"] as const;

/** One row of the ignore list, with its line in the file. */
export interface IgnoreRow {
  line: number;
  source: string;
  text: string;
  reason: string;
}

/**
 * Checks the ignore list: every field filled in (a reason is required) and every source known.
 * Returns the good rows and every problem, one line each (`data/ignored.csv:3: UNKNOWN_SOURCE: …`),
 * so one bad row does not turn the file's other ignored numbers into unreviewed ones.
 */
export function checkIgnored(text: string, sources: Source[], file: string = ignoredFile): Checked<IgnoreRow> {
  const ids = new Set(sources.map((s) => s.id));
  const {rows: read, problems} = checkCsvRows(text, file, ignoredColumns);
  const rows: IgnoreRow[] = [];
  for (const {line, record} of read) {
    const missing = ignoredColumns.filter((name) => (record[name] ?? "").trim() === "");
    for (const name of missing) problems.push(new KitError("MISSING_FIELD", `"${name}" is empty`, {file, line}));
    if (missing.length > 0) continue;
    if (!ids.has(record.source)) {
      const suggestion = didYouMean(record.source, ids);
      problems.push(
        new KitError("UNKNOWN_SOURCE", `source "${record.source}" is not in data/sources/${suggestion}`, {file, line})
      );
      continue;
    }
    rows.push({line, source: record.source, text: record.text, reason: record.reason});
  }
  return {rows, problems};
}

/** Parses the ignore list, or throws every problem checkIgnored finds. */
export function parseIgnored(text: string, sources: Source[], file: string = ignoredFile): IgnoreRow[] {
  return orThrow(checkIgnored(text, sources, file));
}

/** Reads `data/ignored.csv` under `root`; a project without one ignores nothing. */
export async function readIgnored(root: string, sources: Source[]): Promise<IgnoreRow[]> {
  let text: string;
  try {
    text = await readFile(join(root, ignoredFile), "utf-8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return parseIgnored(text, sources);
}

/** Every span of a normalized text where `needle` occurs, modulo the ledger's normalization (quotes, dashes, spaces). */
function occurrences(n: Normalized, needle: string): {start: number; end: number}[] {
  const want = normalize(needle).text;
  const spans: {start: number; end: number}[] = [];
  if (want === "") return spans;
  for (let i = n.text.indexOf(want); i >= 0; i = n.text.indexOf(want, i + 1)) {
    spans.push({start: n.offsets[i], end: n.offsets[i + want.length - 1] + 1});
  }
  return spans;
}

/** The span in the body of a claim's figure inside its quote. */
function figureSpan(claim: Claim, body: string): {start: number; end: number} | null {
  const span = findNormalized(normalize(body.slice(claim.quote_start, claim.quote_end)), claim.figure);
  return span && {start: claim.quote_start + span.start, end: claim.quote_start + span.end};
}

/**
 * The status of every number in `sources`. Also returns the ignore rows that answer for nothing
 * (IGNORED_TEXT_NOT_IN_SOURCE, IGNORED_COVERS_NO_NUMBER), so a stale ignore list is caught.
 */
export function auditNumbers(
  sources: Source[],
  claims: Claim[],
  ignores: IgnoreRow[],
  file: string = ignoredFile
): {rows: AuditedNumber[]; problems: KitError[]} {
  const rows: AuditedNumber[] = [];
  const problems: KitError[] = [];
  const claimsOf = group(claims, (c) => c.source);
  const ignoresOf = group(ignores, (i) => i.source);
  for (const source of sources) {
    const numbers: AuditedNumber[] = numbersOfSource(source).map((n) => ({
      ...n,
      status: "unreviewed",
      claim: "",
      reason: ""
    }));
    for (const claim of claimsOf.get(source.id) ?? []) {
      const span = figureSpan(claim, source.body);
      if (!span) continue;
      for (const n of numbers) {
        if (n.part === "body" && n.status !== "cited" && n.start < span.end && span.start < n.end) {
          Object.assign(n, {status: "cited", claim: claim.id});
        }
      }
    }
    // The title and body normalized once for all of the source's ignore rows.
    const sourceIgnores = ignoresOf.get(source.id) ?? [];
    const texts: [NumberPart, Normalized][] = sourceIgnores.length
      ? [
          ["title", normalize(source.title)],
          ["body", normalize(source.body)]
        ]
      : [];
    for (const ignore of sourceIgnores) {
      const spans = texts.flatMap(([part, text]) => occurrences(text, ignore.text).map((s) => ({part, ...s})));
      const fail = (code: ErrorCode, detail: string) =>
        problems.push(new KitError(code, detail, {file, line: ignore.line}));
      if (spans.length === 0) {
        fail("IGNORED_TEXT_NOT_IN_SOURCE", `text not found in source "${source.id}": ${JSON.stringify(ignore.text)}`);
        continue;
      }
      const covered = numbers.filter((n) =>
        spans.some((s) => s.part === n.part && s.start <= n.start && n.end <= s.end)
      );
      const silenced = covered.filter((n) => n.status !== "cited");
      if (silenced.length === 0) {
        fail(
          "IGNORED_COVERS_NO_NUMBER",
          `text ${JSON.stringify(ignore.text)} covers no uncited number of source "${source.id}"; remove the row`
        );
      }
      for (const n of silenced)
        if (n.status === "unreviewed") Object.assign(n, {status: "ignored", reason: ignore.reason});
    }
    rows.push(...numbers);
  }
  return {rows, problems};
}

/** Past this many, the unreviewed numbers of a source that blocks no build are one warning, not one each. */
const foldAfter = 3;

/**
 * One NUMBER_UNREVIEWED problem per count, percent or money number that nothing answers for,
 * with its sentence and the command that drafts a ledger row for it. `bodyLines` gives, per
 * source id, the file line its body starts on, so the message points at the line. `movedOn`, the
 * publish record's rows of figures now cited from another source or with another label, names
 * the claim that quoted a number before it moved on. A source whose numbers block no build
 * (`blocks(id)` false: no published explainer cites it), as the day's wire copy is until a story
 * uses it, gets one problem for them past {@link foldAfter}, naming the command that drafts them all;
 * a superseded quote keeps its own.
 */
export function unreviewedProblems(
  rows: AuditedNumber[],
  sources: Source[],
  bodyLines: Map<string, number>,
  movedOn: readonly PublishedFigure[] = [],
  blocks: (source: string) => boolean = () => true
): KitError[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const unreviewed = rows.filter((n) => n.status === "unreviewed" && reviewedKinds.includes(n.kind));
  const problems: KitError[] = [];
  for (const [id, numbers] of group(unreviewed, (n) => n.source)) {
    const source = byId.get(id)!;
    const place = (n: AuditedNumber) =>
      n.part === "title"
        ? {file: source.file, field: "title"}
        : {file: source.file, line: (bodyLines.get(id) ?? 1) + countNewlines(source.body, n.start)};
    const what = (n: AuditedNumber) =>
      `${n.kind} ${JSON.stringify(n.text)} is neither cited in data/claims.csv nor listed in ${ignoredFile}`;
    const former = new Map(numbers.map((n) => [n, n.part === "title" ? undefined : formerQuote(n, movedOn)]));
    const plain = numbers.filter((n) => !former.get(n));
    const folded = !blocks(id) && plain.length > foldAfter;
    if (folded) {
      const listed = plain
        .slice(0, foldAfter)
        .map((n) => {
          const at = place(n);
          return `${n.kind} ${JSON.stringify(n.text)} (${"line" in at ? `line ${at.line}` : "headline"})`;
        })
        .join(", ");
      const detail =
        `${plain.length} numbers are neither cited in data/claims.csv nor listed in ${ignoredFile}: ${listed} and ${plain.length - foldAfter} more; ` +
        `no published explainer cites this source, so they block no build: \`npx explainer claim ${id} --all\` drafts a ledger row for each, and the audit page lists them`;
      problems.push(new KitError("NUMBER_UNREVIEWED", detail, place(plain[0])));
    }
    for (const n of numbers) {
      const quoted = former.get(n);
      if (folded && !quoted) continue;
      if (n.part === "title") {
        const detail = `${what(n)}; headline: ${JSON.stringify(n.sentence)}; add it to ${ignoredFile} with a reason`;
        problems.push(new KitError("NUMBER_UNREVIEWED", detail, place(n)));
        continue;
      }
      const draft = `\`npx explainer claim ${id} ${n.start}\``;
      const fix = quoted
        ? `${quoted.claim} cited it when ${quoted.explainer} was published on ${formatDate(quoted.date)}, and has moved on since: ignore it as superseded (\`npx explainer ignore ${id} --superseded --write\`), or cite it again (${draft})`
        : `draft a ledger row with ${draft}, or add it to ${ignoredFile} with a reason`;
      problems.push(
        new KitError("NUMBER_UNREVIEWED", `${what(n)}; sentence: ${JSON.stringify(n.sentence)}; ${fix}`, place(n))
      );
    }
  }
  return problems;
}

/**
 * The row, among the publish record's rows of figures that have moved on since (movedOnFigures), of
 * the one that quoted this number when its explainer was published: the same source, the same value.
 */
export function formerQuote(n: AuditedNumber, movedOn: readonly PublishedFigure[]): PublishedFigure | undefined {
  const value = (label: string) => {
    try {
      return parseFigure(label).value;
    } catch {
      return null;
    }
  };
  return movedOn.find((r) => r.source === n.source && value(r.label) === n.value);
}

/**
 * `rows` with the numbers that check asks for (counts, percentages, money of a source's body, not
 * reviewed yet) and that a published figure quoted before it moved on (`movedOn`: movedOnFigures)
 * marked `superseded`, with the reason an ignore row gives them. `explainer ignore --superseded` and
 * the audit page's "Ignore as superseded" both take these.
 */
export function markSuperseded(
  rows: AuditedNumber[],
  claims: readonly Claim[],
  movedOn: readonly PublishedFigure[]
): AuditedNumber[] {
  if (movedOn.length === 0) return rows;
  const byId = new Map(claims.map((c) => [c.id, c]));
  return rows.map((n) => {
    const asked = n.status === "unreviewed" && n.part === "body" && reviewedKinds.includes(n.kind);
    const former = asked ? formerQuote(n, movedOn) : undefined;
    return former ? {...n, superseded: supersededReason(former, byId.get(former.claim))} : n;
  });
}

/**
 * The reason an ignore row gives for a number that a published figure quoted before it moved on,
 * naming the claim, the explainer and what the claim cites now (`now`, when the ledger still quotes it).
 */
export function supersededReason(former: PublishedFigure, now: Claim | undefined): string {
  const quoted = `Superseded: claim ${former.claim} quoted this figure when ${former.explainer} was published on ${formatDate(former.date)}`;
  if (!now) return `${quoted}, and has moved on since.`;
  return `${quoted}; it now cites ${now.label} from ${now.source === former.source ? "this source" : now.source}.`;
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

/** The line (1-based) a source file's body starts on, from the file's text. */
export function bodyLineOf(fileText: string, body: string): number {
  const head = fileText.endsWith(body) ? fileText.slice(0, fileText.length - body.length) : "";
  return countNewlines(head, head.length) + 1;
}
