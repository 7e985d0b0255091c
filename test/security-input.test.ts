import {existsSync, readdirSync, readFileSync} from "node:fs";
// Hostile input in a project's files (issue 15, rows 3, 6, 8 and 10): every one is a clear error naming the
// file and line, the command fails, and no file is changed. Fixture text written for Explainer Kit's tests.
import {readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {JSDOM} from "jsdom";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {readIgnored} from "../loaders/audit.ts";
import {parseChartSpec} from "../loaders/charts.ts";
import {checkCorrections, correctionsFile} from "../loaders/corrections.ts";
import {checkCsvRows, decodeCsv, parseCsvRows} from "../loaders/csv.ts";
import {checkTextChars} from "../loaders/text.ts";
import {problemsOf} from "../loaders/errors.ts";
import {readQuotedClaims} from "../loaders/ledger.ts";
import {chartJsonLimits, checkJsonLimits, storyLimits} from "../loaders/limits.ts";
import {checkPlaces, placesFile} from "../loaders/places.ts";
import {isHttpUrl, maxFrontMatter, parseSource, readSourcesSync} from "../loaders/sources.ts";
import {chartCardSvg, pageCardSvg, renderPng} from "../tools/publish/cards.ts";
import {pageScriptProblems} from "../loaders/page-scripts.ts";
import {pageInfo} from "../tools/publish/page-info.ts";
import {runStage} from "../loaders/stage.ts";
import {main} from "../tools/cli.ts";
import {copyProject, explainer, recordingEffects, removeProject} from "./helpers/project.ts";

/** What a call throws, as `file:line: CODE` strings (one per problem), or [] when it does not throw. */
function thrown(call: () => unknown): string[] {
  try {
    call();
  } catch (error) {
    const problems = problemsOf(error);
    if (problems.length === 0) throw error;
    return problems.map((p) => `${p.file}${p.line === undefined ? "" : `:${p.line}`}: ${p.code}`);
  }
  return [];
}

const source = (frontMatter: string) =>
  `---\n${frontMatter}---\nFixture article written for Explainer Kit's tests. Some 12 people were there.\n`;

describe("CSV that is not UTF-8 text (row 6)", () => {
  test("checkTextChars names the line of a NUL (NOT_TEXT) and of a byte that is not UTF-8 (NOT_UTF8)", () => {
    expect(thrown(() => checkTextChars("id,figure\nok,1\nbad,\u0000\n", "data/claims.csv"))).toEqual([
      "data/claims.csv:3: NOT_TEXT"
    ]);
    const latin1 = Buffer.concat([Buffer.from("id,place\nx,Kyiv\ny,"), Buffer.from([0xe9]), Buffer.from("\n")]);
    expect(thrown(() => decodeCsv(latin1, "data/places.csv"))).toEqual(["data/places.csv:3: NOT_UTF8"]);
    // A UTF-16 file (what a spreadsheet may save) fails on its first line.
    expect(thrown(() => decodeCsv(Buffer.from("\ufeffid,figure\n", "utf16le"), "data/ignored.csv"))).toEqual([
      "data/ignored.csv:1: NOT_UTF8"
    ]);
    expect(thrown(() => checkTextChars("id,figure\nok,“2,000” — déjà\n", "data/claims.csv"))).toEqual([]);
  });

  test("parseCsvRows refuses before csv-parse reads a cell", () => {
    expect(thrown(() => parseCsvRows('id,figure\na,"1\u0000"\n', "data/claims.csv"))).toEqual([
      "data/claims.csv:2: NOT_TEXT"
    ]);
  });

  test("parseCsvRows gives each row the line it is on, after blank lines too (LF and CRLF)", () => {
    const lines = (text: string) => parseCsvRows(text, "data/reviews.csv").map((r) => r.line);
    expect(lines("h,i\na,b\n\nc,d\n\n\ne,f")).toEqual([2, 4, 7]);
    expect(lines("h,i\r\na,b\r\n\r\nc,d\r\n")).toEqual([2, 4]);
    expect(lines('h,i\na,"x\ny"\nc,d\n')).toEqual([2, 4]);
    // A cell across lines in a file with CRLF line ends: the rows after it are on their own lines too.
    expect(lines('h,i\r\na,"x\r\ny"\r\nc,d\r\n\r\ne,"1\r\n2\r\n3"\r\nf,g\r\n')).toEqual([2, 4, 6, 9]);
    // and its cell reads as in a file with LF line ends.
    expect(parseCsvRows('h,i\r\na,"x\r\ny"\r\n', "data/reviews.csv")[0].record.i).toBe("x\ny");
    expect(thrown(() => parseCsvRows('h,i\r\na,"x\r\ny"\r\nc,"d\r\n', "data/reviews.csv"))[0]).toMatch(
      /^data\/reviews\.csv:4: CSV_QUOTE_NOT_CLOSED/
    );
  });

  test("checkCsvRows leaves a malformed row out and keeps the others, naming the line the bad row starts on", () => {
    // A row with too few cells, then a quote never closed, which swallows the lines after it.
    const {rows, problems} = checkCsvRows('h,i\na,b\nx\nc,d\ne,"f\ng,h\n', "data/ignored.csv");
    expect(rows.map((r) => [r.line, r.record.h])).toEqual([
      [2, "a"],
      [4, "c"]
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      "data/ignored.csv:3: CSV_RECORD_INCONSISTENT_COLUMNS: columns length is 2, got 1 on line 3",
      "data/ignored.csv:5: CSV_QUOTE_NOT_CLOSED: a quote opened on this line is not closed, so every line after it was read as one cell"
    ]);
    // A header without a column the file needs: no row can be read, and that is one problem on line 1.
    expect(thrown(() => checkCsvRows("h\na\n", "data/ignored.csv", ["h", "i"]))).toEqual([
      "data/ignored.csv:1: MISSING_COLUMN"
    ]);
  });

  describe("every CSV the kit reads", () => {
    let root: string;
    beforeAll(async () => void (root = await copyProject()));
    afterAll(async () => await removeProject(root));

    /** Replaces a file's bytes with `bad` while `read()` runs; asserts what it throws and that the file is untouched. */
    async function refuses(file: string, bad: Buffer, read: () => unknown, expected: string[]): Promise<void> {
      const path = join(root, file);
      const good = await readFile(path).catch(() => null);
      await writeFile(path, bad);
      try {
        let problems: string[];
        try {
          problems = thrown(() => {
            const result = read();
            if (result instanceof Promise) throw new Error("use the sync readers");
          });
        } catch (error) {
          problems = [String(error)];
        }
        expect(problems).toEqual(expected);
        expect(await readFile(path)).toEqual(bad);
      } finally {
        if (good) await writeFile(path, good);
      }
    }

    test("data/claims.csv with a NUL or a Latin-1 byte", async () => {
      const sources = readSourcesSync(root);
      const ledger = await readFile(join(root, "data/claims.csv"));
      const lines = ledger.toString("utf-8").split("\n");
      const withNul = Buffer.from(
        [...lines.slice(0, 2), lines[2].replace("the UN", "the U\u0000N"), ...lines.slice(3)].join("\n")
      );
      await refuses("data/claims.csv", withNul, () => readQuotedClaims(root, sources), ["data/claims.csv:3: NOT_TEXT"]);
      const at = ledger.indexOf("the UN");
      expect(at).toBeGreaterThan(0);
      const latin1 = Buffer.concat([ledger.subarray(0, at), Buffer.from([0xe9]), ledger.subarray(at)]);
      const line = ledger.subarray(0, at).toString("utf-8").split("\n").length;
      await refuses("data/claims.csv", latin1, () => readQuotedClaims(root, sources), [
        `data/claims.csv:${line}: NOT_UTF8`
      ]);
    });

    test("data/places.csv, data/corrections.csv and data/ignored.csv", async () => {
      const bad = Buffer.concat([
        Buffer.from("name,latitude,longitude,source\nKyiv,50.45,30.52,"),
        Buffer.from([0xff, 0xfe])
      ]);
      await refuses("data/places.csv", bad, () => checkPlaces(readFileSync(join(root, placesFile), "utf-8")), [
        "data/places.csv:2: NOT_UTF8"
      ]);
      const corrections = Buffer.from("date,change\n2022-03-03,Fixture correction\u0000\n");
      await refuses(
        "data/corrections.csv",
        corrections,
        () => checkCorrections(readFileSync(join(root, correctionsFile), "utf-8")),
        ["data/corrections.csv:2: NOT_TEXT"]
      );
      const sources = readSourcesSync(root);
      const ignored = Buffer.concat([
        Buffer.from("source,text,reason\n"),
        Buffer.from([0xc3, 0x28]),
        Buffer.from(",x,y\n")
      ]);
      const path = join(root, "data/ignored.csv");
      const good = await readFile(path);
      await writeFile(path, ignored);
      try {
        await expect(readIgnored(root, sources)).rejects.toThrow("data/ignored.csv:2: NOT_UTF8: ");
        expect(await readFile(path)).toEqual(ignored);
      } finally {
        await writeFile(path, good);
      }
    });

    test("a malformed row of data/ignored.csv fails check at its line, and the other rows still ignore their numbers", async () => {
      const path = join(root, "data/ignored.csv");
      const good = await readFile(path, "utf-8");
      const unreviewed = (stderr: string) => stderr.match(/NUMBER_UNREVIEWED/g)?.length ?? 0;
      const before = explainer(root, "check");
      expect(good.trim().split("\n").length).toBeGreaterThan(2);
      for (const bad of ["fixture,row\n", '"fixture,row never closed\n']) {
        await writeFile(path, good + bad);
        try {
          const result = explainer(root, "check");
          expect(result.status).toBe(1);
          const line = good.trimEnd().split("\n").length + 1;
          expect(result.stderr).toMatch(
            new RegExp(`^data/ignored\\.csv:${line}: CSV_(?:RECORD_INCONSISTENT_COLUMNS|QUOTE_NOT_CLOSED): `, "m")
          );
          expect(unreviewed(result.stderr)).toBe(unreviewed(before.stderr));
          expect(await readFile(path, "utf-8")).toBe(good + bad);
        } finally {
          await writeFile(path, good);
        }
      }
    });

    test("explainer check fails with the file and line, and leaves the ledger as it was", async () => {
      const path = join(root, "data/claims.csv");
      const good = await readFile(path);
      const bad = Buffer.from(good.toString("utf-8").replace("the UN", "the U\u0000N"));
      await writeFile(path, bad);
      try {
        const result = explainer(root, "check");
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/^data\/claims\.csv:\d+: NOT_TEXT: /m);
        expect(await readFile(path)).toEqual(bad);
      } finally {
        await writeFile(path, good);
      }
    });
  });
});

