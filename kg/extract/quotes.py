"""Quoted spans of an article.

Quotations are found on the whole text rather than per sentence, because one
quotation may hold several sentences and the sentence splitter may cut it.
A line break closes every open quotation: news paragraphs do not carry an
unclosed quotation into the next one, and an unmatched mark must not swallow
the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = {"“": "”", "«": "»"}
STRAIGHT = '"'
_MARKS = re.compile("[" + re.escape("\n" + STRAIGHT + "".join(OPENING) + "".join(OPENING.values())) + "]")


@dataclass
class Quote:
    """A quotation: inner character range and inner syllable range."""

    start: int
    end: int
    s0: int
    s1: int
    taken: bool = False  # already given to a speaker


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Inner character ranges of the quotations in ``text``, in text order.

    Curly and guillemet marks nest; straight marks pair up in order.
    """
    found: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    for m in _MARKS.finditer(text):  # every other character leaves the state as it is
        i, ch = m.start(), m.group()
        if ch == "\n":
            stack.clear()
            straight = None
        elif ch in OPENING:
            stack.append((OPENING[ch], i))
        elif stack and ch == stack[-1][0]:
            found.append((stack.pop()[1] + 1, i))
        elif ch == STRAIGHT:
            if straight is None:
                straight = i
            else:
                found.append((straight + 1, i))
                straight = None
    return sorted(found)
