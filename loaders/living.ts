/**
 * Living figures: what changed since readers last saw each explainer, and what the desk owes them
 * for it. Pure: the stage (loaders/stage-compute.ts) gives it the verified story, the publish record
 * (loaders/published.ts), the reviews (loaders/reviews.ts) and the corrections log, and gets back
 *
 * - the changes: every figure an explainer published whose claim's content hash differs from the
 *   record, with every place that cites it (page lines, chart texts) and whether each is reviewed,
 *   and the new log entries that answer for it;
 * - the problems: FIGURE_CHANGED per place not reviewed (blocking), UPDATE_MISSING per change with no
 *   update or correction (a warning that `publish` refuses), UPDATE_WITHOUT_CHANGE for a new entry
 *   about a figure that did not change, REVIEW_NOT_CITED for a review of a place that does not cite
 *   its claim.
 *
 * The commands `review`, `update` and `publish` act on the changes the stage stored; their shapes
 * (`FigureChange` and its places) are part of the stage's model, loaders/stage-model.ts.
 */
import {capitalize, formatDate} from "../src/components/chart-text.ts";
import {attributionOf, type Claim} from "../src/components/claim.ts";
import {correctionsFile, type Correction} from "./corrections.ts";
import {KitError} from "./errors.ts";
import {figureHash, publishedFile, type PublishedFigure} from "./published.ts";
import {placeText, reviewsFile, type FigurePlace, type Review} from "./reviews.ts";
import {stageProblem, type StageProblem} from "./stage-problems.ts";
import {
  shownClaims,
  type ChangedPlace,
  type ChartMention,
  type CitedLine,
  type FigureChange,
  type FigureState,
  type PlaceKind,
  type StagedChart,
  type StagedExplainer
} from "./stage-model.ts";

/** Codes that `check` reports as warnings and `publish` refuses. */
export const publishBlockingCodes: readonly string[] = ["UPDATE_MISSING"];

/** The problems that stop `npx explainer publish`: blocking ones, and a changed figure with no entry. */
export function publishProblems(problems: readonly StageProblem[]): StageProblem[] {
  return problems.filter((p) => p.blocking || publishBlockingCodes.includes(p.code));
}

/** Whether a page line's text is where a directive cites: `::: standfirst`, `::: cards …`. */
function kindOfLine(text: string | undefined): CitedLine["kind"] {
  const m = /^\s*:::[ \t]*([a-z][a-z-]*)/.exec(text ?? "");
  return m?.[1] === "standfirst" ? "standfirst" : m?.[1] === "cards" ? "cards" : "prose";
}

/**
 * The lines of a page that cite each claim, from its citations (loaders/citations.ts), one per
 * claim and line. A citation made by `::: standfirst` is placed on the front matter's `standfirst:`
 * line, where its words are.
 *
 * ```ts
 * citedLines(explainer.text, scan.citations.entries().flatMap((e) => e.citations));
 * ```
 */
