// Unit tests of the answers store's rules (overrides/assets/javascripts/sc-store-core.js) and of
// importing an answers file (sc-import-core.js).
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../overrides/assets/javascripts/sc-store-core.js");
const imp = require("../../overrides/assets/javascripts/sc-import-core.js");  // the import's rules

const EDITIONS = ["smart-city-guide"];
const file = (extra) => Object.assign({ format: "sc-answers", version: 1, edition: "smart-city-guide", exported: "2026-12-01T10:00:00Z" }, extra);

test("the newest record wins, ties are settled the same way everywhere", () => {
  assert.equal(core.newer({ v: "a", t: 2 }, { v: "b", t: 1 }), true);
  assert.equal(core.newer({ v: "a", t: 1 }, { v: "b", t: 2 }), false);
  assert.notEqual(core.newer({ v: "a", t: 1 }, { v: "b", t: 1 }), core.newer({ v: "b", t: 1 }, { v: "a", t: 1 }));
  assert.equal(core.newer({ v: "a", t: 1 }, undefined), true);
});

test("merge keeps the newest value of each field and never drops a field", () => {
  const a = { x: { v: "old", t: 1 }, y: { v: "mine", t: 5 } };
  const b = { x: { v: "new", t: 3 }, z: { v: "theirs", t: 2 } };
  assert.deepEqual(core.merge(a, b), { x: { v: "new", t: 3 }, y: { v: "mine", t: 5 }, z: { v: "theirs", t: 2 } });
  assert.deepEqual(core.values({ x: { v: null, t: 9 }, y: { v: "kept", t: 1 } }), { y: "kept" });
});

test("text another tab wrote since this tab looked is reported, never dropped", () => {
  const stored = { v: "their text", t: 10 };
  assert.equal(core.overwritten(stored, { v: "before", t: 5 }, { v: "my text", t: 11 }), "their text");
  assert.equal(core.overwritten(stored, undefined, { v: "my text", t: 11 }), "their text");
  assert.equal(core.overwritten(stored, stored, { v: "my text", t: 11 }), null);
  assert.equal(core.overwritten(stored, { v: "before", t: 5 }, { v: "their text", t: 11 }), null);
  assert.equal(core.overwritten({ v: true, t: 10 }, undefined, { v: null, t: 11 }), null);
});

test("no size cap: a 1,000,000-character answer is a valid entry", () => {
  assert.equal(imp.check(file({ worksheets: { "p1-s1": { strengths: "x".repeat(1000000) } } }), EDITIONS), null);
});

test("files from elsewhere are refused with the reason", () => {
  assert.equal(imp.parse("not json", EDITIONS).error, "bad");
  assert.equal(imp.check({ answers: {} }, EDITIONS), "foreign");
  assert.equal(imp.check(file({ version: 2 }), EDITIONS), "version");
  assert.equal(imp.check(file({ edition: "another-town" }), EDITIONS), "edition");
  assert.equal(imp.check(file({ edition: "old-id" }), ["smart-city-guide", "old-id"]), null);
  assert.equal(imp.check(file({ worksheets: { "../p1": { a: "x" } } }), EDITIONS), "invalid");
  assert.equal(imp.check(file({ worksheets: { "p1-s1": { a: { nested: 1 } } } }), EDITIONS), "invalid");
  assert.equal(imp.check(file({ times: { worksheets: { "p1-s1": { a: "soon" } } } }), EDITIONS), "invalid");
});

test("an import plan fills empty fields and lists replacements with their age", () => {
  const data = file({ worksheets: { "p1-s1": { a: "file a", b: "file b", c: "same", d: "" } },
    times: { worksheets: { "p1-s1": { a: 100, b: Date.parse("2026-12-02T00:00:00Z") } } } });
  const current = { worksheets: { "p1-s1": { b: { v: "saved b", t: Date.parse("2026-12-01T00:00:00Z") }, a: { v: "saved a", t: 200 }, c: { v: "same", t: 1 } } } };
  const [unit] = imp.plan(data, current);
  assert.deepEqual(unit.fill, []);
  assert.deepEqual(unit.replace.map((r) => [r.field, r.older]), [["a", true], ["b", false]]);
  assert.equal(unit.same, 1);
  assert.deepEqual(imp.changes([unit], []), []);
  assert.deepEqual(imp.changes([unit], ["worksheets/p1-s1"]), [{ section: "worksheets", id: "p1-s1", values: { a: "file a", b: "file b" }, seen: current.worksheets["p1-s1"] }]);
  const fresh = imp.plan(data, {});
  assert.deepEqual(imp.changes(fresh, []), [{ section: "worksheets", id: "p1-s1", values: { a: "file a", b: "file b", c: "same" }, seen: {} }]);
});

