"""Reading one sentence: each trigger with the parties its clause names.

Clauses end at reporting verbs and conjunctions, because "X cho biết A gặp B" is
A's meeting, not X's. Parties are the subject (also of a meeting noun after a
light verb, "có cuộc gặp"), the object, "giữa A và B", "với B", the patient of a
passive ("được X tiếp") and, for visits, the visitor and the host.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.meeting_atoms import Sentence
from kg.extract.meeting_attributes import assign_dates, mention_place, mention_status, settle_tentative
from kg.extract.meeting_model import Atom, Mention
from kg.extract.meeting_triggers import find_triggers
from kg.extract.meeting_vocab import VISIT, WEAK, cue, cue_pattern, reporting_verbs, words
from kg.extract.participants import COUNTRY, ORG, PERSON, PLACE, meeting_cues, norm, place_kinds, strip_parens
from kg.extract.phrase_patterns import search_end

_MAX_SUBJECT_GAP = 60
_MAX_OBJECT_GAP = 45


class ClauseReader(Sentence):
    """Turns the triggers of one sentence into :class:`Mention` records."""

    def read(self, index_base: int) -> list[Mention]:
        v = self.v
        trigs = find_triggers(self)
        if not trigs:
            return []
        mentions = []
        bg = cue("background").match(self.ftext, v.trimmed()[0])
        for n, (s, e, kind) in enumerate(trigs):
            cs, ce = self.clause(s, e, trigs)
            if cue_pattern(r"(?:<<no_plan>>)\s+(?:\S+\s+){0,6}$").search(self.gap(max(cs, s - 60), s)):
                continue  # "chưa có kế hoạch nào về một hội nghị thượng đỉnh": talk of none
            prev_end = trigs[n - 1][1] if n > 0 else cs
            next_start = trigs[n + 1][0] if n + 1 < len(trigs) else ce
            m = self._mention(s, e, kind, cs, ce, max(cs, prev_end), min(ce, next_start), trigs)
            m.background = bg is not None
            if n > 0 and cue_pattern(r"(?:<<purpose>>)\s*$").search(self.gap(max(cs, s - 24), s)):
                if trigs[n - 1][2] != VISIT:
                    # the topic of the contact before it; a trip's purpose is a contact of its own
                    m.groups, m.host, m.visitor = [], None, []
                    m.purpose = True
            mentions += self._distribute(m, cs)
        # "X điện đàm với Y ngay sau cuộc gặp với Z": X's contact is linked to Z's
        link = cue_pattern(r"<<relative_link>>\s+(?:\S+\s+){0,8}$")
        for i, m in enumerate(mentions):
            for j, o in enumerate(mentions):
                if j != i and o.start > m.end and link.search(self.gap(m.end, o.start)) and \
                        cue("relative_link").search(self.gap(m.end, o.start)):
                    m.linked.append(index_base + j)
                    break
        assign_dates(self, mentions, trigs)
        for m in mentions:
            settle_tentative(m, self.art.article_date)
        return mentions

    def _mention(self, s, e, kind, cs, ce, ws, we, trigs) -> Mention:
        v = self.v
        text = self.v.doc_text[s:e]
        is_np = cue("meeting_noun").match(norm(text)) is not None
        before = self.gap(cs, s)
        groups: list[list[Atom]] = []
        visitor: list[Atom] = []
        host: Atom | None = None
        # right side: "giữa A và B", "với B", "của B", object of a verb, "Mỹ - Ukraine"
        nxt = [a for a, _b, _k in trigs if a >= e]
        right = self._right_groups(e, ce, is_np, kind, min(nxt) if nxt else None)
        # left side
        light = cue_pattern(r"(?:<<light_verb>>)\s+(?:(?:<<determiner>>|<<meeting_noun>>)\s+)?$").search(before)
        tlink = cue_pattern(r"(?:<<temporal_link>>)\s+(?:<<determiner>>\s+)?$").search(before)
        left: list[Atom] = []
        if not is_np or light or kind == VISIT:
            left = self._left_group(cs, s if not light else cs + light.start(), trigs)
            if not left and not light and kind != VISIT and not right:
                # "Sau hai ngày đàm phán tại Geneva, A và B đã nhất trí ...": the main clause's subject
                lasted = cue_pattern(r"^\W*(?:\([^()]{1,40}\)\s*[-–—]\s*)?(?:<<temporal_link>>)\s+"
                                     r"(?:[\w.,]+\s+){1,2}(?:<<duration>>)\s+$").search(self.gap(self.v.start, s))
                if lasted:
                    left = self._clause_subject(cs, ce, s, e, self.v.start + lasted.start())
            if not left and not light and kind != VISIT:
                # "(Phát biểu) sau khi tiếp X tại Kiev, ông Y cho biết": the main clause's subject received X
                fronted = cue_pattern(r"(?<!\w)(?:<<relative_link>>)\s+$").search(before)
                if fronted:
                    left = self._clause_subject(cs, ce, s, e, cs + fronted.start())
                elif not re.sub(r"[\W_]", "", self.gap(self.v.start, s)):
                    # "Tiếp X ngày 27/3, Thủ tướng Y đề nghị ...": the verb opens the sentence
                    left = self._clause_subject(cs, ce, s, e, s)
        elif tlink and sum(len(g) for g in right) < 2 and not self._bodys_gathering(e, right, tlink):
            # "Sau cuộc gặp với X, <subject> ...": the main clause's subject met X
            left = self._clause_subject(cs, ce, s, e, cs + tlink.start())
        elif len(right) == 1:
            left = self._visitor_of_trip_before(cs, s, trigs)
        if kind == VISIT:
            host, visitor = self._visit_parties(s, e, cs, ce, left, right, trigs)
        else:
            if left and not (all(a.kind == "group" and not a.members for a in left)
                             and sum(len(g) for g in right) >= 2):
                groups.append(left)  # "Hai bên ... vòng Đối thoại EU - Trung Quốc": the pair names them
            for g in right:
                groups.append(g)
            groups += self._mediators(e, ce) + self._joint_body(e, ce)
            if not is_np:
                patient = self.passive(s)
                if patient:
                    groups.append(patient)
        # status
        status, strength, possible, recency, tentative = mention_status(self, s, e, ws, self._frame_end(s, e, we), cs)
        generic = bool(cue_pattern(r"(?:<<generic>>)\s*$").search(self.gap(max(cs, s - 12), s))) \
            or bool(re.match(rf"{cue('plural_det').pattern}\s", norm(text)))
        after = self.gap(e, min(ce, e + 30))
        habitual = bool(cue_pattern(r"\s*(?:\S+\s+){0,2}?(?:(?:<<habitual>>)|"
                                    r"(?:<<approx>>)?\s*\d+\s+<<times>>)(?!\w)").match(after))
        anaphoric = bool(cue_pattern(r"\s*(?:\S+\s+){0,2}?(?:<<anaphor>>)(?!\w)").match(self.ftext[e:min(ce, e + 25)]))
        place, weak_place = mention_place(self, s, e, cs, ce, trigs)
        state_place = False
        cancelled = bool(cue_pattern(r"\s*(?:\S+\s+){0,3}?(?:<<cancel>>)").match(self.ftext[e:ce]))
        if kind == VISIT and host is not None and place is None:
            place, weak_place = host.key, s in self.travel  # a trip's goal, unless a visit noun names one
            state_place = not weak_place and host.label == COUNTRY
        org_summit = kind == "summit" and len(right) == 1 and len(right[0]) == 1 and \
            right[0][0].label == ORG and right[0][0].start - e <= 2  # "Hội nghị thượng đỉnh NATO"
        earlier = cue("earlier_round").fullmatch(norm(text)) is not None or (
            cue_pattern(r"(?:<<round_noun>>)\s").match(norm(text)) is not None
            and cue_pattern(r"\s+(?:<<earlier_mark>>)(?:\s*[,.;]|\s+(?:<<earlier_follow>>)(?!\w))").match(self.ftext, e, ce)
            is not None)
        series = earlier or bool(cue_pattern(r"\s*(?:<<next_round>>)").match(self.ftext, e, ce))
        if earlier and status != "held":
            status, strength = "held", WEAK  # "Vòng đàm phán trước": its "trước" tells no plan
        delegated = cue_pattern(r"[^,;.]{0,60}?(?:<<delegated_level>>)").match(self.ftext, e, v.end) is not None
        return Mention(v.index, s, e, text, kind, groups, None, place, status, strength, possible or habitual,
                       False, generic and not anaphoric, anaphoric, recency, host, visitor, view=v,
                       cancelled=cancelled, weak_place=weak_place, state_place=state_place, org_summit=org_summit, series=series, earlier=earlier,
                       delegated=delegated, tentative=tentative and not habitual)

    def _frame_end(self, s: int, e: int, we: int) -> int:
        """End of the status window of a trigger: the comma closing a fronted
        frame ("Tại cuộc hội đàm, hai bên nhất trí ..."), whose main clause
        tells what was said at a contact already reported, not its status."""
        if not cue_pattern(r"\s*(?:<<temporal_link>>)\s+(?:<<determiner>>\s+)?").fullmatch(self.gap(self.v.start, s)):
            return we
        comma = self.ftext.find(",", e, we)
        return comma if comma >= 0 else we

    def _distribute(self, m: Mention, cs: int) -> list[Mention]:
        """"A lần lượt điện đàm với B và C", "các cuộc gặp song phương với B và
        C": one contact with each partner."""
        if len(m.groups) != 2 or len(m.groups[1]) < 2 or not m.groups[0]:
            return [m]
        bilateral = cue("bilateral").search(self.ftext, m.start, m.groups[1][0].start)
        if not bilateral and not cue_pattern(r"(?:<<distributive>>)\s+(?:\S+\s+){0,2}$").search(
                self.gap(max(cs, m.groups[0][-1].end), m.start) + " "):
            return [m]  # "các cuộc gặp song phương với A và B": one with each
        return [replace(m, groups=[m.groups[0], [partner]]) for partner in m.groups[1]]

    def _mediators(self, e: int, ce: int) -> list[list[Atom]]:
        """"... với sự trung gian của Ai Cập, Qatar và Mỹ": the mediators take part,
        as do a summit's chair and attendees ("dưới sự chủ trì của X, với sự
        tham dự của Y")."""
        out = []
        unnamed = cue_pattern(r"\s*(?:<<plural_det>>)\s[^,;]{1,40},\s*")  # "các nhà lãnh đạo châu Âu, X và Y"
        for m in self.find(cue("mediator"), e, ce):
            g = self.groups(m.end(), ce)
            if g and (g[0][0].start - m.end() <= 3 or unnamed.fullmatch(self.gap(m.end(), g[0][0].start))) \
                    and not any(a in x for x in out for a in g[0]):
                out.append(g[0])
        # "phiên họp ... tại Bắc Kinh, do X và Y đồng chủ trì"
        for m in self.find(cue_pattern(r"(?<!\w)(?:<<led_agent>>)\s"), e, ce):
            g = self.groups(m.end(), ce)
            if g and g[0][0].start - m.end() <= 3 and not any(a in x for x in out for a in g[0]) and \
                    cue_pattern(r"\s*(?:<<chaired_by>>)(?!\w)").match(self.ftext, g[0][-1].end, ce):
                out.append(g[0])
        return out

    def _joint_body(self, e: int, ce: int) -> list[list[Atom]]:
        """"Kỳ họp ... Ủy ban hỗn hợp Việt Nam - Philippines": the body's two states."""
        m = cue_pattern(r"\s*(?:\S+\s+){0,4}?(?:<<joint_body>>)").match(self.ftext[e:ce])
        if m is None:
            return []
        for g in self.groups(e + m.end(), ce):
            if g[0].start - (e + m.end()) > 50:
                break
            if len(g) >= 2 and all(a.label == COUNTRY for a in g):
                return [g]
        return []

    def _right_groups(self, e: int, ce: int, is_np: bool, kind: str, limit: int | None = None) -> list[list[Atom]]:
        stop = min(ce, limit) if limit else ce
        # Only the first of each counts, outside a post: "với Đặc phái viên Mỹ
        # về Trung Đông X" is no topic. A venue ends the party list, unless a
        # party list follows "giữa"; the "tại" of a post ("Đại sứ Việt Nam tại
        # Nhật Bản X") is no venue.
        for cat in ("scope_end", "predicate", "place_prep"):
            m = next((m for m in self.find(cue(cat), e, stop)
                      if not any(a.start < m.start() < a.end for a in self.atoms)), None)
            if m:
                stop = m.start()
        out: list[list[Atom]] = []
        for g in self.groups(e, stop):
            gap = strip_parens(self.gap(e if not out else out[-1][-1].end, g[0].start))
            if len(gap) > _MAX_OBJECT_GAP or re.search(r"[,;:.“”\"]", gap):
                break
            linked = cue("object_link").search(gap)
            if is_np and not linked and not (not out and re.fullmatch(r"\s*(?:\S+\s+){0,2}", gap)):
                break
            if out and not linked:
                break  # a second party list needs its own "và"/"với"
            out.append(g)
        return out

    def _left_group(self, cs: int, s: int, trigs) -> list[Atom]:
        """The subject group of the trigger at ``s``, or nothing."""
        aside = self._asides(cs, s)
        groups = [g for g in self.groups(cs, s) if not any(a <= g[0].start < b for a, b in aside)]
        if groups and len(self.gap(groups[-1][-1].end, s)) <= _MAX_SUBJECT_GAP and cue_pattern(
                r"(?<!\w)(?:<<invitation>>)\s+$").search(self.gap(cs, groups[-1][0].start)):
            return groups[-1]  # "... và mời Tổng Bí thư sớm thăm Indonesia": the one invited visits
        # "A đã có chuyến thăm X và gặp Y", "A đã tới Nga dự hội nghị": X and
        # Nga are objects of the first verb, A is the subject of both
        verb_ends = [b for _a, b, _k in trigs] + [m.end() for m in self.find(cue("destination"), cs, s)]
        while len(groups) > 1 and any(
            b <= groups[-1][0].start and groups[-1][0].start - b <= 25
            and not re.search(r"[,;]", self.gap(b, groups[-1][0].start))
            for b in verb_ends
        ):
            groups = groups[:-1]
        if not groups:
            return self._speaker_subject(cs, s) or self._shared_subject(s, trigs) or self._coordinated_subject(cs, s) \
                or self._traveller_of_purpose(cs, s, trigs)
        g = groups[-1]
        # a trip's verb ("sang Doha hội đàm") and an aside share the subject
        between = [b for a, b, _ in trigs if g[-1].end <= a and b <= s and a not in self.travel
                   and not any(x <= a < y for x, y in aside)]
        if between:
            # a shared subject only across coordination: "... chuyến thăm X và gặp Y"
            tail = self.gap(max(between), s)
            tail = tail[tail.rfind(" và ") if " và " in tail else 0:]
            if not cue_pattern(r"(?:\s*(?:\S+\s+){0,8})?\s*(?:,\s*)?(?:<<sequence>>)\s+"
                               r"(?:\S+\s+){0,2}").fullmatch(tail) and not (
                    # "A sẽ hội kiến B, hội kiến C và gặp D": a list of predicates
                    re.fullmatch(r"\s*(?:[^\s,;.]+\s+){0,7}[^\s,;.]+,\s*", tail)
                    and re.search(r",?\s*và\s+", self.gap(s, self.v.end))):
                return []
        elif len(self.gap(g[-1].end, s)) > _MAX_SUBJECT_GAP + sum(b - a for a, b in aside if a >= g[-1].end):
            return []
        lead = self.gap(cs, g[0].start)
        if cue_pattern(r"<<oblique>>\s*$").search(lead) and not cue_pattern(
                r"\W*(?:<<plural_det>>\s+)?(?:<<side_people>>)\s+của\s*").fullmatch(lead):
            # an oblique, not the subject ("các chuyên gia của X" is X's people);
            # "A nhận lời mời của B và dự kiến thăm C": the coordinated verb is A's
            first = groups[0]
            if len(groups) > 1 and re.fullmatch(r"\s*,?\s*và\s+(?:\S+\s+){0,3}", self.gap(g[-1].end, s), re.I) \
                    and not cue_pattern(r"<<oblique>>\s*$").search(self.gap(cs, first[0].start)):
                return first
            return []
        return g

    def _traveller_of_purpose(self, cs: int, s: int, trigs) -> list[Atom]:
        """"Ông X cho biết sẽ trở lại Tehran vào tháng 6 để gặp Y": the contact a
        trip is made for has the traveller as subject."""
        trips = [(a, b) for a, b, _k in trigs if cs <= a and b <= s and a in self.travel]
        if not trips or not cue_pattern(r"(?:<<purpose>>)\s*$").search(self.gap(trips[-1][1], s)):
            return []
        a = trips[-1][0]
        return self._left_group(cs, a, [t for t in trigs if t[1] <= a])

    def _shared_subject(self, s: int, trigs) -> list[Atom]:
        """"A hội kiến B, sau đó hội kiến C": a verb after a sequence word
        ("sau đó", "rồi") with no subject of its own shares the previous one's."""
        m = cue_pattern(r",?\s*(?:<<sequence>>)\s+(?:[^\W\d]+\s+){0,2}$").search(self.gap(self.v.start, s))
        if m is None:
            return []
        prev = [t for t in trigs if t[1] <= self.v.start + m.start()]
        if not prev:
            return []
        a, b, _k = prev[-1]
        earlier = [t for t in trigs if t[1] <= a]
        return self._left_group(self.clause(a, b, trigs)[0], a, earlier)

    def _coordinated_subject(self, cs: int, s: int) -> list[Atom]:
        """"Hai nhà lãnh đạo đã chỉ đạo ..., đồng thời nhất trí sẽ gặp nhau": a
        clause opened by a coordinating word, with a few words only before the
        trigger, shares the subject that opens the sentence (after its source)."""
        v = self.v
        if cs <= v.start or not re.fullmatch(r"\s*(?:[^\W\d]+\s+){0,3}", self.gap(cs, s)) or \
                not cue_pattern(r"(?<!\w)(?:<<sequence>>)\s*$").search(self.gap(v.start, cs)):
            return []
        opener = self._source_opener()
        start = opener[0][1] if opener else v.start
        groups = self.groups(start, cs)
        if not groups or cue_pattern(r"<<oblique>>\s*$").search(self.gap(start, groups[0][0].start)) or \
                not re.fullmatch(r"\W*", self.gap(start, groups[0][0].start)):
            return []
        return groups[0]

    def _speaker_subject(self, cs: int, s: int) -> list[Atom]:
        """"Trump nói sẽ điện đàm với Putin": a clause opened by a reporting verb
        with no subject of its own (only a few words such as "sẽ", "dự kiến"
        before the trigger) has the speaker's subject."""
        v = self.v
        if cs <= v.start or not re.fullmatch(r"\s*(?:[^\W\d]+\s+){0,3}", self.gap(cs, s)):
            return []
        verb = next((m for m in self.find(reporting_verbs(), v.start, cs) if m.end() == cs), None)
        if verb is None:
            return []
        groups = self.groups(v.start, verb.start())
        if not groups or not cue_pattern(r"\s*(?:(?:<<aspect>>)\s+)*").fullmatch(
                self.gap(groups[-1][-1].end, verb.start())):
            return []  # "Ông Trump cũng xác nhận sẽ gặp ...": aspect words may stand before the verb
        g = groups[-1]
        if cue_pattern(r"<<oblique>>\s*$").search(self.gap(v.start, g[0].start)):
            return []
        return g

    def _asides(self, cs: int, s: int) -> list[tuple[int, int]]:
        """Comma-delimited descriptions before ``s`` (", người tháp tùng ..., ",
        ", con rể Tổng thống X, ")."""
        rx = cue_pattern(r",\s*(?:<<apposition>>|<<kin>>)\s[^,]*,")
        return [(m.start(), m.end()) for m in rx.finditer(self.ftext, cs, s)]

    def _clause_subject(self, cs: int, ce: int, s: int, e: int, link_start: int) -> list[Atom]:
        """Subject of the clause holding "sau/trước/trong <meeting noun>"."""
        before = [g for g in self.groups(cs, link_start)]
        rel = [m for m in self.find(cue("relative"), cs, link_start) if not cue("not_relative").match(self.ftext, m.start())]
        inner = [g for g in before if rel and g[0].start >= rel[-1].end()]
        if inner:
            return inner[0]  # "... mà các nhà lãnh đạo hai nước đạt được trong cuộc điện đàm"
        if before:
            return before[0]
        # fronted adjunct: "Sau cuộc gặp với X, <subject> ..."
        comma = self.ftext.find(",", e, ce)
        if comma < 0:
            return []
        after = self.groups(comma, ce)
        return after[0] if after else []

    def _visit_parties(self, s, e, cs, ce, left, right, trigs) -> tuple[Atom | None, list[Atom]]:
        """Host and visitor of a visit: "chuyến thăm X của Y", "Y thăm X", "Y tới X"."""
        host = self.travel.get(s)
        visitor: list[Atom] = []
        # object right after the trigger: "chuyến thăm Moskva", "thăm Việt Nam"
        nxt = [a for a in self.atoms if a.start >= e and a.start - e <= 25 and a.end <= ce]
        if host is None and nxt and a_is_dest(nxt[0]) and re.fullmatch(
            rf"\s*(?:{cue('visit_modifier').pattern}\s*)*",
            self.gap(e, nxt[0].start), re.I
        ):
            host = nxt[0]
        if host is None:
            dest = cue("destination")
            for m in self.find(dest, cs, s):
                cand = [a for a in self.atoms if a.start >= m.end() and a.start - m.end() <= 3 and a_is_dest(a)]
                if cand:
                    host = cand[0]
        if host is not None and host.label == PLACE and place_kinds().get(host.key or "") in \
                {p for p, _ in meeting_cues().get("region_kind", [])}:
            host = None  # "chuyến công du Đông Nam Á": several countries, no one host
        tail_from = host.end if host is not None and host.end > e else e
        m = re.match(r"\s*(?:\S+\s+){0,5}?của\s+", self.gap(tail_from, ce), re.I)
        if m and s not in self.travel and not cue("invitation").search(m.group()):
            start = tail_from + m.end()
            g = self.groups(start, ce)
            if g and g[0][0].start - start <= 3:
                visitor = g[0]
                if host is None:  # "chuyến thăm chính thức của X tới Nga"
                    to = cue_pattern(r"\s*(?:<<destination>>)\s+").match(self.ftext, visitor[-1].end, ce)
                    dest = [a for a in self.atoms if to and a.start == to.end() and a_is_dest(a)]
                    host = dest[0] if dest else None
        if not visitor and s not in self.travel:
            visitor = self._guest_visiting(cs, s)
        if not visitor and s not in self.travel:
            visitor = [a for a in self._framed_visitor(s, e, cs, ce, trigs, host) if a is not host]
        if not visitor:
            end = host.start if host is not None and host.start < s else s
            left = self._left_group(cs, end, [t for t in trigs if t[1] <= end])
            visitor = [a for a in left if a is not host]
        if host is None and visitor:
            host = self._welcoming_host(cs, visitor[0].start)
            if host is None:
                host = self._framing_venue(s)
                if host is not None:
                    visitor = self._framed_guest(visitor, host.start)
        return host, visitor

    def _framed_guest(self, visitor: list[Atom], before: int) -> list[Atom]:
        """"... tiếp Thư ký Hội đồng Bảo an Nga X, trong khuôn khổ chuyến thăm
        của quan chức Nga": the visiting official is X, the person of his
        country named in the contact the visit frames."""
        if len(visitor) != 1 or visitor[0].label != COUNTRY or not visitor[0].key:
            return visitor
        named = [a for a in self.atoms if a.kind == "actor" and a.label == PERSON and a.end <= before
                 and visitor[0].key in self.art.countries_of(a.key or "")]
        return named[-1:] or visitor

    def _bodys_gathering(self, e: int, right: list[list[Atom]], tlink: re.Match[str]) -> bool:
        """"A và B gặp nhau tại Hội nghị Cấp cao SCO": a body's own gathering
        after a venue preposition is where the clause's contact was held, a
        summit of that body, not a contact of the clause's subject."""
        if not cue_pattern(r"(?:<<place_prep>>)\s").match(tlink.group()):
            return False
        return len(right) == 1 and len(right[0]) == 1 and right[0][0].label == ORG and right[0][0].start - e <= 2

    def _visitor_of_trip_before(self, cs: int, s: int, trigs) -> list[Atom]:
        """"ông mong chờ chuyến thăm Trung Quốc và cuộc hội đàm với X": a meeting
        noun coordinated right after a visit noun has the visitor as subject."""
        visits = [(a, b) for a, b, k in trigs if k == VISIT and b <= s and a >= cs]
        if not visits or not re.fullmatch(r"[^,;.]{0,60}\svà\s+", self.gap(visits[-1][1], s)):
            return []
        a = visits[-1][0]
        return self._left_group(cs, a, [t for t in trigs if t[1] <= a])

    def _framing_venue(self, s: int) -> Atom | None:
        """"X tiếp Y tại Bình Nhưỡng hôm 17/6, trong khuôn khổ chuyến thăm ...
        của Y": a visit that frames a contact, naming no host, is to where
        that contact was held."""
        frame = search_end(cue_pattern(r"(?:<<framework>>)\s+(?:<<determiner>>\s+)?$"),
                           self.gap(self.v.start, s), words("framework", "determiner") + 1)
        if frame is None or frame.start() == 0:
            return None
        at = self.v.start + frame.start()
        venues = [a for a in self.atoms if a.kind == "place" and a.end <= at and a.key]
        return venues[-1] if venues else None

    def _welcoming_host(self, cs: int, start: int) -> Atom | None:
        """"Manila chuẩn bị đón X thăm chính thức": the country or body that
        welcomes or invites the visitor (the group right before its verb)."""
        groups = self.groups(cs, start)
        if not groups:
            return None
        a = groups[-1][0]
        if len(groups[-1]) != 1 or a.kind != "actor" or a.label not in (COUNTRY, ORG) or not cue_pattern(
                r"\s+(?:\S+\s+){0,3}?(?:<<host_verb>>)\s+(?:\S+\s+){0,4}$").fullmatch(self.gap(a.end, start)):
            return None
        return a

    def _guest_visiting(self, cs: int, s: int) -> list[Atom]:
        """"tiếp X đang thăm chính thức Việt Nam": the object of the verb
        before is the subject of the visit when only an aspect word stands
        between them."""
        groups = self.groups(cs, s)
        if not groups:
            return []
        last = groups[-1]
        if last[-1].kind not in ("actor", "title", "post") or \
                not cue_pattern(r"\s+(?:<<aspect>>)(?:\s+(?:<<aspect>>))*\s+").fullmatch(self.gap(last[-1].end, s)):
            return []
        return last

    def _framed_visitor(self, s, e, cs, ce, trigs, host: Atom | None = None) -> list[Atom]:
        """The visitor of a trip named as the frame of another act: "X hội đàm
        với Y trong khuôn khổ chuyến thăm Z", "X gặp Y ..., trước khi kết thúc
        chuyến thăm Z" (X, the subject of the act before it), "Nhân dịp chuyến
        thăm Z, X ..." (the main clause's subject). When X is of the host
        state ("Chủ tịch nước X hội đàm với Tổng thống Chile Y, nhân chuyến
        thăm tới Việt Nam"), X receives and Y, the act's object, visits."""
        frame = search_end(cue_pattern(r"(?:(?:<<framework>>)|(?:<<temporal_link>>))\s+(?:<<determiner>>\s+)?$"),
                           self.gap(self.v.start, s), words("framework", "determiner") + 1) or search_end(
            cue_pattern(r",\s*(?:<<relative_link>>)\s+(?:<<trip_phase>>)\s+$"), self.gap(self.v.start, s),
            words("relative_link", "trip_phase") + 1)
        if frame is None or not self.art.token_start(self.v.start + frame.start()):
            return []  # "Phu nhân thăm ...": "nhân" inside a word frames nothing
        link_start = self.v.start + frame.start()
        before = [t for t in trigs if t[1] <= link_start]
        if before:
            s0, e0, _ = before[-1]
            cs0, _ce0 = self.clause(s0, e0, trigs)
            subject = self._left_group(cs0, s0, [t for t in trigs if t[1] <= s0])
            if host is not None and host.key and subject and all(self._of_state(a, host.key) for a in subject):
                objects = self.groups(e0, link_start)
                return [a for a in objects[0] if not self._of_state(a, host.key)] if objects else []
            return subject
        return self._clause_subject(cs, ce, s, e, link_start)

    def _of_state(self, a: Atom, country: str) -> bool:
        """Whether the atom is the state or speaks for it (its leader, its body)."""
        return bool(a.key) and country in self.art.countries_of(a.key)


def a_is_dest(a: Atom) -> bool:
    return a.kind in ("place", "actor", "title") and a.label in (PLACE, COUNTRY)
