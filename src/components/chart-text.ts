/**
 * The words of a chart: `{claim-id}` placeholders, the source line, dates, and the
 * text measuring and wrapping that lets Node lay out labels without a browser. Browser-safe.
 */
import {attributionOf, noClaim, type Claim} from "./claim.js";
import type {SpecProblemCode} from "./charts/problems.ts";
import {qualifiedAgain} from "./qualifier-words.js";

/** `{refugees}` or `{refugees.as_of}`: a claim id, then optionally one of these fields. */
const placeholder = /\{([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.([a-z_]+))?\}/g;

/** The claim fields a placeholder may name; `label` is the default. */
export const placeholderFields = ["label", "measure", "attribution", "as_of", "place"] as const;
export type PlaceholderField = (typeof placeholderFields)[number];

const months = "January February March April May June July August September October November December".split(" ");

/** `2022-03-02` → `2 March 2022` (UTC, no locale data needed, so Node and browsers agree). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}` : iso;
}

/** A number in the unit key: `1,000`. Only presentation parameters go through here, never a claim's figure. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat("en-US", {maximumFractionDigits: 2}).format(n);
}

/** `civilians killed` → `Civilians killed`. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** What `{claim-id.field}` shows: the field of the claim, dates spelled out. */
export function fieldText(claim: Claim, field: PlaceholderField): string {
  if (field === "as_of") return formatDate(claim.as_of);
  if (field === "attribution") return claim.attribution || "an unnamed source";
  return claim[field];
}

/** Problems with the placeholders of one text: an unknown claim or field, a figure typed instead of named. */
export function placeholderProblems(
  text: string,
  claims: ReadonlyMap<string, Claim>
): {
  code: Extract<
    SpecProblemCode,
    "UNKNOWN_CLAIM" | "INVALID_PLACEHOLDER" | "NUMBER_IN_TEXT" | "QUALIFIER_BEFORE_FIGURE"
  >;
  detail: string;
}[] {
  const problems: ReturnType<typeof placeholderProblems> = [];
  for (const {0: written, 1: id, 2: field, index} of text.matchAll(placeholder)) {
    const claim = claims.get(id);
    const again = claim && (field ?? "label") === "label" ? qualifiedAgain(text.slice(0, index), written, claim) : null;
    if (again) problems.push({code: "QUALIFIER_BEFORE_FIGURE", detail: again});
    if (!claim) problems.push({code: "UNKNOWN_CLAIM", detail: `{${id}}: ${noClaim(id, claims.keys())}`});
    else if (field !== undefined && !placeholderFields.includes(field as PlaceholderField)) {
      problems.push({
        code: "INVALID_PLACEHOLDER",
        detail: `{${id}.${field}}: the field is one of ${placeholderFields.join(", ")}`
      });
    }
  }
  const rest = text.replace(placeholder, "");
  const typed = /\d[\d,.]*/.exec(rest);
  if (typed) {
    problems.push({
      code: "NUMBER_IN_TEXT",
      detail: `"${typed[0]}" is typed into the text; name the figure as {claim-id} so it comes from the ledger`
    });
  } else if (/[{}]/.test(rest)) {
    problems.push({code: "INVALID_PLACEHOLDER", detail: "a brace that is not a {claim-id} placeholder"});
  }
  return problems;
}

/**
 * Whether words written after `before` start a sentence: nothing but spaces before them, or the end
 * of a sentence (`.`, `!` or `?`, then any closing quote or bracket).
 */
export function startsSentence(before: string): boolean {
  return /(?:^|[.!?]["'”’)\]]*)\s*$/u.test(before);
}

/**
 * Replaces `{claim-id}` with the claim's label and `{claim-id.field}` with that field (dates spelled
 * out); a value that starts a sentence starts with a capital ("{share}: about 12%" → "About 12%").
 * `before` is the text a reader sees just before `text`, when `text` is part of a sentence.
 */
export function resolveText(text: string, claims: ReadonlyMap<string, Claim>, before = ""): string {
  return text.replace(placeholder, (match, id: string, field: string | undefined, at: number) => {
    const claim = claims.get(id);
    if (!claim) return match;
    const value = fieldText(claim, (field ?? "label") as PlaceholderField);
    return startsSentence(before + text.slice(0, at)) ? capitalize(value) : value;
  });
}

/** The ids of the claims a text names. */
export function claimsNamed(text: string): string[] {
  return [...text.matchAll(placeholder)].map((m) => m[1]);
}

/**
 * Text ready to set inside quotation marks (“…” or an HTML `<q>`), so that they are never doubled:
 * quote marks enclosing the whole text are dropped, a quotation inside it takes single marks (a
 * quote within a quote), and an opening mark never closed is dropped.
 *
 * ```ts
 * unquoted("“We are here”") // "We are here"
 * unquoted("“We are leaving,” she said.") // "‘We are leaving,’ she said."
 * ```
 */
export function unquoted(text: string): string {
  let t = text.trim();
  const enclosing = /^["“]([^"“”]*)["”]$/.exec(t);
  if (enclosing) return enclosing[1];
  t = t.replace(/["“]([^"“”]*)["”]/g, "‘$1’");
  return t.replace(/^["“](?![^]*["”])/, "");
}

/** A title cut at a word to at most `max` characters, with "…". */
function clipped(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > max / 2 ? space : cut.length).replace(/[\s,;:.–—-]+$/, "")}…`;
}

/** How a claim's archived source is cited: `“Title” (Byline, 2 March 2022)`, the publisher first when known. */
export function cite(claim: Claim, maxTitle = Infinity): string {
  const title = claim.source_title ? `“${clipped(unquoted(claim.source_title), maxTitle)}”` : claim.source;
  const who = [claim.byline, formatDate(claim.published)].filter(Boolean).join(", ");
  return `${claim.publisher ? `${claim.publisher}, ` : ""}${title}${who ? ` (${who})` : ""}`;
}

/** `2–9 March 2022`, `28 February – 3 March 2022`, `2 March 2022` from ISO dates. */
export function dateSpan(dates: readonly string[]): string {
  const sorted = [...new Set(dates)].sort();
  const [first, last] = [sorted[0], sorted.at(-1)!];
  if (first === last) return formatDate(first);
  const [a, b] = [formatDate(first).split(" "), formatDate(last).split(" ")];
  if (a[2] !== b[2]) return `${formatDate(first)} – ${formatDate(last)}`;
  if (a[1] !== b[1]) return `${a[0]} ${a[1]} – ${b.join(" ")}`;
  return `${a[0]}–${b.join(" ")}`;
}

/** The longest title a source line cites, in characters, so that a source fits one line at 720 px. */
export const sourceTitleLength = 60;

/**
 * The entries of a source line, one per source (who gave the figures), grouped: "UNHCR (4
 * statements, 2–9 March 2022)"; figures no one is named for: "not attributed in the source: about
 * 15,000 (2 March 2022)"; last, the archived reports they come through ("via “…” (Will Taylor, 2
 * March 2022)", or how many there are). The full list is the page's Sources.
 */
export function sourceEntries(claims: readonly Claim[]): string[] {
  const byWho = new Map<string, Claim[]>();
  for (const c of claims) byWho.set(c.attribution, [...(byWho.get(c.attribution) ?? []), c]);
  const entries: string[] = [];
  for (const [who, group] of byWho) {
    const dates = group.map((c) => c.as_of);
    const when = group.length > 1 ? `${group.length} statements, ${dateSpan(dates)}` : dateSpan(dates);
    if (who) entries.push(`${who} (${when})`);
    else
      entries.push(
        `not attributed in the source: ${listOf([...new Set(group.map((c) => c.label))])} (${dateSpan(dates)})`
      );
  }
  const reports = [...new Map(claims.map((c) => [c.source, c])).values()];
  if (reports.length === 1) entries.push(`via ${cite(reports[0], sourceTitleLength)}`);
  else if (reports.length > 1) entries.push(`via ${reports.length} archived reports, listed under Sources`);
  return entries;
}

/** The source line: "Sources: UNHCR (4 statements, 2–9 March 2022); VOA (3 March 2022); via …". */
export function sourceLine(claims: readonly Claim[]): string {
  const entries = sourceEntries(claims);
  if (entries.length === 0) return "";
  const who = new Set(claims.map((c) => c.attribution)).size;
  return `${who > 1 ? "Sources" : "Source"}: ${entries.join("; ")}`;
}

/**
 * Lines of a "Label: a; b; c" text at a width, breaking between entries (after "; ") so that each
 * line starts with an entry; an entry wider than the width wraps on its own.
 */
export function wrapEntries(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const entry of text.split(/(?<=;) /)) {
    const next = line ? `${line} ${entry}` : entry;
    if (textWidth(next, fontSize) <= maxWidth) line = next;
    else {
      if (line) lines.push(line);
      const parts = wrapText(entry, maxWidth, fontSize);
      lines.push(...parts.slice(0, -1));
      line = parts.at(-1)!;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** `a`, `a and b`, `a, b and c`. */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** One figure as an alt text sentence: "Refugees: more than 800,000 (the UN, as of 2 March 2022)." */
export function figureSentence(claim: Claim): string {
  return `${capitalize(claim.measure)}: ${claim.label} (${attributionOf(claim)}, as of ${formatDate(claim.as_of)}).`;
}

// Advance widths in hundredths of an em of DejaVu Sans, the widest common sans-serif (measured in
// Chromium), so that labels laid out in Node never come out wider in a reader's browser.
const measured =
  " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~’‘“”≈→←–—…·×é";
const normalWidths = [
  32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84,
  84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61,
  69, 39, 34, 39, 84, 50, 50, 61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59,
  82, 59, 59, 52, 64, 34, 64, 84, 32, 32, 52, 52, 84, 84, 84, 50, 100, 100, 32, 84, 62
];
const boldWidths = [
  35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40, 84,
  84, 84, 58, 100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 77, 64, 100, 84, 85, 73, 85, 77, 72, 68, 81, 77, 110, 77, 72,
  73, 46, 37, 46, 84, 50, 50, 67, 72, 59, 72, 68, 44, 72, 71, 34, 34, 67, 34, 104, 71, 69, 72, 72, 49, 60, 48, 71, 65,
  92, 65, 65, 58, 71, 37, 71, 84, 38, 38, 66, 66, 84, 84, 84, 50, 100, 100, 38, 84, 68
];
const widthOf = (table: number[]) => new Map([...measured].map((ch, i) => [ch, table[i]]));
const normal = widthOf(normalWidths);
const bold = widthOf(boldWidths);

/** The width of a line of text in px, as DejaVu Sans sets it (an upper bound for common system fonts). */
export function textWidth(text: string, fontSize: number, isBold = false): number {
  const table = isBold ? bold : normal;
  let w = 0;
  for (const ch of text) w += table.get(ch) ?? (isBold ? 72 : 64);
  return (w * fontSize) / 100;
}

/** Breaks text into lines no wider than `maxWidth` px, at spaces; a single long word gets its own line. */
export function wrapText(text: string, maxWidth: number, fontSize: number, isBold = false): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && textWidth(next, fontSize, isBold) > maxWidth) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}
