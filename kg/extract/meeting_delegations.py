"""Delegations and representatives: who actually stood for each side.

Delegations give way to their named members ("Phía Mỹ gồm ...", "phái đoàn Nga
do X dẫn đầu", "Về phía Mỹ, ông X ..."), a visitor stands for his country in a
contact reported right after his visit (which also dates it), and a country is
dropped when one of its own people is a party.
"""

from __future__ import annotations

import re

from kg.extract.meeting_article import ArticleFacts
from kg.extract.meeting_merge import EventBuilder, dates_compatible, lies_inside
from kg.extract.meeting_model import Atom, Event
from kg.extract.meeting_sidelines import on_sidelines
from kg.extract.meeting_vocab import VISIT, cue, cue_pattern, reporting_verbs
from kg.extract.participants import COUNTRY, ORG, PERSON, SentView, cue_anywhere


# a side opening the sentence, "do X dẫn đầu", "cử X": what _member_lists reads
_MEMBER_CUES = ("side", "led_by", "sends")


def _member_lists(art: ArticleFacts, view: SentView) -> list[tuple[str, list[str], bool]]:
    """``(side, persons, speaking)`` named as a side's members or head in one sentence.

    A head named with "do X dẫn đầu" wins over the first person after "Phía X,":
    in "Phía Ukraine, Tổng thống Y cho biết phái đoàn nước này sẽ do Z dẫn
    đầu", Y only announces who leads the delegation. ``speaking``: the one
    person after "Về phía X," speaks ("..., Tổng thống Y viết rằng ..."), so
    is X's member only of a contact already held, never of a planned one.
    """
    if not any(cue_anywhere("meeting", c).search(art.ftext, view.start, view.end) for c in _MEMBER_CUES):
        return []  # none of the cues below is in the sentence: no need to read its atoms
    atoms = art.atoms_of(view.index)
    lead_ws = view.trimmed()[0]
    # "Phía Mỹ gồm ...", and a second side after a comma: "..., trong khi phía Nga có ..."
    second = cue_pattern(r"[,;]\s*(?:<<side_contrast>>)\s+(?:<<side>>)\s*$")
    openers = [a for a in atoms if a.kind == "actor" and a.label in (COUNTRY, ORG) and a.key and (
        re.fullmatch(rf"(?:về\s+)?(?:{cue('side').pattern})\s*", art.ftext[lead_ws:a.core], re.I)
        or second.search(art.ftext, view.start, a.core))]
    heads = _heads(art, view, atoms, openers[0] if openers else None)
    out = [(k, ps, False) for k, ps in heads]
    for opener in openers:
        if opener.key in {c for c, _ in heads}:
            continue
        listed = _listed_members(art, view, atoms, opener)
        if listed:
            last = next(x for x in atoms if x.key == listed[-1])
            out.append((opener.key, listed, reporting_verbs().match(art.ftext, last.end + 1) is not None))
    out += [(k, ps, False) for k, ps in _sent_representatives(art, view, atoms)]
    return out


def _persons(atoms: list[Atom], lo: int, hi: int) -> list[Atom]:
    return [x for x in atoms if lo <= x.start and x.end <= hi and x.kind == "actor" and x.label == PERSON]


def _listed_members(art: ArticleFacts, view: SentView, atoms: list[Atom], side: Atom) -> list[str]:
    """"Phía Mỹ gồm A, B và C" (one member per list item), or "Phía Mỹ, ông A ..."."""
    ftext = art.ftext
    after = _persons(atoms, side.end, view.end)
    m = cue("member_list").search(ftext, side.end, view.end)
    if m and not re.search(r"[,.;]", ftext[side.end:m.start()]):
        # one member per list item: the last name of "con rể Tổng thống
        # Donald Trump là ông Jared Kushner" is the member
        cuts = [m.end()] + [x.end() for x in re.finditer(
            rf",|;|{cue('coordinator').pattern}", ftext[:view.end]) if x.start() >= m.end()] + [view.end]
        names = []
        kin = cue_pattern(r"\s*(?:<<kin>>)\s")
        for lo, hi in zip(cuts, cuts[1:]):
            in_chunk = [x for x in after if lo <= x.start and x.end <= hi + 1]
            if kin.match(ftext, lo) and len(in_chunk) == 1:
                continue  # "ông X, con rể Tổng thống Y": Y only says whose kin X is
            if not in_chunk:
                # a designation may straddle a cut ("Đặc phái viên về đầu tư và ...")
                in_chunk = [x for x in after if lo <= x.end <= hi + 1]
            if in_chunk:
                names.append(in_chunk[-1].key)
        if names:
            return list(dict.fromkeys(names))
    if ftext[side.end:side.end + 2].strip() == "," and after and \
            re.fullmatch(r",\s*(?:\S+\s*){0,6}", ftext[side.end:after[0].start]):
        return [after[0].key]
    return []


