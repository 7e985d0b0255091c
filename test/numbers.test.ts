import fc from "fast-check";
import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {parseFigure} from "../loaders/figure.ts";
import {eachNumberOfFile, numbersOfFile, numbersOfSource, readNumberFile} from "../loaders/number-rows.ts";
import {uncitedNumbers} from "../loaders/page-numbers.ts";
import type {Claim} from "../src/components/claim.ts";
import {findNumbers} from "../loaders/numbers.ts";
import {sentenceSpans} from "../loaders/sentences.ts";
import {numberKinds} from "../loaders/units.ts";
import {parseSource} from "../loaders/sources.ts";
import {main} from "../tools/cli.ts";
import {asExpected, readCorpus} from "./helpers/numbers-corpus.ts";
import {projectRoot, recordingEffects} from "./helpers/project.ts";

const fixtures = join(projectRoot, "test/fixtures/numbers");
const seedId = "2022-03-02-putins-invasion-of-ukraine-leaves-2000-civilians-dead-as-pleas-for-escape-routes-grow";
const seedSourceFile = `data/sources/${seedId}.md`;
/** What NOT_UTF8 says (loaders/text.ts). */
const notUtf8 =
  "the file is not UTF-8 text (a byte that is not UTF-8, or a U+FFFD left by an earlier bad conversion); save it as UTF-8";

/** [start, end, text, value, lower, upper, qualifier, kind, unit] of each row. */
function brief(rows: ReturnType<typeof findNumbers>): unknown[][] {
  return rows.map((r) => [r.start, r.end, r.text, r.value, r.lower, r.upper, r.qualifier, r.kind, r.unit]);
}

describe("the seed", () => {
  test("numbersOfFile(raw seed article) reads it as add-source archives it: the headline's 2,000 in the title, the body's numbers at the archived body's offsets, no date line", async () => {
    const raw = numbersOfFile(await readFile(join(fixtures, "seed-article.txt")), "seed-article.txt");
    const text = await readFile(join(fixtures, "project", seedSourceFile), "utf-8");
    const archived = numbersOfSource(parseSource(text, seedSourceFile));
    expect(raw.every((r) => r.source === "seed-article.txt")).toBe(true);
    const withoutSource = (rows: typeof raw) => rows.map(({source: _, ...row}) => row);
    expect(withoutSource(raw)).toEqual(withoutSource(archived));
    expect(raw[0].sentence).toBe(
      "Putin's invasion of Ukraine leaves 2,000 civilians dead as pleas for escape routes grow"
    );
  });

  test("numbersOfSource(archived seed) finds the headline's 2,000 in the title and the body's numbers at body offsets, no date line", async () => {
    const text = await readFile(join(fixtures, "project", seedSourceFile), "utf-8");
    const source = parseSource(text, seedSourceFile);
    const rows = numbersOfSource(source);
    expect(rows.map((r) => [r.part, ...brief([r])[0]])).toEqual([
      ["title", 35, 40, "2,000", 2000, 2000, 2000, "exact", "count", "civilians"],
      ["body", 135, 140, "2,000", 2000, 2000, 2000, "exact", "count", "civilians"],
      ["body", 499, 510, "Some 15,000", 15000, null, null, "about", "count", "Russian soldiers"],
      ["body", 1090, 1095, "2,000", 2000, 2000, 2000, "exact", "count", "civilians"],
      ["body", 1656, 1673, "Well over 800,000", 800000, 800000, null, "more-than", "count", "Ukrainians"],
      ["body", 2498, 2504, "dozens", null, null, null, "", "vague", "miles"]
    ]);
    for (const row of rows)
      expect((row.part === "title" ? source.title : source.body).slice(row.start, row.end)).toBe(row.text);
    expect(rows[3].sentence).toBe(
      "Ukraine's State Emergency Service said that 2,000 civilians have been killed during the invasion."
    );
  });
});

