import {existsSync} from "node:fs";
import {mkdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {KitError, problemsOf, throwIfAny} from "../../loaders/errors.ts";
import {checkTextSize, storyLimits} from "../../loaders/limits.ts";
import {decodeText, formatSource, parseRawArticle, sourceIdOf, sourcesDir} from "../../loaders/sources.ts";
import {isSlug} from "../../src/components/slug.ts";
import {readNamedFile, UsageError, type Effects} from "../effects.ts";

/**
 * Archives a raw article (wire copy, or the seed's layout: see parseRawArticle) as
 * `data/sources/<published>-<slug>.md`, or under `id` when given (a later version of a story whose
 * headline and date are already archived), dated `published` when given; never overwrites an
 * existing source.
 */
export async function archiveArticle(
  path: string,
  {root, now, stdout}: Effects,
  {id, published}: {id?: string; published?: string} = {}
): Promise<string> {
  const {file, bytes} = await readNamedFile(root, path);
  if (id !== undefined && !isSlug(id)) {
    const detail = `source id ${JSON.stringify(id)} is not a slug (lower-case letters, digits and hyphens)`;
    throw new KitError("INVALID_ID", detail, {file});
  }
  const raw = decodeText(bytes, file);
  // An article over the limit on sources would be archived as a source that fails check: refused here.
  checkTextSize(raw, file, storyLimits.sourceChars, "the article");
  const article = parseRawArticle(raw, file, published);
  const sourceId = id ?? sourceIdOf(article, file);
  const target = `${sourcesDir}/${sourceId}.md`;
  const text = formatSource(
    {...article, publisher: "", url: "", archived: now().toISOString().slice(0, 10)},
    article.body
  );
  await mkdir(join(root, sourcesDir), {recursive: true});
  try {
    await writeFile(join(root, target), text, {flag: "wx"});
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      let n = 2;
      while (existsSync(join(root, sourcesDir, `${sourceId}-${n}.md`))) n++;
      throw new KitError(
        "SOURCE_EXISTS",
        `${target} already exists; to keep both (a later version of the story, say), give this one its own id: --id ${sourceId}-${n}`,
        {file}
      );
    }
    throw error;
  }
  stdout(`${target}\n`);
  return sourceId;
}

/**
 * `explainer add-source FILE… [--id ID] [--published YYYY-MM-DD]`: archives each file in turn (the
 * day's wire copy at once); one that is refused does not stop the others, and every problem is
 * reported. `--id` and `--published` name one article's id and date, so they take one FILE.
 */
export async function run(args: string[], effects: Effects): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({args, options: {id: {type: "string"}, published: {type: "string"}}, allowPositionals: true});
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const files = parsed.positionals;
  if (files.length === 0) throw new UsageError("add-source takes a FILE");
  const one = Object.keys(parsed.values).map((name) => `--${name}`);
  if (files.length > 1 && one.length > 0)
    throw new UsageError(`${one.join(" and ")} ${one.length > 1 ? "are" : "is"} for one FILE at a time`);
  const problems: KitError[] = [];
  for (const file of files) {
    try {
      await archiveArticle(file, effects, parsed.values);
    } catch (error) {
      if (problemsOf(error).length === 0) throw error;
      problems.push(...problemsOf(error));
    }
  }
  throwIfAny(problems);
}
