/* scOffice: a worksheet's DOCX or ODT read back for import (sc-office-core.js has the rules),
   and the page's answers written into the blank one (sc-office-fill.js), with fflate (vendored)
   for the zip and the browser's DOMParser and XMLSerializer for the XML. Loaded on demand by
   sc-worksheet.js. From file:// too: the blank documents come as script data (the build's
   <file>.js beside each download), which a page may load where it may fetch nothing. */
(function () {
  "use strict";
  const core = window.scOfficeCore, writer = window.scOfficeFill, zip = window.fflate;
  if (!core || !writer || !zip) return;
  const KIND = /\.(docx|odt|pdf)$/i, me = document.currentScript;
  // pdf.js (vendored beside fflate) reads a filled PDF's fields; an ES module, so it loads
  // only over http(s): a page opened from file:// may import no module.
  const PDFJS = me && me.src ? new URL("../vendor/pdfjs/", me.src).href : "";

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
    return { texts: texts, boxes: boxes, tables: rows(form) };
  }
  /* Each table with numbered rows: its row ids, in the page's order. */
  function rows(form) {
    const out = {};
    Array.prototype.forEach.call(form.querySelectorAll("table[data-sc-table]"), (t) => {
      const ids = Array.prototype.map.call(t.querySelectorAll("tr[data-sc-row]"), (r) => r.getAttribute("data-sc-row"));
      if (ids.length) out[t.getAttribute("data-sc-table")] = ids;
    });
    return out;
  }
  function parse(bytes) {
    if (!bytes) return null;
    const doc = new DOMParser().parseFromString(new TextDecoder().decode(bytes), "application/xml");
    return doc.getElementsByTagName("parsererror").length ? null : doc;
  }
  /* A filled PDF's identity (its Info entries) and places (its fields, named after them). */
  function pdfFile(buffer) {
    if (location.protocol === "file:" || !PDFJS) return Promise.resolve({ error: "import_pdf_offline" });
    return import(`${PDFJS}pdf.min.mjs`).then((lib) => {
      lib.GlobalWorkerOptions.workerSrc = `${PDFJS}pdf.worker.min.mjs`;
      return lib.getDocument({ data: new Uint8Array(buffer), isEvalSupported: false, disableFontFace: true }).promise;
    }).then((doc) => Promise.all([doc.getMetadata(), doc.getFieldObjects()]).then(([meta, fields]) => {
      const places = {};
      Object.keys(fields || {}).forEach((name) => fields[name].forEach((f) => {
        if (f.type === "text" || f.type === "combobox" || f.type === "listbox") places[name] = { lines: String(f.value || "").split(/\r\n|\r|\n/) };
        else if (f.type === "checkbox") places[name] = { box: Boolean(f.value) && f.value !== "Off" };
        else if (f.type === "radiobutton" && f.value && f.value !== "Off") places[`${name}_${f.value}`] = { box: true };
      }));
      doc.destroy();
      return { identity: (meta.info && meta.info.Custom) || {}, places: places, added: {} };
    }), () => ({ error: "import_bad" }));
  }
  /* Resolves to {text} (an answers file for scImport), or {error, sheet} (a message key of
     ws.msg, and the worksheet the file is of), with `skipped` names. */
  function read(file, form, sheet) {
    const kind = (KIND.exec(file.name) || [])[1].toLowerCase();
    if (kind === "pdf") return file.arrayBuffer().then(pdfFile).then((found) => finish(found, file, form, sheet));
    return file.arrayBuffer().then((buffer) => {
      let parts;
      try {
        const wanted = core.PARTS[kind];
        parts = zip.unzipSync(new Uint8Array(buffer), { filter: (f) => wanted.indexOf(f.name) >= 0 });
      } catch (e) { return { error: "import_bad" }; }
      const [main, ident] = core.PARTS[kind].map((name) => parse(parts[name]));
      if (!main) return { error: "import_bad" };
      return finish(core.read(kind, main, ident), file, form, sheet);
    }, () => ({ error: "import_bad" }));
  }
  function finish(found, file, form, sheet) {
    if (found.error) return found;
    const why = core.problem(found.identity, sheet);
    if (why) return { error: "import_" + why, sheet: found.identity["sc-worksheet"] || "" };
    const got = core.answers(found.places, spec(form), found.added);
    return { text: JSON.stringify(core.exportData(found.identity, got.values, file.lastModified || Date.now())), skipped: got.skipped };
  }

  /* The blank document `href` links to, as bytes (its script loads through scLoad.template,
     so a page can start it before this code has arrived). */
  function template(href) {
    return window.scLoad.template(href).then((b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
  }
  /* What the page's form holds, as scOfficeFill wants it. */
  function answers(form) {
    const texts = {}, boxes = {};
    Array.prototype.forEach.call(form.elements, (e) => {
      if (!e.name) return;
      if (e.type === "checkbox") { if (e.checked) boxes[e.name] = true; }
      else if (e.type === "radio") { if (e.checked) boxes[`${e.name}_${e.value}`] = true; }
      else if (e.tagName === "SELECT") { if (e.value) texts[e.name] = e.options[e.selectedIndex].text; }
      else if (e.value) texts[e.name] = e.value;
    });
    return { texts: texts, boxes: boxes, rows: rows(form) };
  }
  const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  /* The filled document from the blank one at `href`: resolves to {blob, dropped}. */
  function write(kind, href, form) { return make(kind, href, (doc) => writer.fill(kind, doc, answers(form))); }
  /* The document at `href` with its main part changed by `change(doc)`, which returns
     {dropped, ...}: resolves to {blob} and what `change` returned (the dossier's too). */
  function make(kind, href, change) {
    return template(href).then((bytes) => {
      const files = zip.unzipSync(bytes), part = core.PARTS[kind][0];
      const doc = parse(files[part]);
      const done = change(doc);
      files[part] = new TextEncoder().encode(DECLARATION + new XMLSerializer().serializeToString(doc).replace(/^<\?xml[^>]*\?>\s*/, ""));
      // An ODT's "mimetype" stays first and stored, as the format requires; order is kept.
      const out = {};
      Object.keys(files).forEach((name) => { out[name] = name === "mimetype" ? [files[name], { level: 0 }] : files[name]; });
      const type = kind === "docx" ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : "application/vnd.oasis.opendocument.text";
      return Object.assign({}, done, { blob: new Blob([zip.zipSync(out, { level: 6 })], { type: type }) });
    });
  }
  window.scOffice = { read: read, write: write, make: make };
})();
