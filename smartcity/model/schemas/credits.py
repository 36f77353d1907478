"""The attribution every edition keeps (data/credits.yml): the source guide and this project."""
from __future__ import annotations

import datetime
from typing import Optional

from pydantic import AnyHttpUrl

from smartcity.model.schemas.base import NonEmpty, Source, Strict, Text


class SourceGuide(Strict):
    title: NonEmpty  # the French title, in every language: it is the book's name
    authors: Text
    publisher: Text
    year: int


class Project(Strict):
    name: Text
    what: Text
    url: Optional[AnyHttpUrl] = None  # the project's public home, once it has one


class Checked(Strict):
    """How the edition's content was checked against its sources, and when (the audit of
    issue 19, recorded in audit/pages.yml). Shown on the credits page by edition_checked()."""

    date: datetime.date
    how: Text  # `{date}` stands for the date, written the way the page's language writes it


class Credits(Strict):
    source: SourceGuide
    project: Project
    checked: Optional[Checked] = None


SOURCES = [Source("credits", "credits.yml", Credits)]
