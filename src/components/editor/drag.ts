/**
 * Dragging a label on the chart to set its offset: an annotation's (its `dx`, `dy`), or a claim's
 * or a place's own label (an entry of the spec's `labels`). The renderer reports where it placed
 * each label (`renderChart(…, {onLabels})`: the anchor and the label's box, in the chart's pixels);
 * a move of the label by (x, y) makes the offset of the label's centre from its anchor `dx, dy`,
 * rounded to whole pixels. Arrow keys move a focused label by 1 px (10 px with Shift), so the chart
 * can be tuned without a pointer too. The math is pure; `enableDrag` is the DOM part.
 */
import type {PlacedLabel} from "../chart.ts";

/** A point or a move, in px. */
export interface Vector {
  x: number;
  y: number;
}

/** An annotation's offset as the spec writes it. */
export interface Offset {
  dx: number;
  dy: number;
}

/** The annotation a placed label is: `annotation:2` → 2; any other label → null. */
export function annotationOf(label: Pick<PlacedLabel, "key">): number | null {
  const m = /^annotation:(\d+)$/.exec(label.key);
  return m ? Number(m[1]) : null;
}

/** What moving a label changes: an annotation's offset, or a claim's or a place's label offset (`labels`). */
export type MoveTarget = {annotation: number} | {claim: string} | {place: string};

/** The target a placed label moves, or null for a label that does not move (country names, block names). */
export function moveTargetOf(label: Pick<PlacedLabel, "key">): MoveTarget | null {
  const annotation = annotationOf(label);
  if (annotation !== null) return {annotation};
  const m = /^(claim|place):(.+)$/.exec(label.key);
  if (!m) return null;
  return m[1] === "claim" ? {claim: m[2]} : {place: m[2]};
}

/** The key of the label a target moves: `annotation:2`, `claim:refugees`, `place:Kyiv`. */
export function targetKey(target: MoveTarget): string {
  if ("annotation" in target) return `annotation:${target.annotation}`;
  return "claim" in target ? `claim:${target.claim}` : `place:${target.place}`;
}

/** A short name of a target, for a screen reader: "Annotation 2", "Label of claim refugees". */
export function targetName(target: MoveTarget): string {
  if ("annotation" in target) return `Annotation ${target.annotation + 1}`;
  return "claim" in target ? `Label of claim ${target.claim}` : `Label of ${target.place}`;
}

/**
 * The offset of a label after it is moved by `move` (chart px): its centre's offset from its
 * anchor as placed, plus the move, rounded. `-0` becomes 0 so that the file never says `-0`.
 *
 * ```ts
 * offsetAfterMove({anchor: {x: 100, y: 50}, box: {x: 120, y: 40, width: 40, height: 20}}, {x: 5, y: -3});
 * // {dx: 45, dy: -3}
 * ```
 */
export function offsetAfterMove(label: Pick<PlacedLabel, "anchor" | "box">, move: Vector): Offset {
  const {anchor, box} = label;
  const dx = Math.round(box.x + box.width / 2 - anchor.x + move.x);
  const dy = Math.round(box.y + box.height / 2 - anchor.y + move.y);
  return {dx: dx + 0, dy: dy + 0};
}

/** A pointer's move on screen → the move in chart px, for a chart drawn `scale` times its own size. */
export function chartMove(screen: Vector, scale: number): Vector {
  const s = scale > 0 && Number.isFinite(scale) ? scale : 1;
  return {x: screen.x / s, y: screen.y / s};
}

/** The move of an arrow key (1 px, 10 px with Shift), or null for another key. */
export function keyMove(key: string, shift: boolean): Vector | null {
  const step = shift ? 10 : 1;
  const moves: Record<string, Vector> = {
    ArrowLeft: {x: -step, y: 0},
    ArrowRight: {x: step, y: 0},
    ArrowUp: {x: 0, y: -step},
    ArrowDown: {x: 0, y: step}
  };
  return moves[key] ?? null;
}

/** What `enableDrag` calls when a label was moved: what it moves, its new offset, and how (a pointer or a key). */
export type MoveHandler = (target: MoveTarget, offset: Offset, via: "pointer" | "key") => void;

/** Moves shorter than this (chart px) are clicks, not drags. */
const threshold = 1;

