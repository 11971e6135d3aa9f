"""Tests for kg.extract.roles on hand-written news-style sentences.

Docs are built by hand (``[text|label:key]`` marks the entity and title spans
the recogniser would give), so the role rules are tested apart from it.
Labels: P Person, C Country, O Organization, L Place, T title.
"""

from __future__ import annotations


import pytest
import spacy
from spacy.language import Language

import kg.extract.facts  # noqa: F401
import kg.extract.participants  # noqa: F401  (declares span._.kg_key)
from kg.extract.roles import find_roles
from markup_support import make_doc





def roles(markup: str) -> set[tuple[str, str, str | None]]:
    return {(r.person, r.title, r.org) for r in find_roles(make_doc(markup))}


# (sentence, expected roles) - each a rule of the module
CASES = [
    # a remit of two regions joined by a dash, after the owner
    ("[Trợ lý Ngoại trưởng|T] [Mỹ|C:country/us] phụ trách [Đông Á|L:place/dong-a] - "
     "[Thái Bình Dương|L:place/thai-binh-duong] [Tom Reed|P:person/tom-reed] tới Hà Nội.",
     {("person/tom-reed", "Trợ lý Ngoại trưởng", "country/us")}),
    # an envoy's remit in lower case, then the owner after "của"; not for other posts
    ("[Đặc phái viên|T] khí hậu của [Mỹ|C:country/us] [Tom Reed|P:person/tom-reed] tới Bắc Kinh.",
     {("person/tom-reed", "Đặc phái viên khí hậu", "country/us")}),
    ("[Thủ tướng|T] mới của [Nhật Bản|C:country/jp] [Sato Ken|P:person/sato-ken] tới Bắc Kinh.", set()),
    # title, country, name
    ("[Tổng thống|T] [Nga|C:country/ru] [Vladimir Putin|P:person/vladimir-putin] tiếp phái đoàn [Mỹ|C:country/us].",
     {("person/vladimir-putin", "Tổng thống", "country/ru")}),
    # organisation as owner
    ("[Người phát ngôn|T] [Điện Kremlin|O:org/kremlin] [Dmitry Peskov|P] ngày 27/8 tuyên bố.",
     {("person/dmitry-peskov", "Người phát ngôn", "org/kremlin")}),
    # a royal rank after a comma, ending the clause: the same person
    ("Chiều 5/3, ông [Vương Nghị|P] đã hội đàm với [Ngoại trưởng|T] [Brunei|C:country/bn], [Hoàng tử|T] "
     "[Mohamed Bolkiah|P].",
     {("person/mohamed-bolkiah", "Hoàng tử", None), ("person/mohamed-bolkiah", "Ngoại trưởng", "country/bn")}),
    # ... but the subject of the next clause is someone else
    ("Sau khi tiếp [Ngoại trưởng|T] [Mỹ|C:country/us], [Thái tử|T] [Mohammed bin Salman|P:person/mohammed-bin-salman] "
     "đã phát biểu.", {("person/mohammed-bin-salman", "Thái tử", None)}),
    # a military rank after a comma, the name closed by a comma: the same person
    ("Ông [Lê Văn An|P] đã tiếp [Tư lệnh|T] [Hạm đội 7|O:org/ham-doi-7] của [Mỹ|C:country/us], [Đô đốc|T] "
     "[John Miller|P:person/john-miller], tại Đà Nẵng.",
     {("person/john-miller", "Đô đốc", None), ("person/john-miller", "Tư lệnh", "org/ham-doi-7")}),
    # a post, then "ông" and a name closed by a comma: an apposition wherever it stands
    ("Thủ tướng đã tiếp [Ngoại trưởng|T] [Pháp|C:country/fr], ông [Jean Roux|P:person/jean-roux], tại Tokyo.",
     {("person/jean-roux", "Ngoại trưởng", "country/fr")}),
    # a post with its owner after a name, the predicate right after it: the name's post
    ("[Đại tướng|T] [Lê Văn An|P:person/le-van-an], [Bộ trưởng|T] [Bộ Quốc phòng Lào|O:org/la-mod] đã hội đàm "
     "với ông [Jean Roux|P:person/jean-roux].",
     {("person/le-van-an", "Đại tướng", None), ("person/le-van-an", "Bộ trưởng", "org/la-mod")}),
    # "quyền" ending the word "chính quyền" is no prefix of the post after it
    ("Ông [Jean Roux|P:person/jean-roux] cho biết chính quyền [Tổng thống|T] [Mỹ|C:country/us] "
     "[John Miller|P:person/john-miller] muốn đàm phán.",
     {("person/john-miller", "Tổng thống", "country/us")}),
    # a post described instead of owned: "the host country's president"
    ("Hội nghị do [Tổng thống|T] nước chủ nhà [Santiago Peña|P:person/santiago-pena] chủ trì.",
     {("person/santiago-pena", "Tổng thống", None)}),
    # a formal honorific between the owner and the name
    ("[Thủ tướng|T] kiêm [Ngoại trưởng|T] [Qatar|C:country/qa] Sheikh [Hamad bin Nasser|P:person/hamad-bin-nasser] "
     "làm trung gian.", {("person/hamad-bin-nasser", "Thủ tướng", "country/qa"),
                         ("person/hamad-bin-nasser", "Ngoại trưởng", "country/qa")}),
    # a common noun describing the body before its name
    ("[Giám đốc|T] cơ quan tình báo [Mossad|O:org/mossad] [Avi Cohen|P:person/avi-cohen] dẫn đầu phái đoàn.",
     {("person/avi-cohen", "Giám đốc", "org/mossad")}),
    # honorific after a comma
    ("[Trợ lý Tổng thống|T] [Nga|C:country/ru], ông [Yury Ushakov|P], cũng ca ngợi cuộc gặp.",
     {("person/yury-ushakov", "Trợ lý Tổng thống", "country/ru")}),
    # a post "of" another post: the owner is the country after both
    ("Hôm 31/1, [đặc phái viên|T] của [Tổng thống|T] [Nga|C:country/ru] - ông [Kirill Dmitriev|P] đã đến [Mỹ|C].",
     {("person/kirill-dmitriev", "đặc phái viên của Tổng thống", "country/ru")}),
    # two posts joined by "kiêm", the first with a complement opened by "về"
    ("Ông là [Đặc phái viên|T] về đầu tư và hợp tác kinh tế, kiêm [Tổng giám đốc|T] "
     "[Quỹ Đầu tư Trực tiếp Nga|O:org/rdif] ([RDIF|O:org/rdif]) [Kirill Dmitriev|P].",
     {("person/kirill-dmitriev", "Tổng giám đốc", "org/rdif"),
      ("person/kirill-dmitriev", "Đặc phái viên về đầu tư và hợp tác kinh tế", None)}),
    # the first organisation holds the post, "thuộc" adds its parent
    ("Ông [Ủy viên|T] [Cơ quan Mua sắm Liên bang|O:org/fas] thuộc [Tổng cục Dịch vụ|O:org/gsa] "
     "[Josh Gruenbaum|P] có mặt.",
     {("person/josh-gruenbaum", "Ủy viên", "org/fas")}),
    # apposition between commas (and a rank before the name)
    ("Phái đoàn do [Đô đốc|T] [Igor Kostyukov|P], [Cục trưởng|T] [Cục Tình báo Quân sự GRU|O:org/gru], dẫn đầu.",
     {("person/igor-kostyukov", "Đô đốc", None), ("person/igor-kostyukov", "Cục trưởng", "org/gru")}),
    # owner written after the name
    ("Ông Trump vừa điện đàm với [Tổng thống|T] [Putin|P:person/vladimir-putin] của [Nga|C:country/ru].",
     {("person/vladimir-putin", "Tổng thống", "country/ru")}),
    # a counterpart holds the post of the other leader, for the country written
    ("[Tổng thống|T] [Nga|C:country/ru] [Vladimir Putin|P] có thể gặp người đồng cấp [Mỹ|C:country/us] "
     "[Donald Trump|P] trong tuần tới.",
     {("person/vladimir-putin", "Tổng thống", "country/ru"), ("person/donald-trump", "Tổng thống", "country/us")}),
    # unowned posts of a listed side belong to that side
    ("Phía [Mỹ|C:country/us] gồm [Đặc phái viên|T] [Steve Witkoff|P] và ông [Jared Kushner|P].",
     {("person/steve-witkoff", "Đặc phái viên", "country/us")}),
    ("Về phía [Nhật Bản|C:country/jp], [Thứ trưởng Ngoại giao|T] [Funakoshi Takehiro|P] cho biết.",
     {("person/funakoshi-takehiro", "Thứ trưởng Ngoại giao", "country/jp")}),
    # "Phó" makes another post
    ("Phó [Tổng thống|T] [Mỹ|C:country/us] [JD Vance|P] cũng nói rằng.",
     {("person/jd-vance", "Phó Tổng thống", "country/us")}),
    # comma-listed posts at the start of a designation
    ("[Phó Thủ tướng|T], [Bộ trưởng Ngoại giao|T] [Bùi Thanh Sơn|P:person/bui-thanh-son] đã tiếp [Đại sứ|T] [Nhật Bản|C:country/jp] "
     "[Ito Naoki|P].",
     {("person/bui-thanh-son", "Phó Thủ tướng", None), ("person/bui-thanh-son", "Bộ trưởng Ngoại giao", None),
      ("person/ito-naoki", "Đại sứ", "country/jp")}),
    # an institution the recogniser left unnamed stays in the title
    ("[Chủ tịch|T] Quốc hội [Trần Thanh Mẫn|P:person/tran-thanh-man] tiếp đoàn đại biểu [Lào|C:country/la].",
     {("person/tran-thanh-man", "Chủ tịch Quốc hội", None)}),
    # an ambassador "tại" a country belongs to the sending state
    ("[Đại sứ|T] [Việt Nam|C:country/vn] tại [Mỹ|C:country/us] [Nguyễn Quốc Dũng|P:person/nguyen-quoc-dung] tham dự.",
     {("person/nguyen-quoc-dung", "Đại sứ", "country/vn")}),
    # posts listed after the name: the last needs no closing comma
    ("Đại tướng [Lê Văn Tâm|P:person/le-van-tam], [Ủy viên Bộ Chính trị|T], [Bộ trưởng Quốc phòng|T] "
     "[Việt Nam|C:country/vn] đã hội đàm với đoàn.",
     {("person/le-van-tam", "Ủy viên Bộ Chính trị", "country/vn"),
      ("person/le-van-tam", "Bộ trưởng Quốc phòng", "country/vn")}),
    # ... unless it is the post of the name after it
    ("Ông [Lê Văn Tâm|P:person/le-van-tam], [Bộ trưởng Ngoại giao|T], [Thứ trưởng|T] [Trần An|P:person/tran-an] "
     "và ông [Hồ Bình|P] đã dự.",
     {("person/le-van-tam", "Bộ trưởng Ngoại giao", None), ("person/tran-an", "Thứ trưởng", None),
      ("person/tran-an", "Bộ trưởng Ngoại giao", None)}),
    # a remit after the owner ("phụ trách ...") stands between the post and the name
    ("[Thứ trưởng Quốc phòng|T] [Mỹ|C:country/us] phụ trách chính sách [Tom Reed|P:person/tom-reed] phát biểu.",
     {("person/tom-reed", "Thứ trưởng Quốc phòng", "country/us")}),
    # a named remit after the owner ("về Trung Đông") stands there too
    ("[Đặc phái viên|T] [Mỹ|C:country/us] về [Trung Đông|L:place/trung-dong] [Tom Reed|P:person/tom-reed] phát biểu.",
     {("person/tom-reed", "Đặc phái viên", "country/us")}),
    ("[Đặc phái viên|T] [Liên hợp quốc|O:org/un] về vấn đề [Yemen|C:country/ye] [Hans Lund|P:person/hans-lund] "
     "phát biểu.", {("person/hans-lund", "Đặc phái viên", "org/un")}),
    # "nước này" points back to the country named before the post
    ("[Thái Lan|C:country/th] cho biết [Ngoại trưởng|T] nước này [Somchai Wong|P:person/somchai-wong] sẽ tới.",
     {("person/somchai-wong", "Ngoại trưởng", "country/th")}),
    ("[Trợ lý Ngoại trưởng|T] [Mỹ|C:country/us] phụ trách Nam và [Trung Á|L:place/trung-a] [Tom Reed|P:person/tom-reed] "
     "phát biểu.", {("person/tom-reed", "Trợ lý Ngoại trưởng", "country/us")}),
    # the city where a consul serves is no owner: the country before it is
    ("[Tổng Lãnh sự|T] [Hoa Kỳ|C:country/us] tại [TP Hồ Chí Minh|L:place/tp-hcm] [Susan Gray|P] phát biểu.",
     {("person/susan-gray", "Tổng Lãnh sự", "country/us")}),
    # a complement opened by "về" ends before the "của" that links the owner
    ("[Đại diện cấp cao|T] về chính sách an ninh và đối ngoại của [Liên minh châu Âu|O:org/eu] (EU) "
     "[Kaja Kallas|P] phát biểu.",
     {("person/kaja-kallas", "Đại diện cấp cao về chính sách an ninh và đối ngoại", "org/eu")}),
]

