"""The actors of one sentence ("atoms") and their coordination into groups.

An atom is one actor expression with its whole designation: a named person
with title and honorific, a country or organisation (maybe as a delegation,
"phái đoàn Mỹ", or a leader, "nhà lãnh đạo Nga"), an unnamed post ("Tổng thống
Mỹ"), a group ("hai bên") or a pronoun. A country after a venue preposition is
a place atom, never a party.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.meeting_article import ArticleFacts
from kg.extract.meeting_model import Atom
from kg.extract.meeting_vocab import cue, cue_pattern, cue_value, reporting_verbs, words
from kg.extract.phrase_patterns import search_end
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
    cue_words,
    known_affiliations,
    norm,
    outlet_keys,
    strip_parens,
    title_categories,
)


@lru_cache(maxsize=1)
def _honorific_end() -> re.Pattern[str]:
    return re.compile(rf"(?:{cue_regex('role', 'honorific').pattern})\s*$", re.I)


@lru_cache(maxsize=1)
def _counterpart_end() -> re.Pattern[str]:
    return re.compile(rf"(?:{cue_regex('role', 'counterpart').pattern})\s*$", re.I)


class Sentence:
    """One sentence with its actor atoms, read on the article's folded text."""

    def __init__(self, art: ArticleFacts, view: SentView) -> None:
        self.art = art
        self.v = view
        self.ftext = art.ftext
        self._clauses: dict[tuple[int, int], tuple[int, int]] = {}
        self._marks: tuple | None = None  # see _clause_marks
        self.travel: dict[int, Atom] = {}  # start of a travel-verb trigger -> its destination
        self._read_atoms: list[Atom] | None = None

    @property
    def atoms(self) -> list[Atom]:
        """The sentence's atoms, read when first asked for: half the sentences
        name no contact, and their atoms are rarely needed."""
        if self._read_atoms is None:
            self._read_atoms = self._atoms()
        return self._read_atoms

    # helpers on article offsets
    def find(self, pat: re.Pattern[str], a: int, b: int) -> list[re.Match[str]]:
        return list(pat.finditer(self.ftext, a, b))

    def gap(self, a: int, b: int) -> str:
        return self.ftext[a:b] if b > a else ""

    # -- atoms
    def _atoms(self) -> list[Atom]:
        atoms = self._person_atoms()
        spans = [(a.start, a.end) for a in atoms]
        items = [it for it in self.v.items if not any(s <= it.start and it.end <= e for s, e in spans)]
        k = 0
        while k < len(items):
            it = items[k]
            if it.label == TITLE:
                atom, k = self._post_atom(items, k)
                if atom is not None:
                    atoms.append(atom)
                continue
            if it.label in (COUNTRY, ORG) and it.key and it.key not in outlet_keys():
                atoms.append(self._body_atom(it, items[k - 1] if k else None))
            elif it.label == PLACE and it.key:
                atoms.append(self._place_atom(it))
            k += 1
        atoms += self._group_and_pronoun_atoms(atoms)
        atoms.sort(key=lambda a: a.start)
        atoms = self._attach_group_members(self._counterpart_appositions(atoms))
        self._mark_sources(atoms)
        return atoms

    def _person_atoms(self) -> list[Atom]:
        """Named persons, each with the post and honorific before the name."""
        v = self.v
        by_person: dict[int, tuple[int, int]] = {}
        for h in self.art.hits.get(v.index, []):
            s, e = by_person.get(h.person.start, (h.person.start, h.person.end))
            by_person[h.person.start] = (min(s, h.start), max(e, h.end))
        hon = _honorific_end()
        out = []
        prev = None
        for it in v.items:
            if it.label == PERSON and it.key:
                s, e = by_person.get(it.start, (it.start, it.end))
                if s == it.start and prev is not None and prev.label in (COUNTRY, ORG):
                    s = self._counterpart_start(prev, s)
                m = search_end(hon, self.gap(v.start, s), cue_words("role", "honorific"))
                if m:
                    s = v.start + m.start()
                elif s == it.start:  # "và Phu nhân Brigitte Macron": the kinship word is her designation
                    m = search_end(cue_pattern(r"(?:<<kin>>)\s*$"), self.gap(v.start, s), words("kin"))
                    s = v.start + m.start() if m else s
                out.append(Atom(s, e, "actor", it.key, PERSON))
            prev = it
        return self._kin_appositions(out)

    def _kin_appositions(self, atoms: list[Atom]) -> list[Atom]:
        """"con rể Tổng thống Trump, ông Jared Kushner": the relative is named
        after the comma; the person his kinship is told by is no atom."""
        out: list[Atom] = []
        for a in atoms:
            b = out[-1] if out else None
            if b is not None and re.fullmatch(rf"\s*,\s*(?:(?:{cue_regex('role', 'honorific').pattern})\s*)?",
                                              self.gap(b.end, a.start), re.I):
                kin = search_end(cue_pattern(r"(?:<<kin>>)\s*$"), self.gap(self.v.start, b.start), words("kin"))
                if kin is not None:
                    out[-1] = Atom(self.v.start + kin.start(), a.end, "actor", a.key, PERSON)
                    continue
            out.append(a)
        return out

    def _counterpart_appositions(self, atoms: list[Atom]) -> list[Atom]:
        """"người đồng cấp Qatar, Thủ tướng X": the counterpart is named after
        the comma, with his own post; the country only says whose he is."""
        out: list[Atom] = []
        for a in atoms:
            b = out[-1] if out else None
            if b is not None and b.kind == "actor" and b.label == COUNTRY and a.kind == "actor" and a.label == PERSON \
                    and a.key and re.fullmatch(r"\s*,\s*", self.gap(b.end, a.start)) \
                    and b.key in self.art.countries_of(a.key):
                m = search_end(_counterpart_end(), self.gap(self.v.start, b.start), cue_words("role", "counterpart"))
                if m is not None:
                    out[-1] = Atom(self.v.start + m.start(), a.end, "actor", a.key, PERSON)
                    continue
            out.append(a)
        return out

    def _counterpart_start(self, owner: Item, s: int) -> int:
        """Start of "người đồng cấp Ukraine" before a name at ``s``: the
        country is whose counterpart the person is, not another party (a
        counterpart with a known post is read by the roles already)."""
        if self.gap(owner.end, s).strip():
            return s
        m = search_end(_counterpart_end(), self.gap(self.v.start, owner.start), cue_words("role", "counterpart"))
        return self.v.start + m.start() if m else s

    def _post_atom(self, items: list[Item], k: int) -> tuple[Atom | None, int]:
        """An unnamed post, with its owner ("Tổng thống Mỹ") or alone ("Tổng Thư ký").

        Returns the atom (or None) and the index of the next unread item. A
        post alone stands for its holder in the article; a plural one ("hai
        Bộ trưởng", "các Ngoại trưởng") is nobody in particular.
        """
        v, it = self.v, items[k]
        link = r"\s*(?:của\s*)?"
        j = k
        while j + 1 < len(items) and items[j + 1].label == TITLE and re.fullmatch(
                link, self.gap(items[j].end, items[j + 1].start), re.I):
            j += 1
        title = v.between(it.start, items[j].end)
        if j + 1 < len(items) and items[j + 1].label in (COUNTRY, ORG) and re.fullmatch(
                link, self.gap(items[j].end, items[j + 1].start), re.I):
            owner = items[j + 1]
            counted = search_end(cue_pattern(r"(?:<<plural>>|\d+)\s*$"), self.gap(v.start, it.start), words("plural"))
            return Atom(it.start, owner.end, "title", owner.key, owner.label, title=title,
                        plural=counted is not None), j + 2
        lead = self.gap(v.start, it.start)
        after = self.gap(items[j].end, v.end)
        if title_categories().get(norm(title), "") in ("member", "other", ""):
            return None, j + 1  # "thành viên": no post one person holds
        if search_end(cue_pattern(r"(?:<<place_prep>>)\s+(?:[^\s,;]+\s+){0,3}$"), lead, words("place_prep") + 3):
            return None, j + 1  # "tại Văn phòng Thủ tướng": part of a venue's name (not "ở Hà Nội, Tổng Thư ký")
        if search_end(cue_pattern(r"(?:<<level>>)\s*$"), lead, words("level")):
            return None, j + 1  # "Đối thoại cấp Thứ trưởng": a level, nobody in particular
        if search_end(cue_pattern(r"(?:<<plural>>|\d+)\s*$"), lead, words("plural")) or \
                cue_pattern(r"\s*(?:<<plural_after>>)(?!\w)").match(after) or \
                v.between(items[j].end, v.end).lstrip()[:1].isupper():
            return None, j + 1  # plural, or a name the recogniser missed
        return Atom(it.start, items[j].end, "post", title=title), j + 1

    def _body_atom(self, it: Item, prev: Item | None) -> Atom:
        """A country or organisation as a party, a leader, a delegation or a venue."""
        v = self.v
        lead = self.gap(v.start, it.start)
        m = search_end(cue_pattern(r"(?:<<leader>>)\s*(?:(?:<<leader_rank>>)\s+)?(?:của\s+)?$"), lead,
                       words("leader", "leader_rank") + 1)
        if search_end(cue_pattern(r"(?:<<group>>)\s*$"), lead, words("group")):
            m = None  # "hai nhà lãnh đạo Nga - Mỹ": the group maps countries to leaders
        plural = cue("plural_det").pattern
        if m and not re.search(rf"{plural}\s+\S+\s*\S*\s*$", lead[: m.start() + 12], re.I) \
                and not re.search(rf"{plural}\s*$", lead[: m.start()], re.I):
            return Atom(v.start + m.start(), it.end, "leader", it.key, it.label, core=it.start)
        # "phái đoàn của phong trào Hamas": the body's common noun may stand between
        m = search_end(cue_pattern(r"(?:<<delegation>>)\s*(?:<<owner_link>>\s+)?(?:(?:<<actor_noun>>)\s+)?$"), lead,
                       words("delegation", "owner_link", "actor_noun"))
        if m:
            start = v.start + m.start()
            m2 = cue_pattern(r"<<plural_det>>\s*$").search(lead[: m.start()])
            if m2:
                start = v.start + m2.start()
            return Atom(start, it.end, "actor", it.key, it.label, delegation=True, core=it.start)
        if search_end(cue_pattern(r"(?:<<place_prep>>)\s+(?:(?!<<party_link>>\s)[^\W\d]+\s+){0,3}$"), lead,
                      words("place_prep") + 3):
            return Atom(it.start, it.end, "place", it.key, it.label)  # "tại Mỹ", "ở thủ đô Qatar"
        if cue_pattern(r"\W*(?:<<after_link>>)\s+").fullmatch(lead) and re.match(r"\s*,", self.gap(it.end, v.end)):
            return Atom(it.start, it.end, "place", it.key, it.label)  # "Sau Nhật Bản, X sẽ tới Y": a trip's leg
        if prev is not None and prev.label == PLACE and it.label == COUNTRY and \
                re.fullmatch(r"\s*,\s*", self.gap(prev.end, it.start)) and self._place_country(prev) == it.key:
            return Atom(it.start, it.end, "place", it.key, it.label)  # "Ankara, Thổ Nhĩ Kỳ": where, not who
        m = search_end(cue_pattern(r"(?:<<actor_noun>>)\s+$"), lead, words("actor_noun"))
        start = v.start + m.start() if m else it.start  # "và phong trào Hamas"
        return Atom(start, it.end, "actor", it.key, it.label, core=it.start)

    @staticmethod
    def _place_country(place: Item) -> str | None:
        return capital_countries().get(norm(place.text)) or known_affiliations().get(place.key or "")

    def _place_atom(self, it: Item) -> Atom:
        lead = self.gap(self.v.start, it.start)
        cap = self.art.known(capital_countries().get(norm(it.text)))
        m = search_end(cue_pattern(r"(?:<<delegation>>)\s*<<place_prep>>\s+$"), lead, words("delegation", "place_prep"))
        if m and cap:  # "Các quan chức ở Kiev": the state, not the city
            return Atom(self.v.start + m.start(), it.end, "actor", cap, COUNTRY, delegation=True)
        return Atom(it.start, it.end, "place", it.key, PLACE)

    def _group_and_pronoun_atoms(self, atoms: list[Atom]) -> list[Atom]:
        """Groups ("hai bên", "hai nhà lãnh đạo") and pronouns outside other atoms."""
        v = self.v
        out = []
        for m in self.find(cue("group"), v.start, v.end):
            if any(a.start < m.end() and m.start() < a.end for a in atoms):
                continue
            out.append(Atom(m.start(), m.end(), "group", group=cue_value("group", m.group())))
        for m in self.find(cue("pronoun"), v.start, v.end):
            if any(a.start <= m.start() < a.end for a in atoms):
                continue
            nxt = self.ftext[m.end():m.end() + 2]
            if nxt[:1] == " " and nxt[1:2].isupper():
                continue  # "ông X" with X not recognised: not a pronoun
            out.append(Atom(m.start(), m.end(), "pronoun"))
        return out

    def _attach_group_members(self, atoms: list[Atom]) -> list[Atom]:
        """A group followed by its explicit pair: "hai nhà lãnh đạo Trump - Putin"."""
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

    def _mark_sources(self, atoms: list[Atom]) -> None:
        """"Theo Bộ Ngoại giao, hai bên ...": the source of a report is no party."""
        v = self.v
        for a in atoms:
            if a.kind not in ("actor", "title", "post", "leader"):
                continue
            lead = self.gap(v.start, a.start)
            opener = max([0] + [m.end() for m in re.finditer(r"[,;:]", lead)])
            if not cue_pattern(r"\s*(?:<<source>>)\s+(?:[^\W\d]+\s+){0,4}").fullmatch(lead[opener:]):
                continue
            comma = self.ftext.find(",", a.end, v.end)
            if comma >= 0 and len(strip_parens(self.gap(a.end, comma)).strip()) <= 3:
                a.kind = "source"

    def groups(self, a: int, b: int) -> list[list[Atom]]:
        """Actor atoms in [a, b) joined into coordinated groups."""
        led = self._led_spans(a, b)
        atoms = [x for x in self.atoms if x.start >= a and x.end <= b and x.kind not in ("place", "source")
                 and not any(s <= x.start and x.end <= e for s, e in led)]
        out: list[list[Atom]] = []
        joins: list[list[str]] = []
        for x in atoms:
            gap = strip_parens(self._gap_without(out[-1][-1].end, x.start, led)) if out else ""
            if out and cue_pattern(r"\s*(?:,|<<coordinator>>|[-–/])?\s*").fullmatch(gap):
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

    def _led_spans(self, a: int, b: int) -> list[tuple[int, int]]:
        """"do X dẫn đầu" right after a delegation: a description of it, so
        "đoàn A do X dẫn đầu và đoàn B do Y dẫn đầu" still coordinates A and B
        (the heads replace them later, see ``meeting_delegations``)."""
        rx = cue_pattern(r"\s*(?:<<led_agent>>)\s[^,;.]{1,80}?(?:<<led_by>>)(?!\w)")
        out = []
        for x in self.atoms:
            if x.delegation and a <= x.end < b:
                m = rx.match(self.ftext, x.end, b)
                if m:
                    out.append((x.end, m.end()))
        return out

    def _gap_without(self, a: int, b: int, spans: list[tuple[int, int]]) -> str:
        """The text between ``a`` and ``b`` with the given spans left out."""
        gap = self.gap(a, b)
        for s, e in sorted(spans, reverse=True):
            if a <= s and e <= b:
                gap = gap[:s - a] + gap[e - a:]
        return gap

    def passive(self, s: int) -> list[Atom]:
        """The patient of "X được/bị Y tiếp": the group before "được"."""
        before = [a for a in self.atoms if a.end <= s and a.kind not in ("place", "source")]
        if not before:
            return []
        agent = before[-1]
        m = cue_pattern(r"<<passive>>\s+$").search(self.gap(self.v.start, agent.start))
        if m is None or len(self.gap(agent.end, s)) > 20:
            return []
        groups = self.groups(self.v.start, self.v.start + m.start())
        if groups and cue_pattern(r"(?:,|(?<!\w)(?:<<sequence>>))\s*$").search(self.gap(self.v.start, self.v.start + m.start())):
            # "A hội đàm với B và được C tiếp": a second predicate of the subject
            return groups[0]
        return groups[-1] if groups else []

    def clause(self, s: int, e: int, triggers) -> tuple[int, int]:
        """Bounds of the clause around [s, e): reporting verbs, conjunctions
        and ";" separate what a speaker says from who said it."""
        key = (s, e)
        if key not in self._clauses:
            self._clauses[key] = self._clause(s, e, triggers)
        return self._clauses[key]

    def _clause(self, s: int, e: int, triggers) -> tuple[int, int]:
        v = self.v
        not_break, verbs, punct, opener = self._clause_marks()
        masks = [(a, b) for a, b, _ in triggers] + [(m.start(), m.end()) for m in not_break] + opener
        breaks = [m for m in verbs if not any(a < m.end() and m.start() < b for a, b in masks)]
        cs = max([v.start] + [b for a, b in opener if b <= s])
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

    def _clause_marks(self) -> tuple[list[re.Match[str]], list[re.Match[str]], list[re.Match[str]],
                                     list[tuple[int, int]]]:
        """What may bound a clause, found once per sentence (every trigger asks):
        phrases that break no clause, reporting verbs, ";" and the source opener."""
        if self._marks is None:
            v = self.v
            # a verb inside a name or post is none ("Bộ trưởng Thông tin Eritrea")
            named = [(it.start, it.end) for it in v.items if it.label]
            verbs = [m for m in self.find(reporting_verbs(), v.start, v.end)
                     if not any(a <= m.start() and m.end() <= b for a, b in named)]
            self._marks = (self.find(cue("not_break"), v.start, v.end), verbs,
                           list(re.finditer(r"[;]", self.ftext[v.start:v.end])), self._source_opener())
        return self._marks

    def _source_opener(self) -> list[tuple[int, int]]:
        """"Theo hãng tin AFP, ..." / "Theo phóng viên TTXVN tại Jakarta, ...": the
        opening attribution is outside every clause of the sentence, as is who
        invited the subject ("Nhận lời mời của Thủ tướng X, ...")."""
        v = self.v
        lead = len(v.text) - len(v.text.lstrip())
        m = cue_pattern(r"(?:<<invited_by>>|<<source>>)\s[^,;.]{1,80},").match(self.ftext[v.start + lead:v.end])
        return [(v.start + lead, v.start + lead + m.end())] if m else []
