import {spawn} from "node:child_process";
import {join} from "node:path";
import {watch} from "chokidar";
import {loadStory} from "../../loaders/claims.ts";
import {problemsOf} from "../../loaders/errors.ts";
import {UsageError, type Effects} from "../cli.ts";
import {findLoaders, loaderInputs, staleLoaders, touch} from "../freshness.ts";
import type {Command} from "./index.ts";
import {vendorNpm} from "./vendor.ts";

/** Options of `explainer dev`. */
export interface DevOptions {
  host: string;
  port: number;
}

/** Parses `--port N`; the host is always loopback. */
export function parseDevArgs(args: string[]): DevOptions {
  const options: DevOptions = {host: "127.0.0.1", port: 3000};
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--port" && /^\d+$/.test(args[i + 1] ?? "")) options.port = Number(args[++i]);
    else throw new UsageError(`unknown option: ${args[i]}`);
  }
  return options;
}

/**
 * Serves the explainer with Framework's preview on loopback, and watches `data/`, `loaders/` and
 * `src/components/`: a change marks the loaders as changed, so preview re-runs them and the open
 * pages update. Problems in the story are printed as they appear, without stopping the server.
 * Resolves when the preview exits (Ctrl-C stops both).
 */
export async function serve(options: DevOptions, effects: Effects): Promise<void> {
  const {root, stderr} = effects;
  await vendorNpm(effects);
  await touch(await staleLoaders(root));
  const verify = () =>
    loadStory(root).then(
      () => stderr("story verified\n"),
      (error) => {
        const problems = problemsOf(error);
        if (problems.length === 0) throw error;
        for (const p of problems) stderr(p.message + "\n");
      }
    );
  await verify();
  const preview = spawn(
    "observable",
    ["preview", "--host", options.host, "--port", String(options.port), "--no-open"],
    {cwd: root, stdio: ["ignore", "inherit", "inherit"], env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}}
  );
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(
    loaderInputs.map((d) => join(root, d)),
    {ignoreInitial: true}
  ).on("all", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      await verify();
      await touch(await findLoaders(root));
    }, 100);
  });
  const stop = () => preview.kill("SIGTERM");
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await new Promise<void>((resolve) => preview.on("exit", () => resolve()));
  clearTimeout(timer);
  await watcher.close();
}

export const dev: Command = {
  usage: "[--port 3000]",
  summary: "serve the explainer on http://127.0.0.1:3000 and re-run loaders when data/ or loaders/ change",
  async run(args, effects) {
    await serve(parseDevArgs(args), effects);
  }
};
