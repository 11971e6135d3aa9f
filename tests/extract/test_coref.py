"""Within-article resolution ("kg_resolve") into kg.extract.model.Entity."""

from __future__ import annotations

import pytest

from kg.extract.model import ENTITY_TYPES, Entity
from kg.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def entities(nlp, text) -> dict[str, Entity]:
    return {e.key: e for e in nlp(text)._.entities}


def by_name(nlp, text) -> dict[str, Entity]:
    return {e.name: e for e in nlp(text)._.entities}


def test_surname_mentions_join_the_full_name(nlp):
    text = (
        "Tổng thống Peru Ramon Vasquez tiếp đoàn Nhật Bản. "
        "Ông Vasquez cho biết hai nước sẽ hợp tác. Tổng thống Vasquez cũng mời đoàn dự tiệc."
    )
    found = entities(nlp, text)
    person = found["person/ramon-vasquez"]
    assert person.name == "Ramon Vasquez"
    assert person.aliases == {"Vasquez"}
    assert len(person.mentions) == 3
    assert person.type == "Person"


def test_short_form_before_the_full_name(nlp):
    text = "Ông Okafor thăm Hà Nội\n\nNgoại trưởng Nigeria Daniel Okafor đến Hà Nội hôm qua."
    people = [e for e in nlp(text)._.entities if e.type == "Person"]
    assert len(people) == 1
    assert people[0].name == "Daniel Okafor"


def test_lexicon_person_keeps_the_lexicon_key(nlp):
    text = "Tổng thống Vladimir Putin phát biểu. Sau đó, ông Putin rời đi."
    putin = entities(nlp, text)["person/vladimir-putin"]
    assert putin.name == "Vladimir Putin"
    assert "Putin" in putin.aliases


def test_transliteration_variants_are_one_person(nlp):
    text = (
        "Tổng thống Moldova Andrei Kovalenko phát biểu. "
        "Trước đó, Tổng thống Andriy Kovalenko đã gặp Thủ tướng. Ông Kovalenko hài lòng."
    )
    people = [e for e in nlp(text)._.entities if e.type == "Person"]
    assert len(people) == 1
    assert {people[0].name, *people[0].aliases} == {
        "Andrei Kovalenko",
        "Andriy Kovalenko",
        "Kovalenko",
    }


def test_near_identical_surnames_are_one_person(nlp):
    text = "Đặc phái viên Petra Zelenskiy tới Kiev. Bà Zelensky sẽ ở lại hai ngày."
    people = [e for e in nlp(text)._.entities if e.type == "Person"]
    assert len(people) == 1


def test_same_surname_different_given_name_are_two_people(nlp):
    text = "Ông Marco Bellini và bà Giulia Bellini cùng tới dự lễ."
    people = [e for e in nlp(text)._.entities if e.type == "Person"]
    assert len(people) == 2


def test_vietnamese_names_sharing_a_given_name_are_two_people(nlp):
    text = "Ông Nguyễn Văn An và ông Trần Văn An cùng dự họp."
    people = [e for e in nlp(text)._.entities if e.type == "Person"]
    assert len(people) == 2


def test_vietnamese_given_name_reference(nlp):
    text = "Bộ trưởng Trần Quốc Bảo tiếp đoàn. Ông Bảo khẳng định hai bên sẽ hợp tác."
    people = [e for e in nlp(text)._.entities if e.type == "Person"]
    assert len(people) == 1
    assert people[0].name == "Trần Quốc Bảo"


def test_sino_vietnamese_family_name_reference(nlp):
    text = "Thủ tướng Chu Minh Đạt tiếp đoàn. Ông Chu nhấn mạnh quan hệ hai nước."
    people = [e for e in nlp(text)._.entities if e.type == "Person"]
    assert len(people) == 1


def test_country_variants_and_capital_alias(nlp):
    text = (
        "Liên bang Nga cho biết sẽ đáp trả. Moskva muốn đàm phán. "
        "Trong khi đó, phái đoàn Peru đã tới Moskva. Nga hoan nghênh điều này."
    )
    found = entities(nlp, text)
    russia = found["country/ru"]
    assert russia.name == "Nga"
    assert russia.aliases == {"Liên bang Nga", "Moskva"}
    assert russia.wikidata
    venue = next(e for e in found.values() if e.type == "Place")
    assert venue.name == "Moskva"
    assert len(venue.mentions) == 1


def test_country_named_only_by_its_capital(nlp):
    russia = entities(nlp, "Moskva bác bỏ cáo buộc.")["country/ru"]
    assert russia.name == "Nga"
    assert russia.aliases == {"Moskva"}