describe("the corpus", async () => {
  type Expected = [
    text: string,
    kind: string,
    value: number | null,
    lower: number | null,
    upper: number | null,
    qualifier: string,
    unit: string
  ];
  const corpus: {sentence: string; numbers: Expected[]}[] = JSON.parse(
    await readFile(join(projectRoot, "test/fixtures/numbers-corpus.json"), "utf-8")
  );

  test("the corpus has at least 80 sentences", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(80);
  });

  for (const {sentence, numbers} of corpus) {
    test(`findNumbers(${JSON.stringify(sentence)}) finds ${numbers.length ? numbers.map((n) => JSON.stringify(n[0])).join(", ") : "nothing"}`, () => {
      let from = 0;
      const expected = numbers.map(([text, kind, value, lower, upper, qualifier, unit]) => {
        const start = sentence.indexOf(text, from);
        from = start + text.length;
        return {start, end: start + text.length, text, value, lower, upper, qualifier, kind, unit, sentence};
      });
      expect(expected.every((e) => e.start >= 0)).toBe(true);
      expect(findNumbers(sentence)).toEqual(expected);
    });
  }
});

describe("the wire corpus", () => {
  const corpus = readCorpus(projectRoot);

  test("the wire corpus has at least 300 sentences, and the two corpora cover every kind", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    const kinds = new Set(corpus.flatMap((s) => s.numbers.map((n) => n.kind)));
    expect([...kinds].sort()).toEqual([...numberKinds].sort());
  });

  for (const {line, sentence, numbers} of corpus) {
    test(`findNumbers(${JSON.stringify(sentence)}) (corpus line ${line})`, () => {
      expect(findNumbers(sentence).map(asExpected)).toEqual(numbers);
    });
  }
});

describe("findNumbers properties", () => {
  const corpus = readCorpus(projectRoot).map((s) => s.sentence);
  const noise = fc.string({unit: fc.constantFrom(..." \n\t\u00a0\u202f,.-–%$£€()'\"0123456789abcMk")});

  test("findNumbers(text): every row's text is text.slice(start, end), rows in order and apart", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...corpus), noise), {maxLength: 8}), (parts) => {
        const text = parts.join(" ");
        const rows = findNumbers(text);
        let last = 0;
        for (const row of rows) {
          expect(text.slice(row.start, row.end)).toBe(row.text);
          expect(row.start).toBeGreaterThanOrEqual(last);
          expect(row.end).toBeGreaterThan(row.start);
          last = row.end;
        }
      }),
      {numRuns: 300}
    );
  });
});

