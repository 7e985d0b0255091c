/**
 * The number audit as a reader sees it: an index of the archived sources, newest first, with what
 * each still needs; then each source's text with every number marked by its status (cited,
 * ignored, unreviewed), and a table of them. Browser code; every piece of text from the data is set
 * with textContent, never parsed as HTML.
 */
import {canIgnore, type NumberRow, type SourceText} from "./audit-repeats.js";

/** A source's text as `src/data/audit-texts.json` gives it. */
export type AuditText = SourceText;

/** A row of `src/data/numbers.csv`, as strings (what `FileAttachment(…).csv()` returns). */
export type AuditRow = NumberRow;

/**
 * Controls the page adds under `npm run dev` (src/components/audit-review.ts): none in the built site.
 */
export interface AuditActions {
  /** Controls for a number, in a last "Review" cell of its table row; null for none. */
  number?(row: AuditRow): Node | null;
  /** Controls for a source, under its heading; null for none. */
  source?(source: AuditText, rows: AuditRow[]): Node | null;
}

/** How each status reads, in the legend, the table and a mark's tooltip. */
export const statusLabels: Record<string, string> = {
  cited: "cited in the ledger",
  ignored: "ignored, with a reason",
  unreviewed: "not reviewed yet"
};

// Scoped under the section and the page's main, so the site's link colours and underlines do not win.
const scope = "#observablehq-main .audit, .audit";
const rule = (selectors: string, body: string) =>
  scope
    .split(", ")
    .flatMap((s) => selectors.split(", ").map((selector) => `${s} ${selector}`))
    .join(", ") + ` {${body}}`;
const css = [
  rule(".audit-legend, .audit-summary", "font-family: var(--sans-serif); font-size: 0.875rem;"),
  rule(".audit-legend > span", "margin-right: 1rem;"),
  rule(
    ".audit-number",
    "color: inherit; text-decoration: none; padding: 0 0.15em; border-radius: 0.2em; border-bottom: 0.15em solid;"
  ),
  rule(".audit-cited", "background: rgba(46, 160, 67, 0.22); border-bottom-color: #2e7d32;"),
  rule(
    ".audit-ignored",
    "background: rgba(128, 128, 128, 0.22); border-bottom-style: dotted; border-bottom-color: #666;"
  ),
  rule(".audit-unreviewed", "background: rgba(230, 120, 0, 0.28); border-bottom: 0.25em double #b35900;"),
  rule(".audit-number:focus-visible", "outline: 2px solid currentColor;"),
  rule(".audit-table", "font-family: var(--sans-serif); font-size: 0.8125rem;"),
  rule(".audit-table td", "vertical-align: top;"),
  rule(".audit-table tr:target", "outline: 2px solid currentColor;"),
  rule(".audit-index, .audit-index li", "font-family: var(--sans-serif); font-size: 0.875rem;"),
  rule(".audit-index-waiting", "color: #b35900; font-weight: 600;"),
  rule(".audit-index-date", "white-space: nowrap;"),
  `@media (prefers-color-scheme: dark) { ${rule(".audit-index-waiting", "color: #ffb366;")} }`
].join("\n");

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** The id of a number's table row, which its mark links to. */
function rowId(row: AuditRow): string {
  return `number-${row.source}-${row.part}-${row.start}`;
}

/** What answers for a number: the claim's id or the ignore row's reason. */
function answer(row: AuditRow): string {
  if (row.status === "cited") return `claim ${row.claim}`;
  if (row.status === "ignored") return row.reason;
  return "";
}

/**
 * `text` with the spans of `rows` (offsets into `text`) wrapped in marks that link to their
 * table rows, appended to `parent`.
 */
export function markNumbers(parent: HTMLElement, text: string, rows: AuditRow[], offset = 0): void {
  let at = 0;
  for (const row of [...rows].sort((a, b) => +a.start - +b.start)) {
    const start = Math.max(+row.start - offset, at);
    const end = Math.min(+row.end - offset, text.length);
    if (end <= start) continue;
    if (start > at) parent.append(text.slice(at, start));
    const mark = el("a", text.slice(start, end), `audit-number audit-${row.status}`);
    mark.href = `#${rowId(row)}`;
    mark.title = [statusLabels[row.status] ?? row.status, answer(row)].filter(Boolean).join(": ");
    parent.append(mark);
    at = end;
  }
  if (at < text.length) parent.append(text.slice(at));
}

