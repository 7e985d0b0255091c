/**
 * The measure of a sum of money: what it is for, paid to or the cost of ("€500 million for humanitarian
 * aid" → "humanitarian aid"), a price, a change in one, or the subject it is the level of.
 */
import {
  changeInFigureBefore,
  changeMadeTo,
  changeOfIn,
  expectedMeasure,
  isEdWord,
  isPronoun,
  levelAfterChange,
  levelFromTo,
  lowerCase,
  type MeasureIn,
  participleSubject,
  pastTense,
  phraseAt,
  phraseBefore,
  pronounWho,
  revisedObject,
  stop,
  subjectHead
} from "./measure-phrases.ts";
import {findNumbers} from "./numbers.ts";
import {kindOfUnit, numberWords} from "./units.ts";

/** People a sum goes to ("to the family of each victim", "for refugees"), not what it is for. */
const recipients =
  /^(?:family|families|victims?|survivors?|households?|farmers?|pensioners?|veterans?|refugees?|students?|pupils?|workers?|residents?)$/u;

/** A sum's subject and verb of change before it: "bills will rise by …", "Mortgage payments went up by …". */
const moneyChange = String.raw`(.*?)\s+(?:(?:will|would|could|may|might|has|have|had)\s+)?(?:(?:go|goes|went|gone)\s+(?:up|down)|rise|rises|rose|risen|fall|falls|fell|fallen|increase|increases|increased|drop|drops|dropped|climb|climbs|climbed|jump|jumps|jumped)\s+`;
const moneyChangeBy = new RegExp(String.raw`${moneyChange}by\s+(?:\p{Ll}+\s+){0,2}$`, "u");
const moneyChangeTo = new RegExp(String.raw`${moneyChange}(?:by\s+)?(?:\p{Ll}+\s+){0,2}$`, "u");

