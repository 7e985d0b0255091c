/**
 * The chart editor (src/editor.md, in `npm run dev` only): pick a chart or start a new one, edit
 * it in a form built from the chart schema or by dragging its labels (annotations, claims' and
 * places' labels), see it re-rendered at both widths with its problems beside their fields and
 * its label collisions listed, undo and redo, save it into `data/charts/<id>.json` through the
 * save endpoint, export it as SVG or PNG. Edits live in this module (by chart), so a data update
 * that re-runs the page's cell, or switching charts, loses nothing.
 */
import {checkChartSpec, type ChartSpec} from "../chart-spec.js";
import {
  chartWidths,
  landFromTopology,
  renderChart,
  svgLayoutProblems,
  type ChartData,
  type LayoutProblem,
  type PlacedLabel
} from "../chart.js";
import type {Claim} from "../claim.ts";
import type {MapPlace} from "../charts/types.ts";
import {formatSpec} from "../spec-format.js";
import {loadChart, saveChart, sessionFrom, type EditorSession, type SaveResult} from "./api.js";
import {enableDrag, targetKey, withMove, type MoveTarget, type Offset} from "./drag.js";
import {exportName, exportPng, exportSvg} from "./export.js";
import {changeType, chartTypesOf, type JsonSchema} from "./fields.js";
import {claimsOfMeasure, newChartSpec, newIdProblem} from "./new-chart.js";
import {createForm, type FormProblem} from "./form.js";
import {History} from "./history.js";
import {h} from "../element.js";
import {appendAt, getAt, removeAt, setAt} from "./spec-path.js";

type Spec = Record<string, unknown>;

/** What the page gives the editor: `data/editor-session.json`, `data/chart-data.json` and `data/chart-schema.json`. */
export interface EditorOptions {
  session: unknown;
  data: {charts: string[]; claims: Claim[]; places: MapPlace[]; countries?: unknown};
  schema: JsonSchema;
  /** Framework's `invalidation` promise: the editor lets go of the page's keys when its cell re-runs. */
  invalidation?: Promise<unknown>;
}

/** One chart being edited: its history and the version on disk it was loaded from. */
interface Entry {
  id: string;
  history: History<Spec>;
  /** Hash of the file version the edits are based on; null for a new chart not saved yet. */
  base: string | null;
  /** The spec as last loaded or saved, formatted: what "no unsaved changes" compares with. */
  saved: string;
}

/** Edits by session and chart, kept across re-runs of the page's cell. */
const store = new Map<string, Entry>();
let landCache: {countries: unknown; land: ChartData["land"]} | null = null;

/** The data the renderer and the check need, from `data/chart-data.json`. */
function chartData(data: EditorOptions["data"]): ChartData {
  if (data.countries && landCache?.countries !== data.countries) {
    landCache = {countries: data.countries, land: landFromTopology(data.countries as never)};
  }
  return {claims: data.claims, places: data.places, land: data.countries ? landCache!.land : undefined};
}

/** Values the form offers as hints, by property name. */
function hintsOf(data: ChartData): Record<string, string[]> {
  const claims = data.claims.map((c) => c.id);
  const places = data.places.map((p) => p.name);
  const countries = (data.land?.countries.features ?? []).map((f) => f.properties.name).sort();
  return {
    claims,
    claim: claims,
    places,
    place: places,
    measure: [...new Set(data.claims.map((c) => c.measure))],
    focus: countries
  };
}

/**
 * The editor's element.
 *
 * ```js
 * display(chartEditor({session, data, schema, invalidation}));
 * ```
 */
