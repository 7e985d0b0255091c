/**
 * The desk's chart specs as files: the folder, and the ids its file names give. Light on purpose (no
 * parsing, no validation: loaders/charts.ts does that), so the pages' directives in Framework's process
 * can name the folder without loading the renderers.
 */
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {isSlug} from "../src/components/slug.ts";
import {KitError} from "./errors.ts";

/** The folder of chart specs, relative to the project root. */
export const chartsDir = "data/charts";

/** The ids of the specs in `data/charts/`, sorted, with problems for file names that are not slugs. */
export function chartIds(root: string): {ids: string[]; problems: KitError[]} {
  let names: string[];
  try {
    names = readdirSync(join(root, chartsDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {ids: [], problems: []};
    throw error;
  }
  const ids: string[] = [];
  const problems: KitError[] = [];
  for (const name of names.filter((n) => n.endsWith(".json")).sort()) {
    const id = name.slice(0, -".json".length);
    if (isSlug(id)) ids.push(id);
    else
      problems.push(
        new KitError("INVALID_ID", `chart id "${id}" is not a slug (lower-case letters, digits and hyphens)`, {
          file: `${chartsDir}/${name}`
        })
      );
  }
  return {ids, problems};
}
