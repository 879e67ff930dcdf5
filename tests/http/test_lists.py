"""The lists of speakers and participants over HTTP (sessions/reports/lists_views.py): who may
download them, the CSV read back with the csv module, the list of speakers after a session run on
the fixed clock, and the booth view's link. The documents' layout is checked without a database in
tests/unit/sessions/test_list_documents.py."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

import pytest

from conference import queries
from conftest import ack
from speakers.models import Person

SLUG = "gcm-arab-2021"
SESSION = "plenary-1"
SPEAKERS = f"/conferences/{SLUG}/sessions/{SESSION}/speakers"
PARTICIPANTS = f"/conferences/{SLUG}/participants"


@pytest.fixture
def delegates(loaded_app):
    """Three Member State delegates (one the speaker of plenary 1's first slot), a civil society
    representative whose name a spreadsheet would run as a formula."""
    with loaded_app.extensions["minbar.db"].session_scope() as db:
        conf = queries.conference(db, SLUG)
        people = [
            Person(conference_id=conf.id, key="lb-minister", name="Ms Lebanon Minister",
                   names={"ar": "وزيرة لبنان"}, title="Minister of Labour", delegation="Lebanon",
                   group="member_state", language="ar", rank=1),
            Person(conference_id=conf.id, key="eg-delegate", name="Mr Egypt Delegate", delegation="Egypt",
                   group="member_state", title="Ambassador"),
            Person(conference_id=conf.id, key="jo-delegate", name="Ms Jordan Delegate", delegation="Jordan",
                   group="member_state"),
            Person(conference_id=conf.id, key="cs-rep", name="=SUM(A1:A9)", organisation="@Migrants Voice",
                   group="civil_society", title="-Coordinator"),
        ]
        db.add_all(people)
        db.flush()
        item = queries.item(db, conf, SESSION)
        item.slots[0].speaker_id, item.slots[0].tbd = people[0].id, False


def get(client, path, token=None):
    query = f"{'&' if '?' in path else '?'}token={token}" if token else ""
    return client.get(path + query, follow_redirects=True)


def read_csv(response) -> list[list[str]]:
    body = response.get_data()
    assert body.startswith("\ufeff".encode("utf-8"))
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


# -- who may ---------------------------------------------------------------------------------

@pytest.mark.parametrize("role,session,status", [
    ("interpreter", SESSION, 200), ("participant", None, 200), ("chair", SESSION, 200), ("organiser", None, 200),
    ("interpreter", "plenary-2", 403), ("chair", "plenary-2", 403),
])
def test_the_list_of_speakers_is_for_the_sessions_links(client, issue_token, role, session, status):
    token = issue_token(role, session=session, booth="fr" if role == "interpreter" else None)
    response = get(client, f"{SPEAKERS}.docx?lang=en", token)
    assert response.status_code == status
    if status == 200:
        assert response.headers["Content-Disposition"] == f'attachment; filename="{SLUG}-{SESSION}-speakers-en.docx"'
        assert response.headers["Cache-Control"] == "private, no-store"
        # ?lang= picks the file's language: no cookie, and caches keep the languages apart.
        assert "minbar_lang" not in response.headers.get("Set-Cookie", "") and "Accept-Language" in response.headers["Vary"]


def test_nobody_signed_in_gets_neither_list(client):
    assert (client.get(f"{SPEAKERS}.pdf").status_code, client.get(f"{PARTICIPANTS}.csv").status_code) == (401, 401)


@pytest.mark.parametrize("role,session", [("chair", SESSION), ("participant", None), ("interpreter", SESSION)])
def test_the_list_of_participants_is_the_organisers(client, issue_token, role, session):
    assert get(client, f"{PARTICIPANTS}.csv", issue_token(role, session=session)).status_code == 403


def test_unknown_formats_and_sessions_are_not_found(client, issue_token):
    token = issue_token("organiser")
    assert [get(client, path, token).status_code for path in (
        f"{SPEAKERS}.xlsx", f"{PARTICIPANTS}.html", f"/conferences/{SLUG}/sessions/nope/speakers.pdf",
        f"/conferences/nope/participants.csv")] == [404, 404, 404, 404]


# -- the CSV ---------------------------------------------------------------------------------

def test_csv_groups_as_un_lists_and_is_formula_safe(client, issue_token, delegates):
    token = issue_token("organiser")
    response = get(client, f"{PARTICIPANTS}.csv?lang=fr", token)
    assert (response.status_code, response.headers["Content-Type"]) == (200, "text/csv; charset=utf-8")
    assert response.headers["Content-Disposition"] == f'attachment; filename="{SLUG}-participants-fr.csv"'
    assert b"\r\n" in response.get_data()
    rows = read_csv(response)
    assert rows[0] == ["Groupe", "État ou organisation", "Nom", "Fonction"]
    assert rows[1:4] == [
        ["États Membres", "Égypte", "Mr Egypt Delegate", "Ambassador"],
        ["États Membres", "Jordanie", "Ms Jordan Delegate", ""],
        ["États Membres", "Liban", "Ms Lebanon Minister", "Minister of Labour"],
    ]
    # Then observers (the League of Arab States), United Nations entities, civil society.
    assert [r[0] for r in rows[4:]] == ["Observateurs"] + ["Entités des Nations Unies"] * 3 + ["Société civile"]
    assert rows[-1] == ["Société civile", "'@Migrants Voice", "'=SUM(A1:A9)", "'-Coordinator"]


def test_csv_in_arabic_orders_states_the_arabic_way(client, issue_token, delegates):
    rows = read_csv(get(client, f"{PARTICIPANTS}.csv?lang=ar", issue_token("organiser")))
    assert [r[1] for r in rows[1:4]] == ["الأردن", "لبنان", "مصر"]
    assert rows[2][2] == "وزيرة لبنان"


# -- after the session -----------------------------------------------------------------------

def beirut(hh: int, mm: int) -> datetime:
    return datetime(2021, 2, 24, hh - 2, mm, tzinfo=timezone.utc)


def test_the_list_after_the_session_has_the_time_used(client, issue_token, live_client, clock, delegates):
    from sessions.reports.speakers_list_query import speakers_of

    chair = live_client(issue_token("chair", session=SESSION))
    ack(chair, "join", {"session": SESSION})
    steps = [((11, 16), "timer", "start", {}), ((11, 20), "slot", "goto", {"slot": "plenary-1-discussion"}),
             ((11, 21), "timer", "start", {}), ((11, 50), "timer", "pause", {})]
    for (hh, mm), family, action, extra in steps:
        clock.set(beirut(hh, mm))
        assert ack(chair, family, {"session": SESSION, "action": action, **extra})["ok"]
    clock.set(beirut(12, 30))
    with client.application.extensions["minbar.db"].session_scope() as db:
        conf = queries.conference(db, SLUG)
        listed = speakers_of(db, conf, queries.item(db, conf, SESSION), clock.now(), "en")
    entries = {e.key: e for e in listed.entries}
    assert listed.ended
    assert (entries["plenary-1-state-a"].party, entries["plenary-1-state-a"].speaker,
            entries["plenary-1-state-a"].used_ms, entries["plenary-1-state-b"].took_floor,
            entries["plenary-1-discussion"].used_ms) == ("Lebanon", "Ms Lebanon Minister", 240_000, False, 1_740_000)


def test_the_booth_view_links_to_the_list(client, issue_token):
    token = issue_token("interpreter", session=SESSION, booth="ar")
    page = get(client, f"/conferences/{SLUG}/sessions/{SESSION}/booth?lang=ar", token).get_data(as_text=True)
    assert f'href="{SPEAKERS}.pdf?lang=ar"' in page and "قائمة المتكلمين (PDF)" in page


def test_the_arabic_pdf_names_the_speaker_and_the_state_in_arabic(client, issue_token, delegates):
    from document_tools import A4_POINTS, page_size, pdf_text, squeeze

    response = get(client, f"{SPEAKERS}.pdf?lang=ar", issue_token("interpreter", session=SESSION, booth="ar"))
    assert (response.status_code, response.headers["Content-Type"]) == (200, "application/pdf")
    document = response.get_data()
    text = squeeze(pdf_text(document))
    assert page_size(document) == A4_POINTS
    assert all(squeeze(s) in text for s in ("قائمة المتكلمين", "الجلسة العامة الأولى", "وزيرة لبنان", "لبنان",
                                            "GCM-ARAB/2021/INF.1"))
