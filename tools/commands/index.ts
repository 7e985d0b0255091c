/**
 * Every command of `npx explainer`, by name: its usage and summary, and the module that runs it,
 * loaded only when the command runs (so `--help` and quick commands start at once).
 */
import type {Effects} from "../effects.ts";

/** A command's entry point: its arguments and the world it may change. */
export type Run = (args: string[], effects: Effects) => Promise<void>;

/** A command: what it takes, what it does, and how to load it. */
export interface Command {
  usage: string;
  summary: string;
  load: () => Promise<Run>;
}

export const commands: Record<string, Command> = {
  new: {
    usage: 'SLUG --title "…" [--standfirst "…"] [--byline "…"] [--draft]',
    summary: "start an explainer: writes src/explainers/SLUG.md, which passes check and builds as it is",
    load: async () => (await import("./new.ts")).run
  },
  "add-source": {
    usage: "FILE",
    summary: "archive a raw article as data/sources/<published>-<slug>.md (publisher and url left empty)",
    load: async () => (await import("./add-source.ts")).run
  },
  numbers: {
    usage: "FILE...",
    summary: "print every number in archived sources or raw articles as CSV (offsets, figure, kind, unit, sentence)",
    load: async () => (await import("./numbers.ts")).run
  },
  claim: {
    usage: "SOURCE START",
    summary: "print a draft data/claims.csv row for the number at offset START of a source's body",
    load: async () => (await import("./claim.ts")).run
  },
  check: {
    usage: "",
    summary:
      "verify sources, ledger, charts and pages; report per explainer and per source; print each problem as FILE:LINE: CODE: message",
    load: async () => (await import("./check.ts")).run
  },
  charts: {
    usage: "[--out DIR]",
    summary:
      "write every chart the stage rendered to DIR/<id>-narrow.svg and DIR/<id>-wide.svg (DIR: .explainer/charts); a bad spec keeps its last good files",
    load: async () => (await import("./charts.ts")).run
  },
  refresh: {
    usage: "[NAME...] [--force] [--json]",
    summary: "re-run the story stage and the data loaders whose inputs changed (or those named, or all with --force) and report what changed",
    load: async () => (await import("./refresh.ts")).run
  },
  dev: {
    usage: "[--port 3000]",
    summary:
      "serve the explainers and the chart editor on http://127.0.0.1:3000, and update open pages as data/ and src/ change",
    load: async () => (await import("./dev.ts")).run
  },
  build: {
    usage: "",
    summary: "verify the story, refresh, and build the site into dist/ (the last good dist/ is kept on failure)",
    load: async () => (await import("./build.ts")).run
  },
  vendor: {
    usage: "",
    summary: "bundle the npm: modules Framework's client needs (d3-dsv) from node_modules, so no CDN is needed",
    load: async () => (await import("./vendor.ts")).run
  }
};
