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
import type {StageProblem} from "../loaders/stage-problems.ts";
import type {WrittenOutput} from "../loaders/stage-outputs.ts";
import {compiledFile} from "./compiled.ts";

/** What a run of the stage reports back. */
export interface WorkerRun {
  /** True when the stage wrote a new story (pages must re-render). */
  changed: boolean;
  /** Whether the story verifies (false: the pages keep the last good one). */
  story: boolean;
  problems: StageProblem[];
  ms: number;
}

/** What writing the stage's outputs reports back: their names, and what changed in the ledger. */
export interface WorkerOutputs {
  written: string[];
  /** The normalized ledger before and after, when it was rewritten (for the change report). */
  claims: Pick<WrittenOutput, "previous" | "next"> | null;
  ms: number;
}

/** The requests the parent sends and the answers the child gives. */
type Request = {id: number; root: string; what: "stage" | "outputs"};
type Answer = {id: number; run?: WorkerRun; outputs?: WorkerOutputs; error?: string};

/**
 * In the child: run the stage (and answer as soon as the story is written, so the open pages can
 * re-render), or write the stage's outputs from the last story.
 */
async function serveRequests(): Promise<void> {
  const {runStage} = await import("../loaders/stage.ts");
  const {writeStageOutputs} = await import("../loaders/stage-outputs.ts");
  let last: Awaited<ReturnType<typeof runStage>> | undefined;
  process.on("message", async ({id, root, what}: Request) => {
    const start = performance.now();
    const ms = () => Math.round(performance.now() - start);
    try {
      if (what === "stage") {
        last = await runStage(root, last ? {previous: last.stage} : {});
        const run: WorkerRun = {changed: last.changed, story: last.verified, problems: last.problems, ms: ms()};
        process.send!({id, run} satisfies Answer);
      } else {
        const written = last?.stage && last.verified ? await writeStageOutputs(root, last.stage) : [];
        const claims = written.find((w) => w.name === "data/claims.csv");
        const outputs: WorkerOutputs = {
          written: written.map((w) => w.name),
          claims: claims ? {previous: claims.previous, next: claims.next} : null,
          ms: ms()
        };
        process.send!({id, outputs} satisfies Answer);
      }
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
  /** Runs the stage; requests queue one after another. */
  run(): Promise<WorkerRun>;
  /** Writes the stage's outputs from the last story into Framework's cache. */
  writeOutputs(): Promise<WorkerOutputs>;
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

/**
 * The first stage process runs the kit compiled beside the command (`stage-worker.js`, an entry of
 * bin/compiled-kit.js), when there is one: it starts in a fraction of the time tsx takes. A restart
 * comes after the kit's code changed, so it runs this file's source under tsx.
 */
function workerEntry(root: string, first: boolean): {file: string; execArgv: string[]} {
  const compiled = first ? compiledFile("stage-worker.js") : null;
  if (compiled) return {file: compiled, execArgv: []};
  return {file: import.meta.filename, execArgv: ["--import", tsxImport(root)]};
}

/** Starts a warm stage for the project at `root`. */
export async function startStageWorker(root: string): Promise<StageWorker> {
  let child: ChildProcess;
  let next = 1;
  let first = true;
  const pending = new Map<number, {resolve: (answer: Answer) => void; reject: (error: Error) => void}>();
  let queue: Promise<unknown> = Promise.resolve();
  const spawn = () =>
    new Promise<void>((resolve, reject) => {
      const {file, execArgv} = workerEntry(root, first);
      first = false;
      child = fork(file, ["--serve"], {
        cwd: root,
        execArgv,
        stdio: ["ignore", "inherit", "inherit", "ipc"]
      });
      child.once("error", reject);
      child.on("message", (answer: Answer) => {
        if (answer.id === 0) return resolve();
        const waiting = pending.get(answer.id);
        pending.delete(answer.id);
        if (answer.error === undefined) waiting?.resolve(answer);
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
  const ask = (what: Request["what"]) => {
    const result = queue.then(
      () =>
        new Promise<Answer>((resolve, reject) => {
          const id = next++;
          pending.set(id, {resolve, reject});
          if (!child.connected) return reject(new Error("the stage process has exited"));
          child.send({id, root, what} satisfies Request, (error) => {
            if (error) (pending.delete(id), reject(error));
          });
        })
    );
    queue = result.catch(() => {});
    return result;
  };
  return {
    run: async () => (await ask("stage")).run!,
    writeOutputs: async () => (await ask("outputs")).outputs!,
    async restart() {
      await queue;
      await stop();
      await spawn();
    },
    close: stop
  };
}

if (process.argv.includes("--serve") && process.send) await serveRequests();
