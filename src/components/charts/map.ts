/**
 * `map`: a locator map of a country and its neighbours (Natural Earth, from `world-atlas`), its
 * places marked and named, with what the source reports at each: the claim's label beside the
 * place, in a ring drawn for its qualifier. At wide widths the frame closes in on the places; at
 * narrow ones, places too close to label apart go into a zoomed inset (or get leader lines, as the
 * spec chooses). Disputed territories are drawn and credited as the spec's `territories` say.
 */
import * as Plot from "@observablehq/plot";
import {geoContains, geoPath} from "d3";
import {z} from "zod";
import {claimsById, type Claim} from "../claim.js";
import {capitalize, listOf, resolveText, wrapText} from "../chart-text.js";
import {didYouMean} from "../suggest.js";
import {allDirections, annotationRequests, labelsMark, placeLabels, withMovedLabels} from "../annotations.js";
import {commonFields, text} from "./common.js";
import {defineChartType} from "./types.js";
import {drawnLand, findTerritory} from "./land.js";
import {clusters, countriesNear, insetFor, insetShapes, mapDefaults, mapFrame, type Inset} from "./map-frame.js";
import {insetMark} from "./map-inset.js";
import {outlineSegments} from "./map-lines.js";
import {boundOf, swatchKit} from "./qualifiers.js";
import {asMark, fontSizes, plotFill, plotStroke} from "./style.js";
import type {
  Box,
  ChartData,
  ChartGeometry,
  ChartLayout,
  KeyBound,
  LabelLine,
  LabelRequest,
  MapPlace,
  Palette,
  Point
} from "./types.ts";

export {decimated, mapDefaults} from "./map-frame.js";

const territorySchema = z.strictObject({
  name: text("the territory's name"),
  at: z.tuple([z.number(), z.number()]).describe("a point inside it, [longitude, latitude]"),
  drawAs: z
    .enum(["within", "disputed", "as-data"])
    .describe(
      "within: as part of `country`; disputed: on its own with a dashed outline; as-data: as Natural Earth draws it"
    ),
  country: z.string().min(1).optional().describe("the country it is drawn within, as Natural Earth names it"),
  credit: text("what the map's credit line says about it")
});

const schema = z.strictObject({
  type: z.literal("map"),
  ...commonFields,
  focus: text("the country the map frames and highlights, as Natural Earth names it"),
  places: z.array(z.string().min(1)).min(1).max(40).describe("places of data/places.csv to mark"),
  claims: z
    .array(z.string().min(1))
    .max(40)
    .optional()
    .describe("claims shown at their place (the claim's place must be listed)"),
  territories: z
    .array(territorySchema)
    .max(10)
    .optional()
    .describe("how disputed territories are drawn and credited; left out, as the map data draws them"),
  frame: z
    .enum(["auto", "country", "places"])
    .optional()
    .describe("what the map frames: the focus country, the places, or (auto) the places at wide widths"),
  cluster: z
    .enum(["auto", "inset", "leaders"])
    .optional()
    .describe("places too close to label apart: a zoomed inset (auto, at narrow widths) or leader lines")
});

/** A map's spec. */
export type MapSpec = z.infer<typeof schema>;

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

/** Small slides of a country's name off its centre, tried when a border or a label is in the way. */
const countryNameOffsets: readonly Point[] = [
  {x: 0, y: -14},
  {x: 0, y: 14},
  {x: -24, y: 0},
  {x: 24, y: 0},
  {x: 0, y: -28},
  {x: 0, y: 28}
];

/** The eight directions, those pointing away from `other` first. */
function awayFrom(at: Point, other: Point): Point[] {
  const dx = at.x - other.x;
  const dy = at.y - other.y;
  const score = (d: Point) => (d.x * dx + d.y * dy) / Math.hypot(d.x, d.y);
  return [...allDirections].sort((a, b) => score(b) - score(a));
}

