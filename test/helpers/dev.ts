/**
 * `explainer dev` for end-to-end tests: started in a copy of the project on a free loopback port,
 * in its own process group (so `stopProcessGroup` also ends the preview it starts).
 */
import {execFile, spawn, type ChildProcess} from "node:child_process";
import {existsSync} from "node:fs";
import {mkdir, readdir, readFile, symlink} from "node:fs/promises";
import {createServer} from "node:net";
import {join} from "node:path";
import {promisify} from "node:util";
import {copyInto, projectRoot} from "./project.ts";
import {oncePerRun, until} from "./run.ts";

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))
      );
    });
  });
}

/** The environment a user's shell gives `explainer dev`: node_modules/.bin on PATH, no colours. */
export function devEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${join(projectRoot, "node_modules/.bin")}:${process.env.PATH}`,
    NO_COLOR: "1",
    ...extra
  };
}

/** The npm packages the kit's pages import (`import … from "d3"` in src/components/), type-only imports aside. */
async function kitPackages(): Promise<string[]> {
  const folder = join(projectRoot, "src/components");
  const files = (await readdir(folder, {recursive: true})).filter((f) => f.endsWith(".ts"));
  const found = new Set<string>();
  for (const file of files) {
    const text = await readFile(join(folder, file), "utf-8");
    for (const [, name] of text.matchAll(/^import\s+(?!type\b)[^;]*?\sfrom\s+"([^./"][^"]*)"/gm)) found.add(name);
  }
  return [...found].sort();
}

/**
 * Framework's browser bundles of {@link kitPackages} (its cache's `_node/` folder), made once per
 * test run with Framework's own bundler, which preview would otherwise run again in every dev
 * session the first time a page imports them (about 5 s of CPU for d3, Plot and zod).
 */
function sharedNpmBundles(): Promise<string> {
  return oncePerRun("npm-bundles", async (folder) => {
    await mkdir(join(folder, "src"), {recursive: true});
    await symlink(join(projectRoot, "node_modules"), join(folder, "node_modules"), "dir");
    const script =
      'import {resolveNodeImport} from "@observablehq/framework/dist/node.js";\n' +
      "for (const name of JSON.parse(process.argv[1])) await resolveNodeImport(process.cwd(), name);\n";
    await promisify(execFile)(
      process.execPath,
      ["--input-type=module", "-e", script, JSON.stringify(await kitPackages())],
      {
        cwd: join(folder, "src")
      }
    );
  });
}

/**
 * Starts `explainer dev --port <free port>` in `root` and resolves once the preview answers `/`
 * (within 90 s, else rejects with what it printed). Everything it prints goes to `onOutput`. In a
 * test run, the project starts with the run's {@link sharedNpmBundles} when it has none of its own (the
 * bench, outside vitest, passes `npmBundles: false`).
 */
export async function startDev(
  root: string,
  {
    env = devEnv(),
    onOutput,
    npmBundles = true
  }: {env?: NodeJS.ProcessEnv; onOutput: (text: string) => void; npmBundles?: boolean}
): Promise<{child: ChildProcess; origin: string}> {
  const bundles = join(root, "src/.observablehq/cache/_node");
  if (npmBundles && !existsSync(bundles))
    await copyInto(bundles, `${await sharedNpmBundles()}/src/.observablehq/cache/_node/.`);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["bin/explainer.js", "dev", "--port", String(port)], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env
  });
  let printed = "";
  const record = (d: Buffer) => {
    printed += d;
    onOutput(String(d));
  };
  child.stdout!.on("data", record);
  child.stderr!.on("data", record);
  const answers = () =>
    fetch(`${origin}/`).then(
      (r) => r.ok,
      () => false
    );
  await until(answers, 90_000, () => `explainer dev did not answer ${origin}/ within 90 s:\n${printed}`);
  return {child, origin};
}
