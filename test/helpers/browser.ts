/**
 * A real browser for tests: Debian's Chromium driven by playwright-core, and a static server for a
 * built site on a free loopback port.
 */
import {existsSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {createServer, type Server} from "node:http";
import {extname, join, normalize} from "node:path";
import {chromium, type Browser} from "playwright-core";

/** Where Debian installs Chromium (`apt-get install -y chromium`; `.ci/run` does it). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launches headless Chromium with no background traffic (the machine has no network). */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: run 'apt-get install -y chromium'`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync"
    ]
  });
}

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".csv": "text/csv",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png"
};

/** Serves a folder on 127.0.0.1 (clean URLs: `/methodology` → `methodology.html`); resolves to its origin. */
export async function serveStatic(dir: string): Promise<{origin: string; server: Server}> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    const candidates = [join(dir, path), join(dir, `${path}.html`), join(dir, path, "index.html")];
    for (const file of candidates) {
      if (!file.startsWith(dir)) break;
      try {
        const body = await readFile(file);
        res.writeHead(200, {"content-type": types[extname(file)] ?? "application/octet-stream"});
        res.end(body);
        return;
      } catch {
        // try the next candidate
      }
    }
    res.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  return {origin: `http://127.0.0.1:${address.port}`, server};
}
