import {sourceTextsJson} from "../../loaders/audit.ts";
import {runLoader} from "../../loaders/run.ts";

await runLoader(() => sourceTextsJson(process.cwd()));
