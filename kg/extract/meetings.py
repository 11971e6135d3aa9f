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
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

import kg.extract.facts  # noqa: F401  (declares doc._.meetings)
from kg.extract.dates import TimeExpression, article_relative, find_times
from kg.extract.model import Evidence, Meeting, Role
from kg.extract.participants import (
    COUNTRY,
    ORG,
    PERSON,
    PLACE,
    TITLE,
    Item,
    SentView,
    capital_countries,
    cue_regex,
    entity_keys,
    fold_for_match,
    known_affiliations,
    lexicon,
    meeting_cues,
    norm,
    outlet_keys,
    phrase_regex,
    sentence_views,
    strip_parens,
    title_categories,
)
from kg.extract.roles import RoleHit, find_roles, sentence_roles

_LOG = logging.getLogger(__name__)
CALL, VISIT = "call", "visit"
_LEADER_CATEGORIES = ("head_of_state", "head_of_government")
_MAX_SUBJECT_GAP = 60
_MAX_OBJECT_GAP = 45
_ANAPHOR_WINDOW = 5  # sentences an event stays open for mentions without parties
_WEAK = "weak"
_STRONG = "strong"


# --- vocabulary ---------------------------------------------------------------


def _cue(category: str) -> re.Pattern[str]:
    return cue_regex("meeting", category)


def _triggers() -> dict[str, str]:
    """Folded trigger phrase -> kind (shared lexicon first, then local extras)."""
    out: dict[str, str] = {}
    for row in lexicon("meeting_triggers"):
        kind = str(row.get("kind") or "").strip()
        for t in str(row.get("trigger") or "").split("|"):
            if t.strip() and kind:
                out.setdefault(norm(t), kind)
    for phrase, kind in meeting_cues().get("trigger", []):
        out.setdefault(norm(phrase), kind)
    return out


@lru_cache(maxsize=1)
def _trigger_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    """Regex of every trigger and the kind of each (phone-only verbs included)."""
    table = _triggers()
    for p, k in meeting_cues().get("phone_only", []):
        table.setdefault(norm(p), k)
    return phrase_regex(tuple(table)), table


def _status_cues() -> dict[str, tuple[str, str]]:
    """Folded cue -> (status, strength); "possible" cues block a mention.

    Weak cues only place the contact relative to another event ("sau khi",
    "trước cuộc"); ``not_status`` phrases mask a status word ("tốt hơn dự kiến").
    """
    out: dict[str, tuple[str, str]] = {}
    for c, status in meeting_cues().get("weak_status", []):
        out[norm(c)] = (status, _WEAK)
    for c, _ in meeting_cues().get("not_status", []):
        out[norm(c)] = ("none", _WEAK)
    for row in lexicon("status_cues"):
        status = str(row.get("status") or "").strip()
        for c in str(row.get("cue") or "").split("|"):
            if c.strip() and status:
                out.setdefault(norm(c), (status, _STRONG))
    for cat in ("planned", "held"):
        for c, _ in meeting_cues().get(cat, []):
            out.setdefault(norm(c), (cat, _STRONG))
    for c, _ in meeting_cues().get("block", []):
        out.setdefault(norm(c), ("possible", _STRONG))
    return out


@lru_cache(maxsize=1)
def _status_table() -> dict[str, tuple[str, str]]:
    return _status_cues()


@lru_cache(maxsize=1)
def _reporting_verbs() -> re.Pattern[str]:
    verbs = [str(v) for row in lexicon("reporting_verbs") for v in str(row.get("verb") or "").split("|")]
    verbs += [c for c, _ in meeting_cues().get("clause_break", [])]
    return phrase_regex(tuple(v for v in verbs if v.strip()))


# --- atoms: the actors of a sentence --------------------------------------------


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


@dataclass
class Event:
    """Mentions read as one contact, and its parties so far."""

    mentions: list[Mention]
    parties: list[str]
    background: bool
    inherited_date: str | None = None  # from the visit it took place during

    @property
    def family(self) -> str:
        return _family(self.mentions[0].kind)

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
        for group in (self.real(), self.mentions):
            for m in group:
                if m.place:
                    return m.place
        return None

    def status(self) -> tuple[str | None, str | None]:
        for strength in (_STRONG, _WEAK):
            for m in self.real():
                if m.status in ("planned", "held") and m.strength == strength:
                    return m.status, strength
        return None, None


def _family(kind: str) -> str:
    return kind if kind in (CALL, VISIT) else "meet"


class _Article:
    """Everything the meeting rules need to know about one article."""

    def __init__(self, doc: Doc, views: list[SentView], roles: list[Role], hits) -> None:
        self.doc = doc
        self.text = doc.text
        self.ftext = fold_for_match(doc.text)  # same offsets, tone marks folded
        self.views = views
        self.article_date: str | None = doc._.article_date
        self.roles = roles
        self.hits: dict[int, list[RoleHit]] = hits
        self.affil: dict[str, set[str]] = {}
        known = known_affiliations()
        for key, country in known.items():
            self.affil.setdefault(key, set()).add(country)
        for r in roles:
            if r.org:
                self.affil.setdefault(r.person, set()).add(r.org)
                if r.org in known:
                    self.affil[r.person].add(known[r.org])
        self.salience: dict[str, int] = {}
        for v in views:
            for it in v.items:
                if it.label == PERSON and it.key:
                    self.salience[it.key] = self.salience.get(it.key, 0) + 1
        self.times = find_times(self.text, self.article_date)
        self.present = entity_keys(doc)
        self.atoms: dict[int, list[Atom]] = {}  # sentence index -> atoms, filled while reading
        self._first_day = next((t.start for t in self.times if t.granularity == "day"
                                and not _is_previous_relative(t.text)), None)

    def known(self, key: str | None) -> str | None:
        """``key`` if the article names that entity (see :func:`entity_keys`)."""
        return key if key and key in self.present else None

    def countries_of(self, key: str) -> set[str]:
        return {k for k in self.affil.get(key, set()) if k.startswith("country/")} | (
            {key} if key.startswith("country/") else set())

    def side(self, key: str) -> str:
        """The country a party stands for (itself when unknown)."""
        cs = sorted(self.countries_of(key))
        return cs[0] if len(cs) == 1 else key

    def leader_of(self, country: str) -> str | None:
        """The best known head of state/government of ``country`` in this article."""
        cands = []
        for r in self.roles:
            cat = title_categories().get(norm(r.title), "")
            if cat in _LEADER_CATEGORIES and country in self.countries_of(r.person):
                cands.append(r.person)
        if not cands:
            return None
        return max(cands, key=lambda k: self.salience.get(k, 0))

    def leaders(self) -> list[str]:
        """Persons holding a leader post in the article, most mentioned first."""
        keys = {r.person for r in self.roles
                if title_categories().get(norm(r.title), "") in _LEADER_CATEGORIES}
        return sorted(keys, key=lambda k: -self.salience.get(k, 0))

    def person_by_post(self, title: str, owner: str | None) -> str | None:
        """The named holder of an unnamed post ("Tổng thống Mỹ" -> Trump)."""
        t = norm(title)
        for r in self.roles:
            if norm(r.title) == t and owner is not None and owner in self.countries_of(r.person) | (
                {r.org} if r.org else set()
            ):
                return r.person
        return None


