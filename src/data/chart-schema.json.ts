import {stageLoader} from "../../loaders/stage-outputs.ts";

await stageLoader("data/chart-schema.json");
