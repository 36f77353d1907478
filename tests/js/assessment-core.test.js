// Unit tests of the self-assessment's rules (overrides/assets/javascripts/sc-assessment-core.js):
// counts and totals by step and phase, what is read from and written to the store, the
// shared link's encoding, and what opening a link does.
const test = require("node:test");
const assert = require("node:assert/strict");
const { classic } = require("./classic.js");

const core = classic("sc-assessment-core.js").scAssessCore;

// Shaped like data/checklist.yml: items in order, each with its step or part (p2-s2's parts
// p2-s2a and p2-s2b hold its items), 4 phases, 11 items (not a multiple of 3).
const ITEMS = [
  ["p0-s1-i1", "p0-s1"], ["p0-s2-i1", "p0-s2"],
  ["p1-s1-i1", "p1-s1"], ["p1-s1-i2", "p1-s1"], ["p1-s1-i3", "p1-s1"],
  ["p2-s2a-i1", "p2-s2a"], ["p2-s2b-i1", "p2-s2b"], ["p2-s2b-i2", "p2-s2b"],
  ["p3-s1-i1", "p3-s1"], ["p3-s2-i1", "p3-s2"], ["p3-s2-i2", "p3-s2"]
];
const list = core.list(ITEMS);
const IDS = ITEMS.map((i) => i[0]);
const phase = (p) => IDS.filter((id) => id.startsWith(p + "-"));
const unit = (u) => ITEMS.filter((i) => i[1] === u).map((i) => i[0]);

test("a list keeps the items' order and names each step or part once, in order", () => {
  assert.deepEqual(list.order, IDS);
  assert.equal(list.unitOf["p2-s2b-i2"], "p2-s2b");
  assert.deepEqual(list.units, ["p0-s1", "p0-s2", "p1-s1", "p2-s2a", "p2-s2b", "p3-s1", "p3-s2"]);
  const mixed = core.list([["a", "u1"], ["b", "u2"], ["c", "u1"]]);
  assert.deepEqual(mixed.units, ["u1", "u2"], "a unit seen again is not listed twice");
});

test("counts: every item is done, started or not started, absent meaning not started", () => {
  const st = { "p1-s1-i1": "done", "p1-s1-i2": "started", "p3-s1-i1": "done" };
  assert.deepEqual(core.count(unit("p1-s1"), st), { n: 3, done: 1, started: 1, todo: 1 });
  assert.deepEqual(core.count(IDS, {}), { n: 11, done: 0, started: 0, todo: 11 });
  assert.deepEqual(core.count([], st), { n: 0, done: 0, started: 0, todo: 0 });
  assert.deepEqual(core.count(["p0-s1-i1"], st), { n: 1, done: 0, started: 0, todo: 1 });
});

test("totals by phase add up to the total of the whole list", () => {
  const st = { "p0-s1-i1": "done", "p0-s2-i1": "done", "p1-s1-i3": "started", "p2-s2a-i1": "started",
    "p2-s2b-i1": "done", "p3-s2-i2": "done" };
  const by = Object.fromEntries(["p0", "p1", "p2", "p3"].map((p) => [p, core.count(phase(p), st)]));
  assert.deepEqual(by.p0, { n: 2, done: 2, started: 0, todo: 0 });
  assert.deepEqual(by.p1, { n: 3, done: 0, started: 1, todo: 2 });
  assert.deepEqual(by.p2, { n: 3, done: 1, started: 1, todo: 1 });
  assert.deepEqual(by.p3, { n: 3, done: 1, started: 0, todo: 2 });
  const total = core.count(IDS, st);
  for (const k of ["n", "done", "started", "todo"]) {
    assert.equal(Object.values(by).reduce((sum, c) => sum + c[k], 0), total[k], k);
  }
  assert.equal(total.done + total.started + total.todo, total.n);
});

test("progress in percent: done over all, 0 for a group without items", () => {
  assert.equal(core.share(1, 3), 100 / 3);
  assert.equal(Math.round(core.share(2, 3)), 67);
  assert.equal(core.share(3, 3), 100);
  assert.equal(core.share(0, 5), 0);
  assert.equal(core.share(0, 0), 0, "never NaN%");
});