def _is_previous_relative(text: str) -> bool:
    return bool(re.search(r"cùng ngày|hôm đó|ngày hôm đó|hôm sau|ngày sau đó", norm(text)))


# --- reading one sentence -------------------------------------------------------


class _SentenceReader:
    def __init__(self, art: _Article, view: SentView) -> None:
        self.art = art
        self.v = view
        self.ftext = art.ftext
        self._clauses: dict[tuple[int, int], tuple[int, int]] = {}
        self.atoms = self._atoms()

    # helpers on article offsets
    def find(self, pat: re.Pattern[str], a: int, b: int) -> list[re.Match[str]]:
        return list(pat.finditer(self.ftext, a, b))

    def gap(self, a: int, b: int) -> str:
        return self.ftext[a:b] if b > a else ""

    # -- atoms
    def _atoms(self) -> list[Atom]:
        v, art = self.v, self.art
        hits = art.hits.get(v.index, [])
        atoms: list[Atom] = []
        by_person: dict[int, tuple[int, int]] = {}
        for h in hits:
            s, e = by_person.get(h.person.start, (h.person.start, h.person.end))
            by_person[h.person.start] = (min(s, h.start), max(e, h.end))
        hon = cue_regex("role", "honorific")
        for it in v.items:
            if it.label == PERSON and it.key:
                s, e = by_person.get(it.start, (it.start, it.end))
                m = re.search(rf"(?:{hon.pattern})\s*$", self.gap(v.start, s), re.I)
                if m:
                    s = v.start + m.start()
                atoms.append(Atom(s, e, "actor", it.key, PERSON))
        spans = [(a.start, a.end) for a in atoms]

        def covered(it: Item) -> bool:
            return any(s <= it.start and it.end <= e for s, e in spans)

        deleg = _cue("delegation")
        leader = _cue("leader")
        place_prep = _cue("place_prep")
        items = [it for it in v.items if not covered(it)]
        k = 0
        while k < len(items):
            it = items[k]
            if it.label == TITLE:
                # an unnamed post, maybe with its owner: "Tổng thống Mỹ", "Ngoại trưởng Nga"
                j = k
                while j + 1 < len(items) and items[j + 1].label == TITLE and re.fullmatch(
                    r"\s*(?:của\s*)?", self.gap(items[j].end, items[j + 1].start), re.I
                ):
                    j += 1
                owner = None
                if j + 1 < len(items) and items[j + 1].label in (COUNTRY, ORG) and re.fullmatch(
                    r"\s*(?:của\s*)?", self.gap(items[j].end, items[j + 1].start), re.I
                ):
                    owner = items[j + 1]
                title = v.between(it.start, items[j].end)
                if owner is not None:
                    atoms.append(Atom(it.start, owner.end, "title", owner.key, owner.label, title=title))
                    k = j + 2
                    continue
                k = j + 1
                continue
            if it.label in (COUNTRY, ORG) and it.key:
                if it.key in outlet_keys():
                    k += 1
                    continue
                start = it.start
                lead = self.gap(v.start, it.start)
                kind = "actor"
                is_deleg = False
                m = re.search(rf"(?:{leader.pattern})\s*(?:của\s+)?$", lead, re.I)
                if re.search(rf"(?:{_cue('group').pattern})\s*$", lead, re.I):
                    m = None  # "hai nhà lãnh đạo Nga - Mỹ": the group maps countries to leaders
                if m and not re.search(r"(?:các|những)\s+\S+\s*\S*\s*$", lead[: m.start() + 12], re.I) \
                        and not re.search(r"(?:các|những)\s*$", lead[: m.start()], re.I):
                    kind, start = "leader", v.start + m.start()
                else:
                    m = re.search(rf"(?:{deleg.pattern})\s*(?:(?:của|ở|tại)\s+)?$", lead, re.I)
                    if m:
                        start, is_deleg = v.start + m.start(), True
                        m2 = re.search(r"(?:các|những)\s*$", lead[: m.start()], re.I)
                        if m2:
                            start = v.start + m2.start()
                    elif re.search(rf"(?:{place_prep.pattern})\s+(?:(?!(?:với|và|của|giữa|cùng)\s)"
                                   rf"[^\W\d]+\s+){{0,3}}$", lead, re.I):
                        # "tại Mỹ", "ở thủ đô Qatar": a venue, not a party
                        atoms.append(Atom(it.start, it.end, "place", it.key, it.label))
                        k += 1
                        continue
                atoms.append(Atom(start, it.end, kind, it.key, it.label, delegation=is_deleg, core=it.start))
                k += 1
                continue
            if it.label == PLACE and it.key:
                lead = self.gap(v.start, it.start)
                cap = art.known(capital_countries().get(norm(it.text)))
                m = re.search(rf"(?:{deleg.pattern})\s*(?:ở|tại)\s+$", lead, re.I)
                if m and cap:  # "Các quan chức ở Kiev": the state, not the city
                    atoms.append(Atom(v.start + m.start(), it.end, "actor", cap, COUNTRY, delegation=True))
                else:
                    atoms.append(Atom(it.start, it.end, "place", it.key, PLACE))
            k += 1
        # groups ("hai bên", "hai nhà lãnh đạo Nga - Mỹ") and bare pronouns
        for m in self.find(_cue("group"), v.start, v.end):
            if any(a.start < m.end() and m.start() < a.end for a in atoms):
                continue
            value = self._cue_value("group", m.group())
            atoms.append(Atom(m.start(), m.end(), "group", group=value))
        for m in self.find(_cue("pronoun"), v.start, v.end):
            if any(a.start <= m.start() < a.end for a in atoms):
                continue
            nxt = self.ftext[m.end():m.end() + 2]
            if nxt[:1] == " " and nxt[1:2].isupper():
                continue  # "ông X" with X not recognised: not a pronoun
            atoms.append(Atom(m.start(), m.end(), "pronoun"))
        atoms.sort(key=lambda a: a.start)
        # a group followed by its explicit pair: "hai nhà lãnh đạo Trump - Putin"
        out: list[Atom] = []
        i = 0
        while i < len(atoms):
            a = atoms[i]
            if a.kind == "group":
                j = i + 1
                end = a.end
                while j < len(atoms) and atoms[j].kind in ("actor", "title", "leader") and re.fullmatch(
                    r"\s*(?:[-–/,]|và)?\s*", self.gap(end, atoms[j].start), re.I
                ):
                    a.members.append(atoms[j])
                    end = atoms[j].end
                    j += 1
                if a.members and len(a.members) < 2:
                    a.members = []
                    j = i + 1
                else:
                    a.end = end
                out.append(a)
                i = j
                continue
            out.append(a)
            i += 1
        return out

    def _cue_value(self, category: str, text: str) -> str:
        n = norm(text)
        for phrase, value in meeting_cues().get(category, []):
            if norm(phrase) == n:
                return value
        return ""

    def groups(self, a: int, b: int) -> list[list[Atom]]:
        """Actor atoms in [a, b) joined into coordinated groups."""
        atoms = [x for x in self.atoms if x.start >= a and x.end <= b and x.kind != "place"]
        out: list[list[Atom]] = []
        joins: list[list[str]] = []
        for x in atoms:
            gap = strip_parens(self.gap(out[-1][-1].end, x.start)) if out else ""
            if out and re.fullmatch(r"\s*(?:,|và|cùng|cùng với|[-–/])?\s*", gap, re.I):
                out[-1].append(x)
                joins[-1].append("," if "," in gap else "&")
            else:
                out.append([x])
                joins.append([])
        # "A, B và C" is a list; in "A, B cho biết" the comma ends a phrase
        split: list[list[Atom]] = []
        for g, js in zip(out, joins):
            cut = next((n + 1 for n, j in enumerate(js) if j == "," and
                        (g[n].label == PERSON) != (g[n + 1].label == PERSON)), None)
            if cut is not None and js[-1] == ",":
                split += [g[:cut], g[cut:]]
            else:
                split.append(g)
        return split

    # -- triggers
    def triggers(self) -> list[tuple[int, int, str]]:
        v = self.v
        rx, table = _trigger_regex()
        not_trig = [(m.start(), m.end()) for m in self.find(_cue("not_trigger"), v.start, v.end)]
        ents = [(it.start, it.end) for it in v.items if it.label != TITLE]
        phone_only = {norm(p) for p, _ in meeting_cues().get("phone_only", [])}
        object_only = {norm(p) for p, _ in meeting_cues().get("object_trigger", [])}
        phone = _cue("phone_marker")
        out = []
        for m in self.find(rx, v.start, v.end):
            s, e = m.start(), m.end()
            if any(a < e and s < b for a, b in not_trig + ents):
                continue
            if any(a.start < e and s < a.end for a in self.atoms):
                continue  # "các nhà đàm phán Nga" is a delegation, not talks
            t = norm(m.group())
            kind = table.get(t, "meeting")
            after = self.gap(e, min(v.end, e + 30))
            near_phone = phone.search(after) is not None and not re.search(r"[,;.]", after[: phone.search(after).start()])
            if t in phone_only and not near_phone:
                continue
            if near_phone and kind != VISIT:
                kind = CALL
            if t in object_only and not self._passive(s) and not any(
                    a.start >= e and a.start - e <= 3 and a.kind in ("actor", "title", "leader", "group")
                    for a in self.atoms):
                continue
            # "vòng đàm phán 3 bên": the count belongs to the trigger
            m3 = re.match(r"\s+(?:ba|3|hai|2|bốn|4)\s+bên(?!\w)", self.ftext[e:v.end], re.I)
            if m3:
                e += m3.end()
            out.append((s, e, kind))
        return out

    # -- clause bounds
    def clause(self, s: int, e: int, triggers) -> tuple[int, int]:
        """Bounds of the clause around [s, e): reporting verbs, conjunctions
        and ";" separate what a speaker says from who said it."""
        key = (s, e)
        if key not in self._clauses:
            self._clauses[key] = self._clause(s, e, triggers)
        return self._clauses[key]

    def _clause(self, s: int, e: int, triggers) -> tuple[int, int]:
        v = self.v
        breaks = [m for m in self.find(_reporting_verbs(), v.start, v.end)
                  if not any(a < m.end() and m.start() < b for a, b, _ in triggers)]
        punct = [m for m in re.finditer(r"[;]", self.ftext[v.start:v.end])]
        cs = v.start
        ce = v.end
        for m in breaks:
            if m.end() <= s:
                cs = max(cs, m.end())
            elif m.start() >= e:
                ce = min(ce, m.start())
        for m in punct:
            ps = v.start + m.start()
            if ps < s:
                cs = max(cs, ps + 1)
            elif ps >= e:
                ce = min(ce, ps)
        return cs, ce

    def read(self, index_base: int) -> list[Mention]:
        v = self.v
        trigs = self.triggers()
        mentions = []
        bg = _cue("background").match(self.ftext, v.start + (len(v.text) - len(v.text.lstrip())))
        purpose = _cue("purpose")
        for n, (s, e, kind) in enumerate(trigs):
            cs, ce = self.clause(s, e, trigs)
            prev_end = trigs[n - 1][1] if n > 0 else cs
            next_start = trigs[n + 1][0] if n + 1 < len(trigs) else ce
            m = self._mention(s, e, kind, cs, ce, max(cs, prev_end), min(ce, next_start), trigs)
            m.background = bg is not None
            if n > 0 and re.search(rf"(?:{purpose.pattern})\s*$", self.gap(max(cs, s - 12), s), re.I):
                m.groups, m.host, m.visitor = [], None, []  # the purpose of the contact before it
            mentions.append(m)
        # "X điện đàm với Y ngay sau cuộc gặp với Z": X's contact is linked to Z's
        link = re.compile(r"(?:ngay\s+)?(?:sau|trước)(?:\s+khi)?\s+(?:\S+\s+){0,8}$", re.I)
        for i, m in enumerate(mentions):
            for j, o in enumerate(mentions):
                if j != i and o.start > m.end and link.search(self.gap(m.end, o.start)) and \
                        re.search(r"(?:sau|trước)", self.gap(m.end, o.start), re.I):
                    m.linked.append(index_base + j)
                    break
        self._assign_dates(mentions, trigs)
        return mentions

    def _mention(self, s, e, kind, cs, ce, ws, we, trigs) -> Mention:
        v = self.v
        text = self.v.doc_text[s:e]
        is_np = re.match(r"(?:cuộc|vòng|chuyến|buổi|hội nghị)\b", norm(text)) is not None
        before = self.gap(cs, s)
        groups: list[list[Atom]] = []
        visitor: list[Atom] = []
        host: Atom | None = None
        # right side: "giữa A và B", "với B", "của B", object of a verb, "Mỹ - Ukraine"
        nxt = [a for a, _b, _k in trigs if a >= e]
        right = self._right_groups(e, ce, is_np, kind, min(nxt) if nxt else None)
        # left side
        light = re.search(rf"(?:{_cue('light_verb').pattern})\s+(?:(?:một|các|những|cuộc)\s+)?$", before, re.I)
        tlink = re.search(rf"(?:{_cue('temporal_link').pattern})\s+(?:(?:một|các|những)\s+)?$", before, re.I)
        left: list[Atom] = []
        if not is_np or light or kind == VISIT:
            left = self._left_group(cs, s if not light else cs + light.start(), trigs)
        elif tlink and sum(len(g) for g in right) < 2:
            # "Sau cuộc gặp với X, <subject> ...": the main clause's subject met X
            left = self._clause_subject(cs, ce, s, e, cs + tlink.start())
        if kind == VISIT:
            host, visitor = self._visit_parties(s, e, cs, ce, left, right)
        else:
            if left:
                groups.append(left)
            for g in right:
                groups.append(g)
            if not is_np:
                patient = self._passive(s)
                if patient:
                    groups.append(patient)
        # status
        status, strength, possible, recency = self._status(s, e, ws, we, cs)
        generic = bool(re.search(rf"(?:{_cue('generic').pattern})\s*$", self.gap(max(cs, s - 12), s), re.I)) \
            or bool(re.match(r"(?:các|những)\s", norm(text)))
        after = self.gap(e, min(ce, e + 30))
        habitual = bool(re.match(rf"\s*(?:\S+\s+){{0,2}}?(?:(?:{_cue('habitual').pattern})|"
                                 rf"(?:hơn|khoảng|gần)?\s*\d+\s+lần)(?!\w)", after, re.I))
        anaphoric = bool(re.match(rf"\s*(?:\S+\s+){{0,2}}?(?:{_cue('anaphor').pattern})(?!\w)",
                                  self.ftext[e:min(ce, e + 25)], re.I))
        place = self._place(s, e, cs, ce, trigs)
        cancelled = bool(re.match(rf"\s*(?:\S+\s+){{0,3}}?(?:{_cue('cancel').pattern})", self.ftext[e:ce], re.I))
        if kind == VISIT and host is not None and place is None:
            place = host.key
        return Mention(v.index, s, e, text, kind, groups, None, place, status, strength, possible or habitual,
                       False, generic and not anaphoric, anaphoric, recency, host, visitor, view=v,
                       cancelled=cancelled)

    def _right_groups(self, e: int, ce: int, is_np: bool, kind: str, limit: int | None = None) -> list[list[Atom]]:
        stop = min(ce, limit) if limit else ce
        for cat in ("scope_end", "predicate"):
            for m in self.find(_cue(cat), e, stop):
                stop = m.start()
                break
        for m in self.find(_cue("place_prep"), e, stop):
            # a venue ends the party list, unless a party list follows "giữa"
            stop = min(stop, m.start())
            break
        out: list[list[Atom]] = []
        for g in self.groups(e, stop):
            gap = strip_parens(self.gap(e if not out else out[-1][-1].end, g[0].start))
            if len(gap) > _MAX_OBJECT_GAP or re.search(r"[,;:.“”\"]", gap):
                break
            linked = re.search(r"(?<!\w)(?:giữa|với|của|cùng|có|tới|đến)(?!\w)", gap, re.I)
            if is_np and not linked and not (not out and re.fullmatch(r"\s*(?:\S+\s+){0,2}", gap)):
                break
            if out and not linked:
                break  # a second party list needs its own "và"/"với"
            out.append(g)
        return out

    def _left_group(self, cs: int, s: int, trigs) -> list[Atom]:
        groups = self.groups(cs, s)
        # "A đã có chuyến thăm X và gặp Y", "A đã tới Nga dự hội nghị": X and
        # Nga are objects of the first verb, A is the subject of both
        verb_ends = [b for _a, b, _k in trigs] + [m.end() for m in self.find(_cue("destination"), cs, s)]
        while len(groups) > 1 and any(
            b <= groups[-1][0].start and groups[-1][0].start - b <= 25
            and not re.search(r"[,;]", self.gap(b, groups[-1][0].start))
            for b in verb_ends
        ):
            groups = groups[:-1]
        if not groups:
            return []
        g = groups[-1]
        gap = self.gap(g[-1].end, s)
        if len(gap) > _MAX_SUBJECT_GAP:
            return []
        between = [b for a, b, _ in trigs if g[-1].end <= a and b <= s]
        if between:
            # a shared subject only across coordination: "... chuyến thăm X và gặp Y"
            tail = self.gap(max(between), s)
            tail = tail[tail.rfind(" và ") if " và " in tail else 0:]
            if not re.fullmatch(r"(?:\s*(?:\S+\s+){0,3})?\s*(?:,\s*)?(?:và|rồi|sau đó)\s+(?:\S+\s+){0,2}", tail, re.I):
                return []
        if re.search(r"(?<!\w)(?:với|của|về|cho|từ)\s*$", self.gap(cs, g[0].start), re.I):
            return []  # an oblique, not the subject
        return g

    def _passive(self, s: int) -> list[Atom]:
        """The patient of "X được/bị Y tiếp": the group before "được"."""
        before = [a for a in self.atoms if a.end <= s and a.kind != "place"]
        if not before:
            return []
        agent = before[-1]
        m = re.search(r"(?<!\w)(?:được|bị)\s+$", self.gap(self.v.start, agent.start), re.I)
        if m is None or len(self.gap(agent.end, s)) > 20:
            return []
        groups = self.groups(self.v.start, self.v.start + m.start())
        return groups[-1] if groups else []

    def _clause_subject(self, cs: int, ce: int, s: int, e: int, link_start: int) -> list[Atom]:
        """Subject of the clause holding "sau/trước/trong <meeting noun>"."""
        before = [g for g in self.groups(cs, link_start)]
        if before:
            return before[0]
        # fronted adjunct: "Sau cuộc gặp với X, <subject> ..."
        comma = self.ftext.find(",", e, ce)
        if comma < 0:
            return []
        after = self.groups(comma, ce)
        return after[0] if after else []

    def _visit_parties(self, s, e, cs, ce, left, right) -> tuple[Atom | None, list[Atom]]:
        host = None
        visitor: list[Atom] = []
        # object right after the trigger: "chuyến thăm Moskva", "thăm Việt Nam"
        nxt = [a for a in self.atoms if a.start >= e and a.start - e <= 25 and a.end <= ce]
        if nxt and a_is_dest(nxt[0]) and re.fullmatch(
            r"\s*(?:(?:chính thức|cấp nhà nước|làm việc|hữu nghị|tới|đến|sang)\s*)*",
            self.gap(e, nxt[0].start), re.I
        ):
            host = nxt[0]
        if host is None:
            dest = _cue("destination")
            for m in self.find(dest, cs, s):
                cand = [a for a in self.atoms if a.start >= m.end() and a.start - m.end() <= 3 and a_is_dest(a)]
                if cand:
                    host = cand[0]
        m = re.match(r"\s*(?:\S+\s+){0,3}?của\s+", self.gap(host.end if host else e, ce), re.I)
        if m:
            start = (host.end if host else e) + m.end()
            g = self.groups(start, ce)
            if g and g[0][0].start - start <= 3:
                visitor = g[0]
        if not visitor:
            end = host.start if host is not None and host.start < s else s
            left = self._left_group(cs, end, [])
            visitor = [a for a in left if a is not host]
        return host, visitor

    def _status(self, s, e, ws, we, cs) -> tuple[str | None, str | None, bool, bool]:
        table = _status_table()
        rx = phrase_regex(tuple(table))
        found = []
        for m in self.find(rx, ws, we):
            st, strength = table[norm(m.group())]
            if m.start() >= s and m.start() < e:
                continue  # inside the trigger
            if m.end() <= s or m.start() < s:
                dist = max(0, s - m.end())
            else:
                dist = m.start() - e + 2  # cues before the trigger win ties
            found.append((dist, st, strength, m))
        # A possibility reaches across reporting verbs ("hỏi liệu X có cam kết
        # đàm phán ..."), but not across a sentence-internal full stop.
        lo = max(self.v.start, s - 45)
        lo = max([lo] + [x.end() for x in re.finditer(r"[.;!?]", self.ftext[:s]) if x.end() > lo])
        # "Kỳ vọng ... tăng lên sau chuyến thăm X": the wish is not about the
        # contact named in a "sau/trước" adjunct
        link = re.search(rf"(?:{_cue('temporal_link').pattern})\s+(?:(?:một|các|những)\s+)?$",
                         self.gap(lo, s), re.I)
        if link:
            lo = s
        possible = any(table[norm(m.group())][0] == "possible" for m in rx.finditer(self.ftext, lo, s))
        recency = any(_cue("recency").match(norm(m.group())) for _d, _s, _t, m in found if m.end() <= s)
        real = [f for f in found if f[1] in ("planned", "held")]
        strong = sorted((f for f in real if f[2] == _STRONG), key=lambda f: f[0])
        weak = sorted((f for f in real if f[2] == _WEAK), key=lambda f: f[0])
        if strong:
            return strong[0][1], _STRONG, possible, recency
        if weak:
            st = weak[0][1]
            # "sẽ nói chuyện ... ngay sau cuộc gặp": after a future event is future too
            if st == "held":
                earlier = [m for m in rx.finditer(self.ftext, cs, s) if table[norm(m.group())] == ("planned", _STRONG)]
                if earlier:
                    return "planned", _WEAK, possible, recency
            return st, _WEAK, possible, recency
        return None, None, possible, recency

    def _place(self, s, e, cs, ce, trigs) -> str | None:
        other = [a for a, b, _ in trigs if a != s]
        scope = [m.start() for m in self.find(_cue("scope_end"), e, ce)]
        limit = min([ce] + [x for x in other if x > e] + scope)
        start = max([cs] + [b for a, b, _ in trigs if b <= s])
        for m in self.find(_cue("place_prep"), start, limit):
            if re.search(rf"(?:{_cue('delegation').pattern})\s*$", self.gap(start, m.start()), re.I):
                continue
            for a in self.atoms:
                if a.start >= m.end() and a.kind in ("place", "actor") and a.key and \
                        re.fullmatch(r"\s*(?:[^\W\d]+\s+){0,3}", self.gap(m.end(), a.start)) and \
                        not self.ftext[m.end():a.start].strip()[:1].isupper():
                    if a.label in (PLACE, COUNTRY, ORG):
                        return a.key
                    break
                if a.start >= m.end():
                    break
        return None

    def _assign_dates(self, mentions: list[Mention], trigs) -> None:
        v = self.v
        times = [t for t in self.art.times if v.start <= t.start and t.end <= v.end]
        range_end = _cue("range_end")
        count_from = _cue("count_from")
        for t in times:
            lead = self.gap(max(v.start, t.start - 20), t.start)
            if re.search(rf"(?:{range_end.pattern})\s*(?:hơn|khoảng|gần)?\s*$", lead, re.I):
                continue
            if re.search(rf"(?:{count_from.pattern})\s*$", lead, re.I):
                continue
            best = None
            for m in mentions:
                cs, ce = self.clause(m.start, m.end, trigs)
                if not (cs <= t.start and t.end <= ce):
                    continue
                dist = m.start - t.end if t.end <= m.start else t.start - m.end
                if best is None or dist < best[0]:
                    best = (dist, m)
            if best is None:
                continue
            m = best[1]
            if m.date is not None:
                continue
            # a fronted date ("Hồi tháng 8, A thăm X và gặp Y") dates every contact of its clause
            fronted = [o for o in mentions if o is not m and o.date is None and t.end <= o.start
                       and t.end <= m.start and self.clause(o.start, o.end, trigs)[0] <= t.start]
            value = t.value
            if value and _is_previous_relative(t.text) and (
                self.art._first_day is None or self.art._first_day >= t.start
            ):
                value = value[:7]  # only the article's month is really known
            m.date = TimeExpression(t.start, t.end, t.text, value, t.granularity, t.relation)
            for o in fronted:
                o.date = m.date


