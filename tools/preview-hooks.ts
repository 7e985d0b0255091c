/**
 * Loaded into Framework's preview process by `explainer dev` (through `NODE_OPTIONS=--import`, see
 * tools/guard.ts), before preview starts. Three hooks, no change to Framework's code:
 *
 * - the server preview starts on the port it was given listens on the guard's Unix socket instead,
 *   so no browser, page or other machine can reach preview except through the guard;
 * - `fetch` to any host but loopback and the npm registry (where Framework looks up the version
 *   numbers of `npm:` imports, as the build does) is refused with a message, so preview never
 *   downloads an `npm:` module (or anything else) from a CDN.
 *
 * - the file events of one open page are gathered for {@link gatherMs} ms, so that a save, which
 *   announces several outputs at once (tools/commands/dev.ts), renders each page once, not once per
 *   file it links.
 *
 * It then removes itself from the environment: the data loaders preview runs start without it.
 */
import {Server} from "node:net";

/** The environment variables the guard sets for preview. */
export const previewHookEnv = {
  socket: "EXPLAINER_PREVIEW_SOCKET",
  port: "EXPLAINER_PREVIEW_PORT",
  nodeOptions: "EXPLAINER_PREVIEW_NODE_OPTIONS"
} as const;

/** True for a URL preview may fetch: on this machine's loopback, or the npm registry's metadata (never a module's code). */
export function mayFetch(url: string): boolean {
  try {
    const {protocol, hostname} = new URL(url);
    if (protocol === "https:" && hostname === "registry.npmjs.org") return true;
    return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
  } catch {
    return false;
  }
}

/** How long an open page's file events are gathered before preview renders it. */
const gatherMs = 25;

/** The one method of Framework's (pinned) `FileWatchers` this hook wraps. */
interface FileWatchersClass {
  of(loaders: unknown, path: string, names: Iterable<string>, callback: (name: string) => void): Promise<unknown>;
}

/**
 * Preview watches each file a page links and renders the page again for every file that changes:
 * a save that gives three outputs a new time would render an open page three times, the renders
 * competing for the CPU before the first update reaches the browser. Each page's callback is
 * delayed until its files have been quiet for {@link gatherMs} ms.
 */
async function renderOncePerSave(): Promise<void> {
  const {FileWatchers} = (await import("@observablehq/framework/dist/fileWatchers.js" as string)) as {
    FileWatchers: FileWatchersClass;
  };
  const of = FileWatchers.of.bind(FileWatchers);
  FileWatchers.of = (loaders, path, names, callback) => {
    let timer: NodeJS.Timeout | undefined;
    return of(loaders, path, names, (name) => {
      clearTimeout(timer);
      timer = setTimeout(() => callback(name), gatherMs);
    });
  };
}

const socket = process.env[previewHookEnv.socket];
const port = Number(process.env[previewHookEnv.port]);
if (socket && port > 0) {
  const listen = Server.prototype.listen;
  Server.prototype.listen = function (this: Server, ...args: unknown[]) {
    if (args[0] !== port) return listen.apply(this, args as never);
    Server.prototype.listen = listen;
    const callback = args.find((a) => typeof a === "function") as (() => void) | undefined;
    return listen.call(this, socket, callback);
  } as typeof listen;
  const fetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (mayFetch(url)) return fetch(input, init);
    return Promise.reject(
      new Error(
        `explainer dev: preview may not reach the network (${url}); npm: modules come from src/.observablehq/cache/_npm/ (npx explainer vendor)`
      )
    );
  };
  await renderOncePerSave();
  const options = process.env[previewHookEnv.nodeOptions];
  if (options) process.env.NODE_OPTIONS = options;
  else delete process.env.NODE_OPTIONS;
  for (const name of Object.values(previewHookEnv)) delete process.env[name];
}
