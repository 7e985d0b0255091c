import {existsSync} from "node:fs";
import {readFile, readdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {copyProject, explainer, projectRoot, removeProject} from "./helpers/project.ts";

/** Every file under dir, relative to it. */
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** References in built HTML, JS and CSS that would make a reader's browser ask another host. */
export function externalReferences(text: string): string[] {
  const patterns = [
    /<script[^>]+src=["']?(?:https?:)?\/\/[^"'\s>]+/gi,
    /<link[^>]+href=["']?(?:https?:)?\/\/[^"'\s>]+/gi,
    /\bimport\s*(?:\(\s*)?["'](?:https?:)?\/\/[^"']+/gi,
    /\bfrom\s*["'](?:https?:)?\/\/[^"']+/gi,
    /\bfetch\(\s*["'](?:https?:)?\/\/[^"']+/gi,
    /url\(\s*["']?(?:https?:)?\/\/[^)"']+/gi
  ];
  return patterns.flatMap((p) => text.match(p) ?? []);
}

describe("npm run build", () => {
  let root: string;
  let first: ReturnType<typeof explainer>;

  beforeAll(async () => {
    root = await copyProject();
    first = explainer(root, "build");
    if (first.status !== 0) console.error(first.stderr.slice(-3000));
  });
  afterAll(() => removeProject(root));

  test("builds from an empty cache with no host but the npm registry", () => {
    expect(first.stderr).not.toMatch(/fetch failed|unable to fetch|cdn\.jsdelivr/);
    expect(first.status).toBe(0);
    expect(existsSync(join(root, "dist/index.html"))).toBe(true);
  });

  test("dist/ holds no <script>, <link>, import, fetch or CSS url() that points at another host", async () => {
    const found: string[] = [];
    for (const file of await files(join(root, "dist"))) {
      if (!/\.(html|js|css)$/.test(file)) continue;
      for (const ref of externalReferences(await readFile(join(root, "dist", file), "utf-8")))
        found.push(`${file}: ${ref}`);
    }
    expect(found).toEqual([]);
  });

  test("the page declares its language", async () => {
    expect(await readFile(join(root, "dist/index.html"), "utf-8")).toMatch(/^<!DOCTYPE html>\s*<html lang="en">/);
  });

  test("the built claims CSV holds the three figures with their qualifiers and labels", async () => {
    const csv = (await files(join(root, "dist"))).find((f) => /^_file\/data\/download\/claims\.\w+\.csv$/.test(f));
    expect(csv).toBeDefined();
    const rows = csvParse(await readFile(join(root, "dist", csv!), "utf-8"));
    expect(rows.map((r) => [r.id, r.value, r.qualifier, r.label, r.attribution])).toEqual([
      ["civilians-killed", "2000", "exact", "2,000", "Ukraine's State Emergency Service"],
      ["refugees", "800000", "more-than", "more than 800,000", "the UN"],
      ["soldiers-approaching-kyiv", "15000", "about", "about 15,000", ""]
    ]);
  });

  test("a changed ledger is rebuilt, never served stale", async () => {
    const ledger = join(root, "data/claims.csv");
    const text = await readFile(ledger, "utf-8");
    await writeFile(ledger, text.replace(/^(refugees,.*),,$/m, "$1,at-least,"));
    expect(explainer(root, "build").status).toBe(0);
    const csv = (await files(join(root, "dist"))).find((f) => /^_file\/data\/download\/claims\.\w+\.csv$/.test(f))!;
    expect(await readFile(join(root, "dist", csv), "utf-8")).toContain('"at least 800,000"');
    await writeFile(ledger, text);
  });

  test("a bad ledger fails the build with file, line and code, and leaves dist/ and the ledger untouched", async () => {
    const before = await files(join(root, "dist"));
    const page = await readFile(join(root, "dist/index.html"), "utf-8");
    const ledger = join(root, "data/claims.csv");
    const bad = (await readFile(ledger, "utf-8")).replace("Well over 800,000 Ukrainians", "Well over 800,000 Russians");
    await writeFile(ledger, bad);
    const result = explainer(root, "build");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('data/claims.csv:3: QUOTE_NOT_IN_SOURCE: quote not found in source "2022-03-02-');
    expect(await files(join(root, "dist"))).toEqual(before);
    expect(await readFile(join(root, "dist/index.html"), "utf-8")).toBe(page);
    expect(await readFile(ledger, "utf-8")).toBe(bad);
  });
});

describe("explainer add-source", () => {
  let root: string;
  beforeAll(async () => {
    root = await copyProject();
  });
  afterAll(() => removeProject(root));

  test("archives a raw article under its date and headline, and refuses to overwrite it", async () => {
    const article = join(projectRoot, "test/fixtures/article.txt");
    const id = "2022-03-02-putins-invasion-of-ukraine-leaves-2000-civilians-dead-as-pleas-for-escape-routes-grow";
    const target = join(root, `data/sources/${id}.md`);
    const original = await readFile(target, "utf-8");
    const refused = explainer(root, "add-source", article);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`SOURCE_EXISTS: data/sources/${id}.md already exists`);
    expect(await readFile(target, "utf-8")).toBe(original);
    await removeProject(target);
    const added = explainer(root, "add-source", article);
    expect(added.status).toBe(0);
    expect(added.stdout).toBe(`data/sources/${id}.md\n`);
    const text = await readFile(target, "utf-8");
    expect(text).toMatch(
      /^---\ntitle: "Putin's invasion of Ukraine leaves 2,000 civilians dead as pleas for escape routes grow"\nbyline: "Will Taylor"\npublished: "2022-03-02"\npublisher: ""\nurl: ""\narchived: "\d{4}-\d{2}-\d{2}"\n---\nBy Will Taylor\n/
    );
  });

  test("names the file and fails on an empty or binary file", async () => {
    const empty = join(root, "empty.txt");
    await writeFile(empty, "");
    expect(explainer(root, "add-source", empty).stderr).toContain("empty.txt: SOURCE_EMPTY: the file is empty");
    const binary = join(root, "image.png");
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe]));
    const result = explainer(root, "add-source", binary);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/image\.png: NOT_(UTF8|TEXT): /);
  });
});
