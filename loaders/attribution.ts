/**
 * Who a sentence says gave its figure: "according to UNHCR", "the UN refugee agency said",
 * "said Filippo Grandi", "UNHCR figures show". Pure and deliberately modest: it returns the
 * words the sentence uses, or "" (with the pronoun it saw, when the sentence names someone only
 * as "he" or "they") so that the editor fills it in rather than trusting a guess.
 */
import {datelineLength, sentenceSpans} from "./sentences.ts";
import {numberWords} from "./units.ts";

/** What the sentence says about who gave the figure. */
export interface Attribution {
  /** The words naming who gave it ("the UN refugee agency"), or "" when the sentence does not say. */
  who: string;
  /** A pronoun or a vague subject that stands for someone named elsewhere ("he", "it"), or "". */
  pronoun: string;
}

const sayVerbs =
  "said|says|say|told|tells|reported|reports|estimated|estimates|estimate|calculated|calculates|revealed|reveals|disclosed|discloses|believes|believe|believed|stated|states|announced|announces|confirmed|confirms|claimed|claims|added|adds|warned|warns|noted|notes|tweeted|wrote|writes|recorded|records|registered|counted|counts|found|finds|expects?|forecasts?|predicts?|puts? (?:the|its|their) (?:figure|number|toll|total|count|tally|cost|bill|damage|crowd|turnout|attendance|losses)";
/** Verbs of counting (and finding), which say who kept the count rather than who gave the figure. */
const counting = /(?:recorded|records|registered|counted|counts|found|finds)$/iu;
const sayVerb = new RegExp(String.raw`(?<![\p{L}])(?:(?:has|have|had)\s+)?(?:${sayVerbs})(?![\p{L}])`, "giu");
const accordingTo =
  /\baccording to\s+([^,;:.()"“”]+?)(?=\s*(?:[,;:.()"“”]|$|\s(?:which|who|that|as of|on|in|by|published|released|compiled|issued)\b))/iu;
/** What figures are called, and what they do: "UNHCR figures show", "Figures from the border guard showed". */
const figureNouns = "figures|data|estimates|statistics|numbers|tallies|counts";
/** Documents that give figures: "the report said", "the study found". */
const documentNouns = "report|study|survey|poll|review|analysis|audit|census";
/** Who can find a figure, besides a name: a document, a court, an inquiry, a body or people who investigate. */
const finder = new RegExp(
  String.raw`\b(?:${documentNouns}|inquiry|investigation|court|tribunal|judge|jury|panel|researchers|scientists|investigators|inspectors|auditors|police|officials|regulator|watchdog|ombudsman|commission|agency|office|ministry|department|institute|charity|council)\b`,
  "iu"
);
/** A name after a subject's first word: "the Fixture Institute". */
const namedAfterFirst = /^\S+\s.*\p{Lu}/u;
/**
 * "according to an estimate by a consultancy", "according to data compiled (on Monday) by the ministry":
 * whose they are (a document or figures, one or many).
 */
const accordingToWhose = new RegExp(
  String.raw`\baccording to\s+(?:(?:an?|the)\s+)?(?:(?:latest|new|official|initial|provisional)\s+)?(?:${figureNouns}|${documentNouns}|estimate|count|tally|statements?|calculations?|reports|studies|surveys|polls|reviews|analyses|audits)(?:\s+(?:compiled|published|released|gathered|collected|issued|made)(?:\s+(?:(?:on|last|this)\s+\p{L}+|yesterday|today))?)?\s+(?:by|from|of)\s+`,
  "iu"
);
const showWords = "show|shows|showed|suggest|suggests|suggested|indicate|indicates|indicated";
/** "UNHCR figures show", "the council's own data shows", "the operator's annual report showed": whose they are, first. */
const showVerbs = new RegExp(
  String.raw`([^,;:"“”]+?)\s+(?:(?:own|latest|official|new|annual|monthly|quarterly|weekly)\s+)?(${figureNouns}|${documentNouns})\s+(?:${showWords})\b`,
  "iu"
);
/** Words before "figures" that say what kind they are, not whose: "trade figures", "industry data". */
const kindOfFigures =
  /^(?:trade|industry|market|economic|provisional|preliminary|monthly|annual|quarterly|weekly|daily|recent)$/iu;
