/**
 * The phrase readers every kind of figure's measure shares (measure.ts and its kinds' modules): word
 * lists, a sentence's noun phrases and subject ("The death toll from the flood" → "death toll"), a
 * level a figure goes from or to, a change made to something, a participle clause after the main one.
 */
import {findNumbers, type FoundNumber} from "./numbers.ts";
import {changeVerbs, kindOfUnit, movedPast} from "./units.ts";

/**
 * The measure of another figure of the sentence, which some phrases are about ("confirmed 12 new
 * cases, bringing the total to 340": a total of cases confirmed): measure.ts's `measureIn`, which
 * the kinds' rules are given, so that no module imports the one that imports it.
 */
export type MeasureIn = (sentence: string, at: number, n: Pick<FoundNumber, "kind" | "unit" | "text">) => string;

/** Function words: a noun phrase ends at one ("homes in the region" → "homes"). */
export const stop = new Set(
  `a an the of and or but in on at to for from by with into over under about than as that this these those it its their
  his her our your they we he she you them us which who whom whose what when where while there here is are was were be
  been being has have had do does did will would can could may might must should said says say told according also not
  no so just still now then after before since until during per each every some any more most less least many much few
  another others through across via inside outside among between against within along around toward towards despite
  near because although though unless whereas whether if`.split(/\s+/)
);
/** Past participles that are not "-ed" words. */
export const participles = new Set(
  "killed hurt held taken seen left shot struck hit lost found made sent kept given driven thrown laid cut shut told won cast sold built stolen frozen chosen written taught caught bought brought sought fought".split(
    " "
  )
);
/** Of those, the ones that with an object after them are the past tense: "(voters) cast a ballot". */
const activeWithObject = new Set(
  "cast cut won made sold built bought held hit shot struck kept found laid shut".split(" ")
);
/** Words in "-ed" that are no verb's past: "feed", "need", "exceed", "bed". */
const notPast = new Set(
  "feed need speed breed seed bleed weed heed deed reed bed red embed exceed proceed succeed".split(" ")
);
/** A past tense or participle in "-ed": "killed", "displaced"; not "feed". */
export const isEdWord = (w: string) => /^\p{Ll}+ed$/u.test(w) && !notPast.has(w);
export const pastTense = new Set(
  `lost fled left died went came took gave made fell rose ran saw got won slept felt spent paid bought brought
  thought met built stood sat grew drew ate drank began chose spoke wrote knew flew`.split(/\s+/)
);
export const statusWords = new Set([
  "dead",
  "missing",
  "injured",
  "wounded",
  "homeless",
  "displaced",
  "stranded",
  "trapped",
  // … and states a thing is left in: "3,500 homes were empty", "9% of bridges are unsafe".
  "empty",
  "vacant",
  "unsafe",
  "uninhabitable",
  "unfit",
  "ill",
  "sick",
  "absent",
  "overdue",
  "unpaid",
  "jobless",
  "obese",
  "overweight",
  "available",
  "unavailable"
]);
/** The word just before a number, past its qualifier: "killed" in "has killed at least 2,000". */
export const verbBeforeNumber =
  /(\p{Ll}+)\s+(?:(?:at least|more than|some|about|nearly|almost|over|up to|around|another|a further|just|only|a mere)\s+)?$/u;
/**
 * A change before a percentage, "rose 7 per cent", "fell by nearly 3%", "are expected to fall by up
 * to 30 percent", "have risen by an average of 11 percent"; not "rose to 7.2%", a level.
 */
export const changeBefore = new RegExp(
  String.raw`(.*?)\s+(?:(?:has|have|had)\s+)?(?<!(?:^|\s)(?:a|an|the|its|their|his|her|our)\s+)(?:${changeVerbs}|fall|increase|decrease|drop|climb|grow|decline|shrink|jump|slide|plunge|slump)\s+(?!(?:to|at)\s)(?:by\s+)?(?:an?\s+average\s+of\s+)?(?:\p{Ll}+\s+){0,2}$`,
  "u"
);
/** Verbs by which figures show a count ("figures showed 210,000 arrivals"): the count is of arrivals, not "arrivals showed". */
export const showWords = new Set(["showed", "revealed", "suggested", "indicated"]);

/** A temperature, which a noun phrase may hold: "(days above) 35C". */
const temperature = /^\d+(?:\.\d+)?°?[CF]$/u;

/**
 * Words of a noun phrase at the start of `text`: up to `max` words, stopping at punctuation, a
 * function word or (with `stopAtVerbs`) a past tense after the first word ("homes lost power");
 * with `andJoins`, "and" may join two nouns ("loans and grants").
 */
