/**
 * `explainer dev` for end-to-end tests: started in a copy of the project on a free loopback port,
 * in its own process group (so `stopProcessGroup` also ends the preview it starts).
 */
import {spawn, type ChildProcess} from "node:child_process";
import {createServer} from "node:net";
import {join} from "node:path";
import {projectRoot} from "./project.ts";

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

/** Resolves once `check()` holds, polling every 100 ms, or rejects after `ms` with `message()`. */
export async function until(check: () => boolean | Promise<boolean>, ms: number, message: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(message());
    await new Promise((r) => setTimeout(r, 100));
  }
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

/**
 * Starts `explainer dev --port <free port>` in `root` and resolves once the preview answers `/`
 * (within 90 s, else rejects with what it printed). Everything it prints goes to `onOutput`.
 */
export async function startDev(
  root: string,
  {env = devEnv(), onOutput}: {env?: NodeJS.ProcessEnv; onOutput: (text: string) => void}
): Promise<{child: ChildProcess; origin: string}> {
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
