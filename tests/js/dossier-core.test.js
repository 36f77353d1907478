// Unit tests of the strategy dossier's rules (sc-dossier-core.js) on small templates shaped as
// the build writes them (dossier_word.py, dossier_odt.py): a worksheet not started goes with
// its line in the contents, an entry with its line, an ODT's boxes with their form controls;
// saved values become the filler's answers (a list's words, a choice's box, a table's rows).
const test = require("node:test");
const assert = require("node:assert/strict");
const { DOMParser, XMLSerializer } = require("@xmldom/xmldom");
const { classic } = require("./classic.js");

const store = classic("sc-store-core.js").scStoreCore;
const office = classic("sc-office-core.js").scOfficeCore;
const fill = classic("sc-office-fill.js", { scOfficeCore: office }).scOfficeFill;
const rules = classic("sc-dossier-core.js", { scOfficeCore: office, scOfficeFill: fill, scStoreCore: store }).scDossierCore;
const xml = (text) => new DOMParser().parseFromString(text, "application/xml");
const out = (doc) => new XMLSerializer().serializeToString(doc);

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
let id = 10;
const mark = (name, text) => `<w:p><w:bookmarkStart w:id="${++id}" w:name="${name}"/><w:r><w:t>${text}</w:t></w:r><w:bookmarkEnd w:id="${id}"/></w:p>`;
const tagged = (tag) => `<w:p><w:sdt><w:sdtPr><w:tag w:val="${tag}"/><w:id w:val="${++id}"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:t></w:t></w:r></w:sdtContent></w:sdt></w:p>`;
const toc = (anchor) => `<w:p><w:hyperlink w:anchor="${anchor}"><w:r><w:t>${anchor}</w:t></w:r></w:hyperlink></w:p>`;
const docx = () => xml(`<w:document ${W}><w:body>
${tagged("dossier.municipality")}${toc("p0__s1")}${toc("p0__s2")}${toc("sc_not_started")}
${mark("p0__s1", "Sheet one")}${tagged("p0-s1.vision")}<w:p><w:r><w:t>after one</w:t></w:r></w:p>
${mark("p0__s2", "Sheet two")}${tagged("p0-s2.vision")}
${mark("sc_not_started", "Not started")}${mark("ns_p0__s1", "one")}${mark("ns_p0__s2", "two")}
${mark("sc_status", "Status")}${tagged("status.p0.done")}${tagged("status.p0.started")}${tagged("status.p0.todo")}
${mark("sc_open_none", "None open")}
${mark("sc_started", "In progress")}${mark("started_p0__s1__i1", "item 1")}${mark("started_p0__s2__i1", "item 2")}
${mark("sc_todo", "Not started")}${mark("todo_p0__s1__i1", "item 1")}${mark("todo_p0__s2__i1", "item 2")}
<w:sectPr/></w:body></w:document>`);
const cfg = {
  sheets: [{ id: "p0-s1", mark: "p0__s1", entry: "ns_p0__s1", choices: {} }, { id: "p0-s2", mark: "p0__s2", entry: "ns_p0__s2", choices: {} }],
  phases: [{ id: "p0", items: [
    { id: "p0-s1-i1", unit: "p0-s1", entries: { started: "started_p0__s1__i1", todo: "todo_p0__s1__i1" } },
    { id: "p0-s2-i1", unit: "p0-s2", entries: { started: "started_p0__s2__i1", todo: "todo_p0__s2__i1" } }] }],
  marks: { not_started: "sc_not_started", status: "sc_status", started: "sc_started", todo: "sc_todo", open_none: "sc_open_none" },
  places: { cover: { municipality: "dossier.municipality", date: "dossier.date" },
    status: { p0: { done: "status.p0.done", started: "status.p0.started", todo: "status.p0.todo" } } }
};
const texts = (doc) => Array.prototype.map.call(doc.getElementsByTagNameNS(office.NS.W, "t"), (t) => t.textContent).filter(Boolean);

test("a worksheet not started goes, with its line in the contents; it is listed as not started", () => {
  const doc = docx();
  const done = rules.dossier("docx", doc, cfg, { sheets: { "p0-s2": { vision: "Une <vision>" } }, states: { "p0-s1-i1": "done" } },
    { municipality: "Namur", date: "1er mars 2026" });
  assert.deepEqual([done.started, done.empty, done.dropped], [1, 1, 0]);
  assert.deepEqual(texts(doc), ["Namur", "p0__s2", "sc_not_started", "Sheet two", "Une <vision>", "Not started", "one",
    "Status", "1", "0", "1", "Not started", "item 2"]);
  assert.ok(out(doc).includes("<w:sectPr/>"), "the page set-up stays");
});

