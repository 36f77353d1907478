/* scImport: importing an answers file is a merge the reader sees first. The panel lists, per
   worksheet or self-assessment step, the empty fields the file fills and the saved answers it
   would replace (and how many of those are older in the file). Only fills happen unless the
   reader ticks "replace" for an entry. Used by the worksheets and the self-assessment page;
   every text is set as text. */
(function () {
  "use strict";
  const store = window.scStore, core = window.scStoreCore;
  if (!store || !core) return;
  const fill = core.fill;
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };

  /* Read `file`, show the plan in `panel`; `say(text, urgent)` reports; `done()` after a change;
     `note`, when given, is shown with the plan (what a converted file could not carry). */
  function start(file, panel, msg, say, done, note) {
    if (!file) return;
    file.text().then((text) => {
      const parsed = store.parse(text);
      if (parsed.error) {
        const from = parsed.data && typeof parsed.data.edition === "string" ? parsed.data.edition.slice(0, 80) : "?";
        say(fill(msg["import_" + parsed.error], { edition: from }), true);
        return null;
      }
      return store.plan(parsed.data).then((units) => show(parsed.data, units));
    }, () => say(msg.import_bad, true));

    function show(data, units) {
      panel.textContent = "";
      if (!units.length) { say(msg.import_nothing); return; }
      const title = el("p", "sc-import__title", msg.import_title), table = el("table", "sc-import__table");
      title.id = "sc-import-title-" + Math.random().toString(36).slice(2);
      panel.setAttribute("role", "region");
      panel.setAttribute("aria-labelledby", title.id);
      const when = new Date(data.exported);
      panel.append(title, el("p", "sc-import__intro", fill(msg.import_intro, { date: isNaN(when) ? "?" : when.toLocaleString() })));
      if (note) panel.append(el("p", "sc-import__note", note));
      const head = table.createTHead().insertRow();
      [msg.import_col_what, msg.import_col_fill, msg.import_col_replace].forEach((t) => { const th = el("th", "", t); th.scope = "col"; head.appendChild(th); });
      const body = table.createTBody(), boxes = [];
      units.forEach((u) => {
        const what = u.section === "checklist" ? fill(msg.import_checklist, { id: u.id }) : u.id;
        const row = body.insertRow(), th = el("th", "", what), cell = el("td");
        th.scope = "row";
        row.append(th, el("td", "", String(u.fill.length)), cell);
        const older = u.replace.filter((r) => r.older).length;
        cell.append(el("span", "", fill(msg.import_older, { n: u.replace.length, older: older })));
        if (u.replace.length) {
          const label = el("label", "sc-import__replace"), box = el("input");
          box.type = "checkbox";
          box.value = u.section + "/" + u.id;
          label.append(box, " ", fill(msg.import_replace, { what: what }));
          cell.append(el("br"), label);
          boxes.push(box);
        }
      });
      const go = el("button", "md-button md-button--primary", msg.import_go), cancel = el("button", "md-button", msg.import_cancel);
      go.type = cancel.type = "button";
      go.setAttribute("data-sc-import", "go");
      cancel.setAttribute("data-sc-import", "cancel");
      const actions = el("p", "sc-import__actions");
      actions.append(go, " ", cancel);
      panel.append(table, actions);
      panel.hidden = false;
      title.tabIndex = -1;
      title.focus();
      cancel.onclick = () => { panel.hidden = true; panel.textContent = ""; say(msg.import_cancelled); };
      go.onclick = () => {
        const replacing = boxes.filter((b) => b.checked).map((b) => b.value);
        go.disabled = true;
        store.apply(units, replacing).then((status) => {
          panel.hidden = true;
          panel.textContent = "";
          let n = 0, w = 0;
          units.forEach((u) => {
            const k = u.fill.length + (replacing.indexOf(u.section + "/" + u.id) >= 0 ? u.replace.length : 0);
            n += k;
            if (k) w += 1;
          });
          if (status === "ok") say(fill(msg.imported, { n: n, w: w }));
          else if (status === "memory") say(`${fill(msg.imported, { n: n, w: w })} ${msg[store.reason === "blocked" ? "storage_blocked" : "storage_unavailable"]}`, true);
          else say(msg[status === "full" ? "import_full" : "import_failed"], true);
          done(status);
        });
      };
    }
  }
  window.scImport = { start: start };
})();