describe("findNumbers", () => {
  test('findNumbers("…") gives offsets that include the qualifier words, in running text', () => {
    const text = "Officials said on Tuesday that well over 800,000 people had left.";
    const [row] = findNumbers(text);
    expect([row.start, row.end, text.slice(row.start, row.end)]).toEqual([31, 48, "well over 800,000"]);
  });

  test('findNumbers("…") reads a date as one date, not a day count and a year', () => {
    expect(brief(findNumbers("On 2 March 2022, 300 people left."))).toEqual([
      [3, 15, "2 March 2022", null, null, null, "", "date", ""],
      [17, 20, "300", 300, 300, 300, "exact", "count", "people"]
    ]);
  });

  test('findNumbers("…") reads the no-break and thin spaces of wire copy as spaces, and between digit groups as separators', () => {
    // Sentences written for Explainer Kit's tests: U+00A0 before a noun and "per cent", U+202F and U+2009 between groups.
    const text =
      "The mayor said 1,200\u00a0people left. Some 40\u00a0per cent lost power. Crews fixed 2\u202f000 lines and 1\u2009250\u2009000 meters.";
    expect(brief(findNumbers(text))).toEqual([
      [15, 20, "1,200", 1200, 1200, 1200, "exact", "count", "people"],
      [34, 50, "Some 40\u00a0per cent", 40, null, null, "about", "percent", "per cent"],
      [75, 80, "2\u202f000", 2000, 2000, 2000, "exact", "count", "lines"],
      [91, 100, "1\u2009250\u2009000", 1250000, 1250000, 1250000, "exact", "distance", "meters"]
    ]);
    // Each row keeps the text and the sentence as written (the sentence on one line).
    expect(findNumbers(text)[2].sentence).toBe("Crews fixed 2 000 lines and 1 250 000 meters.");
    // A year, a day or a decimal before a spaced group is no group: "in 2021 300 people" stays two numbers.
    expect(findNumbers("In 2021\u00a0300 people left; 1.5\u00a0000 is no figure.").map((r) => r.text)).toEqual([
      "2021",
      "300",
      "1.5",
      "000"
    ]);
  });

  test('findNumbers("…") passes "one" as a pronoun and keeps it as a count', () => {
    // Sentences written for Explainer Kit's tests.
    const text =
      "No one left. One of the shelters had 40 beds and 90 people asked for one. For one, the fixture council " +
      "paid. The storm killed one, hurt two and left one shelter dark for one night.";
    expect(findNumbers(text).map((r) => r.text)).toEqual(["40", "90", "one", "two", "one", "one"]);
  });

  test('findNumbers("…") keeps a currency word before "of" with its sum, but not pounds of a weight', () => {
    // Sentences written for Explainer Kit's tests.
    const text = "The fixture plan includes 14 billion euros of tax cuts. A fixture bakery sent 200 pounds of flour.";
    const [sum, weight] = findNumbers(text);
    expect([sum.text, sum.kind, sum.unit, weight.text]).toEqual(["14 billion euros", "money", "EUR", "200"]);
  });

  test('findNumbers("…") reads an age as a duration in years, not a count to cite', () => {
    // Sentences written for Explainer Kit's tests.
    const text =
      "A 20-year-old and two teenagers aged 15 and 16 were held. Men aged 18 to 60 stay; 300 people aged between 5 and 12 left.";
    expect(findNumbers(text).map((r) => [r.text, r.kind, r.unit])).toEqual([
      ["20", "duration", "year-old"],
      ["two", "count", "teenagers"],
      ["15", "duration", "years"],
      ["16", "duration", "years"],
      ["18 to 60", "duration", "years"],
      ["300", "count", "people"],
      ["between 5 and 12", "duration", "years"]
    ]);
  });

  // Sentences written for Explainer Kit's tests.
  test.each([
    [
      'a duration that names a period ("the three months to September") as a date: no figure to draft',
      "Profit for the three months to September rose; in the 12 months ending in 30 June 2026 and the nine months through Sept. 30 too. Sales in the first six months of the year and in the two weeks from July 14 fell, as 18 months ago. The strike lasted three months, the deadline was extended by two months to March, and the bridge will close for 14 months from July.",
      [
        ["three months to September", "date", ""],
        ["12 months ending in 30 June 2026", "date", ""],
        ["nine months through Sept. 30", "date", ""],
        ["first", "ordinal", ""],
        ["six months of the year", "date", ""],
        ["two weeks from July 14", "date", ""],
        ["18 months ago", "date", ""],
        ["three", "duration", "months"],
        ["two", "duration", "months"],
        ["14", "duration", "months"]
      ]
    ],
    [
      'a duration after "the previous", "its first" or "the past", or before "earlier" or "later", as a date',
      "Fixture pay rose 4% in the previous three months and the gallery drew 820,000 in its first six months, as in the past 12 months; the boat left two days earlier and 40 more came three weeks later. Trains ran 30 minutes later than planned.",
      [
        ["4%", "percent", "%"],
        ["three months", "date", ""],
        ["820,000", "count", ""],
        ["first", "ordinal", ""],
        ["six months", "date", ""],
        ["12 months", "date", ""],
        ["two days earlier", "date", ""],
        ["40", "count", ""],
        ["three weeks later", "date", ""],
        ["30", "duration", "minutes"]
      ]
    ],
    [
      'a duration that ends at an hour ("the 24 hours to 8am") as a date, but not one a verb lasts',
      "In the 24 hours to 8am on Tuesday, 74mm of fixture rain fell; the strike will last 48 hours to midnight.",
      [
        ["24 hours to 8am", "date", ""],
        ["74", "count", "mm"],
        ["48", "duration", "hours"]
      ]
    ],
    [
      'a chart\'s name ("the top 40", "a top 10 hit") as no figure, but "the top 10%" as a share',
      "Its 14 fixture tracks entered the top 40, a top 10 hit among them; the top 10% of earners and the top 5 per cent.",
      [
        ["14", "count", "fixture tracks"],
        ["10%", "percent", "%"],
        ["5 per cent", "percent", "per cent"]
      ]
    ],
    [
      'a year before "to" and another figure as no range ("from £120 million in 2022 to £48 million")',
      "Fixture reserves fell from £120 million in 2022 to £48 million; prices rose from 2020 to 2022.",
      [
        ["£120 million", "money", "GBP"],
        ["2022", "year", ""],
        ["£48 million", "money", "GBP"],
        ["2020", "year", ""],
        ["2022", "year", ""]
      ]
    ],
    [
      'a verb\'s particle "up" before "to" as no qualifier ("edged up to 27.4pc")',
      "Fixture market share edged up to 27.4pc and prices ticked up to 3%; up to 300 people were hurt, and fares could go up to 40%.",
      [
        ["27.4pc", "percent", "pc"],
        ["3%", "percent", "%"],
        ["up to 300", "count", "people"],
        ["up to 40%", "percent", "%"]
      ]
    ],
    [
      'the base of a rate ("per 100,000 people") as no figure, but not the 70 of "one for every 70"',
      "Fixture deaths per 100,000 people fell to 8.1, or 4.2 per 1,000 births; one latrine for every 70 people.",
      [
        ["8.1", "count", ""],
        ["4.2", "count", ""],
        ["one", "count", "latrine"],
        ["70", "count", "people"]
      ]
    ],
    [
      'a noun whose modifiers "and" joins as its unit ("health and care worker visas")',
      "Some 143,990 fixture health and care worker visas were granted; 200 doctors and nurses left; 41% of 18-year-olds applied.",
      [
        ["Some 143,990", "count", "fixture health and care worker visas"],
        ["200", "count", "doctors"],
        ["41%", "percent", "%"],
        ["18", "duration", "year-olds"]
      ]
    ],
    [
      '"one" that picks a place out ("in one village", "from one large country") as no count, and "four-fifths of" as a share',
      "It fell to minus 14C in one fixture village; services make up about four-fifths of the fixture economy; one village of 300 people. Visas from one large fixture country fell; fees rose from one to three.",
      [
        ["minus 14C", "temperature", "C"],
        ["about four-fifths", "vague", ""],
        ["one", "count", "village"],
        ["300", "count", "people"],
        ["one", "count", ""],
        ["three", "count", ""]
      ]
    ],
    [
      'an abbreviated unit written against its number ("140mm") as a spaced one',
      "Rainfall was 140mm, or 140 mm; 30kg of rice and 3cm of snow.",
      [
        ["140", "count", "mm"],
        ["140", "count", "mm"],
        ["30", "count", "kg"],
        ["3", "count", "cm"]
      ]
    ]
  ])('findNumbers("…") reads %s', (_, text, expected) => {
    expect(findNumbers(text).map((r) => [r.text, r.kind, r.unit])).toEqual(expected);
  });

  test('findNumbers("…") reads "one in five" as one proportion, like "a third", not two counts', () => {
    // Sentences written for Explainer Kit's tests.
    const text =
      "One in five fixture homes and about 1 in 4 shops lost power; one in 2022 is no proportion; 3 in 10 fixture adults agreed.";
    expect(findNumbers(text).map((r) => [r.text, r.kind, r.unit])).toEqual([
      ["One in five", "vague", "fixture homes"],
      ["about 1 in 4", "vague", "shops"],
      ["one", "count", ""],
      ["2022", "year", ""],
      ["3 in 10", "vague", "fixture adults"]
    ]);
  });

  test('findNumbers("…") reads "seven out of 10" as one proportion, and "5 in 3 attacks" or "20 in 100 days" as two numbers', () => {
    // Sentences written for Explainer Kit's tests.
    const text =
      "Seven out of 10 fixture residents left, nine in ten shops shut and nearly two out of three stayed. " +
      "Raiders killed 5 in 3 attacks; 20 in 100 days is a rate.";
    expect(findNumbers(text).map((r) => [r.text, r.kind, r.unit])).toEqual([
      ["Seven out of 10", "vague", "fixture residents"],
      ["nine in ten", "vague", "shops"],
      ["nearly two out of three", "vague", ""],
      ["5", "count", ""],
      ["3", "count", "attacks"],
      ["20", "count", ""],
      ["100", "duration", "days"]
    ]);
  });

  test('findNumbers("…") does not join numbers across a blank line', () => {
    expect(findNumbers("They counted twenty\n\nThree days passed").map((r) => r.text)).toEqual(["twenty", "Three"]);
  });

  test('findNumbers("…") splits a run of number words that is not one number, through the recognizer', () => {
    expect(findNumbers("Rows five six and seven were empty.").map((r) => [r.text, r.value])).toEqual([
      ["five", 5],
      ["six", 6],
      ["seven", 7]
    ]);
  });

  test("findNumbers gives each number its whole sentence, and cuts a very long one to a verbatim window", () => {
    const long = "the crowd grew ".repeat(100) + "to 4,000 people " + "and kept growing ".repeat(100);
    const [row] = findNumbers(long + ".");
    expect(row.sentence.length).toBeLessThanOrEqual(600);
    expect(long.includes(row.sentence)).toBe(true);
    expect(row.sentence).toContain("to 4,000 people");
  });

  test("sentenceSpans(…) does not end a sentence at an abbreviation, an initial or a decimal point", () => {
    const text = 'Mr. Smith met J. Doe. The U.S. sent 5.6 million doses! Then? "Yes." Done';
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "Mr. Smith met J. Doe.",
      "The U.S. sent 5.6 million doses!",
      "Then?",
      '"Yes."',
      "Done"
    ]);
  });
});

