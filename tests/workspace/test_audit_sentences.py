"""The audit page tells before and after as sentences in the reader's language, keeps the raw
values beside them, and shows session titles; the people and links tables filter by query
parameters (no JavaScript needed)."""
from __future__ import annotations

import re

from conference import audit, queries
from conference.workspace import audit_text

from .conftest import SLUG

A = f"/api/v1/conferences/{SLUG}"
NNBSP = "\u202f"


def organiser(issue_token) -> dict:
    return {"Authorization": f"Bearer {issue_token('organiser')}"}


def sentences_of(loaded_app, action: str, language: str) -> list[str]:
    from conference.workspace.views import _audit_names

    with loaded_app.test_request_context():
        with loaded_app.extensions["minbar.db"].session_scope() as db:
            conf = queries.conference(db, SLUG)
            items = queries.agenda(db, conf)
            from flask import g
            g.db = db
            names = _audit_names(conf, items, language)
            return [line for e in audit.entries(db, conf, action=action)
                    for line in audit_text.describe(e, language, names)]


def test_a_moved_start_a_speaker_and_a_revoked_link_read_as_sentences(loaded_app, client, issue_token):
    auth = organiser(issue_token)
    moved = client.patch(f"{A}/sessions/plenary-1", json={"starts_at": "2021-02-24T11:30", "ends_at": "2021-02-24T12:30", "shift_following": True},
                         headers=auth)
    assert moved.status_code == 200, moved.get_json()
    assert client.patch(f"{A}/sessions/plenary-1/slots/plenary-1-state-a", json={"speaker": "dg-iom"},
                        headers=auth).status_code == 200
    link = client.post(f"{A}/links", json={"role": "chair", "session": "opening", "name": "Chair One"},
                       headers=auth).get_json()
    client.delete(f"{A}/links/{link['id']}", headers=auth)

    english = sentences_of(loaded_app, "workspace.session", "en")
    assert any(re.fullmatch(r"Start of .+ moved from 11:15 to 11:30", line) for line in english), english
    french = sentences_of(loaded_app, "workspace.session", "fr")
    assert any(line.startswith("Début de ") and "de 11:15 à 11:30" in line for line in french), french
    arabic = sentences_of(loaded_app, "workspace.session", "ar")
    assert any("من 11:15 إلى 11:30" in line for line in arabic), arabic
    speaker = sentences_of(loaded_app, "workspace.slot", "en")
    assert len(speaker) == 1 and re.fullmatch(r"Speaker of .+ set to .+", speaker[0]), speaker
    assert "dg-iom" not in speaker[0]          # the person's name, not their key
    assert sentences_of(loaded_app, "workspace.link.revoke", "en") == ["Link for Chair of Chair One revoked"]
    assert sentences_of(loaded_app, "workspace.link.issue", "ar")[0].startswith("صدر رابط بصفة")


def test_the_audit_page_shows_sentences_titles_and_keeps_the_raw_values(loaded_app, browser):
    headers = {"X-CSRFToken": browser.csrf}
    link = browser.post(f"{A}/links", json={"role": "chair", "session": "opening", "name": "Chair One"},
                        headers=headers).get_json()
    assert browser.delete(f"{A}/links/{link['id']}", headers=headers).status_code == 200
    page = browser.get(f"/workspace/{SLUG}/audit?lang=en").get_data(as_text=True)
    assert "<li>Link for Chair of Chair One revoked</li>" in page
    assert "<bdi>Opening session</bdi>" in page                       # the title, not "opening"
    assert "<summary>Recorded values</summary>" in page and '{"revoked": true}' in page
    # The API keeps the raw values.
    entries = browser.get(f"{A}/audit?action=workspace.link.revoke").get_json()
    entries = entries.get("entries", entries) if isinstance(entries, dict) else entries
    assert entries[-1]["after"] == {"revoked": True}


def test_people_and_links_tables_filter_by_query_parameters(loaded_app, browser):
    headers = {"X-CSRFToken": browser.csrf}
    for person in ("dg-iom", "es-escwa"):
        browser.post(f"{A}/links", json={"role": "speaker", "session": "opening", "person": person}, headers=headers)
    browser.post(f"{A}/links", json={"role": "participant", "name": "Mr Omar Said", "delegation": "Egypt"},
                 headers=headers)

    def rows(path, attribute):
        page = browser.get(path).get_data(as_text=True)
        return re.findall(rf'<tr {attribute}="([^"]+)"', page)

    links = f"/workspace/{SLUG}/links?lang=en"
    assert len(rows(links, "data-link")) == 3
    assert len(rows(links + "&role=speaker", "data-link")) == 2
    assert len(rows(links + "&delegation=Egypt", "data-link")) == 1
    assert len(rows(links + "&q=omar", "data-link")) == 1
    assert len(rows(links + "&session=opening&role=participant", "data-link")) == 0
    assert len(rows(links + "&status=revoked", "data-link")) == 0
    page = browser.get(links).get_data(as_text=True)
    assert "Opening session" in page and ">opening<" not in page      # titles, not ids
    people = f"/workspace/{SLUG}?lang=en"
    assert rows(people + "&role=speaker&session=opening", "data-person") == ["dg-iom", "es-escwa", "sg-las"]
    assert rows(people + "&q=dg-iom", "data-person") == ["dg-iom"]
    assert rows(people + "&role=chair", "data-person") == []
    # The role menu starts with the least powerful role; the organiser is last.
    options = re.findall(r'<option value="(\w+)"( selected)?>', page[page.index('id="l-role"'):page.index("</select>", page.index('id="l-role"'))])
    assert options[0] == ("participant", " selected") and options[-1][0] == "organiser"
