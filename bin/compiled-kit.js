// The kit's TypeScript, compiled once into plain JavaScript so that a command does not pay for
// TypeScript on every start: `explainer check` takes about 0.2 s instead of 0.6 s through tsx's
// loader hooks. esbuild bundles tools/cli.ts, and what it starts in other processes (tools/compiled.ts),
// into `.explainer/kit/<hash>/` (one chunk per lazily loaded command; packages stay in node_modules).
// The next run checks the hashes of the sources that build read and compiles again only when a kit
// file changed. A build is never replaced in place: a new one goes into a new folder, so a running
// `explainer dev` that loads a command later still finds its files.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const kitDir = join(root, ".explainer/kit");
const record = join(kitDir, "current.json");
/** From a compiled chunk (`.explainer/kit/<hash>/x.js`) back to the project root. */
const up = "../../../";
/** Bumped when the way the kit is compiled changes, so that older builds are not used. */
const format = 3;

const hash = (text) => createHash("sha256").update(text).digest("hex");

/** Each source the last build read, with the hash of its content then; null when there is none. */
function lastBuild() {
  try {
    const last = JSON.parse(readFileSync(record, "utf-8"));
    return last.format === format && existsSync(join(kitDir, last.hash, "cli.js")) ? last : null;
  } catch {
    return null;
  }
}

function unchanged(last) {
  for (const [file, sum] of Object.entries(last.inputs)) {
    let text;
    try {
      text = readFileSync(join(root, file));
    } catch {
      return false;
    }
    if (hash(text) !== sum) return false;
  }
  return true;
}

/**
 * In a compiled chunk, `import.meta` is the chunk's, not the source file's: each source's own
 * `import.meta.url`, `.filename` and `.dirname` are written as paths from the chunk to that source,
 * so the kit still finds the files beside its modules (record-reads.ts, src/components/) wherever
 * the project is.
 */
const sourceMeta = {
  name: "source-import-meta",
  setup(build) {
    build.onLoad({filter: /\.ts$/}, ({path}) => {
      const file = up + relative(root, path);
      const paths = {
        url: `new URL(${JSON.stringify(file)}, import.meta.url).href`,
        filename: `__kitPath(import.meta.dirname, ${JSON.stringify(file)})`,
        dirname: `__kitPath(import.meta.dirname, ${JSON.stringify(dirname(file))})`
      };
      const text = readFileSync(path, "utf-8").replace(/\bimport\.meta\.(url|filename|dirname)\b/g, (_, p) => paths[p]);
      return {contents: text, loader: "ts"};
    });
  }
};

async function compile() {
  const {build, version} = await import("esbuild");
  const temp = join(kitDir, `.${process.pid}-${Date.now()}`);
  mkdirSync(temp, {recursive: true});
  try {
    const {metafile} = await build({
      absWorkingDir: root,
      // The command line, and what it starts in other processes: the stage of `explainer dev`, the
      // hooks in Framework's preview and Framework's config (tools/compiled.ts).
      entryPoints: {
        cli: "./tools/cli.ts",
        "stage-worker": "./tools/stage-worker.ts",
        "preview-hooks": "./tools/preview-hooks.ts",
        // A project without a config of its own runs Framework's defaults.
        ...(existsSync(join(root, "observablehq.config.ts")) ? {"observablehq.config": "./observablehq.config.ts"} : {})
      },
      outdir: temp,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      banner: {js: 'import {resolve as __kitPath} from "node:path";'},
      // The one way for compiled code to know where it runs from (tools/compiled.ts).
      define: {"import.meta.kitChunk": "import.meta.url"},
      plugins: [sourceMeta],
      metafile: true,
      logLevel: "silent"
    });
    const inputs = {};
    for (const file of Object.keys(metafile.inputs).sort()) inputs[file] = hash(readFileSync(join(root, file)));
    const id = hash(JSON.stringify({format, version, inputs})).slice(0, 16);
    try {
      renameSync(temp, join(kitDir, id));
    } catch {
      // Another command compiled the same sources a moment ago: use theirs.
      rmSync(temp, {recursive: true, force: true});
    }
    writeFileSync(`${record}.${process.pid}`, JSON.stringify({format, hash: id, inputs}));
    renameSync(`${record}.${process.pid}`, record);
    prune(id);
    return id;
  } catch (error) {
    rmSync(temp, {recursive: true, force: true});
    throw new Error(`the kit's TypeScript does not compile: ${error.message}`);
  }
}

/** Removes builds older than an hour but the current one (a long `explainer dev` may still use a recent one). */
function prune(current) {
  for (const name of readdirSync(kitDir)) {
    const path = join(kitDir, name);
    if (name === current || name === "current.json") continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, {recursive: true, force: true});
    } catch {
      // gone already
    }
  }
}

/** The compiled `tools/cli.ts`, as a URL to import: compiled now if the kit's sources changed. */
export async function compiledCli() {
  const last = lastBuild();
  const id = last && unchanged(last) ? last.hash : await compile();
  return pathToFileURL(join(kitDir, id, "cli.js")).href;
}
