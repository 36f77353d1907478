/* scOfficeCore: a worksheet's DOCX or ODT, filled in Word or LibreOffice, read back as an
   answers file, so that it goes through the same preview-and-confirm merge as a JSON import.
   Pure rules on parsed XML (the browser's DOMParser, or xmldom in tests/js): no zip, no page.
   The blank files carry each answer place's name (smartcity/outputs/worksheets/word_controls.py,
   odt_places.py): in a DOCX a bookmark around the control, "-" written "__", the answer being
   its whole table cell (LibreOffice drops w:tag on a save, and moves the bookmark into the
   control); in an ODT a named section, or a named form checkbox. Custom properties say which
   worksheet, language and edition the file is. */
(function (root, factory) {
  const core = factory();
  if (typeof module === "object" && module.exports) module.exports = core;
  else root.scOfficeCore = core;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  const W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
  const CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";
  const TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
  const FORM = "urn:oasis:names:tc:opendocument:xmlns:form:1.0";
  const META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
  const TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
  const CELL = /^(.+)_(\d+)_([^_]+)$/;  // a cell of a table with numbered rows: <table>_<row>_<column>
  const place = (bookmark) => bookmark.replace(/__/g, "-");  // a DOCX bookmark's answer place (view.bookmark_name)
  // The parts each format is read from: answers, then identity.
  const PARTS = { docx: ["word/document.xml", "docProps/custom.xml"], odt: ["content.xml", "meta.xml"] };

  const all = (node, ns, name) => Array.prototype.slice.call(node.getElementsByTagNameNS(ns, name));
  const is = (node, ns, name) => node.nodeType === 1 && node.namespaceURI === ns && node.localName === name;
  function up(node, ns, name) {
    for (let n = node.parentNode; n && n.nodeType === 1; n = n.parentNode) if (is(n, ns, name)) return n;
    return null;
  }
  /* Every element below `node`, in document order. */
  function walk(node, visit) {
    for (let c = node.firstChild; c; c = c.nextSibling) { if (visit(c) !== false) walk(c, visit); }
  }

  /* A Word paragraph's text as typed: runs' text, tabs, line breaks; deleted text left out. */
  function wordLine(p) {
    let out = "";
    walk(p, (n) => {
      if (n.nodeType !== 1 || n.namespaceURI !== W) return true;
      if (n.localName === "t") out += n.textContent;
      else if (n.localName === "tab") out += "\t";
      else if (n.localName === "br" || n.localName === "cr") out += "\n";
      else if (n.localName === "delText" || n.localName === "instrText" || n.localName === "sdtPr" || n.localName === "rPr") return false;
      return true;
    });
    return out;
  }
  /* An OpenDocument paragraph's text: tabs, line breaks and runs of spaces (text:s) as typed. */
  function odfLine(p) {
    let out = "";
    walk(p, (n) => {
      if (n.nodeType === 3) { out += n.nodeValue; return true; }
      if (n.nodeType !== 1 || n.namespaceURI !== TEXT) return n.nodeType === 1;
      if (n.localName === "tab") out += "\t";
      else if (n.localName === "line-break") out += "\n";
      else if (n.localName === "s") out += " ".repeat(Number(n.getAttributeNS(TEXT, "c")) || 1);
      else if (n.localName === "note" || n.localName === "bookmark-ref") return false;
      return true;
    });
    return out;
  }

  /* name -> {lines: [...]} or {box: true|false}, from document.xml. */
  function docxPlaces(doc) {
    const out = {};
    all(doc, W, "bookmarkStart").forEach((mark) => {
      const name = place(mark.getAttributeNS(W, "name") || "");
      if (!name || name in out) return;
      const holder = up(mark, W, "sdt");
      let box = holder ? all(holder, W14, "checked")[0] : null;
      const para = up(mark, W, "p");
      if (!box && para) {
        let seen = false;
        walk(para, (n) => {
          if (n === mark) seen = true;
          else if (seen && !box && is(n, W14, "checked")) box = n;
          return !box;
        });
      }
      const cell = up(mark, W, "tc");
      if (box) out[name] = { box: ["1", "true", "on"].indexOf(box.getAttributeNS(W14, "val")) >= 0 };
      else if (cell) out[name] = { lines: all(cell, W, "p").filter((p) => up(p, W, "tc") === cell).map(wordLine) };
    });
    return out;
  }
  function odtPlaces(doc) {
    const out = {};
    all(doc, TEXT, "section").forEach((s) => {
      const name = s.getAttributeNS(TEXT, "name");
      if (name && !(name in out)) out[name] = { lines: all(s, TEXT, "p").map(odfLine) };
    });
    all(doc, FORM, "checkbox").forEach((b) => {
      const name = b.getAttributeNS(FORM, "name");
      if (name && !(name in out)) out[name] = { box: b.getAttributeNS(FORM, "current-state") === "checked" };
    });
    return out;
  }
  /* The tables as rows of cells {names, lines}: what the added rows are read from. */
  function docxTables(doc) {
    const direct = (node, name) => Array.prototype.filter.call(node.childNodes, (c) => is(c, W, name));
    return all(doc, W, "tbl").map((tbl) => direct(tbl, "tr").map((tr) => direct(tr, "tc").map((tc) => ({
      names: all(tc, W, "bookmarkStart").map((m) => place(m.getAttributeNS(W, "name") || "")),
      lines: all(tc, W, "p").filter((p) => up(p, W, "tc") === tc).map(wordLine)
    }))));
  }
  function odtTables(doc) {
    return all(doc, TABLE, "table").map((t) => all(t, TABLE, "table-row").filter((r) => up(r, TABLE, "table") === t)
      .map((r) => all(r, TABLE, "table-cell").filter((c) => up(c, TABLE, "table-row") === r).map((c) => ({
        names: all(c, TEXT, "section").map((x) => x.getAttributeNS(TEXT, "name")),
        lines: all(c, TEXT, "p").map(odfLine)
      }))));
  }
  /* Rows a person added to a table with numbered rows (a row copied in Word carries no answer
     place of its own, or only those of the row it copies): {table: [{column: lines}]}. */
  function addedRows(tables, places) {
    const out = {};
    tables.forEach((rows) => {
      let field = null;
      const columns = [], claimed = {};
      rows.forEach((row) => {
        const own = [];
        row.forEach((cell, i) => cell.names.forEach((n) => {
          const m = CELL.exec(n);
          if (m && n in places && !claimed[n] && (!field || m[1] === field)) { own.push(n); field = m[1]; columns[i] = m[3]; }
        }));
        if (own.length) { own.forEach((n) => { claimed[n] = true; }); return; }
        if (!field) return;  // the heading rows, before the first row of the worksheet's own
        const added = {};
        row.forEach((cell, i) => { if (columns[i]) added[columns[i]] = cell.lines; });
        (out[field] = out[field] || []).push(added);
      });
    });
    return out;
  }

  function identity(kind, doc) {
    const out = {};
    if (!doc) return out;
    if (kind === "docx") all(doc, CUSTOM, "property").forEach((p) => { out[p.getAttribute("name")] = p.textContent; });
    else all(doc, META, "user-defined").forEach((m) => { out[m.getAttributeNS(META, "name")] = m.textContent; });
    return out;
  }
  /* {identity, places} of a file's two parsed parts. */
  function read(kind, answersDoc, identityDoc) {
    const places = kind === "docx" ? docxPlaces(answersDoc) : odtPlaces(answersDoc);
    const tables = kind === "docx" ? docxTables(answersDoc) : odtTables(answersDoc);
    return { identity: identity(kind, identityDoc), places: places, added: addedRows(tables, places) };
  }

  const norm = (s) => String(s).normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
  /* A place's lines as one answer, without the blank lines around it. */
  function textOf(lines) {
    const kept = lines.slice();
    while (kept.length && !kept[kept.length - 1].trim()) kept.pop();
    while (kept.length && !kept[0].trim()) kept.shift();
    const text = kept.join("\n");
    return text.trim() ? text : "";
  }
  /* The places as this page's answers. `spec`: {texts: {name: options or null}, boxes: {name:
     {field, value}} (value null for a box of its own), tables: {table: [row ids on the page]}}
     for the tables with numbered rows; options: [{value, label}]. `added`: addedRows().
     Returns {values, skipped}: skipped are the names whose answer the page cannot hold (a word
     that is none of a list's options, or two ticks where one is asked). An added row takes an
     id above every row in use, as a row added in the page does; its table's rows are saved. */
  function answers(places, spec, added) {
    const values = {}, skipped = [], ticked = {}, rows = {};
    Object.keys(spec.tables || {}).forEach((t) => { rows[t] = spec.tables[t].slice(); });
    function put(name, text, options) {
      if (!options) { values[name] = text; return; }
      const hit = options.find((o) => norm(o.value) === norm(text) || norm(o.label) === norm(text));
      if (hit) values[name] = hit.value;
      else skipped.push(name);
    }
    const useRow = (t, rid) => { if (rows[t].indexOf(rid) < 0) rows[t].push(rid); };
    Object.keys(places).sort().forEach((name) => {
      const place = places[name];
      if ("box" in place) {
        const b = spec.boxes[name];
        if (!b || !place.box) return;
        if (b.value === null) values[b.field] = true;
        else (ticked[b.field] = ticked[b.field] || []).push(b.value);
        return;
      }
      const text = textOf(place.lines), cell = CELL.exec(name);
      // A row the page does not show (removed here, or added where the document was made) is
      // read like the page's first row of its table, and shown again.
      const like = cell && rows[cell[1]] ? `${cell[1]}_${spec.tables[cell[1]][0]}_${cell[3]}` : name;
      if (!text || !(name in spec.texts || like in spec.texts)) return;
      put(name, text, name in spec.texts ? spec.texts[name] : spec.texts[like]);
      if (cell && rows[cell[1]] && name in values) useRow(cell[1], cell[2]);
    });
    Object.keys(ticked).forEach((field) => {
      if (ticked[field].length === 1) values[field] = ticked[field][0];
      else skipped.push(field);
    });
    Object.keys(added || {}).forEach((t) => {
      if (!rows[t]) return;
      const model = spec.tables[t][0];
      // Above the page's rows and the file's own, so an added row never takes another's answers.
      const inFile = Object.keys(places).map((n) => CELL.exec(n)).filter((m) => m && m[1] === t).map((m) => m[2]);
      let last = rows[t].concat(inFile).reduce((m, id) => Math.max(m, Number(id) || 0), 0);
      added[t].forEach((row) => {
        const texts = {};
        Object.keys(row).forEach((col) => { const text = textOf(row[col]); if (text) texts[col] = text; });
        if (!Object.keys(texts).length) return;
        const rid = String(++last);
        rows[t].push(rid);
        Object.keys(texts).forEach((col) => put(`${t}_${rid}_${col}`, texts[col], spec.texts[`${t}_${model}_${col}`]));
      });
    });
    Object.keys(rows).forEach((t) => { if (rows[t].join(" ") !== spec.tables[t].join(" ")) values[`${t}.rows`] = rows[t].join(" "); });
    return { values: values, skipped: skipped };
  }

  /* What is wrong with the file for the worksheet `sheet`: "office_foreign" (not one of the
     guide's worksheets), "office_other" (another worksheet), or null. The edition is checked
     with the answers file, as for a JSON import. */
  function problem(ident, sheet) {
    if (!ident["sc-worksheet"] || !ident["sc-edition"]) return "office_foreign";
    return ident["sc-worksheet"] === sheet ? null : "office_other";
  }
  /* An answers file (sc-store-core's format) holding the values, dated by the file. */
  function exportData(ident, values, when) {
    const worksheets = {};
    worksheets[ident["sc-worksheet"]] = values;
    return { format: "sc-answers", version: 1, edition: ident["sc-edition"], exported: new Date(when).toISOString(), worksheets: worksheets };
  }

  return {
    PARTS: PARTS, read: read, answers: answers, problem: problem, exportData: exportData,
    // What the filler (sc-office-fill.js) shares: the formats' names and the tree walking.
    NS: { W: W, W14: W14, TEXT: TEXT, TABLE: TABLE, FORM: FORM }, CELL: CELL, all: all, up: up, place: place
  };
});
