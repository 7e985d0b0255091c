/**
 * `map`: a locator map of a country and its neighbours (Natural Earth, from `world-atlas`), its
 * places marked and named, with what the source reports at each: the claim's label beside the
 * place, in a ring drawn for its qualifier (dashed when approximate).
 */
import * as Plot from "@observablehq/plot";
import {geoBounds, geoConicConformal, geoPath, type GeoProjection, type GeoStreamWrapper} from "d3";
import type {Claim} from "../claim.ts";
import type {ChartSpec} from "../chart-spec.ts";
import {drawnClaims} from "../chart-spec.js";
import {capitalize, resolveText, wrapText} from "../chart-text.js";
import {allDirections, labelsMark} from "../annotations.js";
import {boundOf} from "./qualifiers.js";
import {accent, fontSizes} from "./style.js";
import type {
  Box,
  ChartData,
  ChartGeometry,
  ChartLayout,
  Country,
  LabelLine,
  LabelRequest,
  MapPlace,
  Point
} from "./types.ts";

/** A map's spec. */
export type MapSpec = Extract<ChartSpec, {type: "map"}>;

/** Sizes, px: margin around the focus country (share of the width), dot and ring radii. */
export const mapDefaults = {margin: 0.06, dot: 3, ring: 7, minCountryShare: 0.03};

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

/** A conic conformal projection centred on the focus country, fitted to the width with a margin, clipped to the frame. */
export function mapProjection(focus: Country, width: number) {
  const [[x0, y0], [x1, y1]] = geoBounds(focus);
  const lat = (y0 + y1) / 2;
  const projection = geoConicConformal()
    .parallels([lat - 4, lat + 4])
    .rotate([-(x0 + x1) / 2, 0]);
  projection.fitWidth(1000, focus);
  const [[a, b], [c, d]] = geoPath(projection).bounds(focus);
  const pad = width * mapDefaults.margin;
  const height = Math.round(Math.min(0.9, Math.max(0.55, (d - b) / (c - a))) * (width - 2 * pad) + 2 * pad);
  projection.fitExtent(
    [
      [pad, pad],
      [width - pad, height - pad]
    ],
    focus
  );
  projection.clipExtent([
    [0, 0],
    [width, height]
  ]);
  return {projection, height};
}

/** A place's label: its name, then each claim there (label, measure), then the notes on it. */
function placeLines(
  place: MapPlace,
  claims: readonly Claim[],
  notes: readonly string[],
  layout: ChartLayout
): LabelLine[] {
  const lines: LabelLine[] = [{text: place.name, bold: true}];
  const wrap = (text: string) => wrapText(text, layout.labelWidth, layout.fontSize).map((t) => ({text: t}));
  for (const claim of claims.filter((c) => c.place === place.name)) {
    lines.push({text: claim.label, bold: true}, ...wrap(capitalize(claim.measure)));
  }
  for (const note of notes) lines.push(...wrap(note));
  return lines;
}

/** The eight directions, those pointing away from `other` first. */
function awayFrom(at: Point, other: Point): Point[] {
  const dx = at.x - other.x;
  const dy = at.y - other.y;
  const score = (d: Point) => (d.x * dx + d.y * dy) / Math.hypot(d.x, d.y);
  return [...allDirections].sort((a, b) => score(b) - score(a));
}

/**
 * Draws a locator map at the layout's width; returns Plot's SVG. Needs `data.land`.
 *
 * ```ts
 * const svg = mapChart(spec, {claims, places, land}, layoutFor(720), document);
 * ```
 */
