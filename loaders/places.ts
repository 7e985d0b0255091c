/**
 * Places and the land under them: `data/places.csv` (name, latitude, longitude, and the source of
 * each coordinate) and the Natural Earth countries shipped by `world-atlas`, for locator maps.
 */
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {landFromTopology} from "../src/components/charts/land.ts";
import type {Land, MapPlace} from "../src/components/charts/types.ts";
import {KitError, type Checked, type ErrorCode} from "./errors.ts";
import {checkCsvRows} from "./csv.ts";

/** The places file, relative to the project root. */
export const placesFile = "data/places.csv";

/** Columns every places file has. */
export const placeColumns = ["name", "latitude", "longitude", "source"] as const;

/**
 * Checks `places.csv` text: every column filled, coordinates in degrees within range, names unique.
 * Returns the places of the good rows (of a name given twice, the first) and every problem with its
 * line, so one bad row does not hide the file's other places from the charts.
 */
export function checkPlaces(text: string, file: string = placesFile): Checked<MapPlace> {
  const {rows, problems} = checkCsvRows(text, file, placeColumns);
  const places: MapPlace[] = [];
  const seen = new Map<string, number>();
  for (const {line, record} of rows) {
    const before = problems.length;
    const fail = (code: ErrorCode, detail: string) => problems.push(new KitError(code, detail, {file, line}));
    const empty = placeColumns.filter((c) => (record[c] ?? "").trim() === "");
    if (empty.length) {
      fail("MISSING_FIELD", `${empty.map((c) => `"${c}"`).join(", ")} ${empty.length === 1 ? "is" : "are"} empty`);
      continue;
    }
    const name = record.name.trim();
    const latitude = Number(record.latitude);
    const longitude = Number(record.longitude);
    if (!Number.isFinite(latitude) || Math.abs(latitude) > 90)
      fail("INVALID_COORDINATE", `latitude ${JSON.stringify(record.latitude)} is not a number of degrees in [-90, 90]`);
    if (!Number.isFinite(longitude) || Math.abs(longitude) > 180)
      fail(
        "INVALID_COORDINATE",
        `longitude ${JSON.stringify(record.longitude)} is not a number of degrees in [-180, 180]`
      );
    if (seen.has(name)) fail("DUPLICATE_PLACE", `place "${name}" is already on line ${seen.get(name)}`);
    else seen.set(name, line);
    if (problems.length === before) places.push({name, latitude, longitude, source: record.source.trim()});
  }
  return {rows: places, problems};
}

/** The base map's file: Natural Earth's admin-0 countries at 1:50m, the kit's own copy of world-atlas, wherever the project is. */
export function baseMapFile(): string {
  return createRequire(import.meta.url).resolve("world-atlas/countries-50m.json");
}

let land: Land | undefined;

/**
 * The base map as land, with Crimea within Ukraine (see `landFromTopology`). The kit's copy never
 * changes, so it is read once per process and is the same object at every call: what a map draws
 * from it is then kept too (`drawnLand`), and a warm stage or the save endpoint does not read and
 * merge the world again at each run (about 0.15 s of a map's render).
 */
export function readLandSync(): Land {
  return (land ??= landFromTopology(JSON.parse(readFileSync(baseMapFile(), "utf-8"))));
}