def _heads(art: ArticleFacts, view: SentView, atoms: list[Atom], opener: Atom | None) -> list[tuple[str, list[str]]]:
    """Heads of delegations: "phái đoàn Nga (vẫn sẽ) do X dẫn đầu", "X dẫn đầu phái đoàn Nga".

    A delegation noun without its state ("phái đoàn nước này") belongs to the
    side the sentence opens with.
    """
    ftext = art.ftext
    out = []
    led = cue("led_by")
    for m in led.finditer(ftext, view.start, view.end):
        agent = [x for x in cue_pattern(r"(?<!\w)(?:<<led_agent>>)\s+").finditer(ftext[view.start:m.start()])]
        if agent:
            do_start, do_end = view.start + agent[-1].start(), view.start + agent[-1].end()
            persons = _persons(atoms, do_end, m.start())
            if persons and persons[0].start - do_end <= 80 and m.start() - persons[-1].end <= 80 \
                    and not re.search(r"[,;]", ftext[do_end:persons[0].start]):
                owner = _delegation_before(art, atoms, do_start, opener)
                if owner:
                    out.append((owner, [persons[-1].key]))
                    continue
        # "X dẫn đầu phái đoàn Nga", "X dẫn đầu đoàn đại biểu Quốc hội Lào"
        after = [x for x in atoms if x.start >= m.end() and x.start - m.end() <= 15 and x.label in (COUNTRY, ORG)
                 and x.key and (x.kind == "actor" and x.delegation or _delegation_noun(art, m.end(), x))]
        before = [x for x in atoms if x.end <= m.start() and m.start() - x.end <= 20 and x.label == PERSON]
        if after and before:
            out.append((after[0].key, [before[-1].key]))
    return out


def _delegation_noun(art: ArticleFacts, at: int, x: Atom) -> bool:
    """Whether only a delegation noun stands between ``at`` and the post ``x``
    ("đoàn" before "đại biểu Quốc hội Lào"): the post's state sent it."""
    return x.kind == "title" and cue_pattern(r"\s*(?:<<delegation>>)\s*").fullmatch(art.ftext, at, x.start) is not None


def _delegation_before(art: ArticleFacts, atoms: list[Atom], at: int, opener: Atom | None) -> str | None:
    """The side whose delegation stands right before "do" (a few adverbs between)."""
    near = [x for x in atoms if x.end <= at and at - x.end <= 25 and x.kind == "actor" and x.delegation
            and x.label in (COUNTRY, ORG) and not re.search(r"[,;]", art.ftext[x.end:at])]
    if near:
        return near[-1].key
    bare = list(cue_pattern(r"(?:<<delegation>>)(?:\s+\S+){0,4}\s*$").finditer(art.ftext[max(0, at - 40):at]))
    if bare and opener is not None and not re.search(r"[,;]", bare[-1].group()):
        return opener.key  # "Phía Ukraine, ... phái đoàn nước này sẽ do X dẫn đầu"
    return None


def _sent_representatives(art: ArticleFacts, view: SentView, atoms: list[Atom]) -> list[tuple[str, list[str]]]:
    """"... phía Hamas cử quan chức cấp cao X tham dự": X represents Hamas."""
    out = []
    for a in atoms:
        if not (a.kind == "actor" and a.delegation and a.label in (COUNTRY, ORG) and a.key):
            continue
        m = cue_pattern(r"\s*(?:\S+\s+){0,2}?(?:<<sends>>)\s").match(art.ftext[a.end:view.end])
        if m:
            persons = _persons(atoms, a.end + m.end(), view.end)
            if persons and persons[0].start - (a.end + m.end()) <= 50:
                out.append((a.key, [persons[0].key]))
    return out


def apply_members(art: ArticleFacts, b: EventBuilder) -> None:
    for view in art.views:
        lists = _member_lists(art, view)
        if not lists:
            continue
        here = [b.where[i] for i, m in enumerate(b.mentions) if m.sent == view.index and i in b.where]
        for country, persons, speaking in lists:
            target = None
            for ev in here:
                if country in ev.parties or country in b._sides(ev.parties):
                    target = ev
                    break
            if target is None:
                cands = [ev for ev in b.events if ev.real() and not ev.background
                         and ev.mentions[0].sent <= view.index and view.index - ev.last_sent <= 3
                         and (country in ev.parties or country in b._sides(ev.parties))]
                if cands:
                    target = max(cands, key=lambda ev: (max(m.sent for m in ev.mentions if m.sent <= view.index)))
            if target is None or (speaking and target.status()[0] == "planned"):
                continue  # a speaker comments on what was held, and attends nothing planned
            for p in persons:
                art.affiliations(p).add(country)
            target.parties = [k for k in target.parties if k != country]
            target.parties += [p for p in persons if p not in target.parties]


