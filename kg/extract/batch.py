"""Extraction over a stream of articles, on this machine.

Both engines (this one and :mod:`kg.extract.distributed`) turn the readers'
stream into ``(article, extraction)`` pairs, passing reader problems through
in order, so the graph stage does not care where extraction ran. ``then``
is work the caller wants done on each pair where it was extracted (the
build maps it to its graph there), its result standing for the extraction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from kg import messages as msg
from kg.extract.extractor import extract
from kg.extract.model import Extraction
from kg.sources.article import Article
from kg.sources.readers import Problem

Result = Problem | tuple[Article, Extraction | Any]
Then = Callable[[Article, Extraction], Any]


def safe_extract(nlp, article: Article, then: Then | None = None) -> Extraction | Any | Problem:
    """Extract (and ``then``), turning a crash on one article into a problem for that article."""
    try:
        extraction = extract(nlp, article)
        return then(article, extraction) if then is not None else extraction
    except Exception as err:  # noqa: BLE001 - one bad article must not stop a batch
        return Problem(article.origin, msg.say(msg.ARTICLE_FAILED, origin=article.origin, reason=f"{type(err).__name__}: {err}"))


def extract_local(items: Iterable[Article | Problem], then: Then | None = None) -> Iterator[Result]:
    from kg.nlp.pipeline import load_pipeline  # spaCy and underthesea load slowly: only when extracting

    nlp = load_pipeline()
    for item in items:
        if isinstance(item, Problem):
            yield item
            continue
        result = safe_extract(nlp, item, then)
        yield result if isinstance(result, Problem) else (item, result)
