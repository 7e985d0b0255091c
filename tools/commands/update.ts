/**
 * `explainer update [CLAIM…] [--correction "WHY"]`: drafts the log entries readers are owed for
 * figures that changed since they were published, appending them to `data/corrections.csv`: an
 * update per changed figure with no entry yet (today's date, the old label → the new one, and the
 * new figure's source), or with `--correction`, a correction that says what was wrong and why. Edit
 * the drafted text as you like: the stage only needs an entry about the claim. A claim that did not
 * change is refused and nothing is written.
 */
import {KitError, throwIfAny} from "../../loaders/errors.ts";
import {correctionsFile} from "../../loaders/corrections.ts";
import {draftEntry} from "../../loaders/living.ts";
import {noClaim} from "../../src/components/claim.ts";
import {UsageError, type Effects} from "../effects.ts";
import {appendEntries, today, verifiedStage} from "../living-files.ts";

/** What `update` was asked for. */
export interface UpdateArgs {
  claims: string[];
  /** The editor's reason, for a correction; undefined for updates. */
  correction?: string;
}

/** Parses `[CLAIM…] [--correction "WHY"]`. */
export function parseUpdateArgs(args: string[]): UpdateArgs {
  const out: UpdateArgs = {claims: []};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--correction" || arg.startsWith("--correction=")) {
      const value = arg.includes("=") ? arg.slice("--correction=".length) : args[++i];
      if (!value?.trim())
        throw new UsageError('--correction needs the reason: --correction "the earlier figure was …"');
      out.correction = value.trim();
    } else if (arg.startsWith("-")) throw new UsageError(`unknown option: ${arg}`);
    else out.claims.push(arg);
  }
  if (out.correction !== undefined && out.claims.length === 0)
    throw new UsageError('a correction names the claim it corrects: update CLAIM --correction "…"');
  return out;
}

/** `explainer update`. */
export async function run(args: string[], effects: Effects): Promise<void> {
  const options = parseUpdateArgs(args);
  const {root, stdout} = effects;
  const {stage} = await verifiedStage(root);
  const claims = new Map(stage.claims.map((c) => [c.id, c]));
  const problems: KitError[] = [];
  for (const id of options.claims) {
    if (!claims.has(id))
      problems.push(new KitError("UNKNOWN_CLAIM", noClaim(id, claims.keys()), {file: "data/claims.csv"}));
    else if (!stage.changes.some((c) => c.claim === id)) {
      problems.push(
        new KitError(
          "UPDATE_WITHOUT_CHANGE",
          `"${id}" has not changed on any published explainer since it was published; there is nothing to update`,
          {file: correctionsFile}
        )
      );
    }
  }
  throwIfAny(problems);
  const wanted = stage.changes.filter(
    (c) => (options.claims.length === 0 || options.claims.includes(c.claim)) && c.entries.length === 0
  );
  if (wanted.length === 0) {
    stdout("nothing to draft: every changed figure has an update or a correction\n");
    return;
  }
  const date = today(effects);
  const entries = wanted.map((change) => draftEntry(change, claims.get(change.claim)!, date, options.correction));
  await appendEntries(root, entries);
  for (const e of entries) stdout(`${e.explainer},${e.date},${e.kind},${e.claim}: ${e.change}\n`);
  stdout(
    `drafted ${entries.length} entr${entries.length === 1 ? "y" : "ies"} in ${correctionsFile}: edit the wording there if you like\n`
  );
}
