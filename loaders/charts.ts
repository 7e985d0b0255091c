/**
 * Chart specs, `data/charts/<id>.json`: read, parsed and validated once, against the one schema
 * of `src/components/chart-spec.ts`, the verified ledger and the places. Problems name the file
 * and the field path: `data/charts/x.json: annotations[2].on: ANNOTATION_ON_NOTHING: …`.
 */
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {checkChartSpec, type ChartSpec} from "../src/components/chart-spec.ts";
import type {ChartData} from "../src/components/charts/types.ts";
import {loadStorySync} from "./claims.ts";
import {KitError, throwIfAny} from "./errors.ts";
import {checkJsonLimits} from "./limits.ts";
import {readLandSync, readPlacesSync} from "./places.ts";

/** The folder of chart specs, relative to the project root. */
export const chartsDir = "data/charts";

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A valid spec and where it came from. */
export interface ChartFile {
  /** The file name without `.json`: the chart's id on pages and in embeds. */
  id: string;
  /** Path relative to the project root, for messages. */
  file: string;
  spec: ChartSpec;
}

/**
 * Everything a spec may refer to, read once: verified claims, places, and the land for maps.
 * Synchronous, because the page plugin renders charts while markdown-it renders (which is sync).
 */
export function loadChartDataSync(root: string): ChartData {
  return {claims: loadStorySync(root).claims, places: readPlacesSync(root), land: readLandSync(root)};
}

/** loadChartDataSync for async callers. */
export async function loadChartData(root: string): Promise<ChartData> {
  return loadChartDataSync(root);
}

/** The line of a character offset, counting from 1. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

/**
 * Parses and validates the text of one spec. Throws INVALID_JSON (with its line) for text that is
 * not JSON, otherwise every schema and ledger problem with its field path.
 *
 * ```ts
 * const spec = parseChartSpec(text, "data/charts/refugees.json", await loadChartData(root));
 * ```
 */
export function parseChartSpec(text: string, file: string, data: ChartData): ChartSpec {
  checkJsonLimits(text, file);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? lineAt(text, Number(position[1])) : lineAt(text, text.length);
    throw new KitError(
      "INVALID_JSON",
      `not JSON: ${message.replace(/^JSON\.parse: |\s*\(line \d+ column \d+\)$/g, "")}`,
      {file, line}
    );
  }
  const check = checkChartSpec(input, data);
  if (check.ok) return check.spec;
  throwIfAny(check.problems.map((p) => new KitError(p.code, p.detail, {file, field: p.field || undefined})));
  throw new Error("unreachable");
}

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
    if (slug.test(id)) ids.push(id);
    else
      problems.push(
        new KitError("INVALID_ID", `chart id "${id}" is not a slug (lower-case letters, digits and hyphens)`, {
          file: `${chartsDir}/${name}`
        })
      );
  }
  return {ids, problems};
}

/**
 * Reads every spec, keeping the valid ones and collecting every problem of the others, so that a
 * caller can render what is good and keep the last good output of what is not.
 */
export function readChartSpecsSync(root: string, data: ChartData): {charts: ChartFile[]; problems: KitError[]} {
  const {ids, problems} = chartIds(root);
  const charts: ChartFile[] = [];
  for (const id of ids) {
    const file = `${chartsDir}/${id}.json`;
    try {
      charts.push({id, file, spec: parseChartSpec(readFileSync(join(root, file), "utf-8"), file, data)});
    } catch (error) {
      const inner = (error as {errors?: KitError[]}).errors ?? [error];
      if (!inner.every((e) => e instanceof KitError)) throw error;
      problems.push(...(inner as KitError[]));
    }
  }
  return {charts, problems};
}

/** readChartSpecsSync for async callers. */
export async function readChartSpecs(
  root: string,
  data: ChartData
): Promise<{charts: ChartFile[]; problems: KitError[]}> {
  return readChartSpecsSync(root, data);
}

/** Every spec, valid, with the data they refer to; throws all problems at once when there are any. */
export async function loadCharts(root: string): Promise<{data: ChartData; charts: ChartFile[]}> {
  const data = await loadChartData(root);
  const {charts, problems} = await readChartSpecs(root, data);
  throwIfAny(problems);
  return {data, charts};
}