def a_is_dest(a: Atom) -> bool:
    return a.kind in ("place", "actor", "title") and a.label in (PLACE, COUNTRY)


# --- resolving parties -----------------------------------------------------------


def _resolve_atom(a: Atom, art: _Article, events: list[Event], mention: Mention) -> list[str]:
    """Entity keys an atom stands for, given the events read so far."""
    if a.kind == "actor":
        if a.label == PLACE:
            cap = art.known(capital_countries().get(norm(art.text[a.start:a.end])))
            return [cap] if cap else []
        return [a.key] if a.key else []
    if a.kind == "title":
        cat = title_categories().get(norm(a.title or ""), "")
        who = art.person_by_post(a.title or "", a.key)
        if who:
            return [who]
        if cat in _LEADER_CATEGORIES and a.key:
            lead = art.leader_of(a.key)
            if lead:
                return [lead]
        return [a.key] if a.key else []
    if a.kind == "leader":
        lead = art.leader_of(a.key) if a.key else None
        return [lead] if lead else ([a.key] if a.key else [])
    if a.kind == "group":
        if a.members:
            out = []
            for mem in a.members:
                keys = _resolve_atom(mem, art, events, mention)
                if a.group == "leaders":
                    keys = [art.leader_of(k) or k if k.startswith("country/") else k for k in keys]
                out += keys
            return out
        prev = [ev for ev in events if ev.mentions[0].sent <= mention.sent and len(ev.parties) >= 2]
        pool = [ev for ev in prev if ev.family == _family(mention.kind)]
        if not pool and a.group == "leaders" and len(art.leaders()) >= 2:
            return art.leaders()[:2]
        pool = pool or prev
        if pool:
            ev = max(pool, key=lambda ev: ev.last_sent)
            # the parties of its latest mention, not of the whole story
            last = [x for x in ev.mentions if len(x.parties) >= 2]
            parties = last[-1].parties if last else ev.parties
            if a.group == "sides":
                return list(dict.fromkeys(art.side(k) for k in parties))
            persons = [k for k in parties if k.startswith("person/")]
            if len(persons) >= 2:
                return persons
            return [art.leader_of(k) or k if k.startswith("country/") else k for k in parties]
        if a.group == "leaders":
            return art.leaders()[:2]
        return []
    if a.kind == "pronoun":
        view = mention.view
        persons = [x for x in art.atoms.get(view.index, []) if x.kind == "actor" and x.label == PERSON
                   and x.end <= a.start]
        if persons:
            return [persons[-1].key]
        for back in range(1, 3):
            idx = view.index - back
            if idx < 0:
                break
            ps = [x for x in art.atoms.get(idx, []) if x.kind == "actor" and x.label == PERSON]
            if ps:
                return [ps[-1].key]
        return []
    return []


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _status_conflict(m: Mention, ev: Event) -> bool:
    if m.status is None:
        return False
    st, strength = ev.status()
    if st is None or st == m.status:
        return False
    return strength == _STRONG and m.strength == _STRONG


