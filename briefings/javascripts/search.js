// Hand-written: site search with Pagefind. The briefings plugin indexes the built
// site (site/pagefind/); this script adds a search button to the header and loads
// Pagefind's UI and index only when a reader first opens it, so a page costs
// nothing for search until then. Keys: "/" or "s" open it, Escape closes it.
(function () {
  var config = JSON.parse(document.getElementById("__config").textContent);
  var base = new URL(config.base.replace(/\/?$/, "/"), location.href);
  var bundle = new URL("pagefind/", base).href;
  var dialog = null;
  var loading = null;

  function loadUI() {
    if (loading) return loading;
    loading = new Promise(function (resolve, reject) {
      var style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = bundle + "pagefind-ui.css";
      document.head.appendChild(style);
      var script = document.createElement("script");
      script.src = bundle + "pagefind-ui.js";
      script.onload = resolve;
      script.onerror = function () { reject(new Error("the search index is not built")); };
      document.head.appendChild(script);
    }).then(function () {
      // A large site is indexed in shards; the main bundle lists the others.
      return fetch(bundle + "shards.json").then(function (response) {
        return response.ok ? response.json() : [];
      }).catch(function () { return []; });
    }).then(function (shards) {
      return new PagefindUI({
        element: "#site-search-ui", bundlePath: bundle, baseUrl: base.pathname,
        showSubResults: true, showImages: false, autofocus: true, resetStyles: false, processResult: landOnSentence,
        mergeIndex: shards.map(function (path) {
          return { bundlePath: new URL(path, bundle).href, baseUrl: base.pathname };
        }),
      });
    }).catch(function (error) {
      document.getElementById("site-search-ui").textContent = "Search is unavailable: " + error.message + ".";
    });
    return loading;
  }

  // A hit in a briefing's article opens the page at the sentence that matches: the
  // sentences' ids (s1, s2, …) are anchors Pagefind records with the word where each
  // starts, and the page marks the sentence a link targets. The sentence holding the
  // most matched words wins, the earliest of equals; a sub-result (a section of the
  // page) lands on its own best sentence.
  function landOnSentence(result) {
    var sentences = (result.anchors || []).filter(function (anchor) { return /^s\d+$/.test(anchor.id); });
    function bestSentence(locations) {
      var best = null, bestCount = 0;
      sentences.forEach(function (anchor) {
        var end = anchor.location + anchor.text.trim().split(/\s+/).length;
        var count = locations.filter(function (word) { return anchor.location <= word && word < end; }).length;
        if (count > bestCount) {  // sentences come in page order: the earliest of equals stays
          best = anchor;
          bestCount = count;
        }
      });
      return best;
    }
    function target(url, locations) {
      var sentence = bestSentence(locations || []);
      return sentence ? url.split("#")[0] + "#" + sentence.id : url;
    }
    (result.sub_results || []).forEach(function (sub) { sub.url = target(sub.url, sub.locations); });
    result.url = target(result.url, result.locations);
    return result;
  }

  function makeDialog() {
    dialog = document.createElement("dialog");
    dialog.className = "site-search";
    dialog.setAttribute("aria-label", "Search");
    dialog.innerHTML = '<form method="dialog" class="site-search__close"><button aria-label="Close">×</button></form>' +
      '<div id="site-search-ui"></div>';
    dialog.addEventListener("click", function (event) {
      // A click on the backdrop, or on a hit (which may be on this page: only its anchor changes).
      if (event.target === dialog || event.target.closest("a")) dialog.close();
    });
    document.body.appendChild(dialog);
  }

  // A search can be linked: ?q=words opens the search with those words; what a reader
  // types is kept in the address, so copying it shares the search.
  function open(query) {
    if (!dialog) makeDialog();
    if (!dialog.open) dialog.showModal();
    loadUI().then(function (ui) {
      var input = dialog.querySelector("input");
      if (!input) return;
      input.focus();
      if (typeof query === "string" && ui) ui.triggerSearch(query);
      if (!input.dataset.linked) {
        input.dataset.linked = "1";
        input.addEventListener("input", function () {
          var url = new URL(location.href);
          if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
          history.replaceState(history.state, "", url);
        });
      }
    });
  }

  var button = document.createElement("button");
  button.className = "md-header__button md-icon site-search__button";
  button.type = "button";
  button.title = "Search";
  button.setAttribute("aria-label", "Search");
  button.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5' +
    'c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 ' +
    '6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg><span>Search</span>';
  button.addEventListener("click", function () { open(); });
  var header = document.querySelector(".md-header__inner");
  if (header) header.insertBefore(button, header.querySelector(".md-header__source"));

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s")) {
      event.preventDefault();
      open();
    }
  });
  var linked = new URLSearchParams(location.search).get("q");
  if (linked) open(linked);
})();
