/**
 * Chart specs, `data/charts/<id>.json` (which ids there are: loaders/chart-files.ts): parsed and
 * validated once, against the one schema of `src/components/chart-spec.ts`, the verified ledger and
 * the places. Problems name the file and the field path: `data/charts/x.json: annotations[2].on:
 * ANNOTATION_ON_NOTHING: …`.
 */
import {checkChartSpec, type ChartSpec} from "../src/components/chart-spec.ts";
import type {ChartData} from "../src/components/charts/types.ts";
import {KitError, throwIfAny} from "./errors.ts";
import {parseJson} from "./json.ts";
import {checkJsonLimits} from "./limits.ts";

/** A valid spec and where it came from. */
export interface ChartFile {
  /** The file name without `.json`: the chart's id on pages and in embeds. */
  id: string;
  /** Path relative to the project root, for messages. */
  file: string;
  spec: ChartSpec;
}

/**
 * Parses and validates the text of one spec. Throws INVALID_JSON (with its line) for text that is
 * not JSON, otherwise every schema and ledger problem with its field path.
 *
 * ```ts
 * const spec = parseChartSpec(text, "data/charts/refugees.json", {claims, places, land});
 * ```
 */
export function parseChartSpec(text: string, file: string, data: ChartData): ChartSpec {
  checkJsonLimits(text, file);
  const input = parseJson(text, file);
  const check = checkChartSpec(input, data);
  if (check.ok) return check.spec;
  throwIfAny(check.problems.map((p) => new KitError(p.code, p.detail, {file, field: p.field || undefined})));
  throw new Error("unreachable");
}