/** Draws a locator map at the layout's width; returns Plot's SVG. Needs `data.land`. */
function draw(spec: MapSpec, data: ChartData, layout: ChartLayout, document: Document): SVGSVGElement {
  if (!data.land) throw new Error("a map needs land: pass {land} to renderChart");
  const land = drawnLand(data.land, spec.territories);
  const focus = land.countries.find((f) => f.properties.name === spec.focus);
  if (!focus) throw new Error(`no country named ${JSON.stringify(spec.focus)} in the map data`);
  const width = layout.width;
  const places = spec.places.map((name) => data.places.find((p) => p.name === name)!);
  const {projection, height} = mapFrame(focus, places, width, spec.frame ?? "auto", layout.narrow);
  const path = geoPath(projection);
  const frameArea = width * height;
  const visible = countriesNear(land.countries, projection, {x: 0, y: 0, width, height}).filter(
    (f) => f !== focus && path.area(f) > 0
  );
  const byId = claimsById(data.claims);
  const claims = drawn(spec, byId);
  const project = (lon: number, lat: number): Point | null => {
    const p = projection([lon, lat]);
    return p && p[0] >= 0 && p[0] <= width && p[1] >= 0 && p[1] <= height ? {x: p[0], y: p[1]} : null;
  };
  const wantInset = (spec.cluster ?? "auto") === "inset" || ((spec.cluster ?? "auto") === "auto" && layout.narrow);
  const groups = clusters(places, project, mapDefaults.cluster);
  const ringed = claims.map((claim) => ({claim, place: places.find((p) => p.name === claim.place)!}));
  // A note on a place, not moved by hand (no dx, dy), is set under the place's name: read together.
  const merged = new Map<string, number[]>();
  (spec.annotations ?? []).forEach((a, i) => {
    if (a.on.place && a.dx === undefined && a.dy === undefined)
      merged.set(a.on.place, [...(merged.get(a.on.place) ?? []), i]);
  });
  // Country names sit at their country's centre, or slid a little while still inside it, or not at all.
  const countryLabels: LabelRequest[] = [focus, ...visible].flatMap((country) => {
    if (path.area(country) < frameArea * mapDefaults.minCountryShare) return [];
    const [x, y] = path.centroid(country);
    const inside = (o: Point) => {
      const p = projection.invert?.([x + o.x, y + o.y]);
      return p != null && geoContains(country, p);
    };
    return {
      key: `country:${country.properties.name}`,
      lines: [{text: country.properties.name}],
      anchor: {x, y},
      fontSize: fontSizes.small,
      preferred: {x: 0, y: 0},
      offsets: countryNameOffsets.filter(inside),
      directions: [],
      optional: true,
      leader: false,
      align: "middle" as const,
      className: "kit-country"
    };
  });
  // Borders and coasts of the main map, which labels keep clear of when they can.
  const mainLines = outlineSegments([...visible, focus, ...land.disputed], projection.decimated, {
    x: 0,
    y: 0,
    width,
    height
  });

  /** The geometry of the map with an inset (or none): where places are drawn, and the labels to place. */
  const geometryWith = (inset: Inset | null): ChartGeometry => {
    const total = inset ? inset.box.y + inset.box.height : height;
    const inInset = new Set(inset?.places ?? []);
    const where = (place: MapPlace): Point | null => {
      if (inInset.has(place)) {
        const p = inset!.projection([place.longitude, place.latitude]);
        return p ? {x: p[0], y: p[1]} : null;
      }
      return project(place.longitude, place.latitude);
    };
    const obstacles: Box[] = [];
    const labels: LabelRequest[] = [];
    const lines = [...mainLines];
    if (inset) {
      const {box, area} = inset;
      obstacles.push(box, area, {
        x: area.x + area.width / 2 - 1,
        y: area.y + area.height,
        width: 2,
        height: box.y - area.y - area.height
      });
      lines.push(...outlineSegments(insetLand(inset), inset.projection, box));
    }
    for (const place of places) {
      const at = where(place);
      if (!at) continue;
      const r = ringed.some((c) => c.place === place) ? mapDefaults.ring + 3 : mapDefaults.dot + 1;
      obstacles.push({x: at.x - r, y: at.y - r, width: 2 * r, height: 2 * r});
      const notes = (merged.get(place.name) ?? []).map((i) => resolveText(spec.annotations![i].text, byId));
      // Places closer than a label's height get their labels further out, on the side away from their
      // nearest neighbour, with a leader line; places a few labels' heights apart get the side and the
      // line, so that a label never reads as its neighbour's.
      const nearest = places
        .filter((q) => q !== place && inInset.has(q) === inInset.has(place))
        .flatMap((q) => where(q) ?? [])
        .map((p) => ({p, distance: Math.hypot(p.x - at.x, p.y - at.y)}))
        .sort((a, b) => a.distance - b.distance)[0];
      const crowded = nearest !== undefined && nearest.distance < layout.fontSize * 2.5;
      const neighbour = nearest !== undefined && nearest.distance < layout.fontSize * 6;
      labels.push({
        key: `place:${place.name}`,
        lines: placeLines(place, claims, notes, layout),
        anchor: at,
        fontSize: layout.fontSize,
        gap: crowded ? r + 12 : r + 3,
        directions: neighbour ? awayFrom(at, nearest.p) : undefined,
        leader: neighbour || undefined,
        className: "kit-place",
        annotations: merged.get(place.name),
        within: inInset.has(place) ? inset!.box : undefined
      });
    }
    labels.push(...countryLabels);
    return {
      frame: {x: 0, y: 0, width, height: total},
      obstacles,
      lines,
      labels,
      anchor: (on) => {
        const name = on.place ?? (on.claim ? byId.get(on.claim)?.place : undefined);
        const place = places.find((p) => p.name === name);
        if (place) return where(place);
        if (on.point && typeof on.point[0] === "number") return project(on.point[0], on.point[1]);
        return null;
      }
    };
  };
  /** The countries an inset shows. */
  const insetLand = (inset: Inset) => [...countriesNear(land.countries, inset.projection, inset.box), ...land.disputed];
  // The inset's shape: the first whose labels all find a clear place, else the one with fewest that do not.
  let inset: Inset | null = null;
  if (wantInset && groups.length) {
    let fewest = Infinity;
    for (const shape of insetShapes) {
      const candidate = insetFor(groups, focus, projection, width, height, shape);
      const geometry = geometryWith(candidate);
      const requests = [
        ...withMovedLabels(geometry.labels, spec),
        ...annotationRequests(spec.annotations ?? [], geometry, layout, byId, new Set([...merged.values()].flat()))
      ];
      const placed = placeLabels(requests, geometry.obstacles, geometry.frame, geometry.segments, geometry.lines);
      const unclear = placed.filter((p) => !p.clear).length;
      if (unclear < fewest) [inset, fewest] = [candidate, unclear];
      if (unclear === 0) break;
    }
  }
  const total = inset ? inset.box.y + inset.box.height : height;
  const inInset = new Set(inset?.places ?? []);
  const geometry = () => geometryWith(inset);
  const {palette} = layout;
  const at = {x: (d: {place: MapPlace}) => d.place.longitude, y: (d: {place: MapPlace}) => d.place.latitude};
  const onMain = ringed.filter((d) => !inInset.has(d.place));
  const ringsOf = (test: (c: Claim) => boolean) => onMain.filter(({claim}) => test(claim));
  // No legend and no caption: Plot returns its <svg>.
  return Plot.plot({
    document,
    width,
    height: total,
    margin: 0,
    projection: projection.decimated,
    opacity: {type: "identity"},
    marks: [
      Plot.geo(visible, {
        className: "kit-land",
        fill: "currentColor",
        fillOpacity: 0.05,
        stroke: "currentColor",
        strokeOpacity: 0.3,
        strokeWidth: 0.6
      }),
      Plot.geo([focus], {
        className: "kit-land",
        fill: "currentColor",
        fillOpacity: 0.14,
        stroke: "currentColor",
        strokeOpacity: 0.6,
        strokeWidth: 0.9
      }),
      Plot.geo(land.disputed, {
        className: "kit-land",
        fill: "currentColor",
        fillOpacity: 0.08,
        stroke: "currentColor",
        strokeOpacity: 0.6,
        strokeWidth: 0.9,
        strokeDasharray: "3 2"
      }),
      Plot.dot(places, {
        x: "longitude",
        y: "latitude",
        r: mapDefaults.dot,
        fill: "currentColor",
        className: "kit-mark"
      }),
      Plot.dot(
        ringsOf((c) => boundOf(c) !== "approximate"),
        {...at, r: mapDefaults.ring, ...asMark(plotStroke(palette)), strokeWidth: 1.5}
      ),
      Plot.dot(
        ringsOf((c) => boundOf(c) === "approximate"),
        {...at, r: mapDefaults.ring, ...asMark(plotStroke(palette)), strokeWidth: 1.5, strokeDasharray: "3 2"}
      ),
      Plot.dot(
        ringsOf((c) => boundOf(c) === "lower"),
        {...at, r: mapDefaults.ring + 3, ...asMark(plotStroke(palette)), strokeOpacity: 0.3}
      ),
      Plot.dot(
        ringsOf((c) => boundOf(c) === "upper"),
        {...at, r: mapDefaults.ring - 3, ...asMark(plotFill(palette)), fillOpacity: 0.25}
      ),
      Plot.dot(
        ringsOf((c) => boundOf(c) === "range"),
        {...at, r: mapDefaults.ring - 3.5, ...asMark(plotStroke(palette)), strokeWidth: 1.5}
      ),
      ...(inset
        ? [
            insetMark(
              inset,
              countriesNear(land.countries, inset.projection, inset.box),
              focus,
              land.disputed,
              ringed,
              palette
            )
          ]
        : []),
      labelsMark(geometry, spec, layout, byId, new Set([...merged.values()].flat()))
    ]
  }) as SVGSVGElement;
}