test("reading the store: each item in its own step, true read as done, anything else ignored", () => {
  // One entry per unit, in list.units order, as scStore.read gives them.
  const entries = list.units.map(() => ({}));
  entries[0] = { "p0-s1-i1": true };                       // an earlier "ticked" answer
  entries[2] = { "p1-s1-i1": "done", "p1-s1-i2": "started", "p1-s1-i3": "todo" };
  entries[3] = { "p2-s2a-i1": null, "p2-s2b-i1": "done" }; // p2-s2b-i1 saved under another part
  entries[4] = { "p2-s2b-i2": false, "old-item": "done" }; // cleared; an id this list lacks
  entries[6] = { "p3-s2-i1": "DONE", "p3-s2-i2": "started" };
  assert.deepEqual(list.collect(entries), { "p0-s1-i1": "done", "p1-s1-i1": "done", "p1-s1-i2": "started", "p3-s2-i2": "started" });
  assert.deepEqual(list.collect(list.units.map(() => ({}))), {});
});

test("writing: the items asked for, grouped by step, null for not started", () => {
  const st = { "p1-s1-i1": "done", "p2-s2b-i2": "started" };
  assert.deepEqual(list.group(["p1-s1-i1", "p1-s1-i2", "p2-s2b-i2"], st),
    { "p1-s1": { "p1-s1-i1": "done", "p1-s1-i2": null }, "p2-s2b": { "p2-s2b-i2": "started" } });
  assert.deepEqual(list.group(["p0-s2-i1"], {}), { "p0-s2": { "p0-s2-i1": null } }, "clearing one item writes it");
  const all = list.group(IDS, {});
  assert.deepEqual(Object.keys(all), list.units, "clearing all touches every step once");
  assert.deepEqual(list.group([], st), {});
});

test("the status of several writes and the message it calls for", () => {
  assert.equal(core.worst([]), "ok");
  assert.equal(core.worst(["ok", "ok"]), "ok");
  assert.equal(core.worst(["ok", "full", "ok"]), "full");
  assert.equal(core.worst(["memory", "ok", "full"]), "full", "the last problem is the one told");
  assert.equal(core.problem("ok", "blocked"), null);
  assert.equal(core.problem("full", "blocked"), "storage_full");
  assert.equal(core.problem("memory", "blocked"), "storage_blocked");
  assert.equal(core.problem("unavailable", undefined), "storage_unavailable");
});

test("a link's format is fixed: links already shared must keep opening", () => {
  const small = core.list([["p0-s1-i1", "p0-s1"], ["p0-s2-i1", "p0-s2"], ["p1-s1-i1", "p1-s1"], ["p1-s1-i2", "p1-s1"]]);
  // Items 1-3: done 2 + started 1*3 + todo 0*9 = 5 -> "F"; item 4: done 2 -> "C".
  const text = small.encode({ "p0-s1-i1": "done", "p0-s2-i1": "started", "p1-s1-i2": "done" });
  assert.equal(text, "assess=1.FC.15wmt3r");
  assert.deepEqual(small.decode("1.FC.15wmt3r"), { "p0-s1-i1": "done", "p0-s2-i1": "started", "p1-s1-i2": "done" });
  assert.equal(small.encode({}), "assess=1.AA.15wmt3r");
});

test("every state of a short list survives the link, and so do mixed states of a long one", () => {
  const five = core.list(["a", "b", "c", "d", "e"].map((id) => [id, "u"]));
  for (let n = 0; n < 3 ** 5; n++) {
    const st = {};
    ["a", "b", "c", "d", "e"].forEach((id, i) => { const s = core.STATES[Math.floor(n / 3 ** i) % 3]; if (s !== "todo") st[id] = s; });
    assert.deepEqual(five.decode(five.encode(st).slice("assess=".length)), st);
  }
  const st = {};
  IDS.forEach((id, i) => { if (i % 3) st[id] = i % 2 ? "done" : "started"; });
  const text = list.encode(st);
  assert.match(text, /^assess=1\.[A-Za-z0-9_-]{4}\.[0-9a-z]+$/, "11 items: 4 characters");
  assert.deepEqual(list.decode(text.slice(7)), st);
  assert.equal(list.encode({ ...st, "not-an-item": "done" }), text, "unknown ids are not carried");
});

