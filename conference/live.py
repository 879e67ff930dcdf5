"""The /live Socket.IO namespace: connection, join, the clock, and one dispatch for commands.

Every handler here is thin: parse the payload, call `sessions.operations` (which authorises,
applies the core and persists), commit, broadcast the new STATE to the session's room, answer the
acknowledgement. Refusals are `{"ok": false, "error": {...}}`, never a dropped connection.
"""
from __future__ import annotations

import json
import re
import threading
import time
import uuid
from datetime import datetime, timezone

from flask import current_app, request, session as connection
from socketio.exceptions import ConnectionRefusedError

from conference import untrusted
from conference.errors import MinbarError
from conference.extensions import socketio
from sessions import channels_live, listener_store, listeners, operations
from sessions.features import LIVE
from sessions.live_state import Command
from speakers import access, credentials, policy
from speakers.identity import ANONYMOUS, Identity
from timing.clock import to_ms

NAMESPACE = "/live"
# One event per command family of the live features (sessions.features), in their order.
COMMAND_FAMILIES = tuple(LIVE.families)
ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")
MAX_PAYLOAD_BYTES = 16 * 1024
# The rate limit (MINBAR_LIVE_RATE_LIMIT events per second per connection) and the checks of the
# packets themselves (reserved event names, malformed JSON, lone surrogates) are applied before
# any handler here runs: `conference.live_guard`.


def ok(**values) -> dict:
    return {"ok": True, **values}


def refuse(code: str, message: str, **extra) -> dict:
    return {"ok": False, "error": {"code": code, "message": message, **extra}}


def room(conference: str, session: str) -> str:
    return f"{conference}/{session}"


def _db():
    return current_app.extensions["minbar.db"]


def _now():
    return current_app.extensions["minbar.clock"].now()


def identity() -> Identity:
    return connection.get("identity", ANONYMOUS)


# -- connections ---------------------------------------------------------------------------

@socketio.on("connect", namespace=NAMESPACE)
def connect(auth=None):
    """A token in `auth` signs the connection in; else the page's session cookie does
    (`speakers.credentials`); neither is an anonymous participant. A revoked or expired link is
    refused here, and re-checked by every command (`run_command`)."""
    token = auth.get("token") if isinstance(auth, dict) else None
    try:
        who = credentials.from_token(token) if token else credentials.from_session(connection)
    except MinbarError as error:
        # (message, data): clients read `err.message` and `err.data` = {code, message}; a lone
        # dict would reach them as its Python repr in `message`.
        raise ConnectionRefusedError(error.message, {"code": error.code, "message": error.message}) from None
    if who.token_id:
        revocations.track(who.token_id, request.sid)
        revocations.ensure_running(current_app._get_current_object())
    connection["identity"] = who
    return True


@socketio.on("disconnect", namespace=NAMESPACE)
def disconnect(*_args):
    _hub().drop(request.sid)
    who = connection.get("identity")
    if who is not None and who.token_id:
        revocations.untrack(who.token_id, request.sid)


# -- the envelope --------------------------------------------------------------------------

def handler(event: str):
    """Registers `fn(payload) -> ack` for `event` with payload checks, rate limit and refusals."""
    def register(fn):
        def wrapped(payload=None, *extra):
            try:
                return fn(_parse(payload))
            except MinbarError as error:
                return refuse(**error.to_contract())
        wrapped.__name__ = f"on_{event}"
        socketio.on(event, namespace=NAMESPACE)(wrapped)
        return fn
    return register


def _parse(payload) -> dict:
    if payload is None:
        payload = {}
    if not isinstance(payload, dict):
        raise MinbarError("bad_request", "The payload must be an object.")
    reason = untrusted.problem(payload)
    if reason is not None:
        raise MinbarError("bad_request", reason)
    try:
        size = len(json.dumps(payload))
    except (TypeError, ValueError):
        raise MinbarError("bad_request", "The payload is not plain JSON.") from None
    if size > MAX_PAYLOAD_BYTES:
        raise MinbarError("bad_request", "The payload is too large.")
    return payload