test("every worksheet started and every point done: no list of the rest, 'none open' stays", () => {
  const doc = docx();
  rules.dossier("docx", doc, cfg, { sheets: { "p0-s1": { vision: "a" }, "p0-s2": { vision: "b" } },
    states: { "p0-s1-i1": "done", "p0-s2-i1": "done" } }, { municipality: "Namur" });
  assert.deepEqual(texts(doc), ["Namur", "p0__s1", "p0__s2", "Sheet one", "a", "after one", "Sheet two", "b",
    "Status", "2", "0", "0", "None open"]);
});

test("a table's row list alone is no answer; an unknown state counts as not started", () => {
  assert.equal(rules.begun({ "bench.rows": "1 2 3" }), false);
  assert.equal(rules.begun({ vision: "" }), false);
  assert.equal(rules.begun({ done: true }), true);
  const doc = docx();
  rules.dossier("docx", doc, cfg, { sheets: { "p0-s1": { "t.rows": "1 2" } }, states: { "p0-s1-i1": "maybe" } }, {});
  assert.deepEqual(texts(doc).slice(0, 3), ["sc_not_started", "Not started", "one"]);
  assert.ok(texts(doc).includes("item 1") && !texts(doc).includes("In progress"));
});

test("saved values as answers: a list's words, a choice's box, ticks, a table's rows", () => {
  const answers = { texts: {}, boxes: {}, rows: {} };
  rules.answersOf("p1-s1", { "bench_2_outcome": "failure", horizon: "y10", departments_4: true, "bench.rows": "1 3", note: "", rating: 4 },
    { bench_outcome: { failure: "Échec", success: "Réussite" } }, answers);
  assert.equal(answers.texts["p1-s1.bench_2_outcome"], "Échec");
  assert.equal(answers.boxes["p1-s1.horizon_y10"], true);
  assert.equal(answers.boxes["p1-s1.departments_4"], true);
  assert.equal(answers.boxes["p1-s1.rating_4"], true);
  assert.deepEqual(answers.rows, { "p1-s1.bench": ["1", "3"] });
  assert.ok(!("p1-s1.note" in answers.texts));
});

const ODF = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:form="urn:oasis:names:tc:opendocument:xmlns:form:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"';
const odt = () => xml(`<office:document-content ${ODF}><office:body><office:text>
<office:forms><form:form form:name="dossier"><form:checkbox xml:id="control1" form:name="p0-s1.ok_yes"/><form:checkbox xml:id="control2" form:name="p0-s2.ok_yes"/></form:form></office:forms>
<text:p><text:a xlink:href="#p0__s1">one</text:a></text:p><text:p><text:a xlink:href="#p0__s2">two</text:a></text:p>
<text:p><text:bookmark text:name="p0__s1"/>Sheet one</text:p><text:p><draw:control draw:control="control1"/></text:p>
<text:p><text:bookmark text:name="p0__s2"/>Sheet two</text:p><text:p><draw:control draw:control="control2"/></text:p>
<text:h><text:bookmark text:name="sc_not_started"/>Not started</text:h>
<text:list><text:list-item><text:p><text:bookmark text:name="ns_p0__s1"/>one</text:p></text:list-item><text:list-item><text:p><text:bookmark text:name="ns_p0__s2"/>two</text:p></text:list-item></text:list>
<text:h><text:bookmark text:name="sc_status"/>Status</text:h>
</office:text></office:body></office:document-content>`);

test("an ODT: a worksheet gone takes its form controls; its list item goes, not the list", () => {
  const doc = odt();
  rules.prune("odt", doc, ["p0__s1", "p0__s2", "sc_not_started", "sc_status"], ["p0__s2", "ns_p0__s1"]);
  const text = out(doc);
  assert.ok(text.includes("control1") && !text.includes("control2"), text);
  assert.ok(text.includes("Sheet one") && !text.includes("Sheet two") && !text.includes("#p0__s2") && text.includes("#p0__s1"));
  assert.equal(doc.getElementsByTagNameNS("urn:oasis:names:tc:opendocument:xmlns:text:1.0", "list-item").length, 1);
  assert.ok(text.includes("Status"));
});
