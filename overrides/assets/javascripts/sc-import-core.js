/* scImportCore: the rules of importing an answers file (no DOM, no storage), loaded with the
   import (sc-import.js) rather than on every page: checking the file, the plan a reader sees
   (what it fills, what it would replace, what is older), and the changes agreed to. Uses
   scStoreCore's record rules; unit-tested in tests/js/ (node --test). */
(function (root, factory) {
  // In the page after scStoreCore; in Node (tests/js) beside it.
  const core = factory(root.scStoreCore || (typeof require === "function" ? require("./sc-store-core.js") : undefined));
  if (typeof module === "object" && module.exports) module.exports = core;
  else root.scImportCore = core;
})(typeof self !== "undefined" ? self : this, function (store) {
  "use strict";
  const { FORMAT, VERSION, SECTIONS, ID, plain, entryOk, empty, rowIds } = store;
  const ROWS = /\.rows$/;

  /* The export file: error code ("foreign", "version", "edition", "invalid") or null.
     `editions`: this edition's id first, then ids it was published under before. */
  function check(data, editions) {
    if (!plain(data) || data.format !== FORMAT || typeof data.version !== "number") return "foreign";
    if (data.version > VERSION) return "version";
    if (editions.indexOf(data.edition) < 0) return "edition";
    const sectionsOk = SECTIONS.every((s) => data[s] === undefined ||
      (plain(data[s]) && Object.keys(data[s]).every((id) => ID.test(id) && entryOk(data[s][id]))));
    const timesOk = data.times === undefined || (plain(data.times) && SECTIONS.every((s) =>
      data.times[s] === undefined || (plain(data.times[s]) && Object.keys(data.times[s]).every((id) =>
        plain(data.times[s][id]) && Object.values(data.times[s][id]).every((t) => typeof t === "number")))));
    return sectionsOk && timesOk ? null : "invalid";
  }
  function parse(text, editions) {
    let data;
    try { data = JSON.parse(text); } catch (e) { return { error: "bad" }; }
    const error = check(data, editions);
    return error ? { error: error, data: data } : { data: data };
  }
  /* The time of one value in a checked file: its own, else the file's export date, else 0. */
  function fileTime(data, section, id, field) {
    const own = data.times && data.times[section] && data.times[section][id];
    if (own && typeof own[field] === "number") return own[field];
    const when = Date.parse(data.exported);
    return Number.isFinite(when) ? when : 0;
  }
  /* What importing `data` would do, against `current` ({section: {id: {field: record}}}):
     per entry, the fields it fills (empty here) and those it would replace, each replacement
     marked `older` when the file's value predates the saved one. */
  function plan(data, current) {
    const units = [];
    SECTIONS.forEach((s) => Object.keys(data[s] || {}).sort().forEach((id) => {
      const here = (current[s] || {})[id] || {}, unit = { section: s, id: id, fill: [], replace: [], same: 0, seen: here };
      Object.keys(data[s][id]).sort().forEach((field) => {
        let v = data[s][id][field];
        const mine = here[field];
        if (empty(v)) return;
        // A table's rows in use ("1 2 4"): the file's rows join the saved ones, so no row, and
        // none of its answers, is ever hidden by an import.
        if (ROWS.test(field) && mine && typeof mine.v === "string" && typeof v === "string" && !empty(mine.v)) {
          v = joinRows(mine.v, v);
          if (v === mine.v) unit.same += 1; else unit.fill.push({ field: field, v: v });
          return;
        }
        if (!mine || empty(mine.v)) unit.fill.push({ field: field, v: v });
        else if (mine.v === v) unit.same += 1;
        else unit.replace.push({ field: field, v: v, older: fileTime(data, s, id, field) < mine.t });
      });
      if (unit.fill.length || unit.replace.length) units.push(unit);
    }));
    return units;
  }
  /* The changes to write: every fill, and the replacements of the entries chosen by the
     reader ("section/id" keys in `replacing`). */
  function changes(units, replacing) {
    return units.map((u) => {
      const out = {};
      u.fill.forEach((f) => { out[f.field] = f.v; });
      if (replacing.indexOf(u.section + "/" + u.id) >= 0) u.replace.forEach((f) => { out[f.field] = f.v; });
      return { section: u.section, id: u.id, values: out, seen: u.seen || {} };
    }).filter((c) => Object.keys(c.values).length);
  }
  function joinRows(mine, theirs) {
    const ids = rowIds(mine, []);
    rowIds(theirs, []).forEach((rid) => { if (ids.indexOf(rid) < 0) ids.push(rid); });
    return ids.length ? ids.join(" ") : theirs;
  }
  return { check, parse, fileTime, plan, changes, joinRows };
});
