/**
 * The day a figure describes, from its sentence's own time words, relative to the source's
 * published date: "on Monday", "as of Wednesday", "yesterday", "almost 24 hours earlier",
 * "on Feb. 24", "the previous day" (the day before the sentence's day before it). Words that name
 * no single day ("last week", "earlier this month", "in February", "in the summer", "a year
 * earlier") are reported, never guessed;
 * words that do not date the figure ("since Monday", "by March 31", "in the past 24 hours") are
 * passed over. Pure: a sentence and a date in, a date out.
 */
import {parseNumber} from "./figure.ts";
import {datelineLength} from "./sentences.ts";
import {cardinalWords, comparedWith, movedPast} from "./units.ts";

/** What the sentence says about its date. */
export type AsOf =
  /** A day the time words resolve to, with the words that say it. */
  | {kind: "date"; date: string; words: string}
  /**
   * Time words that name no single day; `end` is the last day of the period they name ("last week",
   * "in February") when it was over by the published date: the date of a figure that covers all of it.
   * `levelBefore` when the words are a level the figure moved from ("grown from 23 to 26", "to 5.1%,
   * from 5.5%"), of a day before the sentence's.
   */
  | {kind: "unresolved"; words: string; end?: string; levelBefore?: true}
  /** No time words that date the figure: the figure is as of the published date. */
  | {kind: "none"};

/** The holidays of a fixed day: their month and day. */
const holidays: Record<string, [number, number]> = {
  "christmas eve": [12, 24],
  "christmas day": [12, 25],
  "boxing day": [12, 26],
  "new year's eve": [12, 31],
  "new year's day": [1, 1]
};
const weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const monthIndex: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12
};
/** The month (1 to 12) of the last month named in lower-case `text`: "the year to june" → 6. */
const lastMonth = (text: string): number =>
  monthIndex[[...text.matchAll(/\b(jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)/g)].at(-1)![1]];
