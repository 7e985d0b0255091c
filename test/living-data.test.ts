import {readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {JSDOM} from "jsdom";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {explainerCsv} from "../loaders/downloads.ts";
import {runStage} from "../loaders/stage.ts";
import type {Stage} from "../loaders/stage-model.ts";
import {stageOutputs} from "../loaders/stage-output-content.ts";
import {freshnessView, staleMeasures, type ExplainerFreshness} from "../src/components/freshness.ts";
import {main} from "../tools/cli.ts";
import {jsonLdScript, structuredData} from "../tools/publish/meta.ts";
import {pageInfo} from "../tools/publish/page-info.ts";
import {copyLiving, edit} from "./helpers/living.ts";
import {projectRoot, recordingEffects} from "./helpers/project.ts";

type Node = Record<string, unknown>;
const ranges = JSON.parse(await readFile(join(projectRoot, "test/fixtures/schema-org/ranges.json"), "utf-8")) as {
  subClassOf: Record<string, string | null>;
  properties: Record<string, {domain: string[]; range: string[]}>;
  closed: string[];
};

/** A type and its ancestors in the fixture's hierarchy. */
function lineage(type: string): string[] {
  const out: string[] = [];
  for (let t: string | null | undefined = type; t; t = ranges.subClassOf[t]) out.push(t);
  return out;
}

/** Whether a JSON-LD value fits one schema.org range. */
function fits(value: unknown, range: string): boolean {
  if (range === "Text") return typeof value === "string";
  if (range === "Number") return typeof value === "number" && Number.isFinite(value);
  if (range === "Boolean") return typeof value === "boolean";
  if (range === "Date") return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (range === "DateTime") return typeof value === "string" && !Number.isNaN(Date.parse(value));
  if (range === "URL") return typeof value === "string" && URL.canParse(value);
  if (value && typeof value === "object" && "@type" in value)
    return lineage(String((value as Node)["@type"])).includes(range);
  return false;
}

/**
 * The shape check: every property the fixture knows is used on a type of its domain, with values in
 * its range; a type the fixture lists as closed uses no other property. Returns the problems, by path.
 */
function shapeProblems(node: unknown, path = "$"): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => shapeProblems(n, `${path}[${i}]`));
  if (!node || typeof node !== "object") return [];
  const object = node as Node;
  const problems: string[] = [];
  const type = typeof object["@type"] === "string" ? (object["@type"] as string) : undefined;
  if (type && !(type in ranges.subClassOf)) problems.push(`${path}: unknown type ${type}`);
  for (const [key, value] of Object.entries(object)) {
    if (key.startsWith("@")) {
      if (key === "@graph") problems.push(...shapeProblems(value, `${path}.@graph`));
      continue;
    }
    const property = ranges.properties[key];
    if (!property) {
      if (type && ranges.closed.includes(type))
        problems.push(`${path}.${key}: not a property the check knows on ${type}`);
    } else {
      if (type && !property.domain.some((d) => lineage(type).includes(d))) {
        problems.push(`${path}.${key}: not a property of ${type}`);
      }
      for (const [i, v] of (Array.isArray(value) ? value : [value]).entries()) {
        if (!property.range.some((r) => fits(v, r))) {
          problems.push(
            `${path}.${key}${Array.isArray(value) ? `[${i}]` : ""}: ${JSON.stringify(v).slice(0, 60)} is not ${property.range.join(" or ")}`
          );
        }
      }
    }
    if (value && typeof value === "object") problems.push(...shapeProblems(value, `${path}.${key}`));
  }
  return problems;
}

/** The JSON-LD of a page, as the script in its HTML carries it (the parse of the "JSON-LD parse"). */
function parseJsonLd(script: string): {"@context": string; "@graph": Node[]} {
  const text = /^<script type="application\/ld\+json">([^<]*)<\/script>$/.exec(script)?.[1];
  if (text === undefined) throw new Error("not a JSON-LD script");
  const data = JSON.parse(text);
  if (data["@context"] !== "https://schema.org" || !Array.isArray(data["@graph"]))
    throw new Error("not a schema.org graph");
  const ids = new Set<string>();
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(visit);
    if (!n || typeof n !== "object") return;
    const id = (n as Node)["@id"];
    if (typeof id === "string") {
      if (ids.has(id)) throw new Error(`@id ${id} is used twice`);
      ids.add(id);
    }
    Object.values(n).forEach(visit);
  };
  visit(data["@graph"]);
  return data;
}

