import {readFileSync} from "node:fs";
import {cp, mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import MarkdownIt from "markdown-it";
import {afterEach, beforeEach, describe, expect, test} from "vitest";
import {Citations} from "../loaders/citations.ts";
import {downloadCsv, neutralizeCell} from "../loaders/csv-safe.ts";
import {uncitedNumbers} from "../loaders/page-numbers.ts";
import {pageStory} from "../loaders/block-context.ts";
import {checkCorrections, correctionsFile} from "../loaders/corrections.ts";
import {orThrow} from "../loaders/errors.ts";
import {readQuotedClaims} from "../loaders/ledger.ts";
import {explainerProse} from "../loaders/prose.ts";
import {readSourcesSync} from "../loaders/sources.ts";
import type {StagedExplainer} from "../loaders/stage-model.ts";
import {projectRoot} from "./helpers/project.ts";

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "prose-"));
  await cp(join(projectRoot, "test/fixtures/projects/seed/data"), join(root, "data"), {recursive: true});
  await mkdir(join(root, "src/explainers"), {recursive: true});
});
afterEach(() => rm(root, {recursive: true, force: true}));

/** The story a page cites, as the stage gives it: the fixture's verified claims and sources, its corrections and explainers. */
function story(explainers: StagedExplainer[] = []) {
  const sources = readSourcesSync(root);
  return pageStory({
    claims: readQuotedClaims(root, sources),
    sources,
    charts: {},
    explainers,
    corrections: orThrow(checkCorrections(readFileSync(join(root, correctionsFile), "utf-8")))
  });
}

/** Renders a page as Framework would: the page file is written, then its body rendered with the plugin. */
async function render(
  markdown: string,
  frontMatter = "",
  path = "/page",
  explainers: StagedExplainer[] = []
): Promise<string> {
  const text = frontMatter ? `---\n${frontMatter}\n---\n${markdown}` : markdown;
  await writeFile(join(root, `src${path}.md`), text);
  const md = MarkdownIt({html: true}).use(explainerProse, {root, story: () => story(explainers)});
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, "");
  return md.render(body, {path});
}

