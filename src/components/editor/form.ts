/**
 * The editor's form: fields built from the chart schema (see fields.ts), each with its label, its
 * help and a place for its problems, in three groups (text, chart type and options, annotations).
 * It holds no state of its own: every edit is reported as `onChange(path, value)`, and `update`
 * shows a spec and its problems. The form is rebuilt only when its shape changes (another chart
 * type, an annotation added or removed), so typing never loses the caret.
 */
import {formLayout, type Field, type JsonSchema} from "./fields.js";
import {controlFor, getAt, listFromText, listToText, pointFromText, pointToText} from "./spec-path.js";
import {h} from "../element.js";

/** A problem to show beside its field (`field` as the schema check names it). */
export interface FormProblem {
  code: string;
  field: string;
  detail: string;
}

/** What the form reports and knows. */
export interface FormOptions {
  schema: JsonSchema;
  /** Known values, by property name (`claims`, `places`, `claim`, `place`, `measure`), offered as hints. */
  hints: Record<string, readonly string[]>;
  /** A field changed: the value at `path` (undefined removes it); edits of one `group` in a row are one undo step. */
  onChange(path: string, value: unknown, group?: string): void;
  /** The chart type changed. */
  onTypeChange(type: string): void;
  /** An annotation is to be added, or removed. */
  onAddAnnotation(): void;
  onRemoveAnnotation(index: number): void;
  /** A field lost focus: the next edit is a new undo step. */
  onSeal(): void;
}

/** The form: its element, and `update` to show a spec and its problems (returns the problems no field took). */
export interface SpecForm {
  element: HTMLFormElement;
  update(spec: Record<string, unknown>, problems: readonly FormProblem[]): FormProblem[];
}

