"""Extraction over a stream of articles, on this machine.

Both engines (this one and :mod:`kg.extract.distributed`) turn the readers'
stream into ``(article, extraction)`` pairs, passing reader problems through
in order, so the graph stage does not care where extraction ran.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg import messages as msg
from kg.extract.extractor import extract
from kg.extract.model import Extraction
from kg.sources.article import Article
from kg.sources.readers import Problem

Result = Problem | tuple[Article, Extraction]


def safe_extract(nlp, article: Article) -> Extraction | Problem:
    """Extract, turning a crash on one article into a problem for that article."""
    try:
        return extract(nlp, article)
    except Exception as err:  # noqa: BLE001 - one bad article must not stop a batch
        return Problem(article.origin, msg.say(msg.ARTICLE_FAILED, origin=article.origin, reason=f"{type(err).__name__}: {err}"))


def extract_local(items: Iterable[Article | Problem]) -> Iterator[Result]:
    from kg.nlp.pipeline import load_pipeline  # spaCy and underthesea load slowly: only when extracting

    nlp = load_pipeline()
    for item in items:
        if isinstance(item, Problem):
            yield item
            continue
        result = safe_extract(nlp, item)
        yield result if isinstance(result, Problem) else (item, result)
