"""A contact that follows the act of the sentence before takes that act's day.

"Sáng 1/9, A chủ trì lễ đón B ... Sau lễ đón, hai bên đã hội đàm": the talks
name no day; they came right after the ceremony the sentence before dates.
Only a sentence that opens with such a link ("Sau lễ đón,", "Sau đó,",
"Ngay sau hội đàm,") is read so. It takes the day the sentence before fronts
("Sáng 1/9, ..."), else the day of the one contact that sentence reports
(only its month after a bare "Sau đó,": later, maybe not the same day).
"Sau hai ngày đàm phán" or "Sau 3 năm" count a stretch of time instead and
give nothing. After a ceremony ("Ngay sau lễ đón,") the contact also takes
the ceremony's venue.
"""

from __future__ import annotations

from functools import lru_cache

from kg.extract.meeting_article import ArticleFacts
from kg.extract.meeting_atoms import Sentence
from kg.extract.meeting_attributes import FRONT, dates_contact, resolved_time, venue_after_prep
from kg.extract.meeting_merge import EventBuilder
from kg.extract.meeting_model import Mention
from kg.extract.meeting_vocab import cue, cue_pattern, trigger_regex
from kg.extract.participants import COUNTRY, PLACE

@lru_cache(maxsize=1)
def _sequel_lead():
    return cue_pattern(r"\s*(?:<<after_link>>)\s+(?!\d|(?:<<plural>>|<<approx>>)(?!\w))[^,.;:!?\d]{1,40},")


def sequel_days(art: ArticleFacts, b: EventBuilder) -> None:
    """Give each undated contact opened by an after-link the day fronted by
    the sentence before (and, after a ceremony, its venue)."""
    for ev in b.events:
        m, lead = next(((m, lead) for m in ev.real() if (lead := _sequel_lead_of(art, m))), (None, None))
        if m is None:
            continue
        prev = art.readers.get(m.sent - 1)
        if prev is not None and ev.place() is None and ev.inherited_place is None \
                and cue("ceremony").search(lead.group()):
            ev.inherited_place = venue_after_prep(prev, prev.v.start, prev.v.end)  # "Ngay sau lễ đón, ..."
        if ev.date() is not None or ev.inherited_date is not None:
            continue
        day = _fronted_day(prev) if prev is not None else None
        if day is None:
            day = _contact_day(b, m.sent - 1)
            if day and not (cue("meeting_noun").search(lead.group()) or trigger_regex()[0].search(lead.group())):
                day = day[:7]  # "Sau đó,": later, maybe not the same day
        if day:
            ev.inherited_date = day


def _sequel_lead_of(art: ArticleFacts, m: Mention):
    """The after-link opening the mention's sentence, or None ("Sau Nhật Bản,"
    names a trip's leg, not an act)."""
    if m.view is None:
        return None
    lead = _sequel_lead().match(art.ftext, m.view.start, m.start)
    if lead is None or any(it.label in (COUNTRY, PLACE) and lead.end() - it.end <= 1
                           for it in m.view.items if lead.start() <= it.start < lead.end()):
        return None
    return lead


def _contact_day(b: EventBuilder, sent: int) -> str | None:
    """The day of the one dated contact reported in sentence ``sent``."""
    days = {ev.date() for ev in b.events if any(x.sent == sent for x in ev.real())}
    days = {d for d in days if d and len(d) == 10}
    return days.pop() if len(days) == 1 else None


def _fronted_day(reader: Sentence) -> str | None:
    """The day a sentence opens with, if it is one."""
    start, _text = reader.v.trimmed()
    for t in reader.art.times:
        if t.start < start or t.start > start + FRONT or t.end > reader.v.end:
            continue
        if not dates_contact(reader.ftext, reader.v.start, t):
            return None
        value = resolved_time(reader, t)
        if value.value and value.granularity == "day" and not value.span:
            return value.value
        return None
    return None
