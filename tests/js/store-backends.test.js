// The localStorage backend's commits are all or nothing (sc-store-backends.js), run in Node
// against a storage that fills up like a browser's: setItem throws QuotaExceededError.
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const JS = path.join(__dirname, "..", "..", "overrides", "assets", "javascripts");
globalThis.window = globalThis;
window.scStoreCore = require(path.join(JS, "sc-store-core.js"));
require(path.join(JS, "sc-store-backends.js"));
const { local } = window.scStoreBackends;

function storage(limit) {
  const items = new Map();
  const size = () => [...items].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    get length() { return items.size; },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    removeItem: (k) => { items.delete(k); },
    setItem(k, v) {
      const before = items.get(k);
      items.set(k, String(v));
      if (size() > limit) {
        if (before === undefined) items.delete(k); else items.set(k, before);
        throw Object.assign(new Error("quota"), { name: "QuotaExceededError" });
      }
    },
    items
  };
}
const rec = (v, t) => ({ v, t });

test("a commit that fills the storage halfway leaves every record as it was", async () => {
  const ls = storage(200), backend = local(ls, "sc:t");
  await backend.commit([{ s: "worksheets", id: "p1-s1", next: { a: rec("first", 1) }, seen: {} }]);
  const before = new Map(ls.items);
  const big = "x".repeat(300);
  await assert.rejects(backend.commit([
    { s: "worksheets", id: "p1-s1", next: { a: rec("second", 2) }, seen: {} },
    { s: "worksheets", id: "p1-s2", next: { b: rec(big, 2) }, seen: {} }
  ]), { name: "QuotaExceededError" });
  assert.deepEqual(new Map(ls.items), before);
  assert.deepEqual(await backend.unit("worksheets", "p1-s1"), { a: rec("first", 1) });
});

test("a commit keeps the newest record of each field and reports text it replaces", async () => {
  const backend = local(storage(10000), "sc:t");
  await backend.commit([{ s: "worksheets", id: "p1-s1", next: { a: rec("other tab", 5) }, seen: {} }]);
  const older = await backend.commit([{ s: "worksheets", id: "p1-s1", next: { a: rec("stale", 4) }, seen: {} }]);
  assert.deepEqual(older.lost, []);
  assert.deepEqual(await backend.unit("worksheets", "p1-s1"), { a: rec("other tab", 5) });
  const newer = await backend.commit([{ s: "worksheets", id: "p1-s1", next: { a: rec("mine", 6) }, seen: { a: rec("", 1) } }]);
  assert.deepEqual(newer.lost, [{ s: "worksheets", id: "p1-s1", field: "a", v: "other tab", t: 5 }]);
  assert.deepEqual(await backend.ids("worksheets"), ["p1-s1"]);
});
