/**
 * The number finder's patterns: one master regular expression whose named groups say what kind
 * of expression starts at a position (a URL to skip, a date, money, digits, number words, …), the
 * tails that extend a number (a percent sign, the other end of a range, a qualifier after it, a
 * currency word), and the bounded look-arounds that tell a name ("Group of Seven", "Article 5")
 * from a figure. Every look-around reads a window of a few dozen characters, so the finder stays linear.
 */
import {currencyAfter, currencyBefore, gluedPence} from "./currency.ts";
import {qualifierSuffixes} from "./figure.ts";
import {anyOf, cardinalWords, changeVerbs, ci, monthNames, ordinalWords, scaleWords, space} from "./units.ts";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Month names and their abbreviations ("Feb.", "Mar", "Sept"), capitalized only: "may" the verb is no month. */
const months = `(?:${monthNames.join("|")}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![\\p{L}])`;
/** Digits as news writes them: `2,000`, `1,234,567`, Indian grouping `1,80,000`, `5.6`. */
export const digits = String.raw`\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** Scale suffixes glued to digits: `15k`, `1M`, `£5m`, `$1.2bn`, `€500mn`, `$1.7 bln` is a scale word. */
const suffix = String.raw`(?:k|K|m|M|mn|mln|bn|bln|tn|trn)(?![\p{L}\d])`;
/** Scale words, with any capitalization a headline gives them ("1 Million"), after a space or a hyphen ("7.5-million"). */
const scaleWord = `(?:${[...scaleWords, "lakhs?", "crores?", "mln", "bln"].map((w) => `${ci(w)}|${w.toUpperCase()}`).join("|")})(?![\\p{L}])`;
const scale = `(?:[ \\t]*-[ \\t]*|${space})${scaleWord}`;
const card = `(?:${anyOf(cardinalWords)})`;
const cardLower = `(?:${cardinalWords.join("|")}|half|quarter)`;
const wordRun = String.raw`${card}(?:(?:[ \t]*-[ \t]*|${space}and${space}(?:a${space})?|${space})${cardLower}(?![\p{L}])){0,11}`;
const fraction = String.raw`(?:${anyOf(["half", "a quarter", "three quarters", "a third", "two thirds"])})`;
const ordinalCompound = `(?:${anyOf(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])})-(?:${ordinalWords.slice(0, 9).join("|")})`;
/** "a few more million", "several hundred", "many thousands": a vague number with its scale. */
const vagueScale = String.raw`(?:${space}more)?${space}(?:hundred|thousand|million|billion|dozen)(?:${space}(?:thousand|million))?(?![\p{L}])`;
const vague = [
  String.raw`(?:${anyOf(["a few", "several", "a couple of", "a couple", "a handful of", "many"])})${vagueScale}`,
  String.raw`(?:${ci("many")}${space})?(?:${anyOf(["tens", "hundreds"])})${space}of${space}(?:thousands|millions|billions)`,
  String.raw`(?:${ci("many")}${space})?(?:${anyOf(["dozens", "scores", "hundreds", "thousands", "millions", "billions"])})`,
  String.raw`(?:${anyOf(["a few", "several", "a couple", "a handful"])})`,
  String.raw`(?:${anyOf(["half", "a third", "two thirds", "two-thirds", "a quarter", "three quarters", "three-quarters", "a fifth", "two fifths", "two-fifths", "three fifths", "three-fifths", "four fifths", "four-fifths", "a tenth", "nine tenths", "nine-tenths"])})(?=${space}of\b)`,
  String.raw`(?<=(?:about|around|roughly|nearly|almost|over|under|than|some)${space})half(?=${space}(?:are|were|is|was|have|had|say|said)\b)`,
  // "fell by half", "cut by two thirds": a change by a fraction.
  String.raw`(?=[aht])(?<=\bby${space})(?:half|a third|two thirds|two-thirds|a quarter|three quarters|three-quarters|a fifth|a tenth)(?![\p{L}-])`
].join("|");
const zones = "GMT|UTC|CET|CEST|EET|EEST|BST|EST|EDT|PST|PDT|MSK|IST|Kyiv time|Moscow time|local time|hrs";
const day = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const dayRange = String.raw`${day}(?:[ \t]*(?:[-–]|and|to)[ \t]*${day})?`;

const urlMarks = /^(?:https?:\/\/|www\.)|@[\w-]+\.|[\p{L}\d-]\.[a-z]{2,}\/|[?&#][\p{L}\d_.-]+=/u;
const tokenEdge = /[\s<>"“”]/u;

/**
 * When `start` lies inside a link, an e-mail address or a query string ("…?start=2022-02-24&countryList=229"),
 * the offset where that token ends; otherwise -1. Only digits glued to what precedes them need
 * the look, and it reads at most a few hundred characters.
 */
export function urlEndAround(text: string, start: number): number {
  let from = start;
  while (from > 0 && start - from < 300 && !tokenEdge.test(text[from - 1])) from--;
  let to = start;
  while (to < text.length && to - start < 300 && !tokenEdge.test(text[to])) to++;
  return urlMarks.test(text.slice(from, to)) ? to : -1;
}

/** Verbs before a score ("won 3-2", "Wins 3-1"), what may follow it, and nouns after one ("a 1-0 defeat"). */
const scoreVerbs = anyOf(
  "win won wins beat beats lose lost loses draw drew draws trail trailed trails lead led leads rule ruled rules vote voted votes finish finished end ended".split(
    " "
  )
);
const scoreAfterVerb = anyOf("on in at as against to after with and over before for away".split(" "));
const scoreNouns = anyOf("win victory defeat loss draw lead ruling vote decision majority scoreline".split(" "));

/**
 * Named groups say which alternative matched; they are tried in this order at each position. A
 * `pair` ("24/7") and a `score` ("won 3-2", "a 5-4 ruling") are names, not figures.
 */
export const master = new RegExp(
  [
    String.raw`(?<iso>\b\d{4}-\d{2}-\d{2}\b|\b\d{4}/\d{2}/\d{2}\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b)`,
    String.raw`(?<slash>\b\d{1,2}/\d{1,2}/\d{2,4}\b)`,
    String.raw`(?<time>\b\d{1,2}(?:[:.]\d{2})?[ \t]?(?:am|pm|a\.m\.|p\.m\.)(?![\p{L}])|\b\d{1,2}:\d{2}(?::\d{2})?\b(?:[ \t]?(?:${zones})\b)?|\b[0-2]\d[0-5]\d[ \t]?(?:${zones})\b)`,
    String.raw`(?<daymonth>\b${dayRange}${space}(?:of${space})?${months}(?:,?${space}\d{4}\b)?)`,
    String.raw`(?<monthday>\b${months}\.?${space}(?:${dayRange}(?![\d,.]\d|\d)(?:,?${space}\d{4}\b)?|\d{4}\b))`,
    String.raw`(?<yearspan>\b(?:1[5-9]|20)\d{2}[-–/]\d{2}\b(?![-–/]?\d))`,
    String.raw`(?<decade>\b(?:1[0-9]|20)\d0s\b|['’]\d0s\b)`,
    String.raw`(?<pair>\b\d{1,2}/\d{1,2}\b)`,
    String.raw`(?<score>(?=\d)(?<=\b(?:${scoreVerbs})${space})\d{1,3}[-–]\d{1,3}(?=\s*(?:[.,;:!?)]|$)|${space}(?:${scoreAfterVerb})\b)|\b\d{1,3}[-–]\d{1,3}(?=${space}(?:${scoreNouns})\b))`,
    String.raw`(?<groupOf>\b(?:Group|Gang|Club)${space}of${space}(?:${anyOf(cardinalWords)}|\d+)\b|\b(?:Formula|Air${space}Force|Channel|Radio)${space}(?:One|Two|Three|Four|\d+)\b)`,
    String.raw`(?<money>(?<currency>${currencyBefore})(?<gap>[ \t]?)(?:${digits})(?:${suffix}|b(?![\p{L}])|${scale})?)`,
    String.raw`(?<ordinalDigits>\b\d{1,3}(?:,\d{3})+(?:st|nd|rd|th)\b|\b\d+(?:st|nd|rd|th)\b)`,
    String.raw`(?<digits>(?<![\d.,]|\d[.,])(?:${digits})(?:${suffix}|${scale})?)`,
    String.raw`(?<fractionScale>\b${fraction}(?:${space}of)?${space}an?${space}${scaleWord})`,
    String.raw`(?<vague>\b(?:${vague})\b)`,
    String.raw`(?<aScale>\b${ci("a")}${space}(?:dozen|${scaleWord})(?:(?:${space}and${space}|[ \t]*-[ \t]*|${space})${cardLower}(?![\p{L}])){0,11}\b)`,
    String.raw`(?<ordinalCompound>\b${ordinalCompound}\b)`,
    String.raw`(?<words>\b${wordRun}\b)`,
    String.raw`(?<ordinal>\b(?:${anyOf(ordinalWords)})\b)`
  ].join("|"),
  "gu"
);