def visits_into_meetings(art: ArticleFacts, b: EventBuilder) -> None:
    """A contact reported right after a visit was held during it."""
    visits = [ev for ev in b.events if ev.family == VISIT and ev.real()]
    for ev in b.events:
        if ev.family == VISIT or not ev.real():
            continue
        first = ev.mentions[0].sent
        framing = _latest_visit(visits, ev, first) if _trip_framed(art, ev) else None
        for vi in visits:
            if vi is framing and ev.date() is None and vi.date():
                ev.inherited_date = vi.date()[:7]  # "Trong chương trình chuyến thăm, X sẽ hội kiến Y"
                continue
            if not any(0 <= first - x.sent <= 1 for x in vi.mentions):
                continue  # right after a sentence about the visit
            host = vi.mentions[0].parties[-1] if vi.mentions[0].parties else None
            visitors = [p for p in vi.parties if p != host]
            if host is None or host not in b._sides(ev.parties) | set(ev.parties):
                continue
            if not dates_compatible(vi.date(), ev.date()):
                continue
            replaced = False
            for v in visitors:
                for c in art.countries_of(v):
                    if c in ev.parties and c != host:
                        ev.parties = [v if k == c else k for k in ev.parties]
                        replaced = True
            if (replaced or set(visitors) & set(ev.parties)) and ev.date() is None and vi.date():
                ev.inherited_date = vi.date()


def _trip_framed(art: ArticleFacts, ev: Event) -> bool:
    """The contact's sentence opens with a trip frame and no host of its own
    ("Trong chương trình chuyến thăm, ...")."""
    m = ev.mentions[0]
    if m.view is None:
        return False
    return cue_pattern(r"\s*(?:<<trip_frame>>)\s*(?:này\s*)?,").match(art.ftext, m.view.start, m.start) is not None


def _latest_visit(visits: list[Event], ev: Event, sent: int) -> Event | None:
    """The visit of one of the contact's parties reported last before
    sentence ``sent`` (by its first mention)."""
    before = [vi for vi in visits if vi.mentions[0].sent < sent and set(ev.parties) & set(vi.parties)]
    return max(before, key=lambda vi: vi.mentions[0].sent) if before else None


def drop_represented(art: ArticleFacts, ev: Event) -> list[str]:
    """Drop a country when one of its own people is already a party, and an
    organisation when the person it stands for is ("Đại diện cấp cao ... của
    EU Kaja Kallas": the EU takes part through her)."""
    persons = [k for k in ev.parties if not k.startswith("country/") and not k.startswith("org/")]
    covered = set()
    for p in persons:
        covered |= art.countries_of(p)
        side = art.side(p)
        if side.startswith(("org/", "country/")):
            covered.add(side)  # also a state through a body of its own ("Bộ Quốc phòng Lào")
        covered |= {r.org for r in art.roles if r.person == p and r.org}
    # a state's own body goes too ("Bộ Ngoại giao Trung Quốc", its delegation led by a Chinese official)
    return [k for k in ev.parties if not (k.startswith(("country/", "org/")) and (
        k in covered or (k.startswith("org/") and art.side(k) in covered and art.side(k).startswith("country/"))))]


def host_pairs(art: ArticleFacts, events: list[Event], ev: Event, parties: list[str]) -> list[list[str]]:
    """"X hội kiến A và B" where A and B lead the country X is visiting: one
    meeting with each, as protocol has it (a visitor calls on the host's
    leaders one by one); so too "X gặp A và B", of two other states, on the
    sidelines of a gathering. Hosts receiving two visitors together ("tiếp
    hai Bộ trưởng Nhật Bản") stay one meeting: the visitors are not of the
    country where they meet."""
    for m in ev.real():
        if len(m.groups) != 2 or len(m.groups[0]) != 1 or len(m.groups[1]) < 2:
            continue
        guests = [a.key for a in m.groups[1] if a.kind == "actor" and a.label == PERSON]
        # the subject may be a post the article resolved ("Chủ tịch nước đã gặp A và B")
        rest = set(parties) - set(guests)
        subject = m.groups[0][0].key or (next(iter(rest)) if len(rest) == 1 else None)
        if subject is None or len(guests) != len(m.groups[1]) or set(parties) != {subject, *guests}:
            continue
        sideline = on_sidelines(art, events, m)
        # on the sidelines an official of no state (the UN's Secretary-General) is a side of his own
        homes = {frozenset(art.countries_of(g)) or (frozenset({g}) if sideline else frozenset()) for g in guests}
        if any(len(h) != 1 for h in homes) or any(h <= art.countries_of(subject) for h in homes):
            continue
        if len(homes) == 1:
            if not _visiting(events, ev, subject, next(iter(next(iter(homes))))):
                continue
        elif len(homes) != len(guests) or not sideline:
            continue  # guests of several states: bilateral talks on a gathering's sidelines
        return [[subject, g] for g in guests]
    return [parties]


def _visiting(events: list[Event], ev: Event, person: str, country: str) -> bool:
    """Whether the contact is held in ``country`` or the article tells of
    ``person``'s visit there."""
    place = ev.place() or ev.inherited_place
    if place is not None and (place == country or lies_inside(place, country)):
        return True
    return any(other.family == VISIT and {person, country} <= set(other.parties) for other in events)
