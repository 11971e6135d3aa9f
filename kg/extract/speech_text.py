"""The article as syllables, with what earlier components marked on them.

The statement rules look at syllables rather than spaCy tokens (see
:mod:`kg.extract.speech_cues`). Entities, titles and sentences come from the
earlier components as character spans; this view maps each of them, and each
quotation, onto syllable indices so a rule can ask "is syllable ``i`` inside an
actor, a post, a quotation?" in constant time.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.extract.quotes import Quote, quoted_ranges
from kg.extract.speech_cues import SYLLABLE, Cues
from kg.nlp.extensions import span_values
from kg.nlp.strings import doc_strings

if not Span.has_extension("kg_key"):
    Span.set_extension("kg_key", default=None)

ACTOR_LABELS = ("Person", "Country", "Organization", "Place")


@dataclass
class Actor:
    """An entity mention as a syllable range."""

    start: int
    end: int
    key: str
    label: str
    outlet: bool = False  # a news outlet: it relays rather than speaks


class Text:
    """Syllables of a Doc with the entity, title, quotation and sentence of each.

    Attributes:
        raw, low: each syllable as written and lower-cased.
        actor_at: the actor mention covering each syllable, or None.
        title_end: at the first syllable of a title span, its end.
        in_title: whether the syllable is inside a title span or a title cue.
        quote_at: the quotation whose inner text holds the syllable.
        mark_at: the quotation whose opening or closing mark is the syllable.
    """

    def __init__(self, doc: Doc, cues: Cues) -> None:
        self.text, self.cues = doc_strings(doc).text, cues
        found = list(SYLLABLE.finditer(self.text))
        self.start = [m.start() for m in found]
        self.end = [m.end() for m in found]
        self.raw = [m.group() for m in found]
        self.low = [w.lower() for w in self.raw]
        if len(doc) and doc.has_annotation("SENT_START"):
            self.sents = [(s.start_char, s.end_char) for s in doc.sents]
        else:  # no sentence splitter ran: one sentence
            self.sents = [(0, len(self.text))]
        # a syllable belongs to the first sentence ending after its start (the last one at most)
        cuts = [bisect_left(self.start, e) for _s, e in self.sents[:-1]] + [len(self.start)]
        self.sent_of: list[int] = []
        self._sent_range: dict[int, tuple[int, int]] = {}  # sentence -> its syllable range
        lo = 0
        for k, hi in enumerate(cuts):
            if hi > lo:
                self.sent_of += [k] * (hi - lo)
                self._sent_range[k] = (lo, hi)
                lo = hi
        self._captions: dict[int, bool] = {}
        self._mark_actors(doc)
        self._mark_titles(doc)
        self._mark_quotes()
        self.countries = {tuple(self.low[a.start:a.end]): a.key
                          for a in self.actors if a.label == "Country"}

    def _mark_actors(self, doc: Doc) -> None:
        self.actor_at: list[Actor | None] = [None] * len(self)
        self.actors: list[Actor] = []
        keys = span_values(doc, "kg_key")
        outlet_names, outlets = self.cues.of("outlet_name"), self.cues.of("outlet")
        for ent in doc.ents:
            s, e, label = ent.start_char, ent.end_char, ent.label_
            r = self.range(s, e)
            if label in ACTOR_LABELS and r:
                a, b = r
                actor = Actor(a, b, keys.get((s, e)) or self.text[s:e], label)
                actor.outlet = label == "Organization" and (
                    tuple(self.low[a:b]) in outlet_names or self.match_end(a - 1, outlets) > 0)
                self.actors.append(actor)
                self.actor_at[a:b] = [actor] * (b - a)

    def _mark_titles(self, doc: Doc) -> None:
        n = len(self)
        self.title_end: list[int | None] = [None] * n
        self.in_title = [False] * n
        for span in doc.spans["titles"] if "titles" in doc.spans else []:
            r = self.range(span.start_char, span.end_char)
            if r and self.actor_at[r[0]] is None:
                self.title_end[r[0]] = r[1]
                self.in_title[r[0]:r[1]] = [True] * (r[1] - r[0])
        titles, generic = self.cues.of("title"), self.cues.of("generic_title")
        heads = self.heads(titles) | self.heads(generic)
        for i, w in enumerate(self.low):
            if w in heads:  # only there can a title cue start
                m = max(self.match(i, titles), self.match(i, generic))
                self.in_title[i:i + m] = [True] * m

    def _mark_quotes(self) -> None:
        n = len(self)
        self.quotes: list[Quote] = []
        for cs, ce in quoted_ranges(self.text):
            r = self.range(cs, ce)
            if r:
                self.quotes.append(Quote(cs, ce, r[0], r[1]))
        self.quote_at: list[Quote | None] = [None] * n
        self.mark_at: list[Quote | None] = [None] * n
        for q in self.quotes:
            for i in range(q.s0, q.s1):
                self.quote_at[i] = q
            for i in (q.s0 - 1, q.s1):
                if 0 <= i < n:
                    self.mark_at[i] = q

    def __len__(self) -> int:
        return len(self.low)

    def range(self, cs: int, ce: int) -> tuple[int, int] | None:
        """Syllable range inside the character range, or None if empty."""
        i = j = bisect_left(self.start, cs)
        while j < len(self.start) and self.end[j] <= ce:
            j += 1
        return (i, j) if j > i else None

    def match(self, i: int, phrases) -> int:
        """Length of the longest phrase starting at syllable ``i`` (0 if none)."""
        low = self.low
        if i >= len(low):
            return 0
        hit = _FIRST.get(id(phrases))  # inlined _index: this runs for every syllable many times
        index = hit[1] if hit is not None and hit[0] is phrases else _index(phrases, 0)
        for n, group in index.get(low[i], ()):
            if tuple(low[i:i + n]) in group:
                return n
        return 0

    @staticmethod
    def heads(phrases) -> frozenset[str]:
        """The syllables a phrase of ``phrases`` can start with: elsewhere :meth:`match` is 0."""
        _index(phrases, 0)
        return _FIRST[id(phrases)][2]

    @staticmethod
    def tails(phrases) -> frozenset[str]:
        """The syllables a phrase of ``phrases`` can end with: elsewhere :meth:`match_end` is 0."""
        _index(phrases, -1)
        return _LAST[id(phrases)][2]

    def match_end(self, j: int, phrases) -> int:
        """Length of the longest phrase ending at syllable ``j`` (inclusive)."""
        low = self.low
        if not 0 <= j < len(low):
            return 0
        hit = _LAST.get(id(phrases))
        index = hit[1] if hit is not None and hit[0] is phrases else _index(phrases, -1)
        for n, group in index.get(low[j], ()):
            if j - n + 1 >= 0 and tuple(low[j - n + 1:j + 1]) in group:
                return n
        return 0

    def word(self, i: int) -> bool:
        """Whether syllable ``i`` is a word rather than punctuation."""
        return self.raw[i][0].isalnum()

    def sent_bounds(self, i: int) -> tuple[int, int]:
        """Syllable range of the sentence holding syllable ``i``."""
        return self._sent_range[self.sent_of[i]]

    def is_caption(self, i: int) -> bool:
        """Whether syllable ``i`` is in a photo caption (names there are not news)."""
        k = self.sent_of[i]
        caption = self._captions.get(k)
        if caption is None:
            s, e = self._sent_range[k]
            body = self.text[self.start[s]:self.end[e - 1]]
            caption = self._captions[k] = any(c in body for c in self.cues.captions)
        return caption


# id(phrase set) -> (the set, its index, the index's syllables), by first and by last syllable
_FIRST: dict[int, tuple[object, dict, frozenset]] = {}
_LAST: dict[int, tuple[object, dict, frozenset]] = {}


def _index(phrases, end: int) -> dict[str, list[tuple[int, frozenset[tuple[str, ...]]]]]:
    """Phrases grouped by their first (end=0) or last (end=-1) syllable, then
    by length, longest first: a match tries one set per length.

    Matching runs for every syllable of every article, so scanning whole cue
    sets there made statements the slowest stage by far. Cue sets are loaded
    once and never change, so the index is kept per set object (held, so its
    id is never reused).
    """
    indexes = _FIRST if end == 0 else _LAST
    cached = indexes.get(id(phrases))
    if cached is None or cached[0] is not phrases:
        by_syllable: dict[str, dict[int, set[tuple[str, ...]]]] = {}
        for p in phrases:
            if p:
                by_syllable.setdefault(p[end], {}).setdefault(len(p), set()).add(p)
        grouped = {w: [(n, frozenset(ps)) for n, ps in sorted(lengths.items(), reverse=True)]
                   for w, lengths in by_syllable.items()}
        cached = indexes[id(phrases)] = (phrases, grouped, frozenset(grouped))
    return cached[1]

