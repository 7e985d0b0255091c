/**
 * Run by bench/numbers.ts in a child process of its own, so that its peak memory is the command's:
 * `tsx bench/numbers-big.ts FILE` runs `explainer numbers FILE` with its output thrown away and
 * prints, as JSON, the seconds it took (wall clock and CPU), the megabytes of CSV it wrote and the process's peak
 * resident memory.
 */
import {closeSync, openSync, writeSync} from "node:fs";
import {dirname} from "node:path";
import {main} from "../tools/cli.ts";

const file = process.argv[2];
const sink = openSync("/dev/null", "w");
let written = 0;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const status = await main(["numbers", file], {
  root: dirname(file),
  stdout: (text) => {
    written += text.length;
    writeSync(sink, text);
  },
  stderr: (text) => void process.stderr.write(text),
  now: () => new Date()
});
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
closeSync(sink);
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({status, seconds, cpuSeconds, outputMb: Math.round(written / 1e6), peakRssMb}));
