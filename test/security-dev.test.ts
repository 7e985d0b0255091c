// Every server `explainer dev` starts, attacked over HTTP and WebSocket (issue 15, rows 1, 2 and 13): a DNS-
// rebinding page, another site's page in Chromium, and hand-made requests. None may be accepted, no file may
// change, and preview may not reach the network for an npm: module.
import type {ChildProcess} from "node:child_process";
import {readdirSync, readFileSync, readlinkSync} from "node:fs";
import {createServer, request, type Server} from "node:http";
import type {Socket} from "node:net";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {launchChromium} from "./helpers/browser.ts";
import {freePort, startDev} from "./helpers/dev.ts";
import {builtCopy} from "./helpers/built.ts";
import {explainer, removeProject, stopProcessGroup} from "./helpers/project.ts";
import {snapshot} from "./helpers/endpoint.ts";

/** The TCP ports that the processes of a process group listen on (Linux: /proc). */
function listeningPorts(group: number): number[] {
  const inodes = new Set<string>();
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf-8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== group) continue;
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const socket = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (socket) inodes.add(socket[1]);
      }
    } catch {
      // a process that ended meanwhile
    }
  }
  const ports = new Set<number>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf-8").split("\n").slice(1)) {
      const columns = line.trim().split(/\s+/);
      if (columns[3] === "0A" && inodes.has(columns[9])) ports.add(parseInt(columns[1].split(":")[1], 16));
    }
  }
  return [...ports].sort((a, b) => a - b);
}

