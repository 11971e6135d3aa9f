"""Actor phrases: the noun phrases that can be the subject of a reporting verb.

A speaker is written as a post, an owner and a name in any combination
("Người phát ngôn Điện Kremlin Dmitry Peskov", "ông Peskov", "Quan chức Nga",
"Nhà Trắng"). The parser reads such a phrase syllable by syllable and records
what it found, leaving the question of *who* it is to :mod:`kg.extract.speakers`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.speech_text import Actor, Text

CLAUSE_PUNCT = frozenset(",:;(-–—")
_MAX_ASIDE = 6  # syllables inside a parenthesis read across


@dataclass
class Phrase:
    """A noun phrase naming or describing an actor ("Người phát ngôn Điện Kremlin")."""

    start: int
    end: int
    persons: list[Actor] = field(default_factory=list)
    others: list[Actor] = field(default_factory=list)
    title_words: list[str] = field(default_factory=list)
    pronoun: str | None = None
    plural: bool = False
    generic: bool = False
    outlet: bool = False
    this: bool = False  # "quan chức này"


_FUNCTION_KINDS = ("theo", "clause_link", "filler", "blocker", "complementizer", "topic_lead")
_FUNCTION_HEADS: dict[int, tuple[object, frozenset[str]]] = {}  # id(cues) -> (cues, first syllables)


def function_word(t: Text, j: int) -> bool:
    """Whether syllable ``j`` opens a verb or a grammatical cue, so a capital
    there (sentence start) does not make it part of a name."""
    c = t.cues
    hit = _FUNCTION_HEADS.get(id(c))
    if hit is None or hit[0] is not c:
        heads = t.heads(c.verbs).union(*(t.heads(c.of(k)) for k in _FUNCTION_KINDS))
        hit = _FUNCTION_HEADS[id(c)] = (c, heads)
    if j >= len(t.low) or t.low[j] not in hit[1]:
        return False  # no such cue starts with this syllable
    return t.match(j, c.verbs) > 0 or any(t.match(j, c.of(k)) for k in _FUNCTION_KINDS)


_PHRASE_KINDS = ("generic_title", "title", "plural", "outlet", "np_lead", "pronoun", "connector", "owner_back")
_PHRASE_HEADS: dict[int, tuple[object, frozenset[str]]] = {}  # id(cues) -> (cues, first syllables)


def _phrase_heads(t: Text) -> frozenset[str]:
    """First syllables of the cue kinds :func:`parse_phrase` reads (per cue set)."""
    c = t.cues
    hit = _PHRASE_HEADS.get(id(c))
    if hit is None or hit[0] is not c:
        hit = _PHRASE_HEADS[id(c)] = (c, frozenset().union(*(t.heads(c.of(k)) for k in _PHRASE_KINDS)))
    return hit[1]


def _no_match(_j: int, _phrases) -> int:
    return 0


def parse_phrase(t: Text, i: int, limit: int) -> Phrase | None:
    """The actor phrase starting at syllable ``i``, or None.

    Capitalised unknown words count as title words ("Phó Chủ tịch") only when
    an actor or a known title follows them inside the phrase.
    """
    c = t.cues
    heads = _phrase_heads(t)
    ph = Phrase(i, i)
    j, pending = i, []
    while j < limit and t.quote_at[j] is None and t.mark_at[j] is None:
        match = t.match if t.low[j] in heads else _no_match  # most syllables start no cue
        a = t.actor_at[j]
        if a is not None:
            if a.start < j:
                return None  # starts inside an entity
            (ph.persons if a.label == "Person" else ph.others).append(a)
            ph.title_words += pending
            pending, j = [], a.end
            ph.end = j
            continue
        te = t.title_end[j]
        n = match(j, c.of("generic_title")) or match(j, c.of("title"))
        if te is not None or n:
            end = te if te is not None else j + n
            # "người đứng đầu chính phủ X": a description, even where the recogniser read a post
            ph.generic = ph.generic or (te is None and match(j, c.of("generic_title")) > 0) or (
                te is not None and match(j, c.of("generic_title")) == te - j)
            ph.title_words += pending + t.low[j:end]
            pending, j = [], end
            ph.end = j
            continue
        n = match(j, c.of("plural"))
        if n and pending:
            pending += t.low[j:j + n]  # "Văn phòng Nội các": the end of a name
            j += n
            continue
        if n:
            ph.plural, j = True, j + n
            continue
        close = aside_end(t, j, limit) if ph.end == j else None
        if close is not None:
            j = close  # "Liên hợp quốc (LHQ)": an abbreviation or gloss
            continue
        n = match(j, c.of("outlet"))
        if n or match(j, c.of("np_lead")):
            ph.outlet = ph.outlet or n > 0
            j += n or match(j, c.of("np_lead"))
            continue
        n = match(j, c.of("pronoun"))
        if n and ph.pronoun is None and not ph.title_words and not pending:
            ph.pronoun = t.low[j]
            j += n
            ph.end = j
            continue
        n = match(j, c.of("owner_back")) if ph.others and ph.end == j else 0
        if n:  # "Bộ Thương mại nước này": the body of the country named before
            j += n
            ph.end = j
            continue
        if t.low[j] == "này" and ph.title_words:
            ph.this, j = True, j + 1
            ph.end = j
            continue
        remit = _remit_end(t, j, limit) if ph.title_words and ph.end == j else None
        if remit is not None:
            j = remit  # "Đặc phái viên (về) khí hậu của Trung Quốc X": the post's remit
            continue
        n = match(j, c.of("connector")) if ph.title_words else 0
        if n or (t.raw[j][0].isupper() and not function_word(t, j)):
            pending += t.low[j:j + max(n, 1)]
            j += max(n, 1)
            continue
        break
    if ph.end == i:
        return None
    if ph.pronoun and not ph.persons and unknown_person(t, ph.end - 1, len(t)):
        return None  # "ông Kostyukov" with the name unrecognised: someone unknown
    return ph


def _remit_end(t: Text, j: int, limit: int) -> int | None:
    """Index of "của" after one to four lower-case words at ``j`` that an actor
    follows: a post's remit ("khí hậu", "về khí hậu"), read as part of it."""
    k = j
    while k < limit and k - j < 4 and t.actor_at[k] is None and t.word(k) and t.raw[k].islower() \
            and t.low[k] != "của" and not function_word(t, k):
        k += 1
    if k == j or k + 1 >= limit or t.low[k] != "của" or t.actor_at[k + 1] is None:
        return None
    return k


