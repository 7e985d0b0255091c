/**
 * A map's zoomed inset, drawn: its panel over the map's foot, its land (`.kit-land`, so that labels
 * keep clear of its borders as of the main map's), its places and rings, the area of the main map
 * it zooms into and the line from there to the panel. Browser-safe.
 */
import type * as Plot from "@observablehq/plot";
import {geoPath} from "d3";
import type {Claim} from "../claim.ts";
import type {Inset} from "./map-frame.ts";
import {mapDefaults} from "./map-frame.js";
import {boundOf} from "./qualifiers.js";
import {fillOf, strokeOf, svgElement} from "./style.js";
import type {Bound} from "./types.ts";
import type {Country, MapPlace, Palette} from "./types.ts";

/** The inset as a Plot render function: its frame over the map, its land, its places and rings, and the area it zooms. */
export function insetMark(
  inset: Inset,
  countries: readonly Country[],
  focus: Country,
  disputed: readonly Country[],
  ringed: readonly {claim: Claim; place: MapPlace}[],
  palette: Palette
): Plot.RenderFunction {
  return (_index, _scales, _values, _dimensions, context) => {
    const document = context.document;
    const g = svgElement(document, "g", {class: "kit-inset"});
    const {box, area, projection} = inset;
    const path = geoPath(projection);
    const add = (tag: "rect" | "path" | "circle", attributes: Record<string, string | number | undefined>) =>
      g.appendChild(svgElement(document, tag, attributes));
    // The area the inset zooms into, on the main map, and a line from it to the inset.
    add("rect", {
      class: "kit-inset-area",
      x: area.x,
      y: area.y,
      width: area.width,
      height: area.height,
      fill: "none",
      stroke: "currentColor",
      "stroke-width": 1
    });
    const x = area.x + area.width / 2;
    add("path", {
      class: "kit-inset-link",
      d: `M${x},${area.y + area.height}L${x},${box.y}`,
      stroke: "currentColor",
      "stroke-opacity": 0.6,
      fill: "none"
    });
    add("rect", {
      class: "kit-inset-bg",
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
      fill: "#ffffff",
      stroke: "currentColor",
      "stroke-opacity": 0.6
    });
    const landGroup = svgElement(document, "g", {class: "kit-land", fill: "currentColor", stroke: "currentColor"});
    for (const country of countries) {
      const d = path(country);
      if (!d) continue;
      const isFocus = country === focus;
      landGroup.append(
        svgElement(document, "path", {
          d,
          "fill-opacity": isFocus ? 0.14 : 0.05,
          "stroke-opacity": isFocus ? 0.6 : 0.3,
          "stroke-width": isFocus ? 0.9 : 0.6
        })
      );
    }
    for (const territory of disputed) {
      const d = path(territory);
      if (d)
        landGroup.append(
          svgElement(document, "path", {
            d,
            "fill-opacity": 0.08,
            "stroke-opacity": 0.6,
            "stroke-width": 0.9,
            "stroke-dasharray": "3 2"
          })
        );
    }
    g.append(landGroup);
    const marks = svgElement(document, "g", {class: "kit-mark"});
    for (const place of inset.places) {
      const p = projection([place.longitude, place.latitude]);
      if (!p) continue;
      marks.append(svgElement(document, "circle", {cx: p[0], cy: p[1], r: mapDefaults.dot, fill: "currentColor"}));
      for (const {claim} of ringed.filter((d) => d.place === place)) {
        for (const ring of ringsOf(boundOf(claim))) {
          const paint = ring.fill ? fillOf(palette) : strokeOf(palette);
          marks.append(svgElement(document, "circle", {...paint, cx: p[0], cy: p[1], ...ring.attributes}));
        }
      }
    }
    g.append(marks);
    return g;
  };
}

/**
 * The rings a place's claim gets, as the main map draws them with Plot: a ring (dashed for an
 * approximation), a fading halo for a lower bound, a faint centre for an upper one, an inner ring
 * for a range.
 */
export function ringsOf(bound: Bound): {fill: boolean; attributes: Record<string, string | number | undefined>}[] {
  const {ring} = mapDefaults;
  const rings: {fill: boolean; attributes: Record<string, string | number | undefined>}[] = [
    {
      fill: false,
      attributes: {r: ring, "stroke-width": 1.5, "stroke-dasharray": bound === "approximate" ? "3 2" : undefined}
    }
  ];
  if (bound === "lower") rings.push({fill: false, attributes: {r: ring + 3, "stroke-opacity": 0.3}});
  if (bound === "upper") rings.push({fill: true, attributes: {r: ring - 3, "fill-opacity": 0.25}});
  if (bound === "range") rings.push({fill: false, attributes: {r: ring - 3.5, "stroke-width": 1.5}});
  return rings;
}
