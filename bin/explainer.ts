#!/usr/bin/env tsx
/** The kit's command line: `npx explainer <command>`. */
import {main} from "../tools/cli.ts";

process.exitCode = await main(process.argv.slice(2));
