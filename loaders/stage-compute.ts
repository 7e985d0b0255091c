/**
 * The stage's work, loaded only when its inputs changed (loaders/stage.ts decides): verify the
 * sources and the ledger, read places, corrections and the ignore list, audit every number of every
 * source, validate and render the charts whose inputs changed, and check every page with the page
 * plugin, giving each problem its scope.
 */
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import MarkdownIt from "markdown-it";
import {readFrontMatter} from "./front-matter.ts";
import {noClaim, type Claim} from "../src/components/claim.ts";
import {didYouMean} from "../src/components/suggest.ts";
import type {ChartData, MapPlace} from "../src/components/charts/types.ts";
import {
  auditNumbers,
  bodyLineOf,
  checkIgnored,
  ignoredFile,
  markSuperseded,
  unreviewedProblems,
  type AuditedNumber
} from "./audit.ts";
import {pageStory, type PageScan} from "./block-context.ts";
import {textFields} from "../src/components/chart-spec.ts";
import {chartIds, chartsDir} from "./chart-files.ts";
import {parseChartSpec} from "./charts.ts";
import {checkCorrections, correctionsFile} from "./corrections.ts";
import {chartRows} from "./downloads.ts";
import {KitError, type Checked} from "./errors.ts";
import {defaultSiteName, explainersDir, keyLine, readExplainers, siteNameOf, type Explainer} from "./explainers.ts";
import {contentHash} from "./hash.ts";
import {ledgerFile, readQuotedClaims} from "./ledger.ts";
import {chartMentions, citedLines, compareWithRecord} from "./living.ts";
import {movedOnFigures, readPublished, type PublishedFigure} from "./published.ts";
import {checkReviews, reviewsFile} from "./reviews.ts";
import {brokenLinks} from "./page-links.ts";
import {uncitedNumbers} from "./page-numbers.ts";
import {pageScriptProblems} from "./page-scripts.ts";
import {checkPlaces, placesFile} from "./places.ts";
import {explainerProse, scanPage} from "./prose.ts";
import {readSourcesSync, type Source} from "./sources.ts";
import {checkTextChars} from "./text.ts";
import {drawnCharts, stageVersion, type Stage, type StagedChart, type StagedExplainer} from "./stage-model.ts";
import {scoped, stageProblem, type StageProblem} from "./stage-problems.ts";

const project = {project: true} as const;

/** Reads a file under root, or null when it does not exist. */
function readOptional(root: string, file: string): string | null {
  try {
    return readFileSync(join(root, file), "utf-8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * The verified ledger: quoted claims, and, when the ledger has a `query` column, the claims computed
 * from datasets (DuckDB loads only then).
 */
async function readClaims(root: string, sources: Source[]): Promise<Claim[]> {
  const header = (readOptional(root, ledgerFile) ?? "").replace(/^\ufeff/, "").split(/\r?\n/, 1)[0];
  if (!header.split(",").some((name) => name.replace(/^"|"$/g, "").trim() === "query"))
    return readQuotedClaims(root, sources);
  const {readLedgerWithComputed} = await import("./computed-claims.ts");
  return readLedgerWithComputed(root, sources);
}

/** The hash of the kit's code that draws charts, so that a changed renderer redraws every chart. */
function rendererHash(): string {
  const components = fileURLToPath(new URL("../src/components/", import.meta.url));
  const parts: string[] = [];
  for (const name of (readdirSync(components, {recursive: true, encoding: "utf-8"}) as string[]).sort()) {
    if (name.endsWith(".ts")) parts.push(name, contentHash(readFileSync(join(components, name))));
  }
  const render = fileURLToPath(new URL("./render-charts.ts", import.meta.url));
  parts.push("render-charts.ts", contentHash(readFileSync(render)));
  return contentHash(parts.join("\n"));
}

/**
 * What a chart's drawing depends on: its spec's text, the claims and places its text names, and the
 * renderer. A chart whose key is unchanged keeps its drawing.
 */
function chartKey(text: string, claims: readonly Claim[], places: readonly MapPlace[], renderer: string): string {
  const named = (name: string) => text.includes(`"${name}"`) || text.includes(`{${name}`);
  return contentHash(
    JSON.stringify([text, claims.filter((c) => named(c.id)), places.filter((p) => named(p.name)), renderer])
  );
}

/**
 * Validates and renders the charts whose key changed; keeps the last good drawing of a bad one, and
 * names the bad ones (`failed`).
 */
async function stageCharts(
  root: string,
  data: ChartData,
  previous: Stage | null,
  problems: StageProblem[]
): Promise<{charts: Record<string, StagedChart>; failed: string[]}> {
  const {ids, problems: idProblems} = chartIds(root);
  problems.push(...idProblems.map((p) => stageProblem(p, project)));
  const renderer = rendererHash();
  const charts: Record<string, StagedChart> = {};
  const failed: string[] = [];
  let render: typeof import("./render-charts.ts") | undefined;
  for (const id of ids) {
    const file = `${chartsDir}/${id}.json`;
    const text = readFileSync(join(root, file), "utf-8");
    const key = chartKey(text, data.claims, data.places, renderer);
    const last = previous?.charts[id];
    if (last && last.key === key) {
      charts[id] = last;
      continue;
    }
    try {
      if (!data.land && /"type"\s*:\s*"map"/.test(text)) {
        const {readLandSync} = await import("./places.ts");
        data.land = readLandSync();
      }
      const spec = parseChartSpec(text, file, data);
      render ??= await import("./render-charts.ts");
      const rendered = render.renderChartFile({id, file, spec}, data);
      const mentions = chartMentions(textFields(spec), spec.annotations);
      charts[id] = {...rendered, id, file, type: spec.type, key, rows: chartRows(id, rendered, data), mentions};
    } catch (error) {
      problems.push(...scoped(error, project));
      failed.push(id);
      if (last) charts[id] = last;
    }
  }
  return {charts, failed};
}

/** The page's path for Framework: `src/explainers/x.md` → `/explainers/x`. */
function pathOf(file: string): string {
  return file.replace(/^src/, "").replace(/\.md$/, "");
}

/** Every page under src/ to check: not in dot-folders, not parameterized (`[chart].md`). */
function pageFiles(root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(root, "src"), {recursive: true, encoding: "utf-8"}) as string[];
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith(".md") && !n.split("/").some((p) => p.startsWith(".")) && !/\[[^\]]*\]/.test(n))
    .map((n) => `src/${n}`)
    .sort();
}