function drawn(spec: MapSpec, claims: ReadonlyMap<string, Claim>): Claim[] {
  return (spec.claims ?? []).flatMap((id) => claims.get(id) ?? []);
}

function swatch(document: Document, bound: KeyBound, palette: Palette): SVGGElement {
  const {g, fill, stroke, add} = swatchKit(document, palette);
  add("circle", {
    ...stroke,
    cx: 11,
    cy: 6,
    r: 5,
    "stroke-width": 1.5,
    "stroke-dasharray": bound === "approximate" ? "3 2" : undefined
  });
  if (bound === "lower") add("circle", {...stroke, cx: 11, cy: 6, r: 7, "stroke-opacity": 0.3});
  if (bound === "range") add("circle", {...stroke, cx: 11, cy: 6, r: 2.5, "stroke-width": 1.5});
  if (bound === "upper") add("circle", {...fill, cx: 11, cy: 6, r: 3, "fill-opacity": 0.25});
  return g;
}

/** The map chart type. */
export const map = defineChartType({
  type: "map",
  schema,
  anchors: {place: true, point: "lonlat"},
  fromZero: false,
  drawn,
  places: (spec) => spec.places,
  check(spec, data, _shown, fail) {
    const known = new Set(data.places.map((p) => p.name));
    spec.places.forEach((name, i) => {
      if (!known.has(name))
        fail("UNKNOWN_PLACE", `places[${i}]`, `place "${name}" is not in data/places.csv${didYouMean(name, known)}`);
    });
    (spec.claims ?? []).forEach((id, i) => {
      const claim = data.claims.find((c) => c.id === id);
      if (claim && !spec.places.includes(claim.place)) {
        fail(
          "UNKNOWN_PLACE",
          `claims[${i}]`,
          `claim "${id}" is about "${claim.place}", which is not in this map's places`
        );
      }
    });
    const land = data.land;
    if (!land) return;
    const names = new Set(land.countries.features.map((f) => f.properties.name));
    if (!names.has(spec.focus))
      fail("UNKNOWN_COUNTRY", "focus", `"${spec.focus}" is not a country name in the map data`);
    spec.territories?.forEach((t, i) => {
      const field = `territories[${i}]`;
      if (t.drawAs === "within" && t.country === undefined)
        fail("MISSING_FIELD", `${field}.country`, `"country" is required when drawAs is "within"`);
      if (t.country !== undefined && !names.has(t.country))
        fail("UNKNOWN_COUNTRY", `${field}.country`, `"${t.country}" is not a country name in the map data`);
      if (!findTerritory(land, t.at))
        fail("UNKNOWN_TERRITORY", `${field}.at`, `no country of the map data holds the point [${t.at.join(", ")}]`);
    });
  },
  draw,
  alt(spec, shown) {
    const sentences = [`Locator map of ${spec.focus} marking ${listOf(spec.places)}.`];
    for (const place of spec.places) {
      const here = shown.filter((c) => c.place === place);
      const what = here.map((c) => `${c.label} ${c.measure} (${c.attribution || "not attributed in the source"})`);
      if (here.length) sentences.push(`At ${place}: ${what.join("; ")}.`);
    }
    return sentences;
  },
  key: {
    lower: "Ring with a fading halo: a lower bound; the true number is higher",
    upper: "Ring with a faint centre: an upper bound; the true number may be lower",
    approximate: "Dashed ring: an approximate figure",
    range: "Double ring: a range"
  },
  swatch,
  credits(spec, data) {
    if (!data.land) return [];
    return [[data.land.credit, ...(spec.territories ?? []).map((t) => t.credit)].join("; ")];
  }
});
