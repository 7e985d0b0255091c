import {sourcesCsv} from "../../loaders/claims.ts";
import {runLoader} from "../../loaders/run.ts";

await runLoader(() => sourcesCsv(process.cwd()));
