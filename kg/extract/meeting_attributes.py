"""Status, venue and date of one trigger mention, read from its clause."""

from __future__ import annotations

import re

from dataclasses import replace
from datetime import date, timedelta

from kg.extract.dates import TimeExpression, article_relative
from kg.extract.meeting_article import behind_without_year, is_previous_relative, next_occurrence
from kg.extract.meeting_atoms import Sentence
from kg.extract.meeting_model import Mention
from kg.extract.meeting_vocab import STRONG, VISIT, WEAK, cue, cue_pattern, status_regex, status_table
from kg.extract.participants import COUNTRY, ORG, PLACE, lexicon, meeting_cues, norm


_STOP = re.compile(r"[.;!?]")


def mention_status(sent: Sentence, s, e, ws, we, cs) -> tuple[str | None, str | None, bool, bool, bool]:
    """``(status, strength, possible, recency, tentative)`` of the trigger at ``[s, e)``.

    The nearest status cue in the window ``[ws, we)`` wins, strong before weak;
    a possibility cue shortly before the trigger makes the mention possible,
    and ``tentative`` if each such cue only says "may" (see :func:`settle_tentative`).
    """
    table = status_table()
    rx = status_regex()
    found = []
    for m in sent.find(rx, ws, we):
        st, strength = table[norm(m.group())]
        if m.start() >= s and m.start() < e:
            continue  # inside the trigger
        if m.end() <= s or m.start() < s:
            dist = max(0, s - m.end())
        elif re.search(r"(?<!\w)và\s*$", sent.gap(e, m.start())):
            continue  # "cũng gặp X và dự kiến phát biểu ...": the next predicate's
        else:
            dist = m.start() - e + 2  # cues before the trigger win ties
        found.append((dist, st, strength, m))
    # A possibility reaches across reporting verbs ("hỏi liệu X có cam kết
    # đàm phán ..."), but not across a sentence-internal full stop.
    lo = max(sent.v.start, s - 45)
    if cue_pattern(r"(?:<<purpose>>)\s+(?:tham gia|<<attend>>)\s+(?:\S+\s+){0,2}$").search(sent.gap(lo, s)):
        lo = max(sent.v.start, s - 90)  # "sẵn sàng cử phái đoàn tới X để tham gia vòng đàm phán": so is the talks
    lo = max([lo] + [x.end() for x in _STOP.finditer(sent.ftext, lo, s)])
    # "chuyến thăm không báo trước tới X, nơi ông gặp Y": the relative clause's own
    lo = max([lo] + [x.end() for x in sent.find(cue_pattern(r",\s*(?:<<where_relative>>)(?!\w)"), lo, s)])
    # "Kỳ vọng ... tăng lên sau chuyến thăm X": the wish is not about the
    # contact named in a "sau/trước" adjunct
    link = cue_pattern(r"(?:<<temporal_link>>)\s+(?:<<determiner>>\s+)?$").search(sent.gap(lo, s))
    if link:
        lo = s
    blocks = [m for m in sent.find(rx, lo, s) if table[norm(m.group())][0] == "possible"
              and not _accepting(sent, m) and not cue("not_block").match(sent.ftext, m.start())]
    possible = bool(blocks)
    if all(cue("invitation").fullmatch(m.group()) for m in blocks) and _invited(sent, cs, s) and _accepted(sent, e):
        return "planned", STRONG, False, False, False  # "mời X thăm Y ... X đã nhận lời"
    tentative = possible and all(cue("tentative").fullmatch(m.group()) for m in blocks)
    recency = any(cue("recency").match(norm(m.group())) for _d, _s, _t, m in found if m.end() <= s)
    near = max(sent.v.start, s - 24)
    after = cue_pattern(r"(?:<<after_link>>)\s+(?:(?:<<determiner>>|<<meeting_noun>>)\s+)?$").search(sent.gap(near, s))
    cut = near + after.start() if after else sent.v.start

    def tells(m: re.Match[str]) -> bool:
        """"X nhất trí gia hạn ... sau đàm phán tại Y": the main clause's verbs
        tell of what came after the contact; only a future one dates it."""
        return m.start() >= cut or cue("future").fullmatch(m.group()) is not None

    found = [f for f in found if tells(f[3])]
    real = [f for f in found if f[1] in ("planned", "held")]
    strong = sorted((f for f in real if f[2] == STRONG), key=lambda f: f[0])
    weak = sorted((f for f in real if f[2] == WEAK), key=lambda f: f[0])
    if strong:
        return strong[0][1], STRONG, possible, recency, tentative
    if weak:
        st = weak[0][1]
        # "sẽ nói chuyện ... ngay sau cuộc gặp": after a future event is future too
        if st == "held":
            earlier = [m for m in sent.find(rx, cs, s) if table[norm(m.group())] == ("planned", STRONG) and tells(m)]
            if earlier:
                return "planned", WEAK, possible, recency, tentative
        return st, WEAK, possible, recency, tentative
    # verbs sharing a subject share its tense: "X sẽ tới A để gặp B, trước khi sang C hội đàm",
    # also across the comma of a sequel ("X sẽ tới A ..., sau đó sang B")
    sequel = cue_pattern(r",\s*(?:<<sequence>>)\s+$").search(sent.gap(max(sent.v.start, s - 20), s))
    earlier = [m for m in sent.find(rx, sent.v.start if sequel else cs, s) if table[norm(m.group())][1] == STRONG
               and table[norm(m.group())][0] in ("planned", "held") and tells(m)]
    if earlier:
        return table[norm(earlier[-1].group())][0], WEAK, possible, recency, tentative
    return None, None, possible, recency, tentative


