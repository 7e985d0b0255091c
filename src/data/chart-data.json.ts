// What the chart editor needs to check and draw charts in the browser: the chart ids, the verified
// claims, the places and the base map's topology (the browser turns it into land as the build does).
import {readFile} from "node:fs/promises";
import {createRequire} from "node:module";
import {join} from "node:path";
import {chartIds} from "../../loaders/charts.ts";
import {loadStory} from "../../loaders/claims.ts";
import {readPlaces} from "../../loaders/places.ts";
import {runLoader} from "../../loaders/run.ts";

await runLoader(async () => {
  const root = process.cwd();
  const topology = createRequire(join(root, "package.json")).resolve("world-atlas/countries-50m.json");
  const [{ids}, {claims}, places, countries] = await Promise.all([
    chartIds(root),
    loadStory(root),
    readPlaces(root),
    readFile(topology, "utf-8").then(JSON.parse)
  ]);
  return JSON.stringify({charts: ids, claims, places, countries}) + "\n";
});
