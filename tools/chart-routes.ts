/**
 * The chart editor's routes on the save endpoint (tools/save-server.ts), for `data/charts/<id>.json`:
 *
 * - `GET /charts/<id>` → `{id, spec, base}`: a chart's spec and the hash of its file;
 * - `PUT /charts/<id>` with `{spec, base}` saves an existing chart over the version it was edited from;
 * - `POST /charts/<id>` with `{spec}` creates a new chart, for a slug no chart has yet.
 *
 * A spec is written only when it passes the same check as `explainer check` (the schema, the ledger
 * and places as they are now), with stable key order, 2-space indent and a final newline.
 */
import {z} from "zod";
import {chartsDir} from "../loaders/chart-files.ts";
import {formatSpec} from "../src/components/spec-format.ts";
import {lineEnd} from "./csv-append.ts";
import {writeRoute, type FieldProblem, type Route} from "./save-server.ts";

/** What the chart routes need: how to check a spec against the project as it is now. */
export interface ChartRouteOptions {
  /** Validates a parsed spec against the schema and the ledger; no problem means valid. */
  validate(spec: unknown): FieldProblem[] | Promise<FieldProblem[]>;
  /** The largest body accepted, in bytes (default 256 KiB, the size limit of a spec file). */
  maxBytes?: number;
}

const spec = z.looseObject({});
const file = ({id}: {id?: string}) => `${id}.json`;
const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null; // a hand edit that is not JSON (yet): the editor shows the conflict without a spec
  }
};

/** The chart routes, validating with `validate`. */
export function chartRoutes({validate, maxBytes = 256 * 1024}: ChartRouteOptions): Route[] {
  const common = {path: "/charts/:id", folder: chartsDir, file, unknown: "UNKNOWN_CHART"} as const;
  return [
    {...common, method: "GET", read: (text) => ({spec: parsed(text)})},
    writeRoute({
      ...common,
      method: "PUT",
      mode: "replace",
      body: z.strictObject({spec, base: z.string()}),
      bodyHint: '{"spec": {…}, "base": "<hash of the version edited>"}',
      maxBytes,
      base: (body) => body.base,
      validate: (body) => validate(body.spec),
      invalid: "INVALID_SPEC",
      // The file keeps its line ends (a desk on Windows may have checked it out with CRLF).
      apply: (body, current) => formatSpec(body.spec).replaceAll("\n", lineEnd(current)),
      conflict: (current) => ({spec: parsed(current)})
    }),
    writeRoute({
      ...common,
      method: "POST",
      mode: "create",
      body: z.strictObject({spec}),
      bodyHint: '{"spec": {…}}',
      maxBytes,
      validate: (body) => validate(body.spec),
      invalid: "INVALID_SPEC",
      apply: (body) => formatSpec(body.spec)
    })
  ];
}
