"""Tests for kg.extract.dates on hand-written news-style sentences."""

from __future__ import annotations

import doctest

import pytest

from kg.extract import dates
from kg.extract.dates import TimeExpression, article_relative, find_times


def _checked(text: str, article: str | None) -> list[TimeExpression]:
    found = find_times(text, article)
    for e in found:
        assert text[e.start:e.end] == e.text
        assert e.granularity in {"day", "week", "month", "year"}
        assert e.relation in {"past", "future", None}
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    return found


def _only(text: str, article: str | None) -> TimeExpression:
    found = _checked(text, article)
    assert len(found) == 1, found
    return found[0]


# (sentence, article date, expected span, value, granularity, relation)
FORMS = [
    ("Ngoại trưởng hai nước hội đàm ngày 22/1 tại Hà Nội.", "2026-01-23",
     "ngày 22/1", "2026-01-22", "day", "past"),
    ("Phái đoàn Nhật Bản dự kiến lên đường vào 22/1.", "2026-01-20",
     "22/1", "2026-01-22", "day", "future"),
    ("Hội nghị khai mạc ngày 22-1 tại Thủ đô Hà Nội.", "2026-01-23",
     "ngày 22-1", "2026-01-22", "day", "past"),
    ("Hiệp định được ký kết 22/1/2026 tại Geneva.", "2026-02-01",
     "22/1/2026", "2026-01-22", "day", "past"),
    ("Hai bên nhất trí tổ chức vòng tham vấn ngày 22 tháng 1.", "2026-01-10",
     "ngày 22 tháng 1", "2026-01-22", "day", "future"),
    ("Thượng đỉnh sẽ diễn ra ngày 22 tháng 1 năm 2026 tại Jakarta.", "2025-11-30",
     "ngày 22 tháng 1 năm 2026", "2026-01-22", "day", "future"),
    ("Bộ trưởng Quốc phòng hai nước đã điện đàm hôm 31/1.", "2026-02-03",
     "hôm 31/1", "2026-01-31", "day", "past"),
    ("Chuyên cơ chở đoàn đại biểu hạ cánh 23h25 ngày 22/1.", "2026-01-23",
     "23h25 ngày 22/1", "2026-01-22", "day", "past"),
    ("Cuộc hội đàm bắt đầu lúc 13h ngày 5/3 theo giờ địa phương.", "2026-03-06",
     "lúc 13h ngày 5/3", "2026-03-05", "day", "past"),
    ("Đoàn đàm phán rời Bắc Kinh rạng sáng 23/1.", "2026-01-23",
     "rạng sáng 23/1", "2026-01-23", "day", None),
    ("Chủ tịch nước đón Tổng thống Hàn Quốc sáng 23/1.", "2026-01-23",
     "sáng 23/1", "2026-01-23", "day", None),
    ("Thủ tướng chủ trì tiệc chiêu đãi tối 22/1.", "2026-01-23",
     "tối 22/1", "2026-01-22", "day", "past"),
    ("Hai nhà lãnh đạo điện đàm đêm 22/1 theo giờ Washington.", "2026-01-23",
     "đêm 22/1", "2026-01-22", "day", "past"),
    ("Các bên đã gặp nhau tại Riyadh vào đầu tháng 12.", "2026-01-23",
     "đầu tháng 12", "2025-12", "month", "past"),
    ("Diễn đàn an ninh sẽ được tổ chức vào cuối tháng 12.", "2025-11-15",
     "cuối tháng 12", "2025-12", "month", "future"),
    ("Vòng đối thoại tiếp theo dự kiến diễn ra giữa tháng 3.", "2026-01-23",
     "giữa tháng 3", "2026-03", "month", "future"),
    ("Hai nước nối lại đàm phán trực tiếp từ tháng 5.", "2025-08-07",
     "tháng 5", "2025-05", "month", "past"),
    ("Hiệp ước được phê chuẩn hồi tháng 5/2025.", "2026-01-23",
     "tháng 5/2025", "2025-05", "month", "past"),
    ("Hiệp ước được phê chuẩn hồi tháng 5 năm 2025.", "2026-01-23",
     "tháng 5 năm 2025", "2025-05", "month", "past"),
    ("Bộ trưởng đã thăm Canberra hồi tháng trước.", "2026-01-23",
     "tháng trước", "2025-12", "month", "past"),
    ("Hai bên sẽ ký thỏa thuận thương mại trong tháng tới.", "2025-12-29",
     "tháng tới", "2026-01", "month", "future"),
    ("Hai nhà lãnh đạo có thể gặp nhau ngay trong tuần tới.", "2025-08-07",
     "tuần tới", "2025-08", "week", "future"),
    # 26/1 - 1/2/2026: the week straddles two months, only the year is certain.
    ("Phái đoàn Ấn Độ sẽ sang Hà Nội tuần sau.", "2026-01-23",
     "tuần sau", "2026", "week", "future"),
    ("Tuần trước, Ngoại trưởng Pháp nói với báo giới rằng đàm phán bế tắc.", "2025-08-27",
     "Tuần trước", "2025-08", "week", "past"),
    ("Trong tuần này, Nhà Trắng chưa đưa ra bình luận.", "2026-01-23",
     "tuần này", "2026-01", "week", None),
    ("Hôm qua, Bộ Ngoại giao triệu Đại sứ Israel.", "2026-01-23",
     "Hôm qua", "2026-01-22", "day", "past"),
    ("Người phát ngôn cho biết hôm nay phái đoàn sẽ tới Doha.", "2026-01-23",
     "hôm nay", "2026-01-23", "day", None),
    ("Ngày mai, hai bên sẽ ra tuyên bố chung.", "2026-01-23",
     "Ngày mai", "2026-01-24", "day", "future"),
    ("Hai bên cam kết hoàn tất đàm phán trong năm 2026.", "2025-12-29",
     "năm 2026", "2026", "year", "future"),
    ("Năm ngoái, kim ngạch thương mại song phương đạt kỷ lục.", "2026-01-23",
     "Năm ngoái", "2025", "year", "past"),
    ("Đây là chuyến thăm thứ ba của ông trong năm nay.", "2026-01-23",
     "năm nay", "2026", "year", None),
    ("Hội nghị APEC năm tới sẽ do Trung Quốc đăng cai.", "2026-01-23",
     "năm tới", "2027", "year", "future"),
    ("Đây là cuộc điện đàm thứ năm kể từ đầu năm.", "2025-12-29",
     "đầu năm", "2025", "year", None),
    ("Sáng thứ Hai tuần trước, hai bên đã trao đổi văn kiện.", "2026-01-23",
     "Sáng thứ Hai tuần trước", "2026-01-12", "day", "past"),
    ("Ông Lavrov sẽ tới Ankara vào thứ Hai tới.", "2026-01-23",
     "thứ Hai tới", "2026-01-26", "day", "future"),
    # Friday article: Tuesday three days back is closer than Tuesday four days ahead.
    ("Ông đã gặp người đồng cấp hôm thứ Ba.", "2026-01-23",
     "hôm thứ Ba", "2026-01-20", "day", "past"),
    ("Tổng thống phát biểu hôm thứ Năm (22/1) tại Davos.", "2026-01-26",
     "hôm thứ Năm (22/1)", "2026-01-22", "day", "past"),
    ("Cuộc gặp được tổ chức ngày 22-23/1 tại Abu Dhabi.", "2026-01-26",
     "ngày 22-23/1", "2026-01-22", "day", "past"),
    ("Thỏa thuận có hiệu lực từ tháng 5 năm ngoái.", "2026-01-23",
     "tháng 5 năm ngoái", "2025-05", "month", "past"),
    ("Lễ ký kết dự kiến diễn ra đầu tháng 1 năm 2026.", "2025-12-29",
     "đầu tháng 1 năm 2026", "2026-01", "month", "future"),
    ("Hai nước ký hiệp định khung ngày 22-1-2026.", "2026-03-06",
     "ngày 22-1-2026", "2026-01-22", "day", "past"),
    ("Diễn đàn được tổ chức lần đầu vào tháng 5-2025.", "2026-03-06",
     "tháng 5-2025", "2025-05", "month", "past"),
    ("Hai bên từng gặp nhau ngày 22/1 năm ngoái.", "2026-03-06",
     "ngày 22/1 năm ngoái", "2025-01-22", "day", "past"),
    ("Ông đang có chuyến thăm chính thức Lào từ ngày 4 đến 6/12.", "2025-12-05",
     "ngày 4 đến 6/12", "2025-12-04", "day", "past"),
    ("Đoàn thăm Nhật Bản từ ngày 4 đến ngày 6 tháng 12.", "2025-12-07",
     "ngày 4 đến ngày 6 tháng 12", "2025-12-04", "day", "past"),
    ("Trong hai ngày 9 và 10/10, hội nghị diễn ra tại Viêng Chăn.", "2025-10-11",
     "ngày 9 và 10/10", "2025-10-09", "day", "past"),
    # the dotted style of some papers ("ngày 21.1", "sáng 5.3.2026")
    ("Hai ngoại trưởng sẽ gặp nhau ngày 21.1 tại Brussels.", "2026-01-15",
     "ngày 21.1", "2026-01-21", "day", "future"),
    ("Hội nghị khai mạc sáng 5.3.2026 tại Hà Nội.", "2026-03-06",
     "sáng 5.3.2026", "2026-03-05", "day", "past"),
]


