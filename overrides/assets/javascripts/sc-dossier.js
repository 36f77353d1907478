/* The strategy dossier on the worksheets page: its cover (the municipality's name and the
   date) saved as you type with the answers (scStore, worksheets entry "dossier", so it goes
   into every export and comes back with an import), and the buttons that put every
   worksheet's saved answers into one DOCX or ODT (sc-office.js for the files,
   sc-dossier-core.js for the rules, both loaded on a click). */
(function () {
  "use strict";
  const store = window.scStore, core = window.scStoreCore;
  if (!store || !core || !window.scLoad || !window.scLost) return;
  const SECTION = "worksheets", DELAY = 250, NAMES = ["municipality", "date"];

  function setup(root) {
    const cfg = JSON.parse(root.querySelector(".sc-dossier__config").textContent), msg = cfg.msg, id = cfg.id;
    const form = root.querySelector(".sc-dossier__form"), field = (n) => form.elements[n];
    const status = root.querySelector(".sc-dossier__status"), alarm = root.querySelector(".sc-dossier__alert");
    const known = {}, typed = new Set();
    let loaded = false, timer = null;

    function say(text, urgent) { (urgent ? alarm : status).textContent = text; if (!urgent) alarm.textContent = ""; else status.textContent = ""; }
    const current = (n) => (known[n] ? known[n].v : null);
    function changes() {
      const out = {};
      NAMES.forEach((n) => { const v = field(n).value.trim() || null; if (v !== current(n) && !(v === null && !known[n])) out[n] = v; });
      return out;
    }
    const label = (n) => { const e = field(n); return e && e.labels && e.labels[0] ? e.labels[0].textContent.trim() : n; };
    /* Cover text another tab replaced, offered back (scLost). */
    function showLost() {
      return store.lost(SECTION, id).then((list) => window.scLost.show(root.querySelector(".sc-ws__lost"),
        list.filter((l) => NAMES.indexOf(l.field) >= 0), msg, label,
        (l) => window.scLost.putBack(SECTION, id, l, current(l.field), (v) => { field(l.field).value = v; typed.add(l.field); return save(); })));
    }
    function save() {
      clearTimeout(timer);
      timer = null;
      const vals = changes(), seen = {};
      if (!loaded || !Object.keys(vals).length) return Promise.resolve();
      Object.keys(vals).forEach((n) => { seen[n] = known[n]; });
      return store.write(SECTION, id, vals, seen).then((r) => {
        Object.keys(vals).forEach((n) => { known[n] = r.records[n]; typed.delete(n); });
        const why = r.status === "ok" ? null : r.status === "full" ? "storage_full"
          : store.reason === "blocked" ? "storage_blocked" : "storage_unavailable";
        if (why) say(`${msg[why]} ${msg.private}`, true);
        else say(msg.saved);
        return r.lost.length ? showLost() : null;
      });
    }
    form.addEventListener("input", (e) => { if (!e.target.name) return; typed.add(e.target.name); clearTimeout(timer); timer = setTimeout(save, DELAY); });
    form.addEventListener("submit", (e) => e.preventDefault());
    // Typed and not yet saved when the page goes (waiting for a pause, or a write in flight):
    // kept at once. Only what was typed: the date's default is not a cover someone wrote.
    window.addEventListener("pagehide", () => {
      if (!loaded) return;
      const vals = {}, all = changes();
      Object.keys(all).forEach((n) => { if (typed.has(n)) vals[n] = all[n]; });
      if (Object.keys(vals).length) { store.stash(SECTION, id, vals); save(); }
    });
    // Another tab's cover shows here, unless this field is being typed in.
    store.subscribe((m) => {
      if (m.section === "meta" && m.key.startsWith(`lost/${SECTION}/${id}/`)) { showLost(); return; }
      if (m.section !== SECTION || m.id !== id || !loaded) return;
      Object.keys(m.records).forEach((n) => {
        if (NAMES.indexOf(n) < 0 || (known[n] && !core.newer(m.records[n], known[n]))) return;
        if (typed.has(n) || document.activeElement === field(n)) return;
        known[n] = m.records[n];
        field(n).value = typeof m.records[n].v === "string" ? m.records[n].v : "";
      });
    });

    /* Every worksheet's saved values, and the self-assessment's states. */
    function gather() {
      const units = [];
      cfg.phases.forEach((p) => p.items.forEach((i) => { if (units.indexOf(i.unit) < 0) units.push(i.unit); }));
      return Promise.all([Promise.all(cfg.sheets.map((s) => store.read(SECTION, s.id))),
        Promise.all(units.map((u) => store.read("checklist", u)))]).then(([sheets, checks]) => {
        const got = { sheets: {}, states: {} };
        cfg.sheets.forEach((s, n) => { got.sheets[s.id] = sheets[n]; });
        checks.forEach((c) => Object.assign(got.states, c));
        return got;
      });
    }
    /* An ISO date (the date field's) as the page's language writes it, as the self-assessment does. */
    function written(iso) {
      const [y, m, d] = iso.split("-").map(Number);
      if (!y || !m || !d || !window.scAssessCore) return iso;
      return core.fill(cfg.date.format, window.scAssessCore.dateParts(cfg.date, new Date(y, m - 1, d)));
    }
    function today() {
      const now = new Date(), pad = (n) => String(n).padStart(2, "0");
      return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    }
    function build(kind) {
      const name = field("municipality").value.trim();
      if (!name) { say(msg.name_needed, true); field("municipality").focus(); return Promise.resolve(); }
      if (!field("date").value) { field("date").value = today(); typed.add("date"); }
      const cover = { municipality: name, date: written(field("date").value) };
      return save().then(() => Promise.all([window.scLoad("sc-office").then(() => window.scLoad("sc-dossier-core")), gather()]))
        .then(([, got]) => window.scOffice.make(kind, cfg.templates[kind], (doc) => window.scDossierCore.dossier(kind, doc, cfg, got, cover)))
        .then((made) => {
          store.offer(made.blob, store.fileName(id).replace(/\.json$/, `.${kind}`));
          say(made.dropped ? core.fill(msg.dropped, { n: made.dropped }) : core.fill(msg.ready, { started: made.started, empty: made.empty }), Boolean(made.dropped));
        }, () => say(msg.failed, true));
    }
    root.addEventListener("click", (e) => {
      const b = e.target.closest("[data-sc-action]"), what = b ? b.getAttribute("data-sc-action") : "";
      if (what === "dossier-docx" || what === "dossier-odt") build(what.slice(8));
    });
    root.querySelector(".sc-dossier__actions").hidden = false;
    root.querySelector(".sc-dossier__nojs").hidden = true;
    // What was typed before this script arrived stays, and is saved over what was saved.
    NAMES.forEach((n) => { if (field(n).value !== field(n).defaultValue) typed.add(n); });
    store.unit(SECTION, id).then((recs) => {
      NAMES.forEach((n) => {
        if (!recs[n]) return;
        known[n] = recs[n];
        if (!typed.has(n)) field(n).value = typeof recs[n].v === "string" ? recs[n].v : "";
      });
      loaded = true;
      root.setAttribute("data-sc-loaded", "");
      return (typed.size ? save() : Promise.resolve()).then(showLost);
    });
  }

  document.querySelectorAll("[data-sc-dossier]").forEach(setup);
})();
