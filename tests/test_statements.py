"""The accessibility and privacy statements: published in both languages, with facts
taken from the project (tool versions, contact, storage prefix), not typed by hand."""
from __future__ import annotations

import json

import pytest

from macros.edition import load_edition
from macros.qa import render_contact, render_storage, render_tools, tool_versions
from tests.conftest import ROOT

LANGS = ("en", "fr")


def test_tool_versions_come_from_package_json():
    pins = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    versions = tool_versions()
    assert versions["axe"] == pins["axe-core"] and versions["vnu"] == pins["vnu-jar"]
    assert versions["material"][0].isdigit()


@pytest.mark.parametrize("lang", LANGS)
def test_renderers_show_the_facts(data, lang):
    edition = load_edition()
    tools = render_tools(data, lang, {"axe": "9.9.9", "vnu": "8.8.8", "material": "7.7.7"})
    assert "9.9.9" in tools and "8.8.8" in tools and "7.7.7" in tools
    assert f"<code>{edition.storage_namespace}:worksheets:" in render_storage(data, lang, edition)
    contact = render_contact(data, lang, edition)
    assert edition.organisation.name(lang).replace("’", "&rsquo;")[:10] in contact or edition.organisation.name(lang)[:10] in contact
    if edition.organisation.email:
        assert f'href="mailto:{edition.organisation.email}"' in contact


def test_a_missing_contact_is_pointed_out(data):
    edition = load_edition()
    bare = edition.model_copy(update={"organisation": edition.organisation.model_copy(update={"email": None, "url": None})})
    assert "edition.yml" in render_contact(data, "en", bare)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", ["about/accessibility.md", "about/privacy.md"])
def test_statements_exist_in_both_languages(lang, page):
    text = (ROOT / "docs" / lang / page).read_text(encoding="utf-8")
    assert "{{ qa_contact() }}" in text
    assert ("{{ qa_tools() }}" if "accessibility" in page else "{{ qa_storage() }}") in text


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_statements_are_built_with_current_versions(site, lang):
    def text(path):  # French typography puts no-break spaces inside numbers
        raw = (site / lang / "about" / path).read_text(encoding="utf-8")
        return raw.replace("&nbsp;", " ").replace("\u00a0", " ").replace("\u202f", " ").replace("&#8239;", " ")

    built = text("accessibility.html")
    versions = tool_versions()
    assert f"axe-core {versions['axe']}" in built and versions["vnu"] in built
    assert "WCAG 2.1" in built and "EN 301 549" in built
    privacy = text("privacy.html")
    assert load_edition().storage_namespace in privacy
