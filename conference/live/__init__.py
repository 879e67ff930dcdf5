"""The /live Socket.IO transport: one package, the only code that talks to the Socket.IO server.

- `envelope`: the acknowledgement shapes, payload checks and the handler decorator;
- `events`: the namespace's handlers (connect, join, clock, one event per command family);
- `broadcaster`: the publishing port (`Publisher`, in `app.extensions["minbar.publisher"]`) and
  the coalescing `Broadcaster` behind it;
- `listener_hub`: listener counts shared between processes, with their background task;
- `revocations`: disconnects connections whose link was revoked;
- `balance`: with several processes, spreads connections again after one comes back.

Nothing here holds mutable state at module level: `init_app` makes one publisher, hub and
revocation watcher per application and keeps them in `app.extensions`. HTTP views publish
through `conference.publishing` and never import this package.
"""
from __future__ import annotations

from conference.publishing import ID

NAMESPACE = "/live"

__all__ = ["ID", "NAMESPACE", "room", "init_app"]


def room(conference: str, session: str) -> str:
    """The Socket.IO room of a session: `<conference>/<session>`."""
    return f"{conference}/{session}"


def init_app(app, socketio, features) -> None:
    """This application's transport objects, in `app.extensions` (the handlers read them there)."""
    from conference.live.broadcaster import Publisher
    from conference.live.listener_hub import ListenerHub
    from conference.live.revocations import Revocations

    hub = ListenerHub(socketio)
    app.extensions["minbar.features"] = features
    app.extensions["minbar.listeners"] = hub
    app.extensions["minbar.revocations"] = Revocations(socketio)
    app.extensions["minbar.publisher"] = Publisher(app, socketio, hub, features)
    if app.config.get("REDIS_URL"):
        from conference.live.balance import Balancer

        balancer = app.extensions["minbar.balancer"] = Balancer(socketio, app.config["REDIS_URL"],
                                                                app.config["MINBAR_CHANNEL"], hub.process)
        # A serving process counts itself from its first request (a returned process has no
        # connection yet, but must say it is there); commands of the CLI never serve and never count.
        app.before_request(lambda: balancer.ensure_running(app))
