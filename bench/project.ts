/**
 * The project the benchmarks measure: the kit with the seed fixture desk (test/fixtures/projects/seed)
 * and a second explainer the bench writes itself, so that the home page lists two and the numbers
 * never depend on the checkout's own stories. Built once per bench run, from an empty cache and then
 * warm, with both times kept.
 */
import {rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {copyProject, removeProject} from "../test/helpers/project.ts";
import {timed} from "./timed.ts";

/** The second explainer: the bench's own words, citing the fixture's figures and placing one of its charts. */
const secondExplainer = `---
title: "Counting the displaced"
standfirst: "How the refugee figure was reported, and what its qualifier means."
byline: the bench
published: 2026-11-30
---

# Counting the displaced

::: standfirst

::: byline

The estimate the report gave was {refugees}, which the report attributed to {refugees.attribution}.

::: chart refugees-and-deaths

::: ledger

::: sources
`;

/** The bench project, built: its root and how long its builds took. */
export interface BenchProject {
  root: string;
  /** The explainer page every page metric loads. */
  page: string;
  coldMs: number;
  warmMs: number;
}

let built: Promise<BenchProject> | undefined;

/** Framework's cache and the stage, gone: the next build starts from nothing but node_modules. */
export async function emptyCaches(root: string): Promise<void> {
  await rm(join(root, "src/.observablehq"), {recursive: true, force: true});
  await rm(join(root, ".explainer"), {recursive: true, force: true});
}

/** Builds the bench project once per run (cold, then warm). */
export function benchProject(): Promise<BenchProject> {
  built ??= (async () => {
    const root = await copyProject("seed");
    await writeFile(join(root, "src/explainers/counting-the-displaced.md"), secondExplainer);
    await emptyCaches(root);
    const coldMs = await timed(root, process.execPath, ["bin/explainer.js", "build"]);
    const warmMs = await timed(root, process.execPath, ["bin/explainer.js", "build"]);
    return {root, page: "explainers/ukraine-dead-displaced-kyiv", coldMs, warmMs};
  })();
  return built;
}

/** Removes the bench project, if a suite built it. */
export async function disposeBenchProject(): Promise<void> {
  const project = await built?.catch(() => null);
  if (project) await removeProject(project.root);
}
