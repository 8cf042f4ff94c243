// Material puts each code block's copy button inside a <nav class="md-code__nav">: one navigation
// landmark per code block, none with a name (axe-core: landmark-unique, best practices), and a
// copy button is not navigation. Take the landmark role away (role="none", allowed on <nav>) from
// every such nav Material adds, on the first page and after each instant navigation.
(function () {
  "use strict";

  var SELECTOR = "nav.md-code__nav:not([role])";

  function fix(node) {
    if (!(node instanceof Element)) return;
    if (node.matches(SELECTOR)) node.setAttribute("role", "none");
    var navs = node.querySelectorAll(SELECTOR);
    for (var i = 0; i < navs.length; i++) navs[i].setAttribute("role", "none");
  }

  new MutationObserver(function (records) {
    for (var r = 0; r < records.length; r++) {
      var added = records[r].addedNodes;
      for (var n = 0; n < added.length; n++) fix(added[n]);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  fix(document.documentElement);
})();
