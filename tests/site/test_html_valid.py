"""Valid HTML: the Nu HTML Checker (npm vnu-jar) over every built page, in one Java run.

Errors that come from Material's own markup and cannot be fixed from overrides/
are listed, each with its reason, in tests/vnu-exceptions.yml; anything else fails.
An exception that no longer matches anything fails too, so the list stays honest.
"""
from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, need
from tests.qa_util import built_pages

pytestmark = pytest.mark.build


VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
EXCEPTIONS = Path(__file__).resolve().parents[2] / "tests" / "vnu-exceptions.yml"


def load_exceptions() -> list[dict]:
    entries = yaml.safe_load(EXCEPTIONS.read_text(encoding="utf-8")) or []
    for entry in entries:
        assert set(entry) <= {"message", "extract", "reason"}, f"{EXCEPTIONS.name}: unknown keys in {entry}"
        assert entry.get("message") and entry.get("reason"), f"{EXCEPTIONS.name}: message and reason are required: {entry}"
    return entries


def matches(entry: dict, message: dict) -> bool:
    if not re.search(entry["message"], message.get("message", "")):
        return False
    return "extract" not in entry or bool(re.search(entry["extract"], message.get("extract", ""), re.S))


# A page with a known error, validated in the same run: proves the gate can fail.
CANARY = '<!doctype html><html lang="en"><title>x</title><p><div id="a" id="a">x</div>'


@pytest.fixture(scope="session")
def vnu(site: Path, tmp_path_factory) -> dict:
    """One Java run per pytest session, shared by the xdist workers through a locked file."""
    base = tmp_path_factory.getbasetemp()
    # Under xdist each worker's basetemp sits in the session's own directory.
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    with open(shared / "vnu.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        cached = shared / "vnu-report.json"
        if cached.is_file():
            return json.loads(cached.read_text(encoding="utf-8"))
        result = validate(site)
        cached.write_text(json.dumps(result), encoding="utf-8")
        return result


def validate(site: Path) -> dict:
    """Run vnu once for the whole site and the canary (the JVM start dominates the time)."""
    java = shutil.which("java")
    need(java is not None, "java missing: `make test` installs default-jre-headless")
    need(VNU.is_file(), "vnu.jar missing: run `npm ci`")
    files = [str(site / p) for p in built_pages(site)]
    assert files, f"no HTML pages in {site}"
    with tempfile.TemporaryDirectory() as tmp:
        canary = Path(tmp) / "canary.html"
        canary.write_text(CANARY, encoding="utf-8")
        proc = subprocess.run(
            [java, "-Xss8m", "-jar", str(VNU), "--errors-only", "--format", "json", str(canary), *files],
            capture_output=True, text=True, timeout=600,
        )
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    messages = json.loads(proc.stderr or proc.stdout).get("messages", [])
    mine = [m for m in messages if m.get("url", "").endswith("/canary.html")]
    return {"files": len(files), "messages": [m for m in messages if m not in mine], "canary": mine}


def test_exceptions_file_is_well_formed():
    for entry in load_exceptions():
        re.compile(entry["message"])
        re.compile(entry.get("extract", ""))
        assert len(entry["reason"].split()) >= 8, f"give a real reason for {entry['message']!r}"


def test_every_page_is_valid_html(site, vnu):
    result = vnu
    exceptions = load_exceptions()
    errors = [m for m in result["messages"] if m.get("type") in ("error", "non-document-error")]
    unexpected = [m for m in errors if not any(matches(e, m) for e in exceptions)]
    lines = [
        f"{Path(m.get('url', '')).as_posix().split(str(site.as_posix()))[-1]}:{m.get('lastLine')}: "
        f"{m.get('message')}\n    {m.get('extract', '').strip()[:160]}"
        for m in unexpected[:40]
    ]
    assert not unexpected, f"{len(unexpected)} HTML errors in {result['files']} pages:\n" + "\n".join(lines)


def test_every_exception_is_still_needed(vnu):
    messages = vnu["messages"]
    stale = [e["message"] for e in load_exceptions() if not any(matches(e, m) for m in messages)]
    assert not stale, f"remove from {EXCEPTIONS.name}, nothing matches them any more: {stale}"


def test_the_validator_catches_an_error(vnu):
    """Guard against a gate that always passes: the canary's error is reported."""
    assert any("Duplicate attribute" in m["message"] for m in vnu["canary"])