export function mapChart(spec: MapSpec, data: ChartData, layout: ChartLayout, document: Document): SVGSVGElement {
  if (!data.land) throw new Error("a map needs land: pass {land} to renderChart");
  const focus = data.land.countries.features.find((f) => f.properties.name === spec.focus);
  if (!focus) throw new Error(`no country named ${JSON.stringify(spec.focus)} in the map data`);
  const width = layout.width;
  const {projection, height} = mapProjection(focus, width);
  const path = geoPath(projection);
  const frameArea = width * height;
  const visible = data.land.countries.features.filter((f) => f !== focus && path.area(f) > 0);
  const places = spec.places.map((name) => data.places.find((p) => p.name === name)!);
  const claims = drawnClaims(spec, data.claims);
  const project = (lon: number, lat: number): Point | null => {
    const p = projection([lon, lat]);
    return p && p[0] >= 0 && p[0] <= width && p[1] >= 0 && p[1] <= height ? {x: p[0], y: p[1]} : null;
  };
  const ringed = claims.map((claim) => ({claim, place: places.find((p) => p.name === claim.place)!}));
  const claimsById = new Map(data.claims.map((c) => [c.id, c]));
  // A note on a place, not moved by hand (no dx, dy), is set under the place's name: read together.
  const merged = new Map<string, number[]>();
  (spec.annotations ?? []).forEach((a, i) => {
    if (a.on.place && a.dx === undefined && a.dy === undefined)
      merged.set(a.on.place, [...(merged.get(a.on.place) ?? []), i]);
  });
  const geometry = (): ChartGeometry => {
    const obstacles: Box[] = [];
    const labels: LabelRequest[] = [];
    for (const place of places) {
      const at = project(place.longitude, place.latitude);
      if (!at) continue;
      const r = ringed.some((c) => c.place === place) ? mapDefaults.ring + 1 : mapDefaults.dot + 1;
      obstacles.push({x: at.x - r, y: at.y - r, width: 2 * r, height: 2 * r});
      const notes = (merged.get(place.name) ?? []).map((i) => resolveText(spec.annotations![i].text, claimsById));
      const lines = placeLines(place, claims, notes, layout);
      // Places closer than a label's height get their labels further out, on the side away from
      // their neighbour, each with a leader line.
      const near = places
        .map((q) => (q === place ? null : project(q.longitude, q.latitude)))
        .find((p) => p && Math.hypot(p.x - at.x, p.y - at.y) < layout.fontSize * 1.5);
      const crowded = near != null;
      const gap = crowded ? r + 12 : r + 3;
      const directions = near ? awayFrom(at, near) : undefined;
      labels.push({
        key: `place:${place.name}`,
        lines,
        anchor: at,
        fontSize: layout.fontSize,
        gap,
        directions,
        leader: crowded,
        className: "kit-place",
        annotations: merged.get(place.name)
      });
    }
    for (const country of [focus, ...visible]) {
      if (path.area(country) < frameArea * mapDefaults.minCountryShare) continue;
      const [x, y] = path.centroid(country);
      labels.push({
        key: `country:${country.properties.name}`,
        lines: [{text: country.properties.name}],
        anchor: {x, y},
        fontSize: fontSizes.small,
        preferred: {x: 0, y: 0},
        directions: [],
        optional: true,
        align: "middle",
        className: "kit-country"
      });
    }
    return {
      frame: {x: 0, y: 0, width, height},
      obstacles,
      labels,
      anchor: (on) => {
        const name = on.place ?? (on.claim ? claimsById.get(on.claim)?.place : undefined);
        const place = places.find((p) => p.name === name);
        if (place) return project(place.longitude, place.latitude);
        if (on.point && typeof on.point[0] === "number") return project(on.point[0], on.point[1]);
        return null;
      }
    };
  };
  const rings = (bound: string) =>
    ringed.filter(({claim}) => (boundOf(claim) === "approximate") === (bound === "approximate"));
  // No legend and no caption: Plot returns its <svg>.
  return Plot.plot({
    document,
    width,
    height,
    margin: 0,
    projection: decimated(projection),
    opacity: {type: "identity"},
    marks: [
      Plot.geo(visible, {
        fill: "currentColor",
        fillOpacity: 0.05,
        stroke: "currentColor",
        strokeOpacity: 0.3,
        strokeWidth: 0.6
      }),
      Plot.geo([focus], {
        fill: "currentColor",
        fillOpacity: 0.14,
        stroke: "currentColor",
        strokeOpacity: 0.6,
        strokeWidth: 0.9
      }),
      Plot.dot(places, {x: "longitude", y: "latitude", r: mapDefaults.dot, fill: "currentColor"}),
      Plot.dot(rings("solid"), {
        x: (d) => d.place.longitude,
        y: (d) => d.place.latitude,
        r: mapDefaults.ring,
        stroke: accent,
        strokeWidth: 1.5,
        className: "kit-accent-stroke"
      }),
      Plot.dot(rings("approximate"), {
        x: (d) => d.place.longitude,
        y: (d) => d.place.latitude,
        r: mapDefaults.ring,
        stroke: accent,
        strokeWidth: 1.5,
        strokeDasharray: "3 2",
        className: "kit-accent-stroke"
      }),
      Plot.dot(
        ringed.filter(({claim}) => boundOf(claim) === "lower"),
        {
          x: (d) => d.place.longitude,
          y: (d) => d.place.latitude,
          r: mapDefaults.ring + 3,
          stroke: accent,
          strokeOpacity: 0.3,
          className: "kit-accent-stroke"
        }
      ),
      Plot.dot(
        ringed.filter(({claim}) => boundOf(claim) === "upper"),
        {
          x: (d) => d.place.longitude,
          y: (d) => d.place.latitude,
          r: mapDefaults.ring - 3,
          fill: accent,
          fillOpacity: 0.25,
          className: "kit-accent"
        }
      ),
      Plot.dot(
        ringed.filter(({claim}) => boundOf(claim) === "range"),
        {
          x: (d) => d.place.longitude,
          y: (d) => d.place.latitude,
          r: mapDefaults.ring - 3.5,
          stroke: accent,
          strokeWidth: 1.5,
          className: "kit-accent-stroke"
        }
      ),
      labelsMark(geometry, spec.annotations ?? [], layout, claimsById, new Set([...merged.values()].flat()))
    ]
  }) as SVGSVGElement;
}
