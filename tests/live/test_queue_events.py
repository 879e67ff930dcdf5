"""The `queue` event over Socket.IO (in-process clients): every action and every refusal.

The ordering rules themselves are tested as plain Python in tests/unit/sessions/test_queue*.py;
here each action is driven through the live dispatch, with the STATE it publishes, the ack the
actor gets, the intervention timer and record, and the time budget. A refusal answers
`{"ok": false, "error": {...}}` and leaves the session's STATE (version included) as it was.
"""
from __future__ import annotations

import pytest

from conftest import ack
from live_socket import settled

SESSION = "plenary-1"
DISCUSSION = "plenary-1-discussion"          # 30 minutes
T0_ISO = "2021-02-24T08:30:00+00:00"         # the clock fixture's instant
T0_MS = 1614155400000


@pytest.fixture
def room(issue_token, live_client):
    """The chair, an anonymous watcher, and `person(name, ...)` making signed-in participants."""
    class Room:
        chair = live_client(issue_token("chair", session=SESSION))
        watcher = live_client()

        def person(self, name: str, delegation: str = "", group: str = "member_state", language: str = "ar"):
            return live_client(issue_token("participant", name=name, delegation=delegation or f"{name} delegation",
                                           group=group, language=language))

        def state(self) -> dict:
            return settled(ack(self.watcher, "join", {"session": SESSION})["state"])

        def queue(self) -> dict:
            return self.state()["queue"]

        def names(self) -> list[str]:
            return [e["name"] for e in self.queue()["entries"]]

        def chair_does(self, action: str, **extra) -> dict:
            answer = ack(self.chair, "queue", {"session": SESSION, "action": action, **extra})
            assert answer["ok"] is True, answer
            return answer

        def discussion(self) -> None:
            assert ack(self.chair, "slot", {"session": SESSION, "action": "goto", "slot": DISCUSSION})["ok"]

    r = Room()
    assert ack(r.chair, "join", {"session": SESSION})["ok"]
    assert ack(r.watcher, "join", {"session": SESSION})["ok"]
    return r


def ask(client, **extra) -> dict:
    return ack(client, "queue", {"session": SESSION, "action": "request", **extra})


def entry_id(room, name: str) -> str:
    return next(e["id"] for e in room.queue()["entries"] if e["name"] == name)


def assert_refused(answer: dict, code: str) -> None:
    assert answer["ok"] is False, answer
    assert answer["error"]["code"] == code, answer
    assert isinstance(answer["error"]["message"], str) and answer["error"]["message"]


# -- request, withdraw, mine -----------------------------------------------------------------

def test_request_adds_the_link_holder_and_the_ack_gives_their_entry_and_place(room):
    amal = room.person("Amal", "Jordan", "member_state", "ar")

    answer = ask(amal)

    assert answer["ok"] is True
    assert (answer["entry"], answer["position"], answer["wait_s"], answer["speaking"]) == ("q1", 0, 0, None)
    assert answer["state"]["queue"] == {
        "open": True, "policy": "by_request",
        "entries": [{"id": "q1", "name": "Amal", "delegation": "Jordan", "group": "member_state",
                     "priority": "ordinary", "requested_at": T0_ISO, "language": "ar", "pinned": False}],
        "speaking": None, "intervention_s": 180, "budget": None,
    }


def test_request_is_broadcast_to_the_room(room):
    room.watcher.get_received("/live")
    ask(room.person("Amal"))
    [event] = [e for e in room.watcher.get_received("/live") if e["name"] == "state"]
    assert [e["name"] for e in event["args"][0]["queue"]["entries"]] == ["Amal"]


def test_second_request_tells_the_place_of_the_later_requester(room, clock):
    ask(room.person("Amal"))
    clock.advance(seconds=5)
    answer = ask(room.person("Bilal"))
    assert (answer["entry"], answer["position"], answer["wait_s"]) == ("q2", 1, 180)


def test_second_request_while_queued_is_already_queued_and_changes_nothing(room):
    amal = room.person("Amal")
    ask(amal)
    before = room.state()
    answer = ask(amal, priority="point_of_order")
    assert_refused(answer, "already_queued")
    assert room.state() == before


