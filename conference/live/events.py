"""The /live namespace's handlers: connection, join, the clock, and one event per command family.

Every handler is thin: parse the payload, call `sessions.live.operations` (which authorises, applies
the core and persists), commit, publish the new STATE to the session's room, answer the
acknowledgement. Handlers are registered on the Socket.IO extension once, at import (Flask-SocketIO
replays them onto every server it builds); what they use at run time (the live features, the
publisher, the listener hub, the revocations) is the current application's, in `app.extensions`.
"""
from __future__ import annotations

from flask import current_app, request, session as connection
from socketio.exceptions import ConnectionRefusedError

from conference import metrics
from conference.errors import MinbarError
from conference.extensions import socketio
from conference.live import NAMESPACE, room
from conference.live.envelope import extension, handler, identity, now, ok, refuse, session_of
from sessions.live import channels_live, channels_state
from sessions.live import operations
from sessions.live.features import LIVE
from sessions.live.state import Command
from speakers import access, credentials, organiser_session, policy, session_records
from timing.clock import to_ms

COOKIE_RECORD = "record"   # the connection's copy of its cookie's session-record secret


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
        revocations = extension("revocations")
        revocations.track(who.token_id, request.sid)
        revocations.ensure_running(current_app._get_current_object())
    connection["identity"] = who
    # A connection signed in by the page's cookie lives on that cookie's server-side record:
    # signing out (or ending the session elsewhere) stops its next command, as it stops pages.
    connection[COOKIE_RECORD] = None if token else connection.get(organiser_session.RECORD_KEY)
    balancer = current_app.extensions.get("minbar.balancer")
    if balancer is not None:
        balancer.connected(request.sid, who.role)
        balancer.ensure_running(current_app._get_current_object())
    metrics.connected()
    return True


@socketio.on("disconnect", namespace=NAMESPACE)
def disconnect(*_args):
    extension("listeners").drop(request.sid)
    metrics.disconnected(connection.get("room"))
    balancer = current_app.extensions.get("minbar.balancer")
    if balancer is not None:
        balancer.disconnected(request.sid)
    who = connection.get("identity")
    if who is not None and who.token_id:
        extension("revocations").untrack(who.token_id, request.sid)


# -- commands ------------------------------------------------------------------------------

def run_command(family: str, payload: dict) -> dict:
    """Apply a command of `family` and publish; used by every command event. The ack says
    whether the other processes' participants had the change (`delivered`)."""
    slug, key = session_of(payload)
    features, publisher = extension("features"), extension("publisher")
    action = payload.get("action", features.default_action(family))
    if not isinstance(action, str):
        raise MinbarError("bad_request", "'action' must be a string.")
    command = Command(family, action, payload, identity(), connection=request.sid)
    extra: dict = {}   # the family's acknowledgement fields for this actor (live_state.Family.ack)
    with extension("db").session_scope() as db:
        if command.actor.token_id:   # the link's current row: revoked or expired stops here
            access.check_link(db, command.actor.token_id, now())
        record = connection.get(COOKIE_RECORD)
        if record and session_records.find(db, record, now()) is None:
            raise MinbarError("unauthorized", "This session has ended; open your access link again.")
        state, changed = operations.apply(db, slug, key, command, now(), ack=extra, features=features,
                                          handover_s=current_app.config.get("MINBAR_HANDOVER_S"))
    if changed:
        publisher.publish_state(slug, key, state)
    extra.pop("ok", None)
    extra.pop("state", None)
    return ok(state=publisher.for_clients(slug, key, state), delivered=publisher.delivered(), **extra)


@handler(socketio, "clock")
def clock(_payload):
    """Anyone: the server's time (Unix ms), for clients' clock-offset estimates."""
    return ok(server_time=to_ms(now()))


@handler(socketio, "join")
def join(payload):
    """Anyone: enter the session's room; the ack carries the full STATE."""
    from flask_socketio import join_room, leave_room

    slug, key = session_of(payload)
    current = True
    try:
        with extension("db").read_scope() as db:
            state = operations.current(db, slug, key, now(), features=extension("features"))
    except MinbarError as error:
        # The database is away: the last STATE this process holds, marked as perhaps not the
        # latest, rather than nothing (the newest comes with the next broadcast or a rejoin).
        state = extension("listeners").state((slug, key)) if error.code == "unavailable" else None
        if state is None:
            raise
        current = False
    # One session room per connection, remembered here: asking the server for the connection's
    # rooms walks every room of the namespace (one per connection), O(N) per join.
    target, previous = room(slug, key), connection.get("room")
    if previous and previous != target:
        leave_room(previous, namespace=NAMESPACE)
    join_room(target, namespace=NAMESPACE)
    metrics.joined(previous, target)
    connection["room"] = target
    who = identity()
    return ok(state=extension("publisher").for_clients(slug, key, state), current=current,
              identity={"role": who.role, "name": who.name, "session": who.session, "booth": who.booth})


def channel_command(payload: dict) -> dict:
    # A listener's choice of channel is not a change of the session's state: see select_channel.
    if payload.get("action") == "select":
        return select_channel(payload)
    return run_command("channel", payload)


def select_channel(payload: dict) -> dict:
    """`channel` `select`: this connection listens to a channel. Anyone, for themself; counted
    once per link for token holders, once per connection for anonymous viewers."""
    slug, key = session_of(payload)
    session, hub = (slug, key), extension("listeners")

    def load() -> tuple[str, ...]:
        with extension("db").session_scope() as db:
            conf, item = operations.find_item(db, slug, key)
            return channels_state.channel_names(operations.session_info(conf, item))

    names = hub.names(session, load)
    who = identity()
    policy.require(who, "channel.select", slug, key)
    channel = channels_live.check_select(payload, names)
    listener = who.key if not who.anonymous else f"connection:{request.sid}"
    hub.select(current_app._get_current_object(), request.sid, session, listener, channel)
    state = hub.state(session)
    if state is None:
        with extension("db").session_scope() as db:
            state = operations.current(db, slug, key, now(), features=extension("features"))
    state = hub.fill(slug, key, state)
    return ok(state=state, listeners=state.get("channels", {}).get("listeners", {}))


# One event per command family of the server's live features (`sessions.live.features.LIVE`),
# registered once: Flask-SocketIO keeps this table and gives it to every server it builds.
for _family in LIVE.families:
    if _family == "channel":
        handler(socketio, _family)(channel_command)
    else:
        handler(socketio, _family)(lambda payload, family=_family: run_command(family, payload))


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
