import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {isErrorCode, kitCodes, KitError} from "../loaders/errors.ts";
import {layoutProblemCodes, specProblemCodes} from "../src/components/charts/problems.ts";
import {fileSystemProblem} from "../tools/cli.ts";
import {projectRoot} from "./helpers/project.ts";

describe("error codes", () => {
  test("docs/errors.md lists every code of the kit and of charts, and no other", async () => {
    const page = await readFile(join(projectRoot, "docs/errors.md"), "utf-8");
    const kit = [...page.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(kit).toEqual(Object.keys(kitCodes));
    const charts = page.slice(page.indexOf("## Charts"), page.indexOf("## Malformed CSV"));
    const chartCodes = [...charts.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]);
    expect(new Set(chartCodes)).toEqual(new Set([...specProblemCodes, ...layoutProblemCodes]));
  });

  test("isErrorCode knows the kit's, the charts' and csv-parse's codes, and nothing else", () => {
    expect(["QUOTE_NOT_IN_SOURCE", "LABEL_COLLISION", "CSV_QUOTE_NOT_CLOSED"].map(isErrorCode)).toEqual([
      true,
      true,
      true
    ]);
    expect(["QUOTE_NOT_IN_SOURC", "quote_not_in_source", ""].map(isErrorCode)).toEqual([false, false, false]);
  });

  test("fileSystemProblem(error, root) gives a file system's refusal at its path in the project, and nothing else", () => {
    const refusal = (message: string, fields: object) => Object.assign(new Error(message), fields);
    const root = "/desk";
    const rename = refusal("EACCES: permission denied, rename '/desk/dist.tmp' -> '/desk/dist'", {
      code: "EACCES",
      syscall: "rename",
      path: "/desk/dist.tmp"
    });
    expect(fileSystemProblem(rename, root)?.message).toBe("dist.tmp: FILE_SYSTEM: rename: permission denied (EACCES)");
    const outside = refusal("ENOENT: no such file or directory, open '/elsewhere/x.csv'", {
      code: "ENOENT",
      syscall: "open",
      path: "/elsewhere/x.csv"
    });
    expect(fileSystemProblem(outside, root)?.message).toBe(
      "/elsewhere/x.csv: FILE_SYSTEM: open: no such file or directory (ENOENT)"
    );
    expect(fileSystemProblem(new TypeError("x is undefined"), root)).toBeNull();
    const spawn = refusal("spawn observable ENOENT", {code: "ENOENT", syscall: "spawn observable", path: "observable"});
    expect(fileSystemProblem(spawn, root)).toBeNull();
    expect(fileSystemProblem(refusal("ERR_X: y", {code: "ERR_X", syscall: "open", path: "/desk/a"}), root)).toBeNull();
    expect(fileSystemProblem(undefined, root)).toBeNull();
  });

  test("a KitError reads file:line: CODE: detail, or file: field: CODE: detail", () => {
    expect(new KitError("QUOTE_NOT_IN_SOURCE", "quote not found", {file: "data/claims.csv", line: 4}).message).toBe(
      "data/claims.csv:4: QUOTE_NOT_IN_SOURCE: quote not found"
    );
    expect(new KitError("UNKNOWN_PLACE", "no place", {file: "data/charts/x.json", field: "places[0]"}).message).toBe(
      "data/charts/x.json: places[0]: UNKNOWN_PLACE: no place"
    );
  });
});
