import {chartsJson} from "../../loaders/render-charts.ts";
import {runLoader} from "../../loaders/run.ts";

await runLoader(() => chartsJson(process.cwd()));
