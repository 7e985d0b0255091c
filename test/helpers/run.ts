/**
 * What the tests of one run share: waiting for a condition, and results made once per run (under a
 * lock, in the run's folder that test/global-setup.ts removes when the run ends).
 */
import {mkdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";

/** Resolves once `check()` holds, polling every 100 ms, or rejects after `ms` with `message()`. */
export async function until(check: () => boolean | Promise<boolean>, ms: number, message: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(message());
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Makes `name` once for this test run and resolves to its (read-only) folder: the first test that
 * asks runs `make(folder)`, the others wait for its verdict. A `make` that throws fails them all at
 * once, with its error, instead of after ten minutes.
 */
export async function oncePerRun(name: string, make: (folder: string) => Promise<void>): Promise<string> {
  const {inject} = await import("vitest");
  const dir = join(inject("builds"), name);
  const folder = join(dir, "made");
  const done = join(dir, "done");
  try {
    await mkdir(dir);
  } catch {
    await until(
      async () => (await readFile(done, "utf-8").catch(() => null)) !== null,
      600_000,
      () => `${name} was never made`
    );
    const verdict = await readFile(done, "utf-8");
    if (verdict !== "ok") throw new Error(`${name} could not be made:\n${verdict}`);
    return folder;
  }
  let verdict: string;
  try {
    await make(folder);
    verdict = "ok";
  } catch (error) {
    verdict = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  await writeFile(done, verdict);
  if (verdict !== "ok") throw new Error(`${name} could not be made:\n${verdict}`);
  return folder;
}
