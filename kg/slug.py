"""ASCII slugs for ids and IRIs that stay readable for Vietnamese text."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def ascii_slug(text: str, keep_case: bool = False) -> str:
    """Fold Vietnamese diacritics and punctuation into a stable ASCII slug.

    Example:
        >>> ascii_slug("Điện Kremlin")
        'dien-kremlin'
        >>> ascii_slug("Bài viết 01", keep_case=True)
        'Bai-viet-01'
    """
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    if keep_case:
        return re.sub(r"[^A-Za-z0-9_.]+", "-", folded).strip("-.")
    return _NON_WORD.sub("-", folded.lower()).strip("-")