test("an import adds a table's rows to the saved ones, never hides one", () => {
  const data = file({ worksheets: { "p1-s1": { "t.rows": "1 2 5", "u.rows": "1 2" } } });
  const current = { worksheets: { "p1-s1": { "t.rows": { v: "1 2 3 4", t: 9 }, "u.rows": { v: "2 1", t: 9 } } } };
  const [unit] = imp.plan(data, current);
  assert.deepEqual(unit.fill, [{ field: "t.rows", v: "1 2 3 4 5" }]);
  assert.deepEqual(unit.replace, []);
  assert.equal(unit.same, 1);
  assert.equal(imp.joinRows("1 2", "not rows"), "1 2");
});

test("a version 1 file without times dates its values by its export", () => {
  const data = file({ worksheets: { "p1-s1": { a: "x" } } });
  assert.equal(imp.fileTime(data, "worksheets", "p1-s1", "a"), Date.parse("2026-12-01T10:00:00Z"));
});

test("the export file round-trips through check and plan", () => {
  const recs = { worksheets: { "p1-s1": { a: { v: "x", t: 5 }, b: { v: null, t: 6 } } }, checklist: {} };
  const out = core.dump(recs, "smart-city-guide", Date.parse("2026-12-03T12:00:00Z"));
  assert.equal(imp.check(out, EDITIONS), null);
  assert.deepEqual(out.worksheets, { "p1-s1": { a: "x" } });
  assert.deepEqual(out.times.worksheets["p1-s1"], { a: 5 });
  assert.deepEqual(imp.plan(out, recs), []);
});

test("answers of the localStorage version migrate as records of unknown time", () => {
  assert.deepEqual(core.legacy('{"strengths": "port", "departments_4": true}'), { strengths: { v: "port", t: 0 }, departments_4: { v: true, t: 0 } });
  assert.equal(core.legacy("{broken"), null);
  assert.equal(core.legacy('{"Bad Key": 1}'), null);
});

test("the export reminder comes a week after the last export, until dismissed", () => {
  const day = core.DAY, t0 = Date.parse("2026-12-01T09:00:00Z");
  assert.equal(core.remind({ changed: t0, exported: t0 - day, pending: t0 }, t0 + 5 * day), false);
  assert.equal(core.remind({ changed: t0, exported: t0 - day, pending: t0 }, t0 + 6 * day), true);
  assert.equal(core.remind({ changed: t0, exported: t0 + 1 }, t0 + 30 * day), false);
  assert.equal(core.remind({ changed: t0, pending: t0 }, t0 + 7 * day), true);
  assert.equal(core.remind({ changed: t0, pending: t0, dismissed: t0 + 1 }, t0 + 8 * day), false);
  assert.equal(core.remind({ changed: t0 + 2, pending: t0, dismissed: t0 + 1 }, t0 + 8 * day), true);
});

test("export file names carry edition, worksheet and date", () => {
  assert.equal(core.fileName("smart-city-guide", "p1-s1", new Date(2026, 11, 3)), "smart-city-guide-p1-s1-2026-12-03.json");
});

test("added rows take a new id, so no other row's answers move", () => {
  assert.deepEqual(core.rowIds(undefined, ["1", "2", "3"]), ["1", "2", "3"]);
  assert.deepEqual(core.rowIds("1 3", ["1", "2", "3"]), ["1", "3"]);
  assert.deepEqual(core.rowIds("1; drop", ["1"]), ["1"]);
  assert.deepEqual(core.addRow(["1", "3"]), ["1", "3", "4"]);
});
