/**
 * Every command of `npx explainer`, by name: its usage and summary (tools/commands/commands.json,
 * which `bin/explainer.js` prints for `--help` without loading any TypeScript), and the module that
 * runs it, loaded only when the command runs.
 */
import type {Effects} from "../effects.ts";
import table from "./commands.json" with {type: "json"};

/** A command's entry point: its arguments and the world it may change. */
export type Run = (args: string[], effects: Effects) => Promise<void>;

/** A command: what it takes, what it does, and how to load it. */
export interface Command {
  usage: string;
  summary: string;
  load: () => Promise<Run>;
}

/** The modules of the commands, by name; each exports `run`. */
const modules: Record<keyof typeof table, () => Promise<{run: Run}>> = {
  new: () => import("./new.ts"),
  "add-source": () => import("./add-source.ts"),
  "add-dataset": () => import("./add-dataset.ts"),
  datasets: () => import("./datasets.ts"),
  numbers: () => import("./numbers.ts"),
  claim: () => import("./claim.ts"),
  ignore: () => import("./ignore.ts"),
  check: () => import("./check.ts"),
  charts: () => import("./charts.ts"),
  refresh: () => import("./refresh.ts"),
  dev: () => import("./dev.ts"),
  build: () => import("./build.ts"),
  vendor: () => import("./vendor.ts"),
  serve: () => import("./serve.ts"),
  publish: () => import("./publish.ts"),
  review: () => import("./review.ts"),
  update: () => import("./update.ts"),
  links: () => import("./links.ts")
};

export const commands: Record<string, Command> = Object.fromEntries(
  Object.entries(table).map(([name, {usage, summary}]) => [
    name,
    {usage, summary, load: async () => (await modules[name as keyof typeof table]()).run}
  ])
);
