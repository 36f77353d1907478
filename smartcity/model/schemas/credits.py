"""The attribution every edition keeps (data/credits.yml): the source guide and this project."""
from __future__ import annotations

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


class Credits(Strict):
    source: SourceGuide
    project: Project


SOURCES = [Source("credits", "credits.yml", Credits)]