/**
 * Makes the movable labels of a rendered chart (annotations, claims' and places' labels) draggable
 * and focusable. `labels` are those the renderer reported for this very SVG; `texts` are the
 * annotations' texts, for their names. The label follows the pointer while it moves; `onMove` is
 * called once, when it is let go (Escape cancels), or at each arrow key.
 */
export function enableDrag(
  svg: SVGSVGElement,
  labels: readonly PlacedLabel[],
  texts: readonly string[],
  onMove: MoveHandler
): void {
  const byKey = new Map(labels.map((l) => [l.key, l]));
  for (const group of svg.querySelectorAll<SVGGElement>("g.kit-label")) {
    const label = byKey.get(group.getAttribute("data-key") ?? "");
    const target = label ? moveTargetOf(label) : null;
    if (!label || target === null) continue;
    group.classList.add("kit-draggable");
    group.setAttribute("tabindex", "0");
    group.setAttribute("role", "button");
    if ("annotation" in target) group.setAttribute("data-annotation", String(target.annotation));
    const what = "annotation" in target ? (texts[target.annotation] ?? "") : label.lines.map((l) => l.text).join(" ");
    group.setAttribute("aria-label", `${targetName(target)}: ${what}. Drag, or use the arrow keys, to move it.`);
    const scale = () =>
      svg.getBoundingClientRect().width / (svg.viewBox.baseVal?.width || svg.width.baseVal.value || 1);
    let start: {id: number; x: number; y: number} | null = null;
    let move: Vector = {x: 0, y: 0};
    const show = (v: Vector) => group.setAttribute("transform", v.x || v.y ? `translate(${v.x},${v.y})` : "");
    const end = (commit: boolean) => {
      if (!start) return;
      if (group.hasPointerCapture(start.id)) group.releasePointerCapture(start.id);
      start = null;
      group.classList.remove("kit-dragging");
      if (commit && Math.hypot(move.x, move.y) >= threshold) onMove(target, offsetAfterMove(label, move), "pointer");
      else show({x: 0, y: 0});
    };
    group.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      event.preventDefault();
      group.focus({preventScroll: true});
      group.setPointerCapture(event.pointerId);
      start = {id: event.pointerId, x: event.clientX, y: event.clientY};
      move = {x: 0, y: 0};
      group.classList.add("kit-dragging");
    });
    group.addEventListener("pointermove", (event) => {
      if (!start || event.pointerId !== start.id) return;
      move = chartMove({x: event.clientX - start.x, y: event.clientY - start.y}, scale());
      show(move);
    });
    group.addEventListener("pointerup", (event) => start?.id === event.pointerId && end(true));
    group.addEventListener("pointercancel", () => end(false));
    group.addEventListener("keydown", (event) => {
      if (event.key === "Escape") return end(false);
      const step = keyMove(event.key, event.shiftKey);
      if (!step || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      onMove(target, offsetAfterMove(label, step), "key");
    });
  }
}

/**
 * The spec after a label was moved: an annotation's `dx`, `dy` set, or the claim's or place's entry
 * of `labels` set (added when it has none). Pure.
 *
 * ```ts
 * withMove(spec, {claim: "refugees"}, {dx: 12, dy: -4}); // {…spec, labels: [{claim: "refugees", dx: 12, dy: -4}]}
 * ```
 */
export function withMove<T extends {annotations?: unknown[]; labels?: unknown[]}>(
  spec: T,
  target: MoveTarget,
  offset: Offset
): T {
  if ("annotation" in target) {
    const annotations = [...(spec.annotations ?? [])] as Record<string, unknown>[];
    annotations[target.annotation] = {...annotations[target.annotation], dx: offset.dx, dy: offset.dy};
    return {...spec, annotations};
  }
  const labels = [...(spec.labels ?? [])] as Record<string, unknown>[];
  const key = "claim" in target ? "claim" : "place";
  const name = "claim" in target ? target.claim : target.place;
  const i = labels.findIndex((l) => l[key] === name);
  const entry = {[key]: name, dx: offset.dx, dy: offset.dy};
  if (i >= 0) labels[i] = entry;
  else labels.push(entry);
  return {...spec, labels};
}
