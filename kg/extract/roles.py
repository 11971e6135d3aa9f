"""Posts held by persons: (person, title, organisation) (component "kg_roles").

Vietnamese news names officials post first: title, then the country or
organisation, then the name ("Trợ lý Tổng thống Nga, ông Yury Ushakov";
"Người phát ngôn Điện Kremlin Dmitry Peskov"). The rules read that order on the
sentence's items (titles and actor mentions) and accept only connecting text
known to belong to a designation: honorifics, "của"/"thuộc"/"tại", bracketed
abbreviations, a complement opened by "về"/"phụ trách", an institution the
recogniser left unnamed ("Chủ tịch Quốc hội Trần Thanh Mẫn"), and "kiêm" or a
comma between two posts of one person ("Phó Thủ tướng, Bộ trưởng Ngoại giao X").
A comma inside a designation is accepted only where a designation can start
(sentence start, after a comma or a list word): in "Sau khi tiếp Ngoại
trưởng Mỹ, ông Putin ..." the post is someone else's. Also read:

* apposition: "Đô đốc Igor Kostyukov, Cục trưởng Cục Tình báo Quân sự GRU, ...";
* the owner after the name: "Tổng thống Putin của Nga";
* a counterpart: "Putin có thể gặp người đồng cấp Mỹ Donald Trump" gives Trump
  the post of Putin, for Mỹ;
* a side: in "Phía Mỹ gồm Đặc phái viên Steve Witkoff, ..." the posts written
  without an owner belong to Mỹ.

The title is kept as written, without the name and without the owner, which
goes to ``org``. A state post (head of state or government, minister, envoy,
diplomat, officer) written without its owner gets the holder's nationality
from ``persons.tsv`` when the article names that country ("Tổng thống Trump"
-> Mỹ); other posts keep ``org`` null. One role per person and post per
article: repeated or shorter forms of a post merge into the fullest one.

Cue words: ``kg/lang/vi/role_cues.tsv``; titles come from the entity
component (``doc.spans["titles"]``, from ``titles.tsv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

import kg.extract.facts  # noqa: F401  (declares doc._.roles)
from kg.extract.guarded import GuardedComponent
from kg.extract.phrase_patterns import search_end
from kg.nlp.strings import doc_strings
from kg.extract.model import Evidence, Role
from kg.extract.participants import (COUNTRY, ORG, PERSON, PLACE, TITLE, Item, SentView, cue_regex, cue_words,
                                     entity_keys, entity_table, fold_for_match, known_affiliations, lexicon,
                                     norm, role_cues, sentence_views, strip_parens, title_categories)

_OWNER = (COUNTRY, ORG)
# titles.tsv categories of posts that belong to a state
_STATE_POSTS = frozenset({"head_of_state", "head_of_government", "minister", "deputy", "envoy",
                          "diplomat", "military"})


@dataclass
class RoleHit:
    """A role read in one sentence; ``start``/``end`` cover the designation."""

    person: Item
    title: str
    org: Item | None
    start: int  # title start
    end: int  # end of the designation (person or apposition)
    confidence: float
    title_start: int = -1
    title_end: int = -1


# Posts whose holder is sent or advises on a matter, which may follow in lower
# case with no "về": "Đặc phái viên khí hậu", "Cố vấn an ninh quốc gia".
_REMIT_CATEGORIES = frozenset({"envoy", "advisor"})


def _alt(category: str) -> str:
    """Pattern source of a role cue category, for embedding in bigger patterns."""
    return cue_regex("role", category).pattern


@dataclass(frozen=True)
class _Patterns:
    before_person: re.Pattern[str]
    title_org: re.Pattern[str]
    title_place: re.Pattern[str]
    org_org: re.Pattern[str]
    title_title: re.Pattern[str]
    chain: re.Pattern[str]
    qualifier: re.Pattern[str]
    owner_after: re.Pattern[str]
    link_end: re.Pattern[str]
    station: re.Pattern[str]
    owner_qualifier: re.Pattern[str]
    remit: re.Pattern[str]
    bare_remit: re.Pattern[str]  # lower-case words before the link to the owner
    owner_back: re.Pattern[str]
    counterpart_end: re.Pattern[str]
    side_start: re.Pattern[str]
    side_end: re.Pattern[str]
    title_prefix_end: re.Pattern[str]
    no_chain_end: re.Pattern[str]
    chain_opener_end: re.Pattern[str]
    side_marker_end: re.Pattern[str]
    side_opener: re.Pattern[str]
    side_list_gap: re.Pattern[str]
    copula: re.Pattern[str]
    after_tail: re.Pattern[str]
    predicate_lead: re.Pattern[str]


@lru_cache(maxsize=1)
def _local_posts() -> frozenset[str]:
    return frozenset(norm(c) for c in role_cues().get("local_post", []))


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """Connector patterns, built once from ``role_cues.tsv``."""
    hon = _alt("honorific")
    return _Patterns(
        # between a post (or its owner) and the name; a post with no owner
        # may be described instead ("Tổng thống nước chủ nhà X")
        before_person=re.compile(rf"\s*(?:{_alt('owner_descriptor')}\s*)?(?:[,\-–—:]\s*)?(?:{hon}\s*)?", re.I),
        # "Ngoại trưởng nước chủ nhà Kyrgyzstan": a descriptor may precede the owner
        title_org=re.compile(rf"\s*(?:{_alt('title_link')}\s*)?(?:{_alt('owner_descriptor')}\s*)?", re.I),
        # "Tỉnh trưởng tỉnh Svay Rieng": a unit word may precede a post's place
        title_place=re.compile(rf"\s*(?:{_alt('title_link')}\s*)?(?:(?P<unit>{_alt('local_unit')})\s*)?", re.I),
        org_org=re.compile(rf"\s*(?:,\s*)?(?:{_alt('org_link')}\s*)?", re.I),
        title_title=re.compile(rf"\s*(?:{_alt('title_link')}\s*)?", re.I),
        chain=re.compile(rf"(?:\s*,\s*(?:{_alt('concurrent')}\s+)?|\s+(?:{_alt('concurrent')})\s+)$",
                         re.I),
        qualifier=re.compile(rf"\s+(?:{_alt('qualifier')})\s[^,;:()\"“”]{{1,70}}", re.I),
        owner_after=re.compile(rf"\s*{_alt('title_link')}\s*", re.I),
        link_end=re.compile(rf"\s+(?:{_alt('title_link')})$", re.I),
        station=re.compile(rf"\s*(?:{_alt('station_link')})\s*", re.I),
        owner_qualifier=re.compile(rf"\s+(?:{_alt('qualifier')})(?:\s+[^\W\d_]+){{1,6}}\s*", re.I),
        remit=re.compile(rf"\s+(?:{_alt('qualifier')})(?:\s+[^\W\d_]+){{0,3}}\s+", re.I),
        bare_remit=re.compile(rf"\s+[^\W\d_]+(?:\s+[^\W\d_]+){{0,2}}(?=\s+(?:{_alt('title_link')})\s*$)"),
        owner_back=re.compile(rf"\s*(?:{_alt('owner_back')})\s*,?\s*(?:{hon}\s*)?", re.I),
        counterpart_end=re.compile(rf"(?:{_alt('counterpart')})\s*$", re.I),
        side_start=re.compile(rf"^\W*(?:{_alt('side')})\s*$", re.I),
        side_end=re.compile(rf"(?:{_alt('side')})\s*$", re.I),
        title_prefix_end=re.compile(rf"(?:{_alt('title_prefix')})\s+$", re.I),
        no_chain_end=re.compile(rf"(?:{_alt('no_chain')})\s*$", re.I),
        chain_opener_end=re.compile(rf"(?:^\W*|[,(]\s*|(?:{_alt('chain_opener')})\s+)$", re.I),
        # "Phía Mỹ", "trong khi phía Mỹ", "; đoàn Lào": the cue right before the owner
        side_marker_end=re.compile(
            rf"(?P<lead>^|[,;:(]|(?:{_alt('side_boundary')}))?\W*(?:{_alt('side')})\s*$", re.I),
        # what opens the side's list after the owner ("gồm", "có", "do", ",")
        side_opener=re.compile(rf"\s*(?:(?P<word>{_alt('side_opener')})\s*:?|[,:])\s*", re.I),
        # what may stand between two designations of one side's list
        side_list_gap=re.compile(
            rf"(?:\s|[,()]|(?:{_alt('side_list')})(?!\w)|(?:{hon})(?!\w))*", re.I),
        copula=re.compile(rf"\s*(?:,\s*)?(?:{_alt('copula')})\s*", re.I),
        after_tail=re.compile(rf"\s*(?:[,;.:)!?\-–—]|$|(?:{_alt('qualifier')}|tại|ở)\s)", re.I),
        predicate_lead=re.compile(rf"\s*(?:{_alt('predicate_lead')})(?!\w)", re.I),
    )


def _full(pat: re.Pattern[str], text: str) -> bool:
    return pat.fullmatch(fold_for_match(strip_parens(text))) is not None


_RUN_STOP = frozenset("và với của cho đã sẽ đang cũng là tại ở khi thì rằng".split())


def _institution_run(gap: str) -> int:
    """Length of a leading run of 1-4 words opened by a capital ("Quốc hội").

    Vietnamese institutions are written sentence-case and the recogniser does
    not know them all; between a post and a name such a run can only be the
    institution the post belongs to, so it stays in the title.
    """
    words = list(re.finditer(r"\S+", gap))
    if not words or not gap[:1].isspace() or not words[0].group()[:1].isupper():
        return 0
    end = 0
    for w in words[:4]:
        if w.group().lower() in _RUN_STOP or not re.fullmatch(r"[^\W\d_][\w-]*", w.group()):
            break
        end = w.end()
    return end


def _is_post(title_text: str) -> bool:
    return not cue_regex("role", "not_title").fullmatch(norm(title_text))


class _SentenceRoles:
    """Role rules over one sentence view."""

    def __init__(self, view: SentView) -> None:
        self.v = view
        self.items = view.items
        self.p = _patterns()

    def gap(self, a: int, b: int) -> str:
        return self.v.between(a, b)

    # -- post group: TITLE [title_link TITLE]* [qualifier] [OWNER [org_link OWNER]*]
    def _title_chain_left(self, j: int) -> int:
        """Index of the first title of the chain ending at item ``j``."""
        while j > 0 and self.items[j - 1].label == TITLE and _full(
            self.p.title_title, self.gap(self.items[j - 1].end, self.items[j].start)
        ):
            j -= 1
        return j

    def _title_start(self, j: int) -> int:
        """Start of title ``j``, widened over a prefix making another post ("Phó")."""
        it = self.items[j]
        before = self.v.between(self.v.start, it.start)
        m = search_end(self.p.title_prefix_end, fold_for_match(before), cue_words("role", "title_prefix"))
        if m and before[m.start()].islower() and not re.search(r"(?:^|[,;:(\-–—])\s*$", before[:m.start()]):
            return it.start  # a word's last syllable: "chính quyền Tổng thống X" is his administration
        return self.v.start + m.start() if m else it.start

    def _local_owner(self, j: int) -> bool:
        """A place owning the post before it: after a local post ("Thị
        trưởng Paris") or a unit word ("Chủ tịch tỉnh Quảng Nam")."""
        it = self.items[j]
        if it.label != PLACE or j == 0 or self.items[j - 1].label != TITLE:
            return False
        m = self.p.title_place.fullmatch(fold_for_match(self.gap(self.items[j - 1].end, it.start)))
        if m is None:
            return False
        return m.group("unit") is not None or norm(self.v.between(self.items[j - 1].start, self.items[j - 1].end)) \
            in _local_posts()

    def _remit_owner(self, j: int) -> int | None:
        """Index of a post's owner that a named remit ending at item ``j``
        follows: "(Đặc phái viên) Mỹ về Trung Đông", "Liên hợp quốc về vấn đề
        Syria", "Mỹ phụ trách Nam và Trung Á", "Mỹ phụ trách Đông Á - Thái
        Bình Dương" (two regions joined by a dash are one remit)."""
        while j >= 2 and self.items[j].label == PLACE and self.items[j - 1].label == PLACE and re.fullmatch(
                r"\s*[-–]\s*", self.gap(self.items[j - 1].end, self.items[j].start)):
            j -= 1
        if j < 1 or self.items[j].label not in (PLACE, COUNTRY, ORG) or self.items[j - 1].label not in _OWNER:
            return None
        return j - 1 if _full(self.p.remit, self.gap(self.items[j - 1].end, self.items[j].start)) else None

    def _station(self, j: int) -> bool:
        """A place after "tại"/"ở" that follows a post's owner ("Hoa Kỳ tại TP
        Hồ Chí Minh")."""
        if j < 1 or self.items[j].label != PLACE or self.items[j - 1].label not in _OWNER:
            return False
        return _full(self.p.station, self.gap(self.items[j - 1].end, self.items[j].start))

    def group_ending_at(self, end: int, owner_ok: bool = True, closed: bool = False):
        """Parse a post group whose text ends right before offset ``end``.

        ``closed``: the name after the group is closed by a comma, so a comma
        before it opens an apposition wherever it stands ("tiếp Ngoại trưởng
        Mỹ, ông X, tại Tokyo").

        Returns ``(first_title_index, title_text, owner_item, group_start,
        title_end)`` or None. The owner is the first organisation after the
        title: "Ủy viên Cơ quan X thuộc Tổng cục Y" belongs to Cơ quan X.
        """
        idx = [k for k, it in enumerate(self.items) if it.end <= end]
        if not idx:
            return None
        j = idx[-1]
        owners: list[Item] = []
        tail = self.gap(self.items[j].end, end)
        if owner_ok and self.items[j].label in _OWNER and self.p.owner_qualifier.fullmatch(tail) \
                and tail == tail.lower():
            end = self.items[j].end  # "Thứ trưởng Quốc phòng Mỹ phụ trách chính sách X": the post's remit
        remit_owner = self._remit_owner(j) if owner_ok else None
        if remit_owner is not None and _full(self.p.before_person, tail):
            end, j = self.items[remit_owner].end, remit_owner  # "Đặc phái viên Mỹ về Trung Đông X": the remit is a name
        if owner_ok and self._station(j) and _full(self.p.before_person, self.gap(self.items[j].end, end)):
            # "Tổng Lãnh sự Hoa Kỳ tại TP Hồ Chí Minh X": the city is where the
            # post is held; the owner is written before it
            end, j = self.items[j - 1].end, j - 1
        local = owner_ok and self._local_owner(j)
        if local:
            if not _full(self.p.before_person, self.gap(self.items[j].end, end)):
                return None
            owners, j = [self.items[j]], j - 1
            after_title, link = owners[0].start, self.p.title_place
        elif owner_ok and self.items[j].label in _OWNER:
            if not _full(self.p.before_person, self.gap(self.items[j].end, end)):
                return None
            while True:
                owners.insert(0, self.items[j])
                if j == 0:
                    return None
                prev = self.items[j - 1]
                if prev.label in _OWNER and _full(self.p.org_org, self.gap(prev.end, self.items[j].start)):
                    j -= 1
                    continue
                j -= 1
                break
            after_title = owners[0].start
            link = self.p.title_org
        else:
            after_title = end
            link = self.p.before_person
        if self.items[j].label != TITLE:
            return None
        t_end = self.items[j].end
        between = self.gap(t_end, after_title)
        # an institution the recogniser left unnamed belongs to the post:
        # "Chủ tịch Quốc hội Trần Thanh Mẫn"
        cap = _institution_run(between)
        if cap and not _full(link, between) and _full(link, between[cap:]):
            t_end += cap
            between = between[cap:]
        back = None
        if not owners and _full(self.p.owner_back, between):
            # "Ngoại trưởng nước này X": the post is the country's named before it
            back = next((it for it in reversed(self.items[:j]) if it.label == COUNTRY), None)
            between = "" if back is not None else between
        if not _full(link, between):
            m = self.p.qualifier.match(fold_for_match(between))
            post = self.items[j]
            if m is None and owners and (post.category or title_categories().get(norm(post.text))) in _REMIT_CATEGORIES:
                m = self.p.bare_remit.match(between)  # "Đặc phái viên khí hậu của Trung Quốc X"
                m = m if m is not None and m.group().islower() else None
            rest = between[m.end():] if m else None
            if m is None or not _full(link, rest):
                return None
            # the link to the owner is not the post's ("... đối ngoại của EU")
            t_end = t_end + len(self.p.link_end.sub("", between[: m.end()].rstrip()))
        first = self._title_chain_left(j)
        t_start = self._title_start(first)
        if re.search(r"[,\-–—:]", strip_parens(self.gap(owners[-1].end if owners else t_end, end))):
            # "Trợ lý Tổng thống Nga, ông X" is an apposition only where a
            # designation can start; "Sau khi tiếp Ngoại trưởng Mỹ, ông X" is not
            lead = fold_for_match(self.v.between(self.v.start, t_start))
            if not self.p.chain_opener_end.search(lead) and not closed:
                return None
        title = self.v.between(t_start, t_end).strip()
        return first, title, (owners[0] if owners else back), t_start, t_end

    # -- rules
    def prenominal(self, k: int) -> list[RoleHit]:
        person = self.items[k]
        hits: list[RoleHit] = []
        grp = self.group_ending_at(person.start, closed=re.match(r"\s*,", self.gap(person.end, self.v.end)) is not None)
        if grp is None:
            return hits
        first, title, owner, t_start, t_end = grp
        hits.append(RoleHit(person, title, owner, t_start, person.end,
                            0.9 if owner else 0.85, t_start, t_end))
        # "T1 ..., kiêm T2 ORG Name" / "Phó Thủ tướng, Bộ trưởng Ngoại giao Name"
        while True:
            before = fold_for_match(self.v.between(self.v.start, hits[-1].start))
            m = self.p.chain.search(before)
            if m is None:
                break
            cut = self.v.start + m.start()
            is_kiem = "," not in m.group() or re.search(_alt("concurrent"), fold_for_match(m.group()), re.I)
            grp = self.group_ending_at(cut)
            if grp is None:
                break
            first, title, owner, t_start, t_end = grp
            if not is_kiem:
                # A bare comma lists posts only at the start of a designation;
                # "Sau khi tiếp Ngoại trưởng Mỹ, Tổng thống Putin" is two persons.
                lead = fold_for_match(self.v.between(self.v.start, t_start))
                opener = self.p.chain_opener_end.search(lead) is not None
                no_chain = self.p.no_chain_end.search(lead) is not None
                # but a royal or military rank ending the clause is no second person:
                # "hội đàm với Ngoại trưởng Brunei, Hoàng tử X." is the prince's post,
                # "tiếp Tư lệnh Hạm đội Mỹ, Đô đốc X, tại Manila" the admiral's
                royal = len(hits) == 1 and _post_category(hits[0].title) in ("royal", "military") and re.match(
                    r"\s*(?:[.,;:)]|$)", self.v.between(person.end, self.v.end)) is not None
                if not opener and (no_chain or (owner is not None and not royal)):
                    break
            hits.append(RoleHit(person, title, owner, t_start, person.end, 0.8, t_start, t_end))
        # "Tổng Bí thư, Chủ tịch nước Lào X": the country written after the last
        # post is the owner of every post of the list (an organisation is not:
        # "Đặc phái viên ..., kiêm Tổng giám đốc Quỹ RDIF" is no post of the fund)
        if hits[0].org is not None and hits[0].org.label == COUNTRY:
            for h in hits[1:]:
                if h.org is None:
                    h.org = hits[0].org
        return hits

    def appositive(self, k: int) -> list[RoleHit]:
        """``Name, TITLE [OWNER],`` - the post follows the name between commas;
        ``Name là TITLE [của] OWNER`` - the post follows a copula. Posts may be
        listed: "Đại tướng X, Ủy viên Bộ Chính trị, Bộ trưởng Quốc phòng Việt Nam
        đã ..." - after the first, closed by its comma, the last needs none."""
        person = self.items[k]
        if k + 1 >= len(self.items) or self.items[k + 1].label != TITLE:
            return []
        gap = self.gap(person.end, self.items[k + 1].start)
        if re.fullmatch(r"\s*,\s*", gap):
            tail_ok = re.compile(r"\s*(?:[,;.)!?]|$)")
        elif _full(self.p.copula, gap):
            tail_ok = self.p.after_tail
        else:
            return []
        hits: list[RoleHit] = []
        first = k + 1
        while True:
            owner, t_end, end, after = self._post_at(first)
            t_start = self.items[first].start
            title = self.v.between(t_start, t_end).strip()
            hit = RoleHit(person, title, owner, t_start, end, 0.8, t_start, t_end)
            nxt = self.items[after] if after < len(self.items) else None
            if nxt is not None and nxt.label == TITLE and re.fullmatch(r"\s*,\s*", self.gap(end, nxt.start)):
                hits.append(hit)  # another post of the list follows
                first = after
                continue
            names_next = nxt is not None and nxt.label == PERSON and _full(
                self.p.before_person, self.gap(end, nxt.start))
            tail = strip_parens(self.v.between(end, self.v.end))
            if tail_ok.match(fold_for_match(tail)) or (hits and not names_next) or (
                    owner is not None and not names_next and self.p.predicate_lead.match(tail)):
                hits.append(hit)  # the last of a list, unless it is the next name's post
            return hits

    def _post_at(self, first: int) -> tuple[Item | None, int, int, int]:
        """A post opening at item ``first``: (owner, end of the title, end of
        the designation, index of the item after it)."""
        j = first
        while j + 1 < len(self.items) and self.items[j + 1].label == TITLE and _full(
            self.p.title_title, self.gap(self.items[j].end, self.items[j + 1].start)
        ):
            j += 1
        t_end = self.items[j].end
        owner = None
        end = t_end
        n = j + 1
        if n < len(self.items) and self.items[n].label in _OWNER and _full(
            self.p.title_org, self.gap(t_end, self.items[n].start)
        ):
            owner = self.items[n]
            end = owner.end
            # further owners linked by "thuộc"/"của" stay part of the designation
            n += 1
            while n < len(self.items) and self.items[n].label in _OWNER and _full(
                self.p.org_org, self.gap(end, self.items[n].start)
            ):
                end = self.items[n].end
                n += 1
        return owner, t_end, end, n

    def owner_after(self, k: int, hits: list[RoleHit]) -> None:
        """"Tổng thống Putin của Nga": the owner written after the name."""
        person = self.items[k]
        if k + 1 >= len(self.items) or self.items[k + 1].label not in _OWNER:
            return
        if not _full(self.p.owner_after, self.gap(person.end, self.items[k + 1].start)):
            return
        for h in hits:
            if h.person is person and h.org is None:
                h.org = self.items[k + 1]
                h.end = self.items[k + 1].end

    def counterpart(self, k: int, earlier: list[RoleHit]) -> list[RoleHit]:
        """"người đồng cấp Mỹ Donald Trump": same post as the sentence's other leader."""
        person = self.items[k]
        owner = None
        left = person.start
        if k > 0 and self.items[k - 1].label in _OWNER and _full(
            self.p.before_person, self.gap(self.items[k - 1].end, person.start)
        ):
            owner = self.items[k - 1]
            left = owner.start
        before = fold_for_match(self.v.between(self.v.start, left))
        m = search_end(self.p.counterpart_end, before, cue_words("role", "counterpart"))
        if m is None:
            return []
        model = [h for h in earlier if h.person.key != person.key and h.end <= self.v.start + m.start()]
        if not model:
            return []
        src = model[-1]
        start = self.v.start + m.start()
        return [RoleHit(person, src.title, owner, start, person.end, 0.7, start, start + len(m.group()))]

    def counterpart_owner(self, hits: list[RoleHit]) -> None:
        """"người đồng cấp Qatar, Thủ tướng X": an unowned post named after a
        counterpart's country, across the comma, is that country's."""
        for h in hits:
            if h.org is not None:
                continue
            owners = [it for it in self.items if it.end <= h.start and it.label in _OWNER]
            if not owners or not re.fullmatch(r"\s*,\s*", self.gap(owners[-1].end, h.start)):
                continue
            before = fold_for_match(self.v.between(self.v.start, owners[-1].start))
            if search_end(self.p.counterpart_end, before, cue_words("role", "counterpart")):
                h.org = owners[-1]

    def side_markers(self) -> list[tuple[int, Item]]:
        """Sides opened in the sentence: (offset where the side's list starts, owner).

        "Phía Mỹ gồm ...", "Về phía Nhật Bản, ...", "..., trong khi phía Mỹ có
        ...": a side cue right before a country or organisation, then a word
        opening the list ("gồm", "có", "do"); a bare comma or colon opens it
        only where the marker opens the sentence or a clause.
        """
        out = []
        for it in self.items:
            if it.label not in _OWNER:
                continue
            lead = fold_for_match(self.v.between(self.v.start, it.start))
            if not search_end(self.p.side_end, lead, cue_words("role", "side")):
                continue  # no side cue right before: the full pattern cannot match
            m = self.p.side_marker_end.search(lead)
            if m is None:
                continue
            at_start = m.group("lead") is not None
            after = fold_for_match(self.v.between(it.end, self.v.end))
            o = self.p.side_opener.match(after)
            if o is None or (not o.group("word") and not at_start):
                continue
            out.append((it.end + o.end(), it))
        return out

    def _list_gap(self, a: int, b: int) -> bool:
        """Only list words, honorifics and bare names between two designations."""
        text = self.v.doc_text
        parts, pos = [], a
        for it in self.items:
            if it.label == PERSON and it.start >= a and it.end <= b:
                parts.append(text[pos:it.start])
                pos = it.end
        parts.append(text[pos:b])
        gap = " ".join(parts)
        return self.p.side_list_gap.fullmatch(fold_for_match(gap)) is not None

    def apply_sides(self, hits: list[RoleHit]) -> None:
        """Unowned posts in a side's list belong to that side.

        The side covers the designations that follow its marker joined only by
        list words ("Phía Mỹ gồm Đặc phái viên X và Ngoại trưởng Y"); anything
        else (a verb, "trong khi", ";", another side) ends it, so a post later
        in the sentence is not the side's. A person the lexicons know as
        another country's national is never given the side's country.
        """
        known = known_affiliations()
        for pos, side in self.side_markers():
            cursor = pos
            for h in sorted((h for h in hits if h.start >= pos), key=lambda h: (h.start, -h.end)):
                if h.end > cursor:
                    if h.start < cursor or not self._list_gap(cursor, h.start):
                        break
                    cursor = h.end
                if h.org is not None:
                    continue
                nat = known.get(h.person.key or "")
                if side.label == COUNTRY and nat and nat != side.key:
                    continue
                h.org = side
                h.confidence = min(h.confidence, 0.75)

    def run(self) -> list[RoleHit]:
        hits: list[RoleHit] = []
        for k, it in enumerate(self.items):
            if it.label != PERSON or not it.key:
                continue
            mine = self.prenominal(k)
            if mine:
                self.counterpart_owner(mine)
            else:
                mine = self.counterpart(k, hits)
            mine += self.appositive(k)
            self.owner_after(k, mine)
            hits.extend(mine)
        self.apply_sides(hits)
        return [h for h in hits if h.title and _is_post(h.title)]


_READ: dict = {}  # the last article's sentence roles: {"text": its text, (start, end): (items, hits)}


def sentence_roles(view: SentView) -> list[RoleHit]:
    """Every role designation in one sentence (used by the meeting rules too).

    The result depends only on the sentence's text and items, and the role and
    meeting components read the same sentences one after the other, so the
    last article's are kept rather than read twice (the items compared, not
    hashed: they are the same objects). Hits are not changed after reading;
    the list is a copy.
    """
    if _READ.get("text") is not view.doc_text:
        _READ.clear()
        _READ["text"] = view.doc_text
    items = tuple(view.items)
    kept = _READ.get((view.start, view.end))
    if kept is None or kept[0] != items:
        kept = _READ[(view.start, view.end)] = (items, _SentenceRoles(view).run())
    return list(kept[1])


def compatible_titles(a: str, b: str) -> bool:
    """One title's words contain the other's and both start alike (the SPEC's rule)."""
    wa, wb = norm(a).split(), norm(b).split()
    if not wa or not wb or wa[0] != wb[0]:
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    n = len(short)
    return any(long_[i:i + n] == short for i in range(len(long_) - n + 1))


def merge_roles(hits: list[tuple[RoleHit, SentView]]) -> list[Role]:
    """One :class:`Role` per person and post, keeping the fullest title and an owner.

    A shorter form of the same post ("Đặc phái viên" after "Đặc phái viên về
    đầu tư ...") merges into the longer one unless their owners differ.
    """
    out: list[Role] = []
    for h, view in hits:
        org_key = h.org.key if h.org else None
        same = None
        for r in out:
            if r.person == h.person.key and compatible_titles(r.title, h.title) and (
                r.org is None or org_key is None or r.org == org_key
            ):
                same = r
                break
        if same is None:
            out.append(Role(h.person.key, h.title, org_key, _evidence(h, view)))
            continue
        if len(norm(h.title).split()) > len(norm(same.title).split()):
            same.title = h.title
        if same.org is None and org_key is not None:
            same.org = org_key
    return out


_VN = "country/vn"
# titles.tsv categories of posts a Vietnamese leader holds for the state; the
# Party's posts too ("Tổng Bí thư Tô Lâm"), as the state is led by its one party
_VN_POSTS = _STATE_POSTS | {"legislature", "party"}


@lru_cache(maxsize=1)
def _vietnamese_surnames() -> frozenset[str]:
    """Folded family names that only Vietnamese names open (``surnames.tsv``, origin vi)."""
    vi, other = set(), set()
    for row in lexicon("surnames"):
        origin = (row.get("origin") or "").strip()
        for name in (row.get("surname") or "").split("|"):
            if name.strip():
                (vi if origin == "vi" else other).add(norm(name))
    return frozenset(vi - other)


def is_vietnamese_name(name: str) -> bool:
    """A full name of 2-4 capitalised syllables opened by a Vietnamese surname."""
    sylls = name.split()
    return (2 <= len(sylls) <= 4 and norm(sylls[0]) in _vietnamese_surnames()
            and all(s[:1].isupper() for s in sylls))


def _post_category(title: str) -> str | None:
    categories = title_categories()
    t = norm(title)
    heads = [c for c in categories if t == c or t.startswith(c + " ")]
    return categories[max(heads, key=len)] if heads else None


def fill_state_owners(found: list[Role], present: set[str] | None = None,
                      names: dict[str, str] | None = None) -> None:
    """Give a state post without a written owner the holder's own country.

    "Tổng thống Trump" is Mỹ's president even where the article does not say
    so; the nationality comes from ``persons.tsv`` - the person's own, never a
    country of the context. Only posts that belong to a state (head of state or
    government, ministers, envoys, diplomats, officers) are filled: a
    spokesperson or a director may belong to a ministry or a firm. With
    ``present`` (the article's entity keys), only a country the article names
    is used, so that every role points at an entity of the article.

    A person the lexicon does not know whose name (``names``: key -> name) is
    a Vietnamese full name holds a Vietnamese state post ("Chủ tịch Quốc hội
    Trần Thanh Mẫn") when the article names Việt Nam; so does a Vietnamese
    national of ``persons.tsv`` for the legislature's and the Party's posts.
    """
    known = known_affiliations()
    for r in found:
        if r.org is not None:
            continue
        category = _post_category(r.title)
        nat = known.get(r.person)
        if nat is None and names and is_vietnamese_name(names.get(r.person, "")):
            nat = _VN
        if nat is None or (present is not None and nat not in present):
            continue
        if category in _STATE_POSTS or (nat == _VN and category in _VN_POSTS):
            r.org = nat


def _evidence(h: RoleHit, view: SentView) -> Evidence:
    s_start, s_text = view.trimmed()
    return Evidence(h.start, h.end, view.doc_text[h.start:h.end], s_text, s_start, h.confidence)


def find_roles(doc: Doc, views: list[SentView] | None = None) -> list[Role]:
    """All roles of one article."""
    table = entity_table(doc)
    views = views if views is not None else sentence_views(doc, table)
    hits = [(h, v) for v in views for h in sentence_roles(v)]
    found = merge_roles(hits)
    names: dict[str, str] = {}
    text = doc_strings(doc).text
    for s, e, _label, label in table.ents:
        key = table.keys.get((s, e))
        if label == PERSON and key:
            name = text[s:e]
            names.setdefault(key, name)
            if len(name.split()) > len(names[key].split()):
                names[key] = name
    fill_state_owners(found, entity_keys(doc, table), names)
    return found


@Language.factory("kg_roles")
def make_role_extractor(nlp: Language, name: str) -> GuardedComponent:
    """Factory for ``nlp.add_pipe("kg_roles")`` (after "kg_resolve")."""
    return GuardedComponent("roles", find_roles)
