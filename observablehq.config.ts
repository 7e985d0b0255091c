// Observable Framework's configuration for the explainer.
export default {
  root: "src",
  // `explainer build` builds into a staging folder and swaps it in only when the build succeeds.
  output: process.env.EXPLAINER_OUTPUT ?? "dist",
  title: "Explainer Kit",
  // No web font from a CDN: the theme's own fallbacks are system fonts.
  globalStylesheets: [],
  sidebar: false,
  pager: false,
  toc: false,
  search: false,
  footer: ""
};
