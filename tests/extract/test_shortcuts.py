"""Speed shortcuts read exactly what the plain computation reads.

The rules search end-anchored patterns only in the tail of a text that can
hold a match (:func:`kg.extract.participants.search_end`); these tests run the
pipeline over the bundled and held-out articles, also with white space
stretched, and check every such search against the plain ``rx.search``.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from kg.extract import participants
from kg.extract.extractor import extract
from kg.sources.article import Article
from kg.sources.readers import read_paths

ROOT = Path(__file__).resolve().parents[2]


def _articles() -> list[Article]:
    folders = [ROOT / "sources", ROOT / "eval/heldout/sources", ROOT / "eval/heldout2/sources"]
    arts = [a for a in read_paths(folders) if isinstance(a, Article)]
    rng = random.Random(3)
    stretched = []
    for a in arts:  # white space runs of every kind between words
        text = " ".join(w + rng.choice(["", "", " ", "  ", "\t", "\u00a0"]) for w in a.text.split(" "))
        stretched.append(Article(id=a.id + "-ws", text=text, date=a.date, origin=a.origin))
    return arts + stretched


@pytest.fixture()
def checked_search_end(monkeypatch):
    plain = participants.search_end
    calls = []

    def checked(rx, text, runs):
        got = plain(rx, text, runs)
        want = rx.search(text)
        assert (got and got.span()) == (want and want.span()), (rx.pattern[:80], text, runs)
        calls.append(got is not None)
        return got

    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("kg.") and getattr(module, "search_end", None) is plain:
            monkeypatch.setattr(module, "search_end", checked)
    return calls


def test_search_end_finds_what_a_full_search_finds(checked_search_end):
    from kg.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    for article in _articles():
        extract(nlp, article)
    assert checked_search_end and any(checked_search_end)  # the shortcut ran, and found things


def test_cue_find_finds_what_finditer_finds(monkeypatch):
    """Cue patterns tried only where a word their phrases open with starts."""
    from kg.extract import meeting_article
    from kg.nlp.pipeline import load_pipeline

    plain_find = meeting_article.ArticleFacts.find
    facts = []

    def checked(self, pat, a, b):
        got = plain_find(self, pat, a, b)
        assert [m.span() for m in got] == [m.span() for m in pat.finditer(self.ftext, a, b)]
        if not facts or facts[-1] is not self:
            facts.append(self)
        return got

    monkeypatch.setattr(meeting_article.ArticleFacts, "find", checked)
    nlp = load_pipeline()
    for article in _articles():
        extract(nlp, article)
    patterns = [rx for rx, _openers, _known in participants._OPENERS.values()]
    assert facts and patterns
    rng = random.Random(5)
    for art in facts:  # any range, also inside words, with every cue pattern
        n = len(art.ftext)
        for _ in range(60):
            a, b = sorted(rng.randrange(n + 1) for _ in range(2))
            for pat in rng.sample(patterns, 8):
                assert [m.span() for m in plain_find(art, pat, a, b)] == \
                    [m.span() for m in pat.finditer(art.ftext, a, b)]