def settle_tentative(m: Mention, article_date: str | None) -> None:
    """A contact that only "may" happen is planned once its clause dates it
    after the article ("có thể thăm Argentina vào tháng 11")."""
    if not m.tentative or m.date is None or not m.date.value:
        return
    if m.date.relation == "future" or article_relative(m.date.value, article_date) == "future":
        m.possible, m.status, m.strength = False, "planned", STRONG


def _accepting(sent: Sentence, m: re.Match[str]) -> bool:
    """An invitation cue inside an acceptance ("đã nhận lời mời của X"),
    however far the window started into it: no longer only an offer."""
    return cue_pattern(r"(?:<<accept>>)$").search(sent.gap(max(sent.v.start, m.start() - 16), m.end())) is not None


def _invited(sent: Sentence, cs: int, s: int) -> bool:
    """Whether the clause invites someone to the contact at ``s`` ("mời X sang
    thăm"), however long the invitee's title; "theo lời mời của X" only says
    who invited a visit already made."""
    return any(not cue_pattern(r"\s*(?:<<oblique>>)\s").match(sent.ftext, m.end(), s)
               for m in sent.find(cue("invitation"), cs, s))


def _accepted(sent: Sentence, e: int) -> bool:
    """Whether the invitation is accepted later in the sentence or in the next one."""
    views = sent.art.views
    end = views[sent.v.index + 1].end if sent.v.index + 1 < len(views) else sent.v.end
    return cue("accept").search(sent.ftext, e, end) is not None


