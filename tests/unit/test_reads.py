"""The read recording behind `make serve`'s quick rebuilds (smartcity/model/reads.py)."""
from __future__ import annotations

from smartcity.edition.data import site_data
from smartcity.mkdocs.options import Options
from smartcity.model import reads
from smartcity.outputs.worksheets.load import READS_NAME, load_cached as load_sheets


def test_nothing_is_recorded_outside_a_recording_and_each_read_is_named_inside():
    data = site_data()
    data.phases, data.get("case", "barcelona").city  # noqa: B018 - reads, outside any recording
    assert not reads.OPEN
    with reads.recording() as found:
        data.phases  # noqa: B018
        data.t("date.format", "fr")
        case = data.get("case", "barcelona")
        case.city, case.story  # noqa: B018
    assert found == {"phases", "ui", "cases:list", "cases/barcelona.city", "cases/barcelona.story"}


def test_recordings_nest_and_a_paused_block_is_nobodys():
    data = site_data()
    with reads.recording() as outer:
        with reads.recording() as inner:
            data.nav  # noqa: B018
        with reads.paused():
            data.legal  # noqa: B018
        data.glossary  # noqa: B018
    assert inner == {"nav"} and outer == {"nav", "glossary"}
    equal_a, equal_b = reads.start(set()), reads.start(set())
    reads.stop(equal_b)  # by identity: the last of two equal (empty) sets goes
    assert reads.OPEN == [equal_a] and reads.OPEN[0] is equal_a
    reads.stop(equal_a)


def test_a_memo_hit_notes_what_computing_its_value_read():
    data = site_data()
    load_sheets(data)  # computed, maybe by an earlier test
    with reads.recording() as found:
        load_sheets(data)  # a hit
    assert READS_NAME in found and "phases" in found


def test_digests_change_with_one_field_of_one_case_and_fresh_pages_follow():
    data = site_data()
    values = data.source_values()
    before = reads.digests(values)
    barcelona = data.get("case", "barcelona")
    edited = barcelona.model_copy(update={"story": barcelona.city})
    after = reads.digests({**values, "cases": [edited if c is barcelona else c for c in values["cases"]]})
    assert reads.changed(before, after) == {"cases/barcelona.story"}
    record = {"pages": {"a.md": ["cases/barcelona.story"], "b.md": ["cases/barcelona.city", "phases"]}}
    assert reads.fresh_pages(record, {"cases/barcelona.story"}) == {"b.md"}
    reordered = reads.digests({**values, "cases": list(reversed(values["cases"]))})
    assert "cases:list" in reads.changed(before, reordered)


def test_a_record_written_is_read_back_and_a_broken_one_reads_as_none(tmp_path):
    path = tmp_path / "reads-fr.json"
    reads.write_record(path, {"pages": {"a.md": ["nav"]}})
    assert reads.read_record(path) == {"pages": {"a.md": ["nav"]}}
    path.write_text("{", encoding="utf-8")
    assert reads.read_record(path) == {} and reads.read_record(tmp_path / "none.json") == {}


def test_plugin_options_come_from_mkdocs_yml_then_the_environment():
    env = {"SC_READS_FILE": "/tmp/r-{lang}.json", "SC_DEFER_DOWNLOADS": "1", "SC_GUIDE_PDF_HTML": "/tmp/g.html"}
    assert Options.resolve({}, dirty=True, environ=env) == Options("/tmp/r-{lang}.json", True, "/tmp/g.html")
    assert Options.resolve({"reads_file": "/x"}, dirty=True, environ=env).reads_file == "/x"
    assert Options.resolve({}, dirty=False, environ=env).defer_downloads is False, "only a dirty build defers"
    assert Options.resolve({"defer_downloads": False}, dirty=True, environ=env).defer_downloads is False
    assert Options.resolve({}, environ={}) == Options()
