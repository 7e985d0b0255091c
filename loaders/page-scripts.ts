/**
 * No script pasted into a page. The built site's Content Security Policy trusts the page's inline
 * scripts by their hashes, so a `<script>` written into a page's Markdown would run for every
 * reader; the stage refuses it, with the page and line, before anything is built. Code belongs in
 * a ```js block or a component under `src/components/`, which Framework bundles; the scripts the
 * kit's directives add are not in the Markdown and are not concerned.
 */
import {readFrontMatter} from "./front-matter.ts";
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import {KitError} from "./errors.ts";

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
  const parsed = readFrontMatter(markdown, file);
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
