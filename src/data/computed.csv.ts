import {stageLoader} from "../../loaders/stage-outputs.ts";

await stageLoader("data/computed.csv");
