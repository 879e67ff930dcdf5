"""The agenda page leads to registration while it is open: a "Register" link in the page's
language, there between the secretariat's dates and gone before and after them or when no dates
are set. The agenda page is cached (conference/views.py): the cached page follows the window to
the second, and at once when the dates change."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest

from conference import feed_cache

SLUG = "gcm-arab-2021"
AGENDA = f"/conferences/{SLUG}"
LINK = re.compile(r'<a class="register-link" href="([^"]+)">([^<]+)</a>')


def link(client, lang="en"):
    """The register link's (href, text), or None."""
    page = client.get(f"{AGENDA}?lang={lang}")
    assert page.status_code == 200
    found = LINK.search(page.get_data(as_text=True))
    return found.groups() if found else None


def dates(loaded_app, clock, opens_in, closes_in):
    from conference import queries
    from conference.registration import store

    def at(delta):
        return None if delta is None else clock.now() + delta

    with loaded_app.extensions["minbar.db"].session_scope() as db:
        store.put_settings(db, queries.conference(db, SLUG), opens_at=at(opens_in), closes_at=at(closes_in),
                           retention_days=30, now=clock.now(), actor="test")


def test_no_link_without_dates(client):
    assert link(client) is None


@pytest.mark.parametrize("lang, text", [("ar", "التسجيل في المؤتمر"), ("en", "Register for the conference"),
                                        ("fr", "S’inscrire à la conférence")])
def test_the_link_in_each_language_leads_to_the_form_while_open(loaded_app, client, clock, lang, text):
    dates(loaded_app, clock, -timedelta(days=1), timedelta(days=1))
    href, shown = link(client, lang)
    assert shown == text and href == f"{AGENDA}/register?lang={lang}"
    form = client.get(href)
    assert form.status_code == 200 and 'name="email"' in form.get_data(as_text=True)


def test_the_cached_page_gains_and_loses_the_link_at_the_second_of_each_boundary(loaded_app, client, clock):
    assert clock.now().second == 0                               # 08:30:00: both boundaries fall in one minute
    pages = feed_cache.cache_for(loaded_app, "pages")
    dates(loaded_app, clock, timedelta(seconds=20), timedelta(seconds=40))
    assert link(client) is None
    misses = pages.misses
    assert link(client) is None and pages.misses == misses     # before the opening: served from the cache
    clock.advance(seconds=20)
    assert link(client) is not None                             # open, in the same minute
    clock.advance(seconds=19)
    assert link(client) is not None
    clock.advance(seconds=1)
    assert link(client) is None                                 # closed, still the same minute


def test_new_dates_show_at_once_on_the_cached_page(loaded_app, client, clock):
    assert link(client) is None
    dates(loaded_app, clock, -timedelta(hours=1), None)
    assert link(client) is not None                             # opened, no closing date
    dates(loaded_app, clock, -timedelta(hours=2), -timedelta(hours=1))
    assert link(client) is None                                 # closed an hour ago
