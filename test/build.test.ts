import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import {readFile, readdir, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import {csvParse, csvParseRows} from "d3-dsv";
import {build as esbuild} from "esbuild";
import {JSDOM, VirtualConsole} from "jsdom";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {buildLog, builtCopy} from "./helpers/built.ts";
import {devEnv, freePort} from "./helpers/dev.ts";
import {recordAsPublished} from "./helpers/living.ts";
import {until} from "./helpers/run.ts";
import {buildHeapMb, frameworkBuildCommand, runProgram} from "../tools/commands/build.ts";
import {copyProject, explainer, projectRoot, removeProject, stopProcessGroup} from "./helpers/project.ts";

/** Every file under dir, relative to it. */
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** The text files of dist/ (HTML, CSV, JSON, JS, CSS) and their contents. */
async function texts(dir: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const file of await files(dir)) {
    if (/\.(html|csv|json|js|css|txt)$/.test(file)) map.set(file, await readFile(join(dir, file), "utf-8"));
  }
  return map;
}

/** References in built HTML, JS and CSS that would make a reader's browser ask another host. */
export function externalReferences(text: string): string[] {
  const patterns = [
    /<script[^>]+src=["']?(?:https?:)?\/\/[^"'\s>]+/gi,
    /<link[^>]+href=["']?(?:https?:)?\/\/(?!news\.example\/)[^"'\s>]+/gi,
    /\bimport\s*(?:\(\s*)?["'](?:https?:)?\/\/[^"']+/gi,
    /\bfrom\s*["'](?:https?:)?\/\/[^"']+/gi,
    /\bfetch\(\s*["'](?:https?:)?\/\/[^"']+/gi,
    /url\(\s*["']?(?:https?:)?\/\/[^)"']+/gi
  ];
  return patterns.flatMap((p) => text.match(p) ?? []);
}

const seedExplainer = "explainers/ukraine-dead-displaced-kyiv";

describe("npm run build, on the seed desk", () => {
  let root: string;
  beforeAll(async () => {
    root = await builtCopy("seed");
  });
  afterAll(() => removeProject(root));

  test("builds from an empty cache with no host but the npm registry", async () => {
    const log = await readFile(join(root, buildLog), "utf-8");
    expect(log).not.toMatch(/fetch failed|unable to fetch|cdn\.jsdelivr/);
    expect(log).toContain("built dist/");
    expect(existsSync(join(root, "dist/index.html"))).toBe(true);
    expect(existsSync(join(root, `dist/${seedExplainer}.html`))).toBe(true);
  });

  test("dist/ holds no <script>, <link>, import, fetch or CSS url() that points at another host", async () => {
    const found: string[] = [];
    for (const [file, text] of await texts(join(root, "dist"))) {
      if (/\.(html|js|css)$/.test(file)) for (const ref of externalReferences(text)) found.push(`${file}: ${ref}`);
    }
    expect(found).toEqual([]);
  });

  test("every page declares its language", async () => {
    for (const page of ["index.html", `${seedExplainer}.html`, "methodology.html", "embed/refugees-and-deaths.html"]) {
      expect(await readFile(join(root, "dist", page), "utf-8")).toMatch(/^<!DOCTYPE html>\s*<html lang="en">/);
    }
  });

  test("the explainer's CSV download holds the figures it shows, with their qualifiers and labels", async () => {
    const csv = (await files(join(root, "dist"))).find((f) =>
      /^_file\/data\/download\/claims\/ukraine-dead-displaced-kyiv\.\w+\.csv$/.test(f)
    );
    expect(csv).toBeDefined();
    const rows = csvParse(await readFile(join(root, "dist", csv!), "utf-8"));
    expect(rows.map((r) => [r.id, r.value, r.qualifier, r.label, r.attribution])).toEqual([
      ["civilians-killed", "2000", "exact", "2,000", "Ukraine's State Emergency Service"],
      ["refugees", "800000", "more-than", "more than 800,000", "the UN"],
      ["soldiers-approaching-kyiv", "15000", "about", "about 15,000", ""]
    ]);
  });

  test("every CSV in dist/ that a reader can download is neutralized against spreadsheet formulas", async () => {
    const csvs = [...(await texts(join(root, "dist")))].filter(([file]) => file.endsWith(".csv"));
    expect(csvs.map(([file]) => file.replace(/\.\w{8}\.csv$/, ".csv")).sort()).toEqual([
      "_file/data/computed.csv",
      "_file/data/download/charts/places-in-the-report.csv",
      "_file/data/download/charts/refugees-and-deaths.csv",
      "_file/data/download/charts/reported-figures.csv",
      "_file/data/download/claims/ukraine-dead-displaced-kyiv.csv",
      "_file/data/numbers.csv"
    ]);
    for (const [file, text] of csvs) {
      for (const row of csvParseRows(text)) {
        for (const cell of row)
          expect(/^[=+\-@\t\r]/.test(cell) && !/^-?\d/.test(cell), `${file}: ${cell}`).toBe(false);
      }
    }
  });

  test("the home page lists the explainer with its title, standfirst, date and card, and every page links home", async () => {
    const home = await readFile(join(root, "dist/index.html"), "utf-8");
    const item = /<li class="explainer-item" data-explainer="ukraine-dead-displaced-kyiv">([\s\S]*?)<\/li>/.exec(
      home
    )?.[1];
    expect(item).toBeDefined();
    expect(item).toContain(
      '<a href="./explainers/ukraine-dead-displaced-kyiv">Ukraine: the dead, the displaced and the advance on Kyiv</a>'
    );
    expect(item).toContain("How many had died, how many had fled");
    expect(item).toContain('<time datetime="2026-11-25">25 November 2026</time>');
    const card = /<img class="explainer-card" src="([^"]+)"/.exec(item!)?.[1];
    expect(card).toMatch(/^_card\/explainers\/ukraine-dead-displaced-kyiv\.\w{8}\.png$/);
    expect(existsSync(join(root, "dist", card!))).toBe(true);
    const page = await readFile(join(root, `dist/${seedExplainer}.html`), "utf-8");
    expect(page).toContain('<a href="../">All explainers</a>');
  });
});

describe("Framework's build process", () => {
  test("runs with its heap capped, unless NODE_OPTIONS sets the cap; its abort (out of memory) is status 134", async () => {
    const bin = join(projectRoot, "node_modules/@observablehq/framework/dist/bin/observable.js");
    expect(frameworkBuildCommand(projectRoot, ["--config", "x.js"], "--require ./a.cjs")).toEqual([
      `--max-old-space-size=${buildHeapMb}`,
      bin,
      "build",
      "--config",
      "x.js"
    ]);
    expect(frameworkBuildCommand(projectRoot, [], "--max-old-space-size=4096")).toEqual([bin, "build"]);
    // Run in the system's temporary folder: where the system keeps a core dump, it is not the checkout.
    const effects = {root: tmpdir(), stdout: () => {}, stderr: () => {}, now: () => new Date()};
    expect(await runProgram(process.execPath, ["-e", "process.abort()"], effects, {NODE_OPTIONS: ""})).toBe(134);
  });

  test("loads the pages' config without the stage: no renderer, verifier, number finder or database", async () => {
    // Framework imports the config in every build and dev session; the stage has already done the
    // heavy work, and loading it again cost 0.6 s of each (loaders/stage-read.ts).
    const {metafile} = await esbuild({
      entryPoints: [join(projectRoot, "observablehq.config.ts")],
      bundle: true,
      write: false,
      metafile: true,
      platform: "node",
      format: "esm",
      packages: "external",
      logLevel: "silent"
    });
    const packages = new Set<string>();
    for (const input of Object.values(metafile.inputs))
      for (const {path, external} of input.imports)
        if (external && !path.startsWith("node:"))
          packages.add(
            path
              .split("/")
              .slice(0, path.startsWith("@") ? 2 : 1)
              .join("/")
          );
    expect([...packages]).toEqual(["gray-matter"]);
    expect(Object.keys(metafile.inputs)).not.toContain("loaders/stage.ts");
  });
});

describe("explainer serve", () => {
  test("serves dist/ under the site's path with clean URLs, and refuses when there is no build", async () => {
    const root = await builtCopy("seed");
    const port = await freePort();
    const child = spawn(process.execPath, ["bin/explainer.js", "serve", "--port", String(port)], {
      cwd: root,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {...devEnv(), EXPLAINER_SITE_URL: "https://news.example/news/ukraine/"}
    });
    try {
      let out = "";
      child.stdout!.on("data", (d) => (out += d));
      await until(
        () => out.includes("explainer serve:"),
        60_000,
        () => out
      );
      expect(out).toBe(`explainer serve: dist/ at http://127.0.0.1:${port}/news/ukraine/\n`);
      const page = await fetch(`http://127.0.0.1:${port}/news/ukraine/explainers/ukraine-dead-displaced-kyiv`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<h1");
      expect((await fetch(`http://127.0.0.1:${port}/explainers/ukraine-dead-displaced-kyiv`)).status).toBe(404);
    } finally {
      await stopProcessGroup(child);
      await rm(join(root, "dist"), {recursive: true});
      const none = explainer(root, "serve");
      expect([none.status, none.stderr.split("\n")[0]]).toEqual([
        1,
        "dist: NO_BUILD: there is no built site: run `npm run build` first"
      ]);
      await removeProject(root);
    }
  });
});

describe("npm run build, on a desk of several sources and explainers", () => {
  let root: string;
  beforeAll(async () => {
    root = await builtCopy("desk");
  });
  afterAll(() => removeProject(root));

  test("builds the published explainer and leaves the draft out of dist/ and off the home page", async () => {
    expect(existsSync(join(root, "dist/explainers/one-million.html"))).toBe(true);
    expect(existsSync(join(root, "dist/explainers/two-million.html"))).toBe(false);
    const home = await readFile(join(root, "dist/index.html"), "utf-8");
    expect(home).toContain('data-explainer="one-million"');
    expect(home).not.toContain('data-explainer="two-million"');
    // A chart that only the draft places is not public yet: no embed page; the others have theirs.
    expect(existsSync(join(root, "dist/embed/refugees-by-country.html"))).toBe(false);
    expect(existsSync(join(root, "dist/embed/refugee-counts.html"))).toBe(true);
  });

  test("each explainer's Sources list only what it cites, and its corrections only its own", async () => {
    const page = await readFile(join(root, "dist/explainers/one-million.html"), "utf-8");
    const cited = [...page.matchAll(/<li id="source-\d+" data-claim="([^"]+)"/g)].map((m) => m[1]);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((id) => id.startsWith("arrivals-"))).toEqual([]);
    expect(page).toMatch(/<aside class="corrections"[^]*<strong>Updated <time/);
  });

  test("a figure in a heading shows its label, and one in a link its marker after the link: no link inside a link", async () => {
    // Parsed as a browser parses it: a link inside a link would be split, the card torn from its figure.
    const html = await readFile(join(root, "dist/explainers/one-million.html"), "utf-8");
    const {document} = new JSDOM(html, {virtualConsole: new VirtualConsole()}).window;
    expect(document.querySelectorAll("a a")).toHaveLength(0);
    const heading = document.querySelector("h2#the-milestone")!;
    expect(heading.textContent).toBe("The 1 million milestone");
    expect(heading.querySelector('.claim[data-claim="refugees-bulletin-0303"] .claim-label')).not.toBeNull();
    const link = [...document.querySelectorAll("main p a:not(.cite)")].find((a) => a.textContent!.includes("Siret"))!;
    expect(link.textContent).toBe(
      `${document.querySelector('[data-claim="crossed-siret-wire-0304"] .claim-label')!.textContent} people at Siret`
    );
    const after = link.nextElementSibling!;
    expect([
      after.matches('.claim[data-claim="crossed-siret-wire-0304"]'),
      after.firstElementChild!.matches("a.cite")
    ]).toEqual([true, true]);
    // Every marker is in its figure, with its card beside it: what hover, focus and tap rely on.
    for (const marker of document.querySelectorAll("a.cite")) {
      expect(marker.parentElement!.matches(".claim")).toBe(true);
      expect(marker.nextElementSibling!.id).toBe(marker.getAttribute("aria-describedby"));
    }
  });

  test("the home page's site_name names the site: every page's title, og:site_name and the JSON-LD publisher", async () => {
    const html = await readFile(join(root, "dist/explainers/one-million.html"), "utf-8");
    const {document} = new JSDOM(html, {virtualConsole: new VirtualConsole()}).window;
    expect(document.title).toMatch(/ \| The Fixture Desk & Co$/);
    expect(document.querySelector('meta[property="og:site_name"]')!.getAttribute("content")).toBe(
      "The Fixture Desk & Co"
    );
    const ld = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
    const article = (ld["@graph"] as {"@type": string; publisher?: unknown}[]).find(
      (n) => n["@type"] === "NewsArticle"
    )!;
    expect(article.publisher).toEqual({"@type": "Organization", name: "The Fixture Desk & Co"});
    const home = await readFile(join(root, "dist/index.html"), "utf-8");
    expect(home).toContain("<title>Explainers | The Fixture Desk &amp; Co</title>");
  });

  test("a source that no published explainer cites does not block the build: check warns and exits 0", () => {
    const result = explainer(root, "check");
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^warning: data\/sources\/[^:]+:\d+: NUMBER_UNREVIEWED: /m);
    expect(result.stdout).toMatch(/^explainer one-million: ok: cites \d+ claims from \d+ sources?, \d+ charts?/m);
    expect(result.stdout).toMatch(/^explainer two-million \(draft\): /m);
    expect(result.stdout).toMatch(/cited by no explainer$/m);
  });
});

describe("a changed story is rebuilt, and a bad one is refused", () => {
  test("after a ledger edit, no file in dist/ still carries the old figure or attribution, and the publish record is left alone", async () => {
    const root = await builtCopy("seed");
    try {
      const ledger = join(root, "data/claims.csv");
      const text = await readFile(ledger, "utf-8");
      await writeFile(
        ledger,
        text.replace(/^(refugees,"Well over 800,000",refugees,)the UN,(.*),,$/m, "$1the United Nations,$2,at-least,")
      );
      // A record of the story as it now is: only `explainer publish` writes it, never a build.
      await recordAsPublished(root);
      const record = await readFile(join(root, "data/published.csv"), "utf-8");
      const result = explainer(root, "build");
      expect(result.stderr).toContain("built dist/");
      expect(await readFile(join(root, "data/published.csv"), "utf-8")).toBe(record);
      const stale: string[] = [];
      const fresh: string[] = [];
      for (const [file, content] of await texts(join(root, "dist"))) {
        // The old label, or the old attribution where data puts it (CSV cells, source lines); the spec's own
        // words "the UN believes" are not data.
        if (content.includes("more than 800,000") || /\bthe UN(?=[,;"]| via)/.test(content)) stale.push(file);
        if (content.includes("at least 800,000")) fresh.push(file);
      }
      expect(stale).toEqual([]);
      expect(fresh).toEqual(
        expect.arrayContaining([
          `${seedExplainer}.html`,
          expect.stringMatching(/^_file\/data\/download\/claims\/ukraine-dead-displaced-kyiv\.\w+\.csv$/),
          expect.stringMatching(/^_file\/data\/download\/charts\/refugees-and-deaths\.\w+\.csv$/),
          "embed/refugees-and-deaths.html"
        ])
      );
    } finally {
      await removeProject(root);
    }
  });

  test("a bad ledger fails the build with file, line and code, and leaves dist/ and the ledger as they were", async () => {
    const root = await builtCopy("seed");
    try {
      const before = await texts(join(root, "dist"));
      const ledger = join(root, "data/claims.csv");
      const bad = (await readFile(ledger, "utf-8")).replace(
        "Well over 800,000 Ukrainians",
        "Well over 800,000 Russians"
      );
      await writeFile(ledger, bad);
      const result = explainer(root, "build");
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('data/claims.csv:3: QUOTE_NOT_IN_SOURCE: quote not found in source "2022-03-02-');
      expect(await texts(join(root, "dist"))).toEqual(before);
      expect(await readFile(ledger, "utf-8")).toBe(bad);
    } finally {
      await removeProject(root);
    }
  });
});

describe("check verifies everything the build does", () => {
  test("an empty or invalid corrections log fails check, not only the build", async () => {
    const root = await builtCopy("seed");
    try {
      await writeFile(join(root, "data/corrections.csv"), "");
      const empty = explainer(root, "check");
      expect(empty.status).toBe(1);
      expect(empty.stderr).toContain('data/corrections.csv:1: MISSING_COLUMN: the header has no column "explainer"');
      await writeFile(
        join(root, "data/corrections.csv"),
        "explainer,date,kind,claim,change\nukraine-dead-displaced-kyiv,2022-13-01,update,,A change.\n"
      );
      const invalid = explainer(root, "check");
      expect(invalid.status).toBe(1);
      expect(invalid.stderr).toContain(
        'data/corrections.csv:2: INVALID_DATE: date "2022-13-01" is not a date YYYY-MM-DD'
      );
      const build = explainer(root, "build");
      expect(build.status).toBe(1);
      expect(build.stderr).toContain("data/corrections.csv:2: INVALID_DATE");
    } finally {
      await removeProject(root);
    }
  });
});

describe("a desk without the seed story", () => {
  test("removing the seed story and starting an explainer with `new`: check and build pass, the home page lists it", async () => {
    const root = await copyProject("seed");
    try {
      await rm(join(root, "src/explainers"), {recursive: true});
      await rm(join(root, "data"), {recursive: true});
      const created = explainer(
        root,
        "new",
        "a-first-story",
        "--title",
        "A first story",
        "--standfirst",
        "What we know so far."
      );
      expect(created.status).toBe(0);
      expect(created.stdout).toBe("src/explainers/a-first-story.md\n");
      const check = explainer(root, "check");
      expect(check.stderr).toBe("");
      expect(check.status).toBe(0);
      expect(check.stdout).toContain("explainer a-first-story: ok: cites 0 claims from 0 sources, 0 charts");
      const build = explainer(root, "build");
      expect(build.status).toBe(0);
      const home = await readFile(join(root, "dist/index.html"), "utf-8");
      expect(home).toContain('<a href="./explainers/a-first-story">A first story</a>');
      const page = await readFile(join(root, "dist/explainers/a-first-story.html"), "utf-8");
      expect(page).toContain('<p class="standfirst">What we know so far.</p>');
    } finally {
      await removeProject(root);
    }
  });
});

describe("explainer add-source", () => {
  let root: string;
  beforeAll(async () => {
    root = await copyProject();
  });
  afterAll(() => removeProject(root));

  test("archives a raw article under its date and headline, refuses to overwrite it, and archives a later version under --id", async () => {
    const article = join(projectRoot, "test/fixtures/article.txt");
    const id = "2022-03-02-putins-invasion-of-ukraine-leaves-2000-civilians-dead-as-pleas-for-escape-routes-grow";
    const target = join(root, `data/sources/${id}.md`);
    const original = await readFile(target, "utf-8");
    const refused = explainer(root, "add-source", article);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      `SOURCE_EXISTS: data/sources/${id}.md already exists; to keep both (a later version of the story, say), give this one its own id: --id ${id}-2\n`
    );
    expect(await readFile(target, "utf-8")).toBe(original);
    // A later version of the story, under the id it was given; an id that is no slug writes nothing.
    expect(explainer(root, "add-source", article, "--id", `${id}-2`)).toMatchObject({
      status: 0,
      stdout: `data/sources/${id}-2.md\n`
    });
    expect(await readFile(join(root, `data/sources/${id}-2.md`), "utf-8")).toContain(
      'title: "Putin\'s invasion of Ukraine leaves 2,000 civilians dead as pleas for escape routes grow"\n'
    );
    expect(explainer(root, "add-source", article).stderr).toContain(`give this one its own id: --id ${id}-3\n`);
    const bad = explainer(root, "add-source", article, "--id", "Later Version");
    expect([bad.status, bad.stderr.split("\n")[0]]).toEqual([
      1,
      `${relative(root, article)}: INVALID_ID: source id "Later Version" is not a slug (lower-case letters, digits and hyphens)`
    ]);
    expect(existsSync(join(root, "data/sources/Later Version.md"))).toBe(false);
    await rm(join(root, `data/sources/${id}-2.md`));
    await rm(target);
    const added = explainer(root, "add-source", article);
    expect(added.status).toBe(0);
    expect(added.stdout).toBe(`data/sources/${id}.md\n`);
    const text = await readFile(target, "utf-8");
    expect(text).toMatch(
      /^---\ntitle: "Putin's invasion of Ukraine leaves 2,000 civilians dead as pleas for escape routes grow"\nbyline: "Will Taylor"\npublished: "2022-03-02"\npublisher: ""\nurl: ""\narchived: "\d{4}-\d{2}-\d{2}"\n---\nBy Will Taylor\n/
    );
  });

  test("an article whose headline has no Latin letter is archived under the id the editor gives", async () => {
    // A fixture article with a Cyrillic headline ("Fixture: Kyiv"); its text says it is a fixture.
    const article = join(root, "kyiv.txt");
    await writeFile(article, " date 2022-03-02 Фікстура: Київ\n\nFixture article written for Explainer Kit's tests.\n");
    const refused = explainer(root, "add-source", article);
    expect([refused.status, refused.stderr.split("\n")[0]]).toEqual([
      1,
      `kyiv.txt:1: INVALID_ID: the headline "Фікстура: Київ" has no Latin letter or digit to make the source's id of; give one with --id ID`
    ]);
    expect(explainer(root, "add-source", article, "--id", "2022-03-02-fixture-kyiv")).toMatchObject({
      status: 0,
      stdout: "data/sources/2022-03-02-fixture-kyiv.md\n"
    });
    expect(await readFile(join(root, "data/sources/2022-03-02-fixture-kyiv.md"), "utf-8")).toContain(
      'title: "Фікстура: Київ"\n'
    );
    await rm(join(root, "data/sources/2022-03-02-fixture-kyiv.md"));
  });

  test("archives the day's wire copy at once: each file in turn, a refused one named without stopping the rest", async () => {
    // Fixture wire copy, written for this test.
    const copy = {
      "first.txt":
        "Fixture desk: first wire story\nMarch 5, 2022\n\nA fixture paragraph: 300 people crossed, the fixture agency said.\n",
      "undated.txt": "Fixture desk: a story with no date\n\nA fixture paragraph with no date line above it.\n",
      "second.txt":
        "Fixture desk: second wire story\n2022-03-06\n\nA fixture paragraph: 400 people crossed, officials said.\n"
    };
    for (const [name, text] of Object.entries(copy)) await writeFile(join(root, name), text);
    const result = explainer(root, "add-source", ...Object.keys(copy));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      "data/sources/2022-03-05-fixture-desk-first-wire-story.md\ndata/sources/2022-03-06-fixture-desk-second-wire-story.md\n"
    );
    expect(result.stderr).toMatch(/^undated\.txt:\d+: \w+: .*--published YYYY-MM-DD/m);
    expect(existsSync(join(root, "data/sources/2022-03-06-fixture-desk-second-wire-story.md"))).toBe(true);
    // --id and --published name one article's id and date: with several files, a usage mistake, and nothing archived.
    const many = explainer(root, "add-source", "undated.txt", "first.txt", "--published", "2022-03-05");
    expect([many.status, many.stdout, many.stderr.split("\n")[0]]).toEqual([
      2,
      "",
      "--published is for one FILE at a time"
    ]);
    for (const id of ["2022-03-05-fixture-desk-first-wire-story", "2022-03-06-fixture-desk-second-wire-story"])
      await rm(join(root, `data/sources/${id}.md`));
  });

  test("archives wire copy as it arrives (headline, date line, article), dated by --published when it has no date line", async () => {
    // Fixture wire copy, written for this test.
    const wire = join(root, "wire.txt");
    const story = "A fixture paragraph: 1,000 people crossed, the fixture agency said.\n";
    await writeFile(wire, `Fixture crossings pass 1,000\nBy A. Reporter\nMarch 4, 2022 10:05 GMT\n\n${story}`);
    expect(explainer(root, "add-source", "wire.txt")).toMatchObject({
      status: 0,
      stdout: "data/sources/2022-03-04-fixture-crossings-pass-1000.md\n"
    });
    const archived = await readFile(join(root, "data/sources/2022-03-04-fixture-crossings-pass-1000.md"), "utf-8");
    expect(archived).toMatch(
      /^---\ntitle: "Fixture crossings pass 1,000"\nbyline: "A. Reporter"\npublished: "2022-03-04"\n/
    );
    expect(archived.endsWith(`---\nBy A. Reporter\n\n${story}`)).toBe(true);
    const undated = join(root, "undated.txt");
    await writeFile(undated, `Fixture crossings pass 2,000\n\n${story}`);
    const refused = explainer(root, "add-source", "undated.txt");
    expect([refused.status, refused.stderr.split("\n")[0]]).toEqual([
      1,
      'undated.txt:2: NOT_AN_ARTICLE: no date under the headline "Fixture crossings pass 2,000": add a line with the date it was published ("Published: 3 March 2022", "March 3, 2022" or "2022-03-03") below the headline, or give --published YYYY-MM-DD'
    ]);
    expect(explainer(root, "add-source", "undated.txt", "--published", "2022-03-05")).toMatchObject({
      status: 0,
      stdout: "data/sources/2022-03-05-fixture-crossings-pass-2000.md\n"
    });
    await rm(join(root, "data/sources/2022-03-04-fixture-crossings-pass-1000.md"));
    await rm(join(root, "data/sources/2022-03-05-fixture-crossings-pass-2000.md"));
  });

  test("names a web address or a folder for what it is, and archives nothing", async () => {
    const before = await readdir(join(root, "data/sources"));
    const url = explainer(root, "add-source", "https://news.example/2022/03/04/fixture-story");
    expect([url.status, url.stderr.split("\n")[0]]).toEqual([
      1,
      "https://news.example/2022/03/04/fixture-story: NO_SUCH_FILE: is a web address, not a file: save the page's article as text, then give that file"
    ]);
    const folder = explainer(root, "add-source", "data");
    expect([folder.status, folder.stderr.split("\n")[0]]).toEqual([1, "data: NO_SUCH_FILE: is a folder, not a file"]);
    expect(await readdir(join(root, "data/sources"))).toEqual(before);
  });

  test("names the file and fails on an empty or binary file", async () => {
    const empty = join(root, "empty.txt");
    await writeFile(empty, "");
    expect(explainer(root, "add-source", empty).stderr).toContain("empty.txt: SOURCE_EMPTY: the file is empty");
    const binary = join(root, "image.png");
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe]));
    const result = explainer(root, "add-source", binary);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/image\.png:1: NOT_UTF8: /);
    // An article over the limit on a source is refused before it is archived as one that check would fail.
    const huge = join(root, "huge.txt");
    await writeFile(huge, `Fixture headline\n2022-03-04\n\n${"A fixture sentence. ".repeat(100_001)}\n`);
    const refused = explainer(root, "add-source", huge);
    expect([refused.status, refused.stderr.split("\n")[0]]).toEqual([
      1,
      "huge.txt: FILE_TOO_LARGE: the article is 2,000,050 characters, over the kit's limit of 2,000,000; split it, or keep large data as a dataset (npx explainer add-dataset)"
    ]);
    expect(existsSync(join(root, "data/sources/2022-03-04-fixture-headline.md"))).toBe(false);
  });
});
