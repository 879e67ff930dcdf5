"""The agenda page cache is keyed on what changes the page (path and query, language, the reader's
time zone, who is signed in), not on the Cookie header: an unrelated cookie still hits it, and
no page rendered for one visitor is served to a visitor who should see another."""
from __future__ import annotations

import pytest

from conference import feed_cache

SLUG = "gcm-arab-2021"
AGENDA = f"/conferences/{SLUG}"
CONSOLE_LINK = 'class="nav-view nav-console"'


@pytest.fixture
def pages(loaded_app):
    return feed_cache.cache_for(loaded_app, "pages")


def counts(cache) -> tuple[int, int]:
    return cache.hits, cache.misses


def test_unrelated_cookies_hit_the_cache(loaded_app, pages):
    first = loaded_app.test_client().get(f"{AGENDA}?lang=en").get_data(as_text=True)
    before = counts(pages)

    other = loaded_app.test_client()
    other.set_cookie("minbar_route", "b2")                       # nginx's sticky route
    other.get("/signin")                                         # a session holding a CSRF token only
    assert other.get_cookie("minbar_session") is not None
    other.set_cookie("minbar_lang", "en")
    assert other.get(f"{AGENDA}?lang=en").get_data(as_text=True) == first
    assert counts(pages) == (before[0] + 1, before[1])           # served from the cache, not rendered


def test_the_language_cookie_set_by_the_first_visit_does_not_miss_the_cache(client, pages):
    client.get(f"{AGENDA}?lang=fr")                              # sets minbar_lang=fr
    hits, misses = counts(pages)
    html = client.get(f"{AGENDA}?lang=fr").get_data(as_text=True)
    assert counts(pages) == (hits + 1, misses) and "Ordre du jour" in html


def test_each_language_and_time_zone_gets_its_own_page(loaded_app, pages):
    english = loaded_app.test_client().get(AGENDA, headers={"Accept-Language": "en"}).get_data(as_text=True)
    french = loaded_app.test_client().get(AGENDA, headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert 'lang="en"' in english and 'lang="fr"' in french
    reader = loaded_app.test_client()
    reader.set_cookie("minbar_tz", "Europe/Paris")
    zoned = reader.get(AGENDA, headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Times are also shown in your time zone (Europe/Paris)." in zoned
    assert "Europe/Paris" not in english
    again = loaded_app.test_client().get(AGENDA, headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert again == english and "Europe/Paris" not in again


def test_the_home_page_and_the_agenda_keep_their_own_language_links(client):
    assert 'href="/conferences/gcm-arab-2021?lang=fr"' in client.get(f"{AGENDA}?lang=en").get_data(as_text=True)
    home = client.get("/?lang=en").get_data(as_text=True)
    assert 'href="/?lang=fr"' in home and f'href="{AGENDA}?lang=fr"' not in home


def test_signed_in_visitors_never_share_a_page_with_anyone_else(loaded_app, issue_token, pages):
    # The opening session runs now: its chair's header offers the console, nobody else's does.
    chair = loaded_app.test_client()
    chair.get(f"{AGENDA}?token={issue_token('chair', 'opening', name='Chair A')}")
    assert CONSOLE_LINK in chair.get(f"{AGENDA}?lang=en").get_data(as_text=True)

    anonymous = loaded_app.test_client()
    anonymous.set_cookie("minbar_route", "a1")
    assert CONSOLE_LINK not in anonymous.get(f"{AGENDA}?lang=en").get_data(as_text=True)

    participant = loaded_app.test_client()
    participant.get(f"{AGENDA}?token={issue_token('participant', name='Delegate B')}")
    assert CONSOLE_LINK not in participant.get(f"{AGENDA}?lang=en").get_data(as_text=True)

    # Another chair of the same session: the same header, but rendered for them, not taken from Chair A.
    other_chair = loaded_app.test_client()
    other_chair.get(f"{AGENDA}?token={issue_token('chair', 'opening', name='Chair C')}")
    hits, misses = counts(pages)
    assert CONSOLE_LINK in other_chair.get(f"{AGENDA}?lang=en").get_data(as_text=True)
    assert counts(pages) == (hits, misses + 1)

    # Each one's next visit is their own page again, from the cache.
    hits, misses = counts(pages)
    assert CONSOLE_LINK in chair.get(f"{AGENDA}?lang=en").get_data(as_text=True)
    assert CONSOLE_LINK not in anonymous.get(f"{AGENDA}?lang=en").get_data(as_text=True)
    assert counts(pages) == (hits + 2, misses)


def test_a_signed_out_visitor_gets_the_anonymous_page(loaded_app, issue_token):
    chair = loaded_app.test_client()
    chair.get(f"{AGENDA}?token={issue_token('chair', 'opening')}")
    assert CONSOLE_LINK in chair.get(f"{AGENDA}?lang=en").get_data(as_text=True)
    chair.post("/signout")
    assert CONSOLE_LINK not in chair.get(f"{AGENDA}?lang=en").get_data(as_text=True)
