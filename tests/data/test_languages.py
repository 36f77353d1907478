"""Languages are declared once, in the data root's languages.yml: texts may hold those and no
other, each needs every one, and a wrong declaration names its file and field."""
from __future__ import annotations

import re

import pytest

from smartcity.model.loader import DataError, load, read_languages
from smartcity.model.schemas.base import Text
from tests.conftest import break_yaml, expect_data_error


def test_the_guide_declares_its_two_languages_with_their_settings(data):
    assert data.languages.codes == ("fr", "en")
    french, english = data.languages.languages
    assert (french.locale, english.locale) == ("fr-BE", "en-GB")
    assert french.typography.rules == "french" and english.typography.rules is None
    assert (french.numbers.decimal, english.numbers.decimal) == (",", ".")


def test_a_text_in_an_undeclared_language_stops_the_load(data_copy):
    break_yaml(data_copy, "phases.yml", lambda r: r["phases"][0]["steps"][0]["title"].update(de="Politischer Wille"))
    expect_data_error(data_copy, "data/phases.yml", "entry 'p0-s1'", "field 'title.de'",
                      "'de' is not a declared language (languages.yml declares fr, en)")


def test_a_declared_language_is_needed_by_every_text(data_copy):
    """Declaring a third language makes every text of the data root need it."""
    break_yaml(data_copy, "languages.yml", lambda r: r["languages"].append(
        {"code": "nl", "locale": "nl-BE", "search": "nl", "numbers": {"thousands": ".", "decimal": ","}}))
    with pytest.raises(DataError) as err:
        load(data_copy)
    message = str(err.value)
    # The first data file with texts (in load order) names its first text; which file that is
    # depends on the files there are, so the test asks for the message, not the file.
    assert re.search(r"data/[a-z0-9_/]+\.yml: field '[^']+\.nl': is required: add it "
                     r"\(the guide's data is written in fr, en and nl, so every text needs its nl version\)",
                     message), message
    assert len(re.findall(r"\.nl': is required", message)) > 1, "every text of the file is named, not only its first"


@pytest.mark.parametrize("change, parts", [
    (lambda r: r["languages"].append(dict(r["languages"][0])), ["field '(file)'", "language fr is declared twice"]),
    (lambda r: r["languages"][1].update(locale="english"), ["field 'languages[1].locale'"]),
    (lambda r: r["languages"][0].pop("numbers"), ["field 'languages[0].numbers'", "is required"]),
    (lambda r: r["languages"][0]["typography"].update(rules="german"), ["field 'languages[0].typography.rules'"]),
    (lambda r: r.update(open_data_order="de"), ["open_data_order 'de' is not a declared language"]),
])
def test_a_wrong_declaration_names_its_field(data_copy, change, parts):
    break_yaml(data_copy, "languages.yml", change)
    expect_data_error(data_copy, "data/languages.yml", *parts)


def test_a_data_root_without_a_declaration_is_refused(data_copy):
    (data_copy / "languages.yml").unlink()
    expect_data_error(data_copy, "data/languages.yml: file is missing")


def test_an_edition_may_offer_only_declared_languages(data):
    with pytest.raises(DataError, match="language de is not declared"):
        load(languages=("fr", "de"))


def test_a_text_built_in_code_takes_its_own_keys_as_its_languages():
    text = Text(de="Wille", nl="Wil")
    assert text("nl") == "Wil" and text.languages == ("de", "nl")
    with pytest.raises(ValueError, match="no 'fr' version"):
        text("fr")


def test_the_product_data_is_loaded_whole():
    """`only` is for a small site's own data root: a name the loader does not know is refused."""
    with pytest.raises(DataError, match="no data source named atlas"):
        load(only=("atlas",))
    assert read_languages().codes == ("fr", "en")
