/**
 * What a figure measures, from the noun it counts and the words around it, in the ledger's style:
 * "civilians killed" ("has killed 2,000 civilians", "2,000 civilians have been killed"),
 * "refugees" ("800,000 Ukrainians have become refugees"), "Russian soldiers approaching the city",
 * "share of homes" ("3 per cent of homes"), "humanitarian aid" ("€500 million for humanitarian aid").
 * Pure, and modest: the words come from the sentence, never from a dictionary of topics.
 *
 * This module reads the figure's kind and the words right beside it (a rate, a unit, a comparison, an
 * age) and hands the rest to the kind's own rules: measure-count.ts, measure-percent.ts and
 * measure-money.ts, which share the phrase readers of measure-phrases.ts.
 */
import {currencyAfter} from "./currency.ts";
import {countMeasure} from "./measure-count.ts";
import {moneyMeasure} from "./measure-money.ts";
import {percentMeasure} from "./measure-percent.ts";
import {
  changeBefore,
  changeOfIn,
  expectedMeasure,
  isEdWord,
  isParticiple,
  isPronoun,
  isUnit,
  levelAfterChange,
  lowerCase,
  objectAfter,
  participleSubject,
  participles,
  pastTense,
  phraseAt,
  phraseBefore,
  pronounWho,
  quantityNouns,
  stop,
  subjectHead,
  toWhatEnd,
  verbBeforeNumber,
  who
} from "./measure-phrases.ts";
import {findNumbers, type FoundNumber} from "./numbers.ts";
import {datelineLength} from "./sentences.ts";
import {changeVerbs, comparedWith, movedPast, numberWords, rateTimes} from "./units.ts";

/** A rate right after a count's noun: "(30,000 people) a day", "per week", "each month"; not "a year ago". */
const ratePhrase = new RegExp(
  String.raw`^\s+(?:a|an|per|each|every)\s+(${rateTimes})\b(?!\s+(?:ago|earlier|before|later|previously)\b)`,
  "u"
);

/** What a price is for: "(\$84) a barrel", "per tonne", "a head". */
const perUnit =
  /^\s+(?:a|an|per)\s+(bushel|dozen|tonne|ton|barrel|litre|liter|gallon|kilogram|kilo|ounce|share|head|person|household|passenger|trip|visitor|guest|room|pupil|student|patient|customer|employee|worker|ticket|capita|(?:mega|kilo)watt[ -]hour)\b/u;

/** A number of times, which names nothing it counts: "three times as much", "shelled three times", "a 10-fold rise". */
export function isMultiple(n: Pick<FoundNumber, "kind" | "unit">): boolean {
  return n.kind === "count" && /^-?(?:times|fold)$/i.test(n.unit);
}

/**
 * The words that make a figure a picture of another, not one to cite with a measure of its own ("an
 * area about the size of 170 football pitches", "the equivalent of 40 swimming pools"), or "". A share
 * is no picture: "debt reached the equivalent of 90% of GDP" is a share of GDP.
 */