describe("a source, a raw article, a page or a chart spec that is not UTF-8 text (row 6)", () => {
  const notUtf8 =
    "the file is not UTF-8 text (a byte that is not UTF-8, or a U+FFFD left by an earlier bad conversion); save it as UTF-8";
  let root: string;
  beforeAll(async () => void (root = await copyProject()));
  afterAll(async () => await removeProject(root));

  async function run(...args: string[]) {
    const effects = recordingEffects(root);
    const status = await main(args, effects);
    return {status, stderr: effects.err.join("")};
  }

  test("check names the archived source's line with the first bad byte, and changes no file", async () => {
    const [name] = readdirSync(join(root, "data/sources"));
    const path = join(root, "data/sources", name);
    const good = await readFile(path);
    // A sentence pasted from a Windows-1252 editor: its apostrophe is the byte 0x92.
    const bad = Buffer.concat([
      good,
      Buffer.from("\nA fixture sentence: the desk"),
      Buffer.from([0x92]),
      Buffer.from("s note.\n")
    ]);
    await writeFile(path, bad);
    try {
      const {status, stderr} = await run("check");
      expect(status).toBe(1);
      const line = good.toString("utf-8").split("\n").length + 1;
      expect(stderr).toContain(`data/sources/${name}:${line}: NOT_UTF8: ${notUtf8}`);
      expect(await readFile(path)).toEqual(bad);
    } finally {
      await writeFile(path, good);
    }
  });

  test("check names the line of a page or a chart spec with a byte that is not UTF-8, and changes no file", async () => {
    const page = join(root, "src/explainers/ukraine-dead-displaced-kyiv.md");
    const [chart] = readdirSync(join(root, "data/charts"));
    const spec = join(root, "data/charts", chart);
    const [goodPage, goodSpec] = await Promise.all([readFile(page), readFile(spec)]);
    const badPage = Buffer.concat([
      goodPage,
      Buffer.from("\nThe desk"),
      Buffer.from([0x92]),
      Buffer.from("s fixture note.\n")
    ]);
    const badSpec = Buffer.from(goodSpec.toString("latin1").replace('"title": "', '"title": "Caf\xe9 '), "latin1");
    expect(badSpec.includes(0xe9)).toBe(true);
    await Promise.all([writeFile(page, badPage), writeFile(spec, badSpec)]);
    try {
      const {status, stderr} = await run("check");
      expect(status).toBe(1);
      const specLine =
        goodSpec
          .toString("utf-8")
          .split("\n")
          .findIndex((l) => l.includes('"title": "')) + 1;
      expect(stderr.split("\n").filter((l) => l.includes("NOT_UTF8"))).toEqual([
        `data/charts/${chart}:${specLine}: NOT_UTF8: ${notUtf8}`,
        `src/explainers/ukraine-dead-displaced-kyiv.md:${goodPage.toString("utf-8").split("\n").length + 1}: NOT_UTF8: ${notUtf8}`
      ]);
      expect([await readFile(page), await readFile(spec)]).toEqual([badPage, badSpec]);
    } finally {
      await Promise.all([writeFile(page, goodPage), writeFile(spec, goodSpec)]);
    }
  });

  test("add-source names the raw article's line, and archives nothing", async () => {
    const article = Buffer.concat([
      Buffer.from("Fixture: a headline for a test\n2022-03-05\n\nA fixture article.\nIt says "),
      Buffer.from([0x93]),
      Buffer.from("12 buses"),
      Buffer.from([0x94]),
      Buffer.from(" arrived.\n")
    ]);
    await writeFile(join(root, "wire.txt"), article);
    const before = readdirSync(join(root, "data/sources"));
    const {status, stderr} = await run("add-source", "wire.txt");
    expect([status, stderr.split("\n")[0]]).toEqual([1, `wire.txt:5: NOT_UTF8: ${notUtf8}`]);
    expect(readdirSync(join(root, "data/sources"))).toEqual(before);
  });
});

