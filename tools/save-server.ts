/**
 * The save endpoint: the only code that writes files from a browser request, as a small router of
 * routes. Each route declares its path, its body's schema, its size limit, the file it reads or
 * writes, how it validates against the project and how it applies the change (tools/chart-routes.ts
 * has the chart editor's). Every route shares the same rules, checked here once, in this order:
 *
 * 1. the request comes to a loopback address and its Host is this server's own (no DNS rebinding);
 * 2. its Origin is one of the allowed origins (the preview's), and it carries the session's token;
 * 3. its path names a route (params are slugs) and its method is the route's;
 * 4. a write's body is `application/json`, under the route's size limit and nesting limit, JSON that
 *    matches the route's schema, and valid against the project as it is now;
 * 5. the file is a regular file inside the route's folder (no symlink, no `..`): one that exists for
 *    a replacement (or, for a route with an `empty` text, none yet: it is created), a name no file has
 *    for a creation;
 * 6. under one lock, a replacement is applied only when the file still hashes to the body's `base`,
 *    compared again immediately before the rename (tools/safe-write.ts), else 409 with the version
 *    on disk; the write is atomic (a synced temporary file, then a rename or a link).
 *
 * Anything else gets a 4xx with a JSON `{error, message}` and changes no file.
 */
import {randomBytes, timingSafeEqual} from "node:crypto";
import {lstat, readFile, realpath} from "node:fs/promises";
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import {basename, join, sep} from "node:path";
import type {z} from "zod";
import {problemsOf} from "../loaders/errors.ts";
import {checkJsonLimits} from "../loaders/limits.ts";
import {createExclusive, hashText, replaceIfUnchanged} from "./safe-write.ts";

export {hashText} from "./safe-write.ts";

/** A problem with a body, as a route's validation reports it. */
export interface FieldProblem {
  code: string;
  field: string;
  detail: string;
}

/** A route's path params (`:id` in `/charts/:id`), each a slug. */
export type Params = Record<string, string>;

interface RouteFile {
  /** The path: literal segments and `:name` params, each of which must be a slug, e.g. `/charts/:id`. */
  path: string;
  /** The folder of the route's file, relative to the project root; the file never leaves it. */
  folder: string;
  /** The file's name in `folder`, from the params: `({id}) => \`${id}.json\``. */
  file(params: Params): string;
  /** The code of a 404 for a file that is not there (default `UNKNOWN_FILE`). */
  unknown?: string;
  /**
   * The text a file that does not exist yet stands for (a CSV's header), or undefined when it must
   * exist. A read sees this text; a replacement based on its hash creates the file (a 409 if one appeared).
   */
  empty?: string;
}

/** A route that answers with a file's content (`GET`). */
export interface ReadRoute extends RouteFile {
  method: "GET";
  /**
   * The answer's fields for the file's text and the params (the router adds the params and the text's
   * `base` hash). Throw a `HttpError` for a 4xx.
   */
  read(text: string, params: Params): Record<string, unknown> | Promise<Record<string, unknown>>;
}

/** A route that writes one file (`PUT` or `POST`). */
export interface WriteRoute<B = unknown> extends RouteFile {
  method: "PUT" | "POST";
  /**
   * `replace`: the file exists, and `base(body)` must be the hash of its text (else 409 CONFLICT);
   * `create`: no file (nor link) has its name (else 409 EXISTS).
   */
  mode: "replace" | "create";
  /** The body's schema: JSON that does not match is a 400 INVALID_BODY. */
  body: z.ZodType<B>;
  /** What a valid body looks like, for the message of a 400. */
  bodyHint: string;
  /** The largest body accepted, in bytes. */
  maxBytes: number;
  /** For `replace`: the hash of the version the body was edited from. */
  base?(body: B): string;
  /** Checks a body against the project as it is now; any problem is a 422 with the code `invalid`. */
  validate(body: B, params: Params): FieldProblem[] | Promise<FieldProblem[]>;
  /** The code of a 422 (e.g. `INVALID_SPEC`). */
  invalid: string;
  /** The file's new text, from the body and its current text (null when creating). */
  apply(body: B, current: string | null): string;
  /** Fields a 409 adds about the file's text on disk (e.g. the spec in it). */
  conflict?(current: string): Record<string, unknown>;
}

/** Any route of the router. */
export type Route = ReadRoute | WriteRoute<any>;

/** Declares a write route with its body's type inferred from its schema. */
export function writeRoute<B>(route: WriteRoute<B>): WriteRoute<B> {
  return route;
}

/** What the save endpoint needs to know. */
export interface SaveOptions {
  root: string;
  /** The session's token, given only to the editor page. */
  token: string;
  /** Origins allowed to read and write: the preview's own, e.g. `http://127.0.0.1:3000`. */
  origins: readonly string[];
  /** The routes it serves. */
  routes: readonly Route[];
  /** Called after a file is written, with its path relative to the root and the route's params. */
  onWrite?(file: string, params: Params): void;
}

/** How deep a request body's JSON may nest. */
export const maxBodyDepth = 40;

/** A new random session token. */
export function newToken(): string {
  return randomBytes(24).toString("base64url");
}

