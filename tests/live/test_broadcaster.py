"""Coalescing broadcasts: a burst of changes to one room sends the newest state, not every one."""
from __future__ import annotations

import threading

from conference.live.broadcaster import Broadcaster


def test_single_change_is_sent_at_once():
    sent = []
    Broadcaster(lambda target, state: sent.append((target, state["version"]))).publish("c/s", {"version": 1})
    assert sent == [("c/s", 1)]


def test_changes_during_an_emit_are_coalesced_to_the_newest():
    sent, inside, release = [], threading.Event(), threading.Event()

    def slow_emit(target, state):
        sent.append((target, state["version"]))
        if state["version"] == 1:
            inside.set()
            release.wait(5)

    broadcaster = Broadcaster(slow_emit)
    first = threading.Thread(target=broadcaster.publish, args=("c/s", {"version": 1}))
    first.start()
    inside.wait(5)
    for version in (3, 2, 5, 4):          # arrive out of order while room c/s is being sent to
        broadcaster.publish("c/s", {"version": version})
    broadcaster.publish("c/other", {"version": 9})   # another room is not held up
    release.set()
    first.join(5)

    assert sent == [("c/s", 1), ("c/other", 9), ("c/s", 5)]


def test_a_failed_emit_does_not_block_the_room():
    calls = []

    def failing_once(target, state):
        calls.append(state["version"])
        if len(calls) == 1:
            raise RuntimeError("queue unavailable")

    broadcaster = Broadcaster(failing_once)
    try:
        broadcaster.publish("c/s", {"version": 1})
    except RuntimeError:
        pass
    broadcaster.publish("c/s", {"version": 2})
    assert calls == [1, 2]
