/* Case explorer (resources/cases): the page already lists every case; this script shows
   the filters, hides the cards that do not match and keeps the filters in the address
   (?dimension=…&step=…&country=…&population=…&search=…) so a view can be shared.
   Each card carries its values in data- attributes; messages come from the page. */
(function () {
  "use strict";
  var KEYS = ["search", "dimension", "step", "country", "population"];

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\u2019']/g, " ").toLowerCase();
  }

  function setup(root) {
    var form = root.querySelector("[data-sc-filters]");
    var list = root.querySelector("[data-sc-list]");
    var count = root.querySelector("[data-sc-count]");
    var say = JSON.parse(root.getAttribute("data-sc-strings"));
    var items = Array.prototype.map.call(list.children, function (li) {
      return {
        el: li,
        // Space-padded lists, so " mobility " cannot match inside another value.
        dimension: " " + li.getAttribute("data-dimension") + " ",
        step: " " + li.getAttribute("data-step") + " ",
        country: li.getAttribute("data-country"),
        population: li.getAttribute("data-population"),
        text: fold(li.textContent.replace(/\s+/g, " ")),
        shown: !li.hidden
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

    // Show the matching cards; returns how many match. Cards only change when they must.
    function apply(state) {
      var words = fold(state.search).split(/\s+/).filter(Boolean);
      var dim = " " + state.dimension + " ", step = " " + state.step + " ";
      var shown = 0;
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
        if (ok !== it.shown) { it.el.hidden = !ok; it.shown = ok; }
        if (ok) shown++;
      }
      var filtered = KEYS.some(function (key) { return state[key]; });
      count.textContent = message(shown, items.length, filtered);
      return shown;
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

    function update() {
      var state = read();
      apply(state);
      remember(state);
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    restore();
    form.hidden = false;
    apply(read());
    return { apply: apply, read: read, items: items };
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
