"""Run the spaCy pipeline on one article and collect what it found."""

from __future__ import annotations

from spacy.language import Language

import kg.extract.facts  # noqa: F401  (registers the Doc extensions)
from kg.extract.model import Extraction
from kg.sources.article import Article


def extract(nlp: Language, article: Article) -> Extraction:
    """Extract actors, roles, meetings and statements from one article.

    The article date is set on the Doc before the components run, because the
    date resolver needs it to read "hôm qua" or "đầu tháng 12".
    """
    doc = nlp.make_doc(article.text)
    doc._.article_date = article.date
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return Extraction(
        article_id=article.id,
        entities=list(doc._.entities or []),
        roles=list(doc._.roles or []),
        meetings=list(doc._.meetings or []),
        statements=list(doc._.statements or []),
    )
