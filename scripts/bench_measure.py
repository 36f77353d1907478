"""The measurements of `make bench` (scripts/bench.py): each a plain function of a built site."""
from __future__ import annotations

import contextlib
import functools
import gzip
import json
import os
import subprocess
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from statistics import mean
from typing import Iterator

from scripts.site import ROOT

CHROMIUM = os.environ.get("SC_CHROMIUM", "/usr/bin/chromium")
# As in tests/conftest.py: keep Chromium from calling home on a closed network.
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
                "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
                "--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class _Quiet(SimpleHTTPRequestHandler):
    """A static host as the site would have: text compressed with gzip when the browser asks."""

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or \
                not (kind.startswith("text/") or kind.endswith(("javascript", "json", "xml", "svg+xml"))):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve_dir(site: Path) -> Iterator[str]:
    """The site on http://127.0.0.1:<free port>/ for the duration of the block."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def _kind(url: str, content_type: str) -> str:
    path = url.split("?")[0]
    for kind, ends in (("font", (".woff2", ".woff", ".ttf", ".otf")), ("css", (".css",)),
                       ("js", (".js",)), ("html", (".html", "/")), ("image", (".svg", ".png", ".ico", ".jpg"))):
        if path.endswith(ends):
            return kind
    return "html" if "html" in content_type else "other"


def page_weight(url: str) -> dict:
    """Every byte a fresh browser fetches for the page (workers included), by kind, raw and gzipped,
    leaving out the search index and downloads. gzip level 6, as most servers use."""
    from playwright.sync_api import sync_playwright

    seen: dict[str, bytes] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROME_FLAGS[1:])
        page = browser.new_page()

        def keep(response) -> None:
            if "/search/search_index" in response.url or "/downloads/" in response.url:
                return
            with contextlib.suppress(Exception):
                seen[response.url] = response.body()

        page.on("response", keep)
        page.context.on("response", keep)  # responses of the search worker
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(1500)
        browser.close()
    kinds: dict[str, dict] = {}
    for res, body in seen.items():
        entry = kinds.setdefault(_kind(res, ""), {"files": 0, "raw": 0, "gzip": 0})
        entry["files"] += 1
        entry["raw"] += len(body)
        entry["gzip"] += gz(body)
    total = {k: sum(v[k] for v in kinds.values()) for k in ("files", "raw", "gzip")}
    return {"url": url.split("/", 3)[-1], "by_kind": kinds, "total": total,
            "files": sorted(u.split("/", 3)[-1] for u in seen)}


def our_assets(sources: Path, built: Path) -> dict:
    """Our own scripts and styles: the sources (sc-* in overrides/assets) as written, and the one
    minified bundle of each kind that the built language site `built` ships (smartcity/outputs/bundle.py),
    with each source's minified share. The French search fold counts too: the search worker
    loads it at the end of Material's lunr.fr.min.js."""
    from smartcity.outputs.bundle import minify_css, minify_js

    out = {}
    for kind, folder, minify in (("js", "javascripts", minify_js), ("css", "stylesheets", minify_css)):
        files = {p.name: p.read_text(encoding="utf-8") for p in sorted((sources / folder).glob(f"sc-*.{kind}"))}
        shipped = [p.read_bytes() for p in sorted((built / folder).glob(f"sc.*.min.{kind}"))]
        if kind == "js":  # appended, minified, to Material's lunr.fr.min.js (smartcity/mkdocs/bundle_hooks.py)
            files["sc-fold-fr.js"] = (sources / folder / "lunr" / "sc-fold-fr.js").read_text(encoding="utf-8")
            lunr = (built / folder / "lunr" / "min" / "lunr.fr.min.js").read_text(encoding="utf-8")
            shipped.append(lunr[lunr.index("/* sc-fold-fr.js */"):].encode())
        bundle = [p.read_bytes() for p in sorted((built / folder).glob(f"sc.*.min.{kind}"))]
        chunks = {p.name: p.stat().st_size for p in sorted((built / folder).glob(f"sc-*.min.{kind}"))}
        shipped += [(built / folder / name).read_bytes() for name in chunks]
        out[kind] = {
            "always": sum(len(b) for b in bundle),  # the bundle every page loads
            "on_demand": chunks,  # loaded by sc-load.js where a page needs them
            "files": {name: {"raw": len(text.encode()), "minified": len(minify(name, text).encode())}
                      for name, text in files.items()},
            "raw": sum(len(t.encode()) for t in files.values()),
            "minified": sum(len(b) for b in shipped),
            "gzip": sum(gz(b) for b in shipped),
        }
    return out


def worksheet_sizes(lang_site: Path) -> dict:
    folder = lang_site / "downloads" / "worksheets"
    out = {}
    for fmt in ("pdf", "docx", "odt"):
        sizes = {p.name: p.stat().st_size for p in sorted(folder.glob(f"*.{fmt}"))}
        if sizes:
            biggest = max(sizes, key=sizes.get)
            out[fmt] = {"count": len(sizes), "max": sizes[biggest], "largest": biggest,
                        "mean": round(mean(sizes.values())), "total": sum(sizes.values())}
    return out


