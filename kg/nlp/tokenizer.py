"""spaCy tokenizer on underthesea's Vietnamese word segmentation.

Every token is a slice of the raw text, so ``doc.text`` equals the input and
character offsets are exact. Each line is segmented on its own: the CRF never
sees a paragraph break and the work per call stays small.

Two repairs on the CRF output, because names are read from capitalisation:

* a word never joins a lower-case syllable to a capitalised one: the CRF
  glues proper names onto neighbours ("xung đột Ukraine", "thăm Moskva",
  "Ukraine sớm"); a capitalised word followed by lower-case syllables is kept
  only when it is a dictionary word written sentence-case ("Tổng thống");
* a word never joins letters to punctuation.

Words may contain spaces ("Vladimir Putin", "Tổng thống").
"""

from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc
from spacy.util import DummyTokenizer
from spacy.vocab import Vocab

from kg.nlp.segmenter import CRFSegmenter, get_segmenter

# Upper-case acronyms the regex pre-tokenizer swallows a sentence-final dot
# into ("NATO." in "... của NATO. Trong khi"); these keep their dot because
# they are Vietnamese abbreviations ("TS." = tiến sĩ).
_DOTTED_ABBREVIATIONS = frozenset(
    "TS PGS GS THS BS KS CN NXB TP TT TW UBND HĐND PTS ST GD ĐH LS KTS NS NSND NSƯT".split()
)
_ACRONYM_DOT = re.compile(r"[A-ZĐ]{2,}\.\Z")


def _kind(syllable: str) -> int:
    """0 = punctuation/digits, 1 = lower-case letter start, 2 = capitalised."""
    ch = syllable[0]
    if ch.isupper():
        return 2
    if ch.isalpha():
        return 1
    return 0


class VietnameseTokenizer(DummyTokenizer):
    """Callable ``str -> Doc`` for ``nlp.tokenizer``.

    Args:
        vocab: The pipeline's vocab.
        segmenter: Word segmenter; the shared underthesea-model one by default.
    """

    def __init__(self, vocab: Vocab, segmenter: CRFSegmenter | None = None) -> None:
        self.vocab = vocab
        self._segmenter = segmenter

    @property
    def segmenter(self) -> CRFSegmenter:
        # Loaded on first use so that building a pipeline stays cheap.
        if self._segmenter is None:
            self._segmenter = get_segmenter()
        return self._segmenter

    def __reduce__(self):
        return VietnameseTokenizer, (self.vocab,)

    def token_spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of the non-space tokens of ``text``, in order."""
        spans: list[tuple[int, int]] = []
        pos = 0
        for line in text.split("\n"):
            if line.strip():
                for word in self.segmenter.segment_syllables(line):
                    for s, e in self._split_word(line, word):
                        spans.append((pos + s, pos + e))
            pos += len(line) + 1
        return spans

    def _split_word(self, line: str, sylls: list[tuple[int, int]]) -> list[tuple[int, int]]:
        sylls = [part for span in sylls for part in self._split_acronym_dot(line, span)]
        if len(sylls) == 1:
            return sylls
        kinds = [_kind(line[s:e]) for s, e in sylls]
        pieces: list[list[tuple[int, int]]] = [[sylls[0]]]
        for prev, cur, span in zip(kinds, kinds[1:], sylls[1:]):
            # Cut before a capital that follows a non-capital, and between
            # letters and punctuation/digits.
            cut = (cur == 2 and prev != 2) or ((prev == 0) != (cur == 0))
            if cut or line[pieces[-1][-1][1] - 1] == ".":  # "TS." never glues to "Lan"
                pieces.append([span])
            else:
                pieces[-1].append(span)
        out: list[tuple[int, int]] = []
        for piece in pieces:
            out.extend(self._split_capital_head(line, piece))
        return out

    def _split_capital_head(
        self, line: str, piece: list[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """Split "Capitalised + lower" unless it is a sentence-case word."""
        n_caps = 0
        for s, _e in piece:
            if _kind(line[s : s + 1]) != 2:
                break
            n_caps += 1
        start, end = piece[0][0], piece[-1][1]
        if n_caps in (0, len(piece)):
            return [(start, end)]
        if n_caps == 1 and self.segmenter.is_word(" ".join(line[s:e] for s, e in piece)):
            return [(start, end)]
        return [(start, piece[n_caps - 1][1]), (piece[n_caps][0], end)]

    @staticmethod
    def _split_acronym_dot(line: str, span: tuple[int, int]) -> list[tuple[int, int]]:
        s, e = span
        word = line[s:e]
        if _ACRONYM_DOT.match(word) and word[:-1].upper() not in _DOTTED_ABBREVIATIONS:
            return [(s, e - 1), (e - 1, e)]
        return [span]

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for s, e in self.token_spans(text):
            if s > pos:
                _add_gap(text[pos:s], words, spaces)
            words.append(text[s:e])
            spaces.append(False)
            pos = e
        if pos < len(text):
            _add_gap(text[pos:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)


def _add_gap(gap: str, words: list[str], spaces: list[bool]) -> None:
    """White space between tokens: one plain space is the previous token's
    trailing space, anything else becomes a space token."""
    if words and not spaces[-1] and gap[0] == " ":
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)


@spacy.registry.tokenizers("kg.vi_tokenizer.v1")
def create_tokenizer():
    """Config entry point: ``@tokenizers = "kg.vi_tokenizer.v1"``."""

    def make(nlp) -> VietnameseTokenizer:
        return VietnameseTokenizer(nlp.vocab)

    return make
