import {describe, expect, test} from "vitest";
import {noClaim} from "../src/components/claim.ts";
import {closest, didYouMean} from "../src/components/suggest.ts";

const ledger = [
  "civilians-killed",
  "refugees-un-voa",
  "soldiers-approaching-kyiv",
  "cost-emergency-shelters-fixture-wire"
];

describe("closest", () => {
  test.each([
    ["refugee-un-voa", "refugees-un-voa"], // a letter missing
    ["refugees-nu-voa", "refugees-un-voa"], // two letters swapped
    ["Civilians-Killed", "civilians-killed"], // capitals
    ["civilian-killed", "civilians-killed"],
    ["shelters-fixture-wire", "cost-emergency-shelters-fixture-wire"], // every word of a longer id
    ["soldiers-kyiv", "soldiers-approaching-kyiv"]
  ])("closest(%j) is %j", (name, id) => {
    expect(closest(name, ledger)).toBe(id);
  });

  test.each(["deaths", "refugees", "no-such-claim", "x", "places-in-the-report"])(
    "closest(%j) is undefined: nothing is close enough to be a slip",
    (name) => {
      expect(closest(name, ledger)).toBeUndefined();
    }
  );

  test("of two as close, the first in alphabetical order; never the name itself", () => {
    expect(closest("ab-c", ["ab-d", "ab-b", "ab-c"])).toBe("ab-b");
    expect(closest("a", [])).toBeUndefined();
  });
});

describe("the messages", () => {
  test("didYouMean and noClaim add the closest id, and nothing when none is close", () => {
    expect(didYouMean("refugee-un-voa", ledger)).toBe(' (did you mean "refugees-un-voa"?)');
    expect(didYouMean("deaths", ledger)).toBe("");
    expect(noClaim("refugee-un-voa", ledger)).toBe(
      'no claim "refugee-un-voa" in data/claims.csv (did you mean "refugees-un-voa"?)'
    );
    expect(noClaim("no-such-claim", new Map(ledger.map((id) => [id, 1])).keys())).toBe(
      'no claim "no-such-claim" in data/claims.csv'
    );
  });
});