def _date_ok(m: Mention, ev: Event) -> bool:
    a = m.date.value if m.date else None
    b = ev.date()
    return not a or not b or a.startswith(b) or b.startswith(a)


def _place_ok(m: Mention, ev: Event) -> bool:
    a, b = m.place, ev.place()
    return not a or not b or a == b or _inside(a, b) or _inside(b, a)


def _inside(place: str, country: str) -> bool:
    """Whether a venue lies in a country ("Abu Dhabi" in UAE), per the lexicons."""
    if not country.startswith("country/"):
        return False
    name = place.split("/", 1)[-1].replace("-", " ")
    return known_affiliations().get(place) == country or capital_countries().get(norm(name)) == country


class _Builder:
    def __init__(self, art: _Article) -> None:
        self.art = art
        self.events: list[Event] = []
        self.mentions: list[Mention] = []
        self.where: dict[int, Event] = {}  # mention index -> event

    def add(self, idx: int, m: Mention) -> None:
        art = self.art
        if m.kind == VISIT:
            parties = []
            for a in m.visitor:
                parties += _resolve_atom(a, art, self.events, m)
            host = []
            if m.host is not None:
                host = _resolve_atom(m.host, art, self.events, m) if m.host.kind != "place" else [
                    art.known(capital_countries().get(norm(art.text[m.host.start:m.host.end]))) or
                    art.known(known_affiliations().get(m.host.key or "")) or m.host.key]
            parties = [p for p in parties if p] + [h for h in host if h and h not in parties]
        else:
            parties = []
            for g in m.groups:
                for a in g:
                    parties += _resolve_atom(a, art, self.events, m)
        parties = [p for p in dict.fromkeys(parties) if p and p not in outlet_keys()]
        m.parties = parties
        named = any(a.kind != "group" for g in m.groups for a in g) or m.kind == VISIT
        if m.generic and not named:
            return  # "các cuộc gặp cấp cao giữa hai nước": talk about contacts in general
        one_sided = len(self._sides(parties)) < 2  # "Phía Nga tham dự cuộc gặp có X và Y"
        if len(parties) >= 2 and not one_sided and not (m.kind == VISIT and (not m.visitor or m.host is None)):
            ev = self._match(m, parties)
            if ev is None:
                if m.possible:
                    ev = Event([m], list(parties), m.background)
                    self.events.append(ev)
                else:
                    ev = Event([m], list(parties), m.background)
                    self.events.append(ev)
            else:
                ev.mentions.append(m)
                ev.parties += [p for p in parties if p not in ev.parties]
            self.where[idx] = ev
            return
        if m.possible or m.generic:
            return
        ev = self._anaphor(m, parties)
        if ev is not None:
            ev.mentions.append(m)
            self.where[idx] = ev

    def _sides(self, keys) -> set[str]:
        return {self.art.side(k) for k in keys}

    def _match(self, m: Mention, parties: list[str]) -> Event | None:
        best = None
        for ev in self.events:
            if ev.family != _family(m.kind):
                continue
            if m.possible and ev.real() and ev.status()[0] == "held":
                continue
            if _status_conflict(m, ev) or not _date_ok(m, ev) or not _place_ok(m, ev):
                continue
            raw = _jaccard(set(parties), set(ev.parties))
            sides = _jaccard(self._sides(parties), self._sides(ev.parties))
            if min(len(self._sides(parties)), len(self._sides(ev.parties))) < 2:
                sides = raw  # one-sided: countries say nothing about who met
            mine = {p for p in parties if p.startswith("person/")}
            theirs = {p for p in ev.parties if p.startswith("person/")}
            if len(mine) >= 2 and len(theirs) >= 2:
                # named people on both sides: other people means another meeting
                sides = _jaccard(mine, theirs)
            if m.background and ev.mentions[0].sent != m.sent and raw < 1.0:
                continue  # "Trước đó, ..." is another contact unless it names the same parties
            if m.background and ev.mentions[0].sent != m.sent and (m.date is not None):
                continue
            if max(raw, sides) < 0.5:
                continue
            same_status = ev.status()[0] == m.status
            score = (same_status, not ev.background, raw, sides, ev.last_sent)
            if best is None or score > best[0]:
                best = (score, ev)
        return best[1] if best else None

    def _anaphor(self, m: Mention, parties: list[str]) -> Event | None:
        best = None
        for ev in self.events:
            if ev.family != _family(m.kind) or not ev.real():
                continue
            if ev.background and ev.last_sent != m.sent:
                continue
            if m.sent - ev.last_sent > _ANAPHOR_WINDOW:
                continue
            if _status_conflict(m, ev) or not _date_ok(m, ev) or not _place_ok(m, ev):
                continue
            if parties and not self._sides(parties) <= self._sides(ev.parties) | set(ev.parties):
                continue
            score = max(x.start for x in ev.mentions if x.start < m.start) if any(
                x.start < m.start for x in ev.mentions) else -1
            if best is None or score > best[0]:
                best = (score, ev)
        return best[1] if best else None


