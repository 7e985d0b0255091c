/**
 * How a chart spec is written to disk: stable key order, 2-space indent, a newline at the end, so
 * that a save from the editor changes only the lines that changed. Browser-safe.
 */

/** Keys in the order a person reads a spec; any other key follows, alphabetically. */
const keyOrder = [
  "$schema",
  "type",
  "title",
  "subtitle",
  "claims",
  "measure",
  "focus",
  "places",
  "unit",
  "unitLabel",
  "sort",
  "on",
  "claim",
  "place",
  "point",
  "text",
  "dx",
  "dy",
  "arrow",
  "annotations",
  "note",
  "alt"
];

const rank = (key: string) => {
  const i = keyOrder.indexOf(key);
  return i < 0 ? keyOrder.length : i;
};

/** A copy of `value` whose objects have their keys in the stable order. */
export function orderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(orderKeys);
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, orderKeys((value as Record<string, unknown>)[k])]));
}

/** The text of `data/charts/<id>.json` for a spec. */
export function formatSpec(spec: unknown): string {
  return JSON.stringify(orderKeys(spec), null, 2) + "\n";
}
