import {cp, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {csvParseRows} from "d3-dsv";
import {afterEach, beforeEach, describe, expect, test} from "vitest";
import {asOfSentence} from "../loaders/as-of.ts";
import {attributionIn} from "../loaders/attribution.ts";
import {draftFor, draftId, earlierReports, sourceTag} from "../loaders/drafts.ts";
import {measureIn} from "../loaders/measure.ts";
import {numbersOfSource} from "../loaders/number-rows.ts";
import {findNumbers} from "../loaders/numbers.ts";
import {parseSource} from "../loaders/sources.ts";
import {main} from "../tools/cli.ts";
import {projectRoot, recordingEffects} from "./helpers/project.ts";

// Test sentences written for Explainer Kit's tests; none is quoted from a real article.

describe("asOfSentence", () => {
  const published = "2022-03-02"; // a Wednesday
  // Fixture sentences with two figures each, dated apart.
  const crossings =
    "The fixture border guard said 1.43 million people had crossed since Feb. 24, while arrivals slowed to about 20,000 on Tuesday.";
  const compared =
    "More than 2.3 million fixture people have fled, the agency said on Tuesday, up from 2 million two days earlier.";
  test.each([
    ["The UN said on Monday that 500,000 had fled.", "2022-02-28", "on Monday"],
    ["On Sunday, 368,000 people had crossed.", "2022-02-27", "On Sunday"],
    ["As of Wednesday, 874,000 had left.", "2022-03-02", "As of Wednesday"],
    ["Yesterday 300 people were evacuated.", "2022-03-01", "Yesterday"],
    ["A fixture poll taken Feb. 26-28 put support at 52%.", "2022-02-28", "Feb. 26-28"],
    ["The fixture record of 300 was set on Monday.", "2022-02-28", "on Monday"],
    ["A fortnight ago, 300 fixture people had applied.", "2022-02-16", "A fortnight ago"],
    ["Some 300 fixture people died; the toll was confirmed on 1 March.", "2022-03-01", "on 1 March"],
    ["The figure was 500,000 almost 24 hours earlier.", "2022-03-01", "almost 24 hours earlier"],
    ["By the end of last month, 4,000 fixture homes had been connected.", "2022-02-28", "By the end of last month"],
    ["At the end of last year, fixture debt stood at £2.1 billion.", "2021-12-31", "At the end of last year"],
    // A relative clause of the figure's own noun, or one that says when the figure was given, dates it.
    ["About 300 fixture refugees, who arrived on Monday, were housed in schools.", "2022-02-28", "on Monday"],
    [
      "1 million fixture people crossed within a week, according to the agency, which published its tally on Tuesday.",
      "2022-03-01",
      "on Tuesday"
    ],
    ["The count on Feb. 24 was 20,000.", "2022-02-24", "on Feb. 24"],
    ["The toll reached 2,000 on 28 February.", "2022-02-28", "on 28 February"],
    ["By Sunday, 1.5 million had crossed.", "2022-02-27", "By Sunday"],
    ["The agency said last Wednesday that 10 had died.", "2022-02-23", "last Wednesday"],
    ["Two days ago, 40 shelters were open.", "2022-02-28", "Two days ago"],
    [
      "Fixture app users passed 50 million, double the number it had 18 months ago, its founder said on Monday.",
      "2022-02-28",
      "on Monday"
    ],
    ["Officials said on Monday night that 40 were hurt.", "2022-02-28", "on Monday night"],
    ["The fixture agency said on Monday that 900 people had left by Sunday.", "2022-02-27", "by Sunday"],
    ["Some 900 fixture people left on Monday and Tuesday.", "2022-03-01", "Tuesday"],
    ["Fixture crude rose to 112 dollars from 110 dollars on Monday.", "2022-02-28", "on Monday"],
    [
      "KYIV, March 2 (Fixture Wire) - At least 71 fixture pupils have been hurt, officials said on Tuesday.",
      "2022-03-01",
      "on Tuesday"
    ],
    // A figure for a period that ended is as of its last day, before the day it was published.
    [
      "Fixture knife offences rose to 14,577 in the year to January, according to figures published on Tuesday.",
      "2022-01-31",
      "in the year to January"
    ],
    [
      "Fixture unemployment was 4.2 percent in the three months to December.",
      "2021-12-31",
      "in the three months to December"
    ],
    [
      "Some 685,000 fixture people arrived in the 12 months to 30 June 2021.",
      "2021-06-30",
      "in the 12 months to 30 June 2021"
    ],
    [
      "Fixture prices rose 6 percent in the year ending February, the office said on Monday.",
      "2022-02-28",
      "in the year ending February"
    ],
    ["By the end of February, 3,000 fixture homes had been rebuilt.", "2022-02-28", "By the end of February"],
    ["Some 12,000 fixture cases were waiting at the end of December.", "2021-12-31", "at the end of December"],
    ["On Christmas Day, 300 fixture meals were served.", "2021-12-25", "On Christmas Day"],
    // A poll carried out between two days: as of its last.
    ["The fixture poll of 2,514 adults was carried out between Feb. 24 and Feb. 27.", "2022-02-27", "Feb. 27"]
  ])("asOfSentence(%j) is %s, from %j", (sentence, date, words) => {
    expect(asOfSentence(sentence, sentence.search(/\d/), published)).toEqual({kind: "date", date, words});
  });

  test.each([
    "The ministry said 300 people died.",
    "More than 1 million had fled since Thursday.",
    "Up to 4 million could flee by March 31.",
    "500 people died in the past 24 hours.",
    "Since the fixture siege began on Monday, 2 million people have fled.",
    "The fixture mayor said 4,000 flats had been damaged, up from 3,100 a week earlier.",
    "Fixture exports fell to 200 tonnes, compared with 340 tonnes a year ago.",
    "Fixture inflation rose to 7% from 5% a year earlier.",
    "Fixture prices were 7 percent higher than a year earlier.",
    "Fixture prices rose 9 percent on a year ago.",
    "Fixture prices have risen 5 percent since February.",
    "Up to 4 million fixture people could leave by March.",
    "Some 1,400 fixture posts are unfilled, twice as many as a year ago.",
    "Fixture ferry bookings rose by 35 per cent compared with the same week last year.",
    // Another figure's time, and a change of plan, are not the figure's.
    "A fixture app now has more than 500 million users, double the number two years ago.",
    "Fixture panels supplied 38 percent of the power, double the share of five years ago.",
    "The fixture pension age will rise to 68, seven years earlier than planned.",
    // A relative clause about another noun has its own time.
    "The fixture budget includes $95 million to repair the aging Blue Line, which carried riders in October.",
    "The fixture agency, which was founded in May, said 300 people had applied.",
    // A day to come dates nothing.
    "Fixture figures due on Friday are expected to show 200,000 jobs were added.",
    "Fixture engineers restored 18,000 homes, and expected to reconnect the rest by Tuesday.",
    "The fixture vote, on Monday next week, has drawn 300 applications.",
    // A figure in its own relative clause has none of the main clause's time words.
    "The fixture bank, which targets 2 per cent inflation, cut its main rate last month.",
    // After a comma, "from" and its number have their own time words.
    "Fixture defence spending will rise to 2.5 per cent of GDP by 2028, from 1.9 per cent this year.",
    // A kind of day is no day.
    "The fixture airport handles about 450 flights on a typical summer Friday.",
    "The fixture party leads by 2 points, a poll for a Sunday newspaper suggests."
  ])("asOfSentence(%j) has no time words that date the figure", (sentence) => {
    expect(asOfSentence(sentence, sentence.search(/\d/), published)).toEqual({kind: "none"});
  });

  test.each([
    ["Fixture hospitals treated 2,310 patients, up from 870 the year before.", "870", "the year before"],
    ["Fixture exports were $4 billion, down from $4.6 billion a year earlier.", "$4.6 billion", "a year earlier"],
    // Years ago name no day either (they were read as no time words, and the figure dated when it was said).
    [
      "Fixture turnout fell to 51.3 per cent, down from 58.9 per cent four years ago, the commission said.",
      "58.9 per cent",
      "four years ago"
    ],
    ["Fixture turnout was 51.3 per cent from 58.9 per cent a decade earlier.", "58.9 per cent", "a decade earlier"]
  ])("a figure compared with %j is of a year that names no single day", (sentence, figure, words) => {
    expect(asOfSentence(sentence, sentence.indexOf(figure), published, figure.length)).toEqual({
      kind: "unresolved",
      words,
      end: undefined
    });
    // … and the figure it is compared with is not.
    expect(asOfSentence(sentence, sentence.search(/\d/), published)).toEqual({kind: "none"});
  });

  test("the level before 'up from' or 'down from' asks for its date, unless its own time words give it", () => {
    const refunds = "Fixture refunds have reached €6 million, up from €2.5 million.";
    expect(asOfSentence(refunds, refunds.indexOf("€2.5"), published, "€2.5 million".length)).toEqual({
      kind: "unresolved",
      words: "up from €2.5 million",
      levelBefore: true
    });
    expect(asOfSentence(refunds, refunds.indexOf("€6"), published, "€6 million".length)).toEqual({kind: "none"});
    // … and the time words of a number compared with, written as a word, are that number's.
    const delay = "Fixture exporters face a delay of 14 hours, up from three hours last year.";
    expect(asOfSentence(delay, delay.indexOf("14"), published, 2)).toEqual({kind: "none"});
    // A level left "the day before" is the day before the new level's.
    const toll = "The fixture toll rose to 68 on Tuesday from 41 the day before.";
    expect(asOfSentence(toll, toll.indexOf("41"), published, 2)).toEqual({
      kind: "date",
      date: "2022-02-28",
      words: "the day before"
    });
    // A level before with "now" is the published day's.
    const now = "Fixture capacity will reach 50 gigawatts by 2030, up from about 15 gigawatts now.";
    expect(asOfSentence(now, now.indexOf("about 15"), published, "about 15".length)).toEqual({kind: "none"});
    // A group compared with may be of the same day.
    const trial = "In the fixture trial, 38 children could walk, compared with 9 of 48 given a placebo.";
    expect(asOfSentence(trial, trial.indexOf("9 of"), published, 1)).toEqual({kind: "none"});
  });

  test.each([
    ["On Monday 40 fixture people were hurt; the following day 12 more were.", "12", "2022-03-01", "the following day"],
    ["The fixture toll was 30 on Monday and rose to 52 two days later.", "52", "2022-03-02", "two days later"],
    // … and beyond a semicolon, a clause with a number of its own has its own time.
    ["On 1 March the fixture count stood at 3,000; a week later it was 5,000.", "3,000", "2022-03-01", "On 1 March"]
  ])(
    "%j: the %s is as of %s, from %j (a day counted on from the one named before it)",
    (sentence, figure, date, words) => {
      expect(asOfSentence(sentence, sentence.indexOf(figure), published, figure.length)).toEqual({
        kind: "date",
        date,
        words
      });
    }
  );

  // Each was read as no time words, and the figure dated the published day.
  test.each([
    ["The week before, 300 fixture people had crossed.", "300", "The week before"],
    ["On the first day of the fixture strike, 500 flights were cancelled.", "500", "On the first day of the fixture"],
    ["A day later, the fixture agency counted 1.5 million.", "1.5 million", "A day later"],
    ["Fixture fraud offences rose by 14% over the same period.", "14%", "over the same period"],
    ["Over that period, 400 fixture jobs went.", "400", "Over that period"],
    ["Fixture debt interest payments were £8.2 billion in the month.", "£8.2 billion", "in the month"],
    ["On election day, fixture turnout was 61%.", "61%", "On election day"],
    ["In the run-up to the vote, 300 fixture rallies were held.", "300", "In the run-up to the vote"],
    ["On the eve of the summit, 5,000 fixture protesters marched.", "5,000", "On the eve of the summit"],
    [
      "Fixture output grew 0.4%, against 0.2% in the previous quarter, the office said on Thursday.",
      "0.2%",
      "in the previous quarter"
    ],
    [
      "Fixture pupils missed 7.2 per cent of sessions in the last academic year.",
      "7.2 per cent",
      "in the last academic year"
    ]
  ])("%j names no day for the %s: %j asks", (sentence, figure, words) => {
    expect(asOfSentence(sentence, sentence.indexOf(figure), published, figure.length)).toMatchObject({
      kind: "unresolved",
      words
    });
  });

  test("a level a figure moved from is of a day before, which the sentence does not give", () => {
    const grown = "Average fixture class sizes have grown from 23 to 26 pupils.";
    expect(asOfSentence(grown, grown.indexOf("23"), published, 2)).toEqual({
      kind: "unresolved",
      words: "grown from 23",
      levelBefore: true
    });
    expect(asOfSentence(grown, grown.indexOf("26"), published, 2)).toEqual({kind: "none"});
    const rose = "Fixture arrivals rose from about 20,000 to nearly 35,000 on Monday.";
    expect(asOfSentence(rose, rose.indexOf("about"), published, "about 20,000".length)).toEqual({
      kind: "unresolved",
      words: "rose from about 20,000",
      levelBefore: true
    });
    // The level a figure left, after the level it reached.
    const fell = "Fixture homicides fell to 570 from 590.";
    expect(asOfSentence(fell, fell.indexOf("590"), published, 3)).toEqual({
      kind: "unresolved",
      words: "to 570 from 590",
      levelBefore: true
    });
    const slowed = "Fixture pay growth slowed to 5.1%, from 5.5%, the office said on Tuesday.";
    expect(asOfSentence(slowed, slowed.indexOf("5.5%"), published, 4)).toEqual({
      kind: "unresolved",
      words: "to 5.1%, from 5.5%",
      levelBefore: true
    });
    // … unless its own time words follow it, which ask in their turn ("the previous quarter" is over).
    const quarter = "Fixture pay growth slowed to 5.1%, from 5.5% in the previous quarter, the office said on Tuesday.";
    expect(asOfSentence(quarter, quarter.indexOf("5.5%"), published, 4)).toMatchObject({
      kind: "unresolved",
      words: "in the previous quarter"
    });
    // A level it will move from is today's.
    const fares = "Fixture fares will rise from £2.80 to £3.10.";
    expect(asOfSentence(fares, fares.indexOf("£2.80"), published, 5)).toEqual({kind: "none"});
  });

  test.each([
    ["The fixture census put the town at 14,000 people in 2021.", "14,000", "in 2021", "2021-12-31"],
    ["In 2020, 4,000 fixture people applied.", "4,000", "In 2020", "2020-12-31"],
    ["Fixture waits are 11 weeks, against four weeks in 2019.", "four", "in 2019", "2019-12-31"],
    [
      "Fixture bribes of €2.1 million were paid between 2015 and 2019.",
      "€2.1 million",
      "between 2015 and 2019",
      "2019-12-31"
    ],
    [
      "The fixture firm hired 3,000 people in 2020 and 2021, when demand surged.",
      "3,000",
      "in 2020 and 2021",
      "2021-12-31"
    ],
    ["Fixture exports fell to 300 tonnes in 2021, from 450 tonnes in 2020.", "300", "in 2021", "2021-12-31"],
    ["Fixture exports fell to 300 tonnes in 2021, from 450 tonnes in 2020.", "450", "in 2020", "2020-12-31"],
    ["Fixture sales reached 300 in 2022 so far.", "300", "in 2022", undefined],
    // A month a plan names is the coming one: no day of it is over.
    ["Fixture fares will rise by 10 per cent in June.", "10 per cent", "in June", undefined],
    ["The fixture bank expects inflation to peak at 3.7% in June.", "3.7%", "in June", undefined],
    ["Fixture fares rose by 10 per cent in June.", "10 per cent", "in June", "2021-06-30"],
    ["The fixture town grew by 8 percent in the decade to 2021.", "8 percent", "in the decade to 2021", "2021-12-31"],
    // … and so do the spans of a year: quarters, halves, months between, seasons, fiscal years.
    [
      "Fixture sales fell 4 percent in the fourth quarter of 2021.",
      "4 percent",
      "in the fourth quarter of 2021",
      "2021-12-31"
    ],
    [
      "Fixture output grew 1.2 percent in the first two months of the year.",
      "1.2 percent",
      "in the first two months of the year",
      "2022-02-28"
    ],
    [
      "Between January and February, 14,000 fixture people arrived.",
      "14,000",
      "Between January and February",
      "2022-02-28"
    ],
    ["Fixture profit rose 3 percent in the first half.", "3 percent", "in the first half", undefined],
    // A quarter with no year that has not begun by the published day is last year's, unless it is planned.
    ["Fixture rents were €1,905 in the fourth quarter.", "€1,905", "in the fourth quarter", "2021-12-31"],
    ["Fixture output will rise 2% in the fourth quarter.", "2%", "in the fourth quarter", undefined],
    ["In the 2020-21 season, fixture attendance averaged 41,000.", "41,000", "In the 2020-21 season", undefined],
    ["Fixture revenue rose 8 percent in fiscal 2021.", "8 percent", "in fiscal 2021", undefined],
    // "by the end of May" in a March story: last May's, or a target.
    ["By the end of May, 500 fixture homes will be rebuilt.", "500", "By the end of May", undefined],
    ["Fixture sales rose 4 percent in early 2021.", "4 percent", "in early 2021", undefined],
    ["At the start of the year, 500 fixture beds were free.", "500", "At the start of the year", undefined],
    ["Over Easter, 40,000 fixture travellers left the city.", "40,000", "Over Easter", undefined],
    [
      "Some 31,000 fixture migrants arrived, down from 63,000 in the same period of 2021.",
      "63,000",
      "in the same period of 2021",
      undefined
    ],
    // The year a clause starts: "since 2019, when …".
    [
      "It was the largest fixture fire since 2019, when 94,000 hectares burned.",
      "94,000",
      "since 2019, when",
      "2019-12-31"
    ]
  ])("%j: a year or a span names no single day (%s)", (sentence, figure, words, end) => {
    expect(asOfSentence(sentence, sentence.indexOf(figure), published, figure.length)).toEqual({
      kind: "unresolved",
      words,
      end
    });
  });

  test.each([
    ["The fixture force has 31,800 officers, about 1,000 fewer than it had in 2020.", "about 1,000"],
    ["By the end of March, 500 fixture homes will be rebuilt.", "500"],
    ["So far this year, 1,200 fixture people have crossed.", "1,200"],
    ["The fixture authority puts losses at €1.4 billion so far this year.", "€1.4 billion"],
    ["Fixture spending reached €2.1 million, nearly twice the amount spent in 2018.", "€2.1 million"],
    ["The fixture fund, set up in 2019, now holds $4 billion.", "$4 billion"],
    ["Fixture deportations rose to 4,100, the most since 2016.", "4,100"],
    ["Some 40 fixture plants will close by 2030.", "Some 40"],
    ["That was 14 fewer fixture deaths than in 2022 and a third of the toll in 1998.", "14"],
    ["The fixture plant will supply 200,000 homes in 2026.", "200,000"]
  ])(
    "%j: a year the figure is compared with, of another clause, or a span's or a forecast's, does not date %j",
    (sentence, figure) => {
      expect(asOfSentence(sentence, sentence.indexOf(figure), published, figure.length)).toEqual({kind: "none"});
    }
  );

  test("a day before an event the sentence does not date names no day the kit can tell", () => {
    const sentence = "Fixture polls had put the party at 27 percent a week before the vote.";
    expect(asOfSentence(sentence, sentence.indexOf("27"), published, 10)).toEqual({
      kind: "unresolved",
      words: "a week before the vote"
    });
  });

  test("a day earlier than words that name no single day is none either, whatever day it was said", () => {
    const sentence =
      "Fixture exports fell to 1.2 million tonnes in the first week of February, the authority said on Monday, down from 1.8 million tonnes a week earlier.";
    expect(asOfSentence(sentence, sentence.indexOf("1.8"), published, 11)).toEqual({
      kind: "unresolved",
      words: "a week earlier"
    });
  });

  test("the day results were shown loses to the day of the vote", () => {
    const sentence =
      "The fixture left won 31 percent in Sunday's vote, results showed on Monday, ahead of the right on 22 percent.";
    expect(asOfSentence(sentence, sentence.indexOf("22 percent"), published, 10)).toEqual({
      kind: "date",
      date: "2022-02-27",
      words: "Sunday's"
    });
  });

  test("a period not over by the published date names no day yet", () => {
    const sentence = "Fixture sales rose 2 percent in the year to March.";
    expect(asOfSentence(sentence, sentence.search(/\d/), published)).toEqual({
      kind: "unresolved",
      words: "in the year to March"
    });
  });

  test("the time words of a figure compared with are that figure's own", () => {
    const sentence = "The fixture mayor said 4,000 flats had been damaged, up from 3,100 a week earlier.";
    expect(asOfSentence(sentence, sentence.indexOf("3,100"), published)).toEqual({
      kind: "date",
      date: "2022-02-23",
      words: "a week earlier"
    });
  });

  test.each([
    // Time words after the figure, beyond a clause of their own with its own number, are that number's.
    [crossings, "1.43 million", {kind: "none"}],
    [crossings, "about 20,000", {kind: "date", date: "2022-03-01", words: "on Tuesday"}],
    // The figure compared with: the time words before "up from" are the first figure's, its own come after it.
    // … "two days earlier" than the Tuesday the sentence names.
    [compared, "2 million", {kind: "date", date: "2022-02-27", words: "two days earlier"}],
    [
      "The fixture toll rose to 42 on Tuesday, up from 35 a day earlier.",
      "35",
      {kind: "date", date: "2022-02-28", words: "a day earlier"}
    ],
    [compared, "More than 2.3 million", {kind: "date", date: "2022-03-01", words: "on Tuesday"}],
    // "the previous day" is the day before the one the sentence names before it (else before the published date).
    [
      "Some 3,500 fixture residents left by train on Tuesday, the operator said, down from 5,000 the previous day.",
      "5,000",
      {kind: "date", date: "2022-02-28", words: "the previous day"}
    ],
    [
      "The fixture agency said 300 trains had run the day before.",
      "300",
      {kind: "date", date: "2022-03-01", words: "the day before"}
    ],
    // Words that name no single day, in a clause before the figure's, are that clause's; a day is every clause's.
    [
      "The fixture ports handled a third of the exports last year, and between 20 and 25 ships remain stuck.",
      "between 20 and 25",
      {kind: "none"}
    ],
    [
      "Some 300 fixture people died on Monday, and 1,000 were injured.",
      "1,000",
      {kind: "date", date: "2022-02-28", words: "on Monday"}
    ],
    // … but a clause with its own day after the figure keeps it.
    [
      "Fixture police arrested 12 people on Friday and 7 more on Saturday.",
      "7",
      {kind: "date", date: "2022-02-26", words: "on Saturday"}
    ],
    // The time words of the level a figure left are not the new level's.
    ["Fixture reserves fell from £120 million in 2021 to £48 million.", "£48 million", {kind: "none"}],
    // A year named before the figure it is of.
    [
      "Fixture visits beat the 2019 record of 3.9 million.",
      "3.9 million",
      {kind: "unresolved", words: "the 2019 record", end: "2019-12-31"}
    ]
  ])("asOfSentence(%j) of %j, measured from the figure's end, is %j", (sentence, figure, asOf) => {
    expect(asOfSentence(sentence, sentence.indexOf(figure), published, figure.length)).toEqual(asOf);
  });

  // `end`: the last day of a period that was over by the published date (Wednesday 2 March 2022).
  test.each([
    ["The agency counted 600,000 last week.", "last week", "2022-02-27"],
    ["Earlier this month 300 schools closed.", "Earlier this month", undefined],
    ["Recently 40 clinics reopened.", "Recently", undefined],
    ["Fixture inflation eased to 7.1 percent in February.", "in February", "2022-02-28"],
    ["Some 300 fixture schools closed in March 2020, the ministry said on Monday.", "in March 2020", "2020-03-31"],
    ["Fixture exports reached 40 tonnes last month.", "last month", "2022-02-28"],
    ["Some 300 fixture schools closed last year.", "last year", "2021-12-31"],
    ["Fixture prices rose 4 percent in March.", "in March", undefined],
    ["Fixture prices rose 4 percent in November.", "in November", "2021-11-30"],
    ["Fixture prices rose 4 percent in early February.", "in early February", undefined],
    ["Fixture hospitals treated 2,310 patients in the summer.", "in the summer", undefined],
    // The day something was said yields to the figure's own words, and "the weekend" ended on its Sunday.
    [
      "The fixture agency said on Tuesday that 4,200 people had crossed over the weekend.",
      "over the weekend",
      "2022-02-27"
    ],
    ["Fixture heating costs rose to 2.3 million euros this winter.", "this winter", undefined],
    // A period before another, or an earlier election: no day the sentence gives.
    [
      "Fixture pay rose 4.7% in the previous three months, the office said on Tuesday.",
      "in the previous three months",
      undefined
    ],
    ["Fixture postal votes were 17% at the previous election.", "at the previous election", undefined],
    ["Fixture rents, by contrast, climbed 8.7 percent in the year.", "in the year", undefined],
    ["The fixture captain scored 31 goals this season.", "this season", undefined]
  ])("asOfSentence(%j) names no single day: %j, ending %j", (sentence, words, end) => {
    expect(asOfSentence(sentence, sentence.search(/\d/), published)).toEqual({kind: "unresolved", words, end});
  });
});

describe("attributionIn", () => {
  test.each([
    [
      "Ukraine's State Emergency Service said that 2,000 civilians have been killed.",
      "Ukraine's State Emergency Service"
    ],
    ["Well over 800,000 Ukrainians have become refugees, the UN believes.", "the UN"],
    ["More than 1 million people have fled, the UN refugee agency said on Thursday.", "the UN refugee agency"],
    ["According to UNHCR, 2,011,312 refugees had crossed by Sunday.", "UNHCR"],
    ["At least 352 civilians have been killed, said Ukraine's health ministry.", "Ukraine's health ministry"],
    ["UNHCR figures show 1.5 million people have crossed into Poland.", "UNHCR"],
    ["Figures from the fixture border guard showed 210,000 arrivals in a day.", "the fixture border guard"],
    ["The fixture agency raised its unemployment estimate to 9 per cent.", ""],
    ["Its latest estimates put the toll at 300, the fixture ministry said.", "the fixture ministry"],
    ["The fixture council received 1,200 claims for damage.", ""],
    ["Local fixture reports suggest 70 homes burned.", ""],
    ["Analysts estimate 4,000 fixture jobs were lost.", "analysts"],
    ["The fixture agency estimates 4,000 jobs were lost.", "the fixture agency"],
    ["Poland has taken in some 505,000 people, according to the agency's figures.", "the agency"],
    ["According to UNHCR data, 1.2 million people had crossed by Sunday.", "UNHCR"],
    ["Two-thirds of the fixture grain goes to 3 countries, according to trade figures.", "trade figures"],
    // "according to" an estimate, data or a report: by whom.
    ["The fixture strike costs €20 million a day, according to an estimate by a consultancy.", "a consultancy"],
    ["About 300 were hurt, according to data compiled by a fixture hospital group.", "a fixture hospital group"],
    ["About 300 were hurt, according to reports from the fixture ministry.", "the fixture ministry"],
    [
      "Fixture unemployment fell to 5.1 percent, according to figures from the statistics office.",
      "the statistics office"
    ],
    ["According to official figures, 40 fixture ships were stuck.", "official figures"],
    [
      "According to the Office for National Statistics, 3 per cent of homes were empty.",
      "the Office for National Statistics"
    ],
    ["The ministry on Monday said 40 people were hurt.", "the ministry"],
    ["In a statement, the WHO said it had confirmed 43 attacks on clinics.", "the WHO"],
    [
      "Filippo Grandi, the UN High Commissioner for Refugees, said 660,000 people had fled.",
      "Filippo Grandi, the UN High Commissioner for Refugees"
    ],
    ["Aid groups said that as much as 35 percent of homes had no heating.", "aid groups"],
    ["Some 15,000 Russian soldiers are approaching the city.", ""],
    ["The UN refugee agency put the total who had left Ukraine at 1.7 million.", "the UN refugee agency"],
    ["The Daily Fixture counted 300 arrests.", "The Daily Fixture"],
    ["A fixture volunteer group said it had served some 3,000 meals.", "a fixture volunteer group"],
    ["An aid worker in the fixture town said 300 people slept in the station.", "an aid worker in the fixture town"],
    ["The fixture council put the cost of the shelters at $4.2 million.", "the fixture council"],
    // A saying verb after the figure that goes on to another number gives that number.
    ["The fixture commission pledged 500 million euros, and aid agencies said about 40 percent went to food.", ""],
    // A forecast is given by whoever expects or predicts it; "claims" after "expect" is a noun.
    ["The fixture agency expects 300,000 arrivals this week.", "the fixture agency"],
    ["Fixture insurers expect claims to exceed $300 million.", "fixture insurers"],
    ["Fixture economists predict inflation will hit 9 percent.", "fixture economists"],
    ["The fixture bank's forecast of 2.1 percent was cut.", ""],
    // A relative clause after the name says who it is, not who said.
    ["Dr Anna Fixture, who runs the largest site, said 35 doctors were on duty.", "Dr Anna Fixture"],
    ["The fixture agency, which runs shelters, said 3,000 people slept there.", "the fixture agency"],
    // A participle after a figure describes it: "registered voters" names no one.
    ["The fixture city has 612,000 registered voters, the commission said.", "the commission"],
    ["About 60 percent of fixture voters said yes.", ""],
    // A plural that says who, at the start of a sentence, is a common noun; a name keeps its capitals.
    ["Traders said nearly 40 fixture ships were waiting to load.", "traders"],
    ["Insurers expect fixture claims to exceed $300 million.", "insurers"],
    ["Fixture Traders Ltd said 300 jobs would go.", "Fixture Traders Ltd"],
    // A saying word after "of", "the" or "a" describes a noun.
    ["Fixture prices of added sugar rose by 5 percent, the fixture office said.", "the fixture office"],
    // "claims" before a verb of change is a noun: no one claims anything.
    ["Fixture jobless claims rose by 14,000 to 231,000.", ""],
    // A passive saying names who by "by", or no one.
    ["Some 300 fixture cases were reported by the ministry on Monday.", "the ministry"],
    ["About 300 fixture residents were told to stay indoors.", ""],
    // Figures gathered by someone are theirs.
    ["Fixture figures compiled by Reuters show 300 deaths.", "Reuters"],
    ["Fixture data published by the statistics office showed 300 deaths.", "the statistics office"],
    // … and before a preposition: no one records, no one claims.
    ["Fixture staff went back to paper records for six days.", ""],
    ["Fixture insurers face claims of $35 billion or more.", ""],
    ["The fixture agency records 300 cases a week.", "the fixture agency"],
    ["Fixture arrivals reached 54,600, the highest since records began.", ""],
    // Who counted loses to who said; "and" between names is part of the name.
    [
      "Fixture police in England and Wales recorded 6.6 million offences, the statistics office said.",
      "the statistics office"
    ],
    ["Fixture police in England and Wales recorded 6.6 million offences.", "fixture police in England and Wales"],
    ["Germany and France said 300 fixture people had died.", "Germany and France"],
    ["Producers have announced 7,000 fixture job cuts.", "producers"],
    // What a share of those asked said is no sayer.
    ["In the fixture poll, 38 per cent said the cost of living was the most important issue.", ""],
    // A relative pronoun and the pronoun after it name no one.
    ["The fixture union wants a rise of 10 per cent, which it says would cost £2.1 billion.", ""],
    // A figure in a relative clause says who the subject is; what follows "said" is what was said.
    ["The fixture union, which represents 45,000 dockworkers, said the strike would go on.", ""],
    ["The fixture union, which represents dockworkers, said 12,000 had voted.", "the fixture union"],
    // An aside between commas is no part of the sayer ("citing …", "whose …").
    ["The fixture mayor, citing police figures, said 1,500 people had marched.", "the fixture mayor"],
    ["The fixture company, whose shares fell, said it would cut 300 jobs.", "the fixture company"],
    ["Critics say the fixture 40% rise is too steep.", "critics"],
    // A few words joined by "and" after a comma are one sayer; a plural before what it is of says.
    ["About 200 fixture people marched, police and organisers said.", "police and organisers"],
    ["Analysts at the fixture bank estimate the cost at $5bn.", "analysts at the fixture bank"],
    // Who puts the figure at another number gave that one.
    ["It said 1,200 fixture flights were cancelled, but the airline put the figure at 900.", ""],
    // Who reports another figure, in another clause, did not give this one.
    ["Fixture online spending rose to 27.5 per cent, while clothing stores reported a 4.2 per cent fall.", ""],
    // What was reported to someone describes its noun, and who it was reported by gave it.
    ["Fixture fraud offences reported to police rose by 14% to 1.1 million.", ""],
    ["Fixture cases reported by hospitals rose to 300.", "hospitals"],
    [
      "Fixture offences recorded by police rose 4% to 6.6 million, the statistics office said.",
      "the statistics office"
    ],
    [
      "Some 300 fixture burglaries were logged, according to figures released on Thursday by the statistics office.",
      "the statistics office"
    ],
    // Who found it: a document, a court, an inquiry; "Tests found" names no one.
    ["A report by the fixture institute found 1.2 million children live in poverty.", "the fixture institute"],
    ["The fixture court found that at least €2.1 million in bribes were paid.", "the fixture court"],
    ["A fixture poll published on Friday found that 68 per cent of people opposed it.", "a fixture poll"],
    ["Fixture tests found levels up to 80 times the limit.", ""],
    ["The figures, compiled by the fixture agency, show 300 arrivals.", "the fixture agency"],
    // The subject of the verb that "and said" follows.
    ["The fixture government released aid and said 1,200 soldiers had been sent.", "the fixture government"],
    ["The fixture company was fined and told to cut leakage by 15%.", ""],
    // Who calculated, revealed or disclosed it.
    ["About 12 million fixture people are not saving enough, a fixture think tank calculated.", "a fixture think tank"],
    ["Fixture insurers paid £1.1 billion, a fixture association revealed on Thursday.", "a fixture association"],
    // An aside in lower case is no sayer; whose figures, without "'s"; figures of a kind are nobody's; the
    // sayer of an "of the …" clause.
    ["Romania's fixture police, further south, said that 62,799 people had entered.", "Romania's fixture police"],
    ["By Tuesday the fixture agency's figures showed that 2 million had left.", "the fixture agency"],
    ["Fixture sales fell by 8 per cent, industry figures showed.", "industry figures"],
    ["Of the refugees the fixture agency had counted, Poland had taken in 1.2 million.", "the fixture agency"],
    // What a sayer after a quote goes on to add is said too.
    ['"It is bad," said the fixture chair, adding that 300 homes were hit.', "the fixture chair"],
    // … but "add" with a quantity for its object adds it: it says nothing.
    ["Fixture ships rerouted around the cape added 10 days to each voyage.", ""],
    ["The fixture economy added 200,000 jobs in March, the fixture labour office said.", "the fixture labour office"],
    ["The fixture minister added that 300 more staff were needed.", "the fixture minister"],
    // Whose figures or report show it, past the words for what kind they are.
    ["The fixture trains cost €2.3 billion, the operator's annual report showed.", "the operator"],
    ["The fixture council's own data shows 480 potholes were reported.", "the fixture council"],
    ["The fixture agency's latest figures show 12,000 people were waiting.", "the fixture agency"],
    ["Their own data shows 300 fixture cases.", ""],
    // Not an apposition before its relative clause, nor a phrase after a preposition.
    [
      "The fixture festival received a grant of £450,000, a sum organisers said had been cut by 10% in real terms.",
      "organisers"
    ],
    ["That is a rise of 9%, with the biggest fixture increases recorded for cooking oil.", ""],
    ["A fixture ticket will fall to £11, a saving the council said would help commuters.", "the council"],
    ["Fixture production will move to two sites, where the company expects to create 210 roles.", "the company"],
    ["Advisers warned that fixture insolvencies could rise by 15%.", "advisers"],
    [
      "The fixture council estimated that the festival added well over £20 million to the economy.",
      "the fixture council"
    ]
  ])("attributionIn(%j) is %j", (sentence, who) => {
    expect(attributionIn(sentence, sentence.search(/\d/)).who).toBe(who);
  });

  test.each([
    [
      "WARSAW (Fixture Wire) - Poland's border guard said 1 million people had crossed.",
      "1 million",
      "Poland's border guard"
    ],
    ["KYIV, March 2 (Fixture Wire) - Health officials said 40 people were hurt.", "40", "health officials"],
    ["LVIV, Ukraine — 300 people slept at the station, according to the city council.", "300", "the city council"],
    ["GENEVA (Fixture Wire) – Some 15,000 people crossed on Sunday.", "15,000", ""]
  ])("a wire dateline is not who gave the figure: attributionIn(%j)", (sentence, figure, who) => {
    expect(attributionIn(sentence, sentence.indexOf(figure)).who).toBe(who);
  });

  test("who puts a crowd at a figure gave it, not who said the sentence's other figure", () => {
    const sentence = "Police said 80,000 fixture people marched, while organisers put the crowd at 400,000.";
    expect(attributionIn(sentence, sentence.indexOf("80,000")).who).toBe("police");
    expect(attributionIn(sentence, sentence.indexOf("400,000")).who).toBe("organisers");
  });

  test('attributionIn("He said 300 people had died.") names no one and reports the pronoun', () => {
    expect(attributionIn("He said 300 people had died.", 8)).toEqual({who: "", pronoun: "He"});
  });

  test('"according to its own figures" names no one and reports the pronoun', () => {
    const sentence = "The fixture trust has 1,150 beds, according to its own figures.";
    expect(attributionIn(sentence, sentence.indexOf("1,150"))).toEqual({who: "", pronoun: "its"});
  });
});

describe("measureIn", () => {
  test.each([
    ["Ukraine's State Emergency Service said that 2,000 civilians have been killed.", "civilians killed"],
    ["Russia's invasion of Ukraine has killed 2,000 civilians, it emerged today.", "civilians killed"],
    ["Well over 800,000 Ukrainians have become refugees, the UN believes.", "refugees"],
    ["Some 15,000 Russian soldiers are approaching the city, officials said.", "Russian soldiers approaching the city"],
    ["Some 40,000 fixture travellers were waiting to cross.", "fixture travellers waiting to cross"],
    ["About 300 fixture residents were waiting for buses.", "fixture residents waiting for buses"],
    ["Some 2,000 fixture families were camping at the border.", "fixture families camping at the border"],
    ["Some 500 fixture volunteers were working there.", "fixture volunteers working"],
    ["About 300 fixture residents have been leaving the town.", "fixture residents leaving the town"],
    ["About 30,000 fixture residents a day have been leaving the city.", "fixture residents leaving the city per day"],
    ["Some 40 fixture trains a week still run.", "fixture trains per week"],
    ["A further 2,500 tonnes of fixture medical supplies are due.", "tonnes of fixture medical supplies"],
    ["Some 40,000 litres of fixture fuel were delivered.", "litres of fixture fuel"],
    ["About 1 million doses of the fixture vaccine arrived.", "doses of fixture vaccine"],
    ["Some 300 tonnes were delivered.", "tonnes delivered"],
    ["Fixture grain exports fell to 1.2 million tonnes last week.", "tonnes of fixture grain exports"],
    ["More than 1 million people have fled Ukraine, the agency said.", "people who have fled Ukraine"],
    ["The number of internally displaced people stood at 6.5 million, the IOM said.", "internally displaced people"],
    ["The death toll rose to 2,000 on Monday.", "death toll"],
    ["About 3 per cent of homes lost power.", "share of homes that lost power"],
    ["Inflation reached 8.5% in February.", "inflation"],
    ["Prices for wheat climbed 7 per cent in the fixture market.", "change in prices for wheat"],
    ["Fixture shares slid 12.5% on Monday.", "change in fixture shares"],
    ["LONDON (Fixture Wire) - Fixture grain exports fell by 48% in February.", "change in fixture grain exports"],
    ["The commission proposed €500 million for humanitarian aid.", "humanitarian aid"],
    ["The fixture office said another $300 million had been promised for food.", "food"],
    ["A fixture fund of €40 million was set aside for repairs.", "fund"],
    ["Some $20 million will be spent on fixture schools.", "fixture schools"],
    ["Lenders agreed a $1.7-billion credit line.", "credit line"],
    ["The fixture council put the cost of emergency shelters at $4.2 million.", "cost of emergency shelters"],
    ["The bill for the fixture repairs was €3 million.", "bill for fixture repairs"],
    ["Fixture heating costs rose to EUR 2.3 million this winter, the office said.", "fixture heating costs"],
    ["The fixture repair budget stands at $40,000.", "fixture repair budget"],
    ["Fixture flood damage reached $9 million, insurers said.", "fixture flood damage"],
    ["Police arrested 4,300 protesters overnight.", "protesters arrested"],
    ["The fixture closure costs an estimated €80 million a week.", "cost of fixture closure per week"],
    ["The siege lasted 40 days.", "length of siege in days"],
    ["The death toll from the fixture flood has risen to 112, officials said.", "death toll"],
    ["In March, the fixture death toll rose to 40.", "fixture death toll"],
    ["Unemployment in the fixture region rose to 7.2% in January.", "unemployment"],
    ["Inflation in the fixture economy hit 11.1 per cent in October.", "inflation"],
    ["Fixture officials put the number of evacuees at 9,000.", "evacuees"],
    ["Officials said the number of fixture wounded had doubled to about 6,000.", "fixture wounded"],
    ["The number of open fixture shelters fell to 40.", "open fixture shelters"],
    ["Fixture agencies estimate that 6.5 million people are internally displaced.", "people internally displaced"],
    ["A total of 4,500 fixture dockworkers have been laid off since the closure.", "fixture dockworkers laid off"],
    ["About 300 fixture homes were cut off by the flood.", "fixture homes cut off"],
    ["Overnight fixture shelling left about 80,000 homes without electricity.", "homes without electricity"],
    ["The fixture kitchens feed 3,000 people.", "people"],
    ["The fixture agency counted 600,000 last week.", ""],
    ["Fixture inflation eased to 7.1 percent in February, the office said.", "fixture inflation"],
    ["Of the package, 400 million euros will go to fixture energy subsidies.", "fixture energy subsidies"],
    ["Fixture exports to the bloc fell by a quarter to 3.2 billion dollars last month.", "fixture exports"],
    ["Fixture bread costs three times as much as in February.", ""],
    ["The fixture depot was shelled three times on Friday.", ""],
    ["Fixture fuel prices rose 10-fold, traders said.", ""],
    ["Figures from the fixture border guard showed 210,000 arrivals in a day.", "arrivals"],
    ["The fixture central bank cut its growth forecast to 2.1 per cent from 3.4 per cent.", "growth forecast"],
    ["Fixture inflation rose to 7% from 5%, the office said.", "fixture inflation"],
    ["Fixture crude rose $3.50 to $112.93 a barrel.", "change in fixture crude"],
    ["Fixture insurers raised premiums by as much as 15 percent.", "change in premiums"],
    ["The fixture bakery cut its prices by 10 per cent on Monday.", "change in prices"],
    ["Fixture output increased by 20 percent.", "change in fixture output"],
    [
      "Fixture freight rates doubled over the fortnight, a broker said, reaching $90 a tonne on Friday.",
      "fixture freight rates per tonne"
    ],
    // A price is per what it is for; a sum that shares closed at measures the shares.
    ["The fixture meal costs £3 a head.", "cost of fixture meal per head"],
    ["Fixture shares closed at $12.40 on Friday.", "fixture shares"],
    ["Fixture wholesale prices averaged €112 per megawatt hour.", "fixture wholesale prices per megawatt hour"],
    ["Daily fixture arrivals averaged 12,000 last week.", "daily fixture arrivals"],
    ["Fixture turnout averaged 61 percent.", "fixture turnout"],
    ["Registered fixture voters numbered 612,000.", "registered fixture voters"],
    ["Fixture police solved just 6 percent of robberies.", "share of robberies solved"],
    [
      "Only 83 percent of fixture children received a second dose.",
      "share of fixture children who received a second dose"
    ],
    ["About 4,000 fixture families found a new home.", "fixture families who found a new home"],
    ["Fixture unions said 9,000 more staff were needed.", "more staff needed"],
    ["About 12,000 fixture bags were left behind.", "fixture bags left behind"],
    ["Some 300 fixture residents were left without power.", "fixture residents without power"],
    ["Fixture revenue slipped 4 percent in the quarter.", "change in fixture revenue"],
    ["Fixture unemployment edged up 0.2 percent.", "change in fixture unemployment"],
    [
      "Fixture shares fell, wiping about €2.4 billion off the fixture firm's market value.",
      "money wiped off fixture firm's market value"
    ],
    ["The fixture cuts will save €1 billion a year.", "money saved per year"],
    // A quantity a subject reached is of the subject; what an army reached was reached.
    ["Fixture output reached 12 terawatt hours.", "terawatt hours of fixture output"],
    ["Fixture grain exports reached 1.2 million tonnes.", "tonnes of fixture grain exports"],
    ["The fixture army has reached 300 villages.", "villages reached"],
    ["About 40 percent of fixture adults slept badly.", "share of fixture adults"],
    ["Average fixture class sizes have grown from 23 to 26 pupils.", "fixture class sizes"],
    ["The fixture outbreak has cost health systems an estimated $210 million.", "cost of fixture outbreak"],
    ["Fixture claims totalled 1,200 in March.", "fixture claims"],
    // A subject keeps a word in "-ed" that describes its noun, and leaves out an aside.
    ["The fixture fixed rate stood at 5.9 percent.", "fixture fixed rate"],
    ["Fixture money spent on defence rose to $40 billion.", "fixture money spent"],
    ["Fixture homes built last year totalled 212,000.", "fixture homes built"],
    ["Fixture rents, by contrast, climbed 8.7 percent in the year.", "change in fixture rents"],
    ["Fixture electricity demand hit a record 41.2 gigawatts.", "gigawatts of fixture electricity demand"],
    ["The fixture operator plans to invest a further €2 billion by 2030.", "money to invest"],
    // People who live, work or depend somewhere, or on something.
    [
      "Roughly 400 million fixture people rely on grain shipped through the corridor.",
      "fixture people who rely on grain"
    ],
    ["About 3 million fixture people live below the poverty line.", "fixture people who live below the poverty line"],
    ["In March, fixture inflation quickened, hitting 9.1 percent.", "fixture inflation"],
    ["The fixture toll climbed all week, reaching 2,000 on Friday.", "fixture toll"],
    ["Fixture insurers expect claims to exceed $300 million.", "claims"],
    ["Fixture economists predict inflation will hit 9 percent.", "inflation"],
    ["The fixture agency expects arrivals to top 300,000 this week.", "arrivals"],
    ["The fixture council raised $5 million.", "money raised"],
    ["About 42,000 fixture households were still without power on Tuesday.", "fixture households without power"],
    ["Some 35 fixture doctors were working long shifts.", "fixture doctors working"],
    ["The fixture cluster's appeal for $46 million is only 12 percent funded.", "appeal"],
    ["The fixture farm was sold for $5 million.", ""],
    ["Fixture exports were $4 billion last year.", "fixture exports"],
    ["The fixture union says 9,000 of its members have walked out.", "members walked out"],
    ["Fixture losses could reach £40 million a day, a chamber estimated.", "fixture losses per day"],
    ["The fixture union will put an offer of a 5 percent pay rise to its members.", "pay rise"],
    ["The planned fixture levy of 4.8 percent was dropped.", "planned fixture levy"],
    ["Last month, 12,500 fixture passengers signed a petition.", "fixture passengers who signed a petition"],
    ["Some 2,000 fixture civilians killed the day before were buried.", "fixture civilians killed"],
    [
      "Fixture mortgage payments on a typical home will go up by about €85 a month.",
      "change in fixture mortgage payments per month"
    ],
    ["The fixture agency appealed for $590 million to feed 3.1 million people.", "money to feed people"],
    ["Fixture prices were 7 percent higher than a year earlier.", "change in fixture prices"],
    ["Fixture shares closed 7 percent higher.", ""],
    [
      "The fixture waiting list for planned hospital treatment grew to 7.2 million.",
      "fixture waiting list for planned hospital treatment"
    ],
    ["The fixture queue for the most urgent repairs of flats grew to 1,200.", "fixture queue"],
    ["Fixture wheat yields are expected to fall by up to 30 percent this year.", "change in fixture wheat yields"],
    ["The fixture court fined the company €2.4 million for breaching the rules.", "fine"],
    ["A blaze has burned more than 12,000 hectares of fixture forest.", "hectares of fixture forest burned"],
    [
      "About 3,400 fixture residents were ordered to leave their homes.",
      "fixture residents ordered to leave their homes"
    ],
    ["Some 40 fixture people were taken to hospital for treatment.", "fixture people taken to hospital"],
    ["About 300 fixture residents were told to stay indoors.", "fixture residents told to stay indoors"],
    ["Some 210 fixture firefighters remained on the lines.", "fixture firefighters who remained"],
    ["Under 20 fixture families stayed behind.", "fixture families who stayed behind"],
    ["The fixture ministry said 1,250 schools would stay closed until Friday.", "schools closed"],
    ["About 600 fixture posts remained unfilled.", "fixture posts unfilled"],
    ["Ticket sales for the fixture festival topped 90,000, organisers said.", "ticket sales for fixture festival"],
    ["The fixture charity said demand at its food banks was up 37 percent.", "change in demand"],
    ["Rents in the fixture capital have risen by an average of 11 percent.", "change in rents"],
    ["The fixture drought has cost farmers an estimated €1.1 billion.", "cost of fixture drought"],
    ["A new fixture hospital wing will cost £45m.", "cost of fixture hospital wing"],
    ["About 70 percent of the fixture town's 12,000 residents have left.", "share of fixture town's residents"],
    // A share says what was done to its whole, or what the whole did, as a count would.
    [
      "About 70 percent of the fixture village's 1,800 residents have been evacuated.",
      "share of fixture village's residents evacuated"
    ],
    ["Some 30 percent of fixture homes were destroyed.", "share of fixture homes destroyed"],
    ["Only 35 percent of fixture services were running.", "share of fixture services running"],
    ["Some 40 percent of fixture voters backed the plan.", "share of fixture voters who backed the plan"],
    ["Fixture polls show 41 percent of voters support the plan.", "share of voters who support the plan"],
    ["Some 30 per cent of fixture homes lack heating.", "share of fixture homes that lack heating"],
    ["Some 20 percent of fixture imports the year before came by sea.", "share of fixture imports"],
    ["About 1,260 of the fixture village's residents have been evacuated.", "residents evacuated"],
    ["Some 20 of the 40 fixture trains were cancelled.", "fixture trains cancelled"],
    ["The fixture union said 9,000 members voted for the walkout.", "members who voted for the walkout"],
    [
      "The fixture union said 74 percent of its members voted for the walkout.",
      "share of members who voted for the walkout"
    ],
    ["Upward of 500 fixture families applied for shelter.", "fixture families who applied for shelter"],
    ["About 1,000 fixture lorries queued at the crossing.", "fixture lorries queued"],
    ["The fixture appeal has raised £3.2 million in its first 48 hours.", "money raised"],
    ["Fixture electricity bills will rise by £150 a year on average.", "change in fixture electricity bills per year"],
    ["The fixture vaccine was 91 percent effective in trials.", "fixture vaccine effective"],
    ["Fixture shoppers spent £1.4 billion online on Black Friday.", "money spent"],
    ["A fixture survey of 2,000 adults found that 64 percent had cut back.", "adults surveyed"],
    ["Fixture train operators cancelled 4.6 percent of services.", "share of services cancelled"],
    ["Fixture polls put support for the plan at 41 percent.", "support for plan"],
    ["Some 1,600 fixture nurses have quit since January.", "fixture nurses who have quit"],
    ["The fixture health service has been given £3.3 billion more.", "money given to fixture health service"],
    ["Fixture donors have pledged $1.5 billion.", "money pledged"],
    ["The fixture party won 412 of the 650 seats.", "seats won"],
    ["A fixture earthquake struck at dawn, damaging some 900 buildings.", "buildings damaged"],
    ["Some 14 fixture people were still missing on Friday.", "fixture people missing"],
    ["Fixture aid agencies say they need $120 million.", "money needed"],
    [
      "Some 4.3 million fixture people will need humanitarian assistance.",
      "fixture people needing humanitarian assistance"
    ],
    ["Fixture donors sent $410 million received out of $1.8 billion requested.", "money received"],
    ["Fixture inflation rose from 5% to 7% in March.", "fixture inflation"],
    // A qualifier is part of the figure's text, so the words before it still end at "from", "of".
    ["Fixture arrivals rose from about 20,000 to nearly 35,000.", "fixture arrivals"],
    ["A fixture survey of some 2,000 adults found that most had cut back.", "adults surveyed"],
    ["Fixture arrivals rose from 20,000 to 35,000 last week.", "fixture arrivals"],
    ["Fixture fares will rise from £2.80 to £3.10.", "fixture fares"],
    ["Some 120 fixture schools have been turned into shelters.", "fixture schools turned into shelters"],
    ["The fixture bank set aside £1.2 billion to cover bad loans.", "money to cover bad loans"],
    ["The fixture mayor asked for €3m to rebuild the bridge.", "money to rebuild the bridge"],
    ["The fixture merger, valued at $14 billion, still needs approval.", "value of fixture merger"],
    ["The fixture firm employs about 11,000 people in 30 countries.", "people employed"],
    ["Fixture shares fell, wiping $8 billion off its market value.", "money wiped off market value"],
    // A verb between "fined" and the sum: no fine. A sum earmarked for something is for it.
    ["The fixture club that was fined last year spent $5 million on players.", "money spent on players"],
    ["Some €500 million earmarked for fixture reconstruction will be released.", "fixture reconstruction"],
    // "All of the 300 workers" were all evacuated: the whole did it.
    ["All of the 300 fixture workers were evacuated.", "fixture workers evacuated"],
    ["Fixture jobless claims rose by 14,000 to 231,000.", "change in fixture jobless claims"],
    ["The number of fixture people sleeping rough rose by 1,026 to 3,069.", "change in fixture people sleeping rough"],
    ["The fixture strike is costing the economy $300 million a day.", "cost of fixture strike per day"],
    ["The fixture far-right list doubled its share to 12 percent.", "share"],
    ["Fixture food inflation remained high at 12.3 percent.", "fixture food inflation"],
    ["Fixture unemployment held steady at 5.1 percent.", "fixture unemployment"],
    ["Fixture core inflation, which excludes food and energy, edged down to 5.8 percent.", "fixture core inflation"],
    ["Some 1.1 million fixture ballots were cast.", "fixture ballots cast"],
    ["The average wait for a fixture decision was 7.5 months.", "average wait for fixture decision in months"],
    ["The fixture journey was about 12 hours.", "length of fixture journey in hours"],
    ["A fixture mayor rigged public contracts worth €14 million.", "value of contracts"],
    ["The fixture mayor must also repay €1.7 million to the city.", "money to repay"],
    ["Fixture hills received 180 millimetres of rain.", "millimetres of rain received"],
    ["Up to 30 centimetres of fixture snow fell overnight.", "centimetres of fixture snow"],
    ["Fixture rainfall since October has been 45 percent below normal.", "change in fixture rainfall"],
    // The noun a number and its unit describe.
    ["The fixture club built a new 52,000-seat stadium.", "stadium seats"],
    ["A 300-bed fixture hospital opened.", "fixture hospital beds"],
    ["A 12-year-old fixture boy was hurt.", "age of fixture boy"],
    ["A 24-hour fixture ceasefire was agreed.", "length of fixture ceasefire in hours"],
    ["A 5-kilometre fixture queue formed.", "length of fixture queue in kilometres"],
    // A count that names only what it is the number of.
    ["The fixture centre's population almost doubled, to 29,000.", "fixture centre's population"],
    ["The fixture campaign reached half of its target of 4.9 million.", "target"],
    ["A crowd of 20,000 fixture fans gathered.", "fixture fans"],
    ["A fixture crowd of 20,000 gathered.", "fixture crowd"],
    ["Fixture brick kilns, which number around 1,800 in the area, were shut.", "fixture brick kilns"],
    ["Moldova, a fixture country of 2.6 million, took in refugees.", "population"],
    ["Fixture people aged 65 and over make up a sixth of residents.", "age of fixture people"],
    ["About 70 percent of the fixture pollution comes from vehicles.", "share of fixture pollution from vehicles"],
    ["Fixture visitors spent an average of 1,340 euros per trip.", "average money spent per trip"],
    ["Fixture health spending gets an extra 3 billion euros.", "money given to fixture health spending"],
    ["Fixture pensioners receive 2,000 hryvnias a month.", "money given to fixture pensioners per month"],
    ["Fixture Britons were the largest group at 3.9 million.", "fixture Britons"],
    ["The 24-year-old fixture striker scored twice.", "age of fixture striker"],
    ["The 24-year-old scored 31 fixture goals.", "age"],
    ["The fixture striker signed a five-year contract worth €12 million a year.", "length of contract in years"],
    ["Seven of the nine fixture members voted to hold.", "fixture members who voted to hold"],
    ["The fixture bank kept its main interest rate at 4.5 percent.", "main interest rate"],
    ["The fixture currency weakened 0.6 percent against the euro.", "change in fixture currency"],
    ["Fixture hospitals reported a 35 percent rise in emergency admissions.", "change in emergency admissions"],
    ["Fixture power demand peaked at 10.2 gigawatts.", "gigawatts of fixture power demand"],
    // Things do something "that" do it; people, "who".
    ["Some 1,200 fixture farms have applied for drought support.", "fixture farms that applied for drought support"],
    ["About 500 fixture families applied for shelter.", "fixture families who applied for shelter"],
    ["Fixture polls had put the party at around 27 percent.", "support for party"],
    ["Fixture customers pay an average of £512 a year.", "average money paid per year"],
    ["The fixture firm plans to spend £2.4 billion upgrading its network.", "money to spend"],
    ["A fixture telecoms group agreed to buy a smaller rival for £3.6bn.", "price of rival"],
    ["The fixture mine produced 4.1 million tonnes of coal last year.", "tonnes of coal produced"],
    ["The fixture bank's net profit more than doubled to €3.1 billion.", "bank's net profit"],
    ["The fixture fund is worth $1.4 trillion.", "value of fixture fund"],
    ["A fixture court sentenced a former mayor to six years in prison.", "length of sentence in years"],
    ["The fixture deficit narrowed to 3.1 percent of GDP.", "fixture deficit as share of GDP"],
    [
      "Fixture household debt stands at about 240 percent of disposable income.",
      "fixture household debt as share of disposable income"
    ],
    ["The fixture river rose by 2.3 metres overnight.", "change in fixture river in metres"],
    // A sentence's capital goes; an acronym's and a name's possessive stay.
    ["The NHS fixture list rose to 7.6 million.", "NHS fixture list"],
    ["UK fixture inflation rose to 10.1 percent.", "UK fixture inflation"],
    ["Kyiv's fixture population has fallen to about 1.5 million.", "Kyiv's fixture population"],
    ["The fixture firm reported a pre-tax loss of $1.2 billion for the quarter.", "pre-tax loss"],
    ["The number of fixture families has tripled in a decade to 14,000.", "fixture families"],
    ["Fixture ministers will raise the minimum wage by 9.8 percent to £11.44 an hour.", "change in minimum wage"],
    ["About 40 percent of fixture firms plan to cut staff.", "share of fixture firms that plan to cut staff"],
    ["Fixture exports rose to a record $3.4 trillion.", "fixture exports"],
    ["Fixture sales hit a new high of £2 billion.", "fixture sales"],
    ["The fixture agency appealed for $400 million.", "money requested"],
    ["The number of fixture people out of work rose by 56,000.", "change in fixture people out of work"],
    ["Fixture offences involving a knife rose by 7 per cent.", "change in fixture offences involving a knife"],
    [
      "The number of fixture students taking further maths has doubled in a decade, to 19,000.",
      "fixture students taking further maths"
    ],
    ["Fixture groups said commuters had seen fares rise by almost 50 per cent.", "change in fares"],
    ["Fixture economists had expected unemployment to stay at 4.3%.", "unemployment"],
    ["Fixture economists expected inflation to fall by 2%.", "change in inflation"],
    ["Fixture customers will pay £1,528 on average.", "average money to pay"],
    ["Around 9.4 million fixture people aged 16 to 64 were inactive.", "fixture people aged 16 to 64"],
    // A speed is of what the words before it name.
    ["A fixture cyclone brought winds of 150 km/h.", "speed of winds in km/h"],
    ["Fixture gusts reached 120 kilometres per hour.", "speed of fixture gusts in km/h"],
    ["Average fixture speeds fell by 3 kilometres per hour.", "change in average fixture speeds in km/h"],
    ["The fixture union is demanding a rise of 10 per cent.", "rise"],
    ["Fixture landlords saw a rise of 4 per cent in rents.", "change in rents"],
    ["The fixture union wants a rise, which it says would cost about £2.1 billion.", "cost of rise"],
    [
      "Fixture net interest income, the difference between what it earns and pays, rose 11 per cent.",
      "change in net interest income"
    ],
    [
      "The fixture firm set aside $750 million for pollution claims and faces about 4,000 lawsuits.",
      "pollution claims"
    ],
    ["The fixture pension age will rise to 68.", "fixture pension age"],
    ["The fixture plan will save the Treasury £74 billion.", "money saved for Treasury"],
    // Money paid or given to someone before the sum ("pay out" is no one).
    [
      "The fixture government will pay the bridge's operator £31 million a year.",
      "money paid to bridge's operator per year"
    ],
    ["The fixture insurers expect to pay out more than £400 million.", "money to pay out"],
    ["Some 312,000 fixture students received results.", "fixture students who received results"],
    ["A fixture wildfire forced about 30,000 people from their homes.", "people forced from their homes"],
    ["The fixture coast guard moved 340 migrants from six boats.", "migrants moved"],
    ["Fixture organisers put the crowd at 400,000.", "crowd"],
    ["Some 14 fixture police officers were injured.", "fixture police officers injured"],
    ["The fixture trial enrolled 4,800 children aged 5 to 36 months.", "children aged 5 to 36 months"],
    [
      "A record 53,000 fixture runners finished the city marathon on Sunday.",
      "fixture runners who finished the city marathon"
    ],
    ["A fixture ferry carrying more than 200 passengers capsized.", "passengers"],
    ["The fixture study covered cities with a combined population of 30 million.", "combined population"],
    // A streak says how long, not what rose.
    ["Fixture unemployment rose for a third month to 5.2 per cent.", "fixture unemployment"],
    ["Fixture vacancies fell for the fifth straight month to 781,000.", "fixture vacancies"],
    ["Fixture floods have displaced about 1.5 million people.", "people displaced"],
    ["About 1,200 fixture schools are being used as shelters.", "fixture schools used as shelters"],
    ["Fixture shelling leaves 2,000 civilians dead as pleas for help grow.", "civilians dead"],
    // A sum in pence: its unit word is no part of what it measures.
    ["Fixture diesel rose to 199p a litre.", "fixture diesel per litre"],
    ["Fixture fares rose to 45 pence.", "fixture fares"],
    // A sum a subject will reach, and a change made to what is named after the verb.
    ["The fixture standing charge will rise to 53.8p a day.", "fixture standing charge per day"],
    ["The price of a fixture loaf is set to rise to £1.50.", "price of fixture loaf"],
    ["The fixture government cut fuel duty by 5p a litre.", "change in fuel duty per litre"],
    ["Fixture bills will rise £150 to £1,800.", "change in fixture bills"],
    ["Fixture egg prices jumped to $4.82 a dozen.", "fixture egg prices per dozen"],
    ["Fixture workers will earn at least $20 an hour.", "earnings of fixture workers per hour"],
    ["Fixture clubs spent a combined £2.9 billion.", "money spent"],
    ["Its fixture net loss narrowed to $130 million.", "fixture net loss"],
    [
      "Fixture walkers were 31 per cent less likely to develop heart disease.",
      "change in likelihood to develop heart disease"
    ],
    ["Fixture walking was linked to a 4 per cent lower risk of disease.", "change in risk"],
    [
      "Some 38 per cent said the fixture cost of living mattered most.",
      "share who said the fixture cost of living mattered most"
    ],
    ["The fixture government's support has fallen five points since June.", "change in fixture government's support"],
    ["The fixture index closed at 8,100 points.", "fixture index"],
    ["More than 180 mm of fixture rain fell in a day.", "mm of fixture rain"],
    ["The fixture agency projects the population will reach 1.5 million.", "population"],
    ["Fixture economists estimate the strike is costing the economy $5 billion a day.", "cost of strike per day"],
    ["A fixture strike by 45,000 dockworkers entered its third day.", "dockworkers"],
    ["The fixture union is seeking a 77 percent pay rise.", "pay rise"],
    [
      "The fixture ports handle the country's container imports, worth about $2.1 billion a day.",
      "value of container imports per day"
    ],
    ["Fixture visibility fell to less than 2 km.", "fixture visibility in km"],
    ["Queues of fixture lorries stretched for 25 kilometres.", "length of queues of fixture lorries in kilometres"],
    ["The fixture group will cut output by 2 million barrels per day.", "change in barrels of output per day"],
    ["The fixture firm cut its workforce by 500 people.", "change in workforce"],
    ["A first-year fixture doctor earns a basic salary of £38,831.", "basic salary of first-year fixture doctor"],
    ["The fixture state will pay 400,000 rupees to the family of each victim.", "money to family of each victim"],
    ["The fixture council set aside £2 million for refugees.", "money for refugees"],
    ["The fixture budget includes $95 million to repair the aging Blue Line.", "money to repair the aging Blue Line"],
    // Money spent or invested, on what; a change named by a noun, in what.
    ["The fixture county spent $1.3 billion on homeless services.", "money spent on homeless services"],
    ["The fixture utility would spend £1.1 billion on its network over five years.", "money to spend on network"],
    ["The fixture airport plans to invest £10 billion in a third runway.", "money to invest in third runway"],
    ["Fixture households will see an average reduction of £6 on their bills.", "average change in bills"],
    ["The fixture plan means a £150 cut in energy bills.", "change in energy bills"],
    ["There was a fall of 12,000 in the number of fixture vacancies.", "change in number of fixture vacancies"],
    // A subject as a share of a whole ("made up", "accounted for", "climbed back to"), the whole's year kept.
    ["Fixture postal votes made up 14 per cent of the total.", "fixture postal votes as share of total"],
    ["Fixture fraud accounted for 43 per cent of all incidents.", "fixture fraud as share of all incidents"],
    // What a number, a cost, a level or a distance is of.
    ["A fixture jab reduced the number of migraine days by 34 per cent.", "change in number of migraine days"],
    ["The fixture maker said it will cost about $650 a month.", "cost per month"],
    ["Fixture fares will stay at $2.75 for a single ride.", "fixture fares"],
    ["The fixture ship ran aground about 3 km off the port of Westhaven.", "distance from port of Westhaven in km"],
    ["The blast was 20 km from the fixture nuclear plant.", "distance from fixture nuclear plant in km"],
    // Of a whole the sentence starts with: those who did something, or nothing the words name.
    ["Of the fixture registered voters, about 975,000 cast a ballot.", "fixture registered voters who cast a ballot"],
    ["Of the fixture patients charged, 74 were under 18.", ""],
    // A count and its share in apposition.
    ["Some 40 fixture workers, or about 5%, were laid off.", "fixture workers laid off"],
    ["The fixture race raised £62 million for charity.", "money raised for charity"],
    ["At the airport, 412 of 1,300 fixture departures were cancelled.", "fixture departures cancelled"],
    ["Some fixture passengers waited up to 11 hours for a flight.", "wait of fixture passengers in hours"],
    ["Fixture medics treated 312 runners, 19 of whom were taken to hospital.", "runners treated"],
    // Where a count is, what it was made to do, what a sum lost was.
    [
      "Charities estimate that 6.1 million fixture households are in fuel poverty.",
      "fixture households in fuel poverty"
    ],
    ["Some 12,000 fixture farms were at risk of closing.", "fixture farms at risk"],
    ["A fixture fault caused about 3.5 million card payments to fail.", "card payments caused to fail"],
    ["Fixture shops lost an estimated £40 million in sales.", "sales lost"],
    ["The fixture exchange lost Rs 12,000 crore in a day.", "money lost"],
    ["Fixture hospitals were 96.2 per cent full last week.", "fixture hospitals full"],
    ["An average of 4,870 fixture patients a day were in hospital.", "average fixture patients in hospital per day"],
    // A speed in miles an hour; a word for a figure names nothing it measures.
    ["The fixture storm brought gusts of 98 mph to the coast.", "speed of gusts in mph"],
    ["The fixture department put the figure at 61 per cent.", ""],
    ["Fixture police put the number at 40,000.", ""],
    // A count's total or average: of what was done.
    ["The fixture company leaked an average of 212 million litres a day.", "average litres leaked per day"],
    ["The fixture firm sold a total of 3 million cars.", "cars sold"],
    ["The fixture bloc pledged €500 million for humanitarian aid.", "humanitarian aid"],
    ["Fixture seafood was the only category to grow, rising 6 per cent to €310 million.", "change in fixture seafood"],
    ["Fixture tickets were priced from $59 to $449.", "price of fixture tickets"],
    ["Fixture coffee futures rose 4 cents to $4.21 a pound.", "change in fixture coffee futures"],
    ["A magnitude 6.4 earthquake struck the fixture valley.", "magnitude of earthquake"],
    ["The fixture quake measured 6.4 on the Richter scale.", "magnitude of fixture quake"],
    ["The fixture quake struck at 11.47 pm at a depth of 18 kilometres.", "depth of fixture quake in kilometres"],
    ["The fixture village is about 500 km west of the capital.", "distance from capital in km"],
    ["Fixture doctors had received pay rises worth 28.9 per cent.", "pay rises"],
    ["Fixture production has been halted, costing 3 million zlotys a day.", ""],
    ["The fixture rise will bring in an extra £390 million a year.", "money brought in by fixture rise per year"],
    ["The fixture jackpot has grown to an estimated $1.8 billion.", "fixture jackpot"],
    ["Fixture crude peaked at $123 a barrel.", "fixture crude per barrel"],
    ["Fixture prices fell after June, when they peaked at $123 a barrel.", ""],
    ["The fixture fine was set at £5 million.", "fixture fine"],
    ["The largest fixture jackpot, $2.04 billion, was won in 2022.", "largest fixture jackpot"],
    ["Fixture shoppers spent a total of £1.4 billion.", "money spent"],
    ["Fixture agencies asked donors for a combined $1.7 billion.", "money requested"],
    // Counts and distances of what the sentence names around them.
    ["Twenty-two other fixture states also raised their wages.", "other fixture states"],
    [
      "The fixture satellites will orbit at an altitude of 550 kilometres.",
      "altitude of fixture satellites in kilometres"
    ],
    ["The fixture quake struck at a depth of 10 km.", "depth of fixture quake in km"],
    // Where and when it traded is not what the sum is.
    ["Fixture shares closed at $12.40 in New York trading.", "fixture shares"],
    ["The fixture exchange raised $5 million in trading fees.", "trading fees"],
    // Nor is the period it covers, or the day it was said.
    ["Fixture net profit for the quarter rose to $4.2 billion.", "fixture net profit"],
    ["Fixture sales for the six months to June fell to $1.2 billion.", "fixture sales"],
    ["Fixture Co said on Tuesday that net profit for the year doubled to $4.2 billion.", "net profit"],
    ["Fixture Co expects revenue of $18 billion in the current quarter.", "revenue"],
    ["The fixture rent was €1,905 in the fourth quarter.", "fixture rent"],
    // A poll's shares and margin; a group "among" which a figure is counted.
    ["The Fixture Greens were on 12 per cent.", "support for the Fixture Greens"],
    ["Fixture Labour was on 34 per cent.", "support for Fixture Labour"],
    ["The fixture poll has a margin of error of plus or minus 2 percentage points.", "margin of error"],
    ["Deaths among fixture cyclists rose for a second year, to 112.", "deaths among fixture cyclists"],
    ["Fixture spending per visitor averaged €1,180.", "fixture spending per visitor"],
    // A market's close, and a level a price touched: not what closed, not money touched or "earlier".
    ["The fixture index closed down 2.4% at 7,812.5 points.", "change in fixture index"],
    ["The fixture currency touched $1.239 earlier in the session.", ""],
    ["About 1.9 billion fixture shares changed hands.", "fixture shares that changed hands"],
    // A rate and its base; a subject with a number in it; the clause a figure's verb is in.
    ["Fixture deaths per 100,000 people fell to 8.1.", "fixture deaths per 100,000 people"],
    ["The fixture murder rate was 8.1 per 100,000 people.", "fixture murder rate per 100,000 people"],
    ["There were 4.2 fixture deaths per 1,000 live births.", "fixture deaths per 1,000 live births"],
    [
      "A fixture carmaker will cut jobs after its quarterly operating profit fell 41 percent.",
      "change in quarterly operating profit"
    ],
    // A length of what has it; a lead; a unit alone.
    ["Fixture crews had worked shifts of up to 16 hours.", "length of shifts in hours"],
    ["Fixture exporters face an average delay of 14 hours.", "average delay in hours"],
    ["Fixture ambulances took an average of 28 minutes.", ""],
    ["The fixture opposition leads the governing party by five points.", "lead"],
    ["Fixture absence accounted for 2.9 percentage points of the total.", ""],
    // A level "at" after a comma; what a survey found; what was capped.
    ["In the fixture capital, the share was lower, at 19%.", "share"],
    ["The fixture survey found the typical age of leaving home was now 24.", "typical age of leaving home"],
    ["Fixture journeys rose after fares were capped at £2 for a single trip.", "fares"],
    ["Band D fixture tax will rise by 4.99% from April.", "change in band D fixture tax"],
    // A level passed is no change; an apposition after "now" is no part of the subject; days of what.
    ["Coal's share of fixture generation slipped below 1%.", "Coal's share of fixture generation"],
    [
      "Fixture transport, now the largest source, accounted for 29% of the total.",
      "fixture transport as share of total"
    ],
    ["The fixture dispute saw 14 days of strikes.", "days of strikes"],
    ["They faced 10 years of fixture austerity.", "years of fixture austerity"],
    [
      "A record 143,990 fixture health and care worker visas were granted.",
      "fixture health and care worker visas granted"
    ],
    ["The fixture government expects the number to fall by at least 40%.", ""],
    ["A fixture class of 18-year-olds sat the exam.", "age"],
    ["The 40-day fixture siege ended.", "length of fixture siege in days"],
    ["Some 4,500 fixture homes lost power.", "fixture homes that lost power"],
    ["A fixture minister took bribes worth £1.3 million in return for contracts.", "value of bribes"],
    ["The fixture film cost about $250 million to make.", "cost of fixture film"],
    ["The fixture researchers spent 23 days at sea.", "days spent at sea"],
    // Time or distance added to something.
    ["The fixture detour added about 10 days to each voyage.", "days added to each voyage"],
    ["Fixture roadworks will add 20 minutes to journeys.", "minutes added to journeys"],
    ["The fixture divers went to depths of 150 metres.", "depth in metres"],
    [
      "Fixture ambulances took an average of 28 minutes to reach heart attack patients.",
      "average time for fixture ambulances to reach heart attack patients in minutes"
    ],
    ["Fixture ships waited an average of 1.4 days to berth.", "average wait of fixture ships in days"],
    ["A 10-foot fixture wall was built.", "length of fixture wall in feet"],
    // A conjunction ends a noun; a length "long", "tall" or "high" is a dimension of its subject; a level
    // reached or averaged is the subject's; a unit of a length or a quantity alone asks, a thing counted does not.
    ["The fixture bank qualified for a 30% discount because it agreed to settle.", "discount"],
    ["The fixture convoy is 40 miles long.", "length of fixture convoy in miles"],
    ["The fixture rocket, which stands 70 metres tall, lifted off.", "height of fixture rocket in metres"],
    ["Average fixture delays fell to 14 minutes.", "average fixture delays in minutes"],
    ["Fixture waiting times now average 11 weeks.", "fixture waiting times in weeks"],
    ["Fixture exports could fall below 7 million tonnes.", ""],
    ["Fixture rain fell for six hours.", ""],
    ["The fixture ministry said a million doses had arrived.", "doses"],
    // What others expected, and who; money paid for something; a subject's aside with commas of its own.
    ["Fixture economists had expected a rate of 3.3%.", "rate expected by economists"],
    ["Fixture analysts had forecast revenue of $4.1 billion.", "revenue forecast by analysts"],
    ["Fixture survivors said they had each paid $3,000 for the crossing.", "money paid for crossing"],
    ["Core fixture inflation, which strips out energy, food and tobacco, fell to 3.6%.", "core fixture inflation"],
    // A pronoun is no subject; "kills" as "employs": those killed.
    ["Fixture shares rose; they have gained 41% this year.", ""],
    ["Fixture heart disease kills about 160,000 people a year.", "people killed per year"],
    // What things did to something; what people were given; a speed limit.
    ["Four of its fixture carriages left the track.", "fixture carriages that left the track"],
    ["Two fixture aides were given sentences of four years.", "fixture aides given sentences"],
    ["The fixture limit is 60 km/h.", "speed limit in km/h"],
    // What was left unchanged; the clause after a colon; an exchange rate per a currency.
    ["The fixture bank left its key rate unchanged at 0.5%.", "key rate"],
    ["Fixture exporters gained: the share index rose 1.8%.", "change in share index"],
    ["The fixture yen fell to 158.4 per dollar.", "fixture yen per dollar"],
    // "is seeking" is a verb, not a level.
    ["The fixture union is seeking 9%.", ""],
    // What will be done to them; what was done to a noun they belong to is not.
    ["About 1,700 fixture prisoners would be released early.", "fixture prisoners released"],
    ["About 300 fixture homes will be built.", "fixture homes built"],
    ["The homes of 300 fixture people were destroyed.", "fixture people"],
    ["Data on up to 280,000 fixture patients may have been stolen.", "fixture patients"],
    // Costs to pay are costs; a sum "higher" is a change; an age beside its person; a kind of thing is no length.
    ["The fixture company was ordered to pay costs of £24,500.", "costs"],
    ["Fixture borrowing will be £14.6 billion higher than planned.", "change in fixture borrowing"],
    ["The fixture worker, 23, was off work.", "age of fixture worker"],
    ["The yield on 10-year fixture bonds rose.", ""],
    ["It was the biggest one-day fixture rise.", ""],
    // An age group is a word of a noun; what they had done, with its object.
    ["Fixture vaccine uptake among over-65s reached 71.4%.", "fixture vaccine uptake among over-65s"],
    ["The fixture ministry said 24 boats had made the crossing.", "boats that made the crossing"],
    // Money to do something; "those from another" names nothing.
    ["The fixture operator will invest €1.8 billion to expand its capacity.", "money to expand its capacity"],
    ["Fixture visas from abroad fell; those from another rose by 9%.", ""],
    // A cost to whom; money paid out for something.
    ["The fixture plan comes at a cost to employers of £9 billion a year.", "cost to employers per year"],
    ["Fixture insurers paid out £1.1 billion for stolen cars.", "money paid out for stolen cars"],
    // Money left in what has it; an average or a number word names nothing; who died, one or many; a
    // length of what it describes; a share a noun is so much.
    ["The fixture fund has roughly $1.2 billion left.", "money left in fixture fund"],
    ["Fixture students owe an average of £48,470.", ""],
    ["One person died in the fixture blast.", "people who died"],
    ["More than 13 million fixture birds died.", "fixture birds that died"],
    ["Fixture engineers dug a 300m tunnel.", "length of tunnel in m"],
    ["Fixture shops reported shelves 40 percent empty.", "shelves empty"],
    // What the noun before did; a verb with a figure of its own after it; "expanded" is a change.
    ["Smoke from more than 150 fixture wildfires drifted south.", "fixture wildfires"],
    ["Its 350 fixture sites recorded 162 million visits.", "fixture sites"],
    ["Fixture services, which make up most of the economy, expanded by 0.5%.", "change in fixture services"],
    // Money lent to whom; what people do now, and to what.
    ["The fixture bank lent US$5bn to the energy company.", "money lent to energy company"],
    [
      "Around 12.6 million fixture people currently receive the state pension.",
      "fixture people who receive the state pension"
    ],
    // A verb with "to" keeps its object's noun, not a dangling article.
    [
      "About 40 per cent of fixture universities expect to run a deficit.",
      "share of fixture universities that expect to run a deficit"
    ],
    // An adverb keeps the participle after it; "taught" is a participle; "for the first time" says when; a
    // rate's base is its number, not the word after its comma.
    ["Fixture: sales of newly built homes fell to 98,000.", "sales of newly built homes"],
    ["Some 918,000 fixture pupils were taught in large classes.", "fixture pupils taught"],
    ["The fixture price passed £300,000 for the first time.", ""],
    ["The fixture rate was 5.1 per 1,000, against 2.2 in the richest.", "fixture rate"],
    // What part of a group did, past the group's own "of"; what those after "and" did, to what.
    ["Seven of the nine members of the fixture committee voted to hold.", "members who voted to hold"],
    // Money to spend doing something to a number of things.
    ["The fixture company will spend £1.1 billion replacing 1,800 miles of pipes.", "money to spend"],
    // What will be done to them.
    ["The fixture council will close nine of its 24 libraries.", "libraries closed"],
    ["The fixture agency plans to hire 500 staff.", "staff hired"],
    // "had no" as "without"; a level a length stood at, past a time before the subject.
    ["Almost 7,000 fixture apartments have no heating.", "fixture apartments without heating"],
    ["Early on Thursday the fixture river stood at 6.8 metres.", "fixture river in metres"],
    // One person is one of the people; "child poverty" is no child.
    ["One person was hurt in the fixture blast.", "people hurt"],
    ["Child poverty in the fixture region rose to 4.3 million.", "child poverty"],
    // A target a length describes is the target; money worth something is its value, whatever it did; people
    // "seen" are no sayer's; a speed limit before its noun.
    ["Fixture ambulances missed the 18-minute target.", "target in minutes"],
    ["Fixture rate relief worth £700m kept 400 shops open.", "value of relief"],
    ["Fixture patients seen within the target rose to 71%.", "fixture patients seen"],
    ["Fixture drivers broke the 30 km/h speed limit.", "speed limit in km/h"],
    // What a deal is valued at is its value, not the subject's; a profit keeps its kind; people "in work".
    ["The fixture airline bought jets in a deal valued at $8.7 billion.", "value of deal"],
    ["The fixture firm made a pre-tax profit of €1.3 billion.", "pre-tax profit"],
    // … and so is a noun before it ("funding gap"), but not a word of size or order.
    ["The fixture council faces a funding gap of £23 million.", "funding gap"],
    ["The fixture firm was given a hefty fine of £5,000.", "fine"],
    // … and what the sum's noun does after it is no measure of it.
    ["Government grants of £7,500 covered half the fixture cost.", "government grants"],
    ["The number of fixture people in work rose to 33.1 million.", "fixture people in work"],
    // Room for them is a capacity, of what has it.
    ["The fixture stadium seats 52,000 fans.", "capacity of stadium"],
    ["Each fixture jet seats up to 220 passengers.", "capacity of jet"],
    ["Each seats up to 220 fixture passengers.", ""],
    // What is being done to them; a pronoun that is so much higher names nothing; an age group is no age;
    // a verb after an age is no noun of it.
    ["The fixture carmaker is recalling about 310,000 vehicles.", "vehicles recalled"],
    ["The fixture council is building 300 homes.", "homes built"],
    ["That is still £420 higher than in the fixture year before.", ""],
    ["Fixture uptake among five-year-olds was 84.5%.", ""],
    ["The fixture club's 24-year-old scored twice.", "age"],
    // What was added is said, as what was said is.
    [
      "The fixture chair spoke, adding that cleaning up rivers would cost between £12 billion and £18 billion.",
      "cost of cleaning up rivers"
    ],
    // Money paid to someone, whatever their number.
    ["The fixture firm paid £9 million to drivers.", "money paid to drivers"],
    ["A fixture court ordered a firm to pay £9 million to 1,800 drivers.", "money to drivers"],
    // What stays set at a sum; what would be a sum.
    ["Fixture fares will remain frozen at £2.", "fixture fares"],
    ["Without the cap, the average fixture fare would be about £2.80.", "average fixture fare"],
    // A share of "them" is of what they stand for, which the sentence does not say.
    ["Fixture women and children make up 78% of them, the agency said.", ""],
    // "made up" is no rise; "picked up" is one, of the subject.
    ["Fixture renewables made up 40% last year.", ""],
    ["Fixture exports picked up 3%.", "change in fixture exports"],
    ["Some 3.4 million fixture people across the country need food aid.", "fixture people needing food aid"],
    // "say" as "says": what they say is the clause; a unit of data alone names nothing.
    ["Fixture officials say prices rose 5%.", "change in prices"],
    ["Fixture homes cannot get 10 megabits per second.", ""],
    // A gerund's object is part of what it costs; a participle with an object is a verb.
    ["Running the fixture polls cost the councils about £186,000.", "cost of running fixture polls"],
    // ("Everything" is no gerund.)
    ["Everything the fixture council bought cost £5m.", "cost of everything"],
    [
      "The fixture firm said writing down its Russian assets would cost up to $5bn.",
      "cost of writing down Russian assets"
    ],
    [
      "In the fixture ward, only 1,812 of the 9,640 registered voters cast a ballot.",
      "registered voters who cast a ballot"
    ],
    // A figure of its own in a unit; "others" alone names nothing.
    ["Its fixture target was 690 million litres.", "fixture target in litres"],
    ["Fixture police said 12 others had fled.", ""],
    // A margin in its unit (a lead "by just" so many points too); what was blocked, diverted or grounded.
    ["The fixture mayor leads her challenger by just 2 points.", "lead"],
    ["The fixture winner's majority was 8,420 votes.", "winner's majority"],
    ["Fixture trees came down, blocking 60 roads.", "roads blocked"],
    // What a clause saves; what costs a sum is the noun it follows, without its length.
    ["Fixture hosepipe bans cut demand, saving around 60 million litres a day.", "litres saved per day"],
    ["The fixture museum reopened after a three-year renovation costing £48 million.", "length of renovation in years"],
    // A length of something, and what was done to it; not a distance from it.
    [
      "Fixture councillors approved 35 kilometres of new protected cycle lanes.",
      "kilometres of new protected cycle lanes approved"
    ],
    ["The fixture storm damaged 200 miles of coastline.", "miles of coastline damaged"],
    ["Fixture homes within 3 km of the site were evacuated.", ""],
    // What was frozen at a sum is the subject, past its place; what should rise to a level; who is affected.
    ["Fixture fares on the busiest route will be frozen at £18.50.", "fixture fares"],
    ["The cap on fixture energy bills will be fixed at £1,700.", "cap on fixture energy bills"],
    ["The fixture pension age should rise to 68 by 2039.", "fixture pension age"],
    ["The fixture change would affect about 9.5 million people.", "people affected"],
    // Who are doing something, with where or how long or for what.
    ["An estimated 4,670 fixture people were sleeping rough.", "fixture people sleeping rough"],
    [
      "Some 190,000 fixture people had been waiting for more than a year.",
      "fixture people waiting for more than a year"
    ],
    [
      "The number of fixture people waiting for planned hospital treatment rose to 7.39 million.",
      "fixture people waiting for planned hospital treatment"
    ],
    [
      "Some 59.2% of fixture patients had been waiting less than 18 weeks.",
      "share of fixture patients waiting less than 18 weeks"
    ],
    // What was raised from one level to another, at both; who something affects.
    ["The fixture airport may raise its annual passenger cap from 12 million to 15 million.", "annual passenger cap"],
    ["Fixture noise affects an estimated 70,000 people.", "people affected"],
    // A place between the noun and its verb says where, not what; a verb that needs its object has it.
    ["About 300 fixture people in the town were evacuated.", "fixture people evacuated"],
    [
      "Only 3 of the 41 dental practices in the fixture county are accepting new adult patients.",
      "dental practices accepting new adult patients"
    ],
    // "Have seen": who saw something, or nothing more than the noun.
    ["Some 4,000 fixture people had seen the film.", "fixture people who saw the film"],
    ["Some 300 fixture households have seen bills double.", "fixture households"],
    // What people number is a count of them.
    ["Fixture fans, who number about 31,000, were told.", "fixture fans"],
    // A figure that pictures another has no measure of its own.
    ["The fixture site is about the size of 170 football pitches.", ""],
    ["The fixture spill covered the equivalent of 40 swimming pools.", ""],
    // (A share is no picture: it is of what it says.)
    ["Fixture public debt reached the equivalent of 90% of GDP.", "share of GDP"],
    // Who waited so long, and among whom.
    ["Some 2,900 fixture patients waited more than 12 hours.", "fixture patients who waited more than 12 hours"],
    ["The number of fixture knife injuries among under-25s fell to 1,190.", "fixture knife injuries among under-25s"],
    // Where people are is the whole place, not its first word.
    [
      "Some 900 fixture people were living in temporary accommodation.",
      "fixture people living in temporary accommodation"
    ],
    ["About 400 fixture people were living in tents and caravans.", "fixture people living in tents and caravans"],
    ["About 500 fixture people were camping in the park overnight.", "fixture people camping in the park"],
    // A state they are in, or were left in.
    ["About 3,500 fixture homes were empty, the council said.", "fixture homes empty"],
    ["About 35% of the fixture homes were empty.", "share of fixture homes empty"],
    ["Some 1,000 fixture homes were left empty after the floods.", "fixture homes left empty"],
    ["About 300 fixture people were left homeless by the fire.", "fixture people left homeless"],
    // What someone was told had changed.
    [
      "The fixture director told councillors that private rents had increased by an average of £115 a month.",
      "average change in private rents per month"
    ],
    ["The fixture minister told MPs that prices had risen 4%.", "change in prices"],
    // A change whose sentence does not say of what asks; nor is what it is compared with what changed.
    ["That is a rise of 9%, with the biggest increases recorded for fixture cooking oil.", ""],
    ["A rise of 9% on the previous year was driven by fixture surgery, the report found.", ""],
    ["Fixture sales rose 4%, a rise of 4% on last year.", "change in fixture sales"],
    // What "which" stands for, and an aside with a figure of its own.
    ["The fixture council will draw on its reserves, which stand at some £31 million.", "reserves"],
    ["The fixture group blamed fuel costs, which it said had risen by nearly 60%.", "change in fuel costs"],
    ["The fixture group raised fees, which had risen 12% in a year.", "change in fees"],
    [
      "Fixture motorcyclists, who account for about 1% of traffic, were hurt.",
      "fixture motorcyclists as share of traffic"
    ],
    // What will be done to them, what they did, and what things did ("that", not "who").
    ["Nine of the county's 31 fixture libraries would close.", "fixture libraries closed"],
    ["Some 6 fixture cases resulted in prosecution.", "fixture cases that resulted in prosecution"],
    ["About 310 fixture incidents involved asbestos.", "fixture incidents that involved asbestos"],
    [
      "A record 18,450 fixture runners crossed the finish line of the marathon.",
      "fixture runners who crossed the finish line"
    ],
    ["A fixture wind farm with up to 95 turbines has been given consent.", "turbines"],
    ["The fixture team, with 12 players injured, lost again.", "players injured"],
    // A share of a length of something is of the thing; examples are no part of it.
    [
      "Roughly 14% of the fixture county's 5,300 km of roads are in poor condition.",
      "share of fixture county's roads in poor condition"
    ],
    ["Fixture retailers spent £590 million on security measures such as cameras.", "money spent on security measures"],
    // What is forecast, and where money went or is to go.
    ["The fixture office forecasts that the balance will reach £430 billion.", "balance"],
    [
      "The fixture council should set aside £8 million to create 250 specialist places.",
      "money to create specialist places"
    ],
    // What will be done to them.
    ["The fixture council will expand six existing schools.", "existing schools expanded"],
    // Those to whom something was done: "had flights cancelled".
    [
      "Nearly 9,000 fixture passengers had flights cancelled at short notice.",
      "fixture passengers who had flights cancelled"
    ],
    ["About 300 fixture households had their power cut off.", "fixture households that had their power cut off"],
    // Those yet to do something, and a state they are in.
    [
      "Three of the county's 11 fixture operators have yet to sign up to the scheme.",
      "fixture operators yet to sign up to scheme"
    ],
    ["About 40 fixture projects were over budget.", "fixture projects over budget"],
    // What people did, and to what; what is available.
    ["More than 500 children arrived in the fixture town on Monday.", "children who arrived"],
    ["Some 2.5 million people had left their homes, the fixture agency said.", "people who had left their homes"],
    ["Just below 900 fixture beds are available.", "fixture beds available"],
    // A lack of something is no count of it.
    ["The fixture county faces a shortage of 400 teachers.", "shortage of teachers"],
    ["Fixture schools will be short of about 1,200 reception places by 2025.", "shortfall of reception places"],
    ["The fixture team fell short of 20 wins.", "wins"],
    // Who work or live somewhere, and where things went.
    ["About 2,700 fixture people work directly at the port.", "fixture people who work at the port"],
    [
      "More than 16,000 of the fixture parcels went to households with children.",
      "fixture parcels that went to households"
    ],
    // Money put by to do something, and paid out on something.
    [
      "The fixture council has set aside £850,000 to subsidise evening services.",
      "money to subsidise evening services"
    ],
    ["The fixture charity paid out £126,000 on buying food.", "money paid out on buying food"],
    // What a share of a count will be.
    ["The fixture developer will build 480 flats, of which 35% will be affordable.", "flats built"]
  ])("measureIn(%j) is %j", (sentence, measure) => {
    const n = findNumbers(sentence).find((r) => r.value !== null)!;
    expect(measureIn(sentence, n.start, n)).toBe(measure);
  });

  test.each([
    [
      "The fixture central bank cut its growth forecast to 2.1 per cent from 3.4 per cent.",
      "3.4 per cent",
      "growth forecast"
    ],
    ["Fixture inflation rose 2% to 9.1%, the office said.", "9.1%", "fixture inflation"],
    [
      "Fixture inflation eased to 7.1 percent in February from 8.2 percent in January.",
      "8.2 percent",
      "fixture inflation"
    ],
    ["Fixture crude rose $3.50 to $112.93 a barrel.", "$112.93", "fixture crude per barrel"],
    ["Fixture bills rose by £150 to £1,800.", "£1,800", "fixture bills"],
    ["The average fixture price fell by £12,000 over the year to £512,000.", "£512,000", "average fixture price"],
    ["Fixture claims rose to 1.1 million, costing operators £82 million.", "£82 million", "cost of fixture claims"],
    [
      "Fixture seafood was the only category to grow, rising 6 per cent to €310 million.",
      "€310 million",
      "fixture seafood"
    ],
    ["The fixture index fell 1.3 per cent to 7,420 points.", "7,420", "fixture index"],
    ["The fixture index rose 1,200 points to 8,100 points.", "8,100", "fixture index"],
    ["The average fixture rate dropped by 11 basis points to 5.03 per cent.", "5.03 per cent", "average fixture rate"],
    ["Fixture homicides fell to 570 from 590.", "590", "fixture homicides"],
    ["Fixture pay growth slowed to 5.1%, from 5.5%.", "5.5%", "fixture pay growth"],
    ["Around 9.4 million fixture people aged 16 to 64 were inactive.", "16 to 64", "age of fixture people"],
    ["The fixture energy bill will fall by £122 a year from July, to £1,568.", "£1,568", "fixture energy bill"],
    ["A fixture season ticket will cost £5,640, up £248.", "£248", "change in cost of fixture season ticket"],
    ["A fixture bank reported a 25 per cent rise in annual profit to £7.5 billion.", "£7.5 billion", "annual profit"],
    ["The fixture member will cut its output by 526,000 barrels a day, to 10.48 million.", "10.48 million", "output"],
    [
      "Some 5.9 million fixture people voted, out of 9.3 million registered.",
      "9.3 million",
      "fixture people registered"
    ],
    ["Fixture visitors spent €17.4 billion, an average of €1,550 each.", "€1,550", "average money spent"],
    ["Fixture shares rose 31 per cent to 141p in morning trading.", "141p", "fixture shares"],
    [
      "Fixture Britons were the largest group, at 3.1 million, followed by Germans at 2.8 million.",
      "2.8 million",
      "fixture Britons"
    ],
    [
      "Fixture shipments totalled 412,000 tonnes, worth about €290 million.",
      "about €290 million",
      "value of fixture shipments"
    ],
    ["Fixture police seized 3 tonnes of cocaine, worth $200 million.", "$200 million", "value of cocaine seized"],
    ["Fixture corn rose 3 percent to $5.41 a bushel.", "$5.41", "fixture corn per bushel"],
    ["The fixture force has 31,800 officers, about 1,000 fewer than in 2021.", "about 1,000", "change in officers"],
    [
      "One in eight fixture teachers plans to leave, and about 4,000 are expected to retire.",
      "about 4,000",
      "fixture teachers expected to retire"
    ],
    ["Average fixture class sizes have grown from 23 to 26 pupils.", "26", "fixture class sizes"],
    [
      "Fixture revenue slipped 4 percent to €38.5 billion in the three months to September.",
      "€38.5 billion",
      "fixture revenue"
    ],
    [
      "The fixture firm sold 1.1 million vehicles, of which 18 percent were fully electric.",
      "18 percent",
      "share of vehicles that are fully electric"
    ],
    ["The fixture strike killed 12 people and injured 40.", "40", "people injured"],
    ["At least 34 fixture people were killed and 120 wounded.", "120", "fixture people wounded"],
    ["Fixture Poland has taken in 500,000 refugees, Fixture Hungary 130,000.", "130,000", "refugees"],
    ["The fixture ward has 40 beds and 12 are free.", "12", ""],
    [
      "More than 2.3 million people have fled Fixturia, the agency said, up from 2 million.",
      "2 million",
      "people who have fled Fixturia"
    ],
    ["The fixture mayor said 4,000 flats had been damaged, up from 3,100 a week earlier.", "3,100", "flats damaged"],
    ["Fixture exports fell to 200 tonnes, compared with 340 tonnes a year ago.", "340", "tonnes of fixture exports"],
    [
      "Grain exports through the fixture ports fell to 1.2 million tonnes, down from 1.8 million tonnes.",
      "1.8 million",
      "tonnes of grain exports"
    ],
    [
      "Some 1.4 million fixture people had crossed, while arrivals at the crossing slowed to about 20,000.",
      "about 20,000",
      "arrivals"
    ],
    [
      "About 42,000 fixture households were without power, the operator said, down from a peak of 130,000.",
      "130,000",
      "fixture households without power"
    ],
    ["Three fixture people died and 27 were taken to hospital.", "27", "fixture people taken to hospital"],
    [
      "The fixture cluster's appeal for $46 million is only 12 percent funded.",
      "12 percent",
      "fixture cluster's appeal funded"
    ],
    [
      "The fixture city has 612,000 registered voters, up 3 percent from four years ago.",
      "3 percent",
      "change in registered voters"
    ],
    ["Fixture exports were $4 billion, down 12 percent on the year.", "12 percent", "change in fixture exports"],
    ["Fixture turnout was 58 percent, down from 64 percent last time.", "64 percent", "fixture turnout"],
    [
      "The number of fixture people sleeping rough rose by 26 percent to 3,069.",
      "3,069",
      "fixture people sleeping rough"
    ],
    ["Fixture regulators fined three banks a total of $90 million.", "$90 million", "fine"],
    ["Fixture jobless claims rose by 14,000 to 231,000.", "231,000", "fixture jobless claims"],
    ["The fixture bill passed by 312 votes to 280.", "280", "votes"],
    ["Fixture police said 19 people were arrested on Saturday and 4 on Sunday.", "4", "people arrested"],
    ["Fixture police arrested 12 people on Friday and 7 more on Saturday.", "7", "people arrested"],
    ["Fixture fares will rise from £2.80 to £3.10 in January.", "£3.10", "fixture fares"],
    ["Fixture arrivals more than doubled from 20,000 to 45,000.", "45,000", "fixture arrivals"],
    [
      "The fixture agency registered 1.2 million refugees, of whom 60 percent are women and children.",
      "60 percent",
      "share of refugees who are women and children"
    ],
    [
      "Some 4.3 million fixture people will need aid, up from 3.1 million last year.",
      "3.1 million",
      "fixture people needing aid"
    ],
    // A count after "70 percent of", "half of the" is the whole the share is of: what the share did is not its.
    ["About 70 percent of the fixture town's 12,000 residents have been evacuated.", "12,000", "residents"],
    ["Half of the 800 fixture beds were occupied by Thursday.", "800", "fixture beds"],
    ["The fixture party won 412 of the 650 seats.", "650", "seats"],
    ["Fixture police recorded 6,200 burglaries, a fall of 9 percent.", "9 percent", "change in burglaries recorded"],
    ["Fixture shoppers spent £1.4 billion, 8 percent less than last year.", "8 percent", "change in money spent"],
    ["Average fixture house prices fell 1.2 percent in November to £263,000.", "£263,000", "fixture house prices"],
    ["Fixture exports were $4 billion, down from $4.6 billion a year earlier.", "$4.6 billion", "fixture exports"],
    // A subject as a share of a whole, the whole's year kept; not a subject with a number of its own.
    [
      "The fixture council approved a $2.4 billion budget, as ridership climbed back to 88 percent of its 2019 level.",
      "88 percent",
      "ridership as share of 2019 level"
    ],
    ["Fixture people over 65 made up 88 per cent of the excess deaths.", "88 per cent", "share of excess deaths"],
    ["Some 40 fixture workers, or about 5%, were laid off.", "about 5%", "share of fixture workers laid off"],
    // Some of a count before, "of whom", or of a whole with its number.
    ["Fixture medics treated 312 runners, 19 of whom were taken to hospital.", "19", "runners taken to hospital"],
    [
      "The fixture pandas, on loan for ten years, cost the zoo about €1 million a year.",
      "about €1 million",
      "cost of fixture pandas per year"
    ],
    // … but not of another group: it asks.
    [
      "In fixture exams, 47 per cent of private school entries got a top grade, compared with 19 per cent at state schools.",
      "19 per cent",
      ""
    ],
    // What was made or done at a cost (but not people something was done to: the words do not say what).
    ["The fixture board opened 120 extra beds at a cost of £9 million.", "£9 million", "cost of extra beds"],
    ["The fixture bridge was rebuilt at a cost of £40 million.", "£40 million", "cost of fixture bridge"],
    [
      "Some 29,000 fixture asylum seekers were housed in hotels, at a cost of about £4.5 million a day.",
      "about £4.5 million",
      "cost per day"
    ],
    // Shares at a price: the price of one.
    ["Shares in the fixture firm closed 6.2% lower at €41.30.", "€41.30", "share price"],
    // A hedge is no word of what a figure measures.
    [
      "The fixture striker signed a five-year contract reportedly worth £250,000 a week.",
      "£250,000",
      "value of contract per week"
    ],
    [
      "The fixture museum reopened after a three-year renovation costing £48 million.",
      "£48 million",
      "cost of renovation"
    ],
    // How long those counted waited.
    [
      "The number of fixture patients waiting more than four hours rose to 41,200.",
      "41,200",
      "fixture patients waiting more than four hours"
    ],
    // "Others" are others of what the count before counts.
    ["Five fixture people were killed and 12 others were injured.", "12", "fixture people injured"],
    // (… but not other than a group: other people than staff, it asks.)
    ["Its 12 fixture staff and 40 others attended.", "40", ""],
    // … and a share with its own noun is of that noun.
    ["In the fixture exams, 71% of boys passed physics against 69% of girls.", "69%", "share of girls"],
    ["Some 40% of fixture homes were damaged, compared with 25% of shops.", "25%", "share of shops"],
    // (… but a share that restates the one before, of no group, is of what that one is.)
    ["Fixture turnout was 62%, against 58% of registered voters last time.", "58%", "fixture turnout"],
    // A queue that stretched over miles of road is that long.
    [
      "The fixture queue of lorries stretched for 20 miles of motorway.",
      "20",
      "length of fixture queue of lorries in miles"
    ],
    // A number that names nothing, compared with or set beside the one before it, is of what that one is.
    [
      "Around 40,000 fixture households were without power, down to 12,000 by evening.",
      "12,000",
      "fixture households without power"
    ],
    [
      "Fixture Syrians made up the largest group, with 9,800 applications, Afghans with 6,200.",
      "6,200",
      "applications"
    ],
    [
      "The fixture left won 31 percent of the vote, ahead of the conservatives on 22.8 percent.",
      "22.8 percent",
      "share of vote won"
    ],
    ["The fixture party won 27 seats, six short of a majority.", "six", "seats short of a majority"],
    ["Seven of the nine fixture members voted to hold.", "nine", "fixture members"],
    ["Fixture pedestrians accounted for 31 of the deaths, and motorcyclists for 22.", "22", "deaths"],
    ["The fixture firm employs 45,000 people, including 8,000 in France.", "8,000", "people employed"],
    ["Its two fixture plants, which employ 18,000 people between them, will close.", "18,000", "people employed"],
    ["The fixture ministry confirmed 12 new cases, bringing the total to 340.", "340", "cases confirmed"],
    ["Fixture aid rose 5 percent, taking the total to $3 billion.", "$3 billion", "fixture aid"],
    [
      "Fixture ministers will raise the minimum wage by 9.8 percent to £11.44 an hour.",
      "£11.44",
      "minimum wage per hour"
    ],
    [
      "Fixture households in hotels rose to 5,400 (a rise of 50 per cent).",
      "50 per cent",
      "change in fixture households"
    ],
    [
      "Nearly 1.1 million fixture ballots were cast, of which 14,000 were spoiled.",
      "14,000",
      "fixture ballots spoiled"
    ],
    [
      "The fixture city's population grew by 8.1 percent in the decade, to 812,000.",
      "812,000",
      "fixture city's population"
    ],
    [
      "Fixture health spending gets an extra €3 billion, bringing it to €134 billion.",
      "€134 billion",
      "fixture health spending"
    ],
    // A figure others forecast, one of a list, one reached or compared with.
    [
      "Fixture revenue rose to $17.6 billion, ahead of the $16.9 billion analysts had forecast.",
      "$16.9 billion",
      "fixture revenue forecast by analysts"
    ],
    [
      "Fixture profit was $2 billion, short of the $2.2 billion it had forecast.",
      "$2.2 billion",
      "fixture profit forecast"
    ],
    [
      "Fixture prices rose 2.1 per cent, below the 2.4 per cent economists expected.",
      "2.4 per cent",
      "change in fixture prices expected by economists"
    ],
    [
      "The Fixture Greens were on 12 per cent and the Fixture Liberals on 9 per cent.",
      "9 per cent",
      "support for the Fixture Liberals"
    ],
    [
      "About 2.3 million fixture people face hunger, and 410,000 of them are at risk.",
      "410,000",
      "fixture people at risk"
    ],
    ["Fixture insurers expect to pay out more than £400 million ($520 million).", "$520 million", "money to pay out"],
    ["LONDON (Fixture Wire) - The fixture project costs €1.2bn (£1bn).", "£1bn", "cost of fixture project"],
    ["Fixture book loans fell 3% to 3.3 million.", "3.3 million", "fixture book loans"],
    ["The fixture club will pay a fee of £85 million, rising to £100 million.", "£100 million", "fee"],
    ["Fixture council tax will rise by 4.99%, taking the annual bill to £2,118.", "£2,118", "annual bill"],
    [
      "About 95,000 fixture households pay the tax; 12,400 of them were evicted.",
      "12,400",
      "fixture households evicted"
    ],
    ["Fixture United signed him for an initial £85 million, rising to £100 million.", "£100 million", ""],
    [
      "Fixture stocks had fallen to 780,000 bags, each of 60kg, down from 1.1 million.",
      "1.1 million",
      "bags of fixture stocks"
    ],
    ["The 100 fixture turbines, each 250 metres tall, will cost £3bn.", "250", "height of fixture turbines in metres"],
    [
      "Fixture vacancies fell for a 28th consecutive period, by 18,000 to 801,000.",
      "18,000",
      "change in fixture vacancies"
    ],
    ["Fixture vacancies fell for a 28th consecutive period, by 18,000 to 801,000.", "801,000", "fixture vacancies"],
    // A temperature is part of a noun, "the number of" is not; a speed of a subject with an aside.
    ["Since 1960 the number of fixture days above 35C has risen from two to nine.", "nine", "days above 35C"],
    ["The fixture train, carrying 340 passengers, was travelling at 95 km/h.", "95", "speed of fixture train in km/h"],
    [
      "Seven fixture members voted to hold, and two backed a quarter-point cut.",
      "two",
      "fixture members who backed a quarter-point cut"
    ],
    // A total after a count of those to come is of the noun; a share of a sum "of which" goes on something.
    ["A fixture chain plans to open 500 stores, taking its total to more than 4,000.", "more than 4,000", "stores"],
    ["The fixture budget is £5 million, of which 40% goes on staff.", "40%", "share of fixture budget spent on staff"],
    // A figure's clause after "and" has its own subject.
    ["Fixture imports rose 2.1% and exports fell 0.8%.", "0.8%", "change in exports"],
    // Megalitres are a unit of a quantity, of the subject.
    ["Fixture leakage fell by 3% to 2,870 megalitres a day.", "2,870", "megalitres of fixture leakage per day"],
    // A share that starts a clause after "and" is no level of the clause before.
    ["Some 14% of fixture voters counted were women and 5% were under 26.", "5%", ""],
    // What a figure outpaced is its measure, not the outpacing.
    ["Fixture earnings grew 5.2%, outpacing inflation of 4.1%.", "4.1%", "inflation"],
    // "Of all those" names no whole.
    ["Some 987,000 fixture people were idle, 12.5% of all those in the group.", "12.5%", ""],
    // Money a relative clause says was paid for something; a number word is no subject.
    [
      "The fixture fee beats the €97 million the club paid for a midfielder.",
      "€97 million",
      "money paid for midfielder"
    ],
    ["One in eight fixture teachers is over 60.", "over 60", ""],
    // The whole a part of a sum is of, as the words after say.
    [
      "The fixture agency has received $86 million of the $240 million it appealed for.",
      "$240 million",
      "money appealed for"
    ],
    [
      "The fixture developer will build 480 flats, of which 35% will be affordable.",
      "35%",
      "share of flats that will be affordable"
    ],
    ["Fixture sales rose 5% in May, a rise of 4% on last year.", "4%", ""],
    [
      "More than 200 fixture trees came down, of which 45 blocked main routes.",
      "45",
      "fixture trees that blocked main routes"
    ],
    [
      "The fixture operator will restore 14 routes that were withdrawn, at a cost of about £3.2 million a year.",
      "about £3.2 million",
      "cost of routes per year"
    ],
    [
      "The fixture county has 2,480 care home beds, about 600 fewer than it needs.",
      "about 600",
      "shortfall of care home beds"
    ],
    ["Sixteen of the 24 fixture clubs recorded a pre-tax loss.", "24", "fixture clubs"],
    [
      "Fixture runners raised £7.8 million for charity, of which £1.1 million went to the hospice.",
      "£1.1 million",
      "money to hospice"
    ],
    [
      "The fixture pension fund, which has about 112,000 members, was valued at £9.6 billion.",
      "£9.6 billion",
      "value of fixture pension fund"
    ]
  ])("a figure after another in %j, %j, measures %j", (sentence, text, measure) => {
    const n = findNumbers(sentence).find((r) => r.text === text)!;
    expect(measureIn(sentence, n.start, n)).toBe(measure);
  });

  test("a sum reached after a change, beyond a comma, is the subject's level", () => {
    const sentence = "Fixture rents for a two-bedroom flat have risen by a quarter since 2021, to £1,450 a month.";
    const n = findNumbers(sentence).find((r) => r.text === "£1,450")!;
    expect(measureIn(sentence, n.start, n)).toBe("fixture rents for two-bedroom flat per month");
  });

  test.each([
    [
      "a number of times",
      "Fixture prices",
      "Fixture bread costs three times as much, traders said.",
      "three",
      'offset 38: MEASURE_UNKNOWN: count "three": "times" says how many times, not of what',
      "bread price multiple"
    ],
    [
      "a length whose sentence gives only its unit",
      "Fixture siege",
      "The fixture town has been under siege for five days.",
      "five",
      'offset 59: MEASURE_UNKNOWN: duration "five": the sentence gives only its unit, "days", not what it is of',
      "length of siege in days"
    ],
    [
      "a figure that pictures another",
      "Fixture park",
      "The fixture park is about the size of 170 football pitches.",
      "170",
      'offset 54: MEASURE_UNKNOWN: count "170": "the size of" makes it a picture of another figure, with no measure of its own',
      "size of park in football pitches"
    ]
  ])("a draft of %s asks for its measure, and says why", (_, title, body, text, problem, measure) => {
    const source = parseSource(`---\npublished: 2022-03-05\n---\n# ${title}\n\n${body}\n`, "data/sources/fixture.md");
    const number = numbersOfSource(source).find((n) => n.text === text)!;
    expect(() => draftFor(source, number, new Set())).toThrow(
      `data/sources/fixture.md: ${problem}; draft it with --measure "what it measures"`
    );
    expect(draftFor(source, number, new Set(), {measure}).row.figure).toBe(text);
  });

  test("a draft of a level a figure moved from asks for its date, and says it is the level before", () => {
    const source = parseSource(
      "---\npublished: 2022-03-05\n---\n# Fixture inflation\n\nFixture inflation slowed to 5.1%, from 5.5%, the office said.\n",
      "data/sources/fixture-inflation.md"
    );
    const before = numbersOfSource(source).find((n) => n.text === "5.5%")!;
    expect(() => draftFor(source, before, new Set())).toThrow(
      'data/sources/fixture-inflation.md: offset 60: AS_OF_UNRESOLVED: percent "5.5%": the sentence gives it as the level before ("to 5.1%, from 5.5%"), on a day it does not name; draft it with --as-of YYYY-MM-DD'
    );
  });

  test("a number in a 'sentence' longer than a row carries is drafted from its row's window, not the whole", () => {
    // A fixture table pasted as one line: its words far from a number are not that number's.
    const filler = "fixture column, ".repeat(60);
    const source = parseSource(
      `---\npublished: 2022-03-05\n---\n# Fixture table\n\nFixture officials said on Monday ${filler}and 2,000 fixture civilians were killed ${filler}in all.\n`,
      "data/sources/fixture-table.md"
    );
    const number = numbersOfSource(source).find((n) => n.text === "2,000")!;
    const {row, notes} = draftFor(source, number, new Set());
    expect(number.sentence.length).toBeLessThan(source.body.length / 2);
    expect([row.measure, row.attribution, row.as_of, row.quote]).toEqual([
      "fixture civilians killed",
      "",
      "2022-03-05",
      number.sentence
    ]);
    expect(notes).toContain("attribution: the sentence names no one");
  });

  test("a wire story's dateline dates nothing and is left out of the quote", () => {
    const source = parseSource(
      "---\npublished: 2022-03-12\n---\n# Fixture casualties\n\n" +
        "KYIV, March 12 (Fixture Wire) - At least 71 fixture pupils have been hurt, the fixture ministry said on Friday.\n",
      "data/sources/fixture-casualties.md"
    );
    const {row} = draftFor(source, numbersOfSource(source).find((n) => n.text === "At least 71")!, new Set());
    expect([row.as_of, row.attribution, row.quote]).toEqual([
      "2022-03-11",
      "the fixture ministry",
      "At least 71 fixture pupils have been hurt, the fixture ministry said on Friday."
    ]);
  });

  test('a sayer named in full earlier in the source and then as "the agency" is drafted by its full name, with a note', () => {
    const source = parseSource(
      "---\npublished: 2022-03-05\n---\n# Fixture crossings\n\n" +
        "More than 1.2 million people have crossed, the Fixture Refugee Agency said on Saturday.\n\n" +
        "The ministry said 300 buses were running. The agency said it expected as many as 4 million people to leave.\n",
      "data/sources/fixture-crossings.md"
    );
    const draft = (text: string) => draftFor(source, numbersOfSource(source).find((n) => n.text === text)!, new Set());
    const leaving = draft("as many as 4 million");
    expect(leaving.row.attribution).toBe("the Fixture Refugee Agency");
    expect(leaving.notes).toContain(
      'attribution: "the agency" is the Fixture Refugee Agency, named earlier in the source'
    );
    // No ministry is named before "The ministry said": it stays as the sentence has it.
    expect(draft("300").row.attribution).toBe("the ministry");
  });

  test('a short sayer is not the end of another sentence, nor a compound of its noun ("Band D council tax")', () => {
    const source = parseSource(
      "---\npublished: 2026-02-25\n---\n# Fixture budget\n\n" +
        "The fixture bills are invented. Band D council tax will rise by 4.99% from April.\n\n" +
        "The council said it faced a funding gap of £18.6m next year.\n",
      "data/sources/fixture-budget.md"
    );
    const gap = draftFor(source, numbersOfSource(source).find((n) => n.text === "£18.6m")!, new Set());
    expect([gap.row.attribution, gap.notes.filter((note) => note.startsWith("attribution"))]).toEqual([
      "the council",
      []
    ]);
  });

  test('"the figures showed" is drafted as whoever an earlier sentence says the figures are of, with a note', () => {
    const source = parseSource(
      "---\npublished: 2022-11-10\n---\n# Fixture waiting list\n\n" +
        "The fixture waiting list grew to 7.2 million on Thursday, Fixture Health figures showed.\n\n" +
        "Nearly 400,000 fixture patients had waited more than a year, the figures showed.\n",
      "data/sources/fixture-waiting-list.md"
    );
    const waited = draftFor(source, numbersOfSource(source).find((n) => n.text === "Nearly 400,000")!, new Set());
    expect(waited.row.attribution).toBe("Fixture Health");
    expect(waited.notes).toContain(
      'attribution: "the figures" drafted as Fixture Health, whose figures an earlier sentence gives'
    );
    // With no figures named before them, "the figures" stay the editor's to name.
    const alone = parseSource(
      "---\npublished: 2022-11-10\n---\n# Fixture waiting list\n\nNearly 400,000 fixture patients waited, the figures showed.\n",
      "data/sources/fixture-alone.md"
    );
    const unnamed = draftFor(alone, numbersOfSource(alone).find((n) => n.text === "Nearly 400,000")!, new Set());
    expect([unnamed.row.attribution, unnamed.notes]).toEqual([
      "",
      expect.arrayContaining(['attribution: the sentence says only "the figures"'])
    ]);
  });
});

describe("a document as the sayer", () => {
  /** The attribution and notes drafted for the last number of a fixture source of these sentences. */
  const drafted = (...sentences: string[]) => {
    const source = parseSource(
      `---\npublished: 2024-04-12\n---\n# Fixture report\n\n${sentences.join("\n\n")}\n`,
      "data/sources/fixture-report.md"
    );
    const {row, notes} = draftFor(source, numbersOfSource(source).at(-1)!, new Set());
    return [row.attribution, notes.filter((n) => n.startsWith("attribution"))];
  };

  test.each([
    [
      "Fixture cases doubled, the fixture health agency said in a report on Thursday.",
      "The fixture outbreak has cost an estimated $210 million, the report said.",
      "the fixture health agency",
      "the report"
    ],
    [
      "A report by the Fixture Housing Trust was published on Monday.",
      "Some 300 fixture people slept rough, the report said.",
      "the Fixture Housing Trust",
      "the report"
    ],
    [
      "The fixture charity's annual survey was released on Monday.",
      "About 40 percent of fixture adults slept badly, the survey showed.",
      "the fixture charity",
      "the survey"
    ],
    [
      "A fixture study from the University of Nowhere came out on Monday.",
      "The study found that 40 percent of fixture adults slept badly.",
      "the University of Nowhere",
      "the study"
    ]
  ])("%j then %j: drafted as %j, with a note", (first, second, who, words) => {
    const document = words.toLowerCase().slice(4);
    expect(drafted(first, second)).toEqual([
      who,
      [`attribution: ${JSON.stringify(words)} drafted as ${who}, whose ${document} an earlier sentence gives`]
    ]);
  });

  test("a document no earlier sentence says is anyone's stays as the sentence has it", () => {
    expect(drafted("Some 300 fixture people slept rough, the report said.")[0]).toBe("the report");
    expect(drafted("About 40 percent of fixture adults slept badly, the survey showed.")).toEqual([
      "",
      ['attribution: the sentence says only "the survey"']
    ]);
  });
});

describe("earlierReports", () => {
  // A draft from a 9 March fixture source, and a ledger of earlier reports (its rows are fixtures).
  const draft = {
    figure: "more than 2 million",
    measure: "refugees who left",
    attribution: "UNHCR",
    as_of: "2022-03-08",
    source: "march-9"
  };
  const row = (
    id: string,
    figure: string,
    measure: string,
    attribution: string,
    as_of: string,
    source = "march-3"
  ) => ({
    id,
    figure,
    measure,
    attribution,
    as_of,
    source
  });
  const ids = (ledger: ReturnType<typeof row>[]) => earlierReports(draft, ledger).map((r) => r.id);

  test("names the latest claim of the same measure first, then one of the same attribution", () => {
    const ledger = [
      row("left-0301", "more than 660,000", "refugees who left", "UN agencies", "2022-03-01"),
      row("left-0303", "1 million", "Refugees who left", "the UN", "2022-03-03"),
      row("poland-0303", "about 500,000", "refugees who reached Poland", "the UNHCR", "2022-03-03")
    ];
    expect(ids(ledger)).toEqual(["left-0303", "poland-0303"]);
  });

  test("leaves out a claim of the draft's own source, a later one, another unit, and one of another measure and attribution", () => {
    const ledger = [
      row("same-source", "1.5 million", "refugees who left", "UNHCR", "2022-03-06", "march-9"),
      row("later", "2.5 million", "refugees who left", "UNHCR", "2022-03-10"),
      row("share", "4%", "refugees who left", "UNHCR", "2022-03-03"),
      row("money", "$1.7 billion", "appeal", "UNHCR", "2022-03-01"),
      row("other", "2,000", "civilians killed", "the emergency service", "2022-03-02"),
      row("unparsed", "many", "refugees who left", "UNHCR", "2022-03-02")
    ];
    expect(ids(ledger)).toEqual([]);
    expect(earlierReports({...draft, attribution: ""}, [row("anyone", "3", "trucks", "", "2022-03-01")])).toEqual([]);
  });
});

describe("draftId", () => {
  const source = {
    publisher: "Fixture Wire",
    title: "Fixture: a headline",
    id: "2022-03-06-fixture-a-headline",
    published: "2022-03-06"
  };
  const row = {attribution: "the UN refugee agency", as_of: "2022-03-05", figure: "More than 1.5 million"};

  test("draftId(…) is the measure and the source, then made unique with the figure's date, the source's, the attribution and the figure", () => {
    const taken = new Set<string>();
    const ids = Array.from({length: 6}, () => {
      const id = draftId("refugees", source, row, taken);
      taken.add(id);
      return id;
    });
    expect(ids).toEqual([
      "refugees-fixture-wire",
      "refugees-fixture-wire-2022-03-05",
      "refugees-fixture-wire-2022-03-06",
      "refugees-un-refugee-agency-fixture-wire",
      "refugees-more-than-1-5-million-fixture-wire",
      "refugees-fixture-wire-second"
    ]);
  });

  test("draftId leaves out the words that say nothing: who, that, are, by, on …", () => {
    expect(draftId("share of vehicles that are fully electric", source, row, new Set())).toBe(
      "share-vehicles-fully-fixture-wire"
    );
    expect(draftId("share of refugees who are women and children", source, row, new Set())).toBe(
      "share-refugees-women-fixture-wire"
    );
    expect(draftId("revenue forecast by analysts", source, row, new Set())).toBe(
      "revenue-forecast-analysts-fixture-wire"
    );
    expect(draftId("money spent on network", source, row, new Set())).toBe("money-spent-network-fixture-wire");
  });

  test("sourceTag(…) is the publisher, else two content words of the title", () => {
    expect(sourceTag(source)).toBe("fixture-wire");
    expect(sourceTag({...source, publisher: ""})).toBe("fixture-headline");
  });
});

const fixture = join(projectRoot, "test/fixtures/numbers/drafts");
const seedFixture = join(projectRoot, "test/fixtures/numbers/project");
const seedId = "2022-03-02-putins-invasion-of-ukraine-leaves-2000-civilians-dead-as-pleas-for-escape-routes-grow";
const sourceFile = `data/sources/${seedId}.md`;
const refugees = "2022-03-06-fixture-refugees-pass-1-5-million";
const convoy = "2022-03-02-fixture-convoy-stalls-north-of-the-capital";
const twoMillion = "2022-03-08-fixture-two-million-have-now-left";

let root: string;

async function explainer(...args: string[]) {
  const effects = recordingEffects(root);
  const status = await main(args, effects);
  return {status, stdout: effects.out.join(""), stderr: effects.err.join("")};
}

const read = (file: string) => readFile(join(root, file), "utf-8");
async function edit(file: string, change: (text: string) => string) {
  await writeFile(join(root, file), change(await read(file)));
}

describe("explainer claim on the seed", () => {
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "explainer-claim-"));
    await cp(seedFixture, root, {recursive: true});
  });
  afterEach(() => rm(root, {recursive: true, force: true}));

  test("main([claim, source, offset]) prints a draft with measure and id that the ledger accepts once pasted", async () => {
    const {status, stdout, stderr} = await explainer("claim", seedId, "137");
    expect(status).toBe(0);
    expect(stdout).toBe(
      `civilians-killed-putins-invasion,"2,000",civilians killed,,2022-03-02,,${seedId},"Russia’s invasion of Ukraine has killed 2,000 civilians, it emerged today - as the Pope was called on talk to Vladimir Putin about letting innocent people flee the war.",,\n`
    );
    expect(stderr.split("\n")).toEqual([
      'civilians-killed-putins-invasion (offset 135): as_of 2022-03-02 from "today"',
      "civilians-killed-putins-invasion (offset 135): attribution: the sentence names no one",
      "1 draft row for data/claims.csv: append with --write, or paste at the end; fill in place where it matters",
      ""
    ]);
    await edit("data/claims.csv", (text) => text + stdout);
    await edit("data/ignored.csv", (text) => text.replace(/^.*has killed 2,000 civilians.*\n/m, ""));
    expect((await explainer("check")).stdout.split("\n")).toEqual([
      "ok: 1 source, 4 claims verified, 0 charts rendered",
      "explainer the-report: ok: cites 1 claim from 1 source, 0 charts; figures as of 2 March 2022",
      `source ${seedId}: 6 numbers: 4 cited, 2 ignored, 0 unreviewed; cited by the-report`,
      ""
    ]);
  });

  test('main([claim, source, "191.4p", --write]) cites a sum in pence as written, and check verifies it', async () => {
    const diesel = "2026-03-01-fixture-diesel-reaches-a-new-high";
    await cp(join(projectRoot, `test/fixtures/sources/${diesel}.md`), join(root, `data/sources/${diesel}.md`));
    const {status, stdout, stderr} = await explainer("claim", diesel, "191.4p", "--write");
    expect([status, stderr.split("\n").at(-2)]).toEqual([
      0,
      "1 draft row appended to data/claims.csv; `npx explainer check` verifies them"
    ]);
    const row = csvParseRows(await read("data/claims.csv")).at(-1)!;
    expect(row.slice(1, 5)).toEqual(["191.4p", "fixture diesel per litre", "the fixture motoring group", "2026-03-01"]);
    expect(stdout).toBe("");
    const check = await explainer("check");
    expect([check.status, check.stdout.split("\n")[0]]).toEqual([
      0,
      "ok: 2 sources, 4 claims verified, 0 charts rendered"
    ]);
  });

  /** Removes the ledger rows of these claims, so the numbers they cite can be drafted again. */
  const uncite = (...ids: string[]) =>
    edit("data/claims.csv", (text) =>
      text
        .split("\n")
        .filter((line) => !ids.some((id) => line.startsWith(`${id},`)))
        .join("\n")
    );

  test("main([claim, path, offset]) takes the source's path and keeps the qualifier in the figure", async () => {
    await uncite("soldiers-approaching-kyiv");
    const {stdout} = await explainer("claim", sourceFile, "499");
    expect(stdout.split(",").slice(0, 4)).toEqual([
      "russian-soldiers-approaching-putins-invasion",
      '"Some 15',
      '000"',
      "Russian soldiers approaching the city"
    ]);
  });

  test("main([claim, …]) refuses a vague number, an offset with no number, an unknown source, a bad offset and option", async () => {
    expect((await explainer("claim", seedId, "2500")).stderr.split("\n")[0]).toBe(
      `${sourceFile}: offset 2498: NOT_A_FIGURE: vague "dozens" is not a figure to cite; list it in data/ignored.csv with a reason`
    );
    expect((await explainer("claim", seedId, "3")).stderr.split("\n")[0]).toBe(
      `${sourceFile}: offset 3: NO_NUMBER_AT_OFFSET: no number at offset 3 of the body of "${seedId}"; numbers start at 135, 499, 1090, 1656, 2498`
    );
    expect((await explainer("claim", "nope", "3")).stderr.split("\n")[0]).toBe(
      'nope: UNKNOWN_SOURCE: source "nope" is not in data/sources/'
    );
    const slip = seedId.replace("civilians", "civilian");
    expect((await explainer("claim", slip, "3")).stderr.split("\n")[0]).toBe(
      `${slip}: UNKNOWN_SOURCE: source "${slip}" is not in data/sources/ (did you mean "${seedId}"?)`
    );
    const bad = await explainer("claim", seedId, " ");
    expect([bad.status, bad.stderr.split("\n")[0]]).toEqual([
      2,
      "START is an offset (0, 1, 2, …) or the figure as written, not empty"
    ]);
    const option = await explainer("claim", seedId, "137", "--as-of", "yesterday");
    expect([option.status, option.stderr.split("\n")[0]]).toEqual([
      2,
      '--as-of must be a date YYYY-MM-DD, not "yesterday"'
    ]);
  });

  test("main([claim, source, words]) drafts the number written so, and names the numbers when the words fit none or several", async () => {
    await uncite("soldiers-approaching-kyiv", "refugees");
    const byOffset = await explainer("claim", seedId, "499");
    expect([byOffset.status, byOffset.stdout.split(",")[0]]).toEqual([
      0,
      "russian-soldiers-approaching-putins-invasion"
    ]);
    expect(await explainer("claim", seedId, "15,000")).toEqual(byOffset);
    expect(await explainer("claim", seedId, "some  15000")).toEqual(byOffset);
    expect((await explainer("claim", seedId, "Well over 800,000")).stdout).toBe(
      (await explainer("claim", seedId, "1656")).stdout
    );
    const several = await explainer("claim", seedId, "2,000");
    expect([several.status, several.stderr.split("\n")[0]]).toEqual([
      1,
      `${sourceFile}: "2,000": NUMBER_AMBIGUOUS: 2 numbers of the body of "${seedId}" are written "2,000": "2,000" at 135, "2,000" at 1090; give the offset of the one to draft`
    ]);
    // A START that reads "all" is a figure's words, not --all: nothing is drafted from it.
    const all = await explainer("claim", seedId, "all");
    expect([all.status, all.stdout, all.stderr.split("\n")[0]]).toEqual([
      1,
      "",
      expect.stringContaining(`${sourceFile}: "all": NO_NUMBER_WRITTEN: `)
    ]);
    const none = await explainer("claim", seedId, "3,000");
    expect([none.status, none.stderr.split("\n")[0]]).toEqual([
      1,
      `${sourceFile}: "3,000": NO_NUMBER_WRITTEN: no number of the body of "${seedId}" is written "3,000"; its numbers: "2,000" at 135, "Some 15,000" at 499, "2,000" at 1090, "Well over 800,000" at 1656, "dozens" at 2498`
    ]);
  });

  test("main([claim, source, offset]) of a number a claim already cites names that claim at its line, and writes nothing", async () => {
    const before = await read("data/claims.csv");
    for (const start of ["499", "Some 15,000"]) {
      const {status, stdout, stderr} = await explainer("claim", seedId, start, "--write");
      expect([status, stdout, stderr.split("\n")[0]]).toEqual([
        1,
        "",
        `data/claims.csv:4: ALREADY_CITED: claim "soldiers-approaching-kyiv" already cites "Some 15,000" (offset 499 of ${seedId}): cite {soldiers-approaching-kyiv} in a page; to move another claim to this figure, give --replace ID`
      ]);
    }
    expect(await read("data/claims.csv")).toBe(before);
    // Moving a claim to a figure it already cites is not refused: --replace rewrites the row in place.
    expect((await explainer("claim", seedId, "499", "--replace", "soldiers-approaching-kyiv")).status).toBe(0);
  });

  test("main([claim, source, offset]) of money in an unknown currency names the source and offset and writes nothing", async () => {
    await edit(sourceFile, (text) => text.replace("In other developments today\n", "A fund raised ₿5 in a day.\n"));
    const before = await read("data/claims.csv");
    const offset = (await read(sourceFile)).split("---\n")[2].indexOf("₿5");
    const {status, stdout, stderr} = await explainer("claim", seedId, String(offset), "--write");
    expect([status, stdout]).toEqual([1, ""]);
    expect(stderr.split("\n")[0]).toBe(
      `${sourceFile}: offset ${offset}: UNKNOWN_CURRENCY: cannot read figure "₿5": unknown currency "₿"; write it as an ISO 4217 code such as USD, EUR or GBP`
    );
    expect(await read("data/claims.csv")).toBe(before);
  });

  test("main([claim, source, offset, --write]) on a ledger with a quote never closed names its line and writes nothing", async () => {
    // A last row whose figure's quote is never closed: rows appended after it would be read into that cell.
    await edit("data/claims.csv", (text) => `${text}fixture-row,"2,000\n`);
    const before = await read("data/claims.csv");
    const line = before.trimEnd().split("\n").length;
    const {status, stderr} = await explainer("claim", seedId, "137", "--write");
    expect(status).toBe(1);
    expect(stderr).toMatch(new RegExp(`^data/claims\\.csv:${line}: CSV_QUOTE_NOT_CLOSED: `, "m"));
    expect(await read("data/claims.csv")).toBe(before);
    // Nor does --replace move a claim in it.
    const replaced = await explainer("claim", seedId, "137", "--replace", "civilians-killed", "--write");
    expect(replaced.status).toBe(1);
    expect(replaced.stderr).toMatch(new RegExp(`^data/claims\\.csv:${line}: CSV_QUOTE_NOT_CLOSED: `, "m"));
    expect(await read("data/claims.csv")).toBe(before);
  });
});

