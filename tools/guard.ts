/**
 * The guard in front of Framework's preview under `explainer dev`: a small reverse proxy on
 * 127.0.0.1, on the port the user opens. Preview itself listens on a Unix socket in a private
 * folder (tools/preview-hooks.ts), so the guard is the only way in. A request reaches preview only when:
 *
 * - it comes from this machine, and its `Host` is the guard's own (`127.0.0.1:PORT`, `localhost:PORT`):
 *   a DNS-rebinding page, which must send its own name, gets a 403;
 * - its `Origin`, when it has one, is the guard's own; a WebSocket upgrade (preview's live updates)
 *   must have one, and only on `/_observablehq`;
 * - it is not a browser's cross-site request (`Sec-Fetch-Site`), except a top-level navigation to a
 *   page: another site may link to the preview, not load its files, frames or modules;
 * - it is a GET or a HEAD.
 *
 * `/_npm/…` never reaches preview: the guard serves it from the vendored cache
 * (`src/.observablehq/cache/_npm/`, written by `explainer vendor`) or refuses it with
 * NPM_NOT_VENDORED, and preview could not download it anyway (its `fetch` only reaches loopback).
 */
import {createReadStream} from "node:fs";
import {lstat, mkdtemp, realpath, rm} from "node:fs/promises";
import {
  createServer,
  request,
  STATUS_CODES,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse
} from "node:http";
import type {Socket} from "node:net";
import {tmpdir} from "node:os";
import {extname, join, sep} from "node:path";
import {pathToFileURL} from "node:url";
import {KitError} from "../loaders/errors.ts";
import {compiledFile} from "./compiled.ts";
import {npmCacheDir} from "./vendor.ts";
import {previewHookEnv} from "./preview-hooks.ts";
import {isLoopback} from "./save-server.ts";

/** A refused request: the status, a stable code and what to do. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** What the guard looks at in a request. */
export interface GuardedRequest {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  remoteAddress?: string;
}

/** The origins of the guard on `port`: the only ones whose pages may use preview. */
export function guardOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** The path of preview's live-update WebSocket. */
export const socketPath = "/_observablehq";

/**
 * Why the guard on `port` refuses a request, or null when it passes (see the module's comment).
 * `upgrade` is true for a WebSocket upgrade.
 *
 * ```ts
 * guardRefusal({headers: {host: "evil.example:3000"}, remoteAddress: "127.0.0.1"}, 3000, false);
 * // {status: 403, code: "BAD_HOST", message: …}
 * ```
 */
export function guardRefusal(req: GuardedRequest, port: number, upgrade: boolean): Refusal | null {
  const own = guardOrigins(port);
  const home = `${own[0]}/`;
  if (!isLoopback(req.remoteAddress))
    return {status: 403, code: "NOT_LOOPBACK", message: "requests must come from this machine"};
  const host = (req.headers.host ?? "").toLowerCase();
  if (!own.some((origin) => origin === `http://${host}`)) {
    return {status: 403, code: "BAD_HOST", message: `Host ${JSON.stringify(host)} is not this server; open ${home}`};
  }
  const origin = req.headers.origin;
  if (origin !== undefined ? !own.includes(origin) : upgrade) {
    return {status: 403, code: "BAD_ORIGIN", message: `Origin ${JSON.stringify(origin ?? "")} may not use the preview`};
  }
  const pathname = (req.url ?? "/").split("?")[0];
  if (upgrade) {
    if (pathname !== socketPath) return {status: 404, code: "NOT_FOUND", message: `no WebSocket at ${pathname}`};
    return null;
  }
  const site = req.headers["sec-fetch-site"];
  const page =
    req.headers["sec-fetch-mode"] === "navigate" &&
    req.headers["sec-fetch-dest"] === "document" &&
    (req.method === "GET" || req.method === "HEAD") &&
    !pathname.startsWith("/_");
  if ((site === "cross-site" || site === "same-site") && !page) {
    return {
      status: 403,
      code: "CROSS_SITE",
      message: `another site may link to the preview's pages but not load ${pathname}`
    };
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    return {status: 405, code: "METHOD", message: `${req.method} is not allowed; the preview is read-only`};
  }
  return null;
}

const types: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8"
};

/**
 * The vendored file of an `/_npm/…` path, or a refusal: NPM_NOT_VENDORED for one that is not in
 * the cache, BAD_PATH for one that would leave it.
 */
