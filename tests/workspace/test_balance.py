from datetime import date

from sessions.reports import balance
from sessions.reports.balance import Turn

DAY = date(2021, 2, 24)


def test_balance_by_group_kind_delegation_and_gender_planned_against_actual():
    turns = [
        Turn("p1", DAY, "a", "statement", "member_state", "Lebanon", "female", 300_000, 240_000),
        Turn("p1", DAY, "b", "statement", "member_state", "Jordan", None, 300_000, None),
        Turn("p1", DAY, "c", "statement", "civil_society", "", "male", 300_000, 360_000),
        Turn("p1", DAY, "d", "statement", None, None, None, 300_000, None),
        Turn("p1", DAY, "e", "discussion", None, None, None, 1_800_000, 600_000),
        Turn("p2", date(2021, 2, 25), "f", "statement", "un_entity", "", None, 600_000, 600_000),
    ]
    result = balance.compute(balance.select(turns, day=DAY))
    groups = {l.value: l for l in result["group"]}
    assert (groups["member_state"].planned_turns, groups["member_state"].planned_ms) == (2, 600_000)
    assert (groups["member_state"].actual_turns, groups["member_state"].actual_ms) == (1, 240_000)
    assert groups["tbd"].planned_turns == 1 and "un_entity" not in groups
    kinds = {l.value: l for l in result["kind"]}
    assert kinds["state"].planned_turns == 2 and kinds["civil_society"].actual_ms == 360_000
    assert kinds["open_discussion"].actual_ms == 600_000
    genders = {l.value: l for l in result["gender"]}
    assert genders["female"].actual_ms == 240_000 and genders["unknown"].planned_turns == 1 and genders["tbd"].planned_turns == 1
    assert balance.total(result["group"]).planned_turns == 5
    text = balance.to_csv(result)
    assert text.startswith("\ufeffdimension,value,planned_turns") and "delegation,Lebanon,1,300,1,240" in text
    assert [t.slot for t in balance.select(turns, session="p2")] == ["f"]


def test_interventions_from_the_queue_count_for_their_speakers_group_and_delegation():
    turns = [
        Turn("p1", DAY, "d", "discussion", None, None, None, 1_800_000, 200_000),
        Turn("p1", DAY, "d", "intervention", "civil_society", "Lebanon", None, 0, 180_000),
        Turn("p1", DAY, "d", "intervention", "member_state", "Jordan", None, 0, 120_000),
    ]
    result = balance.compute(turns)
    groups = {l.value: l for l in result["group"]}
    assert (groups["civil_society"].planned_turns, groups["civil_society"].actual_turns) == (0, 1)
    assert groups["member_state"].actual_ms == 120_000
    assert groups["open_discussion"].planned_turns == 1 and groups["open_discussion"].actual_ms == 200_000
    kinds = {l.value: l for l in result["kind"]}
    assert kinds["state"].actual_turns == 1 and kinds["civil_society"].actual_ms == 180_000


def test_the_balance_page_and_api_read_the_day_alike(browser, issue_token):
    """One reading of `?day=` for the page and the API: a day filters, anything else is refused."""
    token = issue_token("organiser")
    page, api = "/workspace/gcm-arab-2021/balance", "/api/v1/conferences/gcm-arab-2021/balance"
    for day, status in (("2021-02-24", 200), ("2021-02-30", 400), ("someday", 400), ("", 200)):
        assert browser.get(f"{page}?day={day}").status_code == status, day
        answer = browser.get(f"{api}?day={day}", headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == status, (day, answer.get_json())
        if status == 400:
            assert answer.get_json()["error"] == {
                "code": "bad_request", "message": "'day' should be a date written YYYY-MM-DD."}
