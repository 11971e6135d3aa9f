"""Tests for kg.extract.meetings on hand-written news-style paragraphs.

Docs are built by hand (``[text|label:key]`` marks the entity and title spans
the recogniser would give), so the meeting rules are tested apart from it.
Labels: P Person, C Country, O Organization, L Place, T title. Keys of
well-known actors are the lexicon keys, because nationality ("Trump is
American") comes from ``persons.tsv``.
"""

from __future__ import annotations


import pytest
import spacy
from spacy.language import Language

import kg.extract.facts  # noqa: F401
import kg.extract.participants  # noqa: F401  (declares span._.kg_key)
from kg.extract.meetings import find_meetings
from kg.extract.model import Meeting
from markup_support import make_doc


PUTIN = "[Vladimir Putin|P:person/vladimir-putin]"
TRUMP = "[Donald Trump|P:person/donald-trump]"
RU, US, UA = "[Nga|C:country/ru]", "[Mỹ|C:country/us]", "[Ukraine|C:country/ua]"
TT = "[Tổng thống|T]"




def meetings(markup: str, date: str | None = "2026-01-23") -> list[Meeting]:
    return find_meetings(make_doc(markup, date))


def only(markup: str, date: str | None = "2026-01-23") -> Meeting:
    found = meetings(markup, date)
    assert len(found) == 1, [(m.kind, m.participants, m.date, m.status) for m in found]
    return found[0]


# --- one mention ---------------------------------------------------------------


def test_verb_with_subject_delegation_place_and_date():
    m = only(f"Chiều 22/1, {TT} {RU} {PUTIN} đã tiếp phái đoàn {US} tại [Điện Kremlin|O:org/kremlin].")
    assert (m.kind, set(m.participants), m.date, m.place, m.status) == (
        "meeting", {"person/vladimir-putin", "country/us"}, "2026-01-22", "org/kremlin", "held")
    assert m.trigger == "tiếp"
    ev = m.evidence[0]
    assert ev.text == "tiếp" and ev.sentence.startswith("Chiều 22/1") and ev.sentence_start == 0


def test_call_planned_by_future_date():
    m = only(f"[Thủ tướng|T] [Nhật Bản|C:country/jp] [Ishiba Shigeru|P:person/ishiba-shigeru] sẽ điện đàm "
             f"với {TT} [Hàn Quốc|C:country/kr] [Lee Jae-myung|P:person/lee-jae-myung] vào ngày 28/1.")
    assert (m.kind, set(m.participants), m.date, m.status) == (
        "call", {"person/ishiba-shigeru", "person/lee-jae-myung"}, "2026-01-28", "planned")


def test_noun_trigger_between_parties_and_venue_after_predicate():
    m = only(f"Cuộc đàm phán 3 bên đầu tiên giữa {RU}, {UA} và {US} sẽ diễn ra tại "
             "[Abu Dhabi|L:place/abu-dhabi] vào ngày 24/1.")
    assert (m.kind, set(m.participants), m.date, m.place, m.status) == (
        "talks", {"country/ru", "country/ua", "country/us"}, "2026-01-24", "place/abu-dhabi", "planned")


def test_past_date_overrides_agreement_cue():
    m = only(f"Các quan chức {UA} đồng ý nối lại các cuộc đàm phán trực tiếp với {RU} từ tháng 5.",
             date="2025-08-07")
    assert (set(m.participants), m.date, m.status) == ({"country/ua", "country/ru"}, "2025-05", "held")


def test_reciprocal_after_coordinated_subject():
    m = only(f"Các nhà đàm phán của {UA} và {RU} đã gặp nhau ở thủ đô [Istanbul|L:place/istanbul].")
    assert set(m.participants) == {"country/ua", "country/ru"} and m.place == "place/istanbul"


def test_main_clause_subject_after_fronted_meeting():
    m = only(f"Sau cuộc gặp với nhà lãnh đạo {RU} tại [Alaska|L:place/alaska], {TT} "
             "[Trump|P:person/donald-trump] cho biết ông hài lòng. "
             f"{TT} {RU} {PUTIN} cũng phát biểu.", date="2025-08-20")
    assert set(m.participants) == {"person/donald-trump", "person/vladimir-putin"}
    assert m.place == "place/alaska" and m.status == "held"


def test_pronoun_subject_is_the_speaker():
    m = only(f"Ông {TRUMP} viết rằng ông vừa có một cuộc điện đàm với {TT} {PUTIN} của {RU}.",
             date="2025-12-29")
    assert m.kind == "call" and set(m.participants) == {"person/donald-trump", "person/vladimir-putin"}
    assert m.status == "held" and m.date == "2025-12"  # "vừa" without a date: the article's month


# --- not meetings --------------------------------------------------------------


@pytest.mark.parametrize("markup", [
    f"Ngoại trưởng Nga nói {TT} {PUTIN} không loại trừ khả năng gặp {TT} {UA} "
    "[Volodymyr Zelensky|P:person/volodymyr-zelensky].",
    f"Ông [Steve Witkoff|P:person/steve-witkoff] cũng đề xuất ý tưởng về một cuộc gặp ba bên giữa {RU}, "
    f"{UA} và {US}.",
    f"{RU} sẵn sàng đàm phán với {UA} nếu Kiev chấp nhận điều kiện.",
    f"Bộ Ngoại giao {RU} tổ chức họp báo với các phóng viên {US} chiều 22/1.",
    f"Một cuộc thăm dò cho thấy người dân {US} muốn {UA} tiếp tục chiến đấu.",
    "Các cuộc đàm phán hòa bình vẫn bế tắc.",
    f"Ông {TRUMP} cho biết sẽ gặp {TT} {PUTIN} tại [Budapest|L:place/budapest], nhưng sau đó cuộc gặp "
    "bị hủy.",
    f"Bất kỳ cuộc tiếp xúc cấp cao nào giữa {RU} và {UA} cần được chuẩn bị chu đáo.",
    # a count or a habit, not one contact
    f"{TT} {RU} {PUTIN} và [Chủ tịch|T] [Trung Quốc|C:country/cn] [Tập Cận Bình|P:person/tap-can-binh] đã gặp "
    "nhau hơn 40 lần.",
    # a government meeting its own council is no diplomatic contact
    f"{TT} {RU} {PUTIN} chủ trì cuộc họp với các thành viên [Hội đồng An ninh|O:org/russia-security-council] "
    f"{RU} ngày 19/1.",
    # talk about contacts in general
    "Các nhà phân tích cho rằng các cuộc gặp cấp cao giữa hai nước sẽ còn diễn ra.",
])
def test_no_meeting(markup):
    assert meetings(markup) == []


# --- several sentences, one event ------------------------------------------------


def test_story_over_several_sentences_is_one_event_dated_by_its_start():
    doc = (
        f"{TT} {RU} {PUTIN} tiếp phái đoàn {US}.\n"
        f"Cuộc họp kín giữa phái đoàn {US} và {RU} tại [Điện Kremlin|O:org/kremlin] đã kéo dài gần 4 giờ.\n"
        "Cuộc đàm phán bắt đầu vào lúc 23h25 ngày 22/1.\n"
        "Cuộc thảo luận kéo dài đến hơn 3h sáng ngày 23/1.\n"
        f"Trước đó, vào đầu tháng 12, một cuộc gặp giữa 2 bên đã diễn ra trong gần 5 giờ.\n"
        f"Phía {US} gồm [Đặc phái viên|T] [Steve Witkoff|P:person/steve-witkoff], con rể {TT} {TRUMP} là ông "
        "[Jared Kushner|P:person/jared-kushner].\n"
        f"Phía {RU} tham dự cuộc gặp có [Trợ lý Tổng thống|T] [Yury Ushakov|P:person/yury-ushakov]."
    )
    found = meetings(doc)
    assert len(found) == 2
    main, earlier = found
    assert set(main.participants) == {"person/vladimir-putin", "person/steve-witkoff", "person/jared-kushner",
                                      "person/yury-ushakov"}
    assert (main.date, main.place, main.status) == ("2026-01-22", "org/kremlin", "held")
    assert len(main.evidence) >= 4
    assert (set(earlier.participants), earlier.date, earlier.status) == (
        {"country/ru", "country/us"}, "2025-12", "held")


def test_delegation_head_replaces_the_country():
    doc = (f"Các nhà đàm phán {RU}, {UA} và {US} sẽ tiến hành vòng đàm phán 3 bên tại "
           "[Abu Dhabi|L:place/abu-dhabi] vào ngày 24/1.\n"
           f"Phái đoàn {RU} do [Đô đốc|T] [Igor Kostyukov|P:person/igor-kostyukov] dẫn đầu sẽ lên đường trong "
           "vài giờ tới.")
    m = only(doc)
    assert set(m.participants) == {"person/igor-kostyukov", "country/ua", "country/us"}
    assert (m.kind, m.status, m.place) == ("talks", "planned", "place/abu-dhabi")


