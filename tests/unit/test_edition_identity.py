"""An edition's identity: the reference is known by where its file lives, a fork may not keep
its id under another name, earlier ids are declared, and example addresses are refused."""
from __future__ import annotations

import shutil

import pytest
import yaml

from smartcity.edition import model as edition_module
from smartcity.edition.model import REFERENCE, edition_path, load_edition
from smartcity.edition.identity import placeholder_host
from smartcity.pages.library import site_of
from smartcity.model.loader import DataError
from smartcity.edition.data import site_data
from tests.unit.test_edition import FIXTURE, write_edition
from smartcity.outputs.worksheets.load import load_worksheets
from smartcity.outputs.worksheets.view import header_for, view

REF = load_edition(REFERENCE)


def copy_reference(folder, **changes):
    """The reference edition.yml and its images copied to `folder`, as a fork starts."""
    for path in REFERENCE.parent.iterdir():
        shutil.copy(path, folder / path.name)
    raw = yaml.safe_load((folder / "edition.yml").read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            raw.pop(key, None)
        else:
            raw[key] = value
    (folder / "edition.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return folder / "edition.yml"


def refusal(path) -> str:
    with pytest.raises(DataError) as err:
        load_edition(path)
    return str(err.value)


def test_the_reference_is_the_file_in_edition_reference_and_may_keep_its_example_address():
    assert REF.is_reference and REF.site_url.host == "smart-city-guide.example.org"
    assert not load_edition(FIXTURE / "edition.yml").is_reference


def test_a_copy_of_the_reference_file_is_not_the_reference(tmp_path):
    message = refusal(copy_reference(tmp_path))
    assert "field 'site_url': 'https://smart-city-guide.example.org/' is an example address" in message


def test_a_fork_keeping_the_reference_id_under_its_own_name_is_refused_with_why(tmp_path):
    name = {"fr": "Guide de Val-Fleuri", "en": "Val-Fleuri guide"}
    message = refusal(copy_reference(tmp_path, name=name, site_url="https://guide.val-fleuri.be/"))
    assert "field 'id': 'smart-city-guide' is the reference edition's id" in message
    assert "keeps each edition's saved answers apart" in message and "previous_ids: [smart-city-guide]" in message
    # The way out the message gives works: an id of its own, the old one declared.
    fixed = copy_reference(tmp_path, name=name, site_url="https://guide.val-fleuri.be/", id="guide-val-fleuri",
                           previous_ids=["smart-city-guide"])
    edition = load_edition(fixed)
    assert edition.store_attributes == {"data-sc-ns": "sc:guide-val-fleuri", "data-sc-edition": "guide-val-fleuri",
                                        "data-sc-previous": "smart-city-guide",
                                        "data-sc-previous-ns": "sc:smart-city-guide"}


def test_a_fork_keeping_id_and_name_passes_the_id_check(tmp_path):
    edition = load_edition(copy_reference(tmp_path, site_url="https://guide.val-fleuri.be/"))
    assert edition.id == REF.id and not edition.is_reference


def test_previous_ids_are_ids_and_not_the_edition_own(tmp_path):
    assert "field 'previous_ids': lists the edition's own id 'val-fleuri'" in refusal(
        write_edition(tmp_path, previous_ids=["val-fleuri"]))
    assert "field 'previous_ids[0]': " in refusal(write_edition(tmp_path, previous_ids=["Val Fleuri"]))


@pytest.mark.parametrize("host", ["example.org", "www.example.com", "guide.example.net", "EXAMPLE.ORG",
                                  "guide.val-fleuri.example", "guide.test", "a.b.invalid", "localhost",
                                  "guide.localhost", "example.org."])
def test_example_addresses_are_refused_outside_the_reference(tmp_path, host):
    assert placeholder_host(host)
    message = refusal(write_edition(tmp_path, site_url=f"https://{host}/guide/"))
    assert "field 'site_url': " in message and "is an example address" in message


@pytest.mark.parametrize("host", ["guide.val-fleuri.be", "example.be", "notexample.org", "example.org.be",
                                  "testing.eu", "guide.invalid-names.be"])
def test_real_addresses_pass(tmp_path, host):
    assert not placeholder_host(host)
    assert load_edition(write_edition(tmp_path, site_url=f"https://{host}/")).site_url.host == host


def test_without_an_address_nothing_absolute_is_made_up(tmp_path):
    edition = load_edition(FIXTURE / "edition.yml")
    assert edition.site_url is None
    site = site_of(edition)
    assert site.root is None and site.url("fr", "cases/x.html") is None
    data = site_data()
    sheet = load_worksheets(data)["p1-s1"]
    assert view(data, sheet, "fr", header_for("fr", edition)).footer() == "Commune de Val-Fleuri"


def test_documents_name_a_real_address_never_an_example_one(tmp_path):
    """The worksheets' footer, printed on every page of the DOCX, ODT and PDF, gives the site
    only where the edition is really published (the reference keeps an example address)."""
    data = site_data()
    sheet = load_worksheets(data)["p1-s1"]
    assert placeholder_host(REF.site_url.host)
    assert view(data, sheet, "fr", header_for("fr", REF)).footer() == REF.organisation.name("fr")
    real = load_edition(write_edition(tmp_path, site_url="https://guide.val-fleuri.be/"))
    assert view(data, sheet, "fr", header_for("fr", real)).footer().endswith("https://guide.val-fleuri.be/")


def test_the_build_reads_sc_edition_then_a_fork_file_then_the_reference(tmp_path, monkeypatch):
    monkeypatch.delenv("SC_EDITION", raising=False)
    monkeypatch.setattr(edition_module, "FORK", tmp_path / "edition.yml")
    assert edition_path() == REFERENCE.resolve()
    (tmp_path / "edition.yml").write_text("id: x\n", encoding="utf-8")
    assert edition_path() == (tmp_path / "edition.yml").resolve()
    monkeypatch.setenv("SC_EDITION", str(FIXTURE / "edition.yml"))
    assert edition_path() == (FIXTURE / "edition.yml").resolve()


def test_options_added_later_have_defaults_so_forks_never_need_them():
    """The keys a fork's file must hold are these, for good: a new option comes with a default
    (a new required key would break every fork at its next merge)."""
    from smartcity.edition.model import Edition
    required = {name for name, info in Edition.model_fields.items() if info.is_required()}
    assert required == {"id", "languages", "default_language", "name", "short_name", "organisation",
                        "logo", "colours", "licence"}
