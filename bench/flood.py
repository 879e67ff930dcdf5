"""Flooders against a Minbar server, and what they do to the chair's command latency.

    python bench/flood.py --url http://127.0.0.1:5000 --chair-token TOKEN --n 200 [--seconds 20] [--json]

measures the chair's `timer adjust` latency quiet, then while N anonymous connections (in another
process: this script with --flood-only) send `channel select` as fast as they can, reconnecting
at once when they are dropped; prints median and p95 of each. Loopback only; every loop is
bounded in time. `--flood-only` runs just the flooders and prints their counts as JSON
(tests/live/test_flood_shedding.py measures the chair itself around it).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import threading
import time
from urllib.parse import urlsplit

NS = "/live"
SESSION = "plenary-1"


def flood(url: str, n: int, seconds: float) -> dict:
    import socketio

    deadline = time.monotonic() + seconds
    counts = {"connections": 0, "refused_connections": 0, "sent": 0, "dropped": 0}
    lock = threading.Lock()

    def one(i: int) -> None:
        while time.monotonic() < deadline:
            client = socketio.Client(reconnection=False)
            try:
                client.connect(url, namespaces=[NS], transports=["websocket"], wait_timeout=2)
            except Exception:
                with lock:
                    counts["refused_connections"] += 1
                time.sleep(0.02)     # bounded: never a busy loop on this machine
                continue
            with lock:
                counts["connections"] += 1
            sent = 0
            while client.connected and time.monotonic() < deadline:
                try:
                    client.emit("channel", {"session": SESSION, "action": "select", "language": "floor"},
                                namespace=NS, callback=lambda *_: None)
                except Exception:
                    break
                sent += 1
                if sent % 200 == 0:
                    time.sleep(0)    # let the receiving thread see the server's disconnect
            dropped = time.monotonic() < deadline
            if not dropped:
                # The server may have dropped it while this thread kept the GIL sending: give the
                # receiving thread a moment to see the disconnect before calling it survived.
                settle = time.monotonic() + 3.0
                while client.connected and time.monotonic() < settle:
                    time.sleep(0.05)
                dropped = not client.connected
            with lock:
                counts["sent"] += sent
                counts["dropped"] += dropped
            try:
                client.disconnect()
            except Exception:
                pass

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 10)
    return counts


def chair_latencies(chair, count: int) -> list[float]:
    found = []
    for k in range(count):
        began = time.perf_counter()
        answer = chair.call("timer", {"session": SESSION, "action": "adjust", "seconds": 1 if k % 2 else -1},
                            namespace=NS, timeout=10)
        found.append((time.perf_counter() - began) * 1000)
        assert answer["ok"], answer
        time.sleep(0.12)             # within the chair's own rate limit
    return found


def start_flooders(url: str, n: int, seconds: float) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, __file__, "--flood-only", "--url", url, "--n", str(n),
                             "--seconds", str(seconds)], stdout=subprocess.PIPE, text=True)


def summary(values: list[float]) -> dict:
    ordered = sorted(values)
    return {"median_ms": round(statistics.median(ordered), 1),
            "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--chair-token")
    parser.add_argument("--commands", type=int, default=40)
    parser.add_argument("--flood-only", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if urlsplit(args.url).hostname not in ("127.0.0.1", "localhost", "::1"):
        parser.error("loopback addresses only")
    if args.flood_only:
        print(json.dumps(flood(args.url, args.n, args.seconds)))
        return
    import socketio

    chair = socketio.Client(reconnection=False)
    chair.connect(args.url, namespaces=[NS], transports=["websocket"], auth={"token": args.chair_token})
    chair.call("join", {"session": SESSION}, namespace=NS)
    chair.call("timer", {"session": SESSION, "action": "start"}, namespace=NS)
    quiet = chair_latencies(chair, args.commands)
    flooders = start_flooders(args.url, args.n, args.seconds)
    time.sleep(2)
    loaded = chair_latencies(chair, args.commands)
    counts = json.loads(flooders.communicate(timeout=args.seconds + 60)[0] or "{}")
    chair.disconnect()
    result = {"n": args.n, "quiet": summary(quiet), "flood": summary(loaded), "flooders": counts}
    print(json.dumps(result) if args.json else json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
