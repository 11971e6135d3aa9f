"""The rule engine behind :mod:`kg.extract.entities`.

Three passes over the tokens of a Doc:

1. items: at each token the longest of a lexicon name, a title or an
   organisation grown from a head noun; else a cue word, a capitalised token
   ("cap"), a plain word or punctuation;
2. runs of "cap" tokens are typed from their neighbours (title pending,
   honorific, outlet/place cue, reporting verb, name shape);
3. runs still unexplained become persons when they repeat a person's surname
   from elsewhere in the article, or outlets after "theo".

Matching is on folded syllables (see :mod:`kg.nlp.orthography`) and always
starts and ends on token boundaries, so a name never begins inside a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from kg.extract.gazetteer import COUNTRY, ORG, PERSON, PLACE, Entry, Gazetteer
from kg.extract.names import abbreviates, is_acronym, is_short_form, is_vietnamese_syllable, looks_foreign, name_core, slugify
from kg.nlp.orthography import fold
from kg.nlp.segmenter import get_segmenter
from kg.nlp.sentences import sent_start_values
from kg.nlp.strings import doc_strings

# Tokens after which a capitalised word may be an ordinary sentence start.
_OPENERS = frozenset({"“", '"', "«", "(", ":", "-", "–", "—", "‘", "'", "[", "…", "•", "*"})
_LABEL_RANK = {COUNTRY: 0, ORG: 1, PERSON: 2, PLACE: 3}
_HAS_ALNUM = re.compile(r"[^\W_]")
_MISSING = object()
_FIRSTS: dict[object, tuple[object, frozenset[str]]] = {}
_PREFIXES: dict[int, tuple[object, frozenset[tuple[str, ...]]]] = {}


def _starters(gaz: Gazetteer) -> frozenset[str]:
    """First syllables of anything pass 1 can match at a token."""
    hit = _FIRSTS.get(id(gaz))
    if hit is None or hit[0] is not gaz:
        words: set[str] = {"phó"} | {h.split()[0] for h in gaz.honorifics if h}
        tables = (gaz.entries, gaz.titles, gaz.org_heads, gaz.outlet_cues, gaz.cue("person_cue"),
                  gaz.cue("venue_head"))
        for table in tables:
            words |= _firsts(table)
        hit = _FIRSTS[id(gaz)] = (gaz, frozenset(words))
    return hit[1]


def _prefixes(table) -> frozenset[tuple[str, ...]]:
    """Every leading part of the keys of a lexicon table: a walk that leaves
    them can stop, since no longer key starts that way (tables never change)."""
    hit = _PREFIXES.get(id(table))
    if hit is None or hit[0] is not table:
        hit = _PREFIXES[id(table)] = (table, frozenset(k[:n] for k in table for n in range(1, len(k) + 1)))
    return hit[1]


def _firsts(table) -> frozenset[str]:
    """First syllables of the keys of a lexicon table, for a cheap pre-check."""
    hit = _FIRSTS.get(id(table))
    if hit is None or hit[0] is not table:
        hit = _FIRSTS[id(table)] = (table, frozenset(k[0] for k in table if k))
    return hit[1]


_ROMAN = re.compile(r"[IVX]{1,4}")
# An acronym numbered by its session or edition: "AIPA-47", "COP31", "APEC-2026".
_NUMBERED_SHORT_FORM = re.compile(r"[A-Z]{2,}-?\d{1,4}")
# A Korean given name romanised with a hyphen: "Jae-myung", "Yo-jong".
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,6}")
_PARTICLE_PREFIX = re.compile(r"([a-z]{1,4})-([^\W\d_])")


@lru_cache(maxsize=100_000)
def _syllables(token: str) -> tuple[str, ...]:
    """Folded syllables of a token (cached: the same words come back in every article)."""
    return tuple(fold(token).split())


def _particle_prefixed(text: str, particles) -> bool:
    """A name piece opened by a lower-case particle: "al-Ansari", "el-Sisi"."""
    m = _PARTICLE_PREFIX.match(text)
    return m is not None and (m.group(1),) in particles and m.group(2).isupper()


@dataclass
class Mention:
    """An entity mention over tokens ``[start, end)``."""

    start: int
    end: int
    label: str
    key: str
    source: str  # which rule found it, for debugging and confidence
    confidence: float = 1.0
    lexical: bool = False  # key comes from a lexicon


@dataclass
class TitleMatch:
    start: int
    end: int
    category: str


@dataclass
class Item:
    start: int
    end: int
    kind: str  # title | ent | honorific | outlet | pcue | cap | word | punct | space
    mention: Mention | None = None
    category: str = ""


def _last_item(items: list[Item]) -> Item | None:
    """The last item that is not white space."""
    return next((it for it in reversed(items) if it.kind != "space"), None)


class Scanner:
    """Finds the mentions and titles of one Doc (see module docstring)."""

    def __init__(self, doc: Doc, gaz: Gazetteer) -> None:
        self.doc = doc
        self.gaz = gaz
        self.n = len(doc)
        self.strings = doc_strings(doc)
        self.text = list(self.strings.words)
        self.space = [not t.strip() for t in self.text]
        self.folded = [() if sp else _syllables(t) for t, sp in zip(self.text, self.space)]
        self.raw = [t.split() for t in self.text]
        self.initial = self._initial_flags()
        particles = gaz.cue("name_particle")
        self.cap = [
            t[:1].isupper()
            or (t[:1].isdigit() and not t.isdigit() and any(c.isupper() for c in t))
            or ("-" in t and _particle_prefixed(t, particles))
            for t in self.text
        ]
        self.is_word = get_segmenter().is_word
        singles = self._particle_set(gaz)
        self.particle = [
            bool(f) and f[0] in singles and (len(f) == 1 or all(x in singles for x in f))
            for f in self.folded
        ]
        self._venue_firsts = _firsts(gaz.cue("venue_head"))
        self._outlet_firsts = _firsts(gaz.outlet_cues)
        self._lex_cache: dict[int, object] = {}  # lexicon_at and title_at depend on i only
        self._title_cache: dict[int, object] = {}
        self._honorific_last: set[int] = set()  # last token of a honorific of several words
        self._title_firsts = {t[0] for t in gaz.titles}
        self._head_max = max((len(h) for h in gaz.org_heads), default=1)

    # ------------------------------------------------------------------ utils

    def span_text(self, i: int, j: int) -> str:
        """``doc[i:j].text`` without building the span."""
        return self.strings.span(i, j)

    def _initial_flags(self) -> list[bool]:
        """Where a capital letter may just mark a sentence start."""
        flags = [False] * self.n
        values = sent_start_values(self.doc)
        if -1 in values:  # sentence boundaries were set
            sent_starts = [v == 1 for v in values]
        else:
            sent_starts = [i == 0 for i in range(self.n)]
        newline, prev = True, ""
        for i, text in enumerate(self.text):
            if self.space[i]:
                newline = newline or "\n" in text
                continue
            flags[i] = newline or sent_starts[i] or prev in _OPENERS
            newline, prev = False, text
        return flags

    def prev_index(self, i: int) -> int | None:
        j = i - 1
        while j >= 0 and self.space[j]:
            if "\n" in self.text[j]:
                return None
            j -= 1
        return j if j >= 0 else None

    def next_index(self, i: int) -> int | None:
        j = i
        while j < self.n and self.space[j]:
            if "\n" in self.text[j]:
                return None
            j += 1
        return j if j < self.n else None

    def _walk(self, i: int, max_len: int):
        """Token-aligned folded syllable keys starting at token ``i``."""
        key: tuple[str, ...] = ()
        j = i
        while j < self.n and not self.space[j] and self.folded[j]:
            key = key + self.folded[j]
            if len(key) > max_len:
                return
            j += 1
            yield j, key

    def longest_cue(self, i: int | None, kind: str) -> int | None:
        """End of the longest cue of ``kind`` starting at token ``i``."""
        if i is None or self.space[i]:
            return None
        return self._longest_in(i, self.gaz.cue(kind))

    def cue_before(self, i: int, kind: str, cues: set | None = None) -> bool:
        """Whether a cue of ``kind`` ends right before token ``i``."""
        cues = self.gaz.cue(kind) if cues is None else cues
        end = i
        key: tuple[str, ...] = ()
        j = self.prev_index(i)
        if j is not None and len(self.folded[j]) > 1 and self._glued_cue(j, cues):
            return True
        while j is not None and end - j <= 4:
            if not self.folded[j]:
                return False
            key = self.folded[j] + key
            if key in cues:
                return True
            j = self.prev_index(j)
        return False

    def _glued_cue(self, j: int, cues) -> bool:
        """The CRF glued a cue onto the word before it ("thăm bang"): a token
        that is no dictionary word but ends with a cue."""
        f = self.folded[j]
        return any(f[k:] in cues for k in range(1, len(f))) and not self.is_word(self.text[j])

    def is_cap(self, i: int) -> bool:
        return self.cap[i]

    # ------------------------------------------------------------- matchers

    def lexicon_at(self, i: int) -> tuple[int, list[Entry]] | None:
        # Cached: the same token is asked again while names are grown.
        hit = self._lex_cache.get(i, _MISSING)
        if hit is not _MISSING:
            return hit
        # Lexicon forms start with a capital, except continents ("châu Âu")
        # and name pieces ("von der Leyen", "dpa"): see _case_ok.
        best = None
        f = self.folded[i]
        if f and f[0] in self.gaz.firsts and (self.cap[i] or f[0] in self.gaz.lower_firsts):
            prefixes = _prefixes(self.gaz.entries)
            for end, key in self._walk(i, self.gaz.max_len):
                if key not in prefixes:
                    break
                entries = self.gaz.entries.get(key)
                if entries:
                    raw = [s for k in range(i, end) for s in self.raw[k]]
                    ok = [e for e in entries if self._case_ok(e, raw)]
                    if ok:
                        best = (end, ok)
        self._lex_cache[i] = best
        return best

    @staticmethod
    def _case_ok(e: Entry, raw: list[str]) -> bool:
        """Capitals must be where the lexicon has them: always on the first
        syllable ("anh" is not "Anh"), on every syllable only for ambiguous
        names; "Tân Hoa xã" is still "Tân Hoa Xã". ``raw``: the syllables as written."""
        if e.exact:
            return " ".join(raw) == e.form
        if len(raw) != len(e.caps):
            return False
        if not raw[0][:1].isupper():
            # Lower case only where the lexicon writes it so, and not for a
            # place noun + name ("đảo Bali" is found as "Bali").
            if e.caps[0] or (e.label == PLACE and fold(e.form) != fold(e.name)):
                return False
            if raw[0] != e.form.split()[0]:
                return False
        if not e.ambiguous:
            return True
        return all(not cap or r[:1].isupper() for cap, r in zip(e.caps, raw))

    def _ambiguous_ok(self, i: int, end: int, items: list[Item]) -> bool:
        """A country name that is also a common word ("Anh") needs context.

        Only a name that is also a pronoun ("Anh" = he) is doubtful at a
        sentence start; "Mỹ" or "Đức" there is the country.
        """
        if self.initial[i] and self.folded[i] and self.folded[i][0] in self.gaz.honorifics:
            return self._listed_with_countries(end)  # "Anh và Pháp ..." is still the UK
        nxt = self.next_index(end)
        if nxt is not None and self.folded[nxt] in self.gaz.cue("pronoun_next"):
            return False
        if nxt == end and self.raw[nxt][0][:1].islower():
            # The CRF may cut a word after the name: "Ý | tưởng", "Pháp | luật".
            if self.is_word(self.span_text(i, end) + " " + self.raw[nxt][0]):
                return False
        last = _last_item(items)
        if last is not None and last.kind == "honorific" and last.end == i:
            return False  # "ông Đức", "bà Mỹ": a given name
        if self._after_credit(i) and nxt == end and self.cap[nxt]:
            return False  # "Ảnh: Nhật Bắc": a photographer's name
        if last is None or last.kind != "cap":
            return True
        # After a name piece it ends the name ("Nguyễn Tuấn" + "Anh"); after
        # a capitalised compound word ("Nội các" + "Nhật") or a sentence-
        # initial word that introduces a country ("Phía" + "Mỹ") it is the
        # country.
        t = self.text[last.start]
        if len(self.folded[last.start]) > 1:
            return self.is_word(t)
        return (
            self.initial[last.start]
            and last.end == last.start + 1
            and self.folded[last.start] in self.gaz.cue("country_context")
        )

    def _after_credit(self, i: int) -> bool:
        """Right after "Ảnh:" / "Nguồn:" (a credit)."""
        colon = self.prev_index(i)
        if colon is None or self.text[colon] != ":":
            return False
        credit = self.prev_index(colon)
        return credit is not None and self.folded[credit] in self.gaz.cue("credit")

    def _listed_with_place(self, end: int) -> bool:
        """Whether "và"/"," and a listed place follow the token ending at ``end``."""
        nxt = self.next_index(end)
        if nxt is None or self.folded[nxt] not in self.gaz.cue("coordinator") and self.text[nxt] != ",":
            return False
        after = self.next_index(nxt + 1)
        lex = self.lexicon_at(after) if after is not None else None
        return lex is not None and any(e.label == PLACE for e in lex[1])

    def _listed_with_countries(self, end: int) -> bool:
        """The name is followed by "và"/"," and another country."""
        nxt = self.next_index(end)
        if nxt is None or self.folded[nxt] not in self.gaz.cue("coordinator"):
            return False
        after = self.next_index(nxt + 1)
        lex = self.lexicon_at(after) if after is not None else None
        return lex is not None and any(e.label == COUNTRY for e in lex[1])

    def title_at(self, i: int) -> tuple[int, str] | None:
        first = self.folded[i][:1]
        if not first or (first[0] not in self._title_firsts and first[0] != "phó"):
            return None
        hit = self._title_cache.get(i, _MISSING)
        if hit is not _MISSING:
            return hit
        best = None
        titles = self.gaz.titles
        prefixes = _prefixes(titles)
        for end, key in self._walk(i, self.gaz.title_max + 1):
            if best is not None and self._is_org_head(end - 1) and self._names_body(end - 1):
                break  # "Thứ trưởng Bộ Ngoại giao": the ministry is an entity
            if key in titles:
                best = (end, titles[key])
            elif key[0] == "phó" and key[1:] in titles:
                best = (end, titles[key[1:]])
            if key not in prefixes and not (key[0] == "phó" and (len(key) == 1 or key[1:] in prefixes)):
                break  # no longer title starts so
        if best is not None:
            best = self._qualified(*best)
        self._title_cache[i] = best
        return best

    def _walk_hits(self, i: int, cues) -> bool:
        """Whether a cue of ``cues`` starts at token ``i`` (two tokens at most)."""
        return any(key in cues for _stop, key in self._walk(i, 4) if _stop - i <= 2)

    def _qualified(self, end: int, category: str) -> tuple[int, str]:
        """A title with the qualifier that follows it ("Tổng thống lâm thời")."""
        qualifiers = self.gaz.cue("title_qualifier")
        for stop, key in self._walk(end, 3):
            if key in qualifiers:
                return stop, category
            if key not in _prefixes(qualifiers):
                break
        return end, category

    def org_at(self, i: int) -> int | None:
        """End of an organisation name opened by a head noun, or None.

        The name runs over capitalised dictionary words and stops after a
        country or place ("Hội đồng An ninh Nga"), after an acronym ("Cục
        Tình báo Quân sự GRU"), or before anything that looks like a person.
        """
        if not self.cap[i] or self.folded[i][0] not in _firsts(self.gaz.org_heads):
            return None
        if self._walk_hits(i, self.gaz.cue("not_org")):
            return None  # "Nhà nước Việt Nam": the state; "Bộ Quy tắc ứng xử": a code, not a ministry
        prev = self.prev_index(i)
        if prev is not None and self.folded[prev] in self.gaz.cue("quantifier"):
            return None  # "giữa hai Bộ Ngoại giao": the ministries of both sides
        head_end = end = None
        prefixes = _prefixes(self.gaz.org_heads)
        for stop, key in self._walk(i, self._head_max):
            if key not in prefixes:
                break
            if key in self.gaz.org_heads:
                head_end = stop
        if head_end is None:
            # Head and name in one token ("Điện Kremlin", "Viện Hàn lâm"),
            # unless the token is a post ("Viện trưởng").
            f, raw = self.folded[i], self.raw[i]
            if not any(f[:k] in self.gaz.org_heads for k in range(1, len(f))):
                return None
            if f in self.gaz.titles or self.title_at(i) is not None:
                return None
            if all(r[:1].isupper() for r in raw) or any(
                    f[:k] in self.gaz.org_heads and f[k:] in self.gaz.cue("org_tail") for k in range(1, len(f))):
                head_end = end = i + 1  # "Điện Kremlin"; "Ủy ban nhân dân", glued with its tail
            elif self.is_word(self.text[i]):
                # A word like "Viện Hàn lâm" names a body only with more
                # capitalised words ("Hội nghị" alone is just "conference").
                head_end = i + 1
            else:
                return None
        office = self.longest_cue(i, "office_head") == head_end
        return self._grow_name(i, head_end, end, office)

    def venue_at(self, i: int) -> int | None:
        """End of a building named by a venue head ("Cung điện Dolmabahce",
        "Dinh Tổng thống", "Hoàng cung"), or None."""
        if not self.cap[i] or self.folded[i][0] not in self._venue_firsts:
            return None
        head_end = self.longest_cue(i, "venue_head")
        if head_end is None:
            return None
        nxt = head_end if head_end < self.n and not self.space[head_end] else None
        lex = self.lexicon_at(nxt) if nxt is not None and self.cap[nxt] else None
        if lex is not None and any(e.label == ORG for e in lex[1]):
            return None  # "Trụ sở NATO": the body itself names the venue
        end = self._grow_name(i, head_end, None, True, venue=True)
        if end is None and head_end - i == 1 and len(self.folded[i]) >= 2:
            # A capitalised one-word building: "tại Hoàng cung".
            if not self.initial[i] or self.cue_before(i, "venue"):
                return head_end
        return end

    def _grow_name(self, i: int, head_end: int, end: int | None, office: bool, venue: bool = False) -> int | None:
        """Extend a name after its head noun (see :meth:`org_at`).

        ``office``: a post right after the head belongs to the name
        ("Văn phòng Thủ tướng", "Dinh Tổng thống"). ``venue``: a building's
        head, which a foreign name of several syllables may follow ("Tòa nhà
        Perdana Putra"); after a body's head that is more often a person.
        """
        j = head_end
        tails, late_tails = self.gaz.cue("org_tail"), self.gaz.cue("org_name_tail")
        while j < self.n and not self.space[j]:
            if not self.is_cap(j):
                if end == j and (k := self._abbreviated_tail(j)) is not None:
                    end = k  # "Lực lượng Hỗ trợ nhanh (RSF)": the abbreviation closes the name
                    break
                if (self.folded[j] in tails and (end is not None or j == head_end)
                        or end == j and self.folded[j] in late_tails) and not self._points_back(j + 1):
                    end = j = j + 1  # "Viện Kiểm sát nhân dân tối cao", "Cơ quan Phát triển quốc tế"
                    continue
                if end == j:
                    unit_end = self._admin_unit_place(j)
                    if unit_end is not None:
                        end = unit_end  # "Ủy ban nhân dân tỉnh Tây Ninh"
                        break
                if end == j and self._joint_body_name(i, head_end, j):
                    # "Ủy ban Chỉ đạo hợp tác song phương Việt Nam - Trung Quốc":
                    # what was read is only part of the name, and the two
                    # countries stay the parties of the body's sessions.
                    return None
                if end == j and self._inner_syllable(j):
                    end = j = j + 1  # "Ủy ban Quốc vụ Triều Tiên": only a word's first syllable is capitalised
                    continue
                ordinal = self.longest_cue(j, "ordinal") if end == j else None
                if ordinal is not None and ordinal < self.n and self.text[ordinal].isdigit():
                    end = ordinal + 1  # "Hội nghị Cấp cao ASEAN lần thứ 47": the session's number is part of its name
                    break
                # a head of several words names already ("Phòng Thương mại | và Công nghiệp")
                if end is not None or (j == head_end and head_end - i >= 2):
                    more = self._coordinated_name_words(j, topic=True)
                    if more is not None:
                        end = j = more  # "Hội đồng An ninh và Quốc phòng"
                        continue
                    if self._cut_event_name(i, head_end, j) or self._event_word_cut(i, head_end, j):
                        return None
                break
            unit_end = self._admin_unit_place(j)
            if unit_end is not None:
                end = unit_end  # "UBND TP Cần Thơ", "Ủy ban nhân dân Thành phố Cần Thơ"
                break
            if self.folded[j] == ("các",) and j + 1 < self.n and self.folded[j + 1] == ("vấn", "đề"):
                # "Văn phòng Các vấn đề Đài Loan", "Bộ Các vấn đề Cựu chiến binh"
                end = j = self._affairs_portfolio(j) or j + 2
                continue
            lex = self.lexicon_at(j)
            if lex is not None:
                labels = {e.label for e in lex[1]}
                if j == head_end and self.longest_cue(i, "delegation_head") == head_end:
                    return None  # "Phái đoàn Hamas", "phái đoàn Nga": the party itself
                if labels & {COUNTRY, PLACE}:
                    if end is not None and self._country_pair_at(j):
                        return None  # "Ủy ban Hỗn hợp Việt Nam - Ấn Độ": a bilateral body, see _joint_body_name
                    # "Phái đoàn Mỹ ..." opening a sentence is a delegation,
                    # capitalised only by position.
                    if end is not None or not self.initial[i]:
                        end = lex[0]
                    break
                if ORG in labels:
                    if self.longest_cue(i, "event_head") is not None:
                        return None  # "Hội nghị Cấp cao BRICS": the body is the entity, the gathering a contact
                    end = j = lex[0]
                    continue
                break
            title = self.title_at(j)
            if title is not None:
                if office and j == head_end:
                    end = j = title[0]
                    if self.longest_cue(i, "event_head") == head_end and (j >= self.n or self.space[j] or not self.cap[j]):
                        return None  # "Hội nghị Bộ trưởng ba nước": a gathering of post holders, no body
                    continue
                after = title[0]
                if j == head_end and (after >= self.n or self.space[after] or not self.cap[after]):
                    if self.longest_cue(i, "event_head") == head_end:
                        return None  # "Hội nghị Bộ trưởng ba nước": a gathering of post holders, no body
                    end = after  # "Cục Lãnh sự": a post naming the body, then the name ends
                break
            t = self.text[j]
            if is_acronym(t):
                end = j + 1
                break
            if self.is_word(t) and not looks_foreign(t) and not self._starts_vi_name(j):
                end = j = j + 1
                continue
            if end is None and (len(self.folded[j]) == 1 or venue) and looks_foreign(t):
                end = j + 1  # a head naming one foreign word: "Công ty Apple"
            break
        return end

    def _place_after_noun(self, i: int, end: int) -> Mention:
        """A place named by the place noun before it, keyed as listed with
        that noun if it is ("thành phố Hồ Chí Minh" = "TP Hồ Chí Minh")."""
        name = self.span_text(i, end)
        prev = self.prev_index(i)
        noun = self.text[prev] if prev is not None else ""
        key = self.gaz.place_keys.get(fold(f"{noun} {name}")) or "place/" + slugify(name)
        return Mention(i, end, PLACE, key, "place_cue", lexical=True)

    def _points_back(self, j: int) -> bool:
        """A demonstrative at ``j`` ("quốc gia này"): the words before it are no name."""
        return j < self.n and not self.space[j] and self.folded[j] in self.gaz.cue("demonstrative")

    def _admin_unit_place(self, j: int) -> int | None:
        """End of "tỉnh Tây Ninh" after a body's name, when the unit at ``j``
        is followed by a listed place: the body is that unit's."""
        if self.folded[j] not in self.gaz.cue("admin_unit") or j + 1 >= self.n or not self.cap[j + 1]:
            return None
        lex = self.lexicon_at(j + 1)
        if lex is None or not any(e.label in (PLACE, PERSON) or e.role == "capital" for e in lex[1]):
            return None  # a person's name after the unit names a place: "thành phố Hồ Chí Minh"
        return lex[0]

    def _joint_body_name(self, i: int, head_end: int, j: int) -> bool:
        """Whether a bilateral body's name goes on at ``j``: lower-case words,
        one of them (or of the name read so far) a ``joint_word``, then two
        listed countries joined by a dash. Event names are left to :meth:`_cut_event_name`."""
        if self.longest_cue(i, "event_head") == head_end:
            return False
        # the joint word may be in the capitalised part already read ("Ủy ban Hợp tác kinh tế ...")
        k, joint = j, any(self.folded[x] in self.gaz.cue("joint_word") for x in range(head_end, j))
        blockers = ("connector", "coordinator", "venue", "adverb")
        while k < self.n and k - j < 6 and not self.space[k] and not self.is_cap(k):
            f = self.folded[k]
            if not self.text[k].replace(" ", "").isalpha() or not self.is_word(self.text[k]) or (
                    f != ("về",) and any(f in self.gaz.cue(kind) for kind in blockers)):
                return False
            joint = joint or f in self.gaz.cue("joint_word")
            k += 1
        return joint and k > j and self._country_pair_at(k)

    def _country_pair_at(self, k: int) -> bool:
        """Two listed countries joined by a dash at token ``k`` ("Việt Nam - Ấn Độ")."""
        first = self._country_at(k)
        if first is None or first >= self.n or self.text[first] not in {"-", "–", "—"}:
            return False
        return self._country_at(first + 1) is not None

    def _country_at(self, k: int) -> int | None:
        """End of a listed country (not a capital) starting at token ``k``."""
        if k >= self.n or self.space[k] or not self.cap[k]:
            return None
        lex = self.lexicon_at(k)
        if lex is None or not any(e.label == COUNTRY and e.role != "capital" for e in lex[1]):
            return None
        return lex[0]

    def _cut_event_name(self, i: int, head_end: int, j: int) -> bool:
        """An event's name that goes on past lower-case words ("Hội nghị Ủy ban
        khu vực Tây Thái Bình Dương"): what was read is only part of it, so
        it names nothing."""
        if self.longest_cue(i, "event_head") != head_end:
            return False
        k = j
        while k < self.n and k - j < 3 and not self.space[k] and not self.is_cap(k):
            f = self.folded[k]
            if not self.text[k].replace(" ", "").isalpha() or any(f in self.gaz.cue(kind) for kind in (
                    "connector", "coordinator", "venue", "adverb")):
                return False  # "Hội nghị X khai mạc tại Hà Nội": the name ended
            k += 1
        return k < self.n and not self.space[k] and self.is_cap(k)  # lower-case words inside the name

    def _abbreviated_tail(self, j: int) -> int | None:
        """End of one to three lower-case words at ``j`` that an abbreviation in
        brackets follows at once ("Tổ chức Y tế thế giới (WHO)"), or None."""
        k = j
        while k < self.n and k - j < 3 and self.text[k].replace(" ", "").isalpha() and self.text[k].islower() and not any(
                self.folded[k] in self.gaz.cue(kind) for kind in ("connector", "coordinator", "venue", "adverb")):
            k += 1
            if k + 2 < self.n and self.text[k] == "(" and is_acronym(self.text[k + 1]) and self.text[k + 2] == ")":
                return k
        return None

    def _event_word_cut(self, i: int, head_end: int, j: int) -> bool:
        """An event's name read up to the first syllable of a word ("Hội nghị
        Cấp | cao đặc biệt ..."): the event is named in lower case, by no name."""
        last = self.prev_index(j)
        return self.longest_cue(i, "event_head") == head_end and last is not None and last >= head_end \
            and self.text[j][:1].islower() and self.is_word(f"{self.text[last]} {self.text[j]}")

    def _inner_syllable(self, j: int) -> bool:
        """A lower-case syllable between two capitalised ones of a name: the
        second syllable of a word whose first one opens with a capital."""
        prev, nxt = j - 1, j + 1
        if not (self.text[j].isalpha() and len(self.folded[j]) == 1 and len(self.folded[prev]) == 1 and self.cap[prev]
                and nxt < self.n and not self.space[nxt] and self.cap[nxt]):
            return False
        if is_acronym(self.text[prev]) or looks_foreign(self.text[prev]):
            return False  # "Phong trào Hezbollah ở Liban": a foreign name is a word of its own
        return self.folded[j] not in self.gaz.cue("connector") and self.folded[j] not in self.gaz.cue("coordinator")

    def _plain_name_word(self, j: int) -> bool:
        """A capitalised dictionary word that can continue a name: not a
        lexicon name, a post, another body's head or a person's name."""
        if j >= self.n or self.space[j] or not self.is_cap(j):
            return False
        t = self.text[j]
        if not self.is_word(t) or looks_foreign(t) or is_acronym(t):
            return False
        f = self.folded[j]
        if any(f[:k] in self.gaz.org_heads for k in range(1, len(f) + 1)) or self._is_org_head(j):
            return False
        if self.title_at(j) is not None:
            return False
        return self.lexicon_at(j) is None and not self._starts_vi_name(j)

    def _coordinated_name_words(self, j: int, topic: bool = False) -> int | None:
        """End of ", B và C" / "và C" inside one name, where B and C are
        plain capitalised words ("Bộ Kinh tế, Thương mại và Công nghiệp");
        with ``topic``, also "về C" ("Ủy ban Quốc gia về Biên giới")."""
        if topic and self.folded[j] == ("về",) and self._plain_name_word(j + 1):
            k = j + 2
            while self._plain_name_word(k):
                k += 1
            return k
        k = j
        while k < self.n and self.text[k] == ",":
            if not self._plain_name_word(k + 1):
                return None
            k += 2
        if k < self.n and self.folded[k] == ("và",) and self._plain_name_word(k + 1):
            k += 2
            while self._plain_name_word(k):
                k += 1
            return k
        if k < self.n and self.folded[k] == ("và",):
            return self._region_before_owner(k + 1)
        return None

    def _region_before_owner(self, j: int) -> int | None:
        """End of a listed region that a country closes, inside a body's name
        ("Bộ Ngoại giao và Châu Âu Pháp": France's ministry, and no place)."""
        region = self.lexicon_at(j) if j < self.n and self.cap[j] else None
        if region is None or not all(e.label == PLACE for e in region[1]):
            return None
        owner = self.next_index(region[0])
        found = self.lexicon_at(owner) if owner == region[0] else None
        return region[0] if found is not None and any(e.label == COUNTRY for e in found[1]) else None

    def _starts_vi_name(self, j: int) -> bool:
        """A surname followed by another capitalised Vietnamese syllable."""
        sylls = [s for k in range(j, min(j + 3, self.n)) if not self.space[k] for s in self.raw[k]]
        return len(sylls) >= 2 and fold(sylls[0]) in self.gaz.surnames and sylls[1][:1].isupper()

    # ---------------------------------------------------------------- pass 1

    def items(self) -> list[Item]:
        items: list[Item] = []
        starters = _starters(self.gaz)
        space, folded, cap, text, has_alnum = self.space, self.folded, self.cap, self.text, _HAS_ALNUM.search
        i = 0
        while i < self.n:
            if space[i]:
                items.append(Item(i, i + 1, "space"))
                i += 1
                continue
            f0 = folded[i][0]
            if f0 not in starters and (f0[-1] != "." or f0.rstrip(".") not in starters):  # most start nothing
                kind = "cap" if cap[i] else ("word" if has_alnum(text[i]) else "punct")
                items.append(Item(i, i + 1, kind))
                i += 1
                continue
            item = self._best_match(i, items)
            if item is None:
                hon_end = self._longest_in(i, self.gaz.honorific_phrases) if self.cap[i] else None
                if hon_end is not None:  # "Samdech Techo Hun Sen", "Tan Sri X"
                    self._honorific_last.add(self.prev_index(hon_end))
                    items.append(Item(i, hon_end, "honorific"))
                    i = hon_end
                    continue
                item = Item(i, i + 1, self._plain_kind(i, items))
                cue_end = self.longest_cue(i, "person_cue")
                if cue_end is not None and item.kind == "cap":
                    # Capitalised ("Phu nhân Kim Hea-kyung") only before a name.
                    nxt = self.next_index(cue_end)
                    if nxt is None or not self.cap[nxt]:
                        cue_end = None
                if cue_end is not None:
                    items.append(Item(i, cue_end, "pcue"))
                    i = cue_end
                    continue
                outlet_end = self._outlet_cue(i)
                if outlet_end is not None:
                    nxt = self.next_index(outlet_end)
                    if nxt is not None and self.is_cap(nxt):
                        item = Item(i, outlet_end, "outlet")
            items.append(item)
            i = item.end
        return items

    def _outlet_cue(self, i: int) -> int | None:
        return self._longest_in(i, self.gaz.outlet_cues) if self.gaz.outlet_cues else None

    def _plain_kind(self, i: int, items: list[Item]) -> str:
        if " ".join(self.folded[i]).rstrip(".") in self.gaz.honorifics:
            last = items[-1] if items else None
            # "Nguyễn Tuấn Anh": a capitalised "Anh" after a name piece is a
            # given name, not the honorific "anh".
            if not (self.cap[i] and last is not None and last.kind == "cap" and last.end == i):
                return "honorific"
        if self.cap[i]:
            return "cap"
        return "word" if _HAS_ALNUM.search(self.text[i]) else "punct"

    def _best_match(self, i: int, items: list[Item]) -> Item | None:
        cap = self.cap[i]
        if cap and len(self.text[i]) <= 4 and _ROMAN.fullmatch(self.text[i]):
            if items and items[-1].kind == "cap":
                return None  # "Vua Frederik X": a regnal number, not the platform X
        lex = self.lexicon_at(i)
        if lex is not None and all(e.ambiguous for e in lex[1]):
            if not self._ambiguous_ok(i, lex[0], items):
                lex = None
        if lex is not None and self._inside_longer_name(lex[1], items):
            lex = None
        if lex is not None and self._capital_opens_name(i, lex, items):
            lex = None
        if lex is not None and all(e.label == PLACE for e in lex[1]) and self.cue_before(i, "thing_lead"):
            lex = None  # "tàu sân bay Liêu Ninh", "tàu khảo sát Hải Dương 8": a vessel named after a place
        if lex is not None and all(e.label == PERSON for e in lex[1]) and self.cue_before(i, "place_noun"):
            # "thành phố Hồ Chí Minh", "sân bay John F. Kennedy": named after a person
            return Item(i, lex[0], "ent", self._place_after_noun(i, lex[0]))
        if lex is None and cap:
            region = self._compass_place(i)
            if region is not None:
                return region
        title = self.title_at(i)
        if cap:  # the other matchers start on a capital
            org_end = self.org_at(i)
            venue_end = self.venue_at(i)
            outlet_end = self._named_outlet_at(i)
        else:
            org_end = venue_end = outlet_end = None
        best_end = max(
            lex[0] if lex else 0, org_end or 0, title[0] if title else 0, venue_end or 0,
            outlet_end or 0,
        )
        if best_end == 0:
            return None
        if lex and lex[0] == best_end:
            last = _last_item(items)
            local = last is not None and last.kind == "title" and last.end == i and self._local_post(last)
            return Item(i, best_end, "ent", self._lexicon_mention(i, best_end, lex[1], local))
        if outlet_end == best_end:
            text = self.span_text(i, outlet_end)
            return Item(i, outlet_end, "ent", Mention(i, outlet_end, ORG, "org/" + slugify(text), "outlet_cue"))
        if venue_end == best_end:
            text = self.span_text(i, venue_end)
            key = self.gaz.place_keys.get(fold(text)) or "place/" + slugify(text)
            return Item(i, venue_end, "ent", Mention(i, venue_end, PLACE, key, "venue_head"))
        if org_end == best_end:
            return Item(i, org_end, "ent", self._org_mention(i, org_end, lex))
        end, category = title
        end = self._extend_title(i, end)
        return Item(i, end, "title", category=category)

    def _named_outlet_at(self, i: int) -> int | None:
        """End of an outlet whose capitalised cue is part of its name ("theo
        Đài Truyền hình Quốc gia Lào (LNTV)", "Báo Quốc tế"), or None. At a
        sentence start the capital proves nothing ("Báo Mỹ đưa tin"), and a
        listed outlet or country right after the cue is named on its own
        ("Hãng tin Reuters")."""
        if not self.cap[i] or self.initial[i] or self.folded[i][0] not in self._outlet_firsts:
            return None
        cue_end = self._outlet_cue(i)
        if cue_end is None or cue_end >= self.n or self.space[cue_end] or not self.cap[cue_end]:
            return None
        if self.lexicon_at(cue_end) is not None:
            return None
        return self._grow_name(i, cue_end, None, False)

    def _compass_place(self, i: int) -> Item | None:
        """"Nam Thái Bình Dương", "Bắc Gaza": a compass word before a listed
        place (not a country) names part of it."""
        if not self.cap[i] or self.folded[i] not in self.gaz.cue("compass"):
            return None
        nxt = i + 1
        if nxt >= self.n or self.space[nxt] or not self.cap[nxt]:
            return None
        lex = self.lexicon_at(nxt)
        if lex is None:
            return None
        if all(e.label == COUNTRY and e.role != "capital" for e in lex[1]):
            return Item(i, i + 1, "word")  # "Nam Lebanon": the country's south
        if not all(e.label == PLACE for e in lex[1]):
            return None
        text = self.span_text(i, lex[0])
        key = self.gaz.place_keys.get(fold(text)) or "place/" + slugify(text)
        return Item(i, lex[0], "ent", Mention(i, lex[0], PLACE, key, "compass_place"))

    def _inside_longer_name(self, entries: list[Entry], items: list[Item]) -> bool:
        """A listed surname right after an unknown given name is part of
        another person's name ("Melania" + "Trump"), and so is any listed
        name after a particle that follows a name piece ("Khaled bin" +
        "Mohamed bin Zayed")."""
        if all(e.label == PLACE for e in entries):
            return self._after_surname(items)
        if not all(e.label == PERSON for e in entries):
            return False
        k = len(items)
        while k > 0 and items[k - 1].kind == "word" and self._is_particle(items[k - 1].start):
            k -= 1
        if k < len(items):
            return k > 0 and items[k - 1].kind == "cap"
        if not all(e.role != "name" for e in entries):
            return False
        last = _last_item(items)
        if last is None or last.kind != "cap" or last.end != items[-1].end:
            return False
        return not (self.initial[last.start] and self.is_word(self.text[last.start]))

    def _after_surname(self, items: list[Item]) -> bool:
        """A place name right after a Vietnamese surname is the rest of a
        person's name ("ông Trần Hà Nam", "bà Lê Thái Bình"), unless the
        surname opens the sentence, where it may be a word ("Đoàn Lạng Sơn")."""
        last = items[-1] if items else None
        if last is None or last.kind != "cap" or last.end != last.start + 1 or self.initial[last.start]:
            return False
        f = self.folded[last.start]
        return len(f) == 1 and f[0] in self.gaz.surnames

    def _capital_opens_name(self, i: int, lex, items: list[Item]) -> bool:
        """A capital's name opening a person's ("Tổng thống nước chủ nhà Santiago
        Peña", "ông Lima Duarte"): after a title or an honorific, and followed at
        once by a capitalised word that no list knows."""
        end, entries = lex
        if not all(e.role == "capital" or e.key in self.gaz.cities for e in entries):
            return False  # a city may open a name too: "Bộ trưởng Florence Parly"
        nxt = self.next_index(end)
        if nxt is None or not self.cap[nxt] or self.lexicon_at(nxt) is not None \
                or self.title_at(nxt) is not None or self.is_word(self.text[nxt]):
            return False
        if self._starts_vi_name(nxt) or self.cue_before(i, "venue"):
            return False
        before = [it for it in items if it.kind != "space"][-2:]
        if not before:
            return False
        if before[-1].kind == "title" and self._local_post(before[-1]):
            return False  # "Thị trưởng Paris Anne Hidalgo": the post's city
        if before[-1].kind in ("title", "honorific"):
            return True  # "ông Santiago Peña"
        if self._described_owner_before(i, items):
            return True  # "Tổng thống nước chủ nhà Santiago Peña"
        owner = before[-1].kind == "ent" and before[-1].mention.label == COUNTRY
        return owner and len(before) == 2 and before[0].kind == "title"  # "Tổng thống Paraguay Santiago Peña"

    def _described_owner_before(self, i: int, items: list[Item]) -> bool:
        """A title, then a description of its owner ("nước chủ nhà", "nước
        sở tại"), end right before token ``i``."""
        words = []
        for it in reversed(items):
            if it.kind == "title":
                return tuple(s for k in words for s in self.folded[k]) in self.gaz.cue("owner_descriptor")
            if it.kind != "space":
                if it.kind != "word" or len(words) >= 3:
                    return False
                words.insert(0, it.start)
        return False

    def _org_mention(self, i: int, end: int, lex) -> Mention:
        """An organisation grown from its head; a lexicon organisation it
        starts with or an abbreviation it ends with gives the key ("Cục Tình
        báo Quân sự GRU" is the lexicon's GRU)."""
        known = None
        if lex is not None and not self._national_body(lex[0], end):
            known = next((e for e in lex[1] if e.label == ORG), None)
        event = self.longest_cue(i, "event_head") is not None  # "Hội nghị Cấp cao BRICS": not BRICS itself
        if known is None and is_acronym(self.text[end - 1]) and not event:
            tail = self.lexicon_at(end - 1)
            if tail is not None and tail[0] == end:
                known = next((e for e in tail[1] if e.label == ORG), None)
        if known is not None:
            return Mention(i, end, ORG, known.key, "org_head", lexical=True)
        return Mention(i, end, ORG, "org/" + slugify(self._spelled_out(i, end)), "org_head")

    def _spelled_out(self, i: int, end: int) -> str:
        """A body's name with its short forms spelled out: "UBND TP Hồ Chí
        Minh" is keyed as "Ủy ban nhân dân Thành phố Hồ Chí Minh"."""
        spelled = self.gaz.spelled
        return " ".join(spelled.get(" ".join(self.folded[k]), self.text[k]) for k in range(i, end))

    def _national_body(self, j: int, end: int) -> bool:
        """A listed body's name followed by a country is that country's own
        body: "Hội đồng Bảo an Nga" is not the UN Security Council."""
        rest = self.lexicon_at(j) if j < end else None
        return rest is not None and rest[0] == end and any(e.label == COUNTRY for e in rest[1])

    def _names_body(self, j: int) -> bool:
        """Whether the head at ``j`` opens a body's name ("Bộ Ngoại giao",
        "Thượng viện Campuchia"); alone before a person ("Chủ tịch Thượng
        viện Hun Sen") it is part of the post."""
        end = self.org_at(j)
        if end is None:
            return False
        nxt = self.next_index(end)
        return not (end == j + 1 and nxt is not None and self.cap[nxt] and self.lexicon_at(nxt) is None)

    def _is_org_head(self, j: int) -> bool:
        if not self.is_cap(j):
            return False
        prefixes = _prefixes(self.gaz.org_heads)
        for _end, key in self._walk(j, self._head_max):
            if key not in prefixes:
                return False
            if key in self.gaz.org_heads:
                return True
        return False

    def _extend_title(self, start: int, end: int) -> int:
        """Compound titles ("Trợ lý" + "Tổng thống") and minister portfolios
        ("Bộ trưởng" + "Ngoại giao") are one title."""
        # A post written with its portfolio ("Bộ trưởng Kinh tế") may go on
        # with more of it.
        portfolio = any(
            self.folded[k][-1:] == ("trưởng",) for k in range(start, end - 1)
        )
        while True:
            nxt = self.next_index(end)
            if nxt is None or nxt != end:
                return end
            more = self.title_at(nxt)
            if more is not None:
                end = more[0]
                continue
            minister = self.folded[end - 1][-1:] == ("trưởng",)
            if minister and self.folded[nxt] == ("các",) and self.is_cap(nxt):
                affairs = self._affairs_portfolio(nxt)
                if affairs is not None:
                    end = affairs  # "Bộ trưởng Các vấn đề chiến lược"
                    portfolio = True
                    continue
            portfolio = portfolio or minister
            if (
                portfolio
                and self.is_cap(nxt)
                and len(self.folded[nxt]) >= 2
                and self.is_word(self.text[nxt])
                and self.lexicon_at(nxt) is None
                and self.org_at(nxt) is None
            ):
                end = nxt + 1
                continue
            if portfolio and self.folded[end - 1][-1:] != ("trưởng",):
                more = self._coordinated_name_words(nxt)
                if more is not None:
                    end = more  # "Bộ trưởng Kinh tế, Thương mại và Công nghiệp"
                    continue
            return end

    def _affairs_portfolio(self, j: int) -> int | None:
        """End of "Các vấn đề <field>" (a minister's portfolio), or None."""
        k = j + 1
        if k >= self.n or self.folded[k] != ("vấn", "đề"):
            return None
        k += 1
        field = 0
        while k < self.n and field < 3 and self.folded[k] and _HAS_ALNUM.search(self.text[k]):
            if self.is_cap(k) and not self._plain_name_word(k):
                break
            if not self.is_cap(k) and not (self.is_word(self.text[k]) and len(self.folded[k]) >= 2):
                break
            k += 1
            field += 1
        return k if field else None

    def _local_post(self, title: Item) -> bool:
        """Whether a title item is a post of a province, state or city."""
        key = tuple(s for k in range(title.start, title.end) for s in self.folded[k])
        return key in self.gaz.cue("local_post")

    def _lexicon_mention(self, i: int, end: int, entries: list[Entry], local: bool = False) -> Mention:
        """``local``: right after a local post, whose city a capital is."""
        # A country, organisation or person name beats a capital; a capital
        # beats a plain place ("Moskva" may be listed as a city too).
        entries = sorted(
            entries,
            key=lambda e: (e.label == PLACE, e.role == "capital", _LABEL_RANK[e.label]),
        )
        e = entries[0]
        if e.role == "capital":
            prev_venue = local or self.cue_before(i, "venue") or self.cue_before(i, "place_noun")
            if prev_venue or self._dateline_place(i, end):
                text = self.span_text(i, end)
                key = self.gaz.place_keys.get(fold(text)) or "place/" + slugify(text)
                return Mention(i, end, PLACE, key, "capital_venue", lexical=True)
            return Mention(i, end, COUNTRY, e.key, "capital_state", lexical=True)
        return Mention(i, end, e.label, e.key, "lexicon", lexical=True)

    # ---------------------------------------------------------------- pass 2

    def run(self) -> tuple[list[Mention], list[TitleMatch]]:
        items = self.items()
        mentions: list[Mention] = []
        titles: list[TitleMatch] = []
        unresolved: list[tuple[int, int]] = []
        pending = False
        k = 0
        while k < len(items):
            it = items[k]
            if it.kind == "title":
                titles.append(TitleMatch(it.start, it.end, it.category))
                pending = True
            elif it.kind == "pcue":
                pending = True
            elif it.kind == "ent":
                mentions.append(it.mention)
                if it.mention.label == PERSON:
                    pending = False
                    k = self._longer_listed_name(items, k)
                k = self._abbreviation(items, k, mentions)
            elif it.kind == "cap" or (
                it.kind == "word" and self.particle[it.start] and self._particle_name_start(items, k, pending)
            ):
                k2 = k
                while k2 < len(items) and (
                    items[k2].kind == "cap"
                    or (items[k2].kind == "word" and self.particle[items[k2].start]
                        and self._particle_inside(items, k2))
                ):
                    k2 += 1
                if self._run(items[k].start, items[k2 - 1].end, pending, mentions, unresolved):
                    pending = False
                k = k2
                continue
            elif it.kind in ("word", "punct", "outlet", "honorific") and pending:
                # "Thống đốc bang California Gavin Newsom": a place noun
                # keeps the post open like a connector.
                f = self.folded[it.start]
                pending = f in self.gaz.cue("connector") or f in self.gaz.cue("place_noun")
            k += 1
        self._resolve_leftovers(unresolved, mentions)
        mentions.sort(key=lambda m: m.start)
        return mentions, titles

    def _particle_inside(self, items: list[Item], k: int) -> bool:
        """"von", "bin"... between two pieces of one name."""
        j = k
        while j < len(items) and items[j].kind == "word" and self._is_particle(items[j].start):
            j += 1
        return j > k and j < len(items) and items[j].kind == "cap"

    def _is_particle(self, i: int) -> bool:
        return self.particle[i]

    @staticmethod
    def _particle_set(gaz: Gazetteer) -> frozenset[str]:
        """One-syllable name particles as plain strings (cached per gazetteer)."""
        hit = _FIRSTS.get(("particles", id(gaz)))
        if hit is None or hit[0] is not gaz:
            words = frozenset(k[0] for k in gaz.cue("name_particle") if len(k) == 1)
            hit = _FIRSTS[("particles", id(gaz))] = (gaz, words)
        return hit[1]

    def _longer_listed_name(self, items: list[Item], k: int) -> int:
        """A listed person whose name goes on after a particle ("Mohammed bin
        Abdulrahman" + "bin Jassim Al Thani") takes the rest in; returns the
        index of the last item consumed."""
        j = k + 1
        if j >= len(items) or not self._particle_inside(items, j):
            return k
        while j < len(items) and (items[j].kind == "cap" or self._particle_inside(items, j)):
            j += 1
        m = items[k].mention
        m.end = items[j - 1].end
        return j - 1

    def _particle_name_start(self, items: list[Item], k: int, pending: bool) -> bool:
        """"ông van den Berg", "Tổng thống de Souza": particles open the
        name right after an honorific or a title."""
        if not self._is_particle(items[k].start) or not self._particle_inside(items, k):
            return False
        if pending:
            return True
        last = next((it for it in reversed(items[:k]) if it.kind != "space"), None)
        return last is not None and last.kind == "honorific"

    def _abbreviation(self, items: list[Item], k: int, mentions: list[Mention]) -> int:
        """"Name (ABBR)": the abbreviation is a mention of the name.

        Returns the index of the last item consumed.
        """
        m = items[k].mention
        if k + 3 >= len(items):
            return k
        seq = items[k + 1 : k + 4]
        if len(seq) < 3 or [self.text[s.start] for s in (seq[0], seq[2])] != ["(", ")"]:
            return k
        inner = seq[1]
        if inner.kind == "ent":
            mentions.append(inner.mention)
            return k + 3
        if (
            inner.kind == "cap"
            and inner.end - inner.start == 1
            and is_acronym(self.text[inner.start])
            and m.label != COUNTRY  # "... Quốc gia Lào (LNTV)": not the country's
            # "Bộ Quy tắc ứng xử ở Biển Đông (COC)": a place's short form spells it
            and (m.label != PLACE or abbreviates(self.text[inner.start], self.span_text(m.start, m.end)))
        ):
            mentions.append(Mention(inner.start, inner.end, m.label, m.key, "abbreviation"))
            return k + 3
        if m.label in (PLACE, ORG) and m.source != "capital_venue" and self.text[seq[0].start] == "(":
            # "Dinh Tổng thống (Istana Merdeka)": the local name of a venue
            # or body is another name of it.
            close = k + 2
            while close < len(items) and close < k + 7 and items[close].kind == "cap":
                close += 1
            after = self.next_index(items[close].end) if close < len(items) else None
            dateline = after is not None and self.text[after] in {"-", "–", "—"}
            if close > k + 2 and close < len(items) and self.text[items[close].start] == ")" and not dateline:
                s, e = items[k + 2].start, items[close - 1].end
                # a lone acronym is no local name: it abbreviates (above) or names another thing
                if looks_foreign(self.span_text(s, e)) and not (close == k + 3 and is_short_form(self.text[s])):
                    mentions.append(Mention(s, e, m.label, m.key, "local_name", 0.9))
                    return close
        return k

    def _run(self, start: int, end: int, pending: bool, mentions, unresolved) -> bool:
        """Type a run of capitalised tokens; True if it produced a person."""
        if not self.initial[start] and self.cue_before(start, "thing_lead"):
            return False  # "giải Nobel Hòa bình", "tàu sân bay Gerald Ford": a thing's name
        whole = self._named_by_cue(start, mentions)
        if whole is None and self.initial[start]:
            cue_end = self.longest_cue(start, "place_noun")
            if cue_end is not None and cue_end < end:
                start, whole = cue_end, (PLACE, "place_cue")  # "Tỉnh Quảng Trị ..."
        if whole is not None:  # "báo Thanh Niên", "tỉnh Quảng Trị": every word is the name
            label, source = whole
            if source == "outlet_cue":
                cue = self._outlet_cue_start(self.prev_index(start))
                if self.cap[cue] and not self.initial[cue]:
                    start = cue  # "theo Báo Quốc tế": the cue is part of the name
            elif pending and end - start >= 2:
                # "Thống đốc tỉnh Aichi Omura Hideaki": the post's place, then
                # its holder.
                self._add(mentions, start, start + 1, label, source)
                label, source = self._classify(start + 1, end, True, mentions)
                if label is not None:
                    self._add(mentions, start + 1, end, label, source)
                return label == PERSON
            self._add(mentions, start, end, label, source)
            return False
        made_person = False
        parts: list[tuple[int, int]] = []
        lo = start
        for k in range(start, end):
            short = self._country_short_form(k, k + 1, mentions)
            if short is not None:
                parts += self._split_run(lo, k) if k > lo else []
                parts.append((k, -1))  # marker: emitted below, in order
                mentions.append(Mention(k, k + 1, COUNTRY, short, "short_form", 0.9, True))
                lo = k + 1
        parts += self._split_run(lo, end) if end > lo else []
        for s, e in parts:
            if e < 0:
                continue
            if e - s == 1 and self.folded[s] in self.gaz.cue("place_noun"):
                continue  # "tới TP Cần Thơ": the place noun alone names nothing
            if is_acronym(self.text[s]) and len(self.text[s]) >= 3 and (e - s > 1 or (pending and s == start)):
                # "Giám đốc XYZ John Doe": the agency, then the person;
                # "Chủ tịch UBND tỉnh X": an acronym alone is no one's name.
                self._add(mentions, s, s + 1, ORG, "acronym")
                s += 1
                if s == e:
                    continue
            label, source = self._classify(s, e, pending and s == start, mentions)
            if label is None:
                unresolved.append((s, e))
                continue
            self._add(mentions, s, e, label, source)
            made_person = made_person or label == PERSON
        return made_person

    def _add(self, mentions: list[Mention], s: int, e: int, label: str, source: str) -> None:
        text = self.span_text(s, e)
        prefix = {PERSON: "person", ORG: "org", PLACE: "place", COUNTRY: "country"}[label]
        conf = 0.7 if source == "foreign_name" else 0.9
        mentions.append(Mention(s, e, label, f"{prefix}/{slugify(text)}", source, conf))

    def _country_short_form(self, s: int, e: int, mentions: list[Mention]) -> str | None:
        """Key of the country a lone syllable abbreviates next to a dash and
        another country ("quan hệ Mỹ - Trung", "Nhật - Hàn")."""
        if e - s != 1 or len(self.folded[s]) != 1:
            return None
        keys = self.gaz.short_forms.get(self.folded[s][0])
        if not keys:
            return None
        dashes = {"-", "–", "—"}
        prev, nxt = self.prev_index(s), self.next_index(e)
        other = None
        if prev is not None and self.text[prev] in dashes:
            other = self.prev_index(prev)
            ok = other is not None and any(m.end == other + 1 and m.label == COUNTRY for m in mentions)
        elif nxt is not None and self.text[nxt] in dashes:
            other = self.next_index(nxt + 1)
            lex = self.lexicon_at(other) if other is not None else None
            ok = lex is not None and any(x.label == COUNTRY for x in lex[1]) or (
                other is not None and self.folded[other][:1] and self.folded[other][0] in self.gaz.short_forms
            )
        else:
            return None
        if not ok:
            return None
        if len(keys) == 1:
            return next(iter(keys))
        named = {m.key for m in mentions} & keys
        return next(iter(named)) if len(named) == 1 else None

    def _named_by_cue(self, start: int, mentions: list[Mention]) -> tuple[str, str] | None:
        """Label of a run that a cue right before names as a whole; a place
        noun ending a body's name names nothing after it ("Phó Chủ tịch UBND
        Thành phố Bùi Xuân Cường")."""
        prev = self.prev_index(start)
        if prev is None:
            return None
        if self._is_outlet_cue_end(prev):
            return ORG, "outlet_cue"
        if (self.cue_before(start, "place_noun") or self._modified_place_noun(start)) and not (
                mentions and mentions[-1].label == ORG and mentions[-1].end == prev + 1):
            return PLACE, "place_cue"
        return None

    def _modified_place_noun(self, start: int) -> bool:
        """A place noun, then a word or two saying what kind of place, right
        before ``start`` ("thành phố biên giới Cúcuta", "thành phố cảng Odesa")."""
        modifiers = self.gaz.cue("place_modifier")
        j = self.prev_index(start)
        for _ in range(2):
            if j is None or self.folded[j] not in modifiers:
                return False
            if self.cue_before(j, "place_noun"):
                return True
            j = self.prev_index(j)
        return False

    def _split_run(self, start: int, end: int) -> list[tuple[int, int]]:
        """Drop ordinary words from a capitalised run: sentence-initial
        dictionary words ("Theo", "Cuộc") and capitalised multi-syllable
        dictionary words ("Giáng sinh"); what remains are name candidates."""
        parts: list[tuple[int, int]] = []
        cur = None
        for i in range(start, end):
            t = self.text[i]
            # A dictionary word with every syllable capitalised mid-sentence
            # is a proper name the dictionary lists ("Quảng Trị").
            common = self.is_word(t) and (
                (len(self.folded[i]) >= 2 and not all(r[:1].isupper() for r in self.raw[i]))
                or (self.initial[i] and i == start)
            )
            if common and not is_acronym(t):
                if cur is not None:
                    parts.append((cur, i))
                    cur = None
                if i == start and i + 1 < end:
                    self.initial[i + 1] = True  # "Theo Bloomberg": next is initial too
                continue
            if cur is None:
                cur = i
        if cur is not None:
            parts.append((cur, end))
        return parts

    def _classify(self, s: int, e: int, pending: bool, mentions: list[Mention]):
        """(label, rule) for a candidate run, or (None, None)."""
        if e - s == 1 and self.folded[s] in self.gaz.cue("compass") and self._listed_with_place(e):
            return None, None  # "phụ trách Nam và Trung Á": South (Asia), no one's name
        prev = self.prev_index(s)
        if prev is not None and (prev in self._honorific_last
                                 or " ".join(self.folded[prev]).rstrip(".") in self.gaz.honorifics):
            return PERSON, "honorific"
        if pending:
            if e - s == 1 and self._is_org_head(s) and e < self.n and not self.space[e] and not self.cap[e]:
                return None, None  # "Chủ tịch Hội hữu nghị Việt Nam - Nhật Bản": a body's head, no name
            if e - s == 1 and _NUMBERED_SHORT_FORM.fullmatch(self.text[s]):
                return None, None  # "Chủ tịch AIPA-47": a body's session, no one's name
            return PERSON, "title"
        if prev is not None and self._is_outlet_cue_end(prev):
            return ORG, "outlet_cue"
        if self._after_credit(s):
            return ORG, "credit"
        if self.cue_before(s, "place_noun") or self.cue_before(s, "venue"):
            return PLACE, "place_cue"
        if prev is not None and self.folded[prev] in self.gaz.cue("coordinator") and mentions:
            last = mentions[-1]
            before = self.prev_index(prev)
            nxt = self.next_index(e)
            lone = last.label == PERSON and e - s == 1 and len(self.raw[s]) == 1 and nxt is not None \
                and not self.cap[nxt] and not looks_foreign(self.text[s])
            if last.end - 1 == before and last.label in (PLACE, ORG, PERSON) and not lone:
                # "A cùng Đoàn đại biểu ...": one capitalised syllable opening a phrase is no second person
                return last.label, "coordination"
        if self._dateline(s, e, prev):
            return ORG, "dateline"
        verb = self._verb_after(e)
        if verb == "outlet":
            return ORG, "outlet_verb"
        sylls = [x for i in range(s, e) for x in self.raw[i]]
        foreign = looks_foreign(" ".join(sylls))
        if foreign and fold(sylls[-1]) in {k[0] for k in self.gaz.cue("org_word") if len(k) == 1}:
            return ORG, "org_word"
        if verb == "person" and (foreign or len(sylls) >= 2):
            # A lone Vietnamese syllable before a verb is more often part of
            # a compound ("phương Tây đề xuất") than a bare given name.
            return PERSON, "reporting_verb"
        if self._vietnamese_name(s, sylls):
            return PERSON, "vi_name"
        if foreign and len(sylls) >= 2 and not any(
            is_acronym(x) and not _ROMAN.fullmatch(x) for x in sylls[1:]
        ):
            return PERSON, "foreign_name"
        if len(sylls) == 2 and len(sylls[0]) <= 5 and _HYPHENATED_GIVEN.fullmatch(sylls[1]):
            return PERSON, "korean_name"  # "Kim Hea-kyung", "Moon Jae-in"
        return None, None

    def _dateline_place(self, i: int, end: int) -> bool:
        """"HÀ NỘI (TTXVN) -": the city a report was filed from."""
        if self.prev_index(i) is not None:
            return False
        nxt = self.next_index(end)
        return nxt is not None and self.text[nxt] in {"(", "-", "–", "—"}

    def _dateline(self, s: int, e: int, prev: int | None) -> bool:
        """The outlet credit opening a news text: "(Dân trí) -", "VOV.VN -"."""
        dashes = {"-", "–", "—"}
        nxt = self.next_index(e)
        if prev is not None and self.text[prev] == "(" and self._near_line_start(prev):
            after = self.next_index(nxt + 1) if nxt is not None and self.text[nxt] == ")" else None
            return after is not None and self.text[after] in dashes
        if prev is None and nxt is not None and self.text[nxt] in dashes:
            t = self.span_text(s, e)
            return e - s == 1 and (is_acronym(t.replace(".", "")) or "." in t)
        return False

    def _near_line_start(self, i: int, within: int = 3) -> bool:
        """At most ``within`` tokens before ``i`` on its line ("HÀ NỘI (")."""
        j = i
        for _ in range(within + 1):
            j = self.prev_index(j)
            if j is None:
                return True
        return False

    def _is_outlet_cue_end(self, prev: int) -> bool:
        return self._outlet_cue_start(prev) is not None

    def _outlet_cue_start(self, prev: int) -> int | None:
        """First token of the outlet cue ending at token ``prev``, or None."""
        key: tuple[str, ...] = ()
        j = prev
        for _ in range(4):
            if j is None or not self.folded[j]:
                return None
            key = self.folded[j] + key
            if key in self.gaz.outlet_cues:
                return j
            j = self.prev_index(j)
        return None

    def _vietnamese_name(self, s: int, sylls: list[str]) -> bool:
        if not 2 <= len(sylls) <= 4 or fold(sylls[0]) not in self.gaz.surnames:
            return False
        if not all(is_vietnamese_syllable(x) and x[:1].isupper() for x in sylls):
            return False
        return len(sylls) >= 3 or not self.initial[s]

    def _verb_after(self, e: int) -> str | None:
        """'person' / 'outlet' if a reporting verb follows the run."""
        j = self.next_index(e)
        for _ in range(5):
            if j is None:
                return None
            if self.longest_cue(j, "outlet_verb") is not None:
                return "outlet"
            if self._longest_in(j, self.gaz.reporting_verbs) is not None:
                return "person"
            adv = self.longest_cue(j, "adverb")
            if adv is None and any(c.isdigit() for c in self.text[j]):
                adv = j + 1
            if adv is None:
                return None
            j = self.next_index(adv)
        return None

    def _longest_in(self, i: int, table) -> int | None:
        if not self.folded[i] or self.folded[i][0] not in _firsts(table):
            return None
        best = None
        prefixes = _prefixes(table)
        for end, key in self._walk(i, 4):
            if key not in prefixes:
                break
            if key in table:
                best = end
        return best

    # ---------------------------------------------------------------- pass 3

    def _resolve_leftovers(self, unresolved, mentions: list[Mention]) -> None:
        """Surnames of the article's persons ("chính quyền Trump"), acronyms
        the article names elsewhere ("người phát ngôn RSF" read before
        "giữa quân đội Sudan và RSF"), then "theo X" outlets."""
        persons: dict[tuple[str, ...], Mention] = {}
        acronyms: dict[str, Mention] = {}
        for m in mentions:
            if m.label == PERSON:
                sylls = name_core(tuple(fold(self.span_text(m.start, m.end)).split()))
                for k in range(1, len(sylls) + 1):
                    persons.setdefault(sylls[-k:], m)
            elif m.end - m.start == 1 and is_acronym(self.text[m.start]):
                acronyms.setdefault(self.text[m.start], m)
        for s, e in unresolved:
            key = tuple(fold(self.span_text(s, e)).split())
            if key in persons:
                src = persons[key]
                mentions.append(Mention(s, e, PERSON, src.key, "surname", 0.9, src.lexical))
            elif e - s == 1 and self.text[s] in acronyms:
                src = acronyms[self.text[s]]
                mentions.append(Mention(s, e, src.label, src.key, "acronym", src.confidence, src.lexical))
            elif self.cue_before(s, "weak_outlet") and len(self.text[s]) > 1:
                text = self.span_text(s, e)
                mentions.append(Mention(s, e, ORG, "org/" + slugify(text), "weak_outlet", 0.6))
