"""Dates and times written as the United Nations writes them, in Arabic, English and French.

The one place every page, document, calendar description and e-mail formats a date or a time:

- English: "24 February 2021", "Wednesday, 24 February 2021", "24–25 February 2021" (day month
  year, months in full, an en dash between days).
- French: "24 février 2021", "mercredi 24 février 2021", "24-25 février 2021", "1er mars 2021"
  (the first of the month is "1er").
- Arabic: both month names as the Arab East's UN documents write them, the Syriac (Levantine)
  name then the Gregorian one, "24-25 شباط/فبراير 2021", Western digits, and the Arabic comma
  "،" after the weekday: "الأربعاء، 24 شباط/فبراير 2021".
- A range across months keeps one year, "28 February – 1 March 2021"; across years it joins two
  full dates, "31 December 2021 – 1 January 2022".
- Times: 24-hour "10:00" in English and French, a range "10:00–11:15" (colon, en dash, no
  spaces: one style for both languages); in Arabic as the Arabic locale (CLDR, through babel)
  writes them, "9:30 ص", a range "9:30–11:15 ص".

Pure: instants are converted to the zone given (a pytz zone or its name); nothing reads a clock.
"""
from __future__ import annotations

from datetime import date as Date, datetime as DateTime, tzinfo

from babel.dates import format_date, format_interval, format_time

from timing.zones import get_zone

__all__ = ["AR_MONTHS", "TIME_PATTERNS", "date", "date_range", "moment", "time", "time_pattern", "time_range"]

# The Syriac (Levantine) month name and the Gregorian one, as "شباط/فبراير", January first.
AR_MONTHS = (
    "كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيو",
    "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
)
ARABIC_COMMA = "،"
EN_DASH = "–"


def _language(language: str) -> str:
    return language if language in ("ar", "fr") else "en"


def _day(day: Date, language: str) -> str:
    return "1er" if language == "fr" and day.day == 1 else str(day.day)


def _month(day: Date, language: str) -> str:
    if language == "ar":
        return AR_MONTHS[day.month - 1]
    return format_date(day, "MMMM", locale=language)


def _weekday(day: Date, language: str) -> str:
    return format_date(day, "EEEE", locale=language)


def _day_month(day: Date, language: str) -> str:
    return f"{_day(day, language)} {_month(day, language)}"


def date(day: Date | DateTime, language: str, *, weekday: bool = False) -> str:
    """24 February 2021; with `weekday`, Wednesday, 24 February 2021 (a datetime: its own date)."""
    language = _language(language)
    day = day.date() if isinstance(day, DateTime) else day
    text = f"{_day_month(day, language)} {day.year}"
    if not weekday:
        return text
    if language == "fr":
        return f"{_weekday(day, language)} {text}"
    comma = ARABIC_COMMA if language == "ar" else ","
    return f"{_weekday(day, language)}{comma} {text}"


def date_range(first: Date, last: Date, language: str) -> str:
    """24–25 February 2021 (fr, ar: a hyphen); one year across months; two dates across years."""
    language = _language(language)
    if first > last:
        first, last = last, first
    if first == last:
        return date(first, language)
    if (first.year, first.month) == (last.year, last.month):
        dash = EN_DASH if language == "en" else "-"
        return f"{_day(first, language)}{dash}{_day(last, language)} {_month(last, language)} {last.year}"
    if first.year == last.year:
        return f"{_day_month(first, language)} {EN_DASH} {_day_month(last, language)} {last.year}"
    return f"{date(first, language)} {EN_DASH} {date(last, language)}"


def _zone(zone: tzinfo | str | None) -> tzinfo | None:
    return get_zone(zone) if isinstance(zone, str) else zone


def _local(moment: DateTime, zone: tzinfo | str | None) -> DateTime:
    zone = _zone(zone)
    if zone is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(zone)


# A clock time's pattern per language (CLDR fields): 24-hour in English and French, as UN documents
# write times; the Arabic locale's own, its day period after the time. The live pages' clocks draw
# with the same pattern (conference/live_kit.py `time_format`, Minbar.formatTime).
TIME_PATTERNS = {"ar": "h:mm a", "en": "HH:mm", "fr": "HH:mm"}


def time_pattern(language: str) -> str:
    return TIME_PATTERNS[_language(language)]


def time(moment: DateTime, language: str, zone: tzinfo | str | None = None) -> str:
    """10:00 (en, fr); 10:00 ص (ar), in `zone` (an aware instant; a naive one is a wall time)."""
    language = _language(language)
    return format_time(_local(moment, zone).replace(tzinfo=None), time_pattern(language), locale=language)


def time_range(start: DateTime, end: DateTime, language: str, zone: tzinfo | str | None = None) -> str:
    """10:00–11:15 (en, fr); 9:30–11:15 ص (ar): the Arabic locale's own interval."""
    language = _language(language)
    if language == "ar":
        first, last = _local(start, zone).replace(tzinfo=None), _local(end, zone).replace(tzinfo=None)
        return format_interval(first, last, "hm", locale="ar")
    return f"{time(start, language, zone)}{EN_DASH}{time(end, language, zone)}"


def moment(instant: DateTime, language: str, zone: tzinfo | str | None = None, *,
           weekday: bool = False) -> str:
    """24 February 2021, 10:00 (Arabic: with the Arabic comma), in `zone`."""
    language = _language(language)
    local = _local(instant, zone)
    comma = ARABIC_COMMA if language == "ar" else ","
    return f"{date(local.date(), language, weekday=weekday)}{comma} {time(local, language)}"
