/**
 * The page directives, `::: name args` on a line of their own (see loaders/prose.ts). Each has a
 * `check`, run while the page is parsed (to validate its arguments and cite claims), and a
 * `render`, which makes its HTML from the story stage's output. All of them read the stage only.
 * What a directive is and what it gets: loaders/block-context.ts.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {formatDate, resolveText, startsSentence} from "../src/components/chart-text.ts";
import {noClaim, type Claim} from "../src/components/claim.ts";
import {qualifiedAgain, qualifierWords} from "../src/components/qualifier-words.ts";
import {slugSource} from "../src/components/slug.ts";
import type {BlockContext, Block} from "./block-context.ts";
import {chartBlocks, relativeRoot, type ChartBlockOptions} from "./chart-block.ts";
import type {Citation} from "./citations.ts";
import {KitError, type ErrorCode} from "./errors.ts";
import {explainersDir, newestFirst} from "./explainers.ts";
import {cardsHtml, correctionsHtml, escapeHtml, figureHtml, sourcesHtml} from "./prose-html.ts";
import type {Source} from "./sources.ts";
import {lineAt} from "./text.ts";

export type {ChartBlockOptions} from "./chart-block.ts";

/** A problem at the directive's place. */
export function problem(context: Pick<BlockContext, "place">, code: ErrorCode, detail: string): KitError {
  return new KitError(code, detail, context.place);
}

/** Cites a claim from a directive, failing with the page and line when the ledger has no such claim. */
export function cite(context: BlockContext, id: string): Citation {
  if (!context.claims.has(id)) throw problem(context, "UNKNOWN_CLAIM", noClaim(id, context.claims.keys()));
  return context.scan.citations.cite(id, context.place.line);
}

/** The explainer slug of a page file, `src/explainers/<slug>.md`, or undefined for other pages. */
export function explainerSlugOf(file: string): string | undefined {
  return new RegExp(`^${explainersDir}/(${slugSource})\\.md$`).exec(file)?.[1];
}

/**
 * Where a front matter field of the page is written (`standfirst:`), for a problem in its text: read
 * from the page's file when there is a problem to place; the directive's line if the field is not there.
 */
function fieldPlace(context: BlockContext, key: string): {file: string; line: number} {
  const {file} = context.place;
  const text = readFileSync(join(context.root, file), "utf-8");
  const at = text.search(new RegExp(`^${key}:`, "m"));
  return at < 0 ? context.place : {file, line: lineAt(text, at)};
}

function explainerOnly(context: BlockContext, name: string): string {
  const slug = explainerSlugOf(context.place.file);
  if (!slug)
    throw problem(context, "DIRECTIVE_PLACE", `::: ${name} belongs on an explainer page (${explainersDir}/<slug>.md)`);
  return slug;
}

const string = (value: unknown) => (typeof value === "string" ? value.trim() : "");
const dateOf = (value: unknown) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : (string(value).match(/^\d{4}-\d{2}-\d{2}$/)?.[0] ?? "");
const refs = new RegExp(`\\{(${slugSource})(\\.[a-z_]+)?\\}`, "g");

/** The newest `as_of` of the figures a page shows: those it cites and those its charts draw. */
export function newestAsOf(context: BlockContext): string {
  const ids = [
    ...context.scan.citations.entries().map((e) => e.claim),
    ...context.scan.charts.flatMap((id) => context.story.charts[id]?.claims ?? [])
  ];
  return (
    ids
      .map((id) => context.claims.get(id)?.as_of ?? "")
      .sort()
      .at(-1) ?? ""
  );
}

const meanings: Record<string, string> = {
  "more-than": "a lower bound: the true figure is higher",
  "at-least": "a lower bound that the figure may equal",
  "up-to": "an upper bound that the figure may equal",
  "fewer-than": "an upper bound: the true figure is lower",
  nearly: "an estimate just below the figure",
  about: "an estimate: the true figure may be higher or lower"
};