def _session_of(payload: dict) -> tuple[str, str]:
    key = payload.get("session")
    if not isinstance(key, str) or not ID.match(key):
        raise MinbarError("bad_request", "'session' must be a session id.")
    slug = payload.get("conference") or identity().conference or current_app.config["DEFAULT_CONFERENCE"]
    if not isinstance(slug, str) or not ID.match(slug):
        raise MinbarError("bad_request", "'conference' must be a conference slug.")
    return slug, key


class Broadcaster:
    """Sends each room its newest STATE, coalescing bursts.

    One emit per change, encoded once for the whole room. While an emit to a room is under way
    (a large room takes a while), further changes to that room wait and only the newest is sent
    next: clients render from the latest STATE anyway, and 200 simultaneous requests do not turn
    into 200 full broadcasts to 200 people. A single change is sent at once, by the handler that
    made it.
    """

    def __init__(self, emit):
        self._emit = emit                  # emit(target, state)
        self._lock = threading.Lock()
        self._sending: set[str] = set()
        self._pending: dict[str, dict] = {}

    def publish(self, target: str, state: dict) -> None:
        with self._lock:
            if target in self._sending:
                queued = self._pending.get(target)
                if queued is None or queued["version"] < state["version"]:
                    self._pending[target] = state
                return
            self._sending.add(target)
        try:
            while state is not None:
                self._emit(target, state)
                with self._lock:
                    state = self._pending.pop(target, None)
                    if state is None:
                        self._sending.discard(target)
        except BaseException:
            with self._lock:
                self._sending.discard(target)
                self._pending.pop(target, None)
            raise


broadcaster = Broadcaster(lambda target, state: socketio.emit("state", state, to=target, namespace=NAMESPACE))


def broadcast(slug: str, key: str, state: dict) -> None:
    broadcaster.publish(room(slug, key), with_listeners(slug, key, state))


def run_command(family: str, payload: dict) -> dict:
    """Apply a command of `family` and broadcast; used by every command event."""
    slug, key = _session_of(payload)
    action = payload.get("action", LIVE.default_action(family))
    if not isinstance(action, str):
        raise MinbarError("bad_request", "'action' must be a string.")
    command = Command(family, action, payload, identity(), connection=request.sid)
    extra: dict = {}   # the family's acknowledgement fields for this actor (live_state.Family.ack)
    with _db().session_scope() as db:
        if command.actor.token_id:   # the link's current row: revoked or expired stops here
            access.check_link(db, command.actor.token_id, _now())
        state, changed = operations.apply(db, slug, key, command, _now(), ack=extra, features=LIVE,
                                          handover_s=current_app.config.get("MINBAR_HANDOVER_S"))
    if changed:
        broadcast(slug, key, state)
    extra.pop("ok", None)
    extra.pop("state", None)
    return ok(state=with_listeners(slug, key, state), **extra)


# -- events --------------------------------------------------------------------------------

@handler("clock")
def clock(_payload):
    """Anyone: the server's time (Unix ms), for clients' clock-offset estimates."""
    return ok(server_time=to_ms(_now()))


@handler("join")
def join(payload):
    """Anyone: enter the session's room; the ack carries the full STATE."""
    from flask_socketio import join_room, leave_room

    slug, key = _session_of(payload)
    with _db().read_scope() as db:
        state = operations.current(db, slug, key, _now())
    # One session room per connection, remembered here: asking the server for the connection's
    # rooms walks every room of the namespace (one per connection), O(N) per join.
    target, previous = room(slug, key), connection.get("room")
    if previous and previous != target:
        leave_room(previous, namespace=NAMESPACE)
    join_room(target, namespace=NAMESPACE)
    connection["room"] = target
    return ok(state=with_listeners(slug, key, state), identity={"role": identity().role, "name": identity().name,
                                     "session": identity().session, "booth": identity().booth})


def _register_command_events() -> None:
    for family in COMMAND_FAMILIES:
        if family == "channel":
            handler(family)(channel_command)
        else:
            handler(family)(lambda payload, family=family: run_command(family, payload))


def channel_command(payload: dict) -> dict:
    # A listener's choice of channel is not a change of the session's state: see select_channel.
    if payload.get("action") == "select":
        return select_channel(payload)
    return run_command("channel", payload)


