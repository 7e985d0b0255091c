/**
 * The page plugin: figures in prose come from the ledger, resolved at build time from the story
 * stage's output (loaders/stage.ts), never by reading `data/` again.
 *
 * - `{refugees}` in prose becomes the claim's label with a numbered citation marker and its card:
 *   the page's HTML holds "more than 800,000" and "[2]" with no JavaScript. `{refugees.as_of}`
 *   (or `.measure`, `.attribution`, `.place`, `.label`) becomes that field as plain text.
 * - A line `::: name args` is a block directive (loaders/blocks.ts): `standfirst`, `byline`,
 *   `corrections`, `cards ID…`, `chart ID`, `ledger`, `sources` (added at the end when a page
 *   cites and has none), `qualifiers`, `explainers` (the home page's list), `embed`.
 *
 * Every problem of a page (an unknown claim, chart or directive, a `{…}` that nothing resolves)
 * names the page and line. Framework fails the page on them; the stage's scan collects them all
 * for `explainer check`.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {readFrontMatter} from "./front-matter.ts";
import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import {
  capitalize,
  fieldText,
  placeholderFields,
  resolveText,
  startsSentence,
  type PlaceholderField
} from "../src/components/chart-text.ts";
import {noClaim, type Claim} from "../src/components/claim.ts";
import {qualifiedAgain} from "../src/components/qualifier-words.ts";
import {slugSource} from "../src/components/slug.ts";
import {relativeRoot} from "./chart-block.ts";
import type {Block, BlockContext, PageScan, PageStory} from "./block-context.ts";
import {builtinBlocks, type ChartBlockOptions} from "./blocks.ts";
import {Citations, type Citation} from "./citations.ts";
import {KitError, throwIfAny, type ErrorCode} from "./errors.ts";
import {referenceLike} from "./explainers.ts";
import {sitePath, sitePathExists} from "./page-links.ts";
import {figureHtml, escapeHtml} from "./prose-html.ts";

export type {Block, BlockContext, PageScan, PageStory} from "./block-context.ts";

const claimRef = new RegExp(`^\\{(${slugSource})(?:\\.([a-z_]+))?\\}`);
const directiveLine = /^:::[ \t]*([a-z][a-z-]*)((?:[ \t]+\S+)*)[ \t]*$/;
const references = new RegExp(referenceLike.source, "g");
/** Inline tokens a reader does not see as text: emphasis and links go on around the words they wrap. */
const transparent = new Set([
  "em_open",
  "em_close",
  "strong_open",
  "strong_close",
  "s_open",
  "s_close",
  "link_open",
  "link_close"
]);

/** The page file of a Framework page path: `/index` → `src/index.md`, `/explainers/x` → `src/explainers/x.md`. */
export function pageFile(path: string | undefined): string {
  const p = !path ? "/index" : path.endsWith("/") ? `${path}index` : path;
  return `src${p.replace(/\.md$/, "")}.md`;
}

/**
 * A page's front matter and the line its body starts on, read from its file (Framework gives the
 * plugin the body only); empty for a page with no file (a parameterized page's instance).
 */
function readPageHead(root: string, file: string): {data: Record<string, unknown>; bodyLine: number} {
  try {
    const text = readFileSync(join(root, file), "utf-8");
    const parsed = readFrontMatter(text, file);
    return {data: parsed.data, bodyLine: text.slice(0, text.length - parsed.content.length).split("\n").length};
  } catch {
    return {data: {}, bodyLine: 1};
  }
}

/** Options of the page plugin. */
export interface ProseOptions {
  /** The project root (where data/ is). */
  root: string;
  /** The story the pages cite: the stage's last good output (loaders/stage-read.ts) in Framework. */
  story: () => PageStory;
  /** What `::: chart` adds under each chart (the embed code and its script). */
  chart?: ChartBlockOptions;
  /** Directives beyond the built-in ones. */
  blocks?: Record<string, Block>;
  /** Leave draft explainers out of `::: explainers` (true in `npm run build`, where drafts are not built). */
  omitDrafts?: boolean;
  /**
   * Under `npm run dev`: a file (relative to `src/`) that each page showing the story links with an
   * inert `<link rel="x-explainer-story">`, so preview watches it for that page, and announcing it
   * (tools/commands/dev.ts) re-renders every such page, including one with no chart or download.
   */
  storyLink?: string;
}

/** A link's address in a page's HTML: `<a href="…">`. */
const anchorHref = /<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/** A media element's `src` in a page's HTML: `<img src="…">`, and video, audio, source. */
const mediaSrc = /<(img|video|audio|source)\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/**
 * The problem of an image (or other media file) that a page shows, or null. From the site, the file
 * must be under `src/` (or made there by a data loader): Framework's build would stop at a missing one
 * with "Not found" and no page or line. From another host (`https:`, `//host`), it would never load:
 * the site requests nothing from other hosts, and its policy refuses them. `data:` and `#` are fine.
 */