/** A refusal with its status and stable code, which the router answers as `{error: code, message, ...extra}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {}
  ) {
    super(message);
  }
}

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True for an address in 127.0.0.0/8 or ::1 (also IPv4-mapped). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.replace(/^::ffff:/, "");
  return v4.startsWith("127.") || address === "::1";
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads a body up to `max` bytes; more is a 413 before the rest is read. */
function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > max) return reject(new HttpError(413, "TOO_LARGE", `the body is over ${max} bytes`));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners("data");
        req.pause();
        reject(new HttpError(413, "TOO_LARGE", `the body is over ${max} bytes`));
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf-8")));
    req.on("error", reject);
  });
}

/** The params of `pathname` for a route's path pattern, or null when it does not match. */
export function matchPath(pattern: string, pathname: string): Params | null {
  const want = pattern.split("/");
  const got = pathname.split("/");
  if (want.length !== got.length) return null;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    if (!want[i].startsWith(":")) {
      if (want[i] !== got[i]) return null;
      continue;
    }
    const name = want[i].slice(1);
    let value: string;
    try {
      value = decodeURIComponent(got[i]);
    } catch {
      throw new HttpError(400, "INVALID_ID", `the ${name} is not valid URL encoding`);
    }
    if (!slug.test(value))
      throw new HttpError(
        400,
        "INVALID_ID",
        `${name} ${JSON.stringify(value)} is not a slug (lower-case letters, digits and hyphens)`
      );
    params[name] = value;
  }
  return params;
}

/** True when `pathname` has the segments of a route's path pattern: its literal ones, and as many. */
function sameShape(pattern: string, pathname: string): boolean {
  const want = pattern.split("/");
  const got = pathname.split("/");
  return want.length === got.length && want.every((part, i) => part.startsWith(":") || part === got[i]);
}

/**
 * The file of a route for its params: a regular file inside the route's folder (which is inside the
 * root). It must exist for a read or a replacement and must not for a creation.
 */
async function routeFile(root: string, route: Route, params: Params): Promise<{path: string; rel: string}> {
  const name = route.file(params);
  const rel = `${route.folder}/${name}`;
  if (basename(name) !== name || name.startsWith("."))
    throw new HttpError(400, "OUTSIDE", `${rel} leaves ${route.folder}/`);
  const top = await realpath(root);
  const dir = await realpath(join(root, route.folder)).catch(() => null);
  if (!dir) throw new HttpError(404, "NO_FOLDER", `there is no folder ${route.folder}/`);
  if (!dir.startsWith(top + sep)) throw new HttpError(400, "OUTSIDE", `${route.folder}/ leaves the project`);
  const path = join(dir, name);
  const stat = await lstat(path).catch(() => null);
  if (route.method !== "GET" && route.mode === "create") {
    if (stat) throw new HttpError(409, "EXISTS", `${rel} already exists`);
  } else if (stat) {
    if (!stat.isFile()) throw new HttpError(400, "NOT_A_FILE", `${rel} is not a regular file`);
  } else if (route.empty === undefined) throw new HttpError(404, route.unknown ?? "UNKNOWN_FILE", `no ${rel}`);
  return {path, rel};
}

/** Parses and checks a write's body: size, nesting, JSON, the route's schema. */
async function parseBody<B>(req: IncomingMessage, route: WriteRoute<B>): Promise<B> {
  if (!/^application\/json\s*(;|$)/i.test(req.headers["content-type"] ?? "")) {
    throw new HttpError(415, "NOT_JSON", "the body must be application/json");
  }
  const raw = await readBody(req, route.maxBytes);
  try {
    checkJsonLimits(raw, "the body", {maxBytes: route.maxBytes, maxDepth: maxBodyDepth});
  } catch (error) {
    const [problem] = problemsOf(error);
    if (!problem) throw error;
    throw new HttpError(problem.code === "JSON_TOO_LARGE" ? 413 : 400, problem.code, problem.detail);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new HttpError(400, "INVALID_JSON", `the body is not JSON: ${(error as Error).message}`);
  }
  const parsed = route.body.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    throw new HttpError(400, "INVALID_BODY", `the body must be ${route.bodyHint} (${where}${issue?.message})`);
  }
  return parsed.data;
}

/**
 * The request handler of the routes in `options` (see the module's comment for the rules). A read
 * answers `{...params, ...route.read(text), base}`; a write `{...params, file, base}` with the new hash
 * (200 for a replacement, 201 for a creation).
 */
