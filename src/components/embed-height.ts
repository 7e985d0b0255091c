/**
 * The embed page's half of the height protocol. An embed (`/embed/<chart-id>`) tells the page that
 * frames it how tall its content is, on load and whenever that changes (a narrower frame wraps the
 * chart's text and switches to the narrow chart), with `postMessage`:
 *
 * ```js
 * {type: "explainer-kit:height", chart: "refugees-and-deaths", height: 512}
 * ```
 *
 * `height` is in CSS pixels, a whole number. A host that set up its listener late can ask again by
 * posting `{type: "explainer-kit:request-height"}` to the frame. Browser code with no imports; the
 * build's embed code (tools/publish/embeds.ts) uses the same names. The `::: embed` directive loads
 * it on the embed page, where it starts reporting on load (in a frame only).
 */

/** The `type` of the message an embed posts with its height. */
export const heightMessage = "explainer-kit:height";

/** The `type` of the message a host posts to an embed to ask for its height again. */
export const requestHeightMessage = "explainer-kit:request-height";

/** What an embed posts to its parent. */
export interface HeightMessage {
  type: typeof heightMessage;
  /** The chart's id (the embed's path is `/embed/<chart>`). */
  chart: string;
  /** The content's height in CSS pixels, rounded up. */
  height: number;
}

/** The height of the page's content (not of the frame): the body's box, rounded up. */
export function contentHeight(doc: Document = document): number {
  return Math.ceil(doc.body.getBoundingClientRect().height);
}

/**
 * Starts posting the page's height to its parent: now, on every change of the content's height
 * (ResizeObserver on the body), and when the parent asks. Does nothing outside a frame.
 * Returns a function that stops it.
 */
export function reportHeight(win: Window = window): () => void {
  if (win.parent === win) return () => {};
  const doc = win.document;
  const chart = doc.querySelector("[data-chart]")?.getAttribute("data-chart") ?? "";
  let last = -1;
  const post = (force = false) => {
    const height = contentHeight(doc);
    if (height === last && !force) return;
    last = height;
    const message: HeightMessage = {type: heightMessage, chart, height};
    win.parent.postMessage(message, "*");
  };
  const observer = new ResizeObserver(() => post());
  observer.observe(doc.body);
  const onMessage = (event: MessageEvent) => {
    if (event.source === win.parent && event.data?.type === requestHeightMessage) post(true);
  };
  win.addEventListener("message", onMessage);
  post(true);
  return () => {
    observer.disconnect();
    win.removeEventListener("message", onMessage);
  };
}

if (typeof window !== "undefined" && window.parent !== window) reportHeight();
