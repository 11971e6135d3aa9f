"""Property tests: any text through the real pipeline and graph mapping.

Whatever the input (random Unicode, HTML scraps, long articles), extraction
must not crash, every offset must lie inside the text, and every piece of
evidence must be an exact slice of the article body and of its sentence.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.extract.model import Evidence, Extraction
from kg.sources.article import Article

SOURCES = Path(__file__).resolve().parents[2] / "sources"
FAST = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LONG = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@functools.lru_cache(maxsize=1)
def nlp():
    from kg.nlp.pipeline import load_pipeline

    return load_pipeline()


@functools.lru_cache(maxsize=1)
def source_sentences() -> tuple[str, ...]:
    """Sentences of the bundled articles: realistic material to shuffle."""
    out = []
    for path in sorted(SOURCES.glob("*.txt")):
        body = path.read_text(encoding="utf-8").split(None, 2)[2]
        out += [s.strip() for s in re.split(r"(?<=[.!?…\"”])\s+", body) if s.strip()]
    return tuple(out)


@functools.lru_cache(maxsize=1)
def source_words() -> tuple[str, ...]:
    return tuple(sorted({w for s in source_sentences() for w in s.split()}))


# Strategies -----------------------------------------------------------------------------------

SPACES = st.sampled_from([" ", " ", " ", "\n", "\n\n", "\t", "\u00a0", "\u200b", "\r\n", "  ", "\u3000"])
PUNCT = st.sampled_from(list(".,;:!?…\"“”'‘’()[]-–—/%") + [" - ", "...", ". ", "\"", "«", "»"])

vi_word = st.deferred(lambda: st.sampled_from(source_words()))
vi_token = st.one_of(vi_word, vi_word, vi_word, PUNCT, st.text(min_size=1, max_size=4))
vi_text = st.lists(st.tuples(vi_token, SPACES), max_size=120).map(lambda parts: "".join(w + s for w, s in parts))

TAGS = ["p", "div", "span", "a", "b", "i", "em", "strong", "h1", "h2", "li", "ul", "td", "script", "style"]
ENTITIES = ["&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;", "&#8220;", "&#x1EA1;", "&hellip;", "&"]


@st.composite
def html(draw) -> str:
    """Scraps of a news page: nested tags, attributes, entities, comments, broken markup."""
    pieces = []
    for _ in range(draw(st.integers(1, 25))):
        kind = draw(st.integers(0, 7))
        if kind == 0:
            tag = draw(st.sampled_from(TAGS))
            attr = draw(st.sampled_from(["", ' class="title"', ' href="https://vnexpress.net/a-1.html"', " style='x:1'", " data-x=<>"]))
            pieces.append(f"<{tag}{attr}>")
        elif kind == 1:
            pieces.append(f"</{draw(st.sampled_from(TAGS))}>")
        elif kind == 2:
            pieces.append(draw(st.sampled_from(ENTITIES)))
        elif kind == 3:
            pieces.append(draw(st.sampled_from(["<br>", "<br/>", "<!-- quảng cáo -->", "<img src=x.jpg alt=\"Putin\">", "<", ">", "</", "<p", "-->"])))
        else:
            pieces.append(draw(st.sampled_from(source_sentences())) if kind < 6 else draw(vi_text))
    return "".join(pieces)


long_text = st.lists(
    st.one_of(st.sampled_from(source_sentences()), vi_text.filter(bool)),
    min_size=50, max_size=400,
).flatmap(lambda parts: st.tuples(st.just(parts), st.lists(SPACES, min_size=len(parts), max_size=len(parts)))) \
 .map(lambda pair: "".join(p + s for p, s in zip(*pair)))

dates = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


# Checks ------------------------------------------------------------------------------------------


def all_evidence(extraction: Extraction) -> list[tuple[str, Evidence]]:
    found = [(f"mention of {e.key}", ev) for e in extraction.entities for ev in e.mentions]
    found += [(f"role {r.title!r}", r.evidence) for r in extraction.roles]
    found += [(f"meeting {m.trigger!r}", ev) for m in extraction.meetings for ev in m.evidence]
    found += [(f"statement of {s.speaker}", s.evidence) for s in extraction.statements]
    return found


def offset_errors(body: str, extraction: Extraction) -> list[str]:
    """Evidence outside the text, or not equal to the text it points at."""
    errors = []
    for what, ev in all_evidence(extraction):
        if not (0 <= ev.start <= ev.end <= len(body)):
            errors.append(f"{what}: span {ev.start}-{ev.end} outside 0-{len(body)}")
        elif body[ev.start:ev.end] != ev.text:
            errors.append(f"{what}: text {ev.text!r} != body[{ev.start}:{ev.end}] {body[ev.start:ev.end]!r}")
    return errors


def sentence_errors(body: str, extraction: Extraction) -> list[str]:
    """Evidence whose sentence does not hold it at ``start - sentence_start``."""
    errors = []
    for what, ev in all_evidence(extraction):
        local = ev.start - ev.sentence_start
        if not (0 <= ev.sentence_start <= ev.start and ev.end - ev.sentence_start <= len(ev.sentence)):
            errors.append(f"{what}: span {ev.start}-{ev.end} not inside sentence at {ev.sentence_start} (len {len(ev.sentence)})")
        elif ev.sentence[local:local + len(ev.text)] != ev.text:
            errors.append(f"{what}: sentence[{local}:] {ev.sentence[local:local + len(ev.text)]!r} != {ev.text!r}")
    return errors


def run(body: str, date: str | None = "2026-01-23") -> tuple[Article, Extraction]:
    from kg.extract.extractor import extract

    article = Article(id="prop", text=body, date=date, origin="prop.txt")
    return article, extract(nlp(), article)


def check_graph(article: Article, extraction: Extraction) -> None:
    """The mapping accepts it, the store loads it, and every mention's anchor is its slice."""
    from kg.graph.mapping import article_graph
    from kg.graph.store import GraphStore

    graph = article_graph(article, extraction)
    store = GraphStore.in_memory()
    store.replace_article(article.id, graph)
    rows = store.query("SELECT ?s ?e ?t WHERE { ?m a dip:Mention ; dip:startChar ?s ; dip:endChar ?e ; dip:anchorText ?t }")
    for row in rows:
        start, end = int(row["s"].value), int(row["e"].value)
        assert article.text[start:end] == row["t"].value


