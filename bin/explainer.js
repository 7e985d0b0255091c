#!/usr/bin/env node
// The kit's command line: `npx explainer <command>`. Plain JavaScript, so that it starts without a
// TypeScript runner process; tsx's loader is registered in this process for the kit's .ts modules.
import {register} from "tsx/esm/api";

register();
const {main} = await import("../tools/cli.ts");
process.exitCode = await main(process.argv.slice(2));
