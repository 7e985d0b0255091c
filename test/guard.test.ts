// The guard in front of preview (tools/guard.ts), with a stand-in for preview on the guard's socket: which
// requests pass, which are refused, and that refused ones never reach preview.
import {spawnSync} from "node:child_process";
import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {createServer, request, type IncomingHttpHeaders, type Server} from "node:http";
import type {Socket} from "node:net";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {guardRefusal, startGuard, vendoredFile, type Guard} from "../tools/guard.ts";
import {mayFetch, previewHookEnv} from "../tools/preview-hooks.ts";
import {freePort} from "./helpers/dev.ts";
import {copyProject, projectRoot, removeProject} from "./helpers/project.ts";

const local = "127.0.0.1";

describe("guardRefusal", () => {
  const port = 3000;
  const own = {host: "127.0.0.1:3000"};
  const code = (headers: IncomingHttpHeaders, {url = "/", method = "GET", upgrade = false, remote = local} = {}) =>
    guardRefusal({method, url, headers, remoteAddress: remote}, port, upgrade)?.code ?? "pass";

  test("passes the preview's own requests, by either loopback name", () => {
    expect(code(own)).toBe("pass");
    expect(code({host: "localhost:3000"})).toBe("pass");
    expect(
      code({...own, origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin"}, {url: "/_file/a.csv"})
    ).toBe("pass");
    expect(code({...own, origin: "http://localhost:3000"}, {upgrade: true, url: "/_observablehq"})).toBe("pass");
    expect(code({...own, "sec-fetch-site": "none", "sec-fetch-mode": "navigate", "sec-fetch-dest": "document"})).toBe(
      "pass"
    );
  });

  test.each([
    ["another machine", own, {remote: "192.168.1.20"}, "NOT_LOOPBACK"],
    ["a foreign Host (DNS rebinding)", {host: "evil.example:3000"}, {}, "BAD_HOST"],
    ["a foreign name for loopback", {host: "127.0.0.1.nip.io:3000"}, {}, "BAD_HOST"],
    ["the right name on another port", {host: "127.0.0.1:3001"}, {}, "BAD_HOST"],
    ["no Host", {}, {}, "BAD_HOST"],
    ["a foreign Origin", {...own, origin: "http://evil.example"}, {}, "BAD_ORIGIN"],
    ["the null Origin", {...own, origin: "null"}, {}, "BAD_ORIGIN"],
    [
      "a cross-site script load",
      {...own, "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors", "sec-fetch-dest": "script"},
      {url: "/_npm/x@1/+esm"},
      "CROSS_SITE"
    ],
    [
      "a same-site (other port) fetch",
      {...own, "sec-fetch-site": "same-site", "sec-fetch-mode": "no-cors", "sec-fetch-dest": "empty"},
      {url: "/_file/data/editor-session.json"},
      "CROSS_SITE"
    ],
    [
      "a cross-site frame",
      {...own, "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate", "sec-fetch-dest": "iframe"},
      {url: "/editor"},
      "CROSS_SITE"
    ],
    [
      "a cross-site navigation to a file",
      {...own, "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate", "sec-fetch-dest": "document"},
      {url: "/_file/data/editor-session.json"},
      "CROSS_SITE"
    ],
    ["a POST", own, {method: "POST"}, "METHOD"],
    [
      "a WebSocket with a foreign Origin",
      {...own, origin: "http://evil.example"},
      {upgrade: true, url: "/_observablehq"},
      "BAD_ORIGIN"
    ],
    ["a WebSocket without an Origin", own, {upgrade: true, url: "/_observablehq"}, "BAD_ORIGIN"],
    [
      "a WebSocket under a foreign Host",
      {host: "evil.example:3000", origin: "http://evil.example:3000"},
      {upgrade: true, url: "/_observablehq"},
      "BAD_HOST"
    ],
    ["a WebSocket elsewhere", {...own, origin: "http://127.0.0.1:3000"}, {upgrade: true, url: "/other"}, "NOT_FOUND"]
  ])("refuses %s", (_name, headers, options, expected) => {
    expect(code(headers as IncomingHttpHeaders, options)).toBe(expected);
  });

  test("lets another site link to a page (a top-level navigation), nothing else", () => {
    const navigate = {
      ...own,
      "sec-fetch-site": "cross-site",
      "sec-fetch-mode": "navigate",
      "sec-fetch-dest": "document"
    };
    expect(code(navigate, {url: "/methodology"})).toBe("pass");
  });
});

describe("mayFetch (what preview's fetch may reach)", () => {
  test.each([
    ["http://127.0.0.1:3000/x", true],
    ["http://localhost/x", true],
    ["http://[::1]:8080/", true],
    // Any other host is refused: a CDN's module or version API (here a stand-in host) among them.
    ["https://cdn.example.net/npm/d3-dsv@3/+esm", false],
    ["https://registry.npmjs.org/d3-dsv/latest", true],
    ["https://data.example.com/v1/packages/npm/d3-dsv/resolved", false],
    ["http://registry.npmjs.org/d3-dsv", false],
    ["http://127.0.0.1.nip.io/", false],
    ["not a url", false]
  ])("%s → %s", (url, expected) => expect(mayFetch(url)).toBe(expected));
});

describe("preview's file watching, with the hooks loaded", () => {
  // A child process, since the hooks change its globals: Framework's own watcher of a page's files,
  // two files given a new time together (as a save announces its outputs), then one of them again.
  const script = `
    import {utimes, writeFile} from "node:fs/promises";
    import {join} from "node:path";
    const dir = process.argv.at(-1);
    process.env.${previewHookEnv.socket} = join(dir, "socket");
    process.env.${previewHookEnv.port} = "3000";
    await import(${JSON.stringify(pathToFileURL(join(projectRoot, "tools/preview-hooks.ts")).href)});
    const {FileWatchers} = await import(${JSON.stringify(
      pathToFileURL(join(projectRoot, "node_modules/@observablehq/framework/dist/fileWatchers.js")).href
    )});
    for (const name of ["a.csv", "b.csv"]) await writeFile(join(dir, name), name);
    const renders = [];
    const watchers = await FileWatchers.of({getWatchPath: (p) => join(dir, p)}, "/page", ["a.csv", "b.csv"], (name) => renders.push(name));
    const settle = () => new Promise((resolve) => setTimeout(resolve, 500));
    const touch = (name, s) => utimes(join(dir, name), s, s);
    await touch("a.csv", 1e9); await touch("b.csv", 1e9);
    await settle();
    const together = renders.length;
    await touch("a.csv", 2e9);
    await settle();
    watchers.close();
    console.log(JSON.stringify({together, after: renders.length}));
  `;

  test("files changed together render an open page once; a later change renders it again", async () => {
    const dir = await mkdtemp(join(tmpdir(), "preview-watch-"));
    try {
      const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, dir], {
        cwd: projectRoot,
        encoding: "utf-8"
      });
      expect(result.status, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({together: 1, after: 2});
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});

describe("the guard with a stand-in preview", () => {
  let root: string;
  let guard: Guard;
  let preview: Server;
  let port: number;
  const seen: string[] = [];
  const logged: string[] = [];

  beforeAll(async () => {
    root = await copyProject();
    await mkdir(join(root, "src/.observablehq/cache/_npm/d3-dsv@3.0.2"), {recursive: true});
    await writeFile(join(root, "src/.observablehq/cache/_npm/d3-dsv@3.0.2/_esm.js"), "export const vendored = 1;\n");
    port = await freePort();
    guard = await startGuard({root, port, log: (line) => void logged.push(line)});
    preview = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const status = req.url?.includes("missing") ? 404 : 200;
      res.writeHead(status, {"content-type": "text/plain", "x-from": "preview"}).end(`preview: ${req.url}`);
    });
    // A WebSocket stand-in: switches protocols, then echoes what it receives.
    preview.on("upgrade", (req, socket: Socket) => {
      seen.push(`UPGRADE ${req.url}`);
      socket.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
      socket.on("data", (data) => socket.write(`echo ${data}`));
    });
    await new Promise<void>((resolve) => preview.listen(guard.previewEnv[previewHookEnv.socket], resolve));
  });
  afterAll(async () => {
    await guard?.close();
    preview?.close();
    await removeProject(root);
  });

  /** A request with full control of its headers (fetch forbids setting Host, Origin and Sec-Fetch-*). */
  function send(
    path: string,
    headers: Record<string, string> = {},
    method = "GET"
  ): Promise<{status: number; headers: IncomingHttpHeaders; text: string}> {
    return new Promise((resolve, reject) => {
      const req = request({host: local, port, method, path, headers: {host: `${local}:${port}`, ...headers}}, (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({status: res.statusCode!, headers: res.headers, text}));
      });
      req.on("error", reject).end();
    });
  }

  /** A WebSocket handshake through the guard; resolves to the echo of "hello" once switched, or to how it was refused. */
  function socket(headers: Record<string, string>, path = "/_observablehq"): Promise<string> {
    return new Promise((resolve, reject) => {
      const req = request({
        host: local,
        port,
        path,
        headers: {host: `${local}:${port}`, connection: "Upgrade", upgrade: "websocket", ...headers}
      });
      req.on("upgrade", (_res, raw: Socket) => {
        raw.write("hello");
        raw.once("data", (data) => (resolve(`accepted: ${data}`), raw.destroy()));
      });
      req.on("response", (res) => (resolve(`refused ${res.statusCode}`), res.resume()));
      req.on("error", reject).end();
    });
  }

  test("passes the preview's own requests to preview, with the guard's frame-ancestors header", async () => {
    const answer = await send("/methodology?x=1", {"sec-fetch-site": "same-origin"});
    expect([answer.status, answer.text, answer.headers["x-from"]]).toEqual([
      200,
      "preview: /methodology?x=1",
      "preview"
    ]);
    expect(answer.headers["content-security-policy"]).toBe("frame-ancestors 'self'");
    expect(seen).toContain("GET /methodology?x=1");
  });

  test("keeps what cannot change in a session (Framework's client, ?sha= imports), and asks preview for the rest", async () => {
    const sha = "ab".repeat(32);
    const urls = [
      "/_observablehq/client.js",
      "/_observablehq/stdlib/inputs.css",
      `/_import/components/chart.js?sha=${sha}`,
      "/_import/components/chart.js",
      "/methodology",
      "/_observablehq/missing.js"
    ];
    const before = seen.length;
    const first = await Promise.all(urls.map((url) => send(url)));
    const again = await Promise.all(urls.map((url) => send(url)));
    expect(again.map((a) => [a.status, a.text, a.headers["x-from"], a.headers["content-security-policy"]])).toEqual(
      first.map((a) => [a.status, a.text, "preview", "frame-ancestors 'self'"])
    );
    expect(first.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 404]);
    // Preview was asked twice only for the page, the import without its hash, and the response that was not a 200.
    expect(seen.slice(before).sort()).toEqual(
      [...urls, "/_import/components/chart.js", "/methodology", "/_observablehq/missing.js"]
        .map((u) => `GET ${u}`)
        .sort()
    );
  });

  test("refused requests never reach preview", async () => {
    const before = seen.length;
    const answers = [
      await send("/_file/data/editor-session.json", {host: `evil.example:${port}`}),
      await send("/", {origin: "http://evil.example"}),
      await send("/_file/data/claims.csv", {"sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors"}),
      await send("/", {}, "POST")
    ];
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 405]);
    expect(answers[0].text).toBe(
      `explainer dev: 403 BAD_HOST: Host "evil.example:${port}" is not this server; open http://127.0.0.1:${port}/\n`
    );
    expect(seen.length).toBe(before);
  });

  test("WebSockets open only from the guard's own Origin, and refused ones never reach preview", async () => {
    const before = seen.filter((s) => s.startsWith("UPGRADE")).length;
    expect(await socket({origin: `http://127.0.0.1:${port}`})).toBe("accepted: echo hello");
    expect(await socket({origin: `http://localhost:${port}`, host: `localhost:${port}`})).toBe("accepted: echo hello");
    expect(await socket({origin: "http://evil.example"})).toBe("refused 403");
    expect(await socket({})).toBe("refused 403");
    expect(await socket({origin: `http://evil.example:${port}`, host: `evil.example:${port}`})).toBe("refused 403");
    expect(await socket({origin: `http://127.0.0.1:${port}`}, "/other")).toBe("refused 404");
    expect(seen.filter((s) => s.startsWith("UPGRADE")).length).toBe(before + 2);
  });

  test("/_npm/ is served from the vendored cache only, and never forwarded", async () => {
    const before = seen.length;
    const vendored = await send("/_npm/d3-dsv@3.0.2/_esm.js");
    expect([vendored.status, vendored.headers["content-type"], vendored.text]).toEqual([
      200,
      "text/javascript; charset=utf-8",
      "export const vendored = 1;\n"
    ]);
    const missing = await send("/_npm/left-pad@1.3.0/+esm");
    expect(missing.status).toBe(404);
    expect(missing.text).toContain("404 NPM_NOT_VENDORED: npm:left-pad@1.3.0/+esm is not vendored");
    expect(logged).toContain("guard: refused /_npm/left-pad@1.3.0/+esm: NPM_NOT_VENDORED\n");
    for (const path of [
      "/_npm/..%2F..%2F..%2Fpackage.json",
      "/_npm/d3-dsv@3.0.2/..%2F..%2F..%2F..%2F..%2Fdata%2Fclaims.csv"
    ]) {
      expect((await send(path)).status).toBe(400);
    }
    expect(seen.length).toBe(before);
  });

  test("garbage, aborted requests and aborted upgrades leave the guard answering", async () => {
    const {connect} = await import("node:net");
    const raw = (text: string) =>
      new Promise<void>((resolve) => {
        const s = connect(port, local, () => (s.write(text), setTimeout(() => (s.destroy(), resolve()), 20)));
        s.on("error", () => resolve());
      });
    for (let i = 0; i < 20; i++) {
      await raw("\u0000\u0001garbage\r\n\r\n");
      await raw(
        `GET /_observablehq HTTP/1.1\r\nHost: ${local}:${port}\r\nOrigin: http://${local}:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n`
      );
      await raw(`GET /_npm/d3-dsv@3.0.2/_esm.js HTTP/1.1\r\nHost: ${local}:${port}\r\n\r\n`);
      await raw(`GET / HTTP/1.1\r\nHost: ${local}:${port}\r\nContent-Length: 100\r\n\r\nabc`);
    }
    expect((await send("/after")).text).toBe("preview: /after");
  });

  test("vendoredFile refuses a symlink out of the cache", async () => {
    const {symlink} = await import("node:fs/promises");
    await symlink(join(root, "package.json"), join(root, "src/.observablehq/cache/_npm/escape.js"));
    expect(await vendoredFile(root, "/_npm/escape.js")).toMatchObject({status: 404, code: "NPM_NOT_VENDORED"});
  });
});

test("startGuard on a port in use fails with PORT_IN_USE and the fix", async () => {
  const port = await freePort();
  const other = createServer().listen(port, local);
  await new Promise((resolve) => other.once("listening", resolve));
  try {
    await expect(startGuard({root: process.cwd(), port})).rejects.toThrow(
      `127.0.0.1:${port}: PORT_IN_USE: another program (another explainer dev?) listens there; try npm run dev -- --port ${port + 10}`
    );
  } finally {
    other.close();
  }
});