/** A number that may end a range: "to 3,000", "-20", "and 15 per cent", "-$3bn". */
export const rangeTail = new RegExp(
  String.raw`(?:[ \t]*[-–—][ \t]*|${space}to${space}|${space}and${space})(${currencyBefore}[ \t]?)?(?:(?:${digits})(?:${suffix}|${scale})?|${wordRun}\b)`,
  "uy"
);
/** A percent after a number: `%`, `per cent`, `percent`, `pct` (its full stop left out), `pc`. */
export const percentTail = new RegExp(
  String.raw`(?:[ \t]?%|${space}per[ \t]?cent\b|${space}percent\b|${space}pct\b|pct\b|pc\b)`,
  "uy"
);
/** A qualifier after a number: "or so", "-odd", "-plus", "+", "or more". */
export const qualifierTail = new RegExp(
  `(?:${Object.keys(qualifierSuffixes)
    .sort((a, b) => b.length - a.length)
    .map((q) => (/^[a-z]/.test(q) ? `${space}${escape(q).replace(/ /g, space)}` : escape(q)))
    .join("|")})(?![\\p{L}\\d])`,
  "uy"
);
/** A currency word after a number: "5 million dollars", "400 euros", "45 pence"; "Rs 5 crore" has its sign before. */
export const currencyTail = new RegExp(`${space}(?:${currencyAfter})(?![\\p{L}])`, "iuy");
/** Pence glued to a number: "191.4p" (lower case: "5P" is no sum). */
export const penceTail = new RegExp(gluedPence, "uy");

