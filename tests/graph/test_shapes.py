"""SHACL shapes accept a well-formed graph and reject broken ones."""

from __future__ import annotations

from decimal import Decimal

import owlrl
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, Namespace

from kg.graph.namespaces import DIP, DSH, KGR, WD, bind_prefixes
from kg.graph.validate import ValidationReport, ontology_graph, validate

BODY = (
    "Tổng thống Nga Vladimir Putin hội đàm với Chủ tịch Kim Jong-un tại Bình Nhưỡng. "
    '"Quan hệ hai nước đang phát triển tốt", ông Putin khẳng định.'
)
ART = KGR["article/a1"]
PUTIN = KGR["person/vladimir-putin"]
KIM = KGR["person/kim-jong-un"]
RUSSIA = KGR["country/nga"]
DPRK = KGR["country/trieu-tien"]
TASS = KGR["organization/tass"]
PYONGYANG = KGR["place/binh-nhuong"]
MEETING = KGR["meeting/a1/1"]
STATEMENT = KGR["statement/a1/1"]
POST = KGR["post/vladimir-putin/tong-thong/nga"]


def mention(g: Graph, text: str, refers_to=None, occurrence: int = 0):
    start = -1
    for _ in range(occurrence + 1):
        start = BODY.index(text, start + 1)
    end = start + len(text)
    node = KGR[f"mention/a1/{start}-{end}"]
    sentence = next(s for s in BODY.split(". ") if text in s)
    g.add((node, RDF.type, DIP.Mention))
    g.add((node, DIP.startChar, Literal(start)))
    g.add((node, DIP.endChar, Literal(end)))
    g.add((node, DIP.anchorText, Literal(text)))
    g.add((node, DIP.sentence, Literal(sentence)))
    g.add((node, DIP.reportedIn, ART))
    g.add((node, DIP.confidence, Literal(Decimal("1.0"))))
    if refers_to is not None:
        g.add((node, DIP.refersTo, refers_to))
        g.add((ART, DIP.mentions, refers_to))
    return node


def build_valid_graph() -> Graph:
    g = bind_prefixes(Graph())
    g.add((ART, RDF.type, DIP.Article))
    g.add((ART, DIP.sourceFile, Literal("2024/a1.txt")))
    g.add((ART, DIP.publishedOn, Literal("2024-06-19", datatype=XSD.date)))
    g.add((ART, DIP.url, Literal("https://example.vn/a1", datatype=XSD.anyURI)))

    for node, cls, label in [
        (PUTIN, DIP.Person, "Vladimir Putin"),
        (KIM, DIP.Person, "Kim Jong-un"),
        (RUSSIA, DIP.Country, "Nga"),
        (DPRK, DIP.Country, "Triều Tiên"),
        (TASS, DIP.Organization, "TASS"),
        (PYONGYANG, DIP.Place, "Bình Nhưỡng"),
    ]:
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(label, lang="vi")))
    g.add((PUTIN, SKOS.altLabel, Literal("Putin")))
    g.add((PUTIN, DIP.wikidataId, Literal("Q7747")))
    g.add((PUTIN, OWL.sameAs, WD.Q7747))
    g.add((PYONGYANG, DIP.locatedIn, DPRK))
    for text, node in [("Vladimir Putin", PUTIN), ("Kim Jong-un", KIM), ("Nga", RUSSIA),
                       ("Bình Nhưỡng", PYONGYANG)]:
        mention(g, text, node)

    g.add((MEETING, RDF.type, DIP.Meeting))
    g.add((MEETING, RDF.type, DIP.Talks))
    g.add((MEETING, DIP.participant, PUTIN))
    g.add((MEETING, DIP.participant, KIM))
    g.add((MEETING, DIP.status, DIP.Held))
    g.add((MEETING, DIP.date, Literal("2024-06-19", datatype=XSD.date)))
    g.add((MEETING, DIP.place, PYONGYANG))
    g.add((MEETING, DIP.trigger, Literal("hội đàm")))
    g.add((MEETING, DIP.evidence, mention(g, "hội đàm")))
    g.add((MEETING, DIP.reportedIn, ART))
    g.add((MEETING, DIP.confidence, Literal(Decimal("0.90"))))

    g.add((STATEMENT, RDF.type, DIP.Statement))
    g.add((STATEMENT, DIP.speaker, PUTIN))
    g.add((STATEMENT, DIP.quoteText, Literal("Quan hệ hai nước đang phát triển tốt")))
    g.add((STATEMENT, DIP.speechType, DIP.Direct))
    g.add((STATEMENT, DIP.reportingVerb, Literal("khẳng định")))
    g.add((STATEMENT, DIP.speechAct, Literal("claim")))
    g.add((STATEMENT, DIP.relayedBy, TASS))
    g.add((STATEMENT, DIP.evidence, mention(g, "Quan hệ hai nước đang phát triển tốt")))
    g.add((STATEMENT, DIP.reportedIn, ART))
    g.add((STATEMENT, DIP.confidence, Literal(Decimal("0.8"))))

    g.add((PUTIN, DIP.holdsPost, POST))
    g.add((POST, RDF.type, DIP.Post))
    g.add((POST, DIP.title, Literal("Tổng thống")))
    g.add((POST, DIP.postIn, RUSSIA))
    g.add((POST, DIP.attestedOn, Literal("2024-06-19", datatype=XSD.date)))
    g.add((POST, DIP.evidence, mention(g, "Tổng thống")))
    g.add((POST, DIP.reportedIn, ART))
    return g


