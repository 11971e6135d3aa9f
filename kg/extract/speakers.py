"""Who an actor phrase is: entity keys for names, pronouns and bare posts.

A named speaker is the entity itself. News style also reports speech by a
pronoun ("Ông cho biết") or by a post alone ("Người phát ngôn cho biết",
"Quan chức Nga nói"); these refer back to a person already in the article,
so the resolver keeps, for every person mention, the post and affiliations
written around it, and the persons who last spoke or opened a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.participants import home_state
from kg.extract.speaker_phrases import (Phrase, aside_end, at_boundary, function_word,
                                        parse_phrase)
from kg.extract.speech_text import Actor, Text


@dataclass
class Profile:
    """What the article says around one person mention: post and affiliations."""

    pos: int
    key: str
    title: str
    orgs: set[str]
    caption: bool


class Speakers:
    """Resolves actor phrases to entity keys, remembering who spoke last."""

    def __init__(self, t: Text, roles: list | None) -> None:
        self.t = t
        self.salient: list[tuple[int, str]] = []  # speakers and sentence subjects
        self._unread: list[tuple[int, int]] = []  # sentences done whose subject is not yet read
        self.female: set[str] = set()  # filled with the profiles
        self.male: set[str] = set()
        self.persons = {a.key for a in t.actors if a.label == "Person"}
        self._roles = roles
        self._profiles: list[Profile] | None = None

    @property
    def profiles(self) -> list[Profile]:
        """One per person mention, read when an unnamed speaker is first resolved."""
        if self._profiles is None:
            self._profiles = [self._profile(a) for a in self.t.actors if a.label == "Person"]
            for role in self._roles or []:
                for p in self._profiles:
                    if p.key == role.person:
                        p.title += " " + role.title.lower()
                        if role.org:
                            p.orgs.add(role.org)
        return self._profiles

    def qualifiers(self, actors: list[Actor]) -> set[str]:
        """Keys of organisations and countries, plus countries named inside them
        ("Hội đồng An ninh Nga" is Russian)."""
        keys = set()
        for a in actors:
            keys.add(a.key)
            words = self.t.low[a.start:a.end]
            for name, key in self.t.countries.items():
                n = len(name)
                if any(tuple(words[k:k + n]) == name for k in range(len(words) - n + 1)):
                    keys.add(key)
        return keys

    def _titleish(self, j: int) -> bool:
        t, c = self.t, self.t.cues
        if function_word(t, j):
            return False
        return (t.in_title[j] or t.raw[j][0].isupper() or t.low[j] in ("của", "-", "–")
                or any(t.match_end(j, c.of(k)) for k in ("pronoun", "np_lead", "outlet")))

    def _aside_start(self, j: int, s0: int) -> int | None:
        """Where the short parenthesis closing at ``j`` opens, or None."""
        t = self.t
        if t.low[j] != ")":
            return None
        k = j - 1
        while k >= s0 and t.low[k] != "(":
            k -= 1
        return k if k >= s0 and aside_end(t, k, j + 1) == j + 1 else None

    def _profile(self, a: Actor) -> Profile:
        """Posts before the name ("Ngoại trưởng Nga Sergey Lavrov") and in an
        apposition after it ("ông Dmitriev, người đứng đầu quỹ ... của Nga,")."""
        t = self.t
        s0, s1 = t.sent_bounds(a.start)
        words: list[str] = []
        orgs: list[Actor] = []
        j, commas = a.start - 1, 0
        while j >= s0 and a.start - j <= 14:
            other = t.actor_at[j]
            if other is not None:
                if other.label == "Person":
                    break
                orgs.append(other)
                words += reversed(t.low[other.start:other.end])
                j = other.start - 1
                continue
            opening = self._aside_start(j, s0)
            if opening is not None:
                j = opening - 1  # "Tổng Thư ký Liên hợp quốc (LHQ) António Guterres"
                continue
            m = t.match_end(j, t.cues.of("connector"))
            if m:
                words += reversed(t.low[j - m + 1:j + 1])  # "Đại sứ Việt Nam tại Nhật Bản"
                j -= m
                continue
            if t.low[j] == "," and commas == 0 and j + 2 == a.start \
                    and t.match(j + 1, t.cues.of("pronoun")):
                commas += 1  # "Trợ lý Tổng thống Nga, ông Yury Ushakov"
            elif not self._titleish(j):
                break
            words.append(t.low[j])
            j -= 1
        words.reverse()
        if a.end < s1 and t.low[a.end] == ",":
            # an apposition is closed by a comma or the sentence's end: in
            # "Tiếp ông X, Chủ tịch nước nhấn mạnh ..." the post is the subject's
            j, more, found = a.end + 1, [], []
            while j < s1 and j - a.end <= 12 and t.low[j] != ",":
                other = t.actor_at[j]
                if other is not None and other.label == "Person":
                    break
                if other is not None and other.start == j:
                    found.append(other)
                more.append(t.low[j])
                j += 1
            if j >= s1 or t.low[j] == "," or (j < s1 and t.low[j] in (".", ";", ")")):
                words += more
                orgs += found
        before = [t.low[k] for k in range(max(s0, a.start - 2), a.start)]
        if any(w in t.cues.female for w in before):
            self.female.add(a.key)
        elif any(t.match(k, t.cues.of("pronoun")) for k in range(max(s0, a.start - 2), a.start)):
            self.male.add(a.key)
        return Profile(a.start, a.key, " ".join(words), self.qualifiers(orgs),
                       t.is_caption(a.start))

    def resolve(self, ph: Phrase, pos: int) -> tuple[str, float] | None:
        """Entity key of the phrase's actor and a confidence, or None."""
        if ph.plural:
            return None
        if ph.persons:
            return ph.persons[0].key, 1.0
        if ph.pronoun and not ph.title_words and not ph.others:
            key = self._salient(pos, ph.pronoun in self.t.cues.female)
            return (key, 0.7) if key else None
        if ph.title_words:
            key = self._holder(ph, pos)
            if key:
                return key, 0.75
            orgs = [a for a in ph.others if a.label == "Organization"]
            return (orgs[0].key, 0.5) if orgs and not ph.generic else None
        if ph.others:
            return ph.others[0].key, 0.9
        return None

    def _salient(self, pos: int, female: bool) -> str | None:
        """The last person spoken of as speaker or subject, of the pronoun's gender."""
        for s0, s1 in self._unread:
            self._note_subject(s0, s1)
        self._unread.clear()
        self.profiles  # noqa: B018  (reading them fills the genders)
        other = self.male if female else self.female
        cands = [c for c in self.salient if c[0] < pos and c[1] not in other]
        return max(cands)[1] if cands else None

    def _holder(self, ph: Phrase, pos: int) -> str | None:
        """The person the article gave this post ("Ngoại trưởng Nga" -> Lavrov);
        for a generic one ("quan chức Nga"), the last person of that country."""
        quals = self.qualifiers(ph.others)
        if ph.this and not quals:
            return self._salient(pos, False)
        if ph.generic and not quals:
            return None
        specific = "" if ph.generic else " ".join(ph.title_words)
        best, best_home = None, False
        for p in self.profiles:
            if p.pos >= pos or p.caption or not quals <= p.orgs:
                continue
            if specific and f" {specific} " not in f" {p.title} ":
                continue
            # a bare post is the home state's holder, if one was named ("Thủ tướng" alone)
            home = not quals and home_state() in p.orgs
            if best is None or (home, p.pos) > (best_home, best.pos):
                best, best_home = p, home
        return best.key if best else None

    def note_speaker(self, pos: int, key: str) -> None:
        """Remember a person who just spoke: the next bare "ông" may be him."""
        if key in self.persons:
            self.salient.append((pos, key))

    def note_sentence(self, s0: int, s1: int) -> None:
        """Remember the person opening a sentence: the next bare "ông" may be him.

        Read when a pronoun asks (:meth:`_salient`), for the sentences done by then.
        """
        self._unread.append((s0, s1))

    def _note_subject(self, s0: int, s1: int) -> None:
        t = self.t
        if s0 >= s1 or t.is_caption(s0):
            return
        for i in range(s0, s1):
            if at_boundary(t, i, s0) and t.quote_at[i] is None:
                ph = parse_phrase(t, i, s1)
                if ph and ph.persons and not ph.plural:
                    self.salient.append((i, ph.persons[0].key))
                    return
