import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {KitError, problemsOf} from "../loaders/errors.ts";
import {verifyLedger} from "../loaders/ledger.ts";
import {dateOfLine, parseSource, parseRawArticle, sourceIdOf} from "../loaders/sources.ts";
import {projectRoot} from "./helpers/project.ts";

const sourceText = await readFile(join(projectRoot, "test/fixtures/sources/seed.md"), "utf-8");
const source = parseSource(sourceText, "test/fixtures/sources/seed.md");
const header = "id,figure,measure,attribution,as_of,place,source,quote,qualifier,note";
const good = `refugees,"Well over 800,000",refugees,the UN,2022-03-02,Ukraine,seed,"Well over 800,000 Ukrainians have become refugees, the UN believes.",,`;

/** The problems verifyLedger reports for a ledger, as `line: CODE` strings. */
function problems(...rows: string[]): string[] {
  try {
    verifyLedger([header, ...rows].join("\n") + "\n", [source]);
    return [];
  } catch (error) {
    const found = problemsOf(error);
    if (found.length === 0) throw error;
    return found.map((p) => `${p.line}: ${p.code}`);
  }
}

describe("verifyLedger", () => {
  test("verifyLedger(seed row) gives the claim with its label and the quote's offsets in the source", () => {
    const [claim] = verifyLedger(`${header}\n${good}\n`, [source]);
    expect(claim.label).toBe("more than 800,000");
    expect(claim.qualifier).toBe("more-than");
    expect(source.body.slice(claim.quote_start, claim.quote_end)).toBe(
      "Well over 800,000 Ukrainians have become refugees, the UN believes."
    );
  });

  test("verifyLedger matches quotes across curly quotes, dashes and whitespace", () => {
    const row = `killed,"2,000",civilians killed,,2022-03-02,,seed,"Russia's  invasion of Ukraine has killed 2,000 civilians, it emerged today – as",,`;
    const [claim] = verifyLedger(`${header}\n${row}\n`, [source]);
    expect(source.body.slice(claim.quote_start, claim.quote_end)).toBe(
      "Russia’s invasion of Ukraine has killed 2,000 civilians, it emerged today - as"
    );
  });

  test("a figure written another way than its quote's says how the quote writes it", () => {
    const row = (figure: string) => good.replace('"Well over 800,000"', figure);
    const message = (figure: string) => {
      try {
        verifyLedger(`${header}\n${row(figure)}\n`, [source]);
        return "";
      } catch (error) {
        return problemsOf(error)[0].message;
      }
    };
    expect(message("800000")).toBe(
      'data/claims.csv:2: FIGURE_NOT_IN_QUOTE: figure "800000" is not in the quote, which writes it "Well over 800,000"'
    );
    expect(message('"900,000"')).toBe('data/claims.csv:2: FIGURE_NOT_IN_QUOTE: figure "900,000" is not in the quote');
  });

  test("verifyLedger matches a quote typed without the soft hyphens and zero-width spaces its source carries", () => {
    const body = source.body.replace("become refugees", "be\u00adcome refu\u200bgees");
    const marked = {...source, body};
    const [claim] = verifyLedger(`${header}\n${good}\n`, [marked]);
    expect(body.slice(claim.quote_start, claim.quote_end)).toBe(
      "Well over 800,000 Ukrainians have be\u00adcome refu\u200bgees, the UN believes."
    );
  });

  test("a qualifier override replaces the words' qualifier", () => {
    const row = good.replace(/,,$/, ",at-least,");
    expect(verifyLedger(`${header}\n${row}\n`, [source])[0].label).toBe("at least 800,000");
  });

  test.each([
    [
      "a quote not in its source",
      good.replace("Well over 800,000 Ukrainians", "Well over 800,000 Russians"),
      "2: QUOTE_NOT_IN_SOURCE"
    ],
    ["a figure not in its quote", good.replace('"Well over 800,000"', '"Well over 900,000"'), "2: FIGURE_NOT_IN_QUOTE"],
    ["an unparseable figure", good.replace('"Well over 800,000"', '"Ukrainians"'), "2: FIGURE_UNPARSEABLE"],
    ["an unknown source", good.replace(",seed,", ",no-such-source,"), "2: UNKNOWN_SOURCE"],
    ["an invalid date", good.replace("2022-03-02", "2022-02-30"), "2: INVALID_DATE"],
    ["as_of after published", good.replace("2022-03-02", "2022-03-05"), "2: AS_OF_AFTER_PUBLISHED"],
    ["an id that is not a slug", good.replace("refugees,", "Refugees!,"), "2: INVALID_ID"],
    ["an empty required field", good.replace(",refugees,", ",,"), "2: MISSING_FIELD"],
    ["an unknown qualifier", good.replace(/,,$/, ",lots,"), "2: INVALID_QUALIFIER"]
  ])("verifyLedger reports %s", (_name, row, expected) => {
    expect(problems(row)).toEqual([expected]);
  });

  test("a source id one slip away from an archived one names it", () => {
    expect(() => verifyLedger(`${header}\n${good.replace(",seed,", ",sed,")}\n`, [source])).toThrow(
      'data/claims.csv:2: UNKNOWN_SOURCE: source "sed" is not in data/sources/ (did you mean "seed"?)'
    );
  });

  test("an as_of a spreadsheet rewrote (02/03/2022) says a spreadsheet may have; another bad date does not", () => {
    const message = (row: string) => {
      try {
        verifyLedger(`${header}\n${row}\n`, [source]);
      } catch (error) {
        return (error as KitError).message;
      }
      return "";
    };
    expect(message(good.replace("2022-03-02", "02/03/2022"))).toBe(
      'data/claims.csv:2: INVALID_DATE: as_of "02/03/2022" is not a date YYYY-MM-DD (a spreadsheet may have rewritten it: write it as YYYY-MM-DD in a column kept as text)'
    );
    expect(message(good.replace("2022-03-02", "2022-02-30"))).toBe(
      'data/claims.csv:2: INVALID_DATE: as_of "2022-02-30" is not a date YYYY-MM-DD'
    );
  });

  test("verifyLedger reports a duplicate id on the second line, naming the first", () => {
    expect(problems(good, good)).toEqual(["3: DUPLICATE_ID"]);
    try {
      verifyLedger(`${header}\n${good}\n${good}\n`, [source]);
    } catch (error) {
      expect((error as KitError).message).toBe(
        'data/claims.csv:3: DUPLICATE_ID: id "refugees" is already used on line 2'
      );
    }
  });

  test("verifyLedger reports every problem, not only the first", () => {
    const bad = good.replace("2022-03-02", "2022-13-01");
    expect(problems(good.replace("refugees,", "a,"), bad.replace("refugees,", "b,"), "c,,x,,,,,,,")).toEqual([
      "3: INVALID_DATE",
      // figure, as_of, source and quote are empty: one line each
      "4: MISSING_FIELD",
      "4: MISSING_FIELD",
      "4: MISSING_FIELD",
      "4: MISSING_FIELD"
    ]);
  });

  test("verifyLedger reports csv-parse's code and line for a wrong number of fields", () => {
    expect(problems(good, "x,y")).toEqual(["3: CSV_RECORD_INCONSISTENT_COLUMNS"]);
  });

  test.each([
    ["0.3%", "Fixture output changed by -0.3% in the quarter.", "0.3%", "-0.3%"],
    ["212", "The fixture utility leaked 212 million litres a day.", "212", "212 million"],
    ["24", "The fixture utility lost 24 per cent of its water.", "24", "24 per cent"],
    ["4.2 billion", "The fixture county spent $4.2 billion.", "4.2 billion", "$4.2 billion"]
  ])("a figure %j that leaves out part of its quote's number fails", (figure, quote, label, said) => {
    const fixture = parseSource(
      `---\ntitle: Fixture\npublished: 2026-11-13\n---\n${quote}\n`,
      "data/sources/fixture.md"
    );
    let thrown: unknown;
    try {
      verifyLedger(
        `${header}\nfixture-figure,${JSON.stringify(figure)},fixture measure,,2026-11-13,,fixture,"${quote}",,\n`,
        [fixture]
      );
    } catch (error) {
      thrown = error;
    }
    expect(problemsOf(thrown).map((p) => p.message)).toEqual([
      `data/claims.csv:2: FIGURE_CUT_SHORT: figure "${figure}" reads as ${label}, but the quote says "${said}": write the figure as the quote does`
    ]);
    // Written as the quote does, it reads as the quote says: below zero, in millions, a share, in dollars.
    const [claim] = verifyLedger(
      `${header}\nfixture-figure,"${said}",fixture measure,,2026-11-13,,fixture,"${quote}",,\n`,
      [fixture]
    );
    expect(claim.figure).toBe(said);
  });

  test("a quote cut off inside its number does not hide it: the figure is read in the source", () => {
    const fixture = parseSource(
      "---\ntitle: Fixture\npublished: 2026-11-13\n---\nThe fixture utility leaked 212 million litres a day.\n",
      "data/sources/fixture.md"
    );
    expect(() =>
      verifyLedger(`${header}\nleaked,212,litres leaked,,2026-11-13,,fixture,The fixture utility leaked 212,,\n`, [
        fixture
      ])
    ).toThrow(
      'data/claims.csv:2: FIGURE_CUT_SHORT: figure "212" reads as 212, but the source says "212 million" where the quote stops: quote the whole number, and write the figure as the source does'
    );
  });

  test("a figure cut out of words that make no figure ('3' of '3 in 10') fails", () => {
    const quote = "The fixture survey found 3 in 10 adults smoked.";
    const fixture = parseSource(
      `---\ntitle: Fixture\npublished: 2026-11-13\n---\n${quote}\n`,
      "data/sources/fixture.md"
    );
    expect(() =>
      verifyLedger(`${header}\nfixture-smokers,3,fixture adults who smoked,,2026-11-13,,fixture,${quote},,\n`, [
        fixture
      ])
    ).toThrow('data/claims.csv:2: FIGURE_CUT_SHORT: figure "3" reads as 3, but the quote says "3 in 10"');
  });

  test("a figure given in basis or percentage points is cited as its number: no part of it is left out", () => {
    const quote = "The fixture rate dropped by 11 basis points.";
    const fixture = parseSource(
      `---\ntitle: Fixture\npublished: 2026-11-13\n---\n${quote}\n`,
      "data/sources/fixture.md"
    );
    const [claim] = verifyLedger(`${header}\nrate-change,11,change in fixture rate,,2026-11-13,,fixture,${quote},,\n`, [
      fixture
    ]);
    expect(claim.label).toBe("11");
  });

  test("a figure below zero, written as its quote does, is labelled with a minus sign", () => {
    const fixture = parseSource(
      "---\ntitle: Fixture\npublished: 2026-11-13\n---\nFixture output changed by -0.3%.\n",
      "data/sources/fixture.md"
    );
    const [claim] = verifyLedger(
      `${header}\noutput,-0.3%,change in output,,2026-09-30,,fixture,Fixture output changed by -0.3%.,,\n`,
      [fixture]
    );
    expect([claim.value, claim.label]).toEqual([-0.3, "\u22120.3%"]);
  });

  test("verifyLedger reports csv-parse's code and line for an unbalanced quote", () => {
    expect(problems(good, good, 'x,"2,000,a,b,2022-03-02,,seed,q,,')).toEqual(["4: CSV_QUOTE_NOT_CLOSED"]);
  });

  test("a figure that leaves out its quote's qualifier fails, unless the row gives one", async () => {
    const bare = good.replace('"Well over 800,000",', '"800,000",');
    let thrown: unknown;
    try {
      verifyLedger(`${header}\n${bare}\n`, [source]);
    } catch (error) {
      thrown = error;
    }
    expect(problemsOf(thrown).map((p) => p.message)).toEqual([
      'data/claims.csv:2: QUALIFIER_DROPPED: figure "800,000" reads as exact, but the quote says "Well over 800,000": write the figure as the quote does, or give the row a qualifier'
    ]);
    const [claim] = verifyLedger(`${header}\n${bare.replace(/,,$/, ",more-than,")}\n`, [source]);
    expect(claim.label).toBe("more than 800,000");
    // A quote that gives the number twice, qualified once: the figure agrees with the other place.
    const twice = await readFile(join(projectRoot, "test/fixtures/sources/seed.md"), "utf-8");
    const doubled = parseSource(
      twice.replace("Well over 800,000 Ukrainians", "Well over 800,000 Ukrainians, and 800,000 children,"),
      "test/fixtures/sources/seed.md"
    );
    expect(
      verifyLedger(
        `${header}\n${bare.replace(/"Well over 800,000 Ukrainians have/, '"Well over 800,000 Ukrainians, and 800,000 children, have')}\n`,
        [doubled]
      )[0].label
    ).toBe("800,000");
    // Words of its own that agree with the quote's: "over" is "well over"'s qualifier.
    expect(
      verifyLedger(`${header}\n${good.replace('"Well over 800,000",', '"over 800,000",')}\n`, [source])[0].label
    ).toBe("more than 800,000");
  });

  test("a line csv-parse cannot read is one problem, where it first goes wrong", () => {
    expect(problems(good, 'x,2"000,a,b,2022-03-02,,seed,"q, with a comma",,')).toEqual(["3: INVALID_OPENING_QUOTE"]);
  });

  test("a ledger saved with semicolons or tabs is one problem on line 1 that says so", () => {
    const rows = [header, good, good.replace("refugees,", "other,")];
    for (const [delimiter, how] of [
      [";", "semicolons, not commas (as a spreadsheet set to some languages saves CSV)"],
      ["\t", "tabs, not commas (a spreadsheet's tab-separated text)"]
    ]) {
      // As a spreadsheet saves it: each figure with its commas quoted.
      const text = rows.map((row) => row.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, delimiter)).join("\n") + "\n";
      let thrown: unknown;
      try {
        verifyLedger(text, [source]);
      } catch (error) {
        thrown = error;
      }
      expect(problemsOf(thrown).map((p) => p.message)).toEqual([
        `data/claims.csv:1: NOT_COMMA_SEPARATED: the columns are separated by ${how}: save it as comma-separated CSV, UTF-8`
      ]);
    }
  });

  test("verifyLedger reports a missing column on the header line", () => {
    try {
      verifyLedger("id,figure\nrefugees,1\n", [source]);
      expect.unreachable();
    } catch (error) {
      expect(problemsOf(error).map((p) => p.message)[0]).toBe(
        'data/claims.csv:1: MISSING_COLUMN: the header has no column "measure"'
      );
    }
  });

  test("a quote spanning lines starts at its first line", () => {
    const row = good.replace('"Well over 800,000 Ukrainians have', '"Well over 800,000\nUkrainians have');
    expect(problems(good.replace("refugees,", "first,"), row.replace(",seed,", ",nope,"))).toEqual([
      "3: UNKNOWN_SOURCE"
    ]);
  });
});