# -- listeners: outside the versioned state ------------------------------------------------------

LISTENERS_PUBLISH_S = 2.0     # counts go out to the room at most this often
WATCH_S = 30.0                # a session asked about this recently has its totals kept fresh
NAMES_TTL_S = 30.0            # how long a session's channel names are cached


class ListenerHub:
    """This process's listeners (`sessions.listeners.Board`), shared with the other processes
    through `sessions.listener_store`, published as `listeners` events to each session's room at
    most every LISTENERS_PUBLISH_S, and filled into every STATE this process sends.

    A `select` costs a dictionary update: no database, no lock on the session's row, no version.
    A background task (running while there is something to do) writes this process's counts,
    reads the other processes' and publishes totals that changed."""

    def __init__(self):
        self.board = listeners.Board()
        self.process = uuid.uuid4().hex
        self._lock = threading.Lock()
        self._others: dict = {}           # session -> other processes' counts
        self._published: dict = {}        # session -> totals last published
        self._watched: dict = {}          # session -> monotonic instant last asked about
        self._names: dict = {}            # session -> (channel names, cached until)
        self._states: dict = {}           # session -> newest STATE this process saw
        self._running = False
        self._heartbeat = 0.0

    # -- what handlers call ------------------------------------------------------------------

    def names(self, session, load) -> tuple[str, ...]:
        cached = self._names.get(session)
        if cached is not None and cached[1] > time.monotonic():
            return cached[0]
        names = load()
        self._names[session] = (names, time.monotonic() + NAMES_TTL_S)
        return names

    def select(self, app, sid: str, session, listener: str, channel: str) -> None:
        if self.board.select(sid, session, listener, channel):
            self.ensure_running(app)

    def drop(self, sid: str) -> None:
        self.board.drop(sid)

    def totals(self, session, names=()) -> dict[str, int]:
        self._watched[session] = time.monotonic()
        return listeners.add_counts({name: 0 for name in names}, self.board.counts(session),
                                    self._others.get(session, {}))

    def remember(self, session, state: dict) -> None:
        known = self._states.get(session)
        if known is None or known.get("version", -1) <= state.get("version", -1):
            self._states[session] = state

    def state(self, session) -> dict | None:
        return self._states.get(session)

    # -- the background task -------------------------------------------------------------------

    def ensure_running(self, app) -> None:
        with self._lock:
            if self._running:
                return
            self._running = True
        socketio.start_background_task(self._run, app)

    def _run(self, app) -> None:
        try:
            while True:
                socketio.sleep(LISTENERS_PUBLISH_S)
                if not self.cycle(app):
                    return
        finally:
            with self._lock:
                self._running = False

    def cycle(self, app) -> bool:
        """Write, read, publish; False when there is nothing left to watch."""
        now_mono = time.monotonic()
        dirty = self.board.take_dirty()
        mine = self.board.sessions()
        watched = {s for s, at in list(self._watched.items()) if now_mono - at < WATCH_S}
        for session in [s for s in self._watched if s not in watched]:
            self._watched.pop(session, None)
        sessions = mine | dirty | watched
        if not sessions:
            return False
        heartbeat = now_mono - self._heartbeat >= listener_store.HEARTBEAT_S
        writes = (dirty | mine) if heartbeat else dirty
        wall = datetime.now(timezone.utc)
        try:
            with app.app_context(), app.extensions["minbar.db"].session_scope() as db:
                for session in writes:
                    listener_store.save(db, self.process, session, self.board.counts(session), wall)
                others = listener_store.others(db, self.process, sessions, wall)
                if heartbeat:
                    listener_store.forget_stale(db, wall)
        except Exception as error:   # the database may be briefly away: try again next cycle
            app.logger.warning("listener counts not shared: %s", str(error)[:200])
            self.board.mark_dirty(writes)
            return True
        if heartbeat:
            self._heartbeat = now_mono
        self._others = others
        for session in sessions:
            names = self._names.get(session, ((),))[0]
            total = listeners.add_counts({name: 0 for name in names}, self.board.counts(session),
                                         others.get(session, {}))
            if self._published.get(session) != total:
                self._published[session] = total
                socketio.emit("listeners", {"conference": session[0], "session": session[1],
                                            "listeners": total, "server_time": to_ms(datetime.now(timezone.utc))},
                              to=room(*session), namespace=NAMESPACE)
        return True


