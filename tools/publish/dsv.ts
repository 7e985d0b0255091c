/**
 * d3-dsv without `eval`. `FileAttachment(…).csv()` parses with d3-dsv, whose `csvParse` compiles
 * each file's row converter with `new Function`, which a Content Security Policy without
 * `unsafe-eval` forbids. `explainer build` re-bundles the vendored `npm:d3-dsv` (see
 * tools/commands/vendor.ts) with that one function replaced by a closure that builds the same
 * objects; `explainer vendor` and `dev`, which serve no CSP, keep the original.
 */
import {mkdir, readFile, rename, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {build, type Plugin} from "esbuild";
import type {Effects} from "../effects.ts";
import {installedVersion, npmCacheDir} from "../vendor.ts";

/** d3-dsv's row converter: `function objectConverter(columns) { return new Function("d", …); }`. */
const converter = /function objectConverter\(columns\) \{\s*return new Function\([\s\S]*?\n\}/;

/** The same converter as d3-dsv's, without compiling code: row array → object keyed by column, "" for missing cells. */
const closureConverter = `function objectConverter(columns) {
  return function(d) {
    var o = {};
    for (var i = 0; i < columns.length; ++i) o[columns[i]] = d[i] || "";
    return o;
  };
}`;

/** Replaces d3-dsv's `objectConverter`; throws when the source no longer has it in the known form. */
export function withoutEval(source: string, file = "d3-dsv"): string {
  if (!converter.test(source)) {
    throw new Error(`${file}: d3-dsv's objectConverter is not in the expected form; update tools/publish/dsv.ts`);
  }
  return source.replace(converter, closureConverter);
}

const patch: Plugin = {
  name: "d3-dsv-without-eval",
  setup(b) {
    b.onLoad({filter: /[\\/]d3-dsv[\\/].*\.m?js$/}, async ({path}) => {
      const source = await readFile(path, "utf-8");
      return {contents: source.includes("new Function") ? withoutEval(source, path) : source, loader: "js"};
    });
  }
};

/** Writes Framework's cached `npm:d3-dsv` module without `new Function`; returns its path. */
export async function vendorDsvWithoutEval({root, stderr}: Effects): Promise<string> {
  const version = await installedVersion(root, "d3-dsv");
  const file = join(npmCacheDir(root), `d3-dsv@${version}`, "_esm.js");
  const existing = await readFile(file, "utf-8").catch(() => null);
  if (existing !== null && !/new Function|\beval\(/.test(existing)) return file;
  const result = await build({
    stdin: {contents: `export * from "d3-dsv";`, resolveDir: root, loader: "js"},
    bundle: true,
    format: "esm",
    minify: true,
    platform: "browser",
    write: false,
    logLevel: "silent",
    plugins: [patch]
  });
  const text = result.outputFiles[0].text;
  if (/new Function|\beval\(/.test(text)) throw new Error(`${file}: still compiles code at run time`);
  await mkdir(dirname(file), {recursive: true});
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
  stderr(`vendored npm:d3-dsv@${version} without eval, for the Content Security Policy\n`);
  return file;
}
