/**
 * A local HTTP server for the dead-sources check (`explainer links`): `/ok/…` answers 200,
 * `/moved/…` 301 to `/ok/…`, `/gone/…` 404, `/error/…` 500, `/loop/…` redirects to itself, and
 * `/hang/…` never answers. On 127.0.0.1, a free port.
 */
import {createServer, type Server} from "node:http";
import type {Socket} from "node:net";

/** The server, its origin, and how to stop it (hanging requests included). */
export interface LinkServer {
  origin: string;
  server: Server;
  /** How many requests each path received. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/** Starts the server. */
export async function startLinkServer(): Promise<LinkServer> {
  const sockets = new Set<Socket>();
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const [, kind, rest = ""] = /^\/([a-z]+)\/?(.*)$/.exec(path) ?? [];
    if (kind === "ok") return res.writeHead(200, {"content-type": "text/html"}).end("<p>fixture page</p>");
    if (kind === "moved") return res.writeHead(301, {location: `/ok/${rest}`}).end();
    if (kind === "loop") return res.writeHead(302, {location: `/loop/${rest}`}).end();
    if (kind === "gone") return res.writeHead(404).end("not found");
    if (kind === "error") return res.writeHead(500).end("server error");
    if (kind === "hang") return; // never answers
    res.writeHead(404).end();
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as {port: number};
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      })
  };
}
