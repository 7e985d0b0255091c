/**
 * `explainer serve [--port 4000]`: serves the built site, `dist/`, on loopback as a static host would
 * (clean URLs, gzip), under the path of `EXPLAINER_SITE_URL` when it is set, so a build can be read
 * before it is copied to the real host. Ctrl-C stops it.
 */
import {existsSync} from "node:fs";
import {join} from "node:path";
import {KitError} from "../../loaders/errors.ts";
import {UsageError, type Effects} from "../effects.ts";
import {serveSite} from "../publish/serve.ts";
import {siteBase, siteUrl} from "../publish/site.ts";

/** `explainer serve`. */
export async function run(args: string[], {root, stdout}: Effects): Promise<void> {
  let port = 4000;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--port" && /^\d+$/.test(args[i + 1] ?? "")) port = Number(args[++i]);
    else throw new UsageError(`unknown option: ${args[i]}`);
  }
  const dist = join(root, "dist");
  if (!existsSync(join(dist, "index.html"))) {
    throw new KitError("NO_BUILD", "there is no built site: run `npm run build` first", {file: "dist"});
  }
  const site = await serveSite(dist, {base: siteBase(siteUrl()), port});
  stdout(`explainer serve: dist/ at ${site.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void site.close().then(resolve);
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