describe("large files", () => {
  test("eachNumberOfFile(a raw article read in pieces) gives the rows of the whole text, offsets and all", async () => {
    const seed = await readFile(join(fixtures, "seed-article.txt"), "utf-8");
    const text = seed + ("\n\n" + seed.split("\n").slice(1).join("\n").replace(/£/g, "€")).repeat(30);
    const bytes = Buffer.from(text);
    const whole = readNumberFile(bytes, "big.txt");
    const pieces = readNumberFile(bytes, "big.txt", 1000);
    expect([whole.bytes, pieces.bytes?.length, pieces.pieceBytes]).toEqual([undefined, bytes.length, 1000]);
    const rows = (file: typeof whole) => {
      const out: unknown[] = [];
      eachNumberOfFile(file, (piece) => out.push(...piece));
      return out;
    };
    const streamed = rows(pieces);
    expect(streamed.length).toBeGreaterThan(150);
    // Read in pieces, offsets are into the whole file (`file`); read whole, into its title and body.
    expect(streamed).toEqual(findNumbers(text).map((n) => ({...n, source: "big.txt", part: "file"})));
    expect(rows(whole)).toEqual(numbersOfFile(bytes, "big.txt"));
    expect(new Set(rows(whole).map((r) => (r as {part: string}).part))).toEqual(new Set(["title", "body"]));
    for (const row of streamed as {start: number; end: number; text: string}[])
      expect(text.slice(row.start, row.end)).toBe(row.text);
  });

  test("readNumberFile(bytes read in pieces) checks them as decodeText does: binary, not UTF-8", () => {
    const head = Buffer.from(" date 2022-03-02 A headline\n\n");
    const fail = (bytes: Buffer) => {
      try {
        readNumberFile(bytes, "big.txt", 10);
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(fail(Buffer.concat([head, Buffer.from([0x41, 0x00])]))).toBe(
      "big.txt:3: NOT_TEXT: the file holds a NUL byte: it is binary, not text"
    );
    expect(fail(Buffer.concat([head, Buffer.from([0x41, 0xff, 0x41])]))).toBe(`big.txt:3: NOT_UTF8: ${notUtf8}`);
    // Read in pieces of 4 MB: the line of a bad byte in a later piece, and of a character cut off at the end.
    const later = Buffer.concat([head, Buffer.from("A line of text.\n".repeat(300_000)), Buffer.from([0xe9, 0x0a])]);
    expect(fail(later)).toBe(`big.txt:300003: NOT_UTF8: ${notUtf8}`);
    expect(fail(Buffer.concat([head, Buffer.from("Ends in \u20ac")]).subarray(0, -1))).toBe(
      `big.txt:3: NOT_UTF8: ${notUtf8}`
    );
  });
});

describe("explainer numbers", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "explainer-numbers-"));
    await writeFile(join(root, "article.txt"), await readFile(join(fixtures, "seed-article.txt")));
    await writeFile(join(root, "empty.txt"), "  \n");
    await writeFile(join(root, "binary.bin"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    await writeFile(join(root, "latin1.txt"), Buffer.from(" date 2022-03-02 Caf\xe9 prices up 2%\n\nBody\n", "latin1"));
    await writeFile(join(root, "notes.txt"), "Meeting notes: 3 items\n");
  });
  afterAll(() => rm(root, {recursive: true, force: true}));

  async function run(...args: string[]) {
    const effects = recordingEffects(root);
    const status = await main(["numbers", ...args], effects);
    return {status, stdout: effects.out.join(""), stderr: effects.err.join("")};
  }

  test("main([numbers, raw article]) prints CSV with the columns of the issue, one row per number", async () => {
    const {status, stdout, stderr} = await run("article.txt");
    expect([status, stderr]).toEqual([0, ""]);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("source,start,end,text,value,lower,upper,qualifier,kind,unit,sentence,part");
    expect(lines[3]).toBe(
      'article.txt,499,510,"Some 15,000",15000,,,about,count,Russian soldiers,"Some 15,000 Russian soldiers are approaching the city, whose residents will have recent images of the attack on Kharkiv fresh in their minds.",body'
    );
    expect(lines).toHaveLength(7);
  });

  test("main([numbers, bad files]) names each file with its problem, exits 1 and writes nothing", async () => {
    const {status, stdout, stderr} = await run(
      "article.txt",
      "empty.txt",
      "binary.bin",
      "latin1.txt",
      "notes.txt",
      "missing.txt"
    );
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.split("\n")).toEqual([
      "empty.txt: SOURCE_EMPTY: the file is empty",
      `binary.bin:1: NOT_UTF8: ${notUtf8}`,
      `latin1.txt:1: NOT_UTF8: ${notUtf8}`,
      'notes.txt:1: NOT_A_SOURCE: neither an archived source (a "---" front matter block) nor a raw article (a headline, then a line with the date it was published)',
      "missing.txt: NO_SUCH_FILE: cannot read the file",
      "explainer numbers: 5 problems",
      ""
    ]);
  });

  test("main([numbers, binary UTF-8 text]) rejects a file with NUL bytes as binary", async () => {
    await writeFile(join(root, "nul.txt"), " date 2022-03-02 Headline\n\nBody\u0000\n");
    const {status, stdout, stderr} = await run("nul.txt");
    expect([status, stdout, stderr.split("\n")[0]]).toEqual([
      1,
      "",
      "nul.txt:3: NOT_TEXT: the file holds a NUL byte: it is binary, not text"
    ]);
  });

  test("main([numbers]) with no file is a usage error", async () => {
    const {status, stderr} = await run();
    expect(status).toBe(2);
    expect(stderr).toBe("numbers takes at least one FILE\nusage: explainer numbers FILE...\n");
  });
});

