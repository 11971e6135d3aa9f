"""Records passed between the meeting rules: actors, trigger mentions, events."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.dates import TimeExpression
from kg.extract.meeting_vocab import STRONG, WEAK, family
from kg.extract.participants import SentView


@dataclass
class Atom:
    """One actor expression: a named person, a country/organisation (maybe a
    delegation), an unnamed post ("Tổng thống Mỹ"), a group ("hai bên") or a
    pronoun. ``start``/``end`` cover the whole designation."""

    start: int
    end: int
    kind: str  # actor | title | leader | group | pronoun | place
    key: str | None = None
    label: str | None = None
    title: str | None = None
    group: str | None = None  # sides | leaders
    members: list[Atom] = field(default_factory=list)
    delegation: bool = False
    core: int = -1  # start of the name itself, inside the designation
    plural: bool = False  # a counted post with its owner: "hai bộ trưởng Nhật Bản"

    def __post_init__(self) -> None:
        if self.core < 0:
            self.core = self.start


@dataclass
class Mention:
    """One trigger with what its clause says."""

    sent: int
    start: int
    end: int
    text: str
    kind: str
    groups: list[list[Atom]]
    date: TimeExpression | None
    place: str | None
    status: str | None
    strength: str | None
    possible: bool
    background: bool
    generic: bool
    anaphoric: bool
    recency: bool
    host: Atom | None = None  # visits
    visitor: list[Atom] = field(default_factory=list)
    linked: list[int] = field(default_factory=list)  # indices of mentions it is "after"/"before"
    parties: list[str] = field(default_factory=list)
    view: SentView | None = None
    cancelled: bool = False
    weak_place: bool = False  # a trip's destination: any venue named elsewhere wins
    state_place: bool = False  # only the state visited ("thăm Trung Quốc"): a city named elsewhere wins
    org_summit: bool = False  # "Hội nghị thượng đỉnh NATO": one organisation's summit
    purpose: bool = False  # the topic of the contact before it ("gặp X để thảo luận")
    series: bool = False  # the next of a series ("Vòng đàm phán tiếp theo", "Phiên họp lần thứ 13")
    earlier: bool = False  # an earlier round of it ("Vòng đầu tiên", "Vòng đàm phán trước diễn ra ...")
    delegated: bool = False  # held below the leaders' level ("Đối thoại Chiến lược cấp Thứ trưởng")
    tentative: bool = False  # possible only by "có thể": a future date makes it planned


@dataclass
class Event:
    """Mentions read as one contact, and its parties so far."""

    mentions: list[Mention]
    parties: list[str]
    background: bool
    inherited_date: str | None = None  # from the visit it took place during
    inherited_place: str | None = None  # from the sentence before it

    @property
    def family(self) -> str:
        return family(self.mentions[0].kind)

    @property
    def last_sent(self) -> int:
        return max(m.sent for m in self.mentions)

    def real(self) -> list[Mention]:
        return [m for m in self.mentions if not m.possible]

    def date(self) -> str | None:
        """The most precise date of its mentions (real ones first)."""
        for group in (self.real(), self.mentions):
            dates = [m.date.value for m in group if m.date is not None and m.date.value]
            if dates:
                return max(dates, key=len)  # stable: the first of the longest
        return None

    def place(self) -> str | None:
        """The first venue of its mentions (real ones first; the state visited,
        then a trip's goal, last)."""
        for weak, state in ((False, False), (False, True), (True, False)):
            for group in (self.real(), self.mentions):
                for m in group:
                    if m.place and m.weak_place == weak and m.state_place == state:
                        return m.place
        return None

    def status(self) -> tuple[str | None, str | None]:
        for strength in (STRONG, WEAK):
            for m in self.real():
                if m.status in ("planned", "held") and m.strength == strength:
                    return m.status, strength
        return None, None
