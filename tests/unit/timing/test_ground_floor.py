"""timing/ is the ground floor: it imports nothing from the house's other packages."""
import ast
from pathlib import Path

import conference.errors
import timing.errors
import timing.timer

HOUSE = {"conference", "sessions", "speakers"}
TIMING = Path(timing.timer.__file__).parent


def test_timing_imports_no_other_package_of_the_house():
    found = []
    for path in sorted(TIMING.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            found += [f"{path.name}: {name}" for name in names if name.split(".")[0] in HOUSE]
    assert found == []


def test_the_timer_refuses_with_the_house_refusal():
    assert timing.timer.TimerRefused is conference.errors.MinbarError is timing.errors.MinbarError