def shapes_of(report: ValidationReport) -> set:
    return {v.source_shape for v in report.errors}


@pytest.fixture
def g() -> Graph:
    return build_valid_graph()


def test_valid_graph_conforms(g):
    report = validate(g)
    assert report.conforms, report.format()
    assert report.violations == [], report.format()
    assert report.format() == "Conforms: no violations."


def test_valid_graph_conforms_with_rdfs_inference(g):
    report = validate(g, inference="rdfs")
    assert report.conforms, report.format()


def test_valid_graph_is_owl_consistent(g):
    closed = Graph()
    for triple in ontology_graph():
        closed.add(triple)
    for triple in g:
        closed.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closed)
    err = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")
    assert not list(closed.objects(None, err.error))


def test_dataset_is_flattened(g):
    """Labels in another named graph are seen together with the facts."""
    ds = Dataset()
    facts = ds.graph(KGR["graph/article/a1"])
    actors = ds.graph(KGR["graph/actors"])
    for s, p, o in g:
        (actors if p == RDFS.label else facts).add((s, p, o))
    report = validate(ds)
    assert report.conforms, report.format()


def test_meeting_with_one_participant(g):
    g.remove((MEETING, DIP.participant, KIM))
    report = validate(g)
    assert not report.conforms
    [v] = report.errors
    assert (v.focus_node, v.path, v.source_shape) == (
        MEETING, DIP.participant, DSH["Meeting-participantCount"]
    )
    line = report.format()
    assert "kgr:meeting/a1/1 dip:participant" in line
    assert "at least two participants" in line
    assert len(line.splitlines()) == 1


def test_statement_without_speaker(g):
    g.remove((STATEMENT, DIP.speaker, None))
    report = validate(g)
    [v] = report.errors
    assert (v.focus_node, v.path) == (STATEMENT, DIP.speaker)
    assert "exactly one dip:speaker" in v.message


def test_mention_with_start_after_end(g):
    node = next(g.subjects(DIP.anchorText, Literal("Nga")))
    start = g.value(node, DIP.startChar)
    g.set((node, DIP.startChar, Literal(int(start) + 10)))
    report = validate(g)
    assert DSH["Mention-order"] in shapes_of(report)
    [v] = [v for v in report.errors if v.source_shape == DSH["Mention-order"]]
    assert (v.focus_node, v.path) == (node, DIP.startChar)
    assert any(w.source_shape == DSH["Mention-spanLength"] for w in report.warnings)


@pytest.mark.parametrize("fact", [MEETING, STATEMENT, POST], ids=["meeting", "statement", "post"])
def test_missing_evidence(g, fact):
    g.remove((fact, DIP.evidence, None))
    report = validate(g)
    [v] = report.errors
    assert (v.focus_node, v.path) == (fact, DIP.evidence)


