"""Our styles and scripts ship as one minified file each (smartcity/outputs/bundle.py, smartcity/mkdocs/bundle_hooks.py)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from smartcity.mkdocs import bundle_hooks
from smartcity.outputs.bundle import Bundle, BundleError, bundle, extend, minify_js
from tests.conftest import ROOT, bundled, bundles, need

SOURCES = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python", "#"))


def test_styles_keep_their_cascade_order_and_lose_comments_and_spaces():
    made = bundle("css", [("a/one.css", "/* why */\n.sc-a {\n  color: red;\n}\n"),
                          ("b/two.css", ".sc-a { color: blue; }\n")])
    assert made.sources == ("a/one.css", "b/two.css")
    assert made.text == "/* one.css, two.css */\n.sc-a{color:red}\n.sc-a{color:blue}\n"
    assert re.fullmatch(r"assets/stylesheets/sc\.[0-9a-f]{8}\.min\.css", made.path)


def test_the_name_changes_with_the_content_so_browsers_never_keep_a_stale_copy():
    one = bundle("css", [("x.css", ".sc-a{color:red}")])
    assert one.path == bundle("css", [("x.css", ".sc-a { color : red }")]).path  # same output
    assert one.path != bundle("css", [("x.css", ".sc-a{color:blue}")]).path


def test_scripts_lose_comments_and_spaces_and_keep_their_names():
    source = "/* why */\n(function () {\n  var storedAnswers = window.scStore; // the store\n  storedAnswers.load();\n})();\n"
    made = bundle("js", [("s.js", source), ("t.js", "window.scOther = 1")])
    body = made.text.split("\n", 1)[1]
    assert body == "(function(){var storedAnswers=window.scStore;storedAnswers.load();})();;\nwindow.scOther=1\n"
    assert body.count(";\n") == 1  # a separator between files, so one without a final ; is safe
    assert re.fullmatch(r"assets/javascripts/sc\.[0-9a-f]{8}\.min\.js", made.path)


# Modern syntax, and what a minifier that does not tokenize JavaScript gets wrong: a `//` or
# `/* */` or two spaces inside a template literal, a backtick inside `${}` (a nested template,
# a quoted backtick), a regex literal with slashes and spaces next to divisions.
MODERN = r"""/* a comment that goes */
(function () {
  "use strict";
  const out = [];
  let total = 0;
  class Counter {
    #n = 0;
    static start = 2;
    add(by = 1) { this.#n += by; return this; }
    get value() { return this.#n; }
  }
  const half = (x) => x / 2 / 1;  // division, not a regex
  const page = { meta: { title: "Plan" } };
  const title = page?.meta?.title ?? "untitled", missing = page.nothing?.deep?.call() ?? "none";
  const url = `https://example.org/${title}  // not a comment /* nor this */`;
  const nested = `a ${`b  c ${'`'} // d`} e ${ {k: 1}.k + half(8) } f`;
  const re = /\/\/  +[`]/g, spaced = "x //  `y".replace(/\/\/ +/, "|");
  const { a, ...rest } = { a: 1, b: 2, c: 3 };
  out.push(url, nested, re.source, spaced, title, missing, a, Object.keys(rest).join(), [1, 2, 3].map(half),
           new Counter().add(Counter.start).add().value, 10n ** 2n + "", 2 ** 10, `${total += 5}`);
  async function later(x) { const y = await Promise.resolve(x); return y * 2; }
  globalThis.scDone = later(21).then((v) => { out.push(v); return out; });
})();
"""


def test_modern_syntax_minifies_and_still_parses():
    from smartcity.outputs.bundle import _first_problem, _tree

    minified = minify_js("assets/javascripts/sc-modern.js", MODERN)
    assert "comment that goes" not in minified and "division, not" not in minified and "\n  " not in minified
    assert len(minified) < 0.8 * len(MODERN)
    for literal in ("`https://example.org/${title}  // not a comment /* nor this */`",
                    "`a ${`b  c ${'`'} // d`} e ${ {k: 1}.k + half(8) } f`", r"/\/\/  +[`]/g", r"/\/\/ +/"):
        assert literal in minified, literal
    assert "x/2/1" in minified and "page?.meta?.title??" in minified and "async function later(x)" in minified
    assert _first_problem(minified.encode(), _tree(minified.encode()).root_node) is None


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed (only the tests use it)")
def test_modern_syntax_minified_runs_as_the_source_does():
    def run(text: str) -> str:
        script = text + ";globalThis.scDone.then((out) => console.log(JSON.stringify(out)));"
        done = subprocess.run(["node", "-e", script], capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, done.stderr
        return done.stdout

    source = run(MODERN)
    assert '"a b  c ` // d e 5 f"' in source  # the sample means what it says
    assert run(minify_js("assets/javascripts/sc-modern.js", MODERN)) == source


@pytest.mark.parametrize("source, line", [
    ("var f = () => {\n  return 1 +;\n};", 2),
    ("var ok = 1;\n\nfunction f( {\n}", 3),
    ("const x = `open ${1 + } template`;", 1),
    ("var a = 1;\nif (a) {\n  a++;\n", 3),  # the } never comes: a MISSING node after the last statement
    ("var el = <div>hi</div>;", 1),  # JSX: tree-sitter's grammar reads it, browsers do not
])
def test_a_script_that_does_not_parse_names_its_file_and_line(source, line):
    with pytest.raises(BundleError) as caught:
        bundle("js", [("ok.js", "var a = 1;"), ("assets/javascripts/sc-bad.js", source)])
    assert caught.value.source == "assets/javascripts/sc-bad.js"
    assert str(caught.value).startswith("assets/javascripts/sc-bad.js: ")
    assert caught.value.problem.startswith(f"line {line}: "), caught.value.problem


def test_a_missing_token_is_named():
    with pytest.raises(BundleError, match=r"^sc-bad\.js: line 3: syntax error, missing '}': a\+\+;$"):
        bundle("js", [("sc-bad.js", "var a = 1;\nif (a) {\n  a++;\n")])


def test_a_minifier_slip_that_breaks_the_script_stops_the_build(monkeypatch):
    import rjsmin

    monkeypatch.setattr(rjsmin, "jsmin", lambda text: text.replace(")", "", 1))
    with pytest.raises(BundleError, match=r"^assets/javascripts/sc-x\.js: the minified text does not parse .*line 1"):
        minify_js("assets/javascripts/sc-x.js", "(function () { var answer = 42; })();\n")


def test_template_literals_are_kept_as_they_are_even_where_rjsmin_alone_loses_its_place():
    import rjsmin

    source = "var o = [`a ${`b  c`} d`, `${'`'} // e`];\n"
    assert rjsmin.jsmin(source) != "var o=[`a ${`b  c`} d`,`${'`'} // e`];"  # why they are set aside
    assert minify_js("t.js", source) == "var o=[`a ${`b  c`} d`,`${'`'} // e`];"


def test_a_stylesheet_with_unbalanced_braces_is_refused():
    with pytest.raises(BundleError, match=r"sc-bad\.css: unbalanced braces \(2 opening, 1 closing\)"):
        bundle("css", [("sc-bad.css", ".a { color: red; .b { color: blue; }")])


def test_only_css_and_js_are_bundled():
    with pytest.raises(ValueError, match="css or js"):
        bundle("html", [])


def _hook_config(tmp_path, css: list[str], js: list[str]) -> MkDocsConfig:
    docs = tmp_path / "docs"
    docs.mkdir()
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": str(docs), "site_dir": str(tmp_path / "site"),
                      "extra_css": css, "extra_javascript": js})
    errors, _ = config.validate()
    assert not errors, errors
    return config


def _theme_files(tmp_path, config, names: dict[str, str]) -> Files:
    for name, text in names.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    config.plugins._current_plugin = None  # as during a build: File.generated records its maker
    return Files([File(name, config.docs_dir, config.site_dir, False) for name in names])


def test_the_hook_bundles_runs_of_our_entries_and_leaves_the_others_in_their_place(tmp_path):
    css = ["assets/stylesheets/sc-a.css", "assets/edition/palette.css", "https://example.org/x.css",
           "assets/stylesheets/sc-b.css", "assets/vendor/lib.css"]
    js = [{"path": "https://example.org/lib.js"}, "assets/javascripts/sc-s.js", "assets/javascripts/sc-t.js",
          {"path": "assets/javascripts/sc-m.js", "type": "module"}, "assets/javascripts/vendor.js"]
    config = _hook_config(tmp_path, css, js)
    sources = {"assets/stylesheets/sc-a.css": ".a{}", "assets/edition/palette.css": ".p{}",
               "assets/stylesheets/sc-b.css": ".b{}", "assets/vendor/lib.css": "@font-face{src:url(f.woff)}",
               "assets/javascripts/sc-s.js": "var s = 1;", "assets/javascripts/sc-t.js": "var t = 2;",
               "assets/javascripts/sc-m.js": "export const m = 1;", "assets/javascripts/vendor.js": "let v = 1;",
               "page.md": "#"}
    out = bundle_hooks.on_files(_theme_files(tmp_path, config, sources), config)
    made = config.extra["sc_bundle"]
    assert [b.sources for b in made["css"]] == [("assets/stylesheets/sc-a.css", "assets/edition/palette.css"),
                                                ("assets/stylesheets/sc-b.css",)]
    assert [b.sources for b in made["js"]] == [("assets/javascripts/sc-s.js", "assets/javascripts/sc-t.js")]
    assert all(isinstance(b, Bundle) for b in made["css"] + made["js"])
    assert config.extra_css == [made["css"][0].path, "https://example.org/x.css", made["css"][1].path,
                                "assets/vendor/lib.css"]
    assert [str(s) for s in config.extra_javascript] == [
        "https://example.org/lib.js", made["js"][0].path, "assets/javascripts/sc-m.js", "assets/javascripts/vendor.js"]
    assert config.extra_javascript[2].type == "module"
    kept = sorted(f.src_uri for f in out)
    assert kept == sorted(["page.md", "assets/vendor/lib.css", "assets/javascripts/sc-m.js",
                           "assets/javascripts/vendor.js"] + [b.path for b in made["css"] + made["js"]])
    assert out.get_file_from_path(made["css"][0].path).content_string == made["css"][0].text
    # The whole-guide PDF gets every local stylesheet, bundled or not, in order.
    assert config.extra["sc_css_texts"] == [".a{}", ".p{}", ".b{}", "@font-face{src:url(f.woff)}"]


def test_the_hook_stops_the_build_naming_the_source_file(tmp_path):
    config = _hook_config(tmp_path, [], ["assets/javascripts/sc-bad.js"])
    files = _theme_files(tmp_path, config, {"assets/javascripts/sc-bad.js": "const x = 1;\nconst y = ;\n"})
    bad = tmp_path / "docs" / "assets" / "javascripts" / "sc-bad.js"
    with pytest.raises(PluginError, match=re.escape(str(bad)) + r": line 2: "):
        bundle_hooks.on_files(files, config)


def test_an_addition_to_a_theme_script_is_appended_minified():
    out = extend("!function(){lunr.fr=1}();\n", "assets/javascripts/lunr/sc-fold.js",
                 "/* why */\n(function (lunr) {\n  var language = lunr.fr;\n})(self.lunr);\n")
    assert out == "!function(){lunr.fr=1}();\n/* sc-fold.js */\n(function(lunr){var language=lunr.fr;})(self.lunr);\n"


def test_the_hook_appends_our_addition_to_the_theme_script(tmp_path, monkeypatch):
    monkeypatch.setattr(bundle_hooks, "EXTENSIONS", {"lib.js": "add.js"})
    config = _hook_config(tmp_path, [], [])
    files = bundle_hooks.on_files(_theme_files(tmp_path, config, {"lib.js": "lib();", "add.js": "var a = 1;"}), config)
    assert [f.src_uri for f in files] == ["lib.js"]
    assert files.get_file_from_path("lib.js").content_string == "lib();\n/* add.js */\nvar a=1;\n"


def test_an_addition_to_a_script_the_theme_lost_stops_the_build(tmp_path, monkeypatch):
    monkeypatch.setattr(bundle_hooks, "EXTENSIONS", {"gone.js": "add.js"})
    config = _hook_config(tmp_path, [], [])
    files = _theme_files(tmp_path, config, {"add.js": "var a = 1;"})
    with pytest.raises(PluginError, match=r"add\.js: extends gone\.js, which the theme no longer has"):
        bundle_hooks.on_files(files, config)


@pytest.mark.build
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_links_one_bundle_of_each_kind_with_every_source_in_order(site, lang):
    css = [p.rsplit("/", 1)[-1] for p in SOURCES["extra_css"]]
    js = ["sc-chunks.js"] + [p.rsplit("/", 1)[-1] for p in SOURCES["extra_javascript"]]
    # The edition's palette sits right after the base styles it overrides (smartcity/mkdocs/edition_hooks.py).
    css.insert(css.index("sc-base.css") + 1, "palette.css")
    for page in (site / lang).rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "md-header" not in html:
            continue  # a redirect or a print page without the theme
        assert bundled(site / lang, html, "css") == css, page
        assert bundled(site / lang, html, "js") == js, page
        assert not re.search(r'(href|src)="[^"]*/sc-[a-z-]+\.(css|js)"', html), page
    sources = [p for p in (site / lang / "assets").rglob("sc-*.js") if not p.name.endswith(".min.js")]
    assert not list((site / lang / "assets").rglob("sc-*.css")) and not sources, sources
    lunr = (site / lang / "assets/javascripts/lunr/min/lunr.fr.min.js").read_text(encoding="utf-8")
    assert lunr.index("/* sc-fold-fr.js */") > 5000, "the French fold is appended to Material's file"
    home = (site / lang / "index.html").read_text(encoding="utf-8")
    shipped = bundles(site / lang, home)
    # Issue 14's budget for the script every page loads; the others load on demand.
    assert len(shipped["js"].encode("utf-8")) <= 30 * 1024 and "\n  " not in shipped["css"]


ON_DEMAND = {"assets/javascripts/sc-w.js": ".sc-w", "assets/javascripts/sc-i.js": None}


def _on_demand(tmp_path, wanted, js=("assets/javascripts/sc-load.js",), sources=None):
    config = _hook_config(tmp_path, [], list(js))
    config.extra["sc_on_demand"] = wanted
    files = _theme_files(tmp_path, config, sources or {"assets/javascripts/sc-load.js": "var l = window.scChunks;",
                                                       "assets/javascripts/sc-w.js": "var w = 1;",
                                                       "assets/javascripts/sc-i.js": "var i = 2;"})
    return config, files


def test_scripts_on_demand_ship_alone_and_the_bundle_opens_with_their_table(tmp_path):
    config, files = _on_demand(tmp_path, ON_DEMAND)
    out = bundle_hooks.on_files(files, config)
    chunks = config.extra["sc_chunks"]
    assert sorted(chunks) == ["sc-i", "sc-w"]
    assert re.fullmatch(r"assets/javascripts/sc-w\.[0-9a-f]{8}\.min\.js", chunks["sc-w"].path)
    assert out.get_file_from_path(chunks["sc-w"].path).content_string == "/* sc-w.js */\nvar w=1;\n"
    assert out.get_file_from_path("assets/javascripts/sc-w.js") is None
    [made] = config.extra["sc_bundle"]["js"]
    assert made.sources == ("assets/javascripts/sc-chunks.js", "assets/javascripts/sc-load.js")
    table = json.loads(re.search(r"window\.scChunks=(\{.*?\});", made.text).group(1))
    assert table == {"sc-i": {"hash": chunks["sc-i"].path.split(".")[-3]},
                     "sc-w": {"hash": chunks["sc-w"].path.split(".")[-3], "when": ".sc-w"}}


def test_a_chunk_joins_the_scripts_it_needs_ahead_of_it(tmp_path):
    config, files = _on_demand(tmp_path, {"assets/javascripts/sc-w.js": {"when": ".sc-w", "needs": ["assets/javascripts/sc-i.js"]}})
    out = bundle_hooks.on_files(files, config)
    made = config.extra["sc_chunks"]["sc-w"]
    assert out.get_file_from_path(made.path).content_string == "/* sc-i.js */\nvar i=2;\n/* sc-w.js */\nvar w=1;\n"
    assert made.sources == ("assets/javascripts/sc-i.js", "assets/javascripts/sc-w.js")
    assert out.get_file_from_path("assets/javascripts/sc-i.js") is None


def test_two_chunks_may_need_the_same_script(tmp_path):
    shared = {"when": None, "needs": ["assets/javascripts/sc-i.js"]}
    config, files = _on_demand(tmp_path, {"assets/javascripts/sc-w.js": shared, "assets/javascripts/sc-x.js": shared},
                               sources={"assets/javascripts/sc-load.js": "var l = 1;", "assets/javascripts/sc-w.js": "var w = 1;",
                                        "assets/javascripts/sc-x.js": "var x = 3;", "assets/javascripts/sc-i.js": "var i = 2;"})
    out = bundle_hooks.on_files(files, config)
    for name, own in (("sc-w", "var w=1;"), ("sc-x", "var x=3;")):
        made = config.extra["sc_chunks"][name]
        assert out.get_file_from_path(made.path).content_string == f"/* sc-i.js */\nvar i=2;\n/* {name}.js */\n{own}\n"
    assert out.get_file_from_path("assets/javascripts/sc-i.js") is None


def test_a_vendored_library_a_chunk_needs_ships_as_its_authors_built_it(tmp_path):
    lib = "!function(){var  keep = 'as is' /* its own */}();"
    config, files = _on_demand(tmp_path, {"assets/javascripts/sc-w.js": {"when": None, "needs": ["assets/vendor/lib.min.js"]}},
                               sources={"assets/javascripts/sc-load.js": "var l = 1;", "assets/javascripts/sc-w.js": "var w = 1;",
                                        "assets/vendor/lib.min.js": lib})
    out = bundle_hooks.on_files(files, config)
    made = config.extra["sc_chunks"]["sc-w"]
    assert out.get_file_from_path(made.path).content_string == f"/* lib.min.js */\n{lib}\n/* sc-w.js */\nvar w=1;\n"


VENDORED = {  # package -> (file in overrides/assets/vendor, its source in the package)
    "fflate": [("fflate.min.js", "umd/index.js"), ("fflate-LICENSE.txt", "LICENSE")],
    "pdfjs-dist": [("pdfjs/pdf.min.mjs", "build/pdf.min.mjs"), ("pdfjs/pdf.worker.min.mjs", "build/pdf.worker.min.mjs"),
                   ("pdfjs/LICENSE.txt", "LICENSE")],
}


@pytest.mark.parametrize("package", sorted(VENDORED))
def test_the_vendored_libraries_are_the_locked_releases(package):
    """fflate (the office files' zip) and pdf.js (a filled PDF's fields), shipped from
    overrides/assets/vendor, are the files of the versions package.json pins, with their licences."""
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"][package]
    module = ROOT / "node_modules" / package
    need(module.is_dir(), f"node_modules/{package} is missing: run npm ci (make test does)")
    assert json.loads((module / "package.json").read_text(encoding="utf-8"))["version"] == pinned
    for shipped, source in VENDORED[package]:
        assert (ROOT / "overrides" / "assets" / "vendor" / shipped).read_bytes() == (module / source).read_bytes(), shipped


@pytest.mark.parametrize("wanted, js, problem", [
    ({"assets/javascripts/sc-w.js": {"when": ".sc-w", "needs": ["assets/javascripts/sc-gone.js"]}}, (),
     r"sc-w\.js: no script of ours .* has the path assets/javascripts/sc-gone\.js"),
    ({"assets/javascripts/sc-w.js": {"when": ".sc-w", "after": []}}, (), r"sc-w\.js: expected the keys 'when'"),
    ({"assets/javascripts/sc-gone.js": None}, (), r"sc-gone\.js: no script of ours"),
    ({"assets/vendor/lib.min.js": None}, (), r"lib\.min\.js: no script of ours"),
    ({"assets/javascripts/sc-w.js": ""}, (), r"sc-w\.js: the selector must be a CSS selector or null"),
    ({"assets/javascripts/sc-w.js": None}, ("assets/javascripts/sc-w.js",), r"sc-w\.js: also listed in extra_javascript"),
    (["assets/javascripts/sc-w.js"], (), r"expected a mapping"),
])
def test_a_wrong_on_demand_entry_stops_the_build_naming_it(tmp_path, wanted, js, problem):
    config, files = _on_demand(tmp_path, wanted, js)
    with pytest.raises(PluginError, match=r"mkdocs\.yml, extra\.sc_on_demand.*" + problem):
        bundle_hooks.on_files(files, config)


@pytest.mark.build
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_chunk_of_the_site_is_shipped_and_named_in_the_bundle(site, lang):
    home = (site / lang / "index.html").read_text(encoding="utf-8")
    table = json.loads(re.search(r"window\.scChunks=(\{.*?\});", bundles(site / lang, home)["js"]).group(1))
    assert sorted(table) == sorted(p.rsplit("/", 1)[-1].removesuffix(".js") for p in SOURCES["extra"]["sc_on_demand"])
    for name, chunk in table.items():
        text = (site / lang / "assets/javascripts" / f"{name}.{chunk['hash']}.min.js").read_text(encoding="utf-8")
        spec = SOURCES["extra"]["sc_on_demand"][f"assets/javascripts/{name}.js"]
        needs = [p.rsplit("/", 1)[-1] for p in (spec.get("needs", []) if isinstance(spec, dict) else [])]
        heads = re.findall(r"^/\* ([\w.-]+\.js) \*/$", text, re.M)
        assert heads == [*needs, f"{name}.js"], heads
