/**
 * The audit's list of figures computed from datasets: each claim with its dataset (and the sha256 it
 * was verified against), its query, the query's result and the rounding rule. Browser code with no
 * imports; text from the data is set with textContent, never parsed as HTML.
 */

/** A row of `src/data/computed.csv`, as strings. */
export type ComputedRow = Record<string, string>;

const columns: [key: string, heading: string][] = [
  ["claim", "Claim"],
  ["label", "Figure"],
  ["dataset", "Dataset"],
  ["dataset_sha256", "sha256"],
  ["query_file", "Query"],
  ["result", "Result"],
  ["rule", "Rule"]
];

/** A section with a table of the computed claims, or a sentence saying there are none. */
export function computedTable(rows: ComputedRow[], doc: Document = document): HTMLElement {
  const section = doc.createElement("section");
  section.className = "audit-computed";
  const heading = doc.createElement("h2");
  heading.textContent = "Figures computed from datasets";
  section.append(heading);
  if (rows.length === 0) {
    const p = doc.createElement("p");
    p.textContent = "No figure is computed from a dataset: every figure is quoted from a source.";
    section.append(p);
    return section;
  }
  const table = doc.createElement("table");
  const head = table.createTHead().insertRow();
  for (const [, text] of columns) {
    const th = doc.createElement("th");
    th.scope = "col";
    th.textContent = text;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const [key] of columns) {
      const cell = tr.insertCell();
      cell.textContent = key === "dataset_sha256" ? (row[key] ?? "").slice(0, 12) : (row[key] ?? "");
    }
  }
  section.append(table);
  return section;
}
