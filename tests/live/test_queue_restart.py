"""The list of speakers survives a crash: kill -9 the server, start it again on the same database,
and the queue is exactly as it was (order, pins, priorities, policy, who has the floor, the
record of interventions), the requesters are still recognised, and the chair carries on."""
from __future__ import annotations

import functools

import pytest
import socketio

from conftest import ServerProcess

NS = "/live"
SESSION = "plenary-1"


class Client:
    def __init__(self, url: str, token: str | None = None):
        self.sio = socketio.Client(reconnection=False, handle_sigint=False)
        self.sio.connect(url, namespaces=[NS], transports=["websocket"],
                         auth={"token": token} if token else None, wait_timeout=10)

    def call(self, event: str, **payload) -> dict:
        return self.sio.call(event, {"session": SESSION, **payload}, namespace=NS, timeout=10)

    def queue(self, action: str, **payload) -> dict:
        answer = self.call("queue", action=action, **payload)
        assert answer["ok"], answer
        return answer

    def close(self) -> None:
        ws = getattr(self.sio.eio, "ws", None)
        if ws is not None:   # do not wait 3 s for a closing frame a killed server never sends
            ws.close = functools.partial(type(ws).close, ws, timeout=0.2)
        try:
            self.sio.disconnect()
        except Exception:
            pass


@pytest.fixture
def connect():
    made: list[Client] = []

    def make(server, token=None) -> Client:
        made.append(Client(server.url, token))
        return made[-1]

    yield make
    for client in made:
        client.close()


def lasting(state: dict) -> dict:
    """What a restart must keep exactly: the list and the record. The budget's spent and
    remaining time follow the running intervention's clock, which moves on, so only its need is
    compared."""
    queue = {**state["queue"], "budget": state["queue"]["budget"]["needed_s"]}
    return {"version": state["version"], "slot": state["slot"], "queue": queue,
            "interventions": state["interventions"]}


def test_the_queue_survives_a_kill_and_restart(server, server_env, server_token, connect):
    chair_token = server_token("chair", session=SESSION)
    chair = connect(server, chair_token)
    tokens = {name: server_token("participant", name=name, delegation=f"{name} delegation", group=group,
                                 language="fr")
              for name, group in (("Amal", "member_state"), ("Bilal", "civil_society"),
                                  ("Chadi", "un_entity"), ("Dalia", "member_state"))}
    people = {name: connect(server, token) for name, token in tokens.items()}
    chair.call("slot", action="goto", slot="plenary-1-discussion")
    for name in ("Amal", "Bilal", "Chadi"):
        people[name].queue("request")
    people["Dalia"].queue("request", priority="right_of_reply")
    amal_entry = people["Amal"].queue("mine")["entry"]
    chair.queue("grant", entry=amal_entry)
    chair.queue("policy", policy="states_first")
    chair.queue("move", entry=people["Bilal"].queue("mine")["entry"], position=0)
    chair.queue("close")
    before = chair.call("join")["state"]
    assert [e["name"] for e in before["queue"]["entries"]] == ["Bilal", "Dalia", "Chadi"]
    places = {name: people[name].queue("mine") for name in ("Bilal", "Chadi", "Dalia")}

    server.kill()
    for client in [chair, *people.values()]:
        client.close()
    restarted = ServerProcess(server_env, server.port).start()
    try:
        chair = connect(restarted, chair_token)
        after = chair.call("join")["state"]

        assert lasting(after) == lasting(before)
        assert after["timer"]["status"] == "running" and after["timer"]["limit_s"] == 180

        again = {name: connect(restarted, tokens[name]) for name in ("Bilal", "Chadi", "Dalia")}
        for name, client in again.items():
            mine = client.queue("mine")
            assert (mine["entry"], mine["position"]) == (places[name]["entry"], places[name]["position"]), name
        assert again["Chadi"].call("queue", action="request", priority="point_of_order")["error"]["code"] == \
            "already_queued"

        granted = chair.queue("grant", entry=places["Bilal"]["entry"])["state"]
        assert granted["queue"]["speaking"]["name"] == "Bilal"
        assert [r["name"] for r in granted["interventions"]] == ["Amal", "Bilal"]
        assert granted["interventions"][0]["ended_at"] is not None
    finally:
        restarted.stop()