const monthWord = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`;
const count = String.raw`(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty-four|twenty four|thirty-six|forty-eight|seventy-two)`;
const hedge = String.raw`(?:(?:almost|nearly|about|around|some|roughly|just|more than|less than|over|under)\s+)?`;

/**
 * Spans of a year that name no single day: months between, a week or a quarter of one, a season, a
 * fiscal year, "the same period of 2023".
 */
const spans = [
  String.raw`between\s+${monthWord}\s+and\s+${monthWord}(?:,?\s+\d{4})?`,
  String.raw`(?:in|during|over)\s+the\s+(?:first|second|third|fourth|final|last)\s+(?:week|days|two\s+weeks|fortnight)\s+of\s+${monthWord}(?:\s+\d{4})?`,
  String.raw`(?:in|during|for|over)\s+the\s+(?:first|second|third|fourth|final|last)\s+(?:quarter|half)(?:\s+of\s+(?:the\s+year|this\s+year|last\s+year|\d{4}))?`,
  String.raw`(?:in|during|for|over)\s+the\s+first\s+${count}\s+months\s+of\s+(?:the\s+year|this\s+year|\d{4})`,
  String.raw`(?:in|during|for)\s+(?:fiscal(?:\s+year)?|FY)\s*\d{4}\b`,
  String.raw`(?:in|during|for)\s+(?:the\s+)?\d{4}[-–/]\d{2,4}(?:\s+(?:season|financial\s+year|fiscal\s+year|school\s+year|academic\s+year))?`,
  String.raw`(?:in|during|for)\s+(?:Q[1-4]|H[12])\b`,
  String.raw`(?:in|during|over|for)\s+the\s+same\s+(?:period|months?|weeks?|quarter|half|time)\s+(?:(?:of|in)\s+\d{4}|last\s+year|a\s+year\s+(?:earlier|ago|before)|of\s+the\s+previous\s+year)`
];

/** Time expressions, each in a named group; tried left to right over the sentence. */
const timeWords = new RegExp(
  [
    String.raw`(?<today>\b(?:today|tonight|this (?:morning|afternoon|evening)|earlier today|so far today)\b)`,
    String.raw`(?<yesterday>\b(?:the day before yesterday|yesterday(?: (?:morning|afternoon|evening))?|last night)\b)`,
    String.raw`(?<weekday>\b(?:(?:last|this|on|as of|by|since|from|until|till|before|after|next)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?\b)`,
    String.raw`(?<previous>\bthe (?:previous|prior) day\b|\bthe day before\b)`,
    String.raw`(?<following>\bthe (?:following|next) day\b)`,
    String.raw`(?<ago>\b${hedge}${count}\s+(?:hours?|days?|weeks?|fortnights?)\s+(?:earlier|ago|before|previously|later)\b)`,
    String.raw`(?<dayMonth>\b(?:(?:on|as of|by|since|from|until|till|before|after)\s+)?(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${monthWord}(?:,?\s+(?<year1>\d{4}))?)`,
    String.raw`(?<monthDay>\b(?:(?:on|as of|by|since|from|until|till|before|after)\s+)?${monthWord}\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+(?<year2>\d{4}))?)`,
    String.raw`(?<periodTo>\b(?:(?:in|for|over|during)\s+)?the\s+(?:year|quarter|month|week|${count}\s+(?:months|weeks|years))\s+(?:to|ending|ended|up to)\s+(?:(?:the\s+)?end\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?${monthWord}(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s+\d{4})?)`,
    String.raw`(?<monthEnd>\b(?:by|as of|at)\s+the\s+end\s+of\s+${monthWord}(?:,?\s+\d{4})?)`,
    String.raw`(?<lastEnd>\b(?:by|as of|at)\s+the\s+end\s+of\s+(?:last|the\s+previous)\s+(?:week|month|year)\b)`,
    String.raw`(?<span>\b(?:${spans.join("|")}))`,
    String.raw`(?<holiday>\b(?:on\s+)?(?:Christmas Day|Christmas Eve|Boxing Day|New Year['’]s Day|New Year['’]s Eve)\b)`,
    String.raw`(?<around>\b(?:(?:at|by)\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+(?:year|month|week)|${monthWord}(?:\s+\d{4})?)|(?:over|during|at)\s+(?:Easter|Christmas|the\s+(?:Christmas|Easter|holiday|holidays|festive period|bank holiday)(?:\s+(?:weekend|period|break))?))\b)`,
    String.raw`(?<month>\b(?:in|during|for|since|from|until|till|by|through)\s+(?:early\s+|late\s+|mid-)?${monthWord}(?:\s+\d{4})?(?![\p{L}\d]|\s+\d))`,
    String.raw`(?<iso>\b\d{4}-\d{2}-\d{2}\b)`,
    String.raw`(?<yearsTo>\b(?:(?:in|for|over|during)\s+)?the\s+(?:year|decade|${count}\s+years)\s+(?:to|ending|ended|up to)\s+\d{4}\b)`,
    String.raw`(?<year>\b(?:(?:in|during|for|throughout|since|from|until|till|by|before|after)\s+(?:early\s+|late\s+|mid-)?|between\s+\d{4}\s+and\s+)\d{4}(?:\s+(?:and|to)\s+\d{4})?\b(?![-–/]\d))`,
    String.raw`(?<vague>\b(?:(?:since|from|until|till|before|after|over|during|in|for)\s+)?(?:last|this|earlier this|later this|past|previous|the past|the previous|the last)\s+(?:week|weekend|month|quarter|year|season|spring|summer|autumn|fall|winter|(?:academic|school|financial|fiscal|tax)\s+year)\b|\b(?:at|over) the weekend\b|\brecently\b|\bin recent (?:days|weeks)\b|\bearlier this (?:week|month|year)\b|\b(?:in|during|over) the (?:spring|summer|autumn|fall|winter)\b|\b(?:a|one) (?:month|year|decade) (?:earlier|ago|before)\b|\b${hedge}${count}\s+(?:months|years|decades)\s+(?:earlier|ago|before|previously)\b|\bthe (?:week|month|year) before\b|\b(?:in|during|over|for|across|throughout)\s+(?:the\s+same|that)\s+(?:period|month|quarter|year|week|fortnight)\b|\b(?:in|during|over|for)\s+the\s+(?:month|quarter|week|period|year)\b(?!\s+(?:to|ending|ended|through|of|before|after|since|from|just|ahead)\b)|\bon\s+(?:election|polling|voting|budget|census|results|match|race|opening|closing|launch)\s+day\b|\b(?:in|during|over|for)\s+the\s+(?:previous|preceding|prior)\s+${count}\s+(?:days|weeks|months|quarters|years)\b|\b(?:at|in)\s+the\s+(?:previous|last|prior)\s+(?:(?:general|local|regional|national|presidential|parliamentary)\s+)?(?:election|vote|poll|census|referendum)\b|\b(?:in|during)\s+the\s+(?:run|lead)-up\s+to(?:\s+(?:the|its|their)\s+\p{L}+)?|\bon\s+the\s+eve\s+of(?:\s+(?:the|its|their)\s+\p{L}+)?|\bon the (?:first|second|third|fourth|fifth|last|final|opening|closing) (?:day|night|morning|evening) of\s+(?:the\s+|its\s+|their\s+)?[\p{L}-]+)`
  ].join("|"),
  "giu"
);

/** Words before a date that make it the start or the end of a span, or a target, rather than the figure's date. */
const notTheDate = /^(?:since|from|until|till|before|after|next|by the end of|over|during|in|for)\b/i;
/**
 * A figure compared with a number after it, whose time words are that number's: "4,000, up from
 * 3,100 on Monday", "compared with 340 a year earlier", "14 hours, up from three hours last year";
 * after a bare "from", only when they look back ("rose to 7% from 5% a year earlier"), since "rose to
 * $112 from $110 on Monday" dates the rise.
 */
const numberAhead = String.raw`(?:[$€£]?\d|(?:${cardinalWords.join("|")})\b)`;
const comparedWithNumber = new RegExp(String.raw`${comparedWith}\s+(?:\p{L}+\s+){0,2}?${numberAhead}`, "iu");
const fromNumber = /^\S+(?:\s+\p{L}+){0,2}\s+from\s+[$€£]?\d/u;
/** The figure is the one compared with ("…, up from 2 million"): time words before it date the figure it is compared to. */
const comparedWithThis = new RegExp(String.raw`${comparedWith}\s+(?:\p{L}+\s+){0,2}$`, "u");
/** A figure compared with after a comma and a bare "from" ("in 2021, from 450"): the time words before are the other's. */
const bareFrom = /^\s*,\s*from\s+$/u;
/**
 * A clause of its own, with its own number, between the figure and time words after it: "1.43
 * million had crossed, while arrivals slowed to 20,000 on Wednesday" (Wednesday is the 20,000's).
 */
const otherClauseNumber = /[,;]\s+(?:while|whereas|but|and)\s[^]*?\d/u;
/** A clause break between time words and a figure after them: ", and", "; while". */
const clauseBreak = /[,;]\s+(?:while|whereas|but|and)\s/u;
const lookingBack = /\b(?:earlier|ago|before|previously|previous|last)\b/i;

/** A clause that starts a span ("Since the invasion began on Feb. 24"): its dates are the span's start. */
const inSinceClause = /\b(?:since|from the (?:start|beginning) of)\b[^,;:.]*$/i;
/** A later day after a day: "(Tuesday) and Wednesday", "(Monday) to Thursday". */
const toLaterDay =
  /^\s*(?:and|to|through|until|[-–])\s*(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
/** Words that date the figure itself: "as of Wednesday", "by Sunday". */
const asOfMark = /^(?:as of|by)\s/i;
/** A sentence that tells what will happen: "will raise", "plans to", "is set to", "expects inflation to peak". */
const futureBefore =
  /\b(?:will|shall|plans?\s+to|planning\s+to|(?:is|are)\s+(?:to|set\s+to|due\s+to|expected\s+to|going\s+to)|(?:expects?|forecasts?|predicts?|projects?)\s+[^,;]*?\bto)\s/i;
/** A saying verb right before time words: they date the saying ("said on Tuesday", "told reporters on Monday", "results showed on Monday"). */
const saidWhen =
  /\b(?:said|says|told\s+(?:reporters|journalists|\p{Lu}\S*)|announced|reported|confirmed|added|estimated|showed|show)\s+$/u;
/**
 * Spans of time up to now ("in the past 24 hours", "over the last week"): the figure is as of the published
 * date. ("In the last academic year", "in the last quarter", "in the previous week" are ones that are over.)
 */
const upToNow =
  /^(?:in|over|during|for|within)\s+the\s+(?:past|last)\b(?!\s+(?:academic|school|financial|fiscal|tax|quarter)\b)/i;

/**
 * A level a figure moved from, in the past: "(class sizes) have grown from 23 to 26", "rose from 5% to
 * 7%" (not "will rise from £2.80", today's level), when "to" and the next figure follow it.
 */
const movedFrom = new RegExp(String.raw`\b(?:${movedPast})\s+from\s+$`, "u");
const toNext = /^\s+to\s+(?:\p{L}+\s+){0,2}?[$€£]?\d/u;
/** The level a figure left, after the level it reached: "fell to 570 from", "slowed to 5.1%, from" (not "up from"). */
const levelLeft = /\bto\s+(?:\p{L}+\s+){0,2}?[$€£]?\d(?:[^.;]|\.(?=\d)){0,80}?(?<!\b(?:up|down)\s+)\bfrom\s+$/u;

/** Adds `days` (negative for the past) to an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The most recent `weekday` (0 = Sunday) on or before `iso`; strictly before when `strictly`. */
function lastWeekday(iso: string, weekday: number, strictly: boolean): string {
  const day = new Date(`${iso}T12:00:00Z`).getUTCDay();
  let back = (day - weekday + 7) % 7;
  if (back === 0 && strictly) back = 7;
  return addDays(iso, -back);
}

/** A day and month (and maybe a year) as a date no later than `published` ("24 February" in a March article is this year's). */
function dayMonthDate(day: number, month: number, year: number | null, published: string): string | null {
  const y = year ?? Number(published.slice(0, 4));
  const iso = `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.getUTCDate() !== day) return null;
  // A day and month after the published date is a target ("by March 31") within a few months,
  // and last year's otherwise ("on 24 December" in a March article).
  if (year === null && iso > published)
    return addDays(published, 90) >= iso ? null : dayMonthDate(day, month, y - 1, published);
  return iso;
}

