import {readFile, rm, symlink, writeFile} from "node:fs/promises";
import {request, type Server} from "node:http";
import {join} from "node:path";
import {afterAll, beforeAll, beforeEach, describe, expect, test} from "vitest";
import {draftFor, numberAt} from "../loaders/drafts.ts";
import {readSources} from "../loaders/sources.ts";
import {archiveArticle} from "../tools/commands/add-source.ts";
import {appendCsvRows, csvHeader, nextLine, removeCsvRows, replaceCsvRow} from "../tools/csv-append.ts";
import {ignoreRoutes, newIgnoredHeader} from "../tools/ignore-routes.ts";
import {ledgerRoutes, newLedgerHeader} from "../tools/ledger-routes.ts";
import {hashText, newToken, startSaveServer} from "../tools/save-server.ts";
import {endpointClient, snapshot} from "./helpers/endpoint.ts";
import {copyProject, recordingEffects, removeProject} from "./helpers/project.ts";

const preview = "http://127.0.0.1:3000";
const convoy = "2022-03-02-fixture-352-civilians-killed-as-the-convoy-stalls";
const refugees = "2022-03-06-fixture-more-than-1-5-million-have-fled-un-agency-says";
const twoMillion = "2022-03-08-fixture-two-million-have-now-left-un-says";

describe("appendCsvRows", () => {
  test("appendCsvRows(text, rows) writes each cell under its header column, quoting only where CSV needs it", () => {
    expect(appendCsvRows("source,text,reason\n", [{reason: 'A "repeat"', source: "a", text: "3,000"}])).toBe(
      'source,text,reason\na,"3,000","A ""repeat"""\n'
    );
  });

  test("appendCsvRows(text, rows) ends an unfinished last line first and keeps the file's CRLF", () => {
    expect(appendCsvRows("a,b\r\n1,2", [{a: "3", b: "4"}])).toBe("a,b\r\n1,2\r\n3,4\r\n");
    expect(appendCsvRows("a,b\n1,2", [{a: "3"}])).toBe("a,b\n1,2\n3,\n");
  });

  test("appendCsvRows(null or blank, rows, columns) starts the file with its header", () => {
    const columns = ["place", "claim"];
    expect(appendCsvRows(null, [{claim: "refugees", place: "x.md:3"}], columns)).toBe("place,claim\nx.md:3,refugees\n");
    expect(appendCsvRows(" \n", [{claim: "refugees", place: "x.md:3"}], columns)).toBe(
      "place,claim\nx.md:3,refugees\n"
    );
  });

  test("replaceCsvRow(text, key, value, row) rewrites that row's line alone, with its line end; null when no line holds it whole", () => {
    const text = 'id,n,note\r\na,1,\r\nb,2,"x, y"\r\nc,3,';
    expect(replaceCsvRow(text, "id", "b", {id: "b", n: "4,5", note: ""})).toEqual({
      text: 'id,n,note\r\na,1,\r\nb,"4,5",\r\nc,3,',
      line: 3
    });
    expect(replaceCsvRow(text, "id", "c", {id: "c", n: "6"})?.text).toBe('id,n,note\r\na,1,\r\nb,2,"x, y"\r\nc,6,');
    expect(replaceCsvRow(text, "id", "z", {id: "z"})).toBeNull();
    expect(replaceCsvRow('id,note\na,"one\ntwo"\n', "id", "a", {id: "a", note: ""})).toBeNull();
    // A line inside a quoted cell that reads like the row is not the row.
    const inside = 'id,note\na,"one\nb,2\nthree"\nb,2\n';
    expect(replaceCsvRow(inside, "id", "b", {id: "b", note: "4"})).toEqual({
      text: 'id,note\na,"one\nb,2\nthree"\nb,4\n',
      line: 5
    });
  });

  test("removeCsvRows(text, rows) drops a row only from its line, and only while the line holds its cells whole", () => {
    // Columns in another order than the kit writes them; CRLF line ends.
    const text = 'claim,place\r\nx,a.md:3\r\ny,"b.md:4"\r\nz,"c.md:5\r\nstill c"\r\n';
    const drop = (rows: [number, Record<string, string>][]) => removeCsvRows(text, new Map(rows));
    expect(drop([[3, {place: "b.md:4", claim: "y"}]])).toBe('claim,place\r\nx,a.md:3\r\nz,"c.md:5\r\nstill c"\r\n');
    // A line that holds another row (the file changed since it was read), or half a row, stays.
    expect(drop([[2, {place: "b.md:4", claim: "y"}]])).toBe(text);
    expect(drop([[4, {place: "c.md:5", claim: "z"}]])).toBe(text);
    expect(drop([[1, {claim: "claim"}]])).toBe(text);
    // Nor does a line inside a quoted cell that reads like the row.
    const inside = 'claim,place\nz,"c.md:5\ny,b.md:4\nstill c"\n';
    expect(removeCsvRows(inside, new Map([[3, {claim: "y", place: "b.md:4"}]]))).toBe(inside);
  });

  test("csvHeader and nextLine read the header and the line the next row starts on", () => {
    expect(csvHeader('\ufeffid,"figure", note\n')).toEqual(["id", "figure", "note"]);
    expect([nextLine("a\n"), nextLine("a\n1"), nextLine("a\n1\n"), nextLine("a\n\n")]).toEqual([2, 3, 3, 3]);
  });
});

