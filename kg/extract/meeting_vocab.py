"""Cue vocabulary of the meeting rules, read from ``kg/lang/vi`` TSV files.

Every word list lives in ``meeting_triggers.tsv``, ``meeting_cues.tsv`` and
``status_cues.tsv``; this module only turns them into cached regexes and
tables, so the rules never hold literal word lists.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.participants import cue_regex, cue_words, lexicon, meeting_cues, norm, phrase_regex

CALL, VISIT = "call", "visit"
WEAK = "weak"
STRONG = "strong"


def family(kind: str) -> str:
    """Kinds that may report the same contact: calls, visits, in-person."""
    return kind if kind in (CALL, VISIT) else "meet"


@lru_cache(maxsize=None)
def cue(category: str) -> re.Pattern[str]:
    """Whole-word regex of one ``meeting_cues.tsv`` category."""
    return cue_regex("meeting", category)


@lru_cache(maxsize=None)
def cue_pattern(template: str) -> re.Pattern[str]:
    """``template`` with each ``<<category>>`` replaced by that category's
    pattern, compiled once (case-insensitive) rather than on every call."""
    return re.compile(re.sub(r"<<(\w+)>>", lambda m: cue(m.group(1)).pattern, template), re.I)


@lru_cache(maxsize=None)
def words(*categories: str) -> int:
    """Most words a phrase of each category spans, summed (for
    :func:`kg.extract.phrase_patterns.search_end`); cached, as the rules ask
    for the same sums in every sentence."""
    return sum(cue_words("meeting", c) for c in categories)


def _triggers() -> dict[str, str]:
    """Folded trigger phrase -> kind (shared lexicon first, then local extras)."""
    out: dict[str, str] = {}
    for row in lexicon("meeting_triggers"):
        kind = str(row.get("kind") or "").strip()
        for t in str(row.get("trigger") or "").split("|"):
            if t.strip() and kind:
                out.setdefault(norm(t), kind)
    for phrase, kind in meeting_cues().get("trigger", []):
        out.setdefault(norm(phrase), kind)
    return out


@lru_cache(maxsize=1)
def trigger_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    """Regex of every trigger and the kind of each (phone-only verbs included)."""
    table = _triggers()
    for p, k in meeting_cues().get("phone_only", []):
        table.setdefault(norm(p), k)
    return phrase_regex(tuple(table)), table


def _status_cues() -> dict[str, tuple[str, str]]:
    """Folded cue -> (status, strength); "possible" cues block a mention.

    Weak cues only place the contact relative to another event ("sau khi",
    "trước cuộc"); ``not_status`` phrases mask a status word ("tốt hơn dự kiến").
    """
    out: dict[str, tuple[str, str]] = {}
    for c, status in meeting_cues().get("weak_status", []):
        out[norm(c)] = (status, WEAK)
    for c, _ in meeting_cues().get("not_status", []):
        out[norm(c)] = ("none", WEAK)
    for row in lexicon("status_cues"):
        status = str(row.get("status") or "").strip()
        for c in str(row.get("cue") or "").split("|"):
            if c.strip() and status:
                out.setdefault(norm(c), (status, STRONG))
    for cat in ("planned", "held"):
        for c, _ in meeting_cues().get(cat, []):
            out.setdefault(norm(c), (cat, STRONG))
    for c, _ in meeting_cues().get("block", []):
        out.setdefault(norm(c), ("possible", STRONG))
    return out


@lru_cache(maxsize=1)
def status_table() -> dict[str, tuple[str, str]]:
    """Cached :func:`_status_cues`."""
    return _status_cues()


@lru_cache(maxsize=1)
def status_regex() -> re.Pattern[str]:
    """Regex of every cue of :func:`status_table`."""
    return phrase_regex(tuple(status_table()))


@lru_cache(maxsize=1)
def reporting_verbs() -> re.Pattern[str]:
    """Words that end a clause: a speaker's verb is not the contact's."""
    verbs = [str(v) for row in lexicon("reporting_verbs") for v in str(row.get("verb") or "").split("|")]
    verbs += [c for c, _ in meeting_cues().get("clause_break", [])]
    return phrase_regex(tuple(v for v in verbs if v.strip()))


def cue_value(category: str, text: str) -> str:
    """The ``value`` column of the cue ``text`` in ``category``."""
    n = norm(text)
    for phrase, value in meeting_cues().get(category, []):
        if norm(phrase) == n:
            return value
    return ""
