"""Statements of one article: reporting clauses applied sentence by sentence.

Sentences are read in order because an unnamed speaker ("ông") is resolved
against what came before, and because a quotation may be owned by the
previous sentence ("Ông nói:" at the end of a paragraph announces the
quotation that opens the next one).
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.model import Evidence, Statement
from kg.extract.quotes import Quote
from kg.extract.reported_speech import MIN_CONTENT, Attribution, ClauseReader
from kg.extract.speakers import Speakers
from kg.extract.speech_cues import Cues
from kg.extract.speech_text import Text

_TRIM_END = ".!?…;: \t\n"
_MIN_QUOTE = 4  # syllables of a quote embedded in a clause ("cuộc gặp “hiệu quả”")


class Finder:
    """Extracts the statements of one Doc."""

    def __init__(self, doc: Doc, cues: Cues) -> None:
        self.cues = cues
        self.t = Text(doc, cues)
        self.who = Speakers(self.t, getattr(doc._, "roles", None))
        self.clauses = ClauseReader(self.t, cues, self.who)
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
        opens = self.clauses.openers  # elsewhere no clause starts
        low, quote_at, mark_at = t.low, t.quote_at, t.mark_at  # read for every syllable
        i = s0
        while i < tail:
            if low[i] in opens and quote_at[i] is None and mark_at[i] is None:
                attr = self.clauses.read(i, s0, s1, attrs)
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

    def _emit(self, attrs: list[Attribution], s0: int, s1: int) -> Attribution | None:
        """Write the sentence's statements; returns the owner of its last quotation."""
        t = self.t
        quoting = None
        for attr in attrs:
            a, b = attr.content
            inner = [q for q in t.quotes if a <= q.s0 and q.s1 <= b]
            said = [k for k in range(a, b) if t.raw[k][0].isalnum() and t.quote_at[k] is None]  # t.word(k)
            if attr.naming or attr.relay or (inner and not said):
                continue
            if len(said) + sum(q.s1 - q.s0 for q in inner) >= MIN_CONTENT:
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
            # "gọi X là “bước nhảy vọt”": after a naming verb the quotation is all that was said
            if self._direct(q, owner, s1, whole or owner.naming) and whole:
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
        """Record one statement with its evidence (once per speaker, kind and span)."""
        t = self.t
        if ce <= cs or (attr.speaker, kind, cs, ce) in self.seen:
            return
        self.seen.add((attr.speaker, kind, cs, ce))
        ss, se = t.start[s0], t.end[min(s1, len(t)) - 1]
        ev = Evidence(cs, ce, t.text[cs:ce], t.text[ss:se], ss, round(attr.confidence, 3))
        outlet = attr.outlet if attr.outlet != attr.speaker else None
        self.out.append(Statement(attr.speaker, ev.text, kind, attr.verb, ev, attr.act, outlet))