def mention_place(sent: Sentence, s, e, cs, ce, trigs) -> tuple[str | None, bool]:
    """The venue of the trigger at ``[s, e)`` and whether it is only a trip's goal.

    The venue follows "tại"/"ở" in the trigger's clause, before the next trigger
    and before the topic ("về ..."), unless the predicate of the meeting noun
    comes after the topic ("Kỳ họp ... về hợp tác X sẽ được tổ chức tại Hà
    Nội"). A visit's venue is read after its trigger only. A contact right
    after a trip ("tới Israel để gặp X", "sang Doha hội đàm") is held where
    the trip goes, unless its own clause names a venue.
    """
    other = [a for a, b, _ in trigs if a != s]
    nxt = min([ce] + [x for x in other if x > e])
    scope = cue("scope_end").search(sent.ftext, e, ce)  # the first one bounds the venue
    limit = min(nxt, scope.start()) if scope else nxt
    # "..., chỉ vài ngày sau cuộc tranh cãi với X tại Nhà Trắng": that venue is the other event's
    later = cue_pattern(r",[^,;]{0,20}?(?<!\w)(?:<<relative_link>>)\s").search(sent.ftext, e, limit)
    if later:
        limit = later.start()
    start = e if s in sent.travel or _is_visit(trigs, s) else max([cs] + [b for a, b, _ in trigs if b <= s])
    if start > cs and start < s and cue_pattern(r"(?<!\w)(?:<<sequence>>)\s+(?:\S+\s+){0,2}$").search(
            sent.gap(start, s)) and venue_after_prep(sent, start, s):
        start = e  # "hội kiến A tại X và gặp B": X is where A was met
    found = venue_after_prep(sent, start, limit)
    if found is None and limit < nxt:
        pred = cue("predicate").search(sent.ftext, limit, nxt)
        if pred is not None:
            found = venue_after_prep(sent, pred.end(), nxt)
    if found is None:
        found = _relative_venue(sent, s) or (None if _is_visit(trigs, s) else _fronted_venue(sent, cs, trigs))
    if found is not None:
        return found, False
    goal = _trip_goal(sent, s, cs, trigs)
    return goal, goal is not None


def _fronted_venue(sent: Sentence, cs: int, trigs) -> str | None:
    """"Tại Amman, ông X đã hội kiến A và hội đàm với B": a venue fronted
    before the clause's first predicate is where each of them was held (a
    visit is not: it goes to a state, whatever building the contact was in)."""
    first = min((a for a, _b, _k in trigs if a >= cs), default=None)
    if first is None:
        return None
    fronted = cue_pattern(r"^\W*(?:[^,;]{0,30},\s*)?(?:<<place_prep>>)\s[^,;]{1,60},").match(sent.gap(cs, first))
    return venue_after_prep(sent, cs, cs + fronted.end()) if fronted else None


def _relative_venue(sent: Sentence, s: int) -> str | None:
    """"tới thủ đô Muscat của Oman, nơi ông hội kiến X": the place the
    relative clause holding the trigger at ``s`` hangs on."""
    rel = cue_pattern(r",\s*(?:<<where_relative>>)\s+(?:\S+\s+){0,6}$").search(sent.gap(sent.v.start, s))
    if rel is None:
        return None
    comma = sent.v.start + rel.start()
    before = [a for a in sent.atoms if a.end <= comma and comma - a.end <= 40 and a.key
              and a.label in (PLACE, COUNTRY) and not sent.gap(a.end, comma).count(",")]
    places = [a for a in before if a.kind == "place"]
    pick = places[-1] if places else (before[-1] if before else None)
    return pick.key if pick is not None else None


def _is_visit(trigs, s: int) -> bool:
    return any(a == s and k == VISIT for a, _b, k in trigs)


def venue_after_prep(sent: Sentence, start: int, limit: int) -> str | None:
    """The place, country or body named right after the first "tại"/"ở" in ``[start, limit)``."""
    for m in sent.find(cue("place_prep"), start, limit):
        if cue_pattern(r"(?:<<delegation>>)\s*$").search(sent.gap(start, m.start())):
            continue
        for a in sent.atoms:
            if a.start >= m.end() and a.kind in ("place", "actor") and a.key and \
                    _venue_gap(sent.gap(m.end(), a.start)) and not sent.ftext[m.end():a.start].strip()[:1].isupper():
                if a.label in (PLACE, COUNTRY, ORG):
                    _note_container(sent, a)
                    return a.key
                break
            if a.start >= m.end():
                break
    return None


def _venue_gap(gap: str) -> bool:
    """Few enough words between "tại" and a venue: up to three ("tại thủ đô
    X", "tại trụ sở của X"), or four naming a kind of place ("tại thành phố
    biên giới X"), never an owner's ("ở sườn phía đông của EU" is no venue)."""
    n = len(gap.split())
    return re.fullmatch(r"\s*(?:[^\W\d]+\s+)*", gap) is not None and (
        n <= 3 or (n == 4 and not cue_pattern(r"(?<!\w)(?:<<oblique>>)(?!\w)").search(gap)))


