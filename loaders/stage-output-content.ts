/**
 * What each of the stage's outputs holds (loaders/stage-outputs.ts says which there are and writes
 * them): made from the story, the same bytes for the same story. Loaded only when an output has to
 * be made, since it pulls in the modules of every output.
 */
import {readFile} from "node:fs/promises";
import {csvFormat} from "d3-dsv";
import {claimColumns, claimRow} from "./claims.ts";
import {downloadCsv} from "./csv-safe.ts";
import {chartCsv, explainerCsv} from "./downloads.ts";
import {measuresOf, type ExplainerFreshness} from "../src/components/freshness.ts";
import {shownClaims, type Stage} from "./stage-model.ts";
import type {StageOutputName} from "./stage-read.ts";
import {auditColumns} from "./audit.ts";
import {numberCells} from "./number-rows.ts";
import {baseMapFile} from "./places.ts";
import {placeText} from "./reviews.ts";

/** A zip of CSVs, its members' dates fixed so that the same story gives the same bytes. */
async function zipOf(files: [name: string, text: string][]): Promise<Uint8Array> {
  const {default: JSZip} = await import("jszip");
  const zip = new JSZip();
  for (const [name, text] of files) zip.file(name, text, {date: new Date("2000-01-01T00:00:00Z")});
  return zip.generateAsync({type: "uint8array", compression: "DEFLATE"});
}

/** Each published explainer's measures with their newest figure's date, and its `maxAgeDays`. */
export function explainersFreshness(stage: Pick<Stage, "claims" | "charts" | "explainers">): ExplainerFreshness[] {
  const byId = new Map(stage.claims.map((c) => [c.id, c]));
  return stage.explainers
    .filter((e) => !e.draft)
    .map((e) => ({
      slug: e.slug,
      title: e.title,
      file: e.file,
      maxAgeDays: e.maxAgeDays ?? null,
      measures: measuresOf(shownClaims(e, stage.charts).flatMap((id) => byId.get(id) ?? []))
    }));
}

let topology: string | undefined;

/**
 * The topology of the base map (the same file the charts draw from) as JSON text, for the editor,
 * which turns it into land in the browser: read once per process (it is large, and the same on every
 * run); `null` when it cannot be read.
 */
async function countries(): Promise<string> {
  if (topology !== undefined) return topology;
  try {
    const text = await readFile(baseMapFile(), "utf-8");
    JSON.parse(text);
    return (topology = text.trim());
  } catch {
    return (topology = "null");
  }
}

/**
 * Every stage output by its name in the site. Zips are served member by member:
 * `data/download/charts.zip` gives `data/download/charts/<id>.csv`.
 */
export const stageOutputs: Record<
  StageOutputName,
  (stage: Stage, root: string) => Promise<string | Uint8Array> | string
> = {
  /** The normalized ledger (every verified claim, with its label and the quote's offsets). */
  "data/claims.csv": (stage) => csvFormat(stage.claims.map(claimRow), [...claimColumns]) + "\n",
  /** The archived sources' metadata. */
  "data/sources.csv": (stage) =>
    csvFormat(stage.sources, ["id", "title", "byline", "published", "publisher", "url", "archived"]) + "\n",
  /** Every number of every source with its status, for the audit page (public: neutralized). */
  "data/numbers.csv": (stage) => downloadCsv(stage.numbers.map(numberCells), auditColumns),
  /** The figures computed from datasets, with their dataset, query, result and rule, for the audit page (public: neutralized). */
  "data/computed.csv": (stage) =>
    downloadCsv(
      stage.claims.flatMap((c) =>
        c.computed
          ? [
              {
                claim: c.id,
                label: c.label,
                dataset: c.computed.dataset_title || c.computed.dataset,
                dataset_sha256: c.computed.dataset_sha256,
                query_file: c.computed.query_file,
                result: String(c.computed.result),
                rule: c.computed.rule
              }
            ]
          : []
      ),
      ["claim", "label", "dataset", "dataset_sha256", "query_file", "result", "rule"]
    ),
  /**
   * Each source's id, title, published date and body, which the audit page marks up, and the
   * published explainers that cite it (a draft's title stays off the site).
   */
  "data/audit-texts.json": (stage) =>
    JSON.stringify(
      stage.sources.map(({id, title, published, body}) => ({
        id,
        title,
        published,
        body,
        explainers: stage.explainers
          .filter((e) => !e.draft && e.sources.includes(id))
          .map(({slug, title}) => ({slug, title}))
      }))
    ) + "\n",
  /** What the chart editor checks and draws with: chart ids, claims, places and the base map's topology. */
  "data/chart-data.json": async (stage) =>
    JSON.stringify({charts: Object.keys(stage.charts).sort(), claims: stage.claims, places: stage.places}).slice(
      0,
      -1
    ) + `,"countries":${await countries()}}\n`,
  /** The chart spec's JSON Schema, which the editor builds its form from. */
  "data/chart-schema.json": async () =>
    JSON.stringify((await import("../src/components/chart-spec.ts")).chartJsonSchema(), null, 2) + "\n",
  /** Each explainer's figures with their log of updates and corrections, `data/download/claims/<slug>.csv`. */
  "data/download/claims.zip": (stage) => {
    const byId = new Map(stage.claims.map((c) => [c.id, c]));
    return zipOf(
      stage.explainers.map((e) => {
        const shown = shownClaims(e, stage.charts).flatMap((id) => byId.get(id) ?? []);
        return [`${e.slug}.csv`, explainerCsv(shown, e.corrections)];
      })
    );
  },
  /** Each explainer's measures with their newest figure's date and its `maxAgeDays`, for the audit page's stale list. */
  "data/freshness.json": (stage) => JSON.stringify(explainersFreshness(stage)) + "\n",
  /** The published figures that changed since, with their places and whether each is reviewed (loaders/living.ts). */
  "data/changes.json": (stage) =>
    JSON.stringify(
      (stage.changes ?? []).map((c) => ({
        explainer: c.explainer,
        claim: c.claim,
        before: c.before.label,
        after: c.after.label,
        hash: c.after.hash,
        published: c.before.date,
        places: c.places.map((p) => ({place: placeText(p.place), kind: p.kind, reviewed: p.reviewed})),
        entry: c.entries[0]?.kind ?? ""
      }))
    ) + "\n",
  /** Each chart's data, `data/download/charts/<id>.csv`. */
  "data/download/charts.zip": (stage) =>
    zipOf(Object.values(stage.charts).map((chart) => [`${chart.id}.csv`, chartCsv(chart.rows)]))
};
