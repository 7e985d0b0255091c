/**
 * Once per test run: a folder for the shared fixture builds (test/helpers/built.ts), removed when
 * the run ends, so a run leaves nothing behind for the next.
 */
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {TestProject} from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    builds: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const builds = await mkdtemp(join(tmpdir(), "explainer-builds-"));
  project.provide("builds", builds);
  return () => rm(builds, {recursive: true, force: true});
}