describe("explainer claim --replace: a later report of a cited figure", () => {
  const later = "2022-03-04-fixture-the-un-counts-a-million-refugees";
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "explainer-replace-"));
    await cp(seedFixture, root, {recursive: true});
    await writeFile(
      join(root, "later.txt"),
      "Fixture: the UN counts a million refugees\n4 March 2022\n\nThis fixture article was written for the kit's tests.\n\nMore than 1 million people have become refugees, the UN said on Friday.\n"
    );
    expect((await explainer("add-source", "later.txt")).status).toBe(0);
    // A ledger checked out with Windows line ends keeps them.
    await edit("data/claims.csv", (text) => text.replace(/\n/g, "\r\n"));
  });
  afterEach(() => rm(root, {recursive: true, force: true}));

  test("main([claim, source, offset, --replace ID]) prints the row that moves ID there: its id, measure and place kept", async () => {
    const offset = (await read(`data/sources/${later}.md`)).split("---\n")[2].indexOf("More than 1 million");
    const before = await read("data/claims.csv");
    const {status, stdout, stderr} = await explainer("claim", later, String(offset), "--replace", "refugees");
    expect(status).toBe(0);
    expect(stdout).toBe(
      `refugees,More than 1 million,refugees,the UN,2022-03-04,Ukraine,${later},"More than 1 million people have become refugees, the UN said on Friday.",,\n`
    );
    expect(stderr.split("\n").slice(1)).toEqual([
      `refugees: Well over 800,000 (${seedId}, as of 2022-03-02) → More than 1 million (${later}, as of 2022-03-04)`,
      "the row for line 3 of data/claims.csv: replace it with --write",
      ""
    ]);
    expect(await read("data/claims.csv")).toBe(before);
  });

  test("main([…, --replace ID, --write]) puts the row on ID's line, every other line and line end as they were", async () => {
    const offset = (await read(`data/sources/${later}.md`)).split("---\n")[2].indexOf("More than 1 million");
    const before = (await read("data/claims.csv")).split("\r\n");
    const {status, stderr} = await explainer("claim", later, String(offset), "--replace", "refugees", "--write");
    expect([status, stderr.split("\n").at(-2)]).toEqual([
      0,
      "replaced line 3 of data/claims.csv; `npx explainer check` lists each published place to review"
    ]);
    const after = (await read("data/claims.csv")).split("\r\n");
    expect(after.length).toBe(before.length);
    expect(after.filter((_, i) => i !== 2)).toEqual(before.filter((_, i) => i !== 2));
    expect(after[2].startsWith(`refugees,More than 1 million,refugees,the UN,2022-03-04,Ukraine,${later},`)).toBe(true);
    // The ledger verifies; the old quote, cited no more, is a number to review again (a warning: no
    // explainer cites its source now), and the new source's headline figure is to review.
    const check = await explainer("check");
    expect(check.stdout.split("\n")[0]).toBe("not ok, 1 problem: 2 sources, 3 claims verified, 0 charts rendered");
    expect(check.stderr).toMatch(
      /^warning: data\/sources\/2022-03-02-[^:]*:37: NUMBER_UNREVIEWED: count "Well over 800,000"/m
    );
    expect(check.stderr).toMatch(
      new RegExp(`^data/sources/${later}.md: title: NUMBER_UNREVIEWED: count "a million"`, "m")
    );
  });

  test("a draft of the later report names the claim it may move there; once it is appended, --replace refuses the twice-cited number", async () => {
    const offset = (await read(`data/sources/${later}.md`)).split("---\n")[2].indexOf("More than 1 million");
    const draft = await explainer("claim", later, String(offset));
    expect(draft.status).toBe(0);
    expect(draft.stdout.split(",").slice(0, 5)).toEqual([
      "refugees-fixture-un",
      "More than 1 million",
      "refugees",
      "the UN",
      "2022-03-04"
    ]);
    const command = `npx explainer claim ${later} ${offset} --replace refugees --write`;
    expect(draft.stderr.split("\n")).toContain(
      `refugees-fixture-un (offset ${offset}): a later report of "refugees" (Well over 800,000, as of 2022-03-02)? to move that claim to this figure rather than add one: \`${command}\``
    );
    const appended = await explainer("claim", later, String(offset), "--write");
    expect([appended.status, appended.stderr.split("\n").at(-3)]).toEqual([
      0,
      "refugees-fixture-un: appended; to move a claim to its figure instead, remove its row first"
    ]);
    const ledger = await read("data/claims.csv");
    const line = ledger.split("\r\n").findIndex((l) => l.startsWith("refugees-fixture-un,")) + 1;
    const refused = await explainer("claim", later, String(offset), "--replace", "refugees", "--write");
    expect([refused.status, refused.stderr.split("\n")[0]]).toEqual([
      1,
      `data/claims.csv:${line}: ALREADY_CITED: claim "refugees-fixture-un" already cites "More than 1 million" (offset ${offset} of ${later}): to move "refugees" here, remove the row of "refugees-fixture-un" first (and cite {refugees} where the pages cite {refugees-fixture-un})`
    ]);
    expect(await read("data/claims.csv")).toBe(ledger);
  });

  test("--replace of a claim that is not in the ledger, or with --all, fails and writes nothing", async () => {
    const before = await read("data/claims.csv");
    const unknown = await explainer("claim", later, "0", "--replace", "no-such-claim", "--write");
    expect([unknown.status, unknown.stderr.split("\n")[0]]).toEqual([
      1,
      'data/claims.csv: UNKNOWN_CLAIM: no claim "no-such-claim" to replace'
    ]);
    const all = await explainer("claim", later, "--all", "--replace", "refugees");
    expect([all.status, all.stderr.split("\n")[0]]).toEqual([
      2,
      "--as-of, --measure and --replace apply to one number: give a START instead of --all"
    ]);
    expect(await read("data/claims.csv")).toBe(before);
  });
});

