/* scStoreCore: the answers store's pure rules (no DOM, no storage), shared by sc-store.js and
   the unit tests in tests/js/ (node --test). A field record is {v, t}: its value (string,
   boolean, finite number, or null for "cleared") and the time it was written (ms; 0 when
   unknown, e.g. migrated). The newest record of a field wins; nothing else is ever merged. */
(function (root, factory) {
  const core = factory();
  if (typeof module === "object" && module.exports) module.exports = core;
  else root.scStoreCore = core;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  const FORMAT = "sc-answers", VERSION = 1, SECTIONS = ["worksheets", "checklist"];
  const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/, KEY = /^[a-z0-9][a-z0-9_.-]{0,199}$/;
  const DAY = 86400000, REMIND_AFTER = 7 * DAY;

  const plain = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const valueOk = (x) => x === null || typeof x === "boolean" || typeof x === "string" ||
    (typeof x === "number" && Number.isFinite(x));
  /* An answer entry {field: value}: no size cap, the browser's quota is the only limit. */
  const entryOk = (v) => plain(v) && Object.keys(v).every((k) => KEY.test(k) && valueOk(v[k]));
  const empty = (v) => v === null || v === undefined || v === "" || v === false;
  const recordOk = (r) => plain(r) && valueOk(r.v) && typeof r.t === "number" && Number.isFinite(r.t);

  /* Whether record a should replace record b: newer time, then a fixed order on ties, so
     every tab reaches the same answer. */
  function newer(a, b) {
    if (!b) return true;
    if (a.t !== b.t) return a.t > b.t;
    return JSON.stringify(a.v) > JSON.stringify(b.v);
  }
  /* Records -> {field: value}, cleared fields left out. */
  function values(records) {
    const out = {};
    Object.keys(records || {}).forEach((k) => { if (!empty(records[k].v)) out[k] = records[k].v; });
    return out;
  }
  /* Merge two {field: record} maps field by field. */
  function merge(a, b) {
    const out = Object.assign({}, a);
    Object.keys(b || {}).forEach((k) => { if (newer(b[k], out[k])) out[k] = b[k]; });
    return out;
  }
  /* Writing `next` over `stored`, from a tab that last saw `seen` (a record or undefined):
     the text that would be lost, or null. Text another tab wrote after what this tab saw,
     and that differs from what replaces it, is kept. */
  function overwritten(stored, seen, next) {
    if (!stored || typeof stored.v !== "string" || empty(stored.v)) return null;
    if (seen && stored.t <= seen.t) return null;
    if (seen && seen.v === stored.v) return null;
    return stored.v === next.v ? null : stored.v;
  }

  /* The export file; `records` is {section: {id: {field: record}}}. */
  function dump(records, edition, now) {
    const out = { format: FORMAT, version: VERSION, edition: edition, exported: new Date(now).toISOString(), times: {} };
    SECTIONS.forEach((s) => {
      out[s] = {};
      out.times[s] = {};
      Object.keys(records[s] || {}).sort().forEach((id) => {
        const vals = values(records[s][id]);
        if (!Object.keys(vals).length) return;
        out[s][id] = vals;
        out.times[s][id] = {};
        Object.keys(vals).forEach((k) => { out.times[s][id][k] = records[s][id][k].t; });
      });
    });
    return out;
  }
  /* A saved entry of the localStorage version ({field: value}) as records of unknown time;
     anything malformed is left where it is rather than half-read. */
  function legacy(text) {
    let v;
    try { v = JSON.parse(text); } catch (e) { return null; }
    if (!entryOk(v)) return null;
    const out = {};
    Object.keys(v).forEach((k) => { out[k] = { v: v[k], t: 0 }; });
    return out;
  }
  /* Whether to remind the reader to export a worksheet: it changed since its last export,
     and that export (or, never exported, the first change since) is a week old, and the
     reader has not dismissed the reminder since the last change. */
  function remind(meta, now) {
    if (!meta || !meta.changed || meta.changed <= (meta.exported || 0)) return false;
    if (meta.dismissed && meta.dismissed >= meta.changed) return false;
    const since = meta.exported || meta.pending || meta.changed;
    return now - since >= REMIND_AFTER;
  }
  /* Export file name: edition, worksheet id or "all", and the local date. */
  function fileName(edition, what, date) {
    const pad = (n) => String(n).padStart(2, "0");
    return `${edition}-${what}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
  }
  /* Rows of a table with blank numbered rows: "1 2 4" kept in the field "<table>.rows".
     A new row takes an id above every id in use, so no row's answers ever move. */
  function rowIds(text, initial) {
    if (typeof text !== "string" || !/^\d+( \d+)*$/.test(text)) return initial.slice();
    return text.split(" ").filter((id, i, all) => all.indexOf(id) === i);
  }
  function addRow(ids) {
    const next = ids.reduce((m, id) => Math.max(m, Number(id)), 0) + 1;
    return ids.concat(String(next));
  }
  /* A message with its {name} places filled; unknown places stay as they are. */
  function fill(text, vals) { return text.replace(/\{(\w+)\}/g, (all, k) => (k in vals ? String(vals[k]) : all)); }
  return {
    fill, FORMAT, VERSION, SECTIONS, ID, KEY, DAY, REMIND_AFTER,
    plain, entryOk, recordOk, empty, newer, values, merge, overwritten,
    dump, legacy, remind, fileName, rowIds, addRow
  };
});
