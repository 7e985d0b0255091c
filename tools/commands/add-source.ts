import {readFile, writeFile} from "node:fs/promises";
import {join, relative, resolve} from "node:path";
import {mkdir} from "node:fs/promises";
import {KitError} from "../../loaders/errors.ts";
import {decodeText, formatSource, parseRawArticle, sourceIdOf, sourcesDir} from "../../loaders/sources.ts";
import {UsageError, type Effects} from "../effects.ts";

/**
 * Archives a raw article (` date YYYY-MM-DD <headline>`, then the body) as
 * `data/sources/<published>-<slug>.md`; never overwrites an existing source.
 */
export async function archiveArticle(path: string, {root, now, stdout}: Effects): Promise<string> {
  const file = relative(root, resolve(root, path)) || path;
  const bytes = await readFile(resolve(root, path)).catch(() => {
    throw new KitError("NO_SUCH_FILE", "cannot read the file", {file});
  });
  const article = parseRawArticle(decodeText(bytes, file), file);
  const id = sourceIdOf(article);
  const target = `${sourcesDir}/${id}.md`;
  const text = formatSource(
    {...article, publisher: "", url: "", archived: now().toISOString().slice(0, 10)},
    article.body
  );
  await mkdir(join(root, sourcesDir), {recursive: true});
  try {
    await writeFile(join(root, target), text, {flag: "wx"});
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new KitError("SOURCE_EXISTS", `${target} already exists; remove it first to import again`, {file});
    }
    throw error;
  }
  stdout(`${target}\n`);
  return id;
}

/** `explainer add-source`. */
export async function run(args: string[], effects: Effects): Promise<void> {
  if (args.length !== 1) throw new UsageError("add-source takes one FILE");
  await archiveArticle(args[0], effects);
}
