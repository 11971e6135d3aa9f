"""Recall rules for contacts reported inside speech or dated "tháng N tới".

Sentences are written for these tests (not taken from the dev articles); the
doc builder of ``test_meetings`` marks the spans the recogniser would give.
"""

from __future__ import annotations

import pytest

from extract.test_meetings import PUTIN, RU, TRUMP, TT, UA, US, meetings, only

IR = "[Iran|C:country/ir]"
OMAN_FM = "[Ngoại trưởng|T] [Oman|C:country/om] [Badr Albusaidi|P:person/badr-albusaidi]"
XI = "[Chủ tịch|T] [Tập Cận Bình|P:person/xi-jinping]"


def test_planned_call_after_reporting_verb_takes_the_speaker_as_subject():
    m = only(f"{TT} {TRUMP} nói sẽ điện đàm với {TT} {PUTIN} trong vài ngày tới.")
    assert (m.kind, m.status) == ("call", "planned")
    assert set(m.participants) == {"person/donald-trump", "person/vladimir-putin"}


def test_held_meeting_after_reporting_verb_takes_the_speaker_as_subject():
    m = only("[Ngoại trưởng|T] [Nga|C:country/ru] [Sergey Lavrov|P:person/sergey-lavrov] cho biết đã gặp "
             "[Ngoại trưởng|T] [Mỹ|C:country/us] [Marco Rubio|P:person/marco-rubio] tại [Riyadh|L:place/riyadh].")
    assert set(m.participants) == {"person/sergey-lavrov", "person/marco-rubio"}
    assert m.place == "place/riyadh"


def test_planned_trip_announced_by_the_traveller():
    m = only(f"{IR} hoan nghênh đề xuất. {OMAN_FM} cho biết ông dự kiến tới [Tehran|L:place/tehran] vào đầu tháng 3.")
    assert (m.kind, m.status, m.date) == ("visit", "planned", "2026-03")
    assert set(m.participants) == {"person/badr-albusaidi", "country/ir"}


def test_speaker_subject_needs_the_verb_right_after_the_speaker():
    # the object of "với" before the reporting verb is no subject of the reported contact
    found = meetings(f"Phát biểu tại cuộc họp báo, bà [Maria Zakharova|P:person/maria-zakharova] nhấn mạnh "
                     f"rằng cần có thêm thời gian.")
    assert found == []


def test_month_followed_by_toi_is_the_coming_one():
    m = only(f"{TT} {TRUMP} sẽ gặp {XI} vào tháng 11 tới.")
    assert (m.date, m.status) == ("2026-11", "planned")


def test_toi_as_a_verb_or_a_range_does_not_move_the_date():
    found = meetings(f"{TT} {TRUMP} hôm 5/1 tới [Bắc Kinh|L:place/bac-kinh] và gặp {XI} tại [Trung Quốc|C:country/cn].")
    assert found and {(m.date, m.status) for m in found} == {("2026-01-05", "held")}


def test_second_verb_after_sau_do_shares_the_subject():
    found = meetings("[Thủ tướng|T] [Phạm Minh Chính|P:person/pham-minh-chinh] đã hội kiến [Tổng thống|T] "
                     "[Pháp|C:country/fr] [Emmanuel Macron|P:person/emmanuel-macron], sau đó hội kiến [Thủ tướng|T] "
                     "[Anh|C:country/gb] [Keir Starmer|P:person/keir-starmer].")
    assert sorted(sorted(m.participants) for m in found) == [
        ["person/emmanuel-macron", "person/pham-minh-chinh"], ["person/keir-starmer", "person/pham-minh-chinh"]]


def test_contact_named_as_the_purpose_of_another_is_no_meeting():
    m = only("[Ngoại trưởng|T] [Mỹ|C:country/us] [Marco Rubio|P:person/marco-rubio] đã điện đàm với [Ngoại trưởng|T] "
             "[Nga|C:country/ru] [Sergey Lavrov|P:person/sergey-lavrov] để chuẩn bị cho cuộc gặp giữa hai nhà lãnh đạo.")
    assert m.kind == "call"


def test_summit_chair_and_attendees_take_part():
    m = only("Hội nghị Cấp cao [ASEAN|O:org/asean] lần thứ 47 khai mạc tại [Kuala Lumpur|L:place/kuala-lumpur] dưới "
             "sự chủ trì của [Thủ tướng|T] [Malaysia|C:country/my] [Anwar Ibrahim|P:person/anwar-ibrahim], với sự tham "
             "dự của [Thủ tướng|T] [Phạm Minh Chính|P:person/pham-minh-chinh].")
    assert m.kind == "summit" and m.place == "place/kuala-lumpur"
    assert {"person/anwar-ibrahim", "person/pham-minh-chinh"} <= set(m.participants)


def test_working_visit_noun_with_tai_names_the_host():
    m = only("[Thủ tướng|T] [Phạm Minh Chính|P:person/pham-minh-chinh] đang có chuyến thăm làm việc tại [Mỹ|C:country/us].")
    assert m.kind == "visit" and set(m.participants) == {"person/pham-minh-chinh", "country/us"}


# --- contacts on the sidelines of a gathering --------------------------------

PMC = "[Thủ tướng|T] [Phạm Minh Chính|P:person/pham-minh-chinh]"
MARCOS = "[Tổng thống|T] [Philippines|C:country/ph] [Ferdinand Marcos|P:person/ferdinand-marcos-jr]"


def test_sideline_meeting_takes_the_day_and_city_of_the_gathering():
    found = meetings("Hội nghị Cấp cao [ASEAN|O:org/asean] lần thứ 47 diễn ra ngày 26/10 tại "
                     f"[Kuala Lumpur|L:place/kuala-lumpur]. Bên lề hội nghị, {PMC} đã gặp {MARCOS}.",
                     date="2025-10-27")
    m = next(m for m in found if "person/ferdinand-marcos-jr" in m.participants)
    assert (m.date, m.place) == ("2025-10-26", "place/kuala-lumpur")


def test_a_year_said_later_of_a_sideline_meeting_gives_way_to_the_gatherings_day():
    found = meetings("Hội nghị Cấp cao [ASEAN|O:org/asean] lần thứ 47 diễn ra ngày 26/10 tại "
                     f"[Kuala Lumpur|L:place/kuala-lumpur]. Bên lề hội nghị, {PMC} đã gặp {MARCOS}. "
                     "Tại cuộc gặp, hai bên nhất trí thúc đẩy các chuyến thăm cấp cao trong năm nay.",
                     date="2025-10-27")
    m = next(m for m in found if "person/ferdinand-marcos-jr" in m.participants)
    assert (m.date, m.place) == ("2025-10-26", "place/kuala-lumpur")


def test_meeting_in_the_framework_of_a_forum_named_as_an_organisation():
    m = only("[Diễn đàn Kinh tế Thế giới|O:org/wef] khai mạc sáng 20/1 tại [Davos|L:place/davos]. "
             f"Trong khuôn khổ diễn đàn, {PMC} đã hội kiến {MARCOS}.")
    assert (m.date, m.place) == ("2026-01-20", "place/davos")


def test_meeting_without_a_sideline_cue_keeps_no_venue():
    found = meetings("Hội nghị Cấp cao [ASEAN|O:org/asean] lần thứ 47 diễn ra tại "
                     f"[Kuala Lumpur|L:place/kuala-lumpur]. Cũng trong ngày 26/10, {PMC} đã gặp {MARCOS}.",
                     date="2025-10-27")
    m = next(m for m in found if "person/ferdinand-marcos-jr" in m.participants)
    assert (m.date, m.place) == ("2025-10-26", None)


def test_sideline_count_joined_as_an_anaphor_gives_no_venue():
    found = meetings("Hội nghị Cấp cao [ASEAN|O:org/asean] lần thứ 47 diễn ra tại "
                     f"[Kuala Lumpur|L:place/kuala-lumpur]. Cũng trong ngày 26/10, {PMC} đã gặp {MARCOS}. "
                     "Đoàn đã có gần 20 cuộc tiếp xúc song phương bên lề hội nghị.", date="2025-10-27")
    m = next(m for m in found if "person/ferdinand-marcos-jr" in m.participants)
    assert m.place is None


