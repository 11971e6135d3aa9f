"""Every message a user reads, in one place.

Keeping wording here lets the CLI, the library and the tests agree on it, and
lets us review the tone of the whole tool at once. Each is a ``str.format``
template; :func:`say` fills it.
"""

from __future__ import annotations

# Reading input -------------------------------------------------------------
EMPTY_FILE = "{origin}: skipped: the file is empty"
NOT_UTF8 = (
    "{origin}: skipped: not UTF-8 text (byte {position}); convert it first, "
    "e.g. `iconv -f WINDOWS-1258 -t UTF-8`"
)
BINARY_FILE = "{origin}: skipped: looks like binary data, not an article"
TOO_LARGE = "{origin}: skipped: {size_mb:.1f} MB is over the {limit_mb:g} MB limit per article (--max-mb)"
UNREADABLE = "{origin}: skipped: cannot read it ({reason})"
NO_SUCH_PATH = "{origin}: skipped: no such file or directory"
EMPTY_DIR = "{origin}: skipped: a directory with no .txt or .jsonl file in it"
UNSUPPORTED = "{origin}: skipped: not a .txt, .jsonl or directory"
NO_DATE = "{origin}: no date line; relative dates stay unresolved"
BAD_DATE = "{origin}: date '{value}' is not a real date; treated as unknown"
EMPTY_BODY = "{origin}: skipped: no article text after the date line"
JSONL_BAD_LINE = "{origin}: skipped: not a JSON object ({reason})"
JSONL_NO_TEXT = "{origin}: skipped: no \"text\" field"
JSONL_SURROGATE = "{origin}: skipped: \"{field}\" holds an invalid character escape (a lone UTF-16 surrogate)"
DUPLICATE_ID = "{origin}: skipped: article id '{article_id}' was already read from {first}"

# Build ---------------------------------------------------------------------
BUILD_NOTHING = "nothing to build: no readable article in {paths}"
BUILD_SUMMARY = "built {built} article(s), skipped {skipped}; the graph holds {triples} triples in {articles} article(s)"
WROTE = "wrote {what}: {path}"
ARTICLE_FAILED = "{origin}: skipped: extraction failed ({reason})"
BUILD_INTERRUPTED = "interrupted; the previous build is unchanged"

# Command line ----------------------------------------------------------------
USAGE_ERROR = "kg: {reason} (see `{command} --help`)"
INTERNAL_ERROR = "kg: internal error: {kind}: {reason} (set KG_DEBUG=1 for the traceback)"

# Opening a build -------------------------------------------------------------
NO_BUILD = "{path}: no build here; run `kg build --out {path}` first"

# Evaluate --------------------------------------------------------------------
NO_GOLD = "{path}: no gold records (*.json) found"


def say(template: str, **fields: object) -> str:
    """Fill a message template.

    Example:
        >>> say(EMPTY_FILE, origin="a.txt")
        'a.txt: skipped: the file is empty'
    """
    return template.format(**fields)
