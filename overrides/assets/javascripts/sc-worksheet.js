/* Worksheet forms: save as you type, field by field (scStore; a part page and its step page
   share the entry), follow other tabs without moving the caret, offer back text another tab
   replaced, add and remove table rows, export, import with a preview, clear, print. Messages
   come from the page (JSON in .sc-ws__i18n); user text is only ever set as a value or text. */
(function () {
  "use strict";
  const store = window.scStore, core = window.scStoreCore;
  if (!store || !core || !window.scLoad || !window.scWsRows || !window.scLost) return;
  const fill = core.fill, SECTION = "worksheets", DELAY = 250;
  const stamp = (t) => new Date(t).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });

  function setup(root) {
    const id = root.getAttribute("data-sc-ws"), form = root.querySelector(".sc-ws__form");
    const msg = JSON.parse(root.querySelector(".sc-ws__i18n").textContent);
    const q = (s) => root.querySelector(s);
    const status = q(".sc-ws__status"), alarm = q(".sc-ws__alert"), file = q(".sc-ws__file");
    const known = {}, dirty = new Set(), typed = new Set(), waiting = {};
    let loaded = false, timer = null, asked = false, metaNow = {};

    function say(text, urgent) { (urgent ? alarm : status).textContent = text; if (!urgent) alarm.textContent = ""; }
    const els = () => Array.prototype.filter.call(form.elements, (e) => e.name);
    const names = () => els().map((e) => e.name).filter((n, i, all) => all.indexOf(n) === i);
    const tables = () => Array.prototype.filter.call(form.querySelectorAll("table[data-sc-table]"), (t) => t.querySelector("tr[data-sc-row]"));
    function valueOf(name) {
      const group = els().filter((e) => e.name === name);
      if (group[0].type === "checkbox") return group[0].checked ? true : null;
      if (group[0].type === "radio") { const on = group.find((e) => e.checked); return on ? on.value : null; }
      return group[0].value === "" ? null : group[0].value;
    }
    function setField(name, v) {
      els().forEach((e) => {
        if (e.name !== name) return;
        if (e.type === "checkbox") e.checked = v === true;
        else if (e.type === "radio") e.checked = v === e.value;
        else if (e.value !== (typeof v === "string" ? v : "")) e.value = typeof v === "string" ? v : "";
      });
    }
    function labelOf(name) {
      const e = els().find((x) => x.name === name);
      if (!e) return name;
      const by = e.getAttribute("aria-labelledby");
      if (by) return by.split(" ").map((i) => (document.getElementById(i) || {}).textContent || "").join(" · ").trim();
      const set = e.closest("fieldset");
      if (set && set.querySelector("legend")) return set.querySelector("legend").textContent.trim();
      return e.labels && e.labels[0] ? e.labels[0].textContent.trim() : name;
    }
    const current = (n) => (known[n] ? known[n].v : null);

    const R = window.scWsRows, rowsField = R.field, initialRows = R.initial, rowIds = R.ids;
    const layRows = (t, ids) => R.lay(t, ids, msg);
    function showRows() {
      tables().forEach((t) => {
        const f = rowsField(t), ids = core.rowIds(current(f), initialRows(t));
        if (ids.join(" ") !== rowIds(t).join(" ")) layRows(t, ids);
      });
    }

    /* ---- saving ---- */
    function changes() {
      const out = {};
      names().forEach((n) => { const v = valueOf(n); if (v !== current(n) && !(v === null && !known[n])) out[n] = v; });
      return out;
    }
    function report(result) {
      if (result === "ok") return;
      const why = result === "full" ? "storage_full" : store.reason === "blocked" ? "storage_blocked" : "storage_unavailable";
      say(`${msg[why]} ${msg.private}`, true);
    }
    // `note`: what a row action announced; its save repeats it rather than replacing it with "saved".
    function save(extra, note) {
      clearTimeout(timer);
      timer = null;
      if (!loaded) return Promise.resolve();
      const vals = Object.assign(changes(), extra || {}), seen = {};
      // A "change" event on blur can follow a save with nothing new: the field is clean again.
      dirty.forEach((n) => { if (!(n in vals) && els().some((e) => e.name === n) && valueOf(n) === current(n)) { dirty.delete(n); settle(n); } });
      if (!Object.keys(vals).length) return Promise.resolve();
      Object.keys(vals).forEach((n) => { seen[n] = known[n]; typed.delete(n); });
      return store.write(SECTION, id, vals, seen).then((r) => {
        Object.keys(vals).forEach((n) => { known[n] = r.records[n]; if (!els().some((e) => e.name === n) || valueOf(n) === current(n)) { dirty.delete(n); settle(n); } });
        report(r.status);
        const now = Date.now(), m = metaNow;
        return store.setMeta(`ws/${id}`, { changed: now, exported: m.exported || 0, pending: m.exported >= (m.changed || 0) || !m.pending ? now : m.pending, dismissed: m.dismissed || 0 })
          .then(() => {
            if (r.status === "ok") { say(note || `${msg.saved} ${stamp(now)}`); if (!asked) { asked = true; persist(); } }
            return refreshMeta();
          });
      });
    }
    function later() { clearTimeout(timer); timer = setTimeout(save, DELAY); }
    function persist() {
      store.persist().then((r) => { if (r !== "unsupported") q(".sc-ws__times").setAttribute("data-sc-persist", r); q(".sc-ws__times").title = r === "granted" ? msg.persist_granted : r === "denied" ? msg.persist_denied : ""; showTimes(); });
    }

    /* ---- what is saved, exported, and text to offer back ---- */
    function showTimes() {
      const m = metaNow, times = q(".sc-ws__times"), p = times.getAttribute("data-sc-persist");
      q(".sc-ws__saved").textContent = m.changed ? fill(msg.last_saved, { date: stamp(m.changed) }) : msg.never_saved;
      q(".sc-ws__exported").textContent = (m.exported ? fill(msg.last_exported, { date: stamp(m.exported) }) : msg.never_exported) +
        (p ? " " + msg["persist_" + p] : "");
      const box = q(".sc-ws__remind");
      box.hidden = !core.remind(m, Date.now());
      box.querySelector("p").textContent = msg.remind;
      box.querySelector("button").textContent = msg.remind_dismiss;
    }
    function refreshMeta() {
      return Promise.all([store.meta(`ws/${id}`), store.lost(SECTION, id)]).then(([m, lost]) => {
        metaNow = m[`ws/${id}`] || {};
        showTimes();
        showLost(lost.filter((l) => names().indexOf(l.field) >= 0));
      });
    }
    function showLost(list) {
      window.scLost.show(q(".sc-ws__lost"), list, msg, labelOf, (l) => window.scLost.putBack(SECTION, id, l, current(l.field), (v) => { setField(l.field, v); return save(); }));
    }

    /* ---- other tabs, and imports on this page ---- */
    function remote(m) {
      if (m.section === "meta") { if (m.key === `ws/${id}` || m.key.startsWith(`lost/${SECTION}/${id}/`)) refreshMeta(); return; }
      if (m.section !== SECTION || m.id !== id || !loaded) return;
      let rows = false;
      Object.keys(m.records).forEach((n) => {
        const r = m.records[n];
        if (known[n] && !core.newer(r, known[n])) return;
        if (n.endsWith(".rows")) { known[n] = r; rows = true; return; }
        const focused = document.activeElement && document.activeElement.name === n && form.contains(document.activeElement);
        if (dirty.has(n) || focused) waiting[n] = r;
        else { known[n] = r; setField(n, r.v); }
      });
      if (rows) { showRows(); Object.keys(m.records).forEach((n) => { if (!n.endsWith(".rows") && known[n] === m.records[n]) setField(n, m.records[n].v); }); }
    }
    /* A record that waited while its field was focused or unsaved is shown once it is neither. */
    function settle(n) {
      const r = waiting[n], a = document.activeElement;
      if (!r || dirty.has(n) || (a && a.name === n && form.contains(a))) return;
      delete waiting[n];
      if (!known[n] || core.newer(r, known[n])) { known[n] = r; setField(n, r.v); }
    }
    form.addEventListener("focusout", (e) => { if (e.target.name) setTimeout(() => settle(e.target.name)); });

    /* ---- actions ---- */
    function exported(list) {
      const now = Date.now();
      return store.meta("ws/").then((all) => Promise.all(list.map((w) => {
        const m = all[`ws/${w}`] || {};
        return store.setMeta(`ws/${w}`, Object.assign({}, m, { exported: now, pending: 0 }));
      }))).then(refreshMeta);
    }
    const actions = {
      "export": () => save().then(() => store.dump([SECTION, id])).then((d) => { store.download(d, store.fileName(id)); return exported([id]); }),
      "download-docx": () => office("docx"),
      "download-odt": () => office("odt"),
      "export-all": () => save().then(() => store.dump()).then((d) => { store.download(d, store.fileName("all")); return exported(Object.keys(d.worksheets)); }),
      "import": () => file.click(),
      "clear": () => {
        if (!window.confirm(msg.confirm_clear)) return;
        const gone = {};
        names().forEach((n) => { gone[n] = null; setField(n, null); });
        tables().forEach((t) => { gone[rowsField(t)] = null; layRows(t, initialRows(t)); });
        save(gone, msg.cleared);
      },
      "remind-dismiss": () => store.setMeta(`ws/${id}`, Object.assign({}, metaNow, { dismissed: Date.now() })),
      "print": () => {
        save();
        document.documentElement.classList.add("sc-ws-printing");
        root.classList.add("sc-ws--print");
        form.querySelectorAll("textarea").forEach((t) => { t.style.height = "auto"; t.style.height = t.scrollHeight + 4 + "px"; });
        window.print();
      }
    };

    // My answers in the worksheet's own DOCX or ODT (sc-office.js fills the blank the page links to).
    function office(kind) {
      const link = q(`.sc-ws__downloads a[data-sc-format="${kind}"]`);
      if (!link) return Promise.resolve();
      const href = link.getAttribute("href");
      // The answers are saved while the office code and the blank document load.
      return Promise.all([save(), window.scLoad("sc-office"), window.scLoad.template(href)])
        .then(() => window.scOffice.write(kind, href, form)).then((made) => {
        store.offer(made.blob, store.fileName(id).replace(/\.json$/, `.${kind}`));
        say(made.dropped ? fill(msg.download_dropped, { n: made.dropped }) : msg.download_ready, Boolean(made.dropped));
      }, () => say(msg.download_failed, true));
    }
    [".sc-ws__toolbar", ".sc-ws__note--js", ".sc-ws__bar"].forEach((s) => { q(s).hidden = false; });
    q(".sc-ws__note--nojs").hidden = true;
    tables().forEach((t) => R.equip(t, { msg: msg, save: save, say: say }));
    root.addEventListener("click", (e) => {
      const b = e.target.closest("[data-sc-action]");
      if (b && actions[b.getAttribute("data-sc-action")]) actions[b.getAttribute("data-sc-action")]();
    });
    // A JSON answers file, or this worksheet's DOCX, ODT or PDF filled outside the browser,
    // which sc-office.js turns into one: the same preview, then the same merge.
    file.addEventListener("change", () => {
      const chosen = file.files[0];
      file.value = "";
      if (!chosen) return;
      const office = /\.(docx|odt|pdf)$/i.test(chosen.name);
      const source = office ? window.scLoad("sc-office").then(() => window.scOffice.read(chosen, form, id)) : Promise.resolve({ file: chosen });
      Promise.all([window.scLoad("sc-import"), source]).then(([, got]) => {
        if (got.error) { say(fill(msg[got.error], { sheet: got.sheet }), true); return; }
        const skipped = (got.skipped || []).map(labelOf).join(" · ");  // as labelOf joins a cell's names
        window.scImport.start(got.file || new Blob([got.text]), q(".sc-import"), msg, say, () => {},
          skipped ? fill(msg.import_skipped, { n: got.skipped.length, what: skipped }) : "");
      }, () => say(msg.import_failed, true));
    });
    // Typed before this script arrived (it loads on demand): differs from the page's default.
    els().forEach((e) => {
      const changed = e.type === "checkbox" || e.type === "radio" ? e.checked !== e.defaultChecked
        : e.tagName === "SELECT" ? e.selectedIndex !== Math.max(0, Array.prototype.findIndex.call(e.options, (o) => o.defaultSelected))
        : e.value !== e.defaultValue;
      if (changed) { typed.add(e.name); dirty.add(e.name); }
    });
    const edit = (e) => { if (!e.target.name) return; dirty.add(e.target.name); if (!loaded) typed.add(e.target.name); later(); };
    form.addEventListener("input", edit);
    form.addEventListener("change", edit);
    form.addEventListener("submit", (e) => e.preventDefault());
    // What is not yet saved when the page goes (a save waiting for a pause, or a write still
    // in flight, such as a row just added) is kept at once (store.stash), then saved as usual.
    // The row lists go with it: a value in a row the next page does not lay out would be hidden.
    function unsaved() {
      const out = {}, all = changes();
      Object.keys(all).forEach((n) => { if (dirty.has(n)) out[n] = all[n]; });  // what the reader changed, not a default
      tables().forEach((t) => {
        const f = rowsField(t), ids = rowIds(t).join(" ");
        if (ids !== core.rowIds(current(f), initialRows(t)).join(" ")) out[f] = ids;
      });
      return out;
    }
    window.addEventListener("pagehide", () => {
      if (!loaded) return;
      const vals = unsaved();
      if (Object.keys(vals).length) { store.stash(SECTION, id, vals); save(); }
    });
    window.addEventListener("afterprint", () => { document.documentElement.classList.remove("sc-ws-printing"); root.classList.remove("sc-ws--print"); });
    setInterval(showTimes, 60000);
    store.subscribe(remote);

    /* What was typed before the saved answers arrived stays, and is saved over them; the
       saved text it replaces is offered back. */
    store.unit(SECTION, id).then((recs) => {
      Object.keys(recs).forEach((n) => { if (n.endsWith(".rows")) known[n] = recs[n]; });
      showRows();
      let restored = false;
      names().forEach((n) => {
        const r = recs[n];
        if (typed.has(n)) return;
        if (r) { known[n] = r; setField(n, r.v); restored = restored || r.v !== null; }
      });
      loaded = true;
      root.setAttribute("data-sc-loaded", "");
      if (store.status !== "ok") report(store.status);
      else if (restored) say(msg.restored);
      return typed.size ? save() : refreshMeta();
    });
  }

  document.querySelectorAll(".sc-ws[data-sc-ws]").forEach(setup);
})();
