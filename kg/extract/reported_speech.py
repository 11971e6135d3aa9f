"""Reporting clauses: who said it, with which verb, and where the content lies.

Two clause shapes attribute speech:

* a reporting verb with its subject ("X cho biết ...", "..., ông X nói.",
  "X, trong cuộc phỏng vấn với TASS, cho biết ..."), the subject being the
  actor phrase right before the verb, else the clause's opening phrase, else
  the speaker of a coordinated first predicate ("..., đồng thời nhấn mạnh");
* an attribution "Theo X, <content>" or "<content>, theo X.".

A clause found inside the content of another is nested speech ("Theo ông
Ushakov, Tổng thống Trump nhấn mạnh ..."); only one level is kept, and only a
person starts a nested statement. The reader returns :class:`Attribution`
records; :mod:`kg.extract.statement_finder` turns them into statements.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.speaker_phrases import (Phrase, at_boundary, parse_phrase, skip_filler,
                                        unknown_person)
from kg.extract.speakers import Speakers
from kg.extract.speech_cues import Cues
from kg.extract.speech_text import Text

DASHES = frozenset(",-–—")
MAX_NEST = 1  # speech reported inside reported speech inside ... is noise
MIN_CONTENT = 5  # syllables of an indirect statement: fewer is an object ("hoan nghênh quyết định của Đức"), not a clause
_MAX_SCAN = 15  # syllables searched for "rằng" after an addressee


@dataclass
class Attribution:
    """A reporting clause: who, with which verb, and where the content lies."""

    speaker: str
    confidence: float
    verb: str
    act: str | None
    content: tuple[int, int]  # syllable range
    depth: int
    outlet: str | None = None
    naming: bool = False  # "gọi X là “...”": only the quotation is said
    inverted: bool = False  # "“...”, ông nói": the content precedes the clause
    relay: bool = False  # "IRNA dẫn lời ông X cho biết ...": only X's own clause is said


_MAX_OBJECT = 6
"""Words of a reporting verb's object before "và" + a second reporting verb."""


