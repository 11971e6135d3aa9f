"""The library of competency queries shipped as ``.rq`` files.

Each file starts with ``#`` comment lines saying what it answers; that text is
what ``kg query --list`` shows.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_DIR = files("kg.query") / "queries"


def names() -> list[str]:
    return sorted(p.name[:-3] for p in _DIR.iterdir() if p.name.endswith(".rq"))


def text(name: str) -> str:
    return (_DIR / f"{name}.rq").read_text(encoding="utf-8")


def description(name: str) -> str:
    """The leading comment of a query, as one line."""
    lines = []
    for line in text(name).splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").strip())
    return " ".join(lines)


def resolve(query: str) -> str:
    """Accept a library name, a path to a ``.rq`` file, or SPARQL text.

    Example:
        >>> "dip:participant" in resolve("who_met_whom")
        True
        >>> resolve("ASK { ?s ?p ?o }")
        'ASK { ?s ?p ?o }'
    """
    if query in names():
        return text(query)
    if len(query) < 4096 and "\n" not in query and query.endswith(".rq"):
        return Path(query).read_text(encoding="utf-8")
    return query
