"""Alphabetical order in a document's language, and the names of States as UN lists write them.

- `sort_key(text, language)` orders names as a reader of that language expects: in French
  accents and case are folded ("Égypte" between "Djibouti" and "Émirats"); in Arabic the article
  "ال" is not counted and the forms of alif (أ إ آ ٱ), tā' marbūṭa, alif maqṣūra and hamza seats
  fold to their base letter, so that "الأردن" files under alif as UN Arabic lists have it, and the
  Arabic letters then follow their Unicode order, which is the alphabet's (ا ب ت ث ج ح خ ...).
- `state_name(delegation, language)` gives a Member State's name in `language` when the
  delegation is written as a State's name in any of Arabic, English or French (CLDR's names, with
  the UN's own where they differ: "Syrian Arab Republic", "State of Palestine"); anything else
  comes back as written.
- `is_observer_state(delegation)` names the non-member observer States (the Holy See, the State
  of Palestine), which UN lists show after the Member States.

Plain Python (Babel's CLDR data); no Flask, no database.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from babel import Locale

LANGUAGES = ("ar", "en", "fr")

# Where the UN's names differ from CLDR's.
UN_NAMES = {
    "SY": {"ar": "الجمهورية العربية السورية", "en": "Syrian Arab Republic", "fr": "République arabe syrienne"},
    "PS": {"ar": "دولة فلسطين", "en": "State of Palestine", "fr": "État de Palestine"},
    "VA": {"ar": "الكرسي الرسولي", "en": "Holy See", "fr": "Saint-Siège"},
    "IQ": {"fr": "Iraq"},
    "LY": {"ar": "ليبيا", "en": "Libya", "fr": "Libye"},
}
OBSERVER_STATES = frozenset({"PS", "VA"})
# Other names a delegation is commonly written with.
ALIASES = {"palestine": "PS", "فلسطين": "PS", "état de palestine": "PS", "vatican": "VA"}

_ARABIC_FOLDS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي", "ـ": None,
})
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")   # harakat, shadda, sukun, dagger alif
_ARTICLE = re.compile(r"(^|\s)ال(?=\S)")


def sort_key(text: str, language: str) -> tuple:
    """A key that orders `text` alphabetically for a reader of `language`."""
    text = " ".join((text or "").split())
    if language == "ar":
        folded = _ARABIC_MARKS.sub("", text).translate(_ARABIC_FOLDS)
        folded = _ARTICLE.sub(r"\1", folded)
        # Arabic names before Latin ones in an Arabic list; then the folded form, then as written.
        latin = bool(folded) and not ("\u0600" <= folded[0] <= "\u06ff")
        return (latin, folded.casefold(), text)
    base = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    base = base.replace("’", "'").replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae")
    # Apostrophes, hyphens and spaces do not count in the first pass ("Côte d'Ivoire").
    letters = re.sub(r"[\s'\-.,()]", "", base).casefold()
    return (False, letters, base.casefold(), text)


@functools.lru_cache(maxsize=None)
def _codes() -> dict[str, str]:
    """Every State's name in ar, en and fr (CLDR's and the UN's), casefolded -> its ISO code."""
    found: dict[str, str] = {}
    for language in LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha():
                found.setdefault(name.casefold(), code)
    for code, names in UN_NAMES.items():
        for name in names.values():
            found[name.casefold()] = code
    return {**found, **ALIASES}


def state_code(delegation: str) -> str | None:
    return _codes().get(" ".join((delegation or "").split()).casefold())


def state_name(delegation: str, language: str) -> str:
    """The State's name in `language`, or `delegation` as written when it names no State."""
    code = state_code(delegation)
    if code is None:
        return delegation
    un = UN_NAMES.get(code, {}).get(language)
    return un or Locale.parse(language).territories.get(code, delegation)


def is_observer_state(delegation: str) -> bool:
    return state_code(delegation) in OBSERVER_STATES


def language_name(code: str | None, language: str) -> str:
    """The name of language `code` in `language` ("anglais"), "" for None."""
    if not code:
        return ""
    return Locale.parse(language).languages.get(code, code)
