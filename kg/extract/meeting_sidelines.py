"""Contacts on the sidelines of a gathering take the gathering's day and venue.

"Bên lề hội nghị, A đã gặp B" names neither day nor city: they are those of the
summit or forum named before ("Hội nghị ... diễn ra ngày 26/10 tại Kuala
Lumpur"), often in an earlier sentence or as an organisation's name
("Diễn đàn Kinh tế Thế giới ... tại Davos"). A contact that names its own day
or venue keeps it; one without a sideline cue takes nothing, since a meeting
"cũng trong ngày" of a summit may be held elsewhere in the city.
"""

from __future__ import annotations

from kg.extract.dates import TimeExpression
from kg.extract.meeting_article import ArticleFacts
from kg.extract.meeting_attributes import dates_contact, resolved_time, venue_after_prep
from kg.extract.meeting_merge import EventBuilder
from kg.extract.meeting_model import Event, Mention
from kg.extract.meeting_atoms import Sentence
from kg.extract.meeting_vocab import cue, cue_pattern


def sideline_context(art: ArticleFacts, b: EventBuilder) -> None:
    """Give each sideline contact lacking a day or venue those of its gathering."""
    for ev in b.events:
        lacks_place = ev.place() is None and ev.inherited_place is None
        # "Tại cuộc gặp, hai bên nhất trí ... trong năm nay": a year or month
        # said later is no day of its own
        vague = ev.date() is not None and len(ev.date()) < 10
        lacks_date = (ev.date() is None or vague) and ev.inherited_date is None
        if not (lacks_place or lacks_date):
            continue
        # a mention naming both sides, not one joined as an anaphor ("gần 20
        # cuộc tiếp xúc bên lề hội nghị" says nothing of where this one was)
        m = next((m for m in ev.real() if len(m.parties) >= 2 and on_sidelines(art, b.events, m)), None)
        if m is None:
            continue
        occasion = _occasion_anaphor(art, m.sent)
        if occasion and ev.status()[0] != "held":
            continue  # "Nhân dịp này, X mời Y sớm thăm lại Việt Nam": the visit is later
        place, day = _gathering_setting(art, m)
        if (place is None or day is None) and occasion:
            # "Nhân dịp này": the occasion is the contact told last, "họp tại Manila hôm 8/11"
            prior = [(x.sent, x.start, n) for n, other in enumerate(b.events) if other is not ev
                     for x in other.real() if x.sent < m.sent]
            if prior:
                last = b.events[max(prior)[2]]
                place, day = place or last.place(), day or last.date()
        if lacks_place and place:
            ev.inherited_place = place
        if lacks_date and day and (ev.date() is None or day.startswith(ev.date())):
            ev.inherited_date = day


def on_sidelines(art: ArticleFacts, events: list[Event], m: Mention) -> bool:
    """Whether the mention's sentence places it on the sidelines of a gathering,
    or goes on ("cũng") with the contact read just before, when that one is
    ("Bên lề hội nghị, A đã gặp B. Đây là cuộc gặp đầu tiên ... C cũng có
    cuộc gặp song phương với D")."""
    if m.view is None:
        return False
    if sideline_sentence(art, m.sent):
        return True
    if cue_pattern(r"(?:<<also>>)(?!\w)").search(art.ftext, m.view.start, m.start) is None:
        return False
    if sideline_sentence(art, m.sent - 1):
        return True
    prior = [(x.sent, x.start, n) for n, ev in enumerate(events) for x in ev.mentions if x.sent < m.sent]
    if not prior:
        return False
    ev = events[max(prior)[2]]
    return any(sideline_sentence(art, other.sent) for other in ev.real())


def sideline_sentence(art: ArticleFacts, index: int) -> bool:
    """Whether sentence ``index`` places what it reports on the sidelines of a gathering."""
    reader = art.readers.get(index)
    rx = cue_pattern(r"(?:<<sideline>>)|(?:<<framework>>)\s+(?:\S+\s+){0,2}?(?:<<gathering>>)(?!\w)")
    if reader is None:
        return False
    if rx.search(art.ftext, reader.v.start, reader.v.end) is not None:
        return True
    if not _occasion_anaphor(art, index):
        return False
    # "Nhân dịp này, A gặp B" right after a gathering is told: on its sidelines
    before = [art.views[k] for k in (index - 1, index - 2) if k >= 0]
    return any(cue("gathering").search(art.ftext, v.start, v.end) for v in before)


def _occasion_anaphor(art: ArticleFacts, index: int) -> bool:
    """Whether sentence ``index`` opens with "Nhân dịp này," / "Trong khuôn khổ đó,"."""
    start = art.views[index].trimmed()[0]
    return cue_pattern(r"(?:<<framework>>)\s+(?:<<anaphor>>)\s*,").match(art.ftext, start) is not None


def _gathering_setting(art: ArticleFacts, m: Mention) -> tuple[str | None, str | None]:
    """Venue and day of the gathering named last, up to the mention's sentence.

    The nearest sentence naming a gathering with a venue ("... tại X") wins;
    its day is the time of that sentence nearest the gathering's noun, else
    that of the nearest sentence naming the gathering with a day (a headline
    "Thủ tướng dự Hội nghị ... tại Rio de Janeiro" has the venue, the body's
    "Sáng 7/7, ... đã dự Hội nghị ..." the day).
    """
    day = None
    for index in range(m.sent, -1, -1):
        reader = art.readers.get(index)
        if reader is None:
            continue
        v = reader.v
        hits = list(cue("gathering").finditer(art.ftext, v.start, v.end))
        for k, hit in enumerate(hits):
            limit = hits[k + 1].start() if k + 1 < len(hits) else v.end
            semi = art.ftext.find(";", hit.end(), limit)
            near = _time_near(reader, hit.start())
            place = venue_after_prep(reader, hit.end(), semi if semi >= 0 else limit)
            if place:
                return place, (near.value if near else None) or day
            if near is not None and near.granularity == "day":  # elsewhere only a day says when it was
                day = day or near.value
    return None, day


def _time_near(reader: Sentence, at: int) -> TimeExpression | None:
    """The sentence's contact time nearest ``at``, resolved."""
    v = reader.v
    times = [t for t in reader.art.times if v.start <= t.start and t.end <= v.end and t.value
             and dates_contact(reader.ftext, v.start, t)]
    if not times:
        return None
    t = min(times, key=lambda t: abs(t.start - at))
    return resolved_time(reader, t)
