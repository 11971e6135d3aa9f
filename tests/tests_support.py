"""Hand-made extractions shared by tests that need a graph without running the NLP."""

from __future__ import annotations

from kg.extract.model import Entity, Evidence, Extraction, Meeting, Role, Statement
from kg.sources.article import Article

TEXT = "Thủ tướng Nhật Bản Ishiba Shigeru hội đàm với Tổng thống Hàn Quốc tại Tokyo."


def evidence(start: int, end: int) -> Evidence:
    return Evidence(start, end, TEXT[start:end], TEXT, 0, 0.8)


def extraction(article_id: str) -> Extraction:
    ishiba = Entity("person/ishiba-shigeru", "Ishiba Shigeru", "Person", {"Ishiba"}, "Q1", [evidence(19, 33)])
    japan = Entity("country/jp", "Nhật Bản", "Country", set(), "Q17", [evidence(10, 18)])
    korea = Entity("country/kr", "Hàn Quốc", "Country", set(), None, [evidence(57, 65)])
    tokyo = Entity("place/tokyo", "Tokyo", "Place", set(), None, [evidence(70, 75)])
    return Extraction(
        article_id=article_id,
        entities=[ishiba, japan, korea, tokyo],
        roles=[Role(ishiba.key, "Thủ tướng", japan.key, evidence(0, 9))],
        meetings=[Meeting("meeting", [ishiba.key, korea.key], "2026-02-01", tokyo.key, "held", "hội đàm", [evidence(34, 41)])],
        statements=[Statement(ishiba.key, "hai nước sẽ hợp tác", "indirect", "cho biết", evidence(0, 20), "statement")],
    )


def article(article_id: str = "a1") -> Article:
    return Article(id=article_id, text=TEXT, date="2026-02-02", origin=f"{article_id}.txt")
