/**
 * What changed in a loader's output between two runs: rows added, removed and changed, matched by
 * their `id` column when every row has a distinct one (by their whole content otherwise), with each
 * row's `label` before and after (`refugees: more than 800,000 → more than 1,000,000`). Pure
 * functions of two texts, so tests call them directly.
 */
import {tableOf, type Row} from "../loaders/output-table.ts";

/** A row that was added or removed: its id (or `row N` when rows have no id) and its label when it has one. */
export interface RowRef {
  id: string;
  label?: string;
}

/** A row whose cells changed: which columns, and its label before and after when the label changed. */
export interface RowChange {
  id: string;
  fields: string[];
  label?: {before: string; after: string};
}

/** The change report of one output. */
export interface OutputChanges {
  /** There was no previous output. */
  isNew: boolean;
  /** The bytes differ. */
  differs: boolean;
  /** How rows were matched: by `id`, by whole content, or not at all (the output is not a table). */
  keyedBy: "id" | "content" | null;
  /** Rows before and after (null when not a table, or no previous output). */
  rowsBefore: number | null;
  rowsAfter: number | null;
  added: RowRef[];
  removed: RowRef[];
  changed: RowChange[];
}

function hasDistinctIds(rows: Row[]): boolean {
  const ids = new Set<string>();
  for (const row of rows) {
    if (typeof row.id !== "string" || row.id === "" || ids.has(row.id)) return false;
    ids.add(row.id);
  }
  return true;
}

const ref = (id: string, row: Row): RowRef => (row.label !== undefined ? {id, label: row.label} : {id});

/** Rows added, removed and changed between two tables, keyed by `id` when both have distinct ids. */
export function diffRows(
  before: Row[],
  after: Row[]
): Pick<OutputChanges, "keyedBy" | "added" | "removed" | "changed"> {
  if (hasDistinctIds(before) && hasDistinctIds(after)) {
    const old = new Map(before.map((r) => [r.id, r]));
    const now = new Map(after.map((r) => [r.id, r]));
    const changed: RowChange[] = [];
    for (const [id, row] of now) {
      const prev = old.get(id);
      if (!prev) continue;
      const columns = [...new Set([...Object.keys(prev), ...Object.keys(row)])];
      const fields = columns.filter((c) => (prev[c] ?? "") !== (row[c] ?? ""));
      if (fields.length === 0) continue;
      const label = fields.includes("label") ? {before: prev.label ?? "", after: row.label ?? ""} : undefined;
      changed.push(label ? {id, fields, label} : {id, fields});
    }
    return {
      keyedBy: "id",
      added: after.filter((r) => !old.has(r.id)).map((r) => ref(r.id, r)),
      removed: before.filter((r) => !now.has(r.id)).map((r) => ref(r.id, r)),
      changed
    };
  }
  // No ids: a row is its content; count each distinct row on both sides.
  const counts = new Map<string, number>();
  const key = (r: Row) => JSON.stringify(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));
  for (const r of before) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  const added: RowRef[] = [];
  after.forEach((r, i) => {
    const n = counts.get(key(r)) ?? 0;
    if (n > 0) counts.set(key(r), n - 1);
    else added.push(ref(`row ${i + 1}`, r));
  });
  const removed: RowRef[] = [];
  before.forEach((r, i) => {
    const n = counts.get(key(r)) ?? 0;
    if (n > 0) {
      counts.set(key(r), n - 1);
      removed.push(ref(`row ${i + 1}`, r));
    }
  });
  return {keyedBy: "content", added, removed, changed: []};
}

/** The change report of an output, from its previous text (null when there was none) and its new text. */
export function diffOutputs(name: string, before: string | null, after: string): OutputChanges {
  const next = tableOf(name, after);
  const prev = before === null ? null : tableOf(name, before);
  const base = {
    isNew: before === null,
    differs: before !== after,
    rowsBefore: prev?.length ?? null,
    rowsAfter: next?.length ?? null
  };
  if (prev && next) return {...base, ...diffRows(prev, next)};
  return {...base, keyedBy: null, added: [], removed: [], changed: []};
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const listed = 20;

/**
 * The change report of one output as text lines:
 *
 * ```
 * data/claims.csv: 1 changed (3 rows)
 *   ~ refugees: more than 800,000 → more than 1,000,000
 * ```
 */
export function formatChanges(name: string, c: OutputChanges): string[] {
  const rows = c.rowsAfter === null ? "" : ` (${plural(c.rowsAfter, "row")})`;
  if (c.isNew) return [`${name}: new${rows}`];
  if (!c.differs) return [`${name}: no change${rows}`];
  if (c.keyedBy === null) return [`${name}: changed`];
  const counts = [
    c.added.length && `${c.added.length} added`,
    c.removed.length && `${c.removed.length} removed`,
    c.changed.length && `${c.changed.length} changed`
  ].filter(Boolean);
  const lines = [`${name}: ${counts.length ? counts.join(", ") : "reordered or reformatted"}${rows}`];
  const show = <T>(items: T[], line: (item: T) => string) => {
    for (const item of items.slice(0, listed)) lines.push(`  ${line(item)}`);
    if (items.length > listed) lines.push(`  … and ${items.length - listed} more`);
  };
  const named = (r: RowRef) => (r.label !== undefined && r.label !== r.id ? `${r.id}: ${r.label}` : r.id);
  show(c.added, (r) => `+ ${named(r)}`);
  show(c.removed, (r) => `- ${named(r)}`);
  show(c.changed, (r) =>
    r.label ? `~ ${r.id}: ${r.label.before} → ${r.label.after}` : `~ ${r.id}: ${r.fields.join(", ")} changed`
  );
  return lines;
}