def test_possibility_confirmed_later_keeps_its_date():
    doc = (f"[Trợ lý|T] [Điện Kremlin|O:org/kremlin] [Yury Ushakov|P:person/yury-ushakov] nói rằng {TT} {RU} "
           f"{PUTIN} có thể gặp người đồng cấp {US} {TRUMP} ngay trong tuần tới.\n"
           "Hai bên đã thống nhất địa điểm tổ chức hội nghị thượng đỉnh này.\n"
           f"Ông Ushakov cho biết cuộc gặp giữa hai nhà lãnh đạo [Trump|P:person/donald-trump] - "
           "[Putin|P:person/vladimir-putin] sẽ sớm diễn ra.")
    m = only(doc, date="2025-08-07")
    assert (m.kind, set(m.participants), m.date, m.status) == (
        "summit", {"person/vladimir-putin", "person/donald-trump"}, "2025-08", "planned")


def test_visit_host_from_capital_and_meeting_during_visit():
    doc = (f"Trước đó, vào hôm 31/1, [đặc phái viên|T] của {TT} {RU} - ông "
           f"[Kirill Dmitriev|P:person/kirill-dmitriev], đã đến {US} trong một chuyến thăm.\n"
           f"Cuộc gặp giữa giới chức {RU} và {US} diễn ra trước khi các nhà đàm phán của {UA} và {RU} gặp "
           "nhau ở [Abu Dhabi|L:place/abu-dhabi].\n"
           f"Về phía {US}, [đặc phái viên|T] [Steve Witkoff|P:person/steve-witkoff] mô tả cuộc gặp tại "
           "[Florida|L:place/florida] là hiệu quả.")
    found = {m.kind + ":" + ",".join(sorted(m.participants)): m for m in meetings(doc, date="2026-02-03")}
    visit = found["visit:country/us,person/kirill-dmitriev"]
    assert (visit.date, visit.status) == ("2026-01-31", "held")
    talk = found["meeting:person/kirill-dmitriev,person/steve-witkoff"]
    assert (talk.date, talk.place, talk.status) == ("2026-01-31", "place/florida", "held")
    later = found["meeting:country/ru,country/ua"]
    assert (later.place, later.status, later.date) == ("place/abu-dhabi", "planned", None)


def test_visit_of_named_envoy_to_a_capital():
    m = only(f"Kỳ vọng tăng lên sau chuyến thăm [Moskva|L:place/moskva] của [đặc phái viên|T] {US} "
             f"[Steve Witkoff|P:person/steve-witkoff]. {RU} hoan nghênh.", date="2025-08-07")
    assert (m.kind, set(m.participants), m.place, m.status) == (
        "visit", {"person/steve-witkoff", "country/ru"}, "place/moskva", "held")


def test_visit_of_a_sides_leaders_named_by_rank():
    # The two ministers only prepare the visit; its visitor is "của lãnh đạo cấp cao X".
    doc = (f"[Bộ trưởng Ngoại giao|T] {RU} [Ivan Petrov|P:person/ivan-petrov] đã điện đàm với "
           f"[Ngoại trưởng|T] [Chile|C:country/cl] [Ana Soto|P:person/ana-soto]. Hai Bộ trưởng nhất trí chuẩn bị "
           f"cho chuyến thăm [Chile|C:country/cl] của lãnh đạo cấp cao {RU} dự kiến diễn ra vào cuối năm nay.")
    visit = [m for m in meetings(doc, date="2026-03-10") if m.kind == "visit"]
    assert [(set(m.participants), m.place, m.status, m.date) for m in visit] == [
        ({"country/ru", "country/cl"}, "country/cl", "planned", "2026")]


def test_visit_host_stays_the_city_when_its_country_is_not_named():
    m = only("[Tổng thống|T] [Pháp|C:country/fr] [Emmanuel Macron|P:person/emmanuel-macron] sẽ thăm "
             "[Bắc Kinh|L:place/bac-kinh] vào tuần tới.", date="2025-11-20")
    assert (set(m.participants), m.place, m.status, m.date) == (
        {"person/emmanuel-macron", "place/bac-kinh"}, "place/bac-kinh", "planned", "2025-11")


def test_held_and_planned_calls_between_the_same_leaders_stay_apart():
    doc = (f"Ông {TRUMP} viết rằng ông vừa có một cuộc điện đàm với {TT} {PUTIN} trước cuộc gặp lúc 13h cùng "
           f"ngày với {TT} [Zelensky|P:person/volodymyr-zelensky].\n"
           "Hai nhà lãnh đạo cũng nhất trí sẽ sớm nói chuyện lại qua điện thoại ngay sau cuộc gặp giữa "
           f"{TT} {US} và phái đoàn {UA} tại khu nghỉ dưỡng [Mar-a-Lago|L:place/mar-a-lago].")
    found = meetings(doc, date="2025-12-29")
    calls = sorted((m.status, m.date) for m in found if m.kind == "call")
    assert calls == [("held", "2025-12"), ("planned", "2025-12")]
    (meet,) = [m for m in found if m.kind != "call"]
    assert set(meet.participants) == {"person/donald-trump", "person/volodymyr-zelensky"}
    assert (meet.status, meet.place, meet.date) == ("planned", "place/mar-a-lago", "2025-12")


def test_sideline_event_is_venue_not_party():
    m = only(f"Ngoại trưởng {US} [Marco Rubio|P:person/marco-rubio] dự kiến sẽ gặp người đồng cấp "
             "[Trung Quốc|C:country/cn] [Vương Nghị|P:person/vuong-nghi] bên lề Hội nghị cấp cao "
             "[ASEAN|O:org/asean] tại [Kuala Lumpur|L:place/kuala-lumpur] vào ngày 10/10.", date="2025-09-25")
    assert set(m.participants) == {"person/marco-rubio", "person/vuong-nghi"}
    assert (m.date, m.place, m.status) == ("2025-10-10", "place/kuala-lumpur", "planned")


def test_shared_subject_and_fronted_date():
    found = meetings(f"Hồi tháng 8, [Thủ tướng|T] [Ấn Độ|C:country/in] [Narendra Modi|P:person/narendra-modi] "
                     "đã có chuyến thăm [Trung Quốc|C:country/cn] và gặp [Chủ tịch|T] "
                     "[Tập Cận Bình|P:person/tap-can-binh] tại [Thiên Tân|L:place/thien-tan].", date="2025-11-02")
    by_kind = {m.kind: m for m in found}
    assert set(by_kind["visit"].participants) == {"person/narendra-modi", "country/cn"}
    meet = by_kind["meeting"]
    assert set(meet.participants) == {"person/narendra-modi", "person/tap-can-binh"}
    assert (meet.date, meet.place) == ("2025-08", "place/thien-tan")


def test_passive_reception():
    m = only(f"Ông [Subrahmanyam Jaishankar|P:person/subrahmanyam-jaishankar] cũng được {TT} {PUTIN} tiếp tại "
             "[Điện Kremlin|O:org/kremlin].", date="2025-11-20")
    assert set(m.participants) == {"person/subrahmanyam-jaishankar", "person/vladimir-putin"}
    assert (m.kind, m.place) == ("meeting", "org/kremlin")


def test_passive_reception_as_the_subjects_second_predicate():
    found = meetings(f"Ông [Subrahmanyam Jaishankar|P:person/subrahmanyam-jaishankar] đã hội đàm với [Ngoại trưởng|T] "
                     f"{RU} [Sergey Lavrov|P:person/sergey-lavrov] và được {TT} {PUTIN} tiếp.", date="2025-11-20")
    assert sorted(sorted(m.participants) for m in found) == [
        ["person/sergey-lavrov", "person/subrahmanyam-jaishankar"],
        ["person/subrahmanyam-jaishankar", "person/vladimir-putin"]]


def test_a_venue_after_the_first_of_two_predicates_is_only_its_own():
    found = meetings(f"Chiều 21/1, {TT} {PUTIN} đã hội kiến [Thủ tướng|T] [Ấn Độ|C:country/in] "
                     "[Narendra Modi|P:person/narendra-modi] tại [Điện Kremlin|O:org/kremlin] và gặp [Ngoại trưởng|T] "
                     "[Ấn Độ|C:country/in] [Subrahmanyam Jaishankar|P:person/subrahmanyam-jaishankar].")
    assert sorted((m.participants[-1], m.place) for m in found) == [
        ("person/narendra-modi", "org/kremlin"), ("person/subrahmanyam-jaishankar", None)]


def test_purpose_of_a_contact_is_not_another_contact():
    m = only(f"Ngoại trưởng [Iran|C:country/ir] [Abbas Araghchi|P:person/abbas-araghchi] đã gặp các ngoại trưởng "
             "[Anh|C:country/gb], [Pháp|C:country/fr], [Đức|C:country/de] tại [Geneva|L:place/geneva] để "
             "thảo luận về chương trình hạt nhân.", date="2025-06-20")
    assert set(m.participants) == {"person/abbas-araghchi", "country/gb", "country/fr", "country/de"}
    assert (m.place, len(m.evidence)) == ("place/geneva", 2)


