"""The first inscriptions on a session's list at the same instant, over real connections to the
run's database (SQLite, or PostgreSQL when DATABASE_URL says so): the list row is made on first
use, and two first inscriptions both land on the one list, neither meets its unique constraint."""
from __future__ import annotations

import threading

from sqlalchemy import select

from sessions.models import AgendaItem
from sessions.speakers_list.models import ListEntry, SpeakersList

SLUG = "gcm-arab-2021"
API = f"/api/v1/conferences/{SLUG}"
PEOPLE = (("ayman", "Jordan"), ("samir", "Lebanon"))
ROUNDS = 4          # sessions tried, each with no list yet: one meeting is enough to fail


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def test_two_first_inscriptions_at_once_both_land_on_one_list(loaded_app, client, issue_token):
    organiser = bearer(issue_token("organiser"))
    for key, delegation in PEOPLE:
        response = client.post(f"{API}/people", headers=organiser,
                               json={"key": key, "name": key.title(), "delegation": delegation, "group": "member_state"})
        assert response.status_code == 201, response.get_json()
    database = loaded_app.extensions["minbar.db"]
    with database.read_scope() as db:
        sessions = db.scalars(select(AgendaItem.key)
                              .order_by(AgendaItem.id)).all()[:ROUNDS]
        assert len(sessions) == ROUNDS
        assert db.scalar(select(SpeakersList.id)) is None
    for session in sessions:
        barrier, answers = threading.Barrier(2), {}

        def inscribe(person, delegation):
            own = loaded_app.test_client()          # its own request, its own database connection
            barrier.wait(10)
            try:
                response = own.post(f"{API}/sessions/{session}/inscriptions", headers=organiser,
                                    json={"person": person, "delegation": delegation, "level": "minister",
                                          "language": "ar"})
                answers[person] = (response.status_code, response.get_json())
            except Exception as error:            # an IntegrityError comes through the test client
                answers[person] = (repr(error), None)

        threads = [threading.Thread(target=inscribe, args=pair) for pair in PEOPLE]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert {person: status for person, (status, _answer) in answers.items()} == {"ayman": 201, "samir": 201}, answers
        with database.read_scope() as db:
            lists = db.scalars(select(SpeakersList).where(SpeakersList.session_key == session)).all()
            assert len(lists) == 1
            entries = db.scalars(select(ListEntry).where(ListEntry.list_id == lists[0].id)).all()
            assert sorted(e.person_key for e in entries) == ["ayman", "samir"]
            assert sorted(e.seq for e in entries) == [1, 2] and lists[0].revision == 2