describe("uncitedNumbers reads prose like an editor", () => {
  // Page text written for Explainer Kit's tests.
  const claim = (id: string, figure: string) => ({...parseFigure(figure), id, figure}) as unknown as Claim;
  const claims = [claim("refugees", "Well over 800,000"), claim("aid", "$1.7 billion"), claim("killed", "2,000")];
  const texts = (page: string) =>
    uncitedNumbers(page, "src/page.md", claims).map((p) => p.message.split(": ")[1] + ": " + p.message.split('"')[1]);

  test("uncitedNumbers(…) passes dates, years, ordinals, vague words and the page's own structure", () => {
    const page =
      "# What we know\n\nOn 3 March 2022, the third report since 2014 said several towns and dozens of villages were hit. " +
      "Here are three things to know, in two charts. {refugees} have fled.\n";
    expect(texts(page)).toEqual([]);
  });

  test("uncitedNumbers(…) flags a count, a percentage and a sum of money typed into prose", () => {
    const page =
      "# What we know\n\nSeven hospitals were hit, 35 per cent of homes lost power and the UN asked for €500mn.\n";
    expect(texts(page)).toEqual(["UNCITED_NUMBER: Seven", "UNCITED_NUMBER: 35 per cent", "UNCITED_NUMBER: €500mn"]);
  });

  test("uncitedNumbers(…) passes a headline and standfirst that repeat figures the page cites, not others", () => {
    const page =
      '---\ntitle: "800,000 have fled"\n---\n# More than 800,000 have fled and 2,000 are dead\n\n' +
      '<p class="standfirst">Donors pledged $1.7bn; 3,000 are missing.</p>\n\n{refugees} fled, {killed} died; {aid.label} was pledged.\n';
    expect(texts(page)).toEqual(["UNCITED_NUMBER: 3,000"]);
  });

  test("uncitedNumbers(…) reads the front matter's title and standfirst: repeats of cited figures pass, others fail", () => {
    const page =
      '---\ntitle: "Over 800,000 have fled"\nstandfirst: "{refugees} fled and 2,000 died; 40 towns were shelled."\n---\n\n{killed} died.\n';
    expect(uncitedNumbers(page, "src/page.md", claims).map((p) => p.message.split(" is not")[0])).toEqual([
      'src/page.md:3: UNCITED_NUMBER: "40"'
    ]);
  });

  test("uncitedNumbers(…) flags a headline that repeats a figure with a stronger qualifier, or one the page does not cite", () => {
    const page = "# Over 2,000 are dead and 800,000 have fled\n\n{killed} died.\n";
    expect(texts(page)).toEqual(["UNCITED_NUMBER: Over 2,000", "UNCITED_NUMBER: 800,000"]);
  });
});
