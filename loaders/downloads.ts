/**
 * What readers download: one CSV per chart (the claims it shows, with each place's coordinates on
 * maps) and one per explainer (the figures the page cites). Every cell is neutralized against
 * spreadsheet formulas (loaders/csv-safe.ts).
 */
import type {Claim} from "../src/components/claim.ts";
import {formatDate} from "../src/components/chart-text.ts";
import type {ChartData} from "../src/components/charts/types.ts";
import type {Correction} from "./corrections.ts";
import {claimColumns, claimRow} from "./claims.ts";
import {downloadCsv} from "./csv-safe.ts";
import type {RenderedChart} from "./render-charts.ts";

/** Columns of a chart's CSV download: the claims it shows, with where each comes from. */
export const chartCsvColumns = [
  "chart",
  "id",
  "measure",
  "label",
  "figure",
  "value",
  "lower",
  "upper",
  "qualifier",
  "attribution",
  "as_of",
  "place",
  "latitude",
  "longitude",
  "source_title",
  "published",
  "quote"
] as const;

/** One chart's data as rows of its CSV download. */
export function chartRows(id: string, chart: Pick<RenderedChart, "claims">, data: ChartData): Record<string, string>[] {
  const claims = new Map<string, Claim>(data.claims.map((c) => [c.id, c]));
  const places = new Map(data.places.map((p) => [p.name, p]));
  const cell = (v: number | null) => (v === null ? "" : String(v));
  return chart.claims.flatMap((claimId) => {
    const c = claims.get(claimId);
    if (!c) return [];
    const place = places.get(c.place);
    return [
      {
        chart: id,
        id: c.id,
        measure: c.measure,
        label: c.label,
        figure: c.figure,
        value: cell(c.value),
        lower: cell(c.lower),
        upper: cell(c.upper),
        qualifier: c.qualifier,
        attribution: c.attribution,
        as_of: c.as_of,
        place: c.place,
        latitude: place ? String(place.latitude) : "",
        longitude: place ? String(place.longitude) : "",
        source_title: c.source_title,
        published: c.published,
        quote: c.quote
      }
    ];
  });
}

/** A chart's CSV download. */
export function chartCsv(rows: Record<string, string>[]): string {
  return downloadCsv(rows, chartCsvColumns);
}

/** Columns of an explainer's CSV download: the normalized ledger's, then the figure's log. */
export const explainerCsvColumns = [...claimColumns, "updated", "log"] as const;

/**
 * An explainer's CSV download: the claims it shows, in the normalized ledger's columns, each with
 * its log on this explainer: `updated`, the day of its newest update or correction, and `log`, every
 * one of them, newest first ("Updated 8 March 2022: …; Corrected 4 March 2022: …").
 */
export function explainerCsv(claims: Claim[], log: readonly Correction[] = []): string {
  const rows = claims.map((claim) => {
    const entries = log
      .filter((c) => c.claim === claim.id)
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    return {
      ...claimRow(claim),
      updated: entries[0]?.date ?? "",
      log: entries
        .map((c) => `${c.kind === "update" ? "Updated" : "Corrected"} ${formatDate(c.date)}: ${c.change}`)
        .join("; ")
    };
  });
  return downloadCsv(rows, explainerCsvColumns);
}