def _note_container(sent: Sentence, venue) -> None:
    """Remember the place a venue is said to lie in ("Cung điện X ở thủ đô Riyadh"),
    so a caption's "tại Riyadh" and the body's "tại Cung điện X" can be one contact."""
    link = cue_pattern(r"\s*,?\s*(?:<<place_prep>>)\s+")
    for b in sent.atoms:
        if b.start >= venue.end and b.key and b.key != venue.key and b.label in (PLACE, COUNTRY):
            m = link.match(sent.ftext, venue.end, b.start)
            words = sent.ftext[m.end():b.start].split() if m else []
            if m is not None and len(words) <= 2 and all(w[:1].islower() for w in words):  # "ở thủ đô"
                sent.art.within.setdefault(venue.key, b.key)
            return


def _trip_goal(sent: Sentence, s: int, cs: int, trigs) -> str | None:
    """The destination of a trip that leads straight to the trigger at ``s``,
    also one that is no visit ("bay tới Mar-a-Lago để gặp X": a venue)."""
    before = [a for a, _b, _k in trigs if a < s and a >= cs]
    if before and before[-1] in sent.travel:
        dest = sent.travel[before[-1]]
    else:
        trips = sent.find(cue("travel"), max([cs] + [b for _a, b, _k in trigs if b <= s]), s)
        dest = next((a for a in sent.atoms if trips and a.key and a.kind in ("place", "actor")
                     and a.label in (PLACE, COUNTRY) and 0 < a.start - trips[-1].end() <= 2), None)
        if dest is None:
            return None
    gap = list(sent.gap(dest.end, s))
    for t in sent.art.times:
        if dest.end <= t.start and t.end <= s:
            gap[t.start - dest.end:t.end - dest.end] = " " * (t.end - t.start)
    rest = cue("purpose").sub(" ", "".join(gap))
    return dest.key if len(rest.split()) <= 2 and not re.search(r"[,;]", rest) else None


def assign_dates(sent: Sentence, mentions: list[Mention], trigs) -> None:
    """Give each mention the time expression of its own clause.

    A time goes to the nearest mention of its clause, preferring one it is not
    cut off from by a comma ("hội nghị thượng đỉnh tại X chiều 8/5, trong
    khuôn khổ chuyến thăm ..."). A mention left without one then takes the date
    of a mention of its clause, else of its sentence, that agrees on status.
    """
    v = sent.v
    candidates = [m for m in mentions if not m.purpose]
    by_front: set[int] = set()  # ids of mentions dated by a fronted time only
    for t in (t for t in sent.art.times if v.start <= t.start and t.end <= v.end):
        if not dates_contact(sent.ftext, v.start, t):
            continue
        best = None
        for m in candidates:
            cs, ce = sent.clause(m.start, m.end, trigs)
            if not (cs <= t.start and t.end <= ce):
                continue
            a, b = (t.end, m.start) if t.end <= m.start else (m.end, t.start)
            # cut off by a comma, or by "và" from a later predicate ("X điện đàm
            # với Y hôm 12/2 và dự kiến tới Z vào tháng 3": 12/2 is the call's)
            cut = (bool(re.search(r"[,;]", sent.gap(a, b))) and not sent.gap(v.start, t.start).strip() == "") or (
                t.end <= m.start and re.search(r"(?:^|\s)và\s", sent.gap(a, b)) is not None)
            dist = b - a
            if best is None or (cut, dist) < best[0]:
                best = ((cut, dist), m)
        if best is None:
            continue
        m = best[1]
        # A time of its own beats a fronted one ("Chiều 11/3, A hội đàm với B trong
        # khuôn khổ chuyến thăm X từ ngày 10 đến 13/3": the trip began on the 10th).
        if m.date is not None and id(m) not in by_front:
            continue
        by_front.discard(id(m))
        # a fronted date ("Hồi tháng 8, A thăm X và gặp Y") dates every contact of its clause
        fronted = [o for o in candidates if o is not m and o.date is None and t.end <= o.start
                   and t.end <= m.start and sent.clause(o.start, o.end, trigs)[0] <= t.start]
        m.date = _ahead_if_planned(sent, m, resolved_time(sent, t))
        if m.date.value and m.date.granularity == "day" and not m.date.span:
            sent.art.contact_days.append((t.start, m.date.value))
        for o in fronted:
            o.date = m.date
            by_front.add(id(o))
    for m in candidates:
        if m.date is None and (t := _opening_day(sent, m)) is not None:
            m.date = resolved_time(sent, t)
            ceremony = sent.find(cue("ceremony"), t.end, m.start)
            if m.place is None and ceremony:  # "A đón B tại X, sau đó ...": also at X
                m.place = venue_after_prep(sent, ceremony[0].end(), m.start)
    for m in candidates:
        if m.date is None and (m.groups or m.visitor):
            m.date = _sibling_date(sent, m, candidates, trigs)


