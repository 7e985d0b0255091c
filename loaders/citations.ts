/**
 * Citation numbering for one page: each cited claim gets a number in order of first use, and each
 * place that cites it an anchor, so the Sources list can link back to every one of them.
 */

/** One place in the page that cites a claim. */
export interface Citation {
  claim: string;
  /** The claim's number in the Sources list, from 1, in order of first use. */
  number: number;
  /** The id of this citation's marker in the page: `cite-2-1` for the first citation of source 2. */
  anchor: string;
  /** The id of the card shown with this marker. */
  card: string;
  /** The line of the page's file that cites it (prose, or the directive's line), when known. */
  line?: number;
}

/** The citations of one page, in the order they were made. */
export class Citations {
  private readonly numbers = new Map<string, number>();
  private readonly places = new Map<string, Citation[]>();

  /** Records a citation of `claim` (at `line` of the page's file, when known) and returns its number and anchors. */
  cite(claim: string, line?: number): Citation {
    let number = this.numbers.get(claim);
    if (number === undefined) this.numbers.set(claim, (number = this.numbers.size + 1));
    const places = this.places.get(claim) ?? [];
    const n = places.length + 1;
    const citation: Citation = {claim, number, anchor: `cite-${number}-${n}`, card: `card-${number}-${n}`};
    if (line !== undefined) citation.line = line;
    this.places.set(claim, [...places, citation]);
    return citation;
  }

  /** The cited claims in order of first use, each with every place that cites it. */
  entries(): {claim: string; number: number; citations: Citation[]}[] {
    return [...this.numbers].map(([claim, number]) => ({claim, number, citations: this.places.get(claim)!}));
  }
}
