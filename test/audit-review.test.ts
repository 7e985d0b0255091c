import {JSDOM} from "jsdom";
import {afterEach, beforeEach, describe, expect, test, vi} from "vitest";
import {reviewSession} from "../src/components/audit-api.ts";
import {canCite, canIgnore, ignoreText, repeatOf, repeatReason} from "../src/components/audit-repeats.ts";
import {auditReview} from "../src/components/audit-review.ts";
import {field, labels, showProblems} from "../src/components/audit-form.ts";
import {auditView} from "../src/components/audit-view.ts";

const title = "Fixture: 2,000 dead <img src=x onerror=alert(1)> as talks stall";
const body =
  "Officials said 2,000 civilians had died.\n\nAnother 2,000 people were hurt, and 2,000 civilians fled.\n\n" +
  "The council set aside €2,000 for repairs, and $2,000 came from donors.\n";

/** A row of data/numbers.csv for the text at `at` (the n-th occurrence of `text`) in the title or body. */
function row(text: string, part: "title" | "body", status: string, extra: Record<string, string> = {}, nth = 0) {
  const of = part === "title" ? title : body;
  let start = -1;
  for (let i = 0; i <= nth; i++) start = of.indexOf(text, start + 1);
  return {
    source: "s",
    part,
    start: String(start),
    end: String(start + text.length),
    text,
    kind: "count",
    value: "2000",
    lower: "2000",
    upper: "2000",
    qualifier: "exact",
    unit: "",
    sentence: "",
    status,
    claim: "",
    reason: "",
    ...extra
  };
}

const source = {id: "s", title, published: "2022-03-02", body, explainers: []};
const cited = row("2,000", "body", "cited", {claim: "civilians-killed-fixture", unit: "civilians"});
const headline = row("2,000", "title", "unreviewed");
const hurt = row("2,000", "body", "unreviewed", {unit: "people"}, 1);
const fled = row("2,000", "body", "unreviewed", {unit: "civilians"}, 2);
const euros = row("€2,000", "body", "unreviewed", {kind: "money", unit: "EUR"});
const dollars = row("$2,000", "body", "cited", {kind: "money", unit: "USD", claim: "donations"});
const hours = row("2,000", "body", "unreviewed", {kind: "duration", unit: "hours"});
const rows = [headline, cited, hurt, fled, euros, dollars];

describe("the audit's proposals", () => {
  test("canCite and canIgnore: body figures may be cited, reviewed kinds ignored, only while unreviewed", () => {
    expect([canCite(hurt), canIgnore(hurt)]).toEqual([true, true]);
    expect([canCite(headline), canIgnore(headline)]).toEqual([false, true]);
    expect([canCite(hours), canIgnore(hours)]).toEqual([true, false]);
    expect([canCite(cited), canIgnore(cited)]).toEqual([false, false]);
  });

  test("repeatOf(row, rows) finds the cited figure of the same source, whatever the noun; money only in its currency", () => {
    expect(repeatOf(headline, rows)?.claim).toBe("civilians-killed-fixture");
    expect(repeatOf(hurt, rows)?.claim).toBe("civilians-killed-fixture");
    expect(repeatOf(euros, rows)).toBeNull();
    expect(repeatOf({...headline, source: "other"}, rows)).toBeNull();
    expect(repeatOf({...headline, value: "2001"}, rows)).toBeNull();
  });

  test("repeatReason names the claim, and says where the repeat is", () => {
    expect(repeatReason(headline, cited)).toBe(
      "The headline repeats the figure that the ledger cites from the body (claim civilians-killed-fixture)."
    );
    expect(repeatReason(fled, cited)).toBe(
      "Repeats the figure that the ledger cites from this source (claim civilians-killed-fixture)."
    );
  });

  test("ignoreText(source, row) takes words around the number until it occurs once, right first, within its paragraph", () => {
    expect(ignoreText(source, headline)).toBe("2,000 dead");
    expect(ignoreText(source, hurt)).toBe("2,000 people");
    expect(ignoreText(source, fled)).toBe("and 2,000 civilians");
    expect(ignoreText(source, euros)).toBe("€2,000");
    expect(ignoreText({title: "", body: "Up 5.\n\nUp 5.\n"}, {...hurt, start: "3", end: "4"})).toBe("Up 5.");
  });
});

