/**
 * The number audit's forms, under `npm run dev` only: beside each number nobody answers for yet,
 * **Cite** opens a form prefilled with the draft ledger row the endpoint makes for it (the one
 * `explainer claim` gives), **Ignore** a form for an ignore row with a reason, and a number that
 * repeats a figure the ledger cites from the same source (a headline, an intro) is ignored in one
 * click, with a reason naming the claim; a source with several repeats has one button for all of
 * them. So is a number a published figure quoted before its claim moved on (superseded). Saves
 * append to `data/claims.csv` or `data/ignored.csv` through the save endpoint, which checks them as
 * `check` does; the story stage then runs again and the audit re-renders with the new
 * statuses. Forms being filled in survive that re-render. Text from data is set as text, never HTML.
 */
import {
  citeRow,
  fetchDraft,
  ignoredBase,
  ignoreRows,
  type AppendResult,
  type DraftAnswer,
  type EditorSession,
  type ServerProblem
} from "./audit-api.js";
import {
  canCite,
  canIgnore,
  ignoreText,
  repeatOf,
  repeatReason,
  type NumberRow,
  type SourceText
} from "./audit-repeats.js";
import {css, field, labels, say, showProblems} from "./audit-form.js";
import {h} from "./element.js";
import type {AuditActions} from "./audit-view.js";

/** A form being filled in: what it is, the values typed, and the version of the file it appends to. */
interface Pending {
  kind: "cite" | "ignore";
  values: Record<string, string>;
  draft?: DraftAnswer;
  base?: string;
}

/** Saves made from this page, newest first, shown above the audit once it re-renders. */
const saves: string[] = [];
/** Forms open, by number, kept across re-renders of the page's cell. */
const pending = new Map<string, Pending>();

/** A number's key: its source, part and offset (also the prefix of its form's element ids). */
const keyOf = (row: NumberRow) => `${row.source}-${row.part}-${row.start}`;

/**
 * The review controls for the audit of `rows` (`data/numbers.csv`) and `texts`
 * (`data/audit-texts.json`), saving through `session`: the actions `auditView` adds to each number
 * and source, and a status line to display above the audit.
 *
 * ```js
 * const session = await reviewSession(); // null outside npm run dev
 * const review = session && auditReview(session, texts, numbers);
 * if (review) display(review.status);
 * display(auditView(texts, numbers, review?.actions));
 * ```
 */
