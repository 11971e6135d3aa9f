"""Within-article resolution of entity mentions (component "kg_resolve").

News names a person in full once and then by surname ("Vladimir Putin" ...
"ông Putin", "Tổng thống Putin"), transliterations vary inside one outlet
("Volodymyr"/"Vladimir Zelensky", "Zelensky"/"Zelenskiy"), and countries have
long forms ("Liên bang Nga"). Mentions are grouped here into one
:class:`kg.extract.model.Entity` per actor, and every entity span's
``span._.kg_key`` is rewritten to the group's key so later components agree.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.extensions import set_span_values, span_tables
from kg.extract.gazetteer import COUNTRY, ORG, PERSON, Gazetteer, get_gazetteer
from kg.extract.model import Entity, Evidence
from kg.extract.names import is_acronym, is_vietnamese_syllable, name_core, slugify
from kg.nlp.orthography import fold
from kg.nlp.sentences import sent_start_values
from kg.nlp.strings import doc_strings

_SAME_SURNAME = 0.84  # "zelensky" ~ "zelenskiy"
_SAME_GIVEN = 0.6  # "vladimir" ~ "volodymyr"


class _Cluster:
    def __init__(self, key: str, sylls: tuple[str, ...], lexical: bool) -> None:
        self.key = key
        self.sylls = sylls  # fullest folded form seen so far
        self.lexical = lexical


def _similar(a: str, b: str, threshold: float) -> bool:
    """``SequenceMatcher(None, a, b).ratio() >= threshold``, refused early
    by the bounds difflib documents (most name pairs are far apart)."""
    if a == b:
        return True
    if 2.0 * min(len(a), len(b)) / (len(a) + len(b)) < threshold:  # real_quick_ratio()
        return False
    matcher = SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold


def _compatible(full: tuple[str, ...], other: tuple[str, ...], particles: frozenset[str] = frozenset()) -> bool:
    """Two multi-syllable names of one person: same (or nearly) surname and
    given names that agree where both are given. Vietnamese-syllable names
    put the family name first and spell it one way: "Nguyễn Văn An" and
    "Trần Văn An" share only a given name. Name particles ("bin", "von") say
    nothing of the given name: "Khalid bin Salman" is not "Mohammed bin Salman"."""
    if all(map(is_vietnamese_syllable, full + other)):
        return full[0] == other[0] and full[-1] == other[-1]
    if len(full) == len(other) == 2 and full == other[::-1]:
        return True  # Japanese names in both orders: "Ishiba Shigeru", "Shigeru Ishiba"
    if not _similar(full[-1], other[-1], _SAME_SURNAME):
        return False
    short, long_ = sorted((full, other), key=len)
    if long_[len(long_) - len(short) :] == short:
        return True  # "van den Berg" of "Pieter van den Berg"
    head_a = tuple(w for w in full[:-1] if w not in particles)
    head_b = tuple(w for w in other[:-1] if w not in particles)
    if not head_a or not head_b:
        return True
    return head_a[0][:1] == head_b[0][:1] or _similar(" ".join(head_a), " ".join(head_b), _SAME_GIVEN)


def _person_keys(persons: list, gaz: Gazetteer) -> list[str]:
    """Resolved key of each person mention, in input order."""
    clusters: list[_Cluster] = []
    member: dict[int, _Cluster] = {}
    # Longest names first, so that short forms find their full name even
    # when the full name comes later (a headline "Ông Trump ..." at the top).
    order = sorted(range(len(persons)), key=lambda k: -len(persons[k].text.split()))
    particles = frozenset(k[0] for k in gaz.cue("name_particle") if len(k) == 1)
    for k in order:
        m = persons[k]
        sylls = name_core(tuple(fold(m.text).split()))
        lexical = m.key in gaz.records
        target = _match_cluster(sylls, lexical, m.key, clusters, particles)
        if target is None:
            key = m.key if lexical else "person/" + slugify(m.text)
            target = _Cluster(key, sylls, lexical)
            clusters.append(target)
        elif lexical and not target.lexical:
            target.key, target.lexical = m.key, True
        if len(sylls) > len(target.sylls):
            target.sylls = sylls
        member[k] = target
    return [member[k].key for k in range(len(persons))]


def _match_cluster(sylls, lexical, key, clusters: list[_Cluster], particles: frozenset[str] = frozenset()):
    if lexical:
        for c in clusters:
            if c.key == key:
                return c
    if len(sylls) >= 2:
        for c in clusters:
            if len(c.sylls) >= 2 and _compatible(c.sylls, sylls, particles):
                return c
        return None
    # One syllable: the surname of a full name ("Putin"), else the family
    # name written first ("ông Tập" for "Tập Cận Bình").
    by_last = [c for c in clusters if _similar(c.sylls[-1], sylls[0], _SAME_SURNAME)]
    if not by_last:
        by_last = [c for c in clusters if len(c.sylls) >= 2 and c.sylls[0] == sylls[0]]
    if not by_last:
        return None
    return max(by_last, key=lambda c: (c.lexical, len(c.sylls)))


class _Sentences:
    """Sentence (start, text) lookup by character offset, built once per doc
    because ``span.sent`` walks the tokens on every call."""

    def __init__(self, doc: Doc) -> None:
        strings = doc_strings(doc)
        self.text = strings.text
        flags = sent_start_values(doc)
        if -1 in flags:  # sentence boundaries were set
            bounds = [0] + [strings.starts[i] for i, v in enumerate(flags) if v == 1 and i > 0]
        else:
            bounds = [0] + [m + 1 for m in range(len(self.text)) if self.text[m] == "\n"]
        self.bounds = bounds + [len(self.text)]
        self.cache: dict[int, tuple[int, str]] = {}

    def __call__(self, char: int) -> tuple[int, str]:
        k = bisect_right(self.bounds, char) - 1
        hit = self.cache.get(k)
        if hit is None:
            raw = self.text[self.bounds[k] : self.bounds[k + 1]]
            lead = len(raw) - len(raw.lstrip())
            hit = self.cache[k] = (self.bounds[k] + lead, raw.strip())
        return hit


def _name(label: str, surfaces: list[str], canonical: str | None, capitals: set[str]) -> str:
    """Fullest form in the article; for a country its usual name when the
    article uses it ("Nga", not "Liên bang Nga"), and a capital standing for
    its state only when nothing else names the country."""
    folded = {fold(s) for s in surfaces}
    if label == COUNTRY and canonical and fold(canonical) in folded:
        return canonical
    if canonical and all(s in capitals for s in surfaces):
        return canonical  # only "Kiev" stands for the state: name it "Ukraine"
    surfaces = [s for s in surfaces if s not in capitals] or surfaces
    counts = Counter(surfaces)
    candidates = [s for s in surfaces if not is_acronym(s)] or surfaces
    return max(candidates, key=lambda s: (len(s.split()), counts[s], -surfaces.index(s)))


@dataclass
class _Mention:
    """What resolution needs of an entity span, read once: the ``span._``
    attributes are slow to access."""

    key: str | None
    label: str
    text: str
    start: int
    end: int
    rule: str | None
    confidence: float


def resolve(doc: Doc, gaz: Gazetteer | None = None) -> list[Entity]:
    """Group ``doc.ents`` into entities; sets ``doc._.entities``."""
    gaz = gaz or get_gazetteer()
    mentions = []
    text = doc_strings(doc).text
    keys, rules, confs = span_tables(doc, "kg_key", "kg_rule", "kg_confidence")
    for span in doc.ents:
        s, e = span.start_char, span.end_char
        conf = confs.get((s, e))
        mentions.append(
            _Mention(keys.get((s, e)), span.label_, text[s:e], s, e,
                     rules.get((s, e)), 1.0 if conf is None else conf)
        )
    persons = [m for m in mentions if m.label == PERSON]
    for m, key in zip(persons, _person_keys(persons, gaz)):
        m.key = key
    # "Lực lượng Hỗ trợ nhanh (RSF)", then "RSF" alone: the body its abbreviation was given to
    short = {m.text: m.key for m in mentions if m.rule == "abbreviation" and m.label == ORG and m.key}
    for m in mentions:
        if m.label == ORG and m.rule != "abbreviation" and short.get(m.text, m.key) != m.key:
            m.key = short[m.text]
            set_span_values(doc, m.start, m.end, kg_key=m.key)
    groups: dict[str, list[_Mention]] = {}
    for m in mentions:
        key = m.key or _fallback_key(m)
        if key != m.key or m.label == PERSON:
            set_span_values(doc, m.start, m.end, kg_key=key)
        groups.setdefault(key, []).append(m)
    sentences = _Sentences(doc)
    entities = [_entity(key, ms, gaz, sentences) for key, ms in groups.items()]
    entities.sort(key=lambda e: e.mentions[0].start)
    doc._.entities = entities
    return entities


def _fallback_key(m: _Mention) -> str:
    prefix = {PERSON: "person", COUNTRY: "country", ORG: "org"}.get(m.label, "place")
    return f"{prefix}/{slugify(m.text)}"


def _entity(key: str, ms: list[_Mention], gaz: Gazetteer, sentences: _Sentences) -> Entity:
    label = _most_common(m.label for m in ms)
    record = gaz.records.get(key)
    surfaces = [m.text for m in ms]
    capitals = {m.text for m in ms if m.rule == "capital_state"}
    name = _name(label, surfaces, record.name if record else None, capitals)
    folded_name = fold(name)
    aliases = {t for t in surfaces if fold(t) != folded_name}
    if label == ORG and not _event_name(name, gaz):  # "Hội nghị Cấp cao BRICS" is not BRICS
        aliases |= _derived_org_aliases(name, gaz if record is None else None)
    if record is not None and label != PERSON:
        aliases |= _listed_tails(surfaces, key, gaz) - {name}
    evidence = []
    for m in ms:
        start, sentence = sentences(m.start)
        evidence.append(Evidence(m.start, m.end, m.text, sentence, start, m.confidence))
    return Entity(
        key=key,
        name=name,
        type=label,
        aliases=_dedupe(aliases),
        wikidata=record.wikidata if record else None,
        mentions=evidence,
    )


def _most_common(values) -> str:
    """``Counter(values).most_common(1)[0][0]``: the first of the most frequent."""
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return max(counts.items(), key=lambda kv: kv[1])[0]


def _listed_tails(surfaces: list[str], key: str, gaz: Gazetteer) -> set[str]:
    """Listed forms of the entity that end its surfaces: "Phong trào
    Hezbollah" and "bãi cạn Scarborough" are also "Hezbollah" and
    "Scarborough"."""
    out = set()
    for surface in set(surfaces):
        words = surface.split()
        for k in range(1, len(words)):
            entries = gaz.entries.get(tuple(fold(" ".join(words[k:])).split()), ())
            if any(e.key == key for e in entries):
                out.add(" ".join(words[k:]))
                break
    return out


def _event_name(name: str, gaz: Gazetteer) -> bool:
    """A gathering's name, opened by an ``event_head`` ("Hội nghị", "Diễn đàn")."""
    words = fold(name).split()
    return any(tuple(words[:k]) in gaz.cue("event_head") for k in range(1, min(4, len(words)) + 1))


