import {existsSync} from "node:fs";
import {mkdir, readFile, rename, writeFile} from "node:fs/promises";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {build} from "esbuild";
import type {Effects} from "./effects.ts";

/**
 * The `npm:` modules that Framework's own client imports for our pages: `d3-dsv` behind
 * `FileAttachment(…).csv()`. Framework would download them from a CDN; we bundle them from
 * node_modules instead, at the installed version.
 */
export const vendoredModules = ["d3-dsv"] as const;

/** The folder where Framework looks for an `npm:` module before it fetches it. */
export function npmCacheDir(root: string): string {
  return join(root, "src/.observablehq/cache/_npm");
}

/** The installed version of a package, read from its package.json in node_modules. */
export async function installedVersion(root: string, name: string): Promise<string> {
  // Packages may not export their package.json: walk up from the resolved entry instead.
  let dir = dirname(createRequire(join(root, "package.json")).resolve(name));
  for (;;) {
    const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf-8").catch(() => "{}"));
    if (pkg.name === name) return pkg.version;
    if (dir === dirname(dir)) throw new Error(`cannot find the package.json of ${name}`);
    dir = dirname(dir);
  }
}

/**
 * Writes `src/.observablehq/cache/_npm/<name>@<version>/_esm.js` for each vendored module: one
 * self-contained ES module bundled by esbuild from node_modules. Framework finds it there and
 * neither resolves a version nor downloads anything. A module already there at the installed
 * version is kept (the version is in its path).
 */
export async function vendorNpm(
  {root, stderr}: Effects,
  names: readonly string[] = vendoredModules
): Promise<string[]> {
  const written: string[] = [];
  for (const name of names) {
    const version = await installedVersion(root, name);
    const file = join(npmCacheDir(root), `${name}@${version}`, "_esm.js");
    if (existsSync(file)) continue;
    const result = await build({
      stdin: {contents: `export * from ${JSON.stringify(name)};`, resolveDir: root, loader: "js"},
      bundle: true,
      format: "esm",
      minify: true,
      platform: "browser",
      write: false,
      logLevel: "silent"
    });
    await mkdir(dirname(file), {recursive: true});
    await writeFile(`${file}.tmp`, result.outputFiles[0].text);
    await rename(`${file}.tmp`, file);
    written.push(file);
    stderr(`vendored npm:${name}@${version} from node_modules\n`);
  }
  return written;
}
