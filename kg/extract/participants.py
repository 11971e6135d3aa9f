"""Shared reading aids for the role and meeting components.

Both components read a sentence as a row of *items* (actor mentions from
``doc.ents`` and post titles from ``doc.spans["titles"]``) separated by plain
text, and test that text against cue lists. Working on character offsets rather
than tokens keeps the rules independent of word segmentation, which is the
least reliable layer of the pipeline.

Cue lists live in ``kg/lang/vi/*.tsv`` (never in code) and are matched as whole
words, case-insensitively, after folding old-style tone marks.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from kg.extract.phrase_patterns import loose_regex, word_regex
from kg.nlp.extensions import span_tables
from kg.nlp.orthography import fold_tones
from kg.nlp.strings import doc_strings

PERSON, COUNTRY, ORG, PLACE, TITLE = "Person", "Country", "Organization", "Place", "Title"
ACTOR_LABELS = (PERSON, COUNTRY, ORG)
_LEXICON_DIR = Path(__file__).resolve().parent.parent / "lang" / "vi"

if not Span.has_extension("kg_key"):  # normally declared by kg.nlp.extensions
    Span.set_extension("kg_key", default=None)
if not Span.has_extension("kg_title_category"):
    Span.set_extension("kg_title_category", default=None)


# --- lexicons -----------------------------------------------------------------


def _variants(cell) -> list[str]:
    parts = cell if isinstance(cell, (list, tuple)) else str(cell or "").split("|")
    return [p.strip() for p in parts if p and p.strip()]


def _read_tsv(name: str) -> list[dict]:
    path = _LEXICON_DIR / f"{name}.tsv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.lstrip().startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=None)
def lexicon(name: str) -> tuple[dict, ...]:
    """Rows of ``kg/lang/vi/<name>.tsv`` through the shared loader when present.

    The shared loader may not exist in every checkout state, and a missing
    lexicon must degrade to "no cues", never to a crash of the whole pipeline.
    """
    try:
        from kg.lang import lexicons  # type: ignore[attr-defined]

        return tuple(lexicons.load(name))
    except (ImportError, AttributeError, FileNotFoundError, OSError, ValueError, KeyError):
        return tuple(_read_tsv(name))


def _phrases(name: str, col: str, cat_col: str | None = None) -> dict[str, list[tuple[str, str]]]:
    """``category -> [(phrase, value)]`` for a cue table."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in lexicon(name):
        cat = (_variants(row.get(cat_col))[:1] or [""])[0] if cat_col else ""
        value = (_variants(row.get("value"))[:1] or [""])[0]
        for phrase in _variants(row.get(col)):
            out.setdefault(cat, []).append((phrase, value))
    return out


@lru_cache(maxsize=None)
def meeting_cues() -> dict[str, list[tuple[str, str]]]:
    """``meeting_cues.tsv`` by category."""
    return _phrases("meeting_cues", "cue", "category")


@lru_cache(maxsize=None)
def role_cues() -> dict[str, list[str]]:
    """``role_cues.tsv`` by category; the honorifics also take the formal
    ones of ``honorifics.tsv`` ("Sheikh", "Tiến sĩ": those written with a
    capital there, not kinship words like "anh" or "cô")."""
    out = {k: [p for p, _ in v] for k, v in _phrases("role_cues", "cue", "category").items()}
    formal = [str(row.get("word") or "").strip() for row in lexicon("honorifics")]
    out["honorific"] = out.get("honorific", []) + [w for w in formal if w[:1].isupper()]
    return out


@lru_cache(maxsize=100_000)
def norm(text: str) -> str:
    """Fold tones, case and spacing: the form cue lists are compared in.

    Cached: the rules fold the same cue and title strings over and over.
    """
    return " ".join(fold_tones(text).lower().split())


def _word_regex(phrases: list[str]) -> re.Pattern[str]:
    """Whole words, case-insensitive: the longest phrase of ``phrases`` wins."""
    return word_regex(sorted({norm(p) for p in phrases if p.strip()}, key=len, reverse=True))


