/**
 * What the stage makes (loaders/stage.ts): the verified story of `story.json`, its charts as
 * rendered and its explainers as read, with what the living figures' check found
 * (loaders/living.ts), and the views of it that more than one consumer needs.
 */
import type {Claim} from "../src/components/claim.ts";
import type {MapPlace} from "../src/components/charts/types.ts";
import type {AuditedNumber} from "./audit.ts";
import type {Correction} from "./corrections.ts";
import type {Explainer} from "./explainers.ts";
import type {PublishedFigure} from "./published.ts";
import type {RenderedChart} from "./render-charts.ts";
import type {FigurePlace, Review} from "./reviews.ts";
import type {Source} from "./sources.ts";

/** The format of `story.json`; a stage written by another version is recomputed. */
export const stageVersion = 5;

/** A chart as the stage rendered it: both SVGs, its texts, and the rows of its CSV download. */
export interface StagedChart extends RenderedChart {
  id: string;
  /** `data/charts/<id>.json`. */
  file: string;
  type: string;
  /** Hash of what the drawing depends on (spec, the claims and places it names, the kit's code). */
  key: string;
  /** Its CSV download, one row per claim it shows. */
  rows: Record<string, string>[];
  /** Its text fields that name a claim (placeholders, annotations on a claim): places to review when the claim changes. */
  mentions?: ChartMention[];
}

/** An explainer as the stage read it: its front matter and what its page cites. */
export interface StagedExplainer extends Omit<Explainer, "text" | "allow"> {
  /** Claims cited on the page, in order of first use (prose, standfirst, cards). */
  claims: string[];
  /** Charts placed on the page, in order. */
  charts: string[];
  /** Sources of the cited claims and of the claims its charts show, in order of first use. */
  sources: string[];
  /** Its corrections and updates, newest first. */
  corrections: Correction[];
  /** The newest `as_of` of the figures it shows, or "" when it cites none. */
  asOf: string;
  /** The lines of its page that cite each claim (prose, standfirst, cards). */
  places?: CitedLine[];
}

/** What kind of place cites a figure: a sentence, the standfirst (front matter), figure cards, a chart's text. */
export type PlaceKind = "prose" | "standfirst" | "cards" | "chart";

/** A line of an explainer's page that cites a claim. */
export interface CitedLine {
  claim: string;
  line: number;
  kind: Exclude<PlaceKind, "chart">;
}

/** A text field of a chart spec that names a claim: a `{claim}` placeholder, or an annotation on the claim. */
export interface ChartMention {
  field: string;
  claim: string;
}

/** A figure as the record or the ledger has it. */
export interface FigureState {
  label: string;
  as_of: string;
  source: string;
  hash: string;
}

/** One place that cites a changed figure. */
export interface ChangedPlace {
  place: FigurePlace;
  kind: PlaceKind;
  reviewed: boolean;
}

/** A published figure that changed: the explainer, the claim, before and after, where it is cited, and its entries. */
export interface FigureChange {
  explainer: string;
  claim: string;
  /** As published, with the day of that publish and how many entries were about it then. */
  before: FigureState & {date: string; logged: number};
  after: FigureState;
  places: ChangedPlace[];
  /** The log's entries about it made since it was published (the update or correction it needs). */
  entries: Correction[];
}

/** The verified story: what every consumer reads. */
export interface Stage {
  version: typeof stageVersion;
  /** The hash of the inputs this story was made from. */
  inputs: string;
  sources: Source[];
  claims: Claim[];
  places: MapPlace[];
  charts: Record<string, StagedChart>;
  /**
   * The charts whose spec does not draw now: `charts` keeps their last good drawing, which the pages
   * show under `npm run dev`; `check` counts them as not drawn and their pages as placing no chart.
   */
  failedCharts: string[];
  explainers: StagedExplainer[];
  corrections: Correction[];
  numbers: AuditedNumber[];
  /** The publish record (`data/published.csv`), or null when nothing was published with `explainer publish`. */
  published: PublishedFigure[] | null;
  /** The reviews of changed figures (`data/reviews.csv`). */
  reviews: Review[];
  /** The published figures that changed since, with their places and entries (loaders/living.ts). */
  changes: FigureChange[];
  /** The site's name, from the home page's `site_name` (loaders/explainers.ts: `siteNameOf`). */
  siteName: string;
}

/** The charts that draw now: `charts` without the {@link Stage.failedCharts} whose last good drawing it keeps. */
export function drawnCharts(
  charts: Readonly<Record<string, StagedChart>>,
  failed: readonly string[]
): Record<string, StagedChart> {
  return Object.fromEntries(Object.entries(charts).filter(([id]) => !failed.includes(id)));
}

/** The claims an explainer shows: those it cites, then those its charts draw. */
export function shownClaims(
  explainer: Pick<StagedExplainer, "claims" | "charts">,
  charts: Readonly<Record<string, Pick<StagedChart, "claims">>>
): string[] {
  return [...new Set([...explainer.claims, ...explainer.charts.flatMap((id) => charts[id]?.claims ?? [])])];
}
