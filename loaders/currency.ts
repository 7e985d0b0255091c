/**
 * Currencies as news copy writes them: a sign (`$`, `£`, `€`, `US$`), an ISO 4217 code (`USD 723
 * million`, `EUR500 million`), a short form (`Rs 5 crore`) or a word after the number (`400 euros`).
 * Each is read to an ISO 4217 code, the `unit` that parseFigure gives a sum of money. A currency
 * sign the kit does not know is an error, never a guess.
 */

/** Currency signs, including those with a country prefix, and the code each stands for. */
const signs: Readonly<Record<string, string>> = {
  $: "USD",
  US$: "USD",
  U$S: "USD",
  A$: "AUD",
  AU$: "AUD",
  C$: "CAD",
  CA$: "CAD",
  HK$: "HKD",
  NZ$: "NZD",
  S$: "SGD",
  NT$: "TWD",
  R$: "BRL",
  MX$: "MXN",
  "£": "GBP",
  "€": "EUR",
  "¥": "JPY",
  "₹": "INR",
  "₴": "UAH",
  "₽": "RUB",
  "₪": "ILS",
  "₩": "KRW",
  "₺": "TRY",
  "₦": "NGN",
  "₱": "PHP",
  "₫": "VND",
  "₸": "KZT",
  "₾": "GEL",
  "₼": "AZN",
  "฿": "THB",
  "₵": "GHS",
  Rs: "INR",
  "Rs.": "INR",
  Rp: "IDR"
};

/** Currency words after a number, longest first when matched, and their codes. */
const words: Readonly<Record<string, string>> = {
  dollars: "USD",
  dollar: "USD",
  "US dollars": "USD",
  "U.S. dollars": "USD",
  "American dollars": "USD",
  "Canadian dollars": "CAD",
  "Australian dollars": "AUD",
  "Hong Kong dollars": "HKD",
  euros: "EUR",
  euro: "EUR",
  pounds: "GBP",
  "pounds sterling": "GBP",
  sterling: "GBP",
  yen: "JPY",
  yuan: "CNY",
  renminbi: "CNY",
  rupees: "INR",
  rupee: "INR",
  roubles: "RUB",
  rouble: "RUB",
  rubles: "RUB",
  ruble: "RUB",
  hryvnias: "UAH",
  hryvnia: "UAH",
  hryvnas: "UAH",
  hryvna: "UAH",
  "Swiss francs": "CHF",
  zlotys: "PLN",
  zloty: "PLN",
  lira: "TRY",
  liras: "TRY",
  shekels: "ILS",
  rand: "ZAR",
  pence: "GBX",
  cents: "cents"
};

/** ISO 4217 codes this runtime knows (`Intl.supportedValuesOf`), so `EUR` and `CHF` read and `XYZ` does not. */
const isoCodes: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));

/** Codes that are also English words in capitals ("ALL 5 SHIPS", "TOP 10"): read as codes only before a digit with no space. */
const wordlikeCodes = new Set(["ALL", "TOP", "CUP", "MOP", "SOS", "BOB", "PEN", "MAD", "TOP", "WST", "BAM", "LAK"]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Regex source of a currency before a number: a sign with an optional country prefix (`US$`,
 * `HK$`), any currency sign of Unicode (so an unknown one is found and reported), an ISO code
 * (`EUR`, checked by currencyOf) or `Rs`. Matches the currency alone, with no space.
 */
export const currencyBefore = String.raw`(?:(?<![\p{L}\d])(?:[A-Z]{1,3}\$|U\$S|Rs\.?|Rp|[A-Z]{3})|\p{Sc})`;

/** Regex source of a currency word after a number ("dollars", "Swiss francs"), longest first. */
export const currencyAfter = Object.keys(words)
  .sort((a, b) => b.length - a.length)
  .map((w) => escape(w).replace(/ /g, String.raw`\s+`))
  .join("|");

/** Regex source of pence glued to a number's last digit: "191.4p", "45p" (not "10pm", "5pc"). */
export const gluedPence = String.raw`(?<=\d)p(?![\p{L}\d])`;

/**
 * What a currency token names: its ISO code, `"unknown"` for a currency sign or a code-like
 * token (three capitals) the kit does not know, or null when the token is no currency.
 *
 * ```ts
 * currencyOf("$") // "USD"
 * currencyOf("EUR") // "EUR"
 * currencyOf("₿") // "unknown"
 * currencyOf("euros") // "EUR"
 * ```
 */
export function currencyOf(token: string): string | "unknown" | null {
  const t = token.trim().replace(/\s+/g, " ");
  if (t in signs) return signs[t];
  if (t in words) return words[t];
  if (t === "p") return pence;
  const lower = t.toLowerCase();
  for (const [word, code] of Object.entries(words)) if (word.toLowerCase() === lower) return code;
  if (/^[A-Z]{3}$/.test(t)) return isoCodes.has(t) ? t : "unknown";
  if (/^\p{Sc}$/u.test(t) || /^[A-Z]{1,3}\$$/.test(t)) return "unknown";
  return null;
}

/** True when a three-capital token before a number reads as a currency code there (`EUR500`, `USD 723`). */
export function isCodeBefore(code: string, spaced: boolean): boolean {
  return isoCodes.has(code) && !(spaced && wordlikeCodes.has(code));
}

/** True for an ISO 4217 code the kit can label: `USD`, `EUR`, `CHF`. */
export function isCurrencyCode(unit: string | null | undefined): unit is string {
  return typeof unit === "string" && isoCodes.has(unit);
}

/**
 * The unit of a sum in pence ("191.4p", "45 pence"): `GBX`, as the London Stock Exchange quotes prices
 * in pence. Not an ISO 4217 code: its value stays in pence as written, and its label reads `191.4p`.
 */
export const pence = "GBX";

/**
 * The unit of a sum in cents ("rose 4 cents to $4.21", "50 cents"): `cents`, of whichever currency
 * the story's dollars or euros are, which the words do not say. Its value stays in cents, its label
 * reads `4 cents`.
 */
export const cents = "cents";

/** True for the unit of a sum of money: an ISO 4217 code the kit knows, {@link pence} or {@link cents}. */
export function isMoneyUnit(unit: string | null | undefined): unit is string {
  return unit === pence || unit === cents || isCurrencyCode(unit);
}

const prefixes = new Map<string, string>();

/**
 * How a label writes a currency before the number: `$`, `£`, `€`, `₹`, `A$`, or the code and a
 * space (`CHF `) when the currency has no sign of its own.
 */
export function currencyPrefix(code: string): string {
  let prefix = prefixes.get(code);
  if (prefix === undefined) {
    const part = (display: "symbol" | "narrowSymbol") =>
      new Intl.NumberFormat("en-US", {style: "currency", currency: code, currencyDisplay: display})
        .formatToParts(1)
        .find((p) => p.type === "currency")?.value ?? code;
    prefix = part("symbol");
    if (/^[A-Z]{3}$/.test(prefix)) {
      const narrow = part("narrowSymbol");
      prefix = /^\p{Sc}$/u.test(narrow) && narrow !== "$" ? narrow : `${code} `;
    }
    prefixes.set(code, prefix);
  }
  return prefix;
}
