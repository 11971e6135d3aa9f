"""Rule-based sentence boundaries ("kg_sentences")."""

from __future__ import annotations

import pytest

from kg.nlp.pipeline import load_pipeline
from kg.nlp.sentences import sentence_bounds, set_sentence_starts


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def sents(nlp, text):
    doc = set_sentence_starts(nlp.make_doc(text))
    return [s.text.strip() for s in doc.sents if s.text.strip()]


def test_terminal_punctuation_ends_sentences(nlp):
    text = "Hai bên đã hội đàm. Kết quả rất tốt! Bước tiếp theo là gì? Chưa rõ…"
    assert sents(nlp, text) == [
        "Hai bên đã hội đàm.",
        "Kết quả rất tốt!",
        "Bước tiếp theo là gì?",
        "Chưa rõ…",
    ]


def test_newline_ends_a_sentence_without_punctuation(nlp):
    text = "Thủ tướng tiếp Đại sứ Pháp\n\nCuộc gặp diễn ra tại Hà Nội."
    assert sents(nlp, text) == ["Thủ tướng tiếp Đại sứ Pháp", "Cuộc gặp diễn ra tại Hà Nội."]


@pytest.mark.parametrize(
    "quote",
    [
        "“Chúng tôi sẵn sàng. Chúng tôi chờ đợi”",
        '"Chúng tôi sẵn sàng. Chúng tôi chờ đợi"',
        "«Chúng tôi sẵn sàng. Chúng tôi chờ đợi»",
    ],
)
def test_quotation_stays_with_its_reporting_clause(nlp, quote):
    text = f"{quote}, ông Lâm nói. Sau đó ông rời đi."
    assert sents(nlp, text) == [f"{quote}, ông Lâm nói.", "Sau đó ông rời đi."]


def test_quote_ending_with_a_full_stop_closes_the_sentence(nlp):
    text = "Bà nói: “Đây là bước tiến lớn.” Các phóng viên vỗ tay."
    assert sents(nlp, text) == ["Bà nói: “Đây là bước tiến lớn.”", "Các phóng viên vỗ tay."]


def test_abbreviations_initials_and_numbers_do_not_split(nlp):
    text = "TS. Hòa và ông J.D. Miller dự báo tăng trưởng 3.5 phần trăm. Hội thảo kết thúc."
    assert sents(nlp, text) == [
        "TS. Hòa và ông J.D. Miller dự báo tăng trưởng 3.5 phần trăm.",
        "Hội thảo kết thúc.",
    ]


def test_lowercase_after_a_dot_does_not_split(nlp):
    assert len(sents(nlp, "Các nước Đông Nam Á, v.v. và đối tác khác cùng tham gia.")) == 1


def test_photo_caption_line_is_its_own_sentence(nlp):
    text = "Ngoại trưởng hai nước bắt tay (Ảnh: AFP).\nHai bên ký ba văn kiện."
    assert sents(nlp, text) == ["Ngoại trưởng hai nước bắt tay (Ảnh: AFP).", "Hai bên ký ba văn kiện."]


def test_inline_photo_credit_closes_the_caption(nlp):
    text = "Ngoại trưởng hai nước bắt tay (Ảnh: AFP) Hai bên ký ba văn kiện."
    assert sents(nlp, text) == ["Ngoại trưởng hai nước bắt tay (Ảnh: AFP)", "Hai bên ký ba văn kiện."]


def test_ordinary_parenthesis_does_not_split(nlp):
    text = "Cơ quan này (thành lập năm 1990) Hiện có 300 nhân viên."
    assert len(sents(nlp, text)) == 1


def test_every_token_has_a_decision(nlp):
    doc = set_sentence_starts(nlp.make_doc("Một. Hai.\n\nBa"))
    assert all(t.is_sent_start is not None for t in doc)
    assert doc[0].is_sent_start


def test_sentence_bounds_are_trimmed(nlp):
    text = "Câu đầu.   \n\n  Ông Minh đến muộn."
    doc = nlp(text)
    span = next(e for e in doc.ents if e.text == "Minh") if doc.ents else doc[-3:-2]
    start, sentence = sentence_bounds(span)
    assert sentence == "Ông Minh đến muộn."
    assert text[start : start + len(sentence)] == sentence


def test_empty_doc(nlp):
    assert list(set_sentence_starts(nlp.make_doc("")).sents) == []


def test_straight_quote_opening_the_next_sentence_goes_with_it(nlp):
    text = 'Ông dừng lại. "Chúng tôi sẽ trở lại", ông nói.'
    assert sents(nlp, text) == ["Ông dừng lại.", '"Chúng tôi sẽ trở lại", ông nói.']
