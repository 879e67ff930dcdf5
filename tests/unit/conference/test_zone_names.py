"""Time zones and spans of days as each language names them (the workspace's pages)."""
from __future__ import annotations

from datetime import date

import pytest

from conference import i18n


@pytest.mark.parametrize("language,beirut,paris", [
    ("ar", "توقيت بيروت", "توقيت باريس"),
    ("en", "Beirut time", "Paris time"),
    ("fr", "heure de Beyrouth", "heure de Paris"),
])
def test_a_zone_is_named_by_its_city_in_the_readers_language(language, beirut, paris):
    assert i18n.zone_name("Asia/Beirut", language) == beirut
    assert i18n.zone_name("Europe/Paris", language) == paris
    assert i18n.zone_name("UTC", language) == "UTC"
    assert i18n.zone_name("Etc/GMT+3", language) == "Etc/GMT+3"


@pytest.mark.parametrize("language,two_days,one_day", [
    ("ar", "24-25 شباط/فبراير 2021", "24 شباط/فبراير 2021"),
    ("en", "24–25 February 2021", "24 February 2021"),
    ("fr", "24-25 février 2021", "24 février 2021"),
])
def test_the_conference_list_writes_its_days_as_the_un_does(language, two_days, one_day):
    assert i18n.fmt_date_range(date(2021, 2, 24), date(2021, 2, 25), language) == two_days
    assert i18n.fmt_date_range(date(2021, 2, 24), date(2021, 2, 24), language) == one_day
