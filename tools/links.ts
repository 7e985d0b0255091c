/**
 * Dead sources: asks each archived source's `url` whether it still answers, with bounded
 * concurrency, a timeout per source (for the whole chain of redirects) and redirects followed one
 * by one so each is reported. The archived copy stays the reference; this only tells the desk which
 * links readers would find dead, moved or unreachable. Without a network (no host name resolves and
 * no host beyond this machine answered) a source is "not checked", not dead.
 */

/** What became of one source's url. */
export type LinkStatus = "ok" | "moved" | "dead" | "unreachable" | "not-checked";

/** A source to check. */
export interface LinkSource {
  id: string;
  /** `data/sources/<id>.md`, for messages. */
  file: string;
  url: string;
}

/** The answer for one source. */
export interface LinkResult extends LinkSource {
  status: LinkStatus;
  /** The last HTTP status seen, when there was one. */
  code?: number;
  /** Each redirect followed: `301 https://…`. */
  redirects: string[];
  /** Where the redirects ended, when there were any. */
  final?: string;
  /** What happened, in words: `404 Not Found`, `no answer in 10 s`, `connection refused`. */
  detail: string;
}

/** Options of {@link checkLinks}. */
export interface LinkOptions {
  /** How many sources are asked at once (default 8). */
  concurrency?: number;
  /** How long one source may take, redirects included, in ms (default 10,000). */
  timeoutMs?: number;
  /** How many redirects are followed before giving up (default 10). */
  maxRedirects?: number;
  /** The fetch to use (tests pass their own; default the global one). */
  fetch?: typeof fetch;
}

const reasons: Record<number, string> = {
  200: "OK",
  301: "Moved Permanently",
  302: "Found",
  303: "See Other",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  410: "Gone",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout"
};

const statusText = (code: number) => `${code}${reasons[code] ? ` ${reasons[code]}` : ""}`;

/** DNS and routing failures: what a machine without a network gives for any host. */
const offlineCodes = new Set(["ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "ENETDOWN"]);

const loopback = (url: string) => {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
    return host === "localhost" || host.startsWith("127.") || host === "::1";
  } catch {
    return false;
  }
};

/** Asks one url, following redirects; never throws. `answered` says whether any host replied. */
async function checkOne(
  source: LinkSource,
  {timeoutMs = 10_000, maxRedirects = 10, fetch: get = fetch}: LinkOptions
): Promise<LinkResult & {answeredRemote: boolean}> {
  const redirects: string[] = [];
  let url = source.url;
  let answeredRemote = false;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const result = (status: LinkStatus, detail: string, code?: number): LinkResult & {answeredRemote: boolean} => ({
    ...source,
    status,
    detail,
    redirects,
    ...(code !== undefined ? {code} : {}),
    ...(redirects.length ? {final: url} : {}),
    answeredRemote
  });
  try {
    if (!/^https?:\/\//i.test(url)) return result("dead", "not an http(s) address");
    for (;;) {
      const response = await get(url, {
        method: "GET",
        redirect: "manual",
        signal: controller.signal,
        headers: {accept: "text/html,*/*"}
      });
      await response.body?.cancel().catch(() => {});
      if (!loopback(url)) answeredRemote = true;
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        if (redirects.length >= maxRedirects) {
          return result("unreachable", `more than ${maxRedirects} redirects`, response.status);
        }
        const next = new URL(location, url).href;
        redirects.push(`${response.status} ${next}`);
        url = next;
        continue;
      }
      if (response.ok) {
        return redirects.length
          ? result(
              "moved",
              `${redirects.map((r) => r.split(" ")[0]).join(", ")}, then ${statusText(response.status)}`,
              response.status
            )
          : result("ok", statusText(response.status), response.status);
      }
      const text = statusText(response.status);
      if (response.status === 404 || response.status === 410) return result("dead", text, response.status);
      return result("unreachable", text, response.status);
    }
  } catch (error) {
    if (controller.signal.aborted) return result("unreachable", `no answer in ${timeoutMs / 1000} s`);
    const code = (error as {cause?: {code?: string}}).cause?.code ?? (error as {code?: string}).code ?? "";
    if (offlineCodes.has(code)) return result("not-checked", `not checked: no network (${code})`);
    if (code === "ECONNREFUSED") return result("unreachable", "connection refused");
    if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return result("unreachable", "connection reset");
    return result("unreachable", (error as Error).message + (code ? ` (${code})` : ""));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Checks every source's url, at most `concurrency` at a time, in the sources' order. When some
 * host beyond this machine answered, the network is up, and a host name that did not resolve is
 * reported as unreachable rather than not checked.
 *
 * ```ts
 * const results = await checkLinks(stage.sources.filter((s) => s.url), {timeoutMs: 5000});
 * ```
 */
export async function checkLinks(sources: readonly LinkSource[], options: LinkOptions = {}): Promise<LinkResult[]> {
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const results: (LinkResult & {answeredRemote: boolean})[] = new Array(sources.length);
  let next = 0;
  const worker = async () => {
    while (next < sources.length) {
      const i = next++;
      results[i] = await checkOne(sources[i], options);
    }
  };
  await Promise.all(Array.from({length: Math.min(concurrency, sources.length)}, worker));
  const online = results.some((r) => r.answeredRemote);
  return results.map(({answeredRemote: _, ...r}) =>
    online && r.status === "not-checked"
      ? {...r, status: "unreachable", detail: r.detail.replace(/^not checked: no network/, "host not found")}
      : r
  );
}
