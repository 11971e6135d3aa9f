"""Temporal expressions in Vietnamese news, resolved against the article date.

Meeting records need ISO dates (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``), but news
text rarely gives a full date: it says "hôm 31/1", "đầu tháng 12", "tuần tới".
:func:`find_times` finds those phrases with exact offsets and resolves them.

Rules worth knowing (the vocabulary is in ``kg/lang/vi/time_words.tsv``):

* **Missing year** - a day or month without a year takes, among the article's
  year, the year before and the year after, the candidate closest to the article
  date (ties go to the past, since news mostly reports what happened). So
  "đầu tháng 12" in an article of 2026-01-23 is 2025-12 and "ngày 5/1" in one of
  2025-12-29 is 2026-01-05. Without an article date such values stay ``None``;
  explicit years are kept.
* **Bare "d/m"** is too often a fraction ("1/3 lãnh thổ") or a score to be taken
  on sight. It is a date only when it carries a year ("22/1/2026", "22/1 năm
  ngoái"), is introduced by an anchor ("ngày", "hôm"), a part of the day
  ("sáng"), a clock time ("23h25") or a weekday ("thứ Năm (22/1)"), or directly
  follows a trigger preposition ("vào", "từ", "đến", ...). "d-m" and the
  dotted "d.m" of some papers need one of the first four, because after a
  preposition they are usually a score or a decimal ("21.1 tỷ"). A range
  "ngày 22-23/1" or "từ ngày 4 đến 6/12" is dated by its first day.
* **Weekdays** resolve to the occurrence closest to the article date unless the
  text says which ("thứ Hai tuần trước", "thứ Hai tới").
* **Weeks** - a week has no ISO value of its own, so "tuần tới" gets the month
  holding all seven days of that week (``YYYY-MM``), else its year, else ``None``;
  that keeps it a valid prefix of the meeting's real date.
* **Clock times and parts of the day** are kept inside the expression text
  ("23h25 ngày 22/1") so that callers can drop the whole span, but they never
  change the value: granularity stops at the day.
* Impossible dates (31/2, 2026-13-45) yield no expression at all.

``dateparser`` (1.5, ``languages=["vi"]``) was measured on sentences like the
tests' and is not used: ``search_dates`` reads "1 giờ 15 phút" and "1/3 lãnh
thổ" as dates, misses "tuần tới", puts "đầu tháng 12" (article of 2026-01-23) in
2026-12 and drops the "đầu"/"ngày"/"hôm" around its hits; as a day/month/year
validator it says what :class:`datetime.date` says, about 1000 times slower.

Example:
    >>> for e in find_times("Hai bên gặp nhau hôm 31/1 và sẽ gặp lại trong tuần tới.",
    ...                     "2026-02-03"):
    ...     print(e.text, e.value, e.granularity, e.relation)
    hôm 31/1 2026-01-31 day past
    tuần tới 2026-02 week future
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

_TSV = Path(__file__).resolve().parent.parent / "lang" / "vi" / "time_words.tsv"
# A number that goes on ("1/3/5", "2,5", "22-23") or is a percentage is not a date.
_END = r"(?![\d%]|[/.,:-]\d)"


@dataclass(frozen=True)
class TimeExpression:
    """One temporal phrase; ``text == source[start:end]``.

    ``value`` is ISO at the precision the text supports (see module notes for
    weeks) or ``None`` when it cannot be resolved; ``relation`` says whether the
    phrase lies before or after the article date (``None``: same day or unknown).
    """

    start: int
    end: int
    text: str
    value: str | None
    granularity: str  # "day" | "week" | "month" | "year"
    relation: str | None = None  # "past" | "future" | None
    span: bool = False  # a range of days ("từ 18 đến 21/11"), dated by its first: no "cùng ngày" counts from it


def article_relative(expr_value: str | None, article_date: str | None) -> str | None:
    """Compare an ISO value with the article date at the coarser of the two precisions.

    Args:
        expr_value: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
        article_date: same format, usually a full date.

    Returns:
        ``"past"``, ``"future"``, ``"same"``, or ``None`` when either is unknown.

    Example:
        >>> article_relative("2025-12", "2026-01-23"), article_relative("2026", "2026-01-23")
        ('past', 'same')
    """
    if not expr_value or not article_date:
        return None
    n = min(len(expr_value), len(article_date))
    a, b = expr_value[:n], article_date[:n]  # zero-padded ISO sorts as text
    return "same" if a == b else ("past" if a < b else "future")


# --- vocabulary -------------------------------------------------------------


def _read_tsv(path: Path) -> list[dict[str, str]]:
    # Same layout as the other kg/lang/vi lexicons: `#` comments, header row, `|` variants.
    with path.open(encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.lstrip().startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items()} for row in rows]


_Info = tuple[str, int, "str | None", str]  # unit, offset, relation, base


@lru_cache(maxsize=None)
def _vocab() -> tuple[dict[str, list[str]], dict[tuple[str, str], _Info]]:
    """Phrases per kind, and ``(kind, phrase) -> (unit, offset, relation, base)``."""
    kinds: dict[str, list[str]] = {}
    info: dict[tuple[str, str], _Info] = {}
    for row in _read_tsv(_TSV):
        for phrase in filter(None, (p.strip() for p in row["phrase"].split("|"))):
            kinds.setdefault(row["kind"], []).append(phrase)
            info[(row["kind"], _norm(phrase))] = (
                row["unit"], int(row["offset"] or 0), row["relation"] or None,
                row["base"] or "article")
    return kinds, info


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def _alt(phrases: list[str], keep_case: bool = False) -> str:
    def one(p: str) -> str:
        body = re.escape(p).replace(r"\ ", r"\s+")
        # Only the first letter may change case (sentence start): "Thứ Hai", not "thứ hai".
        return f"[{p[0].lower()}{p[0].upper()}]{body[len(re.escape(p[0])):]}" if keep_case else body

    alts = "|".join(one(p) for p in sorted(set(phrases), key=len, reverse=True))
    if not alts:
        return "(?!)"  # an empty alternation would match everywhere
    return f"(?-i:{alts})" if keep_case else f"(?:{alts})"


@lru_cache(maxsize=None)
def _grammar() -> list[tuple[str, re.Pattern[str]]]:
    k, _ = _vocab()
    w = {name: _alt(k.get(name, [])) for name in
         ("part_of_day", "anchor", "qualifier", "time_lead", "direction", "date_lead")}
    wd = _alt(k["weekday"], keep_case=True)
    rel = _alt(k["relative"])
    week_rel = _alt([p for p in k["relative"] if _norm(p).startswith("tuần")])
    year_rel = _alt([p for p in k["relative"] if _norm(p).startswith("năm")])
    clock = (rf"(?:{w['time_lead']}\s+)?\d{{1,2}}\s?(?:h|giờ)(?![^\W\d])"
             rf"(?:\s?\d{{1,2}}(?:\s?phút|')?)?")
    pre = (rf"(?:(?P<time>{clock})\s+)?(?:(?P<part>{w['part_of_day']})\s+)?"
           rf"(?:(?:{w['date_lead']})\s+(?=(?:{w['anchor']})\s))?(?:(?P<anchor>{w['anchor']})\s+)?"
           rf"(?:(?P<wd>{wd})(?:\s*,\s*|\s*(?P<paren>\()\s*|\s+)(?:{w['anchor']}\s+)?)?")
    # "/2026", "-2026" (the hyphenated style of some papers), " năm 2026", " năm ngoái"
    year_tail = rf"(?:\s*(?:[/.-]|,?\s*năm\s+)(?P<y>\d{{4}})|\s+(?P<yrel>{year_rel}))?"
    close = r"(?(paren)\s*\))"
    num = r"(?<![\w/.,:-])"
    # first day of a range: "22-23/1", "4 đến 6/12", "4 đến ngày 6/12"
    first = rf"(?:(?P<d0>\d{{1,2}})(?:\s*[-–]\s*|\s+{_alt(k.get('range_link', []))}\s+(?:{w['anchor']}\s+)?))?"
    patterns = {
        "num_day": rf"{pre}{num}{first}(?P<d>\d{{1,2}})(?P<sep>[/.-])"
                   rf"(?P<m>\d{{1,2}}){year_tail}{close}{_END}",
        "word_day": rf"{pre}{num}{first}(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}}){year_tail}{close}{_END}",
        "month": rf"(?:{w['qualifier']}\s+)?tháng\s+(?P<m>\d{{1,2}}){year_tail}{_END}",
        "year": rf"(?:{w['qualifier']}\s+)?năm\s+(?P<y>\d{{4}})(?!\d)",
        "relative": rf"(?:{clock}\s+)?(?:{w['part_of_day']}\s+)?(?:{w['qualifier']}\s+)?"
                    rf"(?P<rel>{rel})(?!\w)",
        "weekday": rf"(?:{w['part_of_day']}\s+)?(?:{w['anchor']}\s+)?(?P<wd>{wd})"
                   rf"(?:\s+(?P<wrel>{week_rel})|\s+(?P<dir>{w['direction']}))?(?!\w)",
    }
    return [(name, re.compile(rf"(?<!\w){p}", re.IGNORECASE)) for name, p in patterns.items()]


# Kinds of phrase that can open an expression of :func:`_grammar` (besides a
# number, "tháng" and "năm"); ``time_lead`` opens a clock time.
_OPENERS = ("part_of_day", "anchor", "qualifier", "time_lead", "weekday", "relative", "date_lead")


@lru_cache(maxsize=None)
def _starts() -> re.Pattern[str]:
    """Where an expression can start: a number, or the first word of an opening phrase.

    Trying the six long patterns at every position of an article was the cost
    of :func:`find_times`; they are tried only here. Every pattern opens with a
    number or a phrase of :data:`_OPENERS` ("tháng", "năm"), and each phrase's
    first word is followed by a space or punctuation, so no match starts elsewhere.
    """
    k, _ = _vocab()
    words = {"tháng", "năm"} | {p.split()[0].lower() for kind in _OPENERS for p in k.get(kind, [])}
    groups: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):  # grouped by first letter: one test per position
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    alts = "|".join(f"{re.escape(c)}(?:{'|'.join(rest)})" for c, rest in groups.items())
    return re.compile(rf"(?<!\w)(?:\d|(?:{alts})(?!\w))", re.IGNORECASE)


def _matches(text: str) -> list[tuple[str, re.Match]]:
    """Every pattern's ``finditer`` over ``text``, each pattern tried only at :func:`_starts`."""
    starts = [m.start() for m in _starts().finditer(text)]
    found = []
    for kind, rx in _grammar():
        end = 0
        for pos in starts:
            if pos >= end:
                m = rx.match(text, pos)  # look-behinds still see the text before pos
                if m:
                    found.append((kind, m))
                    end = m.end()
    return found


