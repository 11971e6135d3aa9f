"""Merging trigger mentions into events (one event = one reported contact).

A mention with parties on two sides joins an event of the same family whose
date, place and status agree and whose parties are similar, or starts a new
one; a mention without such parties ("Cuộc thảo luận kéo dài ...") joins the
most recent compatible event.
"""

from __future__ import annotations

from functools import lru_cache

from kg.extract.meeting_article import ArticleFacts
from kg.extract.meeting_model import Event, Mention
from kg.extract.meeting_parties import resolve_atom
from kg.extract.meeting_vocab import STRONG, VISIT, cue, cue_pattern, family
from kg.extract.names import slugify
from kg.extract.participants import capital_countries, known_affiliations, norm, outlet_keys

_ANAPHOR_WINDOW = 5  # sentences an event stays open for mentions without parties


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _status_conflict(m: Mention, ev: Event) -> bool:
    if m.status is None:
        return False
    st, strength = ev.status()
    if st is None or st == m.status:
        return False
    return strength == STRONG and m.strength == STRONG


def _date_ok(m: Mention, ev: Event) -> bool:
    a = m.date.value if m.date else None
    b = ev.date()
    return not a or not b or a.startswith(b) or b.startswith(a)


def _place_ok(m: Mention, ev: Event, within: dict[str, str] | None = None) -> bool:
    a, b = m.place, ev.place()
    return not a or not b or a == b or lies_inside(a, b, within) or lies_inside(b, a, within)


def lies_inside(place: str, country: str, within: dict[str, str] | None = None) -> bool:
    """Whether a venue lies in a country ("Abu Dhabi" in UAE), per the lexicons,
    or in a place, as the article says (see :func:`stated_inside`)."""
    if stated_inside(place, country, within):
        return True
    if not country.startswith("country/"):
        # a state's seat of government lies in its capital ("Điện Kremlin" in "Moskva")
        seat_of = _capital_of(country)
        return place.startswith("org/") and seat_of is not None and known_affiliations().get(place) == seat_of
    return known_affiliations().get(place) == country or _capital_of(place) == country


def _capital_of(key: str) -> str | None:
    """The country whose capital a place key names ("place/abu-dhabi", and
    "place/bac-kinh", whose slug lost the tone marks of "Bắc Kinh")."""
    return _capital_slugs().get(key.split("/", 1)[-1])


@lru_cache(maxsize=1)
def _capital_slugs() -> dict[str, str]:
    return {slugify(name): country for name, country in capital_countries().items()}


def stated_inside(place: str, other: str, within: dict[str, str] | None) -> bool:
    """Whether the article puts ``place`` inside ``other`` ("Cung điện X ở thủ đô Riyadh")."""
    seen = {place}
    while within and place in within and within[place] not in seen:
        place = within[place]
        if place == other:
            return True
        seen.add(place)
    return False


