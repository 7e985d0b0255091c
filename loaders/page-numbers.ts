/**
 * No uncited number: a page's prose may hold a number only through the ledger (`{claim-id}`). Any
 * other digit sequence or number word is a problem, outside code, directives and the page's
 * explicit allow-list (front matter `allow:`, a list of exact phrases such as "dozens of miles").
 */
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import matter from "gray-matter";
import {KitError} from "./errors.ts";
import {findNumbers} from "./numbers.ts";

/** Blanks out a match, keeping its newlines so offsets and lines stay where they were. */
const blank = (s: string) => s.replace(/[^\n]/g, " ");

/** Parts of a page that are not prose: code, expressions, comments, claim references, directives, markup. */
const notProse = [
  /^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm,
  /`[^`\n]+`/g,
  /\$\{[^}]*\}/g,
  /<!--[\s\S]*?-->/g,
  /\{[a-z0-9]+(?:-[a-z0-9]+)*\}/g,
  /^:::[^\n]*$/gm,
  /<[^>\n]+>/g,
  /\]\([^)\n]*\)/g
];

/** The prose of a page's markdown, same length, everything else blanked. */
export function proseOf(markdown: string): string {
  return notProse.reduce((text, pattern) => text.replace(pattern, blank), markdown);
}

/**
 * Every number in a page's prose that does not come from the ledger, as problems naming the page
 * and line: `src/index.md:14: UNCITED_NUMBER: "hundreds" is not from the ledger; …`.
 */
export function uncitedNumbers(text: string, file: string): KitError[] {
  const parsed = matter(text);
  const allow = Array.isArray(parsed.data.allow) ? parsed.data.allow.map(String) : [];
  const bodyStart = text.length - parsed.content.length;
  const prose = blank(text.slice(0, bodyStart)) + proseOf(parsed.content);
  const allowed = (start: number, end: number) =>
    allow.some((phrase: string) => {
      for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
        if (i <= start && end <= i + phrase.length) return true;
      }
      return false;
    });
  const lineAt = (offset: number) => text.slice(0, offset).split("\n").length;
  return findNumbers(prose)
    .filter((n) => !allowed(n.start, n.end))
    .map(
      (n) =>
        new KitError(
          "UNCITED_NUMBER",
          `${JSON.stringify(n.text)} is not from the ledger; cite a claim as {claim-id}, or add the phrase to the page's "allow:" list`,
          {file, line: lineAt(n.start)}
        )
    );
}

/** Checks every page under `src/` (Framework's cache aside). */
export function checkPages(root: string): KitError[] {
  let files: string[];
  try {
    files = readdirSync(join(root, "src"), {recursive: true, encoding: "utf-8"});
  } catch {
    return []; // no pages yet
  }
  const pages = files.filter((f) => f.endsWith(".md") && !f.startsWith(".observablehq")).sort();
  return pages.flatMap((page) => uncitedNumbers(readFileSync(join(root, "src", page), "utf-8"), `src/${page}`));
}
