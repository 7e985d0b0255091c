/**
 * The changed figures as the audit page shows them: each published figure whose claim changed since
 * it was published, with its label before and after, every place that cites it and whether that
 * place is reviewed, and whether readers have an update or correction for it. Under `npm run dev`
 * the editor page passes `review`, and each place waiting for a review gets a "Mark reviewed" button.
 * Browser code with no imports; every piece of text from the data is set with textContent.
 */

/** One place that cites a changed figure, as the stage output `data/changes.json` gives it. */
export interface ChangedPlaceRow {
  /** `src/explainers/x.md:20` or `data/charts/x.json:annotations[0].text`, as FIGURE_CHANGED prints it. */
  place: string;
  kind: "prose" | "standfirst" | "cards" | "chart";
  reviewed: boolean;
}

/** One changed figure, as the stage output `data/changes.json` gives it. */
export interface ChangeRow {
  explainer: string;
  claim: string;
  before: string;
  after: string;
  /** The claim's hash now: what a review is for. */
  hash: string;
  /** The day the explainer was last published (ISO). */
  published: string;
  places: ChangedPlaceRow[];
  /** The kind of the entry readers will see (`update`, `correction`), or "" when there is none yet. */
  entry: string;
}

const kinds: Record<ChangedPlaceRow["kind"], string> = {
  prose: "sentence",
  standfirst: "standfirst",
  cards: "figure cards",
  chart: "chart text"
};

/** Options of {@link changesView}. */
export interface ChangesViewOptions {
  /** Marks a place reviewed (the save endpoint, under `npm run dev`); without it, no button is shown. */
  review?: (request: {
    place: string;
    claim: string;
    hash: string;
  }) => Promise<{ok: true} | {ok: false; message: string}>;
}

/**
 * The list of changed figures, or a sentence saying there is none. Each place shows whether it is
 * reviewed; `npx explainer review PLACE` marks it, or the button when `review` is given.
 */
export function changesView(changes: readonly ChangeRow[], {review}: ChangesViewOptions = {}): HTMLElement {
  const section = document.createElement("section");
  section.className = "changes";
  const summary = document.createElement("p");
  summary.className = "changes-summary";
  const waiting = changes.flatMap((c) => c.places.filter((p) => !p.reviewed)).length;
  summary.textContent = changes.length
    ? `${changes.length} published figure${changes.length === 1 ? "" : "s"} changed; ${waiting} place${waiting === 1 ? "" : "s"} to review (npx explainer review PLACE).`
    : "No published figure has changed since it was published.";
  section.append(summary);
  for (const change of changes) {
    const item = document.createElement("div");
    item.className = "change";
    item.dataset.explainer = change.explainer;
    item.dataset.claim = change.claim;
    const title = document.createElement("h3");
    title.textContent = `${change.explainer}: ${change.claim}: ${change.before} → ${change.after}`;
    const entry = document.createElement("p");
    entry.textContent = change.entry
      ? `Readers get an ${change.entry === "update" ? "update" : "correction"} (data/corrections.csv).`
      : "No update or correction yet: `npx explainer update` drafts one.";
    const list = document.createElement("ul");
    for (const p of change.places) {
      const li = document.createElement("li");
      li.dataset.place = p.place;
      li.dataset.reviewed = String(p.reviewed);
      const code = document.createElement("code");
      code.textContent = p.place;
      const status = document.createElement("span");
      status.className = "change-status";
      status.textContent = p.reviewed ? "reviewed" : "to review";
      li.append(code, ` (${kinds[p.kind]}): `, status);
      if (review && !p.reviewed) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = "Mark reviewed";
        button.setAttribute("aria-label", `Mark ${p.place} reviewed`);
        button.addEventListener("click", async () => {
          button.disabled = true;
          const result = await review({place: p.place, claim: change.claim, hash: change.hash});
          if (result.ok) {
            status.textContent = "reviewed";
            li.dataset.reviewed = "true";
            button.remove();
          } else {
            status.textContent = `to review (${result.message})`;
            button.disabled = false;
          }
        });
        li.append(" ", button);
      }
      list.append(li);
    }
    item.append(title, entry, list);
    section.append(item);
  }
  return section;
}
