/* scDossierCore: the strategy dossier made from its template (the build's, from the same
   writers as each worksheet's file: smartcity/outputs/worksheets/dossier_word.py,
   dossier_odt.py) and the answers saved in this browser. Pure rules on parsed XML
   (DOMParser in the page, xmldom in tests/js): what does not apply is removed (a worksheet
   not started, its line in the contents, the open items' lines of other states), then the
   places are filled by scOfficeFill. Bookmarks mark what may go: a region runs from the
   block holding its mark to the block holding the next region's; an entry is its line. */
(function (root, factory) {
  // In the page after scOfficeCore, scOfficeFill and scStoreCore; in Node (tests/js) beside them.
  const need = (name, file) => root[name] || (typeof require === "function" ? require(file) : undefined);
  const core = factory(need("scOfficeCore", "./sc-office-core.js"), need("scOfficeFill", "./sc-office-fill.js"),
    need("scStoreCore", "./sc-store-core.js"));
  if (typeof module === "object" && module.exports) module.exports = core;
  else root.scDossierCore = core;
})(typeof self !== "undefined" ? self : this, function (office, filler, store) {
  "use strict";
  const { W, TEXT } = office.NS, { CELL, all, up } = office;
  const OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
  const DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
  const FORM = office.NS.FORM, XLINK = "http://www.w3.org/1999/xlink", XML = "http://www.w3.org/XML/1998/namespace";
  const STATES = ["done", "started", "todo"], OPEN = ["started", "todo"];
  const ROWS = /\.rows$/;

  /* Whether a worksheet's saved values hold an answer (a table's row list alone is none). */
  const begun = (vals) => Object.keys(vals || {}).some((k) => !ROWS.test(k) && !store.empty(vals[k]));

  /* A worksheet's saved values added to `out` as the filler's answers, each place named
     "<sheet>.<input>". `choices`: {"<table>_<column>": {value: words}} for a table's lists. */
  function answersOf(sheet, vals, choices, out) {
    Object.keys(vals || {}).forEach((name) => {
      const v = vals[name], key = `${sheet}.${name}`;
      if (store.empty(v)) return;
      if (ROWS.test(name)) {
        const ids = store.rowIds(v, []);
        if (ids.length) out.rows[key.replace(ROWS, "")] = ids;
        return;
      }
      if (v === true) { out.boxes[key] = true; return; }
      const text = String(v), cell = CELL.exec(name), list = cell ? choices[`${cell[1]}_${cell[3]}`] : null;
      out.texts[key] = list && Object.prototype.hasOwnProperty.call(list, text) ? list[text] : text;
      out.boxes[`${key}_${text}`] = true;  // a choice's or a rating's box, where the field is one
    });
  }

  /* ---- what may go ---- */
  const body = (kind, doc) => (kind === "docx" ? all(doc, W, "body")[0] : all(doc, OFFICE, "text")[0]);
  function marks(kind, doc) {
    const out = {};
    if (kind === "docx") all(doc, W, "bookmarkStart").forEach((m) => { out[m.getAttributeNS(W, "name")] = m; });
    else all(doc, TEXT, "bookmark").concat(all(doc, TEXT, "bookmark-start")).forEach((m) => { out[m.getAttributeNS(TEXT, "name")] = m; });
    return out;
  }
  function top(node, holder) {
    while (node && node.parentNode !== holder) node = node.parentNode;
    return node;
  }
  /* The contents' lines that link to `name`. */
  function links(kind, doc, name) {
    if (kind === "docx") return all(doc, W, "hyperlink").filter((a) => a.getAttributeNS(W, "anchor") === name).map((a) => up(a, W, "p"));
    return all(doc, TEXT, "a").filter((a) => a.getAttributeNS(XLINK, "href") === `#${name}`).map((a) => up(a, TEXT, "p"));
  }
  const line = (kind, mark) => (kind === "docx" ? up(mark, W, "p") : up(mark, TEXT, "list-item") || up(mark, TEXT, "p"));
  /* An ODT's form controls drawn in what goes, so that none is left without its box. */
  function controlsIn(nodes) {
    const ids = {};
    nodes.filter((n) => n && n.nodeType === 1).forEach((n) => all(n, DRAW, "control").forEach((c) => { ids[c.getAttributeNS(DRAW, "control")] = true; }));
    return ids;
  }
  /* Removes each of `drop`: a region (one of `regions`) with its lines in the contents, or an entry. */
  function prune(kind, doc, regions, drop) {
    const holder = body(kind, doc), found = marks(kind, doc), starts = new Set(), gone = [];
    regions.forEach((name) => { if (found[name]) starts.add(top(found[name], holder)); });
    drop.forEach((name) => {
      const mark = found[name];
      if (!mark) return;
      if (regions.indexOf(name) < 0) { gone.push(line(kind, mark)); return; }
      let node = top(mark, holder);
      do { gone.push(node); node = node.nextSibling; } while (node && !starts.has(node) && node.localName !== "sectPr");
      links(kind, doc, name).forEach((p) => gone.push(p));
    });
    if (kind === "odt") {
      const ids = controlsIn(gone);
      all(doc, FORM, "form").forEach((f) => Array.prototype.slice.call(f.childNodes).forEach((c) => {
        if (c.nodeType === 1 && (ids[c.getAttributeNS(XML, "id")] || ids[c.getAttributeNS(FORM, "id")])) f.removeChild(c);
      }));
    }
    gone.forEach((n) => { if (n && n.parentNode) n.parentNode.removeChild(n); });
  }

  /* The dossier, from its parsed template `doc`. `cfg`: the page's (html.py dossier_config);
     `got`: {sheets: {id: saved values}, states: {item id: "started" | "done"}};
     `cover`: {municipality, date} as they are printed. Returns {dropped, started, empty}. */
  function dossier(kind, doc, cfg, got, cover) {
    const answers = { texts: {}, boxes: {}, rows: {} }, drop = [];
    let started = 0;
    cfg.sheets.forEach((s) => {
      const vals = (got.sheets || {})[s.id];
      if (!begun(vals)) { drop.push(s.mark); return; }
      started += 1;
      drop.push(s.entry);
      answersOf(s.id, vals, s.choices || {}, answers);
    });
    if (started === cfg.sheets.length) drop.push(cfg.marks.not_started);
    const open = { started: 0, todo: 0 };
    cfg.phases.forEach((p) => {
      const count = { done: 0, started: 0, todo: 0 };
      p.items.forEach((i) => {
        const st = STATES.indexOf((got.states || {})[i.id]) >= 0 ? got.states[i.id] : "todo";
        count[st] += 1;
        OPEN.forEach((o) => { if (o === st) open[o] += 1; else drop.push(i.entries[o]); });
      });
      STATES.forEach((s) => { answers.texts[cfg.places.status[p.id][s]] = String(count[s]); });
    });
    OPEN.forEach((o) => { if (!open[o]) drop.push(cfg.marks[o]); });
    if (open.started + open.todo) drop.push(cfg.marks.open_none);
    Object.keys(cfg.places.cover).forEach((k) => { if (cover[k]) answers.texts[cfg.places.cover[k]] = cover[k]; });
    const regions = cfg.sheets.map((s) => s.mark).concat(["not_started", "status", "started", "todo"].map((k) => cfg.marks[k]));
    prune(kind, doc, regions, drop);
    const done = filler.fill(kind, doc, answers, { by: "tag" });
    return { dropped: done.dropped, started: started, empty: cfg.sheets.length - started };
  }

  return { dossier: dossier, begun: begun, answersOf: answersOf, prune: prune };
});
