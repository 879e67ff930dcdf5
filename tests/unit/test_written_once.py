"""Rules written once in the browser: one placeholder syntax (`%(name)s`) and one `fill`
(Minbar.fill in static/js/live-rules.js), no page script with a phase or clock of its own, and one
revisioned editor (static/js/revisioned.js) for every text that saves with a base revision."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted((ROOT / "static" / "js").glob("*.js"))
PYTHON = sorted(p for package in ("conference", "sessions", "speakers") for p in (ROOT / package).rglob("*.py"))


def test_only_the_live_kit_defines_fill_phase_and_the_clock():
    own = re.compile(r"function\s+(fill|phase|formatClock|projectSlots)\b")
    found = [f"{p.name}: {m.group(1)}" for p in SCRIPTS if p.name != "live-rules.js" for m in own.finditer(p.read_text())]
    assert found == []


def test_no_script_hard_codes_a_warning_threshold():
    # A threshold is configuration or the STATE's warn_s, never a literal in a page script.
    found = [p.name for p in SCRIPTS if re.search(r"phase-warning\"?,\s*[^)]*\d+\s*\*\s*60", p.read_text())]
    assert found == []


def test_no_translated_string_is_rewritten_to_another_placeholder_syntax():
    rewrite = re.compile(r"""\b(\w+)=["']\{\1\}["']""")
    found = [f"{p.relative_to(ROOT)}: {m.group(0)}" for p in PYTHON for m in rewrite.finditer(p.read_text())]
    assert found == []


def test_one_revisioned_editor_saves_and_merges():
    own = re.compile(r"function\s+(flush\w*|clashing|showConflict|\w*[cC]onflict)\b")
    found = [f"{p.name}: {m.group(1)}" for p in SCRIPTS if p.name != "revisioned.js" for m in own.finditer(p.read_text())]
    assert found == []


def test_live_pages_write_clock_times_with_the_kit_only():
    # One way to write a time of day on the live pages: Minbar.clockTime with babel's pattern
    # (Minbar.formatTime, static/js/live-rules.js), never a page's own Intl format.
    live = ("stage.js", "console.js", "booth.js", "participant.js", "queue-panel.js", "channels.js")
    own = re.compile(r"DateTimeFormat\([^)]*hour|function\s+formatTime\b")
    found = [p.name for p in SCRIPTS if p.name in live and own.search(p.read_text())]
    assert found == []
