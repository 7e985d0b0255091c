/**
 * What a figure measures, from the noun it counts and the words around it, in the ledger's style:
 * "civilians killed" ("has killed 2,000 civilians", "2,000 civilians have been killed"),
 * "refugees" ("800,000 Ukrainians have become refugees"), "Russian soldiers approaching the city",
 * "share of homes" ("3 per cent of homes"), "humanitarian aid" ("€500 million for humanitarian aid").
 * Pure, and modest: the words come from the sentence, never from a dictionary of topics.
 */
import {currencyAfter} from "./currency.ts";
import {findNumbers, type FoundNumber} from "./numbers.ts";
import {datelineLength} from "./sentences.ts";
import {changeVerbs, comparedWith, kindOfUnit, movedPast, numberWords, rateTimes} from "./units.ts";

const stop = new Set(
  `a an the of and or but in on at to for from by with into over under about than as that this these those it its their
  his her our your they we he she you them us which who whom whose what when where while there here is are was were be
  been being has have had do does did will would can could may might must should said says say told according also not
  no so just still now then after before since until during per each every some any more most less least many much few
  another others through across via inside outside among between against within along around toward towards despite
  near because although though unless whereas whether if`.split(/\s+/)
);
/** Past participles that are not "-ed" words. */
const participles = new Set(
  "killed hurt held taken seen left shot struck hit lost found made sent kept given driven thrown laid cut shut told won cast sold built stolen frozen chosen written taught caught bought brought sought fought".split(
    " "
  )
);
/** Words in "-ed" that are no verb's past: "feed", "need", "exceed", "bed". */
const notPast = new Set(
  "feed need speed breed seed bleed weed heed deed reed bed red embed exceed proceed succeed".split(" ")
);
/** A past tense or participle in "-ed": "killed", "displaced"; not "feed". */
const isEdWord = (w: string) => /^\p{Ll}+ed$/u.test(w) && !notPast.has(w);
const pastTense = new Set(
  `lost fled left died went came took gave made fell rose ran saw got won slept felt spent paid bought brought
  thought met built stood sat grew drew ate drank began chose spoke wrote knew flew`.split(/\s+/)
);
const statusWords = new Set(["dead", "missing", "injured", "wounded", "homeless", "displaced", "stranded", "trapped"]);
/** The word just before a number, past its qualifier: "killed" in "has killed at least 2,000". */
const verbBeforeNumber =
  /(\p{Ll}+)\s+(?:(?:at least|more than|some|about|nearly|almost|over|up to|around|another|a further|just|only|a mere)\s+)?$/u;
/**
 * A change before a percentage, "rose 7 per cent", "fell by nearly 3%", "are expected to fall by up
 * to 30 percent", "have risen by an average of 11 percent"; not "rose to 7.2%", a level.
 */
const changeBefore = new RegExp(
  String.raw`(.*?)\s+(?:(?:has|have|had)\s+)?(?<!(?:^|\s)(?:a|an|the|its|their|his|her|our)\s+)(?:${changeVerbs}|fall|increase|decrease|drop|climb|grow|decline|shrink|jump|slide|plunge|slump)\s+(?!(?:to|at)\s)(?:by\s+)?(?:an?\s+average\s+of\s+)?(?:\p{Ll}+\s+){0,2}$`,
  "u"
);
/** Verbs by which figures show a count ("figures showed 210,000 arrivals"): the count is of arrivals, not "arrivals showed". */
const showWords = new Set(["showed", "revealed", "suggested", "indicated"]);

/** A temperature, which a noun phrase may hold: "(days above) 35C". */
const temperature = /^\d+(?:\.\d+)?°?[CF]$/u;

/**
 * Words of a noun phrase at the start of `text`: up to `max` words, stopping at punctuation, a
 * function word or (with `stopAtVerbs`) a past tense after the first word ("homes lost power");
 * with `andJoins`, "and" may join two nouns ("loans and grants").
 */
function phraseAt(text: string, max = 4, stopAtVerbs = true, andJoins = false): string {
  const words: string[] = [];
  // (A temperature is a word of it: "days above 35C".)
  // (… and so is an age group: "among over-65s".)
  for (const m of text.matchAll(
    /\s*([\p{L}][\p{L}'’-]*(?<=(?:over|under)-)\d+s(?![\p{L}\d])|[\p{L}][\p{L}'’-]*|\d+(?:\.\d+)?°?[CF](?![\p{L}\d]))|\s*(\S)/gu
  )) {
    if (m[2] !== undefined || words.length >= max) break;
    const w = m[1];
    // (… but not after an adverb of the noun: "newly built homes".)
    if (stopAtVerbs && words.length > 0 && (isEdWord(w) || pastTense.has(w)) && !/ly$/u.test(words.at(-1)!)) break;
    // "on temporary accommodation last year": a time ends the phrase.
    if (words.length > 0 && /^(?:last|this|next)$/iu.test(w)) break;
    if (w === "and" && words.length > 0 && words.length < max - 1 && andJoins) {
      words.push(w);
      continue;
    }
    if (stop.has(w.toLowerCase())) {
      if (words.length === 0 && /^(?:the|a|an|its|their)$/i.test(w)) continue;
      // "people out of work"; "offences involving a knife": the object of the word before.
      if (w === "of" && words.at(-1) === "out" && words.length < max) {
        words.push(w);
        continue;
      }
      // … "people in work", "patients in hospital": a state they are in.
      if (
        w === "in" &&
        words.length > 0 &&
        words.length < max - 1 &&
        /^\s*(?:work|employment|poverty|care|hospital|prison|custody|debt|arrears|education|training)\b/u.test(
          text.slice(m.index! + m[0].length)
        )
      ) {
        words.push(w);
        continue;
      }
      if (/^(?:a|an|the)$/.test(w) && /^(?:involving|including|containing|carrying)$/.test(words.at(-1) ?? "")) {
        words.push(w);
        continue;
      }
      break;
    }
    // "for pollution claims and faces about 4,000 lawsuits": a verb after "and", with its object, ends it.
    if (
      words.at(-1) === "and" &&
      /^\s+(?:about|some|around|nearly|more|an?|the|its|their|\d)\b/u.test(text.slice(m.index! + m[0].length))
    ) {
      words.pop();
      break;
    }
    words.push(w);
  }
  if (words.at(-1) === "and" || words.at(-1) === "of") words.pop();
  return words.join(" ");
}

/**
 * A noun phrase at the start of `text`, as phraseAt, with what a bare number, share or price is of:
 * "number of migraine days", "price of bread".
 */
function phraseOf(text: string, max = 3): string {
  const head = /^(?:(?:the|its|their)\s+)?((?:number|share|proportion|amount|level|price|cost|value)\s+of\s+)/u.exec(
    text
  );
  const of = head ? phraseAt(text.slice(head[0].length), max) : "";
  return of ? head![1] + of : phraseAt(text, max);
}

/**
 * The last noun phrase before `end` in `text`: "the death toll" → "death toll"; "of" or "for" may
 * join two nouns ("prices for wheat", "rate of inflation").
 */