@lru_cache(maxsize=None)
def cue_regex(source: str, category: str) -> re.Pattern[str]:
    """Whole-word regex for one category of ``meeting_cues`` or ``role_cues``."""
    if source == "meeting":
        phrases = [p for p, _ in meeting_cues().get(category, [])]
    else:
        phrases = role_cues().get(category, [])
    return _word_regex(phrases)


@lru_cache(maxsize=None)
def cue_words(source: str, category: str) -> int:
    """Most words in one phrase of a ``meeting_cues`` or ``role_cues`` category (at least 1)."""
    if source == "meeting":
        phrases = [p for p, _ in meeting_cues().get(category, [])]
    else:
        phrases = role_cues().get(category, [])
    return max([len(norm(p).split()) for p in phrases] + [1])


@lru_cache(maxsize=None)
def cue_anywhere(source: str, category: str) -> re.Pattern[str]:
    """The phrases of a cue category without the whole-word bounds.

    A cheap test: where this finds nothing, :func:`cue_regex` finds nothing
    either, whatever the bounds of the text searched within it.
    """
    if source == "meeting":
        phrases = [p for p, _ in meeting_cues().get(category, [])]
    else:
        phrases = role_cues().get(category, [])
    return loose_regex(sorted({norm(p) for p in phrases if p.strip()}, key=len, reverse=True))


