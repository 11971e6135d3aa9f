"""Phrase lists as regexes the engine scans fast, and searches that try only
where a match can be.

The rules test folded text against cue lists thousands of times per article;
how a pattern is written decides whether the regex engine tries it at every
position or jumps between the positions where it can match. The patterns
here find exactly what the plain whole-word alternation finds.
"""

from __future__ import annotations

import re

_NEVER = r"(?!x)x"


def word_regex(alts: list[str]) -> re.Pattern[str]:
    """Whole words, case-insensitive, of the phrases ``alts`` (normalised, the
    longest first: the first that matches wins).

    The pattern opens with a case-sensitive class of every character the
    phrases' first characters match case-insensitively, so the engine scans
    for those characters instead of trying the pattern at every position;
    each branch then checks its own first character as the plain alternation
    ``(?<![\\w])(?:...)(?![\\w])`` would.
    """
    if not alts:
        return re.compile(_NEVER)
    groups = _groups(alts)
    if any(c > "\uffff" for c in groups):
        return re.compile(rf"(?<![\w])(?:{grouped(alts)})(?![\w])", re.IGNORECASE)
    body = "|".join(f"(?<={re.escape(c)})(?:{'|'.join(rest)})" if rest != [""] else f"(?<={re.escape(c)})"
                    for c, rest in groups.items())
    first = "".join(map(re.escape, _case_closure(groups)))
    return re.compile(rf"(?-i:[{first}])(?<![\w][\s\S])(?:{body})(?![\w])", re.IGNORECASE)


def loose_regex(alts: list[str]) -> re.Pattern[str]:
    """The phrases ``alts`` without the whole-word bounds: where this finds
    nothing, :func:`word_regex` finds nothing either, whatever the bounds of
    the text searched."""
    return re.compile(grouped(alts), re.IGNORECASE) if alts else re.compile(_NEVER)


def grouped(alts: list[str]) -> str:
    """``alts`` as one alternation factored by first character, in the same order.

    Only the alternatives that start with the text's next character can match
    there, so grouping them under that character keeps the regex's choice (the
    first of them, the longest) while sparing the engine a try of every phrase
    at every position; a leading class lookahead rejects most positions at once.
    """
    groups = _groups(alts)
    body = "|".join(f"{re.escape(c)}(?:{'|'.join(rest)})" if rest != [""] else re.escape(c)
                    for c, rest in groups.items())
    head = "".join(re.escape(c) for c in groups)
    return f"(?=[{head}])(?:{body})"


def _groups(alts: list[str]) -> dict[str, list[str]]:
    """``alts`` grouped by first character, in order: the rest of each,
    escaped, with white space as ``\\s+``."""
    esc = lambda t: re.escape(t).replace(r"\ ", r"\s+")  # noqa: E731
    groups: dict[str, list[str]] = {}
    for a in alts:
        groups.setdefault(a[0], []).append(esc(a[1:]))
    return groups


_BMP: list[str] = []  # every character of the Basic Multilingual Plane, built on first use
_SAME_CASE: dict[str, str] = {}  # character -> the characters it matches with re.IGNORECASE


def _case_closure(chars) -> str:
    """Every character that matches one of ``chars`` (BMP characters) under
    ``re.IGNORECASE``, as the regex engine itself decides ("k" also matches
    the Kelvin sign). Case pairs never leave the plane of their characters,
    so characters beyond the BMP match none of these.
    """
    missing = [c for c in chars if c not in _SAME_CASE]
    if missing:
        if not _BMP:
            _BMP.append("".join(map(chr, range(0x10000))))
        any_of = re.compile("[" + "".join(map(re.escape, missing)) + "]", re.IGNORECASE)
        found = [m.group() for m in any_of.finditer(_BMP[0])]
        for c in missing:
            one = re.compile(re.escape(c), re.IGNORECASE)
            _SAME_CASE[c] = "".join(x for x in found if one.fullmatch(x))
    return "".join(sorted({x for c in chars for x in _SAME_CASE[c]}))


def search_end(rx: re.Pattern[str], text: str, runs: int) -> re.Match[str] | None:
    """``rx.search(text)`` for a pattern anchored at the end of ``text`` whose
    matches span at most ``runs`` runs of non-space characters.

    Such a search tries the pattern at every position of ``text`` (often a
    sentence up to an item); only the tail that can hold a match is tried, and
    look-behinds still see the text before it.
    """
    head = text.rsplit(None, runs)
    return rx.search(text, len(head[0]) if len(head) > runs else 0)
