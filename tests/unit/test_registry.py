"""Macros without wrappers: @macro("name") registers a renderer as it is; the page supplies
data, language and address, its own arguments fill the rest."""
from __future__ import annotations

import pytest

from smartcity.mkdocs.macros import _discover
from smartcity.pages import registry
from smartcity.pages.closing import render_smart_region
from smartcity.pages.registry import MACROS, Ctx


def ctx(data) -> Ctx:
    return Ctx(data=data, lang="fr", url="about/annexes.html", meta={})


def test_a_registered_renderer_is_called_with_the_page_and_its_arguments(data):
    _discover()
    expected = render_smart_region(data, "fr", "timeline", "about/annexes.html")
    assert MACROS["smart_region"](ctx(data), "timeline") == expected
    assert MACROS["smart_region"](ctx(data), part="timeline") == expected
    with pytest.raises(TypeError, match=r"smart_region\(\) takes 1 argument\(s\) \(part\), 2 given"):
        MACROS["smart_region"](ctx(data), "timeline", "aims")
    assert MACROS["smart_region"].__doc__ == render_smart_region.__doc__


def test_no_macro_only_forwards_to_a_renderer():
    """A wrapper whose body is `return render_x(ctx.data, ctx.lang, …, ctx.url)` is a renderer
    that should carry @macro("name") itself."""
    import ast
    import inspect

    _discover()
    for name, func in MACROS.items():
        if func.__qualname__.startswith("_page_call"):
            continue
        tree = ast.parse(inspect.getsource(func).lstrip())
        body = [b for b in tree.body[0].body if not (isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant))]
        injected = {"ctx.data", "ctx.lang", "ctx.url", "ctx.edition"}
        call = body[0].value if len(body) == 1 and isinstance(body[0], ast.Return) else None
        args = [ast.unparse(a) for a in call.args] if isinstance(call, ast.Call) and not call.keywords else []
        forwards = ({"ctx.data", "ctx.lang", "ctx.url"} <= set(args)
                    and all(a in injected or a.isidentifier() for a in args))
        assert not forwards, f"macro {name} only forwards its arguments"


def test_a_name_is_registered_once():
    with pytest.raises(RuntimeError, match="registered twice"):
        registry.macro("smart_region")(lambda data, lang, here: "")