def _hub() -> ListenerHub:
    hub = current_app.extensions.get("minbar.listeners")
    if hub is None:
        hub = current_app.extensions.setdefault("minbar.listeners", ListenerHub())
    return hub


def with_listeners(slug: str, key: str, state: dict) -> dict:
    """`state` with `channels.listeners` filled in from the listener counts (not versioned)."""
    hub = _hub()
    hub.remember((slug, key), state)
    channels = state.get("channels")
    if not isinstance(channels, dict):
        return state
    names = ["floor"] + [b.get("language") for b in channels.get("booths", ())]
    return {**state, "channels": {**channels, "listeners": hub.totals((slug, key), names)}}


def select_channel(payload: dict) -> dict:
    """`channel` `select`: this connection listens to a channel. Anyone, for themself; counted
    once per link for token holders, once per connection for anonymous viewers."""
    from sessions.channels import ChannelRefused

    slug, key = _session_of(payload)
    session, hub = (slug, key), _hub()

    def load() -> tuple[str, ...]:
        with _db().session_scope() as db:
            conf, item = operations.find_item(db, slug, key)
            return channels_live.channel_names(operations.session_info(conf, item))

    names = hub.names(session, load)
    who = identity()
    policy.require(who, "channel.select", slug, key)
    try:
        channel = channels_live.check_select(payload, names)
    except ChannelRefused as refusal:
        raise MinbarError(refusal.code, refusal.message) from None
    listener = who.key if not who.anonymous else f"connection:{request.sid}"
    hub.select(current_app._get_current_object(), request.sid, session, listener, channel)
    state = hub.state(session)
    if state is None:
        with _db().session_scope() as db:
            state = operations.current(db, slug, key, _now())
    state = with_listeners(slug, key, state)
    return ok(state=state, listeners=state.get("channels", {}).get("listeners", {}))


_register_command_events()


@socketio.on("*", namespace=NAMESPACE)
def unknown_event(event, *_args):
    """An event the protocol does not have: refused like any bad input (clients wait for an ack).
    Reserved names (`connect`, `*`, ...) never get here: `conference.live_guard` refuses them."""
    return refuse("bad_request", "There is no such event.")


@socketio.on_error(NAMESPACE)
def on_error(error):
    # Anything unexpected inside a handler becomes the contract's refusal, never a dropped connection.
    current_app.logger.exception("live event failed: %s", error)
    return refuse("bad_request", "The request could not be processed.")


# -- revocation ----------------------------------------------------------------------------

class Revocations:
    """Disconnects open connections whose link was revoked (by any process: the CLI included).

    The revocation is in the database (whoever wrote it); each server process checks the links
    of its own open connections every second and disconnects those revoked.
    """

    def __init__(self):
        self._sids: dict[str, set[str]] = {}
        self._lock = threading.Lock()
        self._started = False

    def track(self, token_id: str, sid: str) -> None:
        with self._lock:
            self._sids.setdefault(token_id, set()).add(sid)

    def untrack(self, token_id: str, sid: str) -> None:
        with self._lock:
            self._sids.get(token_id, set()).discard(sid)

    def ensure_running(self, app) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
        socketio.start_background_task(self._watch, app)

    def _watch(self, app) -> None:
        while True:
            socketio.sleep(1)
            with self._lock:
                tracked = [token_id for token_id, sids in self._sids.items() if sids]
            if not tracked:
                continue
            try:
                with app.app_context(), app.extensions["minbar.db"].read_scope() as db:
                    revoked = access.revoked_among(db, tracked, app.extensions["minbar.clock"].now())
            except Exception:  # the database may be briefly away; try again next second
                app.logger.exception("revocation check failed")
                continue
            for token_id in revoked:
                with self._lock:
                    sids = list(self._sids.pop(token_id, ()))
                for sid in sids:
                    socketio.server.disconnect(sid, namespace=NAMESPACE)


revocations = Revocations()
