"""Diplomatic contacts: meetings, calls, talks, summits, visits (component "kg_meetings").

A news article reports one contact over many sentences ("Tổng thống Putin tiếp
phái đoàn Mỹ", "cuộc họp kín ... đã kéo dài gần 4 giờ", "Cuộc đàm phán bắt
đầu vào lúc 23h25 ngày 22/1", "Phía Mỹ gồm ...") and mentions earlier or
later contacts in passing, so the component works in three steps.

1. **Mentions.** Each trigger (``meeting_triggers.tsv`` and
   ``meeting_cues.tsv``) is read with what its clause says - clauses end at
   reporting verbs and conjunctions, because "X cho biết A gặp B" is A's
   meeting, not X's. Parties: the subject (also of a meeting noun after "có",
   "tiến hành" ..., or of the main clause after "Sau cuộc gặp với B, A ..."),
   the object, "giữa A và B", "với B", delegations ("phái đoàn Mỹ" -> Mỹ),
   unnamed posts ("Tổng thống Mỹ" -> its holder in the article), groups ("hai
   bên", "hai nhà lãnh đạo" -> the parties of the last contact of the same
   kind, else the article's most mentioned leaders) and a pronoun subject
   ("viết rằng ông vừa có ...") -> the speaker. Venue: "tại"/"ở" + place.
   Date: the nearest time expression of the clause
   (:func:`kg.extract.dates.find_times`), except one that ends the contact
   ("kéo dài đến 3h sáng ngày 23/1") or opens a count ("kể từ đầu năm").
   A possibility, wish or proposal ("không loại trừ khả năng gặp", "đề xuất ý
   tưởng về một cuộc gặp", "có thể gặp") is *tentative*: it never makes a
   contact by itself but may confirm one reported elsewhere and lend it a date.
2. **Events.** A mention with parties on two sides joins an event of the same
   family (call / visit / in person) whose date, place and status agree and
   whose parties are similar - compared by the parties' countries, unless both
   name people, since two other people of the same two states hold another
   meeting - or starts a new event. A mention without such parties ("Cuộc
   thảo luận kéo dài ...", "Phía Nga tham dự cuộc gặp có ...") joins the most
   recent compatible event. A sentence opened by "Trước đó" reports a
   separate, earlier contact unless it names exactly the same parties.
3. **Parties.** Delegations give way to their named members ("Phía Mỹ gồm
   ...", "phái đoàn Nga do X dẫn đầu", "Về phía Mỹ, ông X ..."), a visitor stands
   for his country in a contact reported right after his visit (which also
   dates it), and a country is dropped when one of its own people is a party.
   A contact whose parties all belong to one state is internal and dropped,
   as is one said to be cancelled ("cuộc gặp bị hủy").

Status: a date before or after the article date decides; else the nearest
strong cue ("sẽ", "đã"), else a weak one that only relates the contact to
another ("sau khi", "trước cuộc"); else held. A held contact that "just"
happened ("vừa") without a date gets the article's month, and "cùng ngày" with
no earlier day in the article only the month: the article date is the day of
publication, not necessarily of the event. A contact dated only relative to
another one ("ngay sau cuộc gặp ...") takes that one's month.

Nationalities, capitals and organisations' countries come from the lexicons
(``persons.tsv``, ``countries.tsv``, ``organizations.tsv``); a key inferred
from them is used only when the article names that entity.
"""

from __future__ import annotations

import logging
import re

from spacy.language import Language
from spacy.tokens import Doc

import kg.extract.facts  # noqa: F401  (declares doc._.meetings)
from kg.extract.dates import article_relative
from kg.extract.meeting_article import ArticleFacts
from kg.extract.meeting_clauses import ClauseReader
from kg.extract.meeting_delegations import apply_members, drop_represented, visits_into_meetings
from kg.extract.meeting_merge import EventBuilder, borrow_places
from kg.extract.meeting_model import Event
from kg.extract.meeting_vocab import WEAK
from kg.extract.model import Evidence, Meeting, Role
from kg.extract.participants import SentView, sentence_views
from kg.extract.roles import find_roles, sentence_roles

