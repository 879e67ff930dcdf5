"""The agenda pages in three languages, right-to-left for Arabic, times in two zones."""
from __future__ import annotations

import re

import pytest

AR_TITLE = "المؤتمر الإقليمي لاستعراض الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية في المنطقة العربية"


@pytest.mark.parametrize("lang,direction", [("ar", "rtl"), ("en", "ltr"), ("fr", "ltr")])
def test_agenda_page_renders_in_each_language_with_its_direction(client, lang, direction):
    response = client.get(f"/conferences/gcm-arab-2021?lang={lang}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert html.count('class="item item-') == 21


def test_agenda_page_arabic_shows_the_seed_titles_verbatim(client):
    html = client.get("/conferences/gcm-arab-2021?lang=ar").get_data(as_text=True)
    assert AR_TITLE in html
    assert "الجلسة العامة الأولى: التقارير الطوعية للبلدان العربية" in html


def test_agenda_page_french_uses_french_labels(client):
    html = client.get("/conferences/gcm-arab-2021?lang=fr").get_data(as_text=True)
    assert "Table ronde" in html
    assert "heure de Beyrouth" in html.lower() or "Beyrouth" in html


def test_language_choice_is_remembered_in_a_cookie(client):
    first = client.get("/conferences/gcm-arab-2021?lang=ar")
    assert "minbar_lang=ar" in first.headers["Set-Cookie"]
    again = client.get("/conferences/gcm-arab-2021")
    assert 'dir="rtl"' in again.get_data(as_text=True)


def test_accept_language_picks_the_page_language(app, loaded_app):
    fresh = loaded_app.test_client()
    html = fresh.get("/conferences/gcm-arab-2021", headers={"Accept-Language": "fr-FR,fr;q=0.9"}).get_data(as_text=True)
    assert '<html lang="fr" dir="ltr">' in html


def test_home_page_is_the_default_conference(client):
    html = client.get("/?lang=en").get_data(as_text=True)
    assert "Regional Conference" in html


def test_now_and_next_are_highlighted_while_the_conference_runs(client):
    # The fixture clock stands at 10:30 Beirut on day one: the opening is on, the introductory next.
    html = client.get("/conferences/gcm-arab-2021?lang=en").get_data(as_text=True)
    assert re.search(r'class="item item-opening status-now"[^>]*id="opening"', html)
    assert re.search(r'class="item item-introductory status-next"[^>]*id="introductory"', html)


def test_times_are_in_beirut_and_in_the_readers_zone(client):
    html = client.get("/conferences/gcm-arab-2021?lang=en&tz=America/New_York").get_data(as_text=True)
    opening = html[html.index('id="opening"'):]
    opening = opening[:opening.index("</li>")] if "</li>" in opening else opening
    assert "10:00" in opening and "11:00" in opening            # Beirut
    assert "3:00" in opening and "America/New_York" in opening   # 08:00Z is 03:00 in New York


def test_unknown_reader_zone_is_ignored(client):
    response = client.get("/conferences/gcm-arab-2021?lang=en&tz=Not/AZone")
    assert response.status_code == 200
    assert "Not/AZone" not in response.get_data(as_text=True)


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_session_page_renders_with_slots_and_objectives(client, lang):
    response = client.get(f"/conferences/gcm-arab-2021/sessions/roundtable-1?lang={lang}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'id="slot-roundtable-1-trade-unions"' in html
    assert html.count('class="objective-number"') == 5


def test_unknown_session_page_is_404(client):
    response = client.get("/conferences/gcm-arab-2021/sessions/nope?lang=en")
    assert response.status_code == 404
    assert "This page does not exist." in response.get_data(as_text=True)


def test_hostile_query_text_is_escaped(client):
    response = client.get("/conferences/<script>alert(1)</script>?lang=en")
    assert response.status_code == 404
    assert "<script>alert(1)</script>" not in response.get_data(as_text=True)


def test_language_links_keep_the_other_query_parameters(client):
    html = client.get("/conferences/gcm-arab-2021?lang=en&tz=Asia/Tokyo").get_data(as_text=True)
    assert 'href="/conferences/gcm-arab-2021?tz=Asia%2FTokyo&amp;lang=ar"' in html