/** What figures are before whose they are: "figures compiled by", "data published by". */
const gatheredBy = "compiled|published|released|collected|gathered";
/**
 * "Figures from the border guard showed …", "figures compiled by Reuters show", "the figures, compiled by the
 * agency, show": whose figures, after the word for them.
 */
const showFrom = new RegExp(
  String.raw`\b(?:${figureNouns}),?\s+(?:(?:${gatheredBy})\s+)?(?:from|by|of)\s+([^,;:"“”]+?),?\s+(?:${showWords})\b`,
  "iu"
);
const sourceWords = new RegExp(
  String.raw`^(?:(?:the\s+)?(?:latest\s+)?(?:figures|data|estimates|statistics|numbers|a count|a tally|a statement|a report)\s+(?:(?:${gatheredBy})\s+)?(?:from|by|of)\s+)`,
  "iu"
);
/**
 * What someone's figures are called, after their name: "the agency's figures", "UNHCR data". In lower
 * case only, so that a name such as "the Office for National Statistics" keeps its last word.
 */
const figuresOf =
  /(?:['’]s)?\s+(?:latest\s+|own\s+|official\s+)?(?:figures|data|estimates|statistics|numbers|counts?|tally|tallies)$/u;
const pronouns = new Set("he she it they we i you who which this that one its their his her our".split(" "));

/** What a saying verb reports when a number follows it: "said (that) about 40 percent", "estimated 300", "reported a 4.2 per cent fall". */
const reportsNumber =
  /^\s+(?:that\s+|at\s+)?(?:an?\s+)?(?:(?:about|some|around|roughly|nearly|almost|more than|over|up to|at least|as many as|fewer than|less than|another|a further)\s+)?[$€£]?\d/iu;

/** A quantity right after "add": "(added) about ten days", "(adds) 40 beds", "(added) another £2 million". */
const addsQuantity = new RegExp(
  String.raw`^\s+(?:(?:about|some|around|roughly|nearly|almost|more than|well over|over|up to|at least|as many as|another|a further|an extra|an estimated|an?)\s+)?(?:[$€£]?\d|(?:${numberWords})\b)`,
  "iu"
);

/** After a participle, what it was reported to or by, then its noun's verb: "(offences reported) to police rose". */
const participleClause =
  /^\s+(to|by)\s+((?:the\s+)?[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,3}?)\s+(?:(?:has|have|had)\s+)?(?:(?:more\s+than\s+)?doubled|rose|fell|climbed|jumped|dropped|increased|decreased|declined|grew|totalled|totaled|numbered|reached|were|was|are|is|stood|hit|halved|edged|eased|surged|soared)\b/iu;

/** Saying verbs that are also nouns: "the agency estimates", but "its estimates", "1,200 claims", "the forecast". */
const nounable = /^(?:estimates?|reports?|claims?|counts?|records?|notes?|states?|forecasts?)$/i;
/** Before a noun: a determiner, a possessive or a number ("its estimate", "the bank's records", "1,200 claims"). */
const nounBefore =
  /(?:(?:^|[^\p{L}])(?:its|their|his|her|our|my|your|the|a|an|this|these|those|own|latest|new|official|initial|unconfirmed)|\d|['’]s)\s+$/iu;
/**
 * After a noun: the verb it is the subject of ("reports suggest", "records show", "jobless claims rose",
 * "since records began").
 */
const verbAfter = new RegExp(
  String.raw`^\s+(?:${showWords}|list|lists|listed|put|puts|rose|fell|jumped|climbed|dropped|increased|decreased|declined|surged|soared|slumped|plunged|grew|reached|hit|totalled|totaled|stood|began|begin|begins|started|start|starts|are|were|have|had)\b`,
  "iu"
);
/** A plural before a verb, or before what it is of: "analysts estimate", "Analysts at the bank estimate". */
const pluralSubject =
  /(?:^|[^\p{L}])(?:(?:we|they|i|you|\p{L}+s|people|police)|\p{L}+s\s+(?:at|of|from|in|with)\s+(?:[\p{L}'’-]+\s+){1,4})\s*$/iu;

/**
 * True when the saying verb at [start, end) is a noun here: after a determiner, a possessive or a
 * number, before a verb or a preposition, or in its bare form with no plural subject ("its
 * unemployment estimate").
 */
function isNounHere(sentence: string, start: number, end: number): boolean {
  const word = sentence.slice(start, end);
  if (!nounable.test(word)) return false;
  const before = sentence.slice(Math.max(0, start - 24), start);
  // … or before a preposition: "went back to paper records for six days", "reports of shelling".
  const next = sentence.slice(end, end + 16);
  if (nounBefore.test(before) || verbAfter.test(next) || /^\s+(?:for|of|from|with|about)\b/iu.test(next)) return true;
  return !/s$/i.test(word) && /\p{L}\s+$/u.test(before) && !pluralSubject.test(before);
}
/** Words around a subject that are not part of its name: time words, adverbs, "in a statement". */
const trimBefore =
  /^(?:(?:and|but|while|as|so|where|when|whereas|because|although|though|if|also|then|later|earlier|now|separately|meanwhile|however|in addition|yesterday|today|last (?:week|month|year|night)|(?:on|by|late on|early on) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s+)+/iu;
const trimAfter =
  /\s+(?:(?:on|late on|early on|as of)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|also|previously|earlier|later|now|separately|in a statement|on its website|on Twitter|on Telegram|published|released|issued|conducted)$/iu;

/**
 * Where the last clause of `text` starts: its last "that", "but", "while" or "and", but not the "and" of
 * a name ("Police in England and Wales"); -1 when there is none.
 */
function lastJoin(text: string): number {
  let last = -1;
  for (const m of text.matchAll(/\s(?:that|and|but|while)\s/gu))
    if (
      !/^\sand\s\p{Lu}/u.test(m[0] + text.slice(m.index + m[0].length)) ||
      !/\p{Lu}\p{L}*$/u.test(text.slice(0, m.index))
    )
      last = m.index;
  return last;
}

/** A clause's subject and its verb in the past: "(The government) released". */
const coordinatedSubject =
  /^\s*((?:[\p{L}'’.-]+\s+){0,4}?[\p{L}'’.-]+)\s+(?:\p{Ll}+ed|sent|cut|held|gave|took|made|put|set|kept|won|lost|paid|sold|spent|built|began|brought)\s/u;

/** Cleans a candidate subject: trims joining words, time words and quotes; "" when nothing is left. */
function clean(subject: string): string {
  // ("Of the refugees the agency had counted": the agency.)
  let s = subject
    .replace(/^[\s"“”'‘’—–-]+|[\s"“”'‘’—–-]+$/gu, "")
    .replace(/^of\s+(?:the\s+)?[\p{L}'’-]+\s+(?=(?:the|a|an|its|their)\s)/iu, "")
    // ("a grant of £450,000, a sum organisers said had been cut": organisers.)
    .replace(
      /^(?:a|an|the)\s+(?:sum|figure|number|amount|total|saving|cut|rise|increase|fall|drop|level|rate)\s+(?:that\s+|which\s+)?(?=\p{L})/iu,
      ""
    );
  for (let i = 0; i < 3; i++) s = s.replace(trimAfter, "").replace(trimBefore, "");
  const named = s.replace(sourceWords, "").trim();
  const bare = named.replace(figuresOf, "").trim();
  // "UNHCR figures", "the agency's figures": whose they are; "trade figures" names no one, so it stays whole.
  return bare === named || /['’]s\s/u.test(named) || /^the\s|\p{Lu}/u.test(bare) ? bare : named;
}

/**
 * True for a subject that can name who gave a figure: a few words, no digits, not a bare pronoun, not a
 * phrase that starts with a preposition ("with the biggest increases recorded for cooking oil").
 */
function isName(s: string): boolean {
  const words = s.split(/\s+/);
  return (
    s !== "" &&
    words.length <= 9 &&
    !/\d/.test(s) &&
    !pronouns.has(s.toLowerCase()) &&
    !/^(?:with|without|for|at|from|to|into|than|after|before|during|under|over|despite)\s/iu.test(s)
  );
}

/**
 * Who the sentence says gave the figure at offset `at` (the subject of "said", "according to" …),
 * preferring the saying verb nearest to the figure.
 *
 * ```ts
 * attributionIn("Well over 800,000 Ukrainians have become refugees, the UN believes.", 0)
 * // {who: "the UN", pronoun: ""}
 * ```
 */
export function attributionIn(sentence: string, at: number): Attribution {
  // Blanked rather than cut, so that `at` still points at the figure.
  const lead = datelineLength(sentence);
  sentence = " ".repeat(lead) + sentence.slice(lead);
  const whose = accordingToWhose.exec(sentence);
  const according = accordingTo.exec(
    whose ? `according to ${sentence.slice(whose.index + whose[0].length)}` : sentence
  );
  if (according) {
    const who = clean(according[1]);
    // ("according to its own figures": whose, the sentence says only by a pronoun.)
    const whose = new RegExp(
      String.raw`^(its|their|his|her)\s+(?:own\s+)?(?:${figureNouns}|${documentNouns})$`,
      "iu"
    ).exec(who);
    if (whose) return {who: "", pronoun: whose[1]};
    if (isName(who)) return {who, pronoun: ""};
  }
  const candidates: {who: string; distance: number}[] = [];
  let pronoun = "";
  sayVerb.lastIndex = 0;
  for (let m; (m = sayVerb.exec(sentence)); ) {
    const start = m.index;
    const end = start + m[0].length;
    if (isNounHere(sentence, start, end)) continue;
    // "612,000 registered voters", "300 confirmed cases", "prices of added sugar": a participle
    // describing a noun, not a saying.
    if (/(?:\d|(?:^|[^\p{L}])(?:of|with|for|the|a|an))\s+$/iu.test(sentence.slice(0, start))) continue;
    // "Fraud offences reported to police rose by 14%", "Cases recorded by hospitals were 300": a participle
    // describing its noun, before the clause's own verb; who it was reported by gave the figure.
    const described = participleClause.exec(sentence.slice(end));
    if (
      described &&
      !/(?:^|[^\p{L}])(?:was|were|is|are|be|been|being|has|have|had)\s+$/iu.test(sentence.slice(0, start))
    ) {
      const agent = described[1] === "by" ? clean(described[2]) : "";
      if (isName(agent))
        candidates.push({who: agent, distance: Math.abs(start - at) + (counting.test(m[0]) ? sentence.length : 0)});
      continue;
    }
    // "…500 million euros in aid, and aid agencies said about 40 percent were children": a verb after
    // the figure that goes on to another number gives that number, not this one.
    if (start > at && reportsNumber.test(sentence.slice(end))) continue;
    // "Rerouted ships added about ten days to each voyage", "The hospital adds 40 beds": "add" with a
    // quantity for its object adds it; it says nothing.
    if (/^add(?:ed|s)$/iu.test(m[0]) && addsQuantity.test(sentence.slice(end))) continue;
    // "Police recorded 6.6 million offences, the statistics office said": who counted loses to who said.
    const distance = (end <= at ? at - end : start - at) + (counting.test(m[0]) ? sentence.length : 0);
    // "300 cases were reported by the ministry": a passive names who by "by"; "300 residents were
    // told to stay indoors" names no one.
    if (/(?:^|[^\p{L}])(?:was|were|is|are|be|been|being)\s+$/iu.test(sentence.slice(0, start))) {
      const agent = clean(/^\s+by\s+([^,;:.()"“”]+)/u.exec(sentence.slice(end))?.[1] ?? "");
      if (isName(agent)) candidates.push({who: agent, distance});
      continue;
    }
    // The subject before the verb: back to the clause's start. "Filippo Grandi, the UN High
    // Commissioner, said": the clause ends in a comma, and the name and its apposition go together.
    let clause = sentence.slice(0, start);
    let apposition = "";
    if (/,\s*$/u.test(clause)) {
      // "The agency, which runs 40 shelters, said": the relative clause says who it is, not who said.
      clause = clause.replace(/,\s*$/u, "");
      // ("The mayor, citing police figures, said", "The company, whose shares fell 8%, said": an aside too.)
      // ("Romania's border police, further south, said", "the army, in a statement, said": so too.)
      const relative =
        /,\s*(?:(?:who|which|whose|\p{Ll}+ing)\s(?:[^,]|,(?=\d))*|(?!(?:the|a|an|and|but|or)\s)\p{Ll}+(?:\s+\p{Ll}+){0,3})$/u.exec(
          clause
        );
      // (The figure in it says who the subject is, not who gave it: "The union, which represents 45,000
      // dockworkers, said the strike would go on" names no one for the 45,000.)
      if (relative && relative.index <= at && at < start) continue;
      if (relative) clause = clause.slice(0, relative.index);
      const comma = clause.lastIndexOf(",");
      const name = clause.slice(0, Math.max(comma, 0)).split(/[,;:]/).pop()!.trim();
      if (comma > 0 && /^(?:\p{Lu}[\p{L}'’.-]*\s*){1,4}$/u.test(name)) apposition = name;
    }
    const punctuation = Math.max(
      clause.lastIndexOf(","),
      clause.lastIndexOf(";"),
      clause.lastIndexOf(":"),
      clause.lastIndexOf("“"),
      clause.lastIndexOf("”"),
      clause.lastIndexOf('"')
    );
    // ("…, police and organisers said": after a comma, a few words joined by "and" are one sayer.)
    const join = lastJoin(clause);
    const joined =
      punctuation >= 0 &&
      join > punctuation &&
      clause.slice(punctuation + 1, join).trim() !== "" &&
      /^\sand\s/u.test(clause.slice(join, join + 5)) &&
      clause
        .slice(punctuation + 1)
        .trim()
        .split(/\s+/).length <= 5;
    const cut = joined ? punctuation : Math.max(punctuation, join);
    // ("…, which it says would cost": the relative pronoun is no part of who says it.)
    let before = clean(clause.slice(cut + 1).replace(/^\s*(?:that|and|but|while|which|who)\s/u, ""));
    // "The government released $50 million in aid and said 1,200 soldiers had been sent": the subject of
    // the verb "and" joins "said" to (one with no figure in it).
    const joinedVerb =
      before === "" && at > end && /\sand\s*$/u.test(clause)
        ? coordinatedSubject.exec(clause.slice(punctuation + 1))
        : null;
    // (Not a passive: "The company was fined £18 million and told to cut leakage" names no one who told it.)
    if (
      joinedVerb &&
      joinedVerb.index + joinedVerb[0].length <= at &&
      !/\s(?:was|were|is|are|be|been|being)$/iu.test(joinedVerb[1])
    )
      before = clean(joinedVerb[1]);
    if (cut + 1 <= at && at < start) before = ""; // the figure itself is in the subject
    if (new RegExp(String.raw`\b(?:${sayVerbs})\b`, "iu").test(before)) continue; // "the WHO said it had confirmed"
    if (apposition && before && !before.startsWith(apposition)) before = `${apposition}, ${before}`;
    // ("A report by the institute found", "the court found": a finding; "Tests found levels …" names no one.)
    if (/(?:found|finds)$/iu.test(m[0]) && !finder.test(before) && !namedAfterFirst.test(before)) continue;
    if (isName(before)) {
      const common =
        /^(?:The \p{Ll}|An? \p{Ll}|(?:Officials|Authorities|Police|Doctors|Analysts|Witnesses|Residents|Rescuers|Medics|Volunteers|Organisers|Organizers|Sources|Experts|Advisers|Advisors|Businesses|Companies|Employers|Motorists|Drivers|Commuters|Tenants|Homeowners|Borrowers|Savers|Investors|Shareholders|Consumers|Shoppers|Households|Families|Developers|Lawyers|Solicitors|Inspectors|Diplomats|Traders|Insurers|Economists|Farmers|Researchers|Scientists|Investigators|Prosecutors|Activists|Campaigners|Teachers|Nurses|Workers|Brokers|Lenders|Regulators|Firefighters|Paramedics|Engineers|Observers|Forecasters|Pollsters|Monitors|Charities|Hospitals|Airlines|Retailers|Producers|Manufacturers|Exporters|Importers|Unions|Lawmakers|Landlords|Pilots|Critics|Opponents|Supporters|Protesters|Parents|Patients|Passengers|Customers|Voters)\b)/u;
      // "Aid groups", "Health officials", "A volunteer group" at the start of a sentence are common nouns;
      // "Romania's interior ministry" is a name.
      const commonPair = /^\p{Lu}\p{Ll}+\s+(?!(?:and|or|of)\s)\p{Ll}/u.test(before) && cut < 0;
      // "The UN refugee agency" describes; "The Daily Fixture" is a title: a word in lower case tells them apart.
      const description = /^The\s/u.test(before) && /\s\p{Ll}/u.test(before.slice(4));
      const lower = common.test(before) || commonPair || description;
      candidates.push({who: lower ? before[0].toLowerCase() + before.slice(1) : before, distance});
      continue;
    }
    if (pronouns.has(before.toLowerCase())) pronoun ||= before;
    // "…, said the UN refugee agency." / "…, said Filippo Grandi, the UN High Commissioner." (After a
    // comma or a quote only: "Some 38 per cent said the cost of living mattered" is what they said.)
    if (!/(?:^|[,"“”’])\s*$/u.test(sentence.slice(0, start))) continue;
    const after = clean(/^\s+([^,;:.()"“”]+)/u.exec(sentence.slice(end))?.[1] ?? "");
    if (/^(?:that|on|in|it|he|she|they|the figure|there|yes|no)\b/iu.test(after)) continue;
    // ("…," said the agency's chair, adding that it would cost £12 billion": what was added is said too.)
    const adding = /^\s+[^,;:.()"“”]+,\s*(?:adding|and added)\s+(?:that\s+)?/u.exec(sentence.slice(end));
    if (isName(after) && (end > at || (adding && end + adding[0].length <= at)))
      candidates.push({who: after, distance});
  }
  const owner = figuresOwner(sentence);
  if (owner) candidates.push({who: owner, distance: 0});
  // "the figures showed": figures named in an earlier sentence (see figuresOwnerBefore).
  else pronoun ||= theFigures.exec(sentence)?.[1] ?? "";
  candidates.sort((a, b) => a.distance - b.distance);
  return {who: candidates[0]?.who ?? "", pronoun: candidates.length > 0 ? "" : pronoun};
}

/** Figures or a document that an earlier sentence names: "the figures showed", "the data show", "the study found". */
const theFigures = new RegExp(
  String.raw`\b(the\s+(?:${figureNouns}|${documentNouns}))\s+(?:${showWords}|found|finds|concluded)\b`,
  "iu"
);
/** "the report" as a sayer: a document an earlier sentence may say whose it is. */
export const theDocument = new RegExp(String.raw`^the\s+(?:${documentNouns})$`, "iu");

/** Whose figures a sentence says show something: "UNHCR figures show" (UNHCR), "Figures from the border guard showed"; else "". */
function figuresOwner(sentence: string): string {
  const show = showFrom.exec(sentence) ?? showVerbs.exec(sentence);
  // ("the agency's figures showed": the agency.)
  const who = show ? clean(show[1].replace(/.*\b(?:that|and|but|while|as)\s/iu, "")).replace(/['’]s?$/u, "") : "";
  // ("industry figures showed": figures of a kind, whose the sentence does not say.)
  if (kindOfFigures.test(who) && show?.[2]) return `${who.toLowerCase()} ${show[2].toLowerCase()}`;
  if (!isName(who) || /^(?:the|an?|its|their|official|latest|new)$/i.test(who)) return "";
  // ("The council's own data shows": the council, as "the council said" gives it.)
  return /^The\s+\p{Ll}/u.test(who) ? `t${who.slice(1)}` : who;
}

/**
 * Whose figures "the figures" are: the last owner of figures that `earlier` (the source's text
 * before the figure's sentence) names, or "".
 *
 * ```ts
 * figuresOwnerBefore("The list grew to 7.2 million, health service figures showed. ") // "health service"
 * ```
 */
export function figuresOwnerBefore(earlier: string, what = "the figures"): string {
  const document = new RegExp(String.raw`^the\s+(${documentNouns})$`, "iu").exec(what)?.[1];
  const owner = document ? (sentence: string) => documentOwner(sentence, document) : figuresOwner;
  return (
    sentenceSpans(earlier)
      .map(({start, end}) => owner(earlier.slice(start, end)))
      .findLast((who) => who !== "") ?? ""
  );
}

/**
 * Whose `document` (a report, a study …) a sentence says it is: "a report by the agency", "the
 * agency said in a report", "the agency's annual report"; else "".
 */
function documentOwner(sentence: string, document: string): string {
  const by = new RegExp(String.raw`\b${document}\s+(?:by|from|of)\s+([^,;:.()"“”]+)`, "iu").exec(sentence);
  // The name, up to a verb or what says when: "by Fixture Watch came out", "by the agency, published …".
  const verbAt = /\s+(?:\p{Ll}+ed|on|in|which|that|was|were|is|are|has|have|had|said|says|came|went|out)\b.*$/u;
  const named = by ? clean(by[1].replace(verbAt, "")) : "";
  if (isName(named) && !/^(?:the|a|an)$/i.test(named)) return asNamed(named);
  const within = new RegExp(
    String.raw`\b(?:in|with)\s+(?:a|an|its|their|the)\s+(?:[\p{L}-]+\s+){0,2}${document}\b`,
    "iu"
  ).exec(sentence);
  const sayer = within ? attributionIn(sentence.slice(0, within.index), within.index).who : "";
  if (sayer) return sayer;
  const own = new RegExp(String.raw`([^,;:.()"“”]+?)['’]s\s+(?:[\p{Ll}-]+\s+){0,2}${document}\b`, "u").exec(sentence);
  const owner = own ? clean(own[1].replace(/^.*\b(?:in|to|from|by|that|and|but)\s/u, "")) : "";
  return isName(owner) ? asNamed(owner) : "";
}

/** "The fixture charity" at the start of a sentence, as named elsewhere: "the fixture charity"; "The Daily Fixture" stays. */
const asNamed = (name: string) => (/^The\s+\p{Ll}/u.test(name) ? `t${name.slice(1)}` : name);

/** Words that end a name read backwards from its head: "said on Monday the UN refugee agency" starts at "the". */
const beforeName = new Set("the a an of on in at by for from to and or but said says say told that as".split(" "));
/** Words that may follow a name in running text: a verb of saying or having, a preposition, a conjunction. */
const afterName =
  "said|says|say|told|tells|has|had|have|is|was|were|are|will|would|could|can|may|might|must|should|which|who|whose|that|and|or|but|on|in|at|to|for|of|with|by|from|as|its|it|also|estimated|estimates|put|puts|reported|reports|confirmed|announced|added|warned|expects|believes|gave|gives|counted|recorded|registered|runs|run|ran";

/**
 * The full name that a short sayer ("the agency", "the border guard") stands for: its last mention
 * in `earlier` (the source's text before the figure's sentence) that ends in the same words and
 * names something ("the Fixture Refugee Agency", "Poland's border guard"), or "" when there is none.
 *
 * ```ts
 * fullNameBefore("the agency", "1.2 million have crossed, the UN refugee agency said. ") // "the UN refugee agency"
 * ```
 */
export function fullNameBefore(who: string, earlier: string): string {
  const short = /^the\s+(\p{Ll}+(?:\s+\p{Ll}+)?)$/u.exec(who);
  if (!short) return "";
  // (Not a compound of it: "Band D council tax", "the council leader"; a verb or a preposition may follow.)
  const head = new RegExp(
    String.raw`((?:[\p{L}\p{N}'’.-]+ ){1,4})(${short[1].replace(/\s+/g, " ")})(?![\p{L}])(?! (?!(?:${afterName})\b)\p{Ll}+(?<!s|ed)\b)`,
    "giu"
  );
  let found = "";
  for (const m of earlier.replace(/\s+/g, " ").matchAll(head)) {
    const words = m[1].trim().split(" ");
    let start = words.length;
    // … back to a word before a name, or the end of a sentence ("… are invented. Band D").
    while (start > 0 && !beforeName.has(words[start - 1].toLowerCase()) && !/\p{Ll}{2}[.!?]$/u.test(words[start - 1]))
      start--;
    const name = words.slice(start);
    if (!name.some((w) => /^\p{Lu}/u.test(w))) continue;
    const article = start > 0 && words[start - 1].toLowerCase() === "the" ? "the " : "";
    found = `${article}${name.join(" ")} ${m[2]}`;
  }
  return found;
}