def test_other_people_of_the_same_states_hold_another_meeting():
    doc = ("Ngày 15/4, [Thủ tướng|T] [Phạm Minh Chính|P:person/pham-minh-chinh] hội kiến [Chủ tịch|T] "
           "[Trung Quốc|C:country/cn] [Tập Cận Bình|P:person/tap-can-binh] tại [Hà Nội|L:place/ha-noi]. "
           "Nhân dịp này, [Bộ trưởng Ngoại giao|T] [Bùi Thanh Sơn|P:person/bui-thanh-son] cũng có cuộc gặp với "
           "người đồng cấp [Vương Nghị|P:person/vuong-nghi].")
    found = meetings(doc, date="2025-04-16")
    assert sorted(sorted(m.participants) for m in found) == [
        ["person/bui-thanh-son", "person/vuong-nghi"], ["person/pham-minh-chinh", "person/tap-can-binh"]]


def test_unknown_article_date_keeps_explicit_years_only():
    m = only(f"Hai bên đã hội đàm. {TT} {RU} {PUTIN} hội đàm với {TT} {US} {TRUMP} ngày 15/8/2025.", date=None)
    assert m.date == "2025-08-15" and m.status == "held"


def test_component_reads_roles_from_the_doc():
    nlp = spacy.blank("xx")
    assert {"kg_meetings", "kg_roles"} <= set(Language.factories)
    roles = nlp.add_pipe("kg_roles")
    meets = nlp.add_pipe("kg_meetings")
    doc = meets(roles(make_doc(f"{TT} {RU} {PUTIN} điện đàm với {TT} {US} {TRUMP}.")))
    assert [(m.kind, set(m.participants)) for m in doc._.meetings] == [
        ("call", {"person/vladimir-putin", "person/donald-trump"})]


# --- who took part ------------------------------------------------------------------


def _keys(m: Meeting) -> set[str]:
    return set(m.participants)


def test_source_of_a_report_is_no_party_and_two_sides_are_the_named_ministers():
    doc = ("Chiều 3/6, [Ngoại trưởng|T] [Ấn Độ|C:country/in] [Subrahmanyam Jaishankar|P:person/subrahmanyam-jaishankar] "
           "điện đàm với [Ngoại trưởng|T] [Nhật Bản|C:country/jp] [Iwaya Takeshi|P:person/iwaya-takeshi]. "
           "Theo [Bộ Ngoại giao Ấn Độ|O:org/bo-ngoai-giao-an-do], hai bên nhất trí sẽ gặp nhau tại "
           "[Tokyo|L:place/tokyo] vào tháng 8.")
    call, meet = sorted(meetings(doc, date="2025-06-04"), key=lambda m: m.kind)
    assert (call.kind, _keys(call), call.date) == (
        "call", {"person/subrahmanyam-jaishankar", "person/iwaya-takeshi"}, "2025-06-03")
    assert (_keys(meet), meet.date, meet.place, meet.status) == (
        {"person/subrahmanyam-jaishankar", "person/iwaya-takeshi"}, "2025-08", "place/tokyo", "planned")


def test_an_organisation_takes_part_through_the_person_holding_its_post():
    # The headline names the two sides, the body the two people who stand for them.
    doc = ("[Trung Quốc|C:country/cn] và [EU|O:org/eu] đối thoại tại [Brussels|L:place/brussels]\n"
           "[Ngoại trưởng|T] [Trung Quốc|C:country/cn] [Vương Nghị|P:person/vuong-nghi] và [Đại diện cấp cao|T] "
           "về chính sách đối ngoại của [EU|O:org/eu] [Kaja Kallas|P:person/kaja-kallas] ngày 11/5 đã đồng chủ trì "
           "vòng đối thoại chiến lược tại [Brussels|L:place/brussels].")
    m = only(doc, date="2026-05-12")
    assert (set(m.participants), m.date, m.status) == (
        {"person/vuong-nghi", "person/kaja-kallas"}, "2026-05-11", "held")


def test_participants_are_always_entities_of_the_article():
    doc = ("[Đại diện cấp cao|T] về chính sách đối ngoại của [Liên minh châu Âu|O:org/eu] [Kaja Kallas|P:person/kaja-kallas] "
           "đã điện đàm với [Ngoại trưởng|T] [Trung Quốc|C:country/cn] [Vương Nghị|P:person/vuong-nghi]. "
           "Hai bên nhất trí tổ chức vòng đối thoại chiến lược tiếp theo tại [Brussels|L:place/brussels] vào tháng 9.")
    doc = make_doc(doc, "2025-07-02")
    keys = {e._.kg_key for e in doc.ents}
    found = find_meetings(doc)
    assert len(found) == 2
    for m in found:
        assert m.participants and all(p is not None and p in keys for p in m.participants)
    (talks,) = [m for m in found if m.kind != "call"]
    assert (talks.date, talks.place, talks.status) == ("2025-09", "place/brussels", "planned")


def test_named_pair_after_the_trigger_replaces_two_sides():
    doc = (f"Ông {TRUMP} đã điện đàm với {TT} {PUTIN}. Hai bên nhất trí tổ chức vòng đối thoại "
           "[EU|O:org/eu] - [Trung Quốc|C:country/cn] tại [Geneva|L:place/geneva] vào tháng 3.")
    talks = [m for m in meetings(doc) if m.kind != "call"]
    assert [_keys(m) for m in talks] == [{"org/eu", "country/cn"}]


def test_unnamed_post_alone_is_its_last_named_holder():
    doc = ("[Tổng Thư ký|T] [Liên hợp quốc|O:org/un] [António Guterres|P:person/antonio-guterres] phát biểu tại "
           "New York. [Người phát ngôn|T] [Stéphane Dujarric|P:person/stephane-dujarric] cho biết [Tổng Thư ký|T] "
           "sẽ có cuộc gặp với [Thủ tướng|T] [Ấn Độ|C:country/in] [Narendra Modi|P:person/narendra-modi] tại "
           "[New Delhi|L:place/new-delhi] vào cuối tháng tới.")
    m = only(doc, date="2025-09-10")
    assert (_keys(m), m.place, m.status, m.date) == (
        {"person/antonio-guterres", "person/narendra-modi"}, "place/new-delhi", "planned", "2025-10")


def test_plural_post_or_post_in_a_venue_name_is_nobody():
    doc = ("[Thủ tướng|T] [Thái Lan|C:country/th] [Anutin Charnvirakul|P:person/anutin] đã hội đàm với "
           "[Thủ tướng|T] [Campuchia|C:country/kh] [Hun Manet|P:person/hun-manet] tại Văn phòng [Thủ tướng|T]. "
           "Hai bên nhất trí duy trì cơ chế gặp thường niên giữa hai [Bộ trưởng Ngoại giao|T].")
    m = only(doc, date="2025-10-02")
    assert _keys(m) == {"person/anutin", "person/hun-manet"}


def test_organisation_summit_and_country_after_its_city_is_the_venue():
    m = only("Hội nghị cấp cao [ASEAN|O:org/asean] lần thứ 47 sẽ diễn ra tại [Kuala Lumpur|L:place/kuala-lumpur], "
             "[Malaysia|C:country/my] vào ngày 26/10.", date="2025-10-01")
    assert (m.kind, m.participants, m.place, m.date, m.status) == (
        "summit", ["org/asean"], "place/kuala-lumpur", "2025-10-26", "planned")


def test_coordinated_actor_with_a_common_noun_and_mediators():
    m = only("Theo hãng tin [Reuters|O:org/reuters], phái đoàn [Sudan|C:country/sd] và lực lượng "
             "[RSF|O:org/rsf] đã bắt đầu vòng đàm phán mới tại [Jeddah|L:place/jeddah] từ ngày 5/5, với sự trung "
             "gian của [Ả Rập Xê Út|C:country/sa] và [Mỹ|C:country/us], nhằm bàn về lệnh ngừng bắn.",
             date="2025-05-07")
    assert (m.kind, _keys(m), m.place, m.date, m.status) == (
        "talks", {"country/sd", "org/rsf", "country/sa", "country/us"}, "place/jeddah", "2025-05-05", "held")


def test_delegation_heads_named_after_do_not_the_announcer():
    doc = ("Các phái đoàn [Israel|C:country/il] và [Hamas|O:org/hamas] sẽ tiến hành vòng đàm phán gián tiếp tại "
           "[Doha|L:place/doha] vào ngày 3/3.\n"
           "Phía [Israel|C:country/il], [Thủ tướng|T] [Benjamin Netanyahu|P:person/benjamin-netanyahu] cho biết phái "
           "đoàn nước này vẫn sẽ do [Giám đốc|T] [Mossad|O:org/mossad] [David Barnea|P:person/david-barnea] dẫn đầu, "
           "trong khi phía [Hamas|O:org/hamas] cử ông [Khalil al-Hayya|P:person/khalil-al-hayya] tham dự.")
    m = only(doc, date="2026-02-27")
    assert _keys(m) == {"person/david-barnea", "person/khalil-al-hayya"}
    assert (m.place, m.date, m.status) == ("place/doha", "2026-03-03", "planned")