@pytest.mark.parametrize("text,article,span,value,granularity,relation", FORMS,
                         ids=[f[2] for f in FORMS])
def test_form(text, article, span, value, granularity, relation):
    e = _only(text, article)
    assert (e.text, e.value, e.granularity, e.relation) == (span, value, granularity, relation)


def test_cung_ngay_takes_previous_date():
    text = "Ngoại trưởng Mỹ tới Bắc Kinh ngày 5/3. Tối cùng ngày, ông hội kiến Chủ tịch Trung Quốc."
    first, second = _checked(text, "2026-03-07")
    assert first.value == "2026-03-05"
    assert (second.text, second.value, second.relation) == ("Tối cùng ngày", "2026-03-05", "past")


def test_cung_ngay_without_previous_date_is_article_date():
    e = _only("Tổng thống đã điện đàm với Thủ tướng Anh lúc 10h cùng ngày.", "2025-12-29")
    assert (e.text, e.value, e.relation) == ("lúc 10h cùng ngày", "2025-12-29", None)


@pytest.mark.parametrize("text", [
    "Cuộc điện đàm kéo dài khoảng 1 giờ 15 phút.",
    "Cuộc họp kín kéo dài gần 4 giờ đồng hồ.",
    "Đây là cuộc điện đàm thứ chín giữa hai nhà lãnh đạo.",
    "Đây là lần thứ hai ông tới thăm Lào.",
    "Vòng đàm phán 3 bên đầu tiên đã kết thúc, 2 bên sẽ gặp lại.",
    "Hội nghị thượng đỉnh G7 ra tuyên bố chung.",
    "Quan hệ Nga - Mỹ đang ở mức thấp.",
    "Đội tuyển Việt Nam thắng 2-1 trong trận giao hữu.",
    "Nga kiểm soát khoảng 1/3 lãnh thổ vùng Donbass.",
    "Hơn 2/3 số đại biểu tán thành nghị quyết.",
    "Lạm phát giảm còn 2,5% trong quý.",
    "Kim ngạch thương mại song phương đạt 21.1 tỷ USD.",
    "Hai nước đã trải qua những tuần trước đó đầy căng thẳng.",
    "Thỏa thuận được ký hai tuần trước khi chiến sự bùng phát.",
    "Ông từng giữ chức vụ này 3 năm trước.",
    "Những năm trước, quan hệ hai nước không ổn định.",
])
def test_not_a_date(text):
    assert _checked(text, "2026-01-23") == []