# How far into a sentence its fronted time may start ("Chiều ngày 1/9, ...").
FRONT = 12


def _opening_day(sent: Sentence, m: Mention) -> TimeExpression | None:
    """"Sáng 26/5, A đón B tại X, sau đó hai nhà lãnh đạo hội đàm": the day
    the sentence opens with dates the next act of the same occasion, cut off
    from it by a comma and "sau đó" but with no time of its own."""
    start, _text = sent.v.trimmed()
    times = [t for t in sent.art.times if start <= t.start and t.end <= m.start]
    if not times or times[0].start > start + FRONT or times[0].granularity != "day" or times[0].span \
            or not dates_contact(sent.ftext, sent.v.start, times[0]):
        return None
    if len(times) > 1 or not re.match(r"\s*,", sent.gap(times[0].end, m.start)):
        return None
    return times[0] if cue_pattern(r",\s*(?:<<next_step>>)\s").search(sent.gap(times[0].end, m.start)) else None


def _ahead_if_planned(sent: Sentence, m: Mention, t: TimeExpression) -> TimeExpression:
    """"Hai bên sẽ gặp nhau vào tháng 12" in an article of March: a month or
    day without its year, after a tense word that puts the contact ahead, is
    the next one, not the nearest (which lies behind)."""
    art_date = sent.art.article_date
    if m.status != "planned" or not behind_without_year(t, art_date) or not cue_pattern(
            r"(?<!\w)(?:<<future_marker>>)\s+(?:\S+\s+){0,2}$").search(sent.gap(max(sent.v.start, m.start - 30), m.start)):
        return t
    return next_occurrence(t, art_date)


def dates_contact(ftext: str, sent_start: int, t: TimeExpression) -> bool:
    """False for a time that ends the contact, opens a count or dates something else.

    "kéo dài đến 3h sáng 23/1", "kể từ đầu năm", "kể từ khi bà X nhậm chức vào
    tháng 10", "đắc cử hồi tháng 6": none of these is the contact's date.
    """
    lead = ftext[max(sent_start, t.start - 30):t.start]
    if cue_pattern(r"(?:<<range_end>>)\s*(?:<<approx>>)?\s*$").search(lead[-20:]):
        return False
    if cue_pattern(r"(?:<<count_from>>)\s*$").search(lead[-20:]):
        return False
    before = ftext[sent_start:t.start]
    stretch = before[max([0] + [m.end() for m in re.finditer(r"[,;]", before)]):]
    if cue("since_clause").search(stretch):
        return False
    return not cue_pattern(r"(?:<<other_event>>)\s+(?:\S+\s+){0,1}$").search(lead)


