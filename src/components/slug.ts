/**
 * Slugs: the one grammar of every id the kit names in files and URLs (claims, charts, sources,
 * explainers): lower-case ASCII letters and digits in words joined by single hyphens.
 * Browser-safe, so the editor checks ids as the build does.
 */

/** The grammar as a regular expression source, to embed in larger patterns: `\{(${slugSource})\}`. */
export const slugSource = "[a-z0-9]+(?:-[a-z0-9]+)*";

const whole = new RegExp(`^${slugSource}$`);

/** True for a slug: `refugees`, `civilians-killed`, `2022-03-02-kyiv`. */
export function isSlug(text: string): boolean {
  return whole.test(text);
}

/**
 * The slug of a text (a headline, a measure): lower-case ASCII words joined by hyphens, accents
 * dropped, at most `max` characters, cut at a word. Empty when the text has no letter or digit.
 *
 * ```ts
 * slugify("Putin's invasion leaves 2,000 dead"); // "putins-invasion-leaves-2000-dead"
 * ```
 */
export function slugify(text: string, max = 100): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['\u2019]/g, "")
    .replace(/(\d),(?=\d)/g, "$1")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  return cut.slice(0, cut.lastIndexOf("-"));
}
