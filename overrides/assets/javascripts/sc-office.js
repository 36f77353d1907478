/* scOffice: reads a worksheet's DOCX or ODT chosen for import (sc-office-core.js has the
   rules), with fflate (vendored) for the zip and the browser's DOMParser for the XML. Loaded
   on demand by sc-worksheet.js; works from file:// (the file comes from the file picker). */
(function () {
  "use strict";
  const core = window.scOfficeCore, zip = window.fflate;
  if (!core || !zip) return;
  const KIND = /\.(docx|odt)$/i;

  /* What the page's form can hold, as scOfficeCore.answers wants it. */
  function spec(form) {
    const texts = {}, boxes = {};
    Array.prototype.forEach.call(form.elements, (e) => {
      if (!e.name) return;
      if (e.type === "checkbox") boxes[e.name] = { field: e.name, value: null };
      else if (e.type === "radio") boxes[`${e.name}_${e.value}`] = { field: e.name, value: e.value };
      else if (e.tagName === "SELECT") texts[e.name] = Array.prototype.filter.call(e.options, (o) => o.value).map((o) => ({ value: o.value, label: o.text }));
      else texts[e.name] = null;
    });
    const tables = {};
    Array.prototype.forEach.call(form.querySelectorAll("table[data-sc-table]"), (t) => {
      const ids = Array.prototype.map.call(t.querySelectorAll("tr[data-sc-row]"), (r) => r.getAttribute("data-sc-row"));
      if (ids.length) tables[t.getAttribute("data-sc-table")] = ids;
    });
    return { texts: texts, boxes: boxes, tables: tables };
  }
  function parse(bytes) {
    if (!bytes) return null;
    const doc = new DOMParser().parseFromString(new TextDecoder().decode(bytes), "application/xml");
    return doc.getElementsByTagName("parsererror").length ? null : doc;
  }
  /* Resolves to {text} (an answers file for scImport), or {error, sheet} (a message key of
     ws.msg, and the worksheet the file is of), with `skipped` names. */
  function read(file, form, sheet) {
    const kind = (KIND.exec(file.name) || [])[1].toLowerCase();
    return file.arrayBuffer().then((buffer) => {
      let parts;
      try {
        const wanted = core.PARTS[kind];
        parts = zip.unzipSync(new Uint8Array(buffer), { filter: (f) => wanted.indexOf(f.name) >= 0 });
      } catch (e) { return { error: "import_bad" }; }
      const [main, ident] = core.PARTS[kind].map((name) => parse(parts[name]));
      if (!main) return { error: "import_bad" };
      const found = core.read(kind, main, ident), why = core.problem(found.identity, sheet);
      if (why) return { error: "import_" + why, sheet: found.identity["sc-worksheet"] || "" };
      const got = core.answers(found.places, spec(form), found.added);
      return { text: JSON.stringify(core.exportData(found.identity, got.values, file.lastModified || Date.now())), skipped: got.skipped };
    }, () => ({ error: "import_bad" }));
  }
  window.scOffice = { read: read, handles: (file) => KIND.test(file.name) };
})();