export function citedLines(text: string, citations: readonly {claim: string; line?: number}[]): CitedLine[] {
  const lines = text.split("\n");
  const standfirst = lines.findIndex((l) => /^standfirst:/.test(l)) + 1;
  const seen = new Set<string>();
  const out: CitedLine[] = [];
  for (const {claim, line} of citations) {
    if (line === undefined) continue;
    const kind = kindOfLine(lines[line - 1]);
    const at = kind === "standfirst" && standfirst > 0 ? standfirst : line;
    const key = `${claim}\0${at}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({claim, line: at, kind});
  }
  return out;
}

/**
 * The text fields of a chart spec that name a claim: `{claim}` or `{claim.field}` placeholders in
 * any text, and the text of an annotation anchored on the claim.
 */
export function chartMentions(
  fields: readonly [field: string, text: string][],
  annotations: readonly {on?: {claim?: string}}[] = []
): ChartMention[] {
  const out: ChartMention[] = [];
  const add = (field: string, claim: string) => {
    if (!out.some((m) => m.field === field && m.claim === claim)) out.push({field, claim});
  };
  for (const [field, text] of fields) {
    for (const m of text.matchAll(/\{([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.[a-z_]+)?\}/g)) add(field, m[1]);
  }
  annotations.forEach((a, i) => {
    if (a.on?.claim) add(`annotations[${i}].text`, a.on.claim);
  });
  return out;
}

/** "more than 800,000 → 1 million", or what changed when the label did not. */
export function describeChange(before: FigureState, after: FigureState): string {
  if (before.label !== after.label) return `${before.label} → ${after.label}`;
  const parts: string[] = [];
  if (before.as_of !== after.as_of) parts.push(`as of ${formatDate(before.as_of)} → ${formatDate(after.as_of)}`);
  if (before.source !== after.source) parts.push(`source ${before.source} → ${after.source}`);
  return `${after.label} (${parts.length ? parts.join("; ") : "its quote, attribution, measure or place changed"})`;
}

const advice: Record<PlaceKind, string> = {
  prose: "review the sentence",
  standfirst: "review the standfirst",
  cards: "review the figure cards",
  chart: "review the text"
};

/** The FIGURE_CHANGED problem of one place. */
export function figureChangedError(change: FigureChange, place: ChangedPlace): KitError {
  const what = `${change.claim}: ${describeChange(change.before, change.after)}; ${advice[place.kind]}`;
  if ("line" in place.place)
    return new KitError("FIGURE_CHANGED", what, {file: place.place.file, line: place.place.line});
  // As the issue words it: the chart's file, the code, then the field.
  return new KitError("FIGURE_CHANGED", `${place.place.field}: ${what}`, {file: place.place.file});
}

/** Everything the comparison needs, from the stage. */
export interface LivingInput {
  explainers: readonly StagedExplainer[];
  charts: Readonly<Record<string, StagedChart>>;
  claims: ReadonlyMap<string, Claim>;
  /** The record, or null when nothing was published with `explainer publish` yet. */
  record: readonly PublishedFigure[] | null;
  reviews: readonly Review[];
  corrections: readonly Correction[];
}

const sameKey = (a: FigurePlace, b: FigurePlace) => placeText(a) === placeText(b);

/**
 * The reviews whose place no longer cites their claim (lines moved when the page was edited above
 * it, say): REVIEW_NOT_CITED, and `review` or **Mark reviewed** drop them when they write the file.
 */
export function staleReviews({
  explainers,
  charts,
  reviews
}: Pick<LivingInput, "explainers" | "charts" | "reviews">): Review[] {
  const cites = ({place, claim}: Review) =>
    "line" in place
      ? explainers.some(
          (e) => e.file === place.file && (e.places ?? []).some((p) => p.claim === claim && p.line === place.line)
        )
      : Object.values(charts).some(
          (c) => c.file === place.file && (c.mentions ?? []).some((m) => m.claim === claim && m.field === place.field)
        );
  return reviews.filter((r) => !cites(r));
}

/**
 * The record's figures that a published explainer no longer shows (taken off its page and charts, or
 * out of the ledger): readers saw them, and the next publish drops them from the record.
 */
export function removedFigures({
  explainers,
  charts,
  claims,
  record
}: Pick<LivingInput, "explainers" | "charts" | "claims" | "record">): PublishedFigure[] {
  return explainers
    .filter((e) => !e.draft)
    .flatMap((e) => {
      const shown = new Set(shownClaims(e, charts));
      return (record ?? []).filter(
        (r) => r.explainer === e.slug && r.claim !== "" && (!claims.has(r.claim) || !shown.has(r.claim))
      );
    });
}

/** Compares the story with the record: the changes and their problems (see the module's comment). */
export function compareWithRecord(input: LivingInput): {changes: FigureChange[]; problems: StageProblem[]} {
  const {explainers, charts, claims, record, reviews, corrections} = input;
  const changes: FigureChange[] = [];
  const problems: StageProblem[] = [];
  if (!record) return {changes, problems};
  const bySlug = new Map(explainers.map((e) => [e.slug, e]));
  const entriesOf = (explainer: string, claim: string) =>
    corrections.filter((c) => c.explainer === explainer && c.claim === claim).sort((a, b) => a.line - b.line);

  // Rows of explainers that no longer exist: dropped at the next publish.
  const gone = new Set<string>();
  for (const row of record) {
    if (bySlug.has(row.explainer) || gone.has(row.explainer)) continue;
    gone.add(row.explainer);
    const error = new KitError(
      "RECORD_UNKNOWN_EXPLAINER",
      `explainer "${row.explainer}" is not in src/explainers/; the next publish drops its rows`,
      {file: publishedFile, line: row.line}
    );
    problems.push(stageProblem(error, {project: true}, false));
  }

  for (const e of explainers) {
    if (e.draft) continue;
    const rows = record.filter((r) => r.explainer === e.slug && r.claim !== "");
    const shown = new Set(shownClaims(e, charts));
    for (const row of rows) {
      const claim = claims.get(row.claim);
      const entries = entriesOf(e.slug, row.claim);
      const fresh = entries.slice(row.logged);
      if (!claim || !shown.has(row.claim)) continue; // removed: see below
      const after = {label: claim.label, as_of: claim.as_of, source: claim.source, hash: figureHash(claim)};
      if (after.hash === row.hash) {
        for (const entry of fresh) {
          const error = new KitError(
            "UPDATE_WITHOUT_CHANGE",
            `${entry.kind} for "${row.claim}" on ${e.slug}, but the figure has not changed since it was published on ${formatDate(row.date)} (${row.label}); remove the entry`,
            {file: correctionsFile, line: entry.line}
          );
          problems.push(stageProblem(error, {explainer: e.slug}));
        }
        continue;
      }
      const reviewed = (place: FigurePlace) =>
        reviews.some((r) => r.claim === row.claim && r.hash === after.hash && sameKey(r.place, place));
      const places: ChangedPlace[] = [
        ...(e.places ?? [])
          .filter((p) => p.claim === row.claim)
          .map((p) => ({place: {file: e.file, line: p.line}, kind: p.kind as PlaceKind})),
        ...e.charts.flatMap((id) =>
          (charts[id]?.mentions ?? [])
            .filter((m) => m.claim === row.claim)
            .map((m) => ({place: {file: charts[id].file, field: m.field}, kind: "chart" as const}))
        )
      ]
        .filter((p, i, all) => all.findIndex((q) => sameKey(q.place, p.place)) === i)
        .map((p) => ({...p, reviewed: reviewed(p.place)}));
      const change: FigureChange = {
        explainer: e.slug,
        claim: row.claim,
        before: {
          label: row.label,
          as_of: row.as_of,
          source: row.source,
          hash: row.hash,
          date: row.date,
          logged: row.logged
        },
        after,
        places,
        entries: fresh
      };
      changes.push(change);
      for (const place of places) {
        if (place.reviewed) continue;
        const problem = stageProblem(figureChangedError(change, place), {explainer: e.slug});
        if (!problems.some((p) => p.message === problem.message)) problems.push(problem);
      }
      if (fresh.length === 0) {
        const error = new KitError(
          "UPDATE_MISSING",
          `${e.slug}: ${row.claim} changed since it was published on ${formatDate(row.date)} (${describeChange(row, after)}); readers need an update or a correction before the next publish: \`npx explainer update ${row.claim}\` drafts an update`,
          {file: correctionsFile}
        );
        problems.push(stageProblem(error, {explainer: e.slug}, false));
      }
    }
  }

  // Figures readers saw that an explainer no longer shows: the next publish drops them from the record, and says so.
  for (const row of removedFigures({explainers, charts, claims, record})) {
    const error = new KitError(
      "FIGURE_REMOVED",
      `${row.explainer} no longer shows ${row.claim}, published as ${row.label} on ${formatDate(row.date)}; the next publish drops it from the record: if readers should know why, add an entry with no claim to ${correctionsFile}`,
      {file: publishedFile, line: row.line}
    );
    problems.push(stageProblem(error, {explainer: row.explainer}, false));
  }

  // A review names a place that cites its claim.
  for (const review of staleReviews({explainers, charts, reviews})) {
    const elsewhere = changes
      .filter((c) => c.claim === review.claim)
      .flatMap((c) => c.places.map((p) => placeText(p.place)));
    const hint = elsewhere.length
      ? `; it is cited at ${[...new Set(elsewhere)].join(", ")}: \`npx explainer review\` of those places drops this row`
      : "; remove the row, or review the place that FIGURE_CHANGED names";
    const error = new KitError(
      "REVIEW_NOT_CITED",
      `${placeText(review.place)} does not cite "${review.claim}"${hint}`,
      {file: reviewsFile, line: review.line}
    );
    problems.push(stageProblem(error, {project: true}));
  }
  return {changes, problems};
}

/**
 * The entry `npx explainer update` drafts for a change: today's date, the old and new labels, and
 * where the new figure comes from. A correction (`why` given) says what was wrong instead.
 *
 * ```ts
 * draftEntry(change, claim, "2026-11-25");
 * // {explainer, date: "2026-11-25", kind: "update", claim: "refugees",
 * //  change: "Refugees: more than 800,000 → 1 million, as of 3 March 2022 (UNHCR, in “…”)."}
 * ```
 */
export function draftEntry(
  change: Pick<FigureChange, "explainer" | "claim" | "before">,
  claim: Claim,
  today: string,
  why?: string
): Omit<Correction, "line"> {
  const source = claim.source_title ? `, in “${claim.source_title}”` : "";
  const text =
    why === undefined
      ? `${capitalize(claim.measure)}: ${change.before.label} → ${claim.label}, as of ${formatDate(claim.as_of)} (${attributionOf(claim)}${source}).`
      : `${capitalize(claim.measure)}: an earlier version gave ${change.before.label}; the figure is ${claim.label} (${attributionOf(claim)}${source}). ${why.trim()}`;
  return {
    explainer: change.explainer,
    date: today,
    kind: why === undefined ? "update" : "correction",
    claim: claim.id,
    change: text
  };
}
