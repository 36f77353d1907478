"""Forks that merge: a municipality forks the project with git, writes its own edition.yml at the
root and drops its images beside it, and later merges upstream changes to pages, data and the
reference edition without a conflict. A fork made before the reference moved to
edition/reference/ meets one conflict, and the one-time steps of publish.md resolve it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t.invalid", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t.invalid", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}


def git(repo: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV})
    if ok:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


def tracked_copy(dest: Path) -> None:
    """The project's tracked files, as upstream publishes them."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True, check=True).stdout
    for rel in filter(None, listed.decode().split("\0")):
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def load_in(repo: Path) -> dict:
    """The edition the fork's build would read, loaded by the fork's own code."""
    code = ("import json; from smartcity.edition.model import edition_path, load_edition; e = load_edition(); "
            "print(json.dumps({'path': str(edition_path()), 'id': e.id, 'logo': str(e.logo), 'ref': e.is_reference}))")
    env = {k: v for k, v in os.environ.items() if k != "SC_EDITION"}
    done = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return yaml.safe_load(done.stdout)


def fork_files(fork: Path) -> None:
    """What publish.md asks a fork to write: edition.yml at the root, its images beside it."""
    raw = yaml.safe_load((fork / "edition" / "reference" / "edition.yml").read_text(encoding="utf-8"))
    raw.update(id="guide-val-fleuri", languages=["fr"], default_language="fr",
               name={"fr": "Guide Smart City de Val-Fleuri"}, short_name={"fr": "Smart Val-Fleuri"},
               organisation={"name": {"fr": "Commune de Val-Fleuri"}}, site_url="https://guide.val-fleuri.be/",
               footer={"fr": "Service Stratégie de Val-Fleuri."}, licence={"fr": "CC BY 4.0."},
               logo="logo-val-fleuri.svg", logo_documents="logo-val-fleuri.svg", favicon="logo-val-fleuri.svg")
    (fork / "edition.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    (fork / "logo-val-fleuri.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#1f5130"/></svg>',
        encoding="utf-8")


def upstream_changes(upstream: Path) -> None:
    """A later upstream release: a page, a data file and the reference edition change."""
    page = upstream / "docs" / "fr" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nUne ligne ajoutée en amont.\n", encoding="utf-8")
    glossary = upstream / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n# A comment upstream added.\n", encoding="utf-8")
    ref = upstream / "edition" / "reference" / "edition.yml"
    ref.write_text(ref.read_text(encoding="utf-8").replace("primary: \"#0b5563\"", "primary: \"#0a4f5c\""),
                   encoding="utf-8")
    logo = upstream / "edition" / "reference" / "logo.svg"
    logo.write_text(logo.read_text(encoding="utf-8").replace("</svg>", "<!-- redrawn upstream -->\n</svg>"),
                    encoding="utf-8")
    commit(upstream, "upstream: a page, the glossary and the reference edition change")