def phrase_regex(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Whole-word regex for an arbitrary phrase list (cached by tuple)."""
    return _cached_regex(tuple(sorted(set(phrases))))


@lru_cache(maxsize=None)
def _cached_regex(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return _word_regex(list(phrases))


def fold_for_match(text: str) -> str:
    """Same length as ``text``: tone-folded, so regex offsets stay valid."""
    folded = fold_tones(text)
    return folded if len(folded) == len(text) else text


@lru_cache(maxsize=None)
def title_categories() -> dict[str, str]:
    """Folded title -> category, from ``titles.tsv``."""
    out = {}
    for row in lexicon("titles"):
        for t in _variants(row.get("title")):
            out[norm(t)] = (_variants(row.get("category"))[:1] or [""])[0]
    return out


def _row_key(row: dict, prefix: str) -> str | None:
    """A lexicon row's entity key, with its type prefix ("vn" -> "country/vn")."""
    key = (_variants(row.get("key"))[:1] or [""])[0]
    return (key if "/" in key else f"{prefix}/{key}") if key else None


@lru_cache(maxsize=None)
def country_names() -> dict[str, str]:
    """Folded name or variant of a state -> its key, from ``countries.tsv``."""
    out = {}
    for row in lexicon("countries"):
        key = _row_key(row, "country")
        for name in _variants(row.get("name")) + _variants(row.get("variants")) if key else ():
            out.setdefault(norm(name), key)
    return out


@lru_cache(maxsize=None)
def home_state() -> str | None:
    """Key of the ``home_state`` of ``role_cues.tsv`` (see there), from ``countries.tsv``."""
    return next((country_names()[norm(n)] for n in role_cues().get("home_state", [])
                 if norm(n) in country_names()), None)


def trailing_country(name: str) -> str | None:
    """The state a body's name ends with ("Bộ Quốc phòng Lào"), or None.

    Example:
        >>> trailing_country("Bộ Quốc phòng Lào"), trailing_country("Lào")
        ('country/la', None)
    """
    words = norm(name).split()
    for k in range(min(4, len(words) - 1), 0, -1):
        key = country_names().get(" ".join(words[-k:]))
        if key:
            return key
    return None


@lru_cache(maxsize=None)
def capital_countries() -> dict[str, str]:
    """Folded capital name -> country key, from ``countries.tsv``.

    A visit "đến Moskva" names the city; the host of the visit is the state.
    """
    out = {}
    for row in lexicon("countries"):
        key = _row_key(row, "country")
        if not key:
            continue
        for cap in _variants(row.get("capitals")):
            out[norm(cap)] = key
    return out


@lru_cache(maxsize=None)
def org_countries() -> dict[str, str]:
    """Organisation key -> country key (``organizations.tsv`` ``country`` column)."""
    out = {}
    for row in lexicon("organizations"):
        key = _row_key(row, "org")
        country = (_variants(row.get("country"))[:1] or [""])[0]
        if key and country and len(country) <= 3:
            out[key] = f"country/{country}"
    return out


# --- sentence views -------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """An actor mention or a title, with offsets into the article text."""

    start: int
    end: int
    label: str  # Person | Country | Organization | Place | Title
    key: str | None
    text: str
    category: str | None = None  # title category


@dataclass
class SentView:
    """One sentence: its text, offsets and the items inside it, in order."""

    index: int
    start: int
    end: int
    doc_text: str
    items: list[Item] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.doc_text[self.start:self.end]

    def between(self, a: int, b: int) -> str:
        """Article text between two offsets (empty if reversed)."""
        return self.doc_text[a:b] if b > a else ""

    def trimmed(self) -> tuple[int, str]:
        """Start and text of the sentence without surrounding white space."""
        raw = self.text
        lead = len(raw) - len(raw.lstrip())
        return self.start + lead, raw.strip()


def _paren_alias(doc_text: str, item: Item, prev: Item | None) -> bool:
    """An abbreviation in brackets right after a name repeats that name."""
    if prev is None:
        return False
    before = doc_text[prev.end:item.start]
    after = doc_text[item.end:item.end + 3]
    return before.strip() == "(" and after.lstrip().startswith(")")


@dataclass(frozen=True)
class EntityTable:
    """The entity spans of a doc, ``(start_char, end_char, label id, label)``,
    and the keys of its spans and categories of its titles by offsets: read
    once by a component that asks several times (``doc.ents`` builds every
    span on each read)."""

    ents: tuple[tuple[int, int, int, str], ...]
    keys: dict[tuple[int, int], str]
    categories: dict[tuple[int, int], str]


def entity_table(doc: Doc) -> EntityTable:
    """The :class:`EntityTable` of ``doc`` as it is now."""
    keys, categories = span_tables(doc, "kg_key", "kg_title_category")
    return EntityTable(tuple((e.start_char, e.end_char, e.label, e.label_) for e in doc.ents),
                       keys, categories)


_LAST_VIEWS: list = []  # [(doc, fingerprint, views)]: the roles and meeting rules read the same doc


def _views_fingerprint(doc: Doc, table: EntityTable) -> tuple:
    """What the views depend on besides the text: entities, their keys, titles."""
    ents = tuple((s, e, label) for s, e, label, _name in table.ents)
    titles = doc.spans.get("titles", []) if doc.spans is not None else []
    return len(doc), ents, table.keys, tuple((t.start_char, t.end_char) for t in titles)


def sentence_views(doc: Doc, table: EntityTable | None = None) -> list[SentView]:
    """Split ``doc`` into :class:`SentView` rows of non-overlapping items.

    Bracketed aliases ("Quỹ X (RDIF)") are dropped so that rules see the name
    once. A title overlapping an entity is dropped: the entity is the more
    specific reading ("Văn phòng Tổng thống" is an organisation).

    The roles and the meeting components both ask for the views of the same
    doc; the last doc's views are kept (checked against its entities, keys and
    titles) and handed out as fresh copies. ``table``: the doc's entities if
    the caller has read them.
    """
    table = table or entity_table(doc)
    fp = _views_fingerprint(doc, table)
    if _LAST_VIEWS and _LAST_VIEWS[0][0] is doc and _LAST_VIEWS[0][1] == fp:
        views = _LAST_VIEWS[0][2]
    else:
        views = _build_views(doc, table)
        _LAST_VIEWS[:] = [(doc, fp, views)]
    return [SentView(v.index, v.start, v.end, v.doc_text, list(v.items)) for v in views]


def _build_views(doc: Doc, table: EntityTable) -> list[SentView]:
    text = doc_strings(doc).text
    ents = []
    for s, t, _label, name in table.ents:
        if name in (PERSON, COUNTRY, ORG, PLACE):
            ents.append(Item(s, t, name, table.keys.get((s, t)) or None, text[s:t]))
    categories = table.categories
    titles = []
    for t in doc.spans.get("titles", []) if doc.spans is not None else []:
        s, e = t.start_char, t.end_char
        titles.append(Item(s, e, TITLE, None, text[s:e], categories.get((s, e))))
    # entities are sorted and do not overlap: only the last one opening before
    # a title's end can reach into it
    ent_starts = [e.start for e in ents]
    kept_titles = []
    for t in titles:
        k = bisect_left(ent_starts, t.end)
        if not (k and ents[k - 1].end > t.start):
            kept_titles.append(t)
    items = sorted(ents + kept_titles, key=lambda i: (i.start, -i.end))
    try:
        sents = list(doc.sents)
    except ValueError:  # no sentence boundaries set
        sents = [doc[:]]
    views = []
    pos = 0
    for sent in sents:
        s, e = sent.start_char, sent.end_char
        if not any(ch.isalnum() for ch in text[s:e]):
            continue  # a stray "." or blank line: not a sentence to count
        inside = []
        while pos < len(items) and items[pos].start < s:
            pos += 1
        j = pos
        while j < len(items) and items[j].start < e:
            if items[j].end <= e:
                inside.append(items[j])
            j += 1
        clean: list[Item] = []
        for it in inside:
            if clean and it.start < clean[-1].end:
                continue
            if it.label != TITLE and _paren_alias(text, it, clean[-1] if clean else None):
                continue
            clean.append(it)
        views.append(SentView(len(views), s, e, text, clean))
    return views


_PARENS = re.compile(r"\([^()]{0,60}\)")


def strip_parens(text: str) -> str:
    """Blank out bracketed asides, keeping the length (offsets stay valid).

    Called on most gaps between items, which rarely hold a bracket: those
    skip the regex."""
    if "(" not in text:
        return text
    return _PARENS.sub(lambda m: " " * len(m.group()), text)


def _keyed(name: str, prefix: str, column: str) -> dict[str, str]:
    out = {}
    for row in lexicon(name):
        key = _row_key(row, prefix)
        value = (_variants(row.get(column))[:1] or [""])[0]
        if key and value:
            out[key] = value
    return out


@lru_cache(maxsize=None)
def known_affiliations() -> dict[str, str]:
    """Entity key -> country key, from the lexicons' ``country`` columns.

    Persons' nationality, organisations' and places' country: world knowledge
    the articles take for granted ("Tổng thống Zelensky" is Ukraine's).
    """
    out: dict[str, str] = {}
    for name, prefix in (("persons", "person"), ("organizations", "org"), ("places", "place")):
        for key, iso in _keyed(name, prefix, "country").items():
            if re.fullmatch(r"[a-z]{2}", iso):
                out[key] = f"country/{iso}"
    return out


@lru_cache(maxsize=None)
def place_kinds() -> dict[str, str]:
    """Place key -> its ``places.tsv`` kind (city, region, venue, continent, sea)."""
    return _keyed("places", "place", "kind")


@lru_cache(maxsize=None)
def outlet_keys() -> frozenset[str]:
    """Keys of news outlets: sources of a report, never parties to a meeting."""
    return frozenset(k if "/" in k else f"org/{k}"
                     for k in ((_variants(r.get("key"))[:1] or [""])[0] for r in lexicon("outlets")) if k)


def entity_keys(doc: Doc, table: EntityTable | None = None) -> set[str]:
    """Keys of the entities the article mentions (``doc.ents`` and ``doc._.entities``).

    Facts may only point at these: a key inferred from a lexicon (the country
    of a capital, a person's nationality) is used only when the article also
    names that entity, so every record refers to an entity of the article.
    ``table``: the doc's entities if the caller has read them.
    """
    table = table or entity_table(doc)
    keys = {k for k in (table.keys.get((s, e)) for s, e, _label, _name in table.ents) if k}
    if Doc.has_extension("entities"):
        keys |= {e.key for e in (doc._.entities or []) if getattr(e, "key", None)}
    return keys