@pytest.mark.parametrize("text", [
    "Cuộc gặp dự kiến diễn ra ngày 31/2.",
    "Cuộc gặp dự kiến diễn ra ngày 29/2/2026.",
    "Văn bản ghi ngày 2026-13-45.",
    "Văn bản ghi ngày 45/13/2026.",
    "Hội nghị diễn ra vào tháng 13.",
    "Văn kiện được ký ngày 31 tháng 4 năm 2025.",
])
def test_invalid_dates_give_nothing(text):
    assert _checked(text, "2026-01-23") == []
    assert _checked(text, None) == []


def test_invalid_date_does_not_hide_the_next_one():
    (e,) = _checked("Thông báo ghi ngày 31/2, nhưng cuộc gặp diễn ra ngày 1/3.", "2026-03-05")
    assert (e.text, e.value) == ("ngày 1/3", "2026-03-01")


@pytest.mark.parametrize("text,article,value", [
    ("Hai bên sẽ gặp lại ngày 5/1.", "2025-12-29", "2026-01-05"),
    ("Hai bên đã gặp nhau ngày 28/12.", "2026-01-03", "2025-12-28"),
    ("Hai bên sẽ gặp lại vào tháng 2.", "2025-11-20", "2026-02"),
    ("Hai bên đã gặp nhau hồi tháng 11.", "2026-02-10", "2025-11"),
    ("Hai bên sẽ gặp lại vào tuần tới.", "2025-12-29", "2026-01"),
    ("Hai bên đã gặp nhau tháng trước.", "2026-01-05", "2025-12"),
    # Six months either way: ties go to the past.
    ("Hai bên từng gặp nhau vào tháng 7.", "2026-01-15", "2025-07"),
])
def test_year_wraps_both_ways(text, article, value):
    assert _only(text, article).value == value