# --- receptions, invitations -------------------------------------------------


def test_leader_receives_a_number_of_foreign_ministers():
    m = only(f"{TT} [Ferdinand Marcos|P:person/ferdinand-marcos-jr] đã tiếp hai [bộ trưởng|T] "
             "[Nhật Bản|C:country/jp] tại [Điện Malacañang|L:place/dien-malacanang].")
    assert (m.kind, set(m.participants), m.place) == (
        "meeting", {"person/ferdinand-marcos-jr", "country/jp"}, "place/dien-malacanang")


def test_invitation_to_visit_accepted_later_in_the_sentence_is_planned():
    m = only("[Chủ tịch Quốc hội|T] [Trần Thanh Mẫn|P:person/tran-thanh-man] mời [Chủ tịch Quốc hội|T] [Lào|C:country/la] "
             "[Saysomphone Phomvihane|P:person/saysomphone-phomvihane] sang thăm [Việt Nam|C:country/vn] vào thời "
             "gian thích hợp; ông [Saysomphone Phomvihane|P:person/saysomphone-phomvihane] đã vui vẻ nhận lời.",
             date="2025-12-05")
    assert (m.kind, m.status) == ("visit", "planned")
    assert set(m.participants) == {"person/saysomphone-phomvihane", "country/vn"}


def test_visit_at_the_invitation_of_a_host_stays_held():
    m = only("Theo lời mời của [Thủ tướng|T] [Lào|C:country/la] [Sonexay Siphandone|P:person/sonexay-siphandone], "
             f"{PMC} đã thăm chính thức [Lào|C:country/la] từ ngày 4 đến 6/12.", date="2025-12-07")
    assert (m.kind, m.status, m.date) == ("visit", "held", "2025-12-04")


def test_invitee_leading_a_delegation_is_the_visitor():
    m = only("[Chủ tịch Quốc hội|T] [Trần Thanh Mẫn|P:person/tran-thanh-man] mời [Chủ tịch Quốc hội|T] "
             "[Saysomphone Phomvihane|P:person/saysomphone-phomvihane] dẫn đầu đoàn [đại biểu Quốc hội|T] "
             "[Lào|C:country/la] thăm [Việt Nam|C:country/vn] vào năm 2026. Ông [Saysomphone|P:person/saysomphone-phomvihane] "
             "vui vẻ nhận lời.", date="2025-12-05")
    assert (m.kind, m.status, m.date) == ("visit", "planned", "2026")
    assert set(m.participants) == {"person/saysomphone-phomvihane", "country/vn"}


def test_tai_inside_an_ambassadors_post_is_no_venue():
    m = only("Ngày 5/3, [Tỉnh trưởng|T] [Chiba|L:place/chiba] [Kumagai Toshihito|P:person/kumagai-toshihito] đã tiếp "
             "[Đại sứ|T] [Việt Nam|C:country/vn] tại [Nhật Bản|C:country/jp] [Phạm Quang Hiệu|P:person/pham-quang-hieu].",
             date="2026-03-06")
    assert (set(m.participants), m.date, m.place) == (
        {"person/kumagai-toshihito", "person/pham-quang-hieu"}, "2026-03-05", None)


# --- days ----------------------------------------------------------------------

WONG = "[Ngoại trưởng|T] [Australia|C:country/au] [Penny Wong|P:person/penny-wong]"


def test_cung_ngay_counts_from_the_contacts_day_not_an_arrival_named_beside_it():
    found = meetings(f"Ngày 27/11, [Bộ trưởng Ngoại giao|T] [Lê Hoài Trung|P:person/le-hoai-trung] đã hội đàm với {WONG}, "
                     "người đến [Hà Nội|L:place/ha-noi] hôm 26/11. Cùng ngày, [Ngoại trưởng|T] [Wong|P:person/penny-wong] "
                     "đã gặp [Bộ trưởng Quốc phòng|T] [Phan Văn Giang|P:person/phan-van-giang].", date="2026-11-28")
    assert sorted((m.date, sorted(m.participants)) for m in found) == [
        ("2026-11-27", ["person/le-hoai-trung", "person/penny-wong"]),
        ("2026-11-27", ["person/penny-wong", "person/phan-van-giang"])]


def test_fronted_frame_reports_no_new_contact_from_what_was_agreed_there():
    m = only(f"Sáng 27/11, [Bộ trưởng Ngoại giao|T] [Lê Hoài Trung|P:person/le-hoai-trung] đã hội đàm với {WONG}. "
             "Tại cuộc hội đàm, hai bên nhất trí tăng cường hợp tác kinh tế.", date="2026-11-28")
    assert (m.date, m.status) == ("2026-11-27", "held")


# --- delegations ----------------------------------------------------------------


def test_talks_between_two_delegations_each_led_by_a_named_official():
    m = only("Ngày 5/3, đoàn [Việt Nam|C:country/vn] do [Thứ trưởng Ngoại giao|T] [Nguyễn Minh Vũ|P:person/nguyen-minh-vu] "
             "dẫn đầu và đoàn [Campuchia|C:country/kh] do [Bộ trưởng|T] [Prak Sokhonn|P:person/prak-sokhonn] dẫn đầu "
             "đã tiến hành hội đàm tại [Hà Nội|L:place/ha-noi].", date="2026-03-06")
    assert (m.kind, set(m.participants), m.date, m.place) == (
        "talks", {"person/nguyen-minh-vu", "person/prak-sokhonn"}, "2026-03-05", "place/ha-noi")


def test_a_counted_post_is_the_holders_named_before_it():
    found = meetings("Sáng 2/6, [Ngoại trưởng|T] [Hàn Quốc|C:country/kr] [Cho Tae-yul|P:person/cho-tae-yul] và "
                     "[Bộ trưởng Quốc phòng|T] [Hàn Quốc|C:country/kr] [Shin Won-sik|P:person/shin-won-sik] đã hội đàm "
                     "với [Ngoại trưởng|T] [Australia|C:country/au] [Penny Wong|P:person/penny-wong] tại "
                     "[Canberra|L:place/canberra]. Sáng 3/6, [Thủ tướng|T] [Australia|C:country/au] "
                     "[Anthony Albanese|P:person/anthony-albanese] đã tiếp hai [bộ trưởng|T] [Hàn Quốc|C:country/kr].",
                     date="2025-06-04")
    m = next(m for m in found if "person/anthony-albanese" in m.participants)
    assert (set(m.participants), m.date) == (
        {"person/anthony-albanese", "person/cho-tae-yul", "person/shin-won-sik"}, "2025-06-03")


def test_a_counted_post_nobody_holds_in_the_article_stays_the_country():
    m = only("[Thủ tướng|T] [Australia|C:country/au] [Anthony Albanese|P:person/anthony-albanese] đã tiếp hai "
             "[bộ trưởng|T] [Hàn Quốc|C:country/kr] tại [Canberra|L:place/canberra].", date="2025-06-04")
    assert set(m.participants) == {"person/anthony-albanese", "country/kr"}


# --- venues ---------------------------------------------------------------------


def test_caption_city_and_body_venue_in_that_city_are_one_contact():
    m = only("[Tổng thống|T] [Ai Cập|C:country/eg] [Omar Nasser|P:person/omar-nasser] tiếp [Thủ tướng|T] "
             "[Hy Lạp|C:country/gr] [Nikos Andreou|P:person/nikos-andreou] tại [Cairo|L:place/cairo] ngày 3/2.\n"
             "Theo hãng tin MENA, [Tổng thống|T] [Omar Nasser|P:person/omar-nasser] hôm qua 3/2 đã tiếp "
             "[Thủ tướng|T] [Hy Lạp|C:country/gr] [Nikos Andreou|P:person/nikos-andreou] tại "
             "[Cung điện Ittihadiya|L:place/cung-dien-ittihadiya] ở thủ đô [Cairo|L:place/cairo].", date="2026-02-04")
    assert (m.date, m.place) == ("2026-02-03", "place/cung-dien-ittihadiya")


