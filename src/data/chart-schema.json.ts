import {runLoader} from "../../loaders/run.ts";
import {chartJsonSchema} from "../components/chart-spec.ts";

await runLoader(async () => JSON.stringify(chartJsonSchema(), null, 2) + "\n");
