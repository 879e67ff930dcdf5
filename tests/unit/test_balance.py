"""How many connections a process asks to move (conference.live.balance.excess), and whom."""
from __future__ import annotations

from conference.live.balance import MOVABLE, Balancer, excess


def test_a_process_alone_or_balanced_asks_nobody():
    assert excess(300, [300]) == 0
    assert excess(150, [150, 150]) == 0
    assert excess(160, [160, 140]) == 0          # within 10 % of the share


def test_after_a_failover_the_survivor_asks_those_above_its_share():
    assert excess(300, [300, 0]) == 150
    assert excess(200, [200, 100]) == 50
    assert excess(200, [200, 50, 50]) == 100


def test_only_idle_participants_may_be_asked():
    assert MOVABLE == {"participant", "anonymous"}

    class Recorder:
        def __init__(self):
            self.sent = []

        def emit(self, event, payload, to, namespace, ignore_queue):
            self.sent.append((event, to, payload["after_ms"]))

    class Counts:
        def __init__(self):
            self.table = {}

        def hset(self, key, field, value):
            self.table[field] = value

        def hgetall(self, key):
            import json
            return {**self.table, "other": json.dumps({"n": 0, "at": __import__("time").time()})}

        def hdel(self, key, *fields):
            pass

    socketio = Recorder()
    balancer = Balancer(socketio, "redis://127.0.0.1:1/4", "test", "me")
    balancer._redis = Counts()
    for n, role in enumerate(["chair", "interpreter", "rapporteur", "speaker", "organiser"] + ["participant"] * 4
                             + ["anonymous"] * 4):
        balancer.connected(f"sid-{n}", role)
    asked = balancer.cycle()
    assert asked == 7                             # 13 here, 0 there: 6.5 above the share
    assert {to for _event, to, _ms in socketio.sent} <= {f"sid-{n}" for n in range(5, 13)}
    assert all(event == "rebalance" and 0 <= ms <= 8000 for event, _to, ms in socketio.sent)
    assert balancer.cycle() == 0                  # not again before the moves have landed
