/**
 * No uncited number: a page's prose may hold a figure only through the ledger (`{claim-id}`). A
 * count, percentage, sum of money, duration or distance typed into prose is a problem, outside
 * code, directives and the page's explicit allow-list (front matter `allow:`, a list of exact
 * phrases); dates, years, ordinals, vague words and a headline repeating a cited figure are not.
 */
import {readFrontMatter} from "./front-matter.ts";
import {KitError} from "./errors.ts";
import type {Claim} from "../src/components/claim.ts";
import {findNumbers, type FoundNumber} from "./numbers.ts";
import {lineAt} from "./text.ts";

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

/** Front matter fields that readers see as the page's headline and standfirst. */
const leadFields = ["title", "standfirst", "description", "subtitle"];

/** Kinds a page may not type into its prose: figures that need a source. Dates, years, ordinals and vague words do not. */
const figureKinds = new Set(["count", "percent", "money", "duration", "distance"]);

/** Nouns of an explainer's own structure: "three things", "two reasons", "four charts" count the page, not the world. */
const discourseNouns = new Set(
  `things thing ways reasons questions answers lessons points steps options parts sections chapters charts chart maps
  graphics examples sides takeaways facts ideas issues factors stages words scenarios possibilities times lines
  paragraphs pages figures tables measures claims sources`.split(/\s+/)
);
const smallNumberWords = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|a dozen|both)$/i;

/** A figure a page may not type: not a date, year, ordinal or vague word, nor the page's own structure ("three things"). */
function isFigure(n: FoundNumber): boolean {
  return figureKinds.has(n.kind) && !(smallNumberWords.test(n.text) && discourseNouns.has(n.unit.toLowerCase()));
}

/** The spans of a page's headline (its first `# ` heading) and standfirst (an element of class "standfirst"). */
function leadSpans(text: string, bodyStart: number): {start: number; end: number}[] {
  const spans: {start: number; end: number}[] = [];
  const body = text.slice(bodyStart);
  const h1 = /^# [^\n]*$/m.exec(body);
  if (h1) spans.push({start: bodyStart + h1.index, end: bodyStart + h1.index + h1[0].length});
  const standfirst = /<(\w+)[^>]*\bclass="[^"]*\bstandfirst\b[^"]*"[^>]*>[\s\S]*?<\/\1>/.exec(body);
  if (standfirst)
    spans.push({start: bodyStart + standfirst.index, end: bodyStart + standfirst.index + standfirst[0].length});
  return spans;
}

/** Ids of claims a page names: `{id}`, `{id.field}`, and the arguments of its `:::` directives. */
function claimsNamed(text: string, claims: readonly Claim[]): Claim[] {
  const ids = new Set<string>();
  for (const m of text.matchAll(/\{([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.[a-z_]+)?\}/g)) ids.add(m[1]);
  for (const m of text.matchAll(/^:::[^\n]*$/gm)) for (const w of m[0].split(/\s+/)) ids.add(w);
  return claims.filter((c) => ids.has(c.id));
}

/** True when a number repeats a claim's figure: same value (and upper end), same unit, and no stronger qualifier. */
function repeats(n: FoundNumber, claim: Claim): boolean {
  if (n.value !== claim.value) return false;
  if (n.qualifier === "range" ? n.upper !== claim.upper : claim.qualifier === "range") return false;
  const unit = n.kind === "percent" ? "percent" : n.kind === "money" ? n.unit : null;
  if ((unit ?? null) !== (claim.unit ?? null)) return false;
  return n.qualifier === "exact" || n.qualifier === claim.qualifier;
}

/**
 * Every figure in a page's prose that does not come from the ledger, as problems naming the page
 * and line: `src/index.md:14: UNCITED_NUMBER: "300 people" is not from the ledger; …`. Read as an
 * editor would: dates, years, ordinals and vague words ("several", "dozens", "three things") are
 * not figures; a headline or standfirst that repeats a figure the page cites (`claims`, the
 * ledger) is not an uncited number. A count, percentage, sum of money, duration or distance typed
 * into prose is.
 */
export function uncitedNumbers(text: string, file: string, claims: readonly Claim[] = []): KitError[] {
  const parsed = readFrontMatter(text, file);
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
  const lead = leadSpans(text, bodyStart);
  const named = claimsNamed(
    parsed.content + "\n" + leadFields.map((k) => String(parsed.data[k] ?? "")).join("\n"),
    claims
  );
  const inLead = (n: FoundNumber) => lead.some((s) => s.start <= n.start && n.end <= s.end);
  const problem = (n: FoundNumber, line: number) =>
    new KitError(
      "UNCITED_NUMBER",
      `${JSON.stringify(n.text)} is not from the ledger; cite a claim as {claim-id}, or add the phrase to the page's "allow:" list`,
      {file, line}
    );
  // The front matter's headline and standfirst are read by readers too: a figure there must repeat one the page cites.
  const frontMatter = leadFields.flatMap((key) => {
    const value = parsed.data[key];
    if (typeof value !== "string") return [];
    const line = lineAt(text, Math.max(0, text.search(new RegExp(`^${key}:`, "m"))));
    return findNumbers(value.replace(/\{[^}]*\}/g, (m) => " ".repeat(m.length)))
      .filter((n) => isFigure(n) && !named.some((c) => repeats(n, c)) && !allow.some((a: string) => a.includes(n.text)))
      .map((n) => problem(n, line));
  });
  return frontMatter.concat(
    findNumbers(prose)
      .filter(isFigure)
      .filter((n) => !(inLead(n) && named.some((c) => repeats(n, c))))
      .filter((n) => !allowed(n.start, n.end))
      .map((n) => problem(n, lineAt(text, n.start)))
  );
}
