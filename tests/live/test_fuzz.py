"""Every /live event and every action with Hypothesis-generated payloads, against a real
`minbar run` process whose rate limit is switched off (MINBAR_LIVE_RATE_LIMIT=0), so that every
payload reaches validation: each must be answered with the contract's acknowledgement (ok, or an
error with a known code), and the server's log must hold no traceback (the `servers` fixture
fails the test on one). The rate limit is tested on its own in test_real_server.py and
test_hostile_input.py.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conference.errors import HTTP_STATUS
from live.test_real_server import SESSION, clients, env, servers  # noqa: F401
from sessions.live.features import LIVE

# With the rate limit off, `rate_limited` is not an acceptable answer: a payload it refused
# would never have been validated.
KNOWN_CODES = (set(HTTP_STATUS) | {"stale"}) - {"rate_limited"}
EXAMPLES = 100

FIELDS = ("seconds", "language", "booth", "on", "text", "preset", "entry", "ids", "index", "interpreter",
          "minutes", "policy", "position", "priority", "slot", "warn_s", "client", "digest", "expect", "to")

json_leaf = (st.none() | st.booleans() | st.integers(-10**15 + 1, 10**15 - 1)
             | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20)
             | st.sampled_from(["ar", "en", "fr", "floor", "es", "", "hi \ud800", "\u0000", "x" * 300,
                                "plenary-1-state-a", "plenary-1-state-b", "1", "-1"]))
json_value = st.recursive(json_leaf, lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)
plausible = (st.integers(-400, 400) | st.sampled_from(["ar", "en", "fr", "floor", True, False, None])
             | st.text(max_size=12) | json_value)


def payloads(actions: list[str]):
    fields = st.dictionaries(st.sampled_from(FIELDS), plausible, max_size=4)
    base = st.fixed_dictionaries({}, optional={
        "session": st.sampled_from([SESSION, SESSION, "plenary-2", "no-such-session", "", "X"]) | json_value,
        "action": st.sampled_from(actions) if actions else json_value,
        "conference": st.sampled_from(["gcm-arab-2021", "nope"]) | json_value,
    })
    shaped = st.builds(lambda b, f: {**f, **b}, base, fields)
    return shaped | json_value


def check(answer) -> None:
    assert isinstance(answer, dict) and answer.get("ok") in (True, False), answer
    if not answer["ok"]:
        assert answer["error"]["code"] in KNOWN_CODES, answer
        assert isinstance(answer["error"]["message"], str) and answer["error"]["message"], answer


EVENTS = ["clock", "join", "no-such-event", *sorted(LIVE.families)]


@pytest.mark.parametrize("event", EVENTS)
def test_every_event_answers_every_payload_with_a_contract_acknowledgement(servers, clients, server_token, event):
    server = servers(MINBAR_LIVE_RATE_LIMIT="0")
    chair = clients(server, server_token("chair", session=SESSION))
    participant = clients(server, server_token("participant", name="Delegate"))
    anonymous = clients(server)
    family = LIVE.families.get(event)
    actions = sorted(family.actions) if family else []

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                     HealthCheck.data_too_large])
    @given(payload=payloads(actions), who=st.sampled_from([0, 0, 1, 2]))
    def each(payload, who):
        client = (chair, participant, anonymous)[who]
        check(client.sio.call(event, payload, namespace="/live", timeout=10))

    each()
    # Still connected and served after all of it; no traceback (checked by the fixture).
    assert chair.connected and chair.call("clock")["ok"] is True
    assert "Traceback" not in server.log.read_text(errors="replace")
