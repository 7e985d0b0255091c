import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {csvFormatBody} from "d3-dsv";
import {KitError} from "../../loaders/errors.ts";
import {ledgerColumns, ledgerFile, optionalColumns, parseCsvRows} from "../../loaders/ledger.ts";
import {numbersOfSource, type NumberRow} from "../../loaders/number-rows.ts";
import {decodeText, parseSource, slugify, sourcesDir, type Source} from "../../loaders/sources.ts";
import {UsageError, type Effects} from "../effects.ts";

/** Kinds a ledger row can cite: the others have no figure (vague, ordinal) or are not one (year, date). */
const citable = new Set(["count", "percent", "money", "duration", "distance"]);

/** Reads one archived source by id (`2022-03-02-…`) or path (`data/sources/2022-03-02-….md`). */
export async function readOneSource(root: string, ref: string): Promise<Source> {
  const id = ref.replace(/^.*\//, "").replace(/\.md$/, "");
  const file = `${sourcesDir}/${id}.md`;
  const bytes = await readFile(join(root, file)).catch(() => {
    throw new KitError("UNKNOWN_SOURCE", `source "${id}" is not in ${sourcesDir}/`, {file: ref});
  });
  return parseSource(decodeText(bytes, file), file);
}

/** The ledger's header and ids, read leniently: the draft row only needs them to fit in. */
async function ledgerShape(root: string): Promise<{columns: string[]; ids: Set<string>}> {
  const fallback = {columns: [...ledgerColumns, ...optionalColumns], ids: new Set<string>()};
  const text = await readFile(join(root, ledgerFile), "utf-8").catch(() => null);
  if (text === null) return fallback;
  try {
    const header = text.replace(/^\ufeff/, "").split(/\r?\n/, 1)[0];
    const columns = header.split(",").map((s) => s.replace(/^"|"$/g, "").trim());
    const ids = new Set(parseCsvRows(text, ledgerFile).map((r) => r.record.id));
    return {columns: columns.includes("id") ? columns : fallback.columns, ids};
  } catch {
    return fallback;
  }
}

/**
 * A draft ledger row for the number at `offset` in a source's body: the figure as written, its
 * sentence as the quote, `measure` from its unit, `as_of` = published. The attribution and place
 * are left empty for the reporter, who knows who gave the figure.
 */
export async function draftClaim(
  root: string,
  ref: string,
  offset: number
): Promise<{row: Record<string, string>; columns: string[]; number: NumberRow}> {
  const source = await readOneSource(root, ref);
  const numbers = numbersOfSource(source).filter((n) => n.part === "body");
  const number = numbers.find((n) => n.start <= offset && offset < n.end);
  if (!number) {
    const starts = numbers
      .map((n) => n.start)
      .slice(0, 12)
      .join(", ");
    const detail = `no number at offset ${offset} of the body of "${source.id}"; numbers start at ${starts || "(none)"}`;
    throw new KitError("NO_NUMBER_AT_OFFSET", detail, {file: source.file});
  }
  if (!citable.has(number.kind) || number.value === null) {
    const detail = `${number.kind} ${JSON.stringify(number.text)} at offset ${number.start} is not a figure to cite; list it in data/ignored.csv with a reason`;
    throw new KitError("NOT_A_FIGURE", detail, {file: source.file});
  }
  const {columns, ids} = await ledgerShape(root);
  const measure = number.kind === "percent" ? "" : number.unit;
  const base = slugify(measure) || "figure";
  let id = base;
  for (let i = 2; ids.has(id); i++) id = `${base}-${i}`;
  const row: Record<string, string> = {
    id,
    figure: number.text.replace(/US\$|[£$€¥₴₽]\s?/gu, ""),
    measure,
    attribution: "",
    as_of: source.published,
    place: "",
    source: source.id,
    quote: number.sentence
  };
  return {row, columns, number};
}

/** `explainer claim`. */
export async function run(args: string[], {root, stdout, stderr}: Effects): Promise<void> {
  if (args.length !== 2) throw new UsageError("claim takes a SOURCE (id or path) and a START offset");
  if (!/^\d+$/.test(args[1]))
    throw new UsageError(`START must be an offset (0, 1, 2, …), not ${JSON.stringify(args[1])}`);
  const {row, columns, number} = await draftClaim(root, args[0], Number(args[1]));
  stdout(csvFormatBody([row], columns) + "\n");
  const todo = ["attribution (who gave the figure; empty only if the source does not say)", "place"];
  if (row.measure === "")
    todo.push(number.kind === "percent" ? "measure (a percentage of what)" : "measure (what is counted)");
  if (number.kind === "money")
    todo.push("measure: the figure leaves out the currency sign, which parseFigure does not read");
  stderr(`draft row for ${ledgerFile}: paste it at the end, then fill in ${todo.join(", ")}; check id\n`);
}
