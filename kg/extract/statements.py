"""Statements: quotations and reported speech with their speaker ("kg_statements").

Rules over syllables rather than spaCy tokens, because the tokenizer merges
syllables into words and a cue ("cho biết", "người phát ngôn") must match
however the words were cut. Entities, titles and sentences come from the
earlier components as character spans.

A statement is triggered by a reporting verb ("X cho biết ..."), by an
attribution "Theo X, ...", or by a quotation whose speaker is named right after
it ("“...”, ông nói."). The speaker is the actor phrase in subject position; an
unnamed one ("ông", "Người phát ngôn Điện Kremlin", "Quan chức Nga") is
resolved to a person named earlier in the article. The cue words are data:
``kg/lang/vi/statement_cues.tsv`` plus the shared reporting-verb, outlet and
honorific lexicons.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

import kg.extract.facts  # noqa: F401  (registers doc._.statements)
from kg.extract.model import Evidence, Statement

if not Span.has_extension("kg_key"):
    Span.set_extension("kg_key", default=None)

ACTOR_LABELS = ("Person", "Country", "Organization", "Place")
_SYL = re.compile(r"\w+(?:[/\-]\w+)*|[^\w\s]")
_OPEN = {"“": "”", "«": "»"}
_CLAUSE_PUNCT = frozenset(",:;(-–—")
_DASHES = frozenset(",-–—")
_TRIM_END = ".!?…;: \t\n"
_MAX_NEST = 1  # speech reported inside reported speech inside ... is noise
_MIN_CONTENT = 3  # syllables of an indirect statement
_MIN_QUOTE = 4  # syllables of a quote embedded in a clause ("cuộc gặp “hiệu quả”")
_MAX_SCAN = 15  # syllables searched for "rằng" after an addressee


# --------------------------------------------------------------------------- #
# Cue words


def _sylls(phrase: str) -> tuple[str, ...]:
    return tuple(m.group().lower() for m in _SYL.finditer(phrase))


@dataclass
class Cues:
    """Cue phrases by kind (as syllable tuples) and the speech act of each verb."""

    verbs: dict[tuple[str, ...], str | None] = field(default_factory=dict)
    kinds: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)
    captions: list[str] = field(default_factory=list)
    female: set[str] = field(default_factory=set)

    @classmethod
    def from_rows(cls, verbs: list[dict], cues: list[dict], outlets: list[dict],
                  honorifics: list[dict], titles: list[dict] = (),
                  outlet_names: list[dict] = ()) -> Cues:
        """Build from lexicon rows (``statement_cues.tsv`` documents the kinds)."""
        out = cls()
        for row in cues:
            cue, kind = (row.get("cue") or "").strip(), (row.get("kind") or "").strip()
            if not cue or not kind:
                continue
            if kind == "verb":
                out.verbs[_sylls(cue)] = (row.get("value") or "").strip() or None
            elif kind == "caption":
                out.captions.append(cue)
            else:
                out.kinds.setdefault(kind, set()).add(_sylls(cue))
        for row in verbs:  # the shared lexicon wins over the local extras
            verb = (row.get("verb") or "").strip()
            if verb:
                out.verbs[_sylls(verb)] = (row.get("speech_act") or "").strip() or None
        out.kinds.setdefault("title", set()).update(
            _sylls(r["title"]) for r in titles if (r.get("title") or "").strip())
        out.kinds["outlet_name"] = {
            _sylls(n) for r in outlet_names
            for n in [r.get("name") or ""] + list(r.get("variants") or []) if n.strip()}
        out.kinds["outlet"] = {_sylls(r["cue"]) for r in outlets if (r.get("cue") or "").strip()}
        for r in honorifics:
            word, gender = (r.get("word") or "").strip(), (r.get("gender") or "").strip()
            if word and gender.lower() in ("f", "female", "nữ"):
                out.female.add(word.lower())
        return out

    def of(self, kind: str) -> set[tuple[str, ...]]:
        return self.kinds.get(kind, set())


def load_cues(verbs: str = "reporting_verbs", cues: str = "statement_cues",
              outlets: str = "outlet_cues", honorifics: str = "honorifics",
              titles: str = "titles", outlet_names: str = "outlets") -> Cues:
    """Read the lexicons through :func:`kg.lang.lexicons.load`."""
    from kg.lang import lexicons

    return Cues.from_rows(lexicons.load(verbs), lexicons.load(cues), lexicons.load(outlets),
                          lexicons.load(honorifics), lexicons.load(titles),
                          lexicons.load(outlet_names))


# --------------------------------------------------------------------------- #
# The article as syllables


@dataclass
class Actor:
    """An entity mention as a syllable range."""

    start: int
    end: int
    key: str
    label: str
    outlet: bool = False  # a news outlet: it relays rather than speaks


@dataclass
class Quote:
    """A quotation: inner character range and inner syllable range."""

    start: int
    end: int
    s0: int
    s1: int
    taken: bool = False


class Text:
    """Syllables of a Doc with the entity, title, quote and sentence of each."""

    def __init__(self, doc: Doc, cues: Cues) -> None:
        self.text, self.cues = doc.text, cues
        spans = [(m.start(), m.end()) for m in _SYL.finditer(doc.text)]
        self.start = [s for s, _ in spans]
        self.end = [e for _, e in spans]
        self.raw = [doc.text[s:e] for s, e in spans]
        self.low = [w.lower() for w in self.raw]
        n = len(spans)
        if len(doc) and doc.has_annotation("SENT_START"):
            self.sents = [(s.start_char, s.end_char) for s in doc.sents]
        else:  # no sentence splitter ran: one sentence
            self.sents = [(0, len(doc.text))]
        self.sent_of = [0] * n
        k = 0
        for i in range(n):
            while k + 1 < len(self.sents) and self.start[i] >= self.sents[k][1]:
                k += 1
            self.sent_of[i] = k
        self.actor_at: list[Actor | None] = [None] * n
        self.actors: list[Actor] = []
        for ent in doc.ents:
            r = self.range(ent.start_char, ent.end_char)
            if ent.label_ in ACTOR_LABELS and r:
                actor = Actor(r[0], r[1], ent._.kg_key or ent.text, ent.label_)
                actor.outlet = ent.label_ == "Organization" and (
                    tuple(self.low[r[0]:r[1]]) in cues.of("outlet_name")
                    or self.match_end(r[0] - 1, cues.of("outlet")) > 0)
                self.actors.append(actor)
                for i in range(*r):
                    self.actor_at[i] = actor
        self.title_end: list[int | None] = [None] * n
        self.in_title = [False] * n  # inside a title span or a title cue
        for span in doc.spans["titles"] if "titles" in doc.spans else []:
            r = self.range(span.start_char, span.end_char)
            if r and self.actor_at[r[0]] is None:
                self.title_end[r[0]] = r[1]
                self.in_title[r[0]:r[1]] = [True] * (r[1] - r[0])
        for i in range(n):
            m = max(self.match(i, cues.of("title")), self.match(i, cues.of("generic_title")))
            self.in_title[i:i + m] = [True] * m
        self.quotes = self._find_quotes()
        self.quote_at: list[Quote | None] = [None] * n
        self.mark_at: list[Quote | None] = [None] * n  # the quotation marks
        for q in self.quotes:
            for i in range(q.s0, q.s1):
                self.quote_at[i] = q
            for i in (q.s0 - 1, q.s1):
                if 0 <= i < n:
                    self.mark_at[i] = q
        self.countries = {tuple(self.low[a.start:a.end]): a.key
                          for a in self.actors if a.label == "Country"}

    def __len__(self) -> int:
        return len(self.low)

    def range(self, cs: int, ce: int) -> tuple[int, int] | None:
        """Syllable range inside the character range, or None if empty."""
        i = j = bisect_left(self.start, cs)
        while j < len(self.start) and self.end[j] <= ce:
            j += 1
        return (i, j) if j > i else None

    def _find_quotes(self) -> list[Quote]:
        """Quotations on the whole text, since one may hold several sentences."""
        found: list[tuple[int, int]] = []
        stack: list[tuple[str, int]] = []
        straight: int | None = None
        for i, ch in enumerate(self.text):
            if ch == "\n":
                stack.clear()
                straight = None
            elif ch in _OPEN:
                stack.append((_OPEN[ch], i))
            elif stack and ch == stack[-1][0]:
                found.append((stack.pop()[1] + 1, i))
            elif ch == '"':
                if straight is None:
                    straight = i
                else:
                    found.append((straight + 1, i))
                    straight = None
        quotes = []
        for cs, ce in sorted(found):
            r = self.range(cs, ce)
            if r:
                quotes.append(Quote(cs, ce, r[0], r[1]))
        return quotes

    def match(self, i: int, phrases) -> int:
        """Length of the longest phrase starting at syllable ``i`` (0 if none)."""
        best = 0
        for p in phrases:
            n = len(p)
            if n > best and tuple(self.low[i:i + n]) == p:
                best = n
        return best

    def match_end(self, j: int, phrases) -> int:
        """Length of the longest phrase ending at syllable ``j`` (inclusive)."""
        best = 0
        for p in phrases:
            n = len(p)
            if n > best and j - n + 1 >= 0 and tuple(self.low[j - n + 1:j + 1]) == p:
                best = n
        return best

    def word(self, i: int) -> bool:
        return self.raw[i][0].isalnum()

    def sent_bounds(self, i: int) -> tuple[int, int]:
        """Syllable range of the sentence holding syllable ``i``."""
        k = self.sent_of[i]
        s, e = i, i
        while s > 0 and self.sent_of[s - 1] == k:
            s -= 1
        while e < len(self) and self.sent_of[e] == k:
            e += 1
        return s, e

    def is_caption(self, i: int) -> bool:
        """Whether syllable ``i`` is in a photo caption (names there are not news)."""
        s, e = self.sent_bounds(i)
        body = self.text[self.start[s]:self.end[e - 1]]
        return any(c in body for c in self.cues.captions)


# --------------------------------------------------------------------------- #
# Actor phrases


@dataclass
class Phrase:
    """A noun phrase naming or describing an actor ("Người phát ngôn Điện Kremlin")."""

    start: int
    end: int
    persons: list[Actor] = field(default_factory=list)
    others: list[Actor] = field(default_factory=list)
    title_words: list[str] = field(default_factory=list)
    pronoun: str | None = None
    plural: bool = False
    generic: bool = False
    outlet: bool = False
    this: bool = False  # "quan chức này"


def _function_word(t: Text, j: int) -> bool:
    c = t.cues
    return t.match(j, c.verbs) > 0 or any(
        t.match(j, c.of(k)) for k in ("theo", "clause_link", "filler", "blocker", "complementizer"))


def parse_phrase(t: Text, i: int, limit: int) -> Phrase | None:
    """The actor phrase starting at syllable ``i``, or None.

    Capitalised unknown words count as title words ("Phó Chủ tịch") only when
    an actor or a known title follows them inside the phrase.
    """
    c = t.cues
    ph = Phrase(i, i)
    j, pending = i, []
    while j < limit and t.quote_at[j] is None and t.mark_at[j] is None:
        a = t.actor_at[j]
        if a is not None:
            if a.start < j:
                return None  # starts inside an entity
            (ph.persons if a.label == "Person" else ph.others).append(a)
            ph.title_words += pending
            pending, j = [], a.end
            ph.end = j
            continue
        te = t.title_end[j]
        n = t.match(j, c.of("generic_title")) or t.match(j, c.of("title"))
        if te is not None or n:
            ph.generic = ph.generic or (te is None and t.match(j, c.of("generic_title")) > 0)
            end = te if te is not None else j + n
            ph.title_words += pending + t.low[j:end]
            pending, j = [], end
            ph.end = j
            continue
        n = t.match(j, c.of("plural"))
        if n:
            ph.plural, j = True, j + n
            continue
        n = t.match(j, c.of("outlet"))
        if n or t.match(j, c.of("np_lead")):
            ph.outlet = ph.outlet or n > 0
            j += n or t.match(j, c.of("np_lead"))
            continue
        n = t.match(j, c.of("pronoun"))
        if n and ph.pronoun is None and not ph.title_words and not pending:
            ph.pronoun = t.low[j]
            j += n
            ph.end = j
            continue
        if t.low[j] == "này" and ph.title_words:
            ph.this, j = True, j + 1
            ph.end = j
            continue
        n = t.match(j, c.of("connector")) if ph.title_words else 0
        if n or (t.raw[j][0].isupper() and not _function_word(t, j)):
            pending += t.low[j:j + max(n, 1)]
            j += max(n, 1)
            continue
        break
    if ph.end == i:
        return None
    if ph.pronoun and not ph.persons and ph.end < len(t) and t.raw[ph.end][0].isupper() \
            and not _function_word(t, ph.end):
        return None  # "ông Kostyukov" with the name unrecognised: someone unknown
    return ph


def at_boundary(t: Text, i: int, region: int, loose: bool = False) -> bool:
    """Whether a phrase at ``i`` opens a clause, so it can be a subject.

    ``loose`` also accepts a phrase after adverbs and dates ("Tuần trước
    Ngoại trưởng Nga nói").
    """
    if i <= region:
        return True
    prev = t.low[i - 1]
    if prev in _CLAUSE_PUNCT or t.mark_at[i - 1] is not None:
        return True
    if t.match_end(i - 1, t.cues.of("clause_link")):
        return True
    if loose:
        return t.match_end(i - 1, t.cues.of("filler")) > 0 or any(ch.isdigit() for ch in prev)
    return False


def skip_filler(t: Text, j: int, limit: int, comma: bool = True) -> int:
    """Index after the adverbs, dates and (once) a comma starting at ``j``."""
    if comma and j < limit and t.low[j] == ",":
        j += 1
    while j < limit:
        n = t.match(j, t.cues.of("filler"))
        if n:
            j += n
        elif any(ch.isdigit() for ch in t.low[j]) or t.low[j] == "/":
            j += 1
        else:
            break
    return j


# --------------------------------------------------------------------------- #
# Who is who


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
        self.female: set[str] = set()
        self.male: set[str] = set()
        self.persons = {a.key for a in t.actors if a.label == "Person"}
        self.profiles = [self._profile(a) for a in t.actors if a.label == "Person"]
        for role in roles or []:
            for p in self.profiles:
                if p.key == role.person:
                    p.title += " " + role.title.lower()
                    if role.org:
                        p.orgs.add(role.org)

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
        if _function_word(t, j):
            return False
        return (t.in_title[j] or t.raw[j][0].isupper() or t.low[j] in ("của", "-", "–")
                or any(t.match_end(j, c.of(k)) for k in ("pronoun", "np_lead", "outlet")))

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
            if t.low[j] == "," and commas == 0 and j + 2 == a.start \
                    and t.match(j + 1, t.cues.of("pronoun")):
                commas += 1  # "Trợ lý Tổng thống Nga, ông Yury Ushakov"
            elif not self._titleish(j):
                break
            words.append(t.low[j])
            j -= 1
        words.reverse()
        if a.end < s1 and t.low[a.end] == ",":
            j = a.end + 1
            while j < s1 and j - a.end <= 12 and t.low[j] != ",":
                other = t.actor_at[j]
                if other is not None and other.label == "Person":
                    break
                if other is not None and other.start == j:
                    orgs.append(other)
                words.append(t.low[j])
                j += 1
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
        best = None
        for p in self.profiles:
            if p.pos >= pos or p.caption or not quals <= p.orgs:
                continue
            if specific and f" {specific} " not in f" {p.title} ":
                continue
            if best is None or p.pos > best.pos:
                best = p
        return best.key if best else None

    def note_speaker(self, pos: int, key: str) -> None:
        """Remember a person who just spoke: the next bare "ông" may be him."""
        if key in self.persons:
            self.salient.append((pos, key))

    def note_sentence(self, s0: int, s1: int) -> None:
        """Remember the person opening a sentence: the next bare "ông" may be him."""
        t = self.t
        if s0 >= s1 or t.is_caption(s0):
            return
        for i in range(s0, s1):
            if at_boundary(t, i, s0) and t.quote_at[i] is None:
                ph = parse_phrase(t, i, s1)
                if ph and ph.persons and not ph.plural:
                    self.salient.append((i, ph.persons[0].key))
                    return


# --------------------------------------------------------------------------- #
# Reporting clauses


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


class Finder:
    """Extracts the statements of one Doc, sentence by sentence."""

    def __init__(self, doc: Doc, cues: Cues) -> None:
        self.cues = cues
        self.t = Text(doc, cues)
        self.who = Speakers(self.t, getattr(doc._, "roles", None))
        self.out: list[Statement] = []
        self.seen: set[tuple] = set()

    def run(self) -> list[Statement]:
        """All statements, in text order; sentences run in order because an
        unnamed speaker ("ông") is resolved against what came before."""
        i, carry = 0, None
        while i < len(self.t):
            s0, s1 = self.t.sent_bounds(i)
            carry = self._sentence(s0, s1, carry)
            self.who.note_sentence(s0, s1)
            i = s1
        return sorted(self.out, key=lambda s: (s.evidence.start, s.kind))

    def _sentence(self, s0: int, s1: int,
                  carry: tuple[Attribution, bool] | None) -> tuple[Attribution, bool] | None:
        """Statements of one sentence.

        ``carry`` is the previous sentence's last quoting clause and whether it
        ended with ":": "Ông nói:" gives the quotation opening this sentence;
        after a quotation, a sentence that is only a quotation goes on with it.
        Returns the carry for the next sentence.
        """
        t = self.t
        attrs: list[Attribution] = []
        tail = s1  # after "“...”, ông nói" the rest is reporting clause
        i = s0
        while i < tail:
            if t.quote_at[i] is None and t.mark_at[i] is None:
                attr = self._theo(i, s0, s1, attrs) or self._verb(i, s0, s1, attrs)
                if attr is not None:
                    attrs.append(attr)
                    self.who.note_speaker(i, attr.speaker)
                    if attr.inverted:
                        tail = i
            i += 1
        if tail < s1 and attrs:  # “A”, ông nói, “B”.
            last = attrs[-1]
            for q in t.quotes:
                if tail <= q.s0 < s1:
                    attrs.append(Attribution(last.speaker, last.confidence, last.verb,
                                             last.act, (q.s0, q.s1), 0, last.outlet))
        self._carry(carry, attrs, s0, s1)
        quoting = self._emit(attrs, s0, s1)
        last = attrs[-1] if attrs else None
        if last and not last.inverted and last.content[0] >= s1 and t.low[s1 - 1] == ":":
            return last, True
        return (quoting, False) if quoting else None

    def _carry(self, carry: tuple[Attribution, bool] | None, attrs: list[Attribution],
               s0: int, s1: int) -> None:
        """Give an opening quotation that has no speaker of its own the one
        carried over from the previous sentence."""
        t = self.t
        q = t.mark_at[s0]
        if carry is None or q is None or q.s0 != s0 + 1:
            return
        if any(a.content[0] <= q.s0 and q.s1 <= a.content[1] for a in attrs):
            return
        prev, colon = carry
        if colon or all(not t.word(k) for k in range(q.s1, s1)):
            attrs.append(Attribution(prev.speaker, prev.confidence * (0.9 if colon else 0.6),
                                     prev.verb, prev.act, (q.s0, q.s1), 0, prev.outlet))

    def _region(self, i: int, s0: int, attrs: list[Attribution]) -> tuple[int, int]:
        """Start of the innermost content holding ``i``, and its depth."""
        outer = self._outer(i, attrs)
        return (outer.content[0], outer.depth + 1) if outer else (s0, 0)

    @staticmethod
    def _outer(i: int, attrs: list[Attribution]) -> Attribution | None:
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
        if depth > _MAX_NEST:
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
        outer = self._outer(i, attrs)
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
            return None  # a noun ("bản tuyên bố"), a passive, an object ("công bố thông tin")
        verb, act = " ".join(t.raw[i:i + n]), c.verbs[tuple(t.low[i:i + n])]
        region, depth = self._region(i, s0, attrs)
        if depth > _MAX_NEST:
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
        outer = self._outer(i, attrs)
        if outer and self._relayed(subject, outer, i + n, s1):
            return None
        if outer and self._contrast(subject, outer, who[0]):
            depth = outer.depth  # "..., trong khi Hamas cáo buộc ...": a new clause
        if depth and who[0] not in self.who.persons:
            return None  # inside reported speech only a person is a new speaker
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
        there (the outer content is shortened in place)."""
        t = self.t
        n = t.match_end(subject.start - 1, self.cues.of("clause_link"))
        k = subject.start - 1 - n
        if not n or k < outer.content[0] or t.low[k] != "," or speaker == outer.speaker:
            return False
        outer.content = (outer.content[0], k)
        return True

    def _after_verb(self, i: int) -> bool:
        """Right after a reporting verb used as a verb ("công bố thông tin"),
        not after a noun one ("ra tuyên bố cho biết")."""
        t, c = self.t, self.cues
        n = t.match_end(i - 1, c.verbs)
        return n > 0 and not (i - n - 1 >= 0 and t.match_end(i - n - 1, c.of("blocker")))

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
            after = ph.end
            if after < i and t.low[after] == "và" and parse_phrase(t, after + 1, i):
                return None  # joint subject: nobody in particular
            if self._coordinated(i, region) or (after < i and (
                    t.low[after] == "," or t.match(after, self.cues.of("pp_lead")))):
                return ph  # "X, trong cuộc phỏng vấn ..., cho biết"; "X trong cuộc gặp ... nói"
            return None
        return None

    def _inversion(self, subject: Phrase, after: int, region: int, s0: int,
                   s1: int) -> tuple[int, int] | None:
        """Content before the reporting clause: "“...”, ông nói." or
        "Nga sẵn sàng, ông Peskov cho biết." or "“A.” Ông nói."."""
        t = self.t
        k = subject.start - 1
        if k >= region and t.low[k] in _DASHES and k > region and t.mark_at[k - 1] is not None:
            q = t.mark_at[k - 1]
            return q.s0, q.s1
        if k >= region and t.mark_at[k] is not None and t.mark_at[k].s1 == k:
            return t.mark_at[k].s0, t.mark_at[k].s1
        if not self._nothing_after(after, s1) or (after < s1 and t.low[after] == ":"):
            return None  # "X nêu rõ:" announces what follows
        if k >= region and t.low[k] in _DASHES:
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
                return not any(t.low[k] == "," or t.mark_at[k] is not None
                               or t.match(k, self.cues.verbs) for k in range(j, s1))
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
        return (region, comma) if comma - region >= _MIN_CONTENT else None

    def _content(self, attr: Attribution, i: int, n: int, s1: int) -> Attribution:
        """Content after the verb: skip "thêm", "rằng", ":" and an addressee
        ("nói với NBC News rằng"); a naming verb keeps only its own clause."""
        t, c = self.t, self.cues
        j = i + n
        while j < s1 and t.match(j, c.of("particle")):
            j += t.match(j, c.of("particle"))
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
        end = s1
        if t.match(j, c.of("pp_lead")) and not any(
                (t.low[k] in (",", ":") or t.match(k, c.of("complementizer")))
                and t.quote_at[k] is None for k in range(j, s1)):
            end = j  # "phát biểu tại hội nghị.": where, not what
        if t.match(i, c.of("naming_verb")):
            seg = j
            while seg < s1 and not (t.low[seg] == "," and t.quote_at[seg] is None):
                seg += 1
            if any(t.quote_at[k] is not None for k in range(j, seg)):
                attr.naming, end = True, seg
        attr.content = (j, end)
        return attr

    def _outlet_between(self, a: int, b: int) -> str | None:
        """An outlet named in an aside ("trong cuộc phỏng vấn với hãng TASS")."""
        t = self.t
        for k in range(a, b):
            act = t.actor_at[k]
            if act is not None and act.start == k and act.outlet:
                return act.key
        return None

    # -- output ------------------------------------------------------------- #

    def _emit(self, attrs: list[Attribution], s0: int, s1: int) -> Attribution | None:
        """Write the sentence's statements; returns the owner of its last quotation."""
        t = self.t
        quoting = None
        for attr in attrs:
            a, b = attr.content
            inner = [q for q in t.quotes if a <= q.s0 and q.s1 <= b]
            said = [k for k in range(a, b) if t.word(k) and t.quote_at[k] is None]
            if attr.naming or (inner and not said):
                continue
            if len(said) + sum(q.s1 - q.s0 for q in inner) >= _MIN_CONTENT:
                cs, ce = self._trim(t.start[a], t.end[b - 1])
                self._add(attr, "indirect", cs, ce, s0, s1)
        for q in t.quotes:
            owners = [x for x in attrs if x.content[0] <= q.s0 and q.s1 <= x.content[1]]
            if q.taken or not owners:
                continue
            owner = max(owners, key=lambda x: x.depth)
            a, b = owner.content
            whole = owner.inverted or not any(
                t.word(k) and t.quote_at[k] is None for k in range(a, b))
            if self._direct(q, owner, s1, whole) and whole:
                quoting = owner
        return quoting

    def _trim(self, cs: int, ce: int) -> tuple[int, int]:
        """Drop the final stop and a stray quotation mark the splitter left."""
        text = self.t.text
        while ce > cs and (text[ce - 1] in _TRIM_END
                           or text[ce - 1] == '"' and text.count('"', cs, ce) % 2):
            ce -= 1
        while cs < ce and text[cs] in ",:; \t\n":
            cs += 1
        return cs, ce

    def _direct(self, q: Quote, attr: Attribution, s1: int, whole: bool) -> bool:
        """Emit a quotation; a short one counts only when it is all that was said
        (``whole``), not as a scare quote inside a clause."""
        t = self.t
        words = sum(1 for k in range(q.s0, q.s1) if t.word(k))
        if not words or (words < _MIN_QUOTE and not whole):
            return False
        if q.s0 >= 2 and t.match_end(q.s0 - 2, self.cues.of("name_lead")):
            return False  # chương trình “Tết Sum vầy”: a name
        q.taken = True
        cs, ce = q.start, q.end
        while cs < ce and t.text[cs].isspace():
            cs += 1
        while ce > cs and t.text[ce - 1].isspace():
            ce -= 1
        self._add(attr, "direct", cs, ce, t.sent_bounds(q.s0)[0], max(s1, q.s1))
        return True

    def _add(self, attr: Attribution, kind: str, cs: int, ce: int, s0: int, s1: int) -> None:
        t = self.t
        if ce <= cs or (attr.speaker, kind, cs, ce) in self.seen:
            return
        self.seen.add((attr.speaker, kind, cs, ce))
        ss, se = t.start[s0], t.end[min(s1, len(t)) - 1]
        ev = Evidence(cs, ce, t.text[cs:ce], t.text[ss:se], ss, round(attr.confidence, 3))
        outlet = attr.outlet if attr.outlet != attr.speaker else None
        self.out.append(Statement(attr.speaker, ev.text, kind, attr.verb, ev, attr.act, outlet))


# --------------------------------------------------------------------------- #
# Component


def find_statements(doc: Doc, cues: Cues) -> list[Statement]:
    """All statements of ``doc`` in text order; entities must already be set."""
    if not len(doc):
        return []
    return Finder(doc, cues).run()


class StatementComponent:
    """spaCy component filling ``doc._.statements``."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    def __call__(self, doc: Doc) -> Doc:
        doc._.statements = find_statements(doc, self.cues)
        return doc


@Language.factory(
    "kg_statements",
    default_config={"verbs": "reporting_verbs", "cues": "statement_cues",
                    "outlets": "outlet_cues", "honorifics": "honorifics", "titles": "titles",
                    "outlet_names": "outlets"},
)
def make_statements(nlp: Language, name: str, verbs: str, cues: str, outlets: str,
                    honorifics: str, titles: str, outlet_names: str) -> StatementComponent:
    """Config entry point; the arguments are lexicon names under ``kg/lang/vi``."""
    return StatementComponent(load_cues(verbs, cues, outlets, honorifics, titles, outlet_names))
