"""How long the calendar feed and the agenda page take to serve, built versus cached.

    .venv/bin/python bench/feeds.py [--requests 200] [--database URL]

Loads the bundled conference into a scratch SQLite database (or the --database given: its tables
are DROPPED and recreated, so never point it at a database in use), then
times requests through Flask's test client (the whole WSGI stack, no network):
- "built": the in-process cache is emptied before each request, so every request loads the
  agenda and builds the body (what the first request after a change costs);
- "cached": the same request repeated, answered from the cache after one query of the
  database's change stamps;
- "304": a calendar client's conditional GET with the ETag it already has.
Prints the median and the 90th percentile of each, in milliseconds.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conference import feed_cache  # noqa: E402
from conference.agenda import validate  # noqa: E402
from conference.agenda.load import load  # noqa: E402
from conference.app import create_app  # noqa: E402
from conference.paths import bundled_agenda  # noqa: E402
from conference.reference import load_reference  # noqa: E402
from timing.clock import FixedClock  # noqa: E402

SLUG = "gcm-arab-2021"
# 10:30 Beirut on the first day: the agenda page shows a session "now" and one "next".
NOW = datetime(2021, 2, 24, 8, 30, tzinfo=timezone.utc)


def make_app(database_url: str | None, scratch: Path):
    app = create_app({
        "DATABASE_URL": database_url or f"sqlite:///{scratch / 'bench.sqlite3'}",
        "INSTANCE_PATH": str(scratch / "instance"),
        "SECRET_KEY": "bench",
        "REDIS_URL": None,
    })
    app.extensions["minbar.clock"] = FixedClock(NOW)
    database = app.extensions["minbar.db"]
    database.drop_all()
    database.create_all()
    path = bundled_agenda()
    spec, findings = validate.check_file(path)
    if validate.has_errors(findings):
        raise SystemExit("the bundled agenda has errors")
    with database.session_scope() as session:
        load_reference(session)
        load(spec, session, NOW, source_text=path.read_text(encoding="utf-8"))
    return app


def timed(client, url: str, requests: int, before=None, headers=None, status: int = 200) -> list[float]:
    samples = []
    for _ in range(requests):
        if before:
            before()
        start = time.perf_counter()
        response = client.get(url, headers=headers or {})
        samples.append((time.perf_counter() - start) * 1000)
        if response.status_code != status:
            raise SystemExit(f"{url}: {response.status_code}, expected {status}")
    return samples


def summary(samples: list[float]) -> str:
    ordered = sorted(samples)
    p90 = ordered[max(0, int(len(ordered) * 0.9) - 1)]
    return f"median {statistics.median(samples):7.2f} ms   p90 {p90:7.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per measurement (default 200)")
    parser.add_argument("--database", default=None,
                        help="a scratch database URL, whose tables are dropped and recreated (default: a temporary SQLite)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        app = make_app(args.database, Path(scratch))
        client = app.test_client()
        feeds, pages = feed_cache.cache_for(app), feed_cache.cache_for(app, "pages")
        ics = f"/conferences/{SLUG}/agenda.ics?lang=en"
        page = f"/conferences/{SLUG}?lang=en"
        client.get(page)                      # the language cookie a browser would then send

        rows = []
        built = timed(client, ics, args.requests, before=feeds.clear)
        cached = timed(client, ics, args.requests)
        etag = client.get(ics).headers["ETag"]
        not_modified = timed(client, ics, args.requests, headers={"If-None-Match": etag}, status=304)
        rows += [("agenda.ics  built", built), ("agenda.ics  cached", cached), ("agenda.ics  304", not_modified)]
        page_built = timed(client, page, args.requests, before=pages.clear)
        page_cached = timed(client, page, args.requests)
        rows += [("agenda page built", page_built), ("agenda page cached", page_cached)]

        size = len(client.get(ics).data)
        print(f"Minbar feeds benchmark: {args.requests} requests each, Flask test client, "
              f"{app.extensions['minbar.db'].engine.dialect.name}, agenda.ics {size} bytes")
        for label, samples in rows:
            print(f"  {label:<20} {summary(samples)}")
        print(f"  speed-up from the cache: agenda.ics x{statistics.median(built) / statistics.median(cached):.1f}, "
              f"agenda page x{statistics.median(page_built) / statistics.median(page_cached):.1f}")


if __name__ == "__main__":
    main()
