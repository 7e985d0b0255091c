/**
 * `explainer new SLUG --title "…"`: starts an explainer, `src/explainers/SLUG.md`, from the kit's
 * scaffold (loaders/explainers.ts). It cites nothing yet, so `check` and `build` pass at once. A
 * slug that is not a slug or names an existing page is refused and nothing is written.
 */
import {mkdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {isSlug} from "../../src/components/slug.ts";
import {KitError} from "../../loaders/errors.ts";
import {explainersDir, referenceLike, scaffoldExplainer} from "../../loaders/explainers.ts";
import {UsageError, type Effects} from "../effects.ts";

/** What `new` was asked for. */
export interface NewArgs {
  slug: string;
  title: string;
  standfirst: string;
  byline: string;
  draft: boolean;
}

/** Parses `SLUG --title "…" [--standfirst "…"] [--byline "…"] [--draft]`. */
export function parseNewArgs(args: string[]): NewArgs {
  const options: Partial<NewArgs> & {draft: boolean} = {draft: false, standfirst: "", byline: ""};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const flag = /^--(title|standfirst|byline)(?:=(.*))?$/s.exec(arg);
    if (flag) {
      const value = flag[2] ?? args[++i];
      if (value === undefined) throw new UsageError(`--${flag[1]} needs a value`);
      options[flag[1] as "title" | "standfirst" | "byline"] = value.trim();
    } else if (arg === "--draft") options.draft = true;
    else if (arg.startsWith("-")) throw new UsageError(`unknown option: ${arg}`);
    else if (options.slug === undefined) options.slug = arg;
    else throw new UsageError(`unexpected argument ${JSON.stringify(arg)}`);
  }
  if (options.slug === undefined) throw new UsageError("new takes the explainer's SLUG");
  if (!options.title) throw new UsageError('new needs a --title "…"');
  return options as NewArgs;
}

/** Writes the new explainer's page; returns its file, relative to the root. */
export async function newExplainer(args: NewArgs, {root, now}: Pick<Effects, "root" | "now">): Promise<string> {
  const file = `${explainersDir}/${args.slug}.md`;
  if (!isSlug(args.slug)) {
    throw new KitError(
      "INVALID_ID",
      `"${args.slug}" is not a slug: lower-case letters and digits in words joined by hyphens, such as one-million-refugees`,
      {file}
    );
  }
  for (const key of ["title", "byline"] as const) {
    const ref = referenceLike.exec(args[key]);
    if (ref)
      throw new KitError("UNRESOLVED_REFERENCE", `${ref[0]} in the ${key} would not be resolved; write the words`, {
        file
      });
  }
  const text = scaffoldExplainer({...args, published: now().toISOString().slice(0, 10)});
  await mkdir(join(root, explainersDir), {recursive: true});
  try {
    await writeFile(join(root, file), text, {flag: "wx"});
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new KitError("EXPLAINER_EXISTS", `${file} already exists; choose another slug`, {file});
    }
    throw error;
  }
  return file;
}

/** `explainer new`. */
export async function run(args: string[], effects: Effects): Promise<void> {
  const options = parseNewArgs(args);
  const file = await newExplainer(options, effects);
  effects.stdout(`${file}\n`);
  const {findNumbers} = await import("../../loaders/numbers.ts");
  for (const n of findNumbers(options.title).filter((n) => ["count", "percent", "money"].includes(n.kind))) {
    effects.stderr(
      `warning: the title holds a figure, ${JSON.stringify(n.text)}: cite it in the page (the standfirst, say), or check will report it as UNCITED_NUMBER\n`
    );
  }
  effects.stderr(`started ${file}: write it, cite figures as {claim-id}, then \`npx explainer check\`\n`);
}