def test_anonymous_request_is_unauthorized_and_changes_nothing(room):
    before = room.state()
    assert_refused(ask(room.watcher), "unauthorized")
    assert room.state() == before


def test_request_on_a_closed_list_is_closed_but_a_point_of_order_is_received(room):
    room.chair_does("close")
    before = room.state()
    assert_refused(ask(room.person("Amal")), "closed")
    assert room.state() == before
    answer = ask(room.person("Bilal"), priority="point_of_order")
    assert answer["ok"] is True and answer["position"] == 0


def test_withdraw_takes_the_request_back(room):
    amal = room.person("Amal")
    ask(amal)
    answer = ack(amal, "queue", {"session": SESSION, "action": "withdraw"})
    assert answer["ok"] is True
    assert (answer["entry"], answer["position"]) == (None, None)
    assert room.queue()["entries"] == []


def test_withdraw_when_not_queued_is_not_queued_and_changes_nothing(room):
    ask(room.person("Amal"))
    bilal = room.person("Bilal")
    before = room.state()
    assert_refused(ack(bilal, "queue", {"session": SESSION, "action": "withdraw"}), "not_queued")
    assert room.state() == before


def test_anonymous_withdraw_is_unauthorized(room):
    assert_refused(ack(room.watcher, "queue", {"session": SESSION, "action": "withdraw"}), "unauthorized")


def test_mine_tells_the_place_and_changes_nothing(room):
    ask(room.person("Amal"))
    bilal = room.person("Bilal")
    ask(bilal)
    before = room.state()
    answer = ack(bilal, "queue", {"session": SESSION, "action": "mine"})
    assert (answer["ok"], answer["entry"], answer["position"], answer["speaking"]) == (True, "q2", 1, None)
    assert room.state() == before


def test_chair_actions_carry_no_place_in_the_ack(room):
    ask(room.person("Amal"))
    answer = room.chair_does("close")
    assert set(answer) == {"ok", "state", "delivered"}


# -- grant, finish, the intervention record --------------------------------------------------

def test_grant_gives_the_floor_and_starts_the_intervention_timer(room, clock):
    room.discussion()
    amal = room.person("Amal", "Jordan")
    ask(amal)

    state = room.chair_does("grant", entry="q2")["state"]

    assert state["queue"]["speaking"]["name"] == "Amal"
    assert state["queue"]["entries"] == []
    assert state["timer"] == {"status": "running", "limit_s": 180, "elapsed_ms": 0,
                              "started_at": T0_MS, "warn_s": 60}
    assert state["interventions"] == [{
        "entry": "q2", "name": "Amal", "delegation": "Jordan", "group": "member_state", "language": "ar",
        "priority": "ordinary", "slot": DISCUSSION, "limit_s": 180, "started_at": T0_MS,
        "ended_at": None, "spoken_ms": None}]
    mine = ack(amal, "queue", {"session": SESSION, "action": "mine"})
    assert (mine["entry"], mine["position"], mine["speaking"]) == (None, None, "q2")


def test_grant_may_call_any_waiting_entry_not_only_the_first(room):
    ask(room.person("Amal"))
    ask(room.person("Bilal"))
    state = room.chair_does("grant", entry="q2")["state"]
    assert state["queue"]["speaking"]["name"] == "Bilal"
    assert [e["name"] for e in state["queue"]["entries"]] == ["Amal"]


def test_the_next_grant_ends_the_previous_intervention_with_its_time(room, clock):
    room.discussion()
    ask(room.person("Amal"))
    ask(room.person("Bilal"))
    room.chair_does("grant", entry="q2")
    clock.advance(seconds=150)

    state = room.chair_does("grant", entry="q3")["state"]

    first, second = state["interventions"]
    assert (first["name"], first["ended_at"], first["spoken_ms"]) == ("Amal", T0_MS + 150_000, 150_000)
    assert (second["name"], second["started_at"], second["ended_at"]) == ("Bilal", T0_MS + 150_000, None)
    assert state["timer"]["elapsed_ms"] == 0 and state["timer"]["status"] == "running"


