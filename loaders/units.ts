/**
 * The words around a number: what it counts ("15,000 Russian soldiers"), which kind of number its
 * unit makes it (days → duration, miles → distance, pounds → money), and the vocabulary the
 * number finder matches (number words, ordinals, months, qualifiers). Pure and browser-safe.
 */

/** What a number in a source is. `vague` numbers ("dozens of miles") have no value. */
export type NumberKind =
  | "count"
  | "percent"
  | "money"
  | "year"
  | "date"
  | "duration"
  | "ordinal"
  | "distance"
  | "temperature"
  | "vague";

/** Every kind, in the order the audit page lists them. */
export const numberKinds: readonly NumberKind[] = [
  "count",
  "percent",
  "money",
  "year",
  "date",
  "duration",
  "ordinal",
  "distance",
  "temperature",
  "vague"
];

/**
 * Verbs of change, as a regex source: "rose 7 per cent" is a change in something, and "rose $3.50 to
 * $112.93" a change and the level it reached.
 */
export const changeVerbs =
  "rose|risen|rises|rise|fell|fallen|falls|climbed|climbs|jumped|jumps|slid|slides|dropped|drops|gained|gains|lost|loses|increased|increases|decreased|decreases|declined|declines|grew|grows|shrank|shrunk|surged|surges|plunged|plunges|tumbled|tumbles|soared|soars|slumped|slumps|sank|added|shed|slipped|slips|dipped|dips|weakened|weakens|strengthened|strengthens|rallied|rallies|expanded|expands|contracted|edged up|edged down|up|down|higher|lower";

/**
 * Verbs that took a figure from one level to another, in the past, as a regex source: "rose from 5%
 * to 7%", "have grown from 23 to 26", "more than doubled from 20,000".
 */
export const movedPast =
  "rose|risen|fell|fallen|climbed|jumped|increased|dropped|declined|grew|grown|went up|gone up|went down|gone down|surged|soared|slumped|plunged|doubled|tripled";

/** Regex source for the words that compare a figure with the one after them: "up from", ", down to", "compared with", "against". */
export const comparedWith = String.raw`(?:\b(?:up|down)\s+from|,\s+(?:up|down)\s+to|\bcompared\s+(?:with|to)|\bagainst|\bversus)`;

/** Regex source for number words a count of a whole is written in: "seven of the nine members". */
export const numberWords =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred";

/** Regex source for the space between two words: spaces and tabs with at most one line break, never a blank line. */
export const space = String.raw`(?:[ \t]+\n?[ \t]*|\n[ \t]*)`;

/** A regex source that matches `word` with a lower- or upper-case first letter: `[Oo]ne`. */
export function ci(word: string): string {
  const first = word[0];
  const rest = word.slice(1).replace(/ /g, space);
  return first.toLowerCase() === first.toUpperCase() ? word : `[${first.toLowerCase()}${first.toUpperCase()}]${rest}`;
}

/** Alternation of words, each matched with either case of its first letter, longest first. */
export function anyOf(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(ci)
    .join("|");
}

/** Cardinal number words and scales, as the number finder matches runs of them. */
export const cardinalWords = [
  ..."one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split(" "),
  ..."sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety".split(" "),
  ..."hundred thousand million billion trillion dozen".split(" ")
];

/** Scale words, which may follow digits ("5.6 million") or "a" ("a million"). */
export const scaleWords = ["hundred", "thousand", "million", "billion", "trillion"];

const ordinalUnits = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(" ");
const ordinalTeens = "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split(" ");
const ordinalTens = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split(" ");

/** Ordinal words: "first" … "twentieth", "hundredth", "millionth"; compounds such as "twenty-first" are matched too. */
export const ordinalWords = [...ordinalUnits, ...ordinalTeens, ...ordinalTens, "hundredth", "thousandth", "millionth"];

/** Full month names (matched capitalized only, so "may" the verb is no month). */
export const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
];

const durationUnits = new Set(
  "second seconds minute minutes hour hours day days night nights week weeks month months year years decade decades century centuries year-old years-old year-olds month-old month-olds".split(
    " "
  )
);
const distanceUnits = new Set(
  "mile miles km kilometre kilometres kilometer kilometers metre metres meter meters yard yards foot feet ft mph kph".split(
    " "
  )
);
const moneyUnits = new Set(
  "dollar dollars pound pounds euro euros rouble roubles ruble rubles hryvnia hryvnias yen franc francs pence p".split(
    " "
  )
);
const percentUnits = new Set(["percentage point", "percentage points", "basis point", "basis points"]);

