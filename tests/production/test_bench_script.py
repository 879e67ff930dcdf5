"""`bench/fanout.py --json` keeps its contract: one command, the documented fields, every change
seen by every participant. A tiny run (figures are not judged here; docs/performance.md has them).
Without Node.js and npm it is skipped, and fails where MINBAR_REQUIRE_BROWSER=1 or MINBAR_REQUIRE_NODE=1."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from suite_rules import missing

ROOT = Path(__file__).resolve().parents[2]


def fanout(*args: str) -> dict:
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "fanout.py"), "--n", "12", "--actions", "3",
                           "--procs", "2", "--json", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_fanout_json_compares_minbar_the_bare_stack_and_the_reference_server():
    if not shutil.which("node") or not shutil.which("npm"):
        missing("Node.js and npm are needed for the reference server (apt-get install nodejs npm)")

    report = fanout("--reference", "node", "--runs", "2")

    runs = report["runs"]
    assert sorted({(r["server"], r["run"]) for r in runs}) == [
        ("bare", 1), ("bare", 2), ("minbar", 1), ("minbar", 2), ("reference", 1), ("reference", 2)]
    for run in runs:
        assert run["n"] == run["connected"] == 12 and run["processes"] == 1
        assert run["changes"] == 3 and run["missing_reports"] == 0
        assert 0 < run["median_ms"] <= run["p95_ms"] <= run["max_ms"]
    assert {s["server"]: s["runs"] for s in report["summary"]} == {"minbar": 2, "bare": 2, "reference": 2}
    sizes = [r["state_bytes"] for r in runs]
    assert max(sizes) - min(sizes) <= 0.05 * max(sizes), f"every server sends a STATE of about the same size: {sizes}"
