// Unit tests of the office import's rules (overrides/assets/javascripts/sc-office-core.js):
// answer places found in a DOCX as Word and as LibreOffice write them, and in an ODT; the
// places mapped to the page's fields; the file's identity checked; the result a valid answers
// file. The XML is parsed with xmldom, as the browser's DOMParser would.
const test = require("node:test");
const assert = require("node:assert/strict");
const { DOMParser } = require("@xmldom/xmldom");
const { classic } = require("./classic.js");

const core = classic("sc-office-core.js").scOfficeCore;
const store = classic("sc-import-core.js", classic("sc-store-core.js")).scImportCore;
const xml = (text) => new DOMParser().parseFromString(text, "application/xml");

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';
const box = (val) => `<w:sdtPr><w:tag w:val="x"/><w14:checkbox><w14:checked w14:val="${val}"/></w14:checkbox></w:sdtPr>`;
// Word: bookmark before each control. LibreOffice: bookmark moved into the control, tag gone,
// a second paragraph typed in the cell, and a bookmark named twice.
const DOCX = xml(`<w:document ${W}><w:body>
<w:tbl><w:tr><w:tc><w:p><w:bookmarkStart w:id="1" w:name="vision"/><w:sdt><w:sdtPr><w:tag w:val="vision"/></w:sdtPr>
<w:sdtContent><w:r><w:t>Une ville &amp; ses &lt;b&gt;habitants</w:t><w:tab/><w:t>🙂</w:t></w:r></w:sdtContent></w:sdt><w:bookmarkEnd w:id="1"/></w:p>
<w:p><w:r><w:t>deuxième</w:t><w:br/><w:t>ligne</w:t><w:delText>effacé</w:delText></w:r></w:p><w:p/></w:tc>
<w:tc><w:p><w:sdt><w:sdtPr/><w:sdtContent><w:bookmarkStart w:id="2" w:name="table_row__one_outcome"/><w:r><w:t>Échec</w:t></w:r></w:sdtContent></w:sdt></w:p>
<w:p><w:bookmarkStart w:id="3" w:name="table_row__one_outcome"/></w:p></w:tc></w:tr></w:tbl>
<w:p><w:sdt>${box("1")}<w:sdtContent><w:bookmarkStart w:id="4" w:name="horizon_y10"/><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t> 10 ans</w:t></w:r></w:p>
<w:p><w:bookmarkStart w:id="5" w:name="scale_1"/><w:sdt>${box("0")}<w:sdtContent/></w:sdt><w:bookmarkEnd w:id="5"/>
<w:bookmarkStart w:id="6" w:name="scale_2"/><w:sdt>${box("1")}<w:sdtContent/></w:sdt><w:bookmarkEnd w:id="6"/></w:p>
</w:body></w:document>`);
const CUSTOM = xml(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">
<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="sc-worksheet"><vt:lpwstr>p1-s2</vt:lpwstr></property>
<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="sc-edition"><vt:lpwstr>smart-city-guide</vt:lpwstr></property></Properties>`);
const ODF = 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:form="urn:oasis:names:tc:opendocument:xmlns:form:1.0" xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"';
const ODT = xml(`<office:document-content ${ODF}><office:body><office:text>
<office:forms><form:form><form:checkbox form:name="horizon_y10" form:current-state="checked"/><form:checkbox form:name="scale_1" form:current-state="unchecked"/></form:form></office:forms>
<text:section text:name="vision"><text:p>Une<text:s text:c="3"/>ville<text:tab/>x</text:p><text:p>suite<text:line-break/>fin</text:p></text:section>
</office:text></office:body></office:document-content>`);
const META = xml(`<office:document-meta ${ODF}><office:meta><meta:user-defined meta:name="sc-worksheet" meta:value-type="string">p1-s2</meta:user-defined></office:meta></office:document-meta>`);

test("a DOCX's places, as Word and as LibreOffice write them", () => {
  const got = core.read("docx", DOCX, CUSTOM);
  assert.deepEqual(got.identity, { "sc-worksheet": "p1-s2", "sc-edition": "smart-city-guide" });
  assert.deepEqual(got.places, {
    vision: { lines: ["Une ville & ses <b>habitants\t🙂", "deuxième\nligne", ""] },
    "table_row-one_outcome": { lines: ["Échec", ""] },
    horizon_y10: { box: true }, scale_1: { box: false }, scale_2: { box: true }
  });
});

test("an ODT's places: sections and form checkboxes, spaces and breaks as typed", () => {
  const got = core.read("odt", ODT, META);
  assert.deepEqual(got.identity, { "sc-worksheet": "p1-s2" });
  assert.deepEqual(got.places, { vision: { lines: ["Une   ville\tx", "suite\nfin"] }, horizon_y10: { box: true }, scale_1: { box: false } });
});

const SPEC = {
  texts: { vision: null, "table_row-one_outcome": [{ value: "failure", label: "échec" }, { value: "success", label: "réussite" }], empty: null },
  boxes: { horizon_y10: { field: "horizon_y10", value: null }, scale_1: { field: "scale", value: "1" }, scale_2: { field: "scale", value: "2" },
    pick_a: { field: "pick", value: "a" }, pick_b: { field: "pick", value: "b" } }
};

test("places become the page's fields: a choice typed as its label, one tick of a group", () => {
  const places = core.read("docx", DOCX, CUSTOM).places;
  assert.deepEqual(core.answers(places, SPEC), {
    values: { vision: "Une ville & ses <b>habitants\t🙂\ndeuxième\nligne", horizon_y10: true, "table_row-one_outcome": "failure", scale: "2" },
    skipped: []
  });
});

test("what the page cannot hold is skipped, not guessed; blanks and unknown places are left out", () => {
  const places = { "table_row-one_outcome": { lines: ["maybe"] }, pick_a: { box: true }, pick_b: { box: true },
    empty: { lines: ["", "  "] }, elsewhere: { lines: ["x"] }, horizon_y10: { box: false } };
  assert.deepEqual(core.answers(places, SPEC), { values: {}, skipped: ["table_row-one_outcome", "pick"] });
});

test("a file of another worksheet, or of none, is refused; the result is an answers file", () => {
  assert.equal(core.problem({}, "p1-s2"), "office_foreign");
  assert.equal(core.problem({ "sc-worksheet": "p1-s2" }, "p1-s2"), "office_foreign");
  const ident = { "sc-worksheet": "p0-s1", "sc-edition": "smart-city-guide" };
  assert.equal(core.problem(ident, "p1-s2"), "office_other");
  assert.equal(core.problem(ident, "p0-s1"), null);
  const data = core.exportData(ident, { vision: "x" }, Date.UTC(2026, 11, 7));
  assert.equal(data.exported, "2026-12-07T00:00:00.000Z");
  assert.deepEqual(store.parse(JSON.stringify(data), ["smart-city-guide"]), { data: data });
  assert.equal(store.parse(JSON.stringify(data), ["another-town"]).error, "edition");
});

// A table with numbered rows as Word saves it once a person copied row 2 (the copy keeps no
// bookmark: Word keeps each name once) and typed in it, then added an empty row.
const tr = (cells) => `<w:tr>${cells.map((c) => `<w:tc>${c}</w:tc>`).join("")}</w:tr>`;
const place = (name, text) => `<w:p><w:bookmarkStart w:id="9" w:name="${name}"/><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>${text}</w:t></w:r></w:sdtContent></w:sdt></w:p>`;
const plainCell = (text) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const TABLE = xml(`<w:document ${W}><w:body><w:tbl>
${tr([plainCell("#"), plainCell("Town"), plainCell("Outcome")])}
${tr([plainCell("1"), place("bench_1_city", "Ghent"), place("bench_1_outcome", "")])}
${tr([plainCell("2"), place("bench_2_city", ""), place("bench_2_outcome", "")])}
${tr([plainCell("2"), plainCell("Malmö"), plainCell("Échec")])}
${tr([plainCell("3"), plainCell(""), plainCell("")])}
</w:tbl></w:body></w:document>`);
const ROWSPEC = { texts: { bench_1_city: null, bench_1_outcome: [{ value: "failure", label: "échec" }], bench_2_city: null, bench_2_outcome: [{ value: "failure", label: "échec" }] },
  boxes: {}, tables: { bench: ["1", "2"] } };

test("a row copied in Word is an added row: a new id above every row, never a clash", () => {
  const got = core.read("docx", TABLE, null);
  assert.deepEqual(got.added, { bench: [{ city: ["Malmö"], outcome: ["Échec"] }, { city: [""], outcome: [""] }] });
  assert.deepEqual(core.answers(got.places, ROWSPEC, got.added), {
    values: { bench_1_city: "Ghent", bench_3_city: "Malmö", bench_3_outcome: "failure", "bench.rows": "1 2 3" }, skipped: [] });
});

test("the page's rows decide the new ids; a row removed in the page comes back with its answer", () => {
  const got = core.read("docx", TABLE, null);
  const spec = Object.assign({}, ROWSPEC, { tables: { bench: ["2", "7"] } });
  assert.deepEqual(core.answers(got.places, spec, got.added).values,
    { bench_1_city: "Ghent", bench_8_city: "Malmö", bench_8_outcome: "failure", "bench.rows": "2 7 1 8" });
});

test("a row the page does not show is read like its table's first row, and shown", () => {
  const places = { bench_9_city: { lines: ["Lund"] }, bench_9_outcome: { lines: ["échec"] } };
  assert.deepEqual(core.answers(places, ROWSPEC, {}).values, { bench_9_city: "Lund", bench_9_outcome: "failure", "bench.rows": "1 2 9" });
});