def guide_sizes(lang_site: Path) -> dict:
    from pypdf import PdfReader

    pdfs = sorted((lang_site / "downloads").glob("*.pdf"))
    return {p.name: {"bytes": p.stat().st_size, "pages": len(PdfReader(p).pages)} for p in pdfs}


def lighthouse(url: str, host: str | None = None, runs: int = 1) -> dict:
    """Lighthouse 12 (npm, node_modules) on the mobile profile: the four scores, and what keeps
    any of them below 100; with several runs, the run of median performance, as Lighthouse's
    docs advise (its simulated throttling still feels the machine's load). With `host`, Chromium
    resolves that name to 127.0.0.1 and loads the page under it (served over plain HTTP, which
    Best Practices then marks down)."""
    if runs > 1:
        done = [lighthouse(url, host) for _ in range(runs)]
        good = sorted([r for r in done if "error" not in r] or done, key=lambda r: r.get("performance", 0))
        middle = dict(good[len(good) // 2])
        middle["performance_runs"] = [r.get("performance") for r in done]
        return middle
    flags = list(CHROME_FLAGS)
    if host:
        flags.append(f'--host-resolver-rules="MAP {host} 127.0.0.1"')  # quoted: Lighthouse splits flags at spaces
        url = url.replace("127.0.0.1", host, 1)
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        return {"error": "lighthouse missing: run `npm ci`"}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "lh.json"
        cmd = [str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(flags)}"]
        proc = subprocess.run(cmd, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True)
        if proc.returncode or not out.exists():
            return {"error": (proc.stderr or proc.stdout)[-500:]}
        lh = json.loads(out.read_text(encoding="utf-8"))
    scores = {cat: round((lh["categories"][cat]["score"] or 0) * 100) for cat in CATEGORIES}
    missed = {}
    for cat in CATEGORIES:
        refs = lh["categories"][cat]["auditRefs"]
        missed[cat] = [r["id"] for r in refs if r.get("weight") and (lh["audits"][r["id"]].get("score") or 0) < 1
                       and lh["audits"][r["id"]].get("scoreDisplayMode") not in ("notApplicable", "manual", "informative")]
    metrics = {k: round(lh["audits"][k]["numericValue"]) for k in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index")
               if k in lh["audits"]}
    metrics["cumulative-layout-shift"] = round(lh["audits"]["cumulative-layout-shift"]["numericValue"], 3)
    return {"url": url, **scores, "below_100": {k: v for k, v in missed.items() if v}, "metrics_ms": metrics}


def table(report: dict) -> str:
    """The budgets, then the main figures, as plain text."""
    lines = [f"{'budget':58} {'measured':>10} {'limit':>8}  ok", "-" * 84]
    for row in report["checks"]:
        lines.append(f"{row['budget'][:58]:58} {str(row['measured'])[:10]:>10} {str(row['limit']):>8}  "
                     f"{'yes' if row['met'] else 'NO'}")
    if "builds" in report:
        b = report["builds"]
        lines += ["", "builds (wall s): cold {} · no downloads {} · warm {} · warm after edit {} · "
                  "serve reload {}".format(b["cold_full"]["wall_s"], b["no_downloads"]["wall_s"],
                                           b["warm_full"]["wall_s"], b["warm_full_after_edit"]["wall_s"],
                                           b["serve_dirty_reload_s"]),
                  f"ratio full/no downloads: cold {b['ratio_cold_to_no_downloads']} · "
                  f"warm {b['ratio_warm_to_no_downloads']}",
                  "make serve, save to reload: page {} s · one case {} s; full build behind it {} s".format(
                      b["authoring_loop"]["page_edit_s"]["seconds"], b["authoring_loop"]["case_edit_s"]["seconds"],
                      b["authoring_loop"]["catch_up_s"])]
    for lang, w in report["step_page"].items():
        lines.append(f"step page {lang}: {w['total']['files']} files, {w['total']['raw'] // 1024} KB raw, "
                     f"{w['total']['gzip'] // 1024} KB gzip")
    own = report["own_assets"]
    lines.append(f"our JS {own['js']['raw'] // 1024} KB raw / {own['js']['minified'] // 1024} KB min / "
                 f"{own['js']['gzip'] // 1024} KB gzip; CSS {own['css']['raw'] // 1024} KB raw / "
                 f"{own['css']['minified'] // 1024} KB min / {own['css']['gzip'] // 1024} KB gzip")
    for lang, pdfs in report["guide_pdf"].items():
        for name, info in pdfs.items():
            lines.append(f"guide PDF {name}: {info['bytes'] // 1024} KB, {info['pages']} pages")
    return "\n".join(lines)