# --- delegations and representatives --------------------------------------------


def _member_lists(art: _Article, view: SentView) -> list[tuple[str, list[str]]]:
    """``(country, persons)`` named as a side's members or head in one sentence."""
    out = []
    reader_atoms = art.atoms.get(view.index, [])
    ftext = art.ftext
    side = _cue("side")
    members = _cue("member_list")
    led = _cue("led_by")
    lead_ws = view.start + (len(view.text) - len(view.text.lstrip()))
    for a in reader_atoms:
        if a.kind != "actor" or a.label not in (COUNTRY, ORG) or not a.key:
            continue
        head = ftext[lead_ws:a.core]
        at_start = re.fullmatch(rf"(?:về\s+)?(?:{side.pattern})\s*", head, re.I)
        rest_start = a.end
        persons_after = [x for x in reader_atoms if x.start >= rest_start and x.kind == "actor" and x.label == PERSON]
        if at_start:
            m = members.search(ftext, rest_start, view.end)
            if m and not re.search(r"[,.;]", ftext[rest_start:m.start()]):
                # one member per list item: the last name of "con rể Tổng thống
                # Donald Trump là ông Jared Kushner" is the member
                cuts = [m.end()] + [x.end() for x in re.finditer(
                    r",|;|(?<!\w)(?:và|cùng)(?!\w)", ftext[:view.end]) if x.start() >= m.end()] + [view.end]
                names = []
                for lo, hi in zip(cuts, cuts[1:]):
                    in_chunk = [x for x in persons_after if lo <= x.start and x.end <= hi + 1]
                    if not in_chunk:
                        # a designation may straddle a cut ("Đặc phái viên về đầu tư và ...")
                        in_chunk = [x for x in persons_after if lo <= x.end <= hi + 1]
                    if in_chunk:
                        names.append(in_chunk[-1].key)
                if names:
                    out.append((a.key, list(dict.fromkeys(names))))
                    continue
            if ftext[rest_start:rest_start + 2].strip() == "," and persons_after:
                first = persons_after[0]
                if re.fullmatch(r",\s*(?:\S+\s*){0,6}", ftext[rest_start:first.start]):
                    out.append((a.key, [first.key]))
                    continue
        # "phái đoàn Nga do Đô đốc X ... dẫn đầu"
        if a.delegation:
            m = re.match(r"\s*,?\s*do\s+", ftext[a.end:view.end], re.I)
            if m and persons_after:
                first = persons_after[0]
                if first.start - (a.end + m.end()) <= 40 and led.search(ftext, first.end, min(view.end, first.end + 80)):
                    out.append((a.key, [first.key]))
    # "X dẫn đầu phái đoàn Nga"
    for m in led.finditer(ftext, view.start, view.end):
        after = [x for x in reader_atoms if x.start >= m.end() and x.start - m.end() <= 15 and x.kind == "actor"
                 and x.label in (COUNTRY, ORG) and x.delegation]
        before = [x for x in reader_atoms if x.end <= m.start() and m.start() - x.end <= 20 and x.label == PERSON]
        if after and before:
            out.append((after[0].key, [before[-1].key]))
    return out