# --- resolution -------------------------------------------------------------


def _closest(cands: list, ref):
    return min(cands, key=lambda c: (abs(c - ref), c > ref))


def _month_index(y: int, m: int) -> int:
    return y * 12 + m - 1


def _iso_month(idx: int) -> str:
    return f"{idx // 12:04d}-{idx % 12 + 1:02d}"


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _week_value(monday: date) -> str | None:
    sunday = monday + timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return f"{monday:%Y-%m}"
    return str(monday.year) if monday.year == sunday.year else None


def _lookup(kind: str, phrase: str) -> _Info:
    return _vocab()[1][(kind, _norm(phrase))]


def _explicit_year(m: re.Match, ref: date | None) -> tuple[int | None, bool]:
    """(year, known): ``known`` is False when the text gave no year at all."""
    if m.groupdict().get("y"):
        return int(m["y"]), True
    if m.groupdict().get("yrel"):
        offset = _lookup("relative", m["yrel"])[1]
        return (ref.year + offset if ref else None), True
    return None, False


def _safe_date(y: int, mo: int, d: int) -> date | None:
    try:
        return date(y, mo, d)
    except ValueError:
        return None


@lru_cache(maxsize=None)
def _trigger_before() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){_alt(_vocab()[0].get('trigger', []))}\s+$", re.IGNORECASE)


