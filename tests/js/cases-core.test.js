// Unit tests of the case explorer's rules (overrides/assets/javascripts/sc-cases-core.js):
// folding, word matching, the filters alone and together, the count and "Show more"
// messages, and the filters' round trip through the address.
const test = require("node:test");
const assert = require("node:assert/strict");
const { classic } = require("./classic.js");

const core = classic("sc-cases-core.js").scCasesCore;

// Cards as sc-cases.js reads them from the list: data- attributes and the card's text.
const CARDS = {
  lyon: core.card({ dimension: "mobility environment", step: "p2 p2-s2 p2-s2c", country: "FR", population: "large",
    text: "Lyon, France. L’éclairage public intelligent réduit la facture d’énergie." }),
  gent: core.card({ dimension: "governance", step: "p1 p1-s1", country: "BE", population: "medium",
    text: "Gand (Belgique) : un budget participatif pour les quartiers, et l'eau des canaux." }),
  bureau: core.card({ dimension: "smart-mobility", step: "p2-s1", country: "FR", population: "small",
    text: "Un bureau des temps pour la commune ; STRATÉGIE numérique." }),
  santander: core.card({ dimension: "environment data", step: "p3 p3-s1", country: "ES", population: "large",
    text: "Santander: 12,000 sensors for parking, lighting and waste. Eaux usées suivies." }),
  unknown: core.card({ dimension: "data", step: "", country: "EU", population: "unknown",
    text: "Un projet européen sans population connue." })
};
const ALL = Object.keys(CARDS);
const found = (values) => {
  const test = core.matcher(core.state(values));
  return ALL.filter((id) => test(CARDS[id]));
};
const SAY = { all: "{n} case studies", none: "No case matches.", one: "1 case out of {total} matches",
  many: "{n} cases out of {total} match", more: "Show {n} more cases" };

test("folding drops accents, case and punctuation, and pads words with single spaces", () => {
  assert.equal(core.fold("L’Éclairage PUBLIC"), " l eclairage public ");
  assert.equal(core.fold("Ça coûte   cher !"), " ca coute cher ");
  assert.equal(core.fold("Smart-City 2030, Zürich"), " smart city 2030 zurich ");
  assert.equal(core.fold("e\u0301te\u0301"), " ete ", "decomposed accents too");
  assert.equal(core.fold("  ...  "), "  ", "nothing left but the padding");
  assert.equal(core.fold(""), "  ");
});

test("a search finds a word whatever its accents and case, on either side", () => {
  assert.deepEqual(found({ search: "eclairage" }), ["lyon"]);
  assert.deepEqual(found({ search: "ÉCLAIRAGE" }), ["lyon"]);
  assert.deepEqual(found({ search: "strategie" }), ["bureau"], "the card's STRATÉGIE, folded");
  assert.deepEqual(found({ search: "Europeen" }), ["unknown"]);
  assert.deepEqual(found({ search: "  energie  " }), ["lyon"], "spaces around the search are trimmed");
});

test("each search word must start a word of the card: eau finds eaux and l'eau, not bureau", () => {
  assert.deepEqual(found({ search: "eau" }), ["gent", "santander"]);
  assert.deepEqual(found({ search: "clairage" }), [], "not inside a word");
  assert.deepEqual(found({ search: "sens" }), ["santander"], "a prefix is enough");
  assert.deepEqual(found({ search: "12" }), ["santander"], "numbers are words too (12,000 -> 12 000)");
});

test("several words must all be found, in any order and anywhere in the card", () => {
  assert.deepEqual(found({ search: "public eclairage" }), ["lyon"]);
  assert.deepEqual(found({ search: "eclairage parking" }), [], "one word each in two cards is not enough");
  assert.deepEqual(found({ search: "parking waste lighting" }), ["santander"]);
  assert.deepEqual(found({ search: "L’eau, canaux!" }), ["gent"], "punctuation of the search is ignored");
  assert.deepEqual(found({ search: "eau zzz" }), []);
});

test("a dimension or a step matches a whole id of the card, never part of one", () => {
  assert.deepEqual(found({ dimension: "mobility" }), ["lyon"], "not smart-mobility");
  assert.deepEqual(found({ dimension: "smart-mobility" }), ["bureau"]);
  assert.deepEqual(found({ dimension: "data" }), ["santander", "unknown"]);
  assert.deepEqual(found({ step: "p2" }), ["lyon"], "the phase, not p2-s1 alone");
  assert.deepEqual(found({ step: "p2-s1" }), ["bureau"]);
  assert.deepEqual(found({ step: "p2-s2c" }), ["lyon"]);
  assert.deepEqual(found({ step: "p2-s" }), []);
  assert.deepEqual(found({ dimension: "mob" }), []);
});

