#!/usr/bin/env python
"""Latency of the cached calendar feed and agenda page under gunicorn, measured from outside.

    .venv/bin/python bench/pages.py [--requests 300]

Makes a scratch SQLite database with the bundled conference (`minbar init`), starts one Minbar
process as deployed (gunicorn -c deploy/gunicorn.conf.py wsgi:app, gevent) on a free port of
127.0.0.1, warms each URL once (the first request builds and caches the body), then times
`--requests` sequential GETs of each over keep-alive HTTP and prints the median, p95 and max in ms.
Bounded: every request has a 10 s timeout and the server is stopped at the end.
"""
from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
URLS = {"agenda.ics": "/conferences/gcm-arab-2021/agenda.ics",
        "agenda page": "/conferences/gcm-arab-2021?lang=en",
        "session .ics": "/conferences/gcm-arab-2021/sessions/plenary-1.ics",
        "healthz": "/healthz"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def p95(values):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(.95 * len(ordered)) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not 1 <= args.requests <= 5000:
        parser.error("--requests must be between 1 and 5000")
    with tempfile.TemporaryDirectory(prefix="minbar-pages-") as tmp:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "MINBAR_AT")}
        env.update(MINBAR_INSTANCE=tmp, SECRET_KEY="bench-secret-of-a-server-process-0123456789", DATABASE_URL=f"sqlite:///{tmp}/pages.sqlite3")
        subprocess.run([sys.executable, "-m", "conference.cli", "init"], env=env, cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, timeout=120)
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"),
                                   "wsgi:app"], env={**env, "MINBAR_BIND": f"127.0.0.1:{port}",
                                                     "MINBAR_LOG_LEVEL": "warning"},
                                  cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        results = {}
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                    connection.request("GET", "/healthz")
                    if connection.getresponse().read() and True:
                        break
                except OSError:
                    if time.monotonic() > deadline:
                        raise RuntimeError("the server did not start") from None
                    time.sleep(0.2)
            for name, path in URLS.items():
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read()
                assert response.status == 200, (path, response.status)
                times = []
                for _ in range(args.requests):
                    started = time.perf_counter()
                    connection.request("GET", path)
                    response = connection.getresponse()
                    response.read()
                    times.append((time.perf_counter() - started) * 1000)
                results[name] = {"bytes": len(body), "median_ms": round(statistics.median(times), 2),
                                 "p95_ms": round(p95(times), 2), "max_ms": round(max(times), 2)}
        finally:
            server.terminate()
            server.wait(20)
    if args.json:
        print(json.dumps(results))
    else:
        print(f"# {args.requests} sequential keep-alive GETs each, one gunicorn gevent process, {os.cpu_count()} cores")
        for name, figures in results.items():
            print(f"{name:>14}: median {figures['median_ms']:6.2f} ms  p95 {figures['p95_ms']:6.2f} ms  "
                  f"max {figures['max_ms']:7.2f} ms  ({figures['bytes']} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
