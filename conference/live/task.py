"""One background task per owner, started on demand: the listener hub's, the revocation watcher's
and the balancer's loops each run once per process, however many connections ask for them."""
from __future__ import annotations

import threading


class BackgroundTask:
    def __init__(self, socketio, loop):
        self._socketio, self._loop = socketio, loop
        self._lock = threading.Lock()
        self._running = False

    def ensure_running(self, *args) -> None:
        """Start `loop(*args)` unless it is running; it may be started again once it returns."""
        with self._lock:
            if self._running:
                return
            self._running = True
        self._socketio.start_background_task(self._run, *args)

    def _run(self, *args) -> None:
        try:
            self._loop(*args)
        finally:
            with self._lock:
                self._running = False
