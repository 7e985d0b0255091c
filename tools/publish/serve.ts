/**
 * A static host for a built site, as a newsroom's web server would serve it: clean URLs
 * (`/methodology` → `methodology.html`), gzip for text, and the site under a base path
 * (`/news/ukraine/`). The tests and the benchmark load pages through it.
 */
import {readFile} from "node:fs/promises";
import {createServer, type Server} from "node:http";
import {extname, join, normalize} from "node:path";
import {gzipSync} from "node:zlib";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".csv": "text/csv",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".zip": "application/zip"
};

const compressible = new Set([".html", ".js", ".css", ".csv", ".json", ".svg"]);

/** Options of {@link serveSite}. */
export interface ServeOptions {
  /** The path the site is served under, with slashes at both ends: `/news/ukraine/`. Default `/`. */
  base?: string;
  /** Compress text responses with gzip when the client accepts it (default true). */
  gzip?: boolean;
  /** The loopback port to listen on (default: any free one). */
  port?: number;
}

/** A running static host: its origin (`http://127.0.0.1:PORT`), the site's URL, and a way to stop it. */
export interface Site {
  origin: string;
  url: string;
  server: Server;
  /** Every path that was answered 404. */
  notFound: string[];
  close(): Promise<void>;
}

/** Serves `dir` on loopback under `base`, with clean URLs and gzip, as a static host would; resolves when listening. */
export async function serveSite(dir: string, {base = "/", gzip = true, port = 0}: ServeOptions = {}): Promise<Site> {
  const root = normalize(dir);
  const notFound: string[] = [];
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (!pathname.startsWith(base) && `${pathname}/` !== base) {
      notFound.push(pathname);
      return void res.writeHead(404).end("not found");
    }
    const path = normalize(`/${pathname.slice(base.length)}`);
    for (const file of [join(root, path), join(root, `${path}.html`), join(root, path, "index.html")]) {
      if (!file.startsWith(root)) break;
      const body = await readFile(file).catch(() => null);
      if (!body) continue;
      const headers: Record<string, string> = {"content-type": types[extname(file)] ?? "application/octet-stream"};
      const zip = gzip && compressible.has(extname(file)) && /\bgzip\b/.test(String(req.headers["accept-encoding"]));
      if (zip) headers["content-encoding"] = "gzip";
      res.writeHead(200, headers);
      return void res.end(zip ? gzipSync(body, {level: 6}) : body);
    }
    notFound.push(pathname);
    res.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("serveSite: the server has no address");
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: `${origin}${base}`,
    server,
    notFound,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}
