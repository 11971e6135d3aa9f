"""What the meeting rules know about a whole article: roles, affiliations, dates."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from kg.extract.dates import TimeExpression, find_times
from kg.extract.meeting_model import Atom
from kg.extract.model import Role
from kg.extract.participants import (
    ORG,
    PERSON,
    SentView,
    cue_regex,
    entity_keys,
    fold_for_match,
    home_state,
    known_affiliations,
    lexicon,
    norm,
    phrase_regex,
    role_cues,
    title_categories,
    trailing_country,
)
from kg.extract.roles import RoleHit, compatible_titles
from kg.nlp.strings import doc_strings

LEADER_CATEGORIES = ("head_of_state", "head_of_government")


class ArticleFacts:
    """Everything the meeting rules need to know about one article."""

    def __init__(self, doc: Doc, views: list[SentView], roles: list[Role], hits, table=None) -> None:
        self.doc = doc
        self.text = doc_strings(doc).text
        self._token_starts: frozenset[int] | None = None
        self.ftext = fold_for_match(self.text)  # same offsets, tone marks folded
        self.views = views
        self.article_date: str | None = doc._.article_date
        self.roles = roles
        self.hits: dict[int, list[RoleHit]] = hits
        known = known_affiliations()
        # the article's additions; a key it adds nothing to has the lexicon's country
        self.affil: dict[str, set[str]] = {}
        for r in roles:
            if r.org:
                self.affiliations(r.person).add(r.org)
                if r.org in known:
                    self.affil[r.person].add(known[r.org])
        self.salience: dict[str, int] = {}
        self.person_mentions: list[tuple[int, str]] = []  # (offset, key) in text order
        for v in views:
            for it in v.items:
                if it.label == ORG and it.key and it.key not in known and (state := trailing_country(it.text)):
                    self.affiliations(it.key).add(state)  # "Bộ Quốc phòng Lào" is Laos's
                if it.label == PERSON and it.key:
                    self.salience[it.key] = self.salience.get(it.key, 0) + 1
                    self.person_mentions.append((it.start, it.key))
        self.times = [_next_if_coming(t, self.ftext, self.article_date)
                      for t in find_times(self.text, self.article_date)]
        self.present = entity_keys(doc, table)  # table: the entities if already read
        self.readers: dict = {}  # sentence index -> its reader (a meeting_atoms.Sentence), while reading
        self.contact_days: list[tuple[int, str]] = []  # (offset, day) of each time that dated a contact
        self.within: dict[str, str] = {}  # venue -> the place the text puts it in ("V ở thủ đô C")
        self.first_day = next((t.start for t in self.times if t.granularity == "day"
                                and not is_previous_relative(t.text)), None)

    def token_start(self, offset: int) -> bool:
        """Whether a word of the text starts at ``offset`` (a cue matched on the
        text may be the second syllable of a word: "Phu nhân")."""
        if self._token_starts is None:
            self._token_starts = frozenset(doc_strings(self.doc).starts)
        return offset in self._token_starts

    def atoms_of(self, index: int) -> list[Atom]:
        """The atoms of sentence ``index``, once it is being read (none before)."""
        reader = self.readers.get(index)
        return reader.atoms if reader is not None else []

    def known(self, key: str | None) -> str | None:
        """``key`` if the article names that entity (see :func:`entity_keys`)."""
        return key if key and key in self.present else None

    def affiliations(self, key: str) -> set[str]:
        """What ``key`` belongs to, as a set the rules may add to: the lexicon's
        country (persons, organisations, places) and what the article says."""
        found = self.affil.get(key)
        if found is None:
            country = known_affiliations().get(key)
            found = self.affil[key] = {country} if country is not None else set()
        return found

    def countries_of(self, key: str) -> set[str]:
        found = self.affil.get(key)
        if found is None:
            country = known_affiliations().get(key)
            found = {country} if country is not None else set()
        return {k for k in found if k.startswith("country/")} | ({key} if key.startswith("country/") else set())

    def side(self, key: str) -> str:
        """The country (or organisation) a party stands for, itself when unknown.

        A post the article gives a person decides before the nationality the
        lexicon knows: the EU's foreign-policy chief stands for the EU.
        """
        posts = {r.org for r in self.roles if r.person == key and r.org}
        if posts:
            sides = {o if o.startswith("country/") or len(cs := self.countries_of(o)) != 1 else next(iter(cs))
                     for o in posts}
            if len(sides) == 1:
                return next(iter(sides))
        cs = sorted(self.countries_of(key))
        return cs[0] if len(cs) == 1 else key

    def leader_of(self, country: str) -> str | None:
        """The best known head of state/government of ``country`` in this article."""
        cands = []
        for r in self.roles:
            if _leads(r) and country in self.countries_of(r.person):
                cands.append(r.person)
        if not cands:
            return None
        return max(cands, key=lambda k: self.salience.get(k, 0))

    def leaders(self) -> list[str]:
        """Persons holding a leader post in the article, most mentioned first."""
        keys = {r.person for r in self.roles
                if _leads(r)}
        return sorted(keys, key=lambda k: -self.salience.get(k, 0))

    def holder_before(self, title: str, offset: int) -> str | None:
        """The holder of ``title`` named last before ``offset`` ("Tổng Thư ký" alone);
        of the home state's, if the article named holders for several states."""
        t = norm(title)
        holders = {r.person for r in self.roles if norm(r.title) == t}
        before = [k for pos, k in self.person_mentions if pos < offset and k in holders]
        home = [k for k in before if home_state() in self.countries_of(k)]
        return (home or before)[-1] if before else None

    def holders_of(self, title: str, owner: str) -> list[str]:
        """The people named with a post of the kind of ``title`` for ``owner``, in
        text order: "hai bộ trưởng Nhật Bản" after "Ngoại trưởng Nhật Bản X và
        Bộ trưởng Quốc phòng Y"."""
        category = title_categories().get(norm(title), "")
        keys = {r.person for r in self.roles if category and title_categories().get(norm(r.title), "") == category
                and owner in self.countries_of(r.person) | ({r.org} if r.org else set())}
        return list(dict.fromkeys(k for _, k in self.person_mentions if k in keys))

    def person_by_post(self, title: str, owner: str | None) -> str | None:
        """The named holder of an unnamed post ("Tổng thống Mỹ" -> Trump); else
        of a post of the same body that one title's words contain ("Chủ tịch
        Thượng viện Campuchia" -> the "Chủ tịch Thượng viện" named before)."""
        t = norm(title)
        for r in self.roles:
            if norm(r.title) == t and owner is not None and owner in self.countries_of(r.person) | (
                {r.org} if r.org else set()
            ):
                return r.person
        return next((r.person for r in self.roles
                     if owner is not None and r.org == owner and compatible_titles(r.title, title)), None)


