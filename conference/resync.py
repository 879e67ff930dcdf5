"""After a message-queue outage, every client gets the latest STATE without waiting for a change.

With several processes, a STATE broadcast goes through Redis: while Redis is away, broadcasts are
lost (python-socketio logs "Cannot publish to redis... giving up"), and clients would keep an old
STATE until the next change. `ResyncingRedisManager` is Flask-SocketIO's Redis client manager with
two differences:

- its listener retries every 0.25 s (doubling to at most 1 s) instead of doubling up to 60 s, so
  it is back within about a second of Redis;
- each time its subscription is (re)established after the first, the process re-sends, to its
  OWN clients only (`ignore_queue`), the current STATE of every session room it has members in,
  read from the database. Every process does the same for its own clients, so everyone is current.

Both managers keep each connection's rooms indexed (`conference.rooms`).
`client_manager_options(app)` gives the keyword for `socketio.init_app`.
"""
from __future__ import annotations

import logging
import time

import socketio as python_socketio

from conference import metrics
from conference.rooms import IndexedManager, IndexedRooms

log = logging.getLogger(__name__)

RETRY_FIRST_S, RETRY_MAX_S = 0.25, 1.0


class ResyncingRedisManager(IndexedRooms, python_socketio.RedisManager):
    def __init__(self, url: str, channel: str, app=None, **options):
        super().__init__(url, channel=channel, redis_options={"health_check_interval": 5}, **options)
        self.app = app
        self.subscriptions = 0        # how many times the listener has (re)subscribed
        self.resyncs = 0              # how many resyncs have run (for tests and logs)
        self._publish_failed = False  # the last publication did not reach Redis

    def _publish(self, data):
        # The library's gives up silently (a log line): remember it, so that acknowledgements can
        # say the change reached this process's clients only (`queue_reachable`).
        result = super()._publish(data)
        self._publish_failed = result is None
        if self._publish_failed:
            metrics.queue_publish_failed()
        return result

    def queue_reachable(self) -> bool:
        """False from a publication that could not reach Redis until one that could, or until
        the listener subscribes again."""
        return not self._publish_failed

    def _redis_connect(self):
        super()._redis_connect()
        # Keep the subscription confirmations: each one marks a (re)connection, including the
        # ones redis-py makes by itself inside listen().
        self.pubsub = self.redis.pubsub(ignore_subscribe_messages=False)

    def _redis_listen_with_retries(self):  # the library's, with a short retry and the resync hook
        retry_sleep = RETRY_FIRST_S
        subscribed = False
        while True:
            try:
                if not subscribed:
                    self._redis_connect()
                    self.pubsub.subscribe(self.channel)
                    subscribed = True
                for message in self.pubsub.listen():
                    if message.get("type") == "subscribe":
                        retry_sleep = RETRY_FIRST_S
                        self.subscriptions += 1
                        self._publish_failed = False
                        if self.subscriptions > 1:
                            self.server.start_background_task(self.resync)
                        continue
                    yield message
            except Exception as exc:  # Redis away: say so once per attempt, retry soon
                self._get_logger().error("Cannot receive from redis... retrying in %.2f s (%s)", retry_sleep, exc)
                metrics.queue_unreachable()
                subscribed = False
                time.sleep(retry_sleep)
                retry_sleep = min(RETRY_MAX_S, retry_sleep * 2)

    def session_rooms(self) -> list[str]:
        """The session rooms (`<conference>/<session>`) this process has clients in."""
        from conference.live import ID, NAMESPACE

        rooms = self.rooms.get(NAMESPACE, {})
        found = []
        for name, members in list(rooms.items()):
            if isinstance(name, str) and name.count("/") == 1 and members:
                slug, key = name.split("/")
                if ID.match(slug) and ID.match(key):
                    found.append(name)
        return found

    def resync(self) -> int:
        """Send this process's clients the current STATE of their sessions; returns rooms sent."""
        from conference.live import NAMESPACE
        from sessions.live import operations

        if self.app is None:
            return 0
        sent = 0
        for name in self.session_rooms():
            slug, key = name.split("/")
            try:
                with self.app.app_context(), self.app.extensions["minbar.db"].read_scope() as db:
                    state = operations.current(db, slug, key, self.app.extensions["minbar.clock"].now())
            except Exception:  # a session gone, or the database away too: the next change will do
                log.exception("resync of %s failed", name)
                continue
            self.server.emit("state", state, to=name, namespace=NAMESPACE, ignore_queue=True)
            self.server.emit("delivery", {"delivered": "all"}, to=name, namespace=NAMESPACE, ignore_queue=True)
            sent += 1
        self.resyncs += 1
        log.info("message queue back: resent the STATE of %d session room(s) to this process's clients", sent)
        return sent


def client_manager_options(app) -> dict:
    """`socketio.init_app(**...)` keywords: the resyncing manager when REDIS_URL is set, one
    process's indexed rooms otherwise."""
    url = app.config.get("REDIS_URL")
    if not url or not url.startswith(("redis://", "rediss://", "unix://")):
        # A new one per app: the SocketIO object outlives an app (tests make many), and would
        # otherwise keep the previous app's manager.
        return {"client_manager": IndexedManager()}
    return {"client_manager": ResyncingRedisManager(url, channel=app.config["MINBAR_CHANNEL"], app=app)}
