"""Three languages, one of them right-to-left.

The message catalogues are the committed .po sources under each package's `translations/`; they
are compiled in memory when the app starts (nothing to compile by hand, nothing generated to
commit). Dates and times are written as the UN writes them (`timing/un_dates.py`), in the
conference's zone or the reader's.
"""
from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.dates import get_timezone_location
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from timing import un_dates

LANGUAGES = ("ar", "en", "fr")
DEFAULT_LANGUAGE = "en"
RTL = frozenset({"ar"})
LANGUAGE_NAMES = {"ar": "العربية", "en": "English", "fr": "Français"}
CATALOGUE_PACKAGES = ("conference", "sessions", "speakers")
ROOT = Path(__file__).resolve().parent.parent


def catalogue_paths(language: str) -> list[Path]:
    """Every catalogue of every package for `language`: each feature keeps its own .po file."""
    return sorted(path for pkg in CATALOGUE_PACKAGES
                  for path in (ROOT / pkg / "translations" / language / "LC_MESSAGES").glob("*.po"))


def N_(message: str) -> str:
    """Marks a string for the catalogues; it is translated where it is shown."""
    return message


@lru_cache(maxsize=None)
def translations(language: str) -> NullTranslations:
    """All packages' catalogues for `language`, merged, compiled in memory."""
    merged: NullTranslations | None = None
    for path in catalogue_paths(language):
        with open(path, "rb") as handle:
            catalog = read_po(handle, locale=language)
        buffer = BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        current = Translations(buffer)
        if merged is None:
            merged = current
        else:
            merged.merge(current)
    return merged or NullTranslations()


def gettext(language: str, message: str, **values) -> str:
    text = translations(language).gettext(message)
    return text % values if values else text


def ngettext(language: str, singular: str, plural: str, n: int, **values) -> str:
    text = translations(language).ngettext(singular, plural, n)
    values.setdefault("num", n)
    return text % values


def normalise(language: str | None) -> str | None:
    if not language:
        return None
    language = language.strip().lower().replace("_", "-").split("-")[0]
    return language if language in LANGUAGES else None


def is_rtl(language: str) -> bool:
    return language in RTL


def direction(language: str) -> str:
    return "rtl" if is_rtl(language) else "ltr"


def locale(language: str) -> Locale:
    return Locale.parse(language)


def fmt_time(moment: datetime, language: str, zone) -> str:
    return un_dates.time(moment, language, zone)


def fmt_time_range(start: datetime, end: datetime, language: str, zone) -> str:
    return un_dates.time_range(start, end, language, zone)


def fmt_datetime(moment: datetime, language: str, zone, form: str = "medium") -> str:
    """The day and the time (`form` "full": with the weekday)."""
    return un_dates.moment(moment, language, zone, weekday=form == "full")


def fmt_date(day, language: str, form: str = "full") -> str:
    """`form` "full": with the weekday; any other form: the day, the month in full, the year."""
    return un_dates.date(day, language, weekday=form == "full")


def fmt_date_range(first, last, language: str) -> str:
    return un_dates.date_range(first, last, language)


ZONE_TIME = N_("%(city)s time")


def zone_name(zone: str, language: str) -> str:
    """A time zone as a reader says it: its city in `language` ("Beirut time", "توقيت بيروت",
    "heure de Beyrouth"); a zone without a city (UTC) is named by its id."""
    if "/" not in zone or zone.startswith("Etc/"):
        return zone
    try:
        city = get_timezone_location(zone, locale=language, return_city=True)
    except LookupError:
        return zone
    if not city or city == zone:
        return zone
    return gettext_city(language, ZONE_TIME, city=city)


def gettext_city(language: str, message: str, city: str, **values) -> str:
    """`message` translated with a place name in it: French "de %(city)s" is elided or joined
    with the city's article ("heure d’Amman", "heure du Caire"), never "heure de Amman"."""
    pattern = translations(language).gettext(message)
    if language == "fr":
        pattern = pattern.replace("de %(city)s", french_de(city).replace("%", "%%"))
    return pattern % {**values, "city": city}


# French names whose h is mute ("l’heure d’Helsinki"); a foreign h is otherwise aspirated ("de Hong Kong").
FRENCH_MUTE_H = frozenset({"Halifax", "Helsinki", "Hermosillo", "Hobart"})


def french_de(name: str) -> str:
    """"de" before a French place name: elided before a vowel or a mute h ("d’Amman"), joined
    with the article ("du Caire", "des Açores"), else plain ("de Beyrouth", "de La Havane")."""
    if name.startswith("Le "):
        return "du " + name[3:]
    if name.startswith("Les "):
        return "des " + name[4:]
    first = name[:1].lower()
    if first in "aeiouàâäéèêëîïôöùûüœæ" or any(name.startswith(word) for word in FRENCH_MUTE_H):
        return "d’" + name
    return "de " + name


def pick(text: dict | None, language: str, fallback: str = DEFAULT_LANGUAGE) -> str:
    """The text in `language`, else in the fallback, else any: a title is never blank."""
    if not text:
        return ""
    return text.get(language) or text.get(fallback) or next(iter(text.values()), "")