function phraseBefore(text: string, max = 3): string {
  const words = text.trimEnd().split(/\s+/);
  const out: string[] = [];
  for (let i = words.length - 1; i >= 0 && out.length < max; i--) {
    const w = temperature.test(words[i]) ? words[i] : words[i].replace(/[^\p{L}'’-]/gu, "");
    if (w === "" || /[,;:]$/.test(words[i])) break;
    if (stop.has(w.toLowerCase())) {
      const joined = /^(?:of|for)$/.test(w) && out.length > 0 && out.length < max - 1;
      const next = joined ? words[i - 1]?.replace(/[^\p{L}'’-]/gu, "") : "";
      if (!next || stop.has(next.toLowerCase()) || /[,;:]$/.test(words[i - 1])) break;
    }
    out.unshift(w);
  }
  return out.join(" ");
}

/** Words after a verb that say when or how, not what: "climbed all week", "fell again". */
const whenOrHow = new Set(
  "all again back up down off out further day week month year night morning today yesterday overnight".split(" ")
);

/**
 * `clause` up to its first verb in the past: "Freight rates doubled over the fortnight" → "Freight
 * rates"; a word in "-ed" that ends the clause but for the noun it describes stays ("the typical
 * fixed rate", "the fixed mortgage rate").
 */
function beforeVerb(clause: string): string {
  const words = [...clause.matchAll(/[\p{L}][\p{L}'’-]*/gu)];
  for (let i = 1; i < words.length; i++) {
    const w = words[i][0];
    if (!isEdWord(w) && !pastTense.has(w)) continue;
    const rest = words.slice(i + 1).map((m) => m[0]);
    const describes =
      rest.length > 0 &&
      rest.length <= 2 &&
      /^[\p{L}'’\s-]*$/u.test(clause.slice(words[i].index)) &&
      rest.every(
        (r) =>
          /^\p{Ll}/u.test(r) && !stop.has(r) && !whenOrHow.has(r) && !/ly$/.test(r) && !isEdWord(r) && !pastTense.has(r)
      );
    if (!describes) return clause.slice(0, words[i].index);
  }
  return clause;
}

/** A span of time a phrase ends in: "(for the) year", "(for the) first half", "(for the) three months". */
const timeNoun = /\b(?:years?|quarters?|half|months?|weeks?|days?|periods?|seasons?|decades?|fortnight)$/u;

/**
 * The head of a verb's subject: its last clause's first noun phrase, with an "of"/"for" phrase after
 * it. "The death toll from the flood" → "death toll"; "Unemployment in the region" → "Unemployment";
 * "Prices for wheat" → "Prices for wheat"; "In March, the death toll" → "death toll".
 */
function subjectHead(subject: string, withVerb = false): string {
  // "Rents, by contrast, climbed", "Core inflation, which excludes food, eased", "The train, carrying 340
  // passengers, was travelling": an aside between commas is not the subject.
  subject = subject
    .replace(
      /,\s*(?:by contrast|in contrast|however|meanwhile|in turn|for example|for instance|too|also|though|on average|overall|in total|in all|so far|(?:which|who)\s[^,;]*|\p{Ll}+ing\s(?:[^,;]|,(?=\d))*,\s*(?:was|were|is|are|has been|had been))\s*,?\s*$/iu,
      " "
    )
    // … nor an apposition: "Net interest income, the difference between what it earns and pays, rose".
    .replace(/(\p{L})\s*,\s*(?:(?:now|still|once|already|long)\s+)?(?:the|an?)\s[^,;]*,\s*$/u, "$1 ");
  // (The clause after its last comma, semicolon or colon: not a comma between digits, "100,000".)
  const clause = subject
    .slice((/[,;:](?!\d)(?!.*[,;:](?!\d))/su.exec(subject)?.index ?? -1) + 1)
    .replace(/^\s*(?:while|whereas|and|but|as|although|though)\s/iu, " ")
    // "The charity said (on Monday) that demand at its food banks was up": the subject of what was said
    // ("Economists estimate the strike is costing": of what they estimate; "adding that cleaning up rivers
    // would cost": of what was added).
    .replace(
      /^.*\b(?:(?:said|says|say|told|announced|warned|warn|warns|estimate|estimates|believe|believes|fear|fears|found|finds)\s+(?:(?:on|last|this|late\s+on|early\s+on)\s+\p{L}+\s+(?=that\s))?(?:that\s+)?|(?:adding|added|adds)\s+that\s+)(?=\S)/u,
      ""
    )
    // "commuters had seen fares rise", "economists expected inflation to fall": what was seen or expected doing it.
    .replace(
      /^.*(?<!\b(?:the|a|an|its|their|are|is|was|were|be|been)\s)\b(?:(?<=\b(?:had|have|has|having)\s)seen|saw|see|sees|watched|expected|expect|expects|predicted|predict|predicts)\s+(?=(?!to\b)\S)/iu,
      ""
    )
    // "will cut 7,500 jobs after its quarterly operating profit fell": the clause the verb is in.
    .replace(/^.*\b(?:after|because|when|while|whereas|although|though)\s+(?=(?:its|their|his|her|our|the)\s)/iu, "")
    // "imports rose 2.1% and exports fell": the clause after the figure and "and".
    .replace(/^.*\d(?:%|\s?per\s?cent|\s+percent|\s+\p{Ll}+)\s+and\s+(?=\p{L})/u, "")
    // "Early on Thursday the river stood at", "Last week the index rose": a time before the subject, with no comma.
    .replace(
      /^\s*(?:(?:early|late)\s+(?:on\s+)?|on\s+|by\s+|last\s+|this\s+)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|night|morning)(?:\s+(?:morning|afternoon|evening|night))?\s+(?=\p{L})/iu,
      ""
    );
  // A noun phrase ends in its noun: of a long one, the last three words ("new hospital wing" of "A
  // new fixture hospital wing").
  // Words in "-ed" in a subject describe its noun ("money spent on defence", "the fixed rate"); in a
  // clause with its own verb (`withVerb`), the first such word that no noun follows is that verb.
  // A time is no part of it: "homes built last year".
  const noun = clause.replace(
    /\s+(?:(?:last|this|next|earlier this|later this)\s+(?:week|month|year|quarter|weekend|spring|summer|autumn|winter)|yesterday|today|overnight)\b.*$/iu,
    ""
  );
  const phrase = phraseAt(withVerb ? beforeVerb(noun) : noun, 6, false);
  if (!phrase) return phraseBefore(subject);
  // (… but the noun before "involving a knife", "out of work" is the head: "offences involving a knife".)
  const words = phrase.split(" ");
  const link = words.findIndex((w, i) => /^(?:involving|including|containing|carrying|out)$/.test(w) && i > 0);
  // ("Band D council tax": a letter names a kind with the word before it.)
  const last = words.length > 3 && /^\p{Lu}$/u.test(words.at(-3)!) ? -4 : -3;
  const head = (link > 0 ? [...words.slice(0, link).slice(-3), ...words.slice(link)] : words.slice(last)).join(" ");
  const joined = /^\s+(of|for|among|per)\s+(.*)/u.exec(clause.slice(clause.indexOf(phrase) + phrase.length));
  // A phrase after "of", "for" or "among" is kept whole or not at all: "waiting list for planned hospital
  // treatment", never "… for planned hospital"; "deaths among cyclists".
  // ("Net profit for the three months to September", "Sales for the year": a time is no part of it.)
  // ("Deaths per 100,000 people": the base of a rate, number and all.)
  const tail = joined
    ? joined[1] === "per"
      ? (/^\d[\d,]*(?:\s+(?:million|thousand))?\s+\p{Ll}+/u.exec(joined[2])?.[0] ?? phraseAt(joined[2], 4))
      : phraseAt(joined[2], 4)
    : "";
  const time = joined?.[1] === "for" && timeNoun.test(tail);
  return tail && !time && tail.split(" ").length <= 3 ? `${head} ${joined![1]} ${tail}` : head;
}

/**
 * Something set at a level: "cut its growth forecast to 2.1 per cent", "kept its main rate at 4.5
 * percent", "will raise the minimum wage by 9.8 percent to £11.44": what was cut, kept or raised.
 */
const revisedObject =
  /\b(?:cut|lowered|lower|raised|raise|lifted|lift|revised|trimmed|set|kept|held|left|doubled|tripled|halved|increased|increase|reduced|reduce|boosted|widened|narrowed)\s+(?:its|their|the|his|her|our)\s+(.+?)\s+(?:by\s+[^,;]+?\s+)?(?:(?:up|down|unchanged|steady)\s+)?(?:to|at)\s+$/u;

/** A change made to something, "raised premiums by 15%", "cut its prices by as much as 10 per cent": what was changed. */
const changedObject =
  /\b(?:raised?|raises|cut|cuts|lowered|lowers?|lifted|lifts?|reduced?|reduces|trimmed|trims?|hiked?|hikes|slashed|slash(?:es)?|boosted|boosts?)\s+(?:(?:its|their|the|his|her|our)\s+)?([^,;]+?)\s+by\s+(?:\p{Ll}+\s+){0,3}$/u;

/** The change a figure made to something ("cut fuel duty by 5p"): `change in fuel duty`, or "". */
function changeMadeTo(before: string): string {
  const changed = changedObject.exec(before);
  const object = changed ? phraseOf(changed[1]) : "";
  return object && `change in ${lowerCase(object)}`;
}

/**
 * Verbs that take a figure from one level to another: "rose from 5% to 7%", "will go up from £2.80 to £3.10".
 * (A figure's qualifier is part of its text, "about 20,000", so the words before it end at "from".)
 */
const fromToVerbs = String.raw`(?:(?:more than )?(?:${movedPast})|rise|rises|fall|falls|climb|jump|increase|drop|decline|grow|go up|go down)`;
const fromLevel = new RegExp(
  String.raw`(.*?)\s+(?:(?:has|have|had|will|would|could|may|might)\s+)?${fromToVerbs}\s+from\s+$`,
  "u"
);
const toLevel = new RegExp(
  String.raw`(.*?)\s+(?:(?:has|have|had|will|would|could|may|might)\s+)?${fromToVerbs}\s+from\s+(?:[^,;]|,(?=\d)){1,30}?\s+to\s+$`,
  "u"
);

/**
 * The subject whose level a figure is, when it goes from one to another: both figures of "Inflation
 * rose from 5% to 7%" (inflation), "Fares will rise from £2.80 to £3.10" (fares). "" otherwise.
 */
function levelFromTo(before: string): string {
  const m = fromLevel.exec(before) ?? toLevel.exec(before);
  // ("The number of days above 35C has risen from two to nine": days above 35C.)
  return m ? lowerCase(subjectHead(m[1]).replace(/^(?:the\s+)?(?:total\s+)?number\s+of\s+/iu, "")) : "";
}

/**
 * What someone expects to reach a figure: "Insurers expect claims to exceed $300 million" (claims),
 * "economists predict inflation will hit 9 percent" (inflation), "the agency sees arrivals topping
 * 300,000" (arrivals), "had expected unemployment to stay at 4.3%" (unemployment). "" for any other figure.
 */
function expectedMeasure(before: string): string {
  const expected =
    /\b(?:expects?|expected|forecasts?|forecast|predicts?|predicted|projects?|projected|sees?)\s+(?:(?:the|its|their)\s+)?([^,;]+?)\s+(?:(?:to|will|would|could|may|might)\s+(?:exceed|top|reach|surpass|hit|pass|(?:stay|remain|hold|peak)\s+at|(?:rise|fall|climb|drop|ease|increase|decrease|slow|slip)\s+to)|exceeding|topping|reaching|surpassing|passing)\s+(?:\p{Ll}+\s+){0,2}$/u.exec(
      before
    );
  return expected ? lowerCase(phraseAt(expected[1], 3)) : "";
}

/** Words that begin a clause of time or place before a sentence's subject: "In March, …", "On Friday, …". */
const openingPhrase = /^\s*(?:in|on|at|by|after|before|since|during|over|last|this|early|late)\s/iu;

/**
 * The subject of a figure in a participle clause after the main one: "Freight rates doubled over the
 * fortnight, a broker said, reaching $90 a tonne" (freight rates); "In March, inflation quickened,
 * hitting 9.1 percent" (inflation); "confirmed 12 new cases, bringing the total to 340" (cases
 * confirmed). "" for any other figure.
 */
function participleSubject(before: string): string {
  // "confirmed 12 new cases, bringing the total to 340": the total of what the figure before counts
  // (else, "aid rose 5 percent, taking the total to $3 billion", the main clause's subject).
  if (/,\s+(?:bringing|taking|pushing|lifting)\s+(?:the|its|their)\s+total\s+to\s+(?:\p{Ll}+\s+){0,2}$/u.test(before)) {
    const added = findNumbers(before).findLast((r) => r.kind === "count" || r.kind === "money");
    // ("plans to open 500 stores, taking its total to 4,000": the total is of stores, not of those to open.)
    const willBe = added ? verbBeforeNumber.exec(before.slice(0, added.start)) : null;
    const total = added
      ? willBe && Object.hasOwn(baseParticiples, willBe[1])
        ? added.unit
        : measureIn(before, added.start, added).replace(/^(?:new|more|additional|further|extra)\s+/u, "")
      : "";
    if (total) return total;
  }
  // "…, taking the annual bill to £2,118": what it takes there.
  const taken =
    /,\s+(?:bringing|taking|pushing|lifting)\s+(?:the|its|their)\s+((?:\p{Ll}+\s+){0,2}\p{Ll}+)\s+to\s+$/u.exec(before);
  if (taken && !/\btotal$/u.test(taken[1]) && !taken[1].split(" ").some((w) => stop.has(w))) return taken[1];
  // "signed him for an initial £85 million, rising to £100 million": a later level of the figure before.
  const last = findNumbers(before).at(-1);
  if (
    last &&
    /^(?:\s+\p{L}+){0,2}\s*,\s+(?:rising|climbing|falling|dropping|growing|jumping)\s+to\s+$/u.test(
      before.slice(last.end)
    )
  )
    return measureIn(before, last.start, last);
  // "Seafood was the only category to grow, rising 6 per cent to €310 million": the change (a
  // percentage, or a sum before "to"), and the level after it, are the main clause's subject's.
  const changing =
    /,\s+(?:rising|climbing|falling|dropping|growing|jumping|sliding)(?:\s+(?:by\s+)?(?:[^,;]|,(?=\d)){1,30}?\s+to)?\s+(?:by\s+)?$/u.exec(
      before
    );
  if (
    !changing &&
    !/,\s+(?:reaching|hitting|topping|passing|rising to|climbing to|falling to|dropping to|standing at|(?:bringing|taking|pushing|lifting)\s+(?:it|them|the total|its total|their total)\s+to)\s+(?:\p{Ll}+\s+){0,2}$/u.test(
      before
    )
  )
    return "";
  const main = before.split(/[,;]/).find((clause) => clause.trim() !== "" && !openingPhrase.test(clause)) ?? "";
  // The subject ends at its verb: "Health spending gets an extra …, bringing it to".
  const subject = lowerCase(
    subjectHead(main.replace(/\s+(?:gets?|receives?|has|have|had|is|are|was|were|will|would)\s.*$/su, ""), true)
  );
  return subject && changing && !/\sto\s+$/u.test(before) ? `change in ${subject}` : subject;
}

/** A rate right after a count's noun: "(30,000 people) a day", "per week", "each month"; not "a year ago". */
const ratePhrase = new RegExp(
  String.raw`^\s+(?:a|an|per|each|every)\s+(${rateTimes})\b(?!\s+(?:ago|earlier|before|later|previously)\b)`,
  "u"
);

/** What a price is for: "(\$84) a barrel", "per tonne", "a head". */
const perUnit =
  /^\s+(?:a|an|per)\s+(bushel|dozen|tonne|ton|barrel|litre|liter|gallon|kilogram|kilo|ounce|share|head|person|household|passenger|trip|visitor|guest|room|pupil|student|patient|customer|employee|worker|ticket|capita|(?:mega|kilo)watt[ -]hour)\b/u;

/** Units of a measurement: "2,500 tonnes (of medical supplies)", "40,000 litres (of fuel)", "140 mm". */
const unitNouns = new Set(
  `tonnes tonne tons ton litres litre liters liter megalitres megaliters gallons barrels kilograms kilos hectares acres gigawatts megawatts
  kilowatts terawatt-hours gigawatt-hours megawatt-hours kilowatt-hours millimetres millimeters centimetres
  centimeters inches mm cm kg lb lbs ml cubic-metres cubic-meters megabits gigabits kilobits megabytes gigabytes
  terabytes`
    .split(/\s+/)
    .flatMap((w) => [w, w.replace("-", " ")])
);
/** True for a unit of a quantity, a time or a length ("tonnes", "hours", "km"): no measure on its own. */
export function isUnit(word: string): boolean {
  return unitNouns.has(word) || (/^\p{L}+$/u.test(word) && ["duration", "distance"].includes(kindOfUnit(word) ?? ""));
}

/** Nouns of a quantity of something: units, and things counted ("1 million doses of vaccine", "2,300 containers"). */
const quantityNouns = new Set([
  ...unitNouns,
  ..."bags sacks boxes crates containers pallets truckloads doses rounds bottles parcels".split(" ")
]);

/** Things, not people, that do something: "farms that applied", but "families who applied". */
const things =
  /(?:^|\s)(?:farms?|firms?|compan(?:y|ies)|businesses|schools?|hospitals?|countries|councils?|banks?|shops?|stores?|charities|clubs?|cities|towns?|airlines?|factories|plants?|mines?|universities|employers?|retailers?|carmakers?|insurers?|lenders?|ships?|vessels?|boats?|flights?|trains?|carriages?|wagons?|planes?|aircraft|drones?|missiles?|rockets?|satellites?|animals?|birds?|cattle|sheep|pigs?|cows?|fish|chickens?|hens?|horses?|dogs?|cats?|trees?|tracks?|songs?|albums?|films?|movies?|books?|apps?|videos?|titles?|services?|homes?|households?|shares?|stocks?|bonds?|products?|vehicles?|cars?|lorries|trucks?|buses|items?|parcels?|doses?|cases?|deals?|contracts?|loans?|mortgages?|properties|buildings?|houses?|flats?|apartments?|offences?|crimes?|calls?|applications?|claims?)$/iu;
/** The relative pronoun for `noun`: "that" for a thing, "who" for people. */
const who = (noun: string) => (things.test(noun.trim()) ? "that" : "who");

/**
 * A phrase of the sentence as a measure: its first word in lower case, unless it is an acronym or a
 * name's possessive ("NHS waiting list", "Kyiv's population", "EU's budget"); later capitals are
 * names and stay ("fixture Britons").
 */
function lowerCase(phrase: string): string {
  return phrase.replace(/^[\p{L}][\p{L}'’-]*/u, (w) =>
    /^\p{Lu}{2,}/u.test(w) || /^\p{Lu}\p{Ll}*['’]s$/u.test(w) || /^\p{Lu}$/u.test(w) ? w : w.toLowerCase()
  );
}

/** A pronoun, which names nothing a figure could measure: "they have gained 41%", "that is still £420 higher". */
const isPronoun = (w: string) => /^(?:i|you|he|she|it|we|they|this|that|these|those|which)$/iu.test(w);

const isParticiple = (w: string) => isEdWord(w) || participles.has(w) || statusWords.has(w);

/**
 * To what end, or where, after a participle: " to leave their homes" ("residents were ordered to
 * leave their homes"), " to hospital" ("were taken to hospital"), " into shelters" ("schools were
 * turned into shelters"), " as shelters" after a `participle` such as used or listed ("schools were
 * used as shelters"); "" for anything else.
 */
function toWhatEnd(text: string, participle = ""): string {
  // "120 schools have been turned into shelters", "taken into custody": what they were made, or where.
  const into = /^\s+into\s+(?:the\s+)?(\p{Ll}[\p{L}'’-]*)/u.exec(text);
  if (into && !stop.has(into[1])) return ` into ${into[1]}`;
  // "1,200 schools are being used as shelters": as what (not "2,000 civilians dead as pleas … grow").
  const as =
    /^(?:used|employed|deployed|hired|registered|listed|classed|classified|designated|recognised|recognized)$/.test(
      participle
    )
      ? /^\s+as\s+(\p{Ll}[\p{L}'’-]*s)\b/u.exec(text)
      : null;
  if (as && !stop.has(as[1])) return ` as ${as[1]}`;
  const to = /^\s+to\s+(\p{Ll}+)(?:\s+((?:their|the|its|his|her|our)\s+)?(\p{Ll}[\p{L}'’-]*))?/u.exec(text);
  if (!to || stop.has(to[1])) return "";
  const object = to[3] && !stop.has(to[3]) ? ` ${to[2] ?? ""}${to[3]}` : "";
  return ` to ${to[1]}${object}`;
}

/**
 * An object after a verb: a determiner and its noun, "a petition", "the plan", "a second dose", "a new
 * home" (an ordinal or an adjective such as new or final, and its noun), "the city marathon" (a noun
 * and its noun, before the clause ends); not a time ("the year before").
 */
const objectAfter =
  /^\s+((?:the|a|an|its|their|his|her|our)\s+(?!(?:day|week|month|year|night|morning|afternoon|evening|weekend|previous|same|following|next|last|first)\b)(?:(?:second|third|fourth|fifth|new|free|full|final|further|single|booster)\s+)?[\p{Ll}'’-]+(?:\s+(?!(?:on|in|at|to|for|from|of|by|with|and|or|but|as|than|that|which|who|after|before|during|since|until|over|under|into|last|this|next|yesterday|today|overnight|again)\b)\p{Ll}[\p{Ll}'’-]*(?<!ing|ly|ed)(?=\s*[.,;]|\s+(?:on|in|at|for|from|after|before|during|last|this)\b))?)/u;

/** A noun the count's noun belongs to: "the homes (of) 300 people", "data on (up to) 800,000 pupils", "smoke from 150 wildfires". */
const ownerBefore =
  /\b(\p{L}+)\s+(?:of|on|about|from)\s+(?:(?:up to|about|some|nearly|almost|more than|over|at least|an estimated)\s+)?$/u;
/** Words whose "of" leads to what they count: "a total of 300 people were killed". */
const quantityWords =
  /^(?:total|number|average|maximum|minimum|tally|count|figure|record|majority|minority|group|crowd|sample|survey|poll|census|estimate|toll|some|most|all|none|each|any|many|few|out|one|both)$/u;

/** Verbs in the base form before a count, and what they make of it: "(will) close (nine libraries)". */
const baseParticiples: Record<string, string> = Object.fromEntries(
  (
    "close:closed open:opened sell:sold hire:hired build:built shut:shut scrap:scrapped create:created axe:axed " +
    "recruit:recruited buy:bought recall:recalled remove:removed replace:replaced plant:planted train:trained " +
    "deploy:deployed release:released evacuate:evacuated rehouse:rehoused"
  )
    .split(" ")
    .map((pair) => pair.split(":"))
);

/** The measure of a count (or a duration or distance) from the noun it counts and what the sentence says of it. */
function countMeasure(unit: string, before: string, after: string): string {
  const aux = String.raw`(?:(?:have|has|had|were|was|are|is|being|been|will|would|could|may|might|must|should|be|reportedly|now|already|so far|all|still)\s+)*`;
  // "will cut output by 2 million barrels per day", "cut its workforce by 500 people": a change in what was cut.
  // (In a quantity's unit: "change in barrels of output".)
  const made = changeMadeTo(before);
  if (made) return quantityNouns.has(unit.toLowerCase()) ? made.replace(/^change in /u, `change in ${unit} of `) : made;
  // "a strike by 45,000 dockworkers entered its third day": what they do is the strike's, not theirs.
  const agentOf = /\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?:\p{Ll}+\s+)?(\p{Ll}+)\s+by\s+$/u.exec(before);
  if (unit && agentOf && !isEdWord(agentOf[1]) && !pastTense.has(agentOf[1])) return unit;
  // "70 percent of the town's 12,000 residents have been evacuated", "half of the 800 beds were
  // occupied", "412 of the 650 seats": the whole that a share is of, not what the share did.
  if (
    unit &&
    new RegExp(
      String.raw`(?:%|\bper\s*cent|\bpercent|\bhalf|\bthird|\bquarter|\bmost|\d|\b(?:${numberWords}))\s+of\s+(?:(?:the|its|their|his|her|our)\s+)?(?:(?:[\p{L}-]+\s+){0,2}[\p{L}-]+['’]s?\s+)?$`,
      "iu"
    ).test(before)
  )
    return unit;
  // "1,250 schools would stay closed", "40 posts remain unfilled": the state they are left in.
  const kept =
    /^\s+(?:(?:would|will|could|may|might|to|have|has|had)\s+)?(?:stay|stays|stayed|remain|remains|remained)\s+(\p{Ll}+)\b/u.exec(
      after
    );
  if (unit && kept && (isParticiple(kept[1]) || /^(?:open|shut|empty|vacant)$/.test(kept[1])))
    return `${unit} ${kept[1]}`;
  // "a survey of 2,000 adults": the people asked.
  const asked = /\b(survey|poll)\s+of\s+$/iu.exec(before);
  if (unit && asked) return `${unit} ${asked[1].toLowerCase() === "poll" ? "polled" : "surveyed"}`;
  // "The stadium seats 52,000 fans", "the ship can carry 5,000 passengers": room for them, not them there.
  // ("The party holds 120 seats" has them; "Each seats 220" names nothing that does.)
  const room =
    /(?:^|\s)(\p{L}+)\s+(?:seats|seat|accommodates|sleeps|(?:can|could|will|would)\s+(?:seat|hold|carry|accommodate|take|sleep))\s+(?:(?:up to|about|some|nearly|almost|around|more than|over)\s+)?$/u.exec(
      before
    );
  if (unit && room) {
    const holder = room[1].toLowerCase();
    return stop.has(holder) || isPronoun(holder) || /^(?:each|every|both|all)$/u.test(holder)
      ? ""
      : `capacity of ${holder}`;
  }
  // "2,000 civilians have been killed", "2,000 civilians dead"
  // … with an adverb: "6.5 million people are internally displaced"
  // … and a particle: "4,500 workers have been laid off"
  const passive = new RegExp(
    String.raw`^\s+${aux}((?!(?:nearly|hardly|barely)\s)\p{Ll}+ly\s+)?(\p{Ll}+)(\s+(?:off|out|up|down|away|behind))?\b`,
    "u"
  ).exec(after);
  // "a ferry carrying more than 200 passengers capsized": what the ferry did, not the passengers; "the homes
  // of 300 people were destroyed", "data on 800,000 pupils may have been taken": what the noun before did.
  const carried =
    /\b(?:carrying|holding|transporting|containing)\s+$/u.test(before) ||
    (ownerBefore.exec(before) !== null && !quantityWords.test(ownerBefore.exec(before)![1].toLowerCase()));
  if (
    unit &&
    passive &&
    !carried &&
    isParticiple(passive[2]) &&
    // "the survey of 2,000 adults found that …": a verb with a clause after it, not a participle; "350 sites
    // recorded 162 million visits": a verb with a figure of its own after it.
    !/^\s+that\b/u.test(after.slice(passive[0].length)) &&
    !(
      passive[2] !== "aged" &&
      !statusWords.has(passive[2]) &&
      /^\s+(?:(?:about|some|nearly|almost|more than|over|a record|an estimated)\s+)?[$€£]?\d/u.test(
        after.slice(passive[0].length)
      )
    ) &&
    // "2,000 people have left" did so; "12,000 bags were left behind" had it done to them; "four carriages
    // left the track" did so, to something.
    (!/^(?:fled|left|arrived|crossed|died|gathered)$/.test(passive[2]) ||
      (passive[2] === "left" && /\b(?:were|was|are|is|being|been)\b/u.test(passive[0])) ||
      (/^(?:left|crossed)$/.test(passive[2]) &&
        !/\b(?:have|has|had)\b/u.test(passive[0]) &&
        objectAfter.test(after.slice(passive[0].length))))
  ) {
    // "Two aides were given sentences", "300 refugees were granted asylum": what they were given.
    const given = /^(?:given|granted|awarded|offered|handed|denied|refused|sent|shown)$/.test(passive[2])
      ? /^\s+((?:\p{Ll}+\s+)?\p{Ll}+s|asylum|bail|permission|help|treatment|compensation)(?=\s*[.,;]|\s+(?:of|for|in|on|at|after|by)\b)/u.exec(
          after.slice(passive[0].length)
        )
      : null;
    if (given && /\b(?:were|was|are|is|been)\b/u.test(passive[0])) return `${unit} ${passive[2]} ${given[1]}`;
    // "9,000 members voted for the walkout", "4,000 migrants applied for asylum": who did what, for what.
    if (
      /^(?:voted|applied|marched|protested|campaigned)$/.test(passive[2]) &&
      !/\b(?:were|was|are|is|being|been)\b/u.test(passive[0])
    ) {
      const rest = after.slice(passive[0].length);
      // ("voted to hold": what they voted to do.)
      const aim = /^\s+(for|against|to)\s+((?:the|a|an)\s+)?/u.exec(rest);
      const what = aim ? phraseAt(rest.slice(aim[0].length), aim[1] === "to" ? 2 : 3) : "";
      return `${unit} ${who(unit)} ${passive[2]}${what ? ` ${aim![1]} ${aim![2] ?? ""}${what}` : ""}`;
    }
    // "210 firefighters remained on the lines", "20 families stayed behind": who did so.
    if (/^(?:remained|stayed)$/.test(passive[2]) && !/\b(?:were|was|are|is|being|been)\b/u.test(passive[0]))
      return `${unit} ${who(unit)} ${passive[2]}${passive[3] ?? ""}`;
    // "12,500 passengers signed a petition", "312,000 students received results": a verb with an
    // object is no participle, but what they did.
    const object =
      objectAfter.exec(after.slice(passive[0].length)) ??
      /^\s+(\p{Ll}[\p{Ll}'’-]*s)(?=\s*[.,;]|\s+(?:in|on|at|for|from|after|before|during)\b)/u.exec(
        after.slice(passive[0].length)
      );
    // ("24 boats had made the crossing": so in the perfect, which is no passive.)
    if (object && !/\b(?:were|was|are|is|being|been|be)\b/u.test(passive[0]) && !passive[3])
      return `${unit} ${who(unit)} ${passive[2]} ${object[1]}`;
    // … "4,500 homes lost power", "300 firms won contracts": so with a verb that always takes one.
    const objectTaken =
      /^(?:lost|gained|won|received|needed|lacked)$/.test(passive[2]) &&
      !/\b(?:were|was|are|is|being|been)\b/u.test(passive[0])
        ? phraseAt(after.slice(passive[0].length), 2)
        : "";
    if (objectTaken && !/ly$|^(?:overnight|again|everything|all)$/u.test(objectTaken))
      return `${unit} ${who(unit)} ${passive[2]} ${objectTaken}`;
    // "9.4 million people aged 16 to 64 were inactive": the people of that age.
    const age =
      passive[2] === "aged"
        ? /^\s+(?:(?:under|over)\s+)?\d+(?:\s*(?:to|-|–|and)\s*\d+)?(?:\s+(?:months|weeks|years))?(?:\s+(?:and|or)\s+(?:over|older|above|under|younger))?/u.exec(
            after.slice(passive[0].length)
          )
        : null;
    if (age) return `${unit} aged ${age[0].trim()}`;
    // "300 residents were left without power": the state they were left in.
    const leftWithout = passive[2] === "left" ? /^\s+without\s+(.*)/u.exec(after.slice(passive[0].length)) : null;
    const lacking = leftWithout ? phraseAt(leftWithout[1], 2) : "";
    if (lacking) return `${unit} without ${lacking}`;
    return `${unit} ${passive[1] ?? ""}${passive[2]}${passive[3] ?? ""}${toWhatEnd(after.slice(passive[0].length), passive[2])}`;
  }
  // "4.3 million people will need humanitarian assistance": those in need, of what.
  const needing = new RegExp(
    String.raw`^\s+(?:(?:across|throughout|around)\s+the\s+(?:country|region|world|city)\s+|nationwide\s+|worldwide\s+)?${aux}(?:(?:will|would|may|could)\s+)?(?:need|needs|needed|require|required)\s+(?!to\b)(.*)`,
    "u"
  ).exec(after);
  const needed = unit && needing ? phraseAt(needing[1].replace(/^(?:urgent|immediate)\s+/u, ""), 3) : "";
  if (needed) return `${unit} needing ${needed}`;
  // "400 million people rely on grain shipped through it", "3 million live below the poverty line": who do so.
  const living =
    /^\s+(?:still\s+)?(rely|relies|depend|depends|live|lives|work|works)\s+(on|in|below|for|at)\s+((?:the|a|an)\s+)?/u.exec(
      after
    );
  const livedOn = unit && living ? phraseAt(after.slice(living[0].length), 3) : "";
  if (livedOn) return `${unit} ${who(unit)} ${living![1]} ${living![2]} ${living![3] ?? ""}${livedOn}`;
  // "6.1 million households are in fuel poverty", "12,000 farms were at risk of closing": where they are.
  const where =
    /^\s+(?:are|were|is|was|remain|remains|remained)\s+(?:still\s+|now\s+)?(in|at|on)\s+(?!(?:the\s+)?(?:same|first|last|end|start|time|moment)\b)/u.exec(
      after
    );
  const place = unit && where ? phraseAt(after.slice(where[0].length), 4) : "";
  if (place) return `${unit} ${where![1]} ${place}`;
  // "left 80,000 homes without electricity": the homes without it.
  // … or "42,000 households were still without power".
  // ("7,900 homes had no drinking water": so too.)
  const without = new RegExp(
    String.raw`^\s+(?:${aux}(?:still\s+)?without|(?:had|have|has|still\s+had)\s+no)\s+(.*)`,
    "u"
  ).exec(after);
  const lacking = unit && without ? phraseAt(without[1], 2) : "";
  if (lacking) return `${unit} without ${lacking}`;
  // "…, damaging some 900 buildings", "affecting about 400,000 pupils": what the clause did to them.
  const doing = verbBeforeNumber.exec(before)?.[1] ?? "";
  if (unit && /^(?:damag|destroy|kill|injur|wound|affect|displac|strand|trapp|flood|forc|evacuat)ing$/.test(doing))
    return `${unit} ${doing.slice(0, -3)}ed`;
  // "The firm employs 11,000 people", "the network serves 4.5 million customers": those so served.
  const present = /^(employ|serve|house|host|shelter|kill)s$/.exec(doing);
  if (unit && present) return `${unit} ${present[1]}${present[1].endsWith("e") ? "d" : "ed"}`;
  // "has killed 2,000 civilians", "evacuated 300 people"
  const verbBefore = verbBeforeNumber.exec(before);
  // "will close nine of its 24 libraries", "plans to hire 500 staff": what will be done to them.
  // ("is recalling about 310,000 vehicles", "closing 40 branches": the same, as it is being done.)
  const base = verbBefore?.[1].endsWith("ing")
    ? [verbBefore[1].slice(0, -3), `${verbBefore[1].slice(0, -3)}e`].find((b) => Object.hasOwn(baseParticiples, b))
    : verbBefore?.[1];
  const willBe = base && Object.hasOwn(baseParticiples, base) ? baseParticiples[base] : "";
  if (unit && willBe) return `${unit} ${willBe}`;
  if (
    unit &&
    verbBefore &&
    isParticiple(verbBefore[1]) &&
    // ("6.5 million displaced people" is a state; "floods have displaced 1.5 million people" did it.)
    (!statusWords.has(verbBefore[1]) || /\b(?:has|have|had)\s+\p{Ll}+\s+$/u.test(before)) &&
    // "Output reached 12 terawatt hours": a quantity is a level the subject reached, not what was done to it.
    !(
      quantityNouns.has(unit.toLowerCase()) &&
      /^(?:reached|topped|passed|exceeded|surpassed|totalled|totaled|averaged|numbered)$/.test(verbBefore[1])
    ) &&
    !showWords.has(verbBefore[1])
  ) {
    // "has burned 12,000 hectares of forest": the quantity of what.
    const of = quantityNouns.has(unit.toLowerCase()) ? /^\s+of\s+(.*)/u.exec(after) : null;
    const what = of ? phraseAt(of[1], 3) : "";
    if (what) return `${unit} of ${what} ${verbBefore[1]}`;
    // "caused about 3.5 million card payments to fail": what they were made to do.
    const made = /^(?:caused|forced|allowed|prompted|led)$/.test(verbBefore[1])
      ? /^\s+to\s+(\p{Ll}+)\b/u.exec(after)
      : null;
    if (made && !stop.has(made[1])) return `${unit} ${verbBefore[1]} to ${made[1]}`;
    // "forced about 30,000 people from their homes": from where.
    const from = /^(?:forced|driven|evicted|evacuated|moved|displaced|removed)$/.test(verbBefore[1])
      ? /^\s+from\s+((?:their|its|the|his|her)\s+)(\p{Ll}[\p{L}'’-]*)/u.exec(after)
      : null;
    return from && !stop.has(from[2])
      ? `${unit} ${verbBefore[1]} from ${from[1]}${from[2]}`
      : `${unit} ${verbBefore[1]}`;
  }
  // "800,000 Ukrainians have become refugees", "are now refugees"
  const become = new RegExp(String.raw`^\s+${aux}(?:become|became|becoming)\s+(.*)`, "u").exec(after);
  if (become) {
    const noun = phraseAt(become[1], 3);
    if (noun) return noun;
  }
  // "15,000 Russian soldiers are approaching the city", "… were waiting to cross", "… waiting at the border"
  const progressive =
    /^\s+(?:are|is|were|was|(?:have|has|had)\s+been)\s+(?:(?:now|still|already)\s+)?(\p{Ll}+ing)\b(.*)/u.exec(after);
  if (unit && progressive) {
    const object =
      /^\s+((?:to|for|at|in|on|from|into|near|outside|across)\s+)?((?:the|a|an)\s+)?([\p{L}'’-]+)(?:\s+[\p{Lu}][\p{L}'’-]*)*/u.exec(
        progressive[2]
      );
    // A bare word in lower case is no object: "working long shifts" says how, not where or what.
    const bare = object && !object[1] && !object[2] && /^\p{Ll}/u.test(object[3]);
    const named = object && !bare && !stop.has(object[3].toLowerCase()) ? object[0].trim() : "";
    return [unit, progressive[1], named].filter(Boolean).join(" ");
  }
  // "1 million people have fled Ukraine": the people who did it.
  const active = new RegExp(
    String.raw`^\s+((?:have|has|had)\s+)?(?:now\s+|already\s+)?(\p{Ll}+ed|fled|left|died|crossed|quit)\b(.*)`,
    "u"
  ).exec(after);
  // … and "1,600 nurses have quit", "40 doctors resigned": verbs only people do.
  const people =
    /^(?:people|persons|individuals|others|residents|citizens|civilians)$/i.test(unit) ||
    /^(?:quit|resigned|emigrated|deserted|defected|died)$/.test(active?.[2] ?? "");
  if (unit && active && people) {
    const object = /^\s+((?:the|a|an)\s+)?[\p{Lu}\p{Ll}][\p{L}'’-]*/u.exec(active[3]);
    const obj = object && !stop.has(object[0].trim().toLowerCase()) ? ` ${object[0].trim()}` : "";
    return `${unit} ${who(unit)} ${active[1] ?? ""}${active[2]}${obj}`.replace(/\s+/g, " ");
  }
  // "12.6 million people currently receive the state pension": what they do now, and to what.
  const doesNow = unit
    ? /^\s+(?:(?:currently|now|still|already)\s+)?(receive|claim|use|need|own|lack|face|earn|rent|owe|attend)\b/u.exec(
        after
      )
    : null;
  const doneTo = doesNow ? objectAfter.exec(after.slice(doesNow[0].length)) : null;
  if (doesNow && doneTo) return `${unit} ${who(unit)} ${doesNow[1]} ${doneTo[1]}`;
  // "The government's support has fallen five points since June": a change in the subject, in points;
  const pointsChange = /^points?$/i.test(unit) ? changeBefore.exec(before) : null;
  const pointsOf = pointsChange ? lowerCase(subjectHead(pointsChange[1])) : "";
  if (pointsOf) return `change in ${pointsOf}`;
  // … and the level it reached: "the index fell 1.3 per cent to 7,420 points", "closed at 7,420 points".
  const pointsLevel = /^points?$/i.test(unit)
    ? /(.*?)\s+(?:(?:has|have|had)\s+)?(?:rose|risen|climbed|jumped|gained|fell|fallen|dropped|declined|slipped|lost|closed|ended|finished|opened|stood)\s+(?:(?:[^,;]|,(?=\d)){1,30}?\s+)?(?:to|at)\s+$/u.exec(
        before
      )
    : null;
  const pointsAt = pointsLevel ? lowerCase(subjectHead(pointsLevel[1])) : "";
  if (pointsAt) return pointsAt;
  // "2,500 tonnes of medical supplies", "40,000 litres of fuel were delivered": the quantity of what.
  const quantityOf = /^\s+of\s+(.*)/u.exec(after);
  if (unit && quantityNouns.has(unit.toLowerCase()) && quantityOf) {
    const what = phraseAt(quantityOf[1], 3);
    if (what) return `${unit} of ${what}`;
  }
  // "Grain exports fell to 1.2 million tonnes": a quantity is of its sentence's subject, when it has one.
  const quantity = unit !== "" && quantityNouns.has(unit.toLowerCase());
  // "Arrivals rose from 20,000 to 35,000", "class sizes have grown from 23 to 26 pupils": both their level.
  const fromTo = !quantity ? levelFromTo(before) : "";
  if (fromTo) return fromTo;
  if (unit && !quantity) return unit;
  // "The number of internally displaced people stood at 6.5 million", "put the number of evacuees at 9,000",
  // "the number of people sleeping rough rose by 26 percent to 3,069"
  const linking =
    /(?:^|[\s,])(?:the\s+)?(?:(?:total\s+)?number|total|tally|count|figure)\s+of\s+(.+?)\s+(?:(?:has|have|had)\s+)?(?:stood at|stands at|rose to|risen to|climbed to|reached|hit|passed|topped|was|is|jumped to|increased to|(?:more than )?(?:doubled|tripled)(?:\s+[^,;\d]{1,30}?)?,?\s+to|grown to|grew to|fell to|fallen to|dropped to|declined to|(?:rose|risen|climbed|jumped|increased|grew|grown|fell|fallen|dropped|declined)\s+by\s+(?:[^,;]|,(?=\d)){1,30}?\s+to|at)\s+$/iu.exec(
      before
    );
  if (linking && !quantity) return phraseAt(linking[1], 5, false);
  // "Jobless claims rose by 14,000 to 231,000": the 14,000 a change in them, the 231,000 their level.
  const changedBy =
    /(.*?)\s+(?:(?:has|have|had)\s+)?(?:rose|risen|climbed|jumped|increased|grew|grown|fell|fallen|dropped|declined)(?:\s+(?:for|in|over)\s+[^,;]{1,40},)?\s+by\s+(?:(?:another|a further)\s+)?$/u.exec(
      before
    );
  const numberOf = changedBy ? /\bnumber\s+of\s+(.+)$/iu.exec(changedBy[1]) : null;
  const changedSubject =
    changedBy && !quantity ? lowerCase(numberOf ? phraseAt(numberOf[1], 5, false) : subjectHead(changedBy[1])) : "";
  if (changedSubject) return `change in ${changedSubject}`;
  const subject =
    /(.*?)\s+(?:(?:has|have|had)\s+)?(?:(?:rose|risen|rises|climbed|reached|hit|passed|topped|averaged|totalled|totaled|numbered|stood at|stands at|stood|peaked at|was|is|jumped|increased|fell|dropped)\s+(?:to\s+|at\s+)?|(?:slowed|eased|dipped|swelled|grew|grown|surged|soared|declined|fallen|doubled|tripled|slumped|plunged)\s+to\s+|(?:rose|risen|climbed|jumped|increased|grew|grown|fell|fallen|dropped|declined)(?:\s+(?:for|in|over)\s+[^,;]{1,40},)?\s+by\s+(?:[^,;]|,(?=\d)){1,30}?\s+to\s+|(?:will|would|could|(?:is|are)\s+(?:set|expected|due)\s+to)\s+(?:rise|fall|climb|increase|drop|grow)\s+to\s+)(?:\p{Ll}+\s+){0,2}$/u.exec(
      before
    );
  const named = subject ? lowerCase(subjectHead(subject[1])) : "";
  if (quantity) return named ? `${unit} of ${named}` : unit;
  return named;
}

/** Verbs in the present that a share's noun phrase may take in: "(of homes) lack heating". */
const presentVerbs = new Set(
  "face faces lack lacks have has live lives own owns use uses want wants need needs say says support supports oppose opposes back backs".split(
    " "
  )
);

/**
 * What a share of `noun` did, from the words after it (`rest`): "of homes were damaged" → "homes
 * damaged", "of voters support the plan" → "voters who support the plan"; `noun` alone when they say
 * nothing of the kind ("of homes in the region").
 */
function shareDid(noun: string, rest: string): string {
  // "70 percent of the pollution comes from vehicles": from where (the noun phrase may have taken the verb).
  const from = /^(.*?)\s+(?:comes?|came|is|are|was|were)\s+from\s+(?:the\s+)?/u.exec(`${noun}${rest}`);
  const where = from ? phraseAt(`${noun}${rest}`.slice(from[0].length), 3) : "";
  if (from && where) return `${from[1]} from ${where}`;
  // "41 percent of voters support the plan": a verb in the present, read as the noun's last word.
  const words = noun.split(" ");
  // … or a verb with "to" after it: "40 percent of firms plan to cut staff".
  const object =
    words.length > 1
      ? (objectAfter.exec(rest) ?? /^\s+(to\s+\p{Ll}+(?:\s+(?:a|an|the)\s+\p{Ll}+|\s+\p{Ll}+)?)/u.exec(rest))
      : null;
  if (object && !isParticiple(words.at(-1)!) && !stop.has(words.at(-1)!))
    return `${words.slice(0, -1).join(" ")} ${who(words.slice(0, -1).join(" "))} ${words.at(-1)} ${object[1]}`;
  // … or inside the noun phrase, with a bare object: "of the population faces crisis levels", "of
  // homes lack heating".
  const verbAt = words.findIndex((w, i) => i > 0 && presentVerbs.has(w));
  if (verbAt > 0) {
    const subject = words.slice(0, verbAt).join(" ");
    return `${subject} ${who(subject)} ${words.slice(verbAt).join(" ")}`;
  }
  // "of the village's residents have been evacuated", "of voters backed the plan": what was done to
  // them, or what they did to something (a count's rules).
  const did = countMeasure(noun, "", rest);
  return /^\s+(?:have|has|had|were|was|are|is)\b/u.test(rest) || did.startsWith(`${noun} ${who(noun)} `)
    ? did || noun
    : noun;
}

/**
 * A change in the figure before it: "612,000 registered voters, up 3 percent", "£1.4 billion, 8 percent
 * less than last year", "6,200 burglaries, a fall of 9 percent", "will cost £5,640, up £248". "" otherwise.
 */
function changeInFigureBefore(before: string, after: string): string {
  const lessThan =
    /^\s+(?:less|more|lower|higher|fewer)\s+than\b/u.test(after) && /,\s+(?:\p{Ll}+\s+){0,2}$/u.test(before);
  const aChange =
    /[,(]\s*an?\s+(?:fall|rise|drop|increase|decrease|decline|jump|gain|cut)\s+of\s+(?:\p{Ll}+\s+){0,2}$/u.test(before);
  if (!lessThan && !aChange && !/,\s+(?:up|down)\s+(?:by\s+)?(?:\p{Ll}+\s+){0,2}$/u.test(before)) return "";
  const figure = findNumbers(before).findLast((r) => r.kind === "count" || r.kind === "money");
  const measure = figure ? measureIn(before, figure.start, figure) : "";
  return measure && `change in ${lowerCase(measure)}`;
}

/** Nouns of a change: "a rise of 4 per cent", "a £150 cut". */
const changeNouns = "rise|increase|jump|fall|drop|decline|cut|reduction";

/**
 * A change named by a noun, and what it is in: "a 35 percent rise in emergency admissions", "a rise of
 * 4 per cent in rents", "a fall of 12,000 in the number of vacancies", "an average reduction of £6 on
 * their bills" (not "on the year", which says when).
 */
function changeOfIn(before: string, after: string): string {
  const riseOf = new RegExp(String.raw`\b(average\s+)?(?:${changeNouns})\s+of\s+(?:\p{Ll}+\s+){0,2}$`, "u").exec(
    before
  );
  const riseIn = (
    riseOf
      ? /^\s+(?:in|on)\s+(?!(?:the\s+|a\s+)?(?:previous\s+|same\s+)?(?:year|month|quarter|week|day|period)\b)(?:the\s+|its\s+|their\s+)?(.*)/u
      : new RegExp(String.raw`^\s+(?:${changeNouns})\s+in\s+(?:the\s+)?(.*)`, "u")
  ).exec(after);
  const changeIn = riseIn ? phraseOf(riseIn[1]) : "";
  return changeIn && `${riseOf?.[1] ? "average " : ""}change in ${changeIn}`;
}

/** A name on a share, as a poll puts it: "(The Greens were) on", "(, and the Liberals) on". */
const pollShare =
  /(?:^\s*|[,;]\s*|\band\s+)((?:[Tt]he\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})\s+(?:(?:was|were|is|are|stands|stand|stood|remained|remains)\s+)?on\s+$/u;

/** The measure of a percentage: "share of homes" ("3 per cent of homes"), or its subject ("inflation"). */
function percentMeasure(before: string, after: string): string {
  // "reported shelves 40 percent empty": what is so much so, right before it.
  const stated = stateWords.exec(/^\s+(\p{Ll}+)/u.exec(after)?.[1] ?? "");
  const statedOf = stated ? /(?:^|\s)(\p{Ll}+s)\s+$/u.exec(before) : null;
  if (statedOf && !stop.has(statedOf[1])) return `${statedOf[1]} ${stated![0]}`;
  // "In the capital, the share was lower, at 19%": the subject's level.
  // ("Public debt stood at 58 per cent of GDP" is a share, below.)
  const atLevel = /^\s+of\b/u.test(after)
    ? null
    : /(?:^|[,;]\s*)([^,;]+?)\s+(?:was|were|is|are|stood|remained)(?:\s+\p{Ll}+){0,2},?\s+at\s+$/u.exec(before);
  const levelled = atLevel ? lowerCase(subjectHead(atLevel[1])) : "";
  if (levelled) return levelled;
  // "The Greens were on 12 per cent and the Liberals on 9 per cent": a party's support in a poll.
  const polled = pollShare.exec(before);
  if (polled) return `support for ${polled[1].replace(/^The\s/u, "the ")}`;
  // "received pay rises worth 28.9 per cent": what is worth it.
  const worth = /(?:^|\s)((?:\p{Ll}+\s+)?\p{Ll}+)\s+worth\s+(?:a\s+total\s+of\s+)?$/u.exec(before);
  if (worth && !worth[1].split(" ").some((w) => stop.has(w))) return worth[1];
  const fromTo = levelFromTo(before);
  if (fromTo) return fromTo;
  // "Economists had expected unemployment to stay at 4.3%": what was expected to be so.
  const expected = expectedMeasure(before);
  if (expected) return expected;
  // "to 2.1 per cent from 3.4 per cent", "rose 2% to 9.1%", "dropped by 11 basis points to 5.03 per
  // cent": the second figure is of what the first is, and after a change, a level.
  // … with the first figure's time between: "to 7.1 percent in February from 8.2 percent".
  before = before.replace(
    /\s(?:(?:to|from|by)\s+)?[\d.,]+(?:\s*%|\s+per\s*cent|\s+percent|\s+(?:basis|percentage)\s+points?)(?:\s+(?:in|on|at|last|this)\s+\p{L}+)?\s+(?:from|to)\s+$/u,
    " to "
  );
  const of = /^\s+of\s+(?:the\s+|its\s+|their\s+)?(.*)/u.exec(after);
  // ("Women and children make up 78% of them": of what "them" stands for, which the sentence does not say.)
  if (of && /^(?:them|it|these|those)\s*(?:[,.;]|$)/u.test(of[1])) return "";
  if (of) {
    // "70 percent of the town's 12,000 residents": of the residents, whatever their number.
    // "cancelled 4.6 percent of services": the share of them so done.
    const verb = verbBeforeNumber.exec(before);
    const done =
      verb && isParticiple(verb[1]) && !showWords.has(verb[1]) && !statusWords.has(verb[1]) ? ` ${verb[1]}` : "";
    const whole = of[1].replace(
      /^((?:[\p{L}-]+\s+){0,2}[\p{L}-]+['’]s?\s+)?(?!(?:19|20)\d\d\s+(?:level|levels|peak|total|figure|average)\b)[\d.,]+(?:\s+(?:million|billion))?\s+/u,
      "$1"
    );
    // ("of its 2019 level", "of the 2008 peak": the year says which.)
    const year = /^((?:19|20)\d\d)\s+(level|levels|peak|total|figure|average)\b/u.exec(whole);
    const noun = year ? `${year[1]} ${year[2]}` : phraseAt(whole, 4);
    // "The deficit narrowed to 3.1 percent of GDP", "household debt stands at 240 percent of
    // disposable income": the subject, as a share of the whole.
    const level =
      /^(.*?)\s+(?:(?:has|have|had)\s+)?(?:(?:rose|risen|fell|fallen|narrowed|widened|eased|grew|grown|climbed|dropped|shrank|swelled|increased|declined|jumped|recovered|returned)(?:\s+back)?\s+to|made\s+up|makes?\s+up|accounted\s+for|accounts?\s+for|(?:is|are)\s+(?:forecast|expected|projected)\s+to\s+\p{Ll}+\s+to|stands at|stood at|reached|hit)\s+(?:\p{Ll}+\s+){0,2}$/u.exec(
        before
      );
    // (Not a subject with a number of its own, in its clause: "People over 65 made up 88 per cent".)
    const subject = level && !/\d/.test(level[1].split(/[,;]/).pop()!) ? lowerCase(subjectHead(level[1])) : "";
    if (noun && subject) return `${subject} as share of ${noun}`;
    if (noun)
      return done
        ? `share of ${noun}${done}`
        : `share of ${shareDid(noun, whole.slice(whole.indexOf(noun) + noun.length))}`;
  }
  // "1.2 million refugees, of whom 60 percent are women and children": a share of that count's noun.
  // … "1.1 million vehicles, of which 18 percent were fully electric": of things, "that are".
  const ofWhich = /\bof\s+(whom|them|those|which)\s+(?:\p{Ll}+\s+){0,1}$/u.exec(before);
  if (ofWhich) {
    const whole = findNumbers(before).findLast((r) => r.kind === "count" && r.unit !== "");
    const are = /^\s+(?:are|were|is|was)\s+(.*)/u.exec(after);
    const who = are ? phraseAt(are[1], 4, true, true) : "";
    if (whole) return `share of ${whole.unit}${who ? ` ${ofWhich[1] === "which" ? "that" : "who"} are ${who}` : ""}`;
    // ("a budget of £1.04 billion, of which 61% goes on social care": a share of the sum, and on what.)
    const sum = ofWhich[1] === "which" ? findNumbers(before).findLast((r) => r.kind === "money") : undefined;
    const sumOf = sum ? measureIn(before, sum.start, sum) : "";
    const spentOn = /^\s+(?:goes|go|went|is\s+spent|was\s+spent|are\s+spent)\s+(?:on|to)\s+(.*)/u.exec(after);
    const onWhat = spentOn ? phraseAt(spentOn[1], 5, true, true) : "";
    if (sumOf) return `share of ${sumOf}${onWhat ? ` spent on ${onWhat}` : ""}`;
  }
  const changeInBefore = changeInFigureBefore(before, after);
  if (changeInBefore) return changeInBefore;
  const made = changeMadeTo(before);
  if (made) return made;
  // "rose 7 per cent", "fell by nearly 3%": a change; "rose to 7.2%" is a level (below).
  // ("Renewables made up 40% last year": a share of a whole the sentence does not name, not a rise.)
  if (/\s(?:make|makes|made|making)\s+up\s+(?:(?:about|some|nearly|almost|around|just|over|under)\s+)?$/u.test(before))
    return "";
  const change = changeBefore.exec(before);
  if (change) {
    // ("The index closed down 2.4%": the index, whose close it was; "Exports picked up 3%": exports.)
    const subject = subjectHead(
      change[1].replace(
        /\s+(?:closed|ended|finished|opened|settled|traded|was|were|is|are|picked|went|shot|crept|edged|ticked|moved|gone)$/u,
        ""
      )
    );
    if (subject) return `change in ${lowerCase(subject)}`;
  }
  // "were 31 per cent less likely to develop heart disease": a change in the likelihood of it.
  const likely = /^\s+(?:less|more)\s+likely\s+to\s+(.*)/u.exec(after);
  const likelyTo = likely ? phraseAt(likely[1], 4) : "";
  if (likelyTo) return `change in likelihood to ${likelyTo}`;
  // "a 4 per cent lower risk", "a 10 per cent higher chance": a change in what is lower or higher.
  const lowerWhat = /[aA]n?\s+$/u.test(before)
    ? /^\s+(?:lower|higher|greater|smaller|bigger|larger)\s+(\p{Ll}+)\b/u.exec(after)
    : null;
  if (lowerWhat && !stop.has(lowerWhat[1])) return `change in ${lowerWhat[1]}`;
  // "Prices were 7 percent higher than a year earlier": a change, in what was so much higher.
  const compared = /^\s+(?:higher|lower|more|less|fewer|above|below|up|down|cheaper|dearer)\b/u.test(after)
    ? /(.*?)\s+(?:was|were|is|are|(?:has|have|had) been|stood|stands|ran|runs)\s+(?:\p{Ll}+\s+){0,2}$/u.exec(before)
    : null;
  const comparedSubject = compared ? subjectHead(compared[1]) : "";
  if (comparedSubject) return `change in ${lowerCase(comparedSubject)}`;
  // "Some 38 per cent said the cost of living mattered most", "41 per cent backed the plan": the share
  // of those asked who said or did so.
  // (What they said is a clause of its own, kept whole when short: "said the cost of living was the most
  // important issue".)
  const answered =
    before.trim() === "" || /^\s*(?:in|among|of)\s[^,;]*,\s*$/iu.test(before)
      ? /^\s+(said|say|says|told|backed|supported|opposed|agreed|disagreed|wanted|favoured|favored|approved|disapproved)\b\s*(?:that\s+)?(.*)/u.exec(
          after
        )
      : null;
  if (answered) {
    const said = /^(?:said|say|says|told)$/.test(answered[1]);
    const clause = /^[^,.;:!?]*/u.exec(answered[2])![0].trim();
    const what = said ? (clause.split(/\s+/).length <= 10 ? clause : "") : phraseAt(answered[2], 4);
    return `share who ${answered[1]}${what ? ` ${what}` : ""}`;
  }
  // "Polls put support at 41 percent": what was put at it.
  const put = /\b(?:put|puts|putting)\s+(?:the\s+|its\s+|their\s+)?(.+?)\s+at\s+(?:\p{Ll}+\s+){0,2}$/u.exec(before);
  const putAt = put ? lowerCase(subjectHead(put[1])) : "";
  // "Polls had put the party at around 27 percent": the party's support.
  if (
    putAt &&
    /\b(?:polls?|surveys?|pollsters?)\b/iu.test(before) &&
    !/\b(?:support|approval|backing|rating|share|lead)\b/u.test(putAt)
  )
    return `support for ${putAt}`;
  if (putAt) return putAt;
  // "The bank cut its growth forecast to 2.1 per cent", "doubled its share to 12 percent": what was cut, or doubled;
  // "kept its main interest rate at 4.5 percent", "left its key rate unchanged at 0.5%": what was kept (before
  // "at" reads as a level of the subject).
  const revised = revisedObject.exec(before);
  if (revised) return lowerCase(phraseAt(revised[1], 4));
  const level =
    /(.*?)\s+(?:(?:has|have|had)\s+)?(?:reached|hit|averaged|stood at|stands at|(?:remained|remains|stayed|stays|held|holds)(?:\s+(?:high|low|steady|stable|unchanged|flat|firm))?(?:\s+at)?|was|is|were|are|(?:rose|fell|eased|slowed|climbed|dropped|jumped|declined|slipped|accelerated|quickened|narrowed|widened|edged up|edged down|ticked up|ticked down)\s+to|at)\s+(?:(?!(?:and|but|or)\s)\p{Ll}+\s+){0,2}$/u.exec(
      before
    );
  // ("The union is seeking a 77 percent pay rise", "is seeking 9%": "is" there makes a verb, not a level.)
  if (level && !/^\s+(?:was|is|were|are)\s+\p{Ll}+ing\s+(?:(?:a|an)\s+)?$/u.test(before.slice(level[1].length))) {
    // "The appeal is only 12 percent funded", "the vaccine was 91 percent effective": what is so much done, or so.
    const done = /^\s+(\p{Ll}+)\b/u.exec(after);
    const subject = lowerCase(subjectHead(level[1]));
    const state = done && (isEdWord(done[1]) || participles.has(done[1]) || stateWords.test(done[1]));
    return state && subject ? `${subject} ${done![1]}` : subject;
  }
  const changeIn = changeOfIn(before, after);
  if (changeIn) return changeIn;
  // "a 5 percent pay rise": the noun it qualifies; "the planned fare rise of 4.8 percent": the noun it is of.
  const noun = /^\s+(\p{Ll}+)/u.exec(after);
  const modifier = noun && /(?:ly|er)$|^(?:up|down|above|below|year|month|week|day)$/u.test(noun[1]);
  if (noun && !modifier && !stop.has(noun[1]) && !isParticiple(noun[1]) && !pastTense.has(noun[1]))
    return phraseAt(after, 3);
  const ofIt = /(.*?\p{Ll})\s+of\s+(?:(?:about|some|nearly|almost|around|roughly|up to|more than|over)\s+)?$/u.exec(
    before
  );
  const named = ofIt ? phraseBefore(ofIt[1], 3) : "";
  if (named) return lowerCase(named);
  return participleSubject(before);
}

/** People a sum goes to ("to the family of each victim", "for refugees"), not what it is for. */
const recipients =
  /^(?:family|families|victims?|survivors?|households?|farmers?|pensioners?|veterans?|refugees?|students?|pupils?|workers?|residents?)$/u;

/** A sum's subject and verb of change before it: "bills will rise by …", "Mortgage payments went up by …". */
const moneyChange = String.raw`(.*?)\s+(?:(?:will|would|could|may|might|has|have|had)\s+)?(?:(?:go|goes|went|gone)\s+(?:up|down)|rise|rises|rose|risen|fall|falls|fell|fallen|increase|increases|increased|drop|drops|dropped|climb|climbs|climbed|jump|jumps|jumped)\s+`;
const moneyChangeBy = new RegExp(String.raw`${moneyChange}by\s+(?:\p{Ll}+\s+){0,2}$`, "u");
const moneyChangeTo = new RegExp(String.raw`${moneyChange}(?:by\s+)?(?:\p{Ll}+\s+){0,2}$`, "u");

/** The measure of a sum of money: "humanitarian aid" ("€500 million for humanitarian aid"), "credit line" ("a $1.7bn credit line"). */
function moneyMeasure(before: string, after: string): string {
  // "Tickets were priced from $59 to $449", "seats are priced at £45": the price of the subject.
  const priced = /(.*?)\s+(?:(?:were|was|are|is|will\s+be|(?:has|have)\s+been)\s+)?priced\s+(?:(?:at|from)\s+)?$/u.exec(
    before
  );
  const pricedWhat = priced ? lowerCase(subjectHead(priced[1])) : "";
  if (pricedWhat) return `price of ${pricedWhat}`;
  // "after fares were capped at £2", "the fee is fixed at €30": what was so set.
  const set =
    /(?:^|\s)((?:\p{L}\p{Ll}*\s+){0,2}?\p{L}\p{Ll}*)\s+(?:(?:were|was|are|is|will\s+be|(?:has|have)\s+been|(?:will\s+|would\s+)?(?:stay|stays|stayed|remain|remains|remained))\s+)(?:capped|fixed|frozen|set|kept|held)\s+at\s+$/u.exec(
      before
    );
  // ("Fares will remain frozen at £2": a sentence's capital goes.)
  const setWhat = set
    ? set[1].split(" ").filter((w) => !stop.has(w.toLowerCase()) && !pastTense.has(w) && !isEdWord(w))
    : [];
  if (setWhat.length > 0) return lowerCase(setWhat.join(" "));
  // "The fund has roughly $1.2 billion left": the money left in what has it.
  const left = /^\s+(?:left|remaining)\b/u.test(after)
    ? /(.*?)\s+(?:has|have|had)\s+(?:\p{Ll}+\s+)?$/u.exec(before)
    : null;
  const holder = left ? lowerCase(subjectHead(left[1])) : "";
  if (left) return holder && !pronounWho.test(holder) ? `money left in ${holder}` : "";
  // "the €97 million the club paid for a midfielder": money so paid, and for what.
  const paidFor =
    /^\s+(?:that\s+|which\s+)?(?:the\s+|its\s+|their\s+)?(?:(?!(?:will|would|could|should|may|might|must|be|been|being|was|were|is|are)\s)\p{L}+\s+){1,2}?(?:had\s+|has\s+|have\s+)?(paid|spent|received|raised|offered)\s+(for|on)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(\p{Ll}[\p{L}-]*)/u.exec(
      after
    );
  if (paidFor && !stop.has(paidFor[3])) return `money ${paidFor[1]} ${paidFor[2]} ${paidFor[3]}`;
  // "at a cost to employers of £9 billion": the cost to whom.
  const costToWhom =
    /\bcosts?\s+to\s+((?:the\s+)?(?:\p{Ll}+\s+){0,2}?\p{Ll}+)\s+of\s+(?:(?:about|some|around|roughly|nearly|almost|up to|at least|more than|over)\s+)?$/u.exec(
      before
    );
  if (costToWhom && !stop.has(costToWhom[1])) return `cost to ${costToWhom[1]}`;
  // "Borrowing will be £14.6 billion higher than planned": a change, in what is so much higher.
  // ("That is still £420 higher than three years ago": a pronoun names nothing, and the draft asks.)
  const higher = /^\s+(?:higher|lower|more|less|cheaper|dearer)\b/u.test(after)
    ? /(.*?)\s+(?:was|were|is|are|(?:has|have|had|will|would)\s+be(?:en)?)\s+(?:(?:still|now|already|about|some|around|roughly|nearly|almost|just|an\s+estimated)\s+)*$/u.exec(
        before
      )
    : null;
  const higherWhat = higher ? subjectHead(higher[1]) : "";
  if (higher && (!higherWhat || isPronoun(higherWhat))) return "";
  if (higherWhat) return `change in ${lowerCase(higherWhat)}`;
  // "The largest jackpot, $2.04 billion, was won in 2022": the subject it stands beside.
  const beside = /^\s*,/u.test(after)
    ? /^\s*(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+((?:\p{Ll}+\s+){0,2}\p{Ll}+),\s*$/u.exec(before)
    : null;
  if (beside && !beside[1].split(" ").some((w) => stop.has(w))) return beside[1];
  // "Clubs spent a combined £2.9 billion", "spent a total of £1.4 billion": how much it adds up to,
  // not what it is.
  before = before.replace(/(\p{Ll})\s+a\s+(?:combined|total\s+of|collective)\s+$/u, "$1 ");
  // "Visitors spent an average of 1,340 euros": the average of what the words before say.
  const average = /\s+an?\s+average\s+of\s+$/u.exec(before);
  if (average) {
    // ("Visitors spent €17.4 billion, an average of €1,550 each": the average of the sum before it.)
    const sum = /,\s*$/u.test(before.slice(0, average.index))
      ? findNumbers(before).findLast((r) => r.kind === "money")
      : undefined;
    const measure = sum ? measureIn(before, sum.start, sum) : moneyMeasure(`${before.slice(0, average.index)} `, after);
    if (measure) return `average ${measure}`;
  }
  // … and "will pay £1,528 on average".
  const onAverage = /^((?:\s+(?:a|per)\s+\p{Ll}+)?)\s+on\s+average\b/u.exec(after);
  if (onAverage) {
    const measure = moneyMeasure(before, onAverage[1] + after.slice(onAverage[0].length));
    // ("bills will rise by £150 a year on average": a change, as a change is drafted.)
    if (measure) return measure.startsWith("change in ") ? measure : `average ${measure}`;
  }
  const changeIn = changeOfIn(before, after);
  if (changeIn) return changeIn;
  const fromTo = levelFromTo(before);
  if (fromTo) return fromTo;
  const changeInBefore = changeInFigureBefore(before, after);
  if (changeInBefore) return changeInBefore;
  // "cut fuel duty by 5p a litre", "raised parking charges by £2 a day": a change in what was changed.
  const made = changeMadeTo(before);
  if (made) return made;
  // "reported a 25 per cent rise in annual pre-tax profit to £7.5 billion": the level it reached.
  const riseTo = /\b(?:rise|increase|jump|fall|drop|decline)\s+in\s+(?:the\s+|its\s+|their\s+)?(.+?)\s+to\s+$/u.exec(
    before
  );
  const reached = riseTo ? phraseAt(riseTo[1], 4) : "";
  if (reached) return lowerCase(reached);
  // "will raise the minimum wage by 9.8 percent to £11.44 an hour": what was raised.
  const revised = revisedObject.exec(before);
  if (revised) return lowerCase(phraseAt(revised[1], 4));
  // "Rents have risen by a quarter since 2021, to £1,450 a month": the subject's level.
  const level = levelAfterChange.exec(before);
  const leveled = level ? lowerCase(subjectHead(level[1])) : "";
  if (leveled) return leveled;
  // "agreed to buy a smaller rival for £3.6bn": the price of what is bought or sold.
  const bought =
    /\b(?:buy|buys|bought|buying|acquire|acquires|acquired|acquiring|sell|sells|selling)\s+(?:(?:a|an|the|its|their)\s+)?(?:\p{Ll}+\s+){0,2}?(\p{Ll}+)\s+for\s+$/u.exec(
      before
    );
  if (bought && !stop.has(bought[1])) return `price of ${bought[1]}`;
  // "The court fined the company €2.4 million (for …)", "fined three banks a total of $90 million": a fine.
  const fined = /\bfined\s+((?:[^,;\s]+\s+){0,5})$/u.exec(before);
  if (fined && !fined[1].split(/\s+/).some((w) => isEdWord(w) || pastTense.has(w) || /^(?:spent|paid)$/.test(w)))
    return "fine";
  // "Aid agencies say they need $120 million": what is needed.
  if (/\b(?:need|needs|needed|require|requires|required)\s+(?:(?:a further|another|an extra)\s+)?$/u.test(before))
    return "money needed";
  // "$590 million to feed 3.1 million people": what it is to do, and for whom.
  const toDo =
    /^\s+to\s+(\p{Ll}+)\s+(?:(?:about|some|nearly|more than|over|up to)\s+)?\d[\d.,]*(?:\s+(?:million|billion|thousand))?\s+(\p{Ll}+)/u.exec(
      after
    );
  if (toDo && !stop.has(toDo[2])) return `money to ${toDo[1]} ${toDo[2]}`;
  // "set aside £1.2 billion to cover bad loans", "€3m to rebuild the bridge": what it is to do.
  const purposeVerb =
    /^\s+to\s+(help|cover|fund|pay|buy|build|rebuild|repair|support|feed|house|fly|provide|protect|replace|hire|upgrade|ease|meet|tackle|compensate|finance|expand|extend|improve|modernise|modernize|renovate|restore|develop|create|clean)\s+((?:the|its|their|new)\s+)?((?:\p{L}[\p{L}'’-]*\s+){0,2}\p{L}[\p{L}'’-]*)?/u.exec(
      after
    );
  if (purposeVerb) {
    const object = purposeVerb[3] ? phraseAt(purposeVerb[3], 3) : "";
    return `money to ${purposeVerb[1]}${object ? ` ${purposeVerb[2] ?? ""}${object}` : ""}`;
  }
  // "The UN appealed for $400 million", "asked (donors) for €2 billion": money requested (what for, above, if it says).
  if (
    /\b(?:appealed|appeals|appealing|asked|asks|asking|called|calls)\s+(?:(?:donors|governments|countries|parliament|congress)\s+)?for\s+(?:(?:a further|another|an extra)\s+)?$/u.test(
      before
    )
  )
    return "money requested";
  // "must repay €1.7 million to the city": money to pay back, whoever gets it.
  const payBack =
    /\b(?:must|to|will|would|could|may|might|should)\s+(?:also\s+)?(repay|pay back|refund|return|transfer|hand back)\s+(?:(?:a further|another|an extra|more than|up to|about|some|nearly)\s+)?$/u.exec(
      before
    );
  if (payBack) return `money to ${payBack[1]}`;
  // ("cost about $250 million to make": what it costs to do, not to whom.)
  const costTo = /^\s+to\s/u.test(after) && /\bcosts?\s+(?:\p{Ll}+\s+){0,2}$/u.test(before);
  const of = costTo ? null : /^\s+(?:in|of|for|worth of|on|to)\s+(?:the\s+|its\s+|new\s+)?(.*)/u.exec(after);
  // "raised £3.2 million in its first 48 hours", "to £3.10 in January": when, not what for.
  if (
    of &&
    !/^\s+in\s+(?:the\s+|its\s+|their\s+)?(?:first|past|last|next|previous|coming|early|late|(?:year|quarter|\w+\s+(?:months|weeks))\s+to)\b/u.test(
      after
    ) &&
    // "Fares will stay at $2.75 for a single ride": the level of the subject, for whatever it is.
    !(
      /^\s+for\s/u.test(after) &&
      /\b(?:stay|stays|stayed|remain|remains|remained|hold|holds|held|kept|frozen|capped|fixed|set)\s+(?:\p{Ll}+\s+)?at\s+$/u.test(
        before
      )
    ) &&
    // "lost Rs 12,000 crore in a day": in how long, not in what; "worth £1.3 million in return for contracts": why.
    !/^\s+in\s+(?:a|one|a single)\s+(?:day|week|month|year|hour|session|morning|afternoon)\b/u.test(after) &&
    // ("passed £300,000 for the first time": when, not what for.)
    !/^\s+for\s+the\s+(?:first|second|third|last)\s+time\b/u.test(after) &&
    !/^\s+in\s+(?:return|exchange)\s+for\b/u.test(after) &&
    // "a loss of $1.2 billion for the quarter", "revenue of $18 billion in the current quarter": when, not what.
    !/^\s+(?:for|in)\s+(?:the|its|their)\s+(?:\p{Ll}+\s+)?(?:quarter|year|period|half|month|week|season|winter|summer|spring|autumn)\b/u.test(
      after
    ) &&
    // "closed at $12.40 in New York trading", "to 141p in morning trading": where and when it traded.
    !/^\s+in\s+(?:[\p{L}-]+\s+){0,2}trading(?=\s*[.,;]|\s*$)/u.test(after) &&
    !/^\s+(?:in|on)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d)/u.test(
      after
    )
  ) {
    // ("will pay £9 million to 1,800 drivers": to the drivers, whatever their number.)
    const noun = phraseAt(of[1].replace(/^\d[\d,.]*(?:\s+(?:million|billion))?\s+(?=\p{Ll})/u, ""), 4, true, true);
    // "spent $12 million on road repairs", "will invest €500 million in new plants", "raised £62 million for
    // charity", "paid $3,000 for the crossing": money so used, and on what.
    // ("Shops lost an estimated £40 million in sales": the sales lost.)
    if (
      /\b(?:lost|lose|loses|losing)\s+(?:(?:a further|another|an extra|more than|up to|about|some|nearly)\s+)?$/u.test(
        before
      ) &&
      /^\s+in\s/u.test(after) &&
      noun
    )
      return `${noun} lost`;
    const used =
      /\b(?:(to|will|would|could|may|might)\s+)?(spend|spends|spent|spending|invest|invests|invested|investing|raise|raises|raised|raising|pay|pays|paid|paying|lend|lends|lent|lending)(\s+out)?\s+(?:(?:a further|another|an extra|more than|up to|about|some|nearly)\s+)?$/u.exec(
        before
      );
    const base = used
      ? (["spend", "invest", "raise", "pay", "lend"] as const).find((v) => used[2].startsWith(v.slice(0, 2)))!
      : undefined;
    const preposition = base && noun ? /^\s+(on|in|into|for|to)\s/u.exec(after)?.[1] : undefined;
    // (Money is raised or paid for something, spent or invested on or in it, and lent to someone.)
    // (… and paid to someone too: "paid £9 million to drivers".)
    const fits =
      base === "lend"
        ? preposition === "to"
        : base === "pay"
          ? preposition === "for" || preposition === "to"
          : preposition !== "to" && (base === "raise") === (preposition === "for");
    // "400,000 rupees to the family of each victim", "£2 million for refugees": money to whom.
    const each = /^\s+of\s+(?:each|every)\s+\p{Ll}+/u.exec(of[1].slice(of[1].indexOf(noun) + noun.length))?.[0] ?? "";
    // ("will pay £9 million to drivers": money to them, not "money to pay to drivers".)
    if (preposition && fits && base === "pay" && preposition === "to")
      return `money ${used![1] ? "" : "paid "}to ${noun}${each}`;
    if (preposition && fits)
      return `money ${used![1] ? `to ${base}` : {spend: "spent", invest: "invested", raise: "raised", pay: "paid", lend: "lent"}[base!]}${used![3] ?? ""} ${preposition} ${noun}`;
    const to = recipients.test(noun) ? /^\s+(to|for)\s/u.exec(after)?.[1] : undefined;
    if (to) return `money ${to} ${noun}${each}`;
    if (noun) return noun;
  }
  // "€80 million a week", "$112.93 a barrel" are rates: the words after say per what, not what.
  // ("relief worth £700m kept shops open": the value of the relief, below, not what it did.)
  if (
    /^\s*-?\s*\p{Ll}/u.test(after) &&
    !/\sworth\s+(?:(?:about|some|nearly|around|roughly|more than|up to|almost|over)\s+)?$/u.test(before) &&
    !/^\s+(?:a|an|per|each|every)\s/u.test(after) &&
    !/^\s+(?:last|this|next|past|previous)\s/u.test(after) &&
    // "spent £1.4 billion online", "touched $1.239 earlier in the session": how or when, not what.
    !/^\s+(?:\p{Ll}+ly|online|abroad|overseas|overall|altogether|together|instead|back|alone|off|out|up|down|away|more|less|earlier|later|today|yesterday|overnight|previously|then|now)\b/u.test(
      after
    ) &&
    // "to spend £2.4 billion upgrading its network": what it is for, not a noun.
    !/^\s+\p{Ll}+ing\s+(?:its|their|the|a|an|new|his|her|our|\d)/u.test(after)
  ) {
    // "$410 million received out of $1.8 billion requested": money so done.
    // ("earmarked for reconstruction" says what for: the rule for a purpose, below, names it.)
    const done = /^\s+(\p{Ll}+)(\s+(?:for|on)\b)?/u.exec(after);
    if (done && isEdWord(done[1]) && !done[2]) return `money ${done[1]}`;
    const noun = done && isEdWord(done[1]) ? "" : phraseAt(after.replace(/^\s*-/, " "), 3);
    if (noun) return noun;
  }
  // "The merger, valued at $14 billion", "the fund is worth $1.4 trillion": the value of the subject.
  // ("agreed to buy 60 jets in a deal valued at $8.7 billion": of the noun it follows.)
  const dealValued = /(?:^|\s)(?:an?|the|its|their)\s+((?:\p{Ll}+\s+)?\p{Ll}+)\s+valued\s+at\s+$/u.exec(before);
  if (dealValued && !dealValued[1].split(" ").some((w) => stop.has(w) || isEdWord(w) || pastTense.has(w)))
    return `value of ${dealValued[1]}`;
  const valued =
    /(.*?),?\s+(?:which\s+(?:is|was)\s+|is\s+|was\s+)?valued\s+at\s+$/u.exec(before) ??
    /^(.*?)\s+(?:is|was|are|were)\s+(?:now\s+)?worth\s+(?:\p{Ll}+\s+){0,2}$/u.exec(before);
  const worthWhat = valued ? lowerCase(subjectHead(valued[1])) : "";
  if (worthWhat) return `value of ${worthWhat}`;
  // "put the cost of emergency shelters at $4.2 million", "the bill for repairs was €3m"
  const cost =
    /\b(cost|bill|price|value)\s+(of|for)\s+(?:the\s+)?(.+?)\s+(?:at|was|is|came to|rose to|reached)\s+$/u.exec(before);
  if (cost) {
    const noun = phraseAt(cost[3], 3);
    if (noun) return `${cost[1]} ${cost[2]} ${lowerCase(noun)}`;
  }
  const expected = expectedMeasure(before);
  if (expected) return expected;
  // "The drought has cost farmers an estimated €1.1 billion", "the strike is costing the economy
  // $300 million a day": the cost of the subject.
  // … "has cost health systems an estimated $210 million": whom it cost, in a few words.
  const costs =
    /(.*?)\s+(?:(?:has|have|had|will|would|could|may|might)\s+|(?:is|are|was|were)\s+(?=costing))?(?:cost|costs|costing)\s+((?:(?:the|its|their)\s+)?(?:(?!of\s)\p{Ll}+\s+){0,3})$/u.exec(
      before
    );
  const whom = costs ? costs[2].trim().split(/\s+/).filter(Boolean) : [];
  // ("demanding a rise of 10 per cent, which it says would cost …": what "which" stands for.)
  const which = costs
    ? /(?:^|\s)(?:a|an|the|its|their)\s+((?:[\p{Ll}-]+\s+){0,2}?[\p{Ll}-]+)(?:\s+(?:of|in|for)\s+[^,;]*)?,\s*which\s[^,;]*$/u.exec(
        costs[1]
      )
    : null;
  // ("Compensation claims rose to 1.1 million, costing operators": the main clause's subject.)
  // ("The two giant pandas, on loan for ten years, cost the zoo": the subject, past an aside.)
  const aside =
    costs && /^\s+(?:(?:has|have|had|will|would|could|may|might)\s+)?costs?\s/u.test(before.slice(costs[1].length))
      ? /^(.*\p{L})\s*,[^,;]*,\s*$/u.exec(costs[1])
      : null;
  if (aside && subjectHead(aside[1])) return `cost of ${lowerCase(subjectHead(aside[1]))}`;
  const clause = costs && /,\s*$/u.test(costs[1]) ? (costs[1].split(/[,;]/).find((c) => c.trim() !== "") ?? "") : "";
  // (Only a clause that gives a figure: "Production has been halted, costing …" is the halt's cost.)
  const figureVerb = /\s+(?:rose|fell|grew|jumped|climbed|dropped|reached|hit|totalled)\s.*$/su;
  const mainSubject = figureVerb.test(clause) ? subjectHead(clause.replace(figureVerb, "")) : "";
  const costly =
    costs && !whom.some((w, i) => stop.has(w) && i > 0) ? (which?.[1] ?? (mainSubject || subjectHead(costs[1]))) : "";
  if (costly) return `cost of ${lowerCase(costly)}`;
  // "The maker said it will cost about $650 a month": a cost, of what "it" stands for.
  if (costs && !whom.length && /(?:^|\s)(?:it|they|this|that)$/iu.test(costs[1])) return "cost";
  // "The health service has been given £3.3 billion", "the city was awarded €12 million": money so given, to the subject.
  const given =
    /(.*?)\s+(?:(?:has|have|had)\s+been|was|were|is|are|(?:will|would)\s+be)\s+(given|granted|awarded|allocated|promised|pledged|offered|lent)\s+(?:(?:a|an|another|a further|an extra)\s+)?$/u.exec(
      before
    );
  const givenTo = given ? lowerCase(subjectHead(given[1])) : "";
  if (givenTo) return `money ${given![2]} to ${givenTo}`;
  // "the rise will bring in an extra £390 million a year", "the scheme generated £500 million": money it yields.
  const brings =
    /(.*?)\s+(?:(?:will|would|could|may|might|is\s+expected\s+to)\s+)?(bring\s+in|brings\s+in|brought\s+in|generate|generates|generated)\s+(?:(?:an\s+extra|a\s+further|another|an\s+estimated|about|some|nearly)\s+)?$/u.exec(
      before
    );
  const bringer = brings ? lowerCase(subjectHead(brings[1])) : "";
  if (bringer) return `money ${brings![2].startsWith("gen") ? "generated" : "brought in"} by ${bringer}`;
  // "Fast-food workers will earn at least $20 an hour", "a worker would take home $1,040 more": what they earn.
  const earns =
    /^([^\d;]*?)\s+(?:(?:will|would|could|can|may|might)\s+)?(?:earn|earns|earned|earning|take\s+home|takes\s+home|took\s+home)\s+(?:\p{Ll}+\s+){0,2}$/u.exec(
      before
    );
  // … "earns a basic salary of £38,831": that salary, of whom.
  const salary =
    /^([^\d;]*?)\s+(?:(?:will|would|could|can|may|might)\s+)?(?:earn|earns|earned|earning|gets?|receives?)\s+an?\s+((?:(?:basic|average|annual|starting|median|typical|weekly|monthly)\s+)?(?:salary|wage|pay|income))\s+of\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$/u.exec(
      before
    );
  const salaried = salary ? lowerCase(subjectHead(salary[1])) : "";
  if (salaried) return `${salary![2]} of ${salaried}`;
  const earner = earns ? lowerCase(subjectHead(earns[1])) : "";
  if (earner) return /^\s+more\b/u.test(after) ? `change in earnings of ${earner}` : `earnings of ${earner}`;
  // "Health spending gets an extra 3 billion euros": money given to it, as above.
  const gets =
    /^([^\d;]*?)\s+(?:(?:will|would)\s+)?(?:gets|get|receives|receive)\s+(?:(?:a|an|another|a further|an extra)\s+)?$/u.exec(
      before
    );
  const getter = gets ? lowerCase(subjectHead(gets[1])) : "";
  if (getter) return `money given to ${getter}`;
  // "Mortgage payments will go up by about €85", "bills will rise by £150": a change in the subject;
  // … and with no "by" before the level it reached, "bills will rise £150 to £1,800".
  const change = (/^\s+to\s+(?:\p{Sc}|\d)/u.test(after) ? moneyChangeTo : moneyChangeBy).exec(before);
  const changed = change ? subjectHead(change[1]) : "";
  if (changed) return `change in ${lowerCase(changed)}`;
  // "Heating costs rose to €2.3 million", "the fixture budget stands at $40,000", "shares closed at
  // $12.40": the subject.
  const subject =
    /(.*?)\s+(?:(?:has|have|had)\s+)?(?:(?:more than\s+|almost\s+|nearly\s+)?(?:rose|risen|climbed|jumped|increased|grew|grown|fell|fallen|dropped|slipped|slid|dipped|eased|declined|slumped|plunged|surged|soared|tumbled|doubled|tripled|halved|narrowed|widened|shrank|shrunk|swelled|expanded|amounted|came|stood|stands|closed|opened|ended|finished|settled|traded|peaked|hovered)(?:\s+(?:by\s+)?(?:[^,;]|,(?=\d)){1,30}?)?\s+(?:to|at)|(?:(?:will|would|could|may|might)\s+)?(?:stay|stays|stayed|remain|remains|remained|hold|holds|held)(?:\s+(?:unchanged|steady|flat))?\s+at|reached|hit|topped|totalled|totaled|averaged|was|were|is|are|(?:could|would|will|may|might)\s+(?:reach|hit|top|total|exceed|be)|(?:(?:could|would|will|may|might)|(?:is|are)\s+(?:set|expected|due|likely|forecast)\s+to)\s+(?:rise|fall|increase|climb|drop|jump|go\s+(?:up|down))(?:\s+(?:by\s+)?(?:[^,;]|,(?=\d)){1,30}?)?\s+to)\s+(?:an?\s+(?:record|new|all-time|fresh)\s+(?:(?:high|low)\s+of\s+)?)?$/u.exec(
      before
    );
  if (subject) {
    // ("when they peaked at $123": a pronoun names nothing.)
    const noun = subjectHead(subject[1]);
    if (noun && !isPronoun(noun)) return lowerCase(noun);
  }
  // "The cluster's appeal for $46 million", "a request for €2 billion": what asks for it (not "sold for").
  const asked = /(?:^|\s)(?:an?|the|its|their|\p{L}+['’]s)\s+(\p{Ll}+)\s+for\s+(?:\p{Ll}+\s+){0,2}$/u.exec(before);
  if (asked && !isEdWord(asked[1]) && !pastTense.has(asked[1]) && !stop.has(asked[1])) return asked[1];
  // "23 public contracts worth €14 million": the value of contracts; "loans totalling …", "a fine of …": the noun.
  const worth = /(.*?)\s+(worth|totalling|totaling|of|at)\s+(?:\p{Ll}+\s+){0,2}$/u.exec(before);
  // "has received $86 million of the $240 million it appealed for": the whole, as the words after say.
  if (worth?.[2] === "of" && /(?:\d|\b(?:million|billion|trillion|bn|m))$/u.test(worth[1])) {
    const whole =
      /^\s+(?:that\s+|which\s+)?(?:it|they|he|she|we|the\s+\p{Ll}+)\s+(?:had\s+|has\s+|have\s+)?(appealed for|asked for|requested|sought|needed|pledged|promised|budgeted|targeted)\b/u.exec(
        after
      );
    return whole ? `money ${whole[1]}` : "";
  }
  if (worth) {
    // ("a pre-tax profit of €1.3 billion", "a one-off charge of": the kind of it, hyphened, is part of it; a
    // length is not, "a six-year contract worth".)
    const kind = /\s(\p{Ll}+)-(\p{Ll}+)\s+\p{Ll}+$/u.exec(worth[1]);
    const lengthOf =
      kind &&
      /^(?:year|month|week|day|hour|minute)$/u.test(kind[2]) &&
      new RegExp(`^(?:${numberWords})$`, "iu").test(kind[1]);
    const noun = lowerCase(phraseBefore(worth[1], kind && !lengthOf ? 2 : 1));
    // ("when they peaked at $123": a verb, not what is at it; "the fine was set at £5 million": the fine.)
    const verb = worth[2] === "at" && (isEdWord(noun) || pastTense.has(noun) || /^(?:set|put)$/.test(noun));
    const setAt = verb
      ? /(.*?)\s+(?:was|were|is|are|(?:has|have)\s+been)\s+(?:set|put|fixed|capped|pegged)$/u.exec(worth[1])
      : null;
    const subject = setAt ? lowerCase(subjectHead(setAt[1])) : "";
    if (subject) return subject;
    if (noun && !verb) return worth[2] === "worth" ? `value of ${noun}` : noun;
    // "Shipments totalled 412,000 tonnes, worth about €290 million": the value of what the count before counts.
    const counted =
      worth[2] === "worth" && /,\s*$/u.test(worth[1])
        ? findNumbers(worth[1]).findLast((r) => r.kind === "count" && r.unit !== "")
        : undefined;
    const what = counted ? measureIn(worth[1], counted.start, counted).replace(/^\p{L}+\s+of\s+/u, "") : "";
    if (what) return `value of ${what}`;
    // "… half of the country's container imports, worth about $2.1 billion a day": the value of them.
    const goods =
      worth[2] === "worth"
        ? /(?:^|\s)(?:the\s+|its\s+|their\s+|[\p{L}]+['’]s\s+)?((?:\p{Ll}+\s+)?\p{Ll}+),\s*$/u.exec(worth[1])
        : null;
    if (goods && !stop.has(goods[1].split(" ").at(-1)!)) return `value of ${goods[1]}`;
  }
  // "$300 million had been promised for food", "will be spent on schools": what it is for.
  const purpose =
    /^\s+(?:(?:has|have|had|was|were|is|are|will|would)\s+)?(?:been\s+|be\s+)?(?:(?:\p{Ll}+ed|spent|given|lent|paid|set aside)\s+(?:for|on)|(?:go|goes|went|gone)\s+to(?:wards)?)\s+(?:the\s+)?(.*)/u.exec(
      after
    );
  if (purpose) {
    const noun = phraseAt(purpose[1], 4, true, true);
    if (noun) return noun;
  }
  const verb =
    /(\p{Ll}+ed|spent|lent|paid|raised|gave|sold|lost|froze|borrowed|(?<!\b(?:to|will|would|could|may|might|must|should)\s+)(?:pay|pays|spend|spends))\s+(?:(?:a further|another|an extra|more than|up to|about|some|nearly)\s+)?$/u.exec(
      before
    );
  // "Customers pay £512 a year": money paid, as "paid" ("will spend" is money to spend, below).
  const done = verb ? ({pay: "paid", pays: "paid", spend: "spent", spends: "spent"}[verb[1]] ?? verb[1]) : "";
  // ("having touched $1.239", "peaked at": a level the price reached, not money so moved.)
  const levelVerb =
    /^(?:touched|reached|peaked|closed|traded|ended|settled|opened|finished|hovered|averaged|topped|exceeded|surpassed|passed|crossed|breached)$/u;
  if (verb && (isEdWord(done) || !done.endsWith("ed")) && !levelVerb.test(done)) return `money ${done}`;
  // "wiping €2.4 billion off its market value": what lost it.
  const wiped =
    /\b(?:wiping|wiped|wipes|knocking|knocked)\s+(?:(?:about|some|nearly|more than|over|almost)\s+)?$/u.test(before)
      ? /^\s+off\s+(?:the\s+|its\s+|their\s+)?(.*)/u.exec(after)
      : null;
  const wipedOff = wiped ? phraseAt(wiped[1], 4) : "";
  if (wipedOff) return `money wiped off ${wipedOff}`;
  // "The cuts will save €1 billion a year", "will save the Treasury £74 billion": money saved.
  if (
    /\b(?:save|saves|saving|saved)\s+(?:(?:the|its|their)\s+\p{L}+\s+)?(?:(?:a further|another|an extra|more than|up to|about|some|nearly)\s+)?$/u.test(
      before
    )
  )
    return "money saved";
  // "plans to invest a further €2 billion", "will spend $40 million": money to be so used.
  const toSpend =
    /\b(?:to|will|would|could|may|might)\s+(invest|spend|borrow|lend|raise|pay(?:\s+out)?)\s+(?:(?:a further|another|an extra|more than|up to|about|some|nearly)\s+)?$/u.exec(
      before
    );
  if (toSpend) return `money to ${toSpend[1]}`;
  return participleSubject(before);
}

/** A number of times, which names nothing it counts: "three times as much", "shelled three times", "a 10-fold rise". */
export function isMultiple(n: Pick<FoundNumber, "kind" | "unit">): boolean {
  return n.kind === "count" && /^-?(?:times|fold)$/i.test(n.unit);
}

/**
 * The measure of the figure `n` in its sentence, `at` being its offset there. "" when the words
 * give none (the CLI then asks the editor for one).
 *
 * ```ts
 * measureIn("Ukraine's State Emergency Service said that 2,000 civilians have been killed.", 44, row)
 * // "civilians killed"
 * ```
 */
export function measureIn(sentence: string, at: number, n: Pick<FoundNumber, "kind" | "unit" | "text">): string {
  // ("…, outpacing inflation of 4.1%": what it outpaced is the measure, not the outpacing.)
  let measure = measureOf(sentence, at, n).replace(
    /^(?:outpacing|outstripping|beating|exceeding|surpassing|topping|overtaking|matching)\s+/u,
    ""
  );
  // "Core inflation, which strips out energy, food and tobacco, fell to 3.6%": the subject without its aside.
  const aside = measure ? null : subjectAside.exec(sentence.slice(0, at));
  if (aside) measure = measureOf(aside[1] + sentence.slice(aside[0].length), at - aside[0].length + aside[1].length, n);
  // "put the figure at 61 per cent", "the count passed 3 million": a word for a figure names nothing it measures.
  // (Nor does a unit alone: "accounted for 2.9 percentage points of the total".)
  // ("expects the number to fall by 40%": a change in a word for a figure is one too.)
  // (Nor a unit, of a quantity or a length, with nothing it is of: "in six hours", "392,000 tonnes".)
  // (Nor does an average, "owe an average of £48,470", or a number word, "One (in eight teachers) is over 60".)
  if (
    /^(?:change in )?(?:figures?|number|total|tally|count|amount|sum|level|average|mean|median|(?:(?:percentage|basis)\s+)?points?)$/u.test(
      measure
    ) ||
    new RegExp(`^(?:${numberWords})$`, "iu").test(measure) ||
    (n.unit !== "" && measure === n.unit && n.kind !== "count") ||
    isUnit(measure)
  )
    return "";
  // "4.2 deaths per 1,000 live births", "the rate was 8.1 per 100,000 people": a rate, and its base.
  // ("The yen fell to 158.4 per dollar": an exchange rate, per the currency.)
  const base =
    rateBase.exec(sentence.slice(at + n.text.length)) ??
    (n.kind === "count" ? perCurrency.exec(sentence.slice(at + n.text.length)) : null);
  // ("One person died", "one child was hurt": people, children, as any other number of them; "child poverty" stays.)
  const [head, next] = measure.split(" ");
  if (/^(?:person|child)$/u.test(head) && (next === undefined || /^(?:who|that)$/u.test(next) || isParticiple(next)))
    measure = `${head === "person" ? "people" : "children"}${measure.slice(head.length)}`;
  const rated = measure && base && !/\bper\s/u.test(measure) ? `${measure} per ${base[1]}` : measure;
  return rated && inUnit(rated, n, sentence.slice(at + n.text.length));
}

/**
 * A length or a distance with its unit, which its figure does not carry: "the siege lasted 40 days" is
 * `length of siege in days`, "gusts of 98 mph" `speed of gusts in mph` ("mm of rainfall" names it).
 */
function inUnit(measure: string, n: Pick<FoundNumber, "kind" | "unit">, after: string): string {
  // (An age is in years: "age of people".)
  if ((n.kind !== "duration" && n.kind !== "distance") || !/^\p{L}+$/u.test(n.unit) || /^age\b/u.test(measure))
    return measure;
  // ("winds of 150 km/h": a speed's unit is per hour; "a 10-kilometre zone": kilometres.)
  const speed =
    /^(?:km|kilometres?|kilometers?)$/u.test(n.unit) &&
    (/^speed\b/u.test(measure) || /^\s*\p{L}+\s*(?:\/\s*h\b|per\s+hour|an\s+hour)/u.test(after));
  const plural = /s$|^(?:km|m|ft|mph|kph|feet)$/u.test(n.unit)
    ? n.unit
    : n.unit === "foot"
      ? "feet"
      : n.unit.replace(/([^aeiou])y$/u, "$1ie") + "s";
  const unit = speed ? "km/h" : plural;
  const named = new RegExp(String.raw`(?:^|\s)(?:${n.unit}|${unit.replace("/", "\\/")})(?:\s|$)`, "iu");
  return named.test(measure) ? measure : `${measure} in ${unit.toLowerCase()}`;
}

/** An aside between commas after a sentence's subject, before its verb: "Regular pay(, excluding bonuses,) grew". */
const subjectAside = new RegExp(
  String.raw`^(\s*\p{Lu}[^,;]*?),\s+(?:which|who|excluding|including|not\s+including|adjusted\s+for|stripping\s+out)\s[^;]*?,(?=\s+(?:(?:has|have|had)\s+)?(?:${changeVerbs}|expanded|contracted|was|were|is|are|stood|totalled|totaled|reached|averaged|hit)\s)`,
  "u"
);

/** The currency an exchange rate is per: "(158.4) per dollar" ("1.17 to the euro" says nothing of which way). */
const perCurrency = new RegExp(String.raw`^\s+(?:per|a)\s+(${currencyAfter})\b`, "iu");

/** The base of a rate after a figure (and its noun): "(4.2 deaths) per 1,000 live births". */
const rateBase =
  /^(?:\s*[\p{L}-]+){0,2}?\s+per\s+(\d{1,3}(?:,\d{3})*(?:\s+(?:million|thousand))?\s+(?:\p{Ll}+\s+)?\p{Ll}+)/u;

/** Who forecast a figure, in a relative clause after it: "(the $16.9 billion) analysts had forecast". */
const forecastBy =
  /^\s+(?:that\s+)?((?:the\s+)?(?:\p{Ll}+\s+){0,2}?\p{Ll}+)\s+(?:had\s+|have\s+|has\s+)?(forecast|expected|predicted|estimated|projected)\b/u;
/** A figure compared with another, before the other: "(Revenue rose to $17.6 billion), ahead of the". */
const forecastComparedBefore =
  /^(.*?),?\s+(?:ahead of|above|below|short of|shy of|beating|missing|beat|missed|topped|topping|exceeded|exceeding|against|compared with|versus|better than|worse than|higher than|lower than)\s+(?:the\s+|an?\s+)?(?:(?:about|some|around|roughly)\s+)?$/u;
const pronounWho = /^(?:it|they|we|he|she)$/u;
/** Who expected a figure, and what, before it: "Economists (polled by …) had expected a rate of". */
const expectedOf =
  /(?:^|\s)(\p{L}+)(?:\s+(?:polled|surveyed|questioned|asked)\s+by\s+[^,;]*?)?\s+(?:(?:had|have|has)\s+)?(forecast|expected|predicted|projected)\s+(?:an?\s+|the\s+)?((?:\p{Ll}+\s+){0,2}?\p{Ll}+)\s+of\s+(?:(?:about|around|some|roughly)\s+)?$/u;

/** The dimension an adjective after a length gives: "(40 miles) long". */
const dimensionOf: Record<string, string> = {
  long: "length",
  tall: "height",
  high: "height",
  wide: "width",
  deep: "depth"
};

/** What a share says its noun is: "(the vaccine was 91 percent) effective", "(shelves 40 percent) empty". */
const stateWords = /^(?:effective|complete|full|empty|accurate|booked|occupied|vaccinated|funded)$/u;

/** measureIn, before it leaves out a measure that is only a word for a figure. */
function measureOf(sentence: string, at: number, n: Pick<FoundNumber, "kind" | "unit" | "text">): string {
  const end = at + n.text.length;
  // A wire story's dateline ("LONDON (Agency) - ") is no part of what the figure measures.
  // "rose for a third month to 5.2 per cent": a streak says how long, not what rose.
  const before = sentence
    .slice(Math.min(datelineLength(sentence), at), at)
    .replace(
      /(\s\p{Ll}+)\s+for\s+(?:a|the)\s+\p{Ll}+\s+(?:(?:straight|consecutive)\s+)?(?:month|week|year|quarter|day|time)s?(?:\s+(?:running|in\s+a\s+row))?(\s+to\s+(?:\p{Ll}+\s+){0,2})$/u,
      "$1$2"
    );
  // "leads the governing party by five points": a lead.
  if (
    /\b(?:leads?|led|leading)\s+(?:[^,;\d]{0,60}?\s)?by\s+$/u.test(before) &&
    /^\s+(?:percentage\s+)?points?\b/u.test(sentence.slice(end))
  )
    return "lead";
  // "a margin of error of plus or minus 2 percentage points": a poll's margin, whatever its unit.
  if (/\bmargins?\s+of\s+error\s+(?:of|is|was)\s+(?:(?:plus\s+or\s+minus|\+\/-|±)\s*)?$/u.test(before))
    return "margin of error";
  // "sold a total of 3 million cars", "leaked an average of 212 million litres a day": the count the words
  // say without the total (what was sold), and an average of it.
  const summed =
    n.kind === "count"
      ? /(?:(?<=\p{Ll})\s+|^\s*)(?:[Aa]\s+(?:combined|total\s+of|collective)|[Aa]n?\s+(average)\s+of)(?=\s+$)/u.exec(
          sentence.slice(0, at)
        )
      : null;
  if (summed) {
    const rest = sentence.slice(0, summed.index) + sentence.slice(summed.index + summed[0].length);
    const measure = measureIn(rest, at - summed[0].length, n);
    return measure && summed[1] ? `average ${measure}` : measure;
  }
  // "38 participants, or 3.3 per cent, left the trial early": a count and its share in apposition, both
  // measured by what the count did (the share as a share of it).
  const apposition =
    /^([^,]*?)(,\s+or\s+(?:(?:about|some|around|roughly|nearly|almost|just over|just under)\s+)?[\d.]+\s*(?:%|per\s*cent|percent)(?:\s+of\s+(?:the\s+)?(?:total|them|all))?,)/u;
  const shareOf = n.kind === "count" ? apposition.exec(sentence.slice(end)) : null;
  if (shareOf && shareOf[1].length < 40) {
    const cut = end + shareOf[1].length;
    return measureIn(sentence.slice(0, cut) + sentence.slice(cut + shareOf[2].length), at, n);
  }
  const count =
    n.kind === "percent" &&
    /\p{L},\s+or\s+(?:(?:about|some|around|roughly|nearly|almost|just over|just under)\s+)?$/u.test(before)
      ? findNumbers(before).findLast((r) => r.kind === "count" && r.unit !== "")
      : undefined;
  const whole = count && apposition.exec(sentence.slice(count.end));
  if (whole && count!.end + whole[1].length + 2 < at) {
    const measure = measureIn(sentence, count!.start, count!);
    return measure && `share of ${measure}`;
  }
  let after = sentence.slice(end);
  let unit = n.kind === "money" || n.kind === "percent" ? "" : n.unit;
  // "counted 600,000 last week": time words, not what the figure counts.
  if (/^(?:last|this|next|past|previous)\b/iu.test(unit)) unit = "";
  if (unit) {
    const i = after.indexOf(unit);
    if (i >= 0 && i < 8) after = after.slice(i + unit.length);
    else unit = unit.replace(/^-/, "");
  }
  // "Revenue rose to $17.6 billion, ahead of the $16.9 billion analysts had forecast": what they forecast.
  const forecast = forecastBy.exec(after);
  const against = forecast ? forecastComparedBefore.exec(before) : null;
  // (What the figure compared with measures, or the subject before it.)
  const first = against ? findNumbers(against[1]).findLast((r) => r.kind === n.kind) : undefined;
  const forecastWhat = !against
    ? ""
    : first
      ? measureIn(against[1], first.start, first)
      : lowerCase(subjectHead(against[1], true));
  if (forecastWhat && !forecast![1].split(" ").some((w) => stop.has(w) && !/^(?:the|it)$/.test(w))) {
    const who = pronounWho.test(forecast![1]) ? "" : ` by ${forecast![1]}`;
    return `${forecastWhat} ${forecast![2]}${who}`;
  }
  // "Economists polled by an agency had expected a rate of 3.3%", "analysts forecast revenue of $4 billion":
  // what they expected, and who.
  const expected = n.kind === "percent" || n.kind === "money" ? expectedOf.exec(before) : null;
  const expecter = expected?.[1].toLowerCase() ?? "";
  if (expected && (!stop.has(expecter) || pronounWho.test(expecter)) && !stop.has(expected[3].split(" ")[0])) {
    const who = pronounWho.test(expecter) ? "" : ` by ${lowerCase(expected[1])}`;
    return `${expected[3]} ${expected[2]}${who}`;
  }
  // "9,000 of its members have walked out", "won 412 of the 650 seats", "1,260 of the village's
  // residents": a count of members, of seats, of residents.
  const partOf =
    n.kind === "count" && !unit
      ? new RegExp(
          String.raw`^\s+of\s+(?:(?:its|their|the|his|her|our)\s+(?:(?:[\p{L}-]+\s+){0,2}[\p{L}-]+['’]s?\s+)?(?:(?:[\d.,]+|${numberWords})\s+)?|\d[\d.,]*\s+(?=(?:\p{Ll}[\p{L}-]*\s+){1,3}(?:were|was|are|is|have|has|had)\s))(?=\p{Ll})`,
          "u"
        ).exec(after)
      : null;
  const part = partOf ? phraseAt(after.slice(partOf[0].length), 3) : "";
  if (part) {
    unit = part;
    // ("Seven of the nine members of the committee voted to hold": what the members did.)
    after = after
      .slice(partOf![0].length + part.length)
      .replace(
        /^\s+of\s+(?:the|its|their)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+(?=\s+(?:voted|backed|supported|opposed)\b)/u,
        ""
      );
  }
  // "Of the 1.9 million registered voters, about 975,000 cast a ballot": those who did so.
  const ofThe =
    n.kind === "count" && !unit
      ? /^\s*[Oo]f\s+(?:the|its|their|these|those)\s+(?:[\d.,]+(?:\s+(?:million|billion|thousand))?\s+)?(\p{Ll}[\p{L}'’ -]*?),\s*(?:(?:about|some|around|roughly|nearly|almost|more than|over|just|only)\s+)?$/u.exec(
          before
        )
      : null;
  // … "Medics treated 312 runners, 19 of whom were taken to hospital": those of the count before who did so.
  const ofWhom = n.kind === "count" && !n.unit ? /^\s+of\s+(?:whom|them|those)\b/u.exec(sentence.slice(end)) : null;
  // (… and "2.3 million people face hunger, and 410,000 of them are at risk", "…; 12,400 of them".)
  const counted =
    ofWhom && /(?:[,;]|,?\s+and)\s*$/u.test(before)
      ? findNumbers(before).findLast((r) => r.kind === "count")
      : undefined;
  const those = ofThe ? phraseAt(ofThe[1], 3, false) : (counted?.unit ?? "");
  if (those) {
    const rest = sentence.slice(end + (ofWhom && counted ? ofWhom[0].length : 0));
    const measure = measureIn(`${n.text} ${those}${rest}`, 0, {...n, unit: those});
    // ("Of the 312 people charged, 74 were under 18": some of them, which the words do not name.)
    return measure === those ? "" : measure;
  }
  // "9,000 more staff were needed", "Twenty-two other states raised …": more of what, others of what.
  const more = n.kind === "count" && !unit ? /^\s+(more|other)\s+(?!than\b)(?=\p{Ll})/u.exec(after) : null;
  const moreOf = more ? phraseAt(after.slice(more[0].length), 3) : "";
  if (moreOf) {
    unit = `${more![1]} ${moreOf}`;
    after = after.slice(more![0].length + moreOf.length);
  }
  // "A magnitude 6.4 earthquake", "a 6.4-magnitude quake", "of magnitude 5.2": a magnitude, of what follows.
  const magnitude =
    n.kind === "count" &&
    (/\bmagnitude[\s-]+$/iu.test(before) || /^magnitude$/iu.test(unit) || /^[\s-]+magnitude\b/iu.test(after));
  if (magnitude) {
    const what = phraseAt(after.replace(/^[\s-]+magnitude\b/iu, ""), 1);
    return what ? `magnitude of ${what}` : "magnitude";
  }
  // "The quake measured 6.4 on the Richter scale": the subject's magnitude.
  const richter = /^\s+on\s+the\s+Richter\b/u.test(after)
    ? /(.*?)\s+(?:measured|registered|was)\s+(?:about\s+)?$/u.exec(before)
    : null;
  const shaken = richter ? lowerCase(subjectHead(richter[1])) : "";
  if (shaken) return `magnitude of ${shaken}`;
  // "three times as many", "a 10-fold rise": how many times, not of what.
  if (isMultiple(n)) return "";
  // "a 52,000-seat stadium", "a 12-year-old boy", "a 20-minute drive": the noun the number and its unit describe.
  // (Not a verb: "The 24-year-old scored" is the person's age; "worth" ends the noun.)
  const described =
    unit && /^[-‐]/u.test(sentence.slice(end))
      ? phraseAt(after, 2)
          .replace(/\s+worth$/u, "")
          // (… nor a verb with a word after it: "the 24-year-old scored twice".)
          .replace(/^(\p{Ll}+)(?:\s.*)?$/u, (phrase, word: string) =>
            isEdWord(word) || pastTense.has(word) || participles.has(word) ? "" : phrase
          )
      : "";
  // ("uptake among five-year-olds": an age group names whom, and has no figure of its own; "a class of
  // 18-year-olds" is their age.)
  if (
    unit &&
    /-olds$/u.test(unit) &&
    /(?:^|\s)(?:among|for|in|to|by|between|from|with)\s+(?:(?:the|all|most|many|some)\s+)?$/iu.test(
      sentence.slice(0, at)
    )
  )
    return "";
  if (unit && /-olds?$/u.test(unit) && /^[-‐]/u.test(sentence.slice(end)) && !described) return "age";
  if (described) {
    if (/-olds?$/u.test(unit)) return `age of ${described}`;
    // ("a 30-day average", "a 47-year high": a span the figure is taken over, which measures nothing; nor
    // does a kind of thing, "10-year government bonds", "two-year yields", "its biggest one-day rise".)
    if (/^(?:average|high|low|record|peak|mean|total)$/u.test(described)) return "";
    // ("the four-hour target", "a 65-week limit": the target is a length itself.)
    if (
      (n.kind === "duration" || n.kind === "distance") &&
      /^(?:target|goal|limit|standard|threshold|cap|deadline|maximum|minimum|ceiling)$/u.test(described)
    )
      return described;
    if (
      (n.kind === "duration" || n.kind === "distance") &&
      /(?:^|\s)(?:rise|fall|drop|gain|jump|loss|decline|slump|surge|move|bonds?|yields?|gilts?|notes?|bills?|bunds?|treasur(?:y|ies)|debt|mortgages?|rates?|swaps?|loans?|deals?)$/u.test(
        described
      )
    )
      return "";
    if (n.kind === "duration" || n.kind === "distance") return `length of ${described}`;
    return `${described} ${/[^aeiou]y$/u.test(unit) ? `${unit.slice(0, -1)}ies` : /(?:s|x|ch|sh)$/u.test(unit) ? `${unit}es` : `${unit}s`}`;
  }
  // "Turnout was 58 percent, down from 64 percent": a share or a sum compared with the one before it is of what that one is.
  // (Not of another group: "47 per cent of private school entries, compared with 19 per cent at state schools".)
  const otherGroup =
    /^\s+(?:at|among)\s+(?!(?:the\s+)?(?:same|previous|first|last|year|month|quarter|week|period|time)\b)\p{L}/u.test(
      after
    );
  const comparedFigure =
    (n.kind === "percent" || n.kind === "money") && !otherGroup ? comparedMeasure(sentence.slice(0, at), n) : "";
  if (comparedFigure) return comparedFigure;
  // "Coal's share slipped below 1%", "inflation rose above 5%": a level passed, not a change by it ("fell
  // over 5%" is by more than 5%).
  const passed =
    n.kind === "percent" && /^(?:below|above|past|beyond)\b/iu.test(n.text) ? changeBefore.exec(before) : null;
  const passedWhat = passed ? subjectHead(passed[1]) : "";
  if (passedWhat) return lowerCase(passedWhat);
  // ("12.5% of all those in the age group": of all of what, it does not say.)
  if (n.kind === "percent") return percentMeasure(before, after).replace(/^share of (?:all|them|those|these)$/u, "");
  // "£400 million ($520 million)": the same sum in another currency, of what the first measures.
  const converted =
    n.kind === "money" && /\S\s*\(\s*$/u.test(before) ? findNumbers(sentence.slice(0, at)).at(-1) : undefined;
  if (converted?.kind === "money" && /^\s*\(\s*$/u.test(sentence.slice(converted.end, at)))
    return measureIn(sentence, converted.start, converted);
  if (n.kind === "money") {
    // "Losses could reach £40 million a day", "rose to $84 a barrel": a rate or a price, measured as such.
    const measure = moneyMeasure(before, after);
    const rate = ratePhrase.exec(after) ?? perUnit.exec(after);
    return rate && measure ? `${measure} per ${rate[1]}` : measure;
  }
  // "winds of up to 150 km/h", "gusts reached 120 kilometres per hour": a speed, of what they name.
  // ("Average speeds fell by 3 kilometres per hour" is a change in them, as a distance's change is.)
  if (
    n.kind === "distance" &&
    (/^\s*(?:\/\s*h\b|per\s+hour\b|an\s+hour\b)/u.test(after) || /^(?:mph|kph)$/iu.test(n.unit)) &&
    !new RegExp(String.raw`\b(?:${changeVerbs})\s+(?:by\s+)?(?:\p{Ll}+\s+){0,2}$`, "u").test(before)
  ) {
    const of = /^(.*?)\s+of\s+$/u.exec(before);
    const verb =
      /^(.*?)\s+(?:reached|reaches|hit|hits|topped|peaked\s+at|(?:travels|travelled|traveled|travelling|traveling|moving|moved|moves|runs|ran)\s+at)\s+$/u.exec(
        before
      );
    // ("where the limit is 60 km/h", "a speed limit of 20 mph": the limit.)
    // ("a 20mph limit", "the 30 km/h speed limit" too.)
    if (
      /\blimits?\s+(?:is|was|are|were|of|will\s+be)\s+$/u.test(before) ||
      /^(?:\s*\/\s*h\b|\s+per\s+hour\b)?\s*-?\s*(?:speed\s+)?limits?\b/u.test(after)
    )
      return "speed limit";
    // (of the words before "of", those after a verb: "brought winds of" → winds)
    const ofWords = of ? phraseBefore(of[1]).split(" ") : [];
    const verbAt = ofWords.findLastIndex((w) => isEdWord(w) || pastTense.has(w));
    const what = of ? ofWords.slice(verbAt + 1).join(" ") : verb ? subjectHead(verb[1]) : "";
    return what ? `speed of ${lowerCase(what)}` : "speed";
  }
  if (n.kind === "duration" || n.kind === "distance") {
    // "The siege lasted 40 days": the length of the siege; "advanced 50km": the distance advanced.
    const verb =
      /(.*?)\s+(\p{Ll}+ed|took|went on|ran|spent)\s+(?:(?:for|about|some|nearly|almost|more than|over|(an\s+average\s+of))\s+)*$/u.exec(
        before
      );
    // ("Queues of lorries stretched for 25 kilometres": the length of the queues.)
    const stretched = n.kind === "distance" && verb && /^(?:stretched|extended|snaked)$/.test(verb[2]);
    // ("Ambulances took an average of 28 minutes": what took it is no length; only with what it took to do.)
    const averageTook = verb?.[3] && verb[2] === "took" && !/^\s+to\s+\p{Ll}/u.test(after);
    const subject = verb && !averageTook ? (stretched ? subjectHead(verb[1]) : phraseBefore(verb[1], 2)) : "";
    // "Ambulances took an average of 28 minutes to reach patients": the time they took to do it.
    const toDo = n.kind === "duration" && verb?.[2] === "took" ? /^\s+to\s+(\p{Ll}+)\s+(.*)/u.exec(after) : null;
    const done = toDo ? phraseAt(toDo[2], 3) : "";
    if (toDo && subject && !isPronoun(subject))
      return `${verb![3] ? "average " : ""}time for ${lowerCase(subject)} to ${toDo[1]}${done ? ` ${done}` : ""}`;
    // "The researchers spent 23 days at sea": the days so spent, and where.
    if (n.kind === "duration" && verb?.[2] === "spent") {
      const where = /^\s+((?:at|in|on|aboard)\s+(?:the\s+)?\p{Ll}+)/u.exec(after)?.[1];
      return `${unit} spent${where ? ` ${where}` : ""}`;
    }
    // "The river rose by 2.3 metres overnight": a change in the subject's level.
    const rose =
      n.kind === "distance"
        ? new RegExp(
            String.raw`(.*?)\s+(?:(?:has|have|had)\s+)?(?:${changeVerbs})\s+(?:by\s+)?(?:(?:about|some|nearly|almost|more than|over|up to)\s+)?$`,
            "u"
          ).exec(before)
        : null;
    const risen = rose ? lowerCase(subjectHead(rose[1])) : "";
    if (risen) return `change in ${risen}`;
    // "about 500 km west of the capital", "40 miles from Kyiv", "3 km off the port of Westhaven": the
    // distance from a place (a few words, and the name they are of).
    const away =
      n.kind === "distance"
        ? /^\s+(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+of|from|outside|off)\s+(?:the\s+)?/u.exec(
            after
          )
        : null;
    const place = away ? phraseAt(after.slice(away[0].length), 3) : "";
    const ofName = place
      ? (/^\s+of\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/u.exec(
          after.slice(away![0].length + place.length)
        )?.[0] ?? "")
      : "";
    if (place) return `distance from ${place}${ofName}`;
    // "The convoy is 40 miles long", "Each turbine stands 260 metres tall": the dimension of the subject.
    const adjective = n.kind === "distance" ? /^\s+(long|tall|high|wide|deep)\b/u.exec(after) : null;
    const measured = adjective
      ? /(.*?)(?:\s+(?:is|was|are|were|stands|stood|measures|measured)|,\s+each)\s+(?:(?:about|some|nearly|almost|around|more than|over|just|up to)\s+)?$/u.exec(
          before
        )
      : null;
    const dimensioned = measured ? lowerCase(subjectHead(measured[1].replace(/,\s*(?:which|that)$/u, ""))) : "";
    if (dimensioned) return `${dimensionOf[adjective![1]]} of ${dimensioned}`;
    // "visibility fell to less than 2 km", "the queue grew to 25 kilometres", "average delays fell to 14
    // minutes": the subject's level.
    const reached =
      /(.*?)\s+(?:(?:has|have|had)\s+)?(?:(?:fell|fallen|dropped|rose|risen|climbed|grew|grown|shrank|stretched)\s+to|(?:stood|stands|peaked|remained)\s+at)\s+(?:(?:about|some|nearly|almost|more than|over|up to|less than|under)\s+)?$/u.exec(
        before
      );
    const level = reached ? lowerCase(subjectHead(reached[1])) : "";
    if (level) return level;
    // "orbit at an altitude of 550 kilometres", "struck at a depth of 10 km": the dimension named.
    const dimension =
      n.kind === "distance"
        ? /\b(?:(?:an?|the|its|their)\s+(?:average\s+|maximum\s+|total\s+)?(altitude|depth|height|length|width|diameter|radius|range|elevation)|(?:to\s+)?(depth|height|altitude)s)\s+of\s+(?:(?:up to|about|some|nearly|almost|more than|over)\s+)?$/u.exec(
            before
          )
        : null;
    if (dimension) {
      // ("some to depths of 150 metres": a dimension of what the sentence did, which it does not name.)
      if (dimension[2]) return dimension[2];
      // … of what has it: "The satellites will orbit at", "the missile has".
      // ("struck at 11.47 pm at a depth of": the time is no part of it.)
      const owner = /^(.*?)\s+(?:(?:has|have|had|will|would|can|could)\s+)?\p{Ll}+\s+(?:at|to|with)?\s*$/u.exec(
        before.slice(0, dimension.index).replace(/\s+at\s+\d[\d.:]*\s*(?:am|pm|a\.m\.|p\.m\.)(?:\s+local\s+time)?/u, "")
      );
      const head = owner ? lowerCase(subjectHead(owner[1])) : "";
      return head ? `${dimension[1]} of ${head}` : dimension[1];
    }
    // "worked shifts of up to 16 hours", "a closure lasting 14 months": the length of what has it.
    const lasting =
      n.kind === "duration"
        ? /(?:^|\s)((?:\p{Ll}+\s+)?\p{Ll}+)\s+(?:of|lasting)\s+(?:(?:up to|more than|at least|nearly|almost|about|some|over|under)\s+)?$/u.exec(
            before
          )
        : null;
    // (Not a word for a figure, "an average of 28 minutes", nor a time, "the share of five years ago".)
    const lasted = lasting?.[1].split(" ").filter((w) => !stop.has(w) && !isParticiple(w) && !pastTense.has(w)) ?? [];
    if (
      lasted.length > 0 &&
      !/^(?:age|ages|aged|average|total|combined|maximum|minimum|share|sum|figure|number|amount|level|rate|peak|record)$/u.test(
        lasted.at(-1)!
      ) &&
      !/^\s*\p{L}*\s+(?:ago|earlier|before|later|previously)\b/u.test(after)
    )
      // ("an average delay of 14 hours": a delay is a length itself.)
      return /^(?:wait|waits|delay|delays|stay|stays|duration|length)$/u.test(lasted.at(-1)!)
        ? lasted.join(" ")
        : `length of ${lasted.join(" ")}`;
    // "He was sentenced to 12 years in prison", "sentenced a former mayor to six years": a sentence.
    if (
      n.kind === "duration" &&
      /\b(?:sentenced|jailed|imprisoned)\s+(?:[\p{L}'’-]+\s+){0,4}?(?:to|for)\s+(?:(?:up to|more than|at least|nearly|almost)\s+)?$/u.test(
        before
      )
    )
      return "length of sentence";
    // "The average wait for a decision was 7.5 months": the subject is a length itself.
    const was = verb
      ? null
      : /(.*?)\s+(?:was|were|is|are|averaged|averages?|stood at)\s+(?:(?:about|some|nearly|almost|around|more than|over|just)\s+)?$/u.exec(
          before
        );
    const length = was ? subjectHead(was[1]) : "";
    // … "The journey was about 12 hours": the length of it.
    if (length && n.kind === "duration") {
      const named = lowerCase(length);
      return /\b(?:wait|waits|delay|delays|stay|sentence|term|tenure|life|lifespan|expectancy|time|times|duration|length)\b/u.test(
        named
      )
        ? named
        : `length of ${named}`;
    }
    if (subject && !isPronoun(subject))
      // "People aged 65 and over": an age.
      // ("Some passengers waited up to 11 hours": their wait.)
      return `${verb![3] ? "average " : ""}${verb![2] === "aged" ? "age" : /^(?:waited|queued)$/.test(verb![2]) && n.kind === "duration" ? "wait" : n.kind === "duration" || stretched ? "length" : "distance"} of ${lowerCase(subject.replace(/^(?:million|billion|thousand|hundred)\s+/u, ""))}`;
    // "dug a 300m tunnel": the length of what it describes.
    const thing =
      n.kind === "distance" && /(?:^|\s)(?:a|an|the|its|their)\s+$/u.test(before)
        ? /^\s+(\p{Ll}[\p{Ll}-]*)(?=\s|[.,;]|$)/u.exec(after)
        : null;
    if (
      thing &&
      !stop.has(thing[1]) &&
      !isEdWord(thing[1]) &&
      !/^(?:away|long|tall|high|wide|deep|offshore|inland|north|south|east|west|above|below|off|of)$/u.test(thing[1])
    )
      return `length of ${thing[1]}`;
    // "saw 14 days of strikes": days of what.
    const daysOf = n.kind === "duration" ? /^\s+of\s+(?=\p{Ll})/u.exec(after) : null;
    const spentOn = daysOf
      ? phraseAt(after.slice(daysOf[0].length), 3).replace(
          /\s+(?:cost|costs|left|forced|brought|caused|ended|saw)$/u,
          ""
        )
      : "";
    if (spentOn && !/^(?:the|its|their|his|her|age)\b/u.test(spentOn)) return `${unit} of ${spentOn}`;
    return unit;
  }
  // "30,000 people a day have been leaving": a rate, measured as such.
  const rate = unit ? ratePhrase.exec(after) : null;
  if (rate) {
    const measure = countMeasure(unit, before, after.slice(rate[0].length));
    return measure && `${measure} per ${rate[1]}`;
  }
  // "…, down from 1.8 million tonnes": a quantity compared with the one before it is of what that one is.
  const compared =
    unit && quantityNouns.has(unit.toLowerCase()) && comparedBefore.test(before)
      ? comparedMeasure(sentence.slice(0, at), n)
      : "";
  return (
    compared ||
    countMeasure(unit, before, after) ||
    (n.kind === "count" && !unit
      ? ageBeside(before, after, n) ||
        changeOfIn(before, after) ||
        gappedMeasure(before, after) ||
        comparedMeasure(sentence.slice(0, at), n) ||
        expectedMeasure(before) ||
        participleSubject(before) ||
        wholeMeasure(before)
      : "")
  );
}

/** An age between commas after the one it is of: "The worker, 23, was off work" is `age of worker`. */
function ageBeside(before: string, after: string, n: Pick<FoundNumber, "text">): string {
  if (!/^\d{1,3}$/u.test(n.text) || Number(n.text) > 120 || !/^\s*,/u.test(after)) return "";
  const who = /(?:^|\s)(?:[Tt]he|[Aa]n?)\s+((?:\p{Ll}+\s+){0,2}\p{Ll}+),\s*$/u.exec(before);
  return who && !who[1].split(" ").some((w) => stop.has(w)) ? `age of ${who[1]}` : "";
}

/** A level the subject reached after a change, beyond a comma: "grew by 8.1 percent in the decade, to 812,000". */
const levelAfterChange = new RegExp(
  String.raw`^(.*?)\s+(?:(?:has|have|had)\s+)?(?:(?:almost|nearly|more than)\s+)?(?:${movedPast}|halved|will\s+(?:rise|fall|grow|drop|increase|decrease|climb))\b[^;]*,\s+to\s+$`,
  "u"
);

/** … or beyond a percentage change: "book loans fell 3% to 3.3 million". */
const levelAfterPercent = new RegExp(
  String.raw`^(.*?)\s+(?:(?:has|have|had)\s+)?(?:${movedPast}|${changeVerbs})\s+(?:by\s+)?(?:(?:about|some|around|nearly|almost|more than|just over|just under)\s+)?[\d.,]+\s*(?:%|per\s*cent|percent)\s+to\s+$`,
  "u"
);

/**
 * The measure of a count that names no noun but what it is the number of: "the population grew by 8.1
 * percent, to 812,000" and "almost doubled, to 29,000" (the subject's level), "brick kilns, which
 * number around 1,800" (brick kilns), "tourists were the largest group at 3.9 million" (tourists),
 * "its target of 4.9 million", "a crowd of 20,000" (target, crowd), "a country of 2.6 million"
 * (population). "" otherwise.
 */
function wholeMeasure(before: string): string {
  // "organisers put the crowd at 400,000": what was put at it; "will cut its output by 526,000
  // barrels a day, to 10.48 million": what was cut.
  const set =
    /\b(?:put|puts|putting)\s+(?:the|its|their)\s+((?:\p{Ll}+\s+)?\p{Ll}+)\s+at\s+$/u.exec(before) ??
    /\b(?:cut|cuts|lowered|lowers|raised|raises|reduced|reduces|increased|increases|boosted|boosts)\s+(?:its|their|the)\s+((?:\p{Ll}+\s+)?\p{Ll}+)\s+by\s+[^;]*?,?\s+to\s+$/u.exec(
      before
    );
  if (set && !set[1].split(" ").some((w) => stop.has(w))) return set[1];
  const level = levelAfterChange.exec(before) ?? levelAfterPercent.exec(before);
  const which = /^(.*?),\s+which\s+(?:number|numbered|total|totalled|totaled)\s+$/u.exec(before);
  // "British tourists were the largest group at 3.9 million".
  const at = /^([^\d,;]*?)\s+(?:was|were|is|are|remained|remains)\s+[^\d,;]*?,?\s+at\s+$/u.exec(before);
  const clause = (level ?? which ?? at)?.[1];
  const subject = clause ? lowerCase(subjectHead(clause)) : "";
  if (subject) return subject;
  const of =
    /(?:^|\s)(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|\p{L}+['’]s)\s+((?:\p{Ll}+\s+)?\p{Ll}+)\s+of\s+$/u.exec(
      before
    );
  const words = of ? of[1].split(" ") : [];
  // ("a combined population of 30 million": an adjective in "-ed" before the noun is part of it.)
  if (
    words.length === 0 ||
    words.some((w, i) => stop.has(w) || ((isEdWord(w) || pastTense.has(w)) && i === words.length - 1))
  )
    return "";
  // "Moldova, a country of 2.6 million": its people.
  return /^(?:country|nation|city|town|village|region|province|state|island)$/u.test(words.at(-1)!)
    ? "population"
    : of![1];
}

/**
 * "up from", "compared with", ", down to" right before a figure, or before "a peak of", "the previous
 * high of"; "ahead of the conservatives on", "behind the Greens with".
 */
const comparedBefore = new RegExp(
  String.raw`(?:${comparedWith}\s+(?:(?:a|the|its|their)\s+(?:\p{Ll}+\s+)?(?:peak|high|low|record|total|level)\s+of\s+)?|\b(?:ahead\s+of|behind)\s+(?:[\p{L}'’-]+\s+){1,3}(?:on|with)\s+)$`,
  "u"
);

/**
 * The measure of a count compared with the one before it, "2.3 million have fled, up from 2 million"
 * (or "compared with", "against", or "from" after a level reached: "fell to 570 from 590"): that
 * count's. "" when no count of the sentence comes before.
 */
function comparedMeasure(before: string, n: Pick<FoundNumber, "kind" | "unit" | "text">): string {
  const compared = comparedBefore.test(before);
  if (!compared && !/(?:^|[^\p{L}])from\s+$/u.test(before)) return "";
  // (Not a figure in an aside: "fallen to 780,000 bags, each of 60kg, down from 1.1 million".)
  const first = findNumbers(before).findLast(
    (r) => r.kind === n.kind && !/,\s*each\s+(?:of\s+)?$/u.test(before.slice(Math.max(0, r.start - 12), r.start))
  );
  if (!first) return "";
  // "fell to 570 from 590", "slowed to 5.1%, from 5.5%": the level it left, after the level it reached.
  if (!compared && !/(?:^|[^\p{L}])to\s+$/u.test(before.slice(0, first.start))) return "";
  return measureIn(before, first.start, first);
}

/**
 * The measure of a count that leaves its noun to the sentence's first counted noun: after a verb,
 * "killed 12 people and injured 40" (people injured); before a participle, "34 people were killed
 * and 120 wounded" (people wounded); after a name, "Poland has taken in 500,000 refugees, Hungary
 * 130,000" (refugees); after "to", "by 312 votes to 280" (votes); after "and" with only a time,
 * "19 people were arrested on Saturday and 4 on Sunday" (people arrested). "" otherwise: "40 beds
 * and 12 are free" names no measure.
 */
function gappedMeasure(before: string, after: string): string {
  // … or of a proportion before it: "One in eight teachers is over 60, and about 4,000 are expected to retire".
  // "employs 45,000 people worldwide, including 8,000 in France": part of the count before it.
  if (/,\s+including\s+$/u.test(before)) {
    const whole = findNumbers(before).findLast((r) => r.kind === "count");
    const measure = whole ? measureIn(before, whole.start, whole) : "";
    if (measure) return measure;
  }
  // "Pedestrians accounted for 31 of the deaths, and motorcyclists for 22": the verb and its noun left out.
  if (/,?\s+and\s+\p{Ll}+(?:\s+\p{Ll}+)?\s+(?:for|with)\s+$/u.test(before)) {
    const counted = findNumbers(before).find((r) => r.kind === "count");
    const measure = counted ? measureIn(before, counted.start, counted) : "";
    if (measure) return measure;
  }
  const first = findNumbers(before).find((r) => (r.kind === "count" || r.kind === "vague") && r.unit !== "");
  // "Britons were the largest group, at 3.1 million, followed by Germans at 2.8 million": a name's
  // share of what the count before it measures, even a count with no noun.
  const named =
    /,\s+(?:followed\s+by|then|and|ahead\s+of)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*\s+(?:(?:with|at|on)\s+)?$/u.test(before)
      ? findNumbers(before).findLast((r) => r.kind === "count")
      : undefined;
  if (!first && named) return measureIn(before, named.start, named);
  if (!first) return "";
  // "31,800 officers, about 1,000 fewer than in 2021": a change in the figure before it.
  if (/^\s+(?:fewer|more|less)\s+than\b/u.test(after) && /,\s+$/u.test(before)) {
    const measure = measureIn(before, first.start, first);
    return measure && `change in ${measure}`;
  }
  // "5.9 million people voted, out of 9.3 million registered": the same noun, and what they are.
  if (/\bout\s+of\s+$/u.test(before)) {
    const state = /^\s+(\p{Ll}+)\b/u.exec(after);
    return state && isParticiple(state[1]) ? `${first.unit} ${state[1]}` : first.unit;
  }
  // "passed by 312 votes to 280": the same noun.
  const unit = first.unit.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (new RegExp(String.raw`\d\s+${unit}\s+to\s+$`, "u").test(before)) return first.unit;
  const verb = verbBeforeNumber.exec(before);
  if (verb && isParticiple(verb[1])) return `${first.unit} ${verb[1]}`;
  const participle = /^\s+(?:(?:were|was|are|is|(?:have|has|had)\s+been)\s+)?(\p{Ll}+)\b/u.exec(after);
  // … "ballots were cast, of which 14,000 were spoiled": the count before it, so done.
  if (participle && isParticiple(participle[1]) && /\b(?:and|of\s+(?:which|whom|them|those))\s+$/u.test(before)) {
    // ("… and two backed a quarter-point cut": what they did, to what.)
    const object = /^\s+\p{Ll}+ed\b/u.test(participle[0]) ? objectAfter.exec(after.slice(participle[0].length)) : null;
    if (object) return `${first.unit} ${who(first.unit)} ${participle[1]} ${object[1]}`;
    return `${first.unit} ${participle[1]}${toWhatEnd(after.slice(participle[0].length), participle[1])}`;
  }
  // "… Hungary 130,000", "followed by Afghans with 6,200", "followed by Germans at 2.8 million": a name's share of the same.
  if (/\p{Lu}[\p{L}'’-]*\s+(?:(?:with|at|on)\s+)?$/u.test(before)) return measureIn(before, first.start, first);
  // "27 of the 65 seats, six short of a majority": the same noun, short of it.
  const short = /^\s+short\s+of\s+/u.exec(after);
  if (short && /,\s+$/u.test(before))
    return `${first.unit} short of ${after
      .slice(short[0].length)
      .replace(/[.,;].*$/su, "")
      .trim()}`;
  // "19 people were arrested on Saturday night and 4 on Sunday": the same, another time.
  if (
    /\band\s+$/u.test(before) &&
    /^(?:\s+more)?(?:\s+(?:on|in|at|by|during|overnight|last|this|the\s+(?:day|night|week))\b|\s*[.;])/u.test(after)
  )
    return measureIn(before, first.start, first);
  return "";
}
