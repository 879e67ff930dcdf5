"""The browser's live kit rules (static/js/live-rules.js) are tested in Node (tests/js/*.test.mjs) against the
cases the Python core is tested with; this runs those tests as part of `make test`."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed: the live kit's tests (tests/js) are skipped")
def test_the_live_kit_passes_its_node_tests():
    tests = sorted(str(p) for p in (ROOT / "tests" / "js").glob("*.test.mjs"))
    assert tests, "no Node tests found under tests/js"

    done = subprocess.run([NODE, "--test", *tests], cwd=ROOT, capture_output=True, text=True, timeout=120)

    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "# fail 0" in done.stdout