NO_ROLE = [
    # a comma ends the designation of another, unnamed person
    "Sau khi tiếp [Ngoại trưởng|T] [Mỹ|C], ông [Vladimir Putin|P] phát biểu.",
    # "theo <post>," is a source, not a post of the next name
    "Theo [người phát ngôn|T] [Điện Kremlin|O], ông [Yury Ushakov|P] sẽ tham dự.",
    # a description that is no post
    "[Nhà lãnh đạo|T] [Nga|C] [Vladimir Putin|P] phát biểu.",
    # a name with no post at all
    "Ông [Donald Trump|P] và ông [Vladimir Putin|P] đã gặp nhau.",
    # words between post and name that are no designation
    "[Tổng thống|T] [Nga|C] cho biết ông [Vladimir Putin|P] sẽ đến.",
]


@pytest.mark.parametrize("markup,expected", CASES)
def test_designations(markup, expected):
    assert roles(markup) == expected


@pytest.mark.parametrize("markup", NO_ROLE)
def test_no_role(markup):
    assert not any(r[0] == "person/vladimir-putin" or r[0] == "person/yury-ushakov" or r[1] == "Nhà lãnh đạo"
                   for r in roles(markup))


def test_repeated_and_shorter_posts_merge_keeping_owner():
    doc = make_doc(
        "[Trợ lý Tổng thống|T] [Yury Ushakov|P] tham dự. "
        "[Trợ lý Tổng thống|T] [Nga|C:country/ru], ông [Yury Ushakov|P], cho biết. "
        "[Trợ lý|T] [Yury Ushakov|P] nói thêm."
    )
    found = find_roles(doc)
    assert [(r.person, r.title, r.org) for r in found] == [
        ("person/yury-ushakov", "Trợ lý Tổng thống", "country/ru")]


