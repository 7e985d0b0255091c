/**
 * `explainer links [--timeout MS] [--concurrency N]`: checks every archived source's `url`
 * (tools/links.ts) and prints one line per source. A dead (404, 410) or unreachable (another error
 * status, no answer, refused) url is a problem and fails the command; a moved one (redirected to a
 * page that answers) is a warning naming where it went. Without a network it says "not checked: no
 * network" and exits 0. The archived copy stays the reference: nothing is changed.
 */
import {KitError, throwIfAny} from "../../loaders/errors.ts";
import {checkLinks, type LinkResult} from "../links.ts";
import {UsageError, type Effects} from "../effects.ts";
import {verifiedStage} from "../living-files.ts";

/** What `links` was asked for. */
export interface LinksArgs {
  timeoutMs: number;
  concurrency: number;
}

/** Parses `[--timeout MS] [--concurrency N]`. */
export function parseLinksArgs(args: string[]): LinksArgs {
  const out: LinksArgs = {timeoutMs: 10_000, concurrency: 8};
  for (let i = 0; i < args.length; i++) {
    const m = /^--(timeout|concurrency)(?:=(.*))?$/.exec(args[i]);
    if (!m) throw new UsageError(`unknown argument: ${args[i]}`);
    const value = Number(m[2] ?? args[++i]);
    if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${m[1]} needs a whole number above 0`);
    if (m[1] === "timeout") out.timeoutMs = value;
    else out.concurrency = value;
  }
  return out;
}

const codes = {dead: "SOURCE_DEAD", unreachable: "SOURCE_UNREACHABLE", moved: "SOURCE_MOVED"} as const;

/** The problem of one result (dead, unreachable or moved), with the source's file and its `url` field. */
export function linkProblem(r: LinkResult): KitError | null {
  if (r.status === "ok" || r.status === "not-checked") return null;
  const hops = r.redirects.length ? ` (redirects: ${r.redirects.join(", ")})` : "";
  const detail =
    r.status === "moved"
      ? `${r.url} has moved: it redirects to ${r.final}${hops}; put the new address in url if it is the same article`
      : `${r.url}: ${r.detail}${hops}; the archived copy stays the reference`;
  return new KitError(codes[r.status], detail, {file: r.file, field: "url"});
}

/** `explainer links`. */
export async function run(args: string[], effects: Effects): Promise<void> {
  const options = parseLinksArgs(args);
  const {root, stdout, stderr} = effects;
  const {stage} = await verifiedStage(root);
  const sources = stage.sources.filter((s) => s.url.trim() !== "");
  const without = stage.sources.length - sources.length;
  if (sources.length === 0) {
    stdout(`no source has a url to check (${stage.sources.length} archived)\n`);
    return;
  }
  const results = await checkLinks(
    sources.map((s) => ({id: s.id, file: s.file, url: s.url.trim()})),
    options
  );
  const count = (status: LinkResult["status"]) => results.filter((r) => r.status === status).length;
  if (count("not-checked") === results.length) {
    stdout(`not checked: no network (${results.length} source${results.length === 1 ? "" : "s"} with a url)\n`);
    return;
  }
  for (const r of results) {
    const label = r.status === "not-checked" ? "not checked" : r.status;
    stdout(`${label}: ${r.file}: ${r.url}${r.final ? ` → ${r.final}` : ""} (${r.detail})\n`);
  }
  stdout(
    `links: ${results.length} checked: ${count("ok")} ok, ${count("moved")} moved, ${count("dead")} dead, ${count("unreachable")} unreachable` +
      (count("not-checked") ? `, ${count("not-checked")} not checked: no network` : "") +
      (without ? `; ${without} source${without === 1 ? " has" : "s have"} no url` : "") +
      "\n"
  );
  const problems = results.map(linkProblem).filter((p): p is KitError => p !== null);
  for (const p of problems.filter((p) => p.code === "SOURCE_MOVED")) stderr(`warning: ${p.message}\n`);
  throwIfAny(problems.filter((p) => p.code !== "SOURCE_MOVED"));
}
