// The benchmark's reference: a plain Framework page that draws the explainer's three charts with Plot
// in the browser. bench/publish.ts copies this folder into a temporary project, writes its data
// (src/data/*) from the kit's ledger and map, and builds it offline as the kit builds the explainer.
export default {
  root: "src",
  title: "Reference",
  // Offline: no web font from a CDN, no search index, nothing around the page.
  globalStylesheets: [],
  sidebar: false,
  pager: false,
  toc: false,
  search: false,
  footer: "",
  // No favicon request to a missing file (as the explainer).
  head: '<link rel="icon" href="data:,">'
};