def test_abbreviation_is_an_alias(nlp):
    text = "Cơ quan Thủy văn Quốc gia (NHA) cảnh báo lũ. NHA khuyến cáo người dân."
    org = next(e for e in nlp(text)._.entities if e.type == "Organization")
    assert org.name == "Cơ quan Thủy văn Quốc gia"
    assert "NHA" in org.aliases


def test_organisation_with_trailing_acronym_gets_both_aliases(nlp):
    org = next(
        e
        for e in nlp("Ông chỉ huy Cục An ninh Biển XMS nhiều năm.")._.entities
        if e.type == "Organization"
    )
    assert org.aliases >= {"XMS", "Cục An ninh Biển"}


def test_evidence_offsets_and_sentences(nlp):
    text = "Hai bên gặp nhau.\n\nTổng thống Peru Ramon Vasquez tới Lima. Ông Vasquez vui."
    doc = nlp(text)
    for ent in doc._.entities:
        assert ent.type in ENTITY_TYPES
        for m in ent.mentions:
            assert text[m.start : m.end] == m.text
            assert text[m.sentence_start : m.sentence_start + len(m.sentence)] == m.sentence
            assert m.sentence_start <= m.start and m.end <= m.sentence_start + len(m.sentence)
    vasquez = next(e for e in doc._.entities if e.type == "Person")
    assert [m.sentence for m in vasquez.mentions] == [
        "Tổng thống Peru Ramon Vasquez tới Lima.",
        "Ông Vasquez vui.",
    ]


def test_span_keys_are_rewritten_to_the_resolved_key(nlp):
    doc = nlp("Ngoại trưởng Peru Elena Cruz phát biểu. Bà Cruz nói thêm.")
    keys = {e.text: e._.kg_key for e in doc.ents if e.label_ == "Person"}
    assert keys == {"Elena Cruz": "person/elena-cruz", "Cruz": "person/elena-cruz"}


def test_entities_are_ordered_by_first_mention(nlp):
    ents = nlp("Peru và Chile ký thỏa thuận.")._.entities
    assert [e.name for e in ents] == ["Peru", "Chile"]


def test_no_entities(nlp):
    assert nlp("Hôm nay trời mưa.")._.entities == []


def test_listed_surname_after_another_given_name(nlp):
    text = "Tổng thống Donald Trump và Đệ nhất Phu nhân Melania Trump đã tới London."
    people = {e.name: e.key for e in nlp(text)._.entities if e.type == "Person"}
    assert people["Donald Trump"] != people["Melania Trump"]


def test_generational_suffix_is_ignored_when_linking(nlp):
    text = (
        "Tổng thống Gambia Isatou Njie-Saidy Jr. phát biểu tại lễ khai mạc. "
        "Bà Njie-Saidy cho biết hai nước sẽ hợp tác."
    )
    people = [e for e in nlp(text)._.entities if e.type == "Person"]
    assert len(people) == 1
    assert people[0].name.startswith("Isatou Njie-Saidy Jr")
    assert "Njie-Saidy" in people[0].aliases


def test_particle_surname_links_to_the_full_name(nlp):
    text = (
        "Thủ tướng Hà Lan Pieter van den Berg phát biểu. Sau đó, ông van den Berg "
        "gặp Ngoại trưởng Oman Khaled al-Rashidi. Ông al-Rashidi hài lòng."
    )
    people = {e.name: e for e in nlp(text)._.entities if e.type == "Person"}
    assert set(people) == {"Pieter van den Berg", "Khaled al-Rashidi"}
    assert people["Pieter van den Berg"].aliases == {"van den Berg"}
    assert people["Khaled al-Rashidi"].aliases == {"al-Rashidi"}


def test_brothers_sharing_a_particle_and_father_name_are_two_people(nlp):
    text = ("Quốc vương Jordan tiếp Hoàng tử Hamad bin Rashid tại Amman. Cùng ngày, "
            "Bộ trưởng Nội vụ Jordan gặp Hoàng tử Saeed bin Rashid, em trai của ông. Ông bin Rashid hài lòng.")
    people = {e.name: e for e in nlp(text)._.entities if e.type == "Person"}
    assert {"Hamad bin Rashid", "Saeed bin Rashid"} <= set(people)


def test_listed_name_inside_a_longer_surface_is_an_alias(nlp):
    found = by_name(nlp, "Phong trào Hezbollah ở Liban tuyên bố ngừng bắn.")
    assert found["Phong trào Hezbollah"].aliases == {"Hezbollah"}


def test_two_word_name_in_both_orders_is_one_person(nlp):
    text = "Thủ tướng Nhật Bản Sato Haruki phát biểu. Ông Haruki Sato cho biết Tokyo sẽ hợp tác."
    people = [e for e in nlp(text)._.entities if e.type == "Person"]
    assert len(people) == 1
