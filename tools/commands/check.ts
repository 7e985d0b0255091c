import {auditProject} from "../../loaders/audit.ts";
import {loadChartDataSync, readChartSpecsSync} from "../../loaders/charts.ts";
import {throwIfAny} from "../../loaders/errors.ts";
import {checkPages} from "../../loaders/page-numbers.ts";
import {checkPageScripts} from "../publish/csp.ts";
import type {Command} from "./index.ts";

export const check: Command = {
  usage: "",
  summary:
    "verify sources, ledger and chart specs, that the ledger or data/ignored.csv answers for every count, percent and money number in the sources, and that no page holds an uncited number; print each problem as FILE:LINE: CODE: message",
  async run(_args, {root, stdout}) {
    const {sources, claims, rows, problems} = await auditProject(root);
    throwIfAny(problems);
    const charts = readChartSpecsSync(root, loadChartDataSync(root));
    throwIfAny([...charts.problems, ...checkPages(root), ...checkPageScripts(root)]);
    const count = (status: string) => rows.filter((r) => r.status === status).length;
    stdout(`ok: ${sources.length} source${sources.length === 1 ? "" : "s"}, ${claims.length} claims verified\n`);
    const unreviewed = count("unreviewed");
    const rest = unreviewed > 0 ? ` (none a count, percent or money)` : "";
    stdout(
      `ok: ${rows.length} numbers in sources: ${count("cited")} cited, ${count("ignored")} ignored, ${unreviewed} unreviewed${rest}\n`
    );
    stdout(`ok: ${charts.charts.length} chart specs valid; no uncited number in the pages\n`);
  }
};
