/**
 * The editing session under `explainer dev`: a new token at every start, the save endpoint on
 * loopback (the preview's port + 1, or any free port when that one is taken) accepting only the
 * preview's origins, with the chart editor's routes, the review routes and the number audit's (the
 * ledger and the ignore list), and the session delivered to the editor page and, under dev only, the audit page, through the
 * loader `src/data/editor-session.json.ts`, which reads it from the environment (`EXPLAINER_EDITOR`).
 *
 * An environment variable is not a file, so the refresh logic cannot see it change: the session's
 * cached output is removed when a session starts (the loader then runs again with the new token)
 * and when it ends (no token outlives its server in the cache).
 */
import {rm} from "node:fs/promises";
import type {Server} from "node:http";
import {join} from "node:path";
import {checkChartSpec} from "../src/components/chart-spec.ts";
import type {ChartData} from "../src/components/charts/types.ts";
import {problemsOf, throwIfAny} from "../loaders/errors.ts";
import {readLandSync} from "../loaders/places.ts";
import {readStoredStage, runStage} from "../loaders/stage.ts";
import {asKitErrors, blockingProblems} from "../loaders/stage-problems.ts";
import {describeLoader} from "./deps.ts";
import {chartRoutes} from "./chart-routes.ts";
import {ignoreRoutes} from "./ignore-routes.ts";
import {ledgerRoutes} from "./ledger-routes.ts";
import {reviewRoutes} from "./review-routes.ts";
import {newToken, startSaveServer, type FieldProblem} from "./save-server.ts";

import {sessionEnv, sessionLoader, type EditorSession} from "./session-json.ts";

export {editorSessionJson, sessionEnv, sessionLoader, type EditorSession} from "./session-json.ts";

/**
 * Everything a spec may refer to, from the stage's last verified story: claims, places, and the
 * land for maps (what the editor's saves are checked against). Runs the stage only when it never
 * ran; throws its problems when there is no verified story.
 *
 * ```ts
 * const check = checkChartSpec(json, await loadChartData(root));
 * ```
 */
async function loadChartData(root: string): Promise<ChartData> {
  let stage = readStoredStage(root);
  if (!stage) {
    const run = await runStage(root);
    if (!run.stage) throwIfAny(asKitErrors(blockingProblems(run)));
    stage = run.stage!;
  }
  return {claims: stage.claims, places: stage.places, land: readLandSync()};
}

/** The origins of the preview at `port`, the only ones allowed to save. */
export function previewOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** Removes the session's cached output and its dependency record, so that the loader runs again. */
export async function clearSessionOutput(root: string): Promise<void> {
  const {output, manifest} = describeLoader(root, join(root, sessionLoader));
  await Promise.all([rm(output, {force: true}), rm(manifest, {force: true})]);
}

/**
 * Validates a spec as the save endpoint must: the chart schema and the ledger as they are now (read
 * again at every save, so an edit of data/claims.csv is seen). A ledger that does not load is one
 * problem on the whole spec.
 */
export async function validateSpec(root: string, spec: unknown): Promise<FieldProblem[]> {
  let data;
  try {
    data = await loadChartData(root);
  } catch (error) {
    const problems = problemsOf(error);
    if (problems.length === 0) throw error;
    const detail = `the ledger has ${problems.length} problem(s); fix them first: ${problems[0].message}`;
    return [{code: "LEDGER_INVALID", field: "", detail}];
  }
  return checkChartSpec(spec, data).problems.map(({code, field, detail}) => ({code, field, detail}));
}

/** A running session: its URL and token, and `close` to stop the endpoint and forget the token. */
export interface RunningSession extends EditorSession {
  server: Server;
  close(): Promise<void>;
}

function listenError(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === "EADDRINUSE";
}

/**
 * Starts the save endpoint for a preview on `previewPort`, puts the session in this process's
 * environment (the loaders refresh runs and the preview it spawns inherit it) and removes the last
 * session's cached output. Call it before the first refresh and before starting the preview.
 * `onSave` is called with each file a save wrote (relative to the root), once it is on disk.
 */
export async function startEditorSession(
  root: string,
  previewPort: number,
  {onSave}: {onSave?: (file: string) => void} = {}
): Promise<RunningSession> {
  const options = {
    root,
    token: newToken(),
    origins: previewOrigins(previewPort),
    routes: [
      ...chartRoutes({validate: (spec: unknown) => validateSpec(root, spec)}),
      ...reviewRoutes({root}),
      ...ledgerRoutes({root}),
      ...ignoreRoutes({root})
    ],
    onWrite: (file: string) => onSave?.(file)
  };
  const started = await startSaveServer(options, previewPort + 1).catch((error) => {
    if (listenError(error)) return startSaveServer(options, 0);
    throw error;
  });
  // The endpoint never keeps the process alive on its own: dev lives as long as its preview.
  started.server.unref();
  const session = {url: started.url, token: options.token};
  process.env[sessionEnv] = JSON.stringify(session);
  await clearSessionOutput(root);
  return {
    ...session,
    server: started.server,
    async close() {
      delete process.env[sessionEnv];
      started.server.closeAllConnections();
      await new Promise<void>((resolve) => started.server.close(() => resolve()));
      await clearSessionOutput(root);
    }
  };
}
