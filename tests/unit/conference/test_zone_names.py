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



@pytest.mark.parametrize("zone,ar,en,fr", [
    ("Asia/Amman", "توقيت عمّان", "Amman time", "heure d’Amman"),          # a vowel: elided
    ("Asia/Aden", "توقيت عدن", "Aden time", "heure d’Aden"),
    ("Asia/Yerevan", "توقيت يريفان", "Yerevan time", "heure d’Erevan"),
    ("Europe/Helsinki", "توقيت هلسنكي", "Helsinki time", "heure d’Helsinki"),  # a mute h
    ("Asia/Hong_Kong", "توقيت هونغ كونغ", "Hong Kong time", "heure de Hong Kong"),  # an aspirated h
    ("Africa/Cairo", "توقيت القاهرة", "Cairo time", "heure du Caire"),       # "de Le" is "du"
    ("Asia/Riyadh", "توقيت الرياض", "Riyadh time", "heure de Riyad"),
])
def test_french_elides_de_before_a_vowel_and_joins_it_with_an_article(zone, ar, en, fr):
    assert [i18n.zone_name(zone, language) for language in ("ar", "en", "fr")] == [ar, en, fr]


def test_french_de_before_each_kind_of_name():
    assert [i18n.french_de(name) for name in ("Amman", "Érevan", "Oslo", "Beyrouth", "Les Açores", "La Havane")] \
        == ["d’Amman", "d’Érevan", "d’Oslo", "de Beyrouth", "des Açores", "de La Havane"]

@pytest.mark.parametrize("language,two_days,one_day", [
    ("ar", "24-25 شباط/فبراير 2021", "24 شباط/فبراير 2021"),
    ("en", "24–25 February 2021", "24 February 2021"),
    ("fr", "24-25 février 2021", "24 février 2021"),
])
def test_the_conference_list_writes_its_days_as_the_un_does(language, two_days, one_day):
    assert i18n.fmt_date_range(date(2021, 2, 24), date(2021, 2, 25), language) == two_days
    assert i18n.fmt_date_range(date(2021, 2, 24), date(2021, 2, 24), language) == one_day


def test_an_invitation_names_a_vowel_city_with_french_elision():
    from datetime import datetime, timezone

    import pytz

    from conference.workspace.invitations import session_time
    moment = datetime(2021, 2, 24, 9, 15, tzinfo=timezone.utc)
    assert session_time(moment, "fr", pytz.timezone("Asia/Amman")).endswith("11:15, heure d’Amman")
    assert session_time(moment, "fr", pytz.timezone("Asia/Beirut")).endswith("11:15, heure de Beyrouth")
