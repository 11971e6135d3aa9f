"""The unit every reader yields and every later stage consumes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    """One news article.

    ``text`` is the body with the ``date`` header removed; all character offsets in
    the extraction refer to it. ``date`` is ISO ``YYYY-MM-DD`` or ``None`` when the
    source gave none. ``origin`` names the file (and line, for JSONL) it came from.
    """

    id: str
    text: str
    date: str | None
    origin: str
    url: str | None = None
    title: str | None = None