/** Abbreviated units, spaced from their number, that end a unit phrase as a plural does: "180 mm of rain", "150 kg". */
const abbreviatedUnits = new Set(["mm", "cm", "kg", "lb", "lbs", "ml"]);

/** Plurals that also describe a plural after them: "police officers", "staff members". */
const modifierPlurals = new Set(["police", "staff", "crew", "aircraft"]);
/** Plurals that do not end in "s". */
const irregularPlurals = new Set(
  "people men women children police personnel staff troops cattle sheep fish deer aircraft crew feet data livestock".split(
    " "
  )
);

/** Words that end a unit phrase: articles, pronouns, prepositions, common verbs and adverbs. */
const stopWords = new Set(
  `a an the of and or but nor in on at to for from by with without into onto over under about around across against
  along among between during before after since until till than as so if then there here where when while who whom
  whose which what that this these those it its they them their he him his she her we us our you your i my me
  is are was were be been being am has have had having do does did will would shall should can could may might must
  said says say told according also not no only just still even ever now ago more most less least many much few
  each every all both either neither other another such some any very too out up down off away back per alone
  including include includes plus like held made took went came saw gave got found told fell kept met ran sent stood
  won lost led fled hit cut put set shot built began became remain remains remained`
    .split(/\s+/)
    .filter(Boolean)
);

/** True when `word` is a number or ordinal word, which a unit phrase never swallows. */
function isNumberWord(word: string): boolean {
  const w = word.toLowerCase();
  return cardinalWords.includes(w) || ordinalWords.includes(w) || /\d/.test(w);
}

/** True for a word that names what is counted in the plural: "soldiers", "people", "Ukrainians". */
function isPluralNoun(word: string): boolean {
  const w = word.toLowerCase();
  if (irregularPlurals.has(w)) return true;
  return w.length > 3 && w.endsWith("s") && !/(?:ss|us|is|'s|’s)$/.test(w);
}

/** The kind a unit word gives its number, or null when it is an ordinary noun. */
export function kindOfUnit(unit: string): NumberKind | null {
  const w = unit.toLowerCase();
  const head = w.split(/[\s-]/)[0];
  if (percentUnits.has(w)) return "percent";
  if (durationUnits.has(w) || durationUnits.has(head)) return "duration";
  if (distanceUnits.has(w) || distanceUnits.has(head)) return "distance";
  if (moneyUnits.has(w) || moneyUnits.has(head)) return "money";
  return null;
}

/** What a number counts, and where that phrase ends in the text. */
export interface UnitPhrase {
  unit: string;
  /** Offset just past the unit phrase (equal to the start when there is none). */
  end: number;
  /** True when the phrase ends on a plural noun or a unit word, so it surely names what is counted. */
  plural: boolean;
}

const wordAt = /[\p{L}][\p{L}'’]*(?:-[\p{L}][\p{L}'’]*)*/uy;
const spaceAt = /[ \t]+/y;
const articleAt = /^[ \t]+(?:the|a|an|its|their|his|her)\b/i;
/** The times a count can be a rate of, as a regex source: "30,000 people a day", "40 trains a week". */
export const rateTimes = "day|week|month|year|hour|night";
/** A rate after a noun ("residents a day"): the article starts no object. */
const rateAt = new RegExp(String.raw`^[ \t]+(?:a|an)[ \t]+(?:${rateTimes})\b`, "i");

/**
 * The phrase after a number that says what it counts: up to three modifiers and a head noun
 * ("Russian soldiers", "civilians", "days"), never crossing punctuation, a line break, a verb or
 * preposition from the stop list, or another number. A hyphenated unit ("24-hour") counts too.
 * `singular` accepts a phrase with no plural head ("one person", "the first day").
 *
 * ```ts
 * unitAfter("15,000 Russian soldiers are", 6, false) // {unit: "Russian soldiers", end: 23, plural: true}
 * ```
 */