/**
 * Checks one page with the plugin: what it cites and places, and its problems. Throws for a page that
 * is not UTF-8 text (a byte pasted from a Windows-1252 editor would reach readers as "�").
 */
function checkPage(
  md: MarkdownIt,
  file: string,
  text: string,
  claims: readonly Claim[]
): {scan: PageScan; data: Record<string, unknown>; problems: KitError[]} {
  checkTextChars(text, file);
  const parsed = readFrontMatter(text, file);
  const bodyLine = text.slice(0, text.length - parsed.content.length).split("\n").length;
  const scan = scanPage(md, pathOf(file), parsed.data, bodyLine, parsed.content);
  return {
    scan,
    data: parsed.data,
    problems: [...scan.problems, ...uncitedNumbers(text, file, claims), ...pageScriptProblems(text, file)]
  };
}

/**
 * Computes the story from the project's files. Returns the story (null when the sources or the
 * ledger cannot be verified: the caller keeps the last good one) and every problem with its scope.
 */
export async function computeStage(
  root: string,
  inputs: string,
  previous: Stage | null
): Promise<{stage: Stage | null; problems: StageProblem[]}> {
  const problems: StageProblem[] = [];
  const attempt = <T>(make: () => T, fallback: T): T => {
    try {
      return make();
    } catch (error) {
      problems.push(...scoped(error, project));
      return fallback;
    }
  };
  const sources = attempt<Source[] | null>(() => readSourcesSync(root), null);
  let claims: Claim[] | null = null;
  if (sources) {
    try {
      claims = await readClaims(root, sources);
    } catch (error) {
      problems.push(...scoped(error, project));
    }
  }
  // A file of rows reports each bad row at its line and leaves it out; its good rows still count, so
  // one typo does not set off false problems about the rest (a place "not in data/places.csv").
  const rowsOf = <T>(file: string, check: (text: string) => Checked<T>): T[] => {
    const text = readOptional(root, file);
    if (text === null) return [];
    return attempt(() => {
      const read = check(text);
      for (const problem of read.problems) problems.push(...scoped(problem, project));
      return read.rows;
    }, []);
  };
  const places = rowsOf(placesFile, checkPlaces);
  const corrections = rowsOf(correctionsFile, checkCorrections);
  const siteName = attempt(() => siteNameOf(root), defaultSiteName);
  const {explainers, problems: frontMatterProblems} = readExplainers(root);
  for (const p of frontMatterProblems) problems.push(stageProblem(p, {explainer: p.file.replace(/^.*\/|\.md$/g, "")}));
  if (!sources || !claims) return {stage: null, problems};

  // Every number of every source, with what the ledger and the ignore list say of it.
  const ignores = rowsOf(ignoredFile, (text) => checkIgnored(text, sources));
  const audit = auditNumbers(sources, claims, ignores);
  problems.push(...audit.problems.map((p) => stageProblem(p, project)));
  const bodyLines = new Map(sources.map((s) => [s.id, bodyLineOf(readFileSync(join(root, s.file), "utf-8"), s.body)]));
  // What each explainer showed when it was last published: the base of what changed since. A figure
  // that has moved on (another source, another label) leaves its old quote to be ignored.
  const record = attempt<PublishedFigure[] | null>(() => readPublished(root), null);
  const claimsById = new Map(claims.map((c) => [c.id, c]));
  const movedOn = movedOnFigures(record ?? [], claims);
  const numbers: AuditedNumber[] = markSuperseded(audit.rows, claims, movedOn);

  const {charts, failed: failedCharts} = await stageCharts(root, {claims, places}, previous, problems);
  // What the pages are checked against: the charts that draw now. A bad chart's last good drawing does
  // not make its page right, so check says the same with or without an earlier story.
  const drawn = drawnCharts(charts, failedCharts);

  // Every page, checked with the plugin against this story.
  const partial = {claims, sources, charts: drawn, explainers: [] as StagedExplainer[], corrections};
  const md = MarkdownIt({html: true}).use(explainerProse, {root, story: () => pageStory(partial)});
  const bySlug = new Map<string, Explainer>(explainers.map((e) => [e.slug, e]));
  const drafts = new Set(explainers.filter((e) => e.draft).map((e) => pathOf(e.file)));
  const staged: StagedExplainer[] = [];
  for (const file of pageFiles(root)) {
    const slug = file.startsWith(`${explainersDir}/`) ? file.slice(explainersDir.length + 1, -3) : undefined;
    const explainer = slug ? bySlug.get(slug) : undefined;
    if (slug && !explainer) continue; // its front matter's problems are already reported
    const text = explainer?.text ?? readFileSync(join(root, file), "utf-8");
    let checked: ReturnType<typeof checkPage>;
    try {
      checked = checkPage(md, file, text, claims);
    } catch (error) {
      // Text that is not UTF-8, or a front matter the kit will not read: the page's only problem.
      problems.push(...scoped(error, slug ? {explainer: slug} : {page: file}));
      continue;
    }
    const {scan, data, problems: pageProblems} = checked;
    const draft = data.draft === true;
    const scope = slug ? {explainer: slug} : {page: file};
    problems.push(...pageProblems.map((p) => stageProblem(p, scope, !draft)));
    // A broken link is a warning: the page still reads, as Framework's build still builds it. A draft
    // may link to another draft.
    const links = brokenLinks(root, file, scan.links, draft ? new Set() : drafts);
    problems.push(...links.map((p) => stageProblem(p, scope, false)));
    if (!explainer) continue;
    const cited = scan.citations.entries().map((e) => e.claim);
    const shown = [...new Set([...cited, ...scan.charts.flatMap((id) => drawn[id]?.claims ?? [])])];
    const sourceIds = [...new Set(shown.map((id) => claimsById.get(id)?.source).filter((s): s is string => !!s))];
    if (explainer.card !== undefined) {
      const place = {file, line: keyLine(text, "card")};
      const problem = !claimsById.has(explainer.card)
        ? new KitError("UNKNOWN_CLAIM", `card: ${noClaim(explainer.card, claimsById.keys())}`, place)
        : !shown.includes(explainer.card)
          ? new KitError(
              "FIGURE_NOT_CITED",
              `card: {${explainer.card}} is the social card's figure, and the page shows it nowhere: cite it in the text`,
              place
            )
          : null;
      if (problem) problems.push(stageProblem(problem, scope, !draft));
    }
    const {text: _text, allow: _allow, ...meta} = explainer;
    const places = citedLines(
      text,
      scan.citations.entries().flatMap((e) => e.citations)
    );
    staged.push({
      ...meta,
      claims: cited,
      charts: scan.charts,
      sources: sourceIds,
      corrections: corrections.filter((c) => c.explainer === explainer.slug),
      asOf:
        shown
          .map((id) => claimsById.get(id)?.as_of ?? "")
          .sort()
          .at(-1) ?? "",
      places
    });
  }

  // Corrections name an explainer that exists, and a claim of the ledger.
  for (const c of corrections) {
    const place = {file: "data/corrections.csv", line: c.line};
    if (!bySlug.has(c.explainer)) {
      problems.push(
        stageProblem(
          new KitError(
            "UNKNOWN_EXPLAINER",
            `no explainer "${c.explainer}" in ${explainersDir}/${didYouMean(c.explainer, bySlug.keys())}`,
            place
          ),
          project
        )
      );
    }
    if (c.claim && !claimsById.has(c.claim)) {
      problems.push(stageProblem(new KitError("UNKNOWN_CLAIM", noClaim(c.claim, claimsById.keys()), place), project));
    }
  }

  // An unreviewed number blocks the build only of published explainers that cite its source.
  const published = staged.filter((e) => !e.draft);
  const blocks = (source: string) => published.some((e) => e.sources.includes(source));
  for (const p of unreviewedProblems(numbers, sources, bodyLines, movedOn, blocks)) {
    const source = sources.find((s) => s.file === p.file)?.id ?? p.file;
    problems.push(stageProblem(p, {source}, blocks(source)));
  }

  // What changed since each explainer was published, and what readers are owed for it.
  const reviews = rowsOf(reviewsFile, checkReviews);
  const living = compareWithRecord({
    explainers: staged,
    charts: drawn,
    claims: claimsById,
    record,
    reviews,
    corrections
  });
  problems.push(...living.problems);

  const stage: Stage = {
    version: stageVersion,
    inputs,
    sources,
    claims,
    places,
    charts,
    failedCharts,
    explainers: staged,
    corrections,
    numbers,
    published: record,
    reviews,
    changes: living.changes,
    siteName
  };
  return {stage, problems};
}
