/**
 * What a page directive (`::: name args`, loaders/blocks.ts) is and what it gets: the page's view of
 * the story, the page being parsed (loaders/prose.ts makes its scan), and the directive's arguments
 * and place.
 */
import type {Claim} from "../src/components/claim.ts";
import type {Citations, Citation} from "./citations.ts";
import type {Correction} from "./corrections.ts";
import type {KitError} from "./errors.ts";
import type {PageLink} from "./page-links.ts";
import type {Source} from "./sources.ts";
import type {Stage, StagedChart, StagedExplainer} from "./stage-model.ts";

/** What the pages read of the stage, with lookups by id. */
export interface PageStory {
  claimsById: ReadonlyMap<string, Claim>;
  sourcesById: ReadonlyMap<string, Source>;
  charts: Readonly<Record<string, StagedChart>>;
  explainers: readonly StagedExplainer[];
  corrections: readonly Correction[];
}

const stories = new WeakMap<object, PageStory>();

/** The page's view of a stage (made once per stage object). */
export function pageStory(
  stage: Pick<Stage, "claims" | "sources" | "charts" | "explainers" | "corrections">
): PageStory {
  let story = stories.get(stage);
  if (!story) {
    story = {
      claimsById: new Map(stage.claims.map((c) => [c.id, c])),
      sourcesById: new Map(stage.sources.map((s) => [s.id, s])),
      charts: stage.charts,
      explainers: stage.explainers,
      corrections: stage.corrections
    };
    stories.set(stage, story);
  }
  return story;
}

/** What a directive's check and render get: the story, the page, and the directive's arguments and place. */
export interface BlockContext {
  root: string;
  story: PageStory;
  claims: ReadonlyMap<string, Claim>;
  /** The page's front matter. */
  data: Record<string, unknown>;
  /** The page being parsed: its citations, charts and problems so far. */
  scan: PageScan;
  /** Leave draft explainers out of lists (in `npm run build`). */
  omitDrafts?: boolean;
  args: string[];
  /** Where the directive is, for messages: `src/explainers/x.md:12`. */
  place: {file: string; line: number};
  /** Citations made for this directive during parsing (for directives that cite). */
  cited: Citation[];
}

/** A block directive: `check` runs while parsing (to validate and cite), `render` makes its HTML. */
export interface Block {
  check?(context: BlockContext): void;
  render(context: BlockContext): string;
}

/** What one parse of a page leaves in markdown-it's `env.explainer`. */
export interface PageScan {
  file: string;
  /** The page's front matter as Framework read it (for the directives). */
  data: Record<string, unknown>;
  citations: Citations;
  /** Charts placed with `::: chart`, in order. */
  charts: string[];
  /** Figures the page shows with no marker (in a heading, or as `{id.label}`): it must cite each elsewhere. */
  unmarked: {written: string; id: string; line: number; why: string}[];
  /** The page's links, Markdown and HTML, for the stage's check of links within the site (loaders/page-links.ts). */
  links: PageLink[];
  problems: KitError[];
}