export function chartEditor({session: rawSession, data: rawData, schema, invalidation}: EditorOptions): HTMLElement {
  const root = h("div", {class: "kit-editor"});
  const session = sessionFrom(rawSession);
  if (!session) {
    root.append(
      h(
        "p",
        {class: "ed-notice", role: "alert"},
        "The chart editor saves through ",
        h("code", {}, "npm run dev"),
        ": start it and open the editor URL it prints."
      )
    );
    return root;
  }
  const data = chartData(rawData);
  const ids = rawData.charts;
  const key = (id: string) => `${session.url}|${id}`;

  // Toolbar: chart, undo, redo, save, status.
  const picker = h("select", {id: "ed-chart"});
  for (const id of ids) picker.append(h("option", {value: id}, id));
  const undoButton = h("button", {type: "button", "aria-keyshortcuts": "Control+Z Meta+Z"}, "Undo");
  const redoButton = h(
    "button",
    {type: "button", "aria-keyshortcuts": "Control+Shift+Z Meta+Shift+Z Control+Y"},
    "Redo"
  );
  const saveButton = h("button", {type: "button", class: "ed-save"}, "Save");
  const newButton = h(
    "button",
    {type: "button", class: "ed-new", "aria-expanded": "false", "aria-controls": "ed-new-chart"},
    "New chart"
  );
  const status = h("p", {class: "ed-status", role: "status", "aria-live": "polite"});
  const toolbar = h(
    "div",
    {class: "ed-toolbar", role: "toolbar", "aria-label": "Chart"},
    h("label", {for: "ed-chart"}, "Chart"),
    picker,
    newButton,
    undoButton,
    redoButton,
    saveButton,
    status
  );
  const conflict = h("div", {class: "ed-conflict", role: "alert", hidden: ""});
  const general = h("div", {class: "ed-problems", role: "alert", hidden: ""});
  const collisions = h("div", {class: "ed-problems ed-layout", role: "alert", hidden: ""});

  // Previews at both widths, each with its export buttons.
  const panes = (["wide", "narrow"] as const).map((name) => {
    const width = chartWidths[name];
    const canvas = h("div", {class: "ed-canvas"});
    const svgButton = h("button", {type: "button"}, "Download SVG");
    const pngButton = h("button", {type: "button"}, "PNG 2×");
    const png1Button = h("button", {type: "button"}, "PNG 1×");
    const caption = h(
      "figcaption",
      {},
      h("span", {}, `${name === "wide" ? "Wide" : "Narrow"}, ${width} px`),
      svgButton,
      png1Button,
      pngButton
    );
    const figure = h("figure", {class: `ed-preview ed-${name}`, "data-width": String(width)}, caption, canvas);
    svgButton.addEventListener("click", () => current && exportSvg(fresh(width), exportName(current.id, width, "svg")));
    for (const [button, scale] of [
      [png1Button, 1],
      [pngButton, 2]
    ] as const) {
      button.addEventListener("click", () => {
        if (!current) return;
        exportPng(fresh(width), exportName(current.id, width, "png", scale), scale).catch((e) =>
          say(`Export failed: ${e.message}`, "error")
        );
      });
    }
    return {name, width, canvas, figure, buttons: [svgButton, png1Button, pngButton]};
  });
  const stale = h(
    "p",
    {class: "ed-stale", hidden: ""},
    "The chart shows the last valid version: fix the problems in the form to see your changes."
  );
  const previews = h("section", {class: "ed-previews", "aria-label": "Preview"}, stale, ...panes.map((p) => p.figure));

  let current: Entry | null = null;
  let valid: ChartSpec | null = null;
  let saving = false;
  let refocus: {pane: string; key: string} | null = null;
  let layout: LayoutProblem[] = [];

  const form = createForm({
    schema,
    hints: hintsOf(data),
    onChange: (path, value, group) => edit((spec) => setAt(spec, path, value), group),
    onTypeChange: (type) => edit((spec) => changeType(spec, schema, type)),
    onAddAnnotation() {
      const spec = current?.history.present ?? {};
      const place = spec.type === "map" ? (getAt(spec, "places[0]") as string | undefined) : undefined;
      const claim = getAt(spec, "claims[0]") as string | undefined;
      const on = place !== undefined ? {place} : claim !== undefined ? {claim} : {};
      const index = Array.isArray(spec.annotations) ? spec.annotations.length : 0;
      edit((s) => appendAt(s, "annotations", {on, text: ""}));
      document.getElementById(`ed-annotations-${index}-text`)?.focus();
    },
    onRemoveAnnotation: (index) => edit((spec) => removeAt(spec, "annotations", index)),
    onSeal: () => current?.history.seal()
  });
  const creator = newChartPanel();
  root.append(
    toolbar,
    creator.element,
    conflict,
    general,
    collisions,
    h("div", {class: "ed-body"}, form.element, previews)
  );

  /** The "New chart" panel: type, id, title, and the claims (or every claim of a measure). */
  function newChartPanel() {
    const types = chartTypesOf(schema);
    const type = h("select", {id: "ed-new-type"}, ...types.map((t) => h("option", {value: t}, t)));
    const id = h("input", {
      id: "ed-new-id",
      type: "text",
      autocomplete: "off",
      spellcheck: "false",
      placeholder: "refugees-over-time"
    });
    const title = h("input", {id: "ed-new-title", type: "text", autocomplete: "off"});
    const measures = [...new Set(data.claims.map((c) => c.measure))];
    const measure = h(
      "select",
      {id: "ed-new-measure"},
      h("option", {value: ""}, "(pick claims below)"),
      ...measures.map((m) => h("option", {value: m}, m))
    );
    const boxes = data.claims.map((c) => {
      const box = h("input", {type: "checkbox", value: c.id, id: `ed-new-claim-${c.id}`});
      return {
        box,
        row: h(
          "li",
          {},
          box,
          h(
            "label",
            {for: box.id},
            `${c.id}: ${c.label} ${c.measure} (${c.attribution || "not attributed"}, ${c.as_of})`
          )
        )
      };
    });
    measure.addEventListener("change", () => {
      const chosen = new Set(claimsOfMeasure(measure.value, data.claims));
      for (const {box} of boxes) box.checked = chosen.has(box.value);
      if (measure.value && type.value !== "reported" && chosen.size > 1) type.value = "reported";
    });
    const problem = h("p", {class: "ed-error", id: "ed-new-problem", role: "alert", hidden: ""});
    const create = h("button", {type: "button", class: "ed-create"}, "Create");
    const cancel = h("button", {type: "button"}, "Cancel");
    const field = (label: string, control: HTMLElement) =>
      h("div", {class: "ed-field"}, h("label", {for: control.id}, label), control);
    const element = h(
      "section",
      {class: "ed-new-chart", id: "ed-new-chart", "aria-label": "New chart", hidden: ""},
      h("h2", {}, "New chart"),
      field("Chart type", type),
      field("Id (the file data/charts/<id>.json; place it on a page with ::: chart <id>)", id),
      field("Title", title),
      field("Every claim of a measure, over time", measure),
      h(
        "fieldset",
        {class: "ed-group"},
        h("legend", {}, "Claims"),
        h("ul", {class: "ed-claim-list"}, ...boxes.map((b) => b.row))
      ),
      problem,
      create,
      cancel
    );
    const toggle = (open: boolean) => {
      element.hidden = !open;
      newButton.setAttribute("aria-expanded", String(open));
      if (open) id.focus();
    };
    newButton.addEventListener("click", () => toggle(element.hidden));
    cancel.addEventListener("click", () => toggle(false));
    create.addEventListener("click", () => {
      const taken = [...ids, ...[...store.values()].map((e) => e.id)];
      const claims = boxes.filter((b) => b.box.checked).map((b) => b.box.value);
      const trouble =
        newIdProblem(id.value.trim(), taken) ??
        (title.value.trim() === ""
          ? "Give the chart a title."
          : claims.length === 0
            ? "Pick the claims it draws."
            : null);
      problem.hidden = trouble === null;
      problem.textContent = trouble ?? "";
      if (trouble) return;
      const chartId = id.value.trim();
      const ordered =
        type.value === "reported"
          ? claimsOfMeasure(data.claims.find((c) => c.id === claims[0])!.measure, data.claims).filter((c) =>
              claims.includes(c)
            )
          : claims;
      const spec = newChartSpec(
        {
          type: type.value,
          id: chartId,
          title: title.value.trim(),
          claims: type.value === "reported" ? [...ordered, ...claims.filter((c) => !ordered.includes(c))] : claims
        },
        data
      );
      const entry: Entry = {id: chartId, history: new History(spec), base: null, saved: ""};
      store.set(key(chartId), entry);
      picker.append(h("option", {value: chartId}, `${chartId} (new)`));
      picker.value = chartId;
      history.replaceState(null, "", `#${chartId}`);
      toggle(false);
      void open(chartId);
    });
    return {element};
  }

  function say(text: string, kind: "info" | "error" | "ok" = "info") {
    status.textContent = text;
    status.dataset.kind = kind;
  }

  const dirty = (entry: Entry) => formatSpec(entry.history.present) !== entry.saved;

  /** A clean rendering of the current valid spec, for export. */
  function fresh(width: number): SVGSVGElement {
    return renderChart(valid!, data, {width, id: `${current!.id}-export`});
  }

  function edit(change: (spec: Spec) => Spec, group?: string) {
    if (!current) return;
    if (current.history.push(change(current.history.present), {group})) update();
  }

  function move(target: MoveTarget, offset: Offset, via: "pointer" | "key", pane: string, key: string) {
    refocus = via === "key" ? {pane, key} : null;
    edit((spec) => withMove(spec, target, offset), via === "key" ? `nudge:${key}` : undefined);
  }

  /** Draws the spec at both widths and returns the label collisions the layout check finds there. */
  function draw(spec: ChartSpec): LayoutProblem[] {
    const texts = (spec.annotations ?? []).map((a) => a.text);
    const problems: LayoutProblem[] = [];
    for (const pane of panes) {
      let labels: readonly PlacedLabel[] = [];
      try {
        const svg = renderChart(spec, data, {width: pane.width, id: `ed-${pane.name}`, onLabels: (l) => (labels = l)});
        problems.push(...svgLayoutProblems(svg, {chart: current?.id ?? "chart", width: pane.width, labels}));
        enableDrag(svg, labels, texts, (target, offset, via) =>
          move(target, offset, via, pane.name, targetKey(target))
        );
        // A group, not one image: its movable labels are buttons (the exported file stays an image).
        svg.setAttribute("role", "group");
        pane.canvas.replaceChildren(svg);
      } catch (error) {
        pane.canvas.replaceChildren(
          h("p", {class: "ed-error"}, `The chart could not be drawn: ${(error as Error).message}`)
        );
      }
    }
    if (refocus) {
      const pane = panes.find((p) => p.name === refocus!.pane);
      pane?.canvas.querySelector<SVGGElement>(`[data-key="${CSS.escape(refocus.key)}"]`)?.focus({preventScroll: true});
      refocus = null;
    }
    return problems;
  }

  /** Shows the present spec: form, problems, chart, buttons. */
  function update(serverProblems: readonly FormProblem[] = []) {
    if (!current) return;
    const spec = current.history.present;
    const check = checkChartSpec(spec, data);
    const problems = [...check.problems, ...serverProblems];
    const unplaced = form.update(spec, problems);
    general.hidden = unplaced.length === 0;
    general.replaceChildren(
      ...(unplaced.length
        ? [
            h("p", {}, "Problems with the chart as a whole:"),
            h("ul", {}, ...unplaced.map((p) => h("li", {}, p.detail)))
          ]
        : [])
    );
    if (check.ok) {
      valid = check.spec;
      layout = draw(check.spec);
    } else layout = [];
    collisions.hidden = layout.length === 0;
    collisions.replaceChildren(
      ...(layout.length
        ? [
            h("p", {}, "Labels that collide or leave the chart (move them, shorten them, or remove an offset):"),
            h("ul", {}, ...layout.map((p) => h("li", {}, `${p.field ? `${p.field}: ` : ""}${p.detail}`)))
          ]
        : [])
    );
    stale.hidden = check.ok || valid === null;
    for (const pane of panes) for (const b of pane.buttons) b.disabled = !check.ok;
    undoButton.disabled = !current.history.canUndo;
    redoButton.disabled = !current.history.canRedo;
    const changed = dirty(current);
    saveButton.disabled = saving || !check.ok || layout.length > 0 || !(changed || current.base === null);
    if (saving) return;
    if (!check.ok) say(`${problems.length} problem${problems.length === 1 ? "" : "s"} to fix before saving.`, "error");
    else if (layout.length)
      say(`${layout.length} label collision${layout.length === 1 ? "" : "s"} to fix before saving.`, "error");
    else if (current.base === null) say("New chart: not saved yet.");
    else if (changed) say("Unsaved changes.");
    else if (status.dataset.kind !== "ok") say("No unsaved changes.");
  }

  function showConflict(entry: Entry, result: Extract<SaveResult, {status: "conflict"}>) {
    const reload = h("button", {type: "button"}, "Load the version on disk");
    reload.addEventListener("click", () => {
      entry.history.push(result.spec);
      entry.base = result.base;
      entry.saved = formatSpec(result.spec);
      conflict.hidden = true;
      status.dataset.kind = "";
      update();
    });
    conflict.replaceChildren(
      h(
        "p",
        {},
        h("strong", {}, "Not saved: "),
        `data/charts/${entry.id}.json changed on disk since you loaded it, and saving would overwrite that change.`
      ),
      h(
        "p",
        {},
        "Load the version on disk to continue from it; Undo then brings back your edits, to apply them again."
      ),
      reload
    );
    conflict.hidden = false;
    reload.focus();
  }

  async function save() {
    if (!current || saving || !valid) return;
    const entry = current;
    const spec = entry.history.present;
    saving = true;
    saveButton.disabled = true;
    say("Saving…");
    const result = await saveChart(session!, entry.id, spec, entry.base);
    saving = false;
    conflict.hidden = true;
    if (result.status === "saved") {
      const created = entry.base === null;
      entry.base = result.base;
      entry.saved = formatSpec(spec);
      if (created) {
        if (!ids.includes(entry.id)) ids.push(entry.id);
        const option = picker.querySelector<HTMLOptionElement>(`option[value="${CSS.escape(entry.id)}"]`);
        if (option) option.textContent = entry.id;
      }
      say(`${created ? "Created" : "Saved"} ${result.file} at ${new Date().toLocaleTimeString()}.`, "ok");
    } else if (result.status === "conflict") {
      update();
      say("Not saved: the file changed on disk.", "error");
      return showConflict(entry, result);
    } else if (result.status === "invalid") {
      say(`Not saved: ${result.message}`, "error");
      return update(result.problems);
    } else {
      // An id taken meanwhile, or an error: the form is as it was, and the status says why it was not saved.
      update();
      return say(`Not saved: ${result.message}`, "error");
    }
    update();
  }

  async function open(id: string) {
    const entry = store.get(key(id));
    conflict.hidden = true;
    valid = null;
    for (const pane of panes) pane.canvas.replaceChildren();
    if (entry) {
      current = entry;
      status.dataset.kind = "";
      return update();
    }
    current = null;
    saveButton.disabled = true;
    say(`Loading ${id}…`);
    try {
      const loaded = await loadChart(session!, id);
      const entry: Entry = {id, history: new History(loaded.spec), base: loaded.base, saved: formatSpec(loaded.spec)};
      store.set(key(id), entry);
      if (picker.value !== id) return;
      current = entry;
      status.dataset.kind = "";
      update();
    } catch (error) {
      say((error as Error).message, "error");
    }
  }

  function undo() {
    if (current?.history.undo() !== undefined) update();
  }
  function redo() {
    if (current?.history.redo() !== undefined) update();
  }

  picker.addEventListener("change", () => {
    history.replaceState(null, "", `#${picker.value}`);
    void open(picker.value);
  });
  undoButton.addEventListener("click", undo);
  redoButton.addEventListener("click", redo);
  saveButton.addEventListener("click", () => void save());
  const onKey = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const k = event.key.toLowerCase();
    if (k === "z" || k === "y") {
      event.preventDefault();
      if (k === "y" || event.shiftKey) redo();
      else undo();
    } else if (k === "s") {
      event.preventDefault();
      if (!saveButton.disabled) void save();
    }
  };
  const onUnload = (event: BeforeUnloadEvent) => {
    if ([...store.values()].some(dirty)) event.preventDefault();
  };
  document.addEventListener("keydown", onKey);
  window.addEventListener("beforeunload", onUnload);
  void invalidation?.then(() => {
    document.removeEventListener("keydown", onKey);
    window.removeEventListener("beforeunload", onUnload);
  });

  const wanted = decodeURIComponent(location.hash.slice(1));
  picker.value = ids.includes(wanted) ? wanted : (ids[0] ?? "");
  if (picker.value) void open(picker.value);
  else say("There is no chart in data/charts/ yet.", "error");
  return root;
}

export type {EditorSession};
