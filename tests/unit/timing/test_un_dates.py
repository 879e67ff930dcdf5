"""Dates and times as the UN writes them (timing/un_dates.py), in each language."""
from datetime import date, datetime, timezone

import pytest

from timing import un_dates

FEB24, FEB25 = date(2021, 2, 24), date(2021, 2, 25)
UTC = timezone.utc


@pytest.mark.parametrize("language, expected", [
    ("en", "24 February 2021"), ("fr", "24 février 2021"), ("ar", "24 شباط/فبراير 2021")])
def test_a_day(language, expected):
    assert un_dates.date(FEB24, language) == expected


@pytest.mark.parametrize("language, expected", [
    ("en", "Wednesday, 24 February 2021"), ("fr", "mercredi 24 février 2021"),
    ("ar", "الأربعاء، 24 شباط/فبراير 2021")])
def test_a_day_with_its_weekday_and_the_arabic_comma(language, expected):
    assert un_dates.date(FEB24, language, weekday=True) == expected


def test_every_arabic_month_has_both_names_and_the_french_first_is_1er():
    names = [un_dates.date(date(2021, m, 1), "ar") for m in range(1, 13)]
    assert names[0] == "1 كانون الثاني/يناير 2021" and names[11] == "1 كانون الأول/ديسمبر 2021"
    assert all(name.count("/") == 1 for name in names)
    assert un_dates.date(date(2021, 3, 1), "fr") == "1er mars 2021"


@pytest.mark.parametrize("language, expected", [
    ("en", "24–25 February 2021"), ("fr", "24-25 février 2021"), ("ar", "24-25 شباط/فبراير 2021")])
def test_a_range_within_a_month(language, expected):
    assert un_dates.date_range(FEB24, FEB25, language) == expected
    assert un_dates.date_range(FEB25, FEB24, language) == expected


@pytest.mark.parametrize("language, expected", [
    ("en", "28 February – 1 March 2021"), ("fr", "28 février – 1er mars 2021"),
    ("ar", "28 شباط/فبراير – 1 آذار/مارس 2021")])
def test_a_range_across_months(language, expected):
    assert un_dates.date_range(date(2021, 2, 28), date(2021, 3, 1), language) == expected


@pytest.mark.parametrize("language, expected", [
    ("en", "31 December 2021 – 1 January 2022"), ("fr", "31 décembre 2021 – 1er janvier 2022"),
    ("ar", "31 كانون الأول/ديسمبر 2021 – 1 كانون الثاني/يناير 2022")])
def test_a_range_across_years(language, expected):
    assert un_dates.date_range(date(2021, 12, 31), date(2022, 1, 1), language) == expected


def test_a_one_day_range_is_the_day():
    assert un_dates.date_range(FEB24, FEB24, "en") == "24 February 2021"


def test_times_are_24_hour_in_english_and_french_in_the_zone_given():
    start = datetime(2021, 2, 24, 7, 30, tzinfo=UTC)     # 09:30 in Beirut (UTC+2 in February)
    end = datetime(2021, 2, 24, 12, 15, tzinfo=UTC)
    for language in ("en", "fr"):
        assert un_dates.time(start, language, "Asia/Beirut") == "09:30"
        assert un_dates.time_range(start, end, language, "Asia/Beirut") == "09:30–14:15"


def test_times_in_arabic_as_the_arabic_locale_writes_them():
    start = datetime(2021, 2, 24, 7, 30, tzinfo=UTC)
    assert un_dates.time(start, "ar", "Asia/Beirut") == "9:30 ص"
    assert un_dates.time_range(start, datetime(2021, 2, 24, 9, 15, tzinfo=UTC), "ar", "Asia/Beirut") == "9:30–11:15 ص"
    assert un_dates.time_range(start, datetime(2021, 2, 24, 12, 0, tzinfo=UTC), "ar", "Asia/Beirut") == "9:30 ص\u2009–\u20092:00 م"


def test_a_moment_is_the_day_then_the_time_with_the_languages_comma():
    instant = datetime(2021, 2, 24, 22, 5, tzinfo=UTC)   # already the 25th in Beirut
    assert un_dates.moment(instant, "en", "Asia/Beirut") == "25 February 2021, 00:05"
    assert un_dates.moment(instant, "fr", "Asia/Beirut", weekday=True) == "jeudi 25 février 2021, 00:05"
    assert un_dates.moment(instant, "ar", "Asia/Beirut") == "25 شباط/فبراير 2021، 12:05 ص"
