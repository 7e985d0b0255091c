// `npm ci` runs this (the `prepare` script): it links `explainer` into node_modules/.bin, where
// `npx explainer` finds it at once. (A `bin` field in package.json would make npx install the
// project into its own cache before every run, which takes seconds.)
import {mkdirSync, rmSync, symlinkSync} from "node:fs";

mkdirSync("node_modules/.bin", {recursive: true});
rmSync("node_modules/.bin/explainer", {force: true});
symlinkSync("../../bin/explainer.js", "node_modules/.bin/explainer");