class ClauseReader:
    """Finds the reporting clause, if any, that starts at a syllable."""

    def __init__(self, t: Text, cues: Cues, who: Speakers) -> None:
        self.t, self.cues, self.who = t, cues, who
        # a clause opens with "theo" or a reporting verb; every syllable is asked
        self.openers = t.heads(cues.of("theo")) | t.heads(cues.verbs)

    def read(self, i: int, s0: int, s1: int, attrs: list[Attribution]) -> Attribution | None:
        """The clause at syllable ``i`` of the sentence ``s0:s1``, or None.

        Args:
            attrs: the clauses already read in this sentence, to tell nested
                speech from a new clause.
        """
        if self.t.low[i] not in self.openers:
            return None
        return self._theo(i, s0, s1, attrs) or self._verb(i, s0, s1, attrs)

    def _region(self, i: int, s0: int, attrs: list[Attribution]) -> tuple[int, int]:
        """Start of the innermost content holding ``i``, and its depth. Outside
        any content a ";" starts a new clause: "A mời B thăm Việt Nam; B nhận lời
        và cho biết ..." is B's."""
        outer = self.outer(i, attrs)
        if outer:
            return outer.content[0], outer.depth + 1
        t = self.t
        for k in range(i - 1, s0, -1):
            if t.low[k] == ";" and t.quote_at[k] is None:
                return k + 1, 0
        return s0, 0

    @staticmethod
    def outer(i: int, attrs: list[Attribution]) -> Attribution | None:
        """The innermost attribution whose content holds ``i``."""
        best = None
        for a in attrs:
            if not a.inverted and a.content[0] <= i < a.content[1] \
                    and (best is None or a.depth > best.depth):
                best = a
        return best

    def _theo(self, i: int, s0: int, s1: int, attrs: list[Attribution]) -> Attribution | None:
        """"Theo X, <content>" and "<content>, theo X."."""
        t, c = self.t, self.cues
        if not t.match(i, c.of("theo")) or not (i == s0 or t.low[i - 1] == ","):
            return None
        region, depth = self._region(i, s0, attrs)
        if depth > MAX_NEST:
            return None
        j = i + 1
        n = t.match(j, c.of("source_noun"))
        if n:
            j += n + (1 if j + n < s1 and t.low[j + n] == "của" else 0)
        ph = parse_phrase(t, j, s1)
        who = self.who.resolve(ph, j) if ph else None
        if who is None:
            return None
        end = skip_filler(t, ph.end, s1, comma=False)
        if n and t.match(end, c.verbs):  # "Theo những gì ông X cho biết, ..."
            end = skip_filler(t, end + t.match(end, c.verbs), s1, comma=False)
        act = c.verbs.get(("theo",))
        outlet = next((a.key for a in ph.others if a.outlet), None)
        outer = self.outer(i, attrs)
        outlet = outlet or (outer.outlet if outer else None)
        if end < s1 and t.low[end] == ",":
            return Attribution(who[0], who[1] * 0.9, "theo", act, (end + 1, s1), depth, outlet)
        if i > region and self._nothing_after(end, s1):
            inv = self._before(i - 1, region)
            if inv:
                return Attribution(who[0], who[1] * 0.9, "theo", act, inv, depth, outlet,
                                   inverted=True)
        return None

    def _verb(self, i: int, s0: int, s1: int, attrs: list[Attribution]) -> Attribution | None:
        """A reporting verb at ``i`` with its subject: the phrase right before
        it, else (outside reported speech) the clause's opening phrase, else
        the speaker of a coordinated first predicate."""
        t, c = self.t, self.cues
        n = t.match(i, c.verbs)
        if not n or t.match(i, c.of("non_verb")) > n:
            return None
        if i > s0 and t.actor_at[i - 1] is None and not t.in_title[i - 1] and (
                t.match_end(i - 1, c.of("blocker")) or t.match_end(i - 1, c.of("name_lead"))
                or self._after_verb(i)):
            return None  # a noun ("bản tuyên bố"), a passive, an object ("công bố tin")
        if self._relative(i, s0):
            return None  # "ông Trump, người nhiều lần tuyên bố ...": said before, elsewhere
        verb, act = " ".join(t.raw[i:i + n]), c.verbs[tuple(t.low[i:i + n])]
        relay = False
        if t.match(i, c.of("quoting_verb")):
            relayed = self._relayed_person(i, n, s0, s1, attrs, verb, act)
            if isinstance(relayed, Attribution):
                return relayed
            relay = relayed is False
        attr = self._verb_clause(i, n, s0, s1, attrs, verb, act)
        if attr is not None:
            attr.relay = relay
        return attr

    def _verb_clause(self, i: int, n: int, s0: int, s1: int, attrs: list[Attribution],
                     verb: str, act: str | None) -> Attribution | None:
        """The speaker and content of the reporting verb of ``n`` syllables at ``i``."""
        t, c = self.t, self.cues
        second = self._second_predicate(i, s0, attrs)
        if second is not None:
            attr = Attribution(second.speaker, second.confidence, verb, act, (i + n, s1), second.depth, second.outlet)
            return self._content(attr, i, n, s1)
        region, depth = self._region(i, s0, attrs)
        if depth > MAX_NEST:
            return None
        subject, conf = self._subject(i, region), 1.0
        if subject is None and depth == 0:
            shared = [a for a in attrs if a.depth == 0 and not a.inverted]
            if shared and self._coordinated(i, s0):
                p = shared[-1]
                attr = Attribution(p.speaker, p.confidence, verb, act, (i + n, s1), 0)
                return self._content(attr, i, n, s1)
            subject, conf = self._opening_subject(i, region), 0.85
        who = self.who.resolve(subject, subject.start) if subject else None
        if who is None:
            return None
        outer = self.outer(i, attrs)
        if outer and self._relayed(subject, outer, i + n, s1):
            return None
        if outer and self._contrast(subject, outer, who[0]):
            depth = outer.depth  # "..., trong khi Hamas cáo buộc ...": a new clause
        if depth and who[0] not in self.who.persons:
            return None  # inside reported speech only a person is a new speaker
        if depth and (who[0] == outer.speaker or t.match(i, c.of("wish_verb"))):
            return None  # "ông nói rằng ông hy vọng ...": still the outer statement
        attr = Attribution(who[0], who[1] * conf * (0.9 if depth else 1.0), verb, act,
                           (i + n, s1), depth)
        inv = self._inversion(subject, i + n, region, s0, s1)
        if inv:
            attr.content, attr.inverted = inv, True
            attr.outlet = self._outlet_between(i + n, s1)
            return attr
        attr.outlet = (next((a.key for a in subject.others if a.outlet), None)
                       or self._outlet_between(subject.end, i) or (outer.outlet if outer else None))
        return self._content(attr, i, n, s1)

    def _relayed_person(self, i: int, n: int, s0: int, s1: int, attrs: list[Attribution],
                        verb: str, act: str | None) -> Attribution | bool | None:
        """"IRNA dẫn lời ông X ...": the person quoted is the speaker.

        Returns the person's attribution ("TASS dẫn lời ông X: ..."), False
        when the person's own reporting verb follows ("dẫn lời ông X cho biết
        ...": the outlet's clause then only relays, and X's verb is read
        inside it), or None when no person is quoted.
        """
        t, c = self.t, self.cues
        ph = parse_phrase(t, i + n, s1)
        if ph is None or not ph.persons:
            return None
        after = skip_filler(t, ph.end, s1, comma=False)
        if after < s1 and t.match(after, c.verbs):
            return False
        if after >= s1 or not (t.low[after] in (":", ",") or t.match(after, c.of("complementizer"))):
            return None
        who = self.who.resolve(ph, ph.start)
        region, depth = self._region(i, s0, attrs)
        if who is None or depth > MAX_NEST:
            return None
        subject = self._subject(i, region)
        outlet = next((a.key for a in subject.others if a.outlet), None) if subject else None
        attr = Attribution(who[0], who[1], verb, act, (ph.end, s1), depth, outlet)
        return self._content(attr, ph.end, 0, s1)

    def _relayed(self, subject: Phrase, outer: Attribution, after: int, s1: int) -> bool:
        """"..., hãng thông tấn KCNA đưa tin." closing a statement: the outlet
        relayed it (the outer content is shortened in place)."""
        t = self.t
        k = subject.start - 1
        outlet = next((a.key for a in subject.others if a.outlet), None)
        if outlet is None or subject.persons or k <= outer.content[0] or t.low[k] != "," \
                or not self._nothing_after(after, s1):
            return False
        outer.content, outer.outlet = (outer.content[0], k), outer.outlet or outlet
        return True

    def _contrast(self, subject: Phrase, outer: Attribution, speaker: str) -> bool:
        """A new speaker after ", trong khi" / ", còn" ends the outer content
        there (the outer content is shortened in place); so does one right after
        the comma closing a clause the sentence opened with "Trong khi" ("Trong
        khi A khẳng định X, B lại cho rằng Y")."""
        t = self.t
        links = self.cues.of("clause_link")
        n = t.match_end(subject.start - 1, links)
        k = subject.start - 1 - n
        opened = n == 0 and outer.depth == 0 and t.match(t.sent_bounds(outer.content[0])[0], links) > 0
        if not (n or opened) or k < outer.content[0] or t.low[k] != "," or speaker == outer.speaker:
            return False
        outer.content = (outer.content[0], k)
        return True

    def _relative(self, i: int, s0: int) -> bool:
        """The verb is in a relative clause of an apposition (", người từng
        tuyên bố ..."): it describes the subject rather than reports."""
        t = self.t
        k = i - 1
        while k >= s0 and t.match_end(k, self.cues.of("filler")):
            k -= t.match_end(k, self.cues.of("filler"))
        n = t.match_end(k, self.cues.of("relative")) if k >= s0 else 0
        return n > 0 and k - n >= s0 and t.low[k - n] == ","

    def _after_verb(self, i: int) -> bool:
        """Right after a reporting verb used as a verb ("công bố thông tin"),
        not after a noun one ("ra tuyên bố cho biết")."""
        t, c = self.t, self.cues
        n = t.match_end(i - 1, c.verbs)
        return n > 0 and not (i - n - 1 >= 0 and t.match_end(i - n - 1, c.of("blocker")))

    def _second_predicate(self, i: int, s0: int, attrs: list[Attribution]) -> Attribution | None:
        """"X xác nhận cuộc gặp và cho biết ...", "X chỉ trích thỏa thuận, cho
        rằng ...": a reporting verb coordinated right after a short complement of the clause before it is that
        speaker's second predicate, not speech inside the first. The first
        content then ends at the coordinator, and is dropped when it is an
        object, not a clause (no ``clause_marker``)."""
        outer = self.outer(i, attrs)
        if outer is None or outer.inverted or not self._coordinated(i, s0):
            return None
        a = outer.content[0]
        link = self.t.match_end(i - 1, self.cues.of("clause_link")) or 1  # "và", ",", "nhưng"...
        words = [k for k in range(a, i - link) if self.t.word(k)]
        if len(words) > _MAX_OBJECT or any(self.t.actor_at[k] is not None or self.t.quote_at[k] is not None
                                           for k in range(a, i - link)):
            return None
        clause = any(self.t.match(k, self.cues.of("clause_marker")) for k in range(a, i - link))
        outer.content = (a, i - link) if clause else (a, a)  # an object alone says nothing
        return outer

    def _coordinated(self, i: int, s0: int) -> bool:
        """The verb opens a second predicate: ", cho biết", "đồng thời cho biết"."""
        t = self.t
        return i > s0 and (t.low[i - 1] in (",", "và")
                           or t.match_end(i - 1, self.cues.of("clause_link")) > 0)

    def _phrase_at(self, k: int, limit: int) -> Phrase | None:
        """An actor phrase, or the source of "Thông cáo của Bộ Ngoại giao"."""
        t = self.t
        ph = parse_phrase(t, k, limit)
        n = t.match(k, self.cues.of("source_noun")) if ph is None else 0
        if n and k + n < limit and t.low[k + n] == "của":
            ph = parse_phrase(t, k + n + 1, limit)
            if ph is not None:
                ph.start = k
        return ph

    def _subject(self, i: int, region: int) -> Phrase | None:
        """The actor phrase right before the verb, adverbs and dates aside."""
        t = self.t
        best = None
        for k in range(region, i):
            if t.quote_at[k] is None and at_boundary(t, k, region, loose=True):
                ph = self._phrase_at(k, i)
                if ph is None:
                    continue
                end = ph.end
                if end < i and t.low[end] == "." and t.start[end] == t.end[end - 1]:
                    end += 1  # "Ferdinand Marcos Jr. khẳng định"
                if skip_filler(t, end, i) == i:
                    best = ph
        return best

    def _opening_subject(self, i: int, region: int) -> Phrase | None:
        """The clause's first actor phrase, when the verb follows an aside or a
        comma: "X, trong một cuộc phỏng vấn với TASS, cho biết", "X ..., viết"."""
        t = self.t
        for k in range(region, i):
            if t.quote_at[k] is not None or not at_boundary(t, k, region):
                continue
            ph = self._phrase_at(k, i)
            if ph is None:
                continue
            after = skip_filler(t, ph.end, i, comma=False)
            if after < i and t.low[after] in ("-", "–", "—") and k == region:
                continue  # "TTO - Chiều 21/5, trả lời ...": the outlet's dateline, not a subject
            if after < i and t.low[after] == "và" and parse_phrase(t, after + 1, i):
                return None  # joint subject: nobody in particular
            if any(unknown_person(t, k2, i) for k2 in range(after, i)):
                return None  # "Phía Hamas, ông <unrecognised name> tuyên bố": a topic
            if self._coordinated(i, region) or (after < i and (
                    t.low[after] == "," or t.match(after, self.cues.of("pp_lead")))):
                return ph  # "X, trong cuộc phỏng vấn ..., cho biết"; "X trong cuộc họp nói"
            return None
        return None

    def _inversion(self, subject: Phrase, after: int, region: int, s0: int,
                   s1: int) -> tuple[int, int] | None:
        """Content before the reporting clause: "“...”, ông nói." or
        "Nga sẵn sàng, ông Peskov cho biết." or "“A.” Ông nói."."""
        t = self.t
        k = subject.start - 1
        if k >= region and t.low[k] in DASHES and k > region and t.mark_at[k - 1] is not None:
            q = t.mark_at[k - 1]
            return q.s0, q.s1
        if k >= region and t.mark_at[k] is not None and t.mark_at[k].s1 == k:
            return t.mark_at[k].s0, t.mark_at[k].s1
        if not self._nothing_after(after, s1) or (after < s1 and t.low[after] == ":"):
            return None  # "X nêu rõ:" announces what follows
        if k >= region and t.low[k] in DASHES:
            return self._before(k, region)
        if subject.start == s0 and s0 > 0 and t.mark_at[s0 - 1] is not None:
            q = t.mark_at[s0 - 1]
            return q.s0, q.s1
        return None

    def _nothing_after(self, j: int, s1: int) -> bool:
        """Only adverbs, dates, particles, a closing phrase of place or time
        ("trong cuộc họp báo") and the final stop follow ``j``."""
        t = self.t
        while j < s1:
            if t.match(j, self.cues.of("pp_lead")):
                # "nói với báo giới rằng ...": the phrase names an addressee
                # and the content follows
                return not any(t.low[k] == "," or t.mark_at[k] is not None or t.low[k] == ":"
                               or t.match(k, self.cues.verbs) or t.match(k, self.cues.of("complementizer"))
                               for k in range(j, s1))
            n = t.match(j, self.cues.of("particle"))
            m = skip_filler(t, j, s1, comma=False)
            if n:
                j += n
            elif m > j:
                j = m
            elif not t.word(j) and t.mark_at[j] is None:
                j += 1
            else:
                return False
        return True

    def _before(self, comma: int, region: int) -> tuple[int, int] | None:
        """Content ending at the comma before a trailing reporting clause."""
        q = self.t.mark_at[comma - 1] if comma > region else None
        if q is not None and q.s1 == comma - 1:
            return q.s0, q.s1
        return (region, comma) if comma - region >= MIN_CONTENT else None

    def _content(self, attr: Attribution, i: int, n: int, s1: int) -> Attribution:
        """Content after the verb: skip "thêm", "rằng", ":", a date before
        "rằng" and an addressee or occasion ("nói với NBC News rằng", "cho
        biết tại cuộc họp báo rằng"); a naming verb keeps only its own clause."""
        t, c = self.t, self.cues
        j = i + n
        while j < s1 and t.match(j, c.of("particle")):
            j += t.match(j, c.of("particle"))
        k = skip_filler(t, j, s1, comma=False)
        if j < k < s1 and (t.match(k, c.of("complementizer")) or t.low[k] == ":"):
            j = k  # "cho biết hôm 5/3 rằng"
        if j < s1 and t.match(j, c.of("addressee")):
            k = j + 1
            while k < s1 and k - j <= _MAX_SCAN and t.low[k] not in (",", ".") \
                    and t.mark_at[k] is None and not t.match(k, c.verbs):
                if t.match(k, c.of("complementizer")) or t.low[k] == ":":
                    j = k
                    break
                a = t.actor_at[k]
                if a is not None and a.outlet and attr.outlet is None:
                    attr.outlet = a.key  # "nói với NBC News", "viết trên mạng xã hội X"
                k += 1
        while j < s1 and (t.low[j] in (",", ":") or t.match(j, c.of("complementizer"))):
            j += max(1, t.match(j, c.of("complementizer")))
        end = j if self._occasion(j, s1) else s1
        if t.match(i, c.of("naming_verb")):
            seg = j
            while seg < s1 and not (t.low[seg] == "," and t.quote_at[seg] is None):
                seg += 1
            if any(t.quote_at[k] is not None for k in range(j, seg)):
                attr.naming, end = True, seg
        attr.content = (j, end)
        return attr

    def _occasion(self, j: int, s1: int) -> bool:
        """Whether the text after the verb only says where or when it was said:
        "phát biểu tại hội nghị." or "phát biểu tại Tehran, nói rằng ..."."""
        t, c = self.t, self.cues
        if not t.match(j, c.of("pp_lead")):
            return False
        k = j
        while k < s1 and not (t.low[k] in (",", ":") and t.quote_at[k] is None):
            if t.match(k, c.of("complementizer")) and t.quote_at[k] is None:
                return False  # "cho biết tại cuộc họp rằng ..."
            k += 1
        if k == s1:
            return True
        nxt = skip_filler(t, k, s1) if t.low[k] == "," else k
        return nxt < s1 and t.match(nxt, c.verbs) > t.match(nxt, c.of("non_verb"))

    def _outlet_between(self, a: int, b: int) -> str | None:
        """An outlet named in an aside ("trong cuộc phỏng vấn với hãng TASS")."""
        t = self.t
        for k in range(a, b):
            act = t.actor_at[k]
            if act is not None and act.start == k and act.outlet:
                return act.key
        return None
