"""Cue words of the statements component, read from the lexicons.

Cues are kept as tuples of lower-case syllables, because the rules match them
on syllables: the tokenizer merges syllables into words differently from one
sentence to the next, so a cue such as "cho biết" must not depend on the cut.
The kinds are documented in ``kg/lang/vi/statement_cues.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SYLLABLE = re.compile(r"\w+(?:[/\-]\w+)*|[^\w\s]")

Syllables = tuple[str, ...]


def sylls(phrase: str) -> Syllables:
    """The lower-case syllables (and punctuation marks) of ``phrase``."""
    return tuple(m.group().lower() for m in SYLLABLE.finditer(phrase))


@dataclass
class Cues:
    """Cue phrases by kind, and the speech act of each reporting verb."""

    verbs: dict[Syllables, str | None] = field(default_factory=dict)
    kinds: dict[str, set[Syllables]] = field(default_factory=dict)
    captions: list[str] = field(default_factory=list)
    female: set[str] = field(default_factory=set)

    @classmethod
    def from_rows(cls, verbs: list[dict], cues: list[dict], outlets: list[dict],
                  honorifics: list[dict], titles: list[dict] = (),
                  outlet_names: list[dict] = ()) -> Cues:
        """Build from lexicon rows.

        Args:
            verbs: ``reporting_verbs.tsv``; wins over a ``verb`` row of ``cues``.
            cues: ``statement_cues.tsv``.
            outlets: ``outlet_cues.tsv`` (nouns such as "hãng tin").
            honorifics: ``honorifics.tsv``, for the gender of "bà".
            titles: ``titles.tsv``, so a post is known without a title span.
            outlet_names: ``outlets.tsv``, names of news outlets.
        """
        out = cls()
        for row in cues:
            cue, kind = (row.get("cue") or "").strip(), (row.get("kind") or "").strip()
            if not cue or not kind:
                continue
            if kind == "verb":
                out.verbs[sylls(cue)] = (row.get("value") or "").strip() or None
            elif kind == "caption":
                out.captions.append(cue)
            else:
                out.kinds.setdefault(kind, set()).add(sylls(cue))
        for row in verbs:
            verb = (row.get("verb") or "").strip()
            if verb:
                out.verbs[sylls(verb)] = (row.get("speech_act") or "").strip() or None
        out.kinds.setdefault("title", set()).update(
            sylls(r["title"]) for r in titles if (r.get("title") or "").strip())
        out.kinds["outlet_name"] = {
            sylls(n) for r in outlet_names
            for n in [r.get("name") or ""] + list(r.get("variants") or []) if n.strip()}
        out.kinds["outlet"] = {sylls(r["cue"]) for r in outlets if (r.get("cue") or "").strip()}
        for r in honorifics:
            word, gender = (r.get("word") or "").strip(), (r.get("gender") or "").strip()
            if word and gender.lower() in ("f", "female", "nữ"):
                out.female.add(word.lower())
        return out

    def of(self, kind: str) -> set[Syllables]:
        """The phrases of one kind (empty if the lexicon has none)."""
        return self.kinds.get(kind, _NONE)


_NONE: frozenset = frozenset()  # shared, so matchers can index it once


def load_cues(verbs: str = "reporting_verbs", cues: str = "statement_cues",
              outlets: str = "outlet_cues", honorifics: str = "honorifics",
              titles: str = "titles", outlet_names: str = "outlets") -> Cues:
    """Read the lexicons by name through :func:`kg.lang.lexicons.load`."""
    from kg.lang import lexicons

    return Cues.from_rows(lexicons.load(verbs), lexicons.load(cues), lexicons.load(outlets),
                          lexicons.load(honorifics), lexicons.load(titles),
                          lexicons.load(outlet_names))
