"""The publishing port: only the transport talks to the Socket.IO server.

HTTP views, operations and the core publish through `conference.publishing`; a module outside
the transport that imports the Socket.IO extension (`conference.extensions`) or the transport
(`conference.live`) fails here, wherever the import is (top of the file or inside a function).
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("conference", "sessions", "speakers", "timing")
FORBIDDEN = ("conference.extensions", "conference.live")
# The transport and the factory that builds it (docs/architecture.md, "The transport").
TRANSPORT = {"conference/app.py", "conference/cli.py", "conference/resync.py", "conference/live_guard.py",
             "conference/shared_frames.py", "conference/rooms.py", "conference/extensions.py"}


def imported(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def offenders() -> dict[str, list[str]]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            if name in TRANSPORT or name.startswith("conference/live/") or "/migrations/" in name:
                continue
            bad = sorted(n for n in imported(ast.parse(path.read_text(encoding="utf-8")))
                         if any(n == f or n.startswith(f + ".") for f in FORBIDDEN))
            if bad:
                found[name] = bad
    return found


def test_no_module_outside_the_transport_imports_the_socketio_server_or_the_transport():
    assert offenders() == {}


def test_the_check_sees_an_import_inside_a_function():
    tree = ast.parse("def publish():\n    from conference import live\n    from conference.extensions import socketio\n")
    names = imported(tree)
    assert "conference.live" in names and "conference.extensions.socketio" in names


def test_the_transport_keeps_no_mutable_state_at_module_level():
    """Module-level assignments in the transport's package are constants (names in capitals),
    functions or a module's logger: its objects live in app.extensions."""
    for path in sorted((ROOT / "conference" / "live").glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
            for target in targets:
                if isinstance(target, ast.Name):
                    assert target.id.isupper() or target.id in ("__all__", "log"), f"{path.name}: {target.id}"