/** The measure of a sum of money: "humanitarian aid" ("€500 million for humanitarian aid"), "credit line" ("a $1.7bn credit line"). */
export function moneyMeasure(before: string, after: string, measureIn: MeasureIn): string {
  // "raised £7.8 million, of which £1.1 million went to the hospice": money to where it went.
  const wentTo = /\bof\s+which\s+(?:(?:about|some|around|roughly|nearly|almost|more than|over|just|only)\s+)?$/u.test(
    before
  )
    ? /^\s+(?:went|goes|go|(?:will|would)\s+go|(?:is|are)\s+going|(?:has|have)\s+gone)\s+(?:to|towards)\s+(?:the\s+)?(.*)/u.exec(
        after
      )
    : null;
  const where = wentTo ? phraseAt(wentTo[1], 3) : "";
  if (where) return `money to ${where}`;
  // "Tickets were priced from $59 to $449", "seats are priced at £45": the price of the subject.
  const priced = /(.*?)\s+(?:(?:were|was|are|is|will\s+be|(?:has|have)\s+been)\s+)?priced\s+(?:(?:at|from)\s+)?$/u.exec(
    before
  );
  const pricedWhat = priced ? lowerCase(subjectHead(priced[1])) : "";
  if (pricedWhat) return `price of ${pricedWhat}`;
  // "after fares were capped at £2", "the fee is fixed at €30", "Fares on the busiest route will be
  // frozen at £18.50": the subject of what was so set.
  const set =
    /(.*?)\s+(?:(?:were|was|are|is|will\s+be|(?:has|have)\s+been|(?:will\s+|would\s+)?(?:stay|stays|stayed|remain|remains|remained))\s+)(?:capped|fixed|frozen|set|kept|held)\s+at\s+$/u.exec(
      before
    );
  // ("journeys rose after fares were capped at £2": the clause's own subject.)
  const setWhat = set
    ? lowerCase(
        subjectHead(set[1].replace(/^.*\b(?:after|when|because|since|until|before|while|once|if|and|but)\s+/iu, ""))
      )
    : "";
  // ("The cap on energy bills will be fixed at £1,700": a cap or limit is on something.)
  const capOn = /^(?:cap|limit|ceiling)$/u.test(setWhat)
    ? /\b(?:cap|limit|ceiling)\s+on\s+(?:the\s+)?((?:\p{Ll}+\s+){0,2}?\p{Ll}+)\s*$/u.exec(set![1])
    : null;
  if (capOn) return `${setWhat} on ${capOn[1]}`;
  if (setWhat) return setWhat;
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
    const measure = sum
      ? measureIn(before, sum.start, sum)
      : moneyMeasure(`${before.slice(0, average.index)} `, after, measureIn);
    if (measure) return `average ${measure}`;
  }
  // … and "will pay £1,528 on average".
  const onAverage = /^((?:\s+(?:a|per)\s+\p{Ll}+)?)\s+on\s+average\b/u.exec(after);
  if (onAverage) {
    const measure = moneyMeasure(before, onAverage[1] + after.slice(onAverage[0].length), measureIn);
    // ("bills will rise by £150 a year on average": a change, as a change is drafted.)
    if (measure) return measure.startsWith("change in ") ? measure : `average ${measure}`;
  }
  const changeIn = changeOfIn(before, after);
  if (changeIn) return changeIn;
  const fromTo = levelFromTo(before);
  if (fromTo) return fromTo;
  const changeInBefore = changeInFigureBefore(before, after, measureIn);
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
  // ("£8 million to create 250 specialist places": the places, whole.)
  const toDo =
    /^\s+to\s+(\p{Ll}+)\s+(?:(?:about|some|nearly|more than|over|up to)\s+)?\d[\d.,]*(?:\s+(?:million|billion|thousand))?\s+(\p{Ll}.*)/u.exec(
      after
    );
  const toDoWhat = toDo ? phraseAt(toDo[2], 3) : "";
  if (toDoWhat && !stop.has(toDoWhat.split(" ")[0])) return `money to ${toDo![1]} ${toDoWhat}`;
  // "set aside £1.2 billion to cover bad loans", "€3m to rebuild the bridge": what it is to do.
  const purposeVerb =
    /^\s+to\s+(help|cover|fund|pay|buy|build|rebuild|repair|support|feed|house|fly|provide|protect|replace|hire|upgrade|ease|meet|tackle|compensate|finance|expand|extend|improve|modernise|modernize|renovate|restore|develop|create|clean)\s+((?:the|its|their|new)\s+)?((?:\p{L}[\p{L}'’-]*\s+){0,2}\p{L}[\p{L}'’-]*)?/u.exec(
      after
    );
  if (purposeVerb) {
    const object = purposeVerb[3] ? phraseAt(purposeVerb[3], 3) : "";
    return `money to ${purposeVerb[1]}${object ? ` ${purposeVerb[2] ?? ""}${object}` : ""}`;
  }
  // "has set aside £850,000 to subsidise evening services", "committed £38 million to connect …": money put
  // by to do something, and what ("set aside €2 million for emergency shelters" is of the shelters, below).
  const putTo =
    /\b(?:(?:set|put)\s+aside|earmarked|allocated|committed|pledged|budgeted|reserved|ring-?fenced)\s+(?:(?:a further|another|an extra|more than|up to|about|some|nearly|almost|around|roughly)\s+)?$/u.test(
      before
    )
      ? /^\s+to\s+(\p{Ll}+)\s+((?:the|its|their|new)\s+)?(.*)/u.exec(after)
      : null;
  const toWhat = putTo && !stop.has(putTo[1]) ? phraseAt(putTo[3], 3) : "";
  if (toWhat) return `money to ${putTo![1]} ${putTo![2] ?? ""}${toWhat}`;
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
          ? preposition === "for" || preposition === "to" || (used![3] !== undefined && preposition === "on")
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
    // ("Government grants of £7,500 covered half the cost": the grants, below, not what they did.)
    !/(?:^|\s)(?!(?:total|sum|amount|average|all|some|most|part|half|much|none|each|one|any|many|lot|lots|out|because|instead|ahead|inside)\s)\p{Ll}+\s+of\s+(?:(?:about|some|nearly|around|roughly|more than|up to|almost|over)\s+)?$/u.test(
      before
    ) &&
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
  // "after a three-year renovation costing £48 million", "A temporary footbridge costing £2.2 million":
  // the cost of the noun it follows (its length is no part of it).
  const costing =
    /(?:^|\s)(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)\s+((?:[\p{L}'’-]+\s+){0,2}?\p{Ll}[\p{Ll}-]*)\s+costing\s+(?:(?:about|some|around|roughly|nearly|almost|more than|over|up to|an estimated)\s+)?$/u.exec(
      before
    );
  const costed = costing
    ? costing[1]
        .split(/\s+/)
        .filter((w) => kindOfUnit(w.split("-").at(-1)!) !== "duration")
        .join(" ")
    : "";
  const costedHead = costed.split(" ").at(-1) ?? "";
  if (costed && !stop.has(costedHead) && !isEdWord(costedHead) && !pastTense.has(costedHead))
    return `cost of ${lowerCase(costed)}`;
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
    /(.*?)\s+(?:(?:has|have|had)\s+)?(?:(?:more than\s+|almost\s+|nearly\s+)?(?:rose|risen|climbed|jumped|increased|grew|grown|fell|fallen|dropped|slipped|slid|dipped|eased|declined|slumped|plunged|surged|soared|tumbled|doubled|tripled|halved|narrowed|widened|shrank|shrunk|swelled|expanded|amounted|came|stood|stands|stand|closed|opened|ended|finished|settled|traded|peaked|hovered)(?:\s+(?:by\s+)?(?:[^,;]|,(?=\d)){1,30}?)?\s+(?:to|at)|(?:(?:will|would|could|may|might)\s+)?(?:stay|stays|stayed|remain|remains|remained|hold|holds|held)(?:\s+(?:unchanged|steady|flat))?\s+at|reached|hit|topped|totalled|totaled|averaged|was|were|is|are|(?:could|would|will|may|might)\s+(?:reach|hit|top|total|exceed|be)|(?:(?:could|would|will|may|might)|(?:is|are)\s+(?:set|expected|due|likely|forecast)\s+to)\s+(?:rise|fall|increase|climb|drop|jump|go\s+(?:up|down))(?:\s+(?:by\s+)?(?:[^,;]|,(?=\d)){1,30}?)?\s+to)\s+(?:an?\s+(?:record|new|all-time|fresh)\s+(?:(?:high|low)\s+of\s+)?)?$/u.exec(
      before
    );
  if (subject) {
    // ("when they peaked at $123": a pronoun names nothing.)
    const noun = subjectHead(subject[1]);
    // ("Shares in the firm closed at €41.30": the price of one.)
    if (/^(?:shares|stock|stocks)$/iu.test(noun)) return "share price";
    if (noun && !isPronoun(noun)) return lowerCase(noun);
  }
  // "The cluster's appeal for $46 million", "a request for €2 billion": what asks for it (not "sold for").
  const asked = /(?:^|\s)(?:an?|the|its|their|\p{L}+['’]s)\s+(\p{Ll}+)\s+for\s+(?:\p{Ll}+\s+){0,2}$/u.exec(before);
  if (asked && !isEdWord(asked[1]) && !pastTense.has(asked[1]) && !stop.has(asked[1])) return asked[1];
  // "will pay the bridge's operator £31 million a year", "will give Ukraine $500 million", "saving regular
  // commuters up to £1,200 a year": money paid or given to someone, or saved for them.
  const toWhom =
    /\b(pay|pays|paid|paying|give|gives|gave|giving|award|awards|awarded|awarding|owe|owes|owed|owing|save|saves|saved|saving)\s+(?:(?:the|its|their|his|her|our)\s+)?((?:each|every)\s+)?((?:[\p{L}'’-]+\s+){0,2}?[\p{L}'’-]+)\s+(?:(?:about|some|around|roughly|nearly|almost|more than|over|up to|at least|an extra|another|a further)\s+)?$/u.exec(
      before
    );
  const recipient = toWhom?.[3] ?? "";
  // (Not a particle: "expect to pay out more than £400 million".)
  if (
    toWhom &&
    !recipient
      .split(/\s+/)
      .some(
        (w) => stop.has(w.toLowerCase()) || /\d/u.test(w) || isPronoun(w) || /^(?:out|back|up|off|down|away)$/u.test(w)
      )
  ) {
    const verb = toWhom[1];
    const done = verb.startsWith("sav")
      ? "saved for"
      : verb.startsWith("aw")
        ? "awarded to"
        : verb.startsWith("ow")
          ? "owed to"
          : verb.startsWith("pa")
            ? "paid to"
            : "given to";
    return `money ${done} ${toWhom[2] ?? ""}${recipient}`;
  }
  // "opened 120 extra beds at a cost of £9 million", "The bridge was rebuilt at a cost of £40 million":
  // the cost of what was made or done, the count before or the subject.
  const atCost =
    /^(.*?)\s+at\s+an?\s+(?:total\s+|estimated\s+|combined\s+)?cost\s+of\s+(?:(?:about|some|around|roughly|nearly|almost|more than|over)\s+)?$/u.exec(
      before
    );
  if (atCost) {
    // (Not people something was done to: "29,000 asylum seekers were housed in hotels, at a cost of" is
    // the cost of housing them, which the words do not name.)
    const passive = String.raw`(?:was|were|has been|have been|had been|will be|is being|are being)\s+\p{Ll}+`;
    const made = findNumbers(atCost[1]).findLast((r) => r.kind === "count" && r.unit !== "");
    const done = new RegExp(String.raw`^(\D*?)\s+${passive}(?:\s+[^,;]*)?,?$`, "u").exec(atCost[1]);
    const what =
      // ("restore 14 routes that were withdrawn …, at a cost of": a relative clause of the routes.)
      made &&
      !new RegExp(String.raw`^(?:\s+(?!(?:that|which|who)\b)[\p{L}'’-]+){0,3}?\s+${passive}`, "u").test(
        atCost[1].slice(made.end)
      )
        ? made.unit
        : !made && done
          ? subjectHead(done[1])
          : "";
    if (what && !isPronoun(what)) return `cost of ${lowerCase(what)}`;
  }
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
    // ("a funding gap of £23 million", "a budget deficit of": a noun before it names its kind too; not a
    // word of size or order, "a hefty fine of", "a further loan of".)
    // (… or at the sentence's start: "Government grants of £7,500".)
    const compound =
      /(?:(?:^|\s)(?:an?|the|its|their|his|her|our|\p{L}+['’]s)\s+(\p{Ll}+)|^\s*(\p{Lu}\p{Ll}+))\s+\p{Ll}+$/u.exec(
        worth[1]
      );
    const modifier = (compound?.[1] ?? compound?.[2] ?? "").toLowerCase();
    const twoWords =
      modifier !== "" &&
      !stop.has(modifier) &&
      !isEdWord(modifier) &&
      !/(?:ly|est|er)$/u.test(modifier) &&
      !/^(?:new|small|large|big|huge|massive|hefty|whopping|modest|record|further|additional|extra|fresh|initial|final|estimated|combined|total|net|gross|one-off|single|possible|potential|proposed|planned|maximum|minimum|typical|average)$/u.test(
        modifier
      );
    const noun = lowerCase(phraseBefore(worth[1], (kind && !lengthOf) || twoWords ? 2 : 1));
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
  return participleSubject(before, measureIn);
}
