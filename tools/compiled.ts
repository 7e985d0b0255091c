/**
 * The kit compiled beside the running command (bin/compiled-kit.js): its stage process, preview
 * hooks and Framework config run as JavaScript, without tsx's loader hooks in Framework's process.
 * When the kit runs from its TypeScript (under vitest or tsx), each falls back to its source.
 */
import {existsSync} from "node:fs";
import {fileURLToPath} from "node:url";

declare global {
  interface ImportMeta {
    /** The compiled chunk this code runs from; set only in the compiled kit. */
    readonly kitChunk?: string;
  }
}

/** A file of the compiled kit (`stage-worker.js`), or null when the kit is not running compiled. */
export function compiledFile(name: string): string | null {
  return import.meta.kitChunk ? fileURLToPath(new URL(name, import.meta.kitChunk)) : null;
}

/**
 * Arguments that give Framework the compiled config, when there is one: Framework then loads plain
 * JavaScript and never registers tsx for the config (tsx would also hook every module of its own).
 */
export function frameworkConfigArgs(): string[] {
  const config = compiledFile("observablehq.config.js");
  return config && existsSync(config) ? ["--config", config] : [];
}
