"""Statements: quotations and reported speech with their speaker ("kg_statements").

A statement is triggered by a reporting verb ("X cho biết ..."), by an
attribution "Theo X, ...", or by a quotation whose speaker is named right after
it ("“...”, ông nói."). The speaker is the actor phrase in subject position; an
unnamed one ("ông", "Người phát ngôn Điện Kremlin", "Quan chức Nga") is
resolved to a person named earlier in the article. Entities, titles and
sentences come from the earlier components as character spans.

The work is split by job:

* :mod:`kg.extract.speech_cues` reads the cue words (``statement_cues.tsv``,
  ``reporting_verbs.tsv`` and the shared outlet, honorific and title lexicons);
* :mod:`kg.extract.speech_text` lays the Doc out as syllables, with
  :mod:`kg.extract.quotes` finding the quotations;
* :mod:`kg.extract.speaker_phrases` parses actor phrases and
  :mod:`kg.extract.speakers` resolves them to entities;
* :mod:`kg.extract.reported_speech` reads reporting clauses;
* :mod:`kg.extract.statement_finder` runs them over the sentences and writes
  the statements.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import kg.extract.facts  # noqa: F401  (registers doc._.statements)
from kg.extract.model import Statement
from kg.extract.speech_cues import Cues, load_cues
from kg.extract.statement_finder import Finder

__all__ = ["Cues", "StatementComponent", "find_statements", "load_cues"]


def find_statements(doc: Doc, cues: Cues) -> list[Statement]:
    """All statements of ``doc`` in text order; entities must already be set."""
    if not len(doc):
        return []
    return Finder(doc, cues).run()


class StatementComponent:
    """spaCy component filling ``doc._.statements``."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    def __call__(self, doc: Doc) -> Doc:
        doc._.statements = find_statements(doc, self.cues)
        return doc


@Language.factory(
    "kg_statements",
    default_config={"verbs": "reporting_verbs", "cues": "statement_cues",
                    "outlets": "outlet_cues", "honorifics": "honorifics", "titles": "titles",
                    "outlet_names": "outlets"},
)
def make_statements(nlp: Language, name: str, verbs: str, cues: str, outlets: str,
                    honorifics: str, titles: str, outlet_names: str) -> StatementComponent:
    """Config entry point; the arguments are lexicon names under ``kg/lang/vi``."""
    return StatementComponent(load_cues(verbs, cues, outlets, honorifics, titles, outlet_names))
