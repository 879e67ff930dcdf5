"""Extensions created unbound and bound to the app in `conference.app`."""
from flask_socketio import SocketIO


class MinbarSocketIO(SocketIO):
    """Flask-SocketIO whose server checks every client packet before dispatch
    (`conference.live_guard`): reserved event names, malformed packets, the rate limit; and
    which writes one WebSocket frame per broadcast to every member (`conference.shared_frames`)."""

    def init_app(self, app, rate_per_s: float = 10.0, burst: float = 30.0, deflate: bool = False, **kwargs):
        from conference import shared_frames
        from conference.live_guard import guard

        super().init_app(app, **kwargs)
        guard(self.server, rate_per_s, burst)
        shared_frames.install(self.server, deflate=deflate)


socketio = MinbarSocketIO()
