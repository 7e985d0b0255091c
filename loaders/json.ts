/**
 * JSON at the boundary: a chart spec or a dataset record that is not JSON is INVALID_JSON at the
 * line where the parser stopped.
 */
import {KitError} from "./errors.ts";
import {checkTextChars, lineAt} from "./text.ts";

/**
 * Where JSON.parse stopped, from its message. V8 says "at position N" for most errors; for an
 * unexpected token it quotes the text around it instead, ten characters each side, with "..." where
 * it cut: that text is found again in `text`. Null when the message says neither.
 */
export function jsonErrorOffset(text: string, message: string): number | null {
  const at = /at position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  const quoted = /^Unexpected token '[\s\S]+?', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (!quoted) return null;
  const [, cutBefore, around, cutAfter] = quoted;
  if (cutBefore && cutAfter) {
    const start = text.indexOf(around);
    return start < 0 ? null : start + 10;
  }
  if (cutAfter) return around.length - 10;
  if (cutBefore) return text.length - around.length + 10;
  return null;
}

/**
 * Parses JSON text, or throws INVALID_JSON naming `file` and the line where the text stops being JSON
 * (NOT_UTF8 or NOT_TEXT at its line for text that is not UTF-8 text).
 */
export function parseJson(text: string, file: string): unknown {
  checkTextChars(text, file);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = jsonErrorOffset(text, message);
    throw new KitError("INVALID_JSON", `not JSON: ${message}`, {
      file,
      ...(offset !== null ? {line: lineAt(text, offset)} : {})
    });
  }
}
