import type {Claim} from "./claim.ts";

/**
 * The ledger as a table a reader can scan: label, measure, attribution, date and quote per figure.
 * Every cell is set as text, so nothing from the data is read as HTML.
 */
export function ledgerTable(claims: Claim[]): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "ledger";
  const head = table.createTHead().insertRow();
  for (const name of ["Figure", "Measure", "Attribution", "As of", "Quote"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = name;
    head.append(th);
  }
  const body = table.createTBody();
  for (const claim of claims) {
    const row = body.insertRow();
    row.id = `claim-${claim.id}`;
    for (const text of [
      claim.label,
      claim.measure,
      claim.attribution || "not attributed in the source",
      claim.as_of,
      `“${claim.quote}”`
    ]) {
      row.insertCell().textContent = text;
    }
  }
  return table;
}
