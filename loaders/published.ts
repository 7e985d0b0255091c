/**
 * The publish record, `data/published.csv`: what each explainer showed readers when it was last
 * published with `npx explainer publish`, one row per figure (cited in prose, the standfirst or
 * cards, or drawn by its charts). It is committed with the story and is the base the stage compares
 * the ledger with: a figure whose content hash differs from its row has changed since readers saw
 * it (docs/living-figures.md). Only `publish` writes it; `npm run build` never does.
 *
 * ```csv
 * explainer,date,claim,label,as_of,source,hash,logged
 * refugees,2026-11-25,refugees,"more than 800,000",2022-03-02,2022-03-02-fixture-…,3c1e0a9b27d4,0
 * ```
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {csvFormat} from "d3-dsv";
import type {Claim} from "../src/components/claim.ts";
import {isSlug} from "../src/components/slug.ts";
import {KitError, throwIfAny, type ErrorCode} from "./errors.ts";
import {contentHash} from "./hash.ts";
import {parseCsvRows} from "./ledger.ts";
import {isIsoDate, notADate} from "./sources.ts";

/** The publish record, relative to the project root. */
export const publishedFile = "data/published.csv";

/** Its columns, in order. */
export const publishedColumns = ["explainer", "date", "claim", "label", "as_of", "source", "hash", "logged"] as const;

/** One row of the record: a figure of an explainer as published, or (claim "") an explainer that showed none. */
export interface PublishedFigure {
  explainer: string;
  /** The day this explainer's record last changed (the publish that put its figures there). */
  date: string;
  /** The claim's id; "" on the one row of an explainer that showed no figure. */
  claim: string;
  /** The label readers saw: `more than 800,000`. */
  label: string;
  /** The claim's `as_of` then. */
  as_of: string;
  /** The claim's source then. */
  source: string;
  /** {@link figureHash} of the claim then. */
  hash: string;
  /** How many entries of `data/corrections.csv` were about this figure of this explainer then. */
  logged: number;
  /** Its line in the file (0 for a row not read from a file). */
  line: number;
}

/** The length of a figure's hash in the record: 12 hex digits. */
export const figureHashLength = 12;

/**
 * The content hash of what a reader sees of a claim: its label and interval, what it measures, who
 * gave it, when, where, its source and its quote (not its note). A claim whose hash differs from its
 * row in the record has changed since it was published.
 */
export function figureHash(claim: Claim): string {
  const seen = [
    claim.label,
    claim.value,
    claim.lower,
    claim.upper,
    claim.lowerInclusive,
    claim.upperInclusive,
    claim.qualifier,
    claim.approximate,
    claim.unit,
    claim.measure,
    claim.attribution,
    claim.as_of,
    claim.place,
    claim.source,
    claim.quote
  ];
  return contentHash(JSON.stringify(seen)).slice(0, figureHashLength);
}

const hashPattern = new RegExp(`^[0-9a-f]{${figureHashLength}}$`);

/**
 * Parses and checks the record's text: every row names an explainer (a slug), a real date, a claim
 * id (a slug, or empty on an explainer's only row), a label, a hash of 12 hex digits and a count;
 * no figure twice for one explainer, one date per explainer. Throws every problem, with its line.
 */
