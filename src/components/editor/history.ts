/**
 * Undo and redo for the chart editor: a list of past values, the present and the undone future.
 * Typing in one field makes one step, not one per keystroke: a change that names the same
 * `group` as the change before it replaces the present instead of adding a step, until `seal()`
 * (the field loses focus) or a change in another group. Pure: values are never copied or mutated.
 */

/** Options of `History.push`. */
export interface PushOptions {
  /** Changes of one group in a row (keystrokes in one field) make one step. */
  group?: string;
}

/**
 * The editing history of one value.
 *
 * ```ts
 * const history = new History(spec);
 * history.push({...spec, title: "A"}, {group: "title"});
 * history.push({...spec, title: "AB"}, {group: "title"}); // same step
 * history.undo(); // back to spec
 * ```
 */
export class History<T> {
  #past: T[] = [];
  #present: T;
  #future: T[] = [];
  #group: string | undefined;
  readonly #limit: number;

  /** A history whose present is `initial`; at most `limit` steps are kept. */
  constructor(initial: T, {limit = 500}: {limit?: number} = {}) {
    this.#present = initial;
    this.#limit = limit;
  }

  /** The current value. */
  get present(): T {
    return this.#present;
  }

  /** Whether there is a step to undo. */
  get canUndo(): boolean {
    return this.#past.length > 0;
  }

  /** Whether there is an undone step to redo. */
  get canRedo(): boolean {
    return this.#future.length > 0;
  }

  /** Makes `value` the present; the undone future is dropped. Returns false (and does nothing) when `value` is the present. */
  push(value: T, {group}: PushOptions = {}): boolean {
    if (Object.is(value, this.#present)) return false;
    if (group === undefined || group !== this.#group || this.#past.length === 0) {
      this.#past.push(this.#present);
      if (this.#past.length > this.#limit) this.#past.shift();
    }
    this.#present = value;
    this.#future = [];
    this.#group = group;
    return true;
  }

  /** Ends the current group: the next change is a step of its own even in the same group. */
  seal(): void {
    this.#group = undefined;
  }

  /** Goes one step back; returns the new present, or undefined when there is nothing to undo. */
  undo(): T | undefined {
    const previous = this.#past.pop();
    if (previous === undefined) return undefined;
    this.#future.push(this.#present);
    this.#present = previous;
    this.#group = undefined;
    return previous;
  }

  /** Goes one step forward again; returns the new present, or undefined when there is nothing to redo. */
  redo(): T | undefined {
    const next = this.#future.pop();
    if (next === undefined) return undefined;
    this.#past.push(this.#present);
    this.#present = next;
    this.#group = undefined;
    return next;
  }
}
