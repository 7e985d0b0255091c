/**
 * The story stage kept warm for `explainer dev`: a child process that runs the stage and writes its
 * outputs on request, keeping its modules (the DOM, the renderer, the number finder) and the last
 * story in memory, so a save reaches the open page in a fraction of a second. When the kit's own
 * code changes, dev starts a new one, since a process cannot unload the modules it has.
 */
import {fork, type ChildProcess} from "node:child_process";
import {createRequire} from "node:module";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import type {StageProblem} from "../loaders/stage.ts";
import type {WrittenOutput} from "../loaders/stage-outputs.ts";

/** What one run reports back. */
export interface WorkerRun {
  /** True when the stage wrote a new story (pages must re-render). */
  changed: boolean;
  /** Whether a story exists (false only before the first good one). */
  story: boolean;
  problems: StageProblem[];
  /** The stage's outputs it wrote into Framework's cache. */
  written: WrittenOutput[];
  ms: number;
}

/** The request the parent sends and the answer the child gives. */
type Request = {id: number; root: string};
type Answer = {id: number; run?: WorkerRun; error?: string};

/** In the child: answer each request with a run of the stage and its outputs. */
async function serveRequests(): Promise<void> {
  const {runStage} = await import("../loaders/stage.ts");
  const {writeStageOutputs} = await import("../loaders/stage-outputs.ts");
  let previous: Awaited<ReturnType<typeof runStage>>["stage"] | undefined;
  process.on("message", async ({id, root}: Request) => {
    const start = performance.now();
    try {
      const run = await runStage(root, previous === undefined ? {} : {previous});
      previous = run.stage;
      const written = run.stage && run.verified ? await writeStageOutputs(root, run.stage) : [];
      const answer: Answer = {
        id,
        run: {
          changed: run.changed,
          story: run.verified,
          problems: run.problems,
          written,
          ms: Math.round(performance.now() - start)
        }
      };
      process.send!(answer);
    } catch (error) {
      process.send!({id, error: (error as Error)?.stack ?? String(error)} satisfies Answer);
    }
  });
  // The parent decides when this process ends: it closes it, or this ends with the parent's channel.
  process.on("SIGINT", () => {});
  process.on("disconnect", () => process.exit(0));
  process.send!({id: 0});
}

/** A warm stage in a child process. */
export interface StageWorker {
  /** Runs the stage and writes its outputs; runs queue one after another. */
  run(): Promise<WorkerRun>;
  /** Replaces the child with a new one (after the kit's code changed). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

function tsxImport(root: string): string {
  for (const from of [join(root, "package.json"), import.meta.filename]) {
    try {
      return pathToFileURL(createRequire(from).resolve("tsx")).href;
    } catch {
      // the kit's own copy next
    }
  }
  return "tsx";
}

/** Starts a warm stage for the project at `root`. */
export async function startStageWorker(root: string): Promise<StageWorker> {
  let child: ChildProcess;
  let next = 1;
  const pending = new Map<number, {resolve: (run: WorkerRun) => void; reject: (error: Error) => void}>();
  let queue: Promise<unknown> = Promise.resolve();
  const spawn = () =>
    new Promise<void>((resolve, reject) => {
      child = fork(import.meta.filename, ["--serve"], {
        cwd: root,
        execArgv: ["--import", tsxImport(root)],
        stdio: ["ignore", "inherit", "inherit", "ipc"]
      });
      child.once("error", reject);
      child.on("message", (answer: Answer) => {
        if (answer.id === 0) return resolve();
        const waiting = pending.get(answer.id);
        pending.delete(answer.id);
        if (answer.run) waiting?.resolve(answer.run);
        else waiting?.reject(new Error(answer.error));
      });
      child.once("exit", (code, signal) => {
        for (const [, waiting] of pending) waiting.reject(new Error(`the stage process exited (${signal ?? code})`));
        pending.clear();
      });
    });
  await spawn();
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  return {
    run() {
      const result = queue.then(
        () =>
          new Promise<WorkerRun>((resolve, reject) => {
            const id = next++;
            pending.set(id, {resolve, reject});
            if (!child.connected) return reject(new Error("the stage process has exited"));
            child.send({id, root} satisfies Request, (error) => {
              if (error) (pending.delete(id), reject(error));
            });
          })
      );
      queue = result.catch(() => {});
      return result;
    },
    async restart() {
      await queue;
      await stop();
      await spawn();
    },
    close: stop
  };
}

if (process.argv.includes("--serve") && process.send) await serveRequests();