/** A source's body as paragraphs (split at blank lines), its numbers marked. */
export function auditText(body: string, rows: AuditRow[]): HTMLDivElement {
  const div = el("div", undefined, "audit-text");
  const blank = /\n[ \t]*\n\s*/g;
  let start = 0;
  const paragraph = (end: number) => {
    while (end > start && /\s/.test(body[end - 1])) end--;
    const text = body.slice(start, end);
    if (text.trim() === "") return;
    const p = el("p");
    markNumbers(
      p,
      text,
      rows.filter((r) => +r.start < end && +r.end > start),
      start
    );
    div.append(p);
  };
  for (let m; (m = blank.exec(body)); ) {
    paragraph(m.index);
    start = m.index + m[0].length;
  }
  paragraph(body.length);
  return div;
}

/** The numbers of a source as a table: where, what, how it reads, and what answers for it. */
export function auditTable(rows: AuditRow[], actions: AuditActions = {}): HTMLTableElement {
  const table = el("table", undefined, "audit-table");
  const head = table.createTHead().insertRow();
  const names = ["Number", "Where", "Kind", "Value", "Qualifier", "Unit", "Status", "Cited by, or why ignored"];
  for (const name of actions.number ? [...names, "Review"] : names) {
    const th = el("th", name);
    th.scope = "col";
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    tr.id = rowId(row);
    const value = row.qualifier === "range" ? `${row.lower}–${row.upper}` : row.value;
    for (const text of [
      row.text,
      `${row.part} ${row.start}`,
      row.kind,
      value,
      row.qualifier,
      row.unit,
      row.status,
      answer(row)
    ]) {
      tr.insertCell().textContent = text;
    }
    if (actions.number) tr.insertCell().append(actions.number(row) ?? "");
  }
  return table;
}

/**
 * Which published explainers cite a source, each linking to its page ("cited by How fast people
 * fled and A second story"), or "cited by no published explainer yet": until one does, its numbers
 * block no build.
 */
function citedBy(source: AuditText): (string | Node)[] {
  if (source.explainers.length === 0) return ["cited by no published explainer yet"];
  const out: (string | Node)[] = ["cited by "];
  source.explainers.forEach((explainer, i) => {
    if (i > 0) out.push(i === source.explainers.length - 1 ? " and " : ", ");
    const link = el("a", explainer.title);
    link.href = `./explainers/${explainer.slug}`;
    out.push(link);
  });
  return out;
}

/**
 * The sources in `sources`' order, each linking to its section, with its date, how many of its
 * counts, percentages and sums of money still need a claim or a reason (what `check` asks for), and
 * the explainers that cite it.
 */
function auditIndex(sources: AuditText[], rows: AuditRow[]): HTMLElement {
  const nav = el("nav");
  nav.setAttribute("aria-label", "Sources");
  const list = el("ol", undefined, "audit-index");
  for (const source of sources) {
    const waiting = rows.filter((r) => r.source === source.id && canIgnore(r)).length;
    const link = el("a", source.title);
    link.href = `#source-${source.id}`;
    const li = el("li");
    li.append(
      link,
      " (",
      el("span", source.published, "audit-index-date"),
      "): ",
      waiting === 0
        ? "every figure reviewed"
        : el("span", `${waiting} ${waiting === 1 ? "figure" : "figures"} to review`, "audit-index-waiting"),
      "; ",
      ...citedBy(source)
    );
    list.append(li);
  }
  nav.append(list);
  return nav;
}

/** The whole audit: a legend, totals, an index of the sources, then each source's marked text and table (with `actions` under dev). */
export function auditView(texts: AuditText[], rows: AuditRow[], actions: AuditActions = {}): HTMLElement {
  const root = el("section", undefined, "audit");
  root.append(el("style", css));
  const legend = el("p", undefined, "audit-legend");
  for (const [status, label] of Object.entries(statusLabels)) {
    const span = el("span");
    span.append(el("span", status, `audit-number audit-${status}`), ` ${label}`);
    legend.append(span);
  }
  root.append(legend);
  const total = (status: string) => rows.filter((r) => r.status === status).length;
  const summary = Object.keys(statusLabels)
    .map((status) => `${total(status)} ${status}`)
    .join(", ");
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  root.append(
    el("p", `${plural(rows.length, "number")} in ${plural(texts.length, "source")}: ${summary}.`, "audit-summary")
  );
  // Newest first: the day's wire copy is what the desk works on.
  const sources = [...texts].sort((a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id));
  root.append(auditIndex(sources, rows));
  for (const source of sources) {
    const own = rows.filter((r) => r.source === source.id);
    const section = el("section");
    section.id = `source-${source.id}`;
    const h2 = el("h2");
    markNumbers(
      h2,
      source.title,
      own.filter((r) => r.part === "title")
    );
    section.append(
      h2,
      actions.source?.(source, own) ?? "",
      auditText(
        source.body,
        own.filter((r) => r.part === "body")
      ),
      auditTable(own, actions)
    );
    root.append(section);
  }
  return root;
}