def unknown_person(t: Text, i: int, limit: int) -> bool:
    """Whether an honorific at ``i`` introduces a name the recogniser missed
    ("ông Kostyukov"): someone is named, but not anyone known."""
    n = t.match(i, t.cues.of("pronoun"))
    j = i + n
    return n > 0 and j < min(limit, len(t)) and t.actor_at[j] is None \
        and t.raw[j][0].isupper() and not function_word(t, j)


def aside_end(t: Text, j: int, limit: int) -> int | None:
    """Index after a short parenthesis opening at ``j`` ("(LHQ)", "(19/3)",
    "(giờ địa phương)"), or None.

    Such an aside glosses or dates what precedes it, so rules read across it;
    a long one or one holding a verb or a quotation is a clause of its own.
    """
    if j >= limit or t.low[j] != "(":
        return None
    k = j + 1
    while k < limit and k - j <= _MAX_ASIDE and t.low[k] != ")":
        if t.quote_at[k] is not None or t.mark_at[k] is not None or t.match(k, t.cues.verbs):
            return None
        k += 1
    return k + 1 if k < limit and t.low[k] == ")" and k > j + 1 else None


def at_boundary(t: Text, i: int, region: int, loose: bool = False) -> bool:
    """Whether a phrase at ``i`` opens a clause, so it can be a subject.

    Args:
        region: start of the clause's text (sentence or reported content).
        loose: also accept a phrase after adverbs and dates ("Tuần trước
            Ngoại trưởng Nga nói").
    """
    if i <= region:
        return True
    prev = t.low[i - 1]
    if prev in CLAUSE_PUNCT or t.mark_at[i - 1] is not None:
        return True
    links = t.cues.of("clause_link")
    if prev in t.tails(links) and t.match_end(i - 1, links):
        return True
    if loose:
        return t.match_end(i - 1, t.cues.of("filler")) > 0 or any(ch.isdigit() for ch in prev)
    return False


def skip_filler(t: Text, j: int, limit: int, comma: bool = True) -> int:
    """Index after the adverbs, dates, short asides and (once) a comma at ``j``."""
    if comma and j < limit and t.low[j] == ",":
        j += 1
    while j < limit:
        n = t.match(j, t.cues.of("filler"))
        close = aside_end(t, j, limit)
        if n:
            j += n
        elif close is not None:
            j = close
        elif any(ch.isdigit() for ch in t.low[j]) or t.low[j] == "/":
            j += 1
        else:
            break
    return j