def test_same_title_for_different_owners_stays_apart():
    doc = make_doc(
        "[Đặc phái viên|T] [Mỹ|C:country/us] [Steve Witkoff|P] tham dự. "
        "Ông từng là [Đặc phái viên|T] [Liên hợp quốc|O:org/un] [Steve Witkoff|P]."
    )
    assert {(r.title, r.org) for r in find_roles(doc)} == {("Đặc phái viên", "country/us"),
                                                           ("Đặc phái viên", "org/un")}


def test_state_posts_get_the_known_nationality_of_a_named_country():
    # persons.tsv knows all three; a president's post is the state's, a
    # spokesperson's may be a ministry's, and Ukraine is not named in the text
    found = roles("[Tổng thống|T] [Trump|P:person/donald-trump] nói về [Mỹ|C:country/us] và [Nga|C:country/ru]. "
                  "[Người phát ngôn|T] [Dmitry Peskov|P:person/dmitry-peskov] nói. "
                  "[Tổng thống|T] [Zelensky|P:person/volodymyr-zelensky] nói.")
    assert found == {("person/donald-trump", "Tổng thống", "country/us"),
                     ("person/dmitry-peskov", "Người phát ngôn", None),
                     ("person/volodymyr-zelensky", "Tổng thống", None)}


def test_party_posts_of_a_vietnamese_leader_are_the_states():
    # a Vietnamese full name no list knows; the Party leads the state
    found = roles("[Tổng Bí thư|T] [Nguyễn Văn Khải|P:person/nguyen-van-khai] tiếp [Đại sứ|T] [Lào|C:country/la] "
                  "[Khamphao Ernthavanh|P:person/khamphao-ernthavanh] tại [Việt Nam|C:country/vn].")
    assert ("person/nguyen-van-khai", "Tổng Bí thư", "country/vn") in found


