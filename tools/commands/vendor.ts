import type {Effects} from "../effects.ts";
import {vendorNpm} from "../vendor.ts";

/** `explainer vendor`: bundles Framework's client's npm modules from node_modules into its cache. */
export async function run(_args: string[], effects: Effects): Promise<void> {
  await vendorNpm(effects);
}
