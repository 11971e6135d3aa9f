"""Cross-article event resolution: one node per real meeting.

Several articles report the same summit; each article's claims (its date, its
participants, held or planned) stay in its own named graph, but they are
claims about one node, so "the Alaska summit" is one IRI however many
articles mention it.

Two reports are taken as one event when they have the same kind, their
participants overlap (Jaccard >= 0.5) and nothing contradicts it: dates, if
both are known, agree at the precision of the vaguer one. Because vague
reports ("a call between the two leaders") are common and repeated events
(the ninth call this year) are too, agreement must also be specific: a day
date on one side, or the same named place on both. Summits are the exception:
the same leaders rarely hold two, so for them it is enough that nothing
contradicts (the planned summit of one article is the held one of the next).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from importlib.resources import files

from rdflib import URIRef

from kg.extract.model import Meeting
from kg.graph import iris
from kg.graph.mapping import MEETING_CLASS
from kg.graph.store import GraphStore

_KIND_NAME = {str(v): k for k, v in MEETING_CLASS.items()}


def _statements(text: str) -> dict[str, str]:
    """The named statements of an SQL file: each follows a ``-- name: NAME`` line."""
    named: dict[str, list[str]] = {}
    lines: list[str] = []
    for line in text.splitlines():
        if line.startswith("-- name:"):
            lines = named.setdefault(line.removeprefix("-- name:").strip(), [])
        elif not line.startswith("--"):
            lines.append(line)
    return {name: "\n".join(body).strip() for name, body in named.items()}


_SQL = _statements((files("kg.graph") / "queries" / "event_index.sql").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Report:
    """One article's account of one meeting, as far as resolution needs it."""

    iri: str
    article_id: str
    kind: str
    participants: frozenset[str]
    date: str | None
    place: str | None


def same_event(a: Report, b: Report) -> bool:
    """Whether two reports describe one event.

    Example:
        >>> x = Report("m1", "a", "summit", frozenset({"p/putin", "p/trump"}), "2025-08-15", "place/alaska")
        >>> y = Report("m2", "b", "summit", frozenset({"p/putin", "p/trump"}), None, "place/alaska")
        >>> same_event(x, y)
        True
        >>> same_event(x, Report("m3", "c", "summit", x.participants, "2025-09", "place/alaska"))
        False
        >>> same_event(x, Report("m4", "d", "summit", x.participants, "2025-08", None))
        True
    """
    if a.kind != b.kind or not a.participants or not b.participants:
        return False
    if len(a.participants & b.participants) / len(a.participants | b.participants) < 0.5:
        return False
    same_place = a.place is not None and a.place == b.place
    if a.place and b.place and not same_place:
        return False
    if a.date and b.date:
        short, long = sorted((a.date, b.date), key=len)
        if not long.startswith(short):
            return False
        return len(long) == 10 or same_place or a.kind == "summit"
    return same_place or a.kind == "summit"