def test_calls_with_each_partner_in_turn_are_separate():
    doc = ("Tuần trước, [Ngoại trưởng|T] [Ai Cập|C:country/eg] [Badr Abdelatty|P:person/badr-abdelatty] đã lần lượt "
           "điện đàm với [Ngoại trưởng|T] [Iran|C:country/ir] [Abbas Araghchi|P:person/abbas-araghchi] và "
           "[Ngoại trưởng|T] [Mỹ|C:country/us] [Marco Rubio|P:person/marco-rubio].")
    found = meetings(doc, date="2025-09-10")
    assert sorted(sorted(m.participants) for m in found) == [
        ["person/abbas-araghchi", "person/badr-abdelatty"], ["person/badr-abdelatty", "person/marco-rubio"]]
    assert all((m.kind, m.status) == ("call", "held") for m in found)


def test_a_reporting_verb_inside_a_post_ends_no_clause():
    # "Thông tin" (to inform) names the minister's portfolio here.
    doc = ("Ông [Tanu Obi|P:person/tanu-obi] ngày 4/3 đã lần lượt tiếp [Thủ tướng|T] [Ethiopia|C:country/et] "
           "[Abiy Ahmed|P:person/abiy-ahmed] và [Bộ trưởng Thông tin|T] [Eritrea|C:country/er] "
           "[Yemane Gebremeskel|P:person/yemane-gebremeskel].")
    found = meetings(doc, date="2026-03-05")
    assert sorted(sorted(m.participants) for m in found) == [
        ["person/abiy-ahmed", "person/tanu-obi"], ["person/tanu-obi", "person/yemane-gebremeskel"]]


def test_aside_about_the_subject_does_not_hide_it():
    m = only("[Bộ trưởng Ngoại giao|T] [Úc|C:country/au] [Penny Wong|P:person/penny-wong], người tháp tùng [Thủ tướng|T] "
             "trong chuyến thăm, đã có cuộc gặp riêng với [Ngoại trưởng|T] [Nhật Bản|C:country/jp] "
             "[Iwaya Takeshi|P:person/iwaya-takeshi].", date="2025-08-20")
    assert _keys(m) == {"person/penny-wong", "person/iwaya-takeshi"}


def test_joint_commission_session_is_a_meeting_of_its_two_states():
    m = only("Trước đó, Kỳ họp lần thứ 5 Ủy ban hỗn hợp về hợp tác song phương [Việt Nam|C:country/vn] - "
             "[Lào|C:country/la] sẽ được tổ chức tại [Vientiane|L:place/vientiane] vào tháng 12.", date="2025-10-15")
    assert (_keys(m), m.place, m.date, m.status) == (
        {"country/vn", "country/la"}, "place/vientiane", "2025-12", "planned")


# --- trips and invitations --------------------------------------------------------------


def test_planned_trip_with_travel_verbs_gives_visits_and_meetings_there():
    doc = ("[Đặc phái viên|T] [Mỹ|C:country/us] [Steve Witkoff|P:person/steve-witkoff] sẽ tới [Ai Cập|C:country/eg] "
           "vào cuối tuần này để gặp [Tổng thống|T] [Abdel Fattah al-Sisi|P:person/abdel-fattah-el-sisi], trước khi "
           "sang [Riyadh|L:place/riyadh] hội đàm với các quan chức [Ả Rập Xê Út|C:country/sa].")
    found = meetings(doc, date="2025-11-12")
    got = {(m.kind, tuple(sorted(m.participants)), m.place, m.status) for m in found}
    assert ("visit", ("country/eg", "person/steve-witkoff"), "country/eg", "planned") in got
    assert ("meeting", ("person/abdel-fattah-el-sisi", "person/steve-witkoff"), "country/eg", "planned") in got
    assert ("talks", ("country/sa", "person/steve-witkoff"), "place/riyadh", "planned") in got
    assert all(m.date == "2025-11" for m in found)


@pytest.mark.parametrize("markup", [
    f"{US} sẽ chuyển thêm vũ khí tới {UA} trong tháng tới.",
    f"Số hàng hóa xuất khẩu của {RU} sang [Trung Quốc|C:country/cn] tăng mạnh.",
])
def test_travel_verb_without_a_traveller_is_no_visit(markup):
    assert meetings(markup) == []


def test_delegation_travelling_to_a_venue_city_makes_no_visit():
    m = only(f"Phái đoàn {RU} sẽ tới [Istanbul|L:place/istanbul] để dự vòng đàm phán mới với {UA}.")
    assert (m.kind, _keys(m)) == ("talks", {"country/ru", "country/ua"})


def test_trip_to_a_region_visits_the_country_named_not_the_region():
    m = only("[Thủ tướng|T] [Ấn Độ|C:country/in] [Narendra Modi|P:person/narendra-modi] chiều nay sẽ lên đường sang "
             "[Malaysia|C:country/my], điểm dừng chân tiếp theo trong chuyến công du "
             "[Đông Nam Á|L:place/dong-nam-a].", date="2025-10-22")
    assert (m.kind, _keys(m), m.place, m.status, m.date) == (
        "visit", {"person/narendra-modi", "country/my"}, "country/my", "planned", "2025-10-22")


def test_arrival_and_state_visit_are_one_visit_and_dates_the_talks_after_it():
    doc = ("Ngày 3/9, [Tổng thống|T] [Hàn Quốc|C:country/kr] [Lee Jae-myung|P:person/lee-jae-myung] đã tới "
           "[Hà Nội|L:place/ha-noi], bắt đầu chuyến thăm cấp nhà nước tới [Việt Nam|C:country/vn] theo lời mời của "
           "[Chủ tịch nước|T] [Lương Cường|P:person/luong-cuong].\n"
           "Ngay sau lễ đón, hai nhà lãnh đạo đã hội đàm tại [Phủ Chủ tịch|L:place/phu-chu-tich].")
    found = {m.kind: m for m in meetings(doc, date="2025-09-04")}
    visit, talks = found["visit"], found["talks"]
    assert (_keys(visit), visit.place, visit.date, visit.status) == (
        {"person/lee-jae-myung", "country/vn"}, "country/vn", "2025-09-03", "held")
    assert (_keys(talks), talks.date, talks.place) == (
        {"person/lee-jae-myung", "person/luong-cuong"}, "2025-09-03", "place/phu-chu-tich")


def test_next_act_of_the_same_occasion_takes_the_opening_day_and_the_ceremony_venue():
    doc = ("Tối 14/10, [Tổng thống|T] [Chile|C:country/cl] [Gabriel Boric|P:person/gabriel-boric] đã tới "
           "[Hà Nội|L:place/ha-noi], bắt đầu chuyến thăm cấp nhà nước [Việt Nam|C:country/vn].\n"
           "Sáng 15/10, [Chủ tịch nước|T] [Lương Cường|P:person/luong-cuong] chủ trì lễ đón chính thức "
           "[Tổng thống|T] Boric tại [Phủ Chủ tịch|L:place/phu-chu-tich], sau đó hai nhà lãnh đạo hội đàm.")
    talks = {m.kind: m for m in meetings(doc, date="2026-10-16")}["talks"]
    assert (_keys(talks), talks.date, talks.place) == (
        {"person/gabriel-boric", "person/luong-cuong"}, "2026-10-15", "place/phu-chu-tich")


def test_next_act_with_a_time_of_its_own_keeps_it():
    found = meetings("Sáng 15/10, [Thủ tướng|T] [Nguyễn Văn An|P:person/nguyen-van-an] tiếp [Đại sứ|T] "
                     "[Chile|C:country/cl] [Pablo Soto|P:person/pablo-soto], sau đó chiều 16/10 ông sẽ điện đàm "
                     "với [Thủ tướng|T] [Lào|C:country/la] [Sonexay Siphandone|P:person/sonexay-siphandone].",
                     date="2026-10-15")
    assert sorted((m.kind, m.date) for m in found) == [("call", "2026-10-16"), ("meeting", "2026-10-15")]


def test_pronoun_after_a_sequence_link_is_the_subject_of_the_sentence():
    found = {m.kind: m for m in meetings(
        "Chiều 3/4, [Thủ tướng|T] [Nguyễn Văn An|P:person/nguyen-van-an] tiếp [Đại sứ|T] [Nhật Bản|C:country/jp] "
        "[Ito Naoki|P:person/ito-naoki], sau đó ông điện đàm với [Thủ tướng|T] [Lào|C:country/la] "
        "[Sonexay Siphandone|P:person/sonexay-siphandone].", date="2026-04-04")}
    assert _keys(found["call"]) == {"person/nguyen-van-an", "person/sonexay-siphandone"}
    assert found["call"].date == "2026-04-03"


def test_a_remit_inside_the_partners_post_is_no_topic():
    m = only("[Thủ tướng|T] [Qatar|C:country/qa] [Ali Hamad|P:person/ali-hamad] đã điện đàm với [Đặc phái viên|T] "
             "[Mỹ|C:country/us] về [Trung Đông|L:place/trung-dong] [Tom Reed|P:person/tom-reed] về Gaza.",
             date="2026-02-04")
    assert (m.kind, _keys(m)) == ("call", {"person/ali-hamad", "person/tom-reed"})


def test_delegation_of_a_body_named_with_its_common_noun():
    m = only("[Ngoại trưởng|T] [Ai Cập|C:country/eg] [Badr Abdelatty|P:person/badr-abdelatty] đã tiếp phái đoàn "
             "của phong trào [Hamas|O:org/hamas] tại [Cairo|L:place/cairo] ngày 3/2.", date="2026-02-04")
    assert (m.kind, _keys(m), m.place, m.date) == (
        "meeting", {"person/badr-abdelatty", "org/hamas"}, "place/cairo", "2026-02-03")


