"""The production entry point from a source checkout: `gunicorn -c deploy/gunicorn.conf.py wsgi:app`.

An installed Minbar serves `conference.wsgi:app`, which this re-exports (gevent's monkey-patching
first, the refusal of a weak SECRET_KEY, gc.freeze): docs/deploy.md says how it is run.
"""
from conference.wsgi import app  # noqa: F401
