/**
 * Starting a chart in the browser: the first spec of a new chart from a type, a title and the
 * claims picked (or every claim of a measure, for a chart of it over time), and the checks on the
 * new id (a slug, not taken). Pure: the editor builds its dialog around these.
 */
import {geoContains} from "d3";
import type {ChartData} from "../chart.ts";
import {claimsById, type Claim} from "../claim.js";

/** The grammar of a chart id: the file name of `data/charts/<id>.json`. */
export const chartIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What the "New chart" dialog asks for. */
export interface NewChart {
  type: string;
  id: string;
  title: string;
  /** Claim ids, in order. */
  claims: string[];
}

/** The problem with a new chart's id, or null: a slug that names no chart yet. */
export function newIdProblem(id: string, existing: readonly string[]): string | null {
  if (id === "") return "Name the chart: lower-case letters, digits and hyphens, as in refugees-over-time.";
  if (!chartIdPattern.test(id)) return `"${id}" is not a slug: use lower-case letters, digits and single hyphens.`;
  if (existing.includes(id)) return `A chart "${id}" exists already: choose another id, or open it from the list.`;
  return null;
}

/** The claims of one measure, oldest first: a chart of that measure over time starts with them all. */
export function claimsOfMeasure(measure: string, claims: readonly Claim[]): string[] {
  return claims
    .filter((c) => c.measure === measure)
    .sort((a, b) => a.as_of.localeCompare(b.as_of))
    .map((c) => c.id);
}

/** A round unit for a unit chart: a power of ten that keeps the squares at most 3,000. */
export function unitFor(claims: readonly Claim[]): number {
  const total = claims.reduce((n, c) => n + (c.upper ?? c.value), 0);
  return 10 ** Math.max(0, Math.ceil(Math.log10(Math.max(1, total / 3000))));
}

/**
 * The first spec of a new chart: the type's required fields filled from the claims (a unit for a
 * unit chart; places and the country holding the first of them for a map). The editor checks it
 * like any spec and shows what is left to fill in.
 *
 * ```ts
 * newChartSpec({type: "reported", id: "x", title: "Refugees as reported", claims: claimsOfMeasure("refugees", data.claims)}, data);
 * ```
 */
export function newChartSpec(chart: NewChart, data: ChartData): Record<string, unknown> {
  const byId = claimsById(data.claims);
  const claims = chart.claims.flatMap((id) => byId.get(id) ?? []);
  const spec: Record<string, unknown> = {type: chart.type, title: chart.title, claims: chart.claims};
  if (chart.type === "units") {
    spec.claims = chart.claims.slice(0, 6);
    spec.unit = unitFor(claims.slice(0, 6));
  }
  if (chart.type === "map") {
    const places = [...new Set(claims.map((c) => c.place))].filter((p) => data.places.some((q) => q.name === p));
    spec.places = places;
    spec.claims = claims.filter((c) => places.includes(c.place)).map((c) => c.id);
    const first = data.places.find((p) => p.name === places[0]);
    const country =
      first && data.land?.countries.features.find((f) => geoContains(f, [first.longitude, first.latitude]));
    spec.focus = country?.properties.name ?? "";
  }
  return spec;
}