class EventIndex:
    """The meetings already in the store, indexed by what a match must share.

    A report can only be the same event as a claim that shares its place, or
    whose date agrees with its own at day precision (:func:`same_event`), or,
    for summits, a participant. Claims are filed under those keys, so a probe
    reads only the claims it could match: a claim no report can ever match (a
    vague call with no date or place) is filed nowhere. Reading every claim
    with a shared participant instead made a corpus's build quadratic, since
    such vague reports pile up under the leaders they name.

    The index lives in a private SQLite database on disk (deleted when the
    index is closed or collected) with a bounded page cache: it must remember
    every article's claims to resolve later reports, and held in Python that
    grew the build's memory by about 1.7 KB per article.
    """

    def __init__(self) -> None:
        # "" is SQLite's private temporary database: in memory up to the cache size, then on disk.
        self._db = sqlite3.connect("", isolation_level=None)
        self._db.executescript(_SQL["schema"])

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> EventIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @classmethod
    def from_store(cls, store: GraphStore) -> EventIndex:
        index = cls()
        query = (files("kg.graph") / "queries" / "meeting_reports.rq").read_text(encoding="utf-8")
        rows: dict[tuple[str, str], dict] = {}
        for row in store.query(query):
            article_id = iris.article_id_of(row["g"].value)
            if article_id is None:
                continue
            entry = rows.setdefault((article_id, row["meeting"].value), {
                "kind": _KIND_NAME[row["kind"].value], "participants": set(),
                "date": row["date"].value if row["date"] is not None else None,
                "place": row["place"].value if row["place"] is not None else None,
            })
            entry["participants"].add(row["participant"].value)
        by_article: dict[str, list[Report]] = {}
        for (article_id, iri), e in sorted(rows.items()):
            by_article.setdefault(article_id, []).append(
                Report(iri, article_id, e["kind"], frozenset(e["participants"]), e["date"], e["place"]))
        for article_id, reports in by_article.items():
            index.put(article_id, reports)
        return index

    def put(self, article_id: str, reports: list[Report]) -> None:
        """Record an article's reports, replacing what it had before."""
        db = self._db
        db.execute("BEGIN")
        try:
            old = [c for (c,) in db.execute(_SQL["claims_of_article"], (article_id,))]
            db.execute(_SQL["drop_article"], (article_id,))
            for claim in old:
                if db.execute(_SQL["is_held"], (claim,)).fetchone() is None:
                    db.execute(_SQL["drop_claim_keys"], (claim,))
                    db.execute(_SQL["drop_claim"], (claim,))
            for report in reports:
                row = (report.iri, report.kind, _SEP.join(sorted(report.participants)),
                       report.date or "", report.place or "")
                found = db.execute(_SQL["find_claim"], row).fetchone()
                if found is None:
                    claim = db.execute(_SQL["add_claim"], row).lastrowid
                    db.executemany(_SQL["file_claim"], [(_SEP.join(key), claim) for key in _filed_under(report)])
                else:
                    claim = found[0]
                db.execute(_SQL["hold_claim"], (article_id, claim))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def assign(self, article_id: str, meetings: list[Meeting]) -> list[URIRef]:
        """IRIs for an article's meetings: an existing event's, or a new one.

        A new event is named after the first article that reports it, so a
        graph built in one go and one built article by article agree.
        """
        result: list[URIRef] = []
        reports: list[Report] = []
        for number, meeting in enumerate(meetings, start=1):
            probe = Report("", article_id, meeting.kind,
                           frozenset(str(iris.actor(p)) for p in meeting.participants),
                           meeting.date, str(iris.actor(meeting.place)) if meeting.place else None)
            candidates = [r for r in self._claims_under(_looked_up(probe), article_id) if same_event(probe, r)]
            iri = min(candidates, key=lambda r: r.iri).iri if candidates else self._new_iri(article_id, number)
            result.append(URIRef(iri))
            reports.append(Report(iri, article_id, probe.kind, probe.participants, probe.date, probe.place))
        self.put(article_id, reports)
        return result

    def _claims_under(self, keys: list[tuple[str, ...]], article_id: str) -> list[Report]:
        """The claims filed under ``keys`` that some other article makes."""
        if not keys:
            return []
        rows = self._db.execute(_SQL["claims_under"].format(keys=", ".join("?" * len(keys))),
                                [*(_SEP.join(key) for key in keys), article_id])
        return [Report(iri, "", kind, frozenset(people.split(_SEP)) if people else frozenset(),
                       date or None, place or None) for iri, kind, people, date, place in rows]

    def _new_iri(self, article_id: str, number: int) -> str:
        """The article's own IRI for a new event, unless other articles still report
        an event under it (the article, built again, no longer matches its own
        earlier event): then the first free variant."""
        iri, variant = str(iris.fact("meeting", article_id, number)), 1
        while self._db.execute(_SQL["reported_by_others"], (iri, article_id)).fetchone() is not None:
            variant += 1
            iri = str(iris.fact("meeting", article_id, f"{number}-{variant}"))
        return iri


_SEP = "\x1f"  # a unit separator: in no IRI, no date
def _filed_under(claim: Report) -> list[tuple[str, ...]]:
    """The keys a claim is found by: every way :func:`same_event` can accept it."""
    if claim.kind == "summit":
        return [("participant", claim.kind, p) for p in sorted(claim.participants)]
    keys = [("place", claim.kind, claim.place)] if claim.place else []
    if claim.date:
        keys.append(("date", claim.kind, claim.date))
        if len(claim.date) == 10:  # found by vaguer dates too, if it is the precise one
            keys += [("day in", claim.kind, claim.date[:7]), ("day in", claim.kind, claim.date[:4])]
    return keys


def _looked_up(probe: Report) -> list[tuple[str, ...]]:
    """The keys under which every claim ``probe`` could match is filed.

    Besides a summit's participants and a shared place: a day date matches
    claims of that day, month or year; a vaguer date only day-precise claims
    within it (two vague dates need a shared place as well).
    """
    if probe.kind == "summit":
        return [("participant", probe.kind, p) for p in sorted(probe.participants)]
    keys = [("place", probe.kind, probe.place)] if probe.place else []
    if probe.date and len(probe.date) == 10:
        keys += [("date", probe.kind, probe.date[:n]) for n in (10, 7, 4)]
    elif probe.date:
        keys.append(("day in", probe.kind, probe.date))
    return keys
