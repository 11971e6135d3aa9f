"""Contact triggers of a sentence and the kind of contact each names.

A trigger is a verb or noun from ``meeting_triggers.tsv`` / ``meeting_cues.tsv``
("hội đàm", "chuyến thăm", "điện đàm"). Words that contain one but name no
contact ("tiếp tục", "họp báo") and words inside an actor's name are skipped; a
phone marker nearby makes any in-person trigger a call.

A travel verb ("sẽ tới Israel", "lên đường sang Malaysia") is a visit trigger
only between a traveller and a foreign state or its capital: "chuyển vũ khí tới
Ukraine" has no traveller right before the verb, and "tới Istanbul" for talks
goes to a venue, not to a state.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.meeting_atoms import Sentence
from kg.extract.meeting_model import Atom
from kg.extract.phrase_patterns import search_end
from kg.extract.meeting_vocab import CALL, VISIT, cue, cue_pattern, reporting_verbs, status_regex, trigger_regex
from kg.extract.participants import COUNTRY, PLACE, TITLE, capital_countries, meeting_cues, norm


def find_triggers(sent: Sentence) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of each contact trigger in the sentence."""
    v = sent.v
    rx, table = trigger_regex()
    found = sent.find(rx, v.start, v.end)
    if not found:
        return sorted(_travel_triggers(sent, []))
    not_trig = [(m.start(), m.end()) for m in sent.find(cue("not_trigger"), v.start, v.end)]
    ents = [(it.start, it.end) for it in v.items if it.label != TITLE]
    phone_only, object_only = _cue_set("phone_only"), _cue_set("object_trigger")
    phone = cue("phone_marker")
    out = []
    for m in found:
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b in not_trig + ents):
            continue
        if any(a.start < e and s < a.end for a in sent.atoms):
            continue  # "các nhà đàm phán Nga" is a delegation, not talks
        t = norm(m.group())
        kind = table.get(t, "meeting")
        after = sent.gap(e, min(v.end, e + 30))
        near_phone = phone.search(after) is not None and not re.search(r"[,;.]", after[: phone.search(after).start()])
        if t in phone_only and not near_phone:
            continue
        if near_phone and kind != VISIT:
            kind = CALL
        if t in object_only and not sent.passive(s) and not _object_follows(sent, e):
            continue
        # "vòng đàm phán 3 bên": the count belongs to the trigger
        m3 = cue_pattern(r"\s+<<party_count>>").match(sent.ftext[e:v.end])
        if m3:
            e += m3.end()
        out.append((s, e, kind))
    out += _travel_triggers(sent, out)
    return sorted(out)


def _object_follows(sent: Sentence, e: int) -> bool:
    """Whether an actor is the object right after the verb ending at ``e``,
    maybe counted ("tiếp hai bộ trưởng Nhật Bản", "tiếp các đại sứ")."""
    count = cue_pattern(r"\s*(?:<<plural>>)\s")
    for a in sent.atoms:
        if a.start < e or a.kind not in ("actor", "title", "post", "leader", "group"):
            continue
        m = count.match(sent.ftext, e, a.start)
        return a.start - e <= 3 or (m is not None and a.start - m.end() <= 1)
    return False


@lru_cache(maxsize=None)
def _cue_set(category: str) -> frozenset[str]:
    """Folded phrases of one ``meeting_cues.tsv`` category."""
    return frozenset(norm(p) for p, _ in meeting_cues().get(category, []))


