/**
 * Scripts after first paint. Framework's pages preload its client (`modulepreload`) and import it
 * from an inline module in `<head>`; the page's text and charts need none of it (they are in the
 * HTML). This rewrites a built page so that no script is requested before the first paint: the
 * preload hints go, and each module script waits for a frame to be painted, then adds the hints
 * back (so the modules still load in parallel) and imports what it imported before.
 */

/**
 * Waits until the browser reports the page's first paint (Paint Timing, buffered: also when it has
 * already happened); where Paint Timing is missing, until the frame after the next one.
 */
export const afterPaint =
  'await new Promise((resolve) => PerformanceObserver.supportedEntryTypes?.includes("paint") ? ' +
  'new PerformanceObserver((_, observer) => (observer.disconnect(), resolve())).observe({type: "paint", buffered: true}) : ' +
  "requestAnimationFrame(() => setTimeout(resolve)));";

const preloadLink = /^[ \t]*<link rel="modulepreload" href="([^"]+)">\n?/gm;
const inlineModule = /<script type="module">([\s\S]*?)<\/script>/g;
const externalModule = /<script type="module" src="([^"]+)"><\/script>/g;
const staticImport = /^\s*import\s+(?:(\{[^}]*\})\s+from\s+)?("[^"\\]+")\s*;/;

/** A module's leading static imports, each as `[bindings or null, specifier]`, and the code after them; null if it has none. */
export function leadingImports(code: string): {imports: [string | null, string][]; rest: string} | null {
  const imports: [string | null, string][] = [];
  let rest = code;
  for (let m = staticImport.exec(rest); m; m = staticImport.exec(rest)) {
    imports.push([m[1] ?? null, JSON.parse(m[2])]);
    rest = rest.slice(m[0].length);
  }
  if (imports.length === 0 || /^\s*import\s*[\w{*"]/m.test(rest)) return null;
  return {imports, rest};
}

/** `{define, a as b}` → `{define, a: b}`: import bindings as a destructuring pattern. */
function pattern(bindings: string): string {
  return bindings.replace(/\b([\w$]+)\s+as\s+([\w$]+)\b/g, "$1: $2");
}

/** The code that replaces a module's static imports: wait for paint, restore the preloads, import. */
function deferredImports(imports: [string | null, string][], preloads: string[]): string {
  const hints = preloads.length
    ? `\nfor (const href of ${JSON.stringify(preloads)}) document.head.append(Object.assign(document.createElement("link"), {rel: "modulepreload", href}));`
    : "";
  const names = imports.map(([bindings]) => (bindings ? pattern(bindings) : "")).join(", ");
  const loads = imports.map(([, specifier]) => `import(${JSON.stringify(specifier)})`).join(", ");
  return `\n${afterPaint}${hints}\nconst [${names}] = await Promise.all([${loads}]);`;
}

/**
 * Rewrites a built page so that its scripts load after the first paint (see the module's comment).
 * A module script in a form this does not know is left as it is, and its preloads with it.
 */
export function deferScripts(html: string): string {
  const preloads = [...html.matchAll(preloadLink)].map((m) => m[1]);
  if (preloads.length === 0 && !html.includes('<script type="module"')) return html;
  let pending = preloads;
  let unknown = false;
  let out = html.replace(inlineModule, (whole, code: string) => {
    const parsed = leadingImports(code);
    if (!parsed) {
      unknown ||= /\bimport\b/.test(code);
      return whole;
    }
    const script = `<script type="module">${deferredImports(parsed.imports, pending)}${parsed.rest}</script>`;
    pending = [];
    return script;
  });
  out = out.replace(externalModule, (_whole, src: string) => {
    const script = `<script type="module">${deferredImports([[null, src]], pending)}\n</script>`;
    pending = [];
    return script;
  });
  return unknown ? out : out.replace(preloadLink, "");
}
