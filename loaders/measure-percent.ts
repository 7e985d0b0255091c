/**
 * The measure of a percentage: a share of something ("3 per cent of homes" → "share of homes"), a
 * change ("Inflation rose 2%" → "change in inflation") or a level ("Inflation hit 9%" → "inflation").
 */
import {countMeasure} from "./measure-count.ts";
import {
  changeBefore,
  changeInFigureBefore,
  changeMadeTo,
  changeOfIn,
  expectedMeasure,
  isEdWord,
  isParticiple,
  levelFromTo,
  lowerCase,
  type MeasureIn,
  objectAfter,
  participleSubject,
  participles,
  pastTense,
  phraseAt,
  phraseBefore,
  revisedObject,
  showWords,
  statusWords,
  stop,
  subjectHead,
  verbBeforeNumber,
  who
} from "./measure-phrases.ts";
import {findNumbers} from "./numbers.ts";

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

/** A name on a share, as a poll puts it: "(The Greens were) on", "(, and the Liberals) on". */
const pollShare =
  /(?:^\s*|[,;]\s*|\band\s+)((?:[Tt]he\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})\s+(?:(?:was|were|is|are|stands|stand|stood|remained|remains)\s+)?on\s+$/u;

/** The measure of a percentage: "share of homes" ("3 per cent of homes"), or its subject ("inflation"). */
export function percentMeasure(before: string, after: string, measureIn: MeasureIn): string {
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
    // ("14% of the county's 5,300 km of roads": of the roads, whatever their length.)
    const whole = of[1]
      .replace(
        /^((?:[\p{L}-]+\s+){0,2}[\p{L}-]+['’]s?\s+)?(?!(?:19|20)\d\d\s+(?:level|levels|peak|total|figure|average)\b)[\d.,]+(?:\s+(?:million|billion))?\s+/u,
        "$1"
      )
      .replace(
        /^((?:[\p{L}-]+\s+){0,2}[\p{L}-]+['’]s?\s+)?(?:km|kilometres|kilometers|miles|hectares|acres|tonnes|tons|litres|liters)\s+of\s+/u,
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
    // ("480 flats, of which 35% will be affordable": what they will be.)
    const are = /^\s+(?:are|were|is|was|(will|would)\s+be)\s+(.*)/u.exec(after);
    const who = are ? phraseAt(are[2], 4, true, true) : "";
    const be = are?.[1] ? "will be" : "are";
    if (whole) return `share of ${whole.unit}${who ? ` ${ofWhich[1] === "which" ? "that" : "who"} ${be} ${who}` : ""}`;
    // ("a budget of £1.04 billion, of which 61% goes on social care": a share of the sum, and on what.)
    const sum = ofWhich[1] === "which" ? findNumbers(before).findLast((r) => r.kind === "money") : undefined;
    const sumOf = sum ? measureIn(before, sum.start, sum) : "";
    const spentOn = /^\s+(?:goes|go|went|is\s+spent|was\s+spent|are\s+spent)\s+(?:on|to)\s+(.*)/u.exec(after);
    const onWhat = spentOn ? phraseAt(spentOn[1], 5, true, true) : "";
    if (sumOf) return `share of ${sumOf}${onWhat ? ` spent on ${onWhat}` : ""}`;
  }
  const changeInBefore = changeInFigureBefore(before, after, measureIn);
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
  // ("That is a rise of 9%", "A rise of 9% … was driven by", "…, a rise of 4% on last year": a change, in what
  // the sentence does not say.)
  if (
    /(?:^|[,;])\s*(?:(?:that|this|it)\s+(?:is|was|represents|marked|marks)\s+)?an?\s+(?:rise|increase|fall|drop|decline|jump|gain|surge|climb)\s+of\s+(?:(?:about|some|nearly|almost|around|roughly|more than|over)\s+)?$/iu.test(
      before
    )
  )
    return "";
  if (named) return lowerCase(named);
  return participleSubject(before, measureIn);
}

/** What a share says its noun is: "(the vaccine was 91 percent) effective", "(shelves 40 percent) empty". */
const stateWords = /^(?:effective|complete|full|empty|accurate|booked|occupied|vaccinated|funded)$/u;
