/* Case explorer (resources/cases): the page already lists every case; this script shows
   the filters, hides the cards that do not match and keeps the filters in the address
   (?dimension=…&step=…&country=…&population=…&search=…) so a view can be shared.
   Each card carries its values in data- attributes; messages come from the page.
   A long list shows its matches a batch at a time ("Show more"): laying out hundreds
   of cards costs far more than finding them, and filtering must stay instant.
   The rules (folding, matching, messages, the address) are in sc-cases-core.js, joined
   ahead of this file in its chunk; this file reads and changes the page. */
(function () {
  "use strict";
  var core = window.scCasesCore, KEYS = core.KEYS, BATCH = core.BATCH;

  function setup(root) {
    var form = root.querySelector("[data-sc-filters]");
    var list = root.querySelector("[data-sc-list]");
    var count = root.querySelector("[data-sc-count]");
    var more = root.querySelector("[data-sc-more]");
    var limit = BATCH, matches = [];
    var say = JSON.parse(root.getAttribute("data-sc-strings"));
    var items = Array.prototype.map.call(list.children, function (li) {
      var it = core.card({
        dimension: li.getAttribute("data-dimension"),
        step: li.getAttribute("data-step"),
        country: li.getAttribute("data-country"),
        population: li.getAttribute("data-population"),
        text: li.textContent
      });
      it.el = li;
      it.shown = !li.hidden;
      it.match = true;
      return it;
    });

    function read() {
      var values = {};
      KEYS.forEach(function (key) { values[key] = form.elements[key].value; });
      return core.state(values);
    }

    // Find the matching cards and show the first `limit` of them; returns how many match.
    // A card's hidden attribute only changes when it must.
    function apply(state) {
      var test = core.matcher(state);
      matches = [];
      for (var i = 0; i < items.length; i++) {
        var it = items[i];
        it.match = test(it);
        if (it.match) matches.push(it);
      }
      show();
      count.textContent = core.message(say, matches.length, items.length, state);
      return matches.length;
    }

    function show() {
      var left = limit;
      for (var i = 0; i < items.length; i++) {
        var it = items[i], visible = it.match && left-- > 0;
        if (visible !== it.shown) { it.el.hidden = !visible; it.shown = visible; }
      }
      var next = core.more(say, matches.length, limit);
      more.hidden = !next;
      if (next) more.textContent = next;
    }

    function remember(state) {
      var query = core.toQuery(window.location.search, state);
      try {
        window.history.replaceState(window.history.state, "",
          window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      } catch (e) { /* some file:// contexts refuse it: filtering still works */ }
    }

    // A value the address asks for that a list does not offer falls back to "all".
    function restore() {
      var choices = {};
      KEYS.forEach(function (key) {
        var field = form.elements[key];
        if (field.tagName === "SELECT") choices[key] = Array.prototype.map.call(field.options, function (o) { return o.value; });
      });
      var state = core.fromQuery(window.location.search, choices);
      KEYS.forEach(function (key) { form.elements[key].value = state[key]; });
    }

    // The address follows a moment later: rewriting it costs more than the filtering.
    var pending = null;
    function update() {
      var state = read();
      limit = BATCH;
      apply(state);
      window.clearTimeout(pending);
      pending = window.setTimeout(function () { remember(state); }, 250);
    }

    more.addEventListener("click", function () {
      var first = matches[limit];
      limit += BATCH;
      show();
      // Keyboard and screen-reader users land on the first card just shown.
      var link = first && first.el.querySelector("a");
      if (link) link.focus();
    });

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    restore();
    form.hidden = false;
    apply(read());
    return { apply: apply, read: read, matched: function () { return matches.length; } };
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-sc-library]"), function (root) {
      if (!root.scLibrary) root.scLibrary = setup(root);
    });
  }

  // Exposed for the tests, which swap in a generated list of 1,000 cases.
  window.scCases = { setup: setup, init: init };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