def test_venues_in_different_cities_stay_two_contacts():
    found = meetings("[Tổng thống|T] [Ai Cập|C:country/eg] [Omar Nasser|P:person/omar-nasser] tiếp [Thủ tướng|T] "
                     "[Hy Lạp|C:country/gr] [Nikos Andreou|P:person/nikos-andreou] tại [Cairo|L:place/cairo] ngày 3/2.\n"
                     "Ngày 3/2, [Tổng thống|T] [Omar Nasser|P:person/omar-nasser] còn tiếp [Thủ tướng|T] "
                     "[Nikos Andreou|P:person/nikos-andreou] tại [Dinh Montaza|L:place/dinh-montaza] ở thành phố "
                     "[Alexandria|L:place/alexandria].", date="2026-02-04")
    assert sorted(m.place for m in found) == ["place/cairo", "place/dinh-montaza"]


def test_people_of_the_two_sides_meeting_are_the_sides():
    found = meetings("[Nga|C:country/ru] và [Mỹ|C:country/us] đã đàm phán tại [Riyadh|L:place/riyadh] hôm 12/5. "
                     "Các nhóm chuyên gia của hai nước sẽ gặp nhau tại [Riyadh|L:place/riyadh] vào tuần tới.",
                     date="2026-05-13")
    assert sorted((m.status, m.date, tuple(sorted(m.participants))) for m in found) == [
        ("held", "2026-05-12", ("country/ru", "country/us")), ("planned", "2026-05", ("country/ru", "country/us"))]


def test_a_possessive_after_a_verb_is_still_no_subject():
    found = meetings("[Nga|C:country/ru] và [Mỹ|C:country/us] đã đàm phán tại [Riyadh|L:place/riyadh] hôm 12/5. "
                     "Theo đề xuất của hai nước, hội nghị sẽ họp vào tuần tới.", date="2026-05-13")
    assert [m.status for m in found] == ["held"]


def test_a_contact_nobody_plans_is_no_contact():
    found = meetings("[Nga|C:country/ru] và [Mỹ|C:country/us] đã đàm phán tại [Riyadh|L:place/riyadh] hôm 12/5. "
                     "Hai nước sẽ gặp lại nhau tại [Riyadh|L:place/riyadh] vào tuần tới. Ông cũng cho biết hiện chưa "
                     "có kế hoạch cụ thể nào về một hội nghị thượng đỉnh [Nga|C:country/ru] - [Mỹ|C:country/us].",
                     date="2026-05-13")
    assert sorted((m.kind, m.status) for m in found) == [("meeting", "planned"), ("talks", "held")]


# --- series ---------------------------------------------------------------------

RU_UA = "[Nga|C:country/ru] và [Ukraine|C:country/ua] đã đàm phán tại [Istanbul|L:place/istanbul] hôm 12/5. "


@pytest.mark.parametrize("sentence,date", [
    ("Vòng đàm phán tiếp theo sẽ diễn ra tại [Geneva|L:place/geneva] vào tuần tới.", "2026-05"),
    ("Vòng đàm phán thứ ba sẽ được tổ chức tại [Geneva|L:place/geneva] vào tháng 6.", "2026-06"),
])
def test_the_next_round_is_planned_between_the_parties_of_the_last(sentence, date):
    found = meetings(RU_UA + sentence, date="2026-05-13")
    planned = [m for m in found if m.status == "planned"]
    assert [(set(m.participants), m.date, m.place) for m in planned] == [
        ({"country/ru", "country/ua"}, date, "place/geneva")]


def test_a_round_already_held_is_no_new_contact():
    found = meetings(RU_UA + "Vòng đàm phán thứ hai kéo dài năm giờ.", date="2026-05-13")
    assert [m.status for m in found] == ["held"]


def test_the_next_summit_is_not_the_last_bilateral_meeting():
    found = meetings("[Tổng thống|T] [Brazil|C:country/br] [Lula|P:person/lula] sẽ gặp [Thủ tướng|T] [Ấn Độ|C:country/in] "
                     "[Narendra Modi|P:person/narendra-modi] tại [New Delhi|L:place/new-delhi] vào tháng 9. "
                     "[Uruguay|C:country/uy] sẽ tổ chức hội nghị thượng đỉnh tiếp theo tại "
                     "[Montevideo|L:place/montevideo] vào tháng 12.", date="2026-07-03")
    assert [m.kind for m in found] == ["meeting"]


SUMMIT_OPENS = ("Hội nghị Cấp cao [ASEAN|O:org/asean] lần thứ 48 khai mạc sáng 22/1 tại "
                "[Kuala Lumpur|L:place/kuala-lumpur]. ")
ATTENDEES = ("[Thủ tướng|T] [Malaysia|C:country/my] [Anwar Ibrahim|P:person/anwar-ibrahim], [Thủ tướng|T] "
             "[Phạm Minh Chính|P:person/pham-minh-chinh] và [Tổng thống|T] [Indonesia|C:country/id] "
             "[Prabowo Subianto|P:person/prabowo-subianto].")


@pytest.mark.parametrize("opener", ["Tham dự có", "Tham dự hội nghị có", "Tới dự hội nghị gồm"])
def test_attendee_list_after_a_summit_names_its_participants(opener):
    m = only(f"{SUMMIT_OPENS}{opener} {ATTENDEES}")
    assert (m.kind, m.date, m.place) == ("summit", "2026-01-22", "place/kuala-lumpur")
    # the persons who came, not the organisation that hosts the summit
    assert set(m.participants) == {"person/anwar-ibrahim", "person/pham-minh-chinh", "person/prabowo-subianto"}


def test_one_attendee_is_no_list():
    m = only(f"{SUMMIT_OPENS}Tham dự có [Thủ tướng|T] [Phạm Minh Chính|P:person/pham-minh-chinh].")
    assert m.participants == ["org/asean"]


def test_attendee_list_does_not_join_a_phone_call():
    m = only(f"{TT} {TRUMP} điện đàm với {TT} {PUTIN} tối 21/1. Tham dự có {ATTENDEES}")
    assert m.kind == "call"
    assert set(m.participants) == {"person/donald-trump", "person/vladimir-putin"}


VN_PM = "[Thủ tướng|T] [Phạm Minh Chính|P:person/pham-minh-chinh]"
JP_PM = "[Thủ tướng|T] [Nhật Bản|C:country/jp] [Ishiba Shigeru|P:person/ishiba-shigeru]"


def _visit(found):
    visits = [m for m in found if m.kind == "visit"]
    assert len(visits) == 1, [(m.kind, m.participants) for m in found]
    return visits[0]


def test_trip_framing_an_act_is_a_visit_of_the_acts_subject():
    found = meetings(f"Chiều 21/1, {VN_PM} hội đàm với {JP_PM} trong khuôn khổ chuyến thăm chính thức "
                     f"[Nhật Bản|C:country/jp] từ ngày 20 đến 23/1.")
    talks = next(m for m in found if m.kind != "visit")
    assert set(talks.participants) == {"person/pham-minh-chinh", "person/ishiba-shigeru"}
    assert talks.date == "2026-01-21"
    visit = _visit(found)
    assert set(visit.participants) == {"person/pham-minh-chinh", "country/jp"}
    assert visit.date == "2026-01-20"  # the trip's own days, not the fronted day of the talks


def test_fronted_trip_frame_takes_the_main_clauses_subject():
    visit = _visit(meetings(f"Nhân dịp chuyến thăm chính thức [Nhật Bản|C:country/jp], {VN_PM} đã gặp gỡ "
                            f"cộng đồng người Việt tại [Tokyo|L:place/tokyo]."))
    assert set(visit.participants) == {"person/pham-minh-chinh", "country/jp"}


def test_trip_without_frame_or_subject_has_no_visitor():
    assert [m for m in meetings("Chuyến thăm chính thức [Nhật Bản|C:country/jp] được chuẩn bị kỹ lưỡng.")
            if m.kind == "visit"] == []


