"""Actor mentions ("kg_entities"): each rule and the traps it must avoid.

Names of people, outlets and places below are made up on purpose, so the
tests exercise the rules rather than the lexicons; countries and capitals are
real because those come from the lexicon by design.
"""

from __future__ import annotations

import pytest

from kg.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def ents(nlp, text):
    """{surface: (label, key)} of the entity spans of ``text``."""
    return {e.text: (e.label_, e._.kg_key) for e in nlp(text).ents}


def titles(nlp, text):
    doc = nlp(text)
    return [t.text for t in doc.spans["titles"]]


# --------------------------------------------------------------- lexicons


def test_countries_get_iso_keys(nlp):
    found = ents(nlp, "Nga và Mỹ đã trao đổi về Ukraine.")
    assert found["Nga"] == ("Country", "country/ru")
    assert found["Mỹ"] == ("Country", "country/us")
    assert found["Ukraine"] == ("Country", "country/ua")


def test_country_long_form_has_the_country_key(nlp):
    assert ents(nlp, "Đây là cam kết của Liên bang Nga.")["Liên bang Nga"] == ("Country", "country/ru")


def test_case_matters_for_names_that_are_words(nlp):
    # "anh" (brother, he) is not the country "Anh".
    assert "anh" not in ents(nlp, "Tôi gặp anh ấy ở sân bay.")


# ------------------------------------------------------ title + name


def test_title_country_name(nlp):
    found = ents(nlp, "Tổng thống Peru Ramon Vasquez đã tiếp đoàn.")
    assert found["Peru"][0] == "Country"
    assert found["Ramon Vasquez"] == ("Person", "person/ramon-vasquez")
    assert titles(nlp, "Tổng thống Peru Ramon Vasquez đã tiếp đoàn.") == ["Tổng thống"]


def test_compound_and_deputy_titles(nlp):
    text = "Trợ lý Tổng thống Peru Luis Mendoza và Phó Thủ tướng Ana Torres cùng dự."
    assert titles(nlp, text) == ["Trợ lý Tổng thống", "Phó Thủ tướng"]
    found = ents(nlp, text)
    assert found["Luis Mendoza"][0] == "Person"
    assert found["Ana Torres"][0] == "Person"


def test_title_does_not_swallow_the_ministry(nlp):
    text = "Thứ trưởng Bộ Ngoại giao Peru Carlos Ruiz phát biểu."
    assert titles(nlp, text) == ["Thứ trưởng"]
    found = ents(nlp, text)
    assert found["Bộ Ngoại giao Peru"][0] == "Organization"
    assert found["Carlos Ruiz"][0] == "Person"


def test_title_carries_over_organisation_and_abbreviation(nlp):
    text = "Ủy viên Cơ quan Thủy văn Quốc gia (NHA) Mira Sandoval dự họp."
    found = ents(nlp, text)
    assert found["Cơ quan Thủy văn Quốc gia"][0] == "Organization"
    assert found["NHA"] == found["Cơ quan Thủy văn Quốc gia"]
    assert found["Mira Sandoval"][0] == "Person"


def test_lowercase_title_introduces_a_name(nlp):
    assert ents(nlp, "Cuộc gặp có đặc phái viên Tom Brandt tham dự.")["Tom Brandt"][0] == "Person"


# ------------------------------------------------------------ honorifics


def test_honorific_makes_a_person(nlp):
    found = ents(nlp, "Theo ông Olsen, bà Varga đã đồng ý.")
    assert found["Olsen"][0] == "Person"
    assert found["Varga"][0] == "Person"


def test_honorific_before_lowercase_is_nothing(nlp):
    assert ents(nlp, "Ông cho biết bà sẽ đến sau.") == {}


# ------------------------------------------------------ names from shape


def test_vietnamese_name_before_reporting_verb(nlp):
    found = ents(nlp, "Hôm qua, Nguyễn Văn Thành nhấn mạnh hai nước cần hợp tác.")
    assert found["Nguyễn Văn Thành"][0] == "Person"


def test_vietnamese_full_name_without_cue(nlp):
    assert ents(nlp, "Đoàn do Trần Quốc Bảo dẫn đầu.")["Trần Quốc Bảo"][0] == "Person"


def test_foreign_full_name_without_cue(nlp):
    assert ents(nlp, "Cuộc gặp với Kazimir Wolanski diễn ra kín.")["Kazimir Wolanski"][0] == "Person"


@pytest.mark.parametrize(
    "text",
    [
        "Theo kế hoạch, hai bên sẽ ký hiệp định.",
        "Trong cuộc gặp, hai bên nhất trí tăng cường hợp tác.",
        "Cuộc hội đàm kéo dài hai giờ.",
        "Các bên sẽ gặp lại vào tuần tới.",
        "Giáng sinh năm nay, các bên sẽ ngừng bắn.",
    ],
)
def test_sentence_initial_words_are_not_names(nlp, text):
    assert ents(nlp, text) == {}


def test_compound_with_capital_is_not_a_person(nlp):
    # "phương Tây" (the West) before a reporting verb.
    assert "Tây" not in ents(nlp, "Lực lượng này do phương Tây đề xuất.")


def test_pronoun_anh_at_sentence_start(nlp):
    assert ents(nlp, "Anh cho biết mọi việc vẫn ổn.") == {}
    assert ents(nlp, "Thủ tướng Anh Kim Harlow đến Paris.")["Anh"] == ("Country", "country/gb")


def test_pronoun_like_country_listed_with_others_at_sentence_start(nlp):
    found = ents(nlp, "Anh và Pháp ủng hộ nghị quyết.")
    assert found["Anh"] == ("Country", "country/gb")


