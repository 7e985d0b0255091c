// Observable Framework's configuration for the explainer.
export default {
  root: "src",
  title: "Explainer Kit",
  // No web font from a CDN: the theme's own fallbacks are system fonts.
  globalStylesheets: [],
  sidebar: false,
  pager: false,
  toc: false,
  search: false,
  footer: ""
};
