import {existsSync} from "node:fs";
import {mkdir, readFile, readdir, rename, rm, symlink, writeFile} from "node:fs/promises";
import type {Server} from "node:http";
import {join} from "node:path";
import {afterAll, beforeAll, beforeEach, describe, expect, test} from "vitest";
import {formatSpec} from "../src/components/spec-format.ts";
import {z} from "zod";
import {chartRoutes} from "../tools/chart-routes.ts";
import {
  hashText,
  isLoopback,
  matchPath,
  newToken,
  saveHandler,
  startSaveServer,
  writeRoute,
  type FieldProblem
} from "../tools/save-server.ts";
import {endpointClient} from "./helpers/endpoint.ts";
import {copyProject, removeProject} from "./helpers/project.ts";

const existsSyncSafe = (path: string) => existsSync(path);
const rmLink = (path: string) => rm(path, {force: true});

const preview = "http://127.0.0.1:3000";
const spec = {type: "bar", title: "Reported figures", claims: ["civilians-killed", "refugees"]};

// A stand-in for the chart schema that knows one rule, so this test is about the endpoint alone;
// test/editor.test.ts saves through the real schema.
const validate = (s: unknown): FieldProblem[] =>
  s && typeof s === "object" && typeof (s as {title?: unknown}).title === "string"
    ? []
    : [{code: "MISSING_FIELD", field: "title", detail: '"title" is required'}];

