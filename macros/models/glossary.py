"""Glossary terms: the glossary page and the abbreviation tooltips on every page share them."""
from __future__ import annotations

from typing import Optional

from .base import Id, NonEmpty, Source, Strict, Text


class Term(Strict):
    id: Id
    term: Text
    abbr: Optional[Text] = None      # the short form hovered in text, e.g. PPP / PPP
    definition: Text
    see: tuple[NonEmpty, ...] = ()   # related step ids or page paths


class GlossaryFile(Strict):
    terms: tuple[Term, ...]

    def ids(self):
        for term in self.terms:
            yield "term", term.id, term


SOURCES = [Source("glossary", "glossary.yml", GlossaryFile, optional=True)]
