"""The Vietnamese lexicons under kg/lang/vi/ and their loader kg.lang.lexicons."""

from __future__ import annotations

import doctest
import re
import unicodedata
from importlib import resources

import pytest

from kg.lang import lexicons

# The lexicons specified together (other kg/lang/vi/*.tsv files belong to their modules).
HEADERS = {
    "countries": ["key", "name", "variants", "capitals", "wikidata", "ambiguous"],
    "organizations": ["key", "name", "variants", "abbreviations", "kind", "country", "wikidata"],
    "outlets": ["key", "name", "variants", "country", "wikidata"],
    "persons": ["key", "name", "variants", "country", "wikidata"],
    "places": ["key", "name", "variants", "country", "kind", "wikidata", "ambiguous"],
    "titles": ["title", "category"],
    "reporting_verbs": ["verb", "speech_act"],
    "meeting_triggers": ["trigger", "kind"],
    "status_cues": ["cue", "status"],
    "honorifics": ["word", "gender"],
    "org_heads": ["head", "kind"],
    "outlet_cues": ["cue"],
}
ENTITY_FILES = ["countries", "organizations", "outlets", "persons", "places"]
ORG_KINDS = {"international", "government", "legislature", "party", "military",
             "intelligence", "agency", "company", "ngo"}
QID = re.compile(r"Q[1-9]\d*")
# Old-style tone placement ("hoà", "uỷ"): the lexicons use the new style ("hòa", "ủy").
OLD_TONE = re.compile(r"(?<![qQ])(?:[oO][àáảãạèéẻẽẹ]|[uU][ỳýỷỹỵ])(?![^\W\d_])")


def raw_lines(name: str) -> list[str]:
    path = resources.files("kg.lang").joinpath("vi", f"{name}.tsv")
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf"), f"{name}.tsv starts with a BOM"
    return data.decode("utf-8").split("\n")


def data_lines(name: str) -> list[list[str]]:
    """Header and records as raw cell lists (comments and blank lines dropped)."""
    return [line.split("\t") for line in raw_lines(name) if line.strip() and not line.startswith("#")]


def by_key(name: str) -> dict[str, dict]:
    first = HEADERS[name][0]
    return {row[first]: row for row in lexicons.load(name)}


def surface_forms(row: dict) -> list[str]:
    forms = [row["name"], *row.get("variants", []), *row.get("abbreviations", [])]
    return [f for f in forms if f]