def test_talks_held_in_a_state_by_the_headline_were_held_in_its_city_by_the_body():
    found = meetings("[Iran|C:country/ir] và {US} nối lại đàm phán tại [Oman|C:country/om]\n"
                     "[Ngoại trưởng|T] [Iran|C:country/ir] [Abbas Araghchi|P:person/abbas-araghchi] và [Đặc phái viên|T] "
                     "{US} [Steve Witkoff|P:person/steve-witkoff] đã đàm phán tại [Muscat|L:place/muscat] ngày "
                     "19/6.".format(US=US), date="2026-06-20")
    assert [(m.kind, m.place, m.date) for m in found] == [("talks", "place/muscat", "2026-06-19")]


def test_an_official_of_a_states_ministry_stands_for_that_state():
    # the headline's "người đồng cấp Lào" and the body's minister of "Bộ Quốc phòng Lào" are one side
    found = meetings("[Bộ trưởng Quốc phòng|T] [Trần Văn Nam|P:person/tran-van-nam] hội đàm với người đồng cấp "
                     "[Lào|C:country/la]\n"
                     "Chiều 29/9, tại [Hà Nội|L:place/ha-noi], [Đại tướng|T] [Trần Văn Nam|P:person/tran-van-nam] đã "
                     "hội đàm với [Đại tướng|T] [Bounmy Khampheng|P:person/bounmy], [Bộ trưởng|T] "
                     "[Bộ Quốc phòng Lào|O:org/bo-quoc-phong-lao].", date="2026-09-30")
    assert [(m.kind, _keys(m), m.place) for m in found] == [
        ("talks", {"person/tran-van-nam", "person/bounmy"}, "place/ha-noi")]


def test_a_contact_of_other_people_does_not_borrow_the_venue_of_the_states_plan_before_it():
    found = meetings("[Ông|T] [Ravi Kumar|P:person/ravi-kumar] cho biết [Ấn Độ|C:country/in] và [Indonesia|C:country/id] "
                     "sẽ họp Ủy ban hỗn hợp tại [New Delhi|L:place/new-delhi] vào tháng 9.\n"
                     "Sáng nay, [Thủ tướng|T] [Ấn Độ|C:country/in] [Anil Rao|P:person/anil-rao] sẽ gặp [Chủ tịch Hạ viện|T] "
                     "[Hạ viện Indonesia|O:org/ha-vien-indonesia] [Puan Sari|P:person/puan-sari].", date="2026-04-22")
    speaker = next(m for m in found if "person/puan-sari" in m.participants)
    assert speaker.place is None


def test_a_trips_earlier_leg_fronted_by_sau_is_no_party_and_dates_nothing():
    found = meetings(f"Chiều 27/10, {TT} {US} {TRUMP} đã gặp [Nhà vua|T] [Naruhito|P:person/naruhito] tại "
                     "[Hoàng cung|L:place/hoang-cung]. Sau [Nhật Bản|C:country/jp], ông [Trump|P:person/donald-trump] sẽ tới "
                     "[Hàn Quốc|C:country/kr] để gặp [Chủ tịch|T] [Trung Quốc|C:country/cn] "
                     "[Tập Cận Bình|P:person/xi-jinping].", date="2026-10-28")
    visit = next(m for m in found if m.kind == "visit")
    assert (_keys(visit), visit.status, visit.date) == ({"person/donald-trump", "country/kr"}, "planned", None)


@pytest.mark.parametrize("invitee", ["[Tổng Bí thư|T]", "ông"])
def test_an_invitation_after_another_predicate_is_to_the_one_invited(invitee):
    found = meetings("[Tổng Bí thư|T] [Tô Lâm|P:person/to-lam] đã điện đàm với [Tổng thống|T] [Indonesia|C:country/id] "
                     "[Prabowo Subianto|P:person/prabowo-subianto]. [Tổng thống|T] [Prabowo|P:person/prabowo-subianto] "
                     f"cảm ơn về cuộc điện đàm và mời {invitee} sớm thăm lại [Indonesia|C:country/id]. "
                     "[Tổng Bí thư|T] [Tô Lâm|P:person/to-lam] vui vẻ nhận lời.", date="2026-04-08")
    visit = next(m for m in found if m.kind == "visit")
    assert (_keys(visit), visit.status) == ({"person/to-lam", "country/id"}, "planned")


def test_a_visit_to_a_listed_city_is_a_visit_to_its_state():
    m = only("[Trung Quốc|C:country/cn] và [Pháp|C:country/fr] đã ký 12 văn kiện hợp tác. [Tổng thống|T] "
             "[Pháp|C:country/fr] [Emmanuel Macron|P:person/emmanuel-macron] sẽ tới [Thành Đô|L:place/thanh-do] "
             "vào ngày 5/12, trước khi kết thúc chuyến thăm.", date="2026-12-04")
    assert (m.kind, _keys(m), m.place) == ("visit", {"person/emmanuel-macron", "country/cn"}, "place/thanh-do")


def test_two_guests_own_talks_after_a_joint_reception_are_another_contact():
    found = meetings("[Chủ tịch|T] [Trung Quốc|C:country/cn] [Tập Cận Bình|P:person/xi-jinping] ngày 3/9 đã tiếp "
                     f"{TT} {RU} {PUTIN} và [Chủ tịch|T] [Mông Cổ|C:country/mn] [Ukhnaa Khurelsukh|P:person/khurelsukh] "
                     "tại [Bắc Kinh|L:place/bac-kinh]. Sau lễ duyệt binh, ông [Putin|P:person/vladimir-putin] và ông "
                     "[Khurelsukh|P:person/khurelsukh] đã hội đàm.", date="2026-09-04")
    assert sorted((m.kind, tuple(sorted(m.participants))) for m in found) == [
        ("meeting", ("person/khurelsukh", "person/vladimir-putin", "person/xi-jinping")),
        ("talks", ("person/khurelsukh", "person/vladimir-putin"))]


def test_a_contact_a_trip_to_a_venue_is_made_for_is_held_there():
    m = only("Sau đó, [Tổng thống|T] [Argentina|C:country/ar] [Javier Milei|P:person/javier-milei] bay tới "
             f"[Mar-a-Lago|L:place/mar-a-lago] để gặp {TT} {TRUMP}.", date="2026-04-17")
    assert (m.kind, _keys(m), m.place) == ("meeting", {"person/javier-milei", "person/donald-trump"}, "place/mar-a-lago")


def test_a_states_body_gives_way_to_the_official_leading_its_side():
    m = only("Ngày 28/8, [Bộ Ngoại giao Việt Nam|O:org/vn-mofa] và [Bộ Ngoại giao Trung Quốc|O:org/cn-mofa] đã đối "
             "thoại tại [Hà Nội|L:place/ha-noi]. Phía [Trung Quốc|C:country/cn] do [Thứ trưởng Ngoại giao|T] "
             "[Trung Quốc|C:country/cn] [Tôn Vệ Đông|P:person/ton-ve-dong] dẫn đầu.", date="2026-08-29")
    assert _keys(m) == {"org/vn-mofa", "person/ton-ve-dong"}


def test_accepted_invitation_is_a_planned_visit():
    doc = ("[Thủ tướng|T] [Úc|C:country/au] [Anthony Albanese|P:person/anthony-albanese] đã mời [Thủ tướng|T] "
           "[Phạm Minh Chính|P:person/pham-minh-chinh] thăm [Úc|C:country/au] vào năm tới. [Thủ tướng|T] "
           "[Phạm Minh Chính|P:person/pham-minh-chinh] vui vẻ nhận lời.")
    m = only(doc, date="2025-06-05")
    assert (m.kind, _keys(m), m.date, m.status) == (
        "visit", {"person/pham-minh-chinh", "country/au"}, "2026", "planned")


def test_invitation_without_an_answer_is_no_visit():
    assert meetings("[Thủ tướng|T] [Úc|C:country/au] [Anthony Albanese|P:person/anthony-albanese] đã mời "
                    "[Thủ tướng|T] [Phạm Minh Chính|P:person/pham-minh-chinh] thăm [Úc|C:country/au] vào năm tới.",
                    date="2025-06-05") == []


# --- dates and places ---------------------------------------------------------------------


def test_time_of_another_clause_does_not_date_the_contact():
    doc = ("[Thủ tướng|T] [Anh|C:country/gb] [Keir Starmer|P:person/keir-starmer] và [Thủ tướng|T] "
           "[Canada|C:country/ca] [Mark Carney|P:person/mark-carney] đã tổ chức hội nghị thượng đỉnh tại "
           "[London|L:place/london] chiều 15/6, trong khuôn khổ chuyến thăm [Anh|C:country/gb] kéo dài ba ngày của "
           "nhà lãnh đạo [Canada|C:country/ca].\n"
           "Đây là cuộc gặp thượng đỉnh thứ hai giữa hai nhà lãnh đạo kể từ khi ông Carney nhậm chức vào tháng 3.")
    found = {m.kind: m for m in meetings(doc, date="2025-06-16")}
    assert set(found) == {"summit", "visit"}
    summit, visit = found["summit"], found["visit"]
    assert (_keys(summit), summit.date, summit.place, summit.status) == (
        {"person/keir-starmer", "person/mark-carney"}, "2025-06-15", "place/london", "held")
    assert (_keys(visit), visit.date, visit.place) == (
        {"person/mark-carney", "country/gb"}, "2025-06-15", "country/gb")