describe("limits on front matter and chart specs (row 8)", () => {
  /** A billion laughs: nine levels of nine aliases each, 387 million strings when expanded. */
  function aliasBomb(): string {
    let yaml = `a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n`;
    let previous = "a";
    for (const name of "bcdefghi") {
      yaml += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]\n`;
      previous = name;
    }
    return yaml + `title: *i\npublished: 2022-03-02\n`;
  }

  test("a YAML alias bomb in a source's front matter is SOURCE_BAD_FRONT_MATTER on the field that uses it", () => {
    expect(thrown(() => parseSource(source(aliasBomb()), "data/sources/bomb.md"))).toEqual([
      "data/sources/bomb.md:11: SOURCE_BAD_FRONT_MATTER"
    ]);
    expect(() => parseSource(source(aliasBomb()), "data/sources/bomb.md")).toThrow(
      '"title" is a list; it must be a single value (no list, map, anchor or alias)'
    );
  });

  test("huge or deeply nested front matter is refused before YAML reads it", () => {
    const huge = `title: "${"x".repeat(maxFrontMatter)}"\npublished: 2022-03-02\n`;
    expect(thrown(() => parseSource(source(huge), "data/sources/huge.md"))).toEqual([
      "data/sources/huge.md:1: SOURCE_BAD_FRONT_MATTER"
    ]);
    const deep = `title: ${"[".repeat(5000)}${"]".repeat(5000)}\npublished: 2022-03-02\n`;
    expect(thrown(() => parseSource(source(deep), "data/sources/deep.md"))).toEqual([
      "data/sources/deep.md:1: SOURCE_BAD_FRONT_MATTER"
    ]);
    const map = `title: {text: "Fixture"}\npublished: 2022-03-02\n`;
    expect(() => parseSource(source(map), "data/sources/map.md")).toThrow('"title" is a map');
  });

  test("checkJsonLimits refuses deep or large JSON with the line, and passes a real spec", async () => {
    const deep = `{\n"type": "bar",\n"note": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    expect(thrown(() => checkJsonLimits(deep, "data/charts/deep.json"))).toEqual([
      "data/charts/deep.json:3: JSON_TOO_DEEP"
    ]);
    const brackets = `{"title": "${"[{".repeat(100)}", "a": [[[]]]}`;
    expect(thrown(() => checkJsonLimits(brackets, "x.json"))).toEqual([]);
    const escaped = `{"title": "a \\" [[[[", "a": [[[]]]}`;
    expect(thrown(() => checkJsonLimits(escaped, "x.json", {maxBytes: 100, maxDepth: 4}))).toEqual([]);
    const large = JSON.stringify({type: "bar", note: "x".repeat(chartJsonLimits.maxBytes)});
    expect(thrown(() => checkJsonLimits(large, "data/charts/large.json"))).toEqual([
      "data/charts/large.json: JSON_TOO_LARGE"
    ]);
    const real = await readFile("data/charts/places-in-the-report.json", "utf-8");
    expect(thrown(() => checkJsonLimits(real, "data/charts/places-in-the-report.json"))).toEqual([]);
  });

  test("parseChartSpec reports a spec nested 100,000 deep as JSON_TOO_DEEP, not a stack overflow", () => {
    const deep = `{"type": "bar", "title": "Fixture", "claims": ["refugees"], "note": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const data = {claims: [], places: [], land: null} as never;
    expect(thrown(() => parseChartSpec(deep, "data/charts/deep.json", data))).toEqual([
      "data/charts/deep.json:1: JSON_TOO_DEEP"
    ]);
  });
});

describe("a source's url (row 10)", () => {
  test.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>x</script>",
    "vbscript:x",
    "//evil.example/a",
    "news/a.html",
    "ftp://example.org/a"
  ])("url: %s is INVALID_URL on its line", (url) => {
    const text = source(`title: Fixture\npublished: 2022-03-02\nurl: ${JSON.stringify(url)}\n`);
    expect(thrown(() => parseSource(text, "data/sources/x.md"))).toEqual(["data/sources/x.md:4: INVALID_URL"]);
  });

  test("http, https and no url at all are accepted", () => {
    for (const url of ["https://news.example/2022/03/02/fixture", "http://news.example/a?b=c", ""]) {
      const text = source(`title: Fixture\npublished: 2022-03-02\nurl: ${JSON.stringify(url)}\n`);
      expect(parseSource(text, "data/sources/x.md").url).toBe(url);
    }
    expect(isHttpUrl("https://example.org")).toBe(true);
    expect(isHttpUrl("javascript:alert(1)")).toBe(false);
  });
});

describe("a script pasted into a page (row 3)", () => {
  test.each([
    ["an HTML block", "# Fixture\n\nA paragraph.\n\n<script>steal()</script>\n", ["src/x.md:5: SCRIPT_IN_PAGE"]],
    [
      "an inline tag",
      "# Fixture\n\nA paragraph\nthat ends <script>steal()</script> here.\n",
      ["src/x.md:4: SCRIPT_IN_PAGE"]
    ],
    [
      "an upper-case external script",
      "# Fixture\n\n<SCRIPT SRC=/tracker.js></SCRIPT>\n",
      ["src/x.md:3: SCRIPT_IN_PAGE"]
    ],
    ["an SVG script", "# Fixture\n\n<svg><script>steal()</script></svg>\n", ["src/x.md:3: SCRIPT_IN_PAGE"]],
    [
      "a fence inside an HTML block",
      "# Fixture\n\n<div>\n```\n<script>steal()</script>\n```\n</div>\n",
      ["src/x.md:5: SCRIPT_IN_PAGE"]
    ],
    [
      "the front matter's head",
      "---\ntitle: Fixture\nhead: '<script>steal()</script>'\n---\n\n# Fixture\n",
      ["src/x.md:3: SCRIPT_IN_PAGE"]
    ],
    [
      "an iframe's srcdoc",
      '# Fixture\n\n<iframe srcdoc="<script>steal()</script>"></iframe>\n',
      ["src/x.md:3: SCRIPT_IN_PAGE"]
    ],
    ["a fenced code block (shown, not run)", "# Fixture\n\n```html\n<script>steal()</script>\n```\n", []],
    ["inline code (shown, not run)", "# Fixture\n\nWrite `<script>` tags.\n", []],
    ["an HTML comment", "# Fixture\n\n<!-- <script>steal()</script> -->\n", []],
    ["a js block (Framework's own code)", "# Fixture\n\n```js\ndisplay(1);\n```\n", []]
  ])("pageScriptProblems: %s", (_name, markdown, expected) => {
    expect(
      thrown(() => {
        const problems = pageScriptProblems(markdown as string, "src/x.md");
        if (problems.length)
          throw problems.length === 1
            ? problems[0]
            : new (class extends Error {
                errors = problems;
              })();
      })
    ).toEqual(expected);
  });

  test("every page of the project passes, and check and build fail on a pasted script with page:line", async () => {
    const root = await copyProject();
    try {
      for (const page of ["index.md", "methodology.md", "audit.md", "editor.md", "embed/[chart].md"]) {
        expect(pageScriptProblems(await readFile(join(root, "src", page), "utf-8"), `src/${page}`)).toEqual([]);
      }
      const path = join(root, "src/methodology.md");
      const text = await readFile(path, "utf-8");
      await writeFile(path, `${text}\n<script>document.title = "pwned"</script>\n`);
      const line = text.split("\n").length + 1;
      const result = explainer(root, "check");
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        `src/methodology.md:${line}: SCRIPT_IN_PAGE: a <script> element in a page is refused`
      );
      const build = explainer(root, "build");
      expect(build.status).toBe(1);
      expect(build.stderr).toContain(`src/methodology.md:${line}: SCRIPT_IN_PAGE: `);
      expect(existsSync(join(root, "dist"))).toBe(false);
    } finally {
      await removeProject(root);
    }
  });
});

describe("social cards are SVG serialized as XML (row 8)", () => {
  let root: string;
  beforeAll(async () => {
    root = await copyProject();
    for (const file of ["data/places.csv", "data/charts/places-in-the-report.json"]) {
      const text = await readFile(join(root, file), "utf-8");
      await writeFile(
        join(root, file),
        text
          .replace(/^Bucha,/m, '"Bucha <west> & ""north""&nbsp;",')
          .replaceAll('"Bucha"', '"Bucha <west> & \\"north\\"&nbsp;"')
      );
    }
  });
  afterAll(async () => await removeProject(root));

  test("a place named with < & and quotes draws the chart's and the page's card", async () => {
    const run = await runStage(root);
    expect(run.problems.filter((p) => p.blocking)).toEqual([]);
    const map = run.stage!.charts["places-in-the-report"];
    // The page as a browser (and the build) parses it: inline SVG in HTML.
    const html = `<!DOCTYPE html><html><head><title>Fixture</title></head><body><main><h1>Fixture page</h1><p>Fixture text.</p><figure class="chart" data-chart="${map.id}"><div class="chart-wide">${map.wide}</div><div class="chart-narrow">${map.narrow}</div></figure></main></body></html>`;
    const info = pageInfo(run.stage!, "index.html", html);
    expect(info.charts[0].wide).toContain('data-key="place:Bucha &lt;west&gt; &amp; &quot;north&quot;&amp;nbsp;"');
    const png = (svg: string) => renderPng(svg).subarray(0, 8).toString("hex");
    expect(png(chartCardSvg(info.charts[0], "Fixture site"))).toBe("89504e470d0a1a0a");
    expect(png(pageCardSvg(info, "Fixture site"))).toBe("89504e470d0a1a0a");
    // The chart's SVG, as the cards and the page use it, is well-formed XML that says the name as written.
    const svg = new JSDOM(map.wide, {contentType: "image/svg+xml"}).window.document;
    expect(svg.querySelector("parsererror")).toBeNull();
    expect([...svg.querySelectorAll("text, tspan")].map((t) => t.textContent)).toContain(
      'Bucha <west> & "north"&nbsp;'
    );
  });
});

describe("a story too large to read is refused (row 12)", () => {
  test("a ledger or a source over the kit's limits fails check with FILE_TOO_LARGE and its file", async () => {
    const root = await copyProject("seed");
    try {
      const ledger = join(root, "data/claims.csv");
      const text = await readFile(ledger, "utf-8");
      await writeFile(ledger, text + `x,"1",x,,2022-03-02,,nope,"${"y".repeat(storyLimits.csvChars)}",,\n`);
      const source = join(root, "data/sources/big.md");
      await writeFile(
        source,
        `---\ntitle: "Big"\npublished: "2022-03-02"\n---\n${"word ".repeat(storyLimits.sourceChars / 5)}\n`
      );
      const both = explainer(root, "check");
      expect(both.status).toBe(1);
      expect(both.stderr).toMatch(
        /^data\/sources\/big\.md: FILE_TOO_LARGE: the source is [\d,]+ characters, over the kit's limit of 2,000,000; /m
      );
      await rm(source);
      const ledgerOnly = explainer(root, "check");
      expect(ledgerOnly.status).toBe(1);
      expect(ledgerOnly.stderr).toMatch(
        /^data\/claims\.csv: FILE_TOO_LARGE: the file is [\d,]+ characters, over the kit's limit of 5,000,000; /m
      );
    } finally {
      await removeProject(root);
    }
  });
});
