/**
 * No runtime where nothing runs. Framework gives every page its client, runtime and standard
 * library; a page with no live cell (an explainer, the methodology, the home page, an embed) needs
 * none of them: its text and charts are in its HTML. This drops Framework's module from such a
 * page, and inlines the kit's own small scripts (citation cards, embed code, embed height), which
 * have no imports, so the page makes no request for a script at all. They run after the first
 * paint. Its stylesheet, a few kilobytes, is inlined too: the page is one request, and its charts
 * show as soon as its HTML arrives instead of one round trip later (on a slow phone network, half
 * a second). A page with live code (the number audit) keeps everything as Framework built it.
 */
import {gzipSync} from "node:zlib";
import {afterPaint} from "./defer.ts";

const inlineModule = /<script type="module">([\s\S]*?)<\/script>\n?/g;
const externalModule = /<script type="module" src="([^"]+)"><\/script>\n?/g;
const preload = /^[ \t]*<link rel="modulepreload" href="([^"]+)">\n?/gm;
const frameworkPath = /(?:^|\/)_observablehq\//;
const stylesheet = /<link rel="stylesheet" type="text\/css" href="([^"]+)">/g;
const stylePreload = /^[ \t]*<link rel="preload" as="style" href="([^"]+)">\n?/gm;

/**
 * The most CSS inlined into a page (about what the first round trip of a connection carries, with
 * the HTML, once compressed); a larger stylesheet stays a file the browser can cache.
 */
export const inlineCssLimit = 16 * 1024;

/** True when a page runs live code: Framework's module defines at least one cell. */
export function hasLiveCode(html: string): boolean {
  return [...html.matchAll(inlineModule)].some(([, code]) => frameworkPath.test(code) && /\bdefine\(/.test(code));
}

/** A script with no import of its own, which can run inline: its text without `export`, or null. */
export function selfContained(code: string): string | null {
  if (/^\s*import[\s{*"']/m.test(code) || /\bimport\(/.test(code) || /^\s*export\s*(\*|\{[^}]*\}\s*from)/m.test(code)) {
    return null;
  }
  return code.replace(/^export\s+(?=(?:async\s+)?function\b|const\b|let\b|var\b|class\b)/gm, "");
}

/**
 * A stylesheet's text as it can stand in a `<style>` element of the page, or null: too large, or
 * with a reference (`url()`, `@import`) relative to its own file, which would break inlined.
 */
export function inlinableCss(css: string): string | null {
  if (css.length > inlineCssLimit || /\burl\(|@import\b|<\/style/i.test(css)) return null;
  return css;
}

/**
 * Rewrites a built page that runs no live code (see the module's comment). `readAsset` gives the
 * text of one of the page's scripts or stylesheets by its address as written in the page (or null).
 */
export function staticPage(html: string, readAsset: (src: string) => string | null): string {
  if (hasLiveCode(html)) return html;
  let out = html.replace(inlineModule, (whole, code: string) => (frameworkPath.test(code) ? "" : whole));
  const inlined = new Set<string>();
  out = out.replace(externalModule, (whole, src: string) => {
    const code = readAsset(src);
    const inline = code === null ? null : selfContained(code);
    if (inline === null) return whole;
    inlined.add(src);
    return `<script type="module">\n${afterPaint}\n${inline.trim()}\n</script>\n`;
  });
  out = out.replace(stylesheet, (whole, href: string) => {
    const code = readAsset(href);
    const css = code === null ? null : inlinableCss(code);
    if (css === null) return whole;
    inlined.add(href);
    return `<style>\n${css.trim()}\n</style>`;
  });
  out = out.replace(stylePreload, (whole, href: string) => (inlined.has(href) ? "" : whole));
  return paintWhenParsed(
    out.replace(preload, (whole, href: string) => (frameworkPath.test(href) || inlined.has(href) ? "" : whole))
  );
}

/**
 * The most a page may weigh, compressed, for its first paint to wait until it is parsed: the budget
 * of an explainer, which arrives whole a round trip or two after its first bytes.
 */
export const paintWhenParsedLimit = 30_000;

/**
 * Holds a light page's first paint until its last element with an id is parsed
 * (`<link rel="expect" blocking="render">`). The browser then lays the page out and paints it once,
 * instead of painting the first screen and laying out the rest in long tasks right after, which a
 * reader's first tap would wait for (Lighthouse counts them as blocking time). A browser that does not
 * know `rel="expect"` ignores it. A heavier page keeps painting as it arrives.
 */
export function paintWhenParsed(html: string): string {
  const body = html.search(/<body[\s>]/);
  const last = body < 0 ? undefined : [...html.slice(body).matchAll(/\sid="([\w:.-]+)"/g)].at(-1)?.[1];
  if (!last || gzipSync(html).length > paintWhenParsedLimit) return html;
  return html.replace(
    /<head>\n?(<meta charset="[^"]*">\n?)?/,
    (head) => `${head}<link rel="expect" href="#${last}" blocking="render">\n`
  );
}
