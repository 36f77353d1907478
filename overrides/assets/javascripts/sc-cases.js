/* Case explorer (resources/cases): the page already lists every case; this script shows
   the filters, hides the cards that do not match and keeps the filters in the address
   (?dimension=…&step=…&country=…&population=…&search=…) so a view can be shared.
   Each card carries its values in data- attributes; messages come from the page.
   A long list shows its matches a batch at a time ("Show more"): laying out hundreds
   of cards costs far more than finding them, and filtering must stay instant. */
(function () {
  "use strict";
  var KEYS = ["search", "dimension", "step", "country", "population"];
  var BATCH = 24;

  // Lower case, no accents, words separated by single spaces: "L’Éclairage" -> " l eclairage ".
  function fold(text) {
    return " " + text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, " ").trim() + " ";
  }

  function setup(root) {
    var form = root.querySelector("[data-sc-filters]");
    var list = root.querySelector("[data-sc-list]");
    var count = root.querySelector("[data-sc-count]");
    var more = root.querySelector("[data-sc-more]");
    var limit = BATCH, matches = [];
    var say = JSON.parse(root.getAttribute("data-sc-strings"));
    var items = Array.prototype.map.call(list.children, function (li) {
      return {
        el: li,
        // Space-padded lists, so " mobility " cannot match inside another value.
        dimension: " " + li.getAttribute("data-dimension") + " ",
        step: " " + li.getAttribute("data-step") + " ",
        country: li.getAttribute("data-country"),
        population: li.getAttribute("data-population"),
        text: fold(li.textContent),
        shown: !li.hidden,
        match: true
      };
    });

    function read() {
      var state = {};
      KEYS.forEach(function (key) { state[key] = form.elements[key].value.trim(); });
      return state;
    }

    function message(n, total, filtered) {
      if (!filtered) return say.all.replace("{n}", total);
      if (n === 0) return say.none;
      return (n === 1 ? say.one : say.many).replace("{n}", n).replace("{total}", total);
    }

    // Find the matching cards and show the first `limit` of them; returns how many match.
    // A card's hidden attribute only changes when it must.
    function apply(state) {
      // Each word of the search must start a word of the card: "eau" finds "eaux", not "bureau".
      var words = fold(state.search).split(" ").filter(Boolean).map(function (w) { return " " + w; });
      var dim = " " + state.dimension + " ", step = " " + state.step + " ";
      matches = [];
      for (var i = 0; i < items.length; i++) {
        var it = items[i], ok = true;
        if (state.dimension && it.dimension.indexOf(dim) < 0) ok = false;
        else if (state.step && it.step.indexOf(step) < 0) ok = false;
        else if (state.country && it.country !== state.country) ok = false;
        else if (state.population && it.population !== state.population) ok = false;
        else {
          for (var w = 0; w < words.length; w++) {
            if (it.text.indexOf(words[w]) < 0) { ok = false; break; }
          }
        }
        it.match = ok;
        if (ok) matches.push(it);
      }
      show();
      var filtered = KEYS.some(function (key) { return state[key]; });
      count.textContent = message(matches.length, items.length, filtered);
      return matches.length;
    }

    function show() {
      var left = limit;
      for (var i = 0; i < items.length; i++) {
        var it = items[i], visible = it.match && left-- > 0;
        if (visible !== it.shown) { it.el.hidden = !visible; it.shown = visible; }
      }
      var rest = matches.length - limit;
      more.hidden = rest <= 0;
      if (rest > 0) more.textContent = say.more.replace("{n}", Math.min(rest, BATCH));
    }

    function remember(state) {
      var params = new URLSearchParams(window.location.search);
      KEYS.forEach(function (key) {
        if (state[key]) params.set(key, state[key]); else params.delete(key);
      });
      var query = params.toString();
      try {
        window.history.replaceState(window.history.state, "",
          window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      } catch (e) { /* some file:// contexts refuse it: filtering still works */ }
    }

    function restore() {
      var params = new URLSearchParams(window.location.search);
      KEYS.forEach(function (key) {
        var field = form.elements[key], value = params.get(key) || "";
        if (field.tagName === "SELECT") {
          var known = Array.prototype.some.call(field.options, function (o) { return o.value === value; });
          if (!known) value = "";
        }
        field.value = value;
      });
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