export async function vendoredFile(root: string, pathname: string): Promise<{file: string} | Refusal> {
  let path: string;
  try {
    path = decodeURIComponent(pathname.slice("/_npm/".length));
  } catch {
    return {status: 400, code: "BAD_PATH", message: `${pathname} is not valid URL encoding`};
  }
  const parts = path.split("/");
  if (path.includes("\0") || path.includes("\\") || parts.some((p) => p === "" || p === "." || p === "..")) {
    return {status: 400, code: "BAD_PATH", message: `${pathname} is not a path inside the npm cache`};
  }
  const dir = npmCacheDir(root);
  const file = join(dir, ...parts);
  const real = await realpath(file).catch(() => null);
  const top = await realpath(dir).catch(() => null);
  const stat = real && top && real.startsWith(top + sep) ? await lstat(real) : null;
  if (!stat?.isFile()) {
    return {
      status: 404,
      code: "NPM_NOT_VENDORED",
      message:
        `npm:${path} is not vendored (no src/.observablehq/cache/_npm/${path}); explainer dev never downloads ` +
        `npm: modules: import the package by its bare name (Framework bundles it from node_modules) or vendor it (tools/commands/vendor.ts)`
    };
  }
  return {file: real!};
}

const hopByHop = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade"
]);

/** Headers without the hop-by-hop ones, which belong to one connection, not to the message. */
function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !hopByHop.has(name)));
}

/** Headers the guard adds to every answer: no page on another site may frame the preview (the editor's buttons). */
const guardHeaders = {"content-security-policy": "frame-ancestors 'self'"};

/** What `startGuard` needs. */
export interface GuardOptions {
  /** The project root (for the vendored npm cache). */
  root: string;
  /** The port the user opens, on 127.0.0.1. */
  port: number;
  /** Where refused `/_npm/` requests are reported. */
  log?(line: string): void;
}

/** A running guard. */
export interface Guard {
  server: Server;
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** The environment preview must start with: it then listens on the guard's socket only. */
  previewEnv: Record<string, string>;
  close(): Promise<void>;
}

/** What the guard looks at in a Node request. */
const requestOf = (req: IncomingMessage): GuardedRequest => ({
  method: req.method,
  url: req.url,
  headers: req.headers,
  remoteAddress: req.socket.remoteAddress
});

/**
 * Responses that cannot change while preview runs: Framework's own client (`/_observablehq/*.js`,
 * `.css`), which preview bundles again on every request (0.1–0.4 s of CPU each, on every page load),
 * and content-addressed imports (`/_import/…?sha=…`), which preview transpiles again each time.
 */
export function isImmutable(url: string): boolean {
  return /^\/_observablehq\/[\w./-]+\.(js|css)$/.test(url) || /^\/_import\/[^?]+\?sha=[0-9a-f]{64}$/.test(url);
}

/** The most the guard keeps of preview's immutable responses. */
const immutableBytes = 64 * 1024 * 1024;

/** Writes a refusal as a plain-text answer. */
function refusalText({status, code, message}: Refusal): string {
  return `explainer dev: ${status} ${code}: ${message}\n`;
}

/**
 * Starts the guard on 127.0.0.1:`port` and makes the private socket preview will listen on. Start
 * preview with `previewEnv` and `--port PORT` (it then prints the guard's URL, which is where it is).
 */