export function picturing(before: string, n: Pick<FoundNumber, "kind">): string {
  if (n.kind === "percent") return "";
  return (
    /\bthe\s+(?:size|equivalent)\s+of\s+(?:(?:about|some|nearly|around|roughly|almost|more than|over)\s+)?$/iu
      .exec(before)?.[0]
      .trim() ?? ""
  );
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
  if (picturing(sentence.slice(0, at), n)) return "";
  // "a five-year contract reportedly worth £250,000 a week": a hedge is no word of what it measures
  // (blanked, so that `at` still points at the figure).
  sentence = sentence.replace(/\b(?:reportedly|allegedly|apparently|reputedly|supposedly|purportedly)\b/giu, (w) =>
    " ".repeat(w.length)
  );
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
  // "leads the governing party by five points", "by just two points": a lead.
  if (
    /\b(?:leads?|led|leading)\s+(?:[^,;\d]{0,60}?\s)?by\s+(?:(?:just|only|a mere|nearly|almost|about|some)\s+)?$/u.test(
      before
    ) &&
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
  // "200 trees were down, of which 45 blocked main routes": a verb, not what the figure counts (that is the
  // count before it, which did so).
  const [verbFirst, ...object] = unit.split(" ");
  if (
    /\bof\s+(?:which|whom)\s+(?:(?:about|some|around|roughly|nearly|almost|more than|over|just|only)\s+)?$/u.test(
      before
    ) &&
    (isEdWord(verbFirst) || pastTense.has(verbFirst))
  ) {
    // ("… of which 45 blocked main routes": those that did so, to what.)
    const whole = findNumbers(before).findLast((r) => r.kind === "count" && r.unit !== "");
    const when = /^(?:last|this|next|on|in|at|by|for|from|to|after|before|during|since|over|under)$/u;
    const what = object.length > 0 && !when.test(object[0]) ? phraseAt(object.join(" "), 3) : "";
    if (whole && what) return `${whole.unit} ${who(whole.unit)} ${verbFirst} ${what}`;
    unit = "";
  }
  if (unit) {
    const i = after.indexOf(unit);
    if (i >= 0 && i < 8) after = after.slice(i + unit.length);
    else unit = unit.replace(/^-/, "");
  }
  // "a shortage of 400 teachers", "will be short of 1,200 reception places": a lack of them, not them.
  const lack =
    n.kind === "count" && unit
      ? /\b(?:(shortage|shortfall|deficit|gap)|(?:(?:is|are|was|were|be|been)\s+)short)\s+of\s+(?:(?:about|some|around|roughly|nearly|almost|more than|over|at least|up to|an estimated)\s+)?$/u.exec(
          before
        )
      : null;
  if (lack) return `${lack[1] === "shortage" ? "shortage" : "shortfall"} of ${phraseAt(unit, 4)}`;
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
  // "Five people were killed and 12 others injured": others of the people the count before counts ("12
  // others" alone names nothing, nor does it after "12 staff": other people than staff).
  if (n.kind === "count" && /^others$/iu.test(unit)) {
    const earlier = findNumbers(before).findLast((r) => r.kind === "count" && r.unit !== "");
    if (!earlier || !/(?:^|\s)(?:people|persons|individuals|civilians)$/iu.test(earlier.unit)) return "";
    unit = earlier.unit;
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
  // (Not of another group: "47 per cent of private school entries, compared with 19 per cent at state schools",
  // "71% of boys passed against 69% of girls": a share of its own noun.)
  const otherGroup =
    /^\s+(?:at|among)\s+(?!(?:the\s+)?(?:same|previous|first|last|year|month|quarter|week|period|time)\b)\p{L}/u.test(
      after
    ) ||
    // (… when the one before is a share of a group too: "Turnout was 62%, against 58% of registered voters"
    // is turnout both times.)
    (n.kind === "percent" &&
      /(?:%|\bper\s*cent|\bpercent)\s+of\s/u.test(before) &&
      /^\s+of\s+(?!(?:the\s+)?(?:same|previous|first|last|year|month|quarter|week|period|time|total|vote|votes)\b)\p{L}/u.test(
        after
      ));
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
  if (n.kind === "percent")
    return percentMeasure(before, after, measureIn).replace(/^share of (?:all|them|those|these)$/u, "");
  // "£400 million ($520 million)": the same sum in another currency, of what the first measures.
  const converted =
    n.kind === "money" && /\S\s*\(\s*$/u.test(before) ? findNumbers(sentence.slice(0, at)).at(-1) : undefined;
  if (converted?.kind === "money" && /^\s*\(\s*$/u.test(sentence.slice(converted.end, at)))
    return measureIn(sentence, converted.start, converted);
  if (n.kind === "money") {
    // "Losses could reach £40 million a day", "rose to $84 a barrel": a rate or a price, measured as such.
    const measure = moneyMeasure(before, after, measureIn);
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
    // "35 kilometres of new cycle lanes", "damaged 200 miles of coastline": a length of something (and
    // what was done to it); "within 3 km of the site" is a distance from it.
    // ("The queue stretched for 20 miles of motorway": the queue's length, below.)
    const lengthOf =
      n.kind === "distance" && !stretched && !/\b(?:within|inside)\s+$/u.test(before)
        ? /^\s+of\s+(?:(?:the|its|their)\s+)?(?=\p{Ll})/u.exec(after)
        : null;
    const lengthWhat = lengthOf ? phraseAt(after.slice(lengthOf[0].length), 4, false) : "";
    if (lengthWhat) return `${unit} of ${lengthWhat}${verb && isEdWord(verb[2]) ? ` ${verb[2]}` : ""}`;
    // "The researchers spent 23 days at sea": the days so spent, and where.
    if (n.kind === "duration" && verb?.[2] === "spent") {
      const where = /^\s+((?:at|in|on|aboard)\s+(?:the\s+)?\p{Ll}+)/u.exec(after)?.[1];
      return `${unit} spent${where ? ` ${where}` : ""}`;
    }
    // "The detour added about ten days to each voyage", "will add 20 minutes to journeys": time (or
    // distance) added to something.
    if (
      /(?:^|\s)(?:add|adds|added|adding)\s+(?:(?:about|some|nearly|almost|more than|over|up to|an extra|another|a further)\s+)?$/u.test(
        before
      )
    ) {
      const to = /^\s+to\s+(?:(?:the|a|an|its|their)\s+)?((?:each|every)\s+)?/u.exec(after);
      const what = to ? phraseAt(after.slice(to[0].length), 3) : "";
      if (what) return `${unit} added to ${to![1] ?? ""}${what}`;
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
        participleSubject(before, measureIn) ||
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
  // barrels a day, to 10.48 million", "to raise its annual passenger cap from 12 million to 15 million":
  // what was cut or raised, at both levels.
  const set =
    /\b(?:put|puts|putting)\s+(?:the|its|their)\s+((?:\p{Ll}+\s+)?\p{Ll}+)\s+at\s+$/u.exec(before) ??
    /\b(?:cut|cuts|lower|lowered|lowers|raise|raised|raises|reduce|reduced|reduces|increase|increased|increases|boost|boosted|boosts)\s+(?:its|their|the)\s+((?:\p{Ll}+\s+){0,2}\p{Ll}+)\s+(?:by\s+[^;]*?,?\s+to|from(?:\s+[^;]*?\s+to)?)\s+$/u.exec(
      before
    );
  if (set && !set[1].split(" ").some((w) => stop.has(w))) return set[1];
  const level = levelAfterChange.exec(before) ?? levelAfterPercent.exec(before);
  // (… or people: "Season ticket holders, who number about 31,000".)
  const which = /^(.*?),\s+(?:which|who)\s+(?:number|numbered|total|totalled|totaled)\s+$/u.exec(before);
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
    // ("2,480 care home beds, about 600 fewer than it needs": a shortfall of them, not a change.)
    if (
      /^\s+(?:fewer|less)\s+than\s+(?:(?:it|they|the\s+\p{Ll}+)\s+)?(?:needs?|needed|requires?|required)\b/u.test(after)
    )
      return measure && `shortfall of ${measure}`;
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
