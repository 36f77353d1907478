// Unit tests of filling a blank DOCX or ODT with the page's answers (sc-office-fill.js), read
// back with the import's rules (sc-office-core.js): text as text, lines and tabs, ticks, a
// table's rows as the page has them, characters XML cannot hold dropped and counted.
const test = require("node:test");
const assert = require("node:assert/strict");
const { DOMParser, XMLSerializer } = require("@xmldom/xmldom");
const { classic } = require("./classic.js");

const read = classic("sc-office-core.js").scOfficeCore;
const fill = classic("sc-office-fill.js", { scOfficeCore: read }).scOfficeFill;
const xml = (text) => new DOMParser().parseFromString(text, "application/xml");
const again = (doc) => xml(new XMLSerializer().serializeToString(doc));  // what the zip would hold

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';
let id = 100;
const control = (name, inner) => `<w:bookmarkStart w:id="${++id}" w:name="${name}"/><w:sdt><w:sdtPr><w:alias w:val="Bench: ${(/_(\d+)_/.exec(name) || [0, ""])[1]}, X"/><w:tag w:val="${name.replace(/__/g, "-")}"/><w:id w:val="${++id}"/>${inner}</w:sdtPr><w:sdtContent><w:r><w:t>${inner ? "☐" : ""}</w:t></w:r></w:sdtContent></w:sdt><w:bookmarkEnd w:id="${id - 1}"/>`;
const text = (name) => control(name, "");
const box = (name) => control(name, '<w14:checkbox><w14:checked w14:val="0"/></w14:checkbox>');
const row = (n) => `<w:tr><w:tc><w:p><w:r><w:t>${n}</w:t></w:r></w:p></w:tc><w:tc><w:p>${text(`be__nch_${n}_city`)}</w:p></w:tc></w:tr>`;
const blankDocx = () => xml(`<w:document ${W}><w:body>
<w:tbl><w:tr><w:tc><w:p>${text("vision")}</w:p></w:tc></w:tr></w:tbl>
<w:p>${box("horizon_y10")}</w:p><w:p>${box("horizon_y20")}</w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>#</w:t></w:r></w:p></w:tc></w:tr>${row(1)}${row(2)}${row(3)}</w:tbl>
</w:body></w:document>`);

test("a DOCX filled: text as text, lines as paragraphs, ticks, the page's rows", () => {
  const doc = blankDocx();
  const done = fill.fill("docx", doc, {
    texts: { vision: "Une ville & <b>ses</b> \"habitants\" 🙂\tfin\nsuite\u0007", "be-nch_3_city": "Gand", "be-nch_7_city": "Lund" },
    boxes: { horizon_y20: true }, rows: { "be-nch": ["3", "1", "7"] } });
  assert.equal(done.dropped, 1);
  const got = read.read("docx", again(doc), null);
  assert.deepEqual(got.places.vision.lines, ["Une ville & <b>ses</b> \"habitants\" 🙂\tfin", "suite"]);
  assert.deepEqual([got.places.horizon_y10.box, got.places.horizon_y20.box], [false, true]);
  assert.deepEqual(Object.keys(got.places).filter((n) => n.startsWith("be-nch")), ["be-nch_3_city", "be-nch_1_city", "be-nch_7_city"]);
  assert.deepEqual(got.places["be-nch_7_city"].lines, ["Lund"]);
  const out = new XMLSerializer().serializeToString(doc);
  assert.ok(!out.includes("<b>") && out.includes("&lt;b"), "markup written as text");
  const ids = [...out.matchAll(/<w:bookmarkStart w:id="(\d+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, "every bookmark id once");
  const nums = [...out.matchAll(/<w:tr><w:tc><w:p><w:r><w:t>([^<]*)</g)].map((m) => m[1]);
  assert.deepEqual(nums, ["#", "1", "2", "3"], "rows numbered as the page shows them");
  const aliases = [...out.matchAll(/w:alias w:val="Bench: (\d+), X"/g)].map((m) => m[1]);
  assert.deepEqual(aliases, ["1", "2", "3"], "each control's title names its row's number");
  assert.ok(out.includes('<w:tag w:val="be-nch_7_city"/>'));
});

const ODF = 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:form="urn:oasis:names:tc:opendocument:xmlns:form:1.0"';
const orow = (n) => `<table:table-row><table:table-cell><text:p>${n}</text:p></table:table-cell><table:table-cell><text:section text:name="bench_${n}_city"><text:p text:style-name="s"/></text:section></table:table-cell></table:table-row>`;

test("an ODT filled: paragraphs, spaces and tabs as LibreOffice writes them, ticks, rows", () => {
  const doc = xml(`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ${ODF}><office:body><office:text>
<office:forms><form:form><form:checkbox form:name="horizon_y10" form:current-state="unchecked"/></form:form></office:forms>
<text:section text:name="vision"><text:p text:style-name="s"/></text:section>
<table:table>${orow(1)}${orow(2)}</table:table></office:text></office:body></office:document-content>`);
  const done = fill.fill("odt", doc, { texts: { vision: "a   b\tc\nd", bench_2_city: "Gand", bench_3_city: "Lund" },
    boxes: { horizon_y10: true }, rows: { bench: ["2", "3"] } });
  assert.equal(done.dropped, 0);
  const got = read.read("odt", again(doc), null).places;
  assert.deepEqual(got.vision.lines, ["a   b\tc", "d"]);
  assert.equal(got.horizon_y10.box, true);
  assert.deepEqual([got.bench_2_city.lines, got.bench_3_city.lines, "bench_1_city" in got], [["Gand"], ["Lund"], false]);
});
