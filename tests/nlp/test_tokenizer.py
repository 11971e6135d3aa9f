"""The underthesea-based tokenizer: exact text, offsets, repairs, config."""

from __future__ import annotations

import pytest
import spacy

from kg.nlp.pipeline import load_pipeline
from kg.nlp.segmenter import get_segmenter
from kg.nlp.tokenizer import VietnameseTokenizer

TRICKY = [
    "  Bộ trưởng   Ngoại giao\tđến Hà Nội.\n\n\nÔng nói: “Tốt.”  ",
    "Dòng một\r\nDòng hai\n",
    "\n\nChỉ có xuống dòng ở đầu",
    "Giá tăng 3,5% (từ 1.200 lên 1.242 USD) vào 15/3/2025...",
    "Xem tại https://example.com/a?b=1 hoặc gửi thư tới ban@example.vn!",
    "Thủ tướng 🇻🇳 phát biểu — “hoà bình” là ưu tiên",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize("text", TRICKY)
def test_text_round_trips_exactly(nlp, text):
    doc = nlp.make_doc(text)
    assert doc.text == text


@pytest.mark.parametrize("text", TRICKY)
def test_strings_handed_over_are_the_docs(nlp, text):
    from kg.nlp import strings

    doc = nlp.make_doc(text)
    handed = strings.doc_strings(doc)
    strings.remember(None, handed)  # forget: read them from the doc
    read = strings.doc_strings(doc)
    assert handed == read
    assert read.text == doc.text
    assert [read.span(i, j) for i in range(len(doc)) for j in range(i, len(doc) + 1)] == \
        [doc[i:j].text for i in range(len(doc)) for j in range(i, len(doc) + 1)]


@pytest.mark.parametrize("text", TRICKY)
def test_token_offsets_slice_the_input(nlp, text):
    for tok in nlp.make_doc(text):
        assert text[tok.idx : tok.idx + len(tok.text)] == tok.text


def test_nfd_input_keeps_offsets(nlp):
    import unicodedata

    text = unicodedata.normalize("NFD", "Phái đoàn Việt Nam tới Lào.")
    doc = nlp.make_doc(text)
    assert doc.text == text


def _words(nlp, text):
    return [t.text for t in nlp.make_doc(text) if not t.is_space]


def test_multi_syllable_words_are_single_tokens(nlp):
    words = _words(nlp, "Người phát ngôn Bộ Ngoại giao trả lời phóng viên.")
    assert "Người phát ngôn" in words
    assert "Ngoại giao" in words


def test_lowercase_word_never_glued_to_a_name(nlp):
    for text, name in [
        ("Họ bàn về cuộc khủng hoảng Ukraine trong hai giờ.", "Ukraine"),
        ("Sau chuyến thăm Moskva, ông trở về.", "Moskva"),
        ("Ông mong Ukraine sớm có hòa bình.", "Ukraine"),
    ]:
        assert name in _words(nlp, text)


def test_sentence_case_dictionary_word_is_kept(nlp):
    assert "Tổng thống" in _words(nlp, "Tổng thống phát biểu tại lễ khai mạc.")


def test_capitalised_word_keeps_its_dictionary_head(nlp):
    # The CRF glues "Viện Kiểm sát nhân dân" and "Thương mại và": the longest
    # dictionary word the capitals open stays one token.
    words = _words(nlp, "Viện Kiểm sát nhân dân tối cao đã ra quyết định.")
    assert "Viện Kiểm sát" in words
    assert "nhân dân" in words
    words = _words(nlp, "Bộ Kinh tế, Thương mại và Công nghiệp cho biết.")
    assert "Thương mại" in words
    assert "và" in words


def test_acronym_gives_back_its_full_stop(nlp):
    words = _words(nlp, "Ông nói về NATO. Trong khi đó, TS. Lan phản đối.")
    assert words[words.index("NATO") + 1] == "."
    assert "TS." in words
    assert "Lan" in words


def test_name_glued_after_a_country_is_cut(nlp):
    words = _words(nlp, "Ngoại trưởng Iran Abbas Araghchi đã đến Oman.")
    assert "Iran" in words


def test_name_glued_after_an_acronym_is_cut(nlp):
    words = _words(nlp, "Tổng giám đốc KOTRA Kim Jung-hyun thăm Hà Nội.")
    assert "KOTRA" in words and "Kim Jung-hyun" in words


def test_a_word_glued_after_a_name_piece_gives_the_name_its_syllable(nlp):
    # the segmenter reads "Bình nhân dịp" as one word after "Tập Cận"
    words = _words(nlp, "Chủ tịch Trung Quốc Tập Cận Bình nhân dịp Tết gửi điện mừng.")
    assert "Bình" in words and "nhân dịp" in words


def test_word_cuts_read_back_from_the_cache_are_the_same(nlp):
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    texts = TRICKY + [p.read_text(encoding="utf-8") for p in sorted((root / "sources").glob("*.txt"))]
    tok = nlp.tokenizer
    for text in texts:
        warm = tok.token_spans(text)  # words seen before come from the cache
        tok._cuts.clear()
        assert tok.token_spans(text) == warm
        assert tok.token_spans(text) == warm


def test_segmenter_agrees_with_underthesea():
    from underthesea import word_tokenize

    seg = get_segmenter()
    for text in [
        "Hai nước nhất trí tăng cường hợp tác kinh tế và an ninh.",
        "Bộ trưởng Quốc phòng Nhật Bản thăm căn cứ hải quân Cam Ranh",
        "a",
        "Xin chào!",
    ]:
        ours = [" ".join(text[s:e].split()) for s, e in seg.segment(text)]
        assert ours == word_tokenize(text)


def test_tokenizer_works_without_lexicons():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "kg.vi_tokenizer.v1"}}})
    assert isinstance(nlp.tokenizer, VietnameseTokenizer)
    assert nlp("Ông Ba đi Huế.").text == "Ông Ba đi Huế."


def test_config_round_trip(nlp, tmp_path):
    nlp.to_disk(tmp_path)
    loaded = spacy.load(tmp_path)
    text = "Tổng thống Nga Vladimir Putin tiếp đoàn Mỹ tại Điện Kremlin."
    assert [t.text for t in loaded(text)] == [t.text for t in nlp(text)]
    assert loaded.pipe_names == nlp.pipe_names
    assert loaded.lang == "vi"