def _travel_triggers(sent: Sentence, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Travel verbs read as visits; their hosts are kept in ``sent.travel``."""
    v = sent.v
    out = []
    for m in sent.find(cue("travel"), v.start, v.end):
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b, _k in found) or any(a.start < e and s < a.end for a in sent.atoms):
            continue
        dest = next((a for a in sent.atoms if a.start >= e), None)
        if dest is None or not re.fullmatch(r"\s*(?:[^\W\d]+\s+){0,2}", sent.gap(e, dest.start)) or \
                sent.gap(e, dest.start).strip()[:1].isupper() or travel_host(sent, dest) is None:
            continue
        if not (_traveller_before(sent, s) or _after_sequence(sent, s, found)):
            continue
        sent.travel[s] = dest
        out.append((s, e, VISIT))
    return out


def travel_host(sent: Sentence, dest: Atom) -> str | None:
    """The state a traveller goes to: a country, or the country of its capital."""
    if dest.label == COUNTRY and dest.kind in ("actor", "place") and dest.key:
        return dest.key
    if dest.label == PLACE:
        return sent.art.known(capital_countries().get(norm(sent.art.text[dest.start:dest.end])))
    return None


def _after_sequence(sent: Sentence, s: int, found: list[tuple[int, int, str]]) -> bool:
    """A sequence word right before the verb ("..., rồi sang X"); with status
    cues and adverbs between, only after a contact of the same subject ("đã
    điện đàm với X và dự kiến tới Tehran"), not after any act ("đã nhận chỉ
    thị và sẽ lên đường sang UAE": a delegation on its way to talks)."""
    if cue_pattern(r"(?:<<sequence>>)\s*$").search(sent.gap(sent.v.start, s)):
        return True
    m = search_end(cue_pattern(r"(?:<<sequence>>)(?:\s+\S+){0,3}\s*$"), sent.gap(sent.v.start, s), 5)
    if m is None or not any(b <= sent.v.start + m.start() for _a, b, _k in found):
        return False
    word = cue_pattern(r"(?:<<sequence>>)").match(sent.ftext, sent.v.start + m.start())
    return _only_adverbs(sent, word.end() if word else sent.v.start + m.start(), s, times=False)


def _traveller_before(sent: Sentence, s: int) -> bool:
    """Whether an actor ends right before the verb, with only adverbs, status
    cues and time phrases between ("Witkoff sẽ tới", "nhà lãnh đạo X chiều nay sẽ sang")."""
    before = [a for a in sent.atoms if a.end <= s and a.kind in ("actor", "title", "post", "leader", "pronoun")]
    if not before:
        return False
    a0 = before[-1].end
    if _only_adverbs(sent, a0, s, times=True) or _sent_delegation(sent, a0, s) is not None:
        return True
    # "Ông X cho biết sẽ tới Tehran": the speaker travels
    verb = next(iter(sent.find(reporting_verbs(), a0, s)), None)
    return verb is not None and _only_adverbs(sent, a0, verb.start(), times=True) \
        and _only_adverbs(sent, verb.end(), s, times=False)


def _sent_delegation(sent: Sentence, a0: int, s: int) -> re.Match[str] | None:
    """"Damascus sẽ cử một phái đoàn kinh tế | tới Riyadh": the state travels
    through the delegation it sends."""
    return cue_pattern(r"\s+(?:\S+\s+){0,2}?(?:<<sends>>)\s+(?:<<determiner>>\s+)?(?:<<delegation>>)"
                       r"(?:\s+[^\W\d]+){0,3}\s+").fullmatch(sent.ftext, a0, s)


def _only_adverbs(sent: Sentence, a0: int, s: int, times: bool) -> bool:
    """Whether only status cues and travel adverbs stand in ``[a0, s)``; with
    ``times``, also time phrases and commas ("X, chiều nay, sẽ sang")."""
    gap = list(sent.gap(a0, s))
    spans = [(t.start, t.end) for t in sent.art.times if a0 <= t.start and t.end <= s] if times else []
    for rx in (status_regex(), cue("travel_adverb")):
        spans += [(m.start(), m.end()) for m in sent.find(rx, a0, s)]
    for a, b in spans:
        gap[a - a0:b - a0] = " " * (b - a)
    return re.fullmatch(r"[\s,]*" if times else r"\s*", "".join(gap)) is not None
