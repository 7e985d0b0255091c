/**
 * How a map is framed: the projection fitted to the focus country or, closer in, to its places;
 * places too close together to label apart (clusters); and the zoomed inset a narrow map shows
 * them in, as a panel under the map. Browser-safe, pure.
 */
import {geoBounds, geoConicConformal, geoPath, type GeoProjection, type GeoStreamWrapper} from "d3";
import type {Box, Country, MapPlace, Point} from "./types.ts";

/** Sizes, px: margin around the frame (share of the width), dot and ring radii, the cluster distance, the inset panel. */
export const mapDefaults = {
  margin: 0.06,
  dot: 3,
  ring: 7,
  minCountryShare: 0.03,
  cluster: 24,
  inset: 150,
  insetGap: 10
};

/**
 * Wraps a projection so that lines and rings drop points closer than `tolerance` px to the last
 * one kept: Natural Earth's 1:50m detail is finer than a phone's pixels, and the SVG halves.
 */
export function decimated(projection: GeoProjection, tolerance = 0.7): GeoStreamWrapper {
  return {
    stream(sink) {
      let inLine = false;
      let last: [number, number] | null = null;
      return projection.stream({
        point(x, y) {
          if (inLine && last && Math.hypot(x - last[0], y - last[1]) < tolerance) return;
          last = [x, y];
          sink.point(x, y);
        },
        lineStart() {
          inLine = true;
          last = null;
          sink.lineStart();
        },
        lineEnd() {
          inLine = false;
          sink.lineEnd();
        },
        polygonStart: () => sink.polygonStart(),
        polygonEnd: () => sink.polygonEnd(),
        sphere: () => sink.sphere?.()
      });
    }
  };
}

type Target = Country | {type: "MultiPoint"; coordinates: [number, number][]};

/** The corners of a lon/lat box, as a MultiPoint to fit a projection to. */
function boxTarget(x0: number, y0: number, x1: number, y1: number): Target {
  return {
    type: "MultiPoint",
    coordinates: [
      [x0, y0],
      [x1, y0],
      [x0, y1],
      [x1, y1]
    ]
  };
}

/** A conic conformal projection for a focus country: its parallels and its central meridian. */
function conicFor(focus: Country): GeoProjection {
  const [[x0, y0], [x1, y1]] = geoBounds(focus);
  const lat = (y0 + y1) / 2;
  return geoConicConformal()
    .parallels([lat - 4, lat + 4])
    .rotate([-(x0 + x1) / 2, 0]);
}

/**
 * The frame of a map at a width: a conic conformal projection centred on the focus country, fitted
 * to the country, or at wide widths (`frame: "auto"`) to its places with room around them, so that
 * a wide map is not mostly empty; clipped to the frame. `decimated` is the projection for Plot.
 */
export function mapFrame(
  focus: Country,
  places: readonly MapPlace[],
  width: number,
  frame: "auto" | "country" | "places",
  narrow: boolean
): {projection: GeoProjection & {decimated: GeoStreamWrapper}; height: number} {
  const projection = conicFor(focus);
  let target: Target = focus;
  let aspect = [0.55, 0.9];
  if (places.length && (frame === "places" || (frame === "auto" && !narrow))) {
    const [[fx0, fy0], [fx1, fy1]] = geoBounds(focus);
    const lons = places.map((p) => p.longitude);
    const lats = places.map((p) => p.latitude);
    const grown = (lo: number, hi: number, least: number): [number, number] => {
      const mid = (lo + hi) / 2;
      const half = Math.max((hi - lo) / 2, least / 2) * 1.35;
      return [mid - half, mid + half];
    };
    const [x0, x1] = grown(Math.min(...lons), Math.max(...lons), (fx1 - fx0) * 0.35);
    const [y0, y1] = grown(Math.min(...lats), Math.max(...lats), (fy1 - fy0) * 0.35);
    target = boxTarget(x0, y0, x1, y1);
    aspect = [0.5, 0.7];
  }
  projection.fitWidth(1000, target);
  const [[a, b], [c, d]] = geoPath(projection).bounds(target);
  const pad = width * mapDefaults.margin;
  const height = Math.round(Math.min(aspect[1], Math.max(aspect[0], (d - b) / (c - a))) * (width - 2 * pad) + 2 * pad);
  projection.fitExtent(
    [
      [pad, pad],
      [width - pad, height - pad]
    ],
    target
  );
  projection.clipExtent([
    [0, 0],
    [width, height]
  ]);
  return {projection: Object.assign(projection, {decimated: decimated(projection)}), height};
}

/** Groups of places drawn closer than `distance` px to another of the group (single places left out). */
export function clusters(
  places: readonly MapPlace[],
  project: (lon: number, lat: number) => Point | null,
  distance: number
): MapPlace[][] {
  const points = places.map((p) => project(p.longitude, p.latitude));
  const group = places.map((_, i) => i);
  const find = (i: number): number => (group[i] === i ? i : (group[i] = find(group[i])));
  points.forEach((p, i) => {
    points.forEach((q, j) => {
      if (j <= i || !p || !q) return;
      if (Math.hypot(p.x - q.x, p.y - q.y) < distance) group[find(i)] = find(j);
    });
  });
  const byRoot = new Map<number, MapPlace[]>();
  places.forEach((place, i) => byRoot.set(find(i), [...(byRoot.get(find(i)) ?? []), place]));
  return [...byRoot.values()].filter((g) => g.length > 1);
}