def resolved_time(sent: Sentence, t: TimeExpression) -> TimeExpression:
    """``t`` with its value made safe for a contact record.

    "Cùng ngày" counts from the day last named as a contact's date, not from
    an arrival day named beside it ("người đến Hà Nội hôm 26/11") nor from
    a range of days ("từ 13 đến 15/11"); with no contact dated yet, from
    the last day named. A day opening a later sentence ("Sáng 31/5, Thủ
    tướng phát biểu ...") moves the story on, contact or not. With no day
    named at all only the month of the article is known. "Đầu tuần tới" is
    the month of that week's Monday.
    """
    value = t.value
    if value and is_previous_relative(t.text):
        days = sorted([(at, day) for at, day in sent.art.contact_days if at < t.start] + _fronted_days(sent, t)) \
            or [(0, day) for day in _days_before(sent, t)]
        value = _after_days(days[-1][1], _day_offset(t.text)) if days else value[:7]
    elif t.granularity == "week" and value and len(value) == 4:
        value = _week_month(sent, t) or value
    return replace(t, value=value)


def _fronted_days(sent: Sentence, t: TimeExpression) -> list[tuple[int, str]]:
    """(offset, value) of the days before ``t`` that open a sentence, followed by a comma."""
    art = sent.art
    opens = {v.start + len(v.text) - len(v.text.lstrip()) for v in art.views}
    return [(x.start, x.value) for x in art.times
            if x.end <= t.start and x.start in opens and x.granularity == "day" and x.value and not x.span
            and not is_previous_relative(x.text) and art.ftext.startswith(",", x.end)]


def _days_before(sent: Sentence, t: TimeExpression) -> list[str]:
    """Values of the days named before ``t`` that may date a contact."""
    art = sent.art
    starts = {x.start: v.start for v in art.views for x in art.times if v.start <= x.start < v.end}
    return [x.value for x in art.times if x.end <= t.start and x.granularity == "day" and x.value and not x.span
            and not is_previous_relative(x.text) and dates_contact(art.ftext, starts[x.start], x)]


def _day_offset(text: str) -> int:
    """Days from the day last named ("hôm sau" = 1), from ``time_words.tsv``."""
    for row in lexicon("time_words"):
        if (row.get("base") or "").strip() == "previous" and any(
                p.strip() and norm(p) in norm(text) for p in str(row.get("phrase") or "").split("|")):
            return int((row.get("offset") or "0").strip() or 0)
    return 0


def _after_days(day: str, offset: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=offset)).isoformat()


def _week_month(sent: Sentence, t: TimeExpression) -> str | None:
    """Month of the first (or last) day of a week named "đầu/cuối tuần ..."."""
    if not sent.art.article_date:
        return None
    text = norm(t.text)
    for category, last in (("week_start", 0), ("week_end", 6)):
        for q in sorted((norm(p) for p, _ in meeting_cues().get(category, [])), key=len, reverse=True):
            if text.startswith(q + " ") and (offset := _week_offset(text[len(q) + 1:])) is not None:
                ref = date.fromisoformat(sent.art.article_date[:10])
                day = ref - timedelta(days=ref.weekday()) + timedelta(weeks=offset, days=last)
                return f"{day.year:04d}-{day.month:02d}"
    return None


def _week_offset(phrase: str) -> int | None:
    """Weeks from the article's week ("tuần tới" = 1), from ``time_words.tsv``."""
    for row in lexicon("time_words"):
        if (row.get("unit") or "").strip() == "week" and norm(phrase) in {
                norm(p) for p in str(row.get("phrase") or "").split("|")}:
            return int((row.get("offset") or "0").strip() or 0)
    return None


def _sibling_date(sent: Sentence, m: Mention, mentions: list[Mention], trigs) -> TimeExpression | None:
    """The date of another contact of the same clause, else sentence, that agrees on status."""
    cs, ce = sent.clause(m.start, m.end, trigs)
    topic = cue_pattern(r"(?<!\w)(?:<<topic>>)(?!\w)")
    dated = [o for o in mentions if o is not m and o.date is not None and o.date.value
             and (m.status is None or o.status is None or o.status == m.status)
             and not (o.start >= m.end and topic.search(sent.gap(m.end, o.start)))]  # what m was about
    for pool in ([o for o in dated if cs <= o.start < ce], dated):
        if pool:
            return min(pool, key=lambda o: abs(o.start - m.start)).date
    return None
