"""Every page names the conference's own zone, as each language says it (`i18n.zone_name`): a
conference in Amman reads "Amman time", "توقيت عمّان", "heure d’Amman"; the rehearsal banner too."""
from __future__ import annotations

import pytest
from sqlalchemy import update

from conference.models import Conference

SLUG = "gcm-arab-2021"
BASE = f"/conferences/{SLUG}"
AMMAN = {"ar": "توقيت عمّان", "en": "Amman time", "fr": "heure d’Amman"}
BEIRUT = {"ar": "توقيت بيروت", "en": "Beirut time", "fr": "heure de Beyrouth"}


@pytest.fixture
def in_amman(loaded_app):
    with loaded_app.extensions["minbar.db"].session_scope() as db:
        db.execute(update(Conference).where(Conference.slug == SLUG).values(timezone="Asia/Amman"))
    return loaded_app


def pages(issue_token) -> dict[str, str]:
    chair, organiser = issue_token("chair", "plenary-1"), issue_token("organiser")
    return {
        "agenda": BASE,
        "live": f"{BASE}/sessions/plenary-1/live",
        "stage": f"{BASE}/sessions/plenary-1/stage",
        "console": f"{BASE}/sessions/plenary-1/console?token={chair}",
        "actuals": f"{BASE}/actuals?token={organiser}",
    }


def page(client, path: str, language: str) -> str:
    joiner = "&" if "?" in path else "?"
    response = client.get(f"{path}{joiner}lang={language}", follow_redirects=True)
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_a_conference_in_amman_is_in_amman_time_on_every_page(in_amman, issue_token, language):
    client = in_amman.test_client()
    for name, path in pages(issue_token).items():
        html = page(client, path, language)
        assert f'<span class="zone-label">{AMMAN[language]}</span>' in html, name
        assert BEIRUT[language] not in html and "Asia/Amman</span>" not in html, name


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_a_conference_in_beirut_still_reads_beirut_time(client, issue_token, language):
    for name, path in pages(issue_token).items():
        assert f'<span class="zone-label">{BEIRUT[language]}</span>' in page(client, path, language), name


@pytest.mark.parametrize("language,note", [
    ("ar", "جميع الأوقات وفق توقيت عمّان"),
    ("en", "All times are Amman time"),
    ("fr", "Les heures sont indiquées en heure d’Amman"),
])
def test_the_agenda_says_all_times_are_in_the_conferences_zone(in_amman, language, note):
    assert note in page(in_amman.test_client(), BASE, language)


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_the_rehearsal_banner_names_the_conferences_zone(in_amman, issue_token, language):
    in_amman.config["MINBAR_AT"] = "2021-02-24T10:30"
    client = in_amman.test_client()
    for name, path in pages(issue_token).items():
        html = page(client, path, language)
        banner = html[html.index('<div class="rehearsal"'):]
        banner = banner[:banner.index("</div>")]
        assert AMMAN[language] in banner and "10:30" in banner, name


@pytest.mark.parametrize("zone,named", [(None, "Beirut time"), ("Europe/Paris", "Paris time")])
def test_the_rehearsal_banner_off_a_conference_names_the_servers_zone(client, loaded_app, zone, named):
    """The list of conferences has no conference of its own; Beirut is the bundled default."""
    loaded_app.config["DEFAULT_CONFERENCE"] = "no-such-conference"    # "/" lists the conferences
    if zone:
        loaded_app.config["MINBAR_ZONE"] = zone
    loaded_app.config["MINBAR_AT"] = "2021-02-24T10:30"
    html = page(client, "/", "en")
    banner = html[html.index('<div class="rehearsal"'):]
    assert named in banner[:banner.index("</div>")]
