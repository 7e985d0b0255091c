/**
 * "Did you mean": the known id closest to one that names nothing, for the messages of `check`, the
 * commands and the editor (browser-safe). A claim id is long and easy to mistype, or to remember by
 * its main words ("shelters-fixture-wire" for "cost-emergency-shelters-fixture-wire").
 */

/** Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`, up to `limit` + 1. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = Array.from({length: b.length + 1}, (_, j) => j);
  let previous = before;
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length];
}

const words = (id: string) =>
  id
    .toLowerCase()
    .split(/[-_.\s]+/)
    .filter(Boolean);

/**
 * The known id closest to `name`, or undefined when none is close: a few characters off (a third
 * of its length at most), or one that holds every word of it (two words or more). Ties go to the
 * first in alphabetical order.
 *
 * ```ts
 * closest("refugee-un-voa", ["refugees-un-voa", "civilians-killed"]) // "refugees-un-voa"
 * ```
 */
export function closest(name: string, known: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.floor(lower.length / 3));
  const mine = words(name);
  let found: {id: string; score: number} | undefined;
  for (const id of known) {
    if (id === name) continue;
    let score = distance(lower, id.toLowerCase(), limit);
    if (score > limit) {
      const theirs = new Set(words(id));
      if (mine.length < 2 || !mine.every((w) => theirs.has(w))) continue;
      score = limit + 1 + theirs.size - mine.length;
    }
    if (!found || score < found.score || (score === found.score && id < found.id)) found = {id, score};
  }
  return found?.id;
}

/** ` (did you mean "<id>"?)` for the {@link closest} known id, or "" when none is close. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const id = closest(name, known);
  return id === undefined ? "" : ` (did you mean "${id}"?)`;
}
