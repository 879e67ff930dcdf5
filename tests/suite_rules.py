"""The suite's rules as a whole, registered by tests/conftest.py.

- A test that belongs to one database or service says so with a marker (`sqlite_only`,
  `postgresql_only`, `redis`; `database_independent` for what runs once, in the SQLite run):
  where that is not what the run has, it is *deselected* (counted as such in pytest's summary),
  never skipped.
- Under CI (`CI` set to a true value, MINBAR_FORBID_SKIPS=1, or `--forbid-skips`) a skipped test
  fails the run and is named: a skip there means a check silently did not happen. Together with
  the markers, both CI runs (SQLite, then PostgreSQL with Redis) skip nothing.
- `missing(reason, *flags)`: the one way a test says a tool it needs is not installed: skip
  locally, fail where one of the flags (MINBAR_REQUIRE_BROWSER=1, MINBAR_REQUIRE_NODE=1, …) is set.
"""
from __future__ import annotations

import os

import pytest

# marker (declared in setup.cfg) -> (what it needs, is it there?)
PLACES = {
    "sqlite_only": ("SQLite (DATABASE_URL unset or sqlite:)", lambda: database_kind() == "sqlite"),
    "postgresql_only": ("PostgreSQL (DATABASE_URL=postgresql…)", lambda: database_kind() == "postgresql"),
    "redis": ("Redis as the message queue (REDIS_URL)", lambda: bool(os.environ.get("REDIS_URL"))),
    # What does not depend on the database (accessibility sweeps, layout and rendering in the
    # browser, documents) runs once, in the SQLite run: the database's own behaviour is tested
    # in both runs by the tests of the core, the HTTP and live layers and the end-to-end flows.
    "database_independent": ("the first CI run (SQLite)", lambda: database_kind() == "sqlite"),
}
NODE_FLAGS = ("MINBAR_REQUIRE_BROWSER", "MINBAR_REQUIRE_NODE")
_skips: list[tuple[str, str]] = []   # (test, reason), this run's


def database_kind() -> str:
    url = os.environ.get("DATABASE_URL") or "sqlite:"
    return url.split(":")[0].split("+")[0]


def missing(reason: str, *flags: str) -> None:
    """Skip with `reason`, or fail where any of `flags` (default: the Node flags) is "1"."""
    flags = flags or NODE_FLAGS
    required = [flag for flag in flags if os.environ.get(flag) == "1"]
    if required:
        pytest.fail(f"{reason}; required here ({required[0]}=1)", pytrace=False)
    pytest.skip(reason)


def skips_forbidden(config) -> bool:
    return (config.getoption("forbid_skips", False) or os.environ.get("MINBAR_FORBID_SKIPS") == "1"
            or os.environ.get("CI", "").lower() in ("1", "true", "yes"))


def pytest_addoption(parser):
    parser.addoption("--forbid-skips", action="store_true", dest="forbid_skips",
                     help="fail the run when any test is skipped (CI; also CI=true or MINBAR_FORBID_SKIPS=1)")


def pytest_configure(config):
    _skips.clear()


def pytest_report_header(config):
    absent = [name for name, (_needs, there) in PLACES.items() if not there()]
    rules = f"database: {database_kind()}; deselected: tests marked {', '.join(absent) or 'nothing'}"
    return rules + ("; skips fail the run" if skips_forbidden(config) else "")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    absent = {name for name, (_needs, there) in PLACES.items() if not there()}
    kept, left_out = [], []
    for item in items:
        (left_out if absent.intersection(m.name for m in item.iter_markers()) else kept).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


def pytest_runtest_logreport(report):
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        reason = reason.removeprefix("Skipped: ")
        _skips.append((report.nodeid, reason))


def pytest_sessionfinish(session, exitstatus):
    if _skips and skips_forbidden(session.config) and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _skips and skips_forbidden(config):
        terminalreporter.write_sep("=", f"{len(_skips)} skipped test(s): not allowed here", red=True)
        for nodeid, reason in _skips:
            terminalreporter.write_line(f"SKIPPED {nodeid}: {reason}")