/** An HTTP request with full control of its headers; resolves to the status and the body. */
function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string
): Promise<{status: number; text: string}> {
  return new Promise((resolve, reject) => {
    const req = request({host: "127.0.0.1", port, method, path, headers, setHost: false}, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({status: res.statusCode!, text}));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A WebSocket handshake; resolves to 101 when the server switched protocols, else the status (0: connection closed). */
function upgrade(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const req = request({
      host: "127.0.0.1",
      port,
      path,
      setHost: false,
      headers: {
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
        ...headers
      }
    });
    req.on("upgrade", (_res, socket: Socket) => (resolve(101), socket.destroy()));
    req.on("response", (res) => (resolve(res.statusCode ?? 0), res.resume()));
    req.on("error", () => resolve(0));
    req.end();
  });
}

describe("the servers explainer dev starts, attacked", () => {
  let root: string;
  let dev: ChildProcess | undefined;
  let browser: Browser | undefined;
  let attacker: Server | undefined;
  let port: number;
  let savePort: number;
  let output = "";
  let before: Map<string, string>;

  beforeAll(async () => {
    root = await builtCopy();
    // Loaders refreshed first, so that dev starts within startDev's time on a busy machine.
    const refreshed = explainer(root, "refresh");
    expect(refreshed.status, refreshed.stderr).toBe(0);
    let origin: string;
    ({child: dev, origin} = await startDev(root, {onOutput: (text) => void (output += text)}));
    port = Number(new URL(origin).port);
    savePort = Number(/save endpoint http:\/\/127\.0\.0\.1:(\d+)/.exec(output)![1]);
    before = await snapshot(join(root, "data"));
  }, 400_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    attacker?.close();
    await stopProcessGroup(dev);
    if (root) await removeProject(root);
  });

  test("dev listens on two TCP ports only: the guard's and the save endpoint's (preview has none)", () => {
    expect(listeningPorts(dev!.pid!)).toEqual([port, savePort].sort((a, b) => a - b));
  });

  test("0 hostile requests accepted on every port dev listens on, HTTP and WebSocket", async () => {
    const accepted: string[] = [];
    let tried = 0;
    for (const p of listeningPorts(dev!.pid!)) {
      const own = {host: `127.0.0.1:${p}`};
      const page = `http://127.0.0.1:${port}`;
      const crossSite = {
        ...own,
        "sec-fetch-site": "cross-site",
        "sec-fetch-mode": "no-cors",
        "sec-fetch-dest": "script"
      };
      const save = JSON.stringify({spec: {type: "bar", title: "Pwned", claims: ["refugees"]}, base: "0".repeat(64)});
      const http: [string, string, string, Record<string, string>, string?][] = [
        ["DNS rebinding: the editor's token", "GET", "/_file/data/editor-session.json", {host: `evil.example:${p}`}],
        ["DNS rebinding: a page", "GET", "/", {host: `evil.example:${p}`}],
        ["DNS rebinding: unpublished data", "GET", "/_file/data/claims.csv", {host: `attacker.test:${p}`}],
        [
          "DNS rebinding: a chart spec",
          "GET",
          "/charts/refugees-and-deaths",
          {host: `evil.example:${p}`, origin: `http://evil.example:${p}`}
        ],
        [
          "a foreign Origin reading the token",
          "GET",
          "/_file/data/editor-session.json",
          {...own, origin: "http://evil.example"}
        ],
        ["the null Origin reading the token", "GET", "/_file/data/editor-session.json", {...own, origin: "null"}],
        ["another site loading data as a script", "GET", "/_file/data/claims.csv", crossSite],
        ["another site loading an npm: module", "GET", "/_npm/left-pad@1.3.0/+esm", crossSite],
        [
          "another site framing the editor",
          "GET",
          "/editor",
          {...crossSite, "sec-fetch-mode": "navigate", "sec-fetch-dest": "iframe"}
        ],
        ["an npm: module that is not vendored", "GET", "/_npm/left-pad@1.3.0/+esm", own],
        ["an npm: path out of the cache", "GET", "/_npm/..%2F..%2F..%2F..%2Fpackage.json", own],
        ["a POST from a foreign Origin", "POST", "/", {...own, origin: "http://evil.example"}],
        ["no Host at all", "GET", "/_file/data/editor-session.json", {}],
        [
          "a save without the token",
          "PUT",
          "/charts/refugees-and-deaths",
          {...own, origin: page, "content-type": "application/json"},
          save
        ],
        [
          "a save from a foreign Origin",
          "PUT",
          "/charts/refugees-and-deaths",
          {...own, origin: "http://evil.example", "content-type": "application/json"},
          save
        ],
        [
          "a new chart from a foreign Origin",
          "POST",
          "/charts/pwned",
          {...own, origin: "http://evil.example", "content-type": "application/json"},
          save
        ],
        [
          "a ledger row without the token",
          "POST",
          "/claims",
          {...own, origin: page, "content-type": "application/json"},
          JSON.stringify({row: {id: "pwned"}, base: "0".repeat(64)})
        ],
        [
          "an ignore row from a foreign Origin",
          "POST",
          "/ignored",
          {...own, origin: "http://evil.example", "content-type": "application/json"},
          JSON.stringify({rows: [{source: "x", text: "1", reason: "pwned"}], base: "0".repeat(64)})
        ],
        [
          "DNS rebinding: a review",
          "POST",
          "/reviews",
          {host: `evil.example:${p}`, origin: `http://evil.example:${p}`, "content-type": "application/json"},
          JSON.stringify({place: "src/index.md:1", claim: "refugees", hash: "0".repeat(12)})
        ]
      ];
      for (const [name, method, path, headers, body] of http) {
        tried++;
        const {status} = await send(p, method, path, headers, body);
        if (status < 400) accepted.push(`${p} ${name}: ${status}`);
      }
      const sockets: [string, Record<string, string>][] = [
        ["a foreign Origin", {...own, origin: "http://evil.example"}],
        ["another local port's Origin", {...own, origin: `http://127.0.0.1:${p === port ? savePort : port + 7}`}],
        ["no Origin", own],
        ["the null Origin", {...own, origin: "null"}],
        ["DNS rebinding", {host: `evil.example:${p}`, origin: `http://evil.example:${p}`}]
      ];
      for (const [name, headers] of sockets) {
        tried++;
        const status = await upgrade(p, "/_observablehq", headers);
        if (status === 101 || (status > 0 && status < 400)) accepted.push(`${p} WebSocket with ${name}: ${status}`);
      }
    }
    expect({tried, accepted}).toEqual({tried: 48, accepted: []});
  });

  test("the preview's own pages, live updates and vendored modules still work", async () => {
    const own = {host: `127.0.0.1:${port}`};
    expect((await send(port, "GET", "/", own)).status).toBe(200);
    expect((await send(port, "GET", "/", {host: `localhost:${port}`})).status).toBe(200);
    expect(await upgrade(port, "/_observablehq", {...own, origin: `http://127.0.0.1:${port}`})).toBe(101);
    const [dsv] = readdirSync(join(root, "src/.observablehq/cache/_npm")).filter((d) => d.startsWith("d3-dsv@"));
    const module = await send(port, "GET", `/_npm/${dsv}/_esm.js`, own);
    expect([module.status, module.text.length > 1000]).toEqual([200, true]);
  });

  test("a DNS-rebinding page and another site's page in Chromium read nothing and open no socket", async () => {
    const other = await freePort();
    const attack = (target: string) => `<!DOCTYPE html><title>Fixture attacker page</title><script>
      window.results = {};
      fetch("${target}/_file/data/editor-session.json").then((r) => r.text()).then(
        (text) => (results.token = text), (error) => (results.token = "blocked: " + error));
      const ws = new WebSocket("${target.replace("http", "ws")}/_observablehq");
      ws.onopen = () => (results.socket = "open", ws.send(JSON.stringify({type: "hello", path: "/", hash: "x"})));
      ws.onmessage = (m) => (results.message = m.data);
      ws.onclose = () => (results.socket ??= "closed");
      const s = document.createElement("script");
      s.type = "module";
      s.src = "${target}/_npm/left-pad@1.3.0/+esm";
      s.onload = () => (results.npm = "loaded");
      s.onerror = () => (results.npm = "failed");
      document.head.append(s);
    </script>`;
    attacker = createServer((_req, res) =>
      res.writeHead(200, {"content-type": "text/html"}).end(attack(`http://127.0.0.1:${port}`))
    );
    await new Promise<void>((resolve) => attacker!.listen(other, "127.0.0.1", resolve));
    browser = await launchChromium(
      "--host-resolver-rules=MAP evil.test 127.0.0.1, MAP attacker.test 127.0.0.1",
      // Chromium's Private Network Access would stop the rebinding page on its own; Firefox and Safari have no
      // such check, so it is off here and the guard is what the attack meets.
      "--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults,LocalNetworkAccessChecks"
    );
    const page = await browser.newPage();
    // DNS rebinding: the page came from evil.test:PORT when it pointed elsewhere; now the name points here.
    await page.route(`http://evil.test:${port}/`, (route) =>
      route.fulfill({contentType: "text/html", body: attack(`http://evil.test:${port}`)})
    );
    const results = async (url: string) => {
      await page.goto(url);
      await page.waitForFunction(
        () => {
          const r = (window as unknown as {results: Record<string, string>}).results;
          return r.token && r.socket && r.npm;
        },
        null,
        {timeout: 30_000}
      );
      return page.evaluate(() => (window as unknown as {results: Record<string, string>}).results);
    };
    const rebinding = await results(`http://evil.test:${port}/`);
    expect(rebinding.token).toBe(
      `explainer dev: 403 BAD_HOST: Host "evil.test:${port}" is not this server; open http://127.0.0.1:${port}/\n`
    );
    expect([rebinding.socket, rebinding.message, rebinding.npm]).toEqual(["closed", undefined, "failed"]);
    const crossSite = await results(`http://attacker.test:${other}/`);
    expect(crossSite.token).toMatch(/^blocked: TypeError/);
    expect([crossSite.socket, crossSite.message, crossSite.npm]).toEqual(["closed", undefined, "failed"]);
  });

  test("after every attack: no file changed, and preview never tried to download an npm: module", async () => {
    expect(await snapshot(join(root, "data"))).toEqual(before);
    expect(readdirSync(join(root, "src/.observablehq/cache/_npm")).filter((d) => d.startsWith("left-pad"))).toEqual([]);
    expect(output).not.toMatch(/npm:left-pad|cdn\.jsdelivr|may not reach the network/);
  });
});
