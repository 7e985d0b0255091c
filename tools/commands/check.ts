/**
 * `explainer check`: runs the story stage and reports, per explainer and per source, what it
 * verified and every problem. Problems that stop a build fail the command; the others (a draft
 * page's, unreviewed numbers in a source no published explainer cites) are printed as warnings.
 */
import {group} from "d3-array";
import {formatDate} from "../../src/components/chart-text.ts";
import {reviewedKinds} from "../../src/components/audit-repeats.ts";
import {formatProblem, throwIfAny} from "../../loaders/errors.ts";
import {staleMeasures, staleText} from "../../src/components/freshness.ts";
import {asKitErrors, blockingProblems, type StageProblem} from "../../loaders/stage-problems.ts";
import {drawnCharts, type Stage} from "../../loaders/stage-model.ts";
import {runStage} from "../../loaders/stage.ts";
import {explainersFreshness} from "../../loaders/stage-output-content.ts";
import type {Effects} from "../effects.ts";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The summary lines of a verified story: the project, each explainer, each source. */
export function summaryLines(stage: Stage, problems: StageProblem[]): string[] {
  const count = (scope: (p: StageProblem) => boolean) => problems.filter(scope).length;
  // "ok" only when the command passes: problems that block the build fail it, warnings do not.
  const blocking = count((p) => p.blocking);
  const lines = [
    `${blocking ? `not ok, ${plural(blocking, "problem")}` : "ok"}: ${plural(stage.sources.length, "source")}, ${plural(stage.claims.length, "claim")} verified, ${plural(Object.keys(drawnCharts(stage.charts, stage.failedCharts)).length, "chart")} rendered`
  ];
  for (const e of stage.explainers) {
    const n = count((p) => "explainer" in p.scope && p.scope.explainer === e.slug);
    const blocks = count((p) => "explainer" in p.scope && p.scope.explainer === e.slug && p.blocking);
    // (A published explainer's problems that do not block, such as a broken link, are warnings: it is ok.)
    const status = e.draft
      ? n
        ? `${plural(n, "problem")} (a draft: not built, not blocking)`
        : "ok"
      : blocks
        ? plural(blocks, "problem")
        : n
          ? `ok, ${plural(n, "warning")}`
          : "ok";
    const asOf = e.asOf ? `; figures as of ${formatDate(e.asOf)}` : "";
    lines.push(
      `explainer ${e.slug}${e.draft ? " (draft)" : ""}: ${status}: cites ${plural(e.claims.length, "claim")} from ${plural(e.sources.length, "source")}, ${plural(e.charts.length, "chart")}${asOf}`
    );
    const changes = (stage.changes ?? []).filter((c) => c.explainer === e.slug);
    if (changes.length > 0) {
      const each = changes.map((c) => {
        const reviewed = c.places.filter((p) => p.reviewed).length;
        const entry = c.entries.length ? `${c.entries[0].kind} written` : "no update yet";
        return `${c.claim} (${reviewed} of ${plural(c.places.length, "place")} reviewed; ${entry})`;
      });
      lines.push(
        `explainer ${e.slug}: ${plural(changes.length, "figure")} changed since published on ${formatDate(changes[0].before.date)}: ${each.join(", ")}`
      );
    }
  }
  const numbersOf = group(stage.numbers, (n) => n.source);
  for (const s of stage.sources) {
    const rows = numbersOf.get(s.id) ?? [];
    const by = (status: string) => rows.filter((r) => r.status === status && reviewedKinds.includes(r.kind)).length;
    const others = rows.filter(
      (r) => r.status !== "cited" && r.status !== "ignored" && !reviewedKinds.includes(r.kind)
    ).length;
    const citedBy = stage.explainers.filter((e) => e.sources.includes(s.id)).map((e) => e.slug);
    const who = citedBy.length ? `cited by ${citedBy.join(", ")}` : "cited by no explainer";
    lines.push(
      `source ${s.id}: ${plural(rows.length, "number")}: ${rows.filter((r) => r.status === "cited").length} cited, ${rows.filter((r) => r.status === "ignored").length} ignored, ${by("unreviewed")} unreviewed${others ? `, ${others} ${others === 1 ? "not a figure" : "not figures"} (dates, ordinals, vague)` : ""}; ${who}`
    );
  }
  return lines;
}

/**
 * The warnings of measures older than their explainer's `maxAgeDays` on `today` (ISO), one per
 * measure: `src/explainers/x.md: maxAgeDays: FIGURES_STALE: refugees: the newest figure is as of …`.
 */
export function staleWarnings(stage: Stage, today: string): string[] {
  const explainers = explainersFreshness(stage);
  return staleMeasures(explainers, today).map((s) =>
    formatProblem("FIGURES_STALE", `${staleText(s)}; refresh the figures, or raise maxAgeDays`, {
      file: s.file,
      field: "maxAgeDays"
    })
  );
}

/** `explainer check`. */
export async function run(_args: string[], {root, stdout, stderr, now}: Effects): Promise<void> {
  const result = await runStage(root);
  // When the inputs do not verify, the story is the last good one: no summary then, only the problems.
  if (result.stage && result.verified) {
    for (const line of summaryLines(result.stage, result.problems)) stdout(line + "\n");
  }
  for (const p of result.problems.filter((p) => !p.blocking)) stderr(`warning: ${p.message}\n`);
  if (result.stage && result.verified) {
    for (const line of staleWarnings(result.stage, now().toISOString().slice(0, 10))) stderr(`warning: ${line}\n`);
  }
  throwIfAny(asKitErrors(blockingProblems(result)));
}
