"""Rule-based sentence boundaries for Vietnamese news (component "kg_sentences").

Why rules: spaCy's ``senter`` needs a trained model, and news text is regular
enough. A sentence ends at a line break, or at ``. ! ? …`` outside quotation
marks when the next word does not start in lower case. A quotation stays in
one sentence with its reporting clause, because a statement is read from the
two together. Abbreviations and initials ("TS.", "J.D.") and decimals ("3.5")
are single tokens from the tokenizer, so their dots never end a sentence. A
photo credit in parentheses ("(Ảnh: Reuters)") closes its caption.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.strings import doc_strings

_TERMINALS = frozenset(".!?…")
_CLOSERS = frozenset({"”", "»", '"', ")", "’", "'", "]"})
_AMBIGUOUS_QUOTES = frozenset({'"', "'"})
_CAPTION_CUES = frozenset({"ảnh", "nguồn", "photo", "video", "đồ họa", "đồ hoạ", "clip"})
_PAIRED_QUOTES = {"“": "”", "«": "»"}


def _is_terminal(text: str) -> bool:
    return bool(text) and all(ch in _TERMINALS for ch in text)


def _starts_lower(text: str) -> bool:
    ch = text[:1]
    return ch.isalpha() and ch.islower()


def set_sentence_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on every token of ``doc``."""
    strings = doc_strings(doc)
    texts = strings.words
    glued = [not sp for sp in strings.spaces]  # no space after the token
    spaces = [not t.strip() for t in texts]
    n = len(texts)
    starts = [False] * n
    open_quotes: list[str] = []  # expected closing marks, innermost last
    parens: list[bool] = []  # one per open "(": is it a photo credit?
    expect_start = True
    prev_text = ""
    for i, text in enumerate(texts):
        if spaces[i]:
            if "\n" in text:
                open_quotes.clear()
                parens.clear()
                expect_start = True
            continue
        if expect_start:
            starts[i] = True
            expect_start = False
        boundary = False
        if text in _PAIRED_QUOTES:
            open_quotes.append(_PAIRED_QUOTES[text])
        elif open_quotes and text == open_quotes[-1]:
            open_quotes.pop()
            # “Tôi sẽ đến.” Ông nói... : the quote itself ended a sentence.
            boundary = not open_quotes and _is_terminal(prev_text)
        elif text == '"':
            open_quotes.append('"')
        elif text == "(":
            nxt = _next_word(texts, spaces, i)
            parens.append(nxt is not None and texts[nxt].lower() in _CAPTION_CUES)
        elif text == ")" and parens:
            boundary = parens.pop() and not open_quotes
        elif not open_quotes and text[0] in _TERMINALS and _is_terminal(text):
            boundary = True
        if boundary:
            j = i + 1
            # Closing marks and extra dots stay with the ending sentence; a
            # straight quote only when glued to it (else it opens the next).
            while j < n and (
                texts[j] in _CLOSERS and (texts[j] not in _AMBIGUOUS_QUOTES or glued[j - 1])
                or _is_terminal(texts[j])
            ):
                j += 1
            nxt = _next_word(texts, spaces, j - 1)
            if nxt is not None and not _starts_lower(texts[nxt]):
                starts[nxt] = True
        prev_text = text
    if n:
        starts[0] = True
        values = numpy.array([1 if s else -1 for s in starts], dtype="int64").view("uint64")
        doc.from_array([SENT_START], values)
    return doc


def sent_start_values(doc: Doc) -> list[int]:
    """``SENT_START`` of each token: 1 opens a sentence, -1 does not, 0 unset.

    As Python ints: iterating the array itself yields a numpy scalar per
    token, and comparing those cost more than the loops that read them.
    """
    return doc.to_array([SENT_START]).view("int64").tolist() if len(doc) else []


def _next_word(texts: list[str], spaces: list[bool], i: int) -> int | None:
    """Index of the first non-space token after ``i`` on the same line."""
    for j in range(i + 1, len(texts)):
        if spaces[j]:
            if "\n" in texts[j]:
                return None
            continue
        return j
    return None


def sentence_bounds(span: Span) -> tuple[int, str]:
    """Character start and text of the sentence holding ``span``, trimmed of
    surrounding white space (for :class:`kg.extract.model.Evidence`)."""
    sent = span.sent
    text = sent.text
    stripped = text.lstrip()
    start = sent.start_char + (len(text) - len(stripped))
    return start, stripped.rstrip()


@Language.factory("kg_sentences")
def make_sentencizer(nlp: Language, name: str):
    """Factory for ``nlp.add_pipe("kg_sentences")``."""
    return set_sentence_starts
