import {claimColumns, claimRow, loadStory} from "../../../loaders/claims.ts";
import {downloadCsv} from "../../../loaders/csv-safe.ts";
import {runLoader} from "../../../loaders/run.ts";

await runLoader(async () => downloadCsv((await loadStory(process.cwd())).claims.map(claimRow), claimColumns));
