/**
 * Freshness: how old the newest figure of each measure an explainer shows is, against the
 * explainer's `maxAgeDays`. Browser-safe and pure (today is passed in): `explainer check` warns with
 * it (the command's clock) and the audit page lists stale measures with it (the reader's clock).
 */
import {formatDate} from "./chart-text.js";

/** The newest figure of one measure on one explainer. */
export interface MeasureFreshness {
  measure: string;
  /** The newest `as_of` of its figures (ISO). */
  asOf: string;
  /** The ids of its figures on the page. */
  claims: string[];
}

/** An explainer's measures, as the stage output `data/freshness.json` gives them. */
export interface ExplainerFreshness {
  slug: string;
  title: string;
  /** `src/explainers/<slug>.md`. */
  file: string;
  /** Its front matter's `maxAgeDays`, or null when it sets none. */
  maxAgeDays: number | null;
  measures: MeasureFreshness[];
}

/** A measure whose newest figure is older than its explainer allows. */
export interface StaleMeasure extends MeasureFreshness {
  explainer: string;
  title: string;
  file: string;
  maxAgeDays: number;
  /** Days from `asOf` to today. */
  ageDays: number;
}

/** Each measure of the figures shown, with its newest `as_of`, in order of first appearance. */
export function measuresOf(claims: readonly {id: string; measure: string; as_of: string}[]): MeasureFreshness[] {
  const out = new Map<string, MeasureFreshness>();
  for (const c of claims) {
    const m = out.get(c.measure) ?? {measure: c.measure, asOf: "", claims: []};
    if (c.as_of > m.asOf) m.asOf = c.as_of;
    m.claims.push(c.id);
    out.set(c.measure, m);
  }
  return [...out.values()];
}

/** Whole days from one ISO date to another (UTC). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The measures older than their explainer's `maxAgeDays` on `today` (ISO), oldest first.
 *
 * ```ts
 * staleMeasures(explainers, "2026-11-25"); // [{explainer: "refugees", measure: "refugees", ageDays: 1728, …}]
 * ```
 */
export function staleMeasures(explainers: readonly ExplainerFreshness[], today: string): StaleMeasure[] {
  const stale: StaleMeasure[] = [];
  for (const e of explainers) {
    if (e.maxAgeDays === null) continue;
    for (const m of e.measures) {
      const ageDays = daysBetween(m.asOf, today);
      if (ageDays > e.maxAgeDays) {
        stale.push({...m, explainer: e.slug, title: e.title, file: e.file, maxAgeDays: e.maxAgeDays, ageDays});
      }
    }
  }
  return stale.sort((a, b) => b.ageDays - a.ageDays || a.explainer.localeCompare(b.explainer));
}

/** What `check` and the audit page say of a stale measure. */
export function staleText(s: StaleMeasure): string {
  return `${s.measure}: the newest figure is as of ${formatDate(s.asOf)}, ${s.ageDays.toLocaleString("en-US")} days before today (maxAgeDays: ${s.maxAgeDays})`;
}

/**
 * The audit page's list of stale measures: each with its explainer, the date of its newest figure
 * and how old it is on `today`; a sentence saying so when none is stale. Text is set with
 * textContent only.
 */
export function freshnessView(
  explainers: readonly ExplainerFreshness[],
  {today = new Date().toISOString().slice(0, 10)}: {today?: string} = {}
): HTMLElement {
  const section = document.createElement("section");
  section.className = "freshness";
  const stale = staleMeasures(explainers, today);
  const watched = explainers.filter((e) => e.maxAgeDays !== null).length;
  const summary = document.createElement("p");
  summary.className = "freshness-summary";
  summary.textContent = stale.length
    ? `${stale.length} measure${stale.length === 1 ? "" : "s"} older than ${stale.length === 1 ? "its" : "their"} explainer allows, on ${formatDate(today)}:`
    : watched
      ? `No stale measure on ${formatDate(today)}: every measure of the ${watched} explainer${watched === 1 ? "" : "s"} with a maxAgeDays is recent enough.`
      : "No explainer sets maxAgeDays, so no measure is checked for age.";
  section.append(summary);
  if (stale.length) {
    const list = document.createElement("ul");
    list.className = "freshness-stale";
    for (const s of stale) {
      const item = document.createElement("li");
      item.dataset.explainer = s.explainer;
      item.dataset.measure = s.measure;
      const title = document.createElement("strong");
      title.textContent = s.title;
      item.append(title, `: ${staleText(s)}`);
      list.append(item);
    }
    section.append(list);
  }
  return section;
}