describe("explainerProse", () => {
  test("under dev, a page that shows the story links the story's output from its own folder; a page with no figure, and the build, link nothing", async () => {
    const page = "The UN counted {refugees} refugees.\n";
    await writeFile(join(root, "src/explainers/x.md"), page);
    await writeFile(join(root, "src/plain.md"), "A fixture page with no figure.\n");
    const dev = MarkdownIt({html: true}).use(explainerProse, {
      root,
      story: () => story(),
      storyLink: "data/download/claims.zip"
    });
    const html = dev.render(page, {path: "/explainers/x"});
    expect(html.match(/<link[^>]*>/g)).toEqual(['<link rel="x-explainer-story" href="../data/download/claims.zip">']);
    expect(dev.render("A fixture page with no figure.\n", {path: "/plain"})).not.toContain("<link");
    expect(await render(page, "", "/explainers/x")).not.toContain("<link");
  });

  test("{refugees} renders the label and a numbered marker linking to its Sources entry, with no JavaScript", async () => {
    const html = await render("The UN counted {refugees} refugees.\n");
    expect(html).toContain('<span class="claim-label">more than 800,000</span>');
    expect(html).toContain('<a class="cite" id="cite-1-1" href="#source-1" aria-describedby="card-1-1">[1]</a>');
    expect(html).toContain(
      '<q class="cite-quote">Well over 800,000 Ukrainians have become refugees, the UN believes.</q>'
    );
    expect(html).toContain('<li id="source-1" data-claim="refugees">');
  });

  test("a sum in pence reads as its source writes it, and a headline that repeats it is no uncited number", async () => {
    const source = "2026-03-01-fixture-diesel-reaches-a-new-high";
    await cp(join(projectRoot, `test/fixtures/sources/${source}.md`), join(root, `data/sources/${source}.md`));
    const ledger = join(root, "data/claims.csv");
    await writeFile(
      ledger,
      (await readFile(ledger, "utf-8")) +
        `diesel-per-litre,191.4p,diesel price per litre,the fixture motoring group,2026-03-01,,${source},"Fixture diesel reached 191.4p a litre on Sunday, the fixture motoring group said.",,\n`
    );
    const html = await render("Diesel reached {diesel-per-litre} a litre.\n", "title: Diesel at 191.4p");
    expect(html).toContain('<span class="claim-label">191.4p</span>');
    const page = await readFile(join(root, "src/page.md"), "utf-8");
    const claims = [...story().claimsById.values()];
    expect(claims.find((c) => c.id === "diesel-per-litre")).toMatchObject({value: 191.4, unit: "GBX", label: "191.4p"});
    expect(uncitedNumbers(page, "src/page.md", claims)).toEqual([]);
    expect(uncitedNumbers(page.replace("191.4p", "191.4"), "src/page.md", claims).map((p) => p.code)).toEqual([
      "UNCITED_NUMBER"
    ]);
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

  test("in a heading a figure is its label alone; a figure shown with no marker and cited nowhere else fails with its line", async () => {
    const html = await render("## The {refugees} who left\n\nThe UN counted {refugees}.\n");
    expect(html).toContain(
      '<h2>The <span class="claim" data-claim="refugees"><span class="claim-label">more than 800,000</span></span> who left</h2>'
    );
    expect(html.match(/class="cite"/g)).toHaveLength(1);
    await expect(render("Intro.\n\n## The {refugees} who left\n")).rejects.toThrow(
      "src/page.md:3: FIGURE_NOT_CITED: {refugees} is in a heading, which links to itself, with no citation, and the page cites {refugees} nowhere else: cite it in the text"
    );
    // The figure as plain text is the same: shown, not cited.
    await expect(render("Intro.\n\nIn all, {refugees.label} left.\n")).rejects.toThrow(
      "src/page.md:3: FIGURE_NOT_CITED: {refugees.label} is the figure as plain text, with no citation, and the page cites {refugees} nowhere else: cite it in the text"
    );
    expect(await render("In all, {refugees.label} left, {refugees} by the UN's count.\n")).toContain(
      "<p>In all, more than 800,000 left, "
    );
  });

  test("in a link a figure's label stays in the link and its marker follows the link", async () => {
    expect(await render("See [{refugees} refugees](../methodology) today.\n")).toMatch(
      /^<p>See <a href="..\/methodology">(<span class="claim" data-claim="refugees"><span class="claim-label">more than 800,000<\/span><\/span>) refugees<\/a><span class="claim" data-claim="refugees"><a class="cite" id="cite-1-1" [^]*<\/span><\/span><\/span> today.<\/p>/
    );
  });

  test("qualifier words before a figure fail: the label says how sure it is, in the source's words", async () => {
    await expect(render("Intro.\n\nWell over {refugees} fled, and some {civilians-killed} died.\n")).rejects.toThrow(
      [
        'src/page.md:3: QUALIFIER_BEFORE_FIGURE: "Well over" before {refugees} would read "Well over more than 800,000": the label says it already; drop "Well over"',
        'src/page.md:3: QUALIFIER_BEFORE_FIGURE: "some" before {civilians-killed} would read "some 2,000", but the source gives 2,000 exactly; drop "some"'
      ].join("\n")
    );
    await expect(
      render("::: standfirst\n", 'title: T\nstandfirst: "Around {refugees.label} fled."', "/explainers/x")
    ).rejects.toThrow(
      'src/explainers/x.md:3: QUALIFIER_BEFORE_FIGURE: the standfirst: "Around" before {refugees.label} would read "Around more than 800,000"'
    );
    // Emphasis, a link or a line break between the words and the figure does not hide them.
    await expect(
      render("Intro.\n\n*Well over* {refugees} fled; [about](../methodology)\n{civilians-killed} died.\n")
    ).rejects.toThrow(
      [
        'src/page.md:3: QUALIFIER_BEFORE_FIGURE: "Well over" before {refugees} would read "Well over more than 800,000": the label says it already; drop "Well over"',
        'src/page.md:4: QUALIFIER_BEFORE_FIGURE: "about" before {civilians-killed} would read "about 2,000", but the source gives 2,000 exactly; drop "about"'
      ].join("\n")
    );
    await expect(
      render("::: standfirst\n", 'title: T\nstandfirst: "**Some** {refugees.label} fled."', "/explainers/x")
    ).rejects.toThrow('src/explainers/x.md:3: QUALIFIER_BEFORE_FIGURE: the standfirst: "Some" before {refugees.label}');
    // Words that end otherwise are not qualifiers ("handsome" ends in "some"; "rose to"), and words
    // further back than just before the figure do not qualify it.
    expect(await render("*Some* fled: {refugees} in all.\n")).toContain("<p><em>Some</em> fled: <span");
    expect(await render("A handsome {refugees} fled; the toll rose to {civilians-killed}.\n")).toContain(
      "the toll rose to <span"
    );
  });

  test("an unknown claim id fails with the page and line", async () => {
    await expect(render("Intro.\n\nSo {no-such-claim} died.\n", "title: x")).rejects.toThrow(
      'src/page.md:6: UNKNOWN_CLAIM: no claim "no-such-claim" in data/claims.csv'
    );
    // In a table, on its row's line (markdown-it gives a cell no line of its own).
    await expect(render("Intro.\n\n| a |\n| --- |\n| {refugees} |\n| {no-such-claim} |\n")).rejects.toThrow(
      'src/page.md:6: UNKNOWN_CLAIM: no claim "no-such-claim" in data/claims.csv'
    );
  });

  test("an image whose file is not under src/, or that is on another host, fails with the page and line; one that is there, a loader's or data: passes", async () => {
    await writeFile(join(root, "src/explainers/map.png"), "not really a PNG: a fixture file\n");
    // An image a data loader makes counts as one that is there.
    await writeFile(join(root, "src/explainers/drawn.svg.ts"), "process.stdout.write('<svg/>');\n");
    await mkdir(join(root, "src/images"));
    await writeFile(join(root, "src/images/photo one.jpg"), "a fixture file\n");
    const shown = [
      "![A map](map.png)",
      "![A photo](../images/photo%20one.jpg)",
      "![Absolute](/images/photo%20one.jpg)",
      '<img src="./map.png?v=2" alt="">',
      "![Inline](data:image/gif;base64,R0lGOD)",
      "![Drawn](drawn.svg)"
    ].join("\n\n");
    expect(await render(`${shown}\n`, "title: T", "/explainers/x")).toContain('<img src="map.png" alt="A map">');
    await expect(
      render(
        'Intro.\n\n| a | b |\n| --- | --- |\n| x | ![Chart](chart.png) |\n\n<p><img alt="" src=\'../photo.jpg\'></p>\n\n![Up](../../outside.png)\n\n<video src="//news.example/a.mp4"></video>\n\n![Remote](https://news.example/a.png)\n',
        "",
        "/explainers/x"
      )
    ).rejects.toThrow(
      [
        'src/explainers/x.md:5: MISSING_FILE: the image "chart.png" is not in the project: there is no src/explainers/chart.png',
        'src/explainers/x.md:7: MISSING_FILE: the <img> "../photo.jpg" is not in the project: there is no src/photo.jpg',
        'src/explainers/x.md:9: MISSING_FILE: the image "../../outside.png" is not in the project: there is no src/outside.png',
        'src/explainers/x.md:11: REMOTE_FILE: the <video> "//news.example/a.mp4" is on another host, and the site loads nothing from other hosts: save the file under src/ and show it from there',
        'src/explainers/x.md:13: REMOTE_FILE: the image "https://news.example/a.png" is on another host, and the site loads nothing from other hosts: save the file under src/ and show it from there'
      ].join("\n")
    );
  });

  test("a figure in an image's description is its words, and needs a citation elsewhere on the page", async () => {
    await writeFile(join(root, "src/map.png"), "a fixture file\n");
    expect(
      await render("![Map of {refugees} refugees, as of {refugees.as_of}](map.png)\n\nIn all, {refugees}.\n")
    ).toContain('<img src="map.png" alt="Map of more than 800,000 refugees, as of 2 March 2022">');
    await expect(
      render("Intro.\n\n![Map of {refugees}](map.png) and {refugess}.\n\n![{nope}](map.png)\n")
    ).rejects.toThrow(
      [
        'src/page.md:3: UNKNOWN_CLAIM: no claim "refugess" in data/claims.csv (did you mean "refugees"?)',
        'src/page.md:5: UNKNOWN_CLAIM: no claim "nope" in data/claims.csv',
        "src/page.md:3: FIGURE_NOT_CITED: {refugees} is in an image's description, with no citation, and the page cites {refugees} nowhere else: cite it in the text"
      ].join("\n")
    );
  });

  test("an unknown directive fails with the page and line", async () => {
    await expect(render("::: chartz x\n")).rejects.toThrow("src/page.md:1: UNKNOWN_DIRECTIVE");
  });

  test("a line that starts with ::: is a directive even with no space after it or right under a paragraph; a malformed one fails, and none reaches the page as text", async () => {
    const sources = (html: string) => html.match(/<li id="source-\d" data-claim="[^"]+"/g);
    const spaced = await render("{refugees} fled.\n\n::: sources\n");
    expect(sources(spaced)).toHaveLength(1);
    for (const page of ["{refugees} fled.\n\n:::sources\n", "{refugees} fled.\n::: sources\n"]) {
      const html = await render(page);
      expect(html).not.toContain(":::");
      expect(sources(html)).toEqual(sources(spaced));
    }
    await expect(render("Intro.\n\n::: Sources\n")).rejects.toThrow(
      'src/page.md:3: UNKNOWN_DIRECTIVE: "::: Sources" is not a directive: write "::: name args" (known: '
    );
    await expect(render("Intro.\n:::\n")).rejects.toThrow('src/page.md:2: UNKNOWN_DIRECTIVE: ":::" is not a directive');
  });

  test("braces around words stay text; a {…} that looks like a reference and resolves to nothing fails with its line", async () => {
    expect(await render("A {two words} and an escaped \\{Set\\}.\n")).toBe(
      "<p>A {two words} and an escaped {Set}.</p>\n"
    );
    await expect(render("Intro.\n\nThe {Refugees} fled.\n")).rejects.toThrow(
      "src/page.md:3: UNRESOLVED_REFERENCE: {Refugees} is not a claim reference"
    );
  });

  test("a figure or field that starts a sentence starts with a capital; mid-sentence and in a table cell it keeps its case", async () => {
    const labels = (html: string) => [...html.matchAll(/<span class="claim-label">([^<]*)<\/span>/g)].map((m) => m[1]);
    const html = await render(
      "{refugees} fled. By then, {refugees} had fled! *{refugees}* fled, and “{refugees}” is the UN's count.\n\n" +
        "- {refugees} fled\n\n# {refugees} fled\n\n[{refugees}](#x) fled.\n"
    );
    expect(labels(html)).toEqual([
      "More than 800,000",
      "more than 800,000",
      "More than 800,000",
      "more than 800,000",
      "More than 800,000",
      "More than 800,000",
      "More than 800,000"
    ]);
    expect(await render("{refugees.attribution} counted them. Per {refugees.attribution}.\n")).toBe(
      "<p>The UN counted them. Per the UN.</p>\n"
    );
    expect(labels(await render("| figure |\n| --- |\n| {refugees} |\n\n{refugees.label} fled.\n"))).toEqual([
      "more than 800,000"
    ]);
    const standfirst = await render(
      "::: standfirst\n",
      'title: T\nstandfirst: "Why? {refugees} fled."',
      "/explainers/x"
    );
    expect(labels(standfirst)).toEqual(["More than 800,000"]);
  });

  test("{claim.field} gives that field as text; an unknown field fails", async () => {
    expect(await render("As of {refugees.as_of}, per {refugees.attribution}.\n")).toBe(
      "<p>As of 2 March 2022, per the UN.</p>\n"
    );
    await expect(render("{refugees.colour}\n")).rejects.toThrow(
      "src/page.md:1: INVALID_PLACEHOLDER: {refugees.colour}: the field is one of label, measure, attribution, as_of, place"
    );
  });

  test("a reference inside HTML is not resolved, so it fails with its line rather than ship as braces", async () => {
    await expect(render('# T\n\n<p class="standfirst">{refugees} fled.</p>\n')).rejects.toThrow(
      "src/page.md:3: UNRESOLVED_REFERENCE: {refugees} inside HTML is not resolved"
    );
    expect(await render("<!-- {refugees} in a comment is fine -->\n")).toBe(
      "<!-- {refugees} in a comment is fine -->\n"
    );
  });

  test("::: standfirst renders the front matter's standfirst with its figures cited", async () => {
    const html = await render(
      "::: standfirst\n",
      'title: T\nstandfirst: "By {refugees.as_of}, {refugees} had fled."',
      "/explainers/x"
    );
    expect(html).toMatch(
      /^<p class="standfirst">By 2 March 2022, <span class="claim" data-claim="refugees"><span class="claim-label">more than 800,000<\/span><a class="cite" id="cite-1-1"[^]*<\/span><\/span> had fled\.<\/p>\n/
    );
    // The figure as plain text in the standfirst needs a citation elsewhere on the page, as in prose.
    const plain = 'title: T\nstandfirst: "In all, {refugees.label} fled."';
    await expect(render("::: standfirst\n", plain, "/explainers/x")).rejects.toThrow(
      "src/explainers/x.md:3: FIGURE_NOT_CITED: {refugees.label} in the standfirst is the figure as plain text, with no citation, and the page cites {refugees} nowhere else: cite it in the text"
    );
    expect(await render("::: standfirst\n\nThe UN's count: {refugees}.\n", plain, "/explainers/x")).toContain(
      '<p class="standfirst">In all, more than 800,000 fled.</p>'
    );
    // A problem in the standfirst is placed where it is written: the front matter's line 3, not the directive's.
    await expect(
      render("::: standfirst\n", 'title: T\nstandfirst: "{no-such-claim} fled."', "/explainers/x")
    ).rejects.toThrow('src/explainers/x.md:3: UNKNOWN_CLAIM: no claim "no-such-claim" in data/claims.csv');
  });

  test("::: explainers lists the explainers newest first, with their standfirst's figures as labels", async () => {
    const explainer = (slug: string, published: string, draft = false): StagedExplainer =>
      ({
        slug,
        file: `src/explainers/${slug}.md`,
        title: `Title ${slug}`,
        standfirst: "About {refugees}.",
        byline: "",
        published,
        draft,
        bodyLine: 1,
        claims: [],
        charts: [],
        sources: [],
        corrections: [],
        asOf: ""
      }) as StagedExplainer;
    const list = [
      explainer("older", "2022-03-02"),
      explainer("newer", "2022-03-09"),
      explainer("draft", "2022-03-10", true)
    ];
    const html = await render("::: explainers\n", "", "/index", list);
    expect([...html.matchAll(/data-explainer="([^"]+)"/g)].map((m) => m[1])).toEqual(["draft", "newer", "older"]);
    expect(html).toContain('<p class="explainer-standfirst">About more than 800,000.</p>');
    expect(html).toContain("<strong>Draft</strong>");
    const md = MarkdownIt({html: true}).use(explainerProse, {root, story: () => story(list), omitDrafts: true});
    expect(
      [...md.render("::: explainers\n", {path: "/index"}).matchAll(/data-explainer="([^"]+)"/g)].map((m) => m[1])
    ).toEqual(["newer", "older"]);
  });

  test("text from data is escaped: a hostile quote shows as text, a missing field is absent", async () => {
    const ledger = join(root, "data/claims.csv");
    const source = join(
      root,
      "data/sources/2022-03-02-putins-invasion-of-ukraine-leaves-2000-civilians-dead-as-pleas-for-escape-routes-grow.md"
    );
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

  test("::: corrections shows nothing for an empty log and the page's own corrections otherwise", async () => {
    expect(await render("::: corrections\n", "", "/explainers/x")).toBe("");
    await writeFile(
      join(root, "data/corrections.csv"),
      'explainer,date,kind,claim,change\nx,2022-03-04,correction,,"The refugees figure now cites the UN\'s <b>update</b>."\ny,2022-03-05,update,,"Another page\'s update."\n'
    );
    const html = await render("::: corrections\n", "", "/explainers/x");
    expect(html).toContain(
      '<li><strong>Corrected <time datetime="2022-03-04">4 March 2022</time></strong>: The refugees figure now cites the UN&#39;s &lt;b&gt;update&lt;/b&gt;.</li>'
    );
    expect(html).not.toContain("Another page");
    await expect(render("::: corrections\n")).rejects.toThrow(
      "src/page.md:1: DIRECTIVE_PLACE: ::: corrections belongs on an explainer page"
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

  test("uncitedNumbers finds digits and number words in prose, with page and line, not vague words", () => {
    expect(messages("# Title\n\nSome 300 people and dozens more.\n")).toEqual([
      'src/page.md:3: UNCITED_NUMBER: "Some 300" is not from the ledger; cite a claim as {claim-id}, or add the phrase to the page\'s "allow:" list'
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
