import {createHash} from "node:crypto";
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {listFiles} from "../tools/deps.ts";
import {contentSecurityPolicy, inlineScripts, hashSource} from "../tools/publish/csp.ts";
import {afterPaint, deferScripts, leadingImports} from "../tools/publish/defer.ts";
import {inlineCssLimit, paintWhenParsedLimit, staticPage} from "../tools/publish/static.ts";
import {withoutEval} from "../tools/publish/dsv.ts";
import {clip} from "../tools/publish/page-info.ts";
import {serveSite, type Site} from "../tools/publish/serve.ts";
import {cleanPath, siteBase, siteLink, siteUrl} from "../tools/publish/site.ts";
import {testBrowser, type TestBrowser} from "./helpers/browser.ts";
import {buildLog, builtCopy, testSiteUrl} from "./helpers/built.ts";
import {removeProject} from "./helpers/project.ts";

// A page as Framework 1.13 builds it: preloads, an inline module importing the client, a body script.
const framework = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="preload" as="style" href="./_import/style.3.css">
<link rel="stylesheet" type="text/css" href="./_import/style.3.css">
<link rel="modulepreload" href="./_observablehq/client.1.js">
<link rel="modulepreload" href="./_import/components/citations.2.js">
<script type="module">

import {define} from "./_observablehq/client.1.js";
import {registerFile as register} from "./_observablehq/stdlib.3.js";

define({id: "a", body: async () => {}});
</script>
</head>
<body><main><script type="module" src="./_import/components/embed-copy.4.js"></script></main></body>
</html>
`;

describe("publishing, unit", () => {
  test("siteUrl normalizes EXPLAINER_SITE_URL and siteBase gives Framework's base", () => {
    expect(siteUrl({})).toBeUndefined();
    expect(siteUrl({EXPLAINER_SITE_URL: "https://news.example/news/ukraine"})).toBe(
      "https://news.example/news/ukraine/"
    );
    expect(siteBase("https://news.example/news/ukraine/")).toBe("/news/ukraine/");
    expect(siteBase(undefined)).toBe("/");
    expect(() => siteUrl({EXPLAINER_SITE_URL: "news.example"})).toThrow(
      'EXPLAINER_SITE_URL: INVALID_SITE_URL: not an absolute URL: "news.example"'
    );
    expect(() => siteUrl({EXPLAINER_SITE_URL: "ftp://news.example/"})).toThrow("INVALID_SITE_URL");
  });

  test("siteLink is absolute under the site, else relative to the page", () => {
    const site = "https://news.example/news/ukraine/";
    expect(siteLink(site, "index.html", "index.html")).toBe(site);
    expect(siteLink(site, "embed/x.html", "methodology.html")).toBe(`${site}methodology`);
    expect(siteLink(site, "index.html", "_card/index.ab.png")).toBe(`${site}_card/index.ab.png`);
    expect(siteLink(undefined, "index.html", "index.html")).toBe("./");
    expect(siteLink(undefined, "embed/x.html", "embed/x.html")).toBe("./x");
    expect(siteLink(undefined, "embed/x.html", "index.html")).toBe("../");
    expect(siteLink(undefined, "embed/x.html", "_card/chart/x.png")).toBe("../_card/chart/x.png");
    expect(cleanPath("a/index.html")).toBe("a/");
  });

  test("clip keeps short text and cuts long text at a word", () => {
    expect(clip("  How many   had died ")).toBe("How many had died");
    expect(clip("one two three four five", 12)).toBe("one two…");
  });

  test("leadingImports reads Framework's static imports, aliases included", () => {
    expect(leadingImports('\nimport {a, b as c} from "./x.js";\nimport "./y.js";\nrun();')).toEqual({
      imports: [
        ["{a, b as c}", "./x.js"],
        [null, "./y.js"]
      ],
      rest: "\nrun();"
    });
    expect(leadingImports("run();")).toBeNull();
  });

  test("deferScripts drops the preloads and imports everything after the first paint", () => {
    const html = deferScripts(framework);
    expect(html).not.toContain('rel="modulepreload"');
    expect(html).not.toMatch(/^import /m);
    expect(html).not.toContain('<script type="module" src=');
    expect(html).toContain(
      'const [{define}, {registerFile: register}] = await Promise.all([import("./_observablehq/client.1.js"), import("./_observablehq/stdlib.3.js")]);'
    );
    expect(html).toContain('["./_observablehq/client.1.js","./_import/components/citations.2.js"]');
    expect(html).toContain('import("./_import/components/embed-copy.4.js")');
    expect(html.match(/observe\(\{type: "paint", buffered: true\}\)/g)).toHaveLength(2);
    // Each rewritten script still parses as a module body (top-level await is allowed there).
    for (const script of inlineScripts(html))
      expect(() => new Function(`return async () => {${script}}`)).not.toThrow();
  });

  test("contentSecurityPolicy hashes exactly the inline scripts a browser runs", () => {
    const html = `<head><meta charset="utf-8"><script type="module">go()</script><script type="application/ld+json">{}</script><script src="./a.js"></script></head>`;
    expect(inlineScripts(html)).toEqual(["go()"]);
    const policy = contentSecurityPolicy(html);
    expect(policy).toBe(
      `default-src 'self'; script-src 'self' ${hashSource("go()")}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'`
    );
    expect(hashSource("go()")).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
  });

  test("withoutEval replaces d3-dsv's compiled row converter with a closure", () => {
    const source = `function objectConverter(columns) {\n  return new Function("d", "return {" + columns.map(function(name, i) {\n    return JSON.stringify(name) + ": d[" + i + "] || \\"\\"";\n  }).join(",") + "}");\n}\nfoo();`;
    const patched = withoutEval(source);
    expect(patched).not.toContain("new Function");
    expect(patched).toContain("foo();");
    const objectConverter = new Function(`${patched.replace("foo();", "")}; return objectConverter;`)();
    expect(objectConverter(["a", "b"])(["1"])).toEqual({a: "1", b: ""});
    expect(() => withoutEval("function other() {}", "x.js")).toThrow(
      "x.js: d3-dsv's objectConverter is not in the expected form"
    );
  });
});