def _leads(r: Role) -> bool:
    """Whether a role is a state's head: a leader's post, or a post the state's
    head holds when its owner is a country ("Chủ tịch Trung Quốc")."""
    title = norm(r.title)
    if title_categories().get(title, "") in LEADER_CATEGORIES:
        return True
    return bool(r.org and r.org.startswith("country/")) and title in _country_heads()


@lru_cache(maxsize=1)
def _country_heads() -> frozenset[str]:
    return frozenset(norm(t) for t in role_cues().get("country_head", []))


def behind_without_year(t: TimeExpression, article_date: str | None) -> bool:
    """A day or month written without its year that was resolved to a date
    before the article's (the nearest one)."""
    return bool(article_date and t.value and t.granularity in ("day", "month")
                and t.value < article_date[:len(t.value)] and not re.search(r"\d{4}", t.text))


def next_occurrence(t: TimeExpression, article_date: str) -> TimeExpression:
    """``t`` moved to its first occurrence after the article date."""
    year = int(t.value[:4]) + 1
    while f"{year:04d}{t.value[4:]}" < article_date[:len(t.value)]:
        year += 1
    return replace(t, value=f"{year:04d}{t.value[4:]}", relation="future")


def _next_if_coming(t: TimeExpression, ftext: str, article_date: str | None) -> TimeExpression:
    """"tháng 11 tới", "ngày 5/11 tới": a date without a year followed by
    "tới" is the next one after the article date, never the one before it."""
    if not behind_without_year(t, article_date):
        return t
    # "tới" must end the phrase: "hôm 5/1 tới Moskva", "từ tháng 12 tới tháng 2" are no future
    nxt = cue_regex("meeting", "future_tail_next").pattern
    if not re.match(rf"\s+(?:{cue_regex('meeting', 'future_tail').pattern})(?:\s*(?:[,.;:!?)]|$)|\s+(?:{nxt}))",
                    ftext[t.end:t.end + 24], re.I):
        return t
    return next_occurrence(t, article_date)


@lru_cache(maxsize=1)
def _previous_relative() -> re.Pattern[str]:
    phrases = [p for row in lexicon("time_words")
               if (row.get("kind") or "").strip() == "relative" and (row.get("base") or "").strip() == "previous"
               for p in str(row.get("phrase") or "").split("|")]
    return phrase_regex(tuple(p for p in phrases if p.strip()))


def is_previous_relative(text: str) -> bool:
    """Whether a time phrase counts from the day last named ("cùng ngày", "hôm
    sau"); one that names its own day does not ("Cùng ngày 12.3")."""
    return not re.search(r"\d{1,2}\s*[/.-]\s*\d{1,2}", text) and bool(_previous_relative().search(norm(text)))