export function phraseAt(text: string, max = 4, stopAtVerbs = true, andJoins = false): string {
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
    // … or an -ing word with a figure after it: "(a renovation) costing £48 million", "(ships) carrying 40".
    if (
      stopAtVerbs &&
      words.length > 0 &&
      /ing$/u.test(w) &&
      /^\s+(?:(?:about|some|around|roughly|nearly|almost|more than|over|up to|an estimated)\s+)?[$€£]?\d/u.test(
        text.slice(m.index! + m[0].length)
      )
    )
      break;
    // … or a participle with an object, a verb then: "(voters) cast a ballot", "(firms) cut their prices"
    // (not one that takes two: "entries given a top grade").
    if (
      stopAtVerbs &&
      words.length > 0 &&
      activeWithObject.has(w) &&
      /^\s+(?:a|an|the|its|their|his|her)\s/u.test(text.slice(m.index! + m[0].length))
    )
      break;
    // "on security measures such as cameras": the examples are no part of it.
    if (words.length > 0 && w === "such" && /^\s+as\b/u.test(text.slice(m.index! + m[0].length))) break;
    // "on temporary accommodation last year", "camping in the park overnight": a time ends the phrase.
    if (words.length > 0 && /^(?:last|this|next|overnight|yesterday|today|tonight|tomorrow)$/iu.test(w)) break;
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
export function phraseBefore(text: string, max = 3): string {
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
export function subjectHead(subject: string, withVerb = false): string {
  // "its reserves, which stand at", "lower quotas and fuel costs, which it said had risen": what "which"
  // stands for, the noun just before it.
  const relative =
    /^(.*\p{L})\s*,\s*(?:which|who)(?:\s+(?:now|still|currently|already|together|between\s+them))?(?:\s+(?:it|they|he|she|officials|police|the\s+\p{Ll}+)\s+(?:said|says|say|estimated|estimates|believes|believe|thinks|think))?\s*$/u.exec(
      subject
    );
  if (relative) {
    // (Not the verb of the clause before: "the bank raised rates, which …" is of the rates; "the planned
    // fare rise, which …" keeps its word in "-ed", after an article.)
    const words = phraseBefore(relative[1], 3).split(" ");
    const previous =
      relative[1]
        .slice(0, relative[1].lastIndexOf(words.join(" ")))
        .trim()
        .split(/\s+/)
        .at(-1) ?? "";
    const verbAt = words.findLastIndex(
      (w, i) =>
        i < words.length - 1 &&
        (isEdWord(w) || pastTense.has(w)) &&
        ((i > 0 ? words[i - 1] : previous) ?? "") !== "" &&
        !stop.has((i > 0 ? words[i - 1] : previous).toLowerCase())
    );
    return words.slice(verbAt + 1).join(" ");
  }
  // "Rents, by contrast, climbed", "Core inflation, which excludes food, eased", "The train, carrying 340
  // passengers, was travelling": an aside between commas is not the subject.
  subject = subject
    .replace(
      /,\s*(?:by contrast|in contrast|however|meanwhile|in turn|for example|for instance|too|also|though|on average|overall|in total|in all|so far|(?:which|who)\s(?:[^,;]|,(?=\d))*|\p{Ll}+ing\s(?:[^,;]|,(?=\d))*,\s*(?:was|were|is|are|has been|had been))\s*,?\s*$/iu,
      " "
    )
    // … nor an apposition: "Net interest income, the difference between what it earns and pays, rose".
    .replace(/(\p{L})\s*,\s*(?:(?:now|still|once|already|long)\s+)?(?:the|an?)\s[^,;]*,\s*$/u, "$1 ");
  // (The clause after its last comma, semicolon or colon: not a comma between digits, "100,000".)
  const clause = subject
    .slice((/[,;:](?!\d)(?!.*[,;:](?!\d))/su.exec(subject)?.index ?? -1) + 1)
    .replace(/^\s*(?:while|whereas|and|but|as|although|though)\s/iu, " ")
    // "The charity said (on Monday) that demand at its food banks was up", "told councillors that rents had
    // increased": the subject of what was said
    // ("Economists estimate the strike is costing": of what they estimate; "adding that cleaning up rivers
    // would cost": of what was added).
    .replace(
      /^.*\b(?:(?:told|tells|warned|warns|assured|assures|reminded|reminds|informed|informs)\s+(?:[\p{L}'’-]+\s+){1,3}?that\s+|(?:forecast|forecasts|predicted|predicts|predict|projected|projects|expects|expected|expect)\s+that\s+|(?:said|says|say|told|announced|warned|warn|warns|estimate|estimates|believe|believes|fear|fears|found|finds)\s+(?:(?:on|last|this|late\s+on|early\s+on)\s+\p{L}+\s+(?=that\s))?(?:that\s+)?|(?:adding|added|adds)\s+that\s+)(?=\S)/u,
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
  // "Running the polls cost", "Writing down its Russian assets would cost": a gerund and its object,
  // whole, without the article.
  const gerund =
    /^\s*((?!(?:during|following|including|excluding|regarding|concerning|according|notwithstanding|nothing|something|anything|everything)\b)\p{L}+ing(?:\s+(?:up|down|out|off|back))?)\s+(?:the|a|an|its|their)\s+((?:[\p{L}'’-]+\s+){0,3}[\p{L}'’-]+)\s*$/iu.exec(
      noun
    );
  if (gerund && !gerund[2].split(/\s+/).some((w) => stop.has(w.toLowerCase()))) return `${gerund[1]} ${gerund[2]}`;
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
export const revisedObject =
  /\b(?:cut|lowered|lower|raised|raise|lifted|lift|revised|trimmed|set|kept|held|left|doubled|tripled|halved|increased|increase|reduced|reduce|boosted|widened|narrowed)\s+(?:its|their|the|his|her|our)\s+(.+?)\s+(?:by\s+[^,;]+?\s+)?(?:(?:up|down|unchanged|steady)\s+)?(?:to|at)\s+$/u;

/** A change made to something, "raised premiums by 15%", "cut its prices by as much as 10 per cent": what was changed. */
const changedObject =
  /\b(?:raised?|raises|cut|cuts|lowered|lowers?|lifted|lifts?|reduced?|reduces|trimmed|trims?|hiked?|hikes|slashed|slash(?:es)?|boosted|boosts?)\s+(?:(?:its|their|the|his|her|our)\s+)?([^,;]+?)\s+by\s+(?:\p{Ll}+\s+){0,3}$/u;

/** The change a figure made to something ("cut fuel duty by 5p"): `change in fuel duty`, or "". */
export function changeMadeTo(before: string): string {
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
export function levelFromTo(before: string): string {
  const m = fromLevel.exec(before) ?? toLevel.exec(before);
  // ("The number of days above 35C has risen from two to nine": days above 35C.)
  return m ? lowerCase(subjectHead(m[1]).replace(/^(?:the\s+)?(?:total\s+)?number\s+of\s+/iu, "")) : "";
}

/**
 * What someone expects to reach a figure: "Insurers expect claims to exceed $300 million" (claims),
 * "economists predict inflation will hit 9 percent" (inflation), "the agency sees arrivals topping
 * 300,000" (arrivals), "had expected unemployment to stay at 4.3%" (unemployment). "" for any other figure.
 */
export function expectedMeasure(before: string): string {
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
export function participleSubject(before: string, measureIn: MeasureIn): string {
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
export const quantityNouns = new Set([
  ...unitNouns,
  ..."bags sacks boxes crates containers pallets truckloads doses rounds bottles parcels".split(" ")
]);

/** Things, not people, that do something: "farms that applied", but "families who applied". */
const things =
  /(?:^|\s)(?:farms?|firms?|compan(?:y|ies)|businesses|schools?|hospitals?|countries|councils?|banks?|shops?|stores?|charities|clubs?|cities|towns?|airlines?|factories|plants?|mines?|universities|employers?|retailers?|carmakers?|insurers?|lenders?|ships?|vessels?|boats?|flights?|trains?|carriages?|wagons?|planes?|aircraft|drones?|missiles?|rockets?|satellites?|animals?|birds?|cattle|sheep|pigs?|cows?|fish|chickens?|hens?|horses?|dogs?|cats?|trees?|tracks?|songs?|albums?|films?|movies?|books?|apps?|videos?|titles?|services?|homes?|households?|shares?|stocks?|bonds?|products?|vehicles?|cars?|lorries|trucks?|buses|items?|parcels?|doses?|cases?|deals?|contracts?|loans?|mortgages?|properties|buildings?|houses?|flats?|apartments?|offences?|crimes?|calls?|applications?|claims?|incidents?|accidents?|events?|payments?|tickets?|routes?|roads?|bridges?|sites?|places?|beds?|posts?|jobs?|roles?|vacancies|appointments?|operations?|tests?|visits?|trips?|journeys?|complaints?|reports?|fines?|penalties|notices?|permits?|licences?|votes?|seats?|branches|librar(?:y|ies)|courts?|prisons?|turbines?|pipes?|potholes?|bins?|weapons?|knives|products?)$/iu;
/** The relative pronoun for `noun`: "that" for a thing, "who" for people. */
export const who = (noun: string) => (things.test(noun.trim()) ? "that" : "who");

/**
 * A phrase of the sentence as a measure: its first word in lower case, unless it is an acronym or a
 * name's possessive ("NHS waiting list", "Kyiv's population", "EU's budget"); later capitals are
 * names and stay ("fixture Britons").
 */
export function lowerCase(phrase: string): string {
  return phrase.replace(/^[\p{L}][\p{L}'’-]*/u, (w) =>
    /^\p{Lu}{2,}/u.test(w) || /^\p{Lu}\p{Ll}*['’]s$/u.test(w) || /^\p{Lu}$/u.test(w) ? w : w.toLowerCase()
  );
}

/** A pronoun, which names nothing a figure could measure: "they have gained 41%", "that is still £420 higher". */
export const isPronoun = (w: string) => /^(?:i|you|he|she|it|we|they|this|that|these|those|which)$/iu.test(w);

export const isParticiple = (w: string) => isEdWord(w) || participles.has(w) || statusWords.has(w);

/**
 * To what end, or where, after a participle: " to leave their homes" ("residents were ordered to
 * leave their homes"), " to hospital" ("were taken to hospital"), " into shelters" ("schools were
 * turned into shelters"), " as shelters" after a `participle` such as used or listed ("schools were
 * used as shelters"); "" for anything else.
 */
export function toWhatEnd(text: string, participle = ""): string {
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
export const objectAfter =
  /^\s+((?:the|a|an|its|their|his|her|our)\s+(?!(?:day|week|month|year|night|morning|afternoon|evening|weekend|previous|same|following|next|last|first)\b)(?:(?:second|third|fourth|fifth|new|free|full|final|further|single|booster)\s+)?[\p{Ll}'’-]+(?:\s+(?!(?:on|in|at|to|for|from|of|by|with|and|or|but|as|than|that|which|who|after|before|during|since|until|over|under|into|last|this|next|yesterday|today|overnight|again)\b)\p{Ll}[\p{Ll}'’-]*(?<!ing|ly|ed)(?=\s*[.,;]|\s+(?:on|in|at|for|from|of|after|before|during|last|this)\b))?)/u;

/** Verbs in the base form before a count, and what they make of it: "(will) close (nine libraries)". */
export const baseParticiples: Record<string, string> = Object.fromEntries(
  (
    "close:closed open:opened sell:sold hire:hired build:built shut:shut scrap:scrapped create:created axe:axed " +
    "recruit:recruited buy:bought recall:recalled remove:removed replace:replaced plant:planted train:trained " +
    "deploy:deployed release:released evacuate:evacuated rehouse:rehoused block:blocked cancel:cancelled " +
    "delay:delayed divert:diverted suspend:suspended ground:grounded affect:affected restore:restored " +
    "expand:expanded reopen:reopened upgrade:upgraded repair:repaired demolish:demolished install:installed " +
    "connect:connected vaccinate:vaccinated relocate:relocated refurbish:refurbished inspect:inspected"
  )
    .split(" ")
    .map((pair) => pair.split(":"))
);

/**
 * A change in the figure before it: "612,000 registered voters, up 3 percent", "£1.4 billion, 8 percent
 * less than last year", "6,200 burglaries, a fall of 9 percent", "will cost £5,640, up £248". "" otherwise.
 */
export function changeInFigureBefore(before: string, after: string, measureIn: MeasureIn): string {
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
export function changeOfIn(before: string, after: string): string {
  const riseOf = new RegExp(String.raw`\b(average\s+)?(?:${changeNouns})\s+of\s+(?:\p{Ll}+\s+){0,2}$`, "u").exec(
    before
  );
  const riseIn = (
    riseOf
      ? // ("a rise of 4% on last year", "on 2021": the basis of the change, not what changed.)
        /^\s+(?:in|on)\s+(?!(?:the\s+|a\s+)?(?:previous\s+|same\s+|prior\s+)?(?:year|month|quarter|week|day|period)\b|(?:last|this|next)\s|(?:19|20)\d\d\b)(?:the\s+|its\s+|their\s+)?(.*)/u
      : new RegExp(String.raw`^\s+(?:${changeNouns})\s+in\s+(?:the\s+)?(.*)`, "u")
  ).exec(after);
  const changeIn = riseIn ? phraseOf(riseIn[1]) : "";
  return changeIn && `${riseOf?.[1] ? "average " : ""}change in ${changeIn}`;
}
export const pronounWho = /^(?:it|they|we|he|she)$/u;

/** A level the subject reached after a change, beyond a comma: "grew by 8.1 percent in the decade, to 812,000". */
export const levelAfterChange = new RegExp(
  String.raw`^(.*?)\s+(?:(?:has|have|had)\s+)?(?:(?:almost|nearly|more than)\s+)?(?:${movedPast}|halved|will\s+(?:rise|fall|grow|drop|increase|decrease|climb))\b[^;]*,\s+to\s+$`,
  "u"
);