/** The last day of a month (1 = January). */
const monthEnd = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/**
 * The last day of "the year to June", "the three months to 31 March 2024": its day, or the end of its
 * month (last year's, for a month later in the year than `published`); null when that is after
 * `published` (the period is not over: "the year to March" in a March article).
 */
function periodToDate(lower: string, published: string): string | null {
  const tail = lower.slice(lower.search(/\s(?:to|ending|ended|up to)\s/));
  const month = lastMonth(tail);
  const year = /\d{4}/.exec(tail)?.[0];
  const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(tail.replace(/\d{4}/, ""))?.[1];
  if (day) return dayMonthDate(Number(day), month, year ? Number(year) : null, published);
  // A month later in the year than the published one is last year's ("the year to December" in March).
  const [y, m] = [Number(published.slice(0, 4)), Number(published.slice(5, 7))];
  const end = monthEnd(year ? Number(year) : month > m ? y - 1 : y, month);
  return end <= published ? end : null;
}

/**
 * The last day of a period that ended by `published`: the week before its week (Monday to Sunday)
 * for "last week", the Sunday before for "over the weekend", the month before for "last month", the year before for "last year", and a month
 * named ("in February", "in March 2020") unless it is the published month or later; else undefined.
 */
function periodEnd(lower: string, published: string): string | undefined {
  const [y, m] = [Number(published.slice(0, 4)), Number(published.slice(5, 7))];
  if (/\b(?:last|the previous) week$/.test(lower)) return lastWeekday(published, 0, true);
  // "over the weekend", "last weekend": its Sunday, once it is over (not on a Saturday or a Sunday).
  if (/\b(?:the|last) weekend$/.test(lower)) {
    const day = new Date(`${published}T12:00:00Z`).getUTCDay();
    return day === 0 || day === 6 ? undefined : lastWeekday(published, 0, true);
  }
  if (/\b(?:last|the previous) month$/.test(lower)) return monthEnd(y, m - 1);
  if (/\b(?:last|the previous) year$/.test(lower)) return `${y - 1}-12-31`;
  const named = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)\S*(?:\s+(\d{4}))?$/.exec(lower);
  if (!named || !/^(?:in|during|for)\s/.test(lower) || /\b(?:early|late|mid-)/.test(lower)) return undefined;
  const month = lastMonth(lower);
  const year = named[1] ? Number(named[1]) : month > m ? y - 1 : y;
  return year < y || (year === y && month < m) ? monthEnd(year, month) : undefined;
}

