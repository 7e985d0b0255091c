/**
 * The chart types, in one list: a new type is one module in this folder (see `ChartTypeModule`)
 * and one line here. The spec schema, its JSON Schema, the checks, the renderer, the alt text and
 * the key all find a type through this list.
 */
import {claimsById, type Claim} from "../claim.js";
import {bar} from "./bar.js";
import {map} from "./map.js";
import {reported} from "./reported.js";
import type {ChartTypeModule} from "./types.ts";
import {units} from "./units.js";

/** Every chart type, in the order the docs list them. */
export const chartModules = [bar, units, map, reported] as const;

/** A chart type name. */
export type ChartType = (typeof chartModules)[number]["type"];

/** The chart type names, in order. */
export const chartTypes = chartModules.map((m) => m.type) as ChartType[];

/** The module of a chart type (the spec has been validated, so the type is known). */
export function chartModule(type: string): ChartTypeModule {
  const found = chartModules.find((m) => m.type === type);
  if (!found) throw new Error(`unknown chart type ${JSON.stringify(type)}`);
  return found as unknown as ChartTypeModule;
}

/** The claims a spec draws (not those only named in its text), in its order. */
export function claimsDrawn(spec: {type: string}, claims: readonly Claim[]): Claim[] {
  return chartModule(spec.type).drawn(spec as never, claimsById(claims));
}