export function saveHandler(options: SaveOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const {root, token, origins, routes, onWrite} = options;
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task);
    queue = result.catch(() => undefined);
    return result;
  };
  const paths = [...new Set(routes.map((r) => `${r.method} ${r.path}`))].join(", ");

  return async (req, res) => {
    const origin = req.headers.origin;
    const send = (status: number, body: Record<string, unknown>) => {
      const headers: Record<string, string> = {"content-type": "application/json", "cache-control": "no-store"};
      if (origin && origins.includes(origin)) {
        headers["access-control-allow-origin"] = origin;
        headers["vary"] = "Origin";
      }
      // An error answers before the body is read to its end: close the connection rather than read on.
      if (status >= 400) headers["connection"] = "close";
      res.writeHead(status, headers).end(JSON.stringify(body));
    };
    try {
      const port = (req.socket.localPort ?? 0).toString();
      if (!isLoopback(req.socket.remoteAddress))
        throw new HttpError(403, "NOT_LOOPBACK", "requests must come from this machine");
      if (![`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(req.headers.host ?? "")) {
        throw new HttpError(403, "BAD_HOST", `Host ${JSON.stringify(req.headers.host ?? "")} is not this server`);
      }
      if (!origin || !origins.includes(origin))
        throw new HttpError(403, "BAD_ORIGIN", `Origin ${JSON.stringify(origin ?? "")} may not save`);
      const pathname = new URL(req.url ?? "/", "http://x").pathname;
      if (req.method === "OPTIONS") {
        // A preflight gets the methods of the paths of this shape; the request itself then has its params checked,
        // so that a page sees the answer (a 400 for an id that is not a slug) rather than a failed preflight.
        const methods = routes.filter((route) => sameShape(route.path, pathname)).map((route) => route.method);
        res.writeHead(204, {
          "access-control-allow-origin": origin,
          "access-control-allow-methods": [...new Set(methods)].join(", ") || "GET",
          "access-control-allow-headers": "content-type, x-explainer-token",
          "access-control-max-age": "600",
          vary: "Origin"
        });
        res.end();
        return;
      }
      const given = req.headers["x-explainer-token"];
      if (typeof given !== "string" || !sameToken(given, token))
        throw new HttpError(401, "BAD_TOKEN", "a valid session token is required");
      const matching = routes.flatMap((route) => {
        const params = matchPath(route.path, pathname);
        return params ? [{route, params}] : [];
      });
      if (matching.length === 0) throw new HttpError(404, "NOT_FOUND", `no route for ${pathname}; routes: ${paths}`);
      const found = matching.find((m) => m.route.method === req.method);
      if (!found) {
        const allowed = matching.map((m) => m.route.method).join(", ");
        throw new HttpError(405, "METHOD", `${req.method} is not allowed on ${pathname}; use ${allowed}`);
      }
      const {route, params} = found;
      if (route.method === "GET") {
        const {path, rel} = await routeFile(root, route, params);
        const text = (await readText(path)) ?? route.empty;
        if (text === undefined) throw new HttpError(404, route.unknown ?? "UNKNOWN_FILE", `no ${rel}`);
        return send(200, {...params, ...(await route.read(text, params)), base: hashText(text)});
      }
      const target = await routeFile(root, route, params);
      const body = await parseBody(req, route);
      const problems = await route.validate(body, params);
      if (problems.length)
        throw new HttpError(422, route.invalid, `the body has ${problems.length} problem(s)`, {problems});
      const saved = await serially(() => write(route, body, target));
      onWrite?.(target.rel, params);
      send(route.mode === "create" ? 201 : 200, {...params, file: target.rel, base: saved});
    } catch (error) {
      if (error instanceof HttpError)
        return send(error.status, {error: error.code, message: error.message, ...error.extra});
      send(500, {error: "INTERNAL", message: String((error as Error)?.message ?? error)});
    }
  };
}

/** A file's text, or null when it does not exist. */
async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf-8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Applies a write route's change under the lock; resolves to the new text's hash, or throws a 409. */
async function write<B>(route: WriteRoute<B>, body: B, {path, rel}: {path: string; rel: string}): Promise<string> {
  const conflict = (current: string | null, message: string): HttpError => {
    if (current === null) return new HttpError(404, route.unknown ?? "UNKNOWN_FILE", `${rel} was removed`);
    return new HttpError(409, "CONFLICT", message, {...route.conflict?.(current), base: hashText(current)});
  };
  if (route.mode === "create") {
    const text = route.apply(body, null);
    if (!(await createExclusive(path, text))) throw new HttpError(409, "EXISTS", `${rel} already exists`);
    return hashText(text);
  }
  const base = route.base!(body);
  const onDisk = await readText(path);
  const current = onDisk ?? route.empty ?? null;
  if (current === null || hashText(current) !== base)
    throw conflict(current, `${rel} changed on disk since it was loaded`);
  const text = route.apply(body, current);
  if (onDisk === null) {
    // Based on the text of a file not written yet: create it, unless one appeared meanwhile.
    if (await createExclusive(path, text)) return hashText(text);
    throw conflict(await readText(path), `${rel} was created on disk while it was being saved`);
  }
  const outcome = await replaceIfUnchanged(path, base, text);
  if (!outcome.written) throw conflict(outcome.current, `${rel} changed on disk while it was being saved`);
  return hashText(text);
}

/** Starts the save endpoint on 127.0.0.1 (port 0 picks a free one); resolves when it listens. */
export async function startSaveServer(options: SaveOptions, port = 0): Promise<{server: Server; url: string}> {
  const handle = saveHandler(options);
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the save endpoint has no address");
  return {server, url: `http://127.0.0.1:${address.port}`};
}