/** The words a change's figure may start with: "by about 3%", "by another 40,000". */
const changeQualifier = String.raw`(?:(?:about|around|nearly|almost|some|roughly|more than|over|just|another|a further)\s+)?`;
/** A verb of change just before a number: "rose $3.50 to $112.93" is a change and a level, not a range. */
export const changeVerbBefore = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${changeVerbs})(?:\s+by)?\s+${changeQualifier}$`,
  "iu"
);
/**
 * A verb of change earlier in the clause, then ", by" before the number: "vacancies fell for the 34th
 * consecutive period, by 21,000 to 781,000" (read within a window of 100 characters).
 */
export const changeVerbThenBy = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${changeVerbs})\s[^.;:!?]{0,70},\s+by\s+${changeQualifier}$`,
  "iu"
);
/** "by" right before a number, past its qualifier: "jumped by 40,000", "fell by about 3%". */
export const changeByBefore = new RegExp(String.raw`\sby\s+${changeQualifier}$`, "iu");
/** Words before "from A to B" that make it a range of estimates or prices rather than a change. */
export const rangeFromBefore = /(?:rang(?:e|es|ed|ing)|anywhere|estimates?|varies|varied|vary|priced)\s+from\s+$/iu;
/** "estimated" as a verb ("the Pentagon estimated 150,000"), not the qualifier ("an estimated 150,000"). */
export const estimatedAsVerb =
  /(?:^|[^\p{L}])(?!(?:the|an|a|some|of|about|around|at|with|and|by|to)\s)\p{L}+\s+estimated\s+$/iu;

/**
 * "over" that says when, not "more than": before a span of time right after a figure or what is
 * spread over it ("£800 million over five years", "fell 20% over five years", "a loan over 25 years").
 * "for over five years", "took over two years" keep the qualifier.
 */
export const overASpanBefore =
  /(?:\d\p{L}{0,2}|%|\b(?:million|billion|trillion|per\s?cent|percent|pence|loans?|mortgages?|repaid|repayable|paid|payable|spread|phased|staggered|invested|borrowed|raised|cut|rose|fell|grew|increased|decreased|declined|dropped|doubled|tripled|halved|rise|raise|increase|deal))\s+over\s+$/iu;
/**
 * … and "over" after a sum earlier in its clause and what the sum goes to: "would spend £1.1 billion on its
 * network over five years", "€500m for schools over three years".
 */
export const sumSpreadOverBefore =
  /(?:[£$€¥]\s?\d|\d\s*(?:pence|euros?|dollars?|pounds)\b)(?:[^,;:!?.]|\.\d)*?\s(?:on|in|into|to|for)\s+(?:[^,;:!?.\s]+\s+){1,4}over\s+$/iu;
