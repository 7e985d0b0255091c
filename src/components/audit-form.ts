/**
 * The parts of the number audit's forms (src/components/audit-review.ts): labelled fields, a status
 * line, and problems shown beside the fields they name. Browser code; text is always set as text.
 */
import {qualifiers} from "./claim.js";
import type {ServerProblem} from "./audit-api.js";
import {h} from "./element.js";

/** The ledger's columns as the cite form labels them. */
export const labels: Record<string, string> = {
  id: "Claim id",
  figure: "Figure, as written",
  measure: "What it measures",
  attribution: "Who gives it",
  as_of: "As of (YYYY-MM-DD)",
  place: "Place",
  quote: "Quote, word for word",
  qualifier: "Qualifier (only to override the words)",
  note: "Note"
};

/** The forms' styles (dev only: the built audit has no form). */
export const css = `
.audit-review-status {font-family: var(--sans-serif); font-size: 0.875rem; border-left: 4px solid #b35900; padding: 0.25rem 0.75rem;}
.audit .audit-review {display: flex; flex-wrap: wrap; gap: 0.25rem; font-family: var(--sans-serif);}
.audit .audit-review button, .audit .audit-form button {font: inherit; font-size: 0.8125rem; cursor: pointer;}
.audit .audit-form {display: grid; gap: 0.5rem; max-width: 48rem; padding: 0.5rem 0; font-family: var(--sans-serif);}
.audit .audit-form label {display: block; font-weight: 600;}
.audit .audit-form input, .audit .audit-form textarea, .audit .audit-form select {width: 100%; font: inherit; box-sizing: border-box;}
.audit .audit-form [aria-invalid="true"] {outline: 2px solid #b00020;}
.audit .audit-field-error, .audit .audit-form-status[data-kind="error"] {color: #b00020;}
.audit .audit-form-status[data-kind="ok"] {color: #2e7d32;}
.audit .audit-repeats {margin: 0.5rem 0; font-size: 0.875rem;}
`;

/** Shows a message in a form's status line (`kind` colours it). */
export const say = (line: HTMLElement, text: string, kind: "info" | "ok" | "error" = "info") => {
  line.textContent = text;
  line.dataset.kind = kind;
};

/**
 * Marks each field a problem names, with the problem beside it (and a button that fills in the value
 * the server offers, if any); unknown fields go to the status line.
 */
export const showProblems = (
  form: HTMLFormElement,
  prefix: string,
  problems: readonly ServerProblem[],
  line: HTMLElement
) => {
  for (const error of form.querySelectorAll(".audit-field-error, .audit-field-offer")) error.remove();
  for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
  const general: string[] = [];
  for (const p of problems) {
    const control = form.querySelector<HTMLElement>(`#${CSS.escape(`${prefix}-${p.field}`)}`);
    if (!control) {
      general.push(p.detail);
      continue;
    }
    const error = h("p", {class: "audit-field-error", id: `${control.id}-error`}, p.detail);
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", error.id);
    control.after(error);
    // A value the server offers ("last week" ends on 2022-03-06): one click puts it in the field.
    const offered = p.value;
    if (offered !== undefined && control.localName === "input") {
      const use = h("button", {type: "button", class: "audit-field-offer"}, `Use ${offered}`);
      use.addEventListener("click", () => {
        (control as HTMLInputElement).value = offered;
        control.dispatchEvent(new Event("input"));
        control.focus();
      });
      error.after(use);
    }
  }
  if (general.length) say(line, `Not saved: ${general.join("; ")}`, "error");
  else if (problems.length) say(line, "Not saved: fix the fields marked below.", "error");
};

/**
 * A labelled control of a form, with the id `prefix-name`: a text area for a quote or a reason, a choice
 * of qualifier, a line of text otherwise. What is typed is kept in `values[name]`.
 */
export function field(
  prefix: string,
  name: string,
  label: string,
  value: string,
  values: Record<string, string>
): HTMLElement {
  const id = `${prefix}-${name}`;
  let control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  if (name === "quote" || name === "reason") control = h("textarea", {id, rows: "3"});
  else if (name === "qualifier") {
    control = h(
      "select",
      {id},
      h("option", {value: ""}, "(as the words say)"),
      ...qualifiers.filter((q) => q !== "range").map((q) => h("option", {value: q}, q))
    );
  } else control = h("input", {id, type: "text", autocomplete: "off", spellcheck: "false"});
  control.value = value;
  control.addEventListener("input", () => (values[name] = control.value));
  control.addEventListener("change", () => (values[name] = control.value));
  return h("div", {class: "audit-field"}, h("label", {for: id}, label), control);
}
