/* scStore: the reader's answers, shared by every feature of the guide. One record per field,
   in IndexedDB (database = the edition's namespace, data-sc-ns), else in localStorage, else
   in memory for the page's life. Writes are transactions: a failed one leaves what was
   stored before, and keeps the new values in memory (and so in exports) until a later write
   succeeds. Tabs tell each other of every commit on a BroadcastChannel; the newest record of
   each field wins. Rules: sc-store-core.js. See README, "Answers in the browser". */
(function () {
  "use strict";
  const core = window.scStoreCore, backends0 = window.scStoreBackends, host = document.querySelector("[data-sc-ns]");
  if (!core || !backends0 || !host || window.scStore) return;
  const ns = host.getAttribute("data-sc-ns"), edition = host.getAttribute("data-sc-edition");
  const editions = [edition].concat((host.getAttribute("data-sc-previous") || "").split(" ").filter(Boolean));
  const failure = (e) => e && (e.name === "QuotaExceededError" || /quota/i.test(e.message || "")) ? "full" : "unavailable";
  const backends = backends0;

  /* ---- choosing a backend ---- */
  let backend = null, status = "ok", reason = null;
  let ls = null, lsError = null;
  try { ls = window.localStorage; ls.setItem(`${ns}:probe`, "1"); ls.removeItem(`${ns}:probe`); }
  catch (e) { lsError = e; ls = null; }
  const blocked = lsError && lsError.name === "SecurityError";

  /* What could not be stored yet: {section: {id: {field: record}}}, shown and exported as stored. */
  const overlay = {};
  const overlayUnit = (s, id) => ((overlay[s] = overlay[s] || {})[id] = overlay[s][id] || {});

  /* [section, id, key] of the localStorage keys "<prefix><section>:<id>". */
  function keysUnder(prefix) {
    const out = [];
    if (ls) core.SECTIONS.forEach((s) => {
      for (let i = 0; i < ls.length; i++) {
        const k = ls.key(i), id = k && k.startsWith(prefix + s + ":") ? k.slice(prefix.length + s.length + 1) : null;
        if (id && core.ID.test(id)) out.push([s, id, k]);
      }
    });
    return out;
  }
  /* Answers of the localStorage version ("<ns>:<section>:<id>" -> JSON entry), as records of
     unknown time, so anything written since wins. The old keys stay for older copies. */
  const legacy = (n) => keysUnder(`${n}:`).map(([s, id, k]) => ({ s: s, id: id, next: core.legacy(ls.getItem(k)) }))
    .filter((j) => j.next).map((j) => Object.assign(j, { seen: j.next }));
  function migrate() {
    return backend.meta("migrated").then((m) => (m.migrated ? null
      : backend.commit(legacy(ns)).then(() => backend.setMeta("migrated", Date.now()))));
  }

  /* Answers saved while the edition had another id (data-sc-previous-ns) join the store once,
     each record with its own time, so anything newer here wins. The old copy stays as it was. */
  const previousNs = (host.getAttribute("data-sc-previous-ns") || "").split(" ").filter(Boolean);
  function earlier(oldNs, idb) {
    const found = legacy(oldNs);
    const collect = (b) => b.init().then(() => core.SECTIONS.reduce((p, s) => p.then(() => b.ids(s)).then((list) =>
      Promise.all(list.filter((id) => core.ID.test(id)).map((id) => b.unit(s, id).then((recs) => {
        if (Object.keys(recs).length) found.push({ s: s, id: id, next: recs, seen: recs });
      })))), Promise.resolve())).catch(() => null);
    // Open an old database only if it is there: opening creates it otherwise.
    const listed = idb && idb.databases ? idb.databases().then((all) => all.some((d) => d.name === oldNs), () => false)
      : Promise.resolve(false);
    return listed.then((has) => (has ? collect(backends.idb(idb, oldNs)) : null))
      .then(() => (ls ? collect(backends.local(ls, oldNs)) : null)).then(() => found);
  }
  function adopt(idb) {
    return previousNs.reduce((p, oldNs) => p.then(() => backend.meta(`adopted/${oldNs}`)).then((m) => (m[`adopted/${oldNs}`] ? null
      : earlier(oldNs, idb).then((found) => backend.commit(found)).then(() => backend.setMeta(`adopted/${oldNs}`, Date.now())))),
    Promise.resolve());
  }

  /* Leaving the page with a save still waiting: the database write may not finish before the
     page goes, so the values also go to localStorage at once, and are committed on the next load. */
  function stash(s, id, vals) {
    try { ls.setItem(`${ns}:stash:${s}:${id}`, JSON.stringify({ t: Date.now(), v: vals })); } catch (e) { /* nothing to add */ }
  }
  function unstash() {
    return keysUnder(`${ns}:stash:`).reduce((p, [s, id, k]) => p.then(() => {
      let kept;
      try { kept = JSON.parse(ls.getItem(k)); } catch (e) { return null; }
      const next = {};
      Object.keys(kept.v || {}).forEach((f) => { next[f] = { v: core.empty(kept.v[f]) ? null : kept.v[f], t: kept.t }; });
      return backend.unit(s, id).then((seen) => backend.commit([{ s: s, id: id, next: next, seen: seen }]))
        .then(() => ls.removeItem(k));
    }), Promise.resolve());
  }

  const ready = (function () {
    const candidates = [];
    let idb = null;
    try { idb = window.indexedDB || null; } catch (e) { idb = null; }
    if (idb && !blocked) candidates.push(backends.idb(idb, ns));
    if (ls) candidates.push(backends.local(ls, ns));
    const tryNext = (i) => {
      if (i >= candidates.length) {
        backend = null;
        status = "memory";
        reason = blocked ? "blocked" : "unavailable";
        return Promise.resolve();
      }
      return candidates[i].init().then(() => { backend = candidates[i]; return migrate(); })
        .then(() => adopt(idb).catch(() => null))  // what is not adopted now is on the next load
        .then(() => unstash().catch(() => null))
        .catch(() => tryNext(i + 1));
    };
    return tryNext(0);
  })();

  /* ---- tabs ---- */
  const listeners = [];
  let channel = null;
  try { channel = new BroadcastChannel(`sc-store:${ns}`); } catch (e) { channel = null; }
  function tell(message, local) {
    listeners.forEach((fn) => { try { fn(message); } catch (e) { setTimeout(() => { throw e; }); } });
    if (!local && channel) try { channel.postMessage(message); } catch (e) { /* other tabs reload from the store */ }
  }
  if (channel) channel.onmessage = (e) => { const m = e.data; if (m && core.SECTIONS.concat("meta").indexOf(m.section) >= 0) { m.remote = true; tell(m, true); } };

  /* ---- the API ---- */
  function unit(s, id) {
    return ready.then(() => (backend ? backend.unit(s, id).catch(() => ({})) : {}))
      .then((recs) => core.merge(recs, (overlay[s] || {})[id]));
  }
  function read(s, id) { return unit(s, id).then(core.values); }
  function ids(s) {
    return ready.then(() => (backend ? backend.ids(s).catch(() => []) : [])).then((found) =>
      found.concat(Object.keys(overlay[s] || {})).filter((id, i, all) => core.ID.test(id) && all.indexOf(id) === i).sort());
  }
  /* Write {field: value} (null clears) for one entry. `seen`: the records the caller last
     saw, so that text another tab wrote since is reported in `lost`, never dropped.
     Resolves {status: "ok" | "full" | "unavailable" | "memory", records, lost}. */
  let inflight = Promise.resolve();
  function track(p) { inflight = inflight.then(() => p, () => p); return p; }
  function write(s, id, vals, seen) { return track(commitWrite(s, id, vals, seen)); }
  function commitWrite(s, id, vals, seen) {
    const now = Date.now(), next = {};
    Object.keys(vals).forEach((f) => { next[f] = { v: core.empty(vals[f]) ? null : vals[f], t: now }; });
    return ready.then(() => {
      const pending = core.merge((overlay[s] || {})[id] || {}, next);
      const done = backend ? backend.commit([{ s: s, id: id, next: pending, seen: seen || {} }]) : Promise.reject(null);
      return done.then((result) => {
        if (overlay[s]) delete overlay[s][id];
        status = "ok";
        if (result.lost.length) result.lost.forEach((l) => keepLost(s, id, l, now));
        return { status: "ok", records: pending, lost: result.lost };
      }, (e) => {
        Object.assign(overlayUnit(s, id), pending);
        status = backend ? failure(e) : "memory";
        return { status: status, records: pending, lost: [] };
      });
    }).then((out) => {
      tell({ section: s, id: id, records: out.records });
      return out;
    });
  }
  /* Overwritten text is kept under "lost/<section>/<id>/<field>/<time>" until the reader
     puts it back or lets it go. */
  const lostKept = {};
  function keepLost(s, id, l, now) {
    const k = `lost/${s}/${id}/${l.field}/${now}`;
    lostKept[k] = l.v;  // offered at once, before the write below lands
    setMeta(k, l.v).then(() => { delete lostKept[k]; });
  }
  function lost(s, id) {
    const prefix = `lost/${s}/${id}/`;
    return meta(prefix).then((m) => {
      Object.keys(lostKept).forEach((k) => { if (k.startsWith(prefix) && !(k in m)) m[k] = lostKept[k]; });
      return Object.keys(m).sort().map((k) => ({ key: k, field: k.split("/")[3], v: m[k] }));
    });
  }
  function meta(prefix) {
    return ready.then(() => (backend ? backend.meta(prefix).catch(() => ({})) : {})).then((m) => {
      Object.keys(memoryMeta).forEach((k) => { if (k.startsWith(prefix)) { if (memoryMeta[k] === null) delete m[k]; else m[k] = memoryMeta[k]; } });
      return m;
    });
  }
  const memoryMeta = {};
  function setMeta(k, v) {
    if (v === null) delete lostKept[k];
    return ready.then(() => (backend ? backend.setMeta(k, v) : Promise.reject(null))).then(
      () => { delete memoryMeta[k]; return "ok"; }, () => { memoryMeta[k] = v; return "memory"; })
      .then((r) => { tell({ section: "meta", key: k }); return r; });
  }
  /* Every entry of every section as {section: {id: {field: record}}}, what is on screen included. */
  function everything(only) {
    const out = {};
    return core.SECTIONS.reduce((p, s) => p.then(() => ids(s)).then((list) => {
      out[s] = {};
      return Promise.all(list.filter((id) => !only || (only[0] === s && only[1] === id))
        .map((id) => unit(s, id).then((r) => { out[s][id] = r; })));
    }), Promise.resolve()).then(() => out);
  }
  function dump(only) { return everything(only).then((recs) => core.dump(recs, edition, Date.now())); }
  /* Import (its rules, scImportCore, load with sc-import.js): the file checked, the plan
     against what is saved here, then the changes the reader agreed to. */
  const rules = () => window.scImportCore;
  function parse(text) { return rules().parse(text, editions); }
  function plan(data) { return everything().then((recs) => rules().plan(data, recs)); }
  /* All or nothing: one commit for every entry. Resolves "ok", or the failure, with nothing
     imported (the file is still there; what is on screen was not typed, so nothing is lost). */
  function apply(units, replacing) {
    const now = Date.now(), list = rules().changes(units, replacing || []).map((c) => {
      const next = {};
      Object.keys(c.values).forEach((f) => { next[f] = { v: c.values[f], t: now }; });
      return { s: c.section, id: c.id, next: next, seen: c.seen };
    });
    if (!list.length) return Promise.resolve("ok");
    return track(ready.then(() => {
      if (backend) return backend.commit(list);
      // No storage at all: the import lives in memory with the rest, and is exported with it.
      list.forEach((u) => Object.assign(overlayUnit(u.s, u.id), u.next));
      return { lost: [], memory: true };
    }).then((result) => {
      result.lost.forEach((l) => keepLost(l.s, l.id, l, now));
      list.forEach((u) => tell({ section: u.s, id: u.id, records: u.next }));
      return result.memory ? "memory" : "ok";
    }, (e) => (backend ? failure(e) : "memory")));
  }
  function persist() {
    const s = navigator.storage;
    if (!s || !s.persist) return Promise.resolve("unsupported");
    return s.persisted().then((yes) => (yes ? true : s.persist())).then((yes) => (yes ? "granted" : "denied"), () => "unsupported");
  }
  // Offer a file to the reader (an answers file, or a filled document); worksheets and
  // self-assessment share it.
  function download(data, name) { offer(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }), name); }
  function offer(blob, name) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  window.scStore = {
    ns: ns, edition: edition, editions: editions, sections: core.SECTIONS, ready: ready,
    get backend() { return backend ? backend.kind : "memory"; },
    get status() { return status; },
    get reason() { return reason; },
    unit: unit, read: read, write: write, ids: ids, dump: dump, parse: parse, plan: plan, apply: apply,
    meta: meta, setMeta: setMeta, lost: lost, persist: persist, download: download, offer: offer, stash: stash,
    fileName: (what) => core.fileName(edition, what, new Date()),
    idle: () => inflight.then(() => null, () => null),
    subscribe: (fn) => { listeners.push(fn); }
  };
})();