export function unitAfter(text: string, pos: number, singular: boolean): UnitPhrase {
  const none = {unit: "", end: pos, plural: false};
  const attached = /^[\p{L}]+/u.exec(text.slice(pos, pos + 12));
  if (attached)
    return kindOfUnit(attached[0]) || abbreviatedUnits.has(attached[0])
      ? {unit: attached[0], end: pos + attached[0].length, plural: true}
      : none;
  if (text[pos] === "-") {
    wordAt.lastIndex = pos + 1;
    const m = wordAt.exec(text);
    if (!m || isNumberWord(m[0].split("-")[0])) return none;
    // "a 10,000-strong police force": the force is what is counted, singular as it is.
    if (/^strong$/i.test(m[0])) return strongNoun(text, wordAt.lastIndex) ?? none;
    return {unit: m[0], end: wordAt.lastIndex, plural: kindOfUnit(m[0]) !== null};
  }
  const words: string[] = [];
  let at = pos;
  let end = pos;
  // (Four words, or six with "and" or "or" joining modifiers: "health and care worker visas".)
  for (let i = 0; i < (words.includes("and") || words.includes("or") ? 6 : 4); i++) {
    spaceAt.lastIndex = at;
    if (!spaceAt.exec(text)) break;
    wordAt.lastIndex = spaceAt.lastIndex;
    const m = wordAt.exec(text);
    if (!m) break;
    const word = m[0];
    const lower = word.toLowerCase();
    const joins = (lower === "and" || lower === "or") && words.length > 0 && !words.includes(lower);
    if ((stopWords.has(lower) && !joins) || isNumberWord(lower)) break;
    // A past tense after the first word is a verb ("the first convoy arrived"), not part of the unit.
    if (words.length > 0 && /[a-z]ed$/.test(word)) break;
    // "percentage points" is one unit of two words.
    const points =
      lower === "percentage" ? /^\s+points?\b/.exec(text.slice(wordAt.lastIndex, wordAt.lastIndex + 10)) : null;
    if (points) {
      const end = wordAt.lastIndex + points[0].length;
      return {unit: [...words, `${word} ${points[0].trim()}`].join(" "), end, plural: true};
    }
    // After a modifier, "holds the line" is a verb and its object, not a plural noun ("residents a day" is).
    const next = wordAt.lastIndex;
    const ahead = words.length > 0 ? text.slice(next, next + 12) : "";
    if (words.length > 0 && !irregularPlurals.has(lower) && articleAt.test(ahead) && !rateAt.test(ahead)) break;
    words.push(word);
    at = end = next;
    // "14 police officers", "staff members": a plural used as a modifier, before the plural it describes.
    const following = modifierPlurals.has(lower)
      ? /^[ \t]+(\p{Ll}+)\b/u.exec(text.slice(next, next + 24))?.[1]
      : undefined;
    const modifier = following !== undefined && isPluralNoun(following);
    if ((kindOfUnit(word) !== null || isPluralNoun(word) || abbreviatedUnits.has(word)) && !modifier)
      return {unit: words.join(" "), end, plural: true};
    // A singular head is the first word that is not a capitalized modifier: "one Russian tank".
    if (singular && word[0] === lower[0]) return {unit: words.join(" "), end, plural: false};
  }
  if (singular && words.length > 0) return {unit: words.join(" "), end, plural: false};
  return none;
}

/** The noun phrase after "-strong" (up to three words, before a stop word or a past tense), or null. */
function strongNoun(text: string, pos: number): UnitPhrase | null {
  const words: string[] = [];
  let end = pos;
  for (let at = pos; words.length < 3; at = end) {
    spaceAt.lastIndex = at;
    if (!spaceAt.exec(text)) break;
    wordAt.lastIndex = spaceAt.lastIndex;
    const m = wordAt.exec(text);
    if (!m || stopWords.has(m[0].toLowerCase()) || isNumberWord(m[0]) || (words.length > 0 && /[a-z]ed$/.test(m[0])))
      break;
    words.push(m[0]);
    end = wordAt.lastIndex;
  }
  return words.length > 0 ? {unit: words.join(" "), end, plural: false} : null;
}

/** Words before a bare four-digit number that make it a year: "in 2014", "since 1991", "the 2022 invasion". */
export const yearContext = new Set(
  `in since until till by from of before after during early late mid spring summer autumn fall winter year
  between and to or through throughout`.split(/\s+/)
);