@pytest.mark.parametrize("text,value,granularity,relation", [
    ("Hai bên hội đàm ngày 22/1.", None, "day", None),
    ("Hai bên hội đàm ngày 22/1/2026.", "2026-01-22", "day", None),
    ("Hai bên hội đàm ngày 22 tháng 1 năm 2026.", "2026-01-22", "day", None),
    ("Hai bên hội đàm vào tháng 5.", None, "month", None),
    ("Hai bên hội đàm vào tháng 5/2025.", "2025-05", "month", None),
    ("Hai bên hội đàm trong năm 2026.", "2026", "year", None),
    ("Hai bên sẽ hội đàm trong tuần tới.", None, "week", "future"),
    ("Hai bên đã hội đàm hôm qua.", None, "day", "past"),
])
def test_without_article_date(text, value, granularity, relation):
    e = _only(text, None)
    assert (e.value, e.granularity, e.relation) == (value, granularity, relation)


def test_offsets_exact_in_a_longer_text():
    text = (
        "Theo Bộ Ngoại giao, rạng sáng 23/1, đoàn đàm phán tới Abu Dhabi.\n\n"
        "Trước đó, vào đầu tháng 12, hai bên đã gặp nhau gần 5 giờ; "
        "Nga kiểm soát 1/3 lãnh thổ.\n"
        "Lúc 13h cùng ngày, người phát ngôn cho biết vòng tiếp theo diễn ra tuần tới, "
        "có thể vào 2/2 hoặc đầu năm 2027."
    )
    found = _checked(text, "2026-01-23")
    assert [(e.text, e.value) for e in found] == [
        ("rạng sáng 23/1", "2026-01-23"),
        ("đầu tháng 12", "2025-12"),
        ("Lúc 13h cùng ngày", "2026-01-23"),
        ("tuần tới", "2026"),
        ("2/2", "2026-02-02"),
        ("đầu năm 2027", "2027"),
    ]


