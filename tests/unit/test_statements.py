"""The accessibility and privacy statements: published in both languages, with facts
taken from the project (tool versions, contact, storage prefix), not typed by hand."""
from __future__ import annotations

import html
import json
import re

import pytest

from smartcity.edition.model import load_edition
from smartcity.pages.edition_pages import render_offline
from smartcity.pages.qa import render_contact, render_storage, render_tools, tool_versions
from tests.conftest import ROOT, break_yaml, expect_data_error

JS = ROOT / "overrides" / "assets" / "javascripts"

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
    assert f"<code>{edition.storage_namespace}</code>" in render_storage(data, lang, edition)
    contact = render_contact(data, lang, edition)
    assert edition.organisation.name(lang).replace("’", "&rsquo;")[:10] in contact or edition.organisation.name(lang)[:10] in contact
    if edition.organisation.email:
        assert f'href="mailto:{edition.organisation.email}"' in contact


def _text(fragment: str) -> str:
    """The words of an HTML fragment, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


# The facts the listing must state in each language, whatever the wording around them.
FILE_WARNING = {
    "en": ("Chromium-based", "file://", "any HTML file", "Firefox", "its own storage", "Safari", "not been tested", "online site", "export"),
    "fr": ("basés sur Chromium", "file://", "fichier HTML", "Firefox", "son propre stockage", "Safari", "pas été testé", "site en ligne", "exportez"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_storage_listing_names_indexeddb_its_database_and_the_file_warning(data, lang):
    edition = load_edition()
    ns = edition.storage_namespace
    listing = render_storage(data, lang, edition)
    words = _text(listing)
    assert "IndexedDB" in words and f"<code>{ns}</code>" in listing, "the database is named after the namespace"
    for store in ("fields", "meta"):
        assert f"<code>{store}</code>" in listing
    for key in ("worksheets/", "checklist/", "ws/", "lost/", "migrated"):
        assert f"<code>{key}" in listing, key
    # The fallback, the old keys left in place, the tabs' channel.
    for key in (f"{ns}:f:worksheets:", f"{ns}:m:ws/", f"{ns}:m:lost/", f"{ns}:worksheets:", f"{ns}:checklist:", f"sc-store:{ns}"):
        assert f"<code>{key}" in listing, key
    assert "BroadcastChannel" in words
    for fact in FILE_WARNING[lang]:
        assert fact in words, f"{lang}: the file:// warning lost {fact!r}"
    # Placeholders read as words of the page's language, never as template syntax.
    assert "{" not in words and ("<step>" if lang == "en" else "<étape>") in words


def test_storage_listing_follows_the_namespace(data):
    edition = load_edition()
    other = edition.model_copy(update={"id": "val-fleuri"})
    listing = render_storage(data, "fr", other)
    assert "<code>sc:val-fleuri</code>" in listing and "sc:val-fleuri:f:worksheets:" in listing
    assert edition.storage_namespace not in listing


@pytest.mark.parametrize("lang", LANGS)
def test_the_offline_download_says_which_browsers_it_suits(data, lang):
    edition = load_edition()
    words = _text(render_offline(data, edition, lang, "about/publish.html"))
    for fact in FILE_WARNING[lang]:
        assert fact in words, f"{lang}: the zip's browser note lost {fact!r}"
    # The same words as in the privacy statement's listing: one fact, one source.
    note = data.storage.offline.text(lang).replace("`", "")
    assert note in words and note in _text(render_storage(data, lang, edition))


def test_the_listing_covers_every_store_and_record_the_scripts_write(data):
    """A store or a meta key added to the scripts without a row here fails."""
    backends = (JS / "sc-store-backends.js").read_text(encoding="utf-8")
    stores = re.search(r"STORES = \[([^\]]*)\]", backends)[1]
    listed = {row.store for place in data.storage.places for row in place.rows if row.store}
    assert set(re.findall(r'"(\w+)"', stores)) == listed
    scripts = "".join((JS / name).read_text(encoding="utf-8") for name in ("sc-store.js", "sc-worksheet.js"))
    meta = set(re.findall(r"setMeta\(`?\"?(\w+)[/`\"]", scripts)) | set(re.findall(r"`(\w+)/\$\{s\}", scripts))
    names = {name.split("/")[0] for place in data.storage.places for row in place.rows if row.store == "meta" for name in row.names}
    assert meta and meta <= names, f"meta records without a row: {sorted(meta - names)}"


def test_a_storage_name_with_an_unknown_part_is_refused(data_copy):
    def change(doc):
        doc["places"][0]["rows"][0]["names"] = ["worksheets/{stepp}/{field}"]
    break_yaml(data_copy, "storage.yml", change)
    expect_data_error(data_copy, "data/storage.yml", "row 'worksheets'", "unknown part '{stepp}'")


def test_a_row_without_its_object_store_is_refused(data_copy):
    break_yaml(data_copy, "storage.yml", lambda doc: doc["places"][0]["rows"][0].pop("store"))
    expect_data_error(data_copy, "data/storage.yml", "row 'worksheets' needs a 'store'")


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
    ns = load_edition().storage_namespace
    assert f"<code>{ns}</code>" in privacy and "IndexedDB" in privacy and "file://" in privacy
    publish = text("publish.html")
    assert 'id="sc-offline-browsers"' in publish and "Chromium" in publish
