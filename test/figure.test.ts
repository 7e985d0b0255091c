import fc from "fast-check";
import {describe, expect, test} from "vitest";
import {FigureError, labelOf, parseFigure, parseNumber} from "../loaders/figure.ts";

type Row = [text: string, value: number, lower: number | null, upper: number | null, qualifier: string, label: string];

// Every form and qualifier of the ledger, with the exact interval and label each must give.
const table: Row[] = [
  ["2,000", 2000, 2000, 2000, "exact", "2,000"],
  ["547,982", 547982, 547982, 547982, "exact", "547,982"],
  ["5.6", 5.6, 5.6, 5.6, "exact", "5.6"],
  ["one million", 1e6, 1e6, 1e6, "exact", "1 million"],
  ["half a million", 5e5, 5e5, 5e5, "exact", "500,000"],
  ["a quarter of a million", 250000, 250000, 250000, "exact", "250,000"],
  ["5.6 million", 5.6e6, 5.6e6, 5.6e6, "exact", "5.6 million"],
  ["four million", 4e6, 4e6, 4e6, "exact", "4 million"],
  ["two and a half million", 2.5e6, 2.5e6, 2.5e6, "exact", "2.5 million"],
  ["a dozen", 12, 12, 12, "exact", "12"],
  ["twenty-five", 25, 25, 25, "exact", "25"],
  ["1M", 1e6, 1e6, 1e6, "exact", "1 million"],
  ["15k", 15000, 15000, 15000, "exact", "15,000"],
  ["1.2bn", 1.2e9, 1.2e9, 1.2e9, "exact", "1.2 billion"],
  ["2 per cent", 2, 2, 2, "exact", "2%"],
  ["2%", 2, 2, 2, "exact", "2%"],
  ["between 2,000 and 3,000", 2000, 2000, 3000, "range", "between 2,000 and 3,000"],
  ["2,000-3,000", 2000, 2000, 3000, "range", "between 2,000 and 3,000"],
  ["2,000–3,000", 2000, 2000, 3000, "range", "between 2,000 and 3,000"],
  ["2,000 to 3,000", 2000, 2000, 3000, "range", "between 2,000 and 3,000"],
  ["between 2 and 3 million", 2e6, 2e6, 3e6, "range", "between 2 million and 3 million"],
  ["between 2% and 3%", 2, 2, 3, "range", "between 2% and 3%"],
  ["more than 800,000", 800000, 800000, null, "more-than", "more than 800,000"],
  ["over 800,000", 800000, 800000, null, "more-than", "more than 800,000"],
  ["Well over 800,000", 800000, 800000, null, "more-than", "more than 800,000"],
  ["upwards of 800,000", 800000, 800000, null, "more-than", "more than 800,000"],
  ["in excess of 800,000", 800000, 800000, null, "more-than", "more than 800,000"],
  ["at least 300", 300, 300, null, "at-least", "at least 300"],
  ["no fewer than 300", 300, 300, null, "at-least", "at least 300"],
  ["up to 4 million", 4e6, null, 4e6, "up-to", "up to 4 million"],
  ["as many as 4 million", 4e6, null, 4e6, "up-to", "up to 4 million"],
  ["at most 40", 40, null, 40, "up-to", "up to 40"],
  ["fewer than 100", 100, null, 100, "fewer-than", "fewer than 100"],
  ["less than 2%", 2, null, 2, "fewer-than", "fewer than 2%"],
  ["under 100", 100, null, 100, "fewer-than", "fewer than 100"],
  ["nearly 1,000", 1000, null, 1000, "nearly", "nearly 1,000"],
  ["almost half a million", 5e5, null, 5e5, "nearly", "nearly 500,000"],
  ["just under 500", 500, null, 500, "nearly", "nearly 500"],
  ["about 15,000", 15000, null, null, "about", "about 15,000"],
  ["around 15,000", 15000, null, null, "about", "about 15,000"],
  ["Some 15,000", 15000, null, null, "about", "about 15,000"],
  ["roughly 15,000", 15000, null, null, "about", "about 15,000"],
  ["approximately 15,000", 15000, null, null, "about", "about 15,000"],
  ["an estimated 15,000", 15000, null, null, "about", "about 15,000"]
];

