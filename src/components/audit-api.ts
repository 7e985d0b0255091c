/**
 * The number audit's side of the save endpoint (tools/ledger-routes.ts, tools/ignore-routes.ts):
 * the session under `npm run dev`, a draft ledger row for a number, and appends to the ledger and
 * the ignore list. Every answer becomes one typed outcome, so the forms never read a status code.
 */
import {sessionFrom, type EditorSession, type ServerProblem} from "./editor/api.js";

export type {EditorSession, ServerProblem};

/** What `npm run dev` puts in every page's head, so that the audit asks for a session only there. */
export const devMarker = 'meta[name="explainer-dev"]';

/**
 * The editing session, or null outside `npm run dev`: the built site has no marker and no session
 * file, so it never asks and stays read-only. Under dev the session comes from the preview's own
 * `data/editor-session.json` (the loader the chart editor reads).
 */
export async function reviewSession(doc: Document = document): Promise<EditorSession | null> {
  if (!doc.querySelector(devMarker)) return null;
  try {
    const response = await fetch(new URL("_file/data/editor-session.json", doc.baseURI), {cache: "no-store"});
    return response.ok ? sessionFrom(await response.json()) : null;
  } catch {
    return null;
  }
}

/** A draft ledger row for a number, as the endpoint answers it. */
export interface DraftAnswer {
  /** The row (null when the number is not a figure to cite), keyed by ledger column. */
  row: Record<string, string> | null;
  /** What the editor should look at ("as_of 2022-02-28 from \"on Monday\""). */
  notes: string[];
  /** Why a column was left empty, or why there is no row. */
  problem: ServerProblem | null;
  /** The ledger's columns. */
  columns: string[];
  /** The hash of the ledger the draft was made against: the base to append to. */
  base: string;
}

/** The outcome of an append. */
export type AppendResult =
  | {status: "saved"; base: string; file: string}
  | {status: "conflict"; base: string; message: string}
  | {status: "invalid"; problems: ServerProblem[]; message: string}
  | {status: "error"; code: string; message: string};

const messages: Record<string, string> = {
  BAD_TOKEN: "The session has ended (was `npm run dev` restarted?): reload the page to start a new one.",
  BAD_ORIGIN: "The save endpoint does not accept this page’s address: open the audit at the URL `npm run dev` printed.",
  BAD_HOST: "The save endpoint refused the request’s Host: open the audit at the URL `npm run dev` printed."
};

async function call(
  session: EditorSession,
  path: string,
  body?: unknown
): Promise<{status: number; body: Record<string, any>}> {
  const response = await fetch(`${session.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    cache: "no-store",
    headers: {"x-explainer-token": session.token, ...(body === undefined ? {} : {"content-type": "application/json"})},
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  return {status: response.status, body: await response.json().catch(() => ({}))};
}

const unreachable = (session: EditorSession, error: unknown) =>
  `Cannot reach the save endpoint at ${session.url} (${(error as Error)?.message ?? error}). Is \`npm run dev\` running?`;

const failure = (status: number, body: Record<string, any>) =>
  messages[body.error] ?? body.message ?? `the save endpoint answered ${status}`;

/** The draft for the number at `start` of a source's body; throws an Error with the server's message. */
export async function fetchDraft(session: EditorSession, source: string, start: string): Promise<DraftAnswer> {
  let answer;
  try {
    answer = await call(session, `/claims/draft/${encodeURIComponent(source)}/${encodeURIComponent(start)}`);
  } catch (error) {
    throw new Error(unreachable(session, error));
  }
  if (answer.status !== 200) throw new Error(failure(answer.status, answer.body));
  return answer.body as DraftAnswer;
}

/** The hash of the ignore list now; throws an Error with the server's message. */
export async function ignoredBase(session: EditorSession): Promise<string> {
  let answer;
  try {
    answer = await call(session, "/ignored");
  } catch (error) {
    throw new Error(unreachable(session, error));
  }
  if (answer.status !== 200) throw new Error(failure(answer.status, answer.body));
  return answer.body.base;
}

async function append(session: EditorSession, path: string, body: unknown): Promise<AppendResult> {
  let answer;
  try {
    answer = await call(session, path, body);
  } catch (error) {
    return {status: "error", code: "UNREACHABLE", message: unreachable(session, error)};
  }
  const {status, body: json} = answer;
  if (status === 200) return {status: "saved", base: json.base, file: json.file};
  if (status === 409) return {status: "conflict", base: json.base, message: json.message ?? ""};
  if (status === 422) return {status: "invalid", problems: json.problems ?? [], message: json.message ?? ""};
  return {status: "error", code: json.error ?? `HTTP_${status}`, message: failure(status, json)};
}

/** Appends one row to `data/claims.csv`, if the ledger still hashes to `base`. */
export function citeRow(session: EditorSession, row: Record<string, string>, base: string): Promise<AppendResult> {
  return append(session, "/claims", {row, base});
}

/** Appends rows `{source, text, reason}` to `data/ignored.csv`, if the list still hashes to `base`. */
export function ignoreRows(
  session: EditorSession,
  rows: {source: string; text: string; reason: string}[],
  base: string
): Promise<AppendResult> {
  return append(session, "/ignored", {rows, base});
}
