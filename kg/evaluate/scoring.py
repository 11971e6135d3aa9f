"""Score extraction records against gold annotations.

Implements the rules of ``SPEC.md`` (shared eval folder): entities are paired
first, and every other category is judged through that pairing, because ids are
local to each file and only the entity pairing says which predicted id stands
for which gold id.

All pairings are one-to-one maximum matchings computed with networkx on a
bipartite graph. Edge weights put three preferences in strict order:

1. as many pairs as possible (``maxcardinality``) - fewest false positives;
2. as many *required* gold items as possible - so a prediction is not spent on
   an optional item when a required one is available;
3. best quality (exact name, higher Jaccard / token F1), then agreement of
   attributes (type, org, date, status...) - tie-breaking only.

Maximising 1 and 2 together is always possible (matchable vertex sets form a
matroid), so the order never costs a true positive.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import networkx as nx

CATEGORIES = ("entities", "roles", "meetings", "statements")
ACCURACIES = ("type", "role org", "meeting date", "meeting place", "meeting status")

_QUALITY_SCALE = 1000  # integer weights keep the matching exact and deterministic
_MIN_MEETING_JACCARD = 0.5
_MIN_STATEMENT_F1 = 0.5
_SNIPPET = 90


# --------------------------------------------------------------------------- #
# String helpers


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")


def normalize(s: str) -> str:
    """Canonical form used for every string comparison.

    Args:
        s: Any surface string (name, title, status...).

    Returns:
        NFC, case-folded text with internal white space collapsed and white space
        and punctuation (Unicode ``P*``) stripped at both ends, so that
        "«Nga»," and "nga" compare equal.
    """
    if s is None:
        return ""
    # casefold() may decompose some characters; NFC again keeps Vietnamese
    # precomposed so equal-looking strings stay equal.
    s = unicodedata.normalize("NFC", unicodedata.normalize("NFC", str(s)).casefold())
    s = " ".join(s.split())
    start, end = 0, len(s)
    while start < end and (s[start].isspace() or _is_punct(s[start])):
        start += 1
    while end > start and (s[end - 1].isspace() or _is_punct(s[end - 1])):
        end -= 1
    return s[start:end]


def _tokens(text: str | None) -> list[str]:
    # Punctuation becomes a separator rather than vanishing so that a missing
    # space after a comma ("Nga,Mỹ") does not glue two syllables together.
    norm = normalize(text or "")
    return "".join(" " if _is_punct(ch) else ch for ch in norm).split()


def token_f1(a: str | None, b: str | None) -> float:
    """Bag-of-syllables F1 between two statement texts (0.0 if either is empty)."""
    ta, tb = Counter(_tokens(a)), Counter(_tokens(b))
    if not ta or not tb:
        return 0.0
    common = sum((ta & tb).values())
    return 2 * common / (sum(ta.values()) + sum(tb.values()))


def titles_agree(a: str | None, b: str | None) -> bool:
    """Whether two role titles name the same post.

    One syllable sequence must contain the other contiguously *and* both must
    start with the same syllable: a more specific title ("Trợ lý Tổng thống Nga")
    still matches, but a different post that merely ends with the other
    ("Phó Tổng thống", "Trợ lý Tổng thống" vs "Tổng thống") does not.
    """
    sa, sb = normalize(a or "").split(), normalize(b or "").split()
    if not sa or not sb or sa[0] != sb[0]:
        return False
    short, long_ = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def _date_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def _type_set(value: Any) -> set[str]:
    if value is None:
        return set()
    if isinstance(value, str):
        return {normalize(value)}
    return {normalize(v) for v in value if v is not None}


def _name_set(entity: dict) -> set[str]:
    names = [entity.get("name")] + list(entity.get("aliases") or [])
    return {n for n in (normalize(x) for x in names if x is not None) if n}


# --------------------------------------------------------------------------- #
# Matching


def _max_matching(
    gold: list[tuple[dict, bool]],
    pred: list[dict],
    quality: Callable[[dict, dict], tuple[float, float] | None],
) -> dict[int, int]:
    """One-to-one maximum matching; returns ``{pred index: gold index}``.

    Args:
        gold: ``(item, optional)`` pairs, required and optional together.
        pred: Predicted items.
        quality: ``quality(gold_item, pred_item)`` gives ``(primary, secondary)``,
            both in ``[0, 1]``, or ``None`` when the two are not compatible. The
            secondary score only breaks ties of the primary one: two calls between
            the same people, one held and one planned, have equal Jaccard and must
            be told apart by their attributes.
    """
    graph = nx.Graph()
    graph.add_nodes_from(("g", i) for i in range(len(gold)))
    graph.add_nodes_from(("p", j) for j in range(len(pred)))
    # Lexicographic weights with integers (exact in networkx): each level is
    # worth more than any possible sum of the levels below it.
    n = min(len(gold), len(pred)) + 1
    primary_unit = (_QUALITY_SCALE + 1) * n
    required_bonus = (_QUALITY_SCALE * primary_unit + primary_unit) * n
    for i, (g, optional) in enumerate(gold):
        for j, p in enumerate(pred):
            q = quality(g, p)
            if q is None:
                continue
            primary, secondary = q
            weight = (
                1
                + round(primary * _QUALITY_SCALE) * primary_unit
                + round(secondary * _QUALITY_SCALE)
                + (0 if optional else required_bonus)
            )
            graph.add_edge(("g", i), ("p", j), weight=weight)
    result: dict[int, int] = {}
    for u, v in sorted(nx.max_weight_matching(graph, maxcardinality=True)):
        gnode, pnode = (u, v) if u[0] == "g" else (v, u)
        result[pnode[1]] = gnode[1]
    return result


# --------------------------------------------------------------------------- #
# Report objects


@dataclass
class Counts:
    """True/false positive and false negative counts with derived metrics.

    Counts are summed over articles before these are computed (micro-average).
    0/0 is defined as 1.0 only when the other side is empty too: a category
    with no gold and no prediction scores perfectly, instead of dragging the
    headline down for correctly reporting nothing; predictions without any gold
    give P = R = 0.0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if self.fp == 0 else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class Accuracy:
    """Share of matched pairs whose attribute is right; ``value`` is None on 0/0."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def record(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def add(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total

    def to_dict(self) -> dict:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


@dataclass
class Pair:
    """A matched gold/predicted item, readable, with attribute mismatches."""

    gold: str
    predicted: str
    issues: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"gold": self.gold, "predicted": self.predicted, "issues": list(self.issues)}


@dataclass
class CategoryDetail:
    """Outcome of one category in one article.

    ``optional`` holds predictions matched to optional gold items: shown for
    insight, but counted neither as TP nor FP.
    """

    counts: Counts = field(default_factory=Counts)
    matched: list[Pair] = field(default_factory=list)
    optional: list[Pair] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    def to_dict(self, items: bool = True) -> dict:
        out: dict[str, Any] = {"counts": {k: getattr(self.counts, k) for k in ("tp", "fp", "fn")}}
        if items:
            out["matched"] = [p.to_dict() for p in self.matched]
            out["optional"] = [p.to_dict() for p in self.optional]
            out["false_positives"] = list(self.false_positives)
            out["false_negatives"] = list(self.false_negatives)
        return out


@dataclass
class ArticleDetail:
    """Per-article results; ``has_prediction`` is False when the article was missed."""

    article: str
    has_prediction: bool
    categories: dict[str, CategoryDetail] = field(
        default_factory=lambda: {c: CategoryDetail() for c in CATEGORIES}
    )
    accuracies: dict[str, Accuracy] = field(
        default_factory=lambda: {a: Accuracy() for a in ACCURACIES}
    )

    def to_dict(self, items: bool = True) -> dict:
        return {
            "article": self.article,
            "has_prediction": self.has_prediction,
            "categories": {c: self.categories[c].to_dict(items) for c in CATEGORIES},
            "accuracies": {a: self.accuracies[a].to_dict() for a in ACCURACIES},
        }


@dataclass
class Report:
    """Micro-averaged scores over all gold articles, plus per-article details.

    Attributes:
        categories: Summed counts per category (``CATEGORIES`` order).
        accuracies: Attribute accuracies on required matched pairs.
        articles: One entry per gold article, in gold order.
        unmatched_articles: Predicted article ids with no gold (ignored in scores).
        missing_articles: Gold article ids with no prediction (scored as all FN).
    """

    categories: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CATEGORIES})
    accuracies: dict[str, Accuracy] = field(
        default_factory=lambda: {a: Accuracy() for a in ACCURACIES}
    )
    articles: list[ArticleDetail] = field(default_factory=list)
    unmatched_articles: list[str] = field(default_factory=list)
    missing_articles: list[str] = field(default_factory=list)

    @property
    def headline(self) -> float:
        """Mean of the four category F1 scores."""
        return sum(self.categories[c].f1 for c in CATEGORIES) / len(CATEGORIES)

    def to_dict(self, details: bool = False) -> dict:
        """JSON-ready dict with a stable key order.

        Args:
            details: Include the matched / FP / FN items of every article, not
                only its counts.
        """
        return {
            "headline": self.headline,
            "articles_scored": len(self.articles),
            "categories": {c: self.categories[c].to_dict() for c in CATEGORIES},
            "accuracies": {a: self.accuracies[a].to_dict() for a in ACCURACIES},
            "missing_articles": list(self.missing_articles),
            "unmatched_articles": list(self.unmatched_articles),
            "articles": [a.to_dict(items=details) for a in self.articles],
        }

    def format_table(self) -> str:
        """Compact aligned summary: counts and P/R/F1, accuracies, headline."""
        lines = [f"{'':<16}{'TP':>5}{'FP':>5}{'FN':>5}{'P':>8}{'R':>8}{'F1':>8}"]
        for c in CATEGORIES:
            k = self.categories[c]
            lines.append(
                f"{c:<16}{k.tp:>5}{k.fp:>5}{k.fn:>5}"
                f"{k.precision:>8.3f}{k.recall:>8.3f}{k.f1:>8.3f}"
            )
        lines.append("")
        for a in ACCURACIES:
            acc = self.accuracies[a]
            value = "n/a" if acc.value is None else f"{acc.value:.3f}"
            lines.append(f"{a + ' accuracy':<24}{value:>7}  ({acc.correct}/{acc.total})")
        lines.append("")
        lines.append(f"{'headline (mean F1)':<24}{self.headline:>7.3f}")
        notes = []
        if self.missing_articles:
            notes.append(f"no prediction for {len(self.missing_articles)} gold article(s): "
                         + ", ".join(self.missing_articles))
        if self.unmatched_articles:
            notes.append(f"ignored {len(self.unmatched_articles)} predicted article(s)"
                         " without gold: " + ", ".join(self.unmatched_articles))
        if notes:
            lines.append("")
            lines.extend(notes)
        return "\n".join(lines)

    def format_details(self) -> str:
        """Per-article listing of matched pairs, false positives and negatives."""
        out: list[str] = []
        for art in self.articles:
            head = f"== {art.article}"
            if not art.has_prediction:
                head += "  (no prediction)"
            out.append(head)
            for c in CATEGORIES:
                d = art.categories[c]
                k = d.counts
                out.append(f"  {c}: TP {k.tp}  FP {k.fp}  FN {k.fn}")
                for p in d.matched:
                    mark = "  ! " + "; ".join(p.issues) if p.issues else ""
                    out.append(f"    TP  {p.gold}  <=  {p.predicted}{mark}")
                for p in d.optional:
                    out.append(f"    opt {p.gold}  <=  {p.predicted}")
                out.extend(f"    FP  {s}" for s in d.false_positives)
                out.extend(f"    FN  {s}" for s in d.false_negatives)
        if self.unmatched_articles:
            out.append("== predicted articles without gold (ignored): "
                       + ", ".join(self.unmatched_articles))
        return "\n".join(out)


# --------------------------------------------------------------------------- #
# Per-article scoring


def _items(record: dict | None, key: str) -> list[dict]:
    if not record:
        return []
    return [x for x in (record.get(key) or []) if isinstance(x, dict)]


def _optional_items(record: dict, key: str) -> list[dict]:
    opt = record.get("optional") or {}
    return [x for x in (opt.get(key) or []) if isinstance(x, dict)]


def _snippet(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"


class _Namer:
    """Turns entity ids into names so details are readable."""

    def __init__(self, entities: Iterable[dict]):
        self._names: dict[str, str] = {}
        for e in entities:
            eid = e.get("id")
            if eid is not None and eid not in self._names:
                self._names[eid] = str(e.get("name") or eid)

    def __call__(self, eid: str | None) -> str:
        if eid is None:
            return "-"
        return self._names.get(eid, f"?{eid}")

    def entity(self, e: dict) -> str:
        t = e.get("type")
        t = "/".join(map(str, t)) if isinstance(t, list) else (t or "?")
        return f"{e.get('name')} [{t}]"

    def role(self, r: dict) -> str:
        return f"{self(r.get('person'))}: {r.get('title')} ({self(r.get('org'))})"

    def meeting(self, m: dict) -> str:
        who = ", ".join(self(p) for p in (m.get("participants") or []))
        return (f"{m.get('kind')} {m.get('date') or '-'} {m.get('status')}: {who}"
                f" @ {self(m.get('place'))}")

    def statement(self, s: dict) -> str:
        return f"{self(s.get('speaker'))}: \u201c{_snippet(s.get('text'))}\u201d"


def _finish(
    detail: CategoryDetail,
    gold: list[tuple[dict, bool]],
    pred: list[dict],
    matching: dict[int, int],
    show_gold: Callable[[dict], str],
    show_pred: Callable[[dict], str],
    check: Callable[[dict, dict], list[str]] | None = None,
) -> None:
    """Turn a matching into counts and readable pairs; runs attribute checks on TPs."""
    for j in sorted(matching, key=lambda j: (matching[j], j)):
        g, optional = gold[matching[j]]
        if optional:
            detail.optional.append(Pair(show_gold(g), show_pred(pred[j])))
            continue
        detail.counts.tp += 1
        issues = check(g, pred[j]) if check else []
        detail.matched.append(Pair(show_gold(g), show_pred(pred[j]), issues))
    for j, p in enumerate(pred):
        if j not in matching:
            detail.counts.fp += 1
            detail.false_positives.append(show_pred(p))
    matched_gold = set(matching.values())
    for i, (g, optional) in enumerate(gold):
        if not optional and i not in matched_gold:
            detail.counts.fn += 1
            detail.false_negatives.append(show_gold(g))


def _score_article(gold: dict, pred: dict | None) -> ArticleDetail:
    art = ArticleDetail(article=str(gold.get("article")), has_prediction=pred is not None)
    acc = art.accuracies

    def both(key: str) -> list[tuple[dict, bool]]:
        return [(x, False) for x in _items(gold, key)] + [
            (x, True) for x in _optional_items(gold, key)
        ]

    gname = _Namer(g for g, _ in both("entities"))
    pname = _Namer(_items(pred, "entities"))

    # 1. Entities ----------------------------------------------------------
    g_ents, p_ents = both("entities"), _items(pred, "entities")

    def type_ok(g: dict, p: dict) -> bool:
        got = _type_set(p.get("type"))
        return bool(got) and got <= _type_set(g.get("type"))

    def entity_quality(g: dict, p: dict) -> tuple[float, float] | None:
        if not _name_set(g) & _name_set(p):
            return None
        exact = normalize(g.get("name")) == normalize(p.get("name"))
        return (1.0 if exact else 0.5), float(type_ok(g, p))

    ent_match = _max_matching(g_ents, p_ents, entity_quality)
    # Predicted id -> paired gold id; the only bridge between the two id spaces.
    to_gold: dict[str, str] = {}
    for j, i in ent_match.items():
        pid, gid = p_ents[j].get("id"), g_ents[i][0].get("id")
        if pid is not None and gid is not None:
            to_gold.setdefault(pid, gid)

    def mapped(pid: str | None) -> str | None:
        return to_gold.get(pid) if pid is not None else None

    def same_entity(pid: str | None, gid: str | None) -> bool:
        return gid is not None and mapped(pid) == gid

    def check_entity(g: dict, p: dict) -> list[str]:
        ok = type_ok(g, p)
        acc["type"].record(ok)
        issues = [] if ok else [f"type {p.get('type')} not in {g.get('type')}"]
        if normalize(g.get("name")) != normalize(p.get("name")):
            issues.append("via alias")
        return issues

    _finish(art.categories["entities"], g_ents, p_ents, ent_match,
            gname.entity, pname.entity, check_entity)

    # 2. Roles -------------------------------------------------------------
    g_roles, p_roles = both("roles"), _items(pred, "roles")

    def org_ok(g: dict, p: dict) -> bool:
        if g.get("org") is None:
            return p.get("org") is None
        return same_entity(p.get("org"), g.get("org"))

    def role_quality(g: dict, p: dict) -> tuple[float, float] | None:
        if not same_entity(p.get("person"), g.get("person")):
            return None
        if not titles_agree(g.get("title"), p.get("title")):
            return None
        exact = normalize(g.get("title")) == normalize(p.get("title"))
        return (1.0 if exact else 0.5), float(org_ok(g, p))

    def check_role(g: dict, p: dict) -> list[str]:
        if g.get("org") is None:  # SPEC: org accuracy only where gold has an org
            return []
        ok = org_ok(g, p)
        acc["role org"].record(ok)
        return [] if ok else [f"org {pname(p.get('org'))} != {gname(g.get('org'))}"]

    _finish(art.categories["roles"], g_roles, p_roles,
            _max_matching(g_roles, p_roles, role_quality),
            gname.role, pname.role, check_role)

    # 3. Meetings ----------------------------------------------------------
    g_meets, p_meets = both("meetings"), _items(pred, "meetings")

    def jaccard(g: dict, p: dict) -> float:
        gs = {x for x in (g.get("participants") or []) if x is not None}
        # Unpaired predicted participants stay distinct from every gold id.
        ps = {mapped(x) or ("pred", x) for x in (p.get("participants") or []) if x is not None}
        union = gs | ps
        return len(gs & ps) / len(union) if union else 0.0

    def date_ok(g: dict, p: dict) -> bool:
        return (g.get("date") or None) == (p.get("date") or None)

    def place_ok(g: dict, p: dict) -> bool:
        if g.get("place") is None:
            return p.get("place") is None
        return same_entity(p.get("place"), g.get("place"))

    def status_ok(g: dict, p: dict) -> bool:
        return normalize(g.get("status") or "") == normalize(p.get("status") or "")

    def kind_ok(g: dict, p: dict) -> bool:
        return normalize(g.get("kind") or "") == normalize(p.get("kind") or "")

    def meeting_quality(g: dict, p: dict) -> tuple[float, float] | None:
        if (g.get("kind") == "call") != (p.get("kind") == "call"):
            return None
        if not _date_compatible(g.get("date"), p.get("date")):
            return None
        jac = jaccard(g, p)
        if jac < _MIN_MEETING_JACCARD:
            return None
        agree = [f(g, p) for f in (date_ok, place_ok, status_ok, kind_ok)]
        return jac, sum(agree) / len(agree)

    def check_meeting(g: dict, p: dict) -> list[str]:
        issues = []
        if not date_ok(g, p):
            issues.append(f"date {p.get('date')} != {g.get('date')}")
        if not place_ok(g, p):
            issues.append(f"place {pname(p.get('place'))} != {gname(g.get('place'))}")
        if not status_ok(g, p):
            issues.append(f"status {p.get('status')} != {g.get('status')}")
        acc["meeting date"].record(date_ok(g, p))
        acc["meeting place"].record(place_ok(g, p))
        acc["meeting status"].record(status_ok(g, p))
        return issues

    _finish(art.categories["meetings"], g_meets, p_meets,
            _max_matching(g_meets, p_meets, meeting_quality),
            gname.meeting, pname.meeting, check_meeting)

    # 4. Statements --------------------------------------------------------
    g_stats, p_stats = both("statements"), _items(pred, "statements")

    def statement_quality(g: dict, p: dict) -> tuple[float, float] | None:
        if not same_entity(p.get("speaker"), g.get("speaker")):
            return None
        f1 = token_f1(g.get("text"), p.get("text"))
        if f1 < _MIN_STATEMENT_F1:
            return None
        return f1, float(normalize(g.get("kind") or "") == normalize(p.get("kind") or ""))

    _finish(art.categories["statements"], g_stats, p_stats,
            _max_matching(g_stats, p_stats, statement_quality),
            gname.statement, pname.statement)
    return art


# --------------------------------------------------------------------------- #
# Public entry points


def _by_article(records: list[dict], what: str) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for r in records:
        aid = r.get("article")
        if not isinstance(aid, str) or not aid:
            raise ValueError(f"{what} record without an 'article' id")
        if aid in out:
            raise ValueError(f"duplicate {what} article {aid!r}")
        out[aid] = r
    return out


def score(gold: list[dict], predicted: list[dict]) -> Report:
    """Score predicted extraction records against gold ones.

    Args:
        gold: Gold records (SPEC format, may carry ``optional``).
        predicted: Predicted records; ``optional`` is ignored if present.

    Returns:
        A :class:`Report`. Gold articles without a prediction count as all false
        negatives; predicted articles without gold are only listed in
        ``unmatched_articles``, since they cannot be judged.

    Raises:
        ValueError: A record lacks an ``article`` id or an id appears twice.
    """
    gold_by = _by_article(gold, "gold")
    pred_by = _by_article(predicted, "predicted")
    report = Report()
    for aid, g in gold_by.items():
        p = pred_by.get(aid)
        if p is None:
            report.missing_articles.append(aid)
        art = _score_article(g, p)
        report.articles.append(art)
        for c in CATEGORIES:
            report.categories[c].add(art.categories[c].counts)
        for a in ACCURACIES:
            report.accuracies[a].add(art.accuracies[a])
    report.unmatched_articles = sorted(set(pred_by) - set(gold_by))
    return report


_LIST_KEYS = ("entities", "roles", "meetings", "statements")


def _check_record(data: Any, stem: str) -> str | None:
    """Return why ``data`` is not a usable record, or None if it is."""
    if not isinstance(data, dict):
        return "top level is not a JSON object"
    aid = data.get("article")
    if aid is None:
        return "missing 'article'"
    if not isinstance(aid, str):
        return "'article' is not a string"
    if aid != stem:
        return f"'article' is {aid!r} but the file name says {stem!r}"
    sections = [(k, data.get(k)) for k in _LIST_KEYS]
    opt = data.get("optional")
    if opt is not None:
        if not isinstance(opt, dict):
            return "'optional' is not an object"
        sections += [(f"optional.{k}", opt.get(k)) for k in _LIST_KEYS]
    for key, value in sections:
        if value is None:
            continue
        if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
            return f"'{key}' is not a list of objects"
        if key.endswith("entities"):
            for e in value:
                if not isinstance(e.get("id"), str) or not isinstance(e.get("name"), str):
                    return f"an item of '{key}' lacks a string 'id' or 'name'"
    return None


def load_records(directory: str | Path) -> list[dict]:
    """Read every ``*.json`` record in a folder, sorted by file name.

    Args:
        directory: Folder of ``<article-id>.json`` files.

    Returns:
        The parsed records.

    Raises:
        ValueError: The folder is missing or empty, or a file is unreadable, not
            JSON, or not a record; the message names the file and the reason so
            the CLI can print it as one line.
    """
    folder = Path(directory)
    if not folder.is_dir():
        raise ValueError(f"{folder}: not a directory")
    files = sorted(folder.glob("*.json"), key=lambda p: p.name)
    if not files:
        raise ValueError(f"{folder}: no .json files")
    records = []
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"{path}: cannot read: {exc}") from exc
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}: invalid JSON: {exc}") from exc
        reason = _check_record(data, path.stem)
        if reason:
            raise ValueError(f"{path}: {reason}")
        records.append(data)
    return records
