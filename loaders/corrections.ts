/**
 * Corrections and updates, `data/corrections.csv` (`explainer,date,kind,claim,change`): what
 * changed on which explainer, when, and whether the earlier figure was wrong (`correction`) or
 * new information came in (`update`). Each explainer shows its own entries at the top.
 */
import {KitError, type Checked, type ErrorCode} from "./errors.ts";
import {checkCsvRows} from "./csv.ts";
import {isIsoDate, notADate} from "./sources.ts";

/** The corrections log, relative to the project root. */
export const correctionsFile = "data/corrections.csv";

/** Columns of the log; `kind` and `claim` may be empty. */
export const correctionColumns = ["explainer", "date", "kind", "claim", "change"] as const;

/** Kinds of entry: the earlier figure was wrong, or new information changed it. */
export const correctionKinds = ["correction", "update"] as const;

/** One entry: the explainer it belongs to, the day, its kind, the claim it is about (or ""), and what changed. */
export interface Correction {
  explainer: string;
  date: string;
  kind: (typeof correctionKinds)[number];
  claim: string;
  change: string;
  /** Its line in the file, for messages. */
  line: number;
}

/**
 * Checks the log's text: every row names an explainer, a real date, a known kind and what changed.
 * Whether the explainer and claim exist is the stage's check (it knows both). The good rows newest
 * first, and each bad row's problem.
 */
export function checkCorrections(text: string, file: string = correctionsFile): Checked<Correction> {
  const {rows: read, problems} = checkCsvRows(text, file, ["explainer", "date", "change"]);
  const corrections: Correction[] = [];
  for (const {line, record} of read) {
    const fail = (code: ErrorCode, detail: string) => problems.push(new KitError(code, detail, {file, line}));
    const kind = (record.kind ?? "").trim() || "correction";
    const before = problems.length;
    for (const name of ["explainer", "change"] as const) {
      if ((record[name] ?? "").trim() === "") fail("MISSING_FIELD", `"${name}" is empty`);
    }
    if (!isIsoDate(record.date ?? "")) fail("INVALID_DATE", notADate(record.date ?? "", "date"));
    if (!(correctionKinds as readonly string[]).includes(kind)) {
      fail("INVALID_FIELD", `kind ${JSON.stringify(kind)} is not one of ${correctionKinds.join(", ")}`);
    }
    if (problems.length > before) continue;
    corrections.push({
      explainer: record.explainer.trim(),
      date: record.date,
      kind: kind as Correction["kind"],
      claim: (record.claim ?? "").trim(),
      change: record.change.trim(),
      line
    });
  }
  const rows = corrections.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.line - b.line));
  return {rows, problems};
}
