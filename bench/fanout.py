#!/usr/bin/env python
"""Fan-out benchmark: how long until the LAST participant of a session sees the chair's change.

For each N (default 100, 500 and 1000) the script:
1. creates a fresh SQLite database in a temporary folder, loads the bundled conference and
   issues a chair link for plenary-1 (`minbar init`, `minbar access issue`);
2. starts the production server on a free port of 127.0.0.1, as wsgi.py is meant to run:
   `gunicorn -k gevent -w 1 wsgi:app` (MINBAR_ASYNC_MODE=gevent);
3. connects N anonymous participants over the websocket transport, spread over several client
   processes (SCHED_BATCH, see participants()), each running asyncio `socketio.AsyncClient`s, so
   the client side is not what is measured; every participant joins plenary-1;
4. has the chair act 20 times (start, then adjust / pause / resume in turn), one change at a
   time: each change is sent, then the chair waits until every participant has received the new
   STATE version (or 10 s pass) before the next;
5. prints, over the changes, the time from sending the command to the LAST participant
   receiving it (median, p95, max), the same over every single delivery, the chair's
   acknowledgement time, and the server worker's resident memory (RSS) idle, with everyone
   connected, and after the changes.

Options to find where time goes: --bare (the same protocol on a bare Flask-SocketIO app),
--timings (each step of a command and every garbage collection, timed inside the worker),
--profile FILE (cProfile in the worker), --gc-freeze, --deflate, --select. Against the protocol's
reference server: --reference node (bench/reference/, `make bench-deps`), --runs K (the servers
take turns K times; medians over the runs). Several processes: --procs-server P --redis URL.
--json prints the figures as JSON. docs/performance.md has the figures and what they mean.

Times are CLOCK_MONOTONIC, shared by every process of the machine. Everything talks to
127.0.0.1 only, every wait has a timeout and every loop a bound: the script stops by itself.

    .venv/bin/python bench/fanout.py                  # 100, 500, 1000
    .venv/bin/python bench/fanout.py --n 1000 --procs 6
"""
from __future__ import annotations

import argparse
import asyncio
import functools
import json
import math
import multiprocessing as mp
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
SESSION = "plenary-1"
NS = "/live"
# --pin: the server gets core 0 and the clients the others, as if they ran on other machines (the
# chair, this process, floats). Off by default: on a machine shared with other work it hurts, as
# the server can then not move away from a busy core.
PIN = False
# Clients as SCHED_BATCH (see participants()); --interactive-clients turns it off.
BATCH = hasattr(os, "SCHED_BATCH")
SERVER_CPUS = {0}
# --worker-class: gunicorn's worker for Minbar (gevent, as deployed; gthread to compare).
WORKER_CLASS = "gevent"
CLIENT_CPUS = set(range(1, os.cpu_count() or 1))

# After "start", any prefix of this cycle is valid from any point of it.
CYCLE = (("adjust", 10), ("pause", None), ("resume", None), ("adjust", -10))


def chair_actions(count: int) -> list[tuple[str, int | None]]:
    return [("start", None)] + [CYCLE[i % len(CYCLE)] for i in range(count - 1)]


# -- the server ---------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def server_env(workdir: Path) -> dict:
    env = {key: value for key, value in os.environ.items()
           if key not in ("DATABASE_URL", "REDIS_URL", "MINBAR_AT")}
    env.update({
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "MINBAR_INSTANCE": str(workdir / "instance"),
        "SECRET_KEY": "bench-secret-of-a-server-process-0123456789",
        "MINBAR_ASYNC_MODE": "gevent",
        "MINBAR_CHANNEL": f"minbar-bench-{os.getpid()}",
        "PYTHONUNBUFFERED": "1",
    })
    return env


