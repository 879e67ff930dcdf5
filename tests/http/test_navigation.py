"""The way around: a header on every page (the conference, the agenda, what runs now with "follow
live", the views the signed-in person may open, the outcome), and an agenda page that opens on
what is happening now and next, with the calendar tools below the days."""
from __future__ import annotations

import re

SLUG = "gcm-arab-2021"


def header(html: str) -> str:
    return re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)


def test_the_agenda_opens_on_now_and_next_with_follow_live(client):
    # 10:30 in Beirut: the opening session is running, plenary 1 is... later in the day.
    html = client.get(f"/conferences/{SLUG}?lang=en").get_data(as_text=True)

    now_next = re.search(r'<section class="now-next".*?</section>', html, re.S).group(0)
    assert "Opening session" in now_next and ">Now<" in now_next
    assert f'href="/conferences/{SLUG}/sessions/opening/live"' in now_next and "follow live" in now_next
    assert ">Next<" in now_next
    assert html.index('class="now-next"') < html.index('class="day"') < html.index('class="agenda-calendar"')


def test_every_page_has_the_header_with_the_agenda_and_now(client):
    for path in (f"/conferences/{SLUG}?lang=fr", f"/conferences/{SLUG}/sessions/plenary-1?lang=fr",
                 f"/conferences/{SLUG}/sessions/plenary-1/stage?lang=fr"):
        nav = header(client.get(path).get_data(as_text=True))
        assert f'href="/conferences/{SLUG}"' in nav and "Ordre du jour" in nav, path
        assert "Séance d’ouverture" in nav and "suivre en direct" in nav, path
        assert "Document final" in nav, path


def test_an_anonymous_reader_is_offered_no_role_views(client):
    nav = header(client.get(f"/conferences/{SLUG}/sessions/plenary-1/stage?lang=en").get_data(as_text=True))
    assert "nav-console" not in nav and "nav-booth" not in nav and "nav-rapporteur" not in nav


def test_a_chair_is_offered_the_console_of_their_session(client, issue_token):
    token = issue_token("chair", "plenary-1")
    html = client.get(f"/conferences/{SLUG}/sessions/plenary-1/console?lang=ar&token={token}",
                      follow_redirects=True).get_data(as_text=True)

    nav = header(html)
    assert 'class="nav-view nav-console"' in nav and 'aria-current="page"' in nav
    assert "لوحة التحكم" in nav
    assert "nav-rapporteur" not in nav
