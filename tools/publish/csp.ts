/**
 * A Content Security Policy for every built page, as a `<meta http-equiv>` (a static host may set
 * no headers). Scripts: the site's own files and the page's inline scripts by their sha256, never
 * `unsafe-eval` or `unsafe-inline`; everything else from the site itself, images also from
 * `data:` URLs (the favicon). Styles allow inline `<style>`, which the number audit's view adds at
 * run time (src/components/audit-view.ts); the charts carry no style at all.
 *
 * The policy trusts the inline scripts of a built page, so only Framework and the kit may write
 * them: `pageScriptProblems` refuses any `<script>` written into a page's Markdown (its HTML or the
 * `head`, `header` and `footer` of its front matter), and `explainer check` runs it on every page.
 */
import {createHash} from "node:crypto";
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import matter from "gray-matter";
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import {KitError} from "../../loaders/errors.ts";

/** The policy's fixed directives; `script-src` gets the page's hashes. */
export const cspDirectives: [string, ...string[]][] = [
  ["default-src", "'self'"],
  ["script-src", "'self'"],
  ["style-src", "'self'", "'unsafe-inline'"],
  ["img-src", "'self'", "data:"],
  ["object-src", "'none'"],
  ["base-uri", "'self'"],
  ["form-action", "'self'"]
];

const executable = /^(?:module|text\/javascript|application\/javascript)?$/i;
const scriptTag = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** The text of each inline script of a page that a browser would run (not `src`, not JSON data blocks). */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const [, attributes, body] of html.matchAll(scriptTag)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? "";
    if (executable.test(type)) scripts.push(body);
  }
  return scripts;
}

/** A CSP hash source for a script's text: `'sha256-…'`. */
export function hashSource(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf-8").digest("base64")}'`;
}

/** The policy for a page: the fixed directives, with a hash for each of its inline scripts in `script-src`. */
export function contentSecurityPolicy(html: string): string {
  const hashes = [...new Set(inlineScripts(html).map(hashSource))];
  return cspDirectives
    .map(([name, ...values]) => [name, ...values, ...(name === "script-src" ? hashes : [])].join(" "))
    .join("; ");
}

/**
 * Adds the policy to a page, as the first element after `<meta charset>` so that it covers every
 * script and stylesheet after it. Call it last: a script changed afterwards would not match its hash.
 */
export function addContentSecurityPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(html)}">`;
  const charset = /<meta charset="utf-8">\n?/i;
  if (!charset.test(html)) throw new Error("addContentSecurityPolicy: the page has no <meta charset>");
  return html.replace(charset, (m) => `${m.endsWith("\n") ? m : `${m}\n`}${meta}\n`);
}

const scriptOpen = /<script\b/gi;
const comment = /<!--[\s\S]*?-->/g;
/** Framework's front matter keys whose value is put into the page as raw HTML. */
const htmlKeys = ["head", "header", "footer"] as const;

/** Offsets (in `html`) of each `<script` a browser would parse as a tag: outside HTML comments. */
function scriptTags(html: string): number[] {
  const visible = html.replace(comment, (c) => c.replace(/[^\n]/g, " "));
  return [...visible.matchAll(scriptOpen)].map((m) => m.index);
}

const lines = (text: string) => text.split("\n").length - 1;

/** The raw HTML of a page's Markdown, as markdown-it (Framework's parser, `html: true`) reads it: each piece with its first line. */
function htmlOf(tokens: Token[]): {html: string; line: number}[] {
  const pieces: {html: string; line: number}[] = [];
  for (const token of tokens) {
    if (token.type === "html_block" && token.map) pieces.push({html: token.content, line: token.map[0]});
    if (token.type === "inline" && token.map && token.children) {
      let line = token.map[0];
      for (const child of token.children) {
        if (child.type === "html_inline") pieces.push({html: child.content, line});
        if (child.type === "softbreak" || child.type === "hardbreak") line++;
        else line += lines(child.content);
      }
    }
  }
  return pieces;
}

/**
 * Every `<script>` written into a page's Markdown, as a SCRIPT_IN_PAGE problem with the page and
 * line: in its HTML (blocks and inline tags, `<svg><script>` included; not in code, nor in an HTML
 * comment) and in the `head`, `header` and `footer` of its front matter, which Framework also puts
 * into the page. The built site's CSP trusts the page's inline scripts, so a pasted script would
 * run; code belongs in a ```js block or a component (`src/components/`), which Framework bundles.
 *
 * ```ts
 * pageScriptProblems("# Title\n\n<script>track()</script>\n", "src/index.md");
 * // [src/index.md:3: SCRIPT_IN_PAGE: …]
 * ```
 */
export function pageScriptProblems(markdown: string, file: string): KitError[] {
  const problem = (line: number) =>
    new KitError(
      "SCRIPT_IN_PAGE",
      "a <script> element in a page is refused: the site's Content Security Policy would trust it; put code in a ```js block or a component under src/components/",
      {file, line}
    );
  const parsed = matter(markdown);
  const problems: KitError[] = [];
  for (const key of htmlKeys) {
    const value = parsed.data[key];
    if (typeof value !== "string" || scriptTags(value).length === 0) continue;
    const at = new RegExp(`^${key}[ \\t]*:`, "m").exec(markdown);
    problems.push(problem(at ? lines(markdown.slice(0, at.index)) + 1 : 1));
  }
  const bodyLine = lines(markdown.slice(0, markdown.length - parsed.content.length));
  const tokens = new MarkdownIt({html: true}).parse(parsed.content, {});
  for (const {html, line} of htmlOf(tokens)) {
    for (const offset of scriptTags(html)) problems.push(problem(bodyLine + line + lines(html.slice(0, offset)) + 1));
  }
  return problems;
}

/** `pageScriptProblems` for every page under `src/` (Framework's cache aside), in file order. */
export function checkPageScripts(root: string): KitError[] {
  let files: string[];
  try {
    files = readdirSync(join(root, "src"), {recursive: true, encoding: "utf-8"});
  } catch {
    return []; // no pages yet
  }
  return files
    .filter((f) => f.endsWith(".md") && !f.split("/").some((part) => part.startsWith(".")))
    .sort()
    .flatMap((page) => pageScriptProblems(readFileSync(join(root, "src", page), "utf-8"), `src/${page}`));
}