def test_same_day_is_the_day_of_the_contact_before_not_the_end_of_a_range():
    doc = ("Sáng 10/3, tại [Hà Nội|L:place/ha-noi], [Thủ tướng|T] [Phạm Minh Chính|P:person/pham-minh-chinh] hội đàm "
           "với [Thủ tướng|T] [Singapore|C:country/sg] [Lawrence Wong|P:person/lawrence-wong], nhân dịp ông Wong "
           "thăm chính thức [Việt Nam|C:country/vn] từ ngày 10 đến 12/3.\n"
           "Cùng ngày, [Tổng Bí thư|T] [Tô Lâm|P:person/to-lam] đã tiếp [Thủ tướng|T] "
           "[Lawrence Wong|P:person/lawrence-wong].")
    (m,) = [m for m in meetings(doc, date="2025-03-11") if "person/to-lam" in m.participants]
    assert (m.date, m.status) == ("2025-03-10", "held")


def test_same_day_skips_a_visit_dated_by_a_range_of_days():
    doc = ("Sáng 11/3, tại [Hà Nội|L:place/ha-noi], [Thủ tướng|T] [Phạm Minh Chính|P:person/pham-minh-chinh] hội đàm "
           "với [Thủ tướng|T] [Singapore|C:country/sg] [Lawrence Wong|P:person/lawrence-wong]. Ông [Wong|P:person/lawrence-wong] đang "
           "thăm chính thức [Việt Nam|C:country/vn] từ ngày 10 đến 13/3.\n"
           "Cùng ngày, [Tổng Bí thư|T] [Tô Lâm|P:person/to-lam] đã tiếp [Thủ tướng|T] "
           "[Lawrence Wong|P:person/lawrence-wong].")
    found = meetings(doc, date="2025-03-12")
    (m,) = [m for m in found if "person/to-lam" in m.participants]
    assert (m.date, m.status) == ("2025-03-11", "held")
    (visit,) = [m for m in found if m.kind == "visit"]
    assert visit.date == "2025-03-10"


def test_start_of_next_week_across_two_months_is_the_month_of_its_monday():
    m = only(f"{TT} {US} {TRUMP} dự kiến điện đàm với {TT} {RU} {PUTIN} vào đầu tuần tới.", date="2026-02-18")
    assert (m.kind, m.date, m.status) == ("call", "2026-02", "planned")


def test_venue_of_the_sentence_before_for_an_earlier_round():
    doc = ("Đây sẽ là vòng đàm phán thứ ba giữa [Armenia|C:country/am] và [Azerbaijan|C:country/az] tại "
           "[Abu Dhabi|L:place/abu-dhabi]. Tại vòng đàm phán gần nhất hồi tháng 4, hai bên đã nhất trí về việc "
           "phân định biên giới.")
    (held,) = [m for m in meetings(doc, date="2025-09-01") if m.status == "held"]
    assert (_keys(held), held.date, held.place) == ({"country/am", "country/az"}, "2025-04", "place/abu-dhabi")


def test_opening_attribution_is_outside_the_clause_and_its_place_no_venue():
    m = only("Theo phóng viên thường trú tại [Bắc Kinh|L:place/bac-kinh], [Ngoại trưởng|T] [Trung Quốc|C:country/cn] "
             "[Vương Nghị|P:person/vuong-nghi] đã hội đàm với [Ngoại trưởng|T] [Pháp|C:country/fr] "
             "[Jean-Noël Barrot|P:person/jean-noel-barrot].", date="2025-06-10")
    assert (_keys(m), m.place) == ({"person/vuong-nghi", "person/jean-noel-barrot"}, None)


def test_dates_are_iso_even_for_early_years():
    m = only(f"{TT} {RU} {PUTIN} sẽ gặp {TT} {US} {TRUMP} vào cuối năm nay.", date="0948-04-26")
    assert m.date == "0948"


# --- stage 18: tentative plans, sequels, counterparts ---------------------------


def test_may_happen_with_a_future_date_is_planned():
    m = only(f"{TT} [Brazil|C:country/br] [Ana Lopes|P:person/ana-lopes] có thể thăm "
             "[Argentina|C:country/ar] vào tháng 11.", date="2026-07-15")
    assert (m.kind, m.status, m.date) == ("visit", "planned", "2026-11")
    # Without a date it stays an idea; a denial is never a plan.
    assert meetings(f"{TT} [Ana Lopes|P:person/ana-lopes] có thể thăm [Argentina|C:country/ar].",
                    date="2026-07-15") == []
    assert meetings(f"{PUTIN} không loại trừ khả năng gặp {TRUMP} trong tuần tới.") == []


def test_next_round_that_may_take_place_is_planned():
    found = meetings(f"{RU} và {UA} đã đàm phán tại [Geneva|L:place/geneva] hôm 2/5. Vòng đàm phán tiếp theo giữa "
                     "hai bên có thể diễn ra tại [Istanbul|L:place/istanbul] vào cuối tháng này.", date="2026-05-09")
    assert sorted((m.place, m.status, m.date) for m in found) == [
        ("place/geneva", "held", "2026-05-02"), ("place/istanbul", "planned", "2026-05")]


def test_contact_after_the_ceremony_of_the_sentence_before_takes_its_day():
    doc = (f"Sáng 1/9, [Thủ tướng|T] [Lê Văn Khoa|P:person/le-van-khoa] chủ trì lễ đón [Thủ tướng|T] "
           "[Singapore|C:country/sg] [Tan Wei Ming|P:person/tan-wei-ming]. Sau lễ đón, hai Thủ tướng đã hội đàm.")
    m = only(doc, date="2026-09-02")
    assert (m.kind, m.date) == ("talks", "2026-09-01")
    # "Sau 3 năm" counts time: no day is borrowed.
    doc = ("Ngày 5/3, [Bộ Ngoại giao|O:org/bo-ngoai-giao] [Lào|C:country/la] ra thông báo. Sau 3 năm gián đoạn, "
           "[Lào|C:country/la] và [Thái Lan|C:country/th] đã nối lại đối thoại.")
    assert only(doc, date="2026-03-06").date is None


def test_day_before_the_contact_read_before():
    doc = (f"Ngoại trưởng [Brazil|C:country/br] [Mauro Lima|P:person/mauro-lima] hôm 14/7 đã gặp người đồng cấp "
           f"[Argentina|C:country/ar] [Pablo Ruiz|P:person/pablo-ruiz]. Trước đó một ngày, ông [Lima|P:person/mauro-lima] đã gặp {TT} "
           "[Argentina|C:country/ar] [Elena Sosa|P:person/elena-sosa].")
    dates = {frozenset(m.participants): m.date for m in meetings(doc, date="2026-07-15")}
    assert dates[frozenset({"person/mauro-lima", "person/elena-sosa"})] == "2026-07-13"


def test_counterpart_country_is_no_party():
    m = only("Bà [Anna Volkova|P:person/anna-volkova] đã điện đàm với người đồng cấp [Ukraine|C:country/ua] "
             "[Petro Koval|P:person/petro-koval].")
    assert set(m.participants) == {"person/anna-volkova", "person/petro-koval"}


def test_a_call_has_no_venue():
    m = only("Hôm 11/10, bà [Mai Tanaka|P:person/mai-tanaka] đã điện đàm với ông [Park Min-ho|P:person/park-min-ho] "
             "từ văn phòng của bà tại [Tokyo|L:place/tokyo].", date="2026-10-12")
    assert (m.kind, m.place) == ("call", None)


def test_two_leaders_after_their_meeting_are_its_people():
    doc = (f"{TT} [Pháp|C:country/fr] [Louis Girard|P:person/louis-girard] đã tiếp [Thủ tướng|T] "
           "[Anh|C:country/gb] [Tom Hale|P:person/tom-hale] tại [Paris|L:place/paris] hôm 29/1. "
           f"Sau cuộc gặp, hai nhà lãnh đạo đã điện đàm với {TT} {UA} [Ivan Koval|P:person/ivan-koval].")
    call = next(m for m in meetings(doc, date="2026-01-30") if m.kind == "call")
    assert set(call.participants) == {"person/louis-girard", "person/tom-hale", "person/ivan-koval"}
    assert call.date == "2026-01-29"  # "Sau cuộc gặp": the day of the meeting just read


def test_invitation_to_visit_again_accepted_is_planned():
    m = only("[Thủ tướng|T] [Lê Minh Tâm|P:person/le-minh-tam] mời [Thủ tướng|T] [Peter Hall|P:person/peter-hall] "
             "sớm thăm lại [Việt Nam|C:country/vn]; [Thủ tướng|T] [Hall|P:person/peter-hall] vui vẻ nhận lời.",
             date="2026-08-20")
    assert (m.kind, set(m.participants), m.status) == ("visit", {"person/peter-hall", "country/vn"}, "planned")


