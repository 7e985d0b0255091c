/**
 * SVG path data made of straight lines (M, L, H, V, Z, absolute or relative: what Plot's lines and
 * rules, d3's map outlines and the unit chart's squares are made of): read into subpaths of points,
 * and written back in the shortest form, relative and rounded to 0.1 px, so that a map's outlines
 * or a thousand squares cost few bytes. Paths with curves or arcs are left alone. Browser-safe, pure.
 */
import type {Point} from "./types.ts";

/** One subpath: its points in order, and whether it closes back to its first point. */
export interface Subpath {
  points: Point[];
  closed: boolean;
}

const straight = /^[\sMLHVZmlhvz\d.,eE+-]*$/;
const commandPattern = /([MLHVZmlhvz])([^MLHVZmlhvz]*)/g;
const numberPattern = /-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/g;

/** True when path data has only straight segments (M, L, H, V, Z), which `subpaths` and `relativePath` read. */
export function isStraight(d: string): boolean {
  return straight.test(d);
}

/**
 * The subpaths of straight path data, offset by `offset` (the transforms above the path); an
 * empty list for data with curves or arcs.
 *
 * ```ts
 * subpaths("M0,0h7v7h-7z") // [{points: [{x: 0, y: 0}, {x: 7, y: 0}, {x: 7, y: 7}, {x: 0, y: 7}], closed: true}]
 * ```
 */
export function subpaths(d: string, offset: Point = {x: 0, y: 0}): Subpath[] {
  if (!isStraight(d)) return [];
  const result: Subpath[] = [];
  let current: Subpath | null = null;
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  const lineTo = (nx: number, ny: number) => {
    x = nx;
    y = ny;
    if (!current) {
      current = {points: [{x: startX + offset.x, y: startY + offset.y}], closed: false};
      result.push(current);
    }
    current.points.push({x: x + offset.x, y: y + offset.y});
  };
  for (const [, command, args] of d.matchAll(commandPattern)) {
    const n = (args.match(numberPattern) ?? []).map(Number);
    const relative = command === command.toLowerCase();
    switch (command.toUpperCase()) {
      case "M":
        for (let i = 0; i + 1 < n.length; i += 2) {
          const nx = relative ? x + n[i] : n[i];
          const ny = relative ? y + n[i + 1] : n[i + 1];
          if (i === 0) {
            x = startX = nx;
            y = startY = ny;
            current = {points: [{x: x + offset.x, y: y + offset.y}], closed: false};
            result.push(current);
          } else lineTo(nx, ny);
        }
        break;
      case "L":
        for (let i = 0; i + 1 < n.length; i += 2)
          lineTo(relative ? x + n[i] : n[i], relative ? y + n[i + 1] : n[i + 1]);
        break;
      case "H":
        for (const v of n) lineTo(relative ? x + v : v, y);
        break;
      case "V":
        for (const v of n) lineTo(x, relative ? y + v : v);
        break;
      case "Z":
        if (current) (current as Subpath).closed = true;
        current = null;
        x = startX;
        y = startY;
        break;
    }
  }
  return result.filter((s) => s.points.length > 1 || s.closed);
}

/** The segments of straight path data, closing segments included. */
export function pathSegments(d: string, offset?: Point): [Point, Point][] {
  const segments: [Point, Point][] = [];
  for (const {points, closed} of subpaths(d, offset)) {
    for (let i = 1; i < points.length; i++) segments.push([points[i - 1], points[i]]);
    if (closed && points.length > 2) segments.push([points.at(-1)!, points[0]]);
  }
  return segments;
}

/** A number at 0.1 px, as short as it can be written: `0.5` → `.5`, `-0.5` → `-.5`, `2.0` → `2`. */
function short(v: number): string {
  const r = Math.round(v * 10) / 10;
  const text = String(r === 0 ? 0 : r);
  return text.replace(/^(-?)0\./, "$1.");
}

/** Joins numbers as SVG allows: a minus sign or a leading dot needs no separator after a number with none. */
function joined(values: readonly number[]): string {
  let out = "";
  for (const v of values) {
    const text = short(v);
    if (out === "" || text.startsWith("-") || (text.startsWith(".") && /\.\d*$/.test(out))) out += text;
    else out += ` ${text}`;
  }
  return out;
}

/**
 * Straight path data rewritten relative, rounded to 0.1 px, with horizontal and vertical segments as
 * `h` and `v`; data with curves or arcs comes back unchanged. Rounding is done on the absolute
 * positions, so errors do not add up along a long outline.
 *
 * ```ts
 * relativePath("M10,10L17,10L17,17L10,17Z") // "m10 10h7v7h-7z"
 * ```
 */
export function relativePath(d: string): string {
  if (!isStraight(d) || !d.trim()) return d;
  let out = "";
  let x = 0;
  let y = 0;
  const at = (p: Point) => ({x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10});
  for (const {points, closed} of subpaths(d)) {
    const [first, ...rest] = points.map(at);
    out += `m${joined([first.x - x, first.y - y])}`;
    [x, y] = [first.x, first.y];
    let last = "";
    for (const p of rest) {
      const dx = Math.round((p.x - x) * 10) / 10;
      const dy = Math.round((p.y - y) * 10) / 10;
      if (dx === 0 && dy === 0) continue;
      const command = dy === 0 ? "h" : dx === 0 ? "v" : "l";
      const text = command === "h" ? joined([dx]) : command === "v" ? joined([dy]) : joined([dx, dy]);
      // Repeated `l` may drop its letter; `h` and `v` keep theirs (one number each, easier to read).
      out += command === "l" && last === "l" ? (text.startsWith("-") ? text : ` ${text}`) : command + text;
      last = command;
      [x, y] = [p.x, p.y];
    }
    if (closed) {
      out += "z";
      [x, y] = [first.x, first.y];
    }
  }
  return out;
}