@pytest.mark.parametrize("value,article,expected", [
    ("2026-01-22", "2026-01-23", "past"),
    ("2026-01-23", "2026-01-23", "same"),
    ("2026-02", "2026-01-23", "future"),
    ("2026", "2026-01-23", "same"),
    ("2025", "2026-01-23", "past"),
    (None, "2026-01-23", None),
    ("2026-01-22", None, None),
])
def test_article_relative(value, article, expected):
    assert article_relative(value, article) == expected


def test_docstring_examples():
    assert doctest.testmod(dates).failed == 0


def test_vocabulary_file_is_well_formed():
    kinds, info = dates._vocab()
    assert {"relative", "part_of_day", "anchor", "trigger", "weekday"} <= kinds.keys()
    for (kind, _), (unit, _, relation, base) in info.items():
        if kind == "relative":
            assert unit in {"day", "week", "month", "year"}
            assert base in {"article", "previous"}
        assert relation in {"past", "future", None}


def _all_texts() -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    texts = [f[0] for f in FORMS] + [
        "Thứ Hai, 5/1, đầu tháng 12 năm ngoái, 23h25 ngày 22-23/1 (giờ địa phương), hai tuần trước.",
        "Chiều tối thứ Năm (22/1), lúc 9 giờ 15 phút; 1/3 lãnh thổ; tỷ số 2-1; 3,5%; 1/3/5."]
    for folder in ("sources", "eval/heldout/sources", "eval/heldout2/sources"):
        texts += [p.read_text(encoding="utf-8") for p in sorted((root / folder).glob("*.txt"))]
    return texts


def test_patterns_tried_at_starts_find_what_a_full_scan_finds():
    for text in _all_texts():
        full = [(kind, m.span()) for kind, rx in dates._grammar() for m in rx.finditer(text)]
        assert [(kind, m.span()) for kind, m in dates._matches(text)] == full


def test_word_before_reads_like_the_anchored_regex():
    import re

    for text in _all_texts()[:20] + ["a  ", " x_1 \n", "", "ab", "(ab) ", "hai\u00a0"]:
        for start in range(len(text) + 1):
            m = re.search(r"(\w+)\s+$", text[:start])
            assert dates._word_before(text, start) == (m.group(1) if m else None)


def test_days_before_or_after_the_previous_date():
    text = "Ngoại trưởng tới Brasilia ngày 14/7. Trước đó một ngày, ông dừng chân tại Lima; hai ngày sau đó, ông tới Quito."
    first, before, after = _checked(text, "2026-07-20")
    assert (before.text, before.value) == ("Trước đó một ngày", "2026-07-13")
    # counted from the day read last, the stop in Lima
    assert (after.text, after.value) == ("hai ngày sau đó", "2026-07-15")


def test_days_before_or_after_what_follows_count_from_the_previous_date():
    # "X, hai ngày trước khi Y": Y comes two days after X's day.
    text = "Hai ngoại trưởng điện đàm ngày 8/5, hai ngày trước khi ông Lý tới Hà Nội; ba ngày sau khi hội nghị bế mạc."
    first, before, after = _checked(text, "2026-05-09")
    assert (before.text, before.value) == ("hai ngày trước khi", "2026-05-10")
    assert (after.text, after.value) == ("ba ngày sau khi", "2026-05-07")


def test_ngay_trong_ngay_is_the_day_read_before():
    text = "Triều Tiên phóng tên lửa hôm 19/5. Ngoại trưởng hai nước đã điện đàm ngay trong ngày."
    first, same = _checked(text, "2026-05-20")
    assert (same.text, same.value) == ("ngay trong ngày", "2026-05-19")


def test_an_explicit_date_after_cung_ngay_wins():
    text = "Hai bên điện đàm hôm 5/3. Cùng ngày 12/3, Bộ trưởng tiếp Đại sứ. Tối cùng ngày, ông về nước."
    first, explicit, same = _checked(text, "2026-03-13")
    assert (explicit.text, explicit.value) == ("Cùng ngày 12/3", "2026-03-12")
    assert (same.text, same.value) == ("Tối cùng ngày", "2026-03-12")
