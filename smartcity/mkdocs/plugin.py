"""The MkDocs plugin `smartcity` (entry point in pyproject.toml): the one place where MkDocs
events reach our code, in an order written here rather than in a list of hooks files.

Each event runs its steps in the order given; a step that returns a value hands it to the
next, as MkDocs does between plugins. The steps live in the modules named for what they do
(smartcity/mkdocs/*_hooks.py). Listed last in `plugins:`, after search, macros and offline.
"""
from __future__ import annotations

import inspect
from typing import Any, Callable

from mkdocs.plugins import BasePlugin, event_priority

from smartcity.mkdocs import (bundle_hooks, edition_hooks, guide_pdf_hooks, hooks, library_hooks, qa_hooks,
                              reads_hooks, references_hooks, search_hooks, worksheet_hooks)
from smartcity.mkdocs.options import Options, SmartCityConfig

# event -> its steps, in order. The reasons for an order are beside it.
STEPS: dict[str, tuple[Callable[..., Any], ...]] = {
    "startup": (guide_pdf_hooks.on_startup, search_hooks.on_startup, reads_hooks.on_startup),
    # Language, edition, nav and snippets first; the edition's palette and footer need them.
    # Last, the digests of what they made (a dirty build compares them with its record's).
    "config": (hooks.on_config, edition_hooks.on_config, reads_hooks.on_config),
    # Worksheet downloads before pages render: pages show their sizes.
    "pre_build": (worksheet_hooks.on_pre_build, guide_pdf_hooks.on_pre_build, search_hooks.on_pre_build),
    # The edition's assets, then the case pages and open data, then the bundles of all the
    # styles and scripts added so far, then the search index's view of the final file list.
    # Last, which pages a dirty build renders again (the library's pages are among the files).
    "files": (edition_hooks.on_files, library_hooks.on_files, bundle_hooks.on_files, search_hooks.on_files,
              reads_hooks.on_files),
    "nav": (guide_pdf_hooks.on_nav,),
    # Each page's data reads are recorded from here to page_content, and from page_context on.
    "pre_page": (reads_hooks.on_pre_page,),
    "page_markdown": (hooks.on_page_markdown,),
    # The page's sources first (its numbered markers and list get the typography too), then
    # French typography: the accessibility checks and the guide PDF see the final text.
    "page_content": (references_hooks.on_page_content, hooks.on_page_content, qa_hooks.on_page_content,
                     guide_pdf_hooks.on_page_content),
    "env": (guide_pdf_hooks.on_env,),
    "page_context": (reads_hooks.on_page_context, guide_pdf_hooks.on_page_context),
    "template_context": (hooks.on_template_context,),
    # The whole page's typography before anything reads the final HTML.
    "post_page": (hooks.on_post_page, search_hooks.on_post_page, reads_hooks.on_post_page),
    "post_template": (hooks.on_post_template,),
    "build_error": (reads_hooks.on_build_error,),
    "post_build": (worksheet_hooks.on_post_build, guide_pdf_hooks.on_post_build, search_hooks.on_post_build,
                   reads_hooks.on_post_build),
}
# page_content's last step closes the page's recording (after the steps above have read).
STEPS["page_content"] += (reads_hooks.on_page_content,)


# The steps that keep state between events of one build take it as `state`: the plugin holds
# one dict per such module, so nothing lives at module level.
STATEFUL = (guide_pdf_hooks, search_hooks, reads_hooks)


class SmartCityPlugin(BasePlugin[SmartCityConfig]):
    """Options (typed, each defaulting from its environment variable): see options.py."""

    def __init__(self) -> None:
        super().__init__()
        self.states: dict[str, dict] = {m.__name__: {} for m in STATEFUL}
        self.options: Options | None = None
        self.dirty = False

    def _extra(self, step: Callable[..., Any]) -> dict[str, Any]:
        state = self.states.get(step.__module__)
        extra = {} if state is None else {"state": state}
        if "options" in inspect.signature(step).parameters:
            extra["options"] = self.options
        return extra

    def _chain(self, event: str, item: Any, **kwargs: Any) -> Any:
        for step in STEPS[event]:
            result = step(item, **kwargs, **self._extra(step))
            if result is not None:
                item = result
        return item

    def _each(self, event: str, **kwargs: Any) -> None:
        for step in STEPS[event]:
            step(**kwargs, **self._extra(step))

    def on_startup(self, *, command, dirty):
        self.dirty = dirty
        self._each("startup", command=command, dirty=dirty)

    def on_config(self, config):
        self.options = Options.resolve(self.config, dirty=self.dirty)
        return self._chain("config", config)

    def on_pre_build(self, *, config):
        self._each("pre_build", config=config)

    def on_files(self, files, *, config):
        return self._chain("files", files, config=config)

    def on_nav(self, nav, *, config, files):
        return self._chain("nav", nav, config=config, files=files)

    def on_pre_page(self, page, *, config, files):
        return self._chain("pre_page", page, config=config, files=files)

    def on_page_markdown(self, markdown, *, page, config, files):
        return self._chain("page_markdown", markdown, page=page, config=config, files=files)

    def on_page_content(self, html, *, page, config, files):
        return self._chain("page_content", html, page=page, config=config, files=files)

    def on_env(self, env, *, config, files):
        return self._chain("env", env, config=config, files=files)

    def on_page_context(self, context, *, page, config, nav):
        return self._chain("page_context", context, page=page, config=config, nav=nav)

    def on_template_context(self, context, *, template_name, config):
        return self._chain("template_context", context, template_name=template_name, config=config)

    def on_post_page(self, output, *, page, config):
        return self._chain("post_page", output, page=page, config=config)

    def on_post_template(self, output_content, *, template_name, config):
        return self._chain("post_template", output_content, template_name=template_name, config=config)

    def on_build_error(self, *, error):
        self._each("build_error", error=error)

    @event_priority(-50)  # after Material's search plugin writes the index, before offline inlines it
    def on_post_build(self, *, config):
        self._each("post_build", config=config)