def test_finish_ends_the_intervention_and_pauses_the_timer(room, clock):
    room.discussion()
    ask(room.person("Amal"))
    room.chair_does("grant", entry="q2")
    clock.advance(seconds=200)

    state = room.chair_does("finish")["state"]

    assert state["queue"]["speaking"] is None
    assert state["timer"] == {"status": "paused", "limit_s": 180, "elapsed_ms": 200_000,
                              "started_at": None, "warn_s": 60}
    assert state["interventions"][0]["spoken_ms"] == 200_000


def test_finish_with_nobody_speaking_is_invalid_state(room):
    before = room.state()
    assert_refused(ack(room.chair, "queue", {"session": SESSION, "action": "finish"}), "invalid_state")
    assert room.state() == before


def test_grant_of_an_unknown_entry_is_not_found_and_changes_nothing(room):
    ask(room.person("Amal"))
    before = room.state()
    assert_refused(ack(room.chair, "queue", {"session": SESSION, "action": "grant", "entry": "q99"}), "not_found")
    assert room.state() == before


def test_leaving_the_discussion_ends_the_intervention_and_records_the_block_actual(room, clock):
    room.discussion()
    ask(room.person("Amal"))
    ask(room.person("Bilal"))
    room.chair_does("grant", entry="q2")
    clock.advance(seconds=100)
    room.chair_does("grant", entry="q3")
    clock.advance(seconds=60)

    state = ack(room.chair, "slot", {"session": SESSION, "action": "prev"})["state"]

    assert state["queue"]["speaking"] is None
    assert [r["spoken_ms"] for r in state["interventions"]] == [100_000, 60_000]
    assert state["actuals"][DISCUSSION] == 160_000


def test_a_timer_reset_during_an_intervention_keeps_its_time_in_the_budget(room, clock):
    room.discussion()
    ask(room.person("Amal"))
    room.chair_does("grant", entry="q2")
    clock.advance(seconds=90)
    assert ack(room.chair, "timer", {"session": SESSION, "action": "reset"})["ok"]
    assert ack(room.chair, "timer", {"session": SESSION, "action": "start"})["ok"]
    clock.advance(seconds=30)

    state = room.chair_does("finish")["state"]

    assert state["interventions"][0]["spoken_ms"] == 120_000
    assert state["queue"]["budget"]["spent_s"] == 120


# -- chair's list management -----------------------------------------------------------------

def test_remove_strikes_a_waiting_entry(room):
    ask(room.person("Amal"))
    ask(room.person("Bilal"))
    room.chair_does("remove", entry="q1")
    assert room.names() == ["Bilal"]


def test_remove_of_an_unknown_entry_is_not_found(room):
    before = room.state()
    assert_refused(ack(room.chair, "queue", {"session": SESSION, "action": "remove", "entry": "q7"}), "not_found")
    assert room.state() == before


def test_move_puts_an_entry_at_a_position_and_pins_it(room, clock):
    for name in ("Amal", "Bilal", "Chadi"):
        ask(room.person(name))
        clock.advance(seconds=1)
    state = room.chair_does("move", entry="q3", position=0)["state"]
    assert [(e["name"], e["pinned"]) for e in state["queue"]["entries"]] == [
        ("Chadi", True), ("Amal", False), ("Bilal", False)]


def test_move_out_of_range_is_bad_request(room):
    ask(room.person("Amal"))
    before = room.state()
    assert_refused(ack(room.chair, "queue", {"session": SESSION, "action": "move", "entry": "q1", "position": 3}),
                   "bad_request")
    assert room.state() == before


def test_skip_sends_an_entry_behind_the_rest_of_its_band(room, clock):
    for name in ("Amal", "Bilal", "Chadi"):
        ask(room.person(name))
        clock.advance(seconds=1)
    room.chair_does("skip", entry="q1")
    assert room.names() == ["Bilal", "Chadi", "Amal"]


