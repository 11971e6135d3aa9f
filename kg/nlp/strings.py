"""The strings of a Doc - text, token texts, trailing spaces, offsets - read once.

spaCy joins every token on each read of ``doc.text`` (and of ``span.text``)
and makes a Token object per token on each iteration; every component needs
these strings, so they are read once per doc, and the tokenizer hands them
over as it builds the doc. A doc's strings never change: its tokens' texts
and spaces are fixed, and this pipeline does not retokenize.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass(frozen=True)
class DocStrings:
    """``text == doc.text``; per token: its text, whether a space follows it, its offset."""

    text: str
    words: tuple[str, ...]
    spaces: tuple[bool, ...]
    starts: tuple[int, ...]

    def span(self, i: int, j: int) -> str:
        """Text of tokens ``[i, j)``, as ``doc[i:j].text``."""
        return self.text[self.starts[i]:self.starts[j - 1] + len(self.words[j - 1])] if j > i else ""


_LAST: tuple = (None, None)  # (doc, its strings), replaced as one value


def doc_strings(doc: Doc) -> DocStrings:
    """The strings of ``doc`` (the last doc's are kept)."""
    last = _LAST
    if last[0] is doc and len(last[1].words) == len(doc):
        return last[1]
    words, spaces, starts = [], [], []
    for t in doc:
        words.append(t.text)
        spaces.append(bool(t.whitespace_))
        starts.append(t.idx)
    text = "".join(w + " " if sp else w for w, sp in zip(words, spaces))
    found = DocStrings(text, tuple(words), tuple(spaces), tuple(starts))
    remember(doc, found)
    return found


def remember(doc: Doc, strings: DocStrings) -> None:
    """Keep ``strings`` as those of ``doc`` (the tokenizer knows them already)."""
    global _LAST
    _LAST = (doc, strings)
