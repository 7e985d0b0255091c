/**
 * The base map from Natural Earth's countries (the `world-atlas` TopoJSON), browser-safe so that
 * the build and the editor draw the same borders. The land is drawn as the data draws it; a map
 * spec's `territories` say how a disputed territory is drawn instead (within another country, or
 * on its own with a dashed outline) and what the credit line says about it. No territory, country
 * or story is named here: the policy is the spec's.
 */
import {geoContains} from "d3";
import type {Feature, Geometry, MultiPolygon as GeoMultiPolygon, Polygon as GeoPolygon} from "geojson";
import {feature, merge} from "topojson-client";
import type {GeometryCollection, MultiPolygon, Polygon, Topology} from "topojson-specification";
import type {Country, Land} from "./types.ts";

/** The credit line of the base map itself. */
export const landCredit = "Map: Natural Earth";

/** How a map spec draws one disputed territory (see the map type's `territories`). */
export interface Territory {
  /** Its name, for the editor and for a territory drawn on its own. */
  name: string;
  /** A point inside it, [longitude, latitude]: the polygon of the data that holds it is the territory. */
  at: [number, number];
  /** `within`: drawn as part of `country`; `disputed`: on its own, dashed; `as-data`: as the data draws it. */
  drawAs: "within" | "disputed" | "as-data";
  /** The country it is drawn within (`drawAs: "within"`), as Natural Earth names it. */
  country?: string;
  /** What the map's credit line says about it. */
  credit: string;
}

/** The land as a map spec draws it: countries after the territory policies, and territories drawn on their own. */
export interface DrawnLand {
  countries: Country[];
  disputed: Country[];
}

type Countries = GeometryCollection<{name: string}>;
const nameOf = (g: {properties?: object}) => (g.properties as {name?: string} | undefined)?.name;

/**
 * The land of a world-atlas `countries-*.json` topology: GeoJSON countries named by Natural Earth,
 * with the topology kept so that territories can be merged into another country without a seam.
 *
 * ```js
 * const land = landFromTopology(await FileAttachment("countries-50m.json").json());
 * ```
 */
export function landFromTopology(topology: Topology<{countries: Countries}>): Land {
  const countries = feature(topology, topology.objects.countries) as Land["countries"];
  return {countries, credit: landCredit, topology};
}

/** The polygons of a geometry, as GeoJSON polygons' coordinates. */
function polygonsOf(geometry: Geometry): GeoPolygon["coordinates"][] {
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  return [];
}

/** Where a territory is in the land: the country holding it and the index of its polygon there, or null. */
export function findTerritory(land: Land, at: [number, number]): {country: Country; polygon: number} | null {
  for (const country of land.countries.features) {
    const polygons = polygonsOf(country.geometry);
    const polygon = polygons.findIndex((coordinates) => geoContains({type: "Polygon", coordinates}, at));
    if (polygon >= 0) return {country, polygon};
  }
  return null;
}

const cache = new WeakMap<Land, Map<string, DrawnLand>>();

/**
 * The countries of the land with a spec's territory policies applied, and the territories drawn on
 * their own. Unknown countries or points outside every country leave the land as it is (the spec
 * check reports them). Results are cached per land and policy.
 */
export function drawnLand(land: Land, territories: readonly Territory[] = []): DrawnLand {
  const key = JSON.stringify(territories);
  const cached = cache.get(land)?.get(key);
  if (cached) return cached;
  let countries = [...land.countries.features];
  const disputed: Country[] = [];
  for (const territory of territories) {
    if (territory.drawAs === "as-data") continue;
    const found = findTerritory({...land, countries: {type: "FeatureCollection", features: countries}}, territory.at);
    if (!found) continue;
    const {country: from, polygon} = found;
    const to = countries.find((c) => c.properties.name === territory.country);
    if (territory.drawAs === "within" && (!to || to === from)) continue;
    const moved = polygonsOf(from.geometry)[polygon];
    const rest = polygonsOf(from.geometry).filter((_, i) => i !== polygon);
    const remaining: Country = {...from, geometry: {type: "MultiPolygon", coordinates: rest}};
    countries = countries.map((c) => (c === from ? remaining : c));
    if (territory.drawAs === "disputed") {
      disputed.push({
        type: "Feature",
        properties: {name: territory.name},
        geometry: {type: "Polygon", coordinates: moved}
      });
      continue;
    }
    const merged: Country = {...to!, geometry: mergedGeometry(land, to!, moved)};
    countries = countries.map((c) => (c === to ? merged : c));
  }
  const result = {countries, disputed};
  if (!cache.has(land)) cache.set(land, new Map());
  cache.get(land)!.set(key, result);
  return result;
}

/**
 * A country's geometry with a polygon added: merged through the topology when the land has it (the
 * shared border disappears), else as one more polygon of a MultiPolygon.
 */
function mergedGeometry(land: Land, to: Country, polygon: GeoPolygon["coordinates"]): Geometry {
  const topology = land.topology as Topology<{countries: Countries}> | undefined;
  const objects = topology?.objects.countries?.geometries ?? [];
  const target = objects.find((g) => nameOf(g) === to.properties.name) as Polygon | MultiPolygon | undefined;
  if (topology && target) {
    // The territory's arcs in the topology: the polygon of some geometry that holds its first point.
    const probe = interiorPoint(polygon);
    for (const g of objects) {
      if (g === target || (g.type !== "Polygon" && g.type !== "MultiPolygon")) continue;
      const arcs = g.type === "Polygon" ? [(g as Polygon).arcs] : (g as MultiPolygon).arcs;
      const index = arcs.findIndex((p) => geoContains(feature(topology, {type: "Polygon", arcs: p}) as Feature, probe));
      if (index >= 0) return merge(topology, [target, {type: "Polygon", arcs: arcs[index]}]) as GeoMultiPolygon;
    }
  }
  return {type: "MultiPolygon", coordinates: [...polygonsOf(to.geometry), polygon]};
}

/** A point inside a polygon's outer ring: the centre of its bounding box when inside, else a vertex's neighbourhood. */
function interiorPoint(polygon: GeoPolygon["coordinates"]): [number, number] {
  const ring = polygon[0];
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const centre: [number, number] = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  if (geoContains({type: "Polygon", coordinates: polygon}, centre)) return centre;
  for (let i = 0; i < ring.length; i++) {
    const [x, y] = ring[i];
    const p: [number, number] = [x + (centre[0] - x) * 0.05, y + (centre[1] - y) * 0.05];
    if (geoContains({type: "Polygon", coordinates: polygon}, p)) return p;
  }
  return [ring[0][0], ring[0][1]];
}