def test_close_then_open_the_list(room):
    assert room.chair_does("close")["state"]["queue"]["open"] is False
    assert room.chair_does("open")["state"]["queue"]["open"] is True
    assert ask(room.person("Amal"))["ok"] is True


def test_closing_a_closed_list_changes_nothing(room):
    room.chair_does("close")
    before = room.state()
    room.chair_does("close")
    assert room.state() == before


# -- priorities and policies ---------------------------------------------------------------

def test_point_of_order_goes_first_then_right_of_reply_then_ordinary(room, clock):
    ask(room.person("Amal"))
    clock.advance(seconds=1)
    ask(room.person("Bilal"), priority="right_of_reply")
    clock.advance(seconds=1)
    ask(room.person("Chadi"), priority="point_of_order")
    clock.advance(seconds=1)
    ask(room.person("Dalia"), priority="ordinary")
    assert [(e["name"], e["priority"]) for e in room.queue()["entries"]] == [
        ("Chadi", "point_of_order"), ("Bilal", "right_of_reply"), ("Amal", "ordinary"), ("Dalia", "ordinary")]


def test_policy_states_first_resorts_the_list(room, clock):
    ask(room.person("NGO", group="civil_society"))
    clock.advance(seconds=1)
    ask(room.person("IOM", group="un_entity"))
    clock.advance(seconds=1)
    ask(room.person("Oman", group="member_state"))

    state = room.chair_does("policy", policy="states_first")["state"]

    assert state["queue"]["policy"] == "states_first"
    assert [e["name"] for e in state["queue"]["entries"]] == ["Oman", "IOM", "NGO"]
    assert [e["name"] for e in room.chair_does("policy", policy="by_request")["state"]["queue"]["entries"]] == [
        "NGO", "IOM", "Oman"]


def test_a_policy_change_keeps_a_manual_move(room, clock):
    ask(room.person("NGO", group="civil_society"))
    clock.advance(seconds=1)
    ask(room.person("Oman", group="member_state"))
    clock.advance(seconds=1)
    ask(room.person("Union", group="trade_union"))
    room.chair_does("move", entry="q3", position=0)          # the chair calls the union first

    state = room.chair_does("policy", policy="states_first")["state"]

    assert [e["name"] for e in state["queue"]["entries"]] == ["Union", "Oman", "NGO"]


def test_states_first_uses_the_protocol_rank_of_the_person_the_link_names(loaded_app, room, issue_token,
                                                                            live_client, clock):
    from sqlalchemy import select

    from conference.models import Conference
    from speakers.models import AccessToken, Person
    from speakers.tokens import unsign

    def ranked(name: str, rank: int | None):
        token = issue_token("participant", name=name, delegation=name, group="member_state")
        with loaded_app.extensions["minbar.db"].session_scope() as db:
            conf = db.scalar(select(Conference).where(Conference.slug == "gcm-arab-2021"))
            db.add(Person(conference_id=conf.id, key=f"p-{name.lower()}", name=name, group="member_state", rank=rank))
            db.get(AccessToken, unsign(token, "test-secret")).person_key = f"p-{name.lower()}"
        return live_client(token)

    room.chair_does("policy", policy="states_first")
    for name, rank in (("Ambassador", 3), ("Unranked", None), ("Minister", 2)):
        assert ask(ranked(name, rank))["ok"]
        clock.advance(seconds=1)

    assert room.names() == ["Minister", "Ambassador", "Unranked"]


def test_first_turns_first_puts_a_second_turn_after_first_ones(room, clock):
    amal = room.person("Amal")
    ask(amal)
    room.chair_does("grant", entry="q1")
    clock.advance(seconds=10)
    ask(amal)                                   # Amal asks again while speaking
    clock.advance(seconds=1)
    ask(room.person("Bilal"))
    assert room.names() == ["Amal", "Bilal"]

    room.chair_does("policy", policy="first_turns_first")

    assert room.names() == ["Bilal", "Amal"]


# -- the time budget -------------------------------------------------------------------------

def test_budget_is_null_outside_a_discussion_block(room):
    ask(room.person("Amal"))
    assert room.queue()["budget"] is None