def test_dialogue_at_a_deputies_level_is_between_the_states():
    vn_pm = "[Thủ tướng|T] [Việt Nam|C:country/vn] [Phạm Minh Chính|P:person/pham-minh-chinh]"
    found = meetings(f"{vn_pm} hội đàm với {JP_PM} tại [Tokyo|L:place/tokyo] ngày 21/1. Hai bên nhất trí tổ "
                     f"chức Đối thoại Chiến lược cấp Thứ trưởng vào nửa cuối năm nay. Ngày 24/1, {VN_PM} dự kiến "
                     f"hội kiến [Nhà vua|T] [Nhật Bản|C:country/jp] [Naruhito|P:person/naruhito].")
    planned = {(m.kind, m.date): set(m.participants) for m in found if m.status == "planned"}
    assert planned == {("talks", "2026"): {"country/vn", "country/jp"},  # not the two prime ministers
                       # and the deputies' dialogue stays apart from the leaders' next meeting
                       ("meeting", "2026-01-24"): {"person/pham-minh-chinh", "person/naruhito"}}


def test_held_contact_does_not_borrow_the_venue_of_a_planned_one_before_it():
    found = meetings(f"Ngày 24/1, {VN_PM} dự kiến hội kiến [Nhà vua|T] [Nhật Bản|C:country/jp] [Naruhito|P:person/naruhito] "
                     f"tại [Hoàng cung|L:place/hoang-cung]. [Bộ trưởng Ngoại giao|T] [Việt Nam|C:country/vn] "
                     f"[Bùi Thanh Sơn|P:person/bui-thanh-son] cũng đã có cuộc gặp với [Ngoại trưởng|T] "
                     f"[Nhật Bản|C:country/jp] [Iwaya Takeshi|P:person/iwaya-takeshi].")
    held = next(m for m in found if "person/bui-thanh-son" in m.participants)
    assert held.status == "held" and held.place is None


def test_sentence_opening_pronoun_is_the_subject_of_the_sentence_before():
    found = meetings(f"Bên lề hội nghị, {VN_PM} đã gặp {JP_PM} và [Thủ tướng|T] [Lào|C:country/la] "
                     f"[Sonexay Siphandone|P:person/sonexay-siphandone]. Ông cũng có cuộc gặp song phương với "
                     f"[Thủ tướng|T] [Thái Lan|C:country/th] [Anutin Charnvirakul|P:person/anutin-charnvirakul].")
    thai = next(m for m in found if "person/anutin-charnvirakul" in m.participants)
    assert set(thai.participants) == {"person/pham-minh-chinh", "person/anutin-charnvirakul"}


def test_bare_verb_without_parties_adds_nothing_to_the_contact_before():
    found = meetings(f"{VN_PM} cũng có cuộc gặp song phương với {JP_PM}. Các bộ trưởng nhất trí sẽ tiếp tục thúc "
                     f"đẩy đàm phán Bộ quy tắc ứng xử ở [Biển Đông|L:place/bien-dong].")
    assert [(m.status, m.place) for m in found] == [("held", None)]


US_FIN = "[Bộ trưởng Tài chính|T] [Mỹ|C:country/us] [John Carver|P:person/john-carver]"
CN_VPM = "[Phó Thủ tướng|T] [Trung Quốc|C:country/cn] [Lưu Hải Đông|P:person/luu-hai-dong]"


def test_talks_lasting_some_days_before_the_main_clause_are_its_subjects():
    m = only(f"(Báo Mới) - Sau hai ngày đàm phán tại [Geneva|L:place/geneva], {US_FIN} và {CN_VPM} đã nhất trí "
             f"gia hạn thỏa thuận thuế quan thêm 90 ngày.")
    assert (m.kind, m.status, m.place) == ("talks", "held", "place/geneva")
    assert set(m.participants) == {"person/john-carver", "person/luu-hai-dong"}


@pytest.mark.parametrize("verb,status", [("nhất trí gia hạn", "held"), ("sẽ ký", "planned")])
def test_main_clause_verb_before_an_after_adjunct_dates_the_contact_only_if_future(verb, status):
    m = only(f"[Mỹ|C:country/us] và [Trung Quốc|C:country/cn] {verb} thỏa thuận sau đàm phán tại "
             f"[Geneva|L:place/geneva].")
    assert m.status == status


def test_guest_received_while_visiting_is_the_visitor():
    found = meetings("Sáng 22/1, [Chủ tịch Quốc hội|T] [Trần Văn Bình|P:person/tran-van-binh] đã tiếp [Chủ tịch Thượng "
                     "viện|T] [Campuchia|C:country/kh] [Som Rithy|P:person/som-rithy] đang thăm chính thức "
                     "[Việt Nam|C:country/vn].")
    assert set(_visit(found).participants) == {"person/som-rithy", "country/vn"}
    meeting = next(m for m in found if m.kind != "visit")
    assert set(meeting.participants) == {"person/tran-van-binh", "person/som-rithy"}


def test_bilateral_meetings_with_a_list_of_partners_are_one_with_each():
    found = meetings(f"{VN_PM} sẽ có các cuộc gặp song phương với [Ngoại trưởng|T] [Pháp|C:country/fr] và "
                     f"[Ngoại trưởng|T] [Brazil|C:country/br] vào tuần tới.")
    assert sorted(sorted(m.participants) for m in found) == [["country/br", "person/pham-minh-chinh"],
                                                             ["country/fr", "person/pham-minh-chinh"]]


PUTIN_RU = "[Tổng thống|T] [Nga|C:country/ru] [Vladimir Putin|P:person/vladimir-putin]"
MODI_IN = "[Thủ tướng|T] [Ấn Độ|C:country/in] [Narendra Modi|P:person/narendra-modi]"


def test_headline_city_and_body_seat_of_government_are_one_meeting_at_the_seat():
    found = meetings(f"{PUTIN_RU} tiếp {MODI_IN} tại [Moskva|L:place/moskva]\n"
                     f"{PUTIN_RU} ngày 21/1 đã tiếp {MODI_IN} tại [Điện Kremlin|O:org/kremlin] trong khuôn khổ "
                     f"chuyến thăm chính thức của nhà lãnh đạo [Ấn Độ|C:country/in] tới [Nga|C:country/ru].")
    meeting = [m for m in found if m.kind == "meeting"]
    assert [(m.date, m.place) for m in meeting] == [("2026-01-21", "org/kremlin")]
    # "chuyến thăm của X tới Nga": the host follows the visitor
    assert set(_visit(found).participants) == {"person/narendra-modi", "country/ru"}


def test_an_invited_summit_adds_nothing_to_a_meeting_held():
    found = meetings(f"{PUTIN_RU} tiếp {MODI_IN} tại [Moskva|L:place/moskva]. [Ông|T] Modi đã mời "
                     f"[Tổng thống|T] [Putin|P:person/vladimir-putin] thăm [New Delhi|L:place/new-delhi] vào năm sau "
                     f"để dự Hội nghị thượng đỉnh thường niên [Ấn Độ|C:country/in] - [Nga|C:country/ru].")
    assert [(m.kind, m.status, m.date) for m in found] == [("meeting", "held", None)]


def test_a_joint_statement_is_no_clause_break():
    m = only(f"Ngày 21/1, {VN_PM} và [Tổng thống|T] [Indonesia|C:country/id] [Prabowo Subianto|P:person/prabowo] "
             f"đã ra Tuyên bố chung về việc nâng cấp quan hệ, sau cuộc hội đàm tại [Jakarta|L:place/jakarta].")
    assert set(m.participants) == {"person/pham-minh-chinh", "person/prabowo"}


def test_trip_ended_after_an_act_is_a_visit_of_the_acts_subject():
    found = meetings(f"Ngày 22/1, {VN_PM} đã gặp [Tổng Thư ký|T] [ASEAN|O:org/asean] [Kao Kim Hourn|P:person/kao-kim-hourn] "
                     f"tại trụ sở Ban Thư ký [ASEAN|O:org/asean], trước khi kết thúc chuyến thăm chính thức "
                     f"[Indonesia|C:country/id].")
    assert set(_visit(found).participants) == {"person/pham-minh-chinh", "country/id"}


