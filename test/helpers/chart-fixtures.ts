/**
 * Charts for tests: the seed desk's specs with its ledger (test/fixtures/projects/seed, a copy of
 * the first story, so that a desk's own charts never break the tests), and fixture specs (every
 * chart type and every qualifier) with fixture claims from `test/fixtures/charts/claims.csv`, which
 * are test data, not news: their labels come from parseFigure and labelOf, as the ledger's do.
 */
import {readFile, readdir} from "node:fs/promises";
import {join} from "node:path";
import type {Claim} from "../../src/components/claim.ts";
import {checkChartSpec, type ChartSpec} from "../../src/components/chart-spec.ts";
import type {ChartData} from "../../src/components/charts/types.ts";
import {chartIds, chartsDir, parseChartSpec, type ChartFile} from "../../loaders/charts.ts";
import {labelOf, parseFigure} from "../../loaders/figure.ts";
import {parseCsvRows, readLedger} from "../../loaders/ledger.ts";
import {readLandSync, readPlacesSync} from "../../loaders/places.ts";
import {readSourcesSync} from "../../loaders/sources.ts";

/** The project root (vitest runs in it). */
export const root = process.cwd();
/** The fixture folder of chart tests. */
export const fixtures = join(root, "test/fixtures/charts");

/** The seed desk's fixture. */
export const seedFixture = join(root, "test/fixtures/projects/seed");
/** The same, by the name the chart tests use. */
export const seedRoot = seedFixture;

let seed: Promise<{data: ChartData; charts: ChartFile[]}> | undefined;

/** The seed desk's charts and the data they refer to, loaded once. */
export function seedCharts(): Promise<{data: ChartData; charts: ChartFile[]}> {
  seed ??= (async () => {
    const sources = readSourcesSync(seedFixture);
    const data: ChartData = {
      claims: readLedger(seedFixture, sources),
      places: readPlacesSync(seedFixture),
      land: readLandSync(seedFixture)
    };
    const charts = await Promise.all(
      chartIds(seedFixture).ids.map(async (id) => {
        const file = `${chartsDir}/${id}.json`;
        return {id, file, spec: parseChartSpec(await readFile(join(seedFixture, file), "utf-8"), file, data)};
      })
    );
    return {data, charts};
  })();
  return seed;
}

/** Fixture claims, parsed like the ledger's, with a fixture source. */
export async function fixtureClaims(): Promise<Claim[]> {
  const file = "test/fixtures/charts/claims.csv";
  const rows = parseCsvRows(await readFile(join(root, file), "utf-8"), file);
  return rows.map(({record}) => {
    const figure = parseFigure(record.figure);
    return {
      ...figure,
      id: record.id,
      figure: record.figure,
      label: labelOf(figure),
      measure: record.measure,
      attribution: record.attribution,
      as_of: record.as_of,
      place: record.place,
      source: record.source || "fixture-source",
      source_title: record.source_title || "A fixture source",
      byline: "Test Writer",
      published: record.published || "2022-03-10",
      publisher: "",
      url: "",
      quote: record.figure,
      quote_start: 0,
      quote_end: record.figure.length,
      note: ""
    };
  });
}

/** One chart to test: a name for its snapshots, its spec and its data. */
export interface TestChart {
  name: string;
  spec: ChartSpec;
  data: ChartData;
}

/** Every chart the tests render: the seed's specs, then the fixture specs. */
export async function testCharts(): Promise<TestChart[]> {
  const {data, charts} = await seedCharts();
  const fixtureData: ChartData = {...data, claims: await fixtureClaims()};
  const specs = (await readdir(join(fixtures, "specs"))).filter((f) => f.endsWith(".json")).sort();
  const fixtureCharts = await Promise.all(
    specs.map(async (file) => {
      const check = checkChartSpec(JSON.parse(await readFile(join(fixtures, "specs", file), "utf-8")), fixtureData);
      if (!check.ok) throw new Error(`${file}: ${JSON.stringify(check.problems)}`);
      return {name: file.replace(/\.json$/, ""), spec: check.spec, data: fixtureData};
    })
  );
  return [...charts.map(({id, spec}) => ({name: id, spec, data})), ...fixtureCharts];
}
