"""Shape tests on surface strings: capitalisation, acronyms, foreign syllables.

Names are found mostly from their shape, because the lexicons can never list
every official of every country. Vietnamese writes common words in lower case
except at a sentence start, so a capitalised word is a name candidate unless it
is sentence-initial and a dictionary word; foreign names are recognisable
because their syllables break Vietnamese syllable structure ("Kremlin",
"Putin"), while Vietnamese names are not dictionary words as a whole.
"""

from __future__ import annotations

import re
import unicodedata

from kg.nlp.orthography import fold

# Tone marks only: the vowel qualities (ă â ê ô ơ ư) stay.
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VI_SYLLABLE = re.compile(
    r"(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?"
    r"(uyê|uya|oai|oay|oeo|uây|uôi|ươi|ươu|yêu|iêu|"
    r"[aăâeêioôơuưy]{1,2})"
    r"(ch|ng|nh|[cmnpt])?"
)


def _strip_tones(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))


def is_vietnamese_syllable(syllable: str) -> bool:
    """Whether ``syllable`` fits Vietnamese syllable structure.

    >>> is_vietnamese_syllable("Nguyễn"), is_vietnamese_syllable("Putin")
    (True, False)
    """
    return bool(_VI_SYLLABLE.fullmatch(_strip_tones(syllable)))


def is_acronym(text: str) -> bool:
    """All-capital short form of two or more letters ("UAE", "GRU", "NBC")."""
    letters = text.replace("-", "").replace("&", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def is_short_form(text: str) -> bool:
    """An acronym, or a short form mixing cases with two or more capitals
    ("AfCFTA", "CoC"): no word of a name is written so.

    >>> is_short_form("AfCFTA"), is_short_form("ASEAN"), is_short_form("Merdeka")
    (True, True, False)
    """
    return is_acronym(text) or (text.isalpha() and sum(c.isupper() for c in text) >= 2)


def abbreviates(acronym: str, name: str) -> bool:
    """Whether the acronym's letters are, in order, initials of the name's
    words ("TPHCM" of "Thành phố Hồ Chí Minh"; not "COC" of "Biển Đông").

    >>> abbreviates("TP.HCM", "Thành phố Hồ Chí Minh"), abbreviates("COC", "Biển Đông")
    (True, False)
    """
    initials = [fold(w)[:1] for w in re.split(r"[\s\-]+", name) if w]
    k = 0
    for ch in (c for c in fold(acronym) if c.isalpha()):
        while k < len(initials) and initials[k] != ch:
            k += 1
        if k == len(initials):
            return False
        k += 1
    return True


def looks_foreign(text: str) -> bool:
    """Some syllable is not a possible Vietnamese syllable."""
    return any(not is_vietnamese_syllable(s) for s in re.split(r"[\s\-]+", text) if s)


# Generational suffixes after a surname: "Ferdinand Marcos Jr." is "ông Marcos".
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def name_core(sylls: tuple[str, ...]) -> tuple[str, ...]:
    """Folded name syllables without a trailing generational suffix.

    >>> name_core(("ferdinand", "marcos", "jr."))
    ('ferdinand', 'marcos')
    """
    while len(sylls) > 1 and sylls[-1] in NAME_SUFFIXES:
        sylls = sylls[:-1]
    return sylls


def slugify(text: str) -> str:
    """ASCII slug for keys: "Vladimir Putin" -> "vladimir-putin".

    >>> slugify("Hội đồng An ninh Nga")
    'hoi-dong-an-ninh-nga'
    """
    text = fold(text).replace("đ", "d")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
