/**
 * A large text file read a piece at a time: its bytes are checked as UTF-8 text in one streaming
 * pass, then decoded piece by piece, each piece cut at a blank line (which no number or sentence
 * crosses). The whole text never sits in memory as one string, so `explainer numbers` stays
 * within a bounded memory whatever the size of the file.
 */
import {KitError} from "./errors.ts";
import {checkTextChars} from "./text.ts";

/** The line breaks in `bytes`. */
function newlinesIn(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

/**
 * Checks that `bytes` are non-empty UTF-8 text with no NUL, as decodeText does (naming the line of the
 * first bad byte), without decoding them whole.
 */
export function checkTextBytes(bytes: Uint8Array, file: string): void {
  const decoder = new TextDecoder("utf-8");
  let blank = true;
  // `at`: where the piece's bytes start (a character finished from the piece before holds no line break).
  const check = (piece: string, at: number) => {
    if (/[\u0000\ufffd]/.test(piece)) checkTextChars(piece, file, newlinesIn(bytes.subarray(0, at)));
    if (blank && /\S/.test(piece)) blank = false;
  };
  const step = 1 << 22;
  for (let at = 0; at < bytes.length; at += step)
    check(decoder.decode(bytes.subarray(at, at + step), {stream: true}), at);
  check(decoder.decode(), bytes.length);
  if (blank) throw new KitError("SOURCE_EMPTY", "the file is empty", {file});
}

/** The first `limit` bytes of a checked text, cut after a line break, decoded: for reading a header. */
export function headOf(bytes: Uint8Array, limit = 1 << 16): string {
  if (bytes.length <= limit) return new TextDecoder().decode(bytes);
  const cut = bytes.lastIndexOf(0x0a, limit);
  return new TextDecoder().decode(bytes.subarray(0, cut > 0 ? cut + 1 : limit));
}

/**
 * Calls `each` with every piece of a checked text, in order: its text and the offset (in UTF-16
 * code units, as JavaScript strings count) where it starts in the whole text. Pieces are about
 * `pieceBytes` long, cut after a blank line ("\n\n").
 */
export function eachTextPiece(
  bytes: Uint8Array,
  each: (text: string, offset: number) => void,
  pieceBytes = 1 << 20
): void {
  const decoder = new TextDecoder();
  let offset = 0;
  for (let from = 0; from < bytes.length; ) {
    let to = bytes.length;
    if (bytes.length - from > pieceBytes) {
      for (
        let i = bytes.indexOf(0x0a, from + pieceBytes);
        i >= 0 && i + 1 < bytes.length;
        i = bytes.indexOf(0x0a, i + 1)
      ) {
        if (bytes[i + 1] === 0x0a) {
          to = i + 2;
          break;
        }
      }
    }
    const text = decoder.decode(bytes.subarray(from, to));
    each(text, offset);
    offset += text.length;
    from = to;
  }
}
