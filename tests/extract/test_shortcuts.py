"""Speed shortcuts read exactly what the plain computation reads.

The rules search end-anchored patterns only in the tail of a text that can
hold a match (:func:`kg.extract.phrase_patterns.search_end`); these tests run the
pipeline over the bundled and held-out articles, also with white space
stretched, and check every such search against the plain ``rx.search``.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from kg.extract import participants, phrase_patterns
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
    plain = phrase_patterns.search_end
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



def test_cue_anywhere_finds_whatever_the_whole_word_cue_finds():
    from kg.extract.participants import cue_anywhere, cue_regex, meeting_cues

    texts = [participants.fold_for_match(a.text) for a in _articles()]
    rng = random.Random(9)
    for category in meeting_cues():
        whole, loose = cue_regex("meeting", category), cue_anywhere("meeting", category)
        for text in texts:
            for _ in range(20):
                a, b = sorted(rng.randrange(len(text) + 1) for _ in range(2))
                if whole.search(text[a:b]) or whole.search(text, a, b):
                    assert loose.search(text, a, b), (category, text[a:b])


def test_member_lists_skip_only_sentences_without_their_cues(monkeypatch):
    from kg.extract import meeting_delegations
    from kg.nlp.pipeline import load_pipeline

    plain = meeting_delegations._member_lists
    seen = []

    def both(art, view):
        got = plain(art, view)
        with monkeypatch.context() as m:  # the cue test always passes: the atoms are read
            m.setattr(meeting_delegations, "cue_anywhere", lambda *_: __import__("re").compile(""))
            assert plain(art, view) == got
        seen.append(bool(got))
        return got

    monkeypatch.setattr(meeting_delegations, "_member_lists", both)
    nlp = load_pipeline()
    for article in _articles():
        extract(nlp, article)
    assert seen and any(seen)


def test_lexicon_walks_stop_early_without_changing_what_they_find(monkeypatch):
    """Walks over lexicon keys stop where no key starts so (scanner._prefixes)."""
    from kg.extract import scanner
    from kg.extract.gazetteer import get_gazetteer
    from kg.nlp.pipeline import load_pipeline

    class Everything:
        def __contains__(self, _key):
            return True

    nlp = load_pipeline()
    gaz = get_gazetteer()
    docs = []
    for article in _articles():
        doc = nlp.make_doc(article.text)
        for name in ("kg_sentences",):
            doc = nlp.get_pipe(name)(doc)
        docs.append(doc)
    pruned = [scanner.Scanner(doc, gaz).run() for doc in docs]
    monkeypatch.setattr(scanner, "_prefixes", lambda _table: Everything())
    assert [scanner.Scanner(doc, gaz).run() for doc in docs] == pruned


def _plain_word_regex(rx):
    """The whole-word cue pattern in its plain form (tried at every position)."""
    import re

    return re.compile(rf"(?<![\w])(?:{phrase_patterns.grouped(_alts_of[rx])})(?![\w])", re.IGNORECASE)


_alts_of: dict = {}


def test_cue_patterns_scan_for_their_first_letters_exactly(monkeypatch):
    """Cue patterns open with the class of their first characters in every
    case (so the engine scans for them); they find what the plain form finds."""
    import re

    from kg.extract import meeting_vocab

    plain_word_regex = participants._word_regex

    def recording(phrases):
        rx = plain_word_regex(phrases)
        _alts_of[rx] = sorted({participants.norm(p) for p in phrases if p.strip()}, key=len, reverse=True)
        return rx

    monkeypatch.setattr(participants, "_word_regex", recording)
    participants.cue_regex.cache_clear()
    participants._cached_regex.cache_clear()
    patterns = [participants.cue_regex("meeting", c) for c in participants.meeting_cues()]
    patterns += [participants.cue_regex("role", c) for c in participants.role_cues()]
    patterns += [meeting_vocab.trigger_regex.__wrapped__()[0], meeting_vocab.reporting_verbs.__wrapped__()]
    patterns = [rx for rx in patterns if rx in _alts_of]
    odd = "Kali İran ıran ſ KİM Σίσυφος ς 🇻🇳 hoà HOÀ Hai BÊN ĐOÀN đoàn\u00a0Mỹ e\u0301 ǅ ǆ ẞ ß ﬁ"
    texts = [a.text for a in _articles()] + [odd, odd.upper(), odd.lower(), odd.casefold()]
    texts += [participants.fold_for_match(t) for t in texts]
    rng = random.Random(11)
    for rx in patterns:
        plain = _plain_word_regex(rx)
        for text in texts:
            assert [m.span() for m in rx.finditer(text)] == [m.span() for m in plain.finditer(text)], rx.pattern[:60]
            for _ in range(5):
                a, b = sorted(rng.randrange(len(text) + 1) for _ in range(2))
                assert [m.span() for m in rx.finditer(text, a, b)] == [m.span() for m in plain.finditer(text, a, b)]
    # no character beyond the BMP matches a first character case-insensitively
    heads = {a[0] for alts in _alts_of.values() for a in alts}
    every = "".join(map(chr, range(0x110000)))
    any_head = re.compile("[" + "".join(map(re.escape, heads)) + "]", re.IGNORECASE)
    assert all(m.group() <= "\uffff" for m in any_head.finditer(every))
    participants.cue_regex.cache_clear()
    participants._cached_regex.cache_clear()
