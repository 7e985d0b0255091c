/**
 * A Content Security Policy for every built page, as a `<meta http-equiv>` (a static host may set
 * no headers). Scripts: the site's own files and the page's inline scripts by their sha256, never
 * `unsafe-eval` or `unsafe-inline`; everything else from the site itself, images also from
 * `data:` URLs (the favicon). Styles allow inline `<style>`: a static page's stylesheet is inlined
 * (static.ts), and the number audit's view adds one at run time (src/components/audit-view.ts); the
 * charts carry no style at all.
 *
 * The policy trusts the inline scripts of a built page, so only Framework and the kit may write
 * them: `pageScriptProblems` refuses any `<script>` written into a page's Markdown (its HTML or the
 * `head`, `header` and `footer` of its front matter), and `explainer check` runs it on every page.
 */
import {createHash} from "node:crypto";

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