describe("the save endpoint", () => {
  let root: string;
  let server: Server;
  let url: URL;
  const token = newToken();
  let original: string;

  beforeAll(async () => {
    root = await copyProject();
    await mkdir(join(root, "data/charts"), {recursive: true});
    const started = await startSaveServer({root, token, origins: [preview], routes: chartRoutes({validate})});
    server = started.server;
    url = new URL(started.url);
  });
  afterAll(async () => {
    server?.close();
    await removeProject(root);
  });
  beforeEach(async () => {
    original = formatSpec(spec);
    await writeFile(join(root, "data/charts/test-chart.json"), original);
  });

  const send: ReturnType<typeof endpointClient> = (...args) => endpointClient(url, token, preview)(...args);
  const save = (s: unknown, base = hashText(original), headers: Record<string, string> = {}, id = "test-chart") =>
    send("PUT", `/charts/${id}`, {headers, body: JSON.stringify({spec: s, base})});
  const onDisk = () => readFile(join(root, "data/charts/test-chart.json"), "utf-8");

  test("listens on 127.0.0.1 only", () => {
    expect((server.address() as {address: string}).address).toBe("127.0.0.1");
  });

  test("GET /charts/<id> returns the spec and the hash of its file", async () => {
    const {status, json} = await send("GET", "/charts/test-chart");
    expect(status).toBe(200);
    expect(json).toEqual({id: "test-chart", spec, base: hashText(original)});
  });

  test("PUT saves with stable key order, 2-space indent and a final newline", async () => {
    const edited = {claims: ["refugees"], title: "Refugees", type: "bar"};
    const {status, json} = await save(edited);
    expect(status).toBe(200);
    expect(await onDisk()).toBe('{\n  "type": "bar",\n  "title": "Refugees",\n  "claims": [\n    "refugees"\n  ]\n}\n');
    expect(json.base).toBe(hashText(await onDisk()));
  });

  test("PUT keeps the CRLF line ends of a spec checked out with them", async () => {
    const windows = original.replaceAll("\n", "\r\n");
    await writeFile(join(root, "data/charts/test-chart.json"), windows);
    const {status} = await save({...spec, title: "Refugees"}, hashText(windows));
    expect(status).toBe(200);
    expect(await onDisk()).toBe(formatSpec({...spec, title: "Refugees"}).replaceAll("\n", "\r\n"));
  });

  test.each([
    ["a foreign Host (DNS rebinding)", {host: "evil.example:80"}, 403, "BAD_HOST"],
    ["a foreign Origin", {origin: "http://evil.example"}, 403, "BAD_ORIGIN"],
    ["no Origin", {origin: ""}, 403, "BAD_ORIGIN"],
    ["no token", {"x-explainer-token": ""}, 401, "BAD_TOKEN"],
    ["a wrong token", {"x-explainer-token": token.slice(1) + "x"}, 401, "BAD_TOKEN"],
    ["a body that is not declared JSON", {"content-type": "text/plain"}, 415, "NOT_JSON"]
  ])("refuses %s and changes no file", async (_name, headers, status, code) => {
    const result = await save({...spec, title: "Changed"}, undefined, headers as Record<string, string>);
    expect([result.status, result.json.error]).toEqual([status, code]);
    expect(await onDisk()).toBe(original);
  });

  test("refuses a body that is not JSON", async () => {
    const result = await send("PUT", "/charts/test-chart", {body: "{spec:"});
    expect([result.status, result.json.error]).toEqual([400, "INVALID_JSON"]);
    expect(await onDisk()).toBe(original);
  });

  test("refuses a body over the size limit, declared or streamed", async () => {
    const body = JSON.stringify({spec: {...spec, note: "x".repeat(300 * 1024)}, base: hashText(original)});
    const declared = await send("PUT", "/charts/test-chart", {
      body,
      headers: {"content-length": String(Buffer.byteLength(body))}
    });
    expect([declared.status, declared.json.error]).toEqual([413, "TOO_LARGE"]);
    const streamed = await send("PUT", "/charts/test-chart", {body, headers: {"transfer-encoding": "chunked"}});
    expect([streamed.status, streamed.json.error]).toEqual([413, "TOO_LARGE"]);
    expect(await onDisk()).toBe(original);
  });

  test("refuses an invalid spec with the schema's problems", async () => {
    const result = await save({type: "bar", claims: ["refugees"]});
    expect(result.status).toBe(422);
    expect(result.json.problems).toEqual([{code: "MISSING_FIELD", field: "title", detail: '"title" is required'}]);
    expect(await onDisk()).toBe(original);
  });

  test.each([
    ["..%2Fclaims", 400, "INVALID_ID"],
    ["..%2F..%2Fpackage", 400, "INVALID_ID"],
    ["test-chart%00", 400, "INVALID_ID"],
    ["Test-Chart", 400, "INVALID_ID"],
    ["sub%2Fchart", 400, "INVALID_ID"],
    ["no-such-chart", 404, "UNKNOWN_CHART"]
  ])("refuses the chart id %s", async (id, status, code) => {
    const result = await save(spec, undefined, {}, id);
    expect([result.status, result.json.error]).toEqual([status, code]);
    expect(await onDisk()).toBe(original);
  });

  test("refuses a chart file that is a symlink leaving the folder", async () => {
    await writeFile(join(root, "secret.json"), "{}\n");
    await symlink(join(root, "secret.json"), join(root, "data/charts/escape.json"));
    const result = await save(spec, hashText("{}\n"), {}, "escape");
    expect([result.status, result.json.error]).toEqual([400, "NOT_A_FILE"]);
    expect(await readFile(join(root, "secret.json"), "utf-8")).toBe("{}\n");
  });

  test("answers a save over a newer version with a conflict and the version on disk", async () => {
    const someoneElse = formatSpec({...spec, title: "Someone else's title"});
    await writeFile(join(root, "data/charts/test-chart.json"), someoneElse);
    const result = await save({...spec, title: "Mine"});
    expect(result.status).toBe(409);
    expect(result.json).toMatchObject({
      error: "CONFLICT",
      base: hashText(someoneElse),
      spec: {title: "Someone else's title"}
    });
    expect(await onDisk()).toBe(someoneElse);
  });

  test("100 concurrent saves of one chart leave a valid file equal to one of the submitted specs", async () => {
    const specs = Array.from({length: 100}, (_, i) => ({...spec, title: `Title ${i}`}));
    const results = await Promise.all(specs.map((s) => save(s)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(99);
    const text = await onDisk();
    expect(specs.map((s) => formatSpec(s))).toContain(text);
    expect((await readdir(join(root, "data/charts"))).filter((f) => !f.endsWith(".json"))).toEqual([]);
  });

  test("GET of a chart whose file is not JSON answers its base with no spec", async () => {
    await writeFile(join(root, "data/charts/test-chart.json"), "{ half an edit");
    const {status, json} = await send("GET", "/charts/test-chart");
    expect([status, json.spec, json.base]).toEqual([200, null, hashText("{ half an edit")]);
  });

  test("a body nested deeper than the limit is refused before it is parsed", async () => {
    const body = `{"spec": {"type": "bar", "title": "Deep", "note": ${"[".repeat(50_000)}${"]".repeat(50_000)}}, "base": "${hashText(original)}"}`;
    const result = await send("PUT", "/charts/test-chart", {body});
    expect([result.status, result.json.error]).toEqual([400, "JSON_TOO_DEEP"]);
    expect(await onDisk()).toBe(original);
  });

  test("a body with a key the route does not know is INVALID_BODY", async () => {
    const body = JSON.stringify({spec, base: hashText(original), path: "../../package.json"});
    const result = await send("PUT", "/charts/test-chart", {body});
    expect([result.status, result.json.error]).toEqual([400, "INVALID_BODY"]);
    expect(result.json.message).toBe(
      'the body must be {"spec": {…}, "base": "<hash of the version edited>"} (Unrecognized key: "path")'
    );
    expect(await onDisk()).toBe(original);
  });

  test.each([
    ["DELETE", "/charts/test-chart", 405, "METHOD"],
    ["PATCH", "/charts/test-chart", 405, "METHOD"],
    ["PUT", "/charts", 404, "NOT_FOUND"],
    ["PUT", "/charts/test-chart/extra", 404, "NOT_FOUND"],
    ["PUT", "/claims", 404, "NOT_FOUND"]
  ])("refuses %s %s", async (method, path, status, code) => {
    const result = await send(method, path, {body: JSON.stringify({spec, base: hashText(original)})});
    expect([result.status, result.json.error]).toEqual([status, code]);
    expect(await onDisk()).toBe(original);
  });

  describe("creating a chart: POST /charts/<new id>", () => {
    const create = (id: string, s: unknown = spec, headers: Record<string, string> = {}) =>
      send("POST", `/charts/${id}`, {headers, body: JSON.stringify({spec: s})});
    /** Every file under the project's data/ and its root, with its bytes: what must not change. */
    const snapshot = async () => {
      const files = new Map<string, string>();
      for (const dir of ["data", "data/charts", "."]) {
        for (const name of (await readdir(join(root, dir), {withFileTypes: true})).filter((e) => e.isFile())) {
          files.set(`${dir}/${name.name}`, await readFile(join(root, dir, name.name), "utf-8"));
        }
      }
      return files;
    };

    test("a new slug and a valid spec: 201, the file written formatted, then readable and savable", async () => {
      const result = await create("new-chart", {claims: ["refugees"], title: "A new chart", type: "bar"});
      expect(result.status).toBe(201);
      const text = await readFile(join(root, "data/charts/new-chart.json"), "utf-8");
      expect(text).toBe(formatSpec({type: "bar", title: "A new chart", claims: ["refugees"]}));
      expect(result.json).toEqual({id: "new-chart", file: "data/charts/new-chart.json", base: hashText(text)});
      expect((await send("GET", "/charts/new-chart")).json.base).toBe(hashText(text));
      const saved = await send("PUT", "/charts/new-chart", {
        body: JSON.stringify({spec: {...spec, title: "Renamed"}, base: hashText(text)})
      });
      expect(saved.status).toBe(200);
    });

    test.each([
      ["an existing id", "test-chart", 409, "EXISTS"],
      ["a path out of the folder", "..%2Fclaims", 400, "INVALID_ID"],
      ["a path into a subfolder", "sub%2Fchart", 400, "INVALID_ID"],
      ["a hidden name", ".hidden", 400, "INVALID_ID"],
      ["an upper-case id", "New-Chart", 400, "INVALID_ID"],
      ["a NUL", "new%00chart", 400, "INVALID_ID"],
      ["an id with a file extension", "new-chart.json", 400, "INVALID_ID"],
      ["an empty id", "", 400, "INVALID_ID"]
    ])("%s is refused and nothing is written", async (_name, id, status, code) => {
      const before = await snapshot();
      const result = await create(id);
      expect([result.status, result.json.error]).toEqual([status, code]);
      expect(await snapshot()).toEqual(before);
    });

    test("an invalid spec, a body that is not {spec}, or a foreign Origin write nothing", async () => {
      const before = await snapshot();
      const invalid = await create("invalid-chart", {type: "bar", claims: ["refugees"]});
      expect([invalid.status, invalid.json.error]).toEqual([422, "INVALID_SPEC"]);
      const extra = await send("POST", "/charts/extra-chart", {body: JSON.stringify({spec, base: "x"})});
      expect([extra.status, extra.json.error]).toEqual([400, "INVALID_BODY"]);
      const list = await send("POST", "/charts/list-chart", {body: JSON.stringify({spec: [1, 2]})});
      expect([list.status, list.json.error]).toEqual([400, "INVALID_BODY"]);
      const foreign = await create("foreign-chart", spec, {origin: "http://evil.example"});
      expect([foreign.status, foreign.json.error]).toEqual([403, "BAD_ORIGIN"]);
      expect(await snapshot()).toEqual(before);
    });

    test("a name held by a symlink (even a dangling one) is an existing chart", async () => {
      await symlink(join(root, "no-such-file.json"), join(root, "data/charts/dangling.json"));
      const result = await create("dangling");
      expect([result.status, result.json.error]).toEqual([409, "EXISTS"]);
      expect(existsSyncSafe(join(root, "no-such-file.json"))).toBe(false);
    });

    test("a charts folder that is a symlink out of the project is refused", async () => {
      const outside = await copyProject();
      try {
        await rename(join(root, "data/charts"), join(root, "data/charts-real"));
        await symlink(join(outside, "data/charts"), join(root, "data/charts"));
        const result = await create("escaped-chart");
        expect([result.status, result.json.error]).toEqual([400, "OUTSIDE"]);
        expect(await readdir(join(outside, "data/charts"))).not.toContain("escaped-chart.json");
      } finally {
        await rmLink(join(root, "data/charts"));
        await rename(join(root, "data/charts-real"), join(root, "data/charts"));
        await removeProject(outside);
      }
    });

    test("20 concurrent creations of one id: one 201, 19 × 409, one file", async () => {
      const results = await Promise.all(
        Array.from({length: 20}, (_, i) => create("raced-chart", {...spec, title: `Title ${i}`}))
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409 && r.json.error === "EXISTS")).toHaveLength(19);
      const text = await readFile(join(root, "data/charts/raced-chart.json"), "utf-8");
      expect(results.find((r) => r.status === 201)!.json.base).toBe(hashText(text));
      expect((await readdir(join(root, "data/charts"))).filter((f) => !f.endsWith(".json"))).toEqual([]);
    });
  });

  test("no hand edit is lost: 1,000 hand edits landing while saves are in flight", async () => {
    const file = join(root, "data/charts/test-chart.json");
    // How long a save takes here, so that the hand edits land before, during and after it.
    const durations: number[] = [];
    for (let i = 0; i < 10; i++) {
      const text = formatSpec({...spec, title: `Warm-up ${i}`});
      await writeFile(file, text);
      const start = performance.now();
      expect((await save(spec, hashText(text))).status).toBe(200);
      durations.push(performance.now() - start);
    }
    const span = 1.5 * durations.sort((a, b) => a - b)[5];
    // A fixed sequence of delays (Park–Miller) in [0, span): a timer for whole milliseconds, then event-loop turns.
    let seed = 15;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const wait = async (ms: number) => {
      await new Promise((resolve) => setTimeout(resolve, Math.floor(ms)));
      for (let t = Math.floor((ms % 1) * 10); t > 0; t--) await new Promise<void>((resolve) => setImmediate(resolve));
    };
    const trials = 1000;
    const counts = {saved: 0, conflict: 0, other: 0, lost: 0};
    for (let i = 0; i < trials; i++) {
      const before = formatSpec({...spec, title: `Before ${i}`});
      const hand = formatSpec({...spec, title: `Hand edit ${i}`});
      await writeFile(file, before);
      const saving = save({...spec, title: `Saved ${i}`}, hashText(before));
      await wait(random() * span);
      await writeFile(file, hand);
      const {status} = await saving;
      if (status === 200) counts.saved++;
      else if (status === 409) counts.conflict++;
      else counts.other++;
      // Whenever the hand edit landed (before, during or after the save), it is what the file holds.
      if ((await readFile(file, "utf-8")) !== hand) counts.lost++;
    }
    console.log(`1,000 racing trials (a save takes ~${(span / 1.5).toFixed(1)} ms): ${JSON.stringify(counts)}`);
    expect(counts.lost).toBe(0);
    expect(counts.other).toBe(0);
    expect(counts.saved + counts.conflict).toBe(trials);
    expect((await readdir(join(root, "data/charts"))).filter((f) => f.startsWith("."))).toEqual([]);
  });

  test("a request from another machine is refused", async () => {
    const handle = saveHandler({root, token, origins: [preview], routes: chartRoutes({validate})});
    let status = 0;
    let body = "";
    const res = {writeHead: (s: number) => ((status = s), res), end: (b: string) => void (body = b)};
    const req = {
      socket: {remoteAddress: "192.168.1.20", localPort: 3001},
      headers: {host: "127.0.0.1:3001", origin: preview, "x-explainer-token": token},
      method: "PUT",
      url: "/charts/test-chart"
    };
    await handle(req as never, res as never);
    expect([status, JSON.parse(body).error]).toEqual([403, "NOT_LOOPBACK"]);
    expect(isLoopback("127.0.0.1")).toBe(true);
    expect(isLoopback("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopback("::1")).toBe(true);
    expect(isLoopback("10.0.0.1")).toBe(false);
  });
});

describe("a route another module declares", () => {
  // An append-a-line route, as the ledger's and the review's routes will be: it gets every shared rule.
  const notes = writeRoute({
    method: "POST",
    path: "/notes",
    mode: "replace",
    folder: "data",
    file: () => "notes.txt",
    body: z.strictObject({line: z.string(), base: z.string()}),
    bodyHint: '{"line": "…", "base": "…"}',
    maxBytes: 1024,
    base: (body) => body.base,
    validate: (body) => (body.line.includes("\n") ? [{code: "MULTILINE", field: "line", detail: "one line only"}] : []),
    invalid: "INVALID_NOTE",
    apply: (body, current) => `${current}${body.line}\n`
  });
  let root: string;
  let server: Server;
  let port: string;
  const token = newToken();
  const first = "Fixture note written for Explainer Kit's tests.\n";

  beforeAll(async () => {
    root = await copyProject();
    await writeFile(join(root, "data/notes.txt"), first);
    const started = await startSaveServer({root, token, origins: [preview], routes: [notes]});
    server = started.server;
    port = new URL(started.url).port;
  });
  afterAll(async () => {
    server?.close();
    await removeProject(root);
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${port}/notes`, {
      method: "POST",
      headers: {origin: preview, "x-explainer-token": token, "content-type": "application/json", ...headers},
      body: JSON.stringify(body)
    }).then(async (r) => ({status: r.status, json: await r.json()}));
  const notesOnDisk = () => readFile(join(root, "data/notes.txt"), "utf-8");

  test("applies a change to the file's current text, and refuses what breaks a shared rule", async () => {
    const added = await post({line: "A second note.", base: hashText(first)});
    expect(added.status).toBe(200);
    const text = `${first}A second note.\n`;
    expect(await notesOnDisk()).toBe(text);
    expect(added.json).toEqual({file: "data/notes.txt", base: hashText(text)});
    const refused = [
      await post({line: "Stale.", base: hashText(first)}),
      await post({line: "Two\nlines", base: hashText(text)}),
      await post({line: "x".repeat(2000), base: hashText(text)}),
      await post({line: "No token.", base: hashText(text)}, {"x-explainer-token": ""}),
      await post({line: "Foreign.", base: hashText(text)}, {origin: "http://evil.example"}),
      await post({line: "Text.", base: hashText(text)}, {"content-type": "text/plain"})
    ];
    expect(refused.map((r) => `${r.status} ${r.json.error}`)).toEqual([
      "409 CONFLICT",
      "422 INVALID_NOTE",
      "413 TOO_LARGE",
      "401 BAD_TOKEN",
      "403 BAD_ORIGIN",
      "415 NOT_JSON"
    ]);
    expect(refused[0].json.base).toBe(hashText(text));
    expect(await notesOnDisk()).toBe(text);
  });

  test("matchPath gives slug params, refuses others, and ignores paths of another shape", () => {
    expect(matchPath("/charts/:id", "/charts/a-b-1")).toEqual({id: "a-b-1"});
    expect(matchPath("/charts/:id", "/charts")).toBeNull();
    expect(matchPath("/charts/:id", "/notes/a")).toBeNull();
    expect(() => matchPath("/charts/:id", "/charts/..%2Fx")).toThrow('id "../x" is not a slug');
    expect(() => matchPath("/charts/:id", "/charts/%E0%A4%A")).toThrow("the id is not valid URL encoding");
  });
});
