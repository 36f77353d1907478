/* scWsRows: the rows of worksheet tables with numbered blank rows (`rows: N` in the model).
   Each row keeps a stable id; the ids in use are saved in the field "<table>.rows", so adding
   or removing a row never shifts another row's answers. Used by sc-worksheet.js, which loads
   this file first (same chunk selector). */
(function () {
  "use strict";
  const core = window.scStoreCore;
  function rowsField(t) { return t.getAttribute("data-sc-table") + ".rows"; }
  function initialRows(t) { return t.getAttribute("data-sc-initial").split(" "); }
  function rowIds(t) { return Array.prototype.map.call(t.querySelectorAll("tr[data-sc-row]"), (r) => r.getAttribute("data-sc-row")); }
  function makeRow(t, rid) {
    const model = t.querySelector("tr[data-sc-row]"), from = model.getAttribute("data-sc-row"), row = model.cloneNode(true);
    const swap = (text) => text.split(`_${from}_`).join(`_${rid}_`).split(`-r-${from}`).join(`-r-${rid}`);
    row.setAttribute("data-sc-row", rid);
    [row].concat(Array.prototype.slice.call(row.querySelectorAll("*"))).forEach((e) => {
      ["id", "name", "aria-labelledby"].forEach((a) => { if (e.hasAttribute(a)) e.setAttribute(a, swap(e.getAttribute(a))); });
      if (e.matches("input, textarea")) e.value = "";
      if (e.matches("select")) e.selectedIndex = 0;
    });
    return row;
  }
  function layRows(t, ids, msg) {
    const body = t.tBodies[0], have = {};
    Array.prototype.forEach.call(t.querySelectorAll("tr[data-sc-row]"), (r) => { have[r.getAttribute("data-sc-row")] = r; });
    const anchor = body.querySelector("tr[data-sc-row]");
    const spare = anchor ? anchor.previousElementSibling : null;
    const made = ids.map((rid) => have[rid] || makeRow(t, rid));
    Object.keys(have).forEach((rid) => { if (ids.indexOf(rid) < 0) have[rid].remove(); });
    made.forEach((r, i) => {
      const after = i ? made[i - 1] : spare;
      if (after) after.after(r); else body.prepend(r);
      const head = r.querySelector("th");
      head.firstChild.nodeValue = String(i + 1);
      const button = r.querySelector(".sc-ws__row-remove");
      button.setAttribute("aria-label", core.fill(msg.row_remove, { n: i + 1 }));
      button.disabled = ids.length < 2;
    });
  }
  /* Add and remove buttons; `w`: the worksheet's msg, save(values) and say(text). */
  function equipRows(t, w) {
    const msg = w.msg, save = w.save, say = w.say, fill = core.fill;
    const ids = rowIds(t);
    t.setAttribute("data-sc-initial", ids.join(" "));
    t.tHead.rows[0].appendChild(document.createElement("td"));
    Array.prototype.forEach.call(t.querySelectorAll("tr[data-sc-row]"), (r) => {
      const cell = document.createElement("td");
      cell.appendChild(Object.assign(document.createElement("button"), { type: "button", className: "sc-ws__row-remove md-button", textContent: "×" }));
      r.appendChild(cell);
    });
    const add = Object.assign(document.createElement("button"), { type: "button", className: "sc-ws__row-add md-button", textContent: msg.row_add });
    t.closest(".sc-ws__scroll").after(add);
    add.onclick = () => {
      const next = core.addRow(rowIds(t));
      layRows(t, next, msg);
      const note = fill(msg.row_added, { n: next.length });
      save({ [rowsField(t)]: next.join(" ") }, note);
      const row = t.querySelector(`tr[data-sc-row="${next[next.length - 1]}"]`);
      row.querySelector(".sc-ws__input").focus();
      say(note);
    };
    t.addEventListener("click", (e) => {
      const b = e.target.closest(".sc-ws__row-remove");
      if (!b || b.disabled) return;
      const row = b.closest("tr"), rid = row.getAttribute("data-sc-row");
      const gone = {};
      row.querySelectorAll("[name]").forEach((x) => { gone[x.name] = null; });
      const left = rowIds(t).filter((r) => r !== rid);
      const near = row.nextElementSibling || row.previousElementSibling;
      const target = (near && near.querySelector(".sc-ws__row-remove")) || add;
      layRows(t, left, msg);
      // Focus after laying out: moving a row in the DOM drops its focus.
      target.focus();
      gone[rowsField(t)] = left.join(" ");
      save(gone, msg.row_removed);
      say(msg.row_removed);
    });
  }
  window.scWsRows = { field: rowsField, initial: initialRows, ids: rowIds, lay: layRows, equip: equipRows };
})();
