"""Attendee lists given after a summit or meeting is reported.

News reports of a summit often name who came in a sentence of its own, right
after the one reporting the event: "Hội nghị thượng đỉnh X diễn ra hôm qua tại
Y. Tham dự có Tổng thống A, Thủ tướng B và Tổng thống C." Such a sentence has
no trigger of its own, so the persons it lists join the event of the sentence
before. The opener is read from ``meeting_cues.tsv`` (``attend``,
``attend_object``, ``member_list``).
"""

from __future__ import annotations

from kg.extract.meeting_article import ArticleFacts
from kg.extract.meeting_merge import EventBuilder
from kg.extract.meeting_model import Event
from kg.extract.meeting_vocab import CALL, VISIT, cue_pattern
from kg.extract.participants import PERSON

_REACH = 2
"""Sentences back from the list to the event it completes."""


def apply_attendees(art: ArticleFacts, b: EventBuilder) -> None:
    """Add the persons of each attendee list to the event reported just before it."""
    opener = cue_pattern(r"\W*(?:cùng\s+)?(?:<<attend>>)(?:\s+(?:<<attend_object>>)(?:\s+(?:này|lần này))?)?"
                         r"\s*,?\s+(?:<<member_list>>)\s")
    for view in art.views:
        m = opener.match(art.ftext, view.trimmed()[0], view.end)
        if m is None:
            continue
        # "Tham dự hội nghị có ...": the meeting noun of the opener is the
        # event just reported, not one of its own
        attended = {i for i, mn in enumerate(b.mentions) if mn.sent == view.index and m.start() <= mn.start < m.end()}
        target = _event_before(b, view.index, attended)
        if target is None:
            continue
        persons = [a.key for a in art.atoms_of(view.index)
                   if a.kind == "actor" and a.label == PERSON and a.start >= m.end() and art.known(a.key)]
        if len(persons) < 2:
            continue  # one name is no list: "Tham dự có ông X" may be anyone's aide
        for i in attended:
            _move(b, i, target)
        if any(mn.org_summit for mn in target.mentions):
            # the organisation hosting the summit is its setting; its members came
            target.parties = [p for p in target.parties if not p.startswith("org/")]
        target.parties += [p for p in persons if p not in target.parties]


def _move(b: EventBuilder, index: int, target: Event) -> None:
    """Make mention ``index`` a report of ``target``, dropping the event it made alone."""
    old = b.where.get(index)
    if old is target:
        return
    if old is not None:
        old.mentions.remove(b.mentions[index])
        if not old.mentions:
            b.events.remove(old)
    target.mentions.append(b.mentions[index])
    b.where[index] = target


def _event_before(b: EventBuilder, index: int, attended: set[int]) -> Event | None:
    """The in-person event last reported in the few sentences before ``index``
    (none if this sentence reports one itself, other than ``attended``)."""
    if any(mn.sent == index and i not in attended for i, mn in enumerate(b.mentions)):
        return None
    best: tuple[int, int] | None = None
    found = None
    for ev in b.events:
        if not ev.real() or ev.background or ev.family in (CALL, VISIT):
            continue
        before = [mn.sent for mn in ev.mentions if index - _REACH <= mn.sent < index]
        if not before:
            continue
        last = max(before)
        rank = (last, -min(mn.start for mn in ev.mentions if mn.sent == last))
        if best is None or rank > best:
            best, found = rank, ev
    return found
