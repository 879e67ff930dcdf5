"""The JSON API of the contract: health, conferences, the whole agenda."""
from __future__ import annotations

# The seed's agenda, item by item: (id, kind, number, start, end) in Beirut time.
SEED_AGENDA = {
    "2021-02-24": [
        ("registration", "registration", None, "09:30", "10:00"),
        ("opening", "opening", None, "10:00", "11:00"),
        ("introductory", "introductory", None, "11:00", "11:15"),
        ("plenary-1", "plenary", 1, "11:15", "12:15"),
        ("break-1", "break", None, "12:15", "13:00"),
        ("plenary-2", "plenary", 2, "13:00", "14:00"),
        ("break-2", "break", None, "14:00", "14:10"),
        ("plenary-3", "plenary", 3, "14:10", "14:20"),
        ("plenary-4", "plenary", 4, "14:20", "14:50"),
        ("roundtable-1", "roundtable", 1, "14:50", "15:55"),
        ("summary-day-1", "summary", None, "15:55", "16:00"),
    ],
    "2021-02-25": [
        ("summary-day-1-recap", "summary", None, "10:00", "10:05"),
        ("roundtable-2", "roundtable", 2, "10:05", "11:20"),
        ("break-3", "break", None, "11:20", "11:30"),
        ("roundtable-3", "roundtable", 3, "11:30", "12:45"),
        ("break-4", "break", None, "12:45", "13:30"),
        ("roundtable-4", "roundtable", 4, "13:30", "14:45"),
        ("break-5", "break", None, "14:45", "14:55"),
        ("plenary-5", "plenary", 5, "14:55", "15:35"),
        ("key-messages", "key_messages", None, "15:35", "15:45"),
        ("closing", "closing", None, "15:45", "16:00"),
    ],
}


def test_healthz_answers_ok_when_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ok"


def test_conferences_lists_the_bundled_conference(client):
    response = client.get("/api/v1/conferences")
    assert response.status_code == 200
    [conf] = response.get_json()
    assert conf["slug"] == "gcm-arab-2021"
    assert conf["timezone"] == "Asia/Beirut"
    assert conf["languages"] == ["ar", "en", "fr"]
    assert (conf["first_day"], conf["last_day"]) == ("2021-02-24", "2021-02-25")
    assert set(conf["title"]) == {"ar", "en", "fr"}
    assert conf["title"]["ar"].startswith("المؤتمر الإقليمي لاستعراض الاتفاق العالمي")


def test_agenda_has_every_item_of_both_days_as_in_the_seed(client):
    body = client.get("/api/v1/conferences/gcm-arab-2021").get_json()
    got = {
        day["date"]: [(s["id"], s["kind"], s["number"], s["starts_at"][11:16], s["ends_at"][11:16])
                      for s in day["sessions"]]
        for day in body["days"]
    }
    assert got == SEED_AGENDA


def test_agenda_times_carry_the_conference_offset(client):
    body = client.get("/api/v1/conferences/gcm-arab-2021").get_json()
    opening = body["days"][0]["sessions"][1]
    assert (opening["starts_at"], opening["ends_at"]) == ("2021-02-24T10:00:00+02:00", "2021-02-24T11:00:00+02:00")


def test_agenda_slots_carry_limits_and_discussion_lengths(client):
    body = client.get("/api/v1/conferences/gcm-arab-2021").get_json()
    sessions = {s["id"]: s for day in body["days"] for s in day["sessions"]}
    plenary_1 = sessions["plenary-1"]
    assert [(s["kind"], s["minutes"]) for s in plenary_1["slots"]] == [("statement", 5)] * 6 + [("discussion", 30)]
    assert plenary_1["slots"][0]["id"] == "plenary-1-state-a"
    assert plenary_1["slots"][0]["speaker"] is None
    assert plenary_1["chair"]["person"] is None and plenary_1["chair"]["title"] == "chair"
    discussions = {sid: s["slots"][-1]["minutes"] for sid, s in sessions.items()
                   if s["slots"] and s["slots"][-1]["kind"] == "discussion"}
    assert discussions == {"plenary-1": 30, "plenary-2": 30, "plenary-4": 20, "roundtable-1": 50,
                           "roundtable-2": 60, "roundtable-3": 60, "roundtable-4": 60, "plenary-5": 25}


def test_agenda_roundtables_carry_their_objectives(client):
    body = client.get("/api/v1/conferences/gcm-arab-2021").get_json()
    objectives = {s["id"]: s["objectives"] for day in body["days"] for s in day["sessions"] if s["kind"] == "roundtable"}
    assert objectives == {
        "roundtable-1": [2, 5, 6, 12, 18],
        "roundtable-2": [4, 8, 9, 10, 11, 13, 21],
        "roundtable-3": [14, 15, 16, 19, 20, 22],
        "roundtable-4": [1, 3, 7, 17, 23],
    }


def test_unknown_conference_is_a_json_404(client):
    response = client.get("/api/v1/conferences/nope")
    assert response.status_code == 404
    assert response.get_json() == {"error": {"code": "not_found", "message": "There is no conference 'nope'."}}


def test_unknown_api_route_is_a_json_404(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_the_conference_carries_its_document_symbol_per_language(client):
    from conference.agenda.parse import parse_text
    from conference.paths import bundled_agenda

    spec, _ = parse_text(bundled_agenda().read_text(encoding="utf-8"))
    body = client.get("/api/v1/conferences/gcm-arab-2021").get_json()
    assert set(body["symbol"]) == {"ar", "en", "fr"} == set(body["languages"])
    assert body["symbol"] == spec.symbol and all(body["symbol"].values())
    assert "symbol" not in client.get("/api/v1/conferences").get_json()[0]     # the detail's, as venue


def test_a_conference_without_a_symbol_says_null(client, loaded_app):
    from conference import queries

    with loaded_app.extensions["minbar.db"].session_scope() as db:
        queries.conference(db, "gcm-arab-2021").symbol = {}     # the agenda file's symbol left out
    body = client.get("/api/v1/conferences/gcm-arab-2021").get_json()
    assert body["symbol"] is None and body["venue"]
