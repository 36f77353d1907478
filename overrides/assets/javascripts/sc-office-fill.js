/* scOfficeFill: the page's answers written into a worksheet's blank DOCX or ODT, the file the
   build made (smartcity/outputs/worksheets/word.py, odt.py), so the filled document has the
   blank one's layout, header, styles, language and accessibility by construction. Pure rules
   on parsed XML (DOMParser in the page, xmldom in tests/js): each answer place is filled as
   text (never as markup), a table with numbered rows gets the page's rows (added ones cloned
   from the last, removed ones dropped), and the places keep their names, so the document can
   be filled further and imported back. */
(function (root, factory) {
  // In the page after scOfficeCore (the same chunk); in Node (tests/js) beside it.
  const core = factory(root.scOfficeCore || (typeof require === "function" ? require("./sc-office-core.js") : undefined));
  if (typeof module === "object" && module.exports) module.exports = core;
  else root.scOfficeFill = core;
})(typeof self !== "undefined" ? self : this, function (office) {
  "use strict";
  const { W, W14, TEXT, TABLE, FORM } = office.NS, { CELL, all, up } = office;
  const XML = "http://www.w3.org/XML/1998/namespace";
  // What XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF).
  const UNSAFE = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
  const BOX_ON = "\u2612";

  const after = (node, added) => node.parentNode.insertBefore(added, node.nextSibling);
  const wName = (name) => name.replace(/-/g, "__");  // view.bookmark_name
  const unWName = office.place;

  /* The text as lines, without what XML cannot hold; `counter.dropped` counts what went. */
  function lines(text, counter) {
    const clean = String(text).replace(/\r\n?/g, "\n").replace(UNSAFE, () => { counter.dropped += 1; return ""; });
    return clean.split("\n");
  }

  /* ---- DOCX ---- */
  function wordRun(doc, line, props) {
    const run = doc.createElementNS(W, "w:r");
    if (props) run.appendChild(props.cloneNode(true));
    line.split("\t").forEach((part, i) => {
      if (i) run.appendChild(doc.createElementNS(W, "w:tab"));
      const t = doc.createElementNS(W, "w:t");
      t.setAttributeNS(XML, "xml:space", "preserve");
      t.appendChild(doc.createTextNode(part));
      run.appendChild(t);
    });
    return run;
  }
  function wordText(doc, sdt, text, counter) {
    const content = all(sdt, W, "sdtContent")[0], first = all(content, W, "r")[0];
    const props = first ? all(first, W, "rPr")[0] : null;
    const rows = lines(text, counter);
    while (content.firstChild) content.removeChild(content.firstChild);
    content.appendChild(wordRun(doc, rows[0], props));
    // Further lines: paragraphs of their own in the cell (the import reads the whole cell).
    let last = up(sdt, W, "p");
    rows.slice(1).forEach((line) => {
      const p = doc.createElementNS(W, "w:p");
      p.appendChild(wordRun(doc, line, props));
      last = after(last, p);
    });
  }
  function wordBox(sdt) {
    const checked = all(sdt, W14, "checked")[0], t = all(all(sdt, W, "sdtContent")[0], W, "t")[0];
    if (checked) checked.setAttributeNS(W14, "w14:val", "1");
    if (t) t.textContent = BOX_ON;
  }
  /* A cloned row's ids made new: each bookmark's pair shares one, each control has its own. */
  function freshIds(node, next) {
    const map = {};
    ["bookmarkStart", "bookmarkEnd"].forEach((tag) => all(node, W, tag).forEach((el) => {
      const old = el.getAttributeNS(W, "id");
      map[old] = map[old] || String(next());
      el.setAttributeNS(W, "w:id", map[old]);
    }));
    all(node, W, "id").forEach((el) => el.setAttributeNS(W, "w:val", String(next())));
  }
  /* A control's title names its row by number ("Benchmark: 5, Town"): the row's number now. */
  const relabel = (alias, old, now) => alias.replace(` ${old}, `, ` ${now}, `);
  /* A numbered table's rows as the page has them: `rows` (row id -> the template's row) in
     the page's order `wanted`, a missing one cloned from the last by `clone(model, from, rid,
     n)`, each touched by `mark(row, rid, n)`, each numbered in its first cell's `head` text. */
  function lay(rows, wanted, clone, mark, head) {
    const ids = Object.keys(rows), model = rows[ids[ids.length - 1]], from = ids[ids.length - 1];
    const parent = model.parentNode, place = model.nextSibling, pristine = model.cloneNode(true);
    const made = wanted.map((rid, n) => {
      const row = rows[rid] || clone(pristine.cloneNode(true), from, rid, n);  // as the blank had it
      mark(row, rows[rid] ? rid : from, n);
      const text = head(row);
      if (text) text.textContent = String(n + 1);
      return row;
    });
    ids.forEach((rid) => parent.removeChild(rows[rid]));
    made.forEach((row) => parent.insertBefore(row, place && place.parentNode === parent ? place : null));
  }
  /* The tables with numbered rows, each as {id, rows: {row id: its row}}. */
  function numbered(doc, ns, tableTag, rowTag, places, nameOf) {
    return all(doc, ns, tableTag).map((tbl) => {
      const found = { id: null, rows: {} };
      places(tbl).forEach((el) => {
        const hit = CELL.exec(nameOf(el));
        if (hit && up(el, ns, tableTag) === tbl) { found.id = hit[1]; found.rows[hit[2]] = up(el, ns, rowTag); }
      });
      return found;
    }).filter((t) => t.id);
  }
  /* A control's tag: what names the dossier's places (bookmarks name a worksheet's). */
  function tagOf(sdt) {
    const props = all(sdt, W, "sdtPr")[0], tag = props ? all(props, W, "tag")[0] : null;
    return tag ? tag.getAttributeNS(W, "val") : "";
  }
  function wordRows(doc, rowsOf, byTag) {
    let top = 0;
    all(doc, W, "bookmarkStart").concat(all(doc, W, "id")).forEach((el) => {
      top = Math.max(top, Number(el.getAttributeNS(W, "id")) || 0, Number(el.getAttributeNS(W, "val")) || 0);
    });
    const next = () => ++top, swap = (text, from, rid) => text.replace(`_${from}_`, `_${rid}_`);
    const places = byTag ? (tbl) => all(tbl, W, "sdt") : (tbl) => all(tbl, W, "bookmarkStart");
    const nameOf = byTag ? tagOf : (m) => unWName(m.getAttributeNS(W, "name") || "");
    numbered(doc, W, "tbl", "tr", places, nameOf)
      .forEach((t) => rowsOf[t.id] && lay(t.rows, rowsOf[t.id], (row, from, rid) => {
        all(row, W, "bookmarkStart").forEach((m) => m.setAttributeNS(W, "w:name", wName(swap(unWName(m.getAttributeNS(W, "name")), from, rid))));
        all(row, W, "tag").forEach((tag) => tag.setAttributeNS(W, "w:val", swap(tag.getAttributeNS(W, "val"), from, rid)));
        freshIds(row, next);
        return row;
      }, (row, label, n) => all(row, W, "alias").forEach((a) => a.setAttributeNS(W, "w:val", relabel(a.getAttributeNS(W, "val"), label, n + 1))),
      (row) => all(all(row, W, "tc")[0], W, "t")[0]));
  }
  function fillDocx(doc, answers, byTag) {
    const counter = { dropped: 0 };
    wordRows(doc, answers.rows || {}, byTag);
    const places = byTag ? all(doc, W, "sdt").map((sdt) => [tagOf(sdt), sdt])
      : all(doc, W, "bookmarkStart").map((mark) => [unWName(mark.getAttributeNS(W, "name") || ""), mark.nextSibling]);
    places.forEach(([name, sdt]) => {
      if (!sdt || sdt.localName !== "sdt") return;
      if (answers.boxes[name]) wordBox(sdt);
      else if (typeof answers.texts[name] === "string" && answers.texts[name] !== "") wordText(doc, sdt, answers.texts[name], counter);
    });
    return counter;
  }

  /* ---- ODT ---- */
  function odfParagraph(doc, p, line) {
    while (p.firstChild) p.removeChild(p.firstChild);
    // Runs of spaces as text:s, tabs as text:tab: as LibreOffice writes them.
    line.split("\t").forEach((part, i) => {
      if (i) p.appendChild(doc.createElementNS(TEXT, "text:tab"));
      part.split(/( {2,})/).forEach((bit) => {
        if (/^ {2,}$/.test(bit)) {
          p.appendChild(doc.createTextNode(" "));
          const s = doc.createElementNS(TEXT, "text:s");
          if (bit.length > 2) s.setAttributeNS(TEXT, "text:c", String(bit.length - 1));
          p.appendChild(s);
        } else if (bit) p.appendChild(doc.createTextNode(bit));
      });
    });
  }
  function odfRows(doc, rowsOf) {
    numbered(doc, TABLE, "table", "table-row", (tbl) => all(tbl, TEXT, "section"), (x) => x.getAttributeNS(TEXT, "name") || "")
      .forEach((t) => rowsOf[t.id] && lay(t.rows, rowsOf[t.id], (row, from, rid) => {
        all(row, TEXT, "section").forEach((x) => x.setAttributeNS(TEXT, "text:name", x.getAttributeNS(TEXT, "name").replace(`_${from}_`, `_${rid}_`)));
        return row;
      }, () => {}, (row) => all(all(row, TABLE, "table-cell")[0], TEXT, "p")[0]));
  }
  function fillOdt(doc, answers) {
    const counter = { dropped: 0 };
    odfRows(doc, answers.rows || {});
    all(doc, TEXT, "section").forEach((section) => {
      const text = answers.texts[section.getAttributeNS(TEXT, "name")];
      if (typeof text !== "string" || text === "") return;
      const first = all(section, TEXT, "p")[0];
      let last = first;
      lines(text, counter).forEach((line, i) => {
        const p = i ? first.cloneNode(false) : first;
        odfParagraph(doc, p, line);
        if (i) last = after(last, p);
      });
    });
    all(doc, FORM, "checkbox").forEach((box) => {
      if (answers.boxes[box.getAttributeNS(FORM, "name")]) box.setAttributeNS(FORM, "form:current-state", "checked");
    });
    return counter;
  }

  /* `answers`: {texts: {place: text}, boxes: {place: true}, rows: {table: [row ids in order]}}.
     `how.by`: "tag" where a DOCX names its places by its controls' tags (the dossier's).
     Returns {dropped}: how many characters XML could not carry. */
  function fill(kind, doc, answers, how) {
    return kind === "docx" ? fillDocx(doc, answers, Boolean(how && how.by === "tag")) : fillOdt(doc, answers);
  }
  return { fill: fill, UNSAFE: UNSAFE };
});
