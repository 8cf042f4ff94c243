// Keep the language selector on the page being read.
// mkdocs-static-i18n writes each page's translations into the selector and into
// <link rel="connecteur-alternate" hreflang> in the head (mkdocs_connecteur/site/alternates.py:
// Material would take a rel="alternate" link for a language root and fetch a sitemap under it).
// Material's instant navigation replaces the head's
// links on every page change but not the header, so the selector would keep pointing at the first
// page's translation: copy the head's links into it after each navigation.
(function () {
  "use strict";

  function sync() {
    var links = document.querySelectorAll("a[data-connecteur-language][hreflang]");
    for (var i = 0; i < links.length; i++) {
      var lang = links[i].getAttribute("hreflang");
      var alternate = document.head.querySelector(
        'link[rel="connecteur-alternate"][hreflang="' + CSS.escape(lang) + '"]'
      );
      if (alternate) {
        links[i].href = alternate.href;
      } else if (lang === document.documentElement.lang) {
        // The plugin drops the page's own alternate (see mkdocs_connecteur/site/alternates.py).
        links[i].href = location.href.split("#")[0];
      }
    }
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(sync); // Material's stream: once per page, instant navigation included
  } else {
    document.addEventListener("DOMContentLoaded", sync);
  }
})();
