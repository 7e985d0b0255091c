/**
 * The measure of a count (or a duration or distance) from the noun it counts and what the sentence
 * says of it: "civilians killed" ("2,000 civilians have been killed"), "homes without power".
 */
import {
  baseParticiples,
  changeBefore,
  changeMadeTo,
  isEdWord,
  isParticiple,
  isPronoun,
  levelFromTo,
  lowerCase,
  objectAfter,
  pastTense,
  phraseAt,
  quantityNouns,
  showWords,
  statusWords,
  stop,
  subjectHead,
  toWhatEnd,
  verbBeforeNumber,
  who
} from "./measure-phrases.ts";
import {kindOfUnit, numberWords} from "./units.ts";

/** A noun the count's noun belongs to: "the homes (of) 300 people", "data on (up to) 800,000 pupils", "smoke from 150 wildfires". */
const ownerBefore =
  /\b(\p{L}+)\s+(?:of|on|about|from)\s+(?:(?:up to|about|some|nearly|almost|more than|over|at least|an estimated)\s+)?$/u;
/** Words whose "of" leads to what they count: "a total of 300 people were killed". */
const quantityWords =
  /^(?:total|number|average|maximum|minimum|tally|count|figure|record|majority|minority|group|crowd|sample|survey|poll|census|estimate|toll|some|most|all|none|each|any|many|few|out|one|both)$/u;

/** How long, at the start of `text`: " more than 12 hours", " for up to six hours", " less than 18 weeks"; or "". */
function timeWaited(text: string): string {
  const time = new RegExp(
    String.raw`^\s+((?:(?:more than|over|at least|up to|longer than|less than|under|within|for)\s+)*(?:\d[\d,.]*|an?|${numberWords})\s+(\p{L}+))\b`,
    "u"
  ).exec(text);
  return time && kindOfUnit(time[2]) === "duration" ? time[1] : "";
}