class EventBuilder:
    def __init__(self, art: ArticleFacts) -> None:
        self.art = art
        self.events: list[Event] = []
        self.mentions: list[Mention] = []
        self.where: dict[int, Event] = {}  # mention index -> event

    def add(self, idx: int, m: Mention) -> None:
        art = self.art
        if m.kind == VISIT:
            parties = []
            for a in m.visitor:
                parties += resolve_atom(a, art, self.events, m)
            host = []
            if m.host is not None:
                host = resolve_atom(m.host, art, self.events, m) if m.host.kind != "place" else [
                    art.known(capital_countries().get(norm(art.text[m.host.start:m.host.end]))) or
                    art.known(known_affiliations().get(m.host.key or "")) or m.host.key]
            parties = [p for p in parties if p] + [h for h in host if h and h not in parties]
        else:
            parties = []
            for g in m.groups:
                for a in g:
                    parties += resolve_atom(a, art, self.events, m)
        parties = [p for p in dict.fromkeys(parties) if p and p not in outlet_keys()]
        m.parties = parties
        named = any(a.kind != "group" for g in m.groups for a in g) or m.kind == VISIT
        if m.generic and not named:
            return  # "các cuộc gặp cấp cao giữa hai nước": talk about contacts in general
        one_sided = len(self._sides(parties)) < 2  # "Phía Nga tham dự cuộc gặp có X và Y"
        if m.org_summit and parties and all(p.startswith("org/") for p in parties):
            one_sided = False  # "Hội nghị thượng đỉnh NATO": the organisation's members meet
            parties = parties[:1]
        if (len(parties) >= 2 or m.org_summit) and not one_sided and \
                not (m.kind == VISIT and (not m.visitor or m.host is None)):
            ev = self._match(m, parties)
            if ev is None:
                ev = Event([m], list(parties), m.background)
                self.events.append(ev)
            else:
                ev.mentions.append(m)
                ev.parties += [p for p in parties if p not in ev.parties]
            self.where[idx] = ev
            return
        if m.possible or m.generic:
            return
        if m.series and (m.status == "planned" or m.earlier) and len(parties) < 2:
            ev = self._next_round(m)
            if ev is not None:
                self.events.append(ev)
                self.where[idx] = ev
                return
        if not parties and not self._noun_like(m) and not (m.anaphoric or m.purpose):
            return  # "thúc đẩy đàm phán Bộ quy tắc": a bare verb with no party reports no contact
        attends = bool(parties) and self._attends(m)
        # "X cũng tham dự cuộc họp": one more attendee of the gathering just read
        ev = self._anaphor(m, [] if attends else parties)
        if ev is not None:
            ev.mentions.append(m)
            self.where[idx] = ev
            if attends:
                ev.parties += [p for p in parties if p not in ev.parties]

    def _next_round(self, m: Mention) -> Event | None:
        """"Vòng đàm phán tiếp theo sẽ diễn ra tại X": a new contact of the
        parties of the series' last contact (read before it, of the same family;
        a summit's series is of summits: no bilateral meeting is the next summit)."""
        summit = m.kind == "summit"
        prev = [ev for ev in self.events if ev.family == family(m.kind)
                and any((x.kind == "summit") == summit for x in ev.real())
                and len(self._sides(ev.parties)) >= 2 and ev.mentions[0].start < m.start]
        if not prev:
            return None
        last = max(prev, key=lambda ev: max(x.start for x in ev.mentions))
        m.parties = list(last.parties)
        return Event([m], list(last.parties), m.background)

    def _sides(self, keys) -> set[str]:
        return {self.art.side(k) for k in keys}

    def _match(self, m: Mention, parties: list[str]) -> Event | None:
        best = None
        told = _discussion_of_group(m)
        for ev in self.events:
            if ev.family != family(m.kind) and not told:
                continue
            if m.possible and ev.real() and ev.status()[0] != "planned":
                continue
            if m.status == "held" and not m.possible and not ev.real():
                continue  # "đề nghị sớm tổ chức kỳ họp ... Cũng trong ngày, A tiếp B": a proposal is not the reception
            if _status_conflict(m, ev) or not _date_ok(m, ev) or not _place_ok(m, ev, self.art.within):
                continue
            if m.delegated != any(x.delegated for x in ev.mentions) and not m.anaphoric:
                continue  # a deputies' dialogue is not the leaders' meeting of the same two states
            raw = _jaccard(set(parties), set(ev.parties))
            kin = ev.family == family(m.kind)
            if not kin and raw < 1.0 and not (told and set(parties) <= set(ev.parties)):
                continue  # a contact of another kind only when the group is exactly (or among) its parties
            sides = _jaccard(self._sides(parties), self._sides(ev.parties))
            if min(len(self._sides(parties)), len(self._sides(ev.parties))) < 2:
                sides = raw  # one-sided: countries say nothing about who met
            mine = {p for p in parties if p.startswith("person/")}
            theirs = {p for p in ev.parties if p.startswith("person/")}
            if len(mine) >= 2 and len(theirs) >= 2:
                # named people on both sides: other people means another meeting
                sides = _jaccard(mine, theirs)
                if mine != theirs and not m.anaphoric and all(x.kind != m.kind for x in ev.mentions):
                    continue  # "X tiếp A và B ... A và B đã hội đàm": the two's own talks
            if m.background and ev.mentions[0].sent != m.sent and raw < 1.0:
                continue  # "Trước đó, ..." is another contact unless it names the same parties
            if m.background and ev.mentions[0].sent != m.sent and (m.date is not None):
                continue
            if max(raw, sides) < 0.5:
                continue
            same_status = ev.status()[0] == m.status
            score = (kin, same_status, not ev.background, raw, sides, ev.last_sent)
            if best is None or score > best[0]:
                best = (score, ev)
        return best[1] if best else None

    def _attends(self, m: Mention) -> bool:
        """The meeting noun is the object of an attendance verb ("tham dự cuộc họp")."""
        if m.view is None or cue("attend_object").fullmatch(norm(m.text)) is None:
            return False
        lead = self.art.ftext[max(m.view.start, m.start - 25):m.start]
        return cue_pattern(r"(?<!\w)(?:<<attend>>)\s+$").search(lead) is not None

    @staticmethod
    def _noun_like(m: Mention) -> bool:
        """A meeting noun ("cuộc gặp", "vòng đàm phán") or a named event
        ("bên lề Đối thoại Shangri-La"), which may stand for a contact already
        reported; a bare verb cannot."""
        return cue("meeting_noun").match(norm(m.text)) is not None or m.text[:1].isupper()

    def _anaphor(self, m: Mention, parties: list[str]) -> Event | None:
        best = None
        for ev in self.events:
            if ev.family != family(m.kind) or not ev.real():
                continue
            if ev.background and ev.last_sent != m.sent:
                continue
            if m.sent - ev.last_sent > _ANAPHOR_WINDOW:
                continue
            if _status_conflict(m, ev) or not _date_ok(m, ev) or not _place_ok(m, ev, self.art.within):
                continue
            if parties and not self._sides(parties) <= self._sides(ev.parties) | set(ev.parties):
                continue
            score = max(x.start for x in ev.mentions if x.start < m.start) if any(
                x.start < m.start for x in ev.mentions) else -1
            if best is None or score > best[0]:
                best = (score, ev)
        return best[1] if best else None


