"""gunicorn settings for one Minbar process (docs/deploy.md).

Run one gunicorn per port, each with ONE gevent worker: a Socket.IO connection's long-polling
requests must all reach the process that holds it, which nginx guarantees per upstream address
(sticky hash), not per worker inside one gunicorn. Scale out with more ports behind nginx, all on
the same PostgreSQL and the same Redis (REDIS_URL, Flask-SocketIO's message queue).

    MINBAR_BIND=127.0.0.1:8001 gunicorn -c <venv>/share/minbar/deploy/gunicorn.conf.py conference.wsgi:app

(an install carries this file to <venv>/share/minbar/deploy/; a checkout serves `wsgi:app` with
`-c deploy/gunicorn.conf.py`).
"""
import os

from conference.logs import gunicorn_logger

bind = os.environ.get("MINBAR_BIND", "127.0.0.1:8001")
# gevent: one process carries thousands of open connections (the choice and its figures:
# docs/performance.md, "Worker class"). conference/wsgi.py monkey-patches before the app is imported.
worker_class = "gevent"
workers = 1
worker_connections = int(os.environ.get("MINBAR_WORKER_CONNECTIONS", "5000"))
# A worker that stops answering its heartbeat for this long is killed and replaced; clients
# reconnect to the other processes through nginx meanwhile.
timeout = 30
graceful_timeout = 10
keepalive = 75
# Behind nginx on the same machine: trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("MINBAR_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Logs (docs/deploy.md, "Logs and rotation"): every record one JSON line on stderr (journald keeps
# it), gunicorn's own included; MINBAR_LOG_FORMAT=text for readable lines. nginx's access log is
# the one to keep; gunicorn's (MINBAR_ACCESS_LOG=- or a file) adds each request's duration inside
# the process, its path without the query string.
os.environ.setdefault("MINBAR_LOG_FORMAT", "json")
logger_class = gunicorn_logger()
accesslog = os.environ.get("MINBAR_ACCESS_LOG") or None
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(D)sus %({x-request-id}i)s'
errorlog = "-"
loglevel = os.environ.get("MINBAR_LOG_LEVEL", "info")
proc_name = f"minbar-{bind}"
# gunicorn's control socket defaults to one path per user: several processes on one machine
# would share it. Not used by Minbar.
control_socket_disable = True
