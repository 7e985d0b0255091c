/**
 * Built fixture desks, shared by the tests that only read a built site: each fixture is built once
 * per test run (the first test that asks builds it, under a lock; the others wait), and every test
 * gets its own copy of the result, so no test sees another's changes. The run's folder is removed
 * when the run ends (test/global-setup.ts).
 */
import {mkdir, rm, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {copyInto, copyOf, copyProject, explainer, type Fixture} from "./project.ts";
import {oncePerRun} from "./run.ts";

/** The site address the shared builds are made for: a sub-path, as a newsroom hosts them. */
export const testSiteUrl = "https://news.example/news/ukraine/";

/** What the shared build printed, in each copy (relative to its root). */
export const buildLog = ".explainer/build.log";

/** Builds `fixture` once for this test run and resolves to that (read-only) build's folder. */
function sharedBuild(fixture: Fixture): Promise<string> {
  return oncePerRun(`build-${fixture}`, async (folder) => {
    const project = await copyProject(fixture);
    const result = explainer(project, "build", {EXPLAINER_SITE_URL: testSiteUrl});
    await mkdir(join(project, dirname(buildLog)), {recursive: true});
    await writeFile(join(project, buildLog), result.stderr);
    await copyInto(folder, `${project}/.`);
    await rm(project, {recursive: true, force: true});
    if (result.status !== 0)
      throw new Error(
        `the build of the ${fixture} fixture failed:\n${result.stderr.slice(-4000) || `exit ${result.status}`}`
      );
  });
}

/**
 * A copy of `fixture` built with `EXPLAINER_SITE_URL` = {@link testSiteUrl}: `dist/`, the stage and
 * Framework's cache included. Remove it with `removeProject` when done.
 */
export async function builtCopy(fixture: Fixture = "seed"): Promise<string> {
  return copyOf(await sharedBuild(fixture), `explainer-built-${fixture}-`);
}
