/**
 * A map's outlines (borders and coasts) as the segments they are drawn with, for the label placer:
 * a label may sit on land but should not have a border run through its text. The segments come
 * from the same projection stream as the drawing (decimated, clipped), so what the placer avoids
 * is what the reader sees and what the layout check measures. Browser-safe, pure.
 */
import {geoPath, type GeoPermissibleObjects, type GeoProjection, type GeoStreamWrapper} from "d3";
import type {Box, Point} from "./types.ts";

/**
 * The segments of the outlines of `features` as `projection` draws them, leaving out those that run
 * along the edge of `clip` (where the drawing is cut by the frame: not a line the reader sees as a
 * border, and a label may sit against the frame).
 *
 * ```ts
 * const lines = outlineSegments([focus, ...neighbours], projection.decimated, {x: 0, y: 0, width, height});
 * ```
 */
export function outlineSegments(
  features: readonly GeoPermissibleObjects[],
  projection: GeoProjection | GeoStreamWrapper,
  clip: Box
): [Point, Point][] {
  const segments: [Point, Point][] = [];
  let start: Point | null = null;
  let last: Point | null = null;
  const onEdge = (a: Point, b: Point) => {
    const e = 0.05;
    const x0 = clip.x;
    const x1 = clip.x + clip.width;
    const y0 = clip.y;
    const y1 = clip.y + clip.height;
    return (
      (Math.abs(a.x - b.x) < e && (Math.abs(a.x - x0) < e || Math.abs(a.x - x1) < e)) ||
      (Math.abs(a.y - b.y) < e && (Math.abs(a.y - y0) < e || Math.abs(a.y - y1) < e))
    );
  };
  const add = (p: Point) => {
    if (last && !onEdge(last, p)) segments.push([last, p]);
    last = p;
  };
  const context = {
    moveTo(x: number, y: number) {
      start = last = {x, y};
    },
    lineTo(x: number, y: number) {
      add({x, y});
    },
    closePath() {
      if (start) add(start);
    },
    arc() {},
    beginPath() {}
  };
  const path = geoPath(projection as GeoProjection, context as unknown as CanvasRenderingContext2D);
  for (const feature of features) path(feature);
  return segments;
}
