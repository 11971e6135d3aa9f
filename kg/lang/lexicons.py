"""Read the lexicons shipped as TSV files under ``kg/lang/<lang>/``.

Every lexicon is a UTF-8, NFC, tab-separated file: lines starting with ``#``
are comments, the first other line is the header with the column names, and
each following line is one record. Cells of the multi-valued columns
(:data:`MULTI_VALUED`: ``variants``, ``capitals``, ``abbreviations``) hold
several values separated by ``|``; an empty cell means no value. The files
are package data, so they are found with :mod:`importlib.resources` both in a
source checkout and in an installed wheel. ``kg/lang/vi/README.md`` describes
each file, its columns and its sources.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

#: Columns whose cells are lists of ``|``-separated values.
MULTI_VALUED = frozenset({"variants", "capitals", "abbreviations"})

#: Language of the lexicons read when no other is asked for.
DEFAULT_LANG = "vi"

Row = dict[str, "str | list[str]"]

_NAME = re.compile(r"[a-z][a-z0-9_]*")
_PACKAGE = "kg.lang"  # not __package__: empty when the file runs as a script/doctest


def load(name: str, lang: str = DEFAULT_LANG) -> list[Row]:
    """Return the records of one lexicon as dictionaries keyed by column name.

    The file is read and parsed once per process (cached with
    :func:`functools.lru_cache`); each call returns fresh dictionaries and
    lists, so a caller may change them without affecting other callers.

    Args:
        name: Lexicon name, the file stem in ``kg/lang/<lang>/`` (for example
            ``"countries"``, ``"titles"``, ``"reporting_verbs"``).
        lang: Language directory; only ``"vi"`` exists for now.

    Returns:
        One dictionary per record, in file order, with every header column
        as a key. Cells of :data:`MULTI_VALUED` columns are lists of strings
        (empty list for an empty cell); other cells are strings (``""`` when
        empty). All text is NFC-normalised and stripped.

    Raises:
        ValueError: ``name`` or ``lang`` is not a plain lower-case identifier,
            or a record has more cells than the header has columns.
        FileNotFoundError: No such lexicon.

    Example:
        >>> from kg.lang import lexicons
        >>> russia = next(r for r in lexicons.load("countries") if r["key"] == "ru")
        >>> russia["name"], "Liên bang Nga" in russia["variants"], russia["capitals"][0]
        ('Nga', True, 'Moskva')
        >>> sorted(lexicons.load("titles")[0])
        ['category', 'title']
    """
    header, records = _parse(name, lang)
    return [
        {col: list(cell) if isinstance(cell, tuple) else cell for col, cell in zip(header, rec)}
        for rec in records
    ]


def available(lang: str = DEFAULT_LANG) -> list[str]:
    """Names of the lexicons shipped for ``lang``, sorted.

    >>> "countries" in available()
    True
    """
    _check(lang)
    folder = resources.files(_PACKAGE).joinpath(lang)
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".tsv"))


def _check(*names: str) -> None:
    for value in names:
        if not _NAME.fullmatch(value):
            raise ValueError(f"not a lexicon or language name: {value!r}")


@lru_cache(maxsize=None)
def _parse(name: str, lang: str) -> tuple[tuple[str, ...], tuple[tuple, ...]]:
    """Header and records of ``kg/lang/<lang>/<name>.tsv``, immutable (cached)."""
    _check(name, lang)
    path = resources.files(_PACKAGE).joinpath(lang, f"{name}.tsv")
    if not path.is_file():
        raise FileNotFoundError(f"no lexicon {lang}/{name}.tsv")
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8-sig"))
    header: tuple[str, ...] | None = None
    records = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = tuple(cells)
            continue
        if len(cells) > len(header):
            raise ValueError(
                f"{lang}/{name}.tsv line {lineno}: {len(cells)} cells, header has {len(header)}"
            )
        cells += [""] * (len(header) - len(cells))
        records.append(
            tuple(
                tuple(v.strip() for v in cell.split("|") if v.strip()) if col in MULTI_VALUED else cell
                for col, cell in zip(header, cells)
            )
        )
    if header is None:
        raise ValueError(f"{lang}/{name}.tsv has no header line")
    return header, tuple(records)
