"""Diplomatic contacts: meetings, calls, talks, summits, visits (component "kg_meetings").

A news article reports one contact over many sentences ("Tổng thống Putin tiếp
phái đoàn Mỹ", "Cuộc đàm phán bắt đầu vào lúc 23h25 ngày 22/1", "Phía Mỹ gồm
...") and mentions earlier or later contacts in passing, so the work is split:

* :mod:`~kg.extract.meeting_atoms` - the actors of a sentence and its clauses
  (reporting verbs end a clause: "X cho biết A gặp B" is A's meeting);
* :mod:`~kg.extract.meeting_triggers` - trigger words and travel verbs;
* :mod:`~kg.extract.meeting_clauses` - each trigger with the parties its
  clause names (a *mention*); :mod:`~kg.extract.meeting_attributes` - its
  status, venue and date;
* :mod:`~kg.extract.meeting_parties` - what a post, group or pronoun stands for;
* :mod:`~kg.extract.meeting_merge` - mentions merged into events (one per
  contact); :mod:`~kg.extract.meeting_delegations` - delegations replaced by
  their heads and members; :mod:`~kg.extract.meeting_attendees` - persons
  listed as attending the summit just reported; :mod:`~kg.extract.meeting_sidelines` - contacts
  "bên lề" a summit given its day and city.

This module runs them and turns each event into a :class:`Meeting` record.
Status: a date before or after the article date decides; else the nearest
strong cue ("sẽ", "đã"), else a weak one that only relates the contact to
another ("sau khi", "trước cuộc"); else held. A held contact that "just"
happened ("vừa") without a date gets the article's month. A contact dated only
relative to another one ("ngay sau cuộc gặp ...") takes that one's month. A
contact whose parties all belong to one state is internal and dropped, as is
one said to be cancelled ("cuộc gặp bị hủy"). Participants are always keys of
entities the article names.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

import kg.extract.facts  # noqa: F401  (declares doc._.meetings)
from kg.extract.dates import article_relative
from kg.extract.guarded import GuardedComponent
from kg.extract.meeting_article import ArticleFacts
from kg.extract.meeting_attendees import apply_attendees
from kg.extract.meeting_clauses import ClauseReader
from kg.extract.meeting_delegations import apply_members, drop_represented, host_pairs, visits_into_meetings
from kg.extract.meeting_merge import EventBuilder, borrow_places, lies_inside, stated_inside
from kg.extract.meeting_model import Event
from kg.extract.meeting_sequels import sequel_days
from kg.extract.meeting_sidelines import sideline_context
from kg.extract.meeting_vocab import VISIT, WEAK
from kg.extract.model import Evidence, Meeting, Role
from kg.extract.participants import SentView, entity_table, sentence_views
from kg.extract.roles import find_roles, sentence_roles


def find_meetings(doc: Doc, views: list[SentView] | None = None, roles: list[Role] | None = None) -> list[Meeting]:
    """All meetings reported in one article."""
    table = entity_table(doc)
    views = views if views is not None else sentence_views(doc, table)
    hits = {v.index: sentence_roles(v) for v in views}
    if roles is None:
        roles = doc._.roles if doc._.roles is not None else find_roles(doc, views)
    art = ArticleFacts(doc, views, roles, hits, table)
    b = EventBuilder(art)
    for view in views:
        reader = ClauseReader(art, view)
        art.readers[view.index] = reader
        for m in reader.read(len(b.mentions)):
            b.mentions.append(m)
            b.add(len(b.mentions) - 1, m)
    apply_members(art, b)
    apply_attendees(art, b)
    visits_into_meetings(art, b)
    borrow_places(b)
    sideline_context(art, b)
    sequel_days(art, b)
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
        out += [_meeting(art, b, ev, pair) for pair in host_pairs(art, b.events, ev, parties)]
    return out


def _meeting(art: ArticleFacts, b: EventBuilder, ev: Event, parties: list[str]) -> Meeting:
    real = ev.real()
    date, inherited = ev.date(), ev.inherited_date
    if inherited and (date is None or inherited.startswith(date)):
        date = inherited  # none of its own, or a day within its own month or year
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
    # A call joins two places; a venue in its sentence is where someone spoke
    # about it ("nói tại Văn phòng Thủ tướng sau cuộc điện đàm").
    place = None if kind == "call" else art.known(_innermost(ev, art) or ev.inherited_place)
    return Meeting(kind=kind, participants=parties, date=date, place=place, status=status,
                   trigger=real[0].text, evidence=evidence)


def _iso(value: str | None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` with a four-digit year, else None.

    Years before 1000 come out of date arithmetic unpadded ("948"); a record
    must still carry a valid ISO value.
    """
    m = re.fullmatch(r"(\d{1,4})((?:-\d{2}){0,2})", value or "")
    return f"{int(m.group(1)):04d}{m.group(2)}" if m else None


def _innermost(ev: Event, art: ArticleFacts) -> str | None:
    """The event's venue, or a venue of its mentions the article puts inside it
    (a caption's "tại Riyadh", the body's "tại Cung điện X ở thủ đô Riyadh";
    a headline's "tại Moskva", the body's "tại Điện Kremlin")."""
    place = ev.place()
    for m in ev.real():
        # a visit's goal stays the state; talks "tại Oman" (a headline) were held "tại Muscat" (the body)
        if place and m.place and m.place != place and (stated_inside(m.place, place, art.within) or (
                (ev.family != VISIT or not place.startswith("country/")) and lies_inside(m.place, place, art.within))):
            place = m.place
    return place


@Language.factory("kg_meetings")
def make_meeting_extractor(nlp: Language, name: str) -> GuardedComponent:
    """Factory for ``nlp.add_pipe("kg_meetings")`` (after "kg_roles")."""
    return GuardedComponent("meetings", find_meetings)


__all__ = ["find_meetings"]

