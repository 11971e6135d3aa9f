"""spaCy tokenizer on underthesea's Vietnamese word segmentation.

Every token is a slice of the raw text, so ``doc.text`` equals the input and
character offsets are exact. Each line is segmented on its own: the CRF never
sees a paragraph break and the work per call stays small.

Repairs on the CRF output, because names are read from capitalisation:

* a word never joins a lower-case syllable to a capitalised one: the CRF
  glues proper names onto neighbours ("xung đột Ukraine", "thăm Moskva",
  "Ukraine sớm"); a capitalised word followed by lower-case syllables is kept
  only when it is a dictionary word written with capitals ("Tổng thống");
* a word never joins letters to punctuation, and an acronym gives back a
  sentence-final full stop ("NATO." -> "NATO" ".");
* optionally, a capitalised word is cut where a known name or cue ends
  ("Iran Abbas" -> "Iran" "Abbas"), see ``known_names``.

Words may contain spaces ("Vladimir Putin", "Tổng thống").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container

import spacy
from spacy.tokens import Doc
from spacy.util import DummyTokenizer
from spacy.vocab import Vocab

from kg.nlp.orthography import fold
from kg.nlp.segmenter import CRFSegmenter, get_segmenter
from kg.nlp.strings import DocStrings, remember

# Upper-case acronyms the regex pre-tokenizer swallows a sentence-final dot
# into ("NATO." in "... của NATO. Trong khi"); these keep their dot because
# they are Vietnamese abbreviations ("TS." = tiến sĩ).
_DOTTED_ABBREVIATIONS = frozenset(
    "TS PGS GS THS BS KS CN NXB TP TT TW UBND HĐND PTS ST GD ĐH LS KTS NS NSND NSƯT".split()
)
_ACRONYM_DOT = re.compile(r"[A-ZĐ]{2,}\.\Z")
_CUTS_LIMIT = 200_000  # words whose cuts are kept before the cache is dropped


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
        known_names: Callable returning folded syllable tuples of known names
            (lexicon countries, persons...), called on first use. A
            capitalised word the CRF glued together ("Iran Abbas" in
            "Ngoại trưởng Iran Abbas Araghchi") is cut where a known name
            ends or starts, so that names can be matched on token boundaries.
    """

    def __init__(
        self,
        vocab: Vocab,
        segmenter: CRFSegmenter | None = None,
        known_names: Callable[[], Container[tuple[str, ...]]] | None = None,
    ) -> None:
        self.vocab = vocab
        self._segmenter = segmenter
        self._known_names_factory = known_names
        self._known_names: Container[tuple[str, ...]] | None = None
        self._cuts: dict[tuple, tuple[tuple[int, int], ...]] = {}  # see _split_word

    @property
    def segmenter(self) -> CRFSegmenter:
        # Loaded on first use so that building a pipeline stays cheap.
        if self._segmenter is None:
            self._segmenter = get_segmenter()
        return self._segmenter

    @property
    def known_names(self) -> Container[tuple[str, ...]]:
        if self._known_names is None:
            factory = self._known_names_factory
            self._known_names = factory() if factory is not None else frozenset()
        return self._known_names

    def __reduce__(self):
        return VietnameseTokenizer, (self.vocab, None, self._known_names_factory)

    def token_spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of the non-space tokens of ``text``, in order."""
        spans: list[tuple[int, int]] = []
        append, segment, split = spans.append, self.segmenter.segment_syllables, self._split_word
        pos = 0
        for line in text.split("\n"):
            if line.strip():
                prev: list[tuple[int, int]] | None = None
                for word in segment(line):
                    if len(word) == 1 and line[word[0][1] - 1] != ".":  # most words: kept whole
                        s, e = word[0]
                        append((pos + s, pos + e))
                    else:
                        # only a capitalised word can give its first syllable to a name
                        after = prev is not None and line[word[0][0]].isupper() and self._after_name(line, prev, word)
                        for s, e in split(line, word, after):
                            append((pos + s, pos + e))
                    prev = word
            pos += len(line) + 1
        return spans

    def _after_name(self, line: str, prev: list[tuple[int, int]] | None, word: list[tuple[int, int]]) -> bool:
        """Whether ``word`` follows a name piece at once: a capitalised word,
        one space before it, that no dictionary lists ("Tập Cận" before
        "Bình nhân [dịp]")."""
        if prev is None or prev[-1][1] + 1 != word[0][0] or line[prev[-1][1]] != " ":
            return False
        if not all(_kind(line[s:e]) == 2 for s, e in prev):
            return False
        return not self.segmenter.is_word(line[prev[0][0]:prev[-1][1]])

    def _split_word(self, line: str, sylls: list[tuple[int, int]], after_name: bool = False) -> list[tuple[int, int]]:
        if len(sylls) == 1 and line[sylls[0][1] - 1] != ".":
            return sylls
        # The cuts depend only on the word's own characters and syllables (and
        # whether a name piece comes right before it), and the same words come
        # back all the time: kept per word, as offsets in it.
        start = sylls[0][0]
        key = (line[start:sylls[-1][1]], tuple([(s - start, e - start) for s, e in sylls]), after_name)
        cuts = self._cuts.get(key)
        if cuts is None:
            if len(self._cuts) > _CUTS_LIMIT:
                self._cuts.clear()
            cuts = self._cuts[key] = tuple((s - start, e - start) for s, e in self._cut_word(line, sylls, after_name))
        return [(start + s, start + e) for s, e in cuts]

    def _cut_word(self, line: str, sylls: list[tuple[int, int]], after_name: bool = False) -> list[tuple[int, int]]:
        sylls = [part for span in sylls for part in self._split_acronym_dot(line, span)]
        if len(sylls) == 1:
            return sylls
        kinds = [_kind(line[s:e]) for s, e in sylls]
        upper = [_all_capitals(line[s:e]) for s, e in sylls]
        pieces: list[list[tuple[int, int]]] = [[sylls[0]]]
        for k, (prev, cur, span) in enumerate(zip(kinds, kinds[1:], sylls[1:]), start=1):
            # Cut before a capital that follows a non-capital, between letters
            # and punctuation/digits, and after an acronym before a name
            # ("KOTRA | Kim Jung-hyun": the agency, then its head).
            cut = (cur == 2 and prev != 2) or ((prev == 0) != (cur == 0)) or (upper[k - 1] and cur == 2 and not upper[k])
            if cut or line[pieces[-1][-1][1] - 1] == ".":  # "TS." never glues to "Lan"
                pieces.append([span])
            else:
                pieces[-1].append(span)
        out: list[tuple[int, int]] = []
        for piece in pieces:
            for part in self._split_capital_head(line, piece, after_name and piece is pieces[0]):
                if len(part) > 1 and all(_kind(line[a:b]) == 2 for a, b in part):
                    out.extend(self._split_known(line, part))
                else:
                    out.append((part[0][0], part[-1][1]))
        return out

    def _split_known(self, line: str, part: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Cut a capitalised word where a known name ends or begins."""
        names = self.known_names
        folded = tuple(fold(line[s:e]) for s, e in part)
        whole = [(part[0][0], part[-1][1])]
        if not names or folded in names:
            return whole
        for cut in range(len(part) - 1, 0, -1):  # longest known prefix
            if folded[:cut] in names:
                return [(part[0][0], part[cut - 1][1])] + self._split_known(line, part[cut:])
        for cut in range(1, len(part)):  # longest known suffix
            if folded[cut:] in names:
                return [(part[0][0], part[cut - 1][1]), (part[cut][0], part[-1][1])]
        return whole

    def _split_capital_head(
        self, line: str, piece: list[tuple[int, int]], after_name: bool = False
    ) -> list[list[tuple[int, int]]]:
        """Split "Capitalised + lower" unless it is a dictionary word written
        with capitals ("Tổng thống", "Tổng Bí thư"). Right after a name piece
        its capital is the name's last syllable, the rest words ("Tập Cận" +
        "Bình | nhân dịp", "Phạm Minh" + "Chính | phủ nhận")."""
        n_caps = 0
        for s, _e in piece:
            if _kind(line[s : s + 1]) != 2:
                break
            n_caps += 1
        if n_caps in (0, len(piece)):
            return [piece]
        if after_name and n_caps == 1:
            return [piece[:1], piece[1:]]
        is_word = self.segmenter.is_word
        if is_word(" ".join(line[s:e] for s, e in piece)):
            return [piece]
        # The longest dictionary word that the capitals open keeps its
        # lower-case syllables: "Viện Kiểm sát | nhân dân", "Thương mại | và".
        for cut in range(len(piece) - 1, n_caps, -1):
            if is_word(" ".join(line[s:e] for s, e in piece[:cut])):
                return [piece[:cut], piece[cut:]]
        # Or a word that starts at a later capital: "Báo | Thế giới".
        for cut in range(1, n_caps):
            if is_word(" ".join(line[s:e] for s, e in piece[cut:])):
                return [piece[:cut], piece[cut:]]
        return [piece[:n_caps], piece[n_caps:]]

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
        starts: list[int] = []
        pos = 0
        for s, e in self.token_spans(text):
            if s > pos:
                if s == pos + 1 and text[pos] == " " and words and not spaces[-1]:
                    spaces[-1] = True  # one plain space: the previous token's (see _add_gap)
                else:
                    _add_gap(text[pos:s], pos, words, spaces, starts)
            words.append(text[s:e])
            spaces.append(False)
            starts.append(s)
            pos = e
        if pos < len(text):
            _add_gap(text[pos:], pos, words, spaces, starts)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        remember(doc, DocStrings(text, tuple(words), tuple(spaces), tuple(starts)))
        return doc


def _all_capitals(syllable: str) -> bool:
    """An acronym syllable: two or more letters, all capitals ("NATO", "UBND")."""
    return len(syllable) >= 2 and syllable.isalpha() and syllable.isupper()


def _add_gap(gap: str, pos: int, words: list[str], spaces: list[bool], starts: list[int]) -> None:
    """White space between tokens (``gap``, at offset ``pos``): one plain space
    is the previous token's trailing space, anything else becomes a space token."""
    if words and not spaces[-1] and gap[0] == " ":
        spaces[-1] = True
        gap = gap[1:]
        pos += 1
    if gap:
        words.append(gap)
        spaces.append(False)
        starts.append(pos)


@spacy.registry.tokenizers("kg.vi_tokenizer.v1")
def create_tokenizer(known_names: Callable[[], Container[tuple[str, ...]]] | None = None):
    """Config entry point: ``@tokenizers = "kg.vi_tokenizer.v1"``.

    Args:
        known_names: Optional ``@misc`` function (see
            :class:`VietnameseTokenizer`), e.g. ``"kg.lexicon_names.v1"``.
    """

    def make(nlp) -> VietnameseTokenizer:
        return VietnameseTokenizer(nlp.vocab, known_names=known_names)

    return make