def slug(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


COUNTRY_KEYS = set(by_key("countries"))


# --------------------------------------------------------------------------- #
# File format, for every lexicon


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_file_format(name):
    lines = data_lines(name)
    assert lines[0] == HEADERS[name], "header row"
    width = len(HEADERS[name])
    for cells in lines[1:]:
        assert len(cells) == width, cells
        for cell in cells:
            assert cell == cell.strip(), f"stray white space in {cell!r}"
            assert unicodedata.normalize("NFC", cell) == cell, f"not NFC: {cell!r}"
            assert not OLD_TONE.search(cell), f"old-style tone mark in {cell!r}"
            assert "||" not in cell and not cell.startswith("|") and not cell.endswith("|")
    keys = [cells[0] for cells in lines[1:]]
    assert all(keys), "empty first column"
    assert len(keys) == len(set(keys)), "duplicate keys"
    assert keys == sorted(keys), "rows are not sorted by the first column"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_loads_with_the_header_columns(name):
    rows = lexicons.load(name)
    assert rows, name
    for row in rows:
        assert list(row) == HEADERS[name]
        for col, cell in row.items():
            if col in lexicons.MULTI_VALUED:
                assert isinstance(cell, list) and all(cell) and len(cell) == len(set(cell))
            else:
                assert isinstance(cell, str)


@pytest.mark.parametrize("name", ENTITY_FILES)
def test_entity_files(name):
    qids = []
    for row in lexicons.load(name):
        assert row["name"], row
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", row["key"]), row["key"]
        assert row["name"] not in row["variants"], row["key"]
        if "country" in row:
            assert row["country"] == "" or row["country"] in COUNTRY_KEYS, row
        if row["wikidata"]:
            assert QID.fullmatch(row["wikidata"]), row
            qids.append(row["wikidata"])
    assert len(qids) == len(set(qids)), "one Q-id on two rows"


@pytest.mark.parametrize("name", ENTITY_FILES)
def test_a_surface_form_names_one_record(name):
    """Within a file no name/variant/abbreviation points at two records."""
    seen: dict[str, str] = {}
    for row in lexicons.load(name):
        forms = surface_forms(row)
        if name == "countries":
            forms += row["capitals"]
        for form in {f.casefold() for f in forms}:
            assert seen.setdefault(form, row["key"]) == row["key"], (form, seen[form], row["key"])


# --------------------------------------------------------------------------- #
# countries.tsv


def test_countries_cover_the_sovereign_states():
    countries = by_key("countries")
    assert len(countries) >= 197  # 193 UN members + va, ps, tw, xk
    assert {"va", "ps", "tw", "xk", "vn", "ss", "tl", "me"} <= set(countries)
    for key, row in countries.items():
        assert re.fullmatch(r"[a-z]{2}", key)
        assert row["capitals"], f"{key} has no capital"
        assert QID.fullmatch(row["wikidata"]), key
        assert row["ambiguous"] in {"", "1"}
    names = {row["name"] for row in countries.values()}
    assert "Liên minh châu Âu" not in names and "eu" not in countries


@pytest.mark.parametrize(
    ("key", "name", "variant", "capital"),
    [
        ("us", "Mỹ", "Hoa Kỳ", "Washington"),
        ("ru", "Nga", "Liên bang Nga", "Moskva"),
        ("ru", "Nga", "Liên bang Nga", "Moscow"),
        ("cn", "Trung Quốc", "Cộng hòa Nhân dân Trung Hoa", "Bắc Kinh"),
        ("kr", "Hàn Quốc", "Đại Hàn Dân Quốc", "Seoul"),
        ("kp", "Triều Tiên", "CHDCND Triều Tiên", "Bình Nhưỡng"),
        ("ae", "Các Tiểu vương quốc Ả Rập Thống nhất", "UAE", "Abu Dhabi"),
        ("ae", "Các Tiểu vương quốc Ả Rập Thống nhất", "Các Tiểu vương quốc Arab Thống nhất", "Abu Dhabi"),
        ("vn", "Việt Nam", "Cộng hòa Xã hội Chủ nghĩa Việt Nam", "Hà Nội"),
        ("ua", "Ukraine", "U-crai-na", "Kiev"),
        ("ua", "Ukraine", "U-crai-na", "Kyiv"),
        ("in", "Ấn Độ", "Cộng hòa Ấn Độ", "New Delhi"),
        ("jp", "Nhật Bản", "Nhật", "Tokyo"),
        ("gb", "Anh", "Vương quốc Anh", "London"),
    ],
)
def test_country_lookups(key, name, variant, capital):
    row = by_key("countries")[key]
    assert row["name"] == name
    assert variant in row["variants"]
    assert capital in row["capitals"]


def test_ambiguous_country_names_are_flagged():
    countries = by_key("countries")
    for key in ("gb", "de", "fr", "it", "at", "jp", "us"):
        assert countries[key]["ambiguous"] == "1", key
    for key in ("ru", "cn", "vn", "ua", "kr"):
        assert countries[key]["ambiguous"] == "", key


# --------------------------------------------------------------------------- #
# organisations, outlets, persons, places


def test_organizations():
    orgs = by_key("organizations")
    assert len(orgs) >= 80
    for row in orgs.values():
        assert row["kind"] in ORG_KINDS, row
    assert {"LHQ", "UN"} <= set(orgs["un"]["abbreviations"])
    assert orgs["nato"]["abbreviations"] == ["NATO"]
    assert "EU" in orgs["eu"]["abbreviations"] and orgs["eu"]["name"] == "Liên minh châu Âu"
    assert orgs["kremlin"]["name"] == "Điện Kremlin" and orgs["kremlin"]["country"] == "ru"
    assert orgs["white-house"]["name"] == "Nhà Trắng" and orgs["white-house"]["country"] == "us"
    gru = orgs["gru"]
    assert (gru["name"], gru["abbreviations"], gru["kind"]) == ("Cục Tình báo Quân sự", ["GRU"], "intelligence")
    assert orgs["rdif"]["name"] == "Quỹ Đầu tư Trực tiếp Nga"
    assert orgs["cpv"]["name"] == "Đảng Cộng sản Việt Nam" and orgs["cpv"]["kind"] == "party"


def test_outlets():
    outlets = by_key("outlets")
    assert len(outlets) >= 70
    assert outlets["tass"]["country"] == "ru"
    assert "Xinhua" in outlets["xinhua"]["variants"]
    assert "TTXVN" in outlets["ttxvn"]["variants"]
    names = {row["name"] for row in outlets.values()}
    assert {"Reuters", "AFP", "Bloomberg", "Axios", "NBC News", "VTC News", "X", "Telegram"} <= names


def test_persons():
    persons = by_key("persons")
    assert len(persons) >= 150
    for key, row in persons.items():
        assert key == slug(row["name"]), key
        assert row["country"] in COUNTRY_KEYS, key
    assert "Vladimir Zelensky" in persons["volodymyr-zelensky"]["variants"]
    assert "Xi Jinping" in persons["tap-can-binh"]["variants"]
    assert "Sergei Lavrov" in persons["sergey-lavrov"]["variants"]
    assert {"to-lam", "luong-cuong", "pham-minh-chinh", "le-hoai-trung"} <= set(persons)


def test_places():
    places = by_key("places")
    assert len(places) >= 150
    kinds = {"city", "region", "venue", "continent", "sea"}
    for key, row in places.items():
        assert row["kind"] in kinds, key
        assert key == slug(row["name"]), key
    capitals = {c.casefold() for row in lexicons.load("countries") for c in row["capitals"]}
    for row in places.values():
        for form in surface_forms(row):
            assert form.casefold() not in capitals, f"capital {form!r} belongs in countries.tsv"
    assert places["alaska"]["country"] == "us"
    assert "Trại David" in places["camp-david"]["variants"]
    assert places["bien-dong"]["kind"] == "sea"
    assert all(row["ambiguous"] in {"", "1"} for row in places.values())
    provinces = [row for row in places.values() if row["country"] == "vn" and row["kind"] in ("region", "city")]
    assert len(provinces) >= 63  # every province and centrally-run city, before and after the 2025 merger
    assert places["hoa-binh"]["ambiguous"] == "1"  # "hòa bình" is also "peace"


# --------------------------------------------------------------------------- #
# cue lexicons


def table(name: str) -> dict[str, str]:
    first, second = HEADERS[name]
    return {row[first]: row[second] for row in lexicons.load(name)}


def test_titles():
    titles = table("titles")
    assert len(titles) >= 120
    assert set(titles.values()) <= {
        "head_of_state", "head_of_government", "party", "legislature", "minister", "deputy",
        "diplomat", "envoy", "advisor", "spokesperson", "military", "executive", "royal",
        "member", "other",
    }
    for title in ("Tổng thống", "Phó Tổng thống", "Trợ lý Tổng thống", "Ngoại trưởng",
                  "Người phát ngôn", "Đặc phái viên", "Cục trưởng", "Tổng giám đốc", "Ủy viên"):
        assert title in titles, title
    assert titles["Tổng Bí thư"] == "party" and titles["Đô đốc"] == "military"


def test_reporting_verbs():
    verbs = table("reporting_verbs")
    assert len(verbs) >= 60
    assert verbs["cho biết"] == "statement" and verbs["nhấn mạnh"] == "emphasis"
    assert verbs["cáo buộc"] == "accusation" and verbs["bác bỏ"] == "rejection"


def test_meeting_triggers():
    triggers = table("meeting_triggers")
    assert set(triggers.values()) == {"meeting", "call", "talks", "summit", "visit"}
    assert triggers["điện đàm"] == "call" and triggers["hội đàm trực tuyến"] == "call"
    assert triggers["hội kiến"] == "meeting" and triggers["vòng đàm phán"] == "talks"
    assert triggers["hội nghị thượng đỉnh"] == "summit" and triggers["thăm cấp nhà nước"] == "visit"


def test_status_cues():
    cues = table("status_cues")
    assert set(cues.values()) == {"planned", "held", "possible"}
    assert cues["sẽ"] == cues["dự kiến"] == cues["tuần tới"] == "planned"
    assert cues["đã"] == cues["vừa"] == cues["kéo dài"] == "held"
    assert cues["không loại trừ khả năng"] == cues["có thể"] == "possible"


def test_honorifics_org_heads_outlet_cues():
    honorifics = table("honorifics")
    assert honorifics["ông"] == "m" and honorifics["bà"] == "f"
    assert set(honorifics.values()) <= {"m", "f", ""}
    heads = table("org_heads")
    assert set(heads.values()) <= ORG_KINDS
    assert {"Bộ", "Cục", "Tổng cục", "Quỹ", "Ủy ban", "Tập đoàn", "Điện"} <= set(heads)
    cues = {row["cue"] for row in lexicons.load("outlet_cues")}
    assert {"hãng tin", "hãng thông tấn", "báo", "tờ", "kênh", "mạng xã hội"} <= cues


# --------------------------------------------------------------------------- #
# the loader


def test_loader_returns_fresh_rows():
    first = lexicons.load("countries")
    first[0]["variants"].append("changed")
    first[0]["name"] = "changed"
    second = lexicons.load("countries")
    assert second[0]["name"] != "changed" and "changed" not in second[0]["variants"]


def test_loader_errors():
    with pytest.raises(FileNotFoundError):
        lexicons.load("no_such_lexicon")
    for bad in ("../countries", "Countries", "countries.tsv", ""):
        with pytest.raises(ValueError):
            lexicons.load(bad)


def test_available_lists_the_lexicons():
    assert set(HEADERS) <= set(lexicons.available())


def test_docstring_examples():
    result = doctest.testmod(lexicons)
    assert result.attempted >= 3 and result.failed == 0
