"""Role rules added for unseen articles: side scope, post lists, copula,
owner descriptors and the holder's own nationality (sentences written for
these tests in Vietnamese news style)."""

from __future__ import annotations

import pytest

from tests.extract.test_roles import roles

CASES = [
    # a new side marker ends the previous side; each side owns its own list
    ("Phái đoàn [Nga|C:country/ru] gồm [Trợ lý|T] [Yury Ushakov|P] và [Ngoại trưởng|T] [Sergei Lavrov|P], "
     "trong khi phía [Mỹ|C:country/us] có [Ngoại trưởng|T] [Marco Rubio|P] và [Đặc phái viên|T] [Steve Witkoff|P].",
     {("person/yury-ushakov", "Trợ lý", "country/ru"), ("person/sergei-lavrov", "Ngoại trưởng", "country/ru"),
      ("person/marco-rubio", "Ngoại trưởng", "country/us"),
      ("person/steve-witkoff", "Đặc phái viên", "country/us")}),
    # ";" ends a side too, and a bare name may stand inside the list
    ("Đoàn [Mỹ|C:country/us] gồm ông [Jared Kushner|P], [Đặc phái viên|T] [Steve Witkoff|P]; "
     "[Bộ trưởng Quốc phòng|T] [Andrii Sobolev|P] cũng có mặt.",
     {("person/steve-witkoff", "Đặc phái viên", "country/us"),
      ("person/andrii-sobolev", "Bộ trưởng Quốc phòng", None)}),
    # a side covers its list only: a post after a verb is not the side's
    ("Phía [Mỹ|C:country/us], [Đặc phái viên|T] [Steve Witkoff|P] đã hội kiến [Tổng thống|T] "
     "[Andrei Volkov|P] tại thủ đô.",
     {("person/steve-witkoff", "Đặc phái viên", "country/us"), ("person/andrei-volkov", "Tổng thống", None)}),
    # a side marker inside the sentence needs a list word after the owner
    ("Ông [Andrei Volkov|P] tiếp đoàn [Lào|C:country/la], [Thứ trưởng|T] [Nguyễn Văn An|P:person/nguyen-van-an] cũng dự.",
     {("person/nguyen-van-an", "Thứ trưởng", None)}),
    # the country after the last of listed posts owns them all
    ("[Tổng Bí thư|T], [Chủ tịch nước|T] [Lào|C:country/la] [Thongloun Sisoulith|P] đã tiếp đoàn.",
     {("person/thongloun-sisoulith", "Tổng Bí thư", "country/la"),
      ("person/thongloun-sisoulith", "Chủ tịch nước", "country/la")}),
    ("[Thủ tướng|T] kiêm [Ngoại trưởng|T] [Qatar|C:country/qa] [Mohammed Al Thani|P] phát biểu.",
     {("person/mohammed-al-thani", "Thủ tướng", "country/qa"),
      ("person/mohammed-al-thani", "Ngoại trưởng", "country/qa")}),
    # copula: post, owner and complement after the name
    ("Ông [Lưu Kiến Siêu|P:person/luu-kien-sieu], người vừa được bổ nhiệm, hôm nay cho biết. Ông [Lưu Kiến Siêu|P:person/luu-kien-sieu] là "
     "[Đại diện đặc biệt|T] của [Trung Quốc|C:country/cn] về các vấn đề Á-Âu.",
     {("person/luu-kien-sieu", "Đại diện đặc biệt", "country/cn")}),
    ("Bà [Anna Berg|P] hiện là [Đại sứ|T] [Thụy Điển|C:country/se] tại Hà Nội.",
     {("person/anna-berg", "Đại sứ", "country/se")}),
    # a descriptor between the post and its country
    ("[Ngoại trưởng|T] nước chủ nhà [Kyrgyzstan|C:country/kg] [Jeenbek Kulubaev|P] phát biểu khai mạc.",
     {("person/jeenbek-kulubaev", "Ngoại trưởng", "country/kg")}),
    # a legislature written with its country is the organisation of the post
    ("[Chủ tịch|T] [Quốc hội Lào|O:org/quoc-hoi-lao] [Saysomphone Phomvihane|P] hội đàm.",
     {("person/saysomphone-phomvihane", "Chủ tịch", "org/quoc-hoi-lao")}),
]

NOT_A_COPULA = [
    # a post after "là" followed by more words is a description, not a designation
    "Ông [Andrei Volkov|P] là [Tổng thống|T] đầu tiên thăm [Lào|C:country/la].",
]


@pytest.mark.parametrize("markup,expected", CASES)
def test_rules(markup, expected):
    assert roles(markup) == expected


@pytest.mark.parametrize("markup", NOT_A_COPULA)
def test_not_a_copula(markup):
    assert roles(markup) == set()


def test_side_never_overrides_known_nationality():
    # persons.tsv knows Putin as Russian: "Phía Mỹ" does not make him Mỹ's
    found = roles("Phía [Mỹ|C:country/us] gồm [Đặc phái viên|T] [Steve Witkoff|P:person/steve-witkoff] và "
                  "[Tổng thống|T] [Vladimir Putin|P:person/vladimir-putin].")
    assert found == {("person/steve-witkoff", "Đặc phái viên", "country/us"),
                     ("person/vladimir-putin", "Tổng thống", None)}


def test_unwritten_owner_is_own_nationality_only():
    # Nga is not named: Putin's post stays without owner, never Mỹ from context
    found = roles("[Tổng thống|T] [Vladimir Putin|P:person/vladimir-putin] điện đàm với [Mỹ|C:country/us].")
    assert found == {("person/vladimir-putin", "Tổng thống", None)}
    found = roles("[Tổng thống|T] [Vladimir Putin|P:person/vladimir-putin] điện đàm về [Nga|C:country/ru].")
    assert found == {("person/vladimir-putin", "Tổng thống", "country/ru")}


def test_vietnamese_leaders_belong_to_viet_nam_when_it_is_named():
    text = ("[Chủ tịch|T] Quốc hội [Trần Văn Bình|P:person/tran-van-binh] và [Thủ tướng|T] "
            "[Phạm Minh Chính|P:person/pham-minh-chinh] tiếp [Bộ trưởng|T] [Vương Nghị|P:person/vuong-nghi]")
    assert roles(text + " tại [Việt Nam|C:country/vn].") == {
        ("person/tran-van-binh", "Chủ tịch Quốc hội", "country/vn"),
        ("person/pham-minh-chinh", "Thủ tướng", "country/vn"),
        ("person/vuong-nghi", "Bộ trưởng", None)}
    assert {r[2] for r in roles(text + ".")} == {None}
