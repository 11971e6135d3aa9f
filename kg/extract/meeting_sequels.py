"""A contact that follows the act of the sentence before takes that act's day.

"Sáng 1/9, A chủ trì lễ đón B ... Sau lễ đón, hai bên đã hội đàm": the talks
name no day; they came right after the ceremony the sentence before dates.
Only a sentence that opens with such a link ("Sau lễ đón,", "Sau đó,",
"Ngay sau hội đàm,") is read so, and only a day the sentence before fronts
("Sáng 1/9, ..."); "Sau hai ngày đàm phán" or "Sau 3 năm" count a stretch of
time instead and give nothing.
"""

from __future__ import annotations

from functools import lru_cache

from kg.extract.meeting_article import ArticleFacts
from kg.extract.meeting_atoms import Sentence
from kg.extract.meeting_attributes import dates_contact, resolved_time
from kg.extract.meeting_merge import EventBuilder
from kg.extract.meeting_model import Mention
from kg.extract.meeting_vocab import cue_pattern

# How far into a sentence its fronted time may start ("Chiều ngày 1/9, ...").
_FRONT = 12


@lru_cache(maxsize=1)
def _sequel_lead():
    return cue_pattern(r"\s*(?:<<after_link>>)\s+(?!\d|(?:<<plural>>|<<approx>>)(?!\w))[^,.;:!?\d]{1,40},")


def sequel_days(art: ArticleFacts, b: EventBuilder) -> None:
    """Give each undated contact opened by an after-link the day fronted by
    the sentence before."""
    for ev in b.events:
        if ev.date() is not None or ev.inherited_date is not None:
            continue
        m = next((m for m in ev.real() if _opens_with_sequel(art, m)), None)
        if m is None:
            continue
        prev = art.readers.get(m.sent - 1)
        day = _fronted_day(prev) if prev is not None else None
        if day:
            ev.inherited_date = day


def _opens_with_sequel(art: ArticleFacts, m: Mention) -> bool:
    if m.view is None:
        return False
    lead = _sequel_lead().match(art.ftext, m.view.start, m.start)
    return lead is not None


def _fronted_day(reader: Sentence) -> str | None:
    """The day a sentence opens with, if it is one."""
    start, _text = reader.v.trimmed()
    for t in reader.art.times:
        if t.start < start or t.start > start + _FRONT or t.end > reader.v.end:
            continue
        if not dates_contact(reader.ftext, reader.v.start, t):
            return None
        value = resolved_time(reader, t)
        if value.value and value.granularity == "day" and not value.span:
            return value.value
        return None
    return None