/** The last day of "between January and March", "the first quarter (of 2023)", "the first three months of the year", once over. */
function spanEnd(lower: string, published: string): string | undefined {
  const [y, m] = [Number(published.slice(0, 4)), Number(published.slice(5, 7))];
  const year = Number(/\d{4}$/.exec(lower)?.[0] ?? (/\blast year$/.test(lower) ? y - 1 : y));
  let month: number | undefined;
  const between = lower.startsWith("between");
  if (between) month = lastMonth(lower);
  const part = /\bthe\s+(first|second|third|fourth)\s+(quarter|half)\b/.exec(lower);
  if (part) month = (["first", "second", "third", "fourth"].indexOf(part[1]) + 1) * (part[2] === "quarter" ? 3 : 6);
  const months = /\bthe\s+first\s+(\S+)\s+months\b/.exec(lower);
  if (months) month = /^an?$/.test(months[1]) ? 1 : (parseNumber(months[1]) ?? undefined);
  if (month === undefined || month > 12) return undefined;
  // "between October and March" in a May story: the March of this year; a month not over is no end.
  // "in the fourth quarter" in a March story: last year's, since this year's has not begun.
  const first = part ? month - (part[2] === "quarter" ? 2 : 5) : month;
  const named = /\d{4}$|\byear$/.test(lower);
  const lastYears = !named && (between ? month > m : part !== null && first > m);
  const end = monthEnd(lastYears ? year - 1 : year, month);
  return end < published ? end : undefined;
}

/**
 * Reads one time expression; null when it does not date the figure that ends at `figureEnd`.
 * `anchor` is the day the sentence's time words before it name (else `published`): "the previous
 * day" is the day before it.
 */
