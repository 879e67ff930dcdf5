"""A server process on a free port of 127.0.0.1, and waiting until it answers /healthz: shared by
the benchmarks (bench/fanout.py) and the test harness (tests/conftest.py, tests/stack.py)."""
from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, timeout: float = 20, what: str = "the server",
                 log: Path | None = None) -> None:
    """Until `url`/healthz answers 200. RuntimeError, with the end of `log`, when the process exits
    first or `timeout` seconds pass."""
    def tail() -> str:
        return (": " + Path(log).read_text(errors="replace")[-3000:]) if log and Path(log).exists() else ""

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}{tail()}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:    # not listening yet, or answering 503 while it starts
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not answer /healthz within {timeout:g} s{tail()}")
