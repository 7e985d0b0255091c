/**
 * Requests to the save endpoint with full control of their headers (fetch forbids setting Host), and
 * the files a refused request must leave as they were.
 */
import {readFile, readdir} from "node:fs/promises";
import {request} from "node:http";
import {join} from "node:path";

/** An answer of the endpoint: its status and its JSON body (`{}` when empty). */
export interface EndpointAnswer {
  status: number;
  json: Record<string, any>;
}

/**
 * A `send(method, path, {headers, body})` to the endpoint at `url`, as the page at `origin` with the
 * session's `token` sends it: JSON, its Host, Origin and token, unless `headers` says otherwise.
 */
export function endpointClient(url: URL, token: string, origin: string) {
  return (
    method: string,
    path: string,
    {headers = {}, body}: {headers?: Record<string, string>; body?: string} = {}
  ): Promise<EndpointAnswer> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port: url.port,
          method,
          path,
          headers: {
            host: url.host,
            origin,
            "x-explainer-token": token,
            "content-type": "application/json",
            ...headers
          }
        },
        (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve({status: res.statusCode!, json: text ? JSON.parse(text) : {}}));
        }
      );
      req.on("error", reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
}

/** Every file under a folder with its bytes (base64), for "nothing changed". */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, {recursive: true, withFileTypes: true})) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path, (await readFile(path)).toString("base64"));
    }
  }
  return files;
}