function readTimeWords(m: RegExpExecArray, published: string, anchor: string, figureEnd: number): AsOf | null {
  // (`anchor` is "" after words that name no single day: a day counted from it is none either.)
  const g = m.groups!;
  const words = m[0].trim().replace(/\.$/, "");
  const lower = words.toLowerCase();
  if (g.today) return {kind: "date", date: published, words};
  if (g.yesterday) return {kind: "date", date: addDays(published, lower.startsWith("the day before") ? -2 : -1), words};
  if (g.previous) return anchor ? {kind: "date", date: addDays(anchor, -1), words} : {kind: "unresolved", words};
  // "On Monday 40 were hurt; the following day 12 more": the day after the one named before (never
  // after the published day).
  if (g.following) {
    const date = anchor ? addDays(anchor, 1) : "";
    return date && date <= published ? {kind: "date", date, words} : {kind: "unresolved", words};
  }
  if (g.weekday) {
    if (notTheDate.test(lower)) return null;
    // "Figures due on Friday", "the bank will announce on Thursday": a day to come, which dates nothing.
    if (
      /\b(?:due|scheduled|expected|will(?:\s+\p{Ll}+)?|(?:set|due|expected|scheduled)\s+to\s+\p{Ll}+|to\s+be\s+\p{Ll}+)\s+$/iu.test(
        m.input.slice(0, m.index)
      )
    )
      return null;
    // "(on) a typical summer Friday", "every Sunday", "a Sunday newspaper": a kind of day, not one.
    if (
      /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)/u.test(lower) &&
      /\b(?:(?:on|of|for)\s+(?:a|an|any)|every|each)\s+(?:(?!(?:on|at|in|by|of|for|from|since|until|last|this|next)\s)[\p{L}-]+\s+){0,2}$/iu.test(
        m.input.slice(0, m.index)
      )
    )
      return null;
    // … "on Monday next week", and "expected to reconnect most of the rest by Tuesday": a day its clause looks ahead to.
    if (/^\s+next\s+week\b/iu.test(m.input.slice(m.index + m[0].length))) return null;
    const clause = m.input.slice(0, m.index).split(/[,;]/).pop()!;
    if (
      !lower.startsWith("last ") &&
      /\b(?:will|(?:expects?|expected|plans?|planned|aims?|hopes?|intends?|set|due|scheduled)\s+to)\b/iu.test(clause)
    )
      return null;
    const weekday = weekdays.findIndex((d) => lower.includes(d));
    return {kind: "date", date: lastWeekday(published, weekday, lower.startsWith("last ")), words};
  }
  if (g.ago) {
    // "a week before the vote": a day before an event the sentence does not date.
    const event = /before$/i.test(lower)
      ? /^\s+(?:the|a|an|its|their|his|her)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+/u.exec(
          m.input.slice(m.index + m[0].length)
        )
      : null;
    if (event) return {kind: "unresolved", words: `${words}${event[0]}`};
    const m2 = /(\S+(?:[ -]four|[ -]six|[ -]eight|[ -]two)?)\s+(hour|day|week|fortnight)s?\s+\S+$/i.exec(lower)!;
    const n = /^an?$/.test(m2[1]) ? 1 : parseNumber(m2[1].replace("-", " "));
    if (n === null) return {kind: "unresolved", words};
    const days = m2[2] === "hour" ? Math.round(n / 24) : m2[2] === "day" ? n : n * (m2[2] === "fortnight" ? 14 : 7);
    // "ago" counts back from the published day; "earlier" from the day the sentence named before it
    // ("42 on Tuesday, up from 35 a day earlier": Monday); "later" on from it, never past the published day.
    const from = /ago$/.test(lower) ? published : anchor;
    const date = from ? addDays(from, /later$/.test(lower) ? days : -days) : "";
    return date && date <= published ? {kind: "date", date, words} : {kind: "unresolved", words};
  }
  if (g.dayMonth || g.monthDay) {
    // ("between Oct. 27 and Oct. 30": the span's first day; its last, read next, dates the figure.)
    if (notTheDate.test(lower) || /\bbetween\s+$/iu.test(m.input.slice(0, m.index))) return null;
    // ("March 1-3": a span of days, as of its last.)
    const through = g.monthDay ? /^[-–](\d{1,2})\b/u.exec(m.input.slice(m.index + m[0].length)) : null;
    const day = Number(through?.[1] ?? /\d{1,2}(?=(?:st|nd|rd|th)?\b(?!\d))/.exec(lower.replace(/\d{4}/, ""))![0]);
    const month = lastMonth(lower);
    const year = g.year1 ?? g.year2;
    const date = dayMonthDate(day, month, year ? Number(year) : null, published);
    if (date === null || date > published) return null;
    return {kind: "date", date, words: through ? `${words}${through[0]}` : words};
  }
  // "by the end of April", "at the end of December": its last day, once it has come; after "by", a month
  // later in the year than the published one may be last year's or a target ("by the end of June, 500
  // homes will be rebuilt"): it asks.
  if (g.monthEnd) {
    const [month, year] = [lastMonth(lower), /\d{4}$/.exec(lower)?.[0]];
    const later = !year && month > Number(published.slice(5, 7));
    if (later && lower.startsWith("by")) return {kind: "unresolved", words};
    // "at the end of December" in a February story: last December's.
    const date = monthEnd(year ? Number(year) : Number(published.slice(0, 4)) - (later ? 1 : 0), month);
    return date <= published ? {kind: "date", date, words} : null;
  }
  // "by the end of last month": its last day.
  if (g.lastEnd) {
    const date = periodEnd(lower.replace(/^.*?\bend\s+of\s+/u, ""), published);
    return date ? {kind: "date", date, words} : {kind: "unresolved", words};
  }
  // "on Christmas Day": the latest one by the published date.
  if (g.holiday) {
    const [month, day] = holidays[lower.replace(/^on\s+/, "").replace("’", "'")];
    const date = dayMonthDate(day, month, null, published);
    return date === null ? null : {kind: "date", date, words};
  }
  // "at the start of the year", "over Easter": no single day.
  if (g.around) return {kind: "unresolved", words};
  // "between January and March", "in the first quarter", "in the 2022-23 season", "in fiscal 2023": a
  // span, no single day (its last, for months and quarters of a year over by the published date).
  if (g.span)
    return {
      kind: "unresolved",
      words,
      end: futureBefore.test(m.input.slice(0, m.index)) ? undefined : spanEnd(lower, published)
    };
  // "in the year to June": the figure covers the period, so it is as of its last day.
  if (g.periodTo) {
    const date = periodToDate(lower, published);
    return date === null ? {kind: "unresolved", words} : {kind: "date", date, words};
  }
  // "in February": a month, no single day; "since February", "by March" start or end a span. ("will
  // raise the fare in March", in a January story, is the coming March: no day of it is over.)
  if (g.month)
    return /^(?:since|from|until|till|by|through)\b/.test(lower)
      ? null
      : {
          kind: "unresolved",
          words,
          end: futureBefore.test(m.input.slice(0, m.index)) ? undefined : periodEnd(lower, published)
        };
  if (g.iso) return words <= published ? {kind: "date", date: words, words} : null;
  // "in the decade to 2021": a span that ends in a year, no single day (that year's last, once it is over).
  if (g.yearsTo) {
    const year = Number(words.slice(-4));
    return {kind: "unresolved", words, end: year < Number(published.slice(0, 4)) ? `${year}-12-31` : undefined};
  }
  // "in 2022", "between 2015 and 2019": a year, no single day (its last, once it is over); "since 2016",
  // "by 2030" start or end a span, and a year to come dates a forecast, not its figure.
  if (g.year) {
    const year = Number(words.slice(-4));
    if (year > Number(published.slice(0, 4))) return null;
    // "the largest fire since 2023, when 94,000 hectares burned": the year of the clause it starts.
    const when = /^,\s+when\s(?:[^,;.]|[,.](?=\d))*$/u.test(m.input.slice(m.index + m[0].length, figureEnd));
    if (when) return {kind: "unresolved", words: `${words}, when`, end: `${year}-12-31`};
    if (/^(?:since|from|until|till|by|before|after)\b/.test(lower)) return null;
    // "about 1,000 fewer than (it had) in 2021": the basis of a change; after the figure and a comma
    // (", nearly twice the amount spent in 2018") or "than" ("14 fewer than … the toll in 1998"), another's.
    // ("against four weeks in 2019": the year of the figure compared with, when it is that figure.)
    const before = m.input.slice(0, m.index);
    const basis = /\b(?:than|as|with|against|versus)\s+(?:\p{L}+\s+){0,3}$/iu.exec(before);
    if ((basis && basis.index >= figureEnd) || (m.index >= figureEnd && /[,;]|\bthan\b/u.test(before.slice(figureEnd))))
      return null;
    // ("in early 2023" is not all of it.)
    const whole = !/\b(?:early|late|mid-)/.test(lower);
    return {
      kind: "unresolved",
      words,
      end: whole && year < Number(published.slice(0, 4)) ? `${year}-12-31` : undefined
    };
  }
  if (g.vague) {
    if (upToNow.test(lower) || /^(?:since|from|until|till|before|after)\b/.test(lower)) return null;
    // "so far this year", "this year to date": up to the published day.
    if (
      /\bso far\s+$/i.test(m.input.slice(0, m.index)) ||
      /^\s+(?:so far|to date)\b/i.test(m.input.slice(m.index + m[0].length))
    )
      return null;
    // "7 percent higher than a year earlier", "rose 5% on a year ago": the basis of a change, not a date.
    // … and "twice as many as a year ago".
    // ("up 35 per cent compared with the same week last year": its basis too.)
    if (
      /\b(?:from|than|on|with|over|versus|against|as)\s+(?:the\s+same\s+(?:day|week|weekend|month|quarter|period|time|season)\s+)?$/i.test(
        m.input.slice(0, m.index)
      )
    )
      return null;
    // … "double the number two years ago", "half the share of five years ago", "double the number it had 18
    // months ago": another figure's time.
    if (
      /\bthe\s+(?:number|share|level|figure|rate|total|amount|price|size)\s+(?:of\s+|(?:it|they|we|he|she)\s+(?:had|was|were|saw)\s+)?$/i.test(
        m.input.slice(0, m.index)
      )
    )
      return null;
    // "seven years earlier than planned": a change of plan, not when.
    if (/^\s+than\b/i.test(m.input.slice(m.index + m[0].length))) return null;
    return {kind: "unresolved", words, end: periodEnd(lower, published)};
  }
  return null;
}