test("a link from another list, another version or tampered with is refused", () => {
  const st = { "p0-s1-i1": "done", "p3-s2-i2": "started" };
  const [, states, check] = list.encode(st).slice(7).split(".");
  assert.ok(list.decode(`1.${states}.${check}`));
  const other = core.list(ITEMS.slice(0, 10).concat([["p3-s2-i9", "p3-s2"]]));
  assert.equal(other.decode(`1.${states}.${check}`), null, "same length, other ids: the check differs");
  const reordered = core.list([ITEMS[1], ITEMS[0], ...ITEMS.slice(2)]);
  assert.equal(reordered.decode(`1.${states}.${check}`), null, "the same ids in another order");
  assert.equal(list.decode(`2.${states}.${check}`), null, "another version");
  assert.equal(list.decode(`1.${states}A.${check}`), null, "too long");
  assert.equal(list.decode(`1.${states.slice(1)}.${check}`), null, "too short");
  assert.equal(list.decode(`1.${states}.${check}.x`), null);
  assert.equal(list.decode(`1.${states}`), null);
  assert.equal(list.decode(""), null);
  assert.equal(list.decode(`1.${states.slice(0, 3)}!.${check}`), null, "not base64url");
  assert.equal(list.decode(`1.${states.slice(0, 3)}b.${check}`), null, "27 and more cannot come from 3 items");
  // 11 items: the last character holds items 10 and 11 and an empty third place.
  assert.ok(list.decode(`1.${states.slice(0, 3)}I.${check}`), "I = 8 = done, done, (none)");
  assert.equal(list.decode(`1.${states.slice(0, 3)}J.${check}`), null, "J = 9 puts a state in the empty place");
});

test("opening the page with a link: ignore, refuse, say nothing changes, apply, or ask", () => {
  const saved = { "p1-s1-i1": "done" }, theirs = { "p2-s2b-i1": "started", "p3-s1-i1": "done" };
  const hash = "#" + list.encode(theirs);
  assert.equal(list.link("", saved), null);
  assert.equal(list.link("#sc-worksheet", saved), null, "another fragment is not a link");
  assert.deepEqual(list.link("#assess=1.zz.nope", saved), { linked: null, act: "bad" });
  assert.deepEqual(list.link(hash, {}), { linked: theirs, act: "apply" }, "nothing saved: applied at once");
  assert.deepEqual(list.link(hash, saved), { linked: theirs, act: "ask" }, "saved answers: asked first");
  assert.deepEqual(list.link(hash, { ...theirs }), { linked: theirs, act: "same" });
  assert.deepEqual(list.link("#" + list.encode({}), {}), { linked: {}, act: "same" }, "an empty link on an empty list");
  assert.deepEqual(list.link("#" + list.encode({}), saved).act, "ask", "an empty link would clear saved answers");
});

test("the question before replacing answers compares both states", () => {
  const mine = { "p0-s1-i1": "done", "p0-s2-i1": "done", "p1-s1-i1": "started" };
  const theirs = { "p3-s1-i1": "done", "p3-s2-i1": "started", "p3-s2-i2": "started" };
  assert.deepEqual(list.asking(mine, theirs), { n: 11, done: 1, started: 2, mine_done: 2, mine_started: 1 });
});

test("same() compares every item of the list, absent equal to not started", () => {
  assert.equal(list.same({}, {}), true);
  assert.equal(list.same({ "p0-s1-i1": "done" }, { "p0-s1-i1": "done", "gone": "done" }), true, "ids outside the list do not count");
  assert.equal(list.same({ "p0-s1-i1": "done" }, { "p0-s1-i1": "started" }), false);
  assert.equal(list.same({ "p0-s1-i1": "done" }, {}), false);
});

test("the report's date: day, month name and year, with the first day spelled apart", () => {
  const date = { day1: "1er", months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre"] };
  assert.deepEqual(core.dateParts(date, new Date(2026, 11, 1)), { d: "1er", m: "décembre", y: 2026 });
  assert.deepEqual(core.dateParts(date, new Date(2027, 0, 31)), { d: "31", m: "janvier", y: 2027 });
  assert.deepEqual(core.dateParts({ ...date, day1: "1" }, new Date(2026, 1, 1)), { d: "1", m: "février", y: 2026 });
});

test("the rules need nothing of the page or the store", () => {
  const window = classic("sc-assessment-core.js", {});
  assert.deepEqual(Object.keys(window), ["scAssessCore"], "the script sets its one global and nothing else");
});