def test_a_fork_merges_upstream_changes_to_pages_data_and_the_reference_edition(tmp_path):
    upstream, fork = tmp_path / "upstream", tmp_path / "fork"
    upstream.mkdir()
    git(upstream, "init", "-q", "-b", "main")
    tracked_copy(upstream)
    assert (upstream / "edition.yml").is_file() and not yaml.safe_load((upstream / "edition.yml").read_text()), \
        "upstream ships the fork's edition.yml without values"
    commit(upstream, "upstream")
    git(tmp_path, "clone", "-q", str(upstream), str(fork))
    assert load_in(fork)["ref"], "without values of a fork, the reference edition is built"
    fork_files(fork)
    commit(fork, "our edition")
    assert load_in(fork)["id"] == "guide-val-fleuri"

    upstream_changes(upstream)
    merged = git(fork, "pull", "-q", "--no-rebase", "origin", "main", ok=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert git(fork, "diff", "--name-only", "--diff-filter=U").stdout == ""
    assert "Une ligne ajoutée en amont." in (fork / "docs" / "fr" / "index.md").read_text(encoding="utf-8")
    assert "redrawn upstream" in (fork / "edition" / "reference" / "logo.svg").read_text(encoding="utf-8")
    edition = load_in(fork)
    assert edition == {"path": str((fork / "edition.yml").resolve()), "id": "guide-val-fleuri",
                       "logo": str((fork / "logo-val-fleuri.svg").resolve()), "ref": False}


def test_a_fork_of_the_old_layout_meets_one_conflict_that_publish_md_resolves(tmp_path):
    """Before the move, forks edited the tracked root edition.yml and replaced edition/logo.svg."""
    upstream, fork = tmp_path / "upstream", tmp_path / "fork"
    upstream.mkdir()
    git(upstream, "init", "-q", "-b", "main")
    tracked_copy(upstream)
    # The old layout, rebuilt from today's files: the reference at the root, images in edition/.
    for name in ("logo.svg", "logo-documents.svg", "favicon.svg"):
        shutil.move(upstream / "edition" / "reference" / name, upstream / "edition" / name)
    old = (upstream / "edition" / "reference" / "edition.yml").read_text(encoding="utf-8")
    for name in ("logo.svg", "logo-documents.svg", "favicon.svg"):
        old = old.replace(f": {name}", f": edition/{name}")
    (upstream / "edition.yml").write_text(old, encoding="utf-8")
    shutil.rmtree(upstream / "edition" / "reference")
    commit(upstream, "upstream, old layout")
    git(tmp_path, "clone", "-q", str(upstream), str(fork))
    ours = fork / "edition.yml"
    ours.write_text(ours.read_text(encoding="utf-8").replace("id: smart-city-guide", "id: guide-val-fleuri")
                    .replace("https://smart-city-guide.example.org/", "https://guide.val-fleuri.be/"),
                    encoding="utf-8")
    our_logo = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="5" cx="5" cy="5"/></svg>'
    (fork / "edition" / "logo.svg").write_text(our_logo, encoding="utf-8")
    commit(fork, "our edition, old layout")

    # Upstream moves the reference into edition/reference/ (this release).
    shutil.rmtree(upstream / "edition")
    (upstream / "edition.yml").unlink()
    tracked_copy(upstream)
    commit(upstream, "move the reference edition")

    git(fork, "remote", "add", "upstream", str(upstream))
    git(fork, "fetch", "-q", "upstream")
    merged = git(fork, "merge", "-q", "upstream/main", ok=False)
    assert merged.returncode != 0
    assert git(fork, "diff", "--name-only", "--diff-filter=U").stdout.split() == ["edition.yml"]
    # publish.md, "If your copy is older than December 2026": the one-time steps, as written there.
    steps = one_time_steps()
    for step in steps:
        done = subprocess.run(step, shell=True, cwd=fork, capture_output=True, text=True, env={**os.environ, **GIT_ENV})
        assert done.returncode == 0, f"{step}: {done.stdout}{done.stderr}"
    assert git(fork, "status", "--porcelain").stdout == ""
    edition = load_in(fork)
    assert edition["id"] == "guide-val-fleuri" and not edition["ref"]
    assert Path(edition["logo"]).read_text(encoding="utf-8") == our_logo
    assert (fork / "edition" / "reference" / "logo.svg").read_bytes() == \
        (ROOT / "edition" / "reference" / "logo.svg").read_bytes()


def one_time_steps() -> list[str]:
    """The shell lines of the one-time steps in publish.md (English page), between its markers."""
    text = (ROOT / "docs" / "en" / "about" / "publish.md").read_text(encoding="utf-8")
    block = text.split("<!-- one-time-steps -->", 2)[1]
    lines = [line.strip() for line in block.splitlines()]
    steps = [line for line in lines if line and not line.startswith(("```", "#", "<!--"))]
    assert steps, "publish.md has no one-time steps between its markers"
    return steps
