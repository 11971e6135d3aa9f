"""Tests for kg.extract.meetings on hand-written news-style paragraphs.

Docs are built by hand (``[text|label:key]`` marks the entity and title spans
the recogniser would give), so the meeting rules are tested apart from it.
Labels: P Person, C Country, O Organization, L Place, T title. Keys of
well-known actors are the lexicon keys, because nationality ("Trump is
American") comes from ``persons.tsv``.
"""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import kg.extract.facts  # noqa: F401
import kg.extract.participants  # noqa: F401  (declares span._.kg_key)
from kg.extract.meetings import find_meetings
from kg.extract.model import Meeting

_LABELS = {"P": "Person", "C": "Country", "O": "Organization", "L": "Place", "T": "Title"}
_NLP = spacy.blank("xx")

PUTIN = "[Vladimir Putin|P:person/vladimir-putin]"
TRUMP = "[Donald Trump|P:person/donald-trump]"
RU, US, UA = "[Nga|C:country/ru]", "[Mỹ|C:country/us]", "[Ukraine|C:country/ua]"
TT = "[Tổng thống|T]"


def make_doc(markup: str, date: str | None = "2026-01-23") -> Doc:
    """A doc whose entities/titles are the bracketed spans of ``markup``.

    A sentence starts after ".", "?" or "!" tokens and at line breaks.
    """
    plain, marks, pos = [], [], 0
    for m in re.finditer(r"\[([^\[\]|]+)\|([PCOLT])(?::([^\]]+))?\]|([^\[]+|\[)", markup):
        if m.group(4) is not None:
            plain.append(m.group(4))
            pos += len(m.group(4))
            continue
        text, label, key = m.group(1), _LABELS[m.group(2)], m.group(3)
        slug = re.sub(r"\W+", "-", text.lower()).strip("-")
        marks.append((pos, pos + len(text), label, key or f"{label.lower()}/{slug}"))
        plain.append(text)
        pos += len(text)
    doc = _NLP("".join(plain))
    for i, tok in enumerate(doc):
        tok.is_sent_start = i == 0 or doc[i - 1].text in {".", "!", "?"} or "\n" in doc[i - 1].text
    ents, titles = [], []
    for s, e, label, key in marks:
        span = doc.char_span(s, e, label=label, alignment_mode="expand")
        if label == "Title":
            titles.append(span)
        else:
            span._.kg_key = key
            ents.append(span)
    doc.ents = ents
    doc.spans["titles"] = titles
    doc._.article_date = date
    return doc


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
