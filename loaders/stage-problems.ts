/**
 * The stage's problems: each a KitError with its scope (the project, one explainer, one page, one
 * source) and whether it blocks a build, as `status.json` stores them and every command reports them.
 */
import {KitError, problemsOf, type ErrorCode} from "./errors.ts";

/** What a problem belongs to: the whole project, one explainer (by slug), one other page, or one source (by id). */
export type Scope = {project: true} | {explainer: string} | {page: string} | {source: string};

/** A problem the stage found, as stored in `status.json`. */
export interface StageProblem {
  code: ErrorCode;
  detail: string;
  file: string;
  line?: number;
  field?: string;
  /** `file:line: CODE: detail`, as the CLI prints it. */
  message: string;
  scope: Scope;
  /** Whether it stops `npm run build`: not for a draft page, nor for a source no published explainer cites. */
  blocking: boolean;
}

/** A KitError with its scope, as stored. */
export function stageProblem(error: KitError, scope: Scope, blocking = true): StageProblem {
  const {code, detail, file, line, field, message} = error;
  return {
    code,
    detail,
    file,
    ...(line !== undefined ? {line} : {}),
    ...(field !== undefined ? {field} : {}),
    message,
    scope,
    blocking
  };
}

/** Reads a KitError or several from a thrown value, with a scope; rethrows anything else. */
export function scoped(error: unknown, scope: Scope, blocking = true): StageProblem[] {
  const problems = problemsOf(error);
  if (problems.length === 0) throw error;
  return problems.map((p) => stageProblem(p, scope, blocking));
}

/** The problems that stop a build. */
export function blockingProblems(run: {problems: readonly StageProblem[]}): StageProblem[] {
  return run.problems.filter((p) => p.blocking);
}

/** Blocking problems as KitErrors (for the CLI's one handler). */
export function asKitErrors(problems: StageProblem[]): KitError[] {
  return problems.map((p) => new KitError(p.code, p.detail, {file: p.file, line: p.line, field: p.field}));
}