const pageUrl = "https://news.example/news/ukraine/explainers/leaving-ukraine";
const file = "explainers/leaving-ukraine.html";
const html =
  '<main><p class="get-data"><a href="../data/download/claims/leaving-ukraine.csv" download="leaving-ukraine-figures.csv">Download the figures on this page (CSV)</a></p></main>';

function jsonLdOf(stage: Stage, page = html) {
  const info = pageInfo(stage, file, page, {});
  const urls = {page: pageUrl, card: `${pageUrl}.png`, chartCards: new Map<string, string>()};
  const script = jsonLdScript(structuredData(info, urls, {site: "https://news.example/news/ukraine/", stage}));
  return parseJsonLd(script);
}

let root: string;
let stage: Stage;
beforeAll(async () => {
  root = await copyLiving();
  await writeFile(
    join(root, "data/corrections.csv"),
    'explainer,date,kind,claim,change\nleaving-ukraine,2026-11-25,update,refugees,"Refugees: the count was checked again."\n'
  );
  stage = (await runStage(root)).stage!;
});
afterAll(() => rm(root, {recursive: true, force: true}));

describe("figures as structured data", () => {
  test("structuredData describes each figure as a PropertyValue linked to a Claim with its quote and source, in schema.org's ranges", () => {
    const data = jsonLdOf(stage);
    expect(shapeProblems(data)).toEqual([]);
    const [article, figures] = data["@graph"];
    expect(article).toMatchObject({"@type": "NewsArticle", datePublished: "2022-03-02", dateModified: "2026-11-25"});
    expect(figures).toMatchObject({"@type": "Dataset", "@id": `${pageUrl}#figures`});
    expect(figures.variableMeasured).toEqual([
      {
        "@type": "PropertyValue",
        "@id": `${pageUrl}#figure-refugees`,
        name: "refugees",
        value: 800000,
        minValue: 800000,
        unitText: "refugees",
        description: "more than 800,000",
        subjectOf: {
          "@type": "Claim",
          "@id": `${pageUrl}#claim-refugees`,
          text: "Well over 800,000 people have left Ukraine as refugees, the UN refugee agency said on Wednesday.",
          appearance: {
            "@type": "CreativeWork",
            name: "Refugees leave Ukraine in growing numbers",
            author: {"@type": "Person", name: "Fixture Wire"},
            publisher: {"@type": "Organization", name: "Explainer Kit fixtures"},
            datePublished: "2022-03-02",
            url: "https://news.example/fixtures/refugees-leave-ukraine"
          }
        }
      }
    ]);
  });

  test("a page with no figures download still carries a Dataset of its figures", () => {
    const graph = jsonLdOf(stage, "<main></main>")["@graph"];
    expect(graph.map((n) => n["@type"])).toEqual(["NewsArticle", "Dataset"]);
    expect(graph[1]).toMatchObject({
      "@id": `${pageUrl}#figures`,
      name: "The figures of “Leaving Ukraine: the refugee count”"
    });
    expect(shapeProblems(graph)).toEqual([]);
  });

  test("the shape check refuses values outside a property's range and unknown properties of a figure", () => {
    const bad = {
      "@type": "PropertyValue",
      minValue: "800,000",
      subjectOf: {"@type": "Claim", appearance: "the UN", quote: "…"}
    };
    expect(shapeProblems(bad)).toEqual([
      '$.minValue: "800,000" is not Number',
      '$.subjectOf.appearance: "the UN" is not CreativeWork',
      "$.subjectOf.quote: not a property the check knows on Claim"
    ]);
  });
});

describe("the log in the explainer's CSV download", () => {
  test("explainerCsv gives each figure its newest update's date and its log, newest first", () => {
    const claim = stage.claims.find((c) => c.id === "refugees")!;
    const log = [
      {explainer: "x", date: "2026-11-20", kind: "correction" as const, claim: "refugees", change: "First.", line: 2},
      {explainer: "x", date: "2026-11-25", kind: "update" as const, claim: "refugees", change: "Second.", line: 3},
      {explainer: "x", date: "2026-11-26", kind: "update" as const, claim: "", change: "Wording.", line: 4}
    ];
    const [row] = csvParse(explainerCsv([claim], log));
    expect(row.updated).toBe("2026-11-25");
    expect(row.log).toBe("Updated 25 November 2026: Second.; Corrected 20 November 2026: First.");
  });

  test("the stage's claims.zip holds the explainer's log in its CSV", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await stageOutputs["data/download/claims.zip"](stage, root));
    const [row] = csvParse(await zip.file("leaving-ukraine.csv")!.async("string"));
    expect([row.id, row.updated, row.log]).toEqual([
      "refugees",
      "2026-11-25",
      "Updated 25 November 2026: Refugees: the count was checked again."
    ]);
  });
});