def _apply_members(art: _Article, b: _Builder) -> None:
    for view in art.views:
        lists = _member_lists(art, view)
        if not lists:
            continue
        here = [b.where[i] for i, m in enumerate(b.mentions) if m.sent == view.index and i in b.where]
        for country, persons in lists:
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
            if target is None:
                continue
            for p in persons:
                art.affil.setdefault(p, set()).add(country)
            target.parties = [k for k in target.parties if k != country]
            target.parties += [p for p in persons if p not in target.parties]


def _visits_into_meetings(art: _Article, b: _Builder) -> None:
    """A contact reported right after a visit was held during it."""
    visits = [ev for ev in b.events if ev.family == VISIT and ev.real()]
    for ev in b.events:
        if ev.family == VISIT or not ev.real():
            continue
        for vi in visits:
            first = ev.mentions[0].sent
            if not (0 <= first - vi.mentions[0].sent <= 1):
                continue
            host = vi.mentions[0].parties[-1] if vi.mentions[0].parties else None
            visitors = [p for p in vi.parties if p != host]
            if host is None or host not in b._sides(ev.parties) | set(ev.parties):
                continue
            if not _date_compatible(vi.date(), ev.date()):
                continue
            replaced = False
            for v in visitors:
                for c in art.countries_of(v):
                    if c in ev.parties and c != host:
                        ev.parties = [v if k == c else k for k in ev.parties]
                        replaced = True
            if (replaced or set(visitors) & set(ev.parties)) and ev.date() is None and vi.date():
                ev.inherited_date = vi.date()


