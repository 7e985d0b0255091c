/**
 * Errors that name the place and the value: `data/claims.csv:4: QUOTE_NOT_IN_SOURCE: …`.
 * Every check in the kit reports through these, so the CLI prints them one per line and tests
 * assert on `code` and `line`.
 */

/** Where a problem is: a file (relative to the project), and a line or a field path when known. */
export interface Place {
  file: string;
  line?: number;
  field?: string;
}

/** One problem with one place, with a stable `code` for tests and tools. */
export class KitError extends Error {
  readonly code: string;
  readonly file: string;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly detail: string;
  constructor(code: string, detail: string, place: Place) {
    super(formatProblem(code, detail, place));
    this.name = "KitError";
    this.code = code;
    this.detail = detail;
    this.file = place.file;
    this.line = place.line;
    this.field = place.field;
  }
}

/** Several problems found in one pass; thrown so that all of them are reported, not only the first. */
export class KitErrors extends Error {
  readonly errors: KitError[];
  constructor(errors: KitError[]) {
    super(errors.map((e) => e.message).join("\n"));
    this.name = "KitErrors";
    this.errors = errors;
  }
}

/** `file:line: CODE: detail`, or `file: field: CODE: detail` when the place is a field path. */
export function formatProblem(code: string, detail: string, {file, line, field}: Place): string {
  const where = line !== undefined ? `${file}:${line}` : file;
  return `${where}: ${field !== undefined ? `${field}: ` : ""}${code}: ${detail}`;
}

/** Throws all problems at once when there are any. */
export function throwIfAny(errors: KitError[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new KitErrors(errors);
}

/** The problems inside an error thrown by the kit: one for a KitError, all for KitErrors, none otherwise. */
export function problemsOf(error: unknown): KitError[] {
  if (error instanceof KitErrors) return error.errors;
  if (error instanceof KitError) return [error];
  return [];
}