def test_contact_going_on_from_a_sideline_sentence_shares_its_setting():
    found = meetings(f"Hội nghị Bộ trưởng Ngoại giao [ASEAN|O:org/asean] khai mạc ngày 21/1 tại "
                     f"[Kuala Lumpur|L:place/kuala-lumpur]. Bên lề hội nghị, {VN_PM} đã gặp {JP_PM}. "
                     f"Ông cũng có cuộc gặp song phương với [Ngoại trưởng|T] [Thái Lan|C:country/th] "
                     f"[Maris Sangiampongsa|P:person/maris].")
    thai = next(m for m in found if "person/maris" in m.participants)
    assert (thai.date, thai.place) == ("2026-01-21", "place/kuala-lumpur")


def test_contact_going_on_past_a_comment_on_the_sideline_meeting_shares_its_setting():
    # The sentence between comments on the sideline meeting; "cũng" goes on with that meeting.
    found = meetings(f"Hội nghị Bộ trưởng Ngoại giao [ASEAN|O:org/asean] khai mạc ngày 21/1 tại "
                     f"[Kuala Lumpur|L:place/kuala-lumpur]. Bên lề hội nghị, {VN_PM} đã gặp {JP_PM}. "
                     "Đây là cuộc gặp đầu tiên giữa hai người kể từ tháng 5. "
                     f"[Thủ tướng|T] [Lào|C:country/la] [Sonexay Siphandone|P:person/sonexay] cũng có cuộc gặp "
                     f"song phương với [Ngoại trưởng|T] [Thái Lan|C:country/th] [Maris Sangiampongsa|P:person/maris].")
    thai = next(m for m in found if "person/maris" in m.participants)
    assert (thai.date, thai.place) == ("2026-01-21", "place/kuala-lumpur")


def test_an_unnamed_post_is_its_holder_named_with_a_longer_title():
    # Merged, the role reads "Chủ tịch Thượng viện" of the Senate; the post
    # written later without a name is still that person.
    senate = "[Thượng viện Campuchia|O:org/senate-kh]"
    found = meetings(f"[Chủ tịch nước|T] [Việt Nam|C:country/vn] [Lê Văn An|P:person/le-van-an] đã đón "
                     f"[Chủ tịch|T] {senate} [Sok Dara|P:person/sok-dara] sang thăm [Việt Nam|C:country/vn]. "
                     "[Chủ tịch|T] Thượng viện [Sok Dara|P:person/sok-dara] cảm ơn. "
                     f"Ngày 15/4, [Chủ tịch|T] {senate} sẽ hội kiến [Tổng Bí thư|T] [Tô Lâm|P:person/to-lam].",
                     date="2026-04-14")
    planned = next(m for m in found if "person/to-lam" in m.participants)
    assert (set(planned.participants), planned.status) == ({"person/sok-dara", "person/to-lam"}, "planned")


def test_what_the_two_leaders_discussed_is_no_other_contact():
    found = meetings(f"{TT} {RU} {PUTIN} ngày 21/1 đã điện đàm với {TT} {US} {TRUMP}. "
                     "Hai nhà lãnh đạo đã thảo luận về thương mại và an ninh khu vực.")
    assert [(m.kind, sorted(m.participants), m.date) for m in found] == [
        ("call", ["person/donald-trump", "person/vladimir-putin"], "2026-01-21")]


def test_discussion_by_a_group_still_joins_a_contact_of_its_own_kind():
    found = meetings(f"{TT} {RU} {PUTIN} ngày 21/1 đã hội đàm với {TT} {US} {TRUMP}. "
                     "Hai bên đã thảo luận về thương mại.")
    assert [(m.kind, m.date) for m in found] == [("talks", "2026-01-21")]


def test_the_chairman_of_a_country_is_one_of_its_two_leaders():
    # "Chủ tịch" held for a country is its head of state ("Chủ tịch Trung Quốc").
    m = next(m for m in meetings(
        f"{TT} {RU} {PUTIN} đã tới [Bắc Kinh|L:place/bac-kinh] hôm 20/1. [Chủ tịch|T] [Trung Quốc|C:country/cn] "
        "[Tập Cận Bình|P:person/tap-can-binh] cho biết ông rất vui mừng. "
        "Hai nhà lãnh đạo đã hội đàm tại [Đại lễ đường Nhân dân|L:place/great-hall].") if m.kind == "talks")
    assert (set(m.participants), m.place) == ({"person/vladimir-putin", "person/tap-can-binh"}, "place/great-hall")


def test_sideline_meeting_takes_the_venue_of_the_headline_and_the_day_of_the_body():
    found = meetings(f"{PMC} dự Hội nghị Cấp cao [ASEAN|O:org/asean] tại [Kuala Lumpur|L:place/kuala-lumpur]\n"
                     f"Sáng 26/10, {PMC} đã dự phiên khai mạc Hội nghị Cấp cao [ASEAN|O:org/asean]. "
                     f"Bên lề hội nghị, {PMC} đã gặp {MARCOS}.", date="2025-10-27")
    m = next(m for m in found if "person/ferdinand-marcos-jr" in m.participants)
    assert (m.date, m.place) == ("2025-10-26", "place/kuala-lumpur")


def test_a_reception_in_a_fronted_adjunct_is_the_main_subjects():
    m = only(f"Phát biểu sau khi tiếp [Đặc phái viên|T] {US} [Steve Witkoff|P:person/steve-witkoff] tại "
             f"[Kiev|L:place/kiev], ông [Volodymyr Zelensky|P:person/volodymyr-zelensky] cho biết hai bên đã đạt "
             "tiến triển.")
    assert (set(m.participants), m.place, m.status) == (
        {"person/volodymyr-zelensky", "person/steve-witkoff"}, "place/kiev", "held")


def test_efforts_to_bring_about_a_meeting_report_none():
    found = meetings(f"Ông [Volodymyr Zelensky|P:person/volodymyr-zelensky] cho biết {US} đang nỗ lực thúc đẩy "
                     f"một cuộc gặp ba bên {US} - {RU} - {UA}.")
    assert found == []


@pytest.fixture(scope="module")
def nlp():
    from kg.nlp.pipeline import load_pipeline

    return load_pipeline()


def _pipeline_meetings(nlp, text: str, date: str):
    doc = nlp.make_doc(text)
    doc._.article_date = date
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.meetings


def test_a_companion_word_ending_in_a_frame_cue_frames_nothing(nlp):
    # "Phu nhân" is one word: its "nhân" is not "nhân [dịp]", so the host of the
    # welcome ceremony is not the visitor.
    found = _pipeline_meetings(nlp, "Sáng 11/3, Chủ tịch nước Lê Văn An chủ trì lễ đón Tổng thống Chile Ana Soto "
                                    "và Phu nhân thăm cấp Nhà nước Việt Nam.", "2026-03-12")
    visit = next(m for m in found if m.kind == "visit")
    assert set(visit.participants) == {"person/ana-soto", "country/vn"}


def test_a_visitor_calls_on_each_of_the_hosts_leaders():
    found = meetings("[Chủ tịch Quốc hội|T] [Việt Nam|C:country/vn] [Lê Văn An|P:person/le-van-an] thăm chính thức "
                     "[Lào|C:country/la] từ ngày 20/1. Ngày 21/1, ông [Lê Văn An|P:person/le-van-an] đã hội kiến "
                     "[Chủ tịch nước|T] [Lào|C:country/la] [Bounmy Phan|P:person/bounmy] và [Thủ tướng|T] "
                     "[Lào|C:country/la] [Khamla Vong|P:person/khamla].")
    contacts = sorted(sorted(m.participants) for m in found if m.kind != "visit")
    assert contacts == [["person/bounmy", "person/le-van-an"], ["person/khamla", "person/le-van-an"]]


def test_a_host_receiving_two_visitors_together_is_one_meeting():
    m = only("Chiều 21/1, [Tổng thống|T] [Chile|C:country/cl] [Ana Soto|P:person/ana-soto] đã tiếp [Ngoại trưởng|T] "
             "[Nhật Bản|C:country/jp] [Sato Ken|P:person/sato] và [Bộ trưởng Quốc phòng|T] [Nhật Bản|C:country/jp] "
             "[Mori Jun|P:person/mori] tại [Santiago|L:place/santiago].")
    assert set(m.participants) == {"person/ana-soto", "person/sato", "person/mori"}


