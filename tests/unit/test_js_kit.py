"""The browser's live kit rules (static/js/live-rules.js) are tested in Node (tests/js/*.test.mjs)
against the cases the Python core is tested with; this runs those tests as part of `make test`.
Without Node it is skipped, and fails where MINBAR_REQUIRE_BROWSER=1 or MINBAR_REQUIRE_NODE=1 (CI)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from suite_rules import missing

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")


def test_the_live_kit_passes_its_node_tests():
    if NODE is None:
        missing("Node.js is not installed (apt-get install nodejs): the live kit's tests (tests/js) cannot run")
    tests = sorted(str(p) for p in (ROOT / "tests" / "js").glob("*.test.mjs"))
    assert tests, "no Node tests found under tests/js"

    done = subprocess.run([NODE, "--test", *tests], cwd=ROOT, capture_output=True, text=True, timeout=120)

    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "# fail 0" in done.stdout
