"""Actor mentions: persons, countries, organisations, places (component "kg_entities").

Rules, not a statistical NER: there is no Vietnamese news NER model that can
be shipped, and diplomatic news is formulaic. Each sentence is read left to
right into items (:mod:`kg.extract.scanner`): titles, lexicon names,
organisation names grown from a head noun ("Bộ Ngoại giao Trung Quốc"), cue
words, and runs of capitalised tokens no lexicon explains. A run becomes

* a Person after a title ("Tổng thống Nga Vladimir Putin"), an honorific
  ("ông Jared Kushner"), before a reporting verb ("Tô Lâm nhấn mạnh"), when it
  repeats the surname of a person of the article, or when it is a foreign
  full name;
* an Organization after an outlet cue ("kênh Wargonzo", "Ảnh: Reuters"),
  before "đưa tin", or when it ends in an organisation word ("NBC News");
* a Place after a place noun or a venue preposition ("tỉnh Kherson", "tại
  Alaska") and when coordinated with such a place.

A capital is the city (Place) after a venue word ("đến Moskva", "trở về
Jerusalem") and otherwise stands for its state ("Moskva muốn ..."): a Country
mention. An abbreviation in parentheses after a name ("(RDIF)") is a mention
of that name, and so is a foreign local name after a venue or body ("Dinh
Tổng thống (Istana Merdeka)").

Name shapes the rules know: lower-case particles inside and before foreign
names ("Majed al-Ansari", "ông van den Berg", "Mohammed bin Salman"),
regnal numbers and generational suffixes ("Frederik X", "Marcos Jr."),
Korean given names with a hyphen ("Kim Hea-kyung"); buildings opened by a
venue head ("Cung điện Dolmabahce", "Dinh Tổng thống", "Hoàng cung"); bodies
whose name holds a post, "và", "về" or a lower-case tail ("Văn phòng Thủ
tướng Israel", "Hội đồng An ninh và Quốc phòng Quốc gia", "Viện Kiểm sát nhân
dân tối cao"); continents written in lower case ("châu Á - Thái Bình Dương")
and a compass word before a listed region ("Nam Thái Bình Dương").

Output: ``doc.ents`` (labels Person, Country, Organization, Place) with
``span._.kg_key``, and ``doc.spans["titles"]`` with
``span._.kg_title_category``. Keys of unlisted names are provisional slugs;
:mod:`kg.extract.coref` links short forms to full names.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.nlp.extensions import set_span_values  # also declares span._.kg_key
from kg.extract.gazetteer import Gazetteer, get_gazetteer
from kg.extract.scanner import Mention, Scanner


def recognize(doc: Doc, gazetteer: Gazetteer | None = None) -> Doc:
    """Set ``doc.ents`` and ``doc.spans["titles"]`` on ``doc``."""
    scanner = Scanner(doc, gazetteer or get_gazetteer())
    mentions, titles = scanner.run()
    spans = []
    for m in mentions:
        span = Span(doc, m.start, m.end, label=m.label)
        set_span_values(doc, span.start_char, span.end_char,
                        kg_key=m.key, kg_rule=m.source, kg_confidence=m.confidence)
        spans.append(span)
    # set_ents takes the spans as they are; the ents setter would rebuild each one
    doc.set_ents(spans if _disjoint(mentions) else filter_spans(spans))
    title_spans = []
    for t in titles:
        span = Span(doc, t.start, t.end, label="TITLE")
        set_span_values(doc, span.start_char, span.end_char, kg_title_category=t.category)
        title_spans.append(span)
    doc.spans["titles"] = title_spans
    return doc


def _disjoint(mentions: list[Mention]) -> bool:
    """Whether the mentions are non-empty, in order and never overlap, as they
    nearly always are: ``filter_spans`` would then return them unchanged."""
    end = 0
    for m in mentions:
        if m.start < end or m.end <= m.start:
            return False
        end = m.end
    return True


class EntityRecognizer:
    """Pipeline component wrapping :func:`recognize`.

    The gazetteer is loaded on the first document, so that building a
    pipeline (or ``spacy.load``) does not read the lexicons twice.
    """

    def __init__(self) -> None:
        self._gazetteer: Gazetteer | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self._gazetteer is None:
            self._gazetteer = get_gazetteer()
        return recognize(doc, self._gazetteer)


@Language.factory("kg_entities")
def make_entity_recognizer(nlp: Language, name: str) -> EntityRecognizer:
    """Factory for ``nlp.add_pipe("kg_entities")``."""
    return EntityRecognizer()


__all__ = ["EntityRecognizer", "Mention", "recognize"]
