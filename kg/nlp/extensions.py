"""Every custom ``Doc``/``Span`` attribute of the pipeline, declared once.

Components and the extractor import this module instead of declaring their
own, so attribute names cannot drift apart. Registration is idempotent: an
attribute that already exists is left as it is.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

DOC_EXTENSIONS = {
    "article_date": None,  # ISO date of the article, set by the extractor
    "entities": None,  # list[kg.extract.model.Entity], set by kg_resolve
    "roles": None,
    "meetings": None,
    "statements": None,
}
SPAN_EXTENSIONS = {
    "kg_key": None,  # canonical entity key of an entity span
    "kg_rule": None,  # which rule found an entity span (debugging, confidence)
    "kg_confidence": None,  # 0..1, how sure that rule is
    "kg_title_category": None,  # titles.tsv category of a title span
}


def register_extensions() -> None:
    """Declare the attributes (safe to call any number of times)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register_extensions()


def span_values(doc: Doc, name: str) -> dict[tuple[int, int], Any]:
    """``(start_char, end_char) -> span._.<name>`` for the spans of ``doc`` that set it.

    spaCy keeps span attributes in ``doc.user_data`` under these offsets; each
    ``span._.<name>`` read builds an accessor object, too slow to do for every
    entity in every component.
    """
    return span_tables(doc, name)[0]


def span_tables(doc: Doc, *names: str) -> tuple[dict[tuple[int, int], Any], ...]:
    """:func:`span_values` of each of ``names``, read in one pass over ``doc.user_data``."""
    tables: dict[str, dict[tuple[int, int], Any]] = {name: {} for name in names}
    for k, v in doc.user_data.items():
        if type(k) is tuple and len(k) == 4 and k[0] == "._.":
            table = tables.get(k[1])
            if table is not None:
                table[(k[2], k[3])] = v
    return tuple(tables.values())


def set_span_values(doc: Doc, start_char: int, end_char: int, **values: Any) -> None:
    """``span._.<name> = value`` for each of ``values``, on the span at these
    offsets, without building the accessor.

    The write :func:`span_values` reads back: the recogniser sets three
    attributes on every entity, and the accessor objects cost more than the
    spans. Only for the attributes declared above, plain values with no
    getter or setter.
    """
    data = doc.user_data
    for name, value in values.items():
        if name not in SPAN_EXTENSIONS:
            raise AttributeError(f"undeclared span attribute {name}")
        data[("._.", name, start_char, end_char)] = value