/** A span of time right after a number: "(five) years", "(25) months". */
export const spanOfTimeAfter = /^\s+(?:years?|months?|weeks?|days?|decades?|quarters?)\b/u;
/**
 * Before the base of a rate: "(8.1) per (100,000 people)". ("One latrine for every 70 people" gives its
 * figure in the 70.)
 */
export const rateBaseBefore = /(?:^|[^\p{L}])per\s+$/iu;
/**
 * Around a duration, the part of a year or month it names: "(the) first (six months) of the year", "(the)
 * last (two weeks) of March".
 */
export const periodOfBefore = /\b(?:first|last|final|opening|closing)\s+$/iu;
/** Before a duration, words that make it a period of its own: "(in) the previous (three months)", "its first", "the past". */
export const relativeTimeBefore =
  /\b(?:the|its|their|his|her|our)\s+(?:first|last|past|previous|preceding|prior|next|following|coming|final|opening|closing)\s+$/iu;
export const periodOfAfter = new RegExp(
  String.raw`^\s+of\s+(?:the\s+(?:year|month|season)\b|${months}|(?:19|20)\d\d(?!\d))`,
  "u"
);
/**
 * After a duration, the end (or start) of the period it names: "(in the three months) to September", "(the 12 months) ending
 * in 30 June", "(the two weeks) from July 14", "(the 24 hours) to 8am". The duration is then part of a date, no figure; "extended by three months to September" is not
 * read here (`changeByBefore`).
 */
export const periodEndAfter = new RegExp(
  String.raw`^\s+(?:to|ending(?:\s+in)?|ended|through|from|since|starting(?:\s+on)?)\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?${months}(?:\.?\s+\d{1,2}(?!\d))?(?:,?\s+(?:1\d|20)\d\d(?!\d))?` +
    // … or at an hour: "(the 24 hours) to 8am (on Tuesday)".
    String.raw`|^\s+(?:to|until|ending\s+at)\s+(?:\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|midnight|midday|noon)(?![\p{L}\d])`,
  "u"
);

/** "one" that is a pronoun: "no one", "the one", "one of", "one another", "one by one". */
const pronounOneBefore =
  /(?:^|[^\p{L}])(?:no|the|this|that|each|every|any|which|another|someone|anyone|one\s+by)\s+$/iu;