describe("sources", () => {
  test("parseSource reads the front matter; empty fields stay empty", () => {
    expect(source).toMatchObject({
      title: "Putin's invasion of Ukraine leaves 2,000 civilians dead as pleas for escape routes grow",
      byline: "Will Taylor",
      published: "2022-03-02",
      publisher: "",
      url: ""
    });
  });

  test("parseSource reads a source checked out with \\r\\n line ends (Git's autocrlf) as the same source, offsets and all", () => {
    const crlf = parseSource(sourceText.replace(/\n/g, "\r\n"), "test/fixtures/sources/seed.md");
    expect(crlf).toEqual(source);
    const [claim] = verifyLedger(`${header}\n${good}\n`, [crlf]);
    expect(crlf.body.slice(claim.quote_start, claim.quote_end)).toBe(
      "Well over 800,000 Ukrainians have become refugees, the UN believes."
    );
  });

  test("parseSource names the line where YAML noticed a broken front matter, and its reason", () => {
    // Line 3 opens a quote it never closes: YAML notices at the end of the block, line 4.
    expect(() => parseSource('---\ntitle: "x"\nbyline: "Fixture desk\n---\nBody\n', "data/sources/x.md")).toThrow(
      expect.objectContaining({
        code: "SOURCE_BAD_FRONT_MATTER",
        line: 4,
        detail: "unexpected end of the stream within a double quoted scalar"
      })
    );
  });

  test.each([
    ["no front matter", "Just text\n", "SOURCE_NO_FRONT_MATTER"],
    ["no date", '---\ntitle: "x"\n---\nBody\n', "SOURCE_NO_DATE"],
    ["an invalid date", '---\npublished: "2022-31-01"\n---\nBody\n', "INVALID_DATE"],
    // Unquoted, YAML reads it as a date and rolls it over to 2 March 2022.
    ["a date that is not a day", "---\npublished: 2022-02-30\n---\nBody\n", "INVALID_DATE"],
    ["an empty file", "", "SOURCE_EMPTY"],
    ["a binary file", "\u0000\u0001", "NOT_TEXT"]
  ])("parseSource rejects %s", (_name, text, code) => {
    expect(() => parseSource(text, "data/sources/x.md")).toThrow(
      expect.objectContaining({code, file: "data/sources/x.md"})
    );
  });

  test("parseRawArticle reads the seed's format; sourceIdOf slugs the headline", () => {
    const article = parseRawArticle(
      " date 2022-03-02 Putin's invasion of Ukraine\n\nBy Will Taylor\n\nText.\n",
      "a.txt"
    );
    expect(article).toEqual({
      title: "Putin's invasion of Ukraine",
      published: "2022-03-02",
      byline: "Will Taylor",
      body: "By Will Taylor\n\nText.\n"
    });
    expect(sourceIdOf(article, "a.txt")).toBe("2022-03-02-putins-invasion-of-ukraine");
  });

  test("sourceIdOf refuses a headline with nothing to make an id of, and asks for --id", () => {
    // A fixture headline in Cyrillic ("Fixture: Kyiv"): an article all the same, with no Latin letter to slug.
    const article = parseRawArticle(" date 2022-03-02 Фікстура: Київ\n\nBody.\n", "a.txt");
    expect(article.title).toBe("Фікстура: Київ");
    expect(() => sourceIdOf(article, "a.txt")).toThrow(
      'a.txt:1: INVALID_ID: the headline "Фікстура: Київ" has no Latin letter or digit to make the source\'s id of; give one with --id ID'
    );
  });

  test("parseRawArticle reads wire copy: the headline, then a date line among the next lines, left out of the body", () => {
    // Fixture wire copy, written for this test.
    const wire = [
      "Fixture agency passes a milestone",
      "By A. Reporter",
      "Published: Thursday 3 March 2022, 09:40 GMT",
      "Updated: 4 March 2022",
      "",
      "This fixture sentence says 1,000 people crossed."
    ].join("\r\n");
    expect(parseRawArticle(wire, "wire.txt")).toEqual({
      title: "Fixture agency passes a milestone",
      published: "2022-03-03",
      byline: "A. Reporter",
      // The update's line is part of the article; the publication's is its date.
      body: "By A. Reporter\nUpdated: 4 March 2022\n\nThis fixture sentence says 1,000 people crossed.\n"
    });
    // A web copy's byline and date on one line: both are read, and the line leaves the body.
    expect(
      parseRawArticle("Fixture headline\nBy Fixture Staff | March 3, 2022\n\nA fixture paragraph.\n", "a.txt")
    ).toEqual({
      title: "Fixture headline",
      published: "2022-03-03",
      byline: "Fixture Staff",
      body: "A fixture paragraph.\n"
    });
    // The date line may come first, above the headline.
    expect(parseRawArticle("Friday, March 4, 2022\n\nFixture headline\n\nA fixture paragraph.\n", "a.txt")).toEqual({
      title: "Fixture headline",
      published: "2022-03-04",
      byline: "",
      body: "A fixture paragraph.\n"
    });
    // --published dates an article that has no date line, and overrides one that has.
    const undated = "\nFixture headline\n\nA fixture paragraph with 12 numbers in it.\n";
    expect(parseRawArticle(undated, "a.txt", "2022-03-05")).toMatchObject({
      title: "Fixture headline",
      published: "2022-03-05"
    });
    expect(parseRawArticle(wire, "wire.txt", "2022-03-05").published).toBe("2022-03-05");
  });

  test.each([
    ["3 March 2022", "2022-03-03"],
    ["Published: 3 March 2022, 09:40 GMT", "2022-03-03"],
    ["March 3, 2022", "2022-03-03"],
    ["Posted on Mar. 3, 2022 at 10.15 AM (UTC+2)", "2022-03-03"],
    ["Thu, 3rd Mar 2022", "2022-03-03"],
    ["Sept 30, 2022 | 9am EDT", "2022-09-30"],
    ["2022-03-03", "2022-03-03"],
    ["First published on Wednesday 2 March 2022 18.05 GMT", "2022-03-02"],
    ["Published 9:40 AM EST, March 3, 2022", "2022-03-03"],
    ["2022-03-03T09:40:00Z", "2022-03-03"],
    ["Published: 2022-03-03T23:40:00-05:00", "2022-03-03"],
    ["March 3, 2022 / 9:40 AM / Updated 2 hours ago", "2022-03-03"],
    ["3 March 2022 (Fixture Wire)", "2022-03-03"],
    ["Thu 25.03.2022 09:40", "2022-03-25"],
    ["3/25/2022", "2022-03-25"],
    ["03.03.2022", "2022-03-03"],
    ["12/31/2022", "2022-12-31"]
  ])("dateOfLine reads %j as %s", (line, date) => {
    expect(dateOfLine(line)).toEqual({date, updated: false});
  });

  test("dateOfLine tells a line that dates an update", () => {
    expect(dateOfLine("Last updated: 4 March 2022, 11:00 GMT")).toEqual({date: "2022-03-04", updated: true});
    expect(dateOfLine("Updated 10:41 AM EST, March 4, 2022")).toEqual({date: "2022-03-04", updated: true});
  });

  test.each([
    "03/04/2022",
    "13/14/2022",
    "31 February 2022",
    "3 Marches 2022",
    "On 3 March 2022 the fixture agency said 1,000 people crossed.",
    "3 March 2022 said the fixture agency",
    "2022-03-03T09:40 the fixture agency said",
    "10:41 AM EST",
    "Kyiv, 3 March"
  ])("dateOfLine reads no date in %j", (line) => {
    expect(dateOfLine(line)).toBeNull();
  });

  test("parseRawArticle rejects a file that is not an article", () => {
    expect(() => parseRawArticle("Hello\nworld\n", "notes.txt")).toThrow(
      'notes.txt:2: NOT_AN_ARTICLE: no date under the headline "Hello": add a line with the date it was published ("Published: 3 March 2022", "March 3, 2022" or "2022-03-03") below the headline, or give --published YYYY-MM-DD'
    );
    expect(() =>
      parseRawArticle("Fixture headline\nBy A. Reporter\nUpdated: 4 March 2022\n\nBody.\n", "a.txt")
    ).toThrow(
      'a.txt:3: NOT_AN_ARTICLE: the only date under the headline "Fixture headline" is an update\'s ("Updated: 4 March 2022"): add a line with the date it was published ("Published: 3 March 2022", "March 3, 2022" or "2022-03-03") below the headline, or give --published YYYY-MM-DD'
    );
    // A line with an unambiguous date in figures that is not a date line gets the plain message.
    expect(() => parseRawArticle("Fixture headline\n25.03.2022 said the agency\n\nBody.\n", "a.txt")).toThrow(
      'a.txt:2: NOT_AN_ARTICLE: no date under the headline "Fixture headline"'
    );
    // A date in figures alone is refused with why: 03/04/2022 is 3 April or March 4.
    expect(() => parseRawArticle("Fixture headline\nBy A. Reporter\n03/04/2022 09:40\n\nBody.\n", "a.txt")).toThrow(
      'a.txt:3: NOT_AN_ARTICLE: the date under the headline "Fixture headline" is written in figures, 03/04/2022, which can be read day first or month first: write it as "3 March 2022" or "2022-03-03", or give --published YYYY-MM-DD'
    );
    expect(() => parseRawArticle("Hello\nworld\n", "notes.txt", "3 March")).toThrow(
      'notes.txt: INVALID_DATE: --published "3 March" is not a date YYYY-MM-DD'
    );
    expect(() => parseRawArticle(" date 2022-02-30 Fixture\n\nBody.\n", "a.txt")).toThrow(
      'a.txt:1: INVALID_DATE: "2022-02-30" is not a date YYYY-MM-DD'
    );
    expect(() => parseRawArticle("Fixture headline\n3 March 2022\n\n", "a.txt")).toThrow(
      "a.txt:2: SOURCE_EMPTY: the article has no body"
    );
    expect(() =>
      parseRawArticle("<!DOCTYPE html>\n<html><body><p>A fixture page.</p></body></html>\n", "page.html")
    ).toThrow(
      "page.html:1: NOT_AN_ARTICLE: the file is a web page's HTML: save the article as text (its headline on the first line, then a line with the date it was published, then the article)"
    );
  });
});
