"""`make bench`'s authoring loop: `make serve` run for real in the scratch copy, a browser's
live-reload poll held open, and the time from saving a file to that poll's answer (the
browser's reload), the edited text then checked in the page served."""
from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

EPOCH = re.compile(r"livereload\((\d+),")


def _get(url: str, timeout: float = 120) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - our own local server
        return response.read().decode("utf-8")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _reload_after(base: str, page: str, save) -> tuple[float, str]:
    """Hold the page's live-reload poll open, save, and time the poll's answer."""
    epoch = EPOCH.search(_get(base + page)).group(1)
    answered: dict[str, float] = {}

    def poll() -> None:
        _get(f"{base}livereload/{epoch}/1")
        answered["at"] = time.perf_counter()

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    time.sleep(0.3)  # the poll is waiting
    start = time.perf_counter()
    save()
    thread.join(timeout=120)
    if "at" not in answered:
        raise SystemExit(f"no reload within 120 s after saving, for {page}")
    return answered["at"] - start, _get(base + page)


def _catch_up(base: str, page: str, notice: str, limit: float = 300) -> float:
    """Seconds until the page no longer says its language's full build is running."""
    start = time.perf_counter()
    while notice in _get(base + page):
        if time.perf_counter() - start > limit:
            return float("inf")
        time.sleep(0.5)
    return time.perf_counter() - start


def authoring_loop(repo: Path, env: dict[str, str], step_md: str, lang: str = "en") -> dict:
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    log = (repo.parent / "serve.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "scripts.serve", "--port", str(port)], cwd=repo, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(900):  # the first full build
            try:
                _get(base + f"{lang}/index.html", timeout=2)
                break
            except OSError:
                time.sleep(1)
        out = {}
        page_md = repo / "docs" / lang / f"{step_md}.md"
        mark = "Bench page edit"
        secs, html = _reload_after(base, f"{lang}/{step_md}.html", lambda: page_md.write_text(
            page_md.read_text(encoding="utf-8") + f"\n\n{mark}.\n", encoding="utf-8"))
        out["page_edit_s"] = {"seconds": round(secs, 2), "shown": mark in html}
        case = repo / "data" / "cases" / "barcelona.yml"
        text = case.read_text(encoding="utf-8")
        old = "Open Data BCN"
        mark = "Open Data BCN (bench)"
        secs, html = _reload_after(base, f"{lang}/cases/barcelona.html", lambda: case.write_text(
            text.replace(old, mark), encoding="utf-8"))
        out["case_edit_s"] = {"seconds": round(secs, 2), "shown": mark in html}
        notice = "sc-serve-notice"
        out["catch_up_s"] = round(_catch_up(base, f"{lang}/cases/barcelona.html", notice), 1)
        return out
    finally:
        proc.send_signal(signal.SIGINT)  # as Ctrl-C: the server removes its folder and workers
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
