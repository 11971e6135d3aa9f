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

from spacy.language import Language
from spacy.tokens import Doc, Span

_TERMINALS = frozenset(".!?…")
_CLOSERS = frozenset({"”", "»", '"', ")", "’", "'", "]"})
_CAPTION_CUES = frozenset({"ảnh", "nguồn", "photo", "video", "đồ họa", "đồ hoạ", "clip"})
_PAIRED_QUOTES = {"“": "”", "«": "»"}


def _is_terminal(text: str) -> bool:
    return bool(text) and all(ch in _TERMINALS for ch in text)


def _starts_lower(text: str) -> bool:
    ch = text[:1]
    return ch.isalpha() and ch.islower()


def set_sentence_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on every token of ``doc``."""
    n = len(doc)
    starts = [False] * n
    open_quotes: list[str] = []  # expected closing marks, innermost last
    parens: list[bool] = []  # one per open "(": is it a photo credit?
    expect_start = True
    prev_text = ""
    for i, tok in enumerate(doc):
        text = tok.text
        if tok.is_space:
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
            if open_quotes and open_quotes[-1] == '"':
                open_quotes.pop()
                boundary = not open_quotes and _is_terminal(prev_text)
            else:
                open_quotes.append('"')
        elif text == "(":
            nxt = _next_word(doc, i)
            parens.append(nxt is not None and nxt.text.lower() in _CAPTION_CUES)
        elif text == ")" and parens:
            boundary = parens.pop() and not open_quotes
        elif _is_terminal(text) and not open_quotes:
            boundary = True
        if boundary:
            j = i + 1
            while j < n and doc[j].text in _CLOSERS and not doc[j].is_space:
                j += 1
            nxt = _next_word(doc, j - 1)
            if nxt is not None and not _starts_lower(nxt.text):
                starts[nxt.i] = True
        prev_text = text
    for i, tok in enumerate(doc):
        tok.is_sent_start = starts[i] or i == 0
    return doc


def _next_word(doc: Doc, i: int):
    """The first non-space token after index ``i`` on the same line, or None."""
    for tok in doc[i + 1 :]:
        if tok.is_space:
            if "\n" in tok.text:
                return None
            continue
        return tok
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
