"""Entity keys an actor atom stands for, given the contacts read so far.

A named actor is itself; an unnamed post ("Tổng thống Mỹ") is its holder in the
article; a leader noun ("nhà lãnh đạo Nga") is the country's best known leader;
a group ("hai bên", "hai nhà lãnh đạo") is the parties of the last contact of
the same kind; a pronoun is the last person named before it.
"""

from __future__ import annotations

import re

from kg.extract.meeting_article import LEADER_CATEGORIES, ArticleFacts
from kg.extract.meeting_model import Atom, Event, Mention
from kg.extract.meeting_vocab import cue, cue_pattern, family
from kg.extract.participants import PERSON, PLACE, TITLE, capital_countries, norm, title_categories


def resolve_atom(a: Atom, art: ArticleFacts, events: list[Event], mention: Mention) -> list[str]:
    """Entity keys an atom stands for, given the events read so far."""
    if a.kind == "actor":
        if a.label == PLACE:
            cap = art.known(capital_countries().get(norm(art.text[a.start:a.end])))
            return [cap] if cap else []
        return [a.key] if a.key else []
    if a.kind == "title":
        if a.plural and a.key:
            holders = art.holders_of(a.title or "", a.key)
            return holders if len(holders) >= 2 else [a.key]
        cat = title_categories().get(norm(a.title or ""), "")
        who = art.person_by_post(a.title or "", a.key)
        if who:
            return [who]
        if cat in LEADER_CATEGORIES and a.key:
            lead = art.leader_of(a.key)
            if lead:
                return [lead]
        return [a.key] if a.key else []
    if a.kind == "post":
        who = art.holder_before(a.title or "", a.start)
        return [who] if who else []
    if a.kind == "leader":
        lead = art.leader_of(a.key) if a.key else None
        return [lead] if lead else ([a.key] if a.key else [])
    if a.kind == "group":
        if a.members:
            out = []
            for mem in a.members:
                keys = resolve_atom(mem, art, events, mention)
                if a.group in ("leaders", "state_leaders"):
                    keys = _heads(art, keys)
                out += keys
            return out
        prev = [ev for ev in events if ev.mentions[0].sent <= mention.sent and len(ev.parties) >= 2]
        pool = [ev for ev in prev if ev.family == family(mention.kind)]
        if not pool and a.group == "leaders" and len(art.leaders()) >= 2:
            # "X tiếp Y. Sau cuộc gặp, hai nhà lãnh đạo điện đàm với Z": the
            # two people of the contact just read, else the article's leaders
            latest = max(prev, key=lambda ev: ev.last_sent) if prev else None
            persons = [k for k in latest.parties if k.startswith("person/")] if latest else []
            if len(persons) == 2 and latest.last_sent >= mention.sent - 1:
                return persons
            named = _pair_named_before(art, mention, a)  # "A đón B ... Ngay sau lễ đón, hai nhà lãnh đạo"
            return named or art.leaders()[:2]
        if a.group in ("sides", "state_leaders"):
            pool = prev  # "hai bên" is the latest contact, whatever its kind
        pool = pool or prev
        if pool:
            # the latest contact; in one sentence, the one read last
            ev = max(pool, key=lambda ev: (ev.last_sent, ev.family == family(mention.kind),
                                           max(x.start for x in ev.mentions)))
            # the parties of its latest mention, not of the whole story
            last = [x for x in ev.mentions if len(x.parties) >= 2]
            parties = last[-1].parties if last else ev.parties
            if a.group in ("sides", "state_leaders"):
                # "Bộ trưởng Ngoại giao hai nước": the sides' officials, unnamed, are their states
                titled = mention.view is not None and any(
                    it.label == TITLE and 0 <= a.start - it.end <= 1 for it in mention.view.items)
                sides = _sides_of(parties, art, mention.delegated or titled or a.group == "state_leaders")
                if len(sides) > 2 and cue("pair").match(art.ftext, a.start, a.end):
                    # "hai nước" after a reception by a third state: the pair that met
                    pairs = [_sides_of(x.parties, art) for x in reversed(ev.mentions)]
                    sides = next((p for p in pairs if len(p) == 2), sides)
                if a.group == "state_leaders":
                    return _heads(art, sides)
                return sides
            persons = [k for k in parties if k.startswith("person/")]
            if len(persons) >= 2:
                return persons
            return _heads(art, parties)
        if a.group == "leaders":
            return art.leaders()[:2]
        return []
    if a.kind == "pronoun":
        view = mention.view
        persons = [x for x in art.atoms_of(view.index) if x.kind == "actor" and x.label == PERSON
                   and x.end <= a.start]
        inviter = None
        if persons and cue_pattern(r"(?<!\w)(?:<<invitation>>)\s+$").search(art.ftext[persons[-1].end:a.start]):
            # "Tổng thống X mời ông thăm Indonesia": the one invited is not X
            inviter, persons = persons[-1].key, [x for x in persons if x.key != persons[-1].key]
        if persons:
            # "A tiếp B, sau đó ông điện đàm với C": the next act is the subject's
            sequel = cue_pattern(r"(?<!\w)(?:<<sequence>>)\s+$").search(art.ftext, view.start, a.start)
            return [(_main_subject(art, view.index, persons) if sequel else persons[-1]).key]
        # opening the sentence, maybe after a short fronted adjunct ("Cùng ngày, ông cũng ...")
        opens = re.fullmatch(r"\W*(?:[^,;]{1,25},\s*)?", art.ftext[view.start:a.start]) is not None
        for back in range(1, 3):
            idx = view.index - back
            if idx < 0:
                break
            ps = [x for x in art.atoms_of(idx) if x.kind == "actor" and x.label == PERSON and x.key != inviter]
            if ps:
                return [(_main_subject(art, idx, ps) if opens else ps[-1]).key]
        return []
    return []