def _discussion_of_group(m: Mention) -> bool:
    """"Hai nhà lãnh đạo đã thảo luận về ...": what the group discussed at the
    contact just read, of any kind, not another contact."""
    atoms = [a for g in m.groups for a in g]
    return bool(atoms) and all(a.kind == "group" for a in atoms) and \
        cue("discussion").fullmatch(norm(m.text)) is not None


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Whether two ISO dates may name the same day (one is a prefix of the other)."""
    return not a or not b or a.startswith(b) or b.startswith(a)


def borrow_places(b: EventBuilder) -> None:
    """An event without a venue takes the one of the sentence right before it
    when that sentence reports a contact of the same kind between the same
    sides ("... vòng đàm phán thứ tư giữa Nga và Ukraine tại Istanbul. Tại vòng
    đàm phán gần nhất hồi tháng 7, hai bên ...") and does not contradict its
    status: a venue planned the day after is not where a held contact took place."""
    for ev in b.events:
        if ev.place() is not None or not ev.real():
            continue
        first = ev.mentions[0]
        sides = b._sides(ev.parties)
        status = ev.status()[0]
        # the same parties, not only the same sides: the Prime Minister's meeting
        # with the Speaker is no session of the ministers' committee
        prev = [m for m in b.mentions if m.sent == first.sent - 1 and m.place and not m.weak_place
                and family(m.kind) == ev.family and len(m.parties) >= 2 and b._sides(m.parties) == sides
                and set(m.parties) & set(ev.parties) and not (status and m.status and m.status != status)]
        if prev:
            ev.inherited_place = prev[-1].place
