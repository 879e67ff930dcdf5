"""Extensions created unbound and bound to the app in `conference.app`."""
from flask_socketio import SocketIO

socketio = SocketIO()
