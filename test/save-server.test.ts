import {mkdir, readFile, readdir, symlink, writeFile} from "node:fs/promises";
import {request, type Server} from "node:http";
import {join} from "node:path";
import {afterAll, beforeAll, beforeEach, describe, expect, test} from "vitest";
import {formatSpec} from "../src/components/spec-format.ts";
import {hashText, isLoopback, newToken, saveHandler, startSaveServer, type FieldProblem} from "../tools/save-server.ts";
import {copyProject, removeProject} from "./helpers/project.ts";

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
    const started = await startSaveServer({root, token, origins: [preview], validate});
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

  /** Sends a request with full control of its headers (fetch forbids setting Host). */
  function send(
    method: string,
    path: string,
    {headers = {}, body}: {headers?: Record<string, string>; body?: string} = {}
  ): Promise<{status: number; json: Record<string, unknown>}> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port: url.port,
          method,
          path,
          headers: {
            host: url.host,
            origin: preview,
            "x-explainer-token": token,
            "content-type": "application/json",
            ...headers
          }
        },
        (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve({status: res.statusCode!, json: text ? JSON.parse(text) : {}}));
        }
      );
      req.on("error", reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }
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

  test("a request from another machine is refused", async () => {
    const handle = saveHandler({root, token, origins: [preview], validate});
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
