/** Timing a whole process, as a user runs it. */
import {spawn} from "node:child_process";
import {join} from "node:path";
import {projectRoot} from "../test/helpers/project.ts";

/** Runs a program in `root` with node_modules/.bin on PATH; resolves with the milliseconds it took, or throws with its stderr. */
export function timed(
  root: string,
  command: string,
  args: string[],
  env: Record<string, string> = {}
): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        PATH: `${join(projectRoot, "node_modules/.bin")}:${process.env.PATH}`,
        OBSERVABLE_TELEMETRY_DISABLE: "true",
        NO_COLOR: "1",
        ...env
      }
    });
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(performance.now() - start)
        : reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${stderr.slice(-2000)}`))
    );
  });
}
