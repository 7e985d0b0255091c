/**
 * The page plugin: figures in prose come from the ledger, resolved at build time.
 *
 * - `{refugees}` in prose becomes the claim's label with a numbered citation marker and its card:
 *   the page's HTML holds "more than 800,000" and "[2]" with no JavaScript.
 * - A line `::: name args` is a block directive: `cards ID…` (figure cards), `sources` (the Sources
 *   list; added at the end when a page cites and has none), `corrections` (the log, when not empty),
 *   `qualifiers` (the methodology's table), `byline`, and any block registered by another module
 *   (charts).
 *
 * A claim id or directive that does not exist fails the build with the page and line.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import matter from "gray-matter";
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import type {Claim} from "../src/components/claim.ts";
import {Citations, type Citation} from "./citations.ts";
import {loadStorySync, type Story} from "./claims.ts";
import {readCorrections} from "./corrections.ts";
import {KitError} from "./errors.ts";
import {qualifierWords} from "./figure.ts";
import {formatDate} from "../src/components/chart-text.ts";
import {cardsHtml, correctionsHtml, escapeHtml, figureHtml, sourcesHtml} from "./prose-html.ts";

/** What a directive's renderer gets: the page's story and citations, and the directive's arguments. */
export interface BlockContext {
  root: string;
  story: Story;
  claims: Map<string, Claim>;
  citations: Citations;
  /** The page's front matter. */
  data: Record<string, unknown>;
  args: string[];
  /** Where the directive is, for messages: `src/index.md:12`. */
  place: {file: string; line: number};
  /** Citations made for this directive during parsing (for directives that cite). */
  cited: Citation[];
}

/** A block directive: `check` runs while parsing (to validate and cite), `render` makes its HTML. */
export interface Block {
  check?(context: BlockContext): void;
  render(context: BlockContext): string;
}

const claimRef = /^\{([a-z0-9]+(?:-[a-z0-9]+)*)\}/;
const directiveLine = /^:::\s+([a-z][a-z-]*)((?:[ \t]+\S+)*)[ \t]*$/;

/** The page file of a Framework page path: `/index` → `src/index.md`. */
export function pageFile(path: string | undefined): string {
  const p = !path ? "/index" : path.endsWith("/") ? `${path}index` : path;
  return `src${p.replace(/\.md$/, "")}.md`;
}

/** Front matter of a page and how many lines it takes, so token lines map to file lines. */
function readPage(root: string, file: string): {data: Record<string, unknown>; offset: number} {
  try {
    const text = readFileSync(join(root, file), "utf-8");
    const parsed = matter(text);
    const offset = parsed.matter ? text.slice(0, text.length - parsed.content.length).split("\n").length - 1 : 0;
    return {data: parsed.data, offset};
  } catch {
    return {data: {}, offset: 0};
  }
}

/** The built-in directives. */
export const builtinBlocks: Record<string, Block> = {
  cards: {
    check(context) {
      if (context.args.length === 0) throw problem(context, "DIRECTIVE_ARGS", "cards needs one or more claim ids");
      for (const id of context.args) context.cited.push(cite(context, id));
    },
    render: ({cited, claims}) => cardsHtml(cited.map((citation) => ({claim: claims.get(citation.claim)!, citation})))
  },
  sources: {
    render: ({citations, claims, story}) => sourcesHtml(citations, claims, new Map(story.sources.map((s) => [s.id, s])))
  },
  corrections: {render: ({root}) => correctionsHtml(readCorrections(root))},
  byline: {
    render({data, story}) {
      const latest = story.claims
        .map((c) => c.as_of)
        .sort()
        .at(-1);
      const by = typeof data.byline === "string" && data.byline ? `By ${escapeHtml(data.byline)}` : "";
      const asOf = latest ? `Figures as reported on <time datetime="${latest}">${formatDate(latest)}</time>` : "";
      return `<p class="byline">${[by, asOf].filter(Boolean).join(" · ")}</p>\n`;
    }
  },
  qualifiers: {
    render() {
      const groups = new Map<string, string[]>();
      for (const [words, q] of Object.entries(qualifierWords)) groups.set(q, [...(groups.get(q) ?? []), words]);
      const meaning: Record<string, string> = {
        "more-than": "a lower bound: the true figure is higher",
        "at-least": "a lower bound that the figure may equal",
        "up-to": "an upper bound that the figure may equal",
        "fewer-than": "an upper bound: the true figure is lower",
        nearly: "an estimate just below the figure",
        about: "an estimate: the true figure may be higher or lower"
      };
      const rows = [...groups].map(
        ([q, words]) =>
          `<tr><td>${words.map((w) => `“${escapeHtml(w)}”`).join(", ")}</td><td>${escapeHtml(q.replace("-", " "))} N</td><td>${meaning[q]}</td></tr>`
      );
      return `<table class="qualifiers">\n<thead><tr><th scope="col">The source says</th><th scope="col">We write</th><th scope="col">Meaning</th></tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>\n`;
    }
  }
};