describe("freshness", () => {
  const explainers: ExplainerFreshness[] = [
    {
      slug: "a",
      title: "A",
      file: "src/explainers/a.md",
      maxAgeDays: 30,
      measures: [
        {measure: "refugees", asOf: "2026-10-01", claims: ["r"]},
        {measure: "deaths", asOf: "2026-11-20", claims: ["d"]}
      ]
    },
    {
      slug: "b",
      title: "B",
      file: "src/explainers/b.md",
      maxAgeDays: null,
      measures: [{measure: "x", asOf: "2000-01-01", claims: ["x"]}]
    }
  ];

  test("staleMeasures lists the measures older than their explainer's maxAgeDays, and only those", () => {
    expect(staleMeasures(explainers, "2026-11-25").map((s) => [s.explainer, s.measure, s.ageDays])).toEqual([
      ["a", "refugees", 55]
    ]);
    expect(staleMeasures(explainers, "2026-10-31")).toEqual([]);
  });

  test("freshnessView lists each stale measure with its explainer, date and age", () => {
    const {window} = new JSDOM("<!DOCTYPE html>");
    (globalThis as {document?: Document}).document = window.document;
    try {
      const view = freshnessView(explainers, {today: "2026-11-25"});
      expect(view.querySelector(".freshness-summary")!.textContent).toBe(
        "1 measure older than its explainer allows, on 25 November 2026:"
      );
      expect([...view.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
        "A: refugees: the newest figure is as of 1 October 2026, 55 days before today (maxAgeDays: 30)"
      ]);
      expect(freshnessView(explainers, {today: "2026-10-31"}).textContent).toBe(
        "No stale measure on 31 October 2026: every measure of the 1 explainer with a maxAgeDays is recent enough."
      );
    } finally {
      delete (globalThis as {document?: Document}).document;
    }
  });

  test("check warns (exit 0) for a measure older than maxAgeDays on the command's clock; the audit's data lists it", async () => {
    await edit(root, "src/explainers/leaving-ukraine.md", (t) =>
      t.replace("published: 2022-03-02\n", "published: 2022-03-02\nmaxAgeDays: 30\n")
    );
    const effects = recordingEffects(root, new Date("2026-11-25T12:00:00Z"));
    expect(await main(["check"], effects)).toBe(0);
    expect(
      effects.err
        .join("")
        .split("\n")
        .filter((l) => l.includes("FIGURES_STALE"))
    ).toEqual([
      "warning: src/explainers/leaving-ukraine.md: maxAgeDays: FIGURES_STALE: refugees: the newest figure is as of 2 March 2022, 1,729 days before today (maxAgeDays: 30); refresh the figures, or raise maxAgeDays"
    ]);
    const later = recordingEffects(root, new Date("2022-03-20T12:00:00Z"));
    expect(await main(["check"], later)).toBe(0);
    expect(later.err.join("")).not.toContain("FIGURES_STALE");
    const {stage: next} = await runStage(root);
    expect(JSON.parse(String(await stageOutputs["data/freshness.json"](next!, root)))).toEqual([
      {
        slug: "leaving-ukraine",
        title: "Leaving Ukraine: the refugee count",
        file: "src/explainers/leaving-ukraine.md",
        maxAgeDays: 30,
        measures: [{measure: "refugees", asOf: "2022-03-02", claims: ["refugees"]}]
      }
    ]);
  });

  test("a maxAgeDays that is not a whole number of days fails check with its line", async () => {
    await edit(root, "src/explainers/leaving-ukraine.md", (t) => t.replace(/maxAgeDays: .*\n/, "maxAgeDays: soon\n"));
    const effects = recordingEffects(root);
    expect(await main(["check"], effects)).toBe(1);
    expect(effects.err.join("")).toContain(
      'src/explainers/leaving-ukraine.md:6: INVALID_FIELD: maxAgeDays "soon" is not a whole number of days above 0'
    );
  });
});