export async function startGuard({root, port, log = () => {}}: GuardOptions): Promise<Guard> {
  const folder = await mkdtemp(join(tmpdir(), "explainer-preview-"));
  const upstream = join(folder, "preview.sock");
  const upgraded = new Set<Socket>();
  const kept = new Map<string, {headers: IncomingHttpHeaders; body: Buffer}>();
  let keptBytes = 0;
  const server = createServer((req, res) =>
    serve(req, res).catch((error) => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(500, {"content-type": "text/plain; charset=utf-8"}).end(`explainer dev: 500: ${error}\n`);
    })
  );
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = guardRefusal(requestOf(req), port, false);
    const answer = (r: Refusal): void =>
      void res
        .writeHead(r.status, {...guardHeaders, "content-type": "text/plain; charset=utf-8", connection: "close"})
        .end(refusalText(r));
    if (refused) return answer(refused);
    const pathname = (req.url ?? "/").split("?")[0];
    if (pathname.startsWith("/_npm/")) {
      const vendored = await vendoredFile(root, pathname);
      if ("status" in vendored) {
        log(`guard: refused ${pathname}: ${vendored.code}\n`);
        return answer(vendored);
      }
      res.writeHead(200, {
        ...guardHeaders,
        "content-type": types[extname(vendored.file)] ?? "application/octet-stream",
        "cache-control": "no-cache"
      });
      if (req.method === "HEAD") return void res.end();
      return void createReadStream(vendored.file)
        .on("error", () => res.destroy())
        .pipe(res);
    }
    const url = req.url ?? "/";
    const immutable = isImmutable(url);
    const known = immutable ? kept.get(url) : undefined;
    if (known) {
      res.writeHead(200, {...known.headers, ...guardHeaders});
      return void res.end(req.method === "HEAD" ? undefined : known.body);
    }
    const forward = request(
      {socketPath: upstream, method: req.method, path: url, headers: endToEnd(req.headers)},
      (answer) => {
        const headers = endToEnd(answer.headers);
        res.writeHead(answer.statusCode ?? 502, {...headers, ...guardHeaders});
        answer.on("error", () => res.destroy()).pipe(res);
        if (!immutable || answer.statusCode !== 200 || req.method !== "GET") return;
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => {
          const body = Buffer.concat(chunks);
          if (keptBytes + body.length > immutableBytes) return;
          kept.set(url, {headers, body});
          keptBytes += body.length;
        });
      }
    );
    req.on("error", () => forward.destroy());
    forward.on("error", (error) => {
      if (res.headersSent) return void res.destroy();
      answer({
        status: 502,
        code: "PREVIEW_UNREACHABLE",
        message: `preview is not answering (is it starting?): ${error.message}`
      });
    });
    req.pipe(forward);
  }
  server.on("upgrade", (req, socket: Socket, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const refused = guardRefusal(requestOf(req), port, true);
    const fail = (r: Refusal) => {
      const body = refusalText(r);
      socket.end(
        `HTTP/1.1 ${r.status} ${STATUS_CODES[r.status]}\r\ncontent-type: text/plain; charset=utf-8\r\n` +
          `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`
      );
    };
    if (refused) return fail(refused);
    const forward = request({socketPath: upstream, method: req.method, path: req.url, headers: req.headers});
    forward.on("upgrade", (answer, inner: Socket, innerHead: Buffer) => {
      const lines = [`HTTP/1.1 101 Switching Protocols`];
      for (let i = 0; i < answer.rawHeaders.length; i += 2)
        lines.push(`${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}`);
      socket.write(`${lines.join("\r\n")}\r\n\r\n`);
      if (innerHead.length) socket.write(innerHead);
      if (head.length) inner.write(head);
      for (const s of [socket, inner]) {
        upgraded.add(s);
        s.on("close", () => upgraded.delete(s));
        s.on("error", () => (socket.destroy(), inner.destroy()));
      }
      socket.on("close", () => inner.destroy());
      inner.on("close", () => socket.destroy());
      inner.pipe(socket).pipe(inner);
    });
    forward.on("response", (answer) =>
      fail({status: answer.statusCode ?? 502, code: "NO_UPGRADE", message: "preview refused the WebSocket"})
    );
    forward.on("error", (error) =>
      fail({status: 502, code: "PREVIEW_UNREACHABLE", message: `preview is not answering: ${error.message}`})
    );
    forward.end();
  });
  try {
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  } catch (error) {
    await rm(folder, {recursive: true, force: true});
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    throw new KitError(
      "PORT_IN_USE",
      `another program (another explainer dev?) listens there; try npm run dev -- --port ${port + 10}`,
      {
        file: `127.0.0.1:${port}`
      }
    );
  }
  const options = process.env.NODE_OPTIONS ?? "";
  // Compiled, the hooks need no tsx; from source, tsx loads them (and Framework's TypeScript config).
  const compiled = compiledFile("preview-hooks.js");
  const hooks = compiled
    ? `--import=${pathToFileURL(compiled).href}`
    : `--import=tsx --import=${pathToFileURL(join(import.meta.dirname, "preview-hooks.ts")).href}`;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    previewEnv: {
      NODE_OPTIONS: `${options} ${hooks}`.trim(),
      [previewHookEnv.socket]: upstream,
      [previewHookEnv.port]: String(port),
      [previewHookEnv.nodeOptions]: options
    },
    async close() {
      for (const socket of upgraded) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(folder, {recursive: true, force: true});
    }
  };
}