describe("parseFigure", () => {
  test.each(table)("parseFigure(%j)", (text, value, lower, upper, qualifier, label) => {
    const figure = parseFigure(text);
    expect([figure.value, figure.lower, figure.upper, figure.qualifier]).toEqual([value, lower, upper, qualifier]);
    expect(labelOf(figure)).toBe(label);
  });

  test('parseFigure("well over 800,000") is a lower bound, exclusive', () => {
    expect(parseFigure("well over 800,000")).toEqual({
      value: 800000,
      lower: 800000,
      upper: null,
      lowerInclusive: false,
      upperInclusive: false,
      qualifier: "more-than",
      approximate: false,
      unit: null
    });
  });

  test('parseFigure("at least 300") is a lower bound, inclusive; "up to 40" an upper bound, inclusive', () => {
    expect(parseFigure("at least 300").lowerInclusive).toBe(true);
    expect(parseFigure("up to 40").upperInclusive).toBe(true);
    expect(parseFigure("fewer than 40").upperInclusive).toBe(false);
  });

  test('parseFigure("some 15,000") and "nearly 1,000" are approximate; "2,000" is not', () => {
    expect(parseFigure("some 15,000").approximate).toBe(true);
    expect(parseFigure("nearly 1,000").approximate).toBe(true);
    expect(parseFigure("2,000").approximate).toBe(false);
  });

  test('parseFigure("2 per cent") has the unit percent', () => {
    expect(parseFigure("2 per cent").unit).toBe("percent");
    expect(parseFigure("2,000").unit).toBe(null);
  });

  test.each(["", "many", "blah 3", "dozens", "a few", "3 or so apples", "2,00"])(
    "parseFigure(%j) throws FIGURE_UNPARSEABLE, never a guess",
    (text) => {
      expect(() => parseFigure(text)).toThrow(FigureError);
      try {
        parseFigure(text);
      } catch (error) {
        expect((error as FigureError).code).toBe("FIGURE_UNPARSEABLE");
      }
    }
  );

  test('parseFigure("reportedly 3,000") gives no qualifier for an unknown word', () => {
    expect(() => parseFigure("reportedly 3,000")).toThrow('cannot read figure "reportedly 3,000"');
  });
});

