/**
 * The hashes `explainer refresh` compares: shared by the parent (tools/deps.ts) and the preload
 * that runs inside each loader (tools/record-reads.ts), so both hash a file or a folder alike.
 */
import {contentHash} from "../loaders/hash.ts";

export {contentHash};

/** What the preload records: absolute paths of the files (with the hash of what was read) and folders a loader read. */
export interface RecordedReads {
  /** File → sha256 of the bytes read, `"missing"` when it did not exist, or null when read as a stream or handle. */
  files: Record<string, string | null>;
  /** Folder → whether it was listed recursively, and the hash of the listing. */
  dirs: Record<string, {recursive: boolean; hash: string}>;
}

/** Marker for a file that a loader tried to read and did not find. */
export const missing = "missing";

/** The hash of a folder listing: the sorted entry names (relative paths when recursive), one a line. */
export function listingHash(names: string[]): string {
  return contentHash([...names].sort().join("\n"));
}
