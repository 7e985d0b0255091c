/**
 * The chart editor's session as the loader `src/data/editor-session.json.ts` gives it to the page:
 * small on purpose (no import), so the loader starts at once and is re-run only when this changes.
 * The kit's refresh makes the same output in its own process (tools/refresh.ts); Framework on its
 * own runs the loader.
 */

/** The loader that gives the session to the editor page, relative to the project root. */
export const sessionLoader = "src/data/editor-session.json.ts";

/** The environment variable that carries the session from `explainer dev` to the loader. */
export const sessionEnv = "EXPLAINER_EDITOR";

/** Where the save endpoint is and the token it wants. */
export interface EditorSession {
  url: string;
  token: string;
}

/**
 * The loader's output for an environment: the session as JSON when `EXPLAINER_EDITOR` holds one,
 * `{}` otherwise (a build, a refresh outside dev), so no page outside dev can save.
 */
export function editorSessionJson(env: Record<string, string | undefined>): string {
  try {
    const {url, token} = JSON.parse(env[sessionEnv] ?? "{}");
    if (typeof url === "string" && typeof token === "string" && /^http:\/\/127\.0\.0\.1:\d+$/.test(url) && token) {
      return JSON.stringify({url, token}) + "\n";
    }
  } catch {
    // not a session: no session
  }
  return "{}\n";
}