const pronounOneAfter = /^(?:\s+(?:of|another|by)\b|['’]s\b|-(?!(?:day|week|month|year|hour|minute|mile)s?\b)\p{L})/u;

/**
 * Nouns before a number that make it a label, not a figure: "Article 5", "resolution 2623", "Flight 752"
 * "Photo 1", "call 112" (and, in isName, ranks, copyright years and the "of 5" after "Photo 1").
 */
const labelNounBefore =
  /(?:^|[^\p{L}])(?:article|resolution|chapter|section|paragraph|clause|route|highway|motorway|flight|platform|gate|terminal|category|level|title|room|ward|block|sector|zone|district|line|protocol|annex|item|page|version|no\.|nos\.|number|call|dial|photo|image|picture|slide|copyright|bus|tram|unit|building|hall|code|box|lot|table|figure|grade|class|tier|division|brigade|battalion|regiment|corps|army|squadron)\s+$/iu;
/**
 * A label noun that is a verb here, in lower case: "is building 300 homes", "members, who number 40,000",
 * "members now number 40,000" ("hit building 12", "residents of Building 7", "the number 73 bus", "the
 * song is now number 1" are labels) …
 */
const labelAsVerbBefore =
  /(?:^|[^\p{L}])(?:(?:is|are|was|were|be|been|being|am|keep|keeps|kept|start|starts|started|began|begin|begun|stop|stopped|include|includes|included)\s+building|(?:who|which|that|[Tt]hey|[Ww]e|(?<!\b(?:is|are|was|were|be|been|being)\s+)(?:still|now))\s+number)\s+$/u;
/**
 * … or after a modal or "to", or "building" after a preposition, with things counted after the number:
 * "will call 40 witnesses", "to block 40 websites", "the cost of building 300 homes" ("residents of
 * building 7", "to call 112 for help" are labels; "moved to level 3 restrictions", "to line 2
 * services" are places, not verbs).
 */
const labelVerbBefore =
  /(?:^|[^\p{L}])(?:(?:will|would|could|may|might|must|should|can|shall|to|did|does|do)\s+(?:call|dial|table|grade|box|block)|(?:of|for|by|about|after|before|without|from)\s+building)\s+$/u;
/** People or things counted after a number: "40 witnesses", "5,000 food parcels", "300 people" (not "is", "was"). */
const countedAfter =
  /^\s+(?:(?!(?:is|was|has|does|as|its|this|thus|plus|less|unless|across|always|perhaps)\b)[\p{Ll}-]+\s+)?(?:(?!(?:is|was|has|does|as|its|this|thus|plus|less|unless|across|always|perhaps)\b)\p{Ll}[\p{Ll}-]*s|people|children|men|women|police|staff|personnel|cattle|sheep|livestock)\b/u;
/**
 * A label or series noun in lower case after a preposition that starts the sentence or a clause, with
 * people or things counted after the number: a time or a place, "In the second wave 300 people died",
 * "At the gate 300 people waited" ("lifted the level 3 restrictions", "the phase 2 trials showed",
 * "the Flight 752 victims" are labels).
 */
const sceneNounBefore =
  /(?:^|[,;:]\s*|\b(?:that|and|but)\s+)(?:[Ii]n|[Aa]t|[Oo]n|[Dd]uring|[Oo]ver|[Bb]y|[Ww]ithin|[Aa]cross|[Tt]hroughout|[Aa]fter|[Bb]efore|[Ss]ince|[Tt]hrough|[Ff]or)\s+(?:the|its|their|this|that)\s+(?:(?:past|first|second|third|fourth|fifth|final|opening|latest)\s+)?\p{Ll}+\s+$/u;
function sceneBefore(text: string, start: number, end: number): boolean {
  return (
    sceneNounBefore.test(text.slice(Math.max(0, start - 48), start)) && countedAfter.test(text.slice(end, end + 40))
  );
}
/** A rank ("#1", "No 1", "No 10") or a copyright year ("© 2022"). */
const rankOrCopyright = /(?:#|©\s*|\([cC]\)\s*|(?:^|[^\p{L}])No\s+)$/u;
/** The "of M" after a labelled number: "Page 2 of 3", "Photo 1 of 5", "Part 2 of 4". */
const ofALabel = /(?:^|[^\p{L}])(?:page|photo|image|picture|slide|part|item)\s+\d+\s+of\s+$/iu;
/** Nouns before a number that make it a position in a series: "day 7 of the war", "round 3", "Update 4". */
const seriesNounBefore =
  /(?:^|[^\p{L}])(day|week|month|round|stage|phase|part|episode|season|wave|leg|game|match|update)\s+$/iu;
/** A word that makes the series noun a time: "Last month 300 homes were sold", "Each day 200 arrive". */
const timeWordBefore =
  /(?:^|[^\p{L}])(?:this|that|last|next|each|every|per|a|one|same|whole|previous|following)\s+\p{L}+\s+$/iu;

/** The series noun that makes the number at `start` a position ("day" in "day 7 of the war"), or null. */
export function seriesNounAt(text: string, start: number, end: number): string | null {
  const noun = seriesNounBefore.exec(text.slice(Math.max(0, start - 10), start));
  if (!noun || timeWordBefore.test(text.slice(Math.max(0, start - 24), start)) || sceneBefore(text, start, end))
    return null;
  return noun[1];
}

/** Letters glued to digits that are a unit, not part of a name: "50km", "35pc", "-5C", "191.4p"; "10pm" is a time. */
const gluedUnit = /^(?:km|kms|m|kg|t|mph|kph|pc|pct|bps|ft|mi|cm|mm|GW|MW|kW|GWh|MWh|kWh|bcm|mt|C|F|p)\b/u;

/** A temperature's scale after its number: "5C", "5°C", "5 ºF", "5 degrees Celsius" (`F` or `Fahrenheit` at its end, else Celsius). */
export const temperatureTail = new RegExp(
  String.raw`(?:[ \t]?[°º][ \t]?[CF]|[CF]|${space}degrees?${space}(?:Celsius|Fahrenheit|centigrade|C|F))(?![\p{L}\d])`,
  "uy"
);
/** A minus sign before a number: "minus 5C", "-0.3%", "−£2.1bn" (not the hyphen of a word or a score, "Covid-19", "2-1"). */
export const minusSign = /(?:^|[^\p{L}\d.,])(minus[ \t]+|[-−])$/iu;

/**
 * Digits that are part of a name or a label: "F-16", "Covid-19", "G7", "3D", "5G", "Article 5",
 * "resolution 2623".
 */
export function isName(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 16), start);
  if (/\p{L}$/u.test(before)) return true;
  if (/\p{L}-$/u.test(before) && !/(?:^|[^\p{L}])(?:mid|late|early|pre|post)-$/iu.test(before)) return true;
  const after = text.slice(end, end + 6);
  if (/^[\p{L}]/u.test(after) && !gluedUnit.test(after)) return true;
  return (
    (labelNounBefore.test(before) &&
      !labelAsVerbBefore.test(before) &&
      !(labelVerbBefore.test(before) && countedAfter.test(text.slice(end, end + 40))) &&
      !sceneBefore(text, start, end) &&
      // ("a level 12% higher": a share is no label's number.)
      !/^\s*(?:%|per\s*cent\b|percent\b)/iu.test(text.slice(end, end + 12))) ||
    // ("entered the top 40 of the singles chart", "a top 10 hit": a chart's name; "the top 10% of earners" is a share.)
    (/(?:^|[^\p{L}])the\s+top\s+$|(?:^|[^\p{L}])an?\s+top\s+$/iu.test(before) &&
      !/^\s*(?:%|per\s*cent|percent|pc)/iu.test(text.slice(end, end + 12))) ||
    rankOrCopyright.test(before) ||
    ofALabel.test(text.slice(Math.max(0, start - 24), start))
  );
}

/** "for one" with nothing counted after it: "people asked for one.", "For one, the council …". */
const forOneBefore = /(?:^|[^\p{L}])for\s+$/iu;
const nothingAfter = /^\s*(?:[.,;:!?)"”’]|$)/u;

/**
 * "in one village", "at one point", "from one large country": a place or a time the sentence picks out, no
 * count of one ("rose from one to three" is a count).
 */
const placeOneBefore = /(?:^|[^\p{L}])(?:in|at|near|inside|from)\s+$/iu;
const singularAfter = /^\s+(?!(?:to|and|or|in|of|per|a|an|the)\b)\p{Ll}+(?<!s)\b(?!\s+of\b)/u;

/** "one" used as a pronoun ("no one", "one of them", "asked for one"), or to pick one out ("in one village"). */
export function isPronounOne(text: string, start: number, end: number): boolean {
  if (!/^one$/i.test(text.slice(start, end))) return false;
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 24);
  return (
    pronounOneBefore.test(before) ||
    pronounOneAfter.test(after) ||
    (forOneBefore.test(before) && nothingAfter.test(after)) ||
    (placeOneBefore.test(before) && singularAfter.test(after))
  );
}

/**
 * A capitalized number word inside a sentence that is not in title case, after a capitalized
 * word: part of a name ("the Big Three", "Ocean's Eleven"). A headline in title case ("Russia
 * Fires Two Missiles") gives no such sign, so there the word stays a number.
 */
export function isNameWord(text: string, start: number, end: number): boolean {
  if (!/^\p{Lu}/u.test(text[start] ?? "")) return false;
  const before = text.slice(Math.max(0, start - 40), start);
  const previous = /(\p{L}[\p{L}'’]*)(?:\s+of)?\s+$/u.exec(before);
  if (!previous || !/^\p{Lu}/u.test(previous[1])) return false;
  if (/[.!?:;"“‘(\n]\s*$/u.test(before.slice(0, previous.index))) {
    // The capitalized word before starts the sentence: "Some Two …" is rare; "Officials Two" is not a sentence.
    return false;
  }
  return !isTitleCase(text, start, end);
}

/** True when most words of four letters or more near [start, end) on its line are capitalized. */
function isTitleCase(text: string, start: number, end: number): boolean {
  let from = Math.max(0, start - 80);
  let to = Math.min(text.length, end + 80);
  const newlineBefore = text.lastIndexOf("\n", start);
  if (newlineBefore >= from) from = newlineBefore + 1;
  const newlineAfter = text.indexOf("\n", end);
  if (newlineAfter >= 0 && newlineAfter < to) to = newlineAfter;
  const words = text.slice(from, to).match(/\p{L}{4,}/gu) ?? [];
  if (words.length < 3) return false;
  const capitalized = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalized / words.length >= 0.7;
}

/**
 * Lower-case `m` after digits that means metres, not millions: "a 300m tunnel" (after "a": "a 2.5m
 * people" is no English), "20m wide", "500m from the front".
 */
export function isMetres(text: string, start: number, end: number): boolean {
  if (/(?:^|[^\p{L}])an?\s+$/iu.test(text.slice(Math.max(0, start - 4), start))) return true;
  return /^(?:[ \t]+(?:long|high|wide|deep|tall|away|from|below|above|along|across|underground|in[ \t]+(?:length|height|depth|diameter))\b|-(?:long|high|wide|deep|tall)\b)/u.test(
    text.slice(end, end + 30)
  );
}
