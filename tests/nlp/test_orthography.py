"""Tone folding: the fast pattern reads what the plain alternation reads."""

from __future__ import annotations

import re
from pathlib import Path

from kg.nlp import orthography
from kg.nlp.orthography import fold, fold_tones

ROOT = Path(__file__).resolve().parents[2]


def test_examples():
    assert fold_tones("Hoà bình, uỷ ban") == "Hòa bình, ủy ban"
    assert fold_tones("quý Quỵ qoà") == "quý Quỵ qoà"  # "qu" is a consonant
    assert fold_tones("hoàng, hoàx, OÀ") == "hoàng, hoàx, OÀ"  # only open syllables, glide + mark
    assert fold("  Thuỵ  Sĩ ") == "thụy sĩ"


def test_same_matches_as_the_plain_alternation():
    plain = re.compile(r"(?<![qQ])(" + "|".join(map(re.escape, orthography._OLD_TO_NEW)) + r")(?![^\W\d_])")
    texts = ["Oà oá Uỷ uỳ, Qoà qUỷ, oà_ uỷ2 xoà.", "hoà\nuỷ", "oà"]
    for folder in ("sources", "eval/heldout/sources", "eval/heldout2/sources"):
        texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / folder).glob("*.txt"))]
    for text in texts:
        assert [m.span() for m in orthography._OLD_MARK.finditer(text)] == \
            [m.span() for m in plain.finditer(text)]