def minbar(env: dict, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "conference.cli", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    if done.returncode:
        raise RuntimeError(f"minbar {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


# --timings: how long the server spends in each step of a chair's command, measured inside the
# worker (time.perf_counter around the transport's steps), written as JSON when it exits.
TIMING_HOOKS = """
import json, os, threading, time
_spent = {}
_began = threading.local()   # greenlet-local under gunicorn's gevent worker (monkey-patched)
OWN_SHARE = "Minbar's own share (event to broadcast: load, apply, persist, commit, STATE)"


def _timed(name, fn):
    def wrapped(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            _spent.setdefault(name, []).append((time.perf_counter() - start) * 1000)
    return wrapped


def _gc(phase, info, _started=[0.0]):
    if phase == "start":
        _started[0] = time.monotonic()
    else:
        took = (time.monotonic() - _started[0]) * 1000
        _spent.setdefault(f"garbage collection, generation {info['generation']}", []).append(took)
        if info["generation"] == 2:
            _spent.setdefault("full collections at (monotonic s)", []).append(_started[0])


def post_worker_init(worker):
    import gc
    if os.environ.get("MINBAR_BENCH_GC_FREEZE"):
        gc.freeze()
    gc.callbacks.append(_gc)
    from conference.live import events
    from conference.live.broadcaster import Publisher
    from sessions.live import operations
    run_command, apply = events.run_command, operations.apply

    def timed_command(family, payload):
        _began.at = time.perf_counter()
        try:
            return _timed(f"{family} command (apply + commit + broadcast)", run_command)(family, payload)
        finally:
            _began.at = None

    def timed_broadcast(publisher, slug, key, state=None):
        # Minbar's own share of a change: everything from the event to the first byte of the
        # broadcast (link check, load, core, persist, commit, the STATE built).
        if getattr(_began, "at", None) is not None:
            _spent.setdefault(OWN_SHARE, []).append((time.perf_counter() - _began.at) * 1000)
        return broadcast(publisher, slug, key, state)

    def timed_apply(db, slug, key, command, *args, **kwargs):
        name = f"{command.family} command: operations.apply (load, core, persist)"
        return _timed(name, apply)(db, slug, key, command, *args, **kwargs)

    broadcast = _timed("broadcast (emit to the room)", Publisher.publish_state)
    from speakers import access
    access.check_link = _timed("the link's row re-read (access.check_link)", access.check_link)
    events.run_command, operations.apply, Publisher.publish_state = timed_command, timed_apply, timed_broadcast


def worker_exit(server, worker):
    with open(os.environ["MINBAR_BENCH_TIMINGS"], "w") as out:
        json.dump(_spent, out)
"""

PROFILE_HOOKS = """
import cProfile, os
_profile = cProfile.Profile()
def post_worker_init(worker):
    if os.environ.get("MINBAR_BENCH_GC_FREEZE"):
        import gc
        gc.freeze()
    _profile.enable()
def worker_exit(server, worker):
    _profile.disable()
    _profile.dump_stats(os.environ["MINBAR_BENCH_PROFILE"])
"""


# The same protocol on a bare Flask-SocketIO app (no database, no live-state framework), to tell
# the stack's own cost of a broadcast from the product's: `--bare`. Its STATE is padded to the
# size of Minbar's (BENCH_STATE_BYTES).
BARE_APP = """
from gevent import monkey
monkey.patch_all()
import json, os, time
from flask import Flask, jsonify
from flask_socketio import SocketIO, join_room

app = Flask(__name__)
socketio = SocketIO(app, async_mode="gevent", cors_allowed_origins=[])
version = 0


def state():
    body = {"session": "plenary-1", "version": version, "server_time": int(time.time() * 1000),
            "slot": "plenary-1-state-a", "timer": {"status": "running", "limit_s": 300, "elapsed_ms": 0,
            "started_at": 0, "warn_s": 60}, "pad": ""}
    body["pad"] = "x" * max(0, int(os.environ.get("BENCH_STATE_BYTES", "950")) - len(json.dumps(body)))
    return body


@app.get("/healthz")
def healthz():
    return jsonify({"status": "ok"})


@socketio.on("join", namespace="/live")
def join(payload):
    join_room(payload["session"], namespace="/live")
    return {"ok": True, "state": state()}


@socketio.on("timer", namespace="/live")
def timer(payload):
    global version
    version += 1
    current = state()
    socketio.emit("state", current, to=payload["session"], namespace="/live")
    return {"ok": True, "state": current}
"""


# --gc-freeze alone: what wsgi.py would do with gc.freeze() after create_app().
FREEZE_HOOKS = """
import gc
def post_worker_init(worker):
    gc.freeze()
"""



def wait_healthy(server, name: str) -> None:
    """Until `server` answers /healthz (30 s at most); stops it and raises if it does not."""
    from serving import wait_healthy as answered   # bench/serving.py, beside this script

    try:
        answered(server.url, server.process, 30, name, Path(server.log.name))
    except RuntimeError:
        server.stop()
        raise

class Server:
    """gunicorn -k gevent -w 1 wsgi:app on a free port; .worker_rss() reads the worker's VmRSS.

    `profile` names a file: the worker then runs under cProfile and dumps its stats there on exit.
    """

    def __init__(self, env: dict, workdir: Path, app: str = "wsgi:app", profile: str | None = None,
                 timings: str | None = None, gc_freeze: bool = False):
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.log = open(workdir / "server.log", "wb")
        worker = (["-k", "gthread", "--threads", "2500"] if WORKER_CLASS == "gthread"
                  else ["-k", "gevent", "--worker-connections", "4000"])
        if WORKER_CLASS == "gthread":
            env = {**env, "MINBAR_ASYNC_MODE": "threading"}
        args = [sys.executable, "-m", "gunicorn", *worker, "-w", "1", "--bind", f"{HOST}:{self.port}",
                "--log-level", "warning", "--graceful-timeout", "10"]
        if profile or timings or gc_freeze:
            hooks = workdir / "bench_hooks.py"
            hooks.write_text(PROFILE_HOOKS if profile else TIMING_HOOKS if timings else FREEZE_HOOKS)
            args += ["-c", str(hooks)]
            env = {**env, "MINBAR_BENCH_PROFILE": profile or "", "MINBAR_BENCH_TIMINGS": timings or "",
                   "MINBAR_BENCH_GC_FREEZE": "1" if gc_freeze else ""}
        if app != "wsgi:app":
            args += ["--chdir", str(workdir)]
        self.process = subprocess.Popen(args + [app], env={**env, "PYTHONPATH": str(ROOT)},
                                        cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
                                        preexec_fn=(lambda: os.sched_setaffinity(0, SERVER_CPUS)) if PIN else None)
        wait_healthy(self, "the server")

    def worker_pid(self) -> int:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return int(children[0]) if children else self.process.pid

    def worker_rss_mib(self) -> float:
        for line in Path(f"/proc/{self.worker_pid()}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.log.close()


REFERENCE = ROOT / "bench" / "reference"


def install_reference() -> None:
    """The reference server's one dependency, from the npm registry as pinned in
    bench/reference/package-lock.json (what `make bench-deps` does), if it is not there yet."""
    if (REFERENCE / "node_modules" / "socket.io").exists():
        return
    if not shutil.which("npm"):
        raise RuntimeError("--reference node needs Node.js and npm (Debian: apt-get install nodejs npm)")
    print("# installing the reference server's socket.io: npm ci --prefix bench/reference", file=sys.stderr)
    subprocess.run(["npm", "ci", "--prefix", str(REFERENCE), "--no-audit", "--no-fund"], check=True,
                   stdout=sys.stderr, timeout=600)


class NodeServer:
    """bench/reference/server.js (the npm `socket.io` package) on a free port: --reference node.
    `make bench-deps` installs its one dependency from the npm registry (bench/reference/package-lock.json)."""

    def __init__(self, env: dict, workdir: Path, state_bytes: int):
        install_reference()
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.log = open(workdir / "reference.log", "wb")
        self.process = subprocess.Popen(["node", str(REFERENCE / "server.js")],
                                        env={**env, "PORT": str(self.port), "BENCH_STATE_BYTES": str(state_bytes)},
                                        cwd=REFERENCE, stdout=self.log, stderr=subprocess.STDOUT,
                                        preexec_fn=(lambda: os.sched_setaffinity(0, SERVER_CPUS)) if PIN else None)
        wait_healthy(self, "the reference server")

    def worker_rss_mib(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.log.close()


class Servers:
    """Several servers of one kind, shown as one: the URLs participants are spread over, the summed RSS."""

    def __init__(self, servers: list):
        self.servers = servers
        self.url = servers[0].url
        self.urls = [server.url for server in servers]

    def worker_rss_mib(self) -> float:
        return sum(server.worker_rss_mib() for server in self.servers)

    def stop(self) -> None:
        for server in self.servers:
            server.stop()


# -- participants (one client process) ----------------------------------------------------

def participants(url: str, count: int, versions: int, conn, deadline_s: float, deflate: bool, pin: bool,
                 batch: bool, select: bool) -> None:
    """Connects `count` participants, reports ("ready", ok, failed), then for each STATE version
    1..`versions` reports ("v", version, [receive times]) once all its participants have it.
    `deflate`: offer permessage-deflate, as browsers do."""
    if pin:
        os.sched_setaffinity(0, CLIENT_CPUS)
    if batch:
        # A SCHED_BATCH process never preempts the one that wakes it: on loopback a send runs the
        # receiver's wake-up inside the server's send(), and interactive clients would take the
        # server's core mid-broadcast. Batch clients run when the server yields, as clients on
        # other machines would.
        os.sched_setscheduler(0, os.SCHED_BATCH, os.sched_param(0))
    try:
        asyncio.run(_participants(url, count, versions, conn, deadline_s, deflate, select))
    finally:
        conn.close()


async def _participants(url, count, versions, conn, deadline_s, deflate, select):
    import socketio

    deadline = time.monotonic() + deadline_s
    received: dict[int, list[float]] = {}
    clients = []
    gate = asyncio.Semaphore(25)   # connect a few at a time, as real people arrive

    async def one(index: int):
        client = socketio.AsyncClient(reconnection=False,
                                      websocket_extra_options={"compress": 15} if deflate else {})

        async def on_state(state):
            received.setdefault(state.get("version", -1), []).append(time.monotonic())

        client.on("state", on_state, namespace=NS)
        async with gate:
            await client.connect(url, transports=["websocket"], namespaces=[NS], wait_timeout=20)
            answer = await client.call("join", {"session": SESSION}, namespace=NS, timeout=20)
        if not answer.get("ok"):
            raise RuntimeError(answer)
        if select:
            # What the participant page's channel picker does on load (static/js/channels.js).
            picked = await client.call("channel", {"session": SESSION, "action": "select", "language": "floor",
                                                   "client": f"bench-{os.getpid()}-{index:05d}"},
                                       namespace=NS, timeout=60)
            if not picked.get("ok"):
                raise RuntimeError(picked)
        return client

    results = await asyncio.gather(*(one(i) for i in range(count)), return_exceptions=True)
    clients.extend(r for r in results if not isinstance(r, BaseException))
    failures = [repr(r) for r in results if isinstance(r, BaseException)]
    conn.send(("ready", len(clients), failures[:3]))
    # The chair's first change will be version base + 1; report each of the `versions` changes
    # once every participant here has it. Bounded by the deadline or a "stop".
    base, reported = None, 0
    while time.monotonic() < deadline and reported < versions:
        if conn.poll():
            message = conn.recv()
            if message == "stop":
                break
            base = message[1]
        if base is not None:
            version = base + reported + 1
            if len(received.get(version, ())) >= len(clients):
                conn.send(("v", version, received[version]))
                reported += 1
                continue
        await asyncio.sleep(0.002)
    await asyncio.wait([asyncio.ensure_future(_hang_up(c)) for c in clients] or [asyncio.sleep(0)], timeout=10)


async def _hang_up(client) -> None:
    try:
        await client.disconnect()
    except Exception:
        pass


# -- one run ------------------------------------------------------------------------------

def receive(conn, timeout: float):
    """The next message from a client process, or None after `timeout` s or if it has died."""
    try:
        return conn.recv() if conn.poll(timeout) else None
    except (EOFError, OSError):
        return None


def nearest_rank(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def run(n: int, procs: int, actions: list, timeout_s: float = 10.0, profile: str | None = None,
        bare: bool = False, deflate: bool = False, timings: bool = False, gc_freeze: bool = False,
        select: bool = False, kind: str | None = None, server_procs: int = 1, redis: str | None = None,
        state_bytes: int = 950) -> dict:
    """One run. `kind`: "minbar" (default), "bare" (= bare=True) or "reference" (the Node server);
    `server_procs` Minbar processes on the Redis at `redis` (participants spread over them)."""
    import socketio

    kind = kind or ("bare" if bare else "minbar")
    bare = kind == "bare"
    with tempfile.TemporaryDirectory(prefix="minbar-bench-") as tmp:
        workdir = Path(tmp)
        env = server_env(workdir)
        if redis:
            env["REDIS_URL"] = redis
        env["BENCH_STATE_BYTES"] = str(state_bytes)
        minbar(env, "init")
        chair_token = minbar(env, "access", "issue", "--conference", "gcm-arab-2021", "--role", "chair",
                             "--session", SESSION, "--token-only")
        if bare:
            (workdir / "server-0").mkdir(exist_ok=True)
            (workdir / "server-0" / "bare_app.py").write_text(BARE_APP)
        timing_file = str(workdir / "timings.json") if timings and not bare else None
        if kind == "reference":
            server = Servers([NodeServer(env, workdir, state_bytes)])
        else:
            made = []
            try:
                for index in range(server_procs if kind == "minbar" else 1):
                    folder = workdir / f"server-{index}"
                    folder.mkdir(exist_ok=True)
                    made.append(Server(env, folder, app="bare_app:app" if bare else "wsgi:app", profile=profile,
                                       timings=timing_file if index == 0 else None, gc_freeze=gc_freeze))
            except BaseException:
                for started in made:
                    started.stop()
                raise
            server = Servers(made)
        workers = []
        try:
            rss_idle = server.worker_rss_mib()
            sizes = [n // procs + (1 if i < n % procs else 0) for i in range(procs)]
            ctx = mp.get_context("spawn")
            budget = 60 + n * 0.1 + len(actions) * timeout_s
            for index, size in enumerate(sizes):
                parent, child = ctx.Pipe()
                url = server.urls[index % len(server.urls)]  # client processes spread over the servers
                process = ctx.Process(target=participants, daemon=True,
                                      args=(url, size, len(actions), child, budget, deflate, PIN, BATCH,
                                            select))
                process.start()
                child.close()
                workers.append((process, parent))
            started = time.monotonic()
            connected, failures = 0, []
            for process, conn in workers:
                report = receive(conn, 60 + n * 0.2)
                if report is None:
                    raise RuntimeError("a client process did not report within its time")
                _, ok, failed = report
                connected += ok
                failures += failed
            connect_s = time.monotonic() - started
            rss_connected = server.worker_rss_mib()

            chair = socketio.Client(reconnection=False, handle_sigint=False)
            chair.connect(server.url, transports=["websocket"], namespaces=[NS], auth={"token": chair_token},
                          wait_timeout=10)
            joined = chair.call("join", {"session": SESSION}, namespace=NS, timeout=10)
            state_bytes = len(json.dumps(joined["state"], separators=(",", ":")))
            base = joined["state"]["version"]
            for process, conn in workers:
                conn.send(("base", base))
            last, every, acks, missing = [], [], [], 0
            waiting = list(workers)
            window = [time.monotonic(), None]
            for index, (action, seconds) in enumerate(actions, start=1):
                payload = {"session": SESSION, "action": action}
                if seconds is not None:
                    payload["seconds"] = seconds
                sent = time.monotonic()
                answer = chair.call("timer", payload, namespace=NS, timeout=timeout_s)
                acks.append((time.monotonic() - sent) * 1000)
                if not answer.get("ok") or answer["state"]["version"] != base + index:
                    raise RuntimeError(f"the chair's {action} was refused: {answer}")
                latest = []
                for process, conn in list(waiting):
                    report = receive(conn, timeout_s)
                    if report is None:
                        # Some of its participants never got it (or were dropped): it will not
                        # report later changes either, so it is not waited for again.
                        missing += 1
                        waiting.remove((process, conn))
                        continue
                    _, version, times = report
                    assert version == base + index, (version, base + index)
                    latest += times
                if latest:
                    last.append((max(latest) - sent) * 1000)
                    every += [(t - sent) * 1000 for t in latest]
                time.sleep(0.05)
            window[1] = time.monotonic()
            rss_after = server.worker_rss_mib()
            chair.disconnect()
        finally:
            for process, conn in workers:
                try:
                    conn.send("stop")
                except OSError:
                    pass
            for process, conn in workers:
                process.join(20)
                if process.is_alive():
                    process.kill()
                    process.join(5)
            server.stop()
            spent = json.loads(Path(timing_file).read_text()) if timing_file and Path(timing_file).exists() else {}
    starts = spent.pop("full collections at (monotonic s)", [])
    if starts:
        spent["full collections while the chair acted (count)"] = [
            float(sum(1 for t in starts if window[0] <= t <= window[1]))]
    return {
        "server_ms": {name: values for name, values in spent.items()},
        "server": kind, "processes": len(server.servers),
        "n": n, "connected": connected, "failures": failures, "procs": procs, "connect_s": connect_s,
        "last_ms": last, "every_ms": every, "ack_ms": acks, "missing_reports": missing,
        "state_bytes": state_bytes, "rss_idle_mib": rss_idle, "rss_connected_mib": rss_connected, "rss_after_mib": rss_after,
    }


def summary(result: dict) -> str:
    last, every, acks = result["last_ms"], result["every_ms"], result["ack_ms"]

    def three(values):
        if not values:
            return "-"
        return f"{statistics.median(values):7.1f} {nearest_rank(values, .95):7.1f} {max(values):7.1f}"

    return (f"{result.get('server', 'minbar'):>9} {result.get('processes', 1):>2} "
            f"{result['n']:>5} {result['connected']:>5} {result['procs']:>3}  "
            f"{three(last)}   {three(every)}   {statistics.median(acks):6.1f}  "
            f"{result['rss_idle_mib']:6.1f} {result['rss_connected_mib']:7.1f} {result['rss_after_mib']:7.1f}"
            f"  {result['connect_s']:5.1f}")


HEADER = ("   server  P     N  conn  cp  last participant ms (med p95 max)   every delivery ms (med p95 max)   ack ms"
          "  RSS MiB idle  conn  after  connect s")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, action="append", help="participants (repeatable; default 100, 500, 1000)")
    parser.add_argument("--procs", type=int, default=0, help="client processes (default: one per 200 participants, at least 2)")
    parser.add_argument("--actions", type=int, default=20, help="chair actions per run (default 20)")
    parser.add_argument("--runs", type=int, default=1, help="runs of each server at each N, taking turns; "
                        "with more than one, the medians over the runs are printed and compared")
    parser.add_argument("--json", action="store_true", help='print only JSON: {"runs": [{"server", "n", '
                        '"processes", "median_ms", "p95_ms", "max_ms", ...}]} (last participant per change)')
    parser.add_argument("--reference", choices=["node"], help="also run the bare Flask-SocketIO stack and "
                        "the protocol's reference server (npm socket.io, bench/reference/) in the same run, "
                        "with the same clients and STATE size, and print the ratios")
    parser.add_argument("--worker-class", choices=["gevent", "gthread"], default="gevent",
                        help="gunicorn's worker class for Minbar (gthread: MINBAR_ASYNC_MODE=threading)")
    parser.add_argument("--procs-server", type=int, default=1, help="Minbar server processes (with --redis), "
                        "participants spread over them")
    parser.add_argument("--redis", metavar="URL", help="Redis for Flask-SocketIO's message queue (needed for "
                        "--procs-server above 1)")
    parser.add_argument("--bare", action="store_true", help="serve a bare Flask-SocketIO app with the same "
                        "protocol instead of Minbar: the stack's own cost, for comparison")
    parser.add_argument("--deflate", action="store_true", help="participants offer permessage-deflate, as browsers do")
    parser.add_argument("--interactive-clients", action="store_true", help="run the client processes with the "
                        "normal scheduler instead of SCHED_BATCH")
    parser.add_argument("--pin", action="store_true", help="pin the server to core 0 and the clients to the other cores")
    parser.add_argument("--gc-freeze", action="store_true", help="gc.freeze() in the worker once the app is "
                        "loaded, so full collections skip the app's own objects")
    parser.add_argument("--select", action="store_true", help="each participant also picks a listening channel "
                        "after joining, as the participant page does (one STATE change each)")
    parser.add_argument("--timings", action="store_true", help="time the steps of each chair command inside "
                        "the server worker and print them")
    parser.add_argument("--profile", metavar="FILE", help="run the server worker under cProfile; write "
                        "FILE.<N> (pstats) per run and print the top functions")
    args = parser.parse_args(argv)
    global PIN, BATCH, WORKER_CLASS
    WORKER_CLASS = args.worker_class
    PIN = args.pin and (os.cpu_count() or 1) >= 2
    BATCH = BATCH and not args.interactive_clients
    sizes = args.n or [100, 500, 1000]
    if any(n < 1 or n > 5000 for n in sizes):
        parser.error("--n must be between 1 and 5000")
    if not 1 <= args.runs <= 20:
        parser.error("--runs must be between 1 and 20")
    if not 1 <= args.actions <= 200:
        parser.error("--actions must be between 1 and 200")
    if args.procs_server < 1 or args.procs_server > 8:
        parser.error("--procs-server must be between 1 and 8")
    if args.procs_server > 1 and not args.redis:
        parser.error("--procs-server above 1 needs --redis URL (the message queue between the processes)")
    actions = chair_actions(args.actions)
    kinds = ["bare" if args.bare else "minbar"] + (["bare", "reference"] if args.reference else [])
    say = (lambda *a, **k: None) if args.json else functools.partial(print, flush=True)
    say(f"# fan-out to one session: {', '.join(dict.fromkeys(kinds))}, {os.cpu_count()} cores, "
        f"Python {sys.version.split()[0]}, gunicorn -k {args.worker_class} -w 1 x {args.procs_server}"
        f"{' on Redis' if args.redis else ''}, websocket transport"
        f"{' with permessage-deflate' if args.deflate else ''}, {len(actions)} chair actions per run"
        f"{', server pinned to core 0, clients to the others' if PIN else ''}"
        f"{', clients SCHED_BATCH' if BATCH else ''}{', gc.freeze() in the worker' if args.gc_freeze else ''}")
    say(HEADER)
    results, summaries = [], []
    for n in sizes:
        procs = args.procs or max(2, math.ceil(n / 200))
        profile = f"{os.path.abspath(args.profile)}.{n}" if args.profile else None
        state_bytes = 950
        by_kind: dict[str, list] = {}
        for repeat in range(args.runs):   # the servers take turns, so a slow spell hits them alike
            for kind in dict.fromkeys(kinds):
                result = run(n, procs, actions, profile=profile if kind == "minbar" else None, kind=kind,
                             deflate=args.deflate, timings=args.timings and kind == "minbar",
                             gc_freeze=args.gc_freeze, select=args.select and kind == "minbar",
                             server_procs=args.procs_server if kind == "minbar" else 1,
                             redis=args.redis if kind == "minbar" else None, state_bytes=state_bytes)
                if kind == "minbar":
                    state_bytes = result["state_bytes"]  # the others send a STATE of the same size
                result["run"] = repeat + 1
                by_kind.setdefault(kind, []).append(result)
                results.append(result)
                say(summary(result))
                for name, values in result["server_ms"].items():
                    say(f"      server, {name}: median {statistics.median(values):.1f} ms, "
                        f"p95 {nearest_rank(values, .95):.1f} ms, max {max(values):.1f} ms ({len(values)} calls)")
                if profile and kind == "minbar" and os.path.exists(profile) and not args.json:
                    import pstats

                    pstats.Stats(profile, stream=sys.stdout).sort_stats("tottime").print_stats(25)
                if result["failures"] or result["missing_reports"]:
                    say(f"      failures: {result['failures']} missing reports: {result['missing_reports']}")
        overall = {kind: over_runs(runs) for kind, runs in by_kind.items()}
        summaries += [figures for figures in overall.values() if figures]
        if args.runs > 1:
            for figures in overall.values():
                if figures:
                    say(f"      {figures['server']} at N={n}, medians of {figures['runs']} runs: "
                        f"median {figures['median_ms']} ms, p95 {figures['p95_ms']} ms, max {figures['max_ms']} ms")
        ref = overall.get("reference")
        for kind in ("minbar", "bare"):
            mine = overall.get(kind)
            if ref and mine:
                say(f"      {kind}/reference at N={n}: median x{mine['median_ms'] / ref['median_ms']:.2f}, "
                    f"p95 x{mine['p95_ms'] / ref['p95_ms']:.2f}")
    if args.json:
        print(json.dumps({"runs": [json_run(r) for r in results], "summary": summaries}))
    return 0


def over_runs(runs: list[dict]) -> dict | None:
    """Medians over the runs of one server at one N of each run's median, p95 and max."""
    figures = [json_run(r) for r in runs if r["last_ms"]]
    if not figures:
        return None
    return {"server": figures[0]["server"], "n": figures[0]["n"], "processes": figures[0]["processes"],
            "runs": len(figures),
            **{key: round(statistics.median(f[key] for f in figures), 1) for key in ("median_ms", "p95_ms", "max_ms")}}


def json_run(result: dict) -> dict:
    last = result["last_ms"]
    figures = {"median_ms": round(statistics.median(last), 1) if last else None,
               "p95_ms": round(nearest_rank(last, .95), 1) if last else None,
               "max_ms": round(max(last), 1) if last else None}
    return {"server": result["server"], "n": result["n"], "processes": result["processes"], **figures,
            "run": result.get("run", 1),
            "connected": result["connected"], "changes": len(last), "state_bytes": result["state_bytes"],
            "ack_median_ms": round(statistics.median(result["ack_ms"]), 1) if result["ack_ms"] else None,
            "rss_idle_mib": round(result["rss_idle_mib"], 1), "rss_connected_mib": round(result["rss_connected_mib"], 1),
            "missing_reports": result["missing_reports"]}


if __name__ == "__main__":
    sys.exit(main())