// The number audit's routes on the save endpoint, on a desk whose three fixture articles were just
// archived: no ledger and no ignore list yet.
describe("the ledger and ignore routes of the save endpoint", () => {
  let root: string;
  let server: Server;
  let url: URL;
  const token = newToken();

  beforeAll(async () => {
    root = await copyProject("review");
    for (const name of ["convoy", "refugees", "two-million"]) {
      await archiveArticle(`articles/${name}.txt`, recordingEffects(root));
    }
    const routes = [...ledgerRoutes({root}), ...ignoreRoutes({root})];
    const started = await startSaveServer({root, token, origins: [preview], routes});
    server = started.server;
    url = new URL(started.url);
  });
  afterAll(async () => {
    server?.close();
    if (root) await removeProject(root);
  });
  beforeEach(async () => {
    await rm(join(root, "data/claims.csv"), {force: true});
    await rm(join(root, "data/ignored.csv"), {force: true});
  });

  const send: ReturnType<typeof endpointClient> = (...args) => endpointClient(url, token, preview)(...args);
  /** Every file under data/ with its bytes: what a refused save must leave as it was. */
  const dataFiles = () => snapshot(join(root, "data"));
  const draft = async (source: string, start: number) => {
    const {status, json} = await send("GET", `/claims/draft/${source}/${start}`);
    expect(status, JSON.stringify(json)).toBe(200);
    return json;
  };
  const cite = (row: Record<string, string>, base = hashText(newLedgerHeader), headers: Record<string, string> = {}) =>
    send("POST", "/claims", {headers, body: JSON.stringify({row, base})});
  const ignore = (rows: Record<string, string>[], base = hashText(newIgnoredHeader)) =>
    send("POST", "/ignored", {body: JSON.stringify({rows, base})});
  const ledger = () => readFile(join(root, "data/claims.csv"), "utf-8");

  test("GET /claims/draft/<source>/<start> gives the draft `explainer claim` gives, and the ledger's base", async () => {
    const json = await draft(convoy, 152);
    const source = (await readSources(root)).find((s) => s.id === convoy)!;
    const expected = draftFor(source, numberAt(source, 152), new Set());
    expect(json).toEqual({
      source: convoy,
      start: "152",
      row: expected.row,
      notes: expected.notes,
      problem: null,
      columns: ["id", "figure", "measure", "attribution", "as_of", "place", "source", "quote", "qualifier", "note"],
      base: hashText(newLedgerHeader)
    });
    expect(json.row).toEqual({
      id: "civilians-killed-fixture-civilians",
      figure: "352",
      measure: "civilians killed",
      attribution: "the health ministry",
      as_of: "2022-03-02",
      place: "",
      source: convoy,
      quote: "The health ministry said 352 civilians had been killed since the fighting began."
    });
  });

  test("a draft whose sentence names no single day leaves as_of empty, says why, and offers the last day of the week it names", async () => {
    const json = await draft(twoMillion, 280);
    expect(json.row).toMatchObject({figure: "1 million", as_of: "", measure: "refugees counted"});
    expect(json.problem).toEqual({
      code: "AS_OF_UNRESOLVED",
      field: "as_of",
      detail: `data/sources/${twoMillion}.md: offset 280: AS_OF_UNRESOLVED: count "1 million": the sentence dates it "Last week", which names no single day; draft it with --as-of YYYY-MM-DD (for a figure that covers all of it, its last day: --as-of 2022-03-06)`,
      value: "2022-03-06"
    });
  });

  test("a draft names the claim of an earlier source it may be a later report of, as `explainer claim` does", async () => {
    const sources = await readSources(root);
    const at = (id: string, text: string) => sources.find((s) => s.id === id)!.body.indexOf(text);
    const earlier = await draft(refugees, at(refugees, "More than 1.5 million people have fled"));
    // The editor names the measure and who counted as the later report does.
    const row = {...earlier.row, measure: "people who have left", attribution: "UNHCR"};
    expect((await cite(row)).status).toBe(200);
    const start = at(twoMillion, "Two million");
    const later = await draft(twoMillion, start);
    expect(later.row).toMatchObject({figure: "Two million", attribution: "UNHCR", as_of: "2022-03-08"});
    expect(later.notes).toEqual([
      `a later report of "${row.id}" (More than 1.5 million, as of 2022-03-06)? to move that claim to this figure rather than add one: \`npx explainer claim ${twoMillion} ${start} --replace ${row.id} --write\``
    ]);
  });

  test("a draft's id is unique against the ledger as it is now", async () => {
    const first = await draft(convoy, 152);
    expect((await cite(first.row)).status).toBe(200);
    const again = await draft(convoy, 152);
    expect(again.row.id).toBe("civilians-killed-fixture-civilians-2022-03-02");
    expect(again.base).toBe(hashText(await ledger()));
  });

  test.each([
    ["an offset with no number", `/claims/draft/${convoy}/3`, 404, "NO_NUMBER_AT_OFFSET"],
    ["a source that is not archived", "/claims/draft/2022-01-01-no-such-source/10", 404, "UNKNOWN_SOURCE"],
    ["a source id out of the folder", "/claims/draft/..%2F..%2Fpackage/10", 400, "INVALID_ID"],
    ["an offset that is not a number", `/claims/draft/${convoy}/ten`, 400, "INVALID_OFFSET"]
  ])("GET a draft for %s is refused", async (_name, path, status, code) => {
    const {json, status: got} = await send("GET", path);
    expect([got, json.error]).toEqual([status, code]);
  });

  test("POST /claims creates the ledger with its header and the row; the next append keeps every row", async () => {
    const first = await draft(convoy, 152);
    const saved = await cite(first.row);
    const text = await ledger();
    expect(text).toBe(
      newLedgerHeader +
        `civilians-killed-fixture-civilians,352,civilians killed,the health ministry,2022-03-02,,${convoy},The health ministry said 352 civilians had been killed since the fighting began.,,\n`
    );
    expect(saved).toEqual({status: 200, json: {file: "data/claims.csv", base: hashText(text)}});
    const second = await draft(convoy, 209);
    expect(second.base).toBe(hashText(text));
    expect((await cite({...second.row, note: "Officials were not named."}, second.base)).status).toBe(200);
    expect(await ledger()).toBe(
      text +
        `soldiers-approaching-capital-fixture-civilians,"Some 15,000",soldiers approaching the capital,officials,2022-02-28,,${convoy},"Some 15,000 soldiers are approaching the capital, officials said on Monday.",,Officials were not named.\n`
    );
  });

  test("POST /claims over a ledger changed since the draft is a 409 with the new base, and writes nothing", async () => {
    const first = await draft(convoy, 152);
    const second = await draft(convoy, 209);
    expect((await cite(first.row, first.base)).status).toBe(200);
    const before = await dataFiles();
    const stale = await cite(second.row, second.base);
    expect([stale.status, stale.json.error, stale.json.base]).toEqual([409, "CONFLICT", hashText(await ledger())]);
    expect(await dataFiles()).toEqual(before);
    expect((await cite(second.row, stale.json.base)).status).toBe(200);
  });

  test("POST /claims refuses a row `check` would refuse, naming the column, and writes nothing", async () => {
    const {row} = await draft(convoy, 152);
    expect((await cite(row)).status).toBe(200);
    const base = hashText(await ledger());
    const before = await dataFiles();
    const cases: [Record<string, string>, {code: string; field: string}][] = [
      [{...row}, {code: "DUPLICATE_ID", field: "id"}],
      [
        {...row, id: "Civilians Killed"},
        {code: "INVALID_ID", field: "id"}
      ],
      [
        {...row, id: "x", quote: "The ministry said 352 civilians had died."},
        {code: "QUOTE_NOT_IN_SOURCE", field: "quote"}
      ],
      [
        {...row, id: "x", figure: "353"},
        {code: "FIGURE_NOT_IN_QUOTE", field: "figure"}
      ],
      [
        {...row, id: "x", as_of: "2022-03-05"},
        {code: "AS_OF_AFTER_PUBLISHED", field: "as_of"}
      ],
      [
        {...row, id: "x", as_of: "2022-02-30"},
        {code: "INVALID_DATE", field: "as_of"}
      ],
      [
        {...row, id: "x", measure: " "},
        {code: "MISSING_FIELD", field: "measure"}
      ],
      [
        {...row, id: "x", source: "2022-01-01-no-such-source"},
        {code: "UNKNOWN_SOURCE", field: "source"}
      ],
      [
        {...row, id: "x", qualifier: "roughly"},
        {code: "INVALID_QUALIFIER", field: "qualifier"}
      ]
    ];
    for (const [bad, problem] of cases) {
      const result = await cite(bad, base);
      expect([result.status, result.json.error], JSON.stringify(result.json)).toEqual([422, "INVALID_CLAIM"]);
      expect(result.json.problems.map((p: {code: string; field: string}) => ({code: p.code, field: p.field}))).toEqual([
        problem
      ]);
    }
    expect(await dataFiles()).toEqual(before);
  });

  test("POST /claims refuses a column the ledger lacks, and any row while the ledger has a problem", async () => {
    const {row} = await draft(convoy, 152);
    const header = "id,figure,measure,attribution,as_of,place,source,quote\n";
    await writeFile(join(root, "data/claims.csv"), header);
    const noNote = await cite({...row, note: "A note"}, hashText(header));
    expect(noNote.json.problems).toEqual([
      {
        code: "MISSING_COLUMN",
        field: "note",
        detail: 'data/claims.csv has no "note" column; add it to the header to fill it in'
      }
    ]);
    const broken = header + `bad,352,x,,2022-03-02,,${convoy},Not 352 in the source.\n`;
    await writeFile(join(root, "data/claims.csv"), broken);
    const result = await cite(row, hashText(broken));
    expect([result.status, result.json.problems]).toEqual([
      422,
      [
        {
          code: "LEDGER_INVALID",
          field: "",
          detail: `data/claims.csv:2: QUOTE_NOT_IN_SOURCE: quote not found in source "${convoy}": "Not 352 in the source."; fix the file first`
        }
      ]
    ]);
    expect(await ledger()).toBe(broken);
  });

  test("POST /claims keeps a ledger's CRLF line endings", async () => {
    const {row} = await draft(convoy, 152);
    const crlf = newLedgerHeader.replace("\n", "\r\n");
    await writeFile(join(root, "data/claims.csv"), crlf);
    expect((await cite(row, hashText(crlf))).status).toBe(200);
    expect(await ledger()).toMatch(/^id,[^\n]*\r\ncivilians-killed-fixture-civilians,[^\n]*,,\r\n$/);
  });

  test.each([
    ["a foreign Host (DNS rebinding)", {host: "evil.example:80"}, 403, "BAD_HOST"],
    ["a foreign Origin", {origin: "http://evil.example"}, 403, "BAD_ORIGIN"],
    ["the null Origin", {origin: "null"}, 403, "BAD_ORIGIN"],
    ["no token", {"x-explainer-token": ""}, 401, "BAD_TOKEN"],
    ["a wrong token", {"x-explainer-token": token.slice(1) + "x"}, 401, "BAD_TOKEN"],
    ["a body not declared JSON", {"content-type": "text/plain"}, 415, "NOT_JSON"],
    ["a form post", {"content-type": "application/x-www-form-urlencoded"}, 415, "NOT_JSON"]
  ])(
    "a ledger save with %s is refused as a chart save is, and changes no file",
    async (_name, headers, status, code) => {
      const {row} = await draft(convoy, 152);
      const before = await dataFiles();
      const result = await cite(row, undefined, headers as Record<string, string>);
      expect([result.status, result.json.error]).toEqual([status, code]);
      const ignored = await send("POST", "/ignored", {
        headers: headers as Record<string, string>,
        body: JSON.stringify({rows: [{source: convoy, text: "352 civilians killed", reason: "A repeat."}], base: "x"})
      });
      expect([ignored.status, ignored.json.error]).toEqual([status, code]);
      expect(await dataFiles()).toEqual(before);
    }
  );

  test("a preflight is answered for a path of a route's shape, so that a page then sees the 400 itself", async () => {
    const preflight = await new Promise<{status: number; methods: string | undefined}>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port: url.port,
          method: "OPTIONS",
          path: "/claims/draft/Not%20A%20Source/1",
          headers: {host: url.host, origin: preview, "access-control-request-method": "GET"}
        },
        (res) => {
          res.resume();
          resolve({status: res.statusCode!, methods: res.headers["access-control-allow-methods"] as string});
        }
      );
      req.on("error", reject);
      req.end();
    });
    expect(preflight).toEqual({status: 204, methods: "GET"});
    const bad = await send("GET", "/claims/draft/Not%20A%20Source/1");
    expect([bad.status, bad.json.error]).toEqual([400, "INVALID_ID"]);
    // Nothing about a route is said before the token is checked.
    const anonymous = await send("GET", "/claims/draft/Not%20A%20Source/1", {headers: {"x-explainer-token": ""}});
    expect([anonymous.status, anonymous.json.error]).toEqual([401, "BAD_TOKEN"]);
  });

  test("hostile bodies are refused before anything is written", async () => {
    const {row} = await draft(convoy, 152);
    const base = hashText(newLedgerHeader);
    const before = await dataFiles();
    const results = await Promise.all([
      send("POST", "/claims", {body: "{row:"}),
      send("POST", "/claims", {body: JSON.stringify({row: {...row, note: "x".repeat(70 * 1024)}, base})}),
      send("POST", "/claims", {body: `{"row": ${"[".repeat(5000)}${"]".repeat(5000)}, "base": "${base}"}`}),
      send("POST", "/claims", {body: JSON.stringify({row, base, file: "../../package.json"})}),
      send("POST", "/claims", {body: JSON.stringify({row: {...row, query: "data/queries/x.sql"}, base})}),
      send("POST", "/claims", {body: JSON.stringify({row: {...row, note: "a\nb,c\nevil,row"}, base})}),
      send("POST", "/claims", {body: JSON.stringify({row: {...row, id: 7}, base})}),
      send("POST", "/claims", {body: JSON.stringify([row])}),
      send("PUT", "/claims", {body: JSON.stringify({row, base})}),
      send("POST", "/claims/draft/x/1", {body: JSON.stringify({row, base})}),
      send("POST", "/ignored", {body: JSON.stringify({rows: [], base})}),
      send("POST", "/ignored", {
        body: JSON.stringify({rows: Array(501).fill({source: convoy, text: "352", reason: "r"}), base})
      })
    ]);
    expect(results.map((r) => `${r.status} ${r.json.error}`)).toEqual([
      "400 INVALID_JSON",
      "413 TOO_LARGE",
      "400 JSON_TOO_DEEP",
      "400 INVALID_BODY",
      "400 INVALID_BODY",
      "400 INVALID_BODY",
      "400 INVALID_BODY",
      "400 INVALID_BODY",
      "405 METHOD",
      "405 METHOD",
      "400 INVALID_BODY",
      "400 INVALID_BODY"
    ]);
    expect(await dataFiles()).toEqual(before);
  });

  test("a ledger that is a symlink, or a data folder that leaves the project, is never written", async () => {
    const {row} = await draft(convoy, 152);
    const outside = join(root, "outside.csv");
    await writeFile(outside, newLedgerHeader);
    await symlink(outside, join(root, "data/claims.csv"));
    const result = await cite(row);
    expect([result.status, result.json.error]).toEqual([400, "NOT_A_FILE"]);
    expect(await readFile(outside, "utf-8")).toBe(newLedgerHeader);
  });

  test("POST /ignored appends the rows (a repeat in the headline, the intro) in one save", async () => {
    const {row} = await draft(refugees, 184);
    expect((await cite(row)).status).toBe(200);
    const rows = [
      {
        source: refugees,
        text: "more than 1.5 million have",
        reason:
          "The headline repeats the figure that the ledger cites from the body (claim people-fled-country-fixture-more)."
      },
      {
        source: refugees,
        text: "More than 1.5 million people have now",
        reason: "Repeats the figure that the ledger cites from this source (claim people-fled-country-fixture-more)."
      }
    ];
    const result = await ignore(rows);
    const text = await readFile(join(root, "data/ignored.csv"), "utf-8");
    expect(result).toEqual({status: 200, json: {file: "data/ignored.csv", base: hashText(text)}});
    expect(text).toBe(
      newIgnoredHeader +
        `${refugees},more than 1.5 million have,The headline repeats the figure that the ledger cites from the body (claim people-fled-country-fixture-more).\n` +
        `${refugees},More than 1.5 million people have now,Repeats the figure that the ledger cites from this source (claim people-fled-country-fixture-more).\n`
    );
    expect((await send("GET", "/ignored")).json).toEqual({base: hashText(text)});
  });

  test("POST /ignored refuses rows `check` would refuse, naming the row and column, and writes nothing", async () => {
    const {row} = await draft(convoy, 152);
    expect((await cite(row)).status).toBe(200);
    const before = await dataFiles();
    const good = {source: convoy, text: "counted 300 deaths", reason: "An earlier count."};
    const result = await ignore([
      good,
      {source: convoy, text: "counted 301 deaths", reason: "Not in the source."},
      {source: convoy, text: "said 352 civilians", reason: "Cited already."},
      {source: convoy, text: "counted 300", reason: " "},
      {source: "2022-01-01-no-such-source", text: "300", reason: "Unknown source."}
    ]);
    expect([result.status, result.json.error]).toEqual([422, "INVALID_IGNORE"]);
    expect(result.json.problems.map((p: {code: string; field: string}) => `${p.field} ${p.code}`)).toEqual([
      "rows[3].reason MISSING_FIELD",
      "rows[4].source UNKNOWN_SOURCE"
    ]);
    const audit = await ignore([good, {...good, text: "counted 301 deaths"}, {...good, text: "said 352 civilians"}]);
    expect(audit.json.problems.map((p: {code: string; field: string}) => `${p.field} ${p.code}`)).toEqual([
      "rows[1].text IGNORED_TEXT_NOT_IN_SOURCE",
      "rows[2].text IGNORED_COVERS_NO_NUMBER"
    ]);
    expect(await dataFiles()).toEqual(before);
  });
});