def test_summit_attendees_after_an_unnamed_group_and_a_late_attendee():
    found = meetings("[Thủ tướng|T] [Anh|C:country/gb] [Keir Starmer|P:person/keir-starmer] ngày 2/3 đã chủ trì một hội "
                     "nghị thượng đỉnh tại [London|L:place/london] với sự tham gia của các nhà lãnh đạo châu Âu, "
                     "[Tổng thư ký|T] [NATO|O:org/nato] [Mark Rutte|P:person/mark-rutte] và [Thủ tướng|T] "
                     "[Canada|C:country/ca] [Mark Carney|P:person/mark-carney]. [Tổng thống|T] [Ukraine|C:country/ua] "
                     "[Volodymyr Zelensky|P:person/volodymyr-zelensky] cũng tham dự cuộc họp, chỉ vài ngày sau cuộc "
                     f"tranh cãi với {TT} {US} {TRUMP} tại [Nhà Trắng|O:org/white-house].", date="2026-03-03")
    summit = next(m for m in found if m.kind == "summit")
    assert set(summit.participants) == {"person/keir-starmer", "person/mark-rutte", "person/mark-carney",
                                        "person/volodymyr-zelensky"}
    assert (summit.date, summit.place) == ("2026-03-02", "place/london")


def test_the_country_that_welcomes_a_visitor_is_the_host():
    m = only("[Tổng thống|T] [Chile|C:country/cl] [Ana Soto|P:person/ana-soto] cho biết [Santiago|C:country/cl] "
             "đang chuẩn bị đón [Thủ tướng|T] [Nhật Bản|C:country/jp] [Sato Ken|P:person/sato] thăm chính thức "
             "vào tháng 7 tới.", date="2026-03-20")
    assert (m.kind, set(m.participants), m.place, m.status, m.date) == (
        "visit", {"person/sato", "country/cl"}, "country/cl", "planned", "2026-07")


def test_the_chairs_named_with_do_take_part():
    m = only("Phiên họp dự kiến diễn ra tại [Bắc Kinh|L:place/bac-kinh] vào tháng 3 tới, do [Phó Thủ tướng|T] "
             "[Lê Văn An|P:person/le-van-an] và [Ngoại trưởng|T] [Trung Quốc|C:country/cn] "
             "[Vương Nghị|P:person/vuong-nghi] đồng chủ trì.", date="2026-02-04")
    assert (set(m.participants), m.place, m.status, m.date) == (
        {"person/le-van-an", "person/vuong-nghi"}, "place/bac-kinh", "planned", "2026-03")


def test_a_state_travels_through_the_delegation_it_sends():
    m = only("[Syria|C:country/sy] cho biết [Damascus|C:country/sy] sẽ cử một phái đoàn kinh tế tới "
             "[Riyadh|L:place/riyadh] vào cuối tháng này. [Ả Rập Xê Út|C:country/sa] hoan nghênh.", date="2026-01-22")
    assert (m.kind, set(m.participants), m.status, m.date) == (
        "visit", {"country/sy", "country/sa"}, "planned", "2026-01")


def test_a_coordinated_plan_shares_the_sentence_subject_and_lies_ahead():
    # "đồng thời" coordinates with a predicate that is no contact; "sẽ ... tháng 12"
    # in March is next December, and "các nhóm đàm phán" are no talks.
    found = meetings(f"Theo [Điện Kremlin|O:org/kremlin], hai nhà lãnh đạo {PUTIN} và {TRUMP} đã chỉ đạo các nhóm "
                     "đàm phán đẩy nhanh công việc, đồng thời nhất trí sẽ gặp nhau tại [Miami|L:place/miami] vào "
                     "tháng 12.", date="2026-03-13")
    assert [(sorted(m.participants), m.date, m.status, m.place) for m in found] == [
        (["person/donald-trump", "person/vladimir-putin"], "2026-12", "planned", "place/miami")]


def test_less_than_blocks_nothing_but_a_negated_trip_is_none():
    found = meetings(f"{TT} {PUTIN} đã hội đàm với {TT} {US} {TRUMP} hôm 20/1. Cuộc hội đàm diễn ra chưa đầy hai "
                     "tháng sau khi hai nhà lãnh đạo điện đàm hôm 20/11.", date="2026-01-23")
    assert sorted((m.kind, m.date, m.status) for m in found) == [
        ("call", "2025-11-20", "held"), ("talks", "2026-01-20", "held")]
    assert meetings(f"Phái đoàn {RU} sẽ không tới [Cairo|L:place/cairo] cho đến khi có phản hồi. "
                    "[Ai Cập|C:country/eg] hoan nghênh.") == []


def test_a_visit_framing_a_contact_is_to_where_it_was_held():
    found = meetings("[Chủ tịch|T] [Triều Tiên|C:country/kp] [Kim Jong-un|P:person/kim-jong-un] đã tiếp [Thư ký|T] "
                     f"[Hội đồng Bảo an Nga|O:org/ru-security-council] [Sergei Shoigu|P:person/sergei-shoigu] tại "
                     "[Bình Nhưỡng|L:place/binh-nhuong] hôm 17/6, trong khuôn khổ chuyến thăm kéo dài hai ngày của "
                     f"quan chức {RU}.", date="2026-06-19")
    visit = next(m for m in found if m.kind == "visit")
    assert (set(visit.participants), visit.date, visit.status) == (
        {"person/sergei-shoigu", "country/kp"}, "2026-06-17", "held")


def test_two_ministers_of_two_states_met_on_the_sidelines_are_two_meetings():
    found = meetings(f"Bên lề hội nghị, {VN_PM} cũng đã gặp [Ngoại trưởng|T] {RU} [Sergey Lavrov|P:person/sergey-lavrov] "
                     f"và [Ngoại trưởng|T] [Kyrgyzstan|C:country/kg] [Jeenbek Kulubaev|P:person/kulubaev].")
    assert sorted(sorted(m.participants) for m in found) == [
        ["person/kulubaev", "person/pham-minh-chinh"], ["person/pham-minh-chinh", "person/sergey-lavrov"]]


def test_ministers_of_two_states_met_going_on_from_a_sideline_contact_are_two_meetings():
    found = meetings(f"Bên lề hội nghị, {VN_PM} đã gặp [Thủ tướng|T] [Nhật Bản|C:country/jp] [Ishiba|P:person/ishiba]. "
                     "Hai bên nhất trí thúc đẩy hợp tác. Cùng ngày, ông cũng đã tiếp xúc với [Ngoại trưởng|T] "
                     f"{RU} [Sergey Lavrov|P:person/sergey-lavrov] và [Ngoại trưởng|T] [Kyrgyzstan|C:country/kg] "
                     "[Jeenbek Kulubaev|P:person/kulubaev].")
    assert sorted(sorted(m.participants) for m in found) == [
        ["person/ishiba", "person/pham-minh-chinh"], ["person/kulubaev", "person/pham-minh-chinh"],
        ["person/pham-minh-chinh", "person/sergey-lavrov"]]


def test_a_meeting_with_two_states_elsewhere_stays_one():
    m = only(f"{VN_PM} đã gặp [Ngoại trưởng|T] {RU} [Sergey Lavrov|P:person/sergey-lavrov] và [Ngoại trưởng|T] "
             "[Kyrgyzstan|C:country/kg] [Jeenbek Kulubaev|P:person/kulubaev] tại [Hà Nội|L:place/ha-noi].")
    assert len(m.participants) == 3


def test_sideline_meeting_of_a_named_dialogue_takes_its_day_and_venue():
    found = meetings(f"{TT} {US} {TRUMP} ngày 31/5 đã phát biểu tại Đối thoại Shangri-La ở "
                     "[Singapore|C:country/sg]. Bên lề diễn đàn, ông [Donald Trump|P:person/donald-trump] đã gặp "
                     "[Bộ trưởng Quốc phòng|T] [Philippines|C:country/ph] [Gilberto Teodoro|P:person/teodoro].",
                     date="2026-06-02")
    m = next(m for m in found if "person/teodoro" in m.participants)
    assert (m.date, m.place) == ("2026-05-31", "country/sg")


