"""The production entry point, importable from the installed package:

    gunicorn -c <prefix>/share/minbar/deploy/gunicorn.conf.py conference.wsgi:app

(deploy/minbar@.service; docs/deploy.md). gevent serves hundreds of Socket.IO connections in one
process; for several processes set REDIS_URL (Flask-SocketIO's message queue) and put them behind
deploy/nginx-minbar.conf, which keeps each connection on its process (docs/deploy.md, "Sticky
routing").

It refuses to serve with a SECRET_KEY that is the example's placeholder or too short
(conference.config.refuse_to_serve): the worker stops at boot with the reason, and gunicorn with
it ("App failed to load", exit status 4), rather than signing links with a guessable key.
"""
import os

# Before anything imports a socket or a thread: gevent's cooperative versions must replace them.
# (gunicorn's gevent worker has patched already; `python -c "import conference.wsgi"` has not.)
os.environ.setdefault("MINBAR_ASYNC_MODE", "gevent")
if os.environ["MINBAR_ASYNC_MODE"] == "gevent":
    from gevent import monkey

    monkey.patch_all()

import gc  # noqa: E402

from conference.app import create_app  # noqa: E402
from conference.config import ConfigError, refuse_to_serve  # noqa: E402


def _refusal(error: ConfigError) -> Exception:
    # gunicorn prints an AppImportError as one plain line and halts instead of restarting the
    # worker in a loop; any other server gets the ConfigError itself.
    try:
        from gunicorn.errors import AppImportError
    except ImportError:
        return error
    return AppImportError(f"minbar: {error}")


app = create_app()
try:
    refuse_to_serve(app.config)
except ConfigError as error:
    raise _refusal(error) from None

# Everything built so far lives as long as the process: moving it out of the collector's sight
# halves the full-collection pauses that otherwise land on a chair's click with 1000 connections
# open (docs/performance.md).
gc.freeze()