def test_budget_warns_when_the_list_cannot_fit_the_time_left(room, clock):
    room.discussion()                                   # a 30-minute block
    ask(room.person("Speaker 0"))
    room.chair_does("grant", entry="q2")
    clock.advance(seconds=8 * 60)
    room.chair_does("finish")
    for n in range(1, 13):
        ask(room.person(f"Speaker {n}"))

    budget = room.queue()["budget"]

    # "The list needs 36 minutes, 22 remain."
    assert budget == {"slot": DISCUSSION, "block_s": 1800, "spent_s": 480,
                      "needed_s": 36 * 60, "remaining_s": 22 * 60, "fits": False}


def test_budget_counts_the_running_intervention_up_to_now(room, clock):
    room.discussion()
    ask(room.person("Amal"))
    ask(room.person("Bilal"))
    room.chair_does("grant", entry="q2")
    clock.advance(seconds=61)
    budget = room.queue()["budget"]
    assert (budget["spent_s"], budget["remaining_s"], budget["needed_s"], budget["fits"]) == (61, 1739, 180, True)


# -- who may ---------------------------------------------------------------------------------

CHAIR_COMMANDS = [
    {"action": "grant", "entry": "q1"}, {"action": "finish"}, {"action": "remove", "entry": "q1"},
    {"action": "move", "entry": "q1", "position": 0}, {"action": "skip", "entry": "q1"},
    {"action": "close"}, {"action": "open"}, {"action": "policy", "policy": "states_first"},
]


@pytest.mark.parametrize("command", CHAIR_COMMANDS, ids=lambda c: c["action"])
def test_a_participant_may_not_run_the_list(room, command):
    amal = room.person("Amal")
    ask(amal)
    before = room.state()
    assert_refused(ack(amal, "queue", {"session": SESSION, **command}), "forbidden")
    assert room.state() == before


@pytest.mark.parametrize("command", CHAIR_COMMANDS, ids=lambda c: c["action"])
def test_an_anonymous_viewer_may_not_run_the_list(room, command):
    ask(room.person("Amal"))
    before = room.state()
    assert_refused(ack(room.watcher, "queue", {"session": SESSION, **command}), "unauthorized")
    assert room.state() == before


def test_the_chair_of_another_session_may_not_grant(room, issue_token, live_client):
    ask(room.person("Amal"))
    other = live_client(issue_token("chair", session="plenary-2"))
    before = room.state()
    assert_refused(ack(other, "queue", {"session": SESSION, "action": "grant", "entry": "q1"}), "forbidden")
    assert room.state() == before


def test_an_organiser_may_run_the_list(room, issue_token, live_client):
    ask(room.person("Amal"))
    organiser = live_client(issue_token("organiser"))
    answer = ack(organiser, "queue", {"session": SESSION, "action": "grant", "entry": "q1"})
    assert answer["ok"] is True and answer["state"]["queue"]["speaking"]["name"] == "Amal"


# -- malformed commands ----------------------------------------------------------------------

@pytest.mark.parametrize("payload", [
    {"action": "request", "priority": "urgent"},
    {"action": "request", "priority": 1},
    {"action": "grant"},
    {"action": "grant", "entry": 1},
    {"action": "grant", "entry": ""},
    {"action": "grant", "entry": "x" * 500},
    {"action": "move", "entry": "q1"},
    {"action": "move", "entry": "q1", "position": "0"},
    {"action": "move", "entry": "q1", "position": True},
    {"action": "policy", "policy": "alphabetical"},
    {"action": "policy"},
    {"action": "explode"},
    {"action": 7},
], ids=repr)
def test_malformed_commands_are_bad_request_and_change_nothing(room, payload):
    ask(room.person("Amal"))
    before = room.state()
    sender = room.person("Bilal") if payload.get("action") == "request" else room.chair
    answer = ack(sender, "queue", {"session": SESSION, **payload})
    assert_refused(answer, "bad_request")
    assert room.state() == before
    assert sender.is_connected("/live")