describe("auditReview in the audit's view", () => {
  let window: JSDOM["window"];
  let saved: Document;
  beforeEach(() => {
    ({window} = new JSDOM("<!doctype html><head></head><body></body>", {url: "http://127.0.0.1:3000/audit"}));
    saved = globalThis.document;
    globalThis.document = window.document;
  });
  afterEach(() => {
    globalThis.document = saved;
    vi.unstubAllGlobals();
  });

  test("a problem that offers a value puts it in its field in one click, and goes with the next problem", () => {
    vi.stubGlobal("CSS", {escape: (id: string) => id});
    vi.stubGlobal("Event", window.Event);
    const values: Record<string, string> = {};
    const form = window.document.createElement("form");
    form.append(field("f", "as_of", labels.as_of, "", values));
    const line = window.document.createElement("p");
    const detail = 'the sentence dates it "Last week", which names no single day';
    showProblems(form, "f", [{code: "AS_OF_UNRESOLVED", field: "as_of", detail, value: "2022-03-06"}], line);
    const input = form.querySelector("input")!;
    expect([input.getAttribute("aria-invalid"), form.querySelector(".audit-field-error")!.textContent]).toEqual([
      "true",
      detail
    ]);
    const use = form.querySelector<HTMLButtonElement>("button.audit-field-offer")!;
    expect(use.textContent).toBe("Use 2022-03-06");
    use.click();
    expect([input.value, values.as_of]).toEqual(["2022-03-06", "2022-03-06"]);
    showProblems(form, "f", [{code: "FIELD_EMPTY", field: "as_of", detail: '"as_of" is empty'}], line);
    expect(form.querySelectorAll(".audit-field-offer")).toHaveLength(0);
  });

  test("reviewSession() asks for no session where the page has no dev marker (the built site)", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    expect(await reviewSession(window.document)).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  test("reviewSession() under dev reads the preview's session file", async () => {
    window.document.head.innerHTML = '<meta name="explainer-dev" content="save">';
    const fetch = vi.fn(async () => new Response('{"url": "http://127.0.0.1:3001", "token": "t0k"}'));
    vi.stubGlobal("fetch", fetch);
    expect(await reviewSession(window.document)).toEqual({url: "http://127.0.0.1:3001", token: "t0k"});
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe("http://127.0.0.1:3000/_file/data/editor-session.json");
  });

  test("without actions the audit has no Review column and no button", () => {
    const view = auditView([source], rows);
    expect([...view.querySelectorAll("th")].map((th) => th.textContent)).not.toContain("Review");
    expect(view.querySelectorAll("button, form").length).toBe(0);
  });

  test("with actions each number not reviewed gets its buttons, a source its repeats; data stays text", () => {
    const review = auditReview({url: "http://127.0.0.1:3001", token: "t"}, [source], rows);
    const view = auditView([source], rows, review.actions);
    const buttons = (start: string, part = "body") =>
      [...view.querySelectorAll(`tr[id="number-s-${part}-${start}"] button`)].map((b) => b.getAttribute("aria-label"));
    expect(buttons(headline.start, "title")).toEqual([
      "Ignore 2,000",
      "Ignore as a repeat of claim civilians-killed-fixture: 2,000"
    ]);
    expect(buttons(hurt.start)).toEqual([
      "Cite 2,000",
      "Ignore 2,000",
      "Ignore as a repeat of claim civilians-killed-fixture: 2,000"
    ]);
    expect(buttons(euros.start)).toEqual(["Cite €2,000", "Ignore €2,000"]);
    expect(buttons(cited.start)).toEqual([]);
    expect([...view.querySelectorAll(".audit-repeats li")].map((li) => li.textContent)).toEqual([
      "“2,000” in the headline repeats claim civilians-killed-fixture",
      "“2,000” in the body repeats claim civilians-killed-fixture",
      "“2,000” in the body repeats claim civilians-killed-fixture"
    ]);
    expect(view.querySelector(".audit-repeats button")!.textContent).toBe("Ignore all 3 as repeats");
    expect(review.status.querySelector("p")!.textContent).toMatch(/^Review: 4 numbers need a claim or a reason\./);
    expect(view.querySelectorAll("img").length).toBe(0);
  });

  test("a superseded number is ignored in one click, with the reason the stage gives it", async () => {
    const reason =
      "Superseded: claim refugees quoted this figure when a fixture explainer was published on 1 March 2026.";
    const old = {...euros, superseded: reason};
    const posts: unknown[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init: RequestInit) => {
        if (init.method === "POST") posts.push(JSON.parse(String(init.body)));
        return new Response(JSON.stringify({base: "b0", file: "data/ignored.csv"}));
      })
    );
    const review = auditReview({url: "http://127.0.0.1:3001", token: "t"}, [source], [cited, old]);
    const view = auditView([source], [cited, old], review.actions);
    const row = view.querySelector(`tr[id="number-s-body-${old.start}"]`)!;
    const buttons = [...row.querySelectorAll("button")];
    expect(buttons.map((b) => b.getAttribute("aria-label"))).toEqual([
      "Cite €2,000",
      "Ignore €2,000",
      `Ignore as superseded: €2,000. ${reason}`
    ]);
    // Its reason shows on hover, as the screen reader says it.
    expect(buttons[2].title).toBe(reason);
    buttons[2].click();
    await vi.waitFor(() =>
      expect(row.querySelector("[role=status]")!.textContent).toMatch(/^Ignored €2,000 as superseded/)
    );
    expect(posts).toEqual([{rows: [{source: "s", text: "€2,000", reason}], base: "b0"}]);
    expect(buttons[2].disabled).toBe(true);
  });
});