def _heads(art: ArticleFacts, keys: list[str]) -> list[str]:
    """Each state as the leader the article names for it, if any."""
    return [art.leader_of(k) or k if k.startswith("country/") else k for k in keys]


def _pair_named_before(art: ArticleFacts, mention: Mention, a: Atom) -> list[str]:
    """The two people named in the sentence before a group (or in its own
    sentence before it), when exactly two are. A bare post counts as its
    holder ("Chủ tịch nước chủ trì lễ đón Tổng thống X. Sau lễ đón, hai nhà
    lãnh đạo hội đàm")."""
    for idx in (mention.sent, mention.sent - 1):
        if idx < 0:
            continue
        found = [x for x in art.atoms_of(idx) if idx < mention.sent or x.end <= a.start]
        keys = list(dict.fromkeys(
            x.key if x.kind != "post" else art.holder_before(x.title or "", x.start) for x in found
            if x.kind in ("actor", "title") and x.label == PERSON and x.key or x.kind == "post"))
        if None in keys:
            return []
        if len(keys) == 2:
            return keys
        if keys:
            return []
    return []


def _main_subject(art: ArticleFacts, idx: int, persons: list[Atom]) -> Atom:
    """The person a sentence-opening "Ông"/"Bà" takes up: the first of the
    sentence before it outside a fronted adjunct ("Bên lề hội nghị, A đã gặp
    B và C. Ông cũng ..." is A), else its last person."""
    view = art.views[idx]
    front = cue_pattern(r"(?:<<temporal_link>>|<<framework>>|<<sideline>>)(?!\w)[^,;]{0,80},").match(
        art.ftext, view.trimmed()[0], view.end)
    start = front.end() if front else view.start
    main = [x for x in persons if x.start >= start]
    return main[0] if main else persons[-1]


def _sides_of(parties: list[str], art: ArticleFacts, states: bool = False) -> list[str]:
    """"hai bên" after a contact: its named people, one per side, else (or
    with ``states``) their states."""
    sides = [art.known(art.side(k)) or k for k in parties]
    if not states and all(k.startswith("person/") for k in parties) and len(set(sides)) == len(parties) >= 2:
        return list(parties)
    return list(dict.fromkeys(sides))