/** The built-in directives; `chart` and `embed` take the options of the chart's caption. */
export function builtinBlocks(chart: ChartBlockOptions = {}): Record<string, Block> {
  return {
    ...chartBlocks(chart),
    standfirst: {
      check(context) {
        explainerOnly(context, "standfirst");
        const standfirst = string(context.data.standfirst);
        for (const {0: written, 1: id, 2: field, index} of standfirst.matchAll(refs)) {
          const claim = context.claims.get(id);
          const again =
            claim && (field ?? ".label") === ".label"
              ? qualifiedAgain(standfirst.slice(0, index), written, claim)
              : null;
          // Its problems are placed at the front matter's `standfirst:`, where its text is written.
          const here = () => fieldPlace(context, "standfirst");
          if (again) throw new KitError("QUALIFIER_BEFORE_FIGURE", `the standfirst: ${again}`, here());
          if (!context.claims.has(id)) throw new KitError("UNKNOWN_CLAIM", noClaim(id, context.claims.keys()), here());
          if (!field) context.cited.push(cite(context, id));
          else if (field === ".label")
            context.scan.unmarked.push({
              written,
              id,
              line: here().line,
              why: "in the standfirst is the figure as plain text"
            });
        }
      },
      render(context) {
        const text = string(context.data.standfirst);
        if (!text) return "";
        let i = 0;
        let html = "";
        let at = 0;
        for (const m of text.matchAll(refs)) {
          html += escapeHtml(text.slice(at, m.index));
          const before = text.slice(0, m.index);
          html += m[2]
            ? escapeHtml(resolveText(m[0], context.claims, before))
            : figureHtml(context.claims.get(m[1])!, context.cited[i++], {capital: startsSentence(before)});
          at = m.index + m[0].length;
        }
        return `<p class="standfirst">${html}${escapeHtml(text.slice(at))}</p>\n`;
      }
    },
    byline: {
      check: (context) => void explainerOnly(context, "byline"),
      render(context) {
        const byline = string(context.data.byline);
        const published = dateOf(context.data.published);
        const asOf = newestAsOf(context);
        const parts = [
          byline ? `By ${escapeHtml(byline)}` : "",
          published ? `Published <time datetime="${published}">${formatDate(published)}</time>` : "",
          asOf ? `Figures as of <time datetime="${asOf}">${formatDate(asOf)}</time>` : ""
        ];
        return `<p class="byline">${parts.filter(Boolean).join(" · ")}</p>\n`;
      }
    },
    corrections: {
      check: (context) => void explainerOnly(context, "corrections"),
      render(context) {
        const slug = explainerSlugOf(context.place.file);
        return correctionsHtml(context.story.corrections.filter((c) => c.explainer === slug));
      }
    },
    cards: {
      check(context) {
        if (context.args.length === 0) throw problem(context, "DIRECTIVE_ARGS", "cards needs one or more claim ids");
        for (const id of context.args) context.cited.push(cite(context, id));
      },
      render: ({cited, claims}) => cardsHtml(cited.map((citation) => ({claim: claims.get(citation.claim)!, citation})))
    },
    ledger: {
      check: (context) => void explainerOnly(context, "ledger"),
      render(context) {
        const slug = explainerSlugOf(context.place.file)!;
        const href = `${relativeRoot(context.place.file)}data/download/claims/${slug}.csv`;
        return (
          `<p class="get-data"><a href="${href}" download="${slug}-figures.csv">Download the figures on this page (CSV)</a>: ` +
          `every figure with its qualifier, attribution, quote and source.</p>\n`
        );
      }
    },
    sources: {
      // The list, and the small script that opens citation cards on touch screens (loaded after first paint).
      render: ({scan, claims, story, place}) =>
        sourcesHtml(scan.citations, claims as Map<string, Claim>, story.sourcesById as Map<string, Source>) +
        (scan.citations.entries().length
          ? `<script type="module" src="${relativeRoot(place.file)}components/citations.js"></script>\n`
          : "")
    },
    qualifiers: {
      render() {
        const groups = new Map<string, string[]>();
        for (const [words, q] of Object.entries(qualifierWords)) groups.set(q, [...(groups.get(q) ?? []), words]);
        const rows = [...groups].map(
          ([q, words]) =>
            `<tr><td>${words.map((w) => `“${escapeHtml(w)}”`).join(", ")}</td><td>${escapeHtml(q.replace("-", " "))} N</td><td>${meanings[q] ?? ""}</td></tr>`
        );
        return `<table class="qualifiers">\n<thead><tr><th scope="col">The source says</th><th scope="col">We write</th><th scope="col">Meaning</th></tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>\n`;
      }
    },
    explainers: {
      render(context) {
        const root = relativeRoot(context.place.file);
        const shown = newestFirst([...context.story.explainers]).filter((e) => !(context.omitDrafts && e.draft));
        if (shown.length === 0)
          return `<p class="explainers-empty">No explainers yet: start one with <code>npx explainer new &lt;slug&gt; --title "…"</code>.</p>\n`;
        const items = shown.map((e) => {
          const standfirst = resolveText(e.standfirst, context.claims);
          return (
            `<li class="explainer-item" data-explainer="${escapeHtml(e.slug)}">` +
            `<span class="explainer-card" data-card-for="explainers/${escapeHtml(e.slug)}"></span>` +
            `<h2 class="explainer-title"><a href="${root}explainers/${escapeHtml(e.slug)}">${escapeHtml(e.title)}</a></h2>` +
            (standfirst ? `<p class="explainer-standfirst">${escapeHtml(standfirst)}</p>` : "") +
            `<p class="explainer-date"><time datetime="${e.published}">${formatDate(e.published)}</time>${e.draft ? ` · <strong>Draft</strong>` : ""}</p>` +
            `</li>`
          );
        });
        return `<ul class="explainers">\n${items.join("\n")}\n</ul>\n`;
      }
    }
  };
}
