/**
 * Where the built site will live. One setting, the environment variable `EXPLAINER_SITE_URL`
 * (`https://news.example/ukraine/`), gives the canonical and social URLs and the embed code, and
 * its path (`/ukraine/`) is Framework's `base`, for hosting under a sub-path. Without it the build
 * warns and writes those URLs relative to each page, which a browser resolves but a social
 * network's crawler may not.
 */
import {posix} from "node:path";
import {KitError} from "../../loaders/errors.ts";

/** The environment variable that holds the site's address. */
export const siteUrlVariable = "EXPLAINER_SITE_URL";

/** The site's address, normalized (absolute http(s), no query or hash, ending with a slash), or undefined when not set. */
export function siteUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  const value = env[siteUrlVariable]?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new KitError("INVALID_SITE_URL", `not an absolute URL: "${value}"`, {file: siteUrlVariable});
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash) {
    throw new KitError("INVALID_SITE_URL", `not an http(s) address without query or fragment: "${value}"`, {
      file: siteUrlVariable
    });
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/** The path the site is served under, for Framework's `base`: `https://news.example/ukraine/` → `/ukraine/`. */
export function siteBase(site: string | undefined): string {
  return site ? new URL(site).pathname : "/";
}

/** A page's clean path from its file in `dist/`: `index.html` → ``, `embed/x.html` → `embed/x`, `a/index.html` → `a/`. */
export function cleanPath(distPath: string): string {
  return distPath
    .replace(/\\/g, "/")
    .replace(/(^|\/)index\.html$/, "$1")
    .replace(/\.html$/, "");
}

/**
 * The URL of a file of the site (`target`, its path in `dist/`, an HTML page or any other file) as
 * written in the page `from`: absolute under the site's address when it is known, else relative
 * to that page (`./methodology`, `../_card/index.png`).
 */
export function siteLink(site: string | undefined, from: string, target: string): string {
  const path = target.endsWith(".html") ? cleanPath(target) : target.replace(/\\/g, "/");
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  if (site) return new URL(encoded, site).href;
  const relative = posix.relative(posix.dirname(from.replace(/\\/g, "/")), encoded || ".");
  const link =
    relative === "" || relative === "."
      ? "./"
      : relative === ".." || relative.startsWith("../")
        ? relative
        : `./${relative}`;
  return (path === "" || path.endsWith("/")) && !link.endsWith("/") ? `${link}/` : link;
}
