import {numbersAuditCsv} from "../../loaders/audit.ts";
import {runLoader} from "../../loaders/run.ts";

await runLoader(() => numbersAuditCsv(process.cwd()));
