"""Hand-marked docs for extractor tests: entities and titles written in brackets.

``[Vladimir Putin|P:person/vladimir-putin]`` is a Person with that key,
``[Tổng thống|T]`` a title; the rest of the text is plain.
"""

from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc

import kg.extract.facts  # noqa: F401
import kg.extract.participants  # noqa: F401  (declares span._.kg_key)

_LABELS = {"P": "Person", "C": "Country", "O": "Organization", "L": "Place", "T": "Title"}
_NLP = spacy.blank("xx")


def make_doc(markup: str, date: str | None = "2026-01-23") -> Doc:
    """A doc whose entities/titles are the bracketed spans of ``markup``.

    A sentence starts after ".", "?" or "!" tokens and at line breaks.
    """
    plain, marks, pos = [], [], 0
    for m in re.finditer(r"\[([^\[\]|]+)\|([PCOLT])(?::([^\]]+))?\]|([^\[]+|\[)", markup):
        if m.group(4) is not None:
            plain.append(m.group(4))
            pos += len(m.group(4))
            continue
        text, label, key = m.group(1), _LABELS[m.group(2)], m.group(3)
        slug = re.sub(r"\W+", "-", text.lower()).strip("-")
        marks.append((pos, pos + len(text), label, key or f"{label.lower()}/{slug}"))
        plain.append(text)
        pos += len(text)
    doc = _NLP("".join(plain))
    for i, tok in enumerate(doc):
        tok.is_sent_start = i == 0 or doc[i - 1].text in {".", "!", "?"} or "\n" in doc[i - 1].text
    ents, titles = [], []
    for s, e, label, key in marks:
        span = doc.char_span(s, e, label=label, alignment_mode="expand")
        if label == "Title":
            titles.append(span)
        else:
            span._.kg_key = key
            ents.append(span)
    doc.ents = ents
    doc.spans["titles"] = titles
    doc._.article_date = date
    return doc