describe("staticPage", () => {
  const page = (module: string) => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="preload" as="style" href="./_import/style.3.css">
<link rel="stylesheet" type="text/css" href="./_import/style.3.css">
<link rel="modulepreload" href="./_observablehq/client.1.js">
<link rel="modulepreload" href="./_import/components/citations.2.js">
<script type="module">
${module}
</script>
</head>
<body><main><p>Text</p><script type="module" src="./_import/components/citations.2.js"></script></main></body>
</html>
`;
  const scripts: Record<string, string> = {
    "./_import/components/citations.2.js": "export function enhance() {}\nenhance();\n",
    "./_import/style.3.css": ".claim{white-space:nowrap}\n"
  };

  test("staticPage(a page with no cell) drops Framework's client and inlines the kit's script after the first paint, and the stylesheet", () => {
    const html = staticPage(page('import "./_observablehq/client.1.js";'), (src) => scripts[src] ?? null);
    expect(html).not.toContain("_observablehq");
    expect(html).not.toContain("modulepreload");
    expect(inlineScripts(html)).toEqual([`\n${afterPaint}\nfunction enhance() {}\nenhance();\n`]);
    expect(html).not.toContain("style.3.css");
    expect(html).toContain("<style>\n.claim{white-space:nowrap}\n</style>");
  });

  test("staticPage holds a light page's first paint until its last element with an id is parsed; a heavy page paints as it arrives", () => {
    const withIds = (text: string) =>
      page('import "./_observablehq/client.1.js";').replace(
        "<p>Text</p>",
        `<p id="first">${text}</p><footer id="observablehq-footer"></footer>`
      );
    const light = staticPage(withIds("Text"), (src) => scripts[src] ?? null);
    expect(light).toContain(
      '<head>\n<meta charset="utf-8">\n<link rel="expect" href="#observablehq-footer" blocking="render">\n<style>'
    );
    // Text that does not compress: a page far over the budget once gzipped.
    const noise = Array.from({length: 3000}, (_, i) => createHash("sha256").update(String(i)).digest("hex")).join(" ");
    const heavy = staticPage(withIds(noise), (src) => scripts[src] ?? null);
    expect(gzipSync(heavy).length).toBeGreaterThan(paintWhenParsedLimit);
    expect(heavy).not.toContain('rel="expect"');
    // A page with no id in its body has nothing to wait for.
    expect(staticPage(page('import "./_observablehq/client.1.js";'), (src) => scripts[src] ?? null)).not.toContain(
      'rel="expect"'
    );
  });

  test("staticPage keeps a stylesheet as a file when it is large or refers to another file", () => {
    const keeps = (css: string) => {
      const html = staticPage(page('import "./_observablehq/client.1.js";'), (src) =>
        src.endsWith(".css") ? css : (scripts[src] ?? null)
      );
      return (
        html.includes('<link rel="stylesheet" type="text/css" href="./_import/style.3.css">') &&
        html.includes('<link rel="preload" as="style" href="./_import/style.3.css">') &&
        !html.includes("<style>")
      );
    };
    expect(keeps(`.a{color:red}\n`.repeat(inlineCssLimit / 10))).toBe(true);
    expect(keeps(`.a{background:url(./x.png)}`)).toBe(true);
    expect(keeps(`@import url("./other.css");`)).toBe(true);
    expect(keeps(`.a::after{content:"</style>"}`)).toBe(true);
    expect(keeps(`.a{color:red}`)).toBe(false);
  });

  test("staticPage(a page with a live cell) leaves it as Framework built it; a script with imports stays a file", () => {
    const live = page('import {define} from "./_observablehq/client.1.js";\ndefine({id: "a", body: () => 1});');
    expect(staticPage(live, (src) => scripts[src] ?? null)).toBe(live);
    const withImport = staticPage(page('import "./_observablehq/client.1.js";'), () => 'import "./x.js";\n');
    expect(withImport).toContain('<script type="module" src="./_import/components/citations.2.js"></script>');
    expect(withImport).toContain('<link rel="modulepreload" href="./_import/components/citations.2.js">');
    expect(withImport).not.toContain("_observablehq");
  });
});

describe("the published site, hosted under /news/ukraine/", () => {
  let root: string;
  let site: Site;
  let browser: TestBrowser;
  let pages: string[];
  let log: string;

  beforeAll(async () => {
    root = await builtCopy("seed");
    log = await readFile(join(root, buildLog), "utf-8");
    site = await serveSite(join(root, "dist"), {base: "/news/ukraine/"});
    pages = (await listFiles(join(root, "dist")))
      .filter((f) => f.endsWith(".html"))
      .map((f) => f.slice(join(root, "dist").length + 1))
      .sort();
    browser = await testBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (root) await removeProject(root);
  });

  const html = (page: string) => readFile(join(root, "dist", page), "utf-8");
  /** A page's address as the site publishes it. */
  const url = (page: string) => new URL(cleanPath(page), testSiteUrl).href;
  /** The same address on the test server, which serves the site under the same path. */
  const local = (address: string) => address.replace(testSiteUrl, site.url);
  const explainerPage = "explainers/ukraine-dead-displaced-kyiv.html";

  test("the build publishes every page, the three pages and one embed per chart, with nothing of dev's", async () => {
    expect(pages).toEqual([
      "audit.html",
      "embed/places-in-the-report.html",
      "embed/refugees-and-deaths.html",
      "embed/reported-figures.html",
      explainerPage,
      "index.html",
      "methodology.html"
    ]);
    expect(log).toMatch(/published 7 pages with 7 social cards and a Content Security Policy/);
    expect(log).not.toContain("EXPLAINER_SITE_URL is not set");
    // Dev's markers (the save marker, the story link that re-renders a page when the story changes) stay in dev.
    for (const page of pages) expect(await html(page), page).not.toMatch(/x-explainer-story|explainer-dev/);
  });

  test("every page has its description, canonical URL, Open Graph and Twitter tags, and a card that is a 1200×630 PNG", async () => {
    for (const page of pages) {
      const text = await html(page);
      const meta = (key: string) =>
        new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(text)?.[1] ?? `(no ${key} in ${page})`;
      expect(/<link rel="canonical" href="([^"]+)">/.exec(text)?.[1], page).toBe(url(page));
      expect(meta("og:url")).toBe(url(page));
      expect(meta("og:title").length, page).toBeGreaterThan(3);
      expect(meta("og:description").length, page).toBeGreaterThan(20);
      expect(meta("description")).toBe(meta("og:description"));
      expect(meta("twitter:card")).toBe("summary_large_image");
      const image = meta("og:image");
      expect(image.startsWith(`${testSiteUrl}_card/`), page).toBe(true);
      const png = Buffer.from(await (await fetch(local(image))).arrayBuffer());
      expect(png.subarray(1, 4).toString(), page).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], page).toEqual([1200, 630]);
    }
    const article = await html(explainerPage);
    expect(/<meta property="og:title" content="([^"]*)">/.exec(article)?.[1]).toBe(
      "Ukraine: the dead, the displaced and the advance on Kyiv"
    );
    const embed = await html("embed/refugees-and-deaths.html");
    expect(embed).toContain("<title>Refugees far outnumber the civilians killed | Explainer Kit</title>");
    expect(/<meta property="og:image" content="([^"]*)">/.exec(embed)?.[1]).toMatch(
      /_card\/chart\/refugees-and-deaths\.\w+\.png$/
    );
  });

  test("every page has one valid JSON-LD block: a NewsArticle for the explainer, a Dataset per CSV download", async () => {
    for (const page of pages) {
      const blocks = [...(await html(page)).matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)];
      expect(blocks, page).toHaveLength(1);
      const data = JSON.parse(blocks[0][1]);
      expect(data["@context"]).toBe("https://schema.org");
      expect(data["@graph"][0]["@type"], page).toBe(page === explainerPage ? "NewsArticle" : "WebPage");
      expect(data["@graph"][0].url).toBe(url(page));
      for (const dataset of data["@graph"].slice(1)) {
        expect(dataset["@type"]).toBe("Dataset");
        expect(dataset.description.length).toBeGreaterThan(50);
        const {contentUrl, encodingFormat} = dataset.distribution[0];
        expect(encodingFormat).toBe("text/csv");
        expect((await fetch(local(contentUrl))).status, contentUrl).toBe(200);
      }
    }
    const [article, ...datasets] = JSON.parse(
      /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(await html(explainerPage))![1]
    )["@graph"];
    expect(article.headline).toBe("Ukraine: the dead, the displaced and the advance on Kyiv");
    expect(article.author).toEqual({"@type": "Organization", name: "the Explainer Kit data desk"});
    expect(article.isBasedOn).toEqual([
      {
        "@type": "CreativeWork",
        name: "Putin's invasion of Ukraine leaves 2,000 civilians dead as pleas for escape routes grow",
        author: {"@type": "Person", name: "Will Taylor"},
        datePublished: "2022-03-02"
      }
    ]);
    expect(datasets.map((d: {distribution: {name: string}[]}) => d.distribution[0].name)).toEqual([
      "refugees-and-deaths.csv",
      "reported-figures.csv",
      "places-in-the-report.csv",
      "ukraine-dead-displaced-kyiv-figures.csv"
    ]);
  });

  test("every page sets a CSP with default-src 'self', a hash per inline script and no unsafe-eval; no built script evaluates code", async () => {
    for (const page of pages) {
      const text = await html(page);
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(text)?.[1] ?? "";
      expect(policy, page).toContain("default-src 'self'");
      expect(policy).not.toContain("unsafe-eval");
      expect(/script-src[^;]*unsafe-inline/.test(policy)).toBe(false);
      expect(text.indexOf("Content-Security-Policy")).toBeLessThan(text.indexOf("<script"));
      for (const script of inlineScripts(text)) expect(policy).toContain(hashSource(script));
    }
    for (const file of (await listFiles(join(root, "dist"))).filter((f) => f.endsWith(".js"))) {
      expect(await readFile(file, "utf-8"), file).not.toMatch(/new Function\(|\beval\(/);
    }
  });

  test("in Chromium, every page loads from the sub-path with no 404, no request to another host, no CSP violation and no error", async () => {
    const context = await browser.newContext({viewport: {width: 1024, height: 800}});
    await context.addInitScript({
      content: `window.violations = [];
        document.addEventListener("securitypolicyviolation", (e) => window.violations.push(e.violatedDirective + " " + e.blockedURI));`
    });
    for (const page of pages) {
      const tab = await context.newPage();
      const problems: string[] = [];
      tab.on(
        "request",
        (r) =>
          void (!r.url().startsWith(site.url) && !r.url().startsWith("data:") && problems.push(`request ${r.url()}`))
      );
      tab.on("response", (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
      tab.on("console", (m) => void (m.type() === "error" && problems.push(`console: ${m.text()}`)));
      tab.on("pageerror", (e) => void problems.push(`error: ${e}`));
      await tab.goto(local(url(page)), {waitUntil: "networkidle"});
      if (page === "audit.html") await tab.locator(".audit table").first().waitFor();
      problems.push(...(await tab.evaluate(() => (window as unknown as {violations: string[]}).violations)));
      expect(problems, page).toEqual([]);
      await tab.close();
    }
    await context.close();
    expect(site.notFound).toEqual([]);
  });

  test("pages with no live code load no script and no stylesheet: charts in the HTML, the stylesheet inline, the kit's scripts inline after first paint; the audit keeps Framework's runtime", async () => {
    const scriptsOf = async (page: string) => {
      const tab = await browser.newPage();
      await tab.goto(local(url(page)), {waitUntil: "networkidle"});
      // The audit loads Framework's runtime after its first paint, which on a busy machine can come
      // after the network has been idle for the 500 ms "networkidle" waits: wait for what it draws.
      if (page === "audit.html") await tab.locator(".audit table").first().waitFor();
      const loaded = await tab.evaluate(() =>
        (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
          .map((e) => new URL(e.name).pathname)
          .filter((path) => /\.(js|css)$/.test(path))
      );
      const charts = await tab.locator("figure.chart svg.kit-chart:visible").count();
      await tab.close();
      return {loaded, charts};
    };
    const explainer = await scriptsOf(explainerPage);
    expect(explainer).toEqual({loaded: [], charts: 3});
    for (const page of ["index.html", "methodology.html", "embed/refugees-and-deaths.html"]) {
      expect((await scriptsOf(page)).loaded, page).toEqual([]);
    }
    const text = await html(explainerPage);
    expect(text).not.toMatch(/_observablehq\/|modulepreload|rel="stylesheet"/);
    // The stylesheet is styling the page from its <style>: the chart's narrow version shows, the wide one does not.
    expect(text).toContain(".chart-narrow");
    // The citation cards' script is inline and waits for the first paint.
    const inline = inlineScripts(text).filter((code) => code.includes("enhanceCitations"));
    expect(inline).toHaveLength(1);
    expect(inline[0].trim().startsWith("await new Promise")).toBe(true);
    const audit = await scriptsOf("audit.html");
    expect(
      audit.loaded.some((path) => /_observablehq\/client\.\w+\.js$/.test(path)),
      audit.loaded.join(" ")
    ).toBe(true);
    expect(audit.loaded.some((path) => /_import\/reference\.\w+\.css$/.test(path))).toBe(true);
  });
});
