/**
 * Plane geometry for laying labels out and checking the result: box overlaps, a segment crossing a
 * box, and a grid index that finds the boxes near a box without looking at all of them, so that
 * placing n labels stays near-linear in n. Browser-safe, pure.
 */
import type {Box, Point} from "./types.ts";

/** The area two boxes share, after growing the first by `pad` left and right. */
export function overlap(a: Box, b: Box, pad = 0): number {
  const w = Math.min(a.x + a.width + pad, b.x + b.width) - Math.max(a.x - pad, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The length of the part of segment a→b inside `box` (Liang–Barsky clipping); 0 when it misses. */
export function segmentInBox(a: Point, b: Point, box: Box): number {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [
    [-dx, a.x - box.x],
    [dx, box.x + box.width - a.x],
    [-dy, a.y - box.y],
    [dy, box.y + box.height - a.y]
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return 0;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return 0;
    }
  }
  return (t1 - t0) * Math.hypot(dx, dy);
}

/** True when segments a→b and c→d cross (touching ends do not count). */
export function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const side = (p: Point, q: Point, r: Point) => Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

/** A box grown by `m` on every side. */
export function grow(box: Box, m: number): Box {
  return {x: box.x - m, y: box.y - m, width: box.width + 2 * m, height: box.height + 2 * m};
}

/** True when a point is inside a box (edges included). */
export function contains(box: Box, p: Point): boolean {
  return p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;
}

/** The bounding box of a segment. */
export function segmentBox(a: Point, b: Point): Box {
  return {x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y)};
}

/**
 * Boxes in a uniform grid: `near(box)` returns the items whose box shares a cell with it, each
 * once. Labels are small against the chart, so each query looks at a few items, not all of them.
 */
export class BoxIndex<T> {
  readonly #cells = new Map<string, {box: Box; item: T}[]>();
  readonly #size: number;
  #count = 0;

  /** An empty index with square cells of `size` px. */
  constructor(size = 48) {
    this.#size = size;
  }

  #keys(box: Box): string[] {
    const s = this.#size;
    const keys: string[] = [];
    const [x0, x1] = [Math.floor(box.x / s), Math.floor((box.x + box.width) / s)];
    const [y0, y1] = [Math.floor(box.y / s), Math.floor((box.y + box.height) / s)];
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) keys.push(`${x},${y}`);
    return keys;
  }

  /** Adds an item with its box. */
  add(box: Box, item: T): void {
    const entry = {box, item};
    for (const key of this.#keys(box)) {
      const cell = this.#cells.get(key);
      if (cell) cell.push(entry);
      else this.#cells.set(key, [entry]);
    }
    this.#count++;
  }

  /** How many items were added. */
  get size(): number {
    return this.#count;
  }

  /** The items whose boxes may touch `box`. */
  near(box: Box): {box: Box; item: T}[] {
    const seen = new Set<{box: Box; item: T}>();
    for (const key of this.#keys(box)) for (const entry of this.#cells.get(key) ?? []) seen.add(entry);
    return [...seen];
  }
}
