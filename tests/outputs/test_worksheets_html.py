"""The worksheet form and index as HTML: labelled controls, names = storage keys, strings from data."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from smartcity.edition.model import load_edition
from smartcity.outputs.worksheets.build import Download
from smartcity.outputs.worksheets.html import MESSAGES, render_form, render_index
from smartcity.outputs.worksheets.load import load_worksheets
from smartcity.outputs.worksheets.view import view

ROOT = Path(__file__).resolve().parents[2]
JS = sorted((ROOT / "overrides/assets/javascripts").glob("sc-*.js"))


class Form(HTMLParser):
    """Collects controls, labels, ids and the JSON messages of a rendered form."""

    def __init__(self) -> None:
        super().__init__()
        self.controls, self.label_for, self.ids, self.stack = [], set(), [], []
        self.json, self._in_json, self.hidden = "", False, set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if "hidden" in a and "class" in a:
            self.hidden.add(a["class"])
        if tag == "label":
            self.stack.append("label")
            if "for" in a:
                self.label_for.add(a["for"])
        if tag in ("input", "select", "textarea") and a.get("type") != "file":
            self.controls.append({**a, "tag": tag, "in_label": "label" in self.stack})
        self._in_json = tag == "script" and a.get("type") == "application/json"

    def handle_endtag(self, tag):
        if tag == "label" and self.stack:
            self.stack.pop()
        self._in_json = False

    def handle_data(self, data):
        if self._in_json:
            self.json += data


def fake(v, size=12345):
    return [Download(v.id, fmt, v.filename(fmt), Path("/x"), size) for fmt in ("pdf", "docx", "odt")]


@pytest.fixture(scope="module")
def sheets(data):
    return load_worksheets(data)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_control_is_labelled_and_named_by_ids(data, sheets, lang):
    edition = load_edition()
    for sheet in sheets.values():
        v = view(data, sheet, lang)
        parser = Form()
        parser.feed(render_form(data, lang, v, "phase-1/x.html", fake(v), edition))
        assert len(parser.ids) == len(set(parser.ids)), f"{v.id}: duplicate ids"
        names = set()
        for c in parser.controls:
            labelled = c["in_label"] or c.get("id") in parser.label_for or all(
                ref in parser.ids for ref in c.get("aria-labelledby", "").split()) and c.get("aria-labelledby")
            assert labelled, f"{v.id}: {c} has no label"
            names.add(c["name"])
        # Storage keys are the view's names, except that a choice or rating is one radio group.
        expected = {n for s in v.sections for f in s.fields for n in f.names()}
        assert names == expected
        messages = json.loads(parser.json)
        assert set(messages) == set(MESSAGES) and all(messages.values())
        assert messages["saved"] == data.t("ws.msg.saved", lang)
        assert "sc-ws__toolbar" in parser.hidden  # no buttons without JS


def test_names_are_the_same_in_both_languages(data, sheets):
    for sheet in sheets.values():
        assert view(data, sheet, "fr").names() == view(data, sheet, "en").names()


def test_part_page_shows_its_sections_only(data, sheets):
    v = view(data, sheets["p2-s2"], "en")
    html = render_form(data, "en", v, "phase-2/p2-s2b-technologies.html", fake(v), load_edition(), part="p2-s2b")
    assert 'name="levels_connectivity_existing"' in html and 'name="funding_1_project"' not in html
    assert 'href="p2-s2-four-reflections.html#sc-worksheet"' in html
    with pytest.raises(ValueError, match="no section has `part: p1-s1`"):
        render_form(data, "en", v, "x.html", fake(v), load_edition(), part="p1-s1")


def test_namespace_and_downloads(data, sheets):
    v = view(data, sheets["p1-s1"], "fr")
    html = render_form(data, "fr", v, "phase-1/p1-s1-diagnosis.html", fake(v, 46000), load_edition())
    assert 'data-sc-ns="sc:smart-city-guide"' in html and 'data-sc-ws="p1-s1"' in html
    assert 'href="../downloads/worksheets/p1-s1-diagnosis.fr.pdf"' in html
    assert "(45\u00a0Ko)" in html
    en = render_form(data, "en", view(data, sheets["p1-s1"], "en"), "phase-1/x.html", fake(v, 46000), load_edition())
    assert "(45 KB)" in en


def test_user_facing_text_is_escaped(data, sheets):
    v = view(data, sheets["p0-s1"], "en")
    html = render_form(data, "en", v, "x.html", fake(v), load_edition())
    assert "</script>" not in html.split('class="sc-ws__i18n">', 1)[1].split("</script>", 1)[0]


def test_index_lists_every_worksheet(data, sheets):
    views = [view(data, s, "en") for s in sheets.values()]
    html = render_index(data, "en", views, {v.id: fake(v, 2048) for v in views}, "resources/worksheets.html")
    assert html.count('<tr id="sc-ws-index-') == 15
    assert html.count("(2 KB)") == 45
    assert 'href="../phase-1/p1-s1-diagnosis.html#sc-worksheet"' in html


def test_scripts_hold_no_sentences_and_stay_small():
    """Every message comes from data/ui; the scripts only hold keys, selectors and formats."""
    for path in JS:
        source = path.read_text(encoding="utf-8")
        code = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
        literals = re.findall(r'"((?:[^"\\]|\\.)*)"', code)
        assert literals, path
        for literal in set(literals) - {"use strict"}:
            literal = re.sub(r"\b(?:sc|md)-[\w-]*", "", literal)  # class lists are not sentences
            assert not re.search(r"[A-Za-zÀ-ÿ]{2,} [A-Za-zÀ-ÿ]{2,}", literal), f"{path.name}: {literal!r}"
        assert "innerHTML" not in code and "insertAdjacentHTML" not in code and "document.write" not in code
        assert source.count("\n") < 300, f"{path.name} has {source.count(chr(10))} lines"
