/**
 * Publish benchmark: the explainer as readers get it, against a reference page measured in the same
 * run (bench/reference/: the seed fixture's three charts drawn with Plot in the browser, a plain
 * Framework page built offline the same way). Measures each site's build from an empty cache and
 * warm, the explainer's bytes and requests on load, the time until every chart is visible in
 * Chromium (unthrottled and on Slow 4G) and Lighthouse's mobile scores (medians of three runs, and
 * the blocking time of a one-paragraph page as the machine's floor; the explainer's and the floor's
 * again with another build running beside them); each also as a ratio to the reference.
 * `npx tsx bench/publish.ts` prints the numbers.
 */
import {cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {csvFormat} from "d3-dsv";
import {geoBounds} from "d3";
import {readQuotedClaims} from "../loaders/ledger.ts";
import {readLandSync} from "../loaders/places.ts";
import {readSourcesSync} from "../loaders/sources.ts";
import {launchChromium} from "../test/helpers/browser.ts";
import {fixturePath, projectRoot} from "../test/helpers/project.ts";
import {vendorNpm} from "../tools/vendor.ts";
import {serveSite} from "../tools/publish/serve.ts";
import {cssRuleUsage, measureTransfer, medianLighthouse, timeToCharts, type LighthouseResult} from "./page-metrics.ts";
import {benchProject} from "./project.ts";
import {atLeast, atMost, round, type Result, type Target} from "./result.ts";
import {timed} from "./timed.ts";

const quiet = (root: string) => ({root, stdout: () => {}, stderr: () => {}, now: () => new Date()});

/**
 * The reference project in a temporary folder: bench/reference/ with node_modules linked, and its
 * data written from the seed fixture's ledger, places and map (the countries around its map's focus).
 */
export async function referenceProject(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "explainer-reference-"));
  await cp(join(projectRoot, "bench/reference"), root, {recursive: true});
  await symlink(join(projectRoot, "node_modules"), join(root, "node_modules"), "dir");
  // Framework reads observablehq.config.ts only in an ES module package.
  await writeFile(join(root, "package.json"), JSON.stringify({type: "module", private: true}));
  const data = join(root, "src/data");
  await mkdir(data, {recursive: true});
  const seed = fixturePath("seed");
  const claims = readQuotedClaims(seed, readSourcesSync(seed));
  await writeFile(
    join(data, "claims.csv"),
    csvFormat(claims.map(({id, label, measure, value}) => ({id, label, measure, value})))
  );
  await cp(join(seed, "data/places.csv"), join(data, "places.csv"));
  const countries = readLandSync().countries;
  const map = JSON.parse(await readFile(join(seed, "data/charts/places-in-the-report.json"), "utf-8"));
  const focus = countries.features.find((f) => f.properties.name === map.focus)!;
  const [[x0, y0], [x1, y1]] = geoBounds(focus);
  const near = countries.features.filter((f) => {
    const [[a0, b0], [a1, b1]] = geoBounds(f);
    return a0 < x1 + 4 && a1 > x0 - 4 && b0 < y1 + 3 && b1 > y0 - 3;
  });
  await writeFile(join(data, "land.json"), JSON.stringify({type: "FeatureCollection", features: near}));
  return root;
}

/**
 * Runs the reference's `observable build` over and over until `stop()`, which waits for the build under
 * way. A build that fails is load all the same: the loop goes on (and nothing rejects unwatched).
 */
function buildLoop(root: string): {stop(): Promise<void>} {
  let stopped = false;
  const loop = (async () => {
    while (!stopped) await timed(root, "observable", ["build"]).catch(() => 0);
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
    }
  };
}

/** Removes Framework's whole cache (loader outputs and vendored npm modules): the next build starts from nothing. */
async function emptyCache(root: string): Promise<void> {
  await rm(join(root, "src/.observablehq"), {recursive: true, force: true});
}

/** The reference's build, as the kit's: vendor the npm modules Framework's client needs, then `observable build`. */
export async function buildReference(root: string): Promise<number> {
  const start = performance.now();
  await vendorNpm(quiet(root));
  await timed(root, "observable", ["build"]);
  return performance.now() - start;
}

