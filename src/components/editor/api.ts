/**
 * The editor's side of the save endpoint (tools/save-server.ts): load a chart with the hash of the
 * version loaded (`base`), save it back with that hash. Every answer becomes one typed outcome, so
 * the editor never reads a status code: saved, conflict (the file changed on disk: the version
 * there comes with it), exists (a new chart's id is taken), invalid (the server's own schema
 * check), or an error with a message.
 *
 * Creating a chart is a POST of `{spec}` to the same address, with the same token: the server writes
 * the file only if it does not exist yet (tools/chart-routes.ts; docs/charts.md).
 */

/** What `npm run dev` gives the editor page (`data/editor-session.json`): where to save and the session's token. */
export interface EditorSession {
  url: string;
  token: string;
}

/** A problem the server's schema check reported; `value`, one the form may offer for its field. */
export interface ServerProblem {
  code: string;
  field: string;
  detail: string;
  value?: string;
}

/** A chart as loaded: its spec and the hash of the file it came from. */
export interface LoadedChart {
  id: string;
  spec: Record<string, unknown>;
  base: string;
}

/** The outcome of a save. */
export type SaveResult =
  | {status: "saved"; base: string; file: string}
  | {status: "conflict"; spec: Record<string, unknown>; base: string; message: string}
  | {status: "exists"; message: string}
  | {status: "invalid"; problems: ServerProblem[]; message: string}
  | {status: "error"; code: string; message: string};

/** The session of `data/editor-session.json`, or null outside `npm run dev` (the file is `{}`). */
export function sessionFrom(value: unknown): EditorSession | null {
  const v = value as Partial<EditorSession> | null;
  return v && typeof v.url === "string" && typeof v.token === "string" && v.token ? {url: v.url, token: v.token} : null;
}

const messages: Record<string, string> = {
  BAD_TOKEN: "This editor’s session has ended (was `npm run dev` restarted?): reload the page to start a new one.",
  BAD_ORIGIN:
    "The save endpoint does not accept this page’s address: open the editor at the URL `npm run dev` printed.",
  BAD_HOST: "The save endpoint refused the request’s Host: open the editor at the URL `npm run dev` printed.",
  INVALID_BODY:
    "The save endpoint does not create charts yet (it refused a body with base null): save the spec by hand as data/charts/<id>.json."
};

async function call(session: EditorSession, id: string, init: RequestInit = {}): Promise<{status: number; body: any}> {
  const response = await fetch(`${session.url}/charts/${encodeURIComponent(id)}`, {
    ...init,
    cache: "no-store",
    headers: {"x-explainer-token": session.token, ...(init.body ? {"content-type": "application/json"} : {})}
  });
  const body = await response.json().catch(() => ({}));
  return {status: response.status, body};
}

function unreachable(session: EditorSession, error: unknown): SaveResult {
  return {
    status: "error",
    code: "UNREACHABLE",
    message: `Cannot reach the save endpoint at ${session.url} (${(error as Error)?.message ?? error}). Is \`npm run dev\` running?`
  };
}

/** Loads a chart's spec and base; throws an Error with the server's message when it cannot. */
export async function loadChart(session: EditorSession, id: string): Promise<LoadedChart> {
  let answer: {status: number; body: any};
  try {
    answer = await call(session, id);
  } catch (error) {
    throw new Error((unreachable(session, error) as {message: string}).message);
  }
  const {status, body} = answer;
  if (status !== 200)
    throw new Error(messages[body.error] ?? body.message ?? `loading "${id}" failed with status ${status}`);
  return {id, spec: body.spec, base: body.base};
}

/**
 * Saves a spec over the version it was edited from (`base`), or creates a new chart's file when
 * `base` is null. Never overwrites a newer version: the server answers a conflict, with that
 * version, for the editor to offer; nor an existing file with a new chart: `exists`.
 *
 * ```ts
 * const result = await saveChart(session, "refugees-and-deaths", spec, base);
 * if (result.status === "conflict") offerReload(result.spec, result.base);
 * await saveChart(session, "a-new-chart", spec, null); // creates data/charts/a-new-chart.json
 * ```
 */
export async function saveChart(
  session: EditorSession,
  id: string,
  spec: unknown,
  base: string | null
): Promise<SaveResult> {
  let answer: {status: number; body: any};
  try {
    answer = await call(
      session,
      id,
      base === null
        ? {method: "POST", body: JSON.stringify({spec})}
        : {method: "PUT", body: JSON.stringify({spec, base})}
    );
  } catch (error) {
    return unreachable(session, error);
  }
  const {status, body} = answer;
  if (status === 200 || status === 201) return {status: "saved", base: body.base, file: body.file};
  if (status === 409 && (base === null || body.error === "EXISTS")) {
    return {status: "exists", message: body.message ?? `a chart "${id}" already exists in data/charts/`};
  }
  if (status === 409) return {status: "conflict", spec: body.spec, base: body.base, message: body.message ?? ""};
  if (status === 422) return {status: "invalid", problems: body.problems ?? [], message: body.message ?? ""};
  const code = typeof body.error === "string" ? body.error : `HTTP_${status}`;
  return {status: "error", code, message: messages[code] ?? body.message ?? `saving failed with status ${status}`};
}
