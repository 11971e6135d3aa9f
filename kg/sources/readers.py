"""Read articles from files and folders, one at a time.

A corpus can hold thousands of files, some broken. Readers therefore stream
(never the whole corpus in memory) and never raise on bad input: they yield a
:class:`Problem` naming the file and the reason, and go on with the rest.

Supported inputs:
    * the seed format: a ``.txt`` file beginning ``" date YYYY-MM-DD "`` with the
      body following (on the same line or the next);
    * plain ``.txt`` with no date line (date unknown, a warning);
    * ``.jsonl``: one ``{"id", "date", "text", "url", "title"}`` object per line;
    * directories of these, walked recursively in sorted order.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg import messages as msg
from kg.slug import ascii_slug
from kg.sources.article import Article

DEFAULT_MAX_MB = 5.0
_DATE_LINE = re.compile(r"\A\s*date\s+(\S+)[ \t]*\n?[ \t]*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SUFFIXES = {".txt", ".jsonl"}


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input. ``skipped`` is False for mere warnings."""

    origin: str
    message: str
    skipped: bool = True


Item = Article | Problem


def read_paths(paths: Iterable[str | Path], max_mb: float = DEFAULT_MAX_MB) -> Iterator[Item]:
    """Yield every article (or problem) found under ``paths``.

    Article ids must be unique: a repeated id is reported and skipped, so a
    second copy can never silently replace the first.

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "a.txt").write_text(" date 2026-01-23 Ông Putin tiếp ông Witkoff.")
        >>> [a.date for a in read_paths([d]) if isinstance(a, Article)]
        ['2026-01-23']
    """
    seen: dict[str, str] = {}
    for path in paths:
        for item in _read_path(Path(path), max_mb):
            if isinstance(item, Article):
                first = seen.setdefault(item.id, item.origin)
                if first != item.origin:
                    yield Problem(item.origin, msg.say(msg.DUPLICATE_ID, origin=item.origin, article_id=item.id, first=first))
                    continue
            yield item


def _read_path(path: Path, max_mb: float) -> Iterator[Item]:
    origin = str(path)
    try:
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):  # rglob would silently find nothing
                yield Problem(origin, msg.say(msg.UNREADABLE, origin=origin, reason="Permission denied"))
                return
            found = False
            for child in sorted(path.rglob("*")):
                if child.name.startswith(".") or child.suffix.lower() not in _SUFFIXES or child.is_dir():
                    continue
                found = True
                if child.is_file():
                    yield from _read_file(child, max_mb)
                else:  # a broken link, a socket ...: say so rather than skip it silently
                    yield Problem(str(child), msg.say(msg.UNREADABLE, origin=child, reason="not a regular file"))
            if not found:
                yield Problem(origin, msg.say(msg.EMPTY_DIR, origin=origin))
            return
        if not path.exists():
            yield Problem(origin, msg.say(msg.NO_SUCH_PATH, origin=origin))
            return
    except OSError as err:
        yield Problem(origin, msg.say(msg.UNREADABLE, origin=origin, reason=err.strerror or err))
        return
    if path.suffix.lower() not in _SUFFIXES:
        yield Problem(origin, msg.say(msg.UNSUPPORTED, origin=origin))
        return
    yield from _read_file(path, max_mb)


def _read_file(path: Path, max_mb: float) -> Iterator[Item]:
    origin = str(path)
    if path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(path, max_mb)
        return
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a named pipe would block the read forever
            yield Problem(origin, msg.say(msg.UNREADABLE, origin=origin, reason="not a regular file"))
            return
        size = info.st_size
        if size > max_mb * 1e6:
            yield Problem(origin, msg.say(msg.TOO_LARGE, origin=origin, size_mb=size / 1e6, limit_mb=max_mb))
            return
        raw = path.read_bytes()
    except OSError as err:
        yield Problem(origin, msg.say(msg.UNREADABLE, origin=origin, reason=err.strerror or err))
        return
    text = _decode(raw, origin)
    if isinstance(text, Problem):
        yield text
        return
    yield from _parse_seed(text, article_id=safe_id(path.stem), origin=origin)