def test_a_planned_gathering_gives_a_sideline_contact_no_date():
    found = meetings("Hai bên nhất trí sớm tổ chức Đối thoại Chiến lược vào nửa cuối năm nay. "
                     f"{VN_PM} cũng đã có cuộc gặp với {TT} {US} {TRUMP} bên lề chuyến thăm.", date="2026-03-12")
    m = next(m for m in found if "person/donald-trump" in m.participants)
    assert m.date is None


def test_talks_coordinated_after_a_visit_have_the_visitor_as_subject():
    found = meetings(f"{TT} {RU} {PUTIN} cho biết ông mong chờ chuyến thăm [Trung Quốc|C:country/cn] và cuộc hội đàm "
                     "với [Chủ tịch|T] [Trung Quốc|C:country/cn] [Tập Cận Bình|P:person/tap-can-binh] tại "
                     "[Bắc Kinh|L:place/bac-kinh] vào ngày 10/5.", date="2026-05-09")
    talks = next(m for m in found if m.kind == "talks")
    assert (set(talks.participants), talks.place, talks.status) == (
        {"person/vladimir-putin", "person/tap-can-binh"}, "place/bac-kinh", "planned")


def test_an_earlier_round_of_the_series_is_a_contact_of_its_parties():
    found = meetings(f"Vòng đàm phán giữa {RU} và {US} đã diễn ra tại [Muscat|L:place/muscat] hôm 14/2. Vòng đầu tiên "
                     "cũng diễn ra tại [Oman|C:country/om] hồi tháng 1.", date="2026-02-16")
    assert sorted((m.date, tuple(sorted(m.participants)), m.status) for m in found) == [
        ("2026-01", ("country/ru", "country/us"), "held"), ("2026-02-14", ("country/ru", "country/us"), "held")]


def test_a_round_noun_marked_earlier_is_an_earlier_round():
    found = meetings(f"Vòng đàm phán giữa {RU} và {US} đã diễn ra tại [Muscat|L:place/muscat] hôm 14/2. Vòng đàm phán "
                     "trước diễn ra hôm 20/1 cũng tại [Muscat|L:place/muscat].", date="2026-02-16")
    assert sorted((m.date, tuple(sorted(m.participants))) for m in found) == [
        ("2026-01-20", ("country/ru", "country/us")), ("2026-02-14", ("country/ru", "country/us"))]
    # "trước khi" is a time, not a previous round
    assert len(meetings(f"Vòng đàm phán giữa {RU} và {US} đã diễn ra tại [Muscat|L:place/muscat] hôm 14/2. Vòng đàm "
                        "phán trước khi ký thỏa thuận kéo dài nhiều giờ.", date="2026-02-16")) == 1


def test_a_plan_after_an_earlier_round_does_not_borrow_its_venue():
    found = meetings(f"Phái đoàn {RU} và {US} đã đàm phán tại [London|L:place/london] ngày 10/6. Vòng đàm phán trước "
                     "giữa hai bên diễn ra tại [Geneva|L:place/geneva] vào tháng 5. Hai bên dự kiến sẽ gặp lại vào "
                     "tháng 8.", date="2026-06-11")
    assert sorted((m.date, m.place, m.status) for m in found) == [
        ("2026-05", "place/geneva", "held"), ("2026-06-10", "place/london", "held"), ("2026-08", None, "planned")]


def test_an_earlier_round_without_a_series_is_nothing():
    assert meetings(f"Vòng đầu tiên của cuộc bầu cử tổng thống {US} diễn ra hồi tháng 1.") == []


def test_the_speaker_before_an_aspect_word_is_the_subject_of_the_plan():
    m = only(f"Ông {TRUMP} cũng xác nhận sẽ gặp ông [Tập Cận Bình|P:person/tap-can-binh] tại "
             "[Thâm Quyến|L:place/tham-quyen] vào tháng 11 tới.", date="2026-09-11")
    assert (set(m.participants), m.date, m.place, m.status) == (
        {"person/donald-trump", "person/tap-can-binh"}, "2026-11", "place/tham-quyen", "planned")


def test_strengthening_dialogue_reports_no_contact():
    assert meetings(f"{TT} {RU} {PUTIN} và {TT} {US} {TRUMP} nhất trí tăng cường đối thoại và kiểm soát bất đồng.") == []


@pytest.mark.parametrize("text, day", [
    # "Cùng ngày 12.3" names its own day
    (f"{TT} {PUTIN} điện đàm với {TT} {US} {TRUMP} hôm 5.3. Cùng ngày 12.3, [Ngoại trưởng|T] {RU} "
     "[Sergey Lavrov|P:person/sergey-lavrov] đã tiếp [Đại sứ|T] [Pháp|C:country/fr] [Tom Reed|P:person/tom-reed]. "
     "Lúc 13h cùng ngày, ông [Sergey Lavrov|P:person/sergey-lavrov] gặp [Đại sứ|T] [Chile|C:country/cl] "
     "[Anne Roy|P:person/anne-roy].", "2026-03-12"),
    # a day opening a later sentence moves "cùng ngày" on; "cũng trong ngày" is that day
    (f"{TT} {PUTIN} điện đàm với {TT} {US} {TRUMP} hôm 5/3. Sáng 6/3, {TT} {PUTIN} phát biểu trước "
     "Quốc hội. Chiều cùng ngày, ông [Vladimir Putin|P:person/vladimir-putin] tiếp [Đại sứ|T] "
     "[Pháp|C:country/fr] [Tom Reed|P:person/tom-reed]. Cũng trong ngày, ông "
     "[Vladimir Putin|P:person/vladimir-putin] gặp [Đại sứ|T] [Chile|C:country/cl] "
     "[Anne Roy|P:person/anne-roy].", "2026-03-06"),
])
def test_cung_ngay_counts_from_the_day_the_story_is_at(text, day):
    dates = {m.participants[-1]: m.date for m in meetings(text, date="2026-03-13")}
    assert (dates["person/tom-reed"], dates["person/anne-roy"]) == (day, day)


def test_who_invited_the_traveller_stands_outside_the_clause():
    m = only(f"Nhận lời mời của {TT} {US} {TRUMP}, {TT} {RU} {PUTIN} đã tới [Washington|L:place/washington] "
             "hôm 5/3.", date="2026-03-13")
    assert m.kind == "visit" and "person/vladimir-putin" in m.participants and "person/donald-trump" not in m.participants


def test_a_city_of_the_host_named_by_another_report_is_the_visits_venue():
    m = only(f"{TT} {PUTIN} sẽ thăm [Trung Quốc|C:country/cn]. {TT} {PUTIN} sẽ có chuyến thăm cấp nhà nước tới "
             "[Bắc Kinh|L:place/bac-kinh] từ ngày 10 đến 12/5.", date="2026-05-02")
    assert (m.kind, m.place, m.date) == ("visit", "place/bac-kinh", "2026-05-10")
    assert "country/cn" in m.participants


def test_a_post_meeting_a_un_official_and_a_minister_on_the_sidelines_has_two_meetings(nlp):
    found = _pipeline_meetings(nlp, "Thủ tướng Lê Văn An đã tới New York để tham dự Phiên thảo luận chung cấp cao "
                               "của Đại hội đồng Liên hợp quốc. Bên lề phiên họp, Thủ tướng đã gặp Tổng Thư ký Liên "
                               "hợp quốc Ana Kovac và Ngoại trưởng Pháp Jean Roux.", "2026-09-25")
    # the general debate is no talks; each guest is a meeting of its own
    assert sorted(sorted(m.participants) for m in found) == [
        ["person/ana-kovac", "person/le-van-an"], ["person/jean-roux", "person/le-van-an"]]