function problem(context: Pick<BlockContext, "place">, code: string, detail: string): KitError {
  return new KitError(code, detail, context.place);
}

/** Cites a claim from a directive, failing with the page and line when the ledger has no such claim. */
export function cite(context: BlockContext, id: string): Citation {
  if (!context.claims.has(id)) throw problem(context, "UNKNOWN_CLAIM", `no claim "${id}" in data/claims.csv`);
  return context.citations.cite(id);
}

/** Options of the page plugin. */
export interface ProseOptions {
  /** The project root (where data/ is). */
  root: string;
  /** Directives beyond the built-in ones, such as `chart`. */
  blocks?: Record<string, Block>;
}

/**
 * The markdown-it plugin. Use it through Framework's `markdownIt` option:
 *
 * ```ts
 * markdownIt: (md) => md.use(explainerProse, {root: process.cwd()})
 * ```
 */
export function explainerProse(md: MarkdownIt, options: ProseOptions): void {
  const blocks = {...builtinBlocks, ...options.blocks};

  md.inline.ruler.before("emphasis", "claim_ref", (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x7b) return false;
    const m = claimRef.exec(state.src.slice(state.pos));
    if (!m) return false;
    if (!silent) state.push("claim_ref", "", 0).meta = {id: m[1]};
    state.pos += m[0].length;
    return true;
  });

  md.block.ruler.before("paragraph", "directive", (state, startLine, _endLine, silent) => {
    if (state.sCount[startLine] - state.blkIndent >= 4) return false;
    const line = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
    const m = directiveLine.exec(line);
    if (!m) return false;
    if (silent) return true;
    const token = state.push("directive", "", 0);
    token.map = [startLine, startLine + 1];
    token.block = true;
    token.meta = {name: m[1], args: m[2].trim().split(/\s+/).filter(Boolean)};
    state.line = startLine + 1;
    return true;
  });

  md.core.ruler.push("explainer_citations", (state) => {
    const file = pageFile(state.env?.path);
    const {data, offset} = readPage(options.root, file);
    const story = loadStorySync(options.root);
    const page = {
      root: options.root,
      story,
      claims: new Map(story.claims.map((c) => [c.id, c])),
      citations: new Citations(),
      data
    };
    const contexts = new Map<Token, BlockContext>();
    let hasSources = false;
    for (const token of state.tokens) {
      const line = offset + (token.map?.[0] ?? 0) + 1;
      if (token.type === "directive") {
        const {name, args} = token.meta as {name: string; args: string[]};
        const context: BlockContext = {...page, args, place: {file, line}, cited: []};
        const block = blocks[name];
        if (!block)
          throw problem(
            context,
            "UNKNOWN_DIRECTIVE",
            `no directive "::: ${name}" (known: ${Object.keys(blocks).join(", ")})`
          );
        block.check?.(context);
        contexts.set(token, context);
        hasSources ||= name === "sources";
      } else if (token.type === "inline" && token.children) {
        let from = 0;
        for (const child of token.children) {
          if (child.type !== "claim_ref") continue;
          const {id} = child.meta as {id: string};
          const at = token.content.indexOf(`{${id}}`, from);
          from = at + id.length + 2;
          const place = {file, line: line + (at > 0 ? token.content.slice(0, at).split("\n").length - 1 : 0)};
          child.meta = {id, citation: cite({...page, args: [], place, cited: []}, id)};
        }
      }
    }
    if (!hasSources && page.citations.entries().length > 0) {
      const token = new state.Token("directive", "", 0);
      token.block = true;
      token.meta = {name: "sources", args: []};
      state.tokens.push(token);
      contexts.set(token, {...page, args: [], place: {file, line: 0}, cited: []});
    }
    state.env.explainer = {contexts, page};
  });

  md.renderer.rules.claim_ref = (tokens, idx, _options, env) => {
    const {id, citation} = tokens[idx].meta as {id: string; citation: Citation};
    return figureHtml(env.explainer.page.claims.get(id), citation);
  };
  md.renderer.rules.directive = (tokens, idx, _options, env) => {
    const context: BlockContext = env.explainer.contexts.get(tokens[idx]);
    return blocks[tokens[idx].meta.name].render(context);
  };
}
