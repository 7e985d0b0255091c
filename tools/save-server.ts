/**
 * The save endpoint of the chart editor: the only code that writes files from a browser request.
 * A request is served only when it comes to a loopback address, its Host is this server's own (no
 * DNS rebinding), its Origin is the preview's, it carries the session's token, and its body is JSON
 * under the size limit that validates against the chart schema and names an existing chart file.
 * Anything else gets a 4xx with a JSON error and changes no file. Writes are atomic (a temporary
 * file in the same folder, then a rename), and a save based on an older version is a conflict.
 */
import {createHash, randomBytes, timingSafeEqual} from "node:crypto";
import {lstat, readFile, realpath} from "node:fs/promises";
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import {join, sep} from "node:path";
import writeFileAtomic from "write-file-atomic";
import {formatSpec} from "../src/components/spec-format.ts";

/** Where chart specs live, relative to the project root. */
export const chartsDir = "data/charts";

/** A problem with a spec, as the schema reports it. */
export interface FieldProblem {
  code: string;
  field: string;
  detail: string;
}

/** What the save endpoint needs to know. */
export interface SaveOptions {
  root: string;
  /** The session's token, given only to the editor page. */
  token: string;
  /** Origins allowed to save: the preview's own, e.g. `http://127.0.0.1:3000`. */
  origins: readonly string[];
  /** Validates a parsed spec against the schema and the ledger; no problem means valid. */
  validate(spec: unknown): FieldProblem[] | Promise<FieldProblem[]>;
  /** The largest body accepted, in bytes. */
  maxBytes?: number;
  /** Called after a chart is saved. */
  onSave?(id: string): void;
}

/** A new random session token. */
export function newToken(): string {
  return randomBytes(24).toString("base64url");
}

/** The content hash the editor sends back as `base`, so a save over someone else's edit is refused. */
export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

class HttpError extends Error {
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

/** The file of a chart id, refusing anything but a plain slug naming a regular file inside the charts folder. */
async function chartFile(root: string, id: string): Promise<string> {
  if (!slug.test(id)) throw new HttpError(400, "INVALID_ID", `chart id ${JSON.stringify(id)} is not a slug`);
  const dir = await realpath(join(root, chartsDir));
  const file = join(dir, `${id}.json`);
  const stat = await lstat(file).catch(() => null);
  if (!stat) throw new HttpError(404, "UNKNOWN_CHART", `no chart "${id}" in ${chartsDir}/`);
  if (!stat.isFile()) throw new HttpError(400, "NOT_A_FILE", `${chartsDir}/${id}.json is not a regular file`);
  const real = await realpath(file);
  if (!real.startsWith(dir + sep)) throw new HttpError(400, "OUTSIDE", `${chartsDir}/${id}.json leaves ${chartsDir}/`);
  return file;
}

/**
 * The request handler: `GET /charts/<id>` returns `{spec, base}`; `PUT /charts/<id>` with
 * `{spec, base}` saves the spec when `base` is the hash of the file as it is on disk now.
 */
export function saveHandler(options: SaveOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const {root, token, origins, validate, maxBytes = 256 * 1024, onSave} = options;
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task);
    queue = result.catch(() => undefined);
    return result;
  };

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
      if (req.method === "OPTIONS") {
        res.writeHead(204, {
          "access-control-allow-origin": origin,
          "access-control-allow-methods": "GET, PUT",
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
      const m = /^\/charts\/([^/?#]*)$/.exec(new URL(req.url ?? "/", "http://x").pathname);
      if (!m) throw new HttpError(404, "NOT_FOUND", "the endpoint is /charts/<id>");
      let id: string;
      try {
        id = decodeURIComponent(m[1]);
      } catch {
        throw new HttpError(400, "INVALID_ID", "the chart id is not valid URL encoding");
      }
      if (req.method === "GET") {
        const text = await readFile(await chartFile(root, id), "utf-8");
        return send(200, {id, spec: JSON.parse(text), base: hashText(text)});
      }
      if (req.method !== "PUT") throw new HttpError(405, "METHOD", `${req.method} is not allowed; use GET or PUT`);
      if (!/^application\/json\s*(;|$)/i.test(req.headers["content-type"] ?? "")) {
        throw new HttpError(415, "NOT_JSON", "the body must be application/json");
      }
      const file = await chartFile(root, id);
      const raw = await readBody(req, maxBytes);
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch (error) {
        throw new HttpError(400, "INVALID_JSON", `the body is not JSON: ${(error as Error).message}`);
      }
      if (
        body === null ||
        typeof body !== "object" ||
        !("spec" in body) ||
        typeof (body as {base?: unknown}).base !== "string"
      ) {
        throw new HttpError(
          400,
          "INVALID_BODY",
          'the body must be {"spec": {…}, "base": "<hash of the version edited>"}'
        );
      }
      const {spec, base} = body as {spec: unknown; base: string};
      const problems = await validate(spec);
      if (problems.length)
        throw new HttpError(422, "INVALID_SPEC", `the spec has ${problems.length} problem(s)`, {problems});
      const text = formatSpec(spec);
      const saved = await serially(async () => {
        const current = await readFile(file, "utf-8");
        if (hashText(current) !== base) {
          throw new HttpError(409, "CONFLICT", `${chartsDir}/${id}.json changed on disk since it was loaded`, {
            spec: JSON.parse(current),
            base: hashText(current)
          });
        }
        await writeFileAtomic(file, text);
        return hashText(text);
      });
      onSave?.(id);
      send(200, {id, base: saved, file: `${chartsDir}/${id}.json`});
    } catch (error) {
      if (error instanceof HttpError)
        return send(error.status, {error: error.code, message: error.message, ...error.extra});
      send(500, {error: "INTERNAL", message: String((error as Error)?.message ?? error)});
    }
  };
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
