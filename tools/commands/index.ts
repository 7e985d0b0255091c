/** Every command of `npx explainer`, by name. */
import type {Effects} from "../cli.ts";
import {addSource} from "./add-source.ts";
import {build} from "./build.ts";
import {charts} from "./charts.ts";
import {check} from "./check.ts";
import {claim} from "./claim.ts";
import {dev} from "./dev.ts";
import {numbers} from "./numbers.ts";
import {refreshCommand} from "./refresh.ts";
import {vendor} from "./vendor.ts";

/** A command: what it takes, what it does, and how it runs. */
export interface Command {
  usage: string;
  summary: string;
  run(args: string[], effects: Effects): Promise<void>;
}

export const commands: Record<string, Command> = {
  "add-source": addSource,
  build,
  charts,
  check,
  claim,
  dev,
  numbers,
  refresh: refreshCommand,
  vendor
};
