/**
 * Field paths into a spec, as the schema check names them (`annotations[2].on.claim`): parse them,
 * read and write through them without mutating the spec, and find the form control a problem
 * belongs to. Pure; the form and the drag handler change the spec only through `setAt`.
 */

/** One step of a path: a property name or an array index. */
export type PathKey = string | number;

/** `annotations[2].on` → `["annotations", 2, "on"]`; "" → `[]`. */
export function parsePath(path: string): PathKey[] {
  const keys: PathKey[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) keys.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return keys;
}

/** `["annotations", 2, "on"]` → `annotations[2].on`. */
export function formatPath(keys: readonly PathKey[]): string {
  return keys.map((k, i) => (typeof k === "number" ? `[${k}]` : `${i === 0 ? "" : "."}${k}`)).join("");
}

/** The value at a path, or undefined when any step is missing. */
export function getAt(value: unknown, path: string | readonly PathKey[]): unknown {
  const keys = typeof path === "string" ? parsePath(path) : path;
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PathKey, unknown>)[key];
  }
  return current;
}

function isEmptyObject(value: unknown): boolean {
  return value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0;
}

/**
 * A copy of `value` with `next` at the path; objects and arrays along the path are copied, the rest
 * is shared. `undefined` removes the property (an optional field left empty is absent from the
 * file, not `""`), and an object or array left empty by that goes too.
 *
 * ```ts
 * setAt(spec, "annotations[0].dx", 12); // {…spec, annotations: [{…, dx: 12}, …]}
 * setAt(spec, "subtitle", undefined); // the spec without its subtitle
 * ```
 */
export function setAt<T>(value: T, path: string | readonly PathKey[], next: unknown): T {
  const keys = typeof path === "string" ? parsePath(path) : path;
  if (keys.length === 0) return next as T;
  const [key, ...rest] = keys;
  const container: Record<PathKey, unknown> | unknown[] = Array.isArray(value)
    ? [...value]
    : value !== null && typeof value === "object"
      ? {...(value as Record<string, unknown>)}
      : typeof key === "number"
        ? []
        : {};
  const child = rest.length === 0 ? next : setAt((container as Record<PathKey, unknown>)[key], rest, next);
  if (child === undefined || (rest.length > 0 && isEmptyObject(child))) {
    if (Array.isArray(container)) container.splice(Number(key), 1);
    else delete container[key];
  } else {
    (container as Record<PathKey, unknown>)[key] = child;
  }
  return container as T;
}

/** A copy of the array at `path` without its item `index`. */
export function removeAt<T>(value: T, path: string, index: number): T {
  const list = getAt(value, path);
  if (!Array.isArray(list)) return value;
  const rest = list.filter((_, i) => i !== index);
  return setAt(value, path, rest.length ? rest : undefined);
}

/** A copy of the array at `path` with `item` added at its end. */
export function appendAt<T>(value: T, path: string, item: unknown): T {
  const list = getAt(value, path);
  return setAt(value, path, [...(Array.isArray(list) ? list : []), item]);
}

/**
 * The control a problem is shown beside: the longest control path that is the problem's field or
 * a prefix of it (`claims[1]` → `claims`, `annotations[0].on.claim` → `annotations[0].on`), or null
 * when none is (the problem is about the whole spec).
 */
export function controlFor(field: string, controls: Iterable<string>): string | null {
  let best: string | null = null;
  for (const control of controls) {
    const covers =
      field === control || field.startsWith(`${control}.`) || field.startsWith(`${control}[`) || control === "";
    if (covers && (best === null || control.length > best.length)) best = control;
  }
  return best;
}

/** Text with one item a line → the list, blank lines and surrounding spaces dropped; an empty text is no list. */
export function listFromText(text: string): string[] | undefined {
  const items = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

/** A list → text with one item a line. */
export function listToText(list: unknown): string {
  return Array.isArray(list) ? list.join("\n") : "";
}

/** `"34.1, 44.9"` → `[34.1, 44.9]`, `"2022-03-02, 5"` → `["2022-03-02", 5]`; anything else is kept as text for the schema to refuse. */
export function pointFromText(text: string): [number | string, number] | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const m = /^\s*([^,\s]+)\s*,\s*([^,\s]+)\s*$/.exec(trimmed);
  if (!m) return trimmed;
  const x = Number(m[1]);
  const y = Number(m[2]);
  if (!Number.isFinite(y)) return trimmed;
  return [Number.isFinite(x) ? x : m[1], y];
}

/** A point → `"x, y"`. */
export function pointToText(point: unknown): string {
  return Array.isArray(point) ? point.join(", ") : typeof point === "string" ? point : "";
}