/** Measures the explainer against the reference (see the module's comment). */
export async function benchPublish(): Promise<Result[]> {
  const {root: kit, page, coldMs: kitCold, warmMs: kitWarm} = await benchProject();
  const reference = await referenceProject();
  const browser = await launchChromium();
  const sites: {close(): Promise<void>}[] = [];
  try {
    await emptyCache(reference);
    const refCold = await buildReference(reference);
    const refWarm = await buildReference(reference);

    const kitSite = await serveSite(join(kit, "dist"));
    const refSite = await serveSite(join(reference, "dist"));
    sites.push(kitSite, refSite);
    const kitUrl = `${kitSite.url}${page}`;
    const kitCharts = {selector: "main figure.chart svg", count: (await chartCount(kit, page)) || 1};
    const refCharts = {selector: "main figure svg", count: 3};
    const kitBytes = await measureTransfer(browser, kitUrl);
    const refBytes = await measureTransfer(browser, refSite.url);
    if (kitBytes.foreign || refBytes.foreign) throw new Error("a page requested another host");
    const kitFast = await timeToCharts(browser, kitUrl, {...kitCharts, runs: 5});
    const refFast = await timeToCharts(browser, refSite.url, {...refCharts, runs: 5});
    const kitSlow = await timeToCharts(browser, kitUrl, {...kitCharts, throttle: true});
    const refSlow = await timeToCharts(browser, refSite.url, {...refCharts, throttle: true});
    const css = await cssRuleUsage(browser, kitUrl);
    const kitLh = await medianLighthouse(kitUrl, 3);
    const refLh = await medianLighthouse(refSite.url, 3);
    // The floor: Lighthouse's blocking time for a page of one paragraph, on this machine now.
    const floor = await mkdtemp(join(tmpdir(), "explainer-floor-"));
    await writeFile(
      join(floor, "index.html"),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Floor</title></head><body><p>One paragraph.</p></body></html>\n'
    );
    const floorSite = await serveSite(floor);
    sites.push(floorSite);
    const floorLh = await medianLighthouse(floorSite.url, 3);
    // The same two with another build running beside them (the reference's, over and over), as the
    // target is set: on the 2-core machine while another build runs.
    const beside = buildLoop(reference);
    let kitLoaded: LighthouseResult;
    let floorLoaded: LighthouseResult;
    try {
      kitLoaded = await medianLighthouse(kitUrl, 3);
      floorLoaded = await medianLighthouse(floorSite.url, 3);
    } finally {
      await beside.stop();
    }
    await rm(floor, {recursive: true, force: true});

    // key, name, explainer, reference, unit, digits, target of the value, target of the ratio
    const rows: [string, string, number, number, string, number, Target?, Target?][] = [
      ["build.cold", "build from an empty cache", kitCold, refCold, "ms", 0, undefined, atMost(1.5)],
      ["build.warm", "build, warm cache", kitWarm, refWarm, "ms", 0, undefined, atMost(1.5)],
      ["publish.gzip", "explainer transferred, gzip", kitBytes.encoded, refBytes.encoded, "bytes", 0, atMost(30_000)],
      ["publish.raw", "explainer transferred, raw", kitBytes.decoded, refBytes.decoded, "bytes", 0],
      ["publish.requests", "explainer requests", kitBytes.requests, refBytes.requests, "requests", 0, atMost(4)],
      ["publish.charts_visible", "every chart visible, unthrottled", kitFast, refFast, "ms", 0],
      [
        "publish.charts_visible_slow4g",
        "every chart visible, Slow 4G",
        kitSlow,
        refSlow,
        "ms",
        0,
        undefined,
        atMost(0.12)
      ],
      [
        "publish.lighthouse_performance",
        "Lighthouse mobile performance",
        kitLh.performance,
        refLh.performance,
        "score",
        2,
        atLeast(1)
      ],
      [
        "publish.lighthouse_accessibility",
        "Lighthouse mobile accessibility",
        kitLh.accessibility,
        refLh.accessibility,
        "score",
        2,
        atLeast(1)
      ],
      ["publish.fcp", "Lighthouse first contentful paint", kitLh.fcp, refLh.fcp, "ms", 0],
      ["publish.lcp", "Lighthouse largest contentful paint", kitLh.lcp, refLh.lcp, "ms", 0],
      ["publish.tbt", "Lighthouse total blocking time", kitLh.tbt, refLh.tbt, "ms", 0, atMost(0)],
      ["publish.speed_index", "Lighthouse speed index", kitLh.speedIndex, refLh.speedIndex, "ms", 0],
      ["publish.cls", "Lighthouse cumulative layout shift", kitLh.cls, refLh.cls, "score", 3]
    ];
    const extra: Result[] = [
      {
        key: "publish.css_rules_used",
        name: "explainer: share of the stylesheet's rules a reader's visit uses",
        value: round(css.used / css.rules, 3),
        unit: `ratio (${css.used} of ${css.rules} rules)`,
        target: atLeast(0.8)
      },
      {
        key: "publish.tbt_ms.floor",
        name: "Lighthouse total blocking time of a page of one paragraph (this machine's floor)",
        value: round(floorLh.tbt, 0),
        unit: "ms"
      },
      {
        key: "publish.lighthouse_performance.loaded",
        name: "Lighthouse mobile performance, another build running beside it",
        value: round(kitLoaded.performance, 2),
        unit: "score",
        target: atLeast(1)
      },
      {
        key: "publish.tbt_ms.loaded",
        name: "Lighthouse total blocking time, another build running beside it",
        value: round(kitLoaded.tbt, 0),
        unit: "ms",
        target: atMost(0)
      },
      {
        key: "publish.tbt_ms.floor_loaded",
        name: "the same for the page of one paragraph (this machine's floor while it builds)",
        value: round(floorLoaded.tbt, 0),
        unit: "ms"
      }
    ];
    const unitKey = (unit: string) => ({ms: "_ms", bytes: "_bytes", requests: "", score: ""})[unit] ?? "";
    return [
      ...extra,
      ...rows.flatMap(([key, name, value, ref, unit, digits, target, ratioTarget]) => [
        {
          key: `${key}${unitKey(unit)}`,
          name: `${name}`,
          value: round(value, digits),
          unit,
          ...(target ? {target} : {})
        },
        {key: `${key}${unitKey(unit)}.reference`, name: `${name}, reference page`, value: round(ref, digits), unit},
        // No ratio to a reference of 0 (no blocking time, no layout shift).
        ...(ref === 0
          ? []
          : [
              {
                key: `${key}_ratio`,
                name: `${name} / reference`,
                value: round(value / ref, 3),
                unit: "ratio",
                ...(ratioTarget ? {target: ratioTarget} : {})
              }
            ])
      ])
    ];
  } finally {
    await browser.close();
    for (const site of sites) await site.close();
    await rm(reference, {recursive: true, force: true});
  }
}

/** How many charts the built explainer shows. */
async function chartCount(root: string, page: string): Promise<number> {
  const html = await readFile(join(root, `dist/${page}.html`), "utf-8");
  return (html.match(/<figure class="chart"/g) ?? []).length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const {key, value, unit} of await benchPublish()) console.log(`${key}: ${value} ${unit}`);
}