def _decode(raw: bytes, origin: str) -> str | Problem:
    if not raw.strip():
        return Problem(origin, msg.say(msg.EMPTY_FILE, origin=origin))
    if b"\x00" in raw[:4096]:
        return Problem(origin, msg.say(msg.BINARY_FILE, origin=origin))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return Problem(origin, msg.say(msg.NOT_UTF8, origin=origin, position=err.start))
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t")
    if controls > 8:
        return Problem(origin, msg.say(msg.BINARY_FILE, origin=origin))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _parse_seed(text: str, article_id: str, origin: str) -> Iterator[Item]:
    """Split the optional date header from the body."""
    date: str | None = None
    match = _DATE_LINE.match(text)
    if match:
        date = _valid_date(match.group(1))
        if date is None:
            yield Problem(origin, msg.say(msg.BAD_DATE, origin=origin, value=match.group(1)), skipped=False)
        text = text[match.end():]
    else:
        yield Problem(origin, msg.say(msg.NO_DATE, origin=origin), skipped=False)
    body = text.rstrip()
    if not body.strip():
        yield Problem(origin, msg.say(msg.EMPTY_BODY, origin=origin))
        return
    yield Article(id=article_id, text=body, date=date, origin=origin)


def _read_jsonl(path: Path, max_mb: float) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as err:
        yield Problem(str(path), msg.say(msg.UNREADABLE, origin=path, reason=err.strerror or err))
        return
    with handle:
        for lineno, (raw, size) in enumerate(_lines(handle, int(max_mb * 1e6)), start=1):
            origin = f"{path}:{lineno}"
            if raw is None:
                yield Problem(origin, msg.say(msg.TOO_LARGE, origin=origin, size_mb=size / 1e6, limit_mb=max_mb))
                continue
            if not raw.strip():
                continue
            line = _decode(raw, origin)
            if isinstance(line, Problem):
                yield line
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                yield Problem(origin, msg.say(msg.JSONL_BAD_LINE, origin=origin, reason=err.msg))
                continue
            if not isinstance(obj, dict):
                yield Problem(origin, msg.say(msg.JSONL_BAD_LINE, origin=origin, reason=type(obj).__name__))
                continue
            body = obj.get("text")
            if not isinstance(body, str) or not body.strip():
                yield Problem(origin, msg.say(msg.JSONL_NO_TEXT, origin=origin))
                continue
            bad = next((k for k in ("text", "title", "url") if isinstance(obj.get(k), str) and not _encodable(obj[k])), None)
            if bad:  # "\ud800" is valid JSON but no character: it would fail when written
                yield Problem(origin, msg.say(msg.JSONL_SURROGATE, origin=origin, field=bad))
                continue
            date = None
            if obj.get("date") is None:
                yield Problem(origin, msg.say(msg.NO_DATE, origin=origin), skipped=False)
            else:
                date = _valid_date(str(obj["date"]))
                if date is None:
                    yield Problem(origin, msg.say(msg.BAD_DATE, origin=origin, value=obj["date"]), skipped=False)
            raw_id = obj.get("id")
            article_id = safe_id(str(raw_id)) if raw_id not in (None, "") else f"{safe_id(path.stem)}-{lineno}"
            yield Article(
                id=article_id,
                text=body.replace("\r\n", "\n").rstrip(),
                date=date,
                origin=origin,
                url=obj.get("url") if isinstance(obj.get("url"), str) else None,
                title=obj.get("title") if isinstance(obj.get("title"), str) else None,
            )


def _lines(handle, limit: int) -> Iterator[tuple[bytes | None, int]]:
    """Yield ``(line, size)``; a line over ``limit`` bytes is ``(None, size)`` and never held whole."""
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield raw, len(raw)
            continue
        size = len(raw)
        while raw and not raw.endswith(b"\n"):  # drain the rest of the line in chunks
            raw = handle.readline(1 << 20)
            size += len(raw)
        yield None, size


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _valid_date(value: str) -> str | None:
    """Return an ISO date for ``YYYY-MM-DD`` (or a longer ISO timestamp), else None."""
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(0)).isoformat()
    except ValueError:
        return None


def safe_id(raw: str) -> str:
    """Make an id safe for file names and IRIs, keeping it readable.

    Example:
        >>> safe_id("bài viết/01 (Nga)")
        'bai-viet-01-Nga'
    """
    return ascii_slug(raw, keep_case=True) or "article"