def _derived_org_aliases(name: str, gaz: Gazetteer | None) -> set[str]:
    """"Cục Tình báo Quân sự GRU" is also "GRU" and "Cục Tình báo Quân sự";
    "Báo Quốc tế" (an unlisted outlet named with its capitalised cue) is
    also "Quốc tế"; ``gaz`` is None for a lexicon organisation."""
    words = name.split()
    if len(words) >= 3 and is_acronym(words[-1]):
        return {words[-1], " ".join(words[:-1])}
    if gaz is not None and len(words) >= 2 and words[0][:1].isupper():
        folded = fold(name).split()
        for k in range(min(3, len(words) - 1), 0, -1):
            rest = tuple(folded[k:])
            if tuple(folded[:k]) in gaz.outlet_cues and words[k][:1].isupper():
                return set() if rest in gaz.entries else {" ".join(words[k:])}
    return set()


def _dedupe(aliases: set[str]) -> set[str]:
    seen: dict[str, str] = {}
    for a in sorted(aliases):
        seen.setdefault(fold(a), a)
    return set(seen.values())


class Resolver:
    """Pipeline component wrapping :func:`resolve`."""

    def __init__(self) -> None:
        self._gazetteer: Gazetteer | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self._gazetteer is None:
            self._gazetteer = get_gazetteer()
        resolve(doc, self._gazetteer)
        return doc


@Language.factory("kg_resolve")
def make_resolver(nlp: Language, name: str) -> Resolver:
    """Factory for ``nlp.add_pipe("kg_resolve")``."""
    return Resolver()
