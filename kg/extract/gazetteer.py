"""Lexicon names indexed for matching on syllable sequences.

The lexicons (``kg/lang/vi/*.tsv``) are read once through
:func:`kg.lang.lexicons.load`. Names are indexed by their folded syllables
(lower case, one tone placement) because the text may spell "Thuỵ Sĩ" where
the lexicon has "Thụy Sĩ"; capitalisation is checked afterwards, so "anh" (a
pronoun) never matches the country "Anh".
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import spacy

from kg.extract.names import is_acronym, slugify
from kg.nlp.orthography import fold

PERSON, COUNTRY, ORG, PLACE = "Person", "Country", "Organization", "Place"
_NO_CUES: frozenset[tuple[str, ...]] = frozenset()


@dataclass(frozen=True)
class Entry:
    """One surface form of one lexicon record.

    ``form`` is the spelling in the lexicon; ``role`` says what the form is
    for its record: its ``name``, a ``variant``, an ``abbr``eviation, or a
    ``capital`` (a city that may stand for its country).
    """

    label: str
    key: str
    name: str
    form: str
    role: str = "name"
    wikidata: str | None = None
    ambiguous: bool = False
    caps: tuple[bool, ...] = ()
    exact: bool = False  # acronyms match only in their own case


@dataclass
class Gazetteer:
    """Surface forms by folded syllable tuple, plus cue word sets."""

    entries: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    max_len: int = 1
    firsts: set[str] = field(default_factory=set)
    lower_firsts: set[str] = field(default_factory=set)  # of forms written in lower case
    titles: dict[tuple[str, ...], str] = field(default_factory=dict)  # -> category
    title_max: int = 1
    honorifics: set[str] = field(default_factory=set)
    honorific_phrases: frozenset[tuple[str, ...]] = frozenset()  # of two syllables or more, split
    org_heads: dict[tuple[str, ...], str] = field(default_factory=dict)
    outlet_cues: set[tuple[str, ...]] = field(default_factory=set)
    reporting_verbs: set[tuple[str, ...]] = field(default_factory=set)
    place_keys: dict[str, str] = field(default_factory=dict)  # folded name -> key
    cities: set[str] = field(default_factory=set)  # keys of places.tsv rows of kind "city"
    cues: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)  # entity_cues.tsv
    surnames: set[str] = field(default_factory=set)  # folded, surnames.tsv
    spelled: dict[str, str] = field(default_factory=dict)  # folded short form -> full words, short_forms.tsv
    records: dict[str, Entry] = field(default_factory=dict)  # key -> its "name" entry
    short_forms: dict[str, set[str]] = field(default_factory=dict)  # "trung" -> {country/cn}

    def cue(self, kind: str) -> set[tuple[str, ...]] | frozenset[tuple[str, ...]]:
        """Cues of one ``entity_cues.tsv`` kind (empty if none)."""
        return self.cues.get(kind, _NO_CUES)

    def add(self, entry: Entry) -> None:
        sylls = tuple(fold(entry.form).split())
        if not sylls:
            return
        bucket = self.entries.setdefault(sylls, [])
        if entry not in bucket:
            bucket.append(entry)
        self.max_len = max(self.max_len, len(sylls))
        self.firsts.add(sylls[0])
        if not entry.form[:1].isupper():
            self.lower_firsts.add(sylls[0])
        if entry.role == "name" or entry.key not in self.records:
            self.records[entry.key] = entry


def _values(cell) -> list[str]:
    """A lexicon cell as a list of non-empty strings."""
    if cell is None:
        return []
    items = cell if isinstance(cell, (list, tuple)) else str(cell).split("|")
    return [s.strip() for s in items if s and s.strip()]


def _one(cell) -> str | None:
    values = _values(cell)
    return values[0] if values else None


def _entry(label, key, name, form, role="name", wikidata=None, ambiguous=False) -> Entry:
    exact = is_acronym(form) and len(form.split()) == 1
    caps = tuple(s[:1].isupper() for s in form.split())
    return Entry(label, key, name, form, role, wikidata, ambiguous, caps, exact)


def _key(prefix: str, key: str | None, name: str) -> str:
    key = (key or "").strip()
    if "/" in key:
        return key
    return f"{prefix}/{key or slugify(name)}"


def _truthy(cell) -> bool:
    return (_one(cell) or "").lower() in {"1", "true", "yes", "x"}


def _load(name: str) -> list[dict]:
    """Rows of ``kg/lang/vi/<name>.tsv`` through the shared loader.

    Falls back to a plain reader of the same format while the shared loader
    is unavailable, so the entity layer can be built and tested on its own.
    """
    try:
        from kg.lang import lexicons
    except ImportError:
        return _read_tsv(name)
    try:
        return list(lexicons.load(name))
    except FileNotFoundError:
        return []


def _read_tsv(name: str) -> list[dict]:
    path = Path(__file__).resolve().parents[1] / "lang" / "vi" / f"{name}.tsv"
    if not path.exists():
        return []
    header: list[str] | None = None
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        rows.append({h: (cells[k] if k < len(cells) else "") for k, h in enumerate(header)})
    return rows


def build() -> Gazetteer:
    """Index every lexicon (uncached; see :func:`get_gazetteer`)."""
    gaz = Gazetteer()
    for row in _load("countries"):
        name = _one(row.get("name"))
        if not name:
            continue
        key = _key("country", _one(row.get("key")), name)
        qid = _one(row.get("wikidata"))
        amb = _truthy(row.get("ambiguous"))
        # Only one-syllable forms double as common words ("Anh", "Đức", "Nhật").
        gaz.add(_entry("Country", key, name, name, "name", qid, amb and len(name.split()) == 1))
        if len(name.split()) == 2:  # "Trung" in "quan hệ Mỹ - Trung"
            gaz.short_forms.setdefault(fold(name.split()[0]), set()).add(key)
        for v in _values(row.get("variants")):
            role = "abbr" if is_acronym(v) else "variant"
            gaz.add(_entry("Country", key, name, v, role, qid, amb and len(v.split()) == 1))
        for c in _values(row.get("capitals")):
            gaz.add(_entry("Country", key, name, c, "capital", qid))
    _add_state_forms(gaz)
    for lexicon, label, prefix in (("organizations", ORG, "org"), ("outlets", ORG, "org"),
                                   ("persons", PERSON, "person"), ("places", PLACE, "place")):
        for row in _load(lexicon):
            name = _one(row.get("name"))
            if not name:
                continue
            key = _key(prefix, _one(row.get("key")), name)
            qid = _one(row.get("wikidata"))
            amb = _truthy(row.get("ambiguous"))  # also a common word: "Hòa Bình" / "hòa bình"
            gaz.add(_entry(label, key, name, name, "name", qid, amb))
            for v in _values(row.get("variants")):
                gaz.add(_entry(label, key, name, v, "variant", qid, amb))
            for a in _values(row.get("abbreviations")):  # organizations only
                gaz.add(_entry(label, key, name, a, "abbr", qid))
            if label == PLACE:
                for form in [name, *_values(row.get("variants"))]:
                    gaz.place_keys[fold(form)] = key
                if _one(row.get("kind")) == "city":
                    gaz.cities.add(key)
    for row in _load("titles"):
        title = _one(row.get("title"))
        if title:
            gaz.titles[tuple(fold(title).split())] = _one(row.get("category")) or ""
    gaz.title_max = max((len(t) for t in gaz.titles), default=1)
    gaz.honorifics = {fold(w) for row in _load("honorifics") for w in _values(row.get("word"))}
    gaz.honorific_phrases = frozenset(tuple(h.split()) for h in gaz.honorifics if " " in h)
    gaz.org_heads = {
        tuple(fold(h).split()): _one(row.get("kind")) or ""
        for row in _load("org_heads")
        for h in _values(row.get("head"))
    }
    gaz.outlet_cues = {
        tuple(fold(c).split()) for row in _load("outlet_cues") for c in _values(row.get("cue"))
    }
    gaz.reporting_verbs = {
        tuple(fold(v).split()) for row in _load("reporting_verbs") for v in _values(row.get("verb"))
    }
    for row in _load("entity_cues"):
        kind = _one(row.get("kind"))
        if kind:
            gaz.cues.setdefault(kind, set()).update(
                tuple(fold(c).split()) for c in _values(row.get("cue"))
            )
    # "Tổng thống nước chủ nhà X": the roles' owner descriptors also sit
    # between a title and the name it introduces.
    # "Thị trưởng Paris X": after a local post a capital is the post's city.
    for kind in ("owner_descriptor", "local_post"):
        gaz.cues.setdefault(kind, set()).update(
            tuple(fold(c).split()) for row in _load("role_cues") if _one(row.get("category")) == kind
            for c in _values(row.get("cue"))
        )
    gaz.surnames = {fold(w) for row in _load("surnames") for w in _values(row.get("surname"))}
    gaz.spelled = {fold(_one(row.get("short")) or ""): _one(row.get("full")) or "" for row in _load("short_forms")}
    return gaz


def _add_state_forms(gaz: Gazetteer) -> None:
    """"Cộng hòa Indonesia", "Vương quốc Anh", "Nhà nước Palestine": each
    ``state_form`` cue before a country's listed name or variant is one more
    variant of that country. A form that countries.tsv lists, or that two
    countries would both give, is left as it is ("Cộng hòa Congo" is listed
    for the Republic of the Congo, not generated from the DRC's "Congo")."""
    forms = [" ".join(s[:1].upper() + s[1:] if k == 0 else s for k, s in enumerate(cue))
             for row in _load("entity_cues") if _one(row.get("kind")) == "state_form"
             for cue in (tuple(c.split()) for c in _values(row.get("cue")))]
    listed = {sylls for sylls, entries in gaz.entries.items() if any(e.label == "Country" for e in entries)}
    made: dict[tuple[str, ...], list[Entry]] = {}
    for entries in list(gaz.entries.values()):
        for e in entries:
            if e.label != "Country" or e.role not in ("name", "variant") or is_acronym(e.form):
                continue
            for form in forms:
                variant = _entry("Country", e.key, e.name, f"{form} {e.form}", "variant", e.wikidata)
                sylls = tuple(fold(variant.form).split())
                if sylls not in listed and variant not in made.setdefault(sylls, []):
                    made[sylls].append(variant)
    for variants in made.values():
        if len({v.key for v in variants}) == 1:
            gaz.add(variants[0])


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The shared index, built on first use."""
    return build()


@lru_cache(maxsize=1)
def boundary_words() -> frozenset[tuple[str, ...]]:
    """Folded names and the cue words that stand before names (titles,
    honorifics, outlet cues, organisation heads, place nouns): a capitalised
    word glued across one of them ("Kênh Orbitavision", "Iran Abbas") is cut
    there by the tokenizer."""
    gaz = get_gazetteer()
    words = set(gaz.entries) | set(gaz.titles) | set(gaz.org_heads) | gaz.outlet_cues
    # and the tail of a honorific of several words, which the CRF may glue to
    # the name after it ("Datuk | Seri Amin")
    words |= {tuple(h.split()[k:]) for h in gaz.honorifics for k in range(len(h.split()))}
    for kind in ("place_noun", "venue"):
        words |= gaz.cue(kind)
    return frozenset(words)


@spacy.registry.misc("kg.lexicon_names.v1")
def lexicon_names() -> Callable[[], Container[tuple[str, ...]]]:
    """Config hook for the tokenizer: :func:`boundary_words`, loaded when the
    tokenizer first needs them."""
    return boundary_words
