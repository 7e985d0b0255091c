/**
 * The corrections log, `data/corrections.csv` (`date,change`): what was corrected on the explainer
 * and when. Shown on the explainer when it has any row.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {KitError, throwIfAny} from "./errors.ts";
import {parseCsvRows} from "./ledger.ts";
import {isIsoDate} from "./sources.ts";

/** The corrections log, relative to the project root. */
export const correctionsFile = "data/corrections.csv";

/** One correction: the day it was made and what changed. */
export interface Correction {
  date: string;
  change: string;
}

/** Parses and checks the corrections log; a missing file is an empty log. */
export function readCorrections(root: string): Correction[] {
  let text: string;
  try {
    text = readFileSync(join(root, correctionsFile), "utf-8");
  } catch {
    return [];
  }
  const problems: KitError[] = [];
  const corrections: Correction[] = [];
  for (const {line, record} of parseCsvRows(text, correctionsFile, ["date", "change"])) {
    if (!isIsoDate(record.date)) {
      problems.push(
        new KitError("INVALID_DATE", `date ${JSON.stringify(record.date)} is not a date YYYY-MM-DD`, {
          file: correctionsFile,
          line
        })
      );
    } else if (record.change.trim() === "") {
      problems.push(new KitError("MISSING_FIELD", '"change" is empty', {file: correctionsFile, line}));
    } else {
      corrections.push({date: record.date, change: record.change.trim()});
    }
  }
  throwIfAny(problems);
  return corrections.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