describe("parseFigure reads wire copy", () => {
  // [text, value, upper bound (null when open), qualifier, unit, label]
  const rows: [string, number, number | null, string, string | null, string][] = [
    ["$1.7 billion", 1.7e9, 1.7e9, "exact", "USD", "$1.7 billion"],
    ["$1.7bn", 1.7e9, 1.7e9, "exact", "USD", "$1.7 billion"],
    ["$300 billion", 3e11, 3e11, "exact", "USD", "$300 billion"],
    ["EUR500 million", 5e8, 5e8, "exact", "EUR", "€500 million"],
    ["€500mn", 5e8, 5e8, "exact", "EUR", "€500 million"],
    ["USD 723 million", 7.23e8, 7.23e8, "exact", "USD", "$723 million"],
    ["£100m", 1e8, 1e8, "exact", "GBP", "£100 million"],
    ["US$5bn", 5e9, 5e9, "exact", "USD", "$5 billion"],
    ["A$70m", 7e7, 7e7, "exact", "AUD", "A$70 million"],
    ["CHF 8 million", 8e6, 8e6, "exact", "CHF", "CHF 8 million"],
    // A price keeps its cents as a price is written: "$3.50", not "$3.5".
    ["$3.50", 3.5, 3.5, "exact", "USD", "$3.50"],
    ["£12.4", 12.4, 12.4, "exact", "GBP", "£12.40"],
    ["about $112.93", 112.93, null, "about", "USD", "about $112.93"],
    ["₽50 billion", 5e10, 5e10, "exact", "RUB", "₽50 billion"],
    ["10 billion roubles", 1e10, 1e10, "exact", "RUB", "₽10 billion"],
    ["5 million dollars", 5e6, 5e6, "exact", "USD", "$5 million"],
    ["Rs 5 crore", 5e7, 5e7, "exact", "INR", "₹50 million"],
    ["₹2 lakh", 2e5, 2e5, "exact", "INR", "₹200,000"],
    ["1,80,000", 180000, 180000, "exact", null, "180,000"],
    ["2\u202f000", 2000, 2000, "exact", null, "2,000"],
    ["some 40\u00a0per cent", 40, null, "about", "percent", "about 40%"],
    ["7.5-million", 7.5e6, 7.5e6, "exact", null, "7.5 million"],
    ["three-million", 3e6, 3e6, "exact", null, "3 million"],
    ["1 Million", 1e6, 1e6, "exact", null, "1 million"],
    ["35 pct.", 35, 35, "exact", "percent", "35%"],
    ["12pc", 12, 12, "exact", "percent", "12%"],
    ["more than €300 million", 3e8, null, "more-than", "EUR", "more than €300 million"],
    ["between $2 billion and $3 billion", 2e9, 3e9, "range", "USD", "between $2 billion and $3 billion"],
    ["$2bn-$3bn", 2e9, 3e9, "range", "USD", "between $2 billion and $3 billion"],
    ["as much as 35 percent", 35, 35, "up-to", "percent", "up to 35%"],
    ["well below 100,000", 100000, 100000, "fewer-than", null, "fewer than 100,000"],
    ["well under 1,000", 1000, 1000, "fewer-than", null, "fewer than 1,000"],
    ["just over 2,000", 2000, null, "more-than", null, "more than 2,000"],
    ["close to 1 million", 1e6, 1e6, "nearly", null, "nearly 1 million"],
    ["more or less 300", 300, null, "about", null, "about 300"],
    ["upward of 500", 500, null, "more-than", null, "more than 500"],
    ["north of $5 billion", 5e9, null, "more-than", "USD", "more than $5 billion"],
    ["shy of 200", 200, 200, "nearly", null, "nearly 200"],
    ["a little over 4,000", 4000, null, "more-than", null, "more than 4,000"],
    ["roughly 80", 80, null, "about", null, "about 80"],
    ["some 40-odd", 40, null, "about", null, "about 40"],
    ["3,000 or so", 3000, null, "about", null, "about 3,000"],
    ["1,000-plus", 1000, null, "more-than", null, "more than 1,000"],
    ["500 or more", 500, null, "at-least", null, "at least 500"],
    ["ten or fewer", 10, 10, "up-to", null, "up to 10"],
    // Pence: the value in pence as written, the unit GBX, the label as a British page writes it.
    ["191.4p", 191.4, 191.4, "exact", "GBX", "191.4p"],
    ["45 pence", 45, 45, "exact", "GBX", "45p"],
    ["about 150p", 150, null, "about", "GBX", "about 150p"],
    ["between 140p and 150p", 140, 150, "range", "GBX", "between 140p and 150p"],
    ["140-150p", 140, 150, "range", "GBX", "between 140p and 150p"],
    // Cents: of whichever currency the story's are, in cents as written.
    ["4 cents", 4, 4, "exact", "cents", "4 cents"],
    ["about 10 cents", 10, null, "about", "cents", "about 10 cents"],
    ["between 1 and 2 cents", 1, 2, "range", "cents", "between 1 cent and 2 cents"],
    ["5 per cent", 5, 5, "exact", "percent", "5%"],
    // Below zero, as the source writes it, labelled with a minus sign.
    ["-0.3%", -0.3, -0.3, "exact", "percent", "\u22120.3%"],
    ["\u22120.3%", -0.3, -0.3, "exact", "percent", "\u22120.3%"],
    ["minus 20,000", -20000, -20000, "exact", null, "\u221220,000"],
    ["-£2.1bn", -2.1e9, -2.1e9, "exact", "GBP", "\u2212£2.1 billion"]
  ];
  test.each(rows)("parseFigure(%j) is %d", (text, value, upper, qualifier, unit, label) => {
    const f = parseFigure(text);
    expect([f.value, f.upper, f.qualifier, f.unit]).toEqual([value, upper, qualifier, unit]);
    expect(labelOf(f)).toBe(label);
  });

  test.each([
    ["₿5", 'cannot read figure "₿5": unknown currency "₿"; write it as an ISO 4217 code such as USD, EUR or GBP'],
    [
      "XYZ 5 million",
      'cannot read figure "XYZ 5 million": unknown currency "XYZ"; write it as an ISO 4217 code such as USD, EUR or GBP'
    ]
  ])("parseFigure(%j) throws UNKNOWN_CURRENCY", (text, message) => {
    expect(() => parseFigure(text)).toThrow(message);
    try {
      parseFigure(text);
    } catch (error) {
      expect((error as FigureError).code).toBe("UNKNOWN_CURRENCY");
    }
  });

  test('parseFigure("£5 billion to $7 billion") refuses two currencies; "a few more million" is no figure', () => {
    expect(() => parseFigure("£5 billion to $7 billion")).toThrow("it mixes currencies (GBP, USD)");
    expect(() => parseFigure("£1 to 150p")).toThrow("it mixes currencies (GBP, GBX)");
    expect(() => parseFigure("10pm")).toThrow(FigureError);
    expect(() => parseFigure("a few more million")).toThrow(FigureError);
  });
});

describe("parseFigure properties", () => {
  const qualifierWords = [
    "",
    "more than ",
    "well over ",
    "at least ",
    "up to ",
    "fewer than ",
    "nearly ",
    "about ",
    "some "
  ];

  test("any integer formatted with separators parses back to itself", () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: 1e12}), (n) => {
        expect(parseNumber(n.toLocaleString("en-US"))).toBe(n);
        expect(parseFigure(n.toLocaleString("en-US")).value).toBe(n);
      })
    );
  });

  test("a qualifier never changes value", () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 1e9}), fc.constantFrom(...qualifierWords), (n, q) => {
        const text = n.toLocaleString("en-US");
        expect(parseFigure(q + text).value).toBe(parseFigure(text).value);
      })
    );
  });

  test("lower <= value <= upper whenever both are set", () => {
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 1e9}),
        fc.integer({min: 0, max: 1e9}),
        fc.constantFrom(...qualifierWords, "between"),
        (a, d, q) => {
          const f =
            q === "between"
              ? parseFigure(`between ${a.toLocaleString("en-US")} and ${(a + d).toLocaleString("en-US")}`)
              : parseFigure(q + a.toLocaleString("en-US"));
          if (f.lower !== null) expect(f.lower).toBeLessThanOrEqual(f.value);
          if (f.upper !== null) expect(f.value).toBeLessThanOrEqual(f.upper);
        }
      )
    );
  });
});
