/**
 * What the story stage reads, and one hash of it: every file under `data/`, every page under `src/`
 * (Framework's cache aside) and the kit's own code that shapes the stage's outputs (`loaders/`,
 * `src/components/`). When the hash is unchanged, the stage's last outputs stand and nothing is
 * read again; a changed file anywhere in them makes the stage run.
 */
import {createHash} from "node:crypto";
import {readFileSync, readdirSync, statSync} from "node:fs";
import {join, sep} from "node:path";

/** Folders whose files are the stage's inputs, relative to the project root, and which files of them count. */
export const stageInputs: {dir: string; include: RegExp}[] = [
  {dir: "data", include: /./},
  {dir: "src", include: /\.md$/},
  {dir: "loaders", include: /\.ts$/},
  {dir: join("src", "components"), include: /\.ts$/}
];

/** Files that never count: dot-files and dot-folders (Framework's cache), node_modules. */
function ignored(path: string): boolean {
  return path.split(sep).some((part) => part.startsWith(".") || part === "node_modules");
}

/** Every input file, relative to the root, sorted; folders that do not exist have none. */
export function inputFiles(root: string): string[] {
  const files = new Set<string>();
  for (const {dir, include} of stageInputs) {
    let names: string[];
    try {
      names = readdirSync(join(root, dir), {recursive: true, encoding: "utf-8"});
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (ignored(name) || !include.test(name)) continue;
      try {
        if (statSync(join(root, path)).isFile()) files.add(path.split(sep).join("/"));
      } catch {
        // removed while listing
      }
    }
  }
  return [...files].sort();
}

/** One hash over the paths and contents of every input file. */
export function inputsHash(root: string): string {
  const hash = createHash("sha256");
  for (const file of inputFiles(root)) {
    hash.update(`${file}\0`);
    try {
      hash.update(readFileSync(join(root, file)));
    } catch {
      hash.update("missing");
    }
    hash.update("\0");
  }
  return hash.digest("hex");
}