/** The measure of a count (or a duration or distance) from the noun it counts and what the sentence says of it. */
export function countMeasure(unit: string, before: string, after: string): string {
  // "300 people in the town were evacuated", "40 schools across the region have closed": a place between
  // the noun and its verb says where (the ledger's place), not what ("people in work" says what).
  after = after.replace(
    /^(\s+)(?:in|across|throughout|around|near)\s+(?:the\s+|(?=\p{Lu}))(?:[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+(?=\s+(?:are|were|is|was|have|has|had|will|would|could|remain|remained|remains)\b)/u,
    "$1"
  );
  // "9,000 passengers had flights cancelled", "300 households had their power cut off": those to whom it
  // was done.
  const had = unit
    ? /^\s+(?:had|have|has)\s+((?:their|its)\s+)?((?:[\p{Ll}'’-]+\s+){0,1}[\p{Ll}'’-]+)\s+(\p{Ll}+ed|cut|shut|stolen|taken|given)(\s+(?:off|out|down|back|away))?\b/u.exec(
        after
      )
    : null;
  if (
    had &&
    !had[2].split(" ").some((w) => stop.has(w)) &&
    (isEdWord(had[3]) || /^(?:cut|shut|stolen|taken|given)$/u.test(had[3]))
  )
    return `${unit} ${who(unit)} had ${had[1] ?? ""}${had[2]} ${had[3]}${had[4] ?? ""}`;
  // "6 cases resulted in prosecution": those that did.
  const resulted = unit ? /^\s+(resulted|ended|led)\s+(in|to)\s+(?:a\s+|an\s+|the\s+)?(.*)/u.exec(after) : null;
  const outcome = resulted ? phraseAt(resulted[3], 3) : "";
  if (outcome) return `${unit} that ${resulted![1]} ${resulted![2]} ${outcome}`;
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
  // "2,900 patients waited more than 12 hours": those who waited so long (the time is part of who they are).
  const waitedFor =
    unit && passive && /^(?:waited|queued)$/.test(passive[2]) ? timeWaited(after.slice(passive[0].length)) : "";
  if (waitedFor) return `${unit} ${who(unit)} ${passive![2]} ${waitedFor}`;
  // "a ferry carrying more than 200 passengers capsized": what the ferry did, not the passengers; "the homes
  // of 300 people were destroyed", "data on 800,000 pupils may have been taken": what the noun before did.
  const carried =
    /\b(?:carrying|holding|transporting|containing)\s+$/u.test(before) ||
    // ("a wind farm with up to 95 turbines has been given consent": what the wind farm was given; but "with
    // 12 players injured" says what state they are in.)
    (/\bwith\s+$/u.test(before) && /^\s+(?:has|have|had|was|were|is|are|will|would|could|may|might)\b/u.test(after)) ||
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
    // ("4,000 people had seen the film": who saw it; "300 households have seen bills double": what they saw
    // happen is no more theirs than that.)
    if (passive[2] === "seen" && /\b(?:have|has|had)\b/u.test(passive[0]) && !/\bbeen\b/u.test(passive[0]))
      return object && objectAfter.test(after.slice(passive[0].length))
        ? `${unit} ${who(unit)} saw ${object[1]}`
        : unit;
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
    // "1,000 homes were left empty": the state they were left in.
    const leftIn = passive[2] === "left" ? /^\s+(\p{Ll}+)\b/u.exec(after.slice(passive[0].length)) : null;
    if (leftIn && statusWords.has(leftIn[1])) return `${unit} left ${leftIn[1]}`;
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
    /^\s+(?:still\s+|now\s+)?(rely|relies|depend|depends|live|lives|work|works)\s+(?:directly\s+|mainly\s+|mostly\s+|largely\s+|still\s+|now\s+)?(on|in|below|for|at)\s+((?:the|a|an)\s+)?/u.exec(
      after
    );
  const livedOn = unit && living ? phraseAt(after.slice(living[0].length), 3) : "";
  if (livedOn) return `${unit} ${who(unit)} ${living![1]} ${living![2]} ${living![3] ?? ""}${livedOn}`;
  // "6.1 million households are in fuel poverty", "12,000 farms were at risk of closing": where they are.
  const where =
    /^\s+(?:are|were|is|was|remain|remains|remained)\s+(?:still\s+|now\s+)?(in|at|on|behind|over|under)\s+(?!(?:the\s+)?(?:same|first|last|end|start|time|moment)\b)/u.exec(
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
  // "…, damaging some 900 buildings", "affecting about 400,000 pupils", "saving 60 million litres": what
  // the clause did to them.
  const doing = verbBeforeNumber.exec(before)?.[1] ?? "";
  if (unit && /^(?:damag|destroy|kill|injur|wound|affect|displac|strand|trapp|flood|forc|evacuat|sav)ing$/.test(doing))
    return `${unit} ${doing.slice(0, -3)}ed`;
  // "The firm employs 11,000 people", "the network serves 4.5 million customers", "two plants, which
  // employ 18,000 people": those so served.
  const present = /^(?:(employ|serve|house|host|shelter)s?|(kill|affect)s)$/.exec(doing);
  const served = present?.[1] ?? present?.[2];
  if (unit && served) return `${unit} ${served}${served.endsWith("e") ? "d" : "ed"}`;
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
    // A bare word in lower case is no object: "working long shifts" says how, not where or what ("sleeping
    // rough", "living abroad" say where).
    const bare =
      object &&
      !object[1] &&
      !object[2] &&
      /^\p{Ll}/u.test(object[3]) &&
      !/^(?:rough|abroad|overseas|outside|outdoors|underground|offshore)$/u.test(object[3]);
    // "living in temporary accommodation", "waiting at the Medyka crossing": where they are is the whole
    // noun phrase after the preposition, not its first word.
    const where = object?.[1] && !/^to\s/u.test(object[1]) ? `${object[1]}${object[2] ?? ""}` : "";
    const place = where ? phraseAt(progressive[2].trimStart().slice(where.length), 4, true, true) : "";
    const named =
      object && !bare && !stop.has(object[3].toLowerCase()) ? (place ? where + place : object[0].trim()) : "";
    // ("had been waiting for more than a year": how long, as for those who waited.)
    const waited = /^(?:waiting|queuing|queueing)$/u.test(progressive[1]) ? timeWaited(progressive[2]) : "";
    // ("are facing catastrophic hunger", "are accepting new adult patients": a verb that needs its object
    // has it, bare or not.)
    const needed =
      /^(?:facing|accepting|receiving|seeking|needing|awaiting|using|claiming|requiring|treating|fighting|battling|sheltering|housing|hosting)$/u.test(
        progressive[1]
      )
        ? phraseAt(progressive[2], 3)
        : "";
    return [unit, progressive[1], waited || named || needed].filter(Boolean).join(" ");
  }
  // "Nine of its 31 libraries would close": what will be done to them, as "will close nine libraries".
  const modal = unit
    ? /^\s+(?:will|would|could|may|might|(?:are|is)\s+(?:set\s+|due\s+)?to)\s+(\p{Ll}+)\b/u.exec(after)
    : null;
  if (modal && Object.hasOwn(baseParticiples, modal[1])) return `${unit} ${baseParticiples[modal[1]]}`;
  // "Three of its 11 operators have yet to sign up to the scheme": those yet to do so, and to what.
  const yet = unit
    ? /^\s+(?:have|has|had|are|is|were|was)\s+yet\s+to\s+(\p{Ll}+(?:\s+(?:up|in|out|on|off))?)(?:\s+(to|for|with|their|its|the)\s+(.*))?/u.exec(
        after
      )
    : null;
  const yetWhat = yet?.[3] ? phraseAt(yet[3].replace(/^(?:the|a|an)\s+/u, ""), 3) : "";
  // (A preposition stays, an article goes: "yet to sign up to scheme", "yet to publish accounts".)
  const yetBy = yet?.[2] && /^(?:to|for|with)$/u.test(yet[2]) ? `${yet[2]} ` : "";
  if (yet) return `${unit} yet to ${yet[1]}${yetWhat ? ` ${yetBy}${yetWhat}` : ""}`;
  // "16,000 of the parcels went to households with children": those that went there.
  const went = unit
    ? /^\s+(?:(?:have|has|had)\s+)?(went|gone|go|goes)\s+(to|into)\s+(?:the\s+)?(.*)/u.exec(after)
    : null;
  const whereTo = went ? phraseAt(went[3], 3) : "";
  // ("that" of people and things alike: "tickets that went to season ticket holders".)
  if (whereTo) return `${unit} that ${went![1] === "gone" ? "went" : went![1]} ${went![2]} ${whereTo}`;
  // "1 million people have fled Ukraine": the people who did it.
  const active = new RegExp(
    String.raw`^\s+((?:have|has|had)\s+)?(?:now\s+|already\s+)?(\p{Ll}+ed|fled|left|died|crossed|quit)\b(.*)`,
    "u"
  ).exec(after);
  // … and "1,600 nurses have quit", "40 doctors resigned": verbs only people do.
  const people =
    /^(?:people|persons|individuals|others|residents|citizens|civilians|students|pupils|patients|visitors|customers|voters|soldiers|adults|children)$/i.test(
      unit
    ) || /^(?:quit|resigned|emigrated|deserted|defected|died)$/.test(active?.[2] ?? "");
  if (unit && active && people) {
    // ("4,300 students received their results": what they did it to, with its determiner.)
    const owned = objectAfter.exec(active[3])?.[1];
    const object = owned ? null : /^\s+((?:the|a|an)\s+)?[\p{Lu}\p{Ll}][\p{L}'’-]*/u.exec(active[3]);
    const obj = owned ? ` ${owned}` : object && !stop.has(object[0].trim().toLowerCase()) ? ` ${object[0].trim()}` : "";
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
  // "the winner's majority was 8,420 votes", "Her lead is 3,000 votes": a margin, in its unit.
  const margin =
    /(?:^|\s)((?:[\p{L}'’-]+\s+)?(?:majority|lead|margin))\s+(?:was|is|stood at|stands at|had grown to|grew to|fell to|narrowed to|widened to)\s+$/iu.exec(
      before
    );
  const marginOf = margin ? margin[1].replace(/^(?:the|a|an|its|their|his|her|our)\s+/iu, "") : "";
  if (unit && marginOf) return lowerCase(marginOf);
  if (unit && !quantity) return unit;
  // "The number of internally displaced people stood at 6.5 million", "put the number of evacuees at 9,000",
  // "the number of people sleeping rough rose by 26 percent to 3,069"
  const linking =
    /(?:^|[\s,])(?:the\s+)?(?:(?:total\s+)?number|total|tally|count|figure)\s+of\s+(.+?)\s+(?:(?:has|have|had)\s+)?(?:stood at|stands at|rose to|risen to|climbed to|reached|hit|passed|topped|was|is|jumped to|increased to|(?:more than )?(?:doubled|tripled)(?:\s+[^,;\d]{1,30}?)?,?\s+to|grown to|grew to|fell to|fallen to|dropped to|declined to|(?:rose|risen|climbed|jumped|increased|grew|grown|fell|fallen|dropped|declined)\s+by\s+(?:[^,;]|,(?=\d)){1,30}?\s+to|at)\s+$/iu.exec(
      before
    );
  // ("the number of deaths among cyclists rose to 120": among whom, as a subject keeps it.)
  const linked = linking && !quantity ? phraseAt(linking[1], 5, false) : "";
  const among = linked
    ? /^\s+among\s+(?:the\s+)?(.*)/u.exec(linking![1].slice(linking![1].indexOf(linked) + linked.length))
    : null;
  const whom = among ? phraseAt(among[1], 3) : "";
  // ("the number of patients waiting more than four hours": how long, as above; "people waiting for
  // planned hospital treatment": for what.)
  const linkedRest = linked ? linking![1].slice(linking![1].indexOf(linked) + linked.length) : "";
  const waitingFor = /^\s+for\s+(?!(?:more|less|longer|over|up|at|about|a|an|the)\b)/u.exec(linkedRest);
  const waiting = /\s(?:waiting|queuing|queueing)$/u.test(linked)
    ? timeWaited(linkedRest) || (waitingFor ? `for ${phraseAt(linkedRest.slice(waitingFor[0].length), 3)}` : "")
    : "";
  if (linked) return whom ? `${linked} among ${whom}` : waiting ? `${linked} ${waiting}` : linked;
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
    /(.*?)\s+(?:(?:has|have|had)\s+)?(?:(?:rose|risen|rises|climbed|reached|hit|passed|topped|averaged|totalled|totaled|numbered|stood at|stands at|stood|peaked at|was|is|jumped|increased|fell|dropped)\s+(?:to\s+|at\s+)?|(?:slowed|eased|dipped|swelled|grew|grown|surged|soared|declined|fallen|doubled|tripled|slumped|plunged)\s+to\s+|(?:rose|risen|climbed|jumped|increased|grew|grown|fell|fallen|dropped|declined)(?:\s+(?:for|in|over)\s+[^,;]{1,40},)?\s+by\s+(?:[^,;]|,(?=\d)){1,30}?\s+to\s+|(?:will|would|could|should|may|might|must|(?:is|are)\s+(?:set|expected|due)\s+to)\s+(?:rise|fall|climb|increase|drop|grow)\s+to\s+)(?:\p{Ll}+\s+){0,2}$/u.exec(
      before
    );
  const named = subject ? lowerCase(subjectHead(subject[1])) : "";
  // ("Its target was 690 million litres": a figure of its own, in litres.)
  if (
    quantity &&
    /(?:^|\s)(?:target|goal|limit|cap|quota|threshold|ceiling|allowance|budget|forecast|estimate)$/u.test(named)
  )
    return `${named} in ${unit}`;
  if (quantity) return named ? `${unit} of ${named}` : unit;
  return named;
}