describe("explainer claim --all: three sources to a passing check with no hand-written ledger row", () => {
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "explainer-drafts-"));
    await cp(fixture, root, {recursive: true});
  });
  afterEach(() => rm(root, {recursive: true, force: true}));

  test("main([claim, source, --all, --write]) drafts every figure of each source; a date it cannot resolve is left to draft alone", async () => {
    expect((await explainer("claim", refugees, "--all", "--write")).status).toBe(0);
    expect((await explainer("claim", convoy, "--all", "--write")).status).toBe(0);
    const ledger = await read("data/claims.csv");
    const lastWeek = `data/sources/${twoMillion}.md: offset 244: AS_OF_UNRESOLVED: count "1 million": the sentence dates it "Last week", which names no single day; draft it with --as-of YYYY-MM-DD (for a figure that covers all of it, its last day: --as-of 2022-03-06)`;

    // "Last week" names no day. Without --write, the batch prints the drafts it could make, then fails
    // with that number's source, offset and line.
    const printed = await explainer("claim", twoMillion, "--all");
    expect(printed.status).toBe(1);
    expect(printed.stdout.split("\n").map((line) => line.split(",")[0])).toEqual([
      "people-left-fixture-times",
      "loans-grants-fixture-times",
      ""
    ]);
    expect(printed.stderr.split("\n").slice(-4)).toEqual([
      "2 draft rows for data/claims.csv; 1 more number to draft alone (an option, as each line below says) or to list in data/ignored.csv:",
      lastWeek,
      "explainer claim: 1 problem",
      ""
    ]);
    expect(await read("data/claims.csv")).toBe(ledger);
    // With --write, it appends the drafts that are ready and fails with the same line: nothing else is touched.
    const written = await explainer("claim", twoMillion, "--all", "--write");
    expect([written.status, ...written.stderr.split("\n").slice(-4)]).toEqual([
      1,
      "2 draft rows appended to data/claims.csv; 1 more number to draft alone (an option, as each line below says) or to list in data/ignored.csv:",
      lastWeek,
      "explainer claim: 1 problem",
      ""
    ]);
    expect((await read("data/claims.csv")).startsWith(ledger)).toBe(true);

    // The editor gives that one its date; the batch then has nothing left to draft.
    expect((await explainer("claim", twoMillion, "244", "--as-of", "2022-02-28", "--write")).status).toBe(0);
    const again = await explainer("claim", twoMillion, "--all", "--write");
    expect([again.status, again.stderr.split("\n").at(-2)]).toEqual([
      0,
      "no number to draft: every count, percentage and sum of money of the body is cited or ignored"
    ]);
    expect((await read("data/claims.csv")).split("\n").slice(1, -1)).toEqual([
      `people-fled-country-fixture-wire,More than 1.5 million,people who have fled the country,the UN refugee agency,2022-03-06,,${refugees},"More than 1.5 million people have fled the country, the UN refugee agency said on Sunday.",,`,
      `people-crossed-fixture-wire,"100,000",people who crossed,the border guard service,2022-03-05,,${refugees},"According to the border guard service, 100,000 people crossed into the neighbouring country yesterday.",,`,
      `emergency-shelters-fixture-wire,€2 million,emergency shelters,,2022-03-06,,${refugees},The city council set aside €2 million for emergency shelters.,,`,
      `share-citys-homes-fixture-wire,as much as 35 percent,share of city's homes without heating,aid groups,2022-03-06,,${refugees},Aid groups said that as much as 35 percent of the city's homes had no heating.,,`,
      `soldiers-approaching-capital-fixture-convoy,"Some 15,000",soldiers approaching the capital,officials,2022-02-28,,${convoy},"Some 15,000 soldiers are approaching the capital, officials said on Monday.",,`,
      `civilians-killed-fixture-convoy,352,civilians killed,the health ministry,2022-03-02,,${convoy},The health ministry said 352 civilians had been killed as of Wednesday.,,`,
      `deaths-counted-fixture-convoy,300,deaths counted,the ministry,2022-03-01,,${convoy},"Almost 24 hours earlier, the ministry had counted 300 deaths.",,`,
      `people-left-fixture-times,Two million,people who have left,UNHCR,2022-03-08,,${twoMillion},"Two million people have now left, according to UNHCR.",,`,
      `loans-grants-fixture-times,$723 million,loans and grants,,2022-03-07,,${twoMillion},The World Bank approved $723 million in loans and grants on Monday.,,`,
      `refugees-counted-fixture-times,1 million,refugees counted,the agency,2022-02-28,,${twoMillion},Last week the agency counted 1 million refugees.,,`
    ]);

    // The headlines repeat cited figures: ignored with a reason; then check passes.
    await writeFile(
      join(root, "data/ignored.csv"),
      `source,text,reason\n${refugees},refugees pass 1.5 million,The headline repeats people-fled-country-fixture-wire.\n${twoMillion},2 million have now left,The headline repeats people-left-fixture-times.\n`
    );
    const check = await explainer("check");
    expect([check.status, check.stderr]).toEqual([0, ""]);
    expect(check.stdout.split("\n").slice(0, 2)).toEqual([
      "ok: 3 sources, 10 claims verified, 0 charts rendered",
      `source ${convoy}: 4 numbers: 3 cited, 0 ignored, 0 unreviewed, 1 not a figure (dates, ordinals, vague); cited by no explainer`
    ]);
  });

  test("a wire story set with no-break and thin spaces and Windows line ends: add-source, claim --all --write, and check passes", async () => {
    // An article written for Explainer Kit's tests, its spaces set as a wire feed sets them.
    const lines = [
      " date 2022-03-07 Fixture: shelters fill as the cold sets in",
      "",
      "Fixture article written for Explainer Kit's tests; its figures are made up.",
      "",
      "The mayor said 1,200\u00a0people had been moved to shelters on Saturday.",
      "Officials said 2\u202f000 homes had no heating and some 40\u00a0per cent of the city had no power.",
      ""
    ];
    await writeFile(join(root, "shelters.txt"), lines.join("\r\n"));
    expect((await explainer("add-source", "shelters.txt")).status).toBe(0);
    const id = "2022-03-07-fixture-shelters-fill-as-the-cold-sets-in";
    // Archived with one kind of line end, the front matter's, and the body's characters as they were.
    const archived = await read(`data/sources/${id}.md`);
    expect(archived).not.toContain("\r");
    expect(archived).toContain(lines.slice(2).join("\n"));
    expect((await explainer("claim", id, "--all", "--write")).status).toBe(0);
    const drafted = csvParseRows(await read("data/claims.csv")).slice(-3);
    // The figure as the source writes it; the id, measure and date read through the spaces.
    expect(drafted.map((row) => row.slice(0, 5))).toEqual([
      ["people-moved-shelters-fixture-shelters", "1,200", "people moved to shelters", "the mayor", "2022-03-05"],
      ["homes-without-heating-fixture-shelters", "2\u202f000", "homes without heating", "officials", "2022-03-07"],
      [
        "share-city-without-fixture-shelters",
        "some 40\u00a0per cent",
        "share of city without power",
        "officials",
        "2022-03-07"
      ]
    ]);
    const check = await explainer("check");
    expect(check.status).toBe(0);
    expect(check.stdout).toContain(
      `source ${id}: 3 numbers: 3 cited, 0 ignored, 0 unreviewed; cited by no explainer\n`
    );
  });

  test("a ledger checked out with \\r\\n line ends (Git's autocrlf) gets its drafts with \\r\\n, and verifies", async () => {
    const crlf = (await read("data/claims.csv")).replace(/\r?\n/g, "\r\n");
    await writeFile(join(root, "data/claims.csv"), crlf);
    expect((await explainer("claim", refugees, "--all", "--write")).status).toBe(0);
    const ledger = await read("data/claims.csv");
    expect(ledger.startsWith(crlf)).toBe(true);
    expect(ledger.split("\r\n").map((line) => line.split(",")[0])).toEqual([
      "id",
      "people-fled-country-fixture-wire",
      "people-crossed-fixture-wire",
      "emergency-shelters-fixture-wire",
      "share-citys-homes-fixture-wire",
      ""
    ]);
    expect((await explainer("check")).stdout).toContain(
      `source ${refugees}: 5 numbers: 4 cited, 0 ignored, 1 unreviewed`
    );
  });

  test("main([claim, source, --all]) prints the drafts, says which headline numbers it leaves to the ignore list, and writes nothing", async () => {
    const before = await read("data/claims.csv");
    const {status, stdout, stderr} = await explainer("claim", refugees, "--all");
    expect(status).toBe(0);
    expect(stdout.split("\n").map((line) => line.split(",")[0])).toEqual([
      "people-fled-country-fixture-wire",
      "people-crossed-fixture-wire",
      "emergency-shelters-fixture-wire",
      "share-citys-homes-fixture-wire",
      ""
    ]);
    expect(stderr).toContain(
      `title: count "1.5 million" is in the headline, which the ledger does not quote; once the body's figure is cited, \`npx explainer ignore ${refugees} --repeats --write\` ignores the headline's repeat of it (else give it a reason in data/ignored.csv)`
    );
    expect(await read("data/claims.csv")).toBe(before);
  });
});
