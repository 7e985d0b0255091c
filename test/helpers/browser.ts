/**
 * A real browser for tests: Debian's Chromium driven by playwright-core, and a static server for a
 * built site on a free loopback port.
 */
import {existsSync} from "node:fs";
import type {Server} from "node:http";
import {chromium, type Browser} from "playwright-core";
import {serveSite} from "../../tools/publish/serve.ts";

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

/** Serves a built folder on 127.0.0.1 with clean URLs (`/methodology` → `methodology.html`); resolves to its origin. */
export async function serveStatic(dir: string): Promise<{origin: string; server: Server}> {
  const {origin, server} = await serveSite(dir, {gzip: false});
  return {origin, server};
}