/**
 * The date a figure is as of, from the time words of its sentence nearest to the figure
 * (`at` is the figure's offset in the sentence, `length` its length), relative to `published`
 * (YYYY-MM-DD).
 *
 * ```ts
 * asOfSentence("The UN said on Monday that 500,000 had fled.", 29, "2022-03-02")
 * // {kind: "date", date: "2022-02-28", words: "on Monday"}
 * ```
 */
export function asOfSentence(sentence: string, at: number, published: string, length = 0): AsOf {
  let best: {asOf: AsOf; distance: number; rank: number} | null = null;
  // "KYIV, March 12 (Agency) - ": the day the story was filed, not the figure's.
  const lead = datelineLength(sentence);
  sentence = " ".repeat(lead) + sentence.slice(lead);
  // "have grown from 23 to 26": the 23 is a level before, of a day the sentence does not give (unless
  // its own time words follow it: "from 120 in January to 2,400 in March").
  const verb = movedFrom.exec(sentence.slice(0, at));
  if (verb && length > 0 && toNext.test(sentence.slice(at + length)))
    return {kind: "unresolved", words: sentence.slice(verb.index, at + length), levelBefore: true};
  // "fell to 570 from 590", "slowed to 5.1%, from 5.5%": the level before, of a day the sentence gives
  // only in time words right after it ("from 450 tonnes in 2020"), never the day it was said or the
  // new level's.
  const left = length > 0 ? levelLeft.exec(sentence.slice(0, at)) : null;
  if (left) {
    timeWords.lastIndex = at + length;
    const own = timeWords.exec(sentence);
    const next =
      own && /^(?:\s+\p{Ll}+){0,2}\s*$/u.test(sentence.slice(at + length, own.index)) && !own.groups!.weekday;
    // ("rose to 68 on Tuesday from 41 the day before": the day before the new level's day.)
    let levelDay = "";
    if (next && own.groups!.previous) {
      timeWords.lastIndex = left.index;
      for (let w; (w = timeWords.exec(sentence)) && w.index < at; ) {
        const date = readTimeWords(w, published, "", at);
        if (date?.kind === "date") levelDay = date.date;
      }
    }
    const asOf = next ? readTimeWords(own, published, levelDay, at + length) : null;
    return asOf ?? {kind: "unresolved", words: sentence.slice(left.index, at + length), levelBefore: true};
  }
  // "beating the 2019 record of 3.9 million": the year the figure is of, named before it.
  const yearOf = /\bthe\s+((?:19|20)\d\d)\s+(?:record|level|peak|figure|total|high|low)\s+of\s+$/u.exec(
    sentence.slice(0, at)
  );
  if (yearOf && Number(yearOf[1]) < Number(published.slice(0, 4)))
    return {kind: "unresolved", words: yearOf[0].trim().replace(/\s+of$/u, ""), end: `${yearOf[1]}-12-31`};
  timeWords.lastIndex = 0;
  let anchor = published;
  for (let m; (m = timeWords.exec(sentence)); ) {
    const asOf = readTimeWords(m, published, anchor, at + Math.max(length, 1));
    // "… in the first week of March, the authority said on Monday, down from 1.8 million a week
    // earlier": earlier than no single day (the day it was said dates no figure before it).
    const said = saidWhen.test(sentence.slice(Math.max(0, m.index - 40), m.index));
    if (asOf?.kind === "date" && !(anchor === "" && said)) anchor = asOf.date;
    if (asOf?.kind === "unresolved") anchor = "";
    // "Since the invasion began on Feb. 24, 2 million have fled": the start of a span, not the figure's date.
    if (inSinceClause.test(sentence.slice(Math.max(0, m.index - 80), m.index))) continue;
    // "on Tuesday and Wednesday": a span of days, as of its last.
    if (m.groups!.weekday && toLaterDay.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 24)))
      continue;
    // "fell from £120 million in 2022 to £48 million": the time words of the level it left, not of this one.
    if (
      m.index < at &&
      /\bfrom\s+[$€£]?\d[\d.,]*(?:\s*%|\s*(?:per\s*cent|percent|million|billion|thousand|bn|m|k)\b)?\s+$/iu.test(
        sentence.slice(0, m.index)
      ) &&
      /^\s+to\s+(?:\p{Ll}+\s+){0,2}$/u.test(sentence.slice(m.index + m[0].length, at))
    )
      continue;
    // "4,000 flats, up from 3,100 a week earlier": the time words date the number compared with, not this one.
    const between = m.index > at ? sentence.slice(at, m.index) : "";
    if (comparedWithNumber.test(between) || (fromNumber.test(between) && lookingBack.test(m[0]))) continue;
    // "2.5 per cent of GDP by 2028, from 1.9 per cent this year": after a comma, "from" and its number have
    // time words of their own.
    if (/,\s*from\s+[$€£]?\d(?:[^,;]|,(?=\d))*$/u.test(between)) continue;
    if (otherClauseNumber.test(sentence.slice(at + length, Math.max(at + length, m.index)))) continue;
    // "On 1 March it stood at 3,000; a week later it was 5,000": beyond a semicolon, a clause with a number
    // of its own has its own time.
    const semicolon = m.index > at ? sentence.lastIndexOf(";", m.index) : -1;
    const nextClause = semicolon >= at + length ? sentence.slice(semicolon + 1).split(";")[0] : "";
    if (/\d/.test(nextClause.replace(m[0], ""))) continue;
    // "$95 million to repair the Blue Line, which carried 140,000 riders in October": a relative clause
    // about a later noun has its own time ("300 refugees, who arrived on Monday" keeps the figure's), unless
    // it says when the figure was given ("…, which published its tally on Thursday").
    const figureEnd = at + (length || (/^\S*/u.exec(sentence.slice(at))?.[0].length ?? 0));
    const relative = /,\s+(?:which|who|whose|where)\s((?:[^,;]|,(?=\d))*)$/u.exec(
      sentence.slice(figureEnd, Math.max(figureEnd, m.index))
    );
    const words = relative
      ? sentence
          .slice(figureEnd, figureEnd + relative.index)
          .trim()
          .split(/\s+/)
      : [];
    if (
      relative &&
      words.length > 2 &&
      !/\b(?:said|says|published|released|reported|announced|issued|gave)\b/u.test(relative[1])
    )
      continue;
    // "The bank, which targets 2 per cent inflation, cut rates last month": the figure's own relative clause
    // ends at its comma, and the time words beyond it are the main clause's.
    if (
      m.index > at &&
      /,\s+(?:which|who|whose)\s(?:[^,;]|,(?=\d))*$/u.test(sentence.slice(0, at)) &&
      !/,\s+(?:which|who|whose)\s[^]*\b(?:said|says|told|reported|announced|estimated)\b[^,;]*$/u.test(
        sentence.slice(0, at)
      ) &&
      /,(?!\d)/u.test(sentence.slice(figureEnd, m.index))
    )
      continue;
    const end = m.index + m[0].length;
    // "The agency, which was founded in 2019, said 300 had applied": a relative clause before the figure, too.
    if (
      end <= at &&
      /,\s+(?:which|who|whose|where)\s(?:[^,;]|,(?=\d))*$/u.test(sentence.slice(0, m.index)) &&
      /,/.test(sentence.slice(end, at))
    )
      continue;
    // "2.3 million said on Thursday, up from 2 million": Thursday dates the 2.3 million, not the 2 million.
    // "fell to 300 tonnes in 2021, from 450": the year is the 300's.
    if (end <= at && (comparedWithThis.test(sentence.slice(end, at)) || bareFrom.test(sentence.slice(end, at))))
      continue;
    // "set up in 2019, now holds $4 billion": the figure is today's (but "said on Monday it now has" is Monday's).
    if (asOf?.kind === "unresolved" && end <= at && /\b(?:now|currently)\b/i.test(sentence.slice(end, at))) continue;
    // "… grain exports last year, and between 20 and 25 ships remain stuck": words that name no single
    // day, in a clause before this one's, are that clause's ("died on Monday, and 1,000 were hurt" keeps
    // Monday for both).
    if (asOf?.kind === "unresolved" && end <= at && clauseBreak.test(sentence.slice(end, at))) continue;
    if (asOf === null) continue;
    // "12 arrested on Friday and 7 more on Saturday": the day of the clause before yields to one of the figure's own.
    const otherClause = end <= at && /^\s*,?\s*(?:and|but|while)\s+$/u.test(sentence.slice(end, at));
    const distance = end <= at ? at - end + (otherClause ? sentence.length : 0) : Math.max(0, m.index - at - length);
    // "as of", "by" and "in the year to June" date the figure itself, before the day it was said ("said on Tuesday that … by Monday");
    // the day it was said ("said on Tuesday that 4,200 had crossed over the weekend") comes after any other.
    const rank =
      asOfMark.test(m[0]) || m.groups!.periodTo
        ? 2
        : saidWhen.test(sentence.slice(Math.max(0, m.index - 40), m.index))
          ? 0
          : 1;
    if (best === null || rank > best.rank || (rank === best.rank && distance < best.distance))
      best = {asOf, distance, rank};
  }
  // "set aside £1.1 billion, up from £880 million": the level before is of a day before, which only
  // time words of its own would give ("compared with 9 of 48 children given a placebo" may be of the
  // same day).
  // ("up from about 15 gigawatts now": "now" is its own time, the published day's.)
  const upFrom = length > 0 ? /\b(?:up|down)\s+from\s+(?:\p{L}+\s+){0,4}?$/u.exec(sentence.slice(0, at)) : null;
  const now = /^(?:\s+\p{L}+){0,2}?\s+(?:now|today|currently|at present)\b/u.test(sentence.slice(at + length));
  if (!best && upFrom && !now)
    return {kind: "unresolved", words: sentence.slice(upFrom.index, at + length), levelBefore: true};
  return best?.asOf ?? {kind: "none"};
}