def test_evidence_spans_the_designation():
    doc = make_doc("Hôm qua, [Ngoại trưởng|T] [Nga|C:country/ru] [Sergey Lavrov|P] nói với NBC News.")
    (role,) = find_roles(doc)
    ev = role.evidence
    assert ev.text == "Ngoại trưởng Nga Sergey Lavrov" == doc.text[ev.start:ev.end]
    assert ev.sentence == doc.text.strip() and ev.sentence_start == 0
    assert 0 < ev.confidence <= 1


def test_component_fills_doc_roles():
    nlp = spacy.blank("xx")
    assert "kg_roles" in Language.factories
    component = nlp.add_pipe("kg_roles")
    doc = component(make_doc("[Thủ tướng|T] [Ấn Độ|C:country/in] [Narendra Modi|P] thăm Nhật Bản."))
    assert [(r.person, r.title, r.org) for r in doc._.roles] == [
        ("person/narendra-modi", "Thủ tướng", "country/in")]


def test_doc_without_titles_or_entities():
    doc = spacy.blank("xx")("Không có ai ở đây.")
    doc._.article_date = None
    assert find_roles(doc) == []


@pytest.mark.parametrize("markup, expected", [
    # a local post owns the place after it
    ("[Thị trưởng|T] [Lyon|L:place/lyon] [Marie Dubois|P:person/marie-dubois] đã tiếp đoàn.",
     ("person/marie-dubois", "Thị trưởng", "place/lyon")),
    ("[Bí thư Tỉnh ủy|T] [Quảng Ninh|L:place/quang-ninh] [Đỗ Văn Hải|P:person/do-van-hai] cho biết.",
     ("person/do-van-hai", "Bí thư Tỉnh ủy", "place/quang-ninh")),
    # any post owns a place after a unit word
    ("[Chủ tịch|T] tỉnh [Quảng Nam|L:place/quang-nam] [Lê Văn Dũng|P:person/le-van-dung] tiếp đoàn.",
     ("person/le-van-dung", "Chủ tịch", "place/quang-nam")),
    ("[Tỉnh trưởng|T] tỉnh [Kampot|L:place/kampot] [Sok Dara|P:person/sok-dara] dẫn đầu đoàn.",
     ("person/sok-dara", "Tỉnh trưởng", "place/kampot")),
])
def test_local_posts_are_the_places(markup, expected):
    assert expected in roles(markup)


def test_a_national_post_does_not_own_a_place():
    # "tại Lyon" is where, and a state post never belongs to a city
    found = roles("[Tổng thống|T] [Lyon|L:place/lyon] [Marie Dubois|P:person/marie-dubois] phát biểu.")
    assert not any(org == "place/lyon" for _p, _t, org in found)
