/**
 * The base map from Natural Earth's countries (the `world-atlas` TopoJSON), browser-safe so that
 * the build and the editor draw the same borders. Natural Earth draws Crimea inside Russia (its
 * "de facto" view); the kit draws Ukraine's internationally recognised borders, as news
 * organisations do, by moving the peninsula's polygon from Russia into Ukraine.
 */
import {geoContains} from "d3";
import {feature, merge} from "topojson-client";
import type {GeometryCollection, MultiPolygon, Polygon, Topology} from "topojson-specification";
import type {Land} from "./types.ts";

/** A point inside Crimea (Simferopol), to find the peninsula's polygon in the data. */
const crimea: [number, number] = [34.1, 44.95];

/** The credit line a map prints. */
export const landCredit = "Map: Natural Earth; Crimea drawn within Ukraine’s internationally recognised borders.";

type Countries = GeometryCollection<{name: string}>;
const nameOf = (g: {properties?: object}) => (g.properties as {name?: string} | undefined)?.name;

/**
 * The land of a world-atlas `countries-*.json` topology, as GeoJSON countries named by Natural
 * Earth, with Crimea within Ukraine. Mutates nothing: the topology is copied where changed.
 *
 * ```js
 * const land = landFromTopology(await FileAttachment("countries-50m.json").json());
 * ```
 */
export function landFromTopology(topology: Topology<{countries: Countries}>): Land {
  const countries = topology.objects.countries;
  const russia = countries.geometries.find((g) => nameOf(g) === "Russia");
  const ukraine = countries.geometries.find((g) => nameOf(g) === "Ukraine") as Polygon | MultiPolygon | undefined;
  if (russia?.type === "MultiPolygon" && ukraine) {
    const arcs = (russia as MultiPolygon).arcs;
    const index = arcs.findIndex((polygon) => geoContains(feature(topology, {type: "Polygon", arcs: polygon}), crimea));
    if (index >= 0) {
      const geometries = countries.geometries
        .filter((g) => g !== ukraine)
        .map((g) => (g === russia ? {...g, arcs: arcs.filter((_, i) => i !== index)} : g));
      const land = feature(topology, {...countries, geometries}) as Land["countries"];
      const geometry = merge(topology, [ukraine, {type: "Polygon", arcs: arcs[index]}]);
      land.features.push({type: "Feature", id: ukraine.id, properties: {name: "Ukraine"}, geometry});
      return {countries: land, credit: landCredit};
    }
  }
  return {countries: feature(topology, countries) as Land["countries"], credit: landCredit};
}