def _break(g: Graph, case: str) -> None:
    if case == "no-kind":
        g.remove((MEETING, RDF.type, DIP.Talks))
    elif case == "two-kinds":
        g.add((MEETING, RDF.type, DIP.Visit))
    elif case == "bad-status":
        g.set((MEETING, DIP.status, DIP.Direct))
    elif case == "string-date":
        g.set((MEETING, DIP.date, Literal("19/6/2024")))
    elif case == "participant-not-actor":
        g.add((MEETING, DIP.participant, PYONGYANG))
    elif case == "float-confidence":
        g.set((MEETING, DIP.confidence, Literal(0.9)))
    elif case == "confidence-above-one":
        g.set((STATEMENT, DIP.confidence, Literal(Decimal("1.5"))))
    elif case == "empty-quote":
        g.set((STATEMENT, DIP.quoteText, Literal("")))
    elif case == "untyped-statement":
        g.remove((STATEMENT, RDF.type, DIP.Statement))
    elif case == "post-without-title":
        g.remove((POST, DIP.title, None))
    elif case == "no-label":
        g.remove((KIM, RDFS.label, None))
    elif case == "negative-offset":
        node = next(g.subjects(DIP.anchorText, Literal("Nga")))
        g.set((node, DIP.startChar, Literal(-1)))
    elif case == "no-source-file":
        g.remove((ART, DIP.sourceFile, None))
    elif case == "bad-wikidata":
        g.set((PUTIN, DIP.wikidataId, Literal("7747")))
    else:  # pragma: no cover
        raise ValueError(case)


@pytest.mark.parametrize(
    "case, shape",
    [
        ("no-kind", "Meeting-kind"),
        ("two-kinds", "Meeting-kind"),
        ("bad-status", "Meeting-status"),
        ("string-date", "Meeting-date"),
        ("participant-not-actor", "Meeting-participantClass"),
        ("float-confidence", "Confidence-range"),
        ("confidence-above-one", "Confidence-range"),
        ("empty-quote", "Statement-quoteText"),
        ("untyped-statement", "StatementTyping"),
        ("post-without-title", "Post-title"),
        ("no-label", "Person-label"),
        ("negative-offset", "Mention-startChar"),
        ("no-source-file", "Article-sourceFile"),
        ("bad-wikidata", "Named-wikidataId"),
    ],
)
def test_broken_graph_reports_expected_shape(g, case, shape):
    """(Two dates on one meeting are allowed: articles may report one event at
    different precision; each claim stays in its article's named graph.)"""
    _break(g, case)
    report = validate(g)
    assert not report.conforms
    assert DSH[shape] in shapes_of(report), report.format()


def test_post_without_holder_is_only_a_warning(g):
    g.remove((PUTIN, DIP.holdsPost, POST))
    report = validate(g)
    assert report.conforms
    [w] = report.warnings
    assert w.path == "^dip:holdsPost"
    assert w.format().startswith("Warning: kgr:post/vladimir-putin/tong-thong/nga ^dip:holdsPost:")


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # inside rdflib's TriG plugins
def test_command_line(g, tmp_path, capsys):
    from kg.graph.validate import main

    good = tmp_path / "good.ttl"
    g.serialize(good, format="turtle")
    assert main([str(good)]) == 0
    g.remove((MEETING, DIP.participant, KIM))
    bad = tmp_path / "bad.trig"
    ds = Dataset()
    for triple in g:
        ds.graph(KGR["graph/article/a1"]).add(triple)
    ds.serialize(bad, format="trig")
    assert main([str(bad)]) == 1
    assert "at least two participants" in capsys.readouterr().out


def test_local_post_may_be_in_a_place_but_not_in_a_statement(g):
    # "Thị trưởng Bình Nhưỡng X": a city's post is in that place
    g.set((POST, DIP.postIn, PYONGYANG))
    assert validate(g).conforms
    g.set((POST, DIP.postIn, STATEMENT))
    report = validate(g)
    assert not report.conforms and DSH["Post-postIn"] in shapes_of(report), report.format()