def test_coordinated_verb_after_an_oblique_is_the_subjects():
    m = only(f"Ông [Ali Karimi|P:person/ali-karimi] cho biết {TT} [Iran|C:country/ir] [Reza Amini|P:person/reza-amini] "
             "đã nhận lời mời của [Quốc vương|T] [Faisal Saud|P:person/faisal-saud] và dự kiến thăm "
             "[Ả Rập Xê Út|C:country/sa] vào tháng 3 tới.", date="2026-01-22")
    assert (m.kind, set(m.participants), m.status, m.date) == (
        "visit", {"person/reza-amini", "country/sa"}, "planned", "2026-03")


def test_two_local_leaders_are_the_pair_read_last():
    doc = ("Chiều 16/12, [Thủ tướng|T] [Hun Dara|P:person/hun-dara] đã tiếp [Thứ trưởng|T] "
           "[Lê Thu Hà|P:person/le-thu-ha].\n"
           "Bên lề phiên họp, [Chủ tịch|T] [Đỗ Văn Hòa|P:person/do-van-hoa] và [Tỉnh trưởng|T] "
           "[Chea Sokha|P:person/chea-sokha] đã có cuộc gặp song phương. Hai lãnh đạo tỉnh hẹn sẽ gặp lại tại "
           "[Bavet|L:place/bavet] vào tuần tới.")
    planned = [m for m in meetings(doc, date="2025-12-18") if m.status == "planned"]
    assert [set(m.participants) for m in planned] == [{"person/do-van-hoa", "person/chea-sokha"}]


def test_trip_programme_lists_contacts_in_the_visits_month():
    doc = (f"Chiều 1/12, {TT} [Hàn Quốc|C:country/kr] [Park Ji-ho|P:person/park-ji-ho] tới [Hà Nội|L:place/ha-noi], "
           "bắt đầu chuyến thăm [Việt Nam|C:country/vn] từ ngày 1 đến 4/12.\n"
           "Sáng 2/12, [Chủ tịch nước|T] [Lê Văn Đức|P:person/le-van-duc] chủ trì lễ đón "
           "[Tổng thống|T] [Park Ji-ho|P:person/park-ji-ho] tại [Phủ Chủ tịch|L:place/phu-chu-tich]. "
           "Ngay sau lễ đón, hai nhà lãnh đạo đã hội đàm.\n"
           "Trong chương trình chuyến thăm, [Tổng thống|T] [Park Ji-ho|P:person/park-ji-ho] sẽ hội kiến "
           "[Tổng Bí thư|T] [Trần Quang Vinh|P:person/tran-quang-vinh], hội kiến [Thủ tướng|T] "
           "[Phan Minh Tú|P:person/phan-minh-tu] và gặp [Chủ tịch Quốc hội|T] [Vũ Hải Nam|P:person/vu-hai-nam].")
    found = {frozenset(m.participants): m for m in meetings(doc, date="2026-12-02")}
    talks = found[frozenset({"person/park-ji-ho", "person/le-van-duc"})]
    assert (talks.date, talks.place) == ("2026-12-02", "place/phu-chu-tich")  # after the ceremony, where it was
    for other in ("person/tran-quang-vinh", "person/phan-minh-tu", "person/vu-hai-nam"):
        m = found[frozenset({"person/park-ji-ho", other})]  # each predicate of the list
        assert (m.status, m.date) == ("planned", "2026-12")  # the trip's month, no day


def test_contact_in_a_where_clause_is_held_at_that_place():
    found = meetings("Ngoại trưởng [Iran|C:country/ir] [Ali Rezaei|P:person/ali-rezaei] ngày 21/4 đã tới thủ đô "
                     "[Muscat|L:place/muscat] của [Oman|C:country/om], nơi ông hội kiến [Quốc vương|T] "
                     "[Said Harib|P:person/said-harib].", date="2026-04-22")
    m = next(m for m in found if m.kind != "visit")
    assert (set(m.participants), m.place, m.date) == (
        {"person/ali-rezaei", "person/said-harib"}, "place/muscat", "2026-04-21")


@pytest.mark.parametrize("subject", [
    "ông [Tom Reed|P:person/tom-reed] và con rể {TT} [Bill Carter|P:person/bill-carter], ông "
    "[Sam Lowe|P:person/sam-lowe],",
    "ông [Tom Reed|P:person/tom-reed] và ông [Sam Lowe|P:person/sam-lowe], con rể {TT} "
    "[Bill Carter|P:person/bill-carter],",
])
def test_a_relative_is_named_without_his_kin(subject):
    m = only(f"Ngày 10/2, {subject.format(TT=TT)} đã gặp ông [Ivan Petrenko|P:person/ivan-petrenko] tại "
             "[Abu Dhabi|L:place/abu-dhabi].", date="2026-02-11")
    assert set(m.participants) == {"person/tom-reed", "person/sam-lowe", "person/ivan-petrenko"}


def test_then_after_a_contact_gives_its_month():
    found = meetings("Ông [Tom Reed|P:person/tom-reed] đã gặp ông [Ivan Petrenko|P:person/ivan-petrenko] tại "
                     "[Abu Dhabi|L:place/abu-dhabi] ngày 10/2. Cuộc gặp kéo dài 3 tiếng. Sau đó, phái đoàn {US} "
                     "có cuộc tiếp xúc riêng với đại diện {RU}.".replace("{US}", US).replace("{RU}", RU),
                     date="2026-02-11")
    later = next(m for m in found if "country/ru" in m.participants)
    assert later.date == "2026-02"


def test_trip_coordinated_after_a_contact_is_a_visit_with_its_own_date():
    found = meetings("Ông [Karl Weber|P:person/karl-weber] cho biết ông đã điện đàm với Ngoại trưởng "
                     "[Iran|C:country/ir] [Ali Rezaei|P:person/ali-rezaei] hôm 12/2 và dự kiến tới "
                     "[Tehran|L:place/tehran] vào đầu tháng 3.", date="2026-02-20")
    by_kind = {m.kind: m for m in found}
    assert (by_kind["call"].date, by_kind["call"].status) == ("2026-02-12", "held")
    visit = by_kind["visit"]
    assert (set(visit.participants), visit.date, visit.status) == (
        {"person/karl-weber", "country/ir"}, "2026-03", "planned")


def test_delegation_on_its_way_after_another_act_is_no_visit():
    found = meetings(f"Phái đoàn {RU} đã nhận được chỉ thị và sẽ lên đường sang "
                     "[Các Tiểu vương quốc Ả Rập Thống nhất|C:country/ae] trong vài giờ tới.")
    assert [m for m in found if m.kind == "visit"] == []


def test_side_marker_before_a_speaker_names_no_member():
    doc = (f"{RU} và {US} đã đàm phán tại [Riyadh|L:place/riyadh] hôm 12/5. Các nhóm chuyên gia của hai nước sẽ "
           "gặp nhau tại [Riyadh|L:place/riyadh] vào tuần tới.\n"
           f"Về phía {US}, {TT} [Tom Hale|P:person/tom-hale] viết trên mạng xã hội rằng cuộc đàm phán là "
           "một bước tiến lớn.")
    planned = [m for m in meetings(doc, date="2026-05-13") if m.status == "planned"]
    assert [set(m.participants) for m in planned] == [{"country/ru", "country/us"}]


def test_a_visit_framing_talks_with_the_hosts_leader_is_the_guests():
    # The subject is the host's head of state: the one visiting is the guest.
    doc = ("Ngày 21/9, [Chủ tịch nước|T] [Trần Văn Bình|P:person/tran-van-binh] đã hội đàm với [Tổng thống|T] "
           "[Peru|C:country/pe] [Luis Torres|P:person/luis-torres], nhân chuyến thăm cấp nhà nước tới "
           "[Việt Nam|C:country/vn] từ ngày 20 đến 23/9.")
    visits = [m for m in meetings(doc, date="2026-09-22") if m.kind == "visit"]
    assert [(_keys(v), v.date, v.status) for v in visits] == [
        ({"person/luis-torres", "country/vn"}, "2026-09-20", "held")]
    # A guest as the subject still visits.
    doc = ("[Thủ tướng|T] [Nhật Bản|C:country/jp] [Sato Ken|P:person/sato-ken] hội đàm với [Tổng thống|T] "
           "[Pháp|C:country/fr] [Louis Martin|P:person/louis-martin], nhân chuyến thăm chính thức [Pháp|C:country/fr].")
    (visit,) = [m for m in meetings(doc, date="2026-09-22") if m.kind == "visit"]
    assert _keys(visit) == {"person/sato-ken", "country/fr"}


def test_a_spouse_named_with_her_kinship_word_travels_with_the_leader():
    doc = ("Tối 1/3, [Tổng thống|T] [Bỉ|C:country/be] [Marc Dubois|P:person/marc-dubois] và Phu nhân "
           "[Claire Dubois|P:person/claire-dubois] đã tới [Hà Nội|L:place/ha-noi], bắt đầu chuyến thăm cấp nhà "
           "nước tới [Việt Nam|C:country/vn].")
    (visit,) = meetings(doc, date="2026-03-02")
    assert (_keys(visit), visit.date) == ({"person/marc-dubois", "person/claire-dubois", "country/vn"}, "2026-03-01")


