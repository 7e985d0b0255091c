import {chartsZip} from "../../../loaders/chart-block.ts";
import {runLoader} from "../../../loaders/run.ts";

await runLoader(() => chartsZip(process.cwd()));
