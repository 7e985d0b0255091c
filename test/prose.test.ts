import {cp, mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import MarkdownIt from "markdown-it";
import {afterEach, beforeEach, describe, expect, test} from "vitest";
import {Citations} from "../loaders/citations.ts";
import {downloadCsv, neutralizeCell} from "../loaders/csv-safe.ts";
import {uncitedNumbers} from "../loaders/page-numbers.ts";
import {explainerProse} from "../loaders/prose.ts";
import {projectRoot} from "./helpers/project.ts";

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "prose-"));
  await cp(join(projectRoot, "test/fixtures/story"), root, {recursive: true});
  await mkdir(join(root, "src"), {recursive: true});
});
afterEach(() => rm(root, {recursive: true, force: true}));

/** Renders a page as Framework would: the page file is written, then its body rendered with the plugin. */
async function render(markdown: string, frontMatter = ""): Promise<string> {
  const text = frontMatter ? `---\n${frontMatter}\n---\n${markdown}` : markdown;
  await writeFile(join(root, "src/page.md"), text);
  const md = MarkdownIt({html: true}).use(explainerProse, {root});
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, "");
  return md.render(body, {path: "/page"});
}

describe("explainerProse", () => {
  test("{refugees} renders the label and a numbered marker linking to its Sources entry, with no JavaScript", async () => {
    const html = await render("The UN counted {refugees} refugees.\n");
    expect(html).toContain('<span class="claim-label">more than 800,000</span>');
    expect(html).toContain('<a class="cite" id="cite-1-1" href="#source-1" aria-describedby="card-1-1">[1]</a>');
    expect(html).toContain(
      '<q class="cite-quote">Well over 800,000 Ukrainians have become refugees, the UN believes.</q>'
    );
    expect(html).toContain('<li id="source-1" data-claim="refugees">');
  });

  test("Sources are numbered in order of first use, with a link back to each citation", async () => {
    const html = await render(
      "{soldiers-approaching-kyiv}, {refugees} and {soldiers-approaching-kyiv} again.\n\n::: sources\n"
    );
    expect([...html.matchAll(/<li id="source-(\d)" data-claim="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      "1 soldiers-approaching-kyiv",
      "2 refugees"
    ]);
    expect(html).toContain(
      '<a href="#cite-1-1" aria-label="Back to citation 1a">↩a</a> <a href="#cite-1-2" aria-label="Back to citation 1b">↩b</a>'
    );
    expect(html.match(/id="cite-1-2"/g)).toHaveLength(1);
  });

  test("::: cards cites each claim and shows its label, measure and attribution", async () => {
    const html = await render("::: cards civilians-killed soldiers-approaching-kyiv\n");
    expect(html).toContain('<p class="figure-card-label">2,000</p><p class="figure-card-measure">civilians killed</p>');
    expect(html).toContain("per Ukraine&#39;s State Emergency Service");
    expect(html).toContain("not attributed in the source");
    expect(html).toContain('<section class="sources" id="sources"');
  });

  test("an unknown claim id fails with the page and line", async () => {
    await expect(render("Intro.\n\nSo {no-such-claim} died.\n", "title: x")).rejects.toThrow(
      'src/page.md:6: UNKNOWN_CLAIM: no claim "no-such-claim" in data/claims.csv'
    );
  });

  test("an unknown directive fails with the page and line", async () => {
    await expect(render("::: chartz x\n")).rejects.toThrow("src/page.md:1: UNKNOWN_DIRECTIVE");
  });

  test("braces that are not a claim id stay text", async () => {
    expect(await render("A {Set} and {two words}.\n")).toBe("<p>A {Set} and {two words}.</p>\n");
  });

  test("text from data is escaped: a hostile quote shows as text, a missing field is absent", async () => {
    const ledger = join(root, "data/claims.csv");
    const source = join(root, "data/sources/seed.md");
    await writeFile(
      source,
      (await readFile(source, "utf-8"))
        .replace("Well over 800,000 Ukrainians", "Well over 800,000 <img src=x onerror=alert(1)> Ukrainians")
        .replace(/byline: .*\n/, "")
    );
    await writeFile(
      ledger,
      (await readFile(ledger, "utf-8")).replace(
        "Well over 800,000 Ukrainians",
        "Well over 800,000 <img src=x onerror=alert(1)> Ukrainians"
      )
    );
    const html = await render("{refugees}\n");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("undefined");
    expect(html).not.toContain("by ,");
  });

  test("::: corrections shows nothing for an empty log and every correction otherwise", async () => {
    expect(await render("::: corrections\n")).toBe("");
    await writeFile(
      join(root, "data/corrections.csv"),
      'date,change\n2022-03-04,"The refugees figure now cites the UN\'s <b>update</b>."\n'
    );
    const html = await render("::: corrections\n");
    expect(html).toContain(
      '<li><time datetime="2022-03-04">4 March 2022</time>: The refugees figure now cites the UN&#39;s &lt;b&gt;update&lt;/b&gt;.</li>'
    );
  });
});

describe("Citations", () => {
  test("cite() numbers claims in order of first use and counts each place", () => {
    const c = new Citations();
    expect([c.cite("b"), c.cite("a"), c.cite("b")].map((x) => x.anchor)).toEqual(["cite-1-1", "cite-2-1", "cite-1-2"]);
    expect(c.entries().map((e) => [e.claim, e.number, e.citations.length])).toEqual([
      ["b", 1, 2],
      ["a", 2, 1]
    ]);
  });
});

describe("neutralizeCell", () => {
  test.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["-5", "-5"],
    ["800000", "800000"],
    ["the UN", "the UN"]
  ])("neutralizeCell(%j) is %j", (cell, expected) => {
    expect(neutralizeCell(cell)).toBe(expected);
  });

  test("downloadCsv neutralizes every cell and keeps the column order", () => {
    expect(downloadCsv([{b: "=1+1", a: "x"}], ["a", "b"])).toBe("a,b\nx,'=1+1\n");
  });
});

describe("uncitedNumbers", () => {
  const messages = (text: string) => uncitedNumbers(text, "src/page.md").map((p) => p.message);

  test("uncitedNumbers finds digits and number words in prose, with page and line", () => {
    expect(messages("# Title\n\nSome 300 people and dozens more.\n")).toEqual([
      'src/page.md:3: UNCITED_NUMBER: "Some 300" is not from the ledger; cite a claim as {claim-id}, or add the phrase to the page\'s "allow:" list',
      'src/page.md:3: UNCITED_NUMBER: "dozens" is not from the ledger; cite a claim as {claim-id}, or add the phrase to the page\'s "allow:" list'
    ]);
  });

  test("uncitedNumbers ignores claims, code, expressions, directives and markup", () => {
    expect(
      messages(
        '{refugees} fled.\n\n```js\nconst x = 42;\n```\n\nUse `12` or ${1 + 2}.\n\n::: cards a-1 b-2\n\n<p class="x2">ok</p>\n'
      )
    ).toEqual([]);
  });

  test("uncitedNumbers skips the page's allow-list and counts front matter lines", () => {
    expect(
      messages("---\nallow:\n  - dozens of miles\n---\nA convoy dozens of miles away, and seven tanks.\n")
    ).toEqual([
      'src/page.md:5: UNCITED_NUMBER: "seven" is not from the ledger; cite a claim as {claim-id}, or add the phrase to the page\'s "allow:" list'
    ]);
  });
});
