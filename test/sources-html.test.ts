import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {Citations} from "../loaders/citations.ts";
import {sourcesHtml} from "../loaders/prose-html.ts";
import type {Claim} from "../src/components/claim.ts";
import {fixtureClaims} from "./helpers/chart-fixtures.ts";

/** The Sources list's entries as a reader reads them, with the quote marks a browser draws around a `<q>`. */
function entries(html: string): string[] {
  const document = new JSDOM(html).window.document;
  for (const q of document.querySelectorAll("q")) q.textContent = `“${q.textContent}”`;
  return [...document.querySelectorAll("li")].map((li) => li.textContent!.replace(/\s+/g, " ").trim());
}

describe("sourcesHtml(citations, claims, sources)", () => {
  it("never doubles quote marks: a quote in marks of its own loses them, a quote within it takes single ones", async () => {
    const [base] = await fixtureClaims();
    const claims: Claim[] = [
      {...base, id: "enclosed", quote: "“We are counting every arrival at the crossing.”"},
      {...base, id: "speech", quote: "“We are counting every arrival,” the fixture official said."},
      {...base, id: "plain", quote: "Fixture arrivals passed 100,000, the fixture agency said."}
    ];
    const citations = new Citations();
    for (const c of claims) citations.cite(c.id);
    const html = sourcesHtml(citations, new Map(claims.map((c) => [c.id, c])), new Map());
    const [enclosed, speech, plain] = entries(html);
    expect(enclosed).toContain(": “We are counting every arrival at the crossing.” (");
    expect(speech).toContain(": “‘We are counting every arrival,’ the fixture official said.” (");
    expect(plain).toContain(": “Fixture arrivals passed 100,000, the fixture agency said.” (");
    for (const entry of [enclosed, speech, plain]) expect(entry).not.toMatch(/““|””|“‘“|”’”/);
  });
});