def _licensed(m: re.Match, text: str) -> bool:
    """Whether a numeric d/m is a date rather than a fraction or a score."""
    if any(m[g] for g in ("y", "yrel", "time", "part", "anchor", "wd")):
        return True
    return m["sep"] == "/" and _trigger_before().search(text[: m.start()]) is not None


def _day(m: re.Match, ref: date | None) -> tuple[str | None, str] | None:
    mo, d = int(m["m"]), int(m["d"])
    if m.groupdict().get("d0"):
        if int(m["d0"]) >= d:
            return None
        d = int(m["d0"])  # a range "22-23/1" is dated by its first day
    y, known = _explicit_year(m, ref)
    if not known and ref is not None:
        cands = [c for c in (_safe_date(ref.year + k, mo, d) for k in (-1, 0, 1)) if c]
        return (_closest(cands, ref).isoformat(), "day") if cands else None
    # Year unknown: 2000, a leap year, only checks that such a day exists at all.
    found = _safe_date(y or 2000, mo, d)
    return ((found.isoformat() if y else None), "day") if found else None


def _month(m: re.Match, ref: date | None) -> tuple[str | None, str] | None:
    mo = int(m["m"])
    if not 1 <= mo <= 12:
        return None
    y, known = _explicit_year(m, ref)
    if known or ref is None:
        return (f"{y:04d}-{mo:02d}" if y else None), "month"
    here = _month_index(ref.year, ref.month)
    cands = [_month_index(ref.year + k, mo) for k in (-1, 0, 1)]
    return _iso_month(_closest(cands, here)), "month"


