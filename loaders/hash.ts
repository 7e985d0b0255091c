/** The kit's one content hash: sha256 in hex, for inputs, outputs, saves and cards alike. */
import {createHash} from "node:crypto";

/** sha256 of text or bytes, in hex. */
export function contentHash(bytes: string | Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