def test_a_bodys_gathering_after_a_venue_preposition_is_where_the_contact_was_held(nlp):
    found = _pipeline_meetings(nlp, "Thủ tướng Lào Sonexay Siphandone và Thủ tướng Thái Lan Anutin Charnvirakul đã gặp "
                               "nhau tại Hội nghị Cấp cao ASEAN năm 2025 ở Kuala Lumpur.", "2026-05-15")
    parties = sorted((m.kind, tuple(sorted(m.participants))) for m in found)
    assert ("meeting", ("person/anutin-charnvirakul", "person/sonexay-siphandone")) in parties
    # the summit is the body's own, not a contact of the two leaders
    assert all(m.participants == ["org/asean"] for m in found if m.kind == "summit")


def test_a_past_verb_before_truoc_says_nothing_of_the_later_gatherings_status():
    found = meetings(f"Cuộc điện đàm diễn ra một tuần trước Hội nghị thượng đỉnh [G7|O:org/g7] dự kiến tổ chức tại "
                     "[Alberta|L:place/alberta].", date="2026-10-15")
    summit = next(m for m in found if m.kind == "summit")
    assert (summit.participants, summit.status) == (["org/g7"], "planned")


def test_a_fronted_venue_is_where_each_coordinated_contact_was_held():
    found = meetings(f"Chiều 4/3, tại [Amman|L:place/amman], {TT} {PUTIN} đã hội kiến [Quốc vương|T] "
                     "[Abdullah II|P:person/abdullah-ii] và hội đàm với [Ngoại trưởng|T] [Ayman Safadi|P:person/ayman-safadi].",
                     date="2026-03-05")
    assert sorted((m.participants[-1], m.place) for m in found) == [
        ("person/abdullah-ii", "place/amman"), ("person/ayman-safadi", "place/amman")]


def test_a_week_before_the_contact_just_dated_and_a_return_trip():
    found = meetings(f"{TT} {PUTIN} tiếp {TT} {TRUMP} tại [Tehran|L:place/tehran] ngày 21/5. Trước đó một tuần, "
                     f"{TT} {PUTIN} đã hội đàm với [Ngoại trưởng|T] {UA} [Andrii Sybiha|P:person/andrii-sybiha] tại "
                     "[Rome|L:place/rome].", date="2026-05-22")
    assert {m.participants[-1]: m.date for m in found}["person/andrii-sybiha"] == "2026-05-14"
    found = meetings(f"{TT} {TRUMP} đã tới {RU} hôm 20/5. {TT} {TRUMP} cho biết ông sẽ quay lại "
                     "[Moskva|L:place/moskva] vào tháng 6.", date="2026-05-22")
    assert ("visit", "planned", "2026-06") in {(m.kind, m.status, m.date) for m in found}


def test_a_bare_post_is_the_home_states_holder_when_several_states_have_one(nlp):
    doc = nlp.make_doc("Chiều 24/6, tại Thiên Tân, Thủ tướng Việt Nam Lê Văn An đã gặp Thủ tướng Trung Quốc "
                       "Lý Cường. Thủ tướng đề nghị hai bên đẩy nhanh kết nối đường sắt. Cùng ngày, Thủ "
                       "tướng tiếp Giám đốc điều hành Ngân hàng Thế giới Jean Roux.")
    doc._.article_date = "2026-06-25"
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    assert {tuple(sorted(m.participants)) for m in doc._.meetings} == {
        ("person/le-van-an", "person/ly-cuong"), ("person/jean-roux", "person/le-van-an")}
    assert [s.speaker for s in doc._.statements] == ["person/le-van-an"]


def test_a_status_cue_opening_the_next_predicate_is_not_the_contacts():
    m = only(f"{TT} {PUTIN} cũng gặp {TT} {TRUMP} và dự kiến phát biểu trước Quốc hội.", date="2026-06-25")
    assert m.status == "held"


def test_a_contact_verb_opening_the_sentence_has_the_subject_after_the_comma():
    m = only(f"Tiếp {TT} {TRUMP} ngày 27/3, {TT} {PUTIN} đề nghị hai nước sớm nối lại đối thoại.", date="2026-03-28")
    assert (sorted(m.participants), m.date) == (["person/donald-trump", "person/vladimir-putin"], "2026-03-27")


def test_the_sides_officials_unnamed_are_their_states():
    found = meetings(f"{TT} {RU} {PUTIN} đã tiếp {TT} {US} {TRUMP} hôm 2/4. Trước đó, [Bộ trưởng Ngoại giao|T] hai "
                     "nước đã có cuộc tham vấn chính trị lần thứ ba.", date="2026-04-03")
    assert sorted(tuple(sorted(m.participants)) for m in found) == [
        ("country/ru", "country/us"), ("person/donald-trump", "person/vladimir-putin")]


def test_a_speaker_travels_and_meets_whom_the_trip_is_for():
    found = meetings(f"{TT} {PUTIN} đã tới {UA} hôm 20/5. {TT} {TRUMP} cho biết sẽ tới [Kiev|L:place/kiev] vào tháng 6 "
                     f"để gặp [Tổng thống|T] {UA} [Volodymyr Zelensky|P:person/volodymyr-zelensky].", date="2026-05-22")
    kinds = {(m.kind, tuple(sorted(m.participants)), m.date) for m in found}
    assert ("visit", ("country/ua", "person/donald-trump"), "2026-06") in kinds
    assert ("meeting", ("person/donald-trump", "person/volodymyr-zelensky"), "2026-06") in kinds


def test_what_the_sides_discussed_belongs_to_the_call_even_with_more_parties_named(nlp):
    found = _pipeline_meetings(nlp, "Ngoại trưởng Lào điện đàm với Ngoại trưởng Thái Lan.\nBộ trưởng Ngoại giao Lào "
                               "Somsak Vong đã điện đàm với người đồng cấp Thái Lan Anan Chai tối 11/3. Hai bên thảo "
                               "luận về tình hình khu vực.", "2026-03-12")
    assert [m.kind for m in found] == ["call"]


@pytest.mark.parametrize("named, expected", [
    ("", {"country/us", "country/cn"}),  # no head of state named: the two states
    (f"{TT} {US} {TRUMP} và [Chủ tịch|T] [Trung Quốc|C:country/cn] [Tập Cận Bình|P:person/xi-jinping] "
     "từng gặp nhau tại [Busan|L:place/busan]. ", {"person/donald-trump", "person/xi-jinping"}),
])
def test_a_call_inside_a_relative_clause_is_its_subjects_the_leaders_of_the_two_states(named, expected):
    found = meetings(named + "[Bộ trưởng Tài chính|T] [Mỹ|C:country/us] [Scott Bessent|P:person/scott-bessent] và "
                     "[Phó Thủ tướng|T] [Trung Quốc|C:country/cn] [Hà Lập Phong|P:person/he-lifeng] đã đàm phán "
                     "tại [London|L:place/london] ngày 10/6. Ông Bessent cho biết hai bên đã nhất trí thực hiện "
                     "đồng thuận mà các nhà lãnh đạo hai nước đạt được trong cuộc điện đàm hôm 5/6.", date="2026-06-11")
    call = next(m for m in found if m.kind == "call")
    assert (set(call.participants), call.date) == (expected, "2026-06-05")


def test_readiness_to_send_a_delegation_to_join_talks_reports_no_talks():
    found = meetings(f"[Tổng thống|T] {UA} [Volodymyr Zelensky|P:person/volodymyr-zelensky] tuyên bố [Kiev|C:country/ua] "
                     f"sẵn sàng cử phái đoàn tới [Abu Dhabi|L:place/abu-dhabi] để tham gia vòng đàm phán ba bên với {RU} "
                     f"và {US}.", date="2026-11-15")
    assert found == []


def test_a_bare_post_after_a_fronted_venue_clause_is_the_subject():
    found = meetings("[Chủ tịch nước|T] [Lương Cường|P:person/luong-cuong] đã tiếp [Tổng Thư ký|T] [Liên hợp quốc|O:org/un] "
                     "[António Guterres|P:person/guterres]. Trong thời gian ở [Hà Nội|L:place/ha-noi], [Tổng Thư ký|T] "
                     "cũng sẽ hội kiến [Tổng Bí thư|T] [Tô Lâm|P:person/to-lam].", date="2026-09-13")
    planned = next(m for m in found if m.status == "planned")
    assert set(planned.participants) == {"person/guterres", "person/to-lam"}