export function parsePublished(text: string, file: string = publishedFile): PublishedFigure[] {
  const rows: PublishedFigure[] = [];
  const problems: KitError[] = [];
  const seen = new Map<string, number>();
  const dates = new Map<string, string>();
  for (const {line, record} of parseCsvRows(text, file, publishedColumns)) {
    const fail = (code: ErrorCode, detail: string) => problems.push(new KitError(code, detail, {file, line}));
    const before = problems.length;
    const cell = (name: (typeof publishedColumns)[number]) => (record[name] ?? "").trim();
    const [explainer, date, claim, label, asOf, source, hash, logged] = publishedColumns.map(cell);
    if (!isSlug(explainer)) fail("INVALID_ID", `explainer ${JSON.stringify(explainer)} is not a slug`);
    if (!isIsoDate(date)) fail("INVALID_DATE", notADate(date, "date"));
    if (claim !== "" && !isSlug(claim)) fail("INVALID_ID", `claim ${JSON.stringify(claim)} is not a slug`);
    if (claim !== "") {
      if (label === "") fail("MISSING_FIELD", `"label" is empty for claim "${claim}"`);
      if (!isIsoDate(asOf)) fail("INVALID_DATE", notADate(asOf, "as_of"));
      if (!isSlug(source)) fail("INVALID_ID", `source ${JSON.stringify(source)} is not a source id`);
      if (!hashPattern.test(hash))
        fail("INVALID_FIELD", `hash ${JSON.stringify(hash)} is not ${figureHashLength} hex digits`);
      if (!/^\d+$/.test(logged)) fail("INVALID_FIELD", `logged ${JSON.stringify(logged)} is not a whole number`);
    }
    if (problems.length > before) continue;
    const key = `${explainer}\0${claim}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fail(
        "DUPLICATE_ID",
        claim
          ? `claim "${claim}" of explainer "${explainer}" is recorded twice (first on line ${first})`
          : `explainer "${explainer}" has two rows without a claim (first on line ${first})`
      );
      continue;
    }
    seen.set(key, line);
    const known = dates.get(explainer);
    if (known !== undefined && known !== date) {
      fail("INVALID_DATE", `explainer "${explainer}" was published on ${known} on an earlier row, not ${date}`);
      continue;
    }
    dates.set(explainer, date);
    rows.push({explainer, date, claim, label, as_of: asOf, source, hash, logged: Number(logged || 0), line});
  }
  for (const [explainer] of dates) {
    const lines = rows.filter((r) => r.explainer === explainer);
    const empty = lines.find((r) => r.claim === "");
    if (empty && lines.length > 1) {
      problems.push(
        new KitError(
          "INVALID_FIELD",
          `explainer "${explainer}" has figures and also a row without a claim (only an explainer that showed no figure has one)`,
          {file, line: empty.line}
        )
      );
    }
  }
  throwIfAny(problems);
  return rows;
}

/** Reads the record under `root`; null when the project has none (nothing published with `explainer publish` yet). */
export function readPublished(root: string): PublishedFigure[] | null {
  let text: string;
  try {
    text = readFileSync(join(root, publishedFile), "utf-8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return parsePublished(text);
}

/** The record as the file's text: explainers and their figures sorted by id, so that a republish changes only what changed. */
export function formatPublished(rows: readonly PublishedFigure[]): string {
  const sorted = [...rows].sort((a, b) =>
    a.explainer !== b.explainer ? (a.explainer < b.explainer ? -1 : 1) : a.claim < b.claim ? -1 : 1
  );
  const cells = sorted.map((r) => ({...r, logged: r.claim ? String(r.logged) : ""}));
  return csvFormat(cells, [...publishedColumns]) + "\n";
}

/**
 * The record's rows of figures that have moved on since they were published: their claim now cites
 * another source or shows another label, or is no longer in `claims`. Each leaves the number it
 * quoted to be cited again or ignored as superseded.
 */
export function movedOnFigures(record: readonly PublishedFigure[], claims: readonly Claim[]): PublishedFigure[] {
  const byId = new Map(claims.map((c) => [c.id, c]));
  return record.filter(
    (r) => r.claim !== "" && (byId.get(r.claim)?.source !== r.source || byId.get(r.claim)?.label !== r.label)
  );
}

/** What the next record is made from: each published (not draft) explainer, the figures it shows and its log. */
export interface RecordInput {
  explainers: readonly {slug: string; draft: boolean; shown: readonly string[]}[];
  claims: ReadonlyMap<string, Claim>;
  /** How many log entries each explainer has about each claim: `logged(slug, claim)`. */
  logged: (explainer: string, claim: string) => number;
}

/**
 * The record after a publish on `today`: one row per figure of each published explainer. An
 * explainer whose figures are what the previous record says keeps its rows and date, so publishing
 * twice changes nothing; any other gets today's date. Drafts are left out, and so are explainers
 * that no longer exist.
 */
export function nextRecord(input: RecordInput, previous: readonly PublishedFigure[], today: string): PublishedFigure[] {
  const rows: PublishedFigure[] = [];
  for (const e of input.explainers) {
    if (e.draft) continue;
    const figures = e.shown.flatMap((id) => {
      const claim = input.claims.get(id);
      if (!claim) return [];
      const {label, as_of, source} = claim;
      return [{claim: id, label, as_of, source, hash: figureHash(claim), logged: input.logged(e.slug, id)}];
    });
    const before = previous.filter((r) => r.explainer === e.slug);
    const same =
      before.length > 0 &&
      (figures.length === 0
        ? before.length === 1 && before[0].claim === ""
        : before.length === figures.length &&
          figures.every((f) => {
            const r = before.find((b) => b.claim === f.claim);
            return r && r.hash === f.hash && r.label === f.label && r.logged === f.logged;
          }));
    if (same) {
      rows.push(...before.map((r) => ({...r, line: 0})));
      continue;
    }
    if (figures.length === 0) {
      rows.push({
        explainer: e.slug,
        date: today,
        claim: "",
        label: "",
        as_of: "",
        source: "",
        hash: "",
        logged: 0,
        line: 0
      });
    }
    for (const f of figures) rows.push({explainer: e.slug, date: today, ...f, line: 0});
  }
  return rows;
}