def _relative(m: re.Match, ref: date | None, prev: date | None):
    unit, offset, _, base = _lookup("relative", m["rel"])
    anchor = (prev or ref) if base == "previous" else ref
    if anchor is None:
        return None, unit
    if unit == "day":
        return (anchor + timedelta(days=offset)).isoformat(), unit
    if unit == "week":
        return _week_value(_monday(anchor) + timedelta(weeks=offset)), unit
    if unit == "month":
        return _iso_month(_month_index(anchor.year, anchor.month) + offset), unit
    return str(anchor.year + offset), unit


def _weekday(m: re.Match, ref: date | None) -> tuple[str | None, str]:
    if ref is None:
        return None, "day"
    idx = _lookup("weekday", m["wd"])[1]
    if m["wrel"]:
        week = _monday(ref) + timedelta(weeks=_lookup("relative", m["wrel"])[1])
        return (week + timedelta(days=idx)).isoformat(), "day"
    ahead = (idx - ref.weekday()) % 7
    if m["dir"]:
        step = _lookup("direction", m["dir"])[1]
        delta = (ahead or 7) if step > 0 else -((7 - ahead) or 7)
    else:
        delta = ahead if ahead <= 3 else ahead - 7  # closest occurrence
    return (ref + timedelta(days=delta)).isoformat(), "day"


def _relation(m: re.Match, kind: str, value: str | None, ref: date | None) -> str | None:
    if kind == "relative":
        stated = _lookup("relative", m["rel"])[2]
    elif kind == "weekday" and m["dir"]:
        stated = _lookup("direction", m["dir"])[2]
    else:
        stated = None
    if stated:
        return stated
    rel = article_relative(value, ref.isoformat() if ref else None)
    return None if rel == "same" else rel


@lru_cache(maxsize=None)
def _blockers() -> frozenset[str]:
    return frozenset(_norm(p) for p in _vocab()[0].get("blocker", []))


def _word_before(text: str, start: int) -> str | None:
    """The word (``\\w+``) that only white space separates from ``start``, if any.

    Read backwards from ``start``: a regex anchored at the end of
    ``text[:start]`` would be tried at every position before it.
    """
    k = start
    while k > 0 and text[k - 1].isspace():
        k -= 1
    j = k
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "_"):  # what \w matches
        j -= 1
    return text[j:k] if j < k < start else None


def _blocked(text: str, start: int) -> bool:
    """A count or plural right before a relative phrase ("hai tuần trước")."""
    word = _word_before(text, start)  # punctuation ends the phrase
    if word is None:
        return False
    word = word.lower()
    return word.isdigit() or word in _blockers()


def _resolve(kind: str, m: re.Match, text: str, ref: date | None, prev: date | None):
    """``(value, granularity)``, or ``None`` when the match is not a usable date."""
    if kind == "num_day":
        return _day(m, ref) if _licensed(m, text) else None
    if kind == "word_day":
        return _day(m, ref)
    if kind == "month":
        return _month(m, ref)
    if kind == "year":
        return (m["y"], "year") if 1000 <= int(m["y"]) <= 2999 else None
    if kind == "relative":
        return None if _blocked(text, m.start()) else _relative(m, ref, prev)
    return _weekday(m, ref)


def find_times(text: str, article_date: str | None) -> list[TimeExpression]:
    """Find and resolve every temporal expression in ``text``.

    Args:
        text: a sentence or a whole article body; offsets index into it.
        article_date: ``YYYY-MM-DD`` (a longer ISO timestamp is cut to the day),
            or ``None`` when unknown.

    Returns:
        Non-overlapping expressions in text order. Where candidates overlap, the
        leftmost, then the longest, wins ("đầu tháng 1 năm 2026" is one month, not
        a month and a year). A winner that proves impossible ("ngày 31 tháng 4")
        or unlicensed (a bare fraction) is dropped with its whole span: the month
        inside a broken date is no more trustworthy than the day.

    Example:
        >>> [(e.text, e.value) for e in find_times("Cuộc gặp diễn ra đầu tháng 12.", "2026-01-23")]
        [('đầu tháng 12', '2025-12')]
    """
    ref = date.fromisoformat(article_date[:10]) if article_date else None
    out: list[TimeExpression] = []
    prev: date | None = None  # last day-level date, for "cùng ngày"
    found = _matches(text)
    found.sort(key=lambda c: (c[1].start(), -c[1].end()))
    end = 0
    for kind, m in found:
        if m.start() < end:
            continue
        end = m.end()
        res = _resolve(kind, m, text, ref, prev)
        if res is None:
            continue
        value, granularity = res
        span = granularity == "day" and bool(m.groupdict().get("d0"))
        out.append(TimeExpression(m.start(), m.end(), m.group(), value, granularity,
                                  _relation(m, kind, value, ref), span))
        if granularity == "day" and value and not span:
            prev = date.fromisoformat(value)
    return out
