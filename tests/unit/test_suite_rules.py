"""The suite's own rules (tests/suite_rules.py), checked on a throwaway test folder run by a real
pytest: under CI a skipped test fails the run and is named; a test marked for another database or
for Redis is deselected, not skipped."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
SAMPLE = '''
import pytest

def test_runs():
    pass

def test_needs_a_tool():
    pytest.skip("the tool is not installed")

@pytest.mark.postgresql_only
def test_on_postgresql():
    pass

@pytest.mark.redis
def test_with_redis():
    pass
'''
CI_FLAGS = ("CI", "MINBAR_FORBID_SKIPS", "DATABASE_URL", "REDIS_URL")


def run(folder: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    (folder / "test_sample.py").write_text(SAMPLE, encoding="utf-8")
    (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")   # not the project's setup.cfg
    base = {k: v for k, v in os.environ.items() if k not in CI_FLAGS}
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "suite_rules", "-p", "no:cacheprovider",
                           "-q", "-W", "ignore::pytest.PytestUnknownMarkWarning", *args, str(folder)],
                          env={**base, "PYTHONPATH": str(TESTS), **env}, cwd=folder,
                          capture_output=True, text=True, timeout=120)


def test_a_skip_is_only_reported_outside_ci(tmp_path):
    done = run(tmp_path)

    assert done.returncode == 0, done.stdout
    assert "1 passed, 1 skipped, 2 deselected" in done.stdout


@pytest.mark.parametrize("how", [{"CI": "true"}, {"MINBAR_FORBID_SKIPS": "1"}, "--forbid-skips"])
def test_under_ci_a_skip_fails_the_run_and_is_named(tmp_path, how):
    done = run(tmp_path, how) if isinstance(how, str) else run(tmp_path, **how)

    assert done.returncode == 1, done.stdout
    assert "1 skipped test(s): not allowed here" in done.stdout
    assert "SKIPPED test_sample.py::test_needs_a_tool: the tool is not installed" in done.stdout


def test_database_and_redis_markers_deselect_what_the_run_does_not_have(tmp_path):
    done = run(tmp_path, "-k", "not needs_a_tool", CI="true",
               DATABASE_URL="postgresql+psycopg://nobody@127.0.0.1:1/none", REDIS_URL="redis://127.0.0.1:1/0")

    assert done.returncode == 0, done.stdout
    assert "3 passed, 1 deselected" in done.stdout