_LOG = logging.getLogger(__name__)


def find_meetings(doc: Doc, views: list[SentView] | None = None, roles: list[Role] | None = None) -> list[Meeting]:
    """All meetings reported in one article."""
    views = views if views is not None else sentence_views(doc)
    hits = {v.index: sentence_roles(v) for v in views}
    if roles is None:
        roles = doc._.roles if doc._.roles is not None else find_roles(doc, views)
    art = ArticleFacts(doc, views, roles, hits)
    b = EventBuilder(art)
    for view in views:
        reader = ClauseReader(art, view)
        art.atoms[view.index] = reader.atoms
        for m in reader.read(len(b.mentions)):
            b.mentions.append(m)
            b.add(len(b.mentions) - 1, m)
    apply_members(art, b)
    visits_into_meetings(art, b)
    borrow_places(b)
    out = []
    for ev in b.events:
        if not ev.real() or any(m.cancelled for m in ev.mentions):
            continue
        parties = [p for p in drop_represented(art, ev) if art.known(p)]  # never a key the article lacks
        if len(parties) < 2 and not (parties and any(m.org_summit for m in ev.mentions)):
            continue
        sides = {art.side(p) for p in parties}
        if len(sides) == 1 and next(iter(sides)).startswith("country/"):
            continue  # a government meeting its own officials is no diplomatic contact
        out.append(_meeting(art, b, ev, parties))
    return out


def _meeting(art: ArticleFacts, b: EventBuilder, ev: Event, parties: list[str]) -> Meeting:
    real = ev.real()
    date = ev.date() or ev.inherited_date
    if date is None:
        for m in real:
            for j in m.linked:
                other = b.where.get(j)
                if other is not None and other is not ev and other.date():
                    date = other.date()[:7]
                    break
            if date:
                break
    date = _iso(date)
    status, strength = ev.status()
    rel = article_relative(date, art.article_date) if date else None
    explicit = next((m for m in real if m.date is not None and m.date.value), None)
    if explicit is not None and rel in ("past", "future"):
        status = "held" if rel == "past" else "planned"
    if status is None:
        status = "held"
    if date is None and status == "held" and any(m.recency for m in real) and art.article_date:
        date = art.article_date[:7]
    kinds = [m.kind for m in ev.mentions]
    kind = "summit" if "summit" in kinds and ev.family == "meet" else real[0].kind
    evidence = []
    for m in ev.mentions:
        s_start, s_text = m.view.trimmed()
        conf = 0.8 if not m.possible else 0.5
        if m.strength == WEAK or m.status is None:
            conf -= 0.1
        evidence.append(Evidence(m.start, m.end, art.text[m.start:m.end], s_text, s_start, round(conf, 2)))
    return Meeting(kind=kind, participants=parties, date=date, place=ev.place() or ev.inherited_place, status=status,
                   trigger=real[0].text, evidence=evidence)


def _iso(value: str | None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` with a four-digit year, else None.

    Years before 1000 come out of date arithmetic unpadded ("948"); a record
    must still carry a valid ISO value.
    """
    m = re.fullmatch(r"(\d{1,4})((?:-\d{2}){0,2})", value or "")
    return f"{int(m.group(1)):04d}{m.group(2)}" if m else None


class MeetingExtractor:
    """Pipeline component: fills ``doc._.meetings`` (reads ``doc._.roles``).

    A rule failing on one odd article must not cost the whole build its
    entities and statements, so an error is logged and the article gets no
    meetings.
    """

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.meetings = find_meetings(doc)
        except Exception:  # noqa: BLE001
            _LOG.exception("meeting extraction failed on a document of %d characters", len(doc.text))
            doc._.meetings = []
        return doc


@Language.factory("kg_meetings")
def make_meeting_extractor(nlp: Language, name: str) -> MeetingExtractor:
    """Factory for ``nlp.add_pipe("kg_meetings")`` (after "kg_roles")."""
    return MeetingExtractor()


__all__ = ["MeetingExtractor", "find_meetings"]