export function auditReview(
  session: EditorSession,
  texts: SourceText[],
  rows: NumberRow[]
): {actions: AuditActions; status: HTMLElement} {
  const byId = new Map(texts.map((t) => [t.id, t]));
  const textOf = (row: NumberRow) => {
    const source = byId.get(row.source);
    return (row.part === "title" ? source?.title : source?.body)?.slice(+row.start, +row.end) ?? row.text;
  };
  const waiting = rows.filter(canIgnore).length;
  const status = h(
    "div",
    {class: "audit-review-status", role: "status", "aria-live": "polite"},
    h("style", {}, css),
    h(
      "p",
      {},
      waiting === 0
        ? "Review: every count, percentage and sum of money is cited or ignored. "
        : `Review: ${waiting === 1 ? "1 number needs" : `${waiting} numbers need`} a claim or a reason. `,
      "Cite a number to add a row to data/claims.csv, or ignore it with a reason in data/ignored.csv; the audit updates once the story has been checked again."
    ),
    ...(saves.length ? [h("ul", {class: "audit-saves"}, ...saves.slice(0, 5).map((s) => h("li", {}, s)))] : [])
  );

  /** Tells how an append went; true when it was saved. */
  const report = (result: AppendResult, line: HTMLElement, file: string, done: string): boolean => {
    if (result.status === "saved") {
      saves.unshift(done);
      say(line, `${done} The audit updates once the story has been checked again.`, "ok");
      return true;
    }
    if (result.status === "conflict")
      say(
        line,
        `Not saved: ${file} changed on disk since this form was opened (another save, or an edit by hand). Nothing was overwritten; check the row and Save again to add it to the new version.`,
        "error"
      );
    else if (result.status === "error") say(line, `Not saved: ${result.message}`, "error");
    return false;
  };

  /** One click: ignore numbers that repeat cited figures, with the reasons that name the claims. */
  function ignoreRepeats(pairs: [NumberRow, NumberRow][], button: HTMLButtonElement, line: HTMLElement) {
    const what = pairs.length === 1 ? `${textOf(pairs[0][0])} as a repeat` : `${pairs.length} repeats`;
    const reasons = pairs.map(([row, cited]): [NumberRow, string] => [row, repeatReason(row, cited)]);
    return ignoreWithReasons(reasons, `Ignored ${what} of cited figures (data/ignored.csv).`, button, line);
  }

  /** One click: ignore numbers, each with its reason; `done` says what was saved. */
  async function ignoreWithReasons(
    reasons: [NumberRow, string][],
    done: string,
    button: HTMLButtonElement,
    line: HTMLElement
  ) {
    const rowsToAdd = reasons.map(([row, reason]) => ({
      source: row.source,
      text: ignoreText(byId.get(row.source)!, row),
      reason
    }));
    button.disabled = true;
    say(line, "Saving…");
    let result: AppendResult;
    try {
      result = await ignoreRows(session, rowsToAdd, await ignoredBase(session));
    } catch (error) {
      result = {status: "error", code: "UNREACHABLE", message: (error as Error).message};
    }
    if (result.status === "invalid")
      say(line, `Not saved: ${result.problems.map((p) => p.detail).join("; ")}`, "error");
    if (!report(result, line, "data/ignored.csv", done)) button.disabled = false;
  }

  /** The form that cites a number: the draft row, editable, saved to the ledger. */
  async function citeForm(row: NumberRow, cell: HTMLElement, state: Pending) {
    const prefix = `review-${keyOf(row)}`;
    const line = h("p", {class: "audit-form-status", role: "status"});
    cell.append(line);
    say(line, `Drafting a ledger row for ${textOf(row)}…`);
    try {
      state.draft ??= await fetchDraft(session, row.source, row.start);
    } catch (error) {
      return say(line, (error as Error).message, "error");
    }
    const draft = state.draft;
    state.base ??= draft.base;
    if (!draft.row) {
      return say(
        line,
        `No draft: ${draft.problem?.detail ?? "this number cannot be cited"}. Ignore it with a reason instead.`,
        "error"
      );
    }
    const values = {...draft.row, ...state.values};
    const names = Object.keys(labels).filter((n) => n in draft.row! || draft.columns.includes(n));
    const form = h(
      "form",
      {class: "audit-form", "aria-label": `Cite ${textOf(row)}`},
      h("p", {}, `A new row of data/claims.csv for ${textOf(row)}, from source ${row.source}:`),
      ...(draft.notes.length ? [h("ul", {class: "audit-notes"}, ...draft.notes.map((n) => h("li", {}, n)))] : []),
      ...names.map((n) => field(prefix, n, labels[n], values[n] ?? "", state.values)),
      h(
        "div",
        {},
        h("button", {type: "submit"}, "Save to the ledger"),
        " ",
        h("button", {type: "button", class: "audit-cancel"}, "Cancel")
      )
    );
    line.before(form);
    say(line, "");
    if (draft.problem && !state.values[draft.problem.field]) showProblems(form, prefix, [draft.problem], line);
    form.querySelector(".audit-cancel")!.addEventListener("click", () => close(row, cell));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const submit = form.querySelector<HTMLButtonElement>("button[type=submit]")!;
      const cited: Record<string, string> = {source: row.source};
      for (const n of names)
        cited[n] = form.querySelector<HTMLInputElement>(`#${CSS.escape(`${prefix}-${n}`)}`)!.value.trim();
      submit.disabled = true;
      say(line, "Saving…");
      const result = await citeRow(session, cited, state.base!);
      if (result.status === "conflict") state.base = result.base;
      // The draft's offer for a field ("last week" ends on …) stays beside that field's new problem.
      const offer = draft.problem?.value !== undefined ? draft.problem : null;
      const withOffer = (p: ServerProblem) => (offer && p.field === offer.field ? {...p, value: offer.value} : p);
      if (result.status === "invalid") showProblems(form, prefix, result.problems.map(withOffer), line);
      if (report(result, line, "data/claims.csv", `Cited ${textOf(row)} as claim ${cited.id} (data/claims.csv).`)) {
        pending.delete(keyOf(row));
        for (const control of form.elements) (control as HTMLInputElement).disabled = true;
      } else submit.disabled = false;
    });
    form.querySelector<HTMLElement>("input, textarea")?.focus();
  }

  /** The form that ignores a number with a reason. */
  function ignoreForm(row: NumberRow, cell: HTMLElement, state: Pending) {
    const prefix = `review-${keyOf(row)}`;
    const line = h("p", {class: "audit-form-status", role: "status"});
    const text = state.values.text ?? ignoreText(byId.get(row.source)!, row);
    const form = h(
      "form",
      {class: "audit-form", "aria-label": `Ignore ${textOf(row)}`},
      h(
        "p",
        {},
        `A new row of data/ignored.csv: the text covers ${textOf(row)} (and every other uncited number inside it).`
      ),
      field(prefix, "text", "Text of the source to ignore", text, state.values),
      field(prefix, "reason", "Why it needs no claim", state.values.reason ?? "", state.values),
      h(
        "div",
        {},
        h("button", {type: "submit"}, "Save the reason"),
        " ",
        h("button", {type: "button", class: "audit-cancel"}, "Cancel")
      )
    );
    cell.append(form, line);
    form.querySelector(".audit-cancel")!.addEventListener("click", () => close(row, cell));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const submit = form.querySelector<HTMLButtonElement>("button[type=submit]")!;
      const value = (name: string) => form.querySelector<HTMLInputElement>(`#${prefix}-${name}`)!.value.trim();
      submit.disabled = true;
      say(line, "Saving…");
      let result: AppendResult;
      try {
        result = await ignoreRows(
          session,
          [{source: row.source, text: value("text"), reason: value("reason")}],
          await ignoredBase(session)
        );
      } catch (error) {
        result = {status: "error", code: "UNREACHABLE", message: (error as Error).message};
      }
      if (result.status === "invalid") {
        const problems = result.problems.map((p) => ({...p, field: p.field.replace(/^rows\[0\]\./, "")}));
        showProblems(form, prefix, problems, line);
      }
      if (report(result, line, "data/ignored.csv", `Ignored ${textOf(row)}: ${value("reason")} (data/ignored.csv).`)) {
        pending.delete(keyOf(row));
        for (const control of form.elements) (control as HTMLInputElement).disabled = true;
      } else submit.disabled = false;
    });
    form.querySelector<HTMLElement>("textarea")?.focus();
  }

  /** Removes a number's form row. */
  function close(row: NumberRow, cell: HTMLElement) {
    pending.delete(keyOf(row));
    cell.closest("tr")?.remove();
  }

  /** Opens (or, when the same one is open, closes) a number's form in a row under its table row. */
  function open(row: NumberRow, kind: Pending["kind"], anchor: HTMLElement) {
    const tr = anchor.closest("tr");
    if (!tr) return;
    const key = keyOf(row);
    const next = tr.nextElementSibling as HTMLElement | null;
    const current = next?.dataset.formFor === key ? next : null;
    const state = pending.get(key);
    if (current && state?.kind === kind && current.dataset.kind === kind) return close(row, current);
    current?.remove();
    const fresh = state?.kind === kind ? state : {kind, values: {}};
    pending.set(key, fresh);
    const cell = h("td", {colspan: String(tr.cells.length)});
    const formRow = h("tr", {class: "audit-form-row", "data-form-for": key, "data-kind": kind}, cell);
    tr.after(formRow);
    if (kind === "cite") void citeForm(row, cell, fresh);
    else ignoreForm(row, cell, fresh);
  }

  const button = (text: string, label: string | null, onClick: (b: HTMLButtonElement) => void, title?: string) => {
    const b = h("button", {type: "button", "aria-label": label ?? undefined, title}, text);
    b.addEventListener("click", () => onClick(b));
    return b;
  };

  const actions: AuditActions = {
    number(row) {
      if (!canCite(row) && !canIgnore(row)) return null;
      const wrap = h("div", {class: "audit-review"});
      const text = textOf(row);
      if (canCite(row)) wrap.append(button("Cite", `Cite ${text}`, () => open(row, "cite", wrap)));
      if (canIgnore(row)) wrap.append(button("Ignore", `Ignore ${text}`, () => open(row, "ignore", wrap)));
      const cited = repeatOf(row, rows);
      if (cited) {
        const line = h("span", {class: "audit-form-status", role: "status"});
        wrap.append(
          button(
            "Ignore as a repeat",
            `Ignore as a repeat of claim ${cited.claim}: ${text}`,
            (b) => void ignoreRepeats([[row, cited]], b, line)
          ),
          line
        );
      }
      if (row.superseded && canIgnore(row)) {
        const line = h("span", {class: "audit-form-status", role: "status"});
        const done = `Ignored ${text} as superseded (data/ignored.csv).`;
        wrap.append(
          button(
            "Ignore as superseded",
            `Ignore as superseded: ${text}. ${row.superseded}`,
            (b) => void ignoreWithReasons([[row, row.superseded]], done, b, line),
            row.superseded
          ),
          line
        );
      }
      const state = pending.get(keyOf(row));
      if (state) queueMicrotask(() => open(row, state.kind, wrap));
      return wrap;
    },
    source(_source, own) {
      const pairs = own.flatMap((row): [NumberRow, NumberRow][] => {
        const cited = repeatOf(row, own);
        return cited ? [[row, cited]] : [];
      });
      if (pairs.length < 2) return null;
      const line = h("p", {class: "audit-form-status", role: "status"});
      const list = h(
        "ul",
        {},
        ...pairs.map(([row, cited]) =>
          h(
            "li",
            {},
            `“${textOf(row)}” in the ${row.part === "title" ? "headline" : "body"} repeats claim ${cited.claim}`
          )
        )
      );
      const all = button(`Ignore all ${pairs.length} as repeats`, null, (b) => void ignoreRepeats(pairs, b, line));
      return h(
        "div",
        {class: "audit-review audit-repeats"},
        h("p", {}, `${pairs.length} numbers of this source repeat a figure the ledger cites from it:`),
        list,
        all,
        line
      );
    }
  };
  return {actions, status};
}
