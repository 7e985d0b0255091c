#!/usr/bin/env node
// The kit's command line: `npx explainer <command>`. Plain JavaScript: help is printed from the
// command table without loading the kit; any other command runs the kit's modules compiled to
// JavaScript (bin/compiled-kit.js), in this process.
import {readFileSync} from "node:fs";

// A reader that stops reading (`explainer numbers … | head`) is no failure: the rest of the output goes
// nowhere and the command finishes its work (its files are written whole) with its own exit status.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
  });
}

const [name, ...rest] = process.argv.slice(2);
const table = JSON.parse(readFileSync(new URL("../tools/commands/commands.json", import.meta.url), "utf-8"));
const help = name === undefined || name === "help" || name === "--help" || name === "-h";
if (help || (Object.hasOwn(table, name) && rest.includes("--help"))) {
  const lines = help
    ? ["usage:", ...Object.entries(table).map(([n, c]) => `  explainer ${n} ${c.usage}\n      ${c.summary}`)]
    : [`usage: explainer ${name} ${table[name].usage}`, `  ${table[name].summary}`];
  process.stdout.write(lines.join("\n") + "\n");
} else {
  const {compiledCli} = await import("./compiled-kit.js");
  const cli = await compiledCli().catch((error) => {
    process.stderr.write(`explainer: ${error.message}\n`);
    process.exit(1);
  });
  const {main} = await import(cli);
  process.exitCode = await main(process.argv.slice(2));
}