def _date_compatible(a, b) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


def _drop_represented(art: _Article, ev: Event) -> list[str]:
    """Drop a country when one of its own people is already a party."""
    persons = [k for k in ev.parties if not k.startswith("country/") and not k.startswith("org/")]
    covered = set()
    for p in persons:
        covered |= art.countries_of(p)
    return [k for k in ev.parties if not (k.startswith("country/") and k in covered)]


# --- assembling -----------------------------------------------------------------


def find_meetings(doc: Doc, views: list[SentView] | None = None, roles: list[Role] | None = None) -> list[Meeting]:
    """All meetings reported in one article."""
    views = views if views is not None else sentence_views(doc)
    hits = {v.index: sentence_roles(v) for v in views}
    if roles is None:
        roles = doc._.roles if doc._.roles is not None else find_roles(doc, views)
    art = _Article(doc, views, roles, hits)
    b = _Builder(art)
    for view in views:
        reader = _SentenceReader(art, view)
        art.atoms[view.index] = reader.atoms
        for m in reader.read(len(b.mentions)):
            b.mentions.append(m)
            b.add(len(b.mentions) - 1, m)
    _apply_members(art, b)
    _visits_into_meetings(art, b)
    out = []
    for ev in b.events:
        if not ev.real() or any(m.cancelled for m in ev.mentions):
            continue
        parties = _drop_represented(art, ev)
        if len(parties) < 2:
            continue
        sides = {art.side(p) for p in parties}
        if len(sides) == 1 and next(iter(sides)).startswith("country/"):
            continue  # a government meeting its own officials is no diplomatic contact
        out.append(_meeting(art, b, ev, parties))
    return out


def _meeting(art: _Article, b: _Builder, ev: Event, parties: list[str]) -> Meeting:
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
        if m.strength == _WEAK or m.status is None:
            conf -= 0.1
        evidence.append(Evidence(m.start, m.end, art.text[m.start:m.end], s_text, s_start, round(conf, 2)))
    return Meeting(kind=kind, participants=parties, date=date, place=ev.place(), status=status,
                   trigger=real[0].text, evidence=evidence)


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
