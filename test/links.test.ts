import {rm} from "node:fs/promises";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {checkLinks, type LinkSource} from "../tools/links.ts";
import {main} from "../tools/cli.ts";
import {copyLiving, edit} from "./helpers/living.ts";
import {startLinkServer, type LinkServer} from "./helpers/link-server.ts";
import {recordingEffects} from "./helpers/project.ts";

let server: LinkServer;
beforeAll(async () => {
  server = await startLinkServer();
});
afterAll(() => server.close());

const source = (id: string, path: string): LinkSource => ({
  id,
  file: `data/sources/${id}.md`,
  url: `${server.origin}${path}`
});

describe("checkLinks", () => {
  test("checkLinks tells ok, moved (with each redirect), dead, unreachable and hanging urls apart", async () => {
    const results = await checkLinks(
      [
        source("a", "/ok/a"),
        source("b", "/moved/b"),
        source("c", "/gone/c"),
        source("d", "/error/d"),
        source("e", "/hang/e"),
        source("f", "/loop/f"),
        {id: "g", file: "data/sources/g.md", url: "ftp://example.invalid/g"}
      ],
      {timeoutMs: 1500, maxRedirects: 3}
    );
    expect(results.map((r) => [r.id, r.status, r.code ?? null, r.detail])).toEqual([
      ["a", "ok", 200, "200 OK"],
      ["b", "moved", 200, "301, then 200 OK"],
      ["c", "dead", 404, "404 Not Found"],
      ["d", "unreachable", 500, "500 Internal Server Error"],
      ["e", "unreachable", null, "no answer in 1.5 s"],
      ["f", "unreachable", 302, "more than 3 redirects"],
      ["g", "dead", null, "not an http(s) address"]
    ]);
    expect(results[1].redirects).toEqual([`301 ${server.origin}/ok/b`]);
    expect(results[1].final).toBe(`${server.origin}/ok/b`);
  });

  test("checkLinks asks at most `concurrency` urls at once", async () => {
    let open = 0;
    let most = 0;
    const fetchCounting: typeof fetch = async (input, init) => {
      open++;
      most = Math.max(most, open);
      try {
        return await fetch(input, init);
      } finally {
        open--;
      }
    };
    const sources = Array.from({length: 12}, (_, i) => source(`s${i}`, `/ok/${i}`));
    const results = await checkLinks(sources, {concurrency: 3, fetch: fetchCounting});
    expect(results.every((r) => r.status === "ok")).toBe(true);
    expect(most).toBe(3);
  });

  test("checkLinks reports a host name that does not resolve as not checked when no host beyond this machine answered", async () => {
    const results = await checkLinks([
      source("a", "/ok/a"),
      {id: "b", file: "data/sources/b.md", url: "https://news.invalid/b"}
    ]);
    expect(results.map((r) => r.status)).toEqual(["ok", "not-checked"]);
    expect(results[1].detail).toMatch(/^not checked: no network \((ENOTFOUND|EAI_AGAIN)\)$/);
  });
});

describe("explainer links", () => {
  let root: string;
  beforeAll(async () => {
    root = await copyLiving();
  });
  afterAll(() => rm(root, {recursive: true, force: true}));

  const sourceA = "data/sources/2022-03-02-refugees-leave-ukraine-in-growing-numbers.md";
  const sourceB = "data/sources/2022-03-03-the-refugee-count-reaches-a-milestone.md";
  const setUrl = (file: string, url: string) => edit(root, file, (t) => t.replace(/^url: .*$/m, `url: "${url}"`));
  const links = async (...args: string[]) => {
    const effects = recordingEffects(root);
    const status = await main(["links", ...args], effects);
    return {status, stdout: effects.out.join(""), stderr: effects.err.join("")};
  };

  test("offline (no host name resolves), links says not checked: no network and exits 0", async () => {
    await setUrl(sourceA, "https://news.invalid/a");
    await setUrl(sourceB, "https://news.invalid/b");
    const result = await links();
    expect(result).toEqual({status: 0, stdout: "not checked: no network (2 sources with a url)\n", stderr: ""});
  });

  test("a dead source fails links with the source's file and field; a moved one is a warning", async () => {
    await setUrl(sourceA, `${server.origin}/gone/a`);
    await setUrl(sourceB, `${server.origin}/moved/b`);
    const result = await links("--timeout", "3000");
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("links: 2 checked: 0 ok, 1 moved, 1 dead, 0 unreachable\n");
    expect(result.stderr.split("\n")).toEqual([
      `warning: ${sourceB}: url: SOURCE_MOVED: ${server.origin}/moved/b has moved: it redirects to ${server.origin}/ok/b (redirects: 301 ${server.origin}/ok/b); put the new address in url if it is the same article`,
      `${sourceA}: url: SOURCE_DEAD: ${server.origin}/gone/a: 404 Not Found; the archived copy stays the reference`,
      "explainer links: 1 problem",
      ""
    ]);
  });

  test("links --timeout must be a whole number", async () => {
    const result = await links("--timeout", "soon");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--timeout needs a whole number above 0");
  });
});