def test_two_leaders_after_a_reception_by_a_bare_post_are_its_holder_and_the_guest():
    # The Prime Minister is named more often, yet the host of the reception is the President.
    doc = ("[Chủ tịch nước|T] [Trần Văn Bình|P:person/tran-van-binh] mời [Tổng thống|T] [Bỉ|C:country/be] "
           "[Marc Dubois|P:person/marc-dubois] thăm [Việt Nam|C:country/vn].\n"
           "[Thủ tướng|T] [Lê Văn An|P:person/le-van-an] cho biết ông [Lê Văn An|P:person/le-van-an] sẽ dự diễn đàn.\n"
           "Sáng 2/3, [Chủ tịch nước|T] chủ trì lễ đón chính thức [Tổng thống|T] [Dubois|P:person/marc-dubois] tại "
           "[Phủ Chủ tịch|L:place/phu-chu-tich]. Sau lễ đón, hai nhà lãnh đạo hội đàm.")
    (talks,) = [m for m in meetings(doc, date="2026-03-02") if m.kind == "talks"]
    assert _keys(talks) == {"person/tran-van-binh", "person/marc-dubois"}


def test_a_sequel_after_a_comma_shares_the_planned_tense():
    doc = ("Ông [Lopes|P:person/ana-lopes] cho biết sẽ tới [Kiev|L:place/kiev] để gặp [Tổng thống|T] "
           "[Ukraine|C:country/ua] [Taras Koval|P:person/taras-koval], sau đó sang [Moskva|L:place/moskva] làm việc "
           "với phía [Nga|C:country/ru].")
    found = {m.place: m.status for m in meetings(doc, date="2026-04-11") if m.kind == "visit"}
    assert found == {"place/kiev": "planned", "place/moskva": "planned"}


def test_a_counterpart_named_after_a_comma_with_his_own_post_is_the_party():
    doc = ("[Ngoại trưởng|T] [Ai Cập|C:country/eg] [Omar Nabil|P:person/omar-nabil] đã điện đàm với người đồng cấp "
           "[Qatar|C:country/qa], [Thủ tướng|T] [Hamad Al Mansour|P:person/hamad-al-mansour], về ngừng bắn.")
    (call,) = meetings(doc, date="2026-02-21")
    assert _keys(call) == {"person/omar-nabil", "person/hamad-al-mansour"}


def test_contacts_on_the_occasion_of_a_meeting_told_before_take_its_day_and_venue():
    doc = ("Các Bộ trưởng Ngoại giao [ASEAN|O:org/asean] đã họp với [Ngoại trưởng|T] [Nhật Bản|C:country/jp] "
           "[Sato Ken|P:person/sato-ken] tại [Manila|L:place/manila] hôm 8/11.\n"
           "Phát biểu tại hội nghị, [Bộ trưởng|T] [Trần Minh Đức|P:person/tran-minh-duc] nhấn mạnh vai trò trung tâm.\n"
           "Nhân dịp này, [Bộ trưởng|T] [Trần Minh Đức|P:person/tran-minh-duc] đã có cuộc gặp song phương với "
           "[Ngoại trưởng|T] [Singapore|C:country/sg] [Lim Wei|P:person/lim-wei].")
    (m,) = [m for m in meetings(doc, date="2026-11-09") if "person/lim-wei" in m.participants]
    assert (m.date, m.place) == ("2026-11-08", "place/manila")
    # an invitation on that occasion is a visit still to come, undated
    doc = doc.replace("đã có cuộc gặp song phương với", "đã mời").replace(
        "[Lim Wei|P:person/lim-wei].", "[Lim Wei|P:person/lim-wei] sớm thăm [Việt Nam|C:country/vn]. Ông nhận lời.")
    (visit,) = [m for m in meetings(doc, date="2026-11-09") if m.kind == "visit"]
    assert (visit.status, visit.date) == ("planned", None)


def test_a_contact_named_as_the_topic_of_another_does_not_date_it():
    doc = ("[Chủ tịch|T] [Trung Quốc|C:country/cn] [Lý Minh|P:person/ly-minh] đã hội đàm với [Tổng thống|T] "
           "[Belarus|C:country/by] [Ivan Petrov|P:person/ivan-petrov] tại [Bắc Kinh|L:place/bac-kinh] ngày 2/9.\n"
           "Hai nhà lãnh đạo cũng thảo luận về kết quả cuộc gặp của ông [Petrov|P:person/ivan-petrov] với "
           "[Tổng thống|T] [Mỹ|C:country/us] [John Reed|P:person/john-reed] tại [Alaska|L:place/alaska] hồi tháng 8.")
    found = sorted((sorted(m.participants), m.date) for m in meetings(doc, date="2026-09-03"))
    assert found == [(["person/ivan-petrov", "person/john-reed"], "2026-08"),
                     (["person/ivan-petrov", "person/ly-minh"], "2026-09-02")]


def test_an_unannounced_visit_to_a_capital_and_the_contacts_held_there():
    doc = ("[Tổng thống|T] [Moldova|C:country/md] [Ion Rusu|P:person/ion-rusu] ngày 1/10 đã có chuyến thăm không "
           "báo trước tới [Warsaw|L:place/warsaw], nơi ông gặp [Thủ tướng|T] [Ba Lan|C:country/pl] "
           "[Jan Nowak|P:person/jan-nowak].")
    found = {m.kind: m for m in meetings(doc, date="2026-10-02")}
    assert (_keys(found["visit"]), found["visit"].status) == ({"person/ion-rusu", "country/pl"}, "held")
    # "không báo trước" negates nothing of the meeting in the relative clause
    assert (_keys(found["meeting"]), found["meeting"].date, found["meeting"].status) == (
        {"person/ion-rusu", "person/jan-nowak"}, "2026-10-01", "held")


def test_a_venue_after_four_words_naming_a_kind_of_place_but_not_after_an_owner():
    doc = ("[Ngoại trưởng|T] [Peru|C:country/pe] [Ana Ruiz|P:person/ana-ruiz] và [Ngoại trưởng|T] [Chile|C:country/cl] "
           "[Luis Soto|P:person/luis-soto] đã gặp nhau tại thành phố biên giới [Tacna|L:place/tacna] ngày 20/8.")
    assert only(doc, date="2026-08-21").place == "place/tacna"
    doc = ("[Ngoại trưởng|T] [Peru|C:country/pe] [Ana Ruiz|P:person/ana-ruiz] sẽ gặp [Ngoại trưởng|T] [Chile|C:country/cl] "
           "[Luis Soto|P:person/luis-soto] ngày 20/8 để bàn phòng thủ ở sườn phía đông của [EU|O:org/eu].")
    assert only(doc, date="2026-08-10").place is None


def test_the_sides_that_end_a_round_and_a_second_side_listed_after_trong_khi():
    doc = ("Các phái đoàn [Nga|C:country/ru] và [Mỹ|C:country/us] đã kết thúc vòng đàm phán thứ ba tại "
           "[Abu Dhabi|L:place/abu-dhabi] hôm 11/2.\n"
           "Phái đoàn [Nga|C:country/ru] do [Giám đốc|T] [Oleg Ivanov|P:person/oleg-ivanov] dẫn đầu, trong khi phía "
           "[Mỹ|C:country/us] có [Đặc phái viên|T] [Tom Reed|P:person/tom-reed] và ông [Sam Cole|P:person/sam-cole], "
           "con rể [Tổng thống|T] [John Hart|P:person/john-hart].")
    m = only(doc, date="2026-02-12")
    assert (_keys(m), m.date, m.place, m.status) == (
        {"person/oleg-ivanov", "person/tom-reed", "person/sam-cole"}, "2026-02-11", "place/abu-dhabi", "held")


def test_a_proposed_session_is_not_a_reception_held_later():
    doc = ("Tối 15/1, [Thủ tướng|T] [Việt Nam|C:country/vn] [Lê Văn An|P:person/le-van-an] đã điện đàm với "
           "[Thủ tướng|T] [Ấn Độ|C:country/in] [Ravi Kumar|P:person/ravi-kumar].\n"
           "[Thủ tướng|T] [Kumar|P:person/ravi-kumar] mời [Thủ tướng|T] [Lê Văn An|P:person/le-van-an] sớm thăm "
           "[Ấn Độ|C:country/in]; [Thủ tướng|T] [Lê Văn An|P:person/le-van-an] vui vẻ nhận lời và đề nghị hai bên sớm "
           "tổ chức kỳ họp Ủy ban hỗn hợp.\n"
           "Cũng trong ngày 15/1, [Phó Thủ tướng|T] [Việt Nam|C:country/vn] [Trần Văn Nam|P:person/tran-van-nam] "
           "đã tiếp [Đại sứ|T] "
           "[Ấn Độ|C:country/in] [Anil Rao|P:person/anil-rao] tại [Hà Nội|L:place/ha-noi].")
    (m,) = [m for m in meetings(doc, date="2026-01-16") if m.kind == "meeting"]
    assert (_keys(m), m.status) == ({"person/tran-van-nam", "person/anil-rao"}, "held")
