"""A change the agenda refuses is refused in the reader's language: the schedule page (no script)
and the API say the engine's findings in Arabic and French, each value escaped and isolated."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import update

from .conftest import SLUG

HOSTILE = "<img src=x onerror=alert(1)>"
# plenary-1 runs 11:15-12:15; ending it at 12:30 runs it into the break that follows.
LONGER = {"shown_starts_at": "2021-02-24T11:15", "shown_ends_at": "2021-02-24T12:15",
          "starts_at": "2021-02-24T11:15", "ends_at": "2021-02-24T12:30"}
EXPECTED = {
    "ar": ("رُفض التغيير", "لن يكون جدول الأعمال صالحاً.", "تتداخل", "بمقدار 15 دقيقة"),
    "fr": ("La modification a été refusée", "L’ordre du jour ne serait pas valide.", "chevauche", "le 24 février 2021 de 15 minutes"),
}
ENGLISH = ("would not be valid", "overlaps", "item plenary-1", "minutes on", "The agenda")


def refusal_box(html: str) -> str:
    start = html.index('class="workspace-status refusal"')
    return html[start:html.index("</div>", start)]


def hostile_title(app, key: str) -> None:
    from sessions.models import AgendaItem

    with app.extensions["minbar.db"].session_scope() as db:
        db.execute(update(AgendaItem).where(AgendaItem.key == key)
                   .values(title={"ar": HOSTILE, "en": HOSTILE, "fr": HOSTILE}))


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_schedule_page_says_why_in_the_readers_language(browser, loaded_app, language):
    hostile_title(loaded_app, "plenary-1")
    response = browser.post(f"/workspace/{SLUG}/schedule/plenary-1?lang={language}",
                            data={"csrf_token": browser.csrf, **LONGER})
    assert response.status_code == 409
    box = refusal_box(response.get_data(as_text=True))
    text = re.sub(r"<[^>]+>", "", box)
    assert [phrase in text for phrase in EXPECTED[language][1:]] == [True] * 3, text
    assert not [word for word in ENGLISH if word in text], text
    assert 'lang="en"' not in box
    # The session's title, typed by someone, is escaped and isolated from the sentence.
    assert HOSTILE not in box
    assert "<bdi>«" in box and "&lt;img src=x onerror=alert(1)&gt;" in box
    assert re.search(r'<bdi dir="ltr">11:15-12:30</bdi>', box)


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_api_gives_each_finding_in_the_readers_language(browser, language):
    response = browser.patch(f"/api/v1/conferences/{SLUG}/sessions/plenary-1?lang={language}",
                             json={"ends_at": "2021-02-24T12:30:00+02:00"}, headers={"X-CSRFToken": browser.csrf})
    assert response.status_code == 409
    error = response.get_json()["error"]
    assert error["message"].startswith("The agenda would not be valid")        # the contract's English
    assert (error["text"], error["text_lang"]) == (EXPECTED[language][1], language)
    overlap = next(f for f in error["findings"] if f["code"] == "overlap")
    assert overlap["reason"] == "overlap" and overlap["params"]["item"] == "break-1"
    assert overlap["text_lang"] == language and EXPECTED[language][2] in overlap["text"]
    assert "\u2068«" in overlap["text"] and "break-1" in overlap["text"]      # isolated, named by id
    assert not [word for word in ENGLISH if word in overlap["text"]]


def test_a_refusal_past_midnight_is_said_in_french(browser):
    late = {"shown_starts_at": "2021-02-24T11:15", "shown_ends_at": "2021-02-24T12:15",
            "starts_at": "2021-02-24T23:30", "ends_at": "2021-02-24T12:15"}
    response = browser.post(f"/workspace/{SLUG}/schedule/plenary-1?lang=fr", data={"csrf_token": browser.csrf, **late})
    box = re.sub(r"<[^>]+>", "", refusal_box(response.get_data(as_text=True)))
    assert "se prolongerait au-delà de minuit" in box and "midnight" not in box


def test_an_english_reason_this_page_cannot_say_is_marked_english(browser):
    """A refusal without a reason (here a malformed time) keeps the server's English, marked so."""
    response = browser.post(f"/workspace/{SLUG}/schedule/plenary-1?lang=ar",
                            data={"csrf_token": browser.csrf, **dict(LONGER, ends_at="soon")})
    box = refusal_box(response.get_data(as_text=True))
    assert '<span lang="en" dir="ltr">' in box and "is not a date and time" in box
