import {spawn} from "node:child_process";
import {loadStory} from "../../loaders/claims.ts";
import {problemsOf} from "../../loaders/errors.ts";
import {UsageError, type Effects} from "../cli.ts";
import {startEditorSession} from "../editor-session.ts";
import {startGuard} from "../guard.ts";
import {refreshLive, watchLoaderInputs} from "../live.ts";
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
 * Serves the explainer with Framework's preview on loopback, after refreshing the loaders whose
 * inputs changed, and watches `data/`, `loaders/` and `src/components/`: a change re-runs exactly the
 * affected loaders and announces their new outputs to preview, which updates the open pages.
 * Problems in the story are printed as they appear, without stopping the server.
 * Resolves when the preview exits (Ctrl-C stops both).
 */
export async function serve(options: DevOptions, effects: Effects): Promise<void> {
  const {root, stderr} = effects;
  await vendorNpm(effects);
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
  // The port the user opens is the guard's; preview listens behind it, on a private socket (tools/guard.ts).
  const guard = await startGuard({root, port: options.port, log: stderr});
  // The chart editor's save endpoint, and its token for the editor page only (before the first refresh).
  const editor = await startEditorSession(root, options.port);
  const base = `http://${options.host}:${options.port}`;
  effects.stdout(`explainer dev: preview ${base}/\n  chart editor ${base}/editor\n  save endpoint ${editor.url}\n`);
  await refreshLive(effects);
  const preview = spawn(
    "observable",
    ["preview", "--host", options.host, "--port", String(options.port), "--no-open"],
    {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: {...process.env, ...guard.previewEnv, OBSERVABLE_TELEMETRY_DISABLE: "true"}
    }
  );
  const live = watchLoaderInputs(effects, {
    onError: (error) => stderr(`refresh failed: ${(error as Error)?.stack ?? error}\n`)
  });
  const stop = () => preview.kill("SIGTERM");
  // `on`, not `once`: a Ctrl-C reaches this process twice (from the terminal and relayed by tsx), and
  // a second signal with no listener would end it before the save endpoint's cleanup below.
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await new Promise<void>((resolve) => preview.on("exit", () => resolve()));
  await live.close();
  await guard.close();
  await editor.close();
  process.off("SIGINT", stop);
  process.off("SIGTERM", stop);
}

export const dev: Command = {
  usage: "[--port 3000]",
  summary:
    "serve the explainer and its chart editor on http://127.0.0.1:3000 (saves on the next port) and re-run loaders when data/ or loaders/ change",
  async run(args, effects) {
    await serve(parseDevArgs(args), effects);
  }
};
