/* scStore: the reader's answers in localStorage, shared by every feature of the guide.
   Namespace: data-sc-ns on any element of the page (the edition's storage_namespace),
   so two editions on one host never share answers. One key per entry:
   "<ns>:<section>:<id>" -> JSON object {key: string | boolean | number | null}.
   Sections: "worksheets" (id = step id) and "checklist" (id = step id).
   Export file: {format: "sc-answers", version: 1, edition, exported, worksheets: {}, checklist: {}}.
   See README, "Answers in the browser". */
(function () {
  "use strict";
  var host = document.querySelector("[data-sc-ns]");
  if (!host || window.scStore) return;
  var ns = host.getAttribute("data-sc-ns");
  var edition = host.getAttribute("data-sc-edition");
  var SECTIONS = ["worksheets", "checklist"];
  var FORMAT = "sc-answers", VERSION = 1, MAX = 100000;
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/, KEY = /^[a-z0-9][a-z0-9_.-]{0,199}$/;
  var memory = {}; // what could not be stored lives here while the page is open
  var storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(ns + ":probe", "1");
    storage.removeItem(ns + ":probe");
  } catch (e) { storage = null; }

  function key(section, id) { return ns + ":" + section + ":" + id; }
  function raw(k) {
    if (k in memory) return memory[k];
    try { return storage ? storage.getItem(k) : null; } catch (e) { return null; }
  }
  function plain(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function entryOk(v) {
    if (!plain(v)) return false;
    return Object.keys(v).every(function (k) {
      var x = v[k], t = typeof x;
      return KEY.test(k) && (x === null || t === "boolean" ||
        (t === "number" && isFinite(x)) || (t === "string" && x.length <= MAX));
    });
  }
  function read(section, id) {
    try { var v = JSON.parse(raw(key(section, id)) || "{}"); return entryOk(v) ? v : {}; }
    catch (e) { return {}; }
  }
  /* Returns "ok", "off" (no storage: kept in memory) or "full" (kept in memory). */
  function write(section, id, value) {
    var k = key(section, id), empty = !Object.keys(value).length, text = JSON.stringify(value);
    if (!storage) { memory[k] = empty ? null : text; return "off"; }
    try {
      if (empty) storage.removeItem(k); else storage.setItem(k, text);
      delete memory[k];
      return "ok";
    } catch (e) { memory[k] = empty ? null : text; return "full"; }
  }
  function ids(section) {
    var prefix = key(section, ""), found = {}, i, k;
    try {
      for (i = 0; storage && i < storage.length; i++) {
        k = storage.key(i);
        if (k && k.indexOf(prefix) === 0) found[k.slice(prefix.length)] = true;
      }
    } catch (e) { /* storage went away: memory still counts */ }
    Object.keys(memory).forEach(function (m) { if (m.indexOf(prefix) === 0) found[m.slice(prefix.length)] = true; });
    return Object.keys(found).filter(function (id) { return ID.test(id) && Object.keys(read(section, id)).length; }).sort();
  }
  /* The export file: everything, or one entry with only = [section, id]. */
  function dump(only) {
    var out = { format: FORMAT, version: VERSION, edition: edition, exported: new Date().toISOString() };
    SECTIONS.forEach(function (s) {
      out[s] = {};
      ids(s).forEach(function (id) {
        if (!only || (only[0] === s && only[1] === id)) out[s][id] = read(s, id);
      });
    });
    return out;
  }
  /* Error code ("bad", "foreign", "version", "edition", "invalid") or null. */
  function check(data) {
    if (!plain(data) || data.format !== FORMAT || typeof data.version !== "number") return "foreign";
    if (data.version > VERSION) return "version";
    if (data.edition !== edition) return "edition";
    var ok = SECTIONS.every(function (s) {
      if (data[s] === undefined) return true;
      return plain(data[s]) && Object.keys(data[s]).every(function (id) { return ID.test(id) && entryOk(data[s][id]); });
    });
    return ok ? null : "invalid";
  }
  function parse(text) {
    var data;
    try { data = JSON.parse(text); } catch (e) { return { error: "bad" }; }
    var error = check(data);
    return error ? { error: error, data: data } : { data: data };
  }
  /* Apply a checked file: every entry it holds, or (storage full) none of them. */
  function load(data) {
    var entries = [], before = {}, status = "ok";
    SECTIONS.forEach(function (s) { Object.keys(data[s] || {}).forEach(function (id) { entries.push([s, id]); }); });
    entries.forEach(function (e) { before[key(e[0], e[1])] = raw(key(e[0], e[1])); });
    for (var i = 0; i < entries.length && status !== "full"; i++) {
      status = write(entries[i][0], entries[i][1], data[entries[i][0]][entries[i][1]]);
    }
    if (status === "full") {
      Object.keys(before).forEach(function (k) {
        delete memory[k];
        try { if (before[k] === null) storage.removeItem(k); else storage.setItem(k, before[k]); } catch (e) { /* as before */ }
      });
    }
    return { status: status, count: entries.length };
  }
  // Offer an export file to the reader; worksheets and self-assessment share it.
  function download(data, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  window.scStore = {
    ns: ns, edition: edition, sections: SECTIONS, available: !!storage,
    read: read, write: write, ids: ids, dump: dump, check: check, parse: parse, load: load,
    download: download
  };
})();
