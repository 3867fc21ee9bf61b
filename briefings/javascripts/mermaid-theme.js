// Hand-written: Mermaid's timeline diagrams in the site's colours, light and dark.
// mkdocs-material passes its own theme CSS to mermaid.initialize and renders each
// diagram in a shadow root, so page CSS cannot reach it: extend that theme CSS.
(function () {
  if (typeof mermaid === "undefined") return;
  var timeline = [
    "g[class*='section-'] path, g[class*='section-'] rect",
    "{fill: var(--md-mermaid-node-bg-color) !important; stroke: var(--md-mermaid-node-fg-color) !important}",
    "g[class*='section-'] text, g[class*='section-'] tspan {fill: var(--md-mermaid-label-fg-color) !important}",
    "line {stroke: var(--md-mermaid-edge-color) !important}",
    "marker path, #arrowhead path {fill: var(--md-mermaid-edge-color) !important}",
    "text {font-family: var(--md-mermaid-font-family)}"
  ].join("\n");
  var initialize = mermaid.initialize.bind(mermaid);
  mermaid.initialize = function (config) {
    config = Object.assign({}, config);
    config.themeCSS = (config.themeCSS || "") + timeline;
    initialize(config);
  };
})();
