"""Vietnamese word segmentation with underthesea's CRF model, on exact offsets.

``underthesea.word_tokenize`` normalises the text and returns strings, so its
words must be re-aligned to the raw text, and its Rust featurizer spends most
of the time building feature strings. This module runs the same regex
pre-tokenizer on the raw text (offsets for free) and scores the same CRF with
weights summed once per distinct word, bigram and trigram, which gives the
same segmentation several times faster.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from kg.nlp.crfsuite import load_weights
from kg.nlp.orthography import fold

_CACHE_LIMIT = 400_000  # entries per n-gram cache before it is dropped


def _model_dir() -> Path:
    import underthesea.pipeline.word_tokenize as ws

    return Path(ws.__file__).parent / "models" / "ws_crf_vlsp2013_20230727"


def _pretokenizer() -> re.Pattern[str]:
    """underthesea's syllable/punctuation regex, compiled privately.

    A private copy, because ``word_tokenize(fixed_words=...)`` rebinds the
    module-level pattern.
    """
    from underthesea.pipeline.word_tokenize import regex_tokenize as rt

    return re.compile(r"(" + "|".join(rt.regex_patterns) + r")", re.VERBOSE | re.UNICODE)


def _normalizer():
    from underthesea.pipeline.text_normalize.text_normalizer import character_map, token_map

    def normalize(tok: str) -> str:
        # Mirrors underthesea's character + token normalisation of one token.
        tok = unicodedata.normalize("NFC", tok)
        for bad, good in character_map.items():
            tok = tok.replace(bad, good)
        if len(tok) <= 6:
            tok = token_map.get(tok, tok)
        return tok

    return normalize


_INT32 = re.compile(r"[+-]?[0-9]+\Z")
_CHUNK = re.compile(r"\S+")


def _apply(func: str | None, text: str, dictionary: frozenset[str]) -> str:
    """One feature function, with the semantics of underthesea_core."""
    if func is None:
        return text
    if func == "lower":
        return text.lower()
    if func == "isdigit":  # Rust str::parse::<i32>
        ok = bool(_INT32.match(text)) and -(2**31) <= int(text) < 2**31
        return str(ok)
    if func == "istitle":
        return str(all(p[:1] == p[:1].upper() for p in text.split(" ")))
    if func == "is_in_dict":
        return str(text.lower() in dictionary)
    raise ValueError(f"unknown feature function {func}")


_ZERO5 = (0.0, 0.0, 0.0, 0.0, 0.0)


def _windows(norm: list[str]) -> list[tuple[str, ...]]:
    """Each syllable with the (up to) two after it, as ``tuple(norm[j:j + 3])``."""
    keys = list(zip(norm, norm[1:], norm[2:]))
    keys += [tuple(norm[j:]) for j in range(len(keys), len(norm))]
    return keys


class CRFSegmenter:
    """Word segmenter equivalent to ``underthesea.word_tokenize``.

    Args:
        model_dir: folder with ``models.bin``, ``features.bin`` and
            ``dictionary.bin`` (underthesea's bundled model by default).
    """

    def __init__(self, model_dir: Path | None = None) -> None:
        import joblib

        model_dir = Path(model_dir or _model_dir())
        weights = load_weights(model_dir / "models.bin")
        if len(weights.labels) != 2 or weights.labels[0] != "B-W":
            raise ValueError(f"unexpected labels {weights.labels}")
        self._w = weights.state
        self._trans = weights.transition
        self._dict = frozenset(joblib.load(model_dir / "dictionary.bin"))
        self._folded_dict: frozenset[str] | None = None
        self._templates = [self._parse(t) for t in joblib.load(model_dir / "features.bin")]
        self._pattern = _pretokenizer()
        self._normalize = lru_cache(maxsize=100_000)(_normalizer())
        # Templates grouped by their window (off1, off2): the n-gram length
        # decides which cache scores them, off1 where the sum lands.
        self._groups: dict[tuple[int, int], list[tuple[str, str | None]]] = {}
        for syntax, off1, off2, func in self._templates:
            self._groups.setdefault((off1, off2), []).append((syntax, func))
        self._edge = {g: self._edge_weights(g) for g in self._groups}
        self._reach = max(abs(off) for group in self._groups for off in group)
        self._edge_cache: dict[tuple[int, int], tuple[float, ...]] = {}
        self._caches: dict[int, dict] = {1: {}, 2: {}, 3: {}}
        self._windows: dict[tuple[str, ...], tuple[float, ...]] = {}

    @staticmethod
    def _parse(syntax: str) -> tuple[str, int, int, str | None]:
        m = re.fullmatch(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(\w+))?", syntax)
        if not m:
            raise ValueError(f"unsupported template {syntax}")
        off1 = int(m.group(1))
        off2 = int(m.group(2)) if m.group(2) is not None else off1
        return syntax, off1, off2, m.group(3)

    def _edge_weights(self, group: tuple[int, int]) -> tuple[tuple[float, float], ...]:
        """Summed weights of the BOS and EOS values of one template group."""
        out = []
        for marker in ("BOS", "EOS"):
            b = i = 0.0
            for syntax, _func in self._groups[group]:
                wb, wi = self._w.get(f"{syntax}={marker}", (0.0, 0.0))
                b += wb
                i += wi
            out.append((b, i))
        return tuple(out)

    def _ngram_scores(self, key: tuple[str, ...]) -> tuple[tuple[int, float], ...]:
        """(index shift, B-minus-I weight) for each template group of this
        n-gram length. Only the difference of the two labels' scores matters
        to Viterbi, and the shift (2 - off1) indexes a score list padded by
        two on each side, so scoring needs no bounds checks."""
        cache = self._caches[len(key)]
        hit = cache.get(key)
        if hit is not None:
            return hit
        text = " ".join(key)
        out = []
        for (off1, off2), templates in self._groups.items():
            if off2 - off1 + 1 != len(key):
                continue
            diff = 0.0
            for syntax, func in templates:
                w = self._w.get(f"{syntax}={_apply(func, text, self._dict)}")
                if w is not None:
                    diff += w[0] - w[1]
            if diff:
                out.append((2 - off1, diff))
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        hit = cache[key] = tuple(out)
        return hit

    def _window_scores(self, key: tuple[str, ...]) -> tuple[float, float, float, float, float]:
        """What the window opened by a syllable adds to the scores of the
        syllables two before it to two after it: ``key`` holds the syllable
        and the (up to) two after it. The unigram, bigram and trigram scores
        are summed per shift once per window, so tagging adds five numbers
        per syllable however many templates fire."""
        out = [0.0] * 5
        adds = self._ngram_scores(key[:1])
        if len(key) > 1:
            adds += self._ngram_scores(key[:2])
            if len(key) > 2:
                adds += self._ngram_scores(key)
        for shift, w in adds:
            out[shift] += w
        return tuple(out)

    def pretokenize(self, text: str) -> list[tuple[int, int]]:
        """Syllable and punctuation spans, as underthesea's regex cuts them.

        A run of letters between spaces is always one syllable for that
        regex, so only the other runs go through it; no pattern crosses
        white space, and searching from the run's start keeps look-arounds
        seeing the whole line.
        """
        out: list[tuple[int, int]] = []
        finditer = self._pattern.finditer
        for chunk in _CHUNK.finditer(text):
            if chunk.group().isalpha():
                out.append(chunk.span())
                continue
            end = chunk.end()
            for m in finditer(text, chunk.start()):
                if m.start() >= end:
                    break
                out.append(m.span())
        return out

    def tag(self, tokens: list[str]) -> list[bool]:
        """CRF decision per syllable: True where a new word begins."""
        n = len(tokens)
        if n == 0:
            return []
        norm = list(map(self._normalize, tokens))
        windows = self._windows
        if len(windows) > _CACHE_LIMIT:
            windows.clear()
        get = windows.get
        rows = []
        for key in _windows(norm):
            row = get(key)
            if row is None:
                row = windows[key] = self._window_scores(key)
            rows.append(row)
        # Position p gets shift s of the window opened at p + 2 - s.
        pad = [_ZERO5, _ZERO5]
        rows = pad + rows + pad
        d = [a[4] + b[3] + c[2] + e[1] + f[0] for a, b, c, e, f in zip(rows, rows[1:], rows[2:], rows[3:], rows[4:])]
        # Windows that stick out of the sentence score as BOS / EOS.
        reach = self._reach
        edge_positions = set(range(min(reach, n))) | set(range(max(0, n - reach), n))
        for p in edge_positions:
            for w in self._edge_adds(min(p, reach), min(n - 1 - p, reach)):
                d[p] += w
        return self._viterbi(d)

    def _edge_adds(self, before: int, after: int) -> tuple[float, ...]:
        """The BOS / EOS scores added, in template order, at a position with
        ``before`` syllables before it and ``after`` after it in the sentence
        (each capped at the templates' reach, beyond which nothing sticks out).
        Kept per pair: the edge loop ran over every template group for the
        first and last syllables of every line."""
        hit = self._edge_cache.get((before, after))
        if hit is None:
            out = []
            for (off1, off2), ((bb, bi), (eb, ei)) in self._edge.items():
                if before + off1 < 0:
                    out.append(bb - bi)
                elif off2 > after:
                    out.append(eb - ei)
            hit = self._edge_cache[(before, after)] = tuple(out)
        return hit

    def _viterbi(self, d: list[float]) -> list[bool]:
        """Best B/I path; state scores are (d[k], 0) for (B, I)."""
        (t_bb, t_bi), (t_ib, t_ii) = self._trans
        vb, vi = d[0], 0.0
        back: list[tuple[bool, bool]] = []
        for dk in d[1:]:
            bb, ib = vb + t_bb, vi + t_ib
            bi, ii = vb + t_bi, vi + t_ii
            back.append((bb >= ib, bi >= ii))
            vb = (bb if bb >= ib else ib) + dk
            vi = bi if bi >= ii else ii
        state_b = vb >= vi
        out = [state_b]
        for prev_b_if_b, prev_b_if_i in reversed(back):
            state_b = prev_b_if_b if state_b else prev_b_if_i
            out.append(state_b)
        out.reverse()
        return out

    def segment_syllables(self, text: str) -> list[list[tuple[int, int]]]:
        """Words of ``text`` as lists of their syllable/punctuation spans."""
        spans = self.pretokenize(text)
        if not spans:
            return []
        begins = self.tag([text[s:e] for s, e in spans])
        words: list[list[tuple[int, int]]] = []
        for span, begin in zip(spans, begins):
            if begin or not words:
                words.append([span])
            else:
                words[-1].append(span)
        return words

    def segment(self, text: str) -> list[tuple[int, int]]:
        """Word spans ``(start, end)`` of ``text``; a word may hold spaces."""
        return [(w[0][0], w[-1][1]) for w in self.segment_syllables(text)]

    def is_word(self, text: str) -> bool:
        """Whether the text is a dictionary word, whatever its case or tone
        placement ("Ủy viên" is listed as "uỷ viên")."""
        if self._folded_dict is None:
            self._folded_dict = frozenset(fold(w) for w in self._dict)
        return fold(text) in self._folded_dict


@lru_cache(maxsize=1)
def get_segmenter() -> CRFSegmenter:
    """The shared segmenter (model loading takes ~0.5 s)."""
    return CRFSegmenter()
