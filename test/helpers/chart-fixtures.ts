/**
 * Charts for tests: the fixture desks' specs with their ledgers (test/fixtures/projects/seed, a copy
 * of the first story, and test/fixtures/projects/desk, several sources over several days, so that a
 * desk's own charts never break the tests), and fixture specs (every
 * chart type and every qualifier) with fixture claims from `test/fixtures/charts/claims.csv`, which
 * are test data, not news: their labels come from parseFigure and labelOf, as the ledger's do.
 */
import {readFile, readdir} from "node:fs/promises";
import {join} from "node:path";
import type {Claim} from "../../src/components/claim.ts";
import {checkChartSpec, type ChartSpec} from "../../src/components/chart-spec.ts";
import type {ChartData} from "../../src/components/charts/types.ts";
import {chartIds, chartsDir} from "../../loaders/chart-files.ts";
import {parseChartSpec, type ChartFile} from "../../loaders/charts.ts";
import {labelOf, parseFigure} from "../../loaders/figure.ts";
import {parseCsvRows, readQuotedClaims} from "../../loaders/ledger.ts";
import {orThrow} from "../../loaders/errors.ts";
import {checkPlaces, placesFile, readLandSync} from "../../loaders/places.ts";
import {readSourcesSync} from "../../loaders/sources.ts";

/** The project root (vitest runs in it). */
export const root = process.cwd();
/** The fixture folder of chart tests. */
export const fixtures = join(root, "test/fixtures/charts");

/** The seed desk's fixture. */
export const seedFixture = join(root, "test/fixtures/projects/seed");
/** The same, by the name the chart tests use. */
export const seedRoot = seedFixture;

/** The fixture desks whose charts the tests render: `seed` (the first story) and `desk` (several sources). */
export const fixtureDesks = ["seed", "desk"] as const;
/** A fixture desk's name. */
export type FixtureDesk = (typeof fixtureDesks)[number];

const desks = new Map<FixtureDesk, Promise<{data: ChartData; charts: ChartFile[]}>>();

/** A fixture desk's charts (test/fixtures/projects/<desk>/data/charts) and the data they refer to, loaded once. */
export function deskCharts(desk: FixtureDesk): Promise<{data: ChartData; charts: ChartFile[]}> {
  let loaded = desks.get(desk);
  if (!loaded) {
    const dir = join(root, "test/fixtures/projects", desk);
    loaded = (async () => {
      const sources = readSourcesSync(dir);
      const data: ChartData = {
        claims: readQuotedClaims(dir, sources),
        places: orThrow(checkPlaces(await readFile(join(dir, placesFile), "utf-8"))),
        land: readLandSync()
      };
      const charts = await Promise.all(
        chartIds(dir).ids.map(async (id) => {
          const file = `${chartsDir}/${id}.json`;
          return {id, file, spec: parseChartSpec(await readFile(join(dir, file), "utf-8"), file, data)};
        })
      );
      return {data, charts};
    })();
    desks.set(desk, loaded);
  }
  return loaded;
}

/** The seed desk's charts and the data they refer to, loaded once. */
export function seedCharts(): Promise<{data: ChartData; charts: ChartFile[]}> {
  return deskCharts("seed");
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
  /** Where it comes from: a fixture desk, or `charts` for test/fixtures/charts/specs. */
  from: FixtureDesk | "charts";
}

/** Every chart the tests render: each fixture desk's specs (seed, then desk), then the fixture specs. */
export async function testCharts(): Promise<TestChart[]> {
  const fromDesks = await Promise.all(
    fixtureDesks.map(async (desk) => {
      const {data, charts} = await deskCharts(desk);
      return charts.map(({id, spec}): TestChart => ({name: id, spec, data, from: desk}));
    })
  );
  const {data} = await seedCharts();
  const fixtureData: ChartData = {...data, claims: await fixtureClaims()};
  const specs = (await readdir(join(fixtures, "specs"))).filter((f) => f.endsWith(".json")).sort();
  const fixtureCharts = await Promise.all(
    specs.map(async (file): Promise<TestChart> => {
      const check = checkChartSpec(JSON.parse(await readFile(join(fixtures, "specs", file), "utf-8")), fixtureData);
      if (!check.ok) throw new Error(`${file}: ${JSON.stringify(check.problems)}`);
      return {name: file.replace(/\.json$/, ""), spec: check.spec, data: fixtureData, from: "charts"};
    })
  );
  const all = [...fromDesks.flat(), ...fixtureCharts];
  const names = all.map((c) => c.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) throw new Error(`test charts share a name (their snapshots would too): ${twice.join(", ")}`);
  return all;
}

/**
 * A hand-made chart for the layout checks: a text crossed by a map's border (`.kit-land`), and one
 * whose box only touches a border along its top edge (as a label against the frame does).
 */
export const crossedSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" class="kit-chart" width="200" height="100" viewBox="0 0 200 100" fill="currentColor">' +
  '<g class="kit-land" fill="currentColor" fill-opacity="0.1" stroke="currentColor"><path d="M0,50L200,50"/><path d="M0,0L200,0"/></g>' +
  '<g class="kit-label"><text font-size="12"><tspan x="10" y="55">Crossed</tspan></text></g>' +
  '<g class="kit-label"><text font-size="12"><tspan x="10" y="11.16">Along the edge</tspan></text></g>' +
  "</svg>";

/** A hand-made chart for the layout checks: three squares as one filled path, a text between them and one on a square. */
export const squaresSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" class="kit-chart" width="200" height="100" viewBox="0 0 200 100" fill="currentColor">' +
  '<g class="kit-mark"><path fill="#4269d0" d="m0 0h7v7h-7zm0 40h7v7h-7zm60 0h7v7h-7z"/></g>' +
  '<g class="kit-label"><text font-size="12"><tspan x="2" y="20">Between the rows</tspan></text></g>' +
  '<g class="kit-label"><text font-size="12"><tspan x="50" y="50">On a square</tspan></text></g>' +
  "</svg>";
