/**
 * Links between the site's own pages: a link from a page to a page or file of the site that does not
 * exist is a warning at its line (`BROKEN_LINK`), where Framework's build would only count it among
 * its "broken links" with no line, and readers would get a "not found". Links to other hosts, and
 * where on a page a `#fragment` leads, are not checked here.
 */
import {existsSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {KitError} from "./errors.ts";

/** A link a page holds: its address as written, and its line. */
export interface PageLink {
  href: string;
  line: number;
}

/** The extensions of Framework's data loaders: `x.csv` may be made by `x.csv.ts`, `x.csv.py`, … */
const loaderExtensions = [".ts", ".js", ".mjs", ".py", ".R", ".sh", ".jl", ".rs", ".go", ".java", ".exe"];

/** Whether `path` (a site path without query or fragment, from `/`) is a page or file of the site in `root`. */
export function sitePathExists(root: string, path: string): boolean {
  const src = join(root, "src");
  /** A file under src/, or the output of a loader there. */
  const made = (file: string) =>
    [file, ...loaderExtensions.map((e) => `${file}${e}`)].some((f) => existsSync(join(src, f)));
  const page = path.endsWith("/") ? `${path}index` : path.replace(/\.html$/, "");
  if (existsSync(join(src, `${page}.md`)) || (!path.endsWith("/") && made(path))) return true;
  // A file of an archive that Framework unpacks (`/data/download/claims/x.csv` from `claims.zip`, or its loader).
  for (let at = path.lastIndexOf("/"); at > 0; at = path.lastIndexOf("/", at - 1)) {
    if ([".zip", ".tar", ".tar.gz", ".tgz"].some((a) => made(`${path.slice(0, at)}${a}`))) return true;
  }
  // A parameterized page or loader of that folder (`src/embed/[chart].md` makes `/embed/<chart>`).
  try {
    return readdirSync(join(src, page.slice(0, page.lastIndexOf("/")))).some((name) => /^\[[^\]]+\]/.test(name));
  } catch {
    return false;
  }
}

/**
 * The site path an address on a page (`file` is `src/…/x.md`) leads to, from `/` and decoded, or
 * null when it is not the site's: an address with a scheme (`https:`, `mailto:`, `data:`), `//host`
 * or only a `#fragment`.
 */
export function sitePath(file: string, href: string): string | null {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#|$)/i.test(href)) return null;
  const {pathname} = new URL(href, new URL(file.replace(/^src/, "").replace(/\.md$/, ""), "https://site.invalid"));
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}

/**
 * The warnings for a page's links (`file` is `src/…/x.md`) that lead to no page or file of the site,
 * or to a draft, which the build leaves out (`drafts`: their site paths, `/explainers/<slug>`).
 */
export function brokenLinks(
  root: string,
  file: string,
  links: readonly PageLink[],
  drafts: ReadonlySet<string> = new Set()
): KitError[] {
  return links.flatMap(({href, line}) => {
    const path = sitePath(file, href);
    if (path === null) return [];
    const page = path.replace(/\.html$/, "");
    const why = drafts.has(page)
      ? "a draft, which the build leaves out"
      : sitePathExists(root, path)
        ? null
        : "which is no page or file of the site";
    return why ? [new KitError("BROKEN_LINK", `"${href}" leads to ${path}, ${why}`, {file, line})] : [];
  });
}
