"""The plugin's options. Each may be set under `smartcity:` in mkdocs.yml, and each defaults
from its environment variable, so that forks and `make serve` never edit mkdocs.yml.

| option | environment | what it does |
|---|---|---|
| `reads_file` | `SC_READS_FILE` | write which data sources each page read here (`{lang}` is replaced) |
| `defer_downloads` | `SC_DEFER_DOWNLOADS=1` | a dirty build keeps the published worksheet documents whose inputs changed; a full build brings them up to date |
| `guide_pdf_html` | `SC_GUIDE_PDF_HTML` | also write the guide PDF's print page here (`{lang}` is replaced) |

The edition file stays an environment variable (`SC_EDITION`): scripts that are not MkDocs
builds (the site root, the offline zip, the outputs' command lines) read it too.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping

from mkdocs.config import base
from mkdocs.config import config_options as c


class SmartCityConfig(base.Config):
    reads_file = c.Optional(c.Type(str))
    defer_downloads = c.Optional(c.Type(bool))
    guide_pdf_html = c.Optional(c.Type(str))


ENV = {"reads_file": "SC_READS_FILE", "defer_downloads": "SC_DEFER_DOWNLOADS", "guide_pdf_html": "SC_GUIDE_PDF_HTML"}


@dataclass(frozen=True)
class Options:
    reads_file: str = ""
    defer_downloads: bool = False  # only ever applied to a dirty build
    guide_pdf_html: str = ""

    @classmethod
    def resolve(cls, config: Mapping, dirty: bool = False, environ: Mapping[str, str] = os.environ) -> "Options":
        """mkdocs.yml first, then the environment, then the defaults above."""
        def value(name: str):
            chosen = config.get(name)
            return environ.get(ENV[name]) if chosen is None else chosen

        defer = value("defer_downloads")
        return cls(reads_file=value("reads_file") or "",
                   defer_downloads=dirty and (defer is True or defer == "1"),
                   guide_pdf_html=value("guide_pdf_html") or "")