function mediaProblem(root: string, page: string, src: string): {code: ErrorCode; detail: string} | null {
  const path = sitePath(page, src);
  if (path === null) {
    if (/^(?:data:|#|$)/i.test(src)) return null;
    const detail = `"${src}" is on another host, and the site loads nothing from other hosts: save the file under src/ and show it from there`;
    return {code: "REMOTE_FILE", detail};
  }
  if (sitePathExists(root, path)) return null;
  return {code: "MISSING_FILE", detail: `"${src}" is not in the project: there is no src${path}`};
}

/** The line of the first occurrence of `needle` at or after token line `line`, in the token's content. */
function lineOf(content: string, needle: string, line: number): number {
  const at = content.indexOf(needle);
  return at > 0 ? line + content.slice(0, at).split("\n").length - 1 : line;
}

/**
 * The markdown-it plugin. Use it through Framework's `markdownIt` option:
 *
 * ```ts
 * markdownIt: (md) => md.use(explainerProse, {root: process.cwd(), story: () => readStageSync(process.cwd())})
 * ```
 *
 * Pass `env.scan = true` to `md.parse` to collect the page's problems in `env.explainer` instead of
 * throwing them (the stage's check of every page).
 */
export function explainerProse(md: MarkdownIt, options: ProseOptions): void {
  const blocks = {...builtinBlocks(options.chart), ...options.blocks};

  md.inline.ruler.before("emphasis", "claim_ref", (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x7b) return false;
    const m = claimRef.exec(state.src.slice(state.pos));
    if (!m) return false;
    if (!silent) state.push("claim_ref", "", 0).meta = {id: m[1], field: m[2]};
    state.pos += m[0].length;
    return true;
  });

  md.block.ruler.before(
    "paragraph",
    "directive",
    (state, startLine, _endLine, silent) => {
      if (state.sCount[startLine] - state.blkIndent >= 4) return false;
      const line = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
      if (!line.startsWith(":::")) return false;
      if (silent) return true;
      // Any line that starts with ::: is one, even under a paragraph's last line: a malformed one is a
      // problem (its name null), never text that reaches the page.
      const m = directiveLine.exec(line);
      const token = state.push("directive", "", 0);
      token.map = [startLine, startLine + 1];
      token.block = true;
      token.meta = m ? {name: m[1], args: m[2].trim().split(/\s+/).filter(Boolean)} : {name: null, args: [], line};
      state.line = startLine + 1;
      return true;
    },
    {alt: ["paragraph", "reference", "blockquote", "list"]}
  );

  // Before text_join, so that escaped braces (`\{`) are still apart from text and not taken for references.
  md.core.ruler.before("text_join", "explainer_citations", (state: StateCore) => {
    const file = pageFile(state.env?.path);
    const story = options.story();
    const head = state.env?.frontMatter
      ? {data: state.env.frontMatter as Record<string, unknown>, bodyLine: Number(state.env.bodyLine ?? 1)}
      : readPageHead(options.root, file);
    const data = head.data;
    const offset = head.bodyLine - 1;
    const scan: PageScan = {file, data, citations: new Citations(), charts: [], unmarked: [], links: [], problems: []};
    const page = {root: options.root, story, claims: story.claimsById, data, scan, omitDrafts: options.omitDrafts};
    const contexts = new Map<Token, BlockContext>();
    const fail = (code: ErrorCode, detail: string, line: number) =>
      scan.problems.push(new KitError(code, detail, {file, line}));
    // HTML written into the page: its links, for the stage's check, and its media files.
    const checkHtml = (html: string, line: number) => {
      const text = html.replace(/<!--[\s\S]*?-->/g, "");
      for (const m of text.matchAll(anchorHref)) scan.links.push({href: m[1] ?? m[2], line: lineOf(html, m[0], line)});
      for (const m of text.matchAll(mediaSrc)) {
        const problem = mediaProblem(options.root, file, m[2] ?? m[3]);
        if (problem) fail(problem.code, `the <${m[1].toLowerCase()}> ${problem.detail}`, lineOf(html, m[0], line));
      }
    };
    let hasSources = false;
    let citesStory = false;
    let inHeading = false;
    let inCell = false;
    // A table cell's text has no line of its own: it is on its row's line.
    let mapped = 0;
    for (const token of state.tokens) {
      if (token.type === "heading_open" || token.type === "heading_close") inHeading = token.type === "heading_open";
      if (/^t[dh]_(?:open|close)$/.test(token.type)) inCell = token.type.endsWith("_open");
      mapped = token.map?.[0] ?? mapped;
      const line = offset + mapped + 1;
      if (token.type === "directive") {
        const {name, args} = token.meta as {name: string | null; args: string[]; line?: string};
        if (name === null) {
          const known = Object.keys(blocks).join(", ");
          fail(
            "UNKNOWN_DIRECTIVE",
            `"${token.meta.line}" is not a directive: write "::: name args" (known: ${known})`,
            line
          );
          continue;
        }
        const context: BlockContext = {...page, args, place: {file, line}, cited: []};
        const block = blocks[name];
        if (!block) {
          fail("UNKNOWN_DIRECTIVE", `no directive "::: ${name}" (known: ${Object.keys(blocks).join(", ")})`, line);
          continue;
        }
        try {
          block.check?.(context);
          contexts.set(token, context);
          hasSources ||= name === "sources";
        } catch (error) {
          if (!(error instanceof KitError)) throw error;
          scan.problems.push(error);
        }
      } else if (token.type === "html_block" || token.type === "html_inline") {
        checkHtml(token.content, line);
        for (const [ref] of token.content.replace(/<!--[\s\S]*?-->/g, "").matchAll(references)) {
          fail(
            "UNRESOLVED_REFERENCE",
            `${ref} inside HTML is not resolved; write the sentence in Markdown, or put the standfirst in the front matter and use ::: standfirst`,
            lineOf(token.content, ref, line)
          );
        }
      } else if (token.type === "inline" && token.children) {
        let from = 0;
        // A marker is a link: inside a link it goes after the link's end, once the link is closed.
        let links = 0;
        let afterLink: {id: string; citation: Citation}[] = [];
        let before = "";
        for (const child of token.children) {
          // The text a reader sees just before this token: emphasis, links and line breaks do not end it.
          const textBefore = before;
          if (child.type === "text" || child.type === "code_inline") before += child.content;
          else if (child.type === "softbreak" || child.type === "hardbreak") before += " ";
          else if (!transparent.has(child.type)) before = "";
          if (child.type === "link_open") {
            links++;
            const href = child.attrGet("href") ?? "";
            scan.links.push({href, line: lineOf(token.content, href, line)});
          }
          if (child.type === "link_close" && --links === 0 && afterLink.length > 0) {
            child.meta = {...child.meta, markers: afterLink};
            afterLink = [];
          }
          if (child.type === "image") {
            const src = child.attrGet("src") ?? "";
            const problem = mediaProblem(options.root, file, src);
            if (problem) fail(problem.code, `the image ${problem.detail}`, lineOf(token.content, src, line));
            // Its description is text (alt): a figure there is its words alone, as in a heading.
            let altBefore = "";
            for (const [i, part] of (child.children ?? []).entries()) {
              if (part.type === "text") altBefore += part.content;
              if (part.type !== "claim_ref") continue;
              const {id, field} = part.meta as {id: string; field?: string};
              const written = field ? `{${id}.${field}}` : `{${id}}`;
              const where = lineOf(token.content, written, line);
              citesStory = true;
              if (!story.claimsById.has(id)) fail("UNKNOWN_CLAIM", noClaim(id, story.claimsById.keys()), where);
              else if (field !== undefined && !(placeholderFields as readonly string[]).includes(field))
                fail("INVALID_PLACEHOLDER", `${written}: the field is one of ${placeholderFields.join(", ")}`, where);
              else if ((field ?? "label") === "label")
                scan.unmarked.push({written, id, line: where, why: "is in an image's description"});
              const text = new state.Token("text", "", 0);
              text.content = resolveText(written, story.claimsById, altBefore);
              altBefore += text.content;
              child.children![i] = text;
            }
          }
          if (child.type === "html_inline") {
            checkHtml(child.content, lineOf(token.content, child.content, line));
            for (const [ref] of child.content.matchAll(references)) {
              fail("UNRESOLVED_REFERENCE", `${ref} inside HTML is not resolved`, lineOf(token.content, ref, line));
            }
          }
          if (child.type === "text") {
            for (const [ref] of child.content.matchAll(references)) {
              fail(
                "UNRESOLVED_REFERENCE",
                `${ref} is not a claim reference (a claim id is a lower-case slug, optionally with .${placeholderFields.join(", .")}); to show braces, write \\${ref}`,
                lineOf(token.content, ref, line)
              );
            }
          }
          if (child.type !== "claim_ref") continue;
          citesStory = true;
          const {id, field} = child.meta as {id: string; field?: string};
          const written = field ? `{${id}.${field}}` : `{${id}}`;
          const at = token.content.indexOf(written, from);
          from = at + written.length;
          const where = at > 0 ? line + token.content.slice(0, at).split("\n").length - 1 : line;
          const claim = story.claimsById.get(id);
          const again = claim && (field ?? "label") === "label" ? qualifiedAgain(textBefore, written, claim) : null;
          if (again) fail("QUALIFIER_BEFORE_FIGURE", again, where);
          if (!claim) {
            fail("UNKNOWN_CLAIM", noClaim(id, story.claimsById.keys()), where);
            child.meta = {id, unknown: true};
          } else if (field !== undefined && !(placeholderFields as readonly string[]).includes(field)) {
            fail("INVALID_PLACEHOLDER", `{${id}.${field}}: the field is one of ${placeholderFields.join(", ")}`, where);
            child.meta = {id, unknown: true};
          } else {
            // A table cell is no sentence: a figure at its start keeps its case.
            const capital = !inCell && startsSentence(textBefore);
            if (field !== undefined) {
              if (field === "label") scan.unmarked.push({written, id, line: where, why: "is the figure as plain text"});
              const text = fieldText(claim, field as PlaceholderField);
              child.meta = {id, text: capital ? capitalize(text) : text};
            } else if (inHeading) {
              // Framework makes a heading's content a link to the heading, and a link holds no other link.
              scan.unmarked.push({written, id, line: where, why: "is in a heading, which links to itself"});
              child.meta = {id, label: true, capital};
            } else if (links > 0) {
              afterLink.push({id, citation: scan.citations.cite(id, where)});
              child.meta = {id, label: true, capital};
            } else {
              child.meta = {id, citation: scan.citations.cite(id, where), capital};
            }
          }
        }
      }
    }
    const cited = new Set(scan.citations.entries().map((e) => e.claim));
    for (const {written, id, line, why} of scan.unmarked) {
      if (!cited.has(id))
        fail(
          "FIGURE_NOT_CITED",
          `${written} ${why}, with no citation, and the page cites {${id}} nowhere else: cite it in the text`,
          line
        );
    }
    if (!hasSources && scan.citations.entries().length > 0) {
      const token = new state.Token("directive", "", 0);
      token.block = true;
      token.meta = {name: "sources", args: []};
      state.tokens.push(token);
      contexts.set(token, {...page, args: [], place: {file, line: 0}, cited: []});
    }
    if (options.storyLink && (citesStory || contexts.size > 0)) {
      const token = new state.Token("html_block", "", 0);
      token.content = `<link rel="x-explainer-story" href="${relativeRoot(file)}${escapeHtml(options.storyLink)}">\n`;
      state.tokens.push(token);
    }
    state.env.explainer = {contexts, page, scan};
    if (!state.env.scan) throwIfAny(scan.problems);
  });

  md.renderer.rules.claim_ref = (tokens, idx, _options, env) => {
    const meta = tokens[idx].meta as {id: string; text?: string; citation?: Citation; label?: true; capital?: boolean};
    if (meta.text !== undefined) return escapeHtml(meta.text);
    const claim: Claim | undefined = env.explainer.page.claims.get(meta.id);
    if (claim && meta.label) return figureHtml(claim, null, {capital: meta.capital});
    return claim && meta.citation
      ? figureHtml(claim, meta.citation, {capital: meta.capital})
      : escapeHtml(`{${meta.id}}`);
  };
  const linkClose =
    md.renderer.rules.link_close ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_close = (tokens, idx, options, env, self) => {
    const markers = (tokens[idx].meta?.markers ?? []) as {id: string; citation: Citation}[];
    const claims: Map<string, Claim> = env.explainer.page.claims;
    return (
      linkClose(tokens, idx, options, env, self) +
      markers.map(({id, citation}) => figureHtml(claims.get(id)!, citation, {label: false})).join("")
    );
  };
  md.renderer.rules.directive = (tokens, idx, _options, env) => {
    const context: BlockContext | undefined = env.explainer.contexts.get(tokens[idx]);
    return context ? blocks[tokens[idx].meta.name].render(context) : "";
  };
}

/**
 * Checks one page's Markdown with the plugin, as Framework will render it: what it cites, which
 * charts it places, and every problem, with the page's lines.
 */
export function scanPage(
  md: MarkdownIt,
  path: string,
  frontMatter: Record<string, unknown>,
  bodyLine: number,
  body: string
): PageScan {
  const env: Record<string, unknown> = {path, scan: true, frontMatter, bodyLine};
  md.parse(body, env);
  return (env.explainer as {scan: PageScan}).scan;
}