def test_given_name_anh_ends_a_person_name(nlp):
    found = ents(nlp, "Ông Nguyễn Tuấn Anh, Phó Giám đốc Sở Ngoại vụ, sẽ sang Anh.")
    assert found["Nguyễn Tuấn Anh"][0] == "Person"
    assert found["Anh"] == ("Country", "country/gb")


def test_academic_honorific(nlp):
    assert ents(nlp, "Hội thảo có TS. Lê Hạnh tham dự.")["Lê Hạnh"][0] == "Person"


def test_country_glued_to_a_following_word_is_not_matched(nlp):
    assert "Ý" not in ents(nlp, "Vậy thì sao. Ý tưởng này được nhiều nước ủng hộ.")


# ------------------------------------------------------ capitals


def test_capital_standing_for_its_state(nlp):
    assert ents(nlp, "Moskva cho rằng các biện pháp là bất hợp pháp.")["Moskva"] == (
        "Country",
        "country/ru",
    )
    found = ents(nlp, "Cuộc đàm phán giữa Washington và Bắc Kinh tiếp diễn.")
    assert found["Washington"] == ("Country", "country/us")
    assert found["Bắc Kinh"] == ("Country", "country/cn")


@pytest.mark.parametrize("cue", ["đến", "tại", "rời", "thăm", "thủ đô"])
def test_capital_as_a_venue_is_a_place(nlp, cue):
    label, key = ents(nlp, f"Phái đoàn Peru đã {cue} Moskva hôm 3/4.")["Moskva"]
    assert label == "Place"
    assert key.startswith("place/")


# ---------------------------------------------------- organisations


def test_organisation_from_head_noun_includes_its_country(nlp):
    found = ents(nlp, "Phó Chủ tịch Hội đồng Kinh tế Peru Lena Ortiz phát biểu.")
    assert found["Hội đồng Kinh tế Peru"][0] == "Organization"
    assert found["Lena Ortiz"][0] == "Person"


def test_organisation_ending_in_an_acronym(nlp):
    found = ents(nlp, "Ông là Cục trưởng Cục An ninh Biển XMS từ năm ngoái.")
    assert found["Cục An ninh Biển XMS"][0] == "Organization"


def test_head_naming_one_foreign_word(nlp):
    assert ents(nlp, "Đại diện Tập đoàn Qorvax đã ký hợp đồng.")["Tập đoàn Qorvax"][0] == "Organization"


def test_sentence_initial_delegation_is_not_an_organisation(nlp):
    found = ents(nlp, "Phái đoàn Peru đã tới sân bay.")
    assert found == {"Peru": ("Country", "country/pe")}


# --------------------------------------------------------- outlets


@pytest.mark.parametrize(
    "text, name",
    [
        ("Theo hãng tin Zvezdapress, vụ việc xảy ra hôm qua.", "Zvezdapress"),
        ("Kênh Orbitavision cũng xác nhận thông tin.", "Orbitavision"),
        ("Zorvik Daily đưa tin hai bên đã nhất trí.", "Zorvik Daily"),
        ("Lãnh đạo hai nước bắt tay (Ảnh: Lumipress).", "Lumipress"),
        ("Ông ấy trả lời phỏng vấn của Brontel News hôm thứ Hai.", "Brontel News"),
    ],
)
def test_outlets(nlp, text, name):
    assert ents(nlp, text)[name][0] == "Organization"


# ---------------------------------------------------------- places


def test_place_nouns_and_coordination(nlp):
    found = ents(nlp, "Quân đội rút khỏi các tỉnh Barlovento và Sotavento.")
    assert found["Barlovento"][0] == "Place"
    assert found["Sotavento"][0] == "Place"


def test_venue_preposition_makes_a_place(nlp):
    assert ents(nlp, "Hội nghị được tổ chức tại Marisqueta.")["Marisqueta"][0] == "Place"


# ----------------------------------------------------- doc structures


def test_titles_carry_their_category(nlp):
    doc = nlp("Ngoại trưởng Peru Elena Cruz tới Hà Nội.")
    (title,) = doc.spans["titles"]
    assert title.text == "Ngoại trưởng"
    assert title._.kg_title_category


def test_entity_spans_do_not_overlap_and_have_keys(nlp):
    doc = nlp("Tổng thống Nga Vladimir Putin tiếp Đặc phái viên Mỹ tại Điện Kremlin.")
    assert all(e._.kg_key for e in doc.ents)
    positions = [i for e in doc.ents for i in range(e.start, e.end)]
    assert len(positions) == len(set(positions))


def test_glued_country_and_name_are_separated(nlp):
    found = ents(nlp, "Ngoại trưởng Iran Abbas Araghchi đã tới Oman.")
    assert found["Iran"][0] == "Country"
    assert found["Abbas Araghchi"][0] == "Person"


def test_country_short_forms_in_dash_compounds(nlp):
    found = ents(nlp, "Quan hệ Nhật - Hàn và thương mại Việt - Trung đều tăng.")
    assert found["Hàn"] == ("Country", "country/kr")
    assert found["Việt"] == ("Country", "country/vn")
    assert found["Trung"] == ("Country", "country/cn")


def test_dateline(nlp):
    found = ents(nlp, "HÀ NỘI (Zetapress) - Sáng nay, hai bên ký thỏa thuận.")
    assert found["HÀ NỘI"][0] == "Place"
    assert found["Zetapress"][0] == "Organization"


def test_sentence_initial_common_word_with_a_head_syllable(nlp):
    # "Hội nghị" starts with the head "Hội" but alone is just "conference".
    assert "Hội nghị" not in ents(nlp, "Hội nghị thượng đỉnh kết thúc hôm qua.")