# Properties ----------------------------------------------------------------------------------------

EDGE_CASES = ["", " ", "\n\n\n", ".", "\"", "Putin", "Ông Putin.", "\u0300\u0301", "a\u200bb", "\x00\x01\x7f", "\ufeffNga", "𝒱𝒾ệ𝓉 😀 Nam", "Ông  Putin\r\nnói."]


@FAST
@given(body=st.text(max_size=400), date=dates)
@example(body=EDGE_CASES[0], date=None)
def test_random_unicode(body, date):
    article, extraction = run(body, date)
    assert offset_errors(body, extraction) == []
    assert sentence_errors(body, extraction) == []
    check_graph(article, extraction)


@pytest.mark.parametrize("body", EDGE_CASES)
def test_edge_cases(body):
    article, extraction = run(body)
    assert offset_errors(body, extraction) == []
    assert sentence_errors(body, extraction) == []
    check_graph(article, extraction)


@FAST
@given(body=vi_text, date=dates)
def test_vietnamese_word_salad(body, date):
    article, extraction = run(body, date)
    assert offset_errors(body, extraction) == []
    assert sentence_errors(body, extraction) == []
    check_graph(article, extraction)


@FAST
@given(body=html())
def test_random_html(body):
    article, extraction = run(body)
    assert offset_errors(body, extraction) == []
    assert sentence_errors(body, extraction) == []
    check_graph(article, extraction)


@LONG
@given(body=long_text, date=dates)
def test_long_texts(body, date):
    article, extraction = run(body, date)
    assert offset_errors(body, extraction) == []
    assert sentence_errors(body, extraction) == []
    check_graph(article, extraction)


def test_bundled_articles_concatenated():
    """The five articles as one long text: everything found must point at the right place."""
    body = "\n\n".join(source_sentences()) * 2
    article, extraction = run(body)
    assert extraction.entities, "the pipeline found nothing in the bundled articles"
    assert offset_errors(body, extraction) == []
    assert sentence_errors(body, extraction) == []
    check_graph(article, extraction)
