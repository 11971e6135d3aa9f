"""Vietnamese spelling variants that must compare equal.

Texts and dictionaries mix the old and new tone-mark placement ("hoà"/"hòa",
"Thuỵ Sĩ"/"Thụy Sĩ", "uỷ ban"/"ủy ban"); both are correct, so lookups fold
them to the new placement.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONED = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ"}
_OLD_TO_NEW: dict[str, str] = {}
for _glide, _base in (("o", "a"), ("o", "e"), ("u", "y")):
    _plain = {"o": "òóỏõọ", "u": "ùúủũụ"}[_glide]
    for _i, _toned in enumerate(_TONED[_base]):
        for _upper in (False, True):
            old = _glide + _toned
            new = _plain[_i] + _base
            if _upper:
                old, new = old[0].upper() + old[1:], new[0].upper() + new[1:]
            _OLD_TO_NEW[old] = new

# Only open syllables move the mark ("hoàng" is the same in both styles), and
# "qu" is a consonant, so "quý" never becomes "qúy". One branch per glide,
# opened by the glide itself so that the engine scans for it instead of
# trying the pattern at every position; the look-behind then checks that no
# "q" precedes the glide.
_GLIDES: dict[str, str] = {}
for _old in _OLD_TO_NEW:
    _GLIDES[_old[0]] = _GLIDES.get(_old[0], "") + _old[1]
_OLD_MARK = re.compile(
    "(" + "|".join(f"{re.escape(g)}(?<![qQ]{re.escape(g)})[{marks}]" for g, marks in _GLIDES.items())
    + r")(?![^\W\d_])"
)


def fold_tones(text: str) -> str:
    """NFC text with old-style tone placement rewritten to the new style.

    >>> fold_tones("Hoà bình, uỷ ban")
    'Hòa bình, ủy ban'
    """
    text = unicodedata.normalize("NFC", text)
    return _OLD_MARK.sub(lambda m: _OLD_TO_NEW[m.group(1)], text)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lookup key: tones folded, lower-cased, white space collapsed.

    >>> fold("  Thuỵ  Sĩ ")
    'thụy sĩ'
    """
    return " ".join(fold_tones(text).lower().split())
