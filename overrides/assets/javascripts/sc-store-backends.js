/* scStoreBackends: where scStore keeps its records. IndexedDB (one database per edition
   namespace, one record per field) first, localStorage (one key per field) as a fallback.
   Each backend offers init, unit, ids, commit (read, compare and write as one), meta and
   setMeta, all returning promises; a commit that fails leaves the stored records as they were. */
(function () {
  "use strict";
  const core = window.scStoreCore;
  if (!core || window.scStoreBackends) return;
  // IndexedDB layout. A newer copy may add stores and raise the version, never remove or
  // reshape these two: an older copy then opens the database at its current version.
  const DB_VERSION = 1, STORES = ["fields", "meta"];
  const kf = (s, id, f) => `${s}/${id}/${f}`;

  /* ---- IndexedDB ---- */
  function idbBackend(factory, ns) {
    let db = null, opening = null;
    const req = (r) => new Promise((ok, ko) => { r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
    function usable(d) { return STORES.every((s) => d.objectStoreNames.contains(s)); }
    function attach(d) {
      // A newer copy wants to upgrade: step aside, and open again on the next operation.
      d.onversionchange = () => { d.close(); db = null; };
      d.onclose = () => { db = null; };
      db = d;
      return d;
    }
    function open(version) {
      return new Promise((ok, ko) => {
        const r = version ? factory.open(ns, version) : factory.open(ns);
        r.onupgradeneeded = () => STORES.forEach((s) => {
          if (!r.result.objectStoreNames.contains(s)) r.result.createObjectStore(s, { keyPath: "k" });
        });
        r.onblocked = () => api.onblocked && api.onblocked();
        r.onsuccess = () => ok(r.result);
        r.onerror = (e) => { e.preventDefault(); ko(r.error); };
      });
    }
    function connect() {
      if (db) return Promise.resolve(db);
      if (!opening) {
        opening = open(DB_VERSION).catch((e) => {
          // The database is newer than this copy: use it as it is, if our stores are there.
          if (e && e.name === "VersionError") return open(0);
          throw e;
        }).then((d) => {
          if (!usable(d)) { d.close(); throw new Error("sc-stores-missing"); }
          return attach(d);
        }).finally(() => { opening = null; });
      }
      return opening;
    }
    function tx(stores, mode, work) {
      return connect().then((d) => new Promise((ok, ko) => {
        const t = d.transaction(stores, mode), out = work(t);
        t.oncomplete = () => ok(out.result);
        t.onabort = t.onerror = () => ko(t.error || new Error("aborted"));
      }));
    }
    function range(prefix) { return IDBKeyRange.bound(prefix, prefix + "\uffff"); }
    const api = {
      kind: "idb",
      init: () => connect().then(() => null),
      unit(s, id) {
        return tx(["fields"], "readonly", (t) => {
          const out = { result: {} };
          req(t.objectStore("fields").getAll(range(kf(s, id, "")))).then((rows) => {
            rows.forEach((r) => { out.result[r.f] = { v: r.v, t: r.t }; });
          });
          return out;
        });
      },
      ids(s) {
        return tx(["fields"], "readonly", (t) => {
          const out = { result: [] };
          req(t.objectStore("fields").getAllKeys(range(s + "/"))).then((keys) => {
            out.result = keys.map((k) => k.split("/")[1]).filter((id, i, all) => all.indexOf(id) === i);
          });
          return out;
        });
      },
      /* Read, compare and write in one transaction: every entry of `list` lands, or none.
         list: [{s, id, next: {field: record}, seen: {field: record}}]. */
      commit(list) {
        return tx(["fields"], "readwrite", (t) => {
          const store = t.objectStore("fields"), out = { result: { lost: [] } };
          list.forEach(({ s, id, next, seen }) => Object.keys(next).forEach((f) => {
            req(store.get(kf(s, id, f))).then((row) => {
              const stored = row ? { v: row.v, t: row.t } : null;
              if (stored && !core.newer(next[f], stored)) return; // a later write already won
              const lost = core.overwritten(stored, (seen || {})[f], next[f]);
              if (lost !== null) out.result.lost.push({ s: s, id: id, field: f, v: lost, t: stored.t });
              store.put({ k: kf(s, id, f), s: s, i: id, f: f, v: next[f].v, t: next[f].t });
            });
          }));
          return out;
        });
      },
      meta(prefix) {
        return tx(["meta"], "readonly", (t) => {
          const out = { result: {} };
          req(t.objectStore("meta").getAll(range(prefix))).then((rows) => {
            rows.forEach((r) => { out.result[r.k] = r.v; });
          });
          return out;
        });
      },
      setMeta(k, v) {
        return tx(["meta"], "readwrite", (t) => {
          if (v === null) t.objectStore("meta").delete(k); else t.objectStore("meta").put({ k: k, v: v });
          return { result: null };
        });
      }
    };
    return api;
  }

  /* ---- localStorage: one key per field, "<ns>:f:<section>:<id>:<field>" -> [value, time] ---- */
  function localBackend(ls, ns) {
    const fkey = (s, id, f) => `${ns}:f:${s}:${id}:${f}`, mkey = (k) => `${ns}:m:${k}`;
    const keys = (prefix) => { const out = []; for (let i = 0; i < ls.length; i++) { const k = ls.key(i); if (k && k.startsWith(prefix)) out.push(k); } return out; };
    const rec = (text) => { try { const a = JSON.parse(text); return { v: a[0], t: a[1] }; } catch (e) { return null; } };
    return {
      kind: "local",
      init: () => Promise.resolve(null),
      unit(s, id) {
        const out = {}, prefix = fkey(s, id, "");
        keys(prefix).forEach((k) => { const r = rec(ls.getItem(k)); if (r && core.recordOk(r)) out[k.slice(prefix.length)] = r; });
        return Promise.resolve(out);
      },
      ids(s) {
        const prefix = `${ns}:f:${s}:`;
        return Promise.resolve(keys(prefix).map((k) => k.slice(prefix.length).split(":")[0]).filter((id, i, all) => all.indexOf(id) === i));
      },
      commit(list) {
        const done = [], lost = [];
        try {
          list.forEach(({ s, id, next, seen }) => Object.keys(next).forEach((f) => {
            const k = fkey(s, id, f), before = ls.getItem(k), stored = before === null ? null : rec(before);
            if (stored && !core.newer(next[f], stored)) return;
            const gone = core.overwritten(stored, (seen || {})[f], next[f]);
            ls.setItem(k, JSON.stringify([next[f].v, next[f].t]));
            done.push([k, before]);
            if (gone !== null) lost.push({ s: s, id: id, field: f, v: gone, t: stored.t });
          }));
        } catch (e) {
          // All or nothing: put back what this commit had already replaced.
          done.reverse().forEach(([k, before]) => { try { if (before === null) ls.removeItem(k); else ls.setItem(k, before); } catch (x) { /* as it was */ } });
          return Promise.reject(e);
        }
        return Promise.resolve({ lost: lost });
      },
      meta(prefix) {
        const out = {};
        keys(mkey(prefix)).forEach((k) => { try { out[k.slice(mkey("").length)] = JSON.parse(ls.getItem(k)); } catch (e) { /* skip */ } });
        return Promise.resolve(out);
      },
      setMeta(k, v) {
        try { if (v === null) ls.removeItem(mkey(k)); else ls.setItem(mkey(k), JSON.stringify(v)); }
        catch (e) { return Promise.reject(e); }
        return Promise.resolve(null);
      }
    };
  }

  window.scStoreBackends = { idb: idbBackend, local: localBackend };
})();