interface Control {
  wrapper: HTMLElement;
  error: HTMLElement;
  focusable: HTMLElement;
  sync(spec: Record<string, unknown>): void;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const idOf = (path: string) => `ed-${path.replace(/[^A-Za-z0-9]+/g, "-").replace(/-$/, "")}`;

/** Sets a control's value unless it has the focus and already says the same thing (so the caret stays). */
function setValue(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, text: string, same: boolean) {
  if (control.value === text || (document.activeElement === control && same)) return;
  control.value = text;
}

/** The shape of a spec's form: what makes a rebuild necessary. */
function shapeOf(spec: Record<string, unknown>): string {
  const annotations = Array.isArray(spec.annotations) ? spec.annotations.length : 0;
  return `${String(spec.type)}|${annotations}`;
}

/** Builds the form. */
export function createForm(options: FormOptions): SpecForm {
  const {schema, hints} = options;
  const element = h("form", {class: "ed-form", novalidate: "", "aria-label": "Chart settings"});
  element.addEventListener("submit", (event) => event.preventDefault());
  element.addEventListener("focusout", () => options.onSeal());
  let controls = new Map<string, Control>();
  let shape = "";

  const datalists = h("div", {hidden: ""});
  for (const [key, values] of Object.entries(hints)) {
    const list = h("datalist", {id: `ed-hints-${key}`});
    for (const v of values) list.append(h("option", {value: v}));
    datalists.append(list);
  }

  /** One field's wrapper: label, control, help, error; registered under its path. */
  function field(
    path: string,
    f: Field,
    control: HTMLElement,
    sync: Control["sync"],
    focusable = control
  ): HTMLElement {
    const id = idOf(path);
    const help = [
      capital(f.help),
      hints[f.key] && f.kind === "list" ? `One a line. Known: ${hints[f.key].join(", ")}` : ""
    ]
      .filter(Boolean)
      .join(". ");
    const error = h("p", {class: "ed-error", id: `${id}-error`, hidden: ""});
    const described = [help ? `${id}-help` : "", `${id}-error`].filter(Boolean).join(" ");
    focusable.setAttribute("aria-describedby", described);
    const wrapper = h("div", {class: `ed-field ed-${f.kind}`, "data-field": path});
    const label = h(
      "label",
      {for: focusable.id},
      f.label,
      f.required ? h("span", {class: "ed-required"}, " (required)") : ""
    );
    if (f.kind === "boolean") wrapper.append(control, label);
    else wrapper.append(label, control);
    if (help) wrapper.append(h("p", {class: "ed-help", id: `${id}-help`}, help));
    wrapper.append(error);
    controls.set(path, {wrapper, error, focusable, sync});
    return wrapper;
  }

  /** The control of one field at `path`. */
  function build(path: string, f: Field, count: number): HTMLElement {
    const id = idOf(path);
    const group = path;
    switch (f.kind) {
      case "text":
      case "textarea":
      case "point": {
        const input =
          f.kind === "textarea" ? h("textarea", {id, rows: "2"}) : h("input", {id, type: "text", autocomplete: "off"});
        const parse = (text: string) =>
          f.kind === "point" ? pointFromText(text) : text === "" && !f.required ? undefined : text;
        const show = (value: unknown) =>
          f.kind === "point" ? pointToText(value) : typeof value === "string" ? value : "";
        input.addEventListener("input", () => options.onChange(path, parse(input.value), group));
        return field(path, f, input, (spec) => {
          const value = getAt(spec, path);
          setValue(input, show(value), show(parse(input.value)) === show(value));
        });
      }
      case "number": {
        const input = h("input", {id, type: "number", step: "any", inputmode: "decimal"});
        input.addEventListener("input", () => {
          if (input.value === "") return options.onChange(path, undefined, group);
          if (Number.isFinite(input.valueAsNumber)) options.onChange(path, input.valueAsNumber, group);
        });
        return field(path, f, input, (spec) => {
          const value = getAt(spec, path);
          setValue(input, typeof value === "number" ? String(value) : "", input.valueAsNumber === value);
        });
      }
      case "boolean": {
        const input = h("input", {id, type: "checkbox"});
        input.addEventListener("change", () => options.onChange(path, input.checked ? true : undefined));
        return field(path, f, input, (spec) => void (input.checked = getAt(spec, path) === true));
      }
      case "enum": {
        const select = h("select", {id});
        if (!f.required) select.append(h("option", {value: ""}, "(default)"));
        for (const o of f.options) select.append(h("option", {value: o}, o));
        select.addEventListener("change", () => options.onChange(path, select.value === "" ? undefined : select.value));
        return field(path, f, select, (spec) => setValue(select, String(getAt(spec, path) ?? ""), false));
      }
      case "list": {
        const input = h("textarea", {id, rows: "3", spellcheck: "false"});
        input.addEventListener("input", () => options.onChange(path, listFromText(input.value), group));
        return field(path, f, input, (spec) => {
          const value = getAt(spec, path);
          setValue(input, listToText(value), listToText(listFromText(input.value)) === listToText(value));
        });
      }
      case "choice":
        return choice(path, f);
      case "items":
        return items(path, f, count);
    }
  }

  /** An object of alternatives (an annotation's `on`): a menu of which one, and its value. */
  function choice(path: string, f: Extract<Field, {kind: "choice"}>): HTMLElement {
    const id = idOf(path);
    const kinds = h("select", {id: `${id}-kind`, "aria-label": `${f.label}: kind`});
    for (const o of f.options) kinds.append(h("option", {value: o.key}, o.label.toLowerCase()));
    const value = h("input", {id, type: "text", autocomplete: "off", "aria-label": f.label});
    const kindOf = (spec: Record<string, unknown>) => {
      const on = getAt(spec, path) as Record<string, unknown> | undefined;
      return f.options.find((o) => on?.[o.key] !== undefined)?.key ?? kinds.value ?? f.options[0].key;
    };
    const option = (key: string) => f.options.find((o) => o.key === key)!;
    const parse = (key: string, text: string) =>
      option(key).kind === "point" ? pointFromText(text) : text === "" ? undefined : text;
    const show = (key: string, v: unknown) => (option(key).kind === "point" ? pointToText(v) : String(v ?? ""));
    kinds.addEventListener("change", () => {
      const first = hints[kinds.value]?.[0];
      options.onChange(path, first !== undefined ? {[kinds.value]: first} : undefined);
    });
    value.addEventListener("input", () =>
      options.onChange(path, {[kinds.value]: parse(kinds.value, value.value)}, path)
    );
    const row = h("div", {class: "ed-choice-row"}, kinds, value);
    const wrapper = field(
      path,
      {...f, help: f.options[0].help},
      row,
      (spec) => {
        const key = kindOf(spec);
        kinds.value = key;
        const help = wrapper.querySelector(".ed-help");
        if (help) help.textContent = capital(option(key).help);
        if (hints[key]) value.setAttribute("list", `ed-hints-${key}`);
        else value.removeAttribute("list");
        value.placeholder = option(key).kind === "point" ? "x, y" : "";
        const current = getAt(spec, `${path}.${key}`);
        setValue(value, show(key, current), show(key, parse(key, value.value)) === show(key, current));
      },
      value
    );
    wrapper.querySelector("label")!.setAttribute("for", value.id);
    return wrapper;
  }

  /** A list of objects (annotations): a group for each, with its own Remove button, then an Add button. */
  function items(path: string, f: Extract<Field, {kind: "items"}>, count: number): HTMLElement {
    const each = Array.from({length: count}, (_, i) => {
      const remove = h("button", {type: "button", class: "ed-remove"}, `Remove annotation ${i + 1}`);
      remove.addEventListener("click", () => options.onRemoveAnnotation(i));
      const fields = f.item.map((item) => build(`${path}[${i}].${item.key}`, item, 0));
      const legend = h("legend", {}, `Annotation ${i + 1}`);
      return h("fieldset", {class: "ed-item", "data-index": String(i)}, legend, ...fields, remove);
    });
    const add = h("button", {type: "button", class: "ed-add"}, "Add annotation");
    add.addEventListener("click", () => options.onAddAnnotation());
    const help = h(
      "p",
      {class: "ed-help", id: "ed-annotations-help"},
      f.help ? `${capital(f.help)}. ` : "",
      "Drag a note’s label on the chart, or focus it and use the arrow keys, to move it."
    );
    const error = h("p", {class: "ed-error", id: "ed-annotations-error", hidden: ""});
    const group = fieldset(f.label, help, ...each, add, error);
    group.setAttribute("data-field", path);
    controls.set(path, {wrapper: group, error, focusable: add, sync: () => {}});
    return group;
  }

  function fieldset(legend: string, ...children: (Node | string)[]): HTMLFieldSetElement {
    return h("fieldset", {class: "ed-group"}, h("legend", {}, legend), ...children);
  }

  function rebuild(spec: Record<string, unknown>) {
    const active = document.activeElement?.id;
    controls = new Map();
    const type = String(spec.type ?? "");
    const layout = formLayout(schema, type);
    const typeSelect = h("select", {id: "ed-type"});
    for (const t of layout.types) typeSelect.append(h("option", {value: t}, t));
    typeSelect.addEventListener("change", () => options.onTypeChange(typeSelect.value));
    const typeField = field(
      "type",
      {key: "type", label: "Chart type", help: "", required: true, kind: "text"},
      typeSelect,
      (s) => setValue(typeSelect, String(s.type ?? ""), false)
    );
    const count = Array.isArray(spec.annotations) ? spec.annotations.length : 0;
    const groups: HTMLElement[] = [
      fieldset("Text", ...layout.text.map((f) => build(f.key, f, count))),
      fieldset("Chart", typeField, ...layout.options.map((f) => build(f.key, f, count)))
    ];
    if (layout.annotations) groups.push(build(layout.annotations.key, layout.annotations, count));
    element.replaceChildren(...groups, datalists);
    if (active) document.getElementById(active)?.focus();
  }

  return {
    element,
    update(spec, problems) {
      const next = shapeOf(spec);
      if (next !== shape) {
        shape = next;
        rebuild(spec);
      }
      for (const control of controls.values()) {
        control.sync(spec);
        control.error.hidden = true;
        control.error.textContent = "";
        control.wrapper.classList.remove("ed-invalid");
        control.focusable.removeAttribute("aria-invalid");
      }
      const unplaced: FormProblem[] = [];
      for (const problem of problems) {
        const path = controlFor(problem.field, controls.keys());
        const control = path === null ? undefined : controls.get(path);
        if (!control) {
          unplaced.push(problem);
          continue;
        }
        const line = h("span", {}, problem.detail);
        if (control.error.textContent) control.error.append(h("br"));
        control.error.append(line);
        control.error.hidden = false;
        control.wrapper.classList.add("ed-invalid");
        control.focusable.setAttribute("aria-invalid", "true");
      }
      return unplaced;
    }
  };
}