test("country and size compare whole values", () => {
  assert.deepEqual(found({ country: "FR" }), ["lyon", "bureau"]);
  assert.deepEqual(found({ country: "fr" }), [], "codes are compared as the page has them");
  assert.deepEqual(found({ population: "large" }), ["lyon", "santander"]);
  assert.deepEqual(found({ population: "unknown" }), ["unknown"]);
});

test("filters combine: a card must pass every one", () => {
  assert.deepEqual(found({ country: "FR", population: "large" }), ["lyon"]);
  assert.deepEqual(found({ country: "FR", dimension: "mobility", step: "p2-s2", search: "facture" }), ["lyon"]);
  assert.deepEqual(found({ country: "FR", search: "eau" }), [], "each matches something, together nothing");
  assert.deepEqual(found({ dimension: "environment", population: "large", search: "eaux" }), ["santander"]);
  assert.deepEqual(found({ country: "ES", step: "p1" }), []);
});

test("an empty state, or one of spaces only, shows every card", () => {
  assert.deepEqual(found({}), ALL);
  assert.deepEqual(found({ search: "   ", dimension: "", country: undefined, population: null }), ALL);
  assert.deepEqual(found({ search: "!?" }), ALL, "a search without any word filters nothing");
});

test("state() gives every key a trimmed string, and filtered() says whether any is set", () => {
  assert.deepEqual(core.state({ search: "  eau ", country: "FR", other: "x" }),
    { search: "eau", dimension: "", step: "", country: "FR", population: "" });
  assert.equal(core.filtered(core.state({})), false);
  assert.equal(core.filtered(core.state({ search: " " })), false);
  assert.equal(core.filtered(core.state({ population: "small" })), true);
});

test("the count says all, none, one or many of the total", () => {
  const st = (values) => core.state(values);
  assert.equal(core.message(SAY, 5, 5, st({})), "5 case studies");
  assert.equal(core.message(SAY, 5, 5, st({ country: "FR" })), "5 cases out of 5 match", "filtered, even when all match");
  assert.equal(core.message(SAY, 0, 5, st({ search: "zzz" })), "No case matches.");
  assert.equal(core.message(SAY, 1, 5, st({ search: "lyon" })), "1 case out of 5 matches");
  assert.equal(core.message(SAY, 2, 1000, st({ step: "p1" })), "2 cases out of 1000 match");
});

test("Show more offers the next batch, at most BATCH, and nothing once all are shown", () => {
  assert.equal(core.BATCH, 24);
  assert.equal(core.more(SAY, 1000, 24), "Show 24 more cases");
  assert.equal(core.more(SAY, 30, 24), "Show 6 more cases");
  assert.equal(core.more(SAY, 49, 48), "Show 1 more cases");
  assert.equal(core.more(SAY, 24, 24), "");
  assert.equal(core.more(SAY, 3, 24), "");
  assert.equal(core.more(SAY, 0, 24), "");
});

test("the address keeps the filters set, drops the others and leaves foreign parameters alone", () => {
  const st = core.state({ search: "éclairage public", step: "p2-s2", country: "FR" });
  const query = core.toQuery("?lang=fr&dimension=old&page=2", st);
  const params = new URLSearchParams(query);
  assert.equal(params.get("lang"), "fr");
  assert.equal(params.get("page"), "2");
  assert.equal(params.has("dimension"), false, "a filter cleared since leaves the address");
  assert.equal(params.get("search"), "éclairage public");
  assert.equal(core.toQuery("", core.state({})), "", "nothing filtered: no query at all");
  assert.equal(core.toQuery("?search=x", core.state({})), "");
});

test("a state survives the round trip through the address", () => {
  const choices = { dimension: ["", "mobility"], step: ["", "p2", "p2-s2"], country: ["", "FR"], population: ["", "large"] };
  const st = core.state({ search: "l’eau & l'énergie #1 ?", dimension: "mobility", step: "p2-s2", country: "FR", population: "large" });
  assert.deepEqual(core.fromQuery("?" + core.toQuery("", st), choices), st);
  assert.deepEqual(core.fromQuery(core.toQuery("?other=1", st), choices), st, "with or without the ?");
  assert.deepEqual(core.fromQuery("", choices), core.state({}));
});

test("a value no list offers (an edited link, a case since hidden) falls back to all", () => {
  const choices = { dimension: ["", "mobility"], country: ["", "FR"] };
  assert.deepEqual(core.fromQuery("?dimension=teleportation&country=FR&search=anything+goes", choices),
    { search: "anything goes", dimension: "", step: "", country: "FR", population: "" });
  assert.deepEqual(core.fromQuery("?country=fr", choices).country, "", "lists compare exactly");
  assert.equal(core.fromQuery("?step=p9", {}).step, "p9", "a key without a list keeps its value");
});

test("the rules need nothing of the page: no document, no location", () => {
  assert.equal(typeof globalThis.document, "undefined");
  const window = classic("sc-cases-core.js", {});
  assert.deepEqual(Object.keys(window), ["scCasesCore"], "the script sets its one global and nothing else");
});
