"""The production entry point.

    gunicorn -k gevent -w 1 --bind 127.0.0.1:8000 wsgi:app

gevent serves hundreds of Socket.IO connections in one process; for several processes set
REDIS_URL (Flask-SocketIO's message queue) and have clients use the websocket transport or put
the workers behind a load balancer with sticky sessions (docs/deployment.md).
"""
import os

os.environ.setdefault("MINBAR_ASYNC_MODE", "gevent")
if os.environ["MINBAR_ASYNC_MODE"] == "gevent":
    from gevent import monkey

    monkey.patch_all()

from conference.app import create_app  # noqa: E402

app = create_app()

# Everything built so far lives as long as the process: moving it out of the collector's sight
# halves the full-collection pauses that otherwise land on a chair's click with 1000 connections
# open (docs/performance.md).
import gc  # noqa: E402

gc.freeze()
