/* scCasesCore: the case explorer's pure rules (no DOM), shared by sc-cases.js, which joins
   this file ahead of it in its chunk, and the unit tests in tests/js/ (node --test).
   A filter state has one trimmed string per key of KEYS ("" = not filtered by it). A card is
   what card() makes of a list item's data- attributes and text. Messages come from the page
   ("{n}", "{total}" filled in). */
(function () {
  "use strict";
  const KEYS = ["search", "dimension", "step", "country", "population"];
  const BATCH = 24;

  // Lower case, no accents, words separated by single spaces: "L’Éclairage" -> " l eclairage ".
  function fold(text) {
    return " " + text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, " ").trim() + " ";
  }

  /* A state from raw values (a form's, a test's): every key present, trimmed. */
  function state(values) {
    const out = {};
    KEYS.forEach((key) => { out[key] = values[key] == null ? "" : String(values[key]).trim(); });
    return out;
  }
  const filtered = (st) => KEYS.some((key) => st[key]);

  /* A card from a list item: dimension and step are space-separated ids, kept space-padded
     so " mobility " cannot match inside another value; the text is folded once. */
  function card(values) {
    return {
      dimension: " " + values.dimension + " ",
      step: " " + values.step + " ",
      country: values.country,
      population: values.population,
      text: fold(values.text)
    };
  }

  /* card -> whether it passes every filter of the state. The search is read once, here:
     each of its words must start a word of the card ("eau" finds "eaux", not "bureau"). */
  function matcher(st) {
    const words = fold(st.search).split(" ").filter(Boolean).map((w) => " " + w);
    const dim = " " + st.dimension + " ", step = " " + st.step + " ";
    return (it) => {
      if (st.dimension && it.dimension.indexOf(dim) < 0) return false;
      if (st.step && it.step.indexOf(step) < 0) return false;
      if (st.country && it.country !== st.country) return false;
      if (st.population && it.population !== st.population) return false;
      for (let w = 0; w < words.length; w++) if (it.text.indexOf(words[w]) < 0) return false;
      return true;
    };
  }

  /* The live count: all cards when nothing is filtered, else none, one or many of the total. */
  function message(say, n, total, st) {
    if (!filtered(st)) return say.all.replace("{n}", total);
    if (n === 0) return say.none;
    return (n === 1 ? say.one : say.many).replace("{n}", n).replace("{total}", total);
  }

  /* The "Show more" button's text once `limit` of `n` matches are shown; "" when none are left. */
  function more(say, n, limit) {
    const rest = n - limit;
    return rest > 0 ? say.more.replace("{n}", Math.min(rest, BATCH)) : "";
  }

  /* The address's query (without "?") once it holds the state: other parameters stay. */
  function toQuery(search, st) {
    const params = new URLSearchParams(search);
    KEYS.forEach((key) => { if (st[key]) params.set(key, st[key]); else params.delete(key); });
    return params.toString();
  }

  /* The state an address asks for. `choices` gives, for a key shown as a list, the values it
     offers: any other value (a case since hidden, an edited link) falls back to "". */
  function fromQuery(search, choices) {
    const params = new URLSearchParams(search), out = {};
    KEYS.forEach((key) => {
      const value = params.get(key) || "";
      out[key] = choices[key] && choices[key].indexOf(value) < 0 ? "" : value;
    });
    return out;
  }

  window.scCasesCore = { KEYS, BATCH, fold, state, filtered, card, matcher, message, more, toQuery, fromQuery };
})();
