"""Tests of the ``kg evaluate`` scorer on small hand-made records.

Expected numbers are worked out by hand in the comments so that a change in the
scoring rules shows up as a clear arithmetic disagreement.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.evaluate import load_records, normalize, score, titles_agree, token_f1

DEV = Path("/work/shared/eval/dev")


def ent(eid, name, type_="Person", aliases=()):
    return {"id": eid, "name": name, "type": type_, "aliases": list(aliases)}


def rec(article="a1", entities=(), roles=(), meetings=(), statements=(), optional=None):
    r = {
        "article": article,
        "date": "2026-01-23",
        "entities": list(entities),
        "roles": list(roles),
        "meetings": list(meetings),
        "statements": list(statements),
    }
    if optional is not None:
        r["optional"] = {k: list(optional.get(k, [])) for k in
                         ("entities", "roles", "meetings", "statements")}
    return r


def counts(report, category):
    c = report.categories[category]
    return c.tp, c.fp, c.fn


def gold_record():
    return rec(
        entities=[
            ent("e1", "Vladimir Putin", aliases=["Putin"]),
            ent("e2", "Nga", "Country", aliases=["Moskva"]),
            ent("e3", "Yury Ushakov"),
            ent("e4", "Điện Kremlin", ["Organization", "Place"]),
            ent("e5", "Steve Witkoff"),
        ],
        roles=[
            {"person": "e1", "title": "Tổng thống", "org": "e2"},
            {"person": "e3", "title": "Trợ lý Tổng thống", "org": "e2"},
        ],
        meetings=[
            {"kind": "meeting", "participants": ["e1", "e5"], "date": "2026-01-22",
             "place": "e4", "status": "held"},
        ],
        statements=[
            {"speaker": "e3", "text": "thực chất, mang tính xây dựng và hết sức thẳng thắn",
             "kind": "direct"},
        ],
    )


# --------------------------------------------------------------------------- #
# String helpers


def test_normalize():
    assert normalize("  «Nga», ") == "nga"
    assert normalize("Tổng   thống\n Nga") == "tổng thống nga"
    # Decomposed input (NFD) equals the precomposed form.
    import unicodedata
    assert normalize(unicodedata.normalize("NFD", "Mỹ")) == normalize("mỹ")
    # Inner punctuation is kept: only the ends are stripped.
    assert normalize("U.S.") == "u.s"


def test_title_rules():
    assert titles_agree("Trợ lý Tổng thống Nga", "Trợ lý Tổng thống")
    assert titles_agree("Trợ lý Tổng thống", "Trợ lý Tổng thống Nga")
    assert titles_agree("tổng thống", "Tổng thống")
    assert not titles_agree("Tổng thống", "Trợ lý Tổng thống")  # different first syllable
    assert not titles_agree("Tổng thống", "Phó Tổng thống")
    assert not titles_agree("Tổng thống", "Tổng giám đốc")  # same start, no containment
    assert not titles_agree("", "Tổng thống")


def test_token_f1():
    assert token_f1("Thẳng thắn, rõ ràng!", "thẳng thắn rõ ràng") == 1.0
    # 2 shared of 4 + 4 tokens: 2*2/8.
    assert token_f1("a b c d", "a b x y") == 0.5
    assert token_f1("a b c d", "a x y z") == 0.25
    assert token_f1("", "a") == 0.0


# --------------------------------------------------------------------------- #
# Whole-record scoring


def test_perfect_prediction():
    g = gold_record()
    r = score([g], [g])
    for c in ("entities", "roles", "meetings", "statements"):
        cs = r.categories[c]
        assert (cs.precision, cs.recall, cs.f1) == (1.0, 1.0, 1.0)
        assert cs.fp == cs.fn == 0
    assert r.headline == 1.0
    assert all(a.value == 1.0 for a in r.accuracies.values())
    assert (r.accuracies["type"].correct, r.accuracies["type"].total) == (5, 5)


def test_empty_prediction_and_missing_article():
    g = gold_record()
    r = score([g], [rec()])
    assert counts(r, "entities") == (0, 0, 5)
    assert counts(r, "roles") == (0, 0, 2)
    for c in r.categories.values():
        assert c.recall == 0.0 and c.precision == 0.0 and c.f1 == 0.0
    assert r.headline == 0.0
    assert all(a.value is None for a in r.accuracies.values())

    missing = score([g], [])
    assert missing.missing_articles == ["a1"]
    assert missing.to_dict()["categories"] == r.to_dict()["categories"]


def test_empty_gold_predicted_empty_scores_one():
    r = score([rec()], [rec()])
    assert r.headline == 1.0
    # ...but a prediction where gold has nothing is a false positive.
    r = score([rec()], [rec(entities=[ent("x", "Nga")])])
    assert r.categories["entities"].precision == 0.0
    # 0/0 recall is 1.0 only when nothing was predicted either.
    assert r.categories["entities"].recall == 0.0


def test_partial_prediction():
    g = gold_record()
    p = rec(
        entities=[
            ent("p1", "Putin"),                  # alias of e1: TP
            ent("p2", "Nga", "Place"),           # TP, wrong type
            ent("p3", "Ushakov"),                # matches nothing: FP
            ent("p4", "Steve Witkoff"),          # TP
        ],
        roles=[
            {"person": "p1", "title": "Tổng thống Nga", "org": None},  # TP, org wrong
            {"person": "p3", "title": "Trợ lý Tổng thống", "org": "p2"},  # person unpaired: FP
        ],
        meetings=[
            # participants {e1, e5}: Jaccard 1; date and place wrong, status right.
            {"kind": "summit", "participants": ["p1", "p4"], "date": "2026-01",
             "place": None, "status": "held"},
        ],
        statements=[],
    )
    r = score([g], [p])
    # entities: TP 3, FP 1, FN 2 (Ushakov, Kremlin): P 3/4, R 3/5, F1 2/3.
    assert counts(r, "entities") == (3, 1, 2)
    e = r.categories["entities"]
    assert e.precision == pytest.approx(0.75)
    assert e.recall == pytest.approx(0.6)
    assert e.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert (r.accuracies["type"].correct, r.accuracies["type"].total) == (2, 3)
    # roles: P 1/2, R 1/2, F1 1/2; org 0/1.
    assert counts(r, "roles") == (1, 1, 1)
    assert r.categories["roles"].f1 == pytest.approx(0.5)
    assert (r.accuracies["role org"].correct, r.accuracies["role org"].total) == (0, 1)
    assert counts(r, "meetings") == (1, 0, 0)
    assert r.accuracies["meeting date"].value == 0.0
    assert r.accuracies["meeting place"].value == 0.0
    assert r.accuracies["meeting status"].value == 1.0
    assert counts(r, "statements") == (0, 0, 1)
    expected = (e.f1 + 0.5 + 1.0 + 0.0) / 4
    assert r.headline == pytest.approx(expected)


def test_optional_items_neither_rewarded_nor_false_positive():
    g = rec(
        entities=[ent("e1", "Vladimir Putin", aliases=["Putin"])],
        roles=[],
        meetings=[],
        statements=[{"speaker": "e1", "text": "hòa bình là ưu tiên", "kind": "indirect"}],
        optional={
            "entities": [ent("e2", "Reuters", "Organization")],
            "roles": [{"person": "e1", "title": "Tổng thống", "org": None}],
            "meetings": [{"kind": "call", "participants": ["e1", "e2"], "date": None,
                          "place": None, "status": "held"}],
            "statements": [{"speaker": "e1", "text": "quan trọng", "kind": "direct"}],
        },
    )
    p = rec(
        entities=[ent("p1", "Putin"), ent("p2", "Reuters", "Organization")],
        roles=[{"person": "p1", "title": "Tổng thống", "org": None}],
        meetings=[{"kind": "call", "participants": ["p1", "p2"], "date": None,
                   "place": None, "status": "held"}],
        statements=[{"speaker": "p1", "text": "hòa bình là ưu tiên", "kind": "indirect"},
                    {"speaker": "p1", "text": "quan trọng", "kind": "direct"}],
    )
    r = score([g], [p])
    assert counts(r, "entities") == (1, 0, 0)
    assert counts(r, "roles") == (0, 0, 0)
    assert counts(r, "meetings") == (0, 0, 0)
    assert counts(r, "statements") == (1, 0, 0)
    assert r.headline == 1.0
    # Optional items missing from the prediction are no false negatives.
    assert score([g], [rec(entities=[ent("p1", "Putin")],
                           statements=p["statements"][:1])]).headline == 1.0
    # Only the type of the required pair is judged.
    assert r.accuracies["type"].total == 1
    assert len(r.articles[0].categories["entities"].optional) == 1


def test_prediction_not_wasted_on_optional_item():
    # "Moskva" is compatible with the required "Nga" (alias) and the optional
    # place "Moskva" (exact name); the required one must win.
    g = rec(entities=[ent("e1", "Nga", "Country", aliases=["Moskva"])],
            optional={"entities": [ent("e2", "Moskva", "Place")]})
    r = score([g], [rec(entities=[ent("p1", "Moskva", "Place")])])
    assert counts(r, "entities") == (1, 0, 0)
    # With both predicted, each gets its own partner: still no FP.
    r = score([g], [rec(entities=[ent("p1", "Moskva", "Place"), ent("p2", "Nga", "Country")])])
    assert counts(r, "entities") == (1, 0, 0)
    assert r.accuracies["type"].value == 1.0  # Nga<->Nga, not Nga<->Moskva


def test_alias_matching_both_ways():
    g = rec(entities=[ent("e1", "Vladimir Putin", aliases=["Putin"]),
                      ent("e2", "Liên bang Nga", "Country")])
    p = rec(entities=[ent("p1", "Putin"),
                      ent("p2", "Nga", "Country", aliases=["Liên bang Nga"])])
    r = score([g], [p])
    assert counts(r, "entities") == (2, 0, 0)


def test_one_to_one_two_predictions_for_one_gold():
    g = rec(entities=[ent("e1", "Vladimir Putin", aliases=["Putin"])])
    p = rec(entities=[ent("p1", "Putin"), ent("p2", "Vladimir Putin")])
    r = score([g], [p])
    assert counts(r, "entities") == (1, 1, 0)
    # The exact name-to-name pair is preferred; the alias-only one is the FP.
    detail = r.articles[0].categories["entities"]
    assert detail.matched[0].predicted.startswith("Vladimir Putin")
    assert detail.false_positives[0].startswith("Putin")


def test_maximum_matching_beats_greedy():
    # p1 "X" is name-equal to e2 (a greedy exact-first choice) but also an
    # alias of e1; p2 fits only e2. Greedy: 1 TP; maximum matching: 2 TP.
    g = rec(entities=[ent("e1", "X Corp", "Organization", aliases=["X"]),
                      ent("e2", "X", "Organization", aliases=["Y"])])
    p = rec(entities=[ent("p1", "X", "Organization"), ent("p2", "Y", "Organization")])
    r = score([g], [p])
    assert counts(r, "entities") == (2, 0, 0)


def test_type_given_as_list():
    g = rec(entities=[ent("e1", "Điện Kremlin", ["Organization", "Place"]),
                      ent("e2", "Nhà Trắng", ["Organization", "Place"])])
    p = rec(entities=[ent("p1", "Điện Kremlin", "Place"), ent("p2", "Nhà Trắng", "Person")])
    r = score([g], [p])
    assert counts(r, "entities") == (2, 0, 0)
    acc = r.accuracies["type"]
    assert (acc.correct, acc.total) == (1, 2)


def test_role_titles_through_scoring():
    g = rec(entities=[ent("e1", "Yury Ushakov"), ent("e2", "Nga", "Country")],
            roles=[{"person": "e1", "title": "Trợ lý Tổng thống", "org": "e2"}])
    ents = [ent("p1", "Yury Ushakov"), ent("p2", "Nga", "Country")]

    def roles_for(title, org="p2"):
        return score([g], [rec(entities=ents,
                               roles=[{"person": "p1", "title": title, "org": org}])])

    r = roles_for("Trợ lý Tổng thống Nga")
    assert counts(r, "roles") == (1, 0, 0)
    assert r.accuracies["role org"].value == 1.0
    assert counts(roles_for("Tổng thống"), "roles") == (0, 1, 1)
    assert counts(roles_for("Phó Tổng thống"), "roles") == (0, 1, 1)
    # Right title on an unpaired person is no match.
    other = rec(entities=ents + [ent("p3", "Dmitry Peskov")],
                roles=[{"person": "p3", "title": "Trợ lý Tổng thống", "org": "p2"}])
    assert counts(score([g], [other]), "roles") == (0, 1, 1)


def test_role_org_accuracy_skips_null_gold_org():
    g = rec(entities=[ent("e1", "Jared Kushner")],
            roles=[{"person": "e1", "title": "con rể", "org": None}])
    p = rec(entities=[ent("p1", "Jared Kushner")],
            roles=[{"person": "p1", "title": "con rể", "org": None}])
    r = score([g], [p])
    assert counts(r, "roles") == (1, 0, 0)
    assert r.accuracies["role org"].value is None


def _meeting_case(gold_meeting, pred_meeting):
    g = rec(entities=[ent("e1", "Donald Trump"), ent("e2", "Vladimir Putin"),
                      ent("e3", "Nga", "Country"), ent("e4", "Alaska", "Place")],
            meetings=[gold_meeting])
    p = rec(entities=[ent("p1", "Trump"), ent("p2", "Vladimir Putin"),
                      ent("p3", "Nga", "Country"), ent("p4", "Alaska", "Place"),
                      ent("p5", "Sergei Lavrov"), ent("p6", "Marco Rubio")],
            meetings=[pred_meeting])
    g["entities"][0]["aliases"] = ["Trump"]
    return score([g], [p])


def mtg(kind="meeting", parts=("e1", "e2"), date=None, place=None, status="held"):
    return {"kind": kind, "participants": list(parts), "date": date, "place": place,
            "status": status}


def test_meeting_call_vs_non_call():
    assert counts(_meeting_case(mtg("call"), mtg("meeting", ("p1", "p2"))), "meetings") == (0, 1, 1)
    assert counts(_meeting_case(mtg("meeting"), mtg("call", ("p1", "p2"))), "meetings") == (0, 1, 1)
    assert counts(_meeting_case(mtg("call"), mtg("call", ("p1", "p2"))), "meetings") == (1, 0, 0)
    # Non-call kinds are interchangeable for matching.
    assert counts(_meeting_case(mtg("summit"), mtg("talks", ("p1", "p2"))), "meetings") == (1, 0, 0)


def test_meeting_date_prefix_rule():
    gm = mtg(date="2026-01-22", place="e4")
    r = _meeting_case(gm, mtg(parts=("p1", "p2"), date="2026-01", place="p4"))
    assert counts(r, "meetings") == (1, 0, 0)
    assert r.accuracies["meeting date"].value == 0.0
    assert r.accuracies["meeting place"].value == 1.0
    r = _meeting_case(gm, mtg(parts=("p1", "p2"), date="2026-02"))
    assert counts(r, "meetings") == (0, 1, 1)
    r = _meeting_case(gm, mtg(parts=("p1", "p2"), date="2026-01-21"))
    assert counts(r, "meetings") == (0, 1, 1)
    # A missing date never blocks a match, but is not a correct date.
    r = _meeting_case(gm, mtg(parts=("p1", "p2"), date=None))
    assert counts(r, "meetings") == (1, 0, 0)
    assert r.accuracies["meeting date"].value == 0.0
    r = _meeting_case(mtg(), mtg(parts=("p1", "p2")))
    assert r.accuracies["meeting date"].value == 1.0  # null == null
    assert r.accuracies["meeting place"].value == 1.0


def test_meeting_participant_jaccard():
    # {e1,e2} vs {e1}: 1/2 -> match.
    assert counts(_meeting_case(mtg(), mtg(parts=("p1",))), "meetings") == (1, 0, 0)
    # {e1,e2} vs {e1,e2,e3}: 2/3 -> match.
    assert counts(_meeting_case(mtg(), mtg(parts=("p1", "p2", "p3"))), "meetings") == (1, 0, 0)
    # Unpaired predicted people stay distinct: {e1,e2} vs {e1,p5,p6}: 1/4.
    assert counts(_meeting_case(mtg(), mtg(parts=("p1", "p5", "p6"))), "meetings") == (0, 1, 1)
    # {e1,e2} vs {e1,e3}: 1/3.
    assert counts(_meeting_case(mtg(), mtg(parts=("p1", "p3"))), "meetings") == (0, 1, 1)


def test_meeting_attributes_break_ties():
    # Two calls between the same people, one held and one planned.
    g = rec(entities=[ent("e1", "Trump"), ent("e2", "Putin")],
            meetings=[mtg("call", date="2025-12", status="held"),
                      mtg("call", date="2025-12", status="planned")])
    p = rec(entities=[ent("p1", "Trump"), ent("p2", "Putin")],
            meetings=[mtg("call", ("p1", "p2"), "2025-12", status="planned"),
                      mtg("call", ("p1", "p2"), "2025-12", status="held")])
    r = score([g], [p])
    assert counts(r, "meetings") == (2, 0, 0)
    assert r.accuracies["meeting status"].value == 1.0


def test_statement_threshold_and_speaker():
    g = rec(entities=[ent("e1", "Yury Ushakov"), ent("e2", "Donald Trump")],
            statements=[{"speaker": "e1", "text": "một hai ba bốn", "kind": "direct"}])
    ents = [ent("p1", "Yury Ushakov"), ent("p2", "Donald Trump")]

    def stmt(text, speaker="p1"):
        return score([g], [rec(entities=ents, statements=[
            {"speaker": speaker, "text": text, "kind": "direct"}])])

    assert counts(stmt("“Một, hai, ba, bốn.”"), "statements") == (1, 0, 0)
    assert counts(stmt("một hai năm sáu"), "statements") == (1, 0, 0)  # F1 = 0.5
    assert counts(stmt("một năm sáu bảy"), "statements") == (0, 1, 1)  # F1 = 0.25
    assert counts(stmt("một hai ba bốn", speaker="p2"), "statements") == (0, 1, 1)


def test_statements_prefer_higher_f1():
    g = rec(entities=[ent("e1", "Ushakov")],
            statements=[{"speaker": "e1", "text": "a b c d", "kind": "direct"},
                        {"speaker": "e1", "text": "a b c e", "kind": "direct"}])
    p = rec(entities=[ent("p1", "Ushakov")],
            statements=[{"speaker": "p1", "text": "a b c e", "kind": "direct"}])
    r = score([g], [p])
    assert counts(r, "statements") == (1, 0, 1)
    detail = r.articles[0].categories["statements"]
    assert "a b c e" in detail.matched[0].gold
    assert "a b c d" in detail.false_negatives[0]


def test_articles_paired_by_id_and_micro_average():
    g1 = rec("a1", entities=[ent("e1", "Nga", "Country")])
    g2 = rec("a2", entities=[ent("e1", "Mỹ", "Country"), ent("e2", "Ukraine", "Country")])
    p2 = rec("a2", entities=[ent("x", "Mỹ", "Country")])
    extra = rec("zz", entities=[ent("x", "Nga", "Country")])
    r = score([g1, g2], [extra, p2])
    assert r.unmatched_articles == ["zz"]
    assert r.missing_articles == ["a1"]
    # Micro: TP 1, FP 0, FN 2 -> R = 1/3.
    assert counts(r, "entities") == (1, 0, 2)
    assert r.categories["entities"].recall == pytest.approx(1 / 3)


def test_duplicate_article_rejected():
    with pytest.raises(ValueError, match="duplicate"):
        score([rec("a1"), rec("a1")], [])


def test_report_outputs():
    g = gold_record()
    p = rec(entities=[ent("p1", "Putin")])
    r = score([g], [p])
    table = r.format_table()
    lines = table.splitlines()
    assert lines[0].split() == ["TP", "FP", "FN", "P", "R", "F1"]
    assert lines[1].split()[:4] == ["entities", "1", "0", "4"]
    for name in ("roles", "meetings", "statements", "type", "role org", "meeting date",
                 "meeting place", "meeting status", "headline"):
        assert name in table
    details = r.format_details()
    assert "Vladimir Putin" in details and "FN" in details and "via alias" in details
    d = r.to_dict()
    assert list(d) == ["headline", "articles_scored", "categories", "accuracies",
                       "missing_articles", "unmatched_articles", "articles"]
    assert list(d["categories"]) == ["entities", "roles", "meetings", "statements"]
    json.dumps(r.to_dict(details=True), ensure_ascii=False)
    assert "matched" in r.to_dict(details=True)["articles"][0]["categories"]["entities"]
    assert "matched" not in d["articles"][0]["categories"]["entities"]


# --------------------------------------------------------------------------- #
# Loading


def test_load_records(tmp_path):
    (tmp_path / "b.json").write_text(json.dumps(rec("b")), encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps(rec("a")), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    assert [r["article"] for r in load_records(tmp_path)] == ["a", "b"]


@pytest.mark.parametrize(
    "content, reason",
    [
        ("{not json", "invalid JSON"),
        ("[1, 2]", "not a JSON object"),
        (json.dumps({"entities": []}), "missing 'article'"),
        (json.dumps(rec("other")), "file name"),
        (json.dumps({"article": "bad", "entities": {}}), "'entities'"),
        (json.dumps({"article": "bad", "entities": [{"name": "Nga"}]}), "'id'"),
    ],
)
def test_load_records_bad_file(tmp_path, content, reason):
    (tmp_path / "bad.json").write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as err:
        load_records(tmp_path)
    assert "bad.json" in str(err.value) and reason in str(err.value)


def test_load_records_missing_or_empty_dir(tmp_path):
    with pytest.raises(ValueError, match="no .json"):
        load_records(tmp_path)
    with pytest.raises(ValueError, match="not a directory"):
        load_records(tmp_path / "nope")


# --------------------------------------------------------------------------- #
# Real gold


def test_dev_gold_against_itself():
    if not DEV.is_dir():
        pytest.skip(f"{DEV} not available")
    gold = load_records(DEV)
    r = score(gold, gold)
    assert r.headline == 1.0
    assert all(c.fp == 0 and c.fn == 0 for c in r.categories.values())
    assert all(a.value in (None, 1.0) for a in r.accuracies.values())
    # Predicting the optional items too costs nothing.
    padded = []
    for g in gold:
        p = {k: v for k, v in g.items() if k != "optional"}
        for k, extra in g.get("optional", {}).items():
            p[k] = list(p.get(k, [])) + list(extra)
        padded.append(p)
    assert score(gold, padded).headline == 1.0
