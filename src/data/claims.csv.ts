import {claimsCsv} from "../../loaders/claims.ts";
import {runLoader} from "../../loaders/run.ts";

await runLoader(() => claimsCsv(process.cwd()));
