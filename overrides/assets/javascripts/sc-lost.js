/* scLost: text another tab replaced, offered back. The store keeps it (sc-store.js, under
   "lost/<section>/<id>/<field>/<time>") until the reader puts it back or lets it go; this
   shows one block per text, with both buttons. Shared by the worksheets and the dossier's
   cover; user text is only ever set as text. */
(function () {
  "use strict";
  /* `list`: store.lost()'s; `label(field)`: the field's name for people; `restore(l)`. */
  function show(box, list, msg, label, restore) {
    const fill = window.scStoreCore.fill;
    box.textContent = "";
    list.forEach((l) => {
      const item = document.createElement("div"), text = document.createElement("blockquote");
      const back = document.createElement("button"), drop = document.createElement("button");
      item.className = "sc-ws__lost-item";
      item.appendChild(document.createElement("p")).textContent = fill(msg.lost, { field: label(l.field) });
      text.textContent = String(l.v);
      back.type = drop.type = "button";
      back.className = drop.className = "md-button";
      back.textContent = msg.lost_restore;
      drop.textContent = msg.lost_drop;
      back.onclick = () => restore(l);
      drop.onclick = () => window.scStore.setMeta(l.key, null);
      item.append(text, back, " ", drop);
      box.appendChild(item);
    });
    box.hidden = !list.length;
  }
  /* Puts `l` back with `put(value)`; the text the field holds `now` is kept in its turn. */
  function putBack(section, id, l, now, put) {
    const store = window.scStore;
    const keep = typeof now === "string" && now !== "" ? store.setMeta(`lost/${section}/${id}/${l.field}/${Date.now()}`, now) : Promise.resolve();
    return keep.then(() => store.setMeta(l.key, null)).then(() => put(l.v));
  }
  window.scLost = { show: show, putBack: putBack };
})();
