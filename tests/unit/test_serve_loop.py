"""`make serve`'s loop (scripts/serve.py): what one save rebuilds, the full build behind a
quick one, and the notice its pages carry meanwhile. The workers and the full builds are
stood in for here; tests/plugin/test_dirty_reads.py and `make bench` run them for real."""
from __future__ import annotations

import threading
from pathlib import Path

import scripts.serve as serve


class FakeWorkers:
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def build(self, langs, site, dirty):
        self.calls.append(("build", tuple(langs), dirty))

    def restart(self):
        self.calls.append(("restart",))

    def close(self):
        pass


class FakeCatchUp:
    started: list["FakeCatchUp"] = []

    def __init__(self, lang, site, record):
        self.lang, self.finished, self.stopped, self.ended = lang, False, False, False
        self.proc = self
        FakeCatchUp.started.append(self)

    def wait(self):  # the thread that watches it returns at once
        return 0

    def done(self):
        return self.ended

    def finish(self):
        self.finished = True
        return True

    def stop(self):
        self.stopped = True


def loop(tmp_path: Path, monkeypatch) -> tuple[serve.Loop, dict[str, Path]]:
    monkeypatch.setattr(serve, "CatchUp", FakeCatchUp)
    monkeypatch.setattr(serve, "Workers", lambda langs: FakeWorkers())
    monkeypatch.setattr(serve, "write_root", lambda site: None)
    monkeypatch.setenv("SC_READS_FILE", str(tmp_path / "reads-{lang}.json"))
    FakeCatchUp.started = []
    paths = {}
    for name in ("code", "data", "fr", "en"):
        paths[name] = tmp_path / name
        paths[name].mkdir()
        (paths[name] / "a.txt").write_text("1")
    return serve.Loop(tmp_path / "site", ["fr", "en"], {k: [v] for k, v in paths.items()}), paths


def touch(folder: Path, text: str) -> None:
    (folder / f"{text}.txt").write_text(text)


def test_a_page_edit_rebuilds_its_language_and_a_data_edit_both(tmp_path, monkeypatch):
    lp, paths = loop(tmp_path, monkeypatch)
    touch(paths["en"], "page")
    lp.rebuild()
    assert lp.workers.calls == [("build", ("en",), True)]
    assert [c.lang for c in FakeCatchUp.started] == ["en"] and set(lp.catch_ups) == {"en"}
    touch(paths["data"], "case")
    lp.rebuild()
    assert lp.workers.calls[-1] == ("build", ("fr", "en"), True)
    assert FakeCatchUp.started[0].stopped, "a newer edit stops the full build that was running"
    assert set(lp.catch_ups) == {"fr", "en"}


def test_a_code_edit_restarts_the_workers_and_builds_everything(tmp_path, monkeypatch):
    lp, paths = loop(tmp_path, monkeypatch)
    touch(paths["code"], "module")
    lp.rebuild()
    assert lp.workers.calls == [("restart",), ("build", ("fr", "en"), False)]
    assert not lp.catch_ups, "a full build leaves nothing behind"


def test_a_finished_full_build_is_swapped_in_and_its_notice_goes(tmp_path, monkeypatch):
    lp, paths = loop(tmp_path, monkeypatch)
    asked = []
    lp.server = type("S", (), {"catching_up": set(), "request_rebuild": lambda self: asked.append(1)})()
    touch(paths["fr"], "page")
    lp.rebuild()
    assert lp.server.catching_up == {"fr"}
    for _ in range(100):  # the watching thread asks for the rebuild that swaps the build in
        if asked:
            break
        threading.Event().wait(0.01)
    assert asked
    lp.rebuild()  # asked for by the thread watching it, before it ended: nothing to do
    assert lp.catch_ups and not FakeCatchUp.started[0].finished
    FakeCatchUp.started[0].ended = True
    lp.rebuild()
    assert FakeCatchUp.started[0].finished and not lp.catch_ups and lp.server.catching_up == set()
    assert lp.workers.calls == [("build", ("fr",), True)], "swapping a full build in rebuilds nothing"


def test_pages_of_a_language_catching_up_say_so_escaped_and_others_do_not(tmp_path):
    server = serve.Server(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path),
                          notices={"fr": "Mise à jour <en cours> & bientôt", "en": "Updating"})
    page = b'<!doctype html><html lang="fr"><head></head><body dir="ltr"><p>x</p></body></html>'
    assert b"sc-serve-notice" not in server._inject_js_into_html(page, 1)
    server.catching_up = {"fr"}
    shown = server._inject_js_into_html(page, 1)
    assert b'<body dir="ltr"><p class="sc-serve-notice" role="status"' in shown
    assert "Mise à jour &lt;en cours&gt; &amp; bientôt".encode() in shown
    assert b"sc-serve-notice" not in server._inject_js_into_html(page.replace(b'lang="fr"', b'lang="en"'), 1)
    assert b"livereload(" in shown, "MkDocs' own reload script is still added"