/** A zoomed inset: the places it shows, its panel, the area of the main map it zooms into, and its projection. */
export interface Inset {
  places: MapPlace[];
  box: Box;
  area: Box;
  projection: GeoProjection;
}

/** How an inset is laid out: its panel's height, px, and the share of the width its places spread over. */
export interface InsetShape {
  height: number;
  spread: number;
}

/**
 * The shapes an inset is tried in, in order, until its labels all find a clear place: the default
 * panel, then taller ones with the places closer together, leaving room for labels around them.
 */
export const insetShapes: readonly InsetShape[] = [
  {height: mapDefaults.inset, spread: 0.24},
  {height: Math.round(mapDefaults.inset * 1.35), spread: 0.24},
  {height: Math.round(mapDefaults.inset * 1.35), spread: 0.12},
  {height: Math.round(mapDefaults.inset * 1.75), spread: 0.24},
  {height: Math.round(mapDefaults.inset * 1.75), spread: 0.12}
];

/**
 * The inset for the largest cluster, as a panel under the map (`height` is the main map's): the
 * cluster's places spread over the panel's middle (`shape.spread` of its width), where their labels
 * have room around them.
 */
export function insetFor(
  groups: readonly MapPlace[][],
  focus: Country,
  main: GeoProjection,
  width: number,
  height: number,
  shape: InsetShape = insetShapes[0]
): Inset | null {
  const cluster = [...groups].sort((a, b) => b.length - a.length)[0];
  if (!cluster) return null;
  const box = {x: 0, y: height + mapDefaults.insetGap, width, height: shape.height};
  const projection = conicFor(focus);
  const lons = cluster.map((p) => p.longitude);
  const lats = cluster.map((p) => p.latitude);
  const least = 0.2; // degrees: a cluster is at least a few kilometres across in the inset
  const mid = [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
  const halfX = Math.max((Math.max(...lons) - Math.min(...lons)) / 2, least / 2);
  const halfY = Math.max((Math.max(...lats) - Math.min(...lats)) / 2, least / 2);
  const target = boxTarget(mid[0] - halfX, mid[1] - halfY, mid[0] + halfX, mid[1] + halfY);
  const margin = Math.max(34, (box.height - width * shape.spread) / 2);
  projection.fitExtent(
    [
      [box.x + width * (0.5 - shape.spread / 2), box.y + margin],
      [box.x + width * (0.5 + shape.spread / 2), box.y + box.height - margin]
    ],
    target
  );
  projection.clipExtent([
    [box.x, box.y],
    [box.x + box.width, box.y + box.height]
  ]);
  const projected = cluster.flatMap((p): [number, number][] => {
    const q = main([p.longitude, p.latitude]);
    return q ? [q] : [];
  });
  const xs = projected.map((p) => p[0]);
  const ys = projected.map((p) => p[1]);
  const area = {
    x: Math.min(...xs) - 6,
    y: Math.min(...ys) - 6,
    width: Math.max(...xs) - Math.min(...xs) + 12,
    height: Math.max(...ys) - Math.min(...ys) + 12
  };
  return {places: cluster, box, area, projection};
}

const boundsCache = new WeakMap<object, [[number, number], [number, number]]>();

/**
 * The countries that may show in a box of a projection: those whose bounds meet the box's
 * longitudes and latitudes (found by inverting points along its edges), so that only they are
 * projected and drawn. Bounds are cached per country.
 */
export function countriesNear<T extends Country>(countries: readonly T[], projection: GeoProjection, box: Box): T[] {
  const lons: number[] = [];
  const lats: number[] = [];
  for (let i = 0; i <= 8; i++) {
    for (const [x, y] of [
      [box.x + (box.width * i) / 8, box.y],
      [box.x + (box.width * i) / 8, box.y + box.height],
      [box.x, box.y + (box.height * i) / 8],
      [box.x + box.width, box.y + (box.height * i) / 8]
    ]) {
      const p = projection.invert?.([x, y]);
      if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) {
        lons.push(p[0]);
        lats.push(p[1]);
      }
    }
  }
  if (!lons.length) return [...countries];
  const [x0, x1, y0, y1] = [Math.min(...lons) - 1, Math.max(...lons) + 1, Math.min(...lats) - 1, Math.max(...lats) + 1];
  return countries.filter((c) => {
    let b = boundsCache.get(c.geometry);
    if (!b) boundsCache.set(c.geometry, (b = geoBounds(c)));
    const [[a, c0], [d, c1]] = b;
    if (a > d) return true; // across the antimeridian: keep
    return a <= x1 && d >= x0 && c0 <= y1 && c1 >= y0;
  });
}
