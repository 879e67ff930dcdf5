"""docs/architecture.md names every application module: each .py under conference/, sessions/,
speakers/ and timing/, and wsgi.py, has its line in the "Modules" section (``- `path`: what it
is``; a package's __init__.py is its folder's line, `` `folder/`: what it holds``; a `*` in a
path stands for every file it matches, an __init__.py included). A missing module fails, named; so does a line naming a
module that no longer exists."""
from __future__ import annotations

import re
from fnmatch import fnmatchcase
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "architecture.md"
PACKAGES = ("conference", "sessions", "speakers", "timing")
ROOT_MODULES = ("wsgi.py",)
MODULE_LINE = re.compile(r"^- `(?P<path>[^`]+\.py)`: \S")
PACKAGE_LINE = re.compile(r"^`(?P<path>[^`]+/)`: \S")


def application_modules(root: Path = ROOT) -> list[str]:
    found = [str(p.relative_to(root)) for package in PACKAGES for p in (root / package).rglob("*.py")
             if "__pycache__" not in p.parts]
    return sorted(found + [name for name in ROOT_MODULES if (root / name).exists()])


def modules_section(text: str) -> list[str]:
    section = text.split("\n## Modules\n", 1)
    assert len(section) == 2, "docs/architecture.md has no '## Modules' section"
    return section[1].split("\n## ", 1)[0].splitlines()


def named(text: str) -> tuple[list[str], list[str]]:
    """(module paths or patterns, package folders) that the Modules section gives a line."""
    lines = modules_section(text)
    modules = [m["path"] for m in map(MODULE_LINE.match, lines) if m]
    folders = [m["path"] for m in map(PACKAGE_LINE.match, lines) if m]
    return modules, folders


def covered(module: str, modules: list[str], folders: list[str]) -> bool:
    if module.endswith("/__init__.py") and module[: -len("__init__.py")] in folders:
        return True
    return any(fnmatchcase(module, pattern) for pattern in modules)


def missing_and_stale(text: str, existing: list[str]) -> tuple[list[str], list[str]]:
    modules, folders = named(text)
    missing = [m for m in existing if not covered(m, modules, folders)]
    stale = [p for p in modules if not any(fnmatchcase(m, p) for m in existing)]
    stale += [f for f in folders if f + "__init__.py" not in existing]
    return missing, stale


def test_every_application_module_has_its_line_in_docs_architecture():
    missing, _ = missing_and_stale(DOC.read_text(encoding="utf-8"), application_modules())

    assert missing == [], ("docs/architecture.md, section 'Modules', has no line for: " + ", ".join(missing)
                           + " (add `- `path`: what it is` to its package's block)")


def test_every_line_names_a_module_that_exists():
    _, stale = missing_and_stale(DOC.read_text(encoding="utf-8"), application_modules())

    assert stale == [], "docs/architecture.md, section 'Modules', names modules that do not exist: " + ", ".join(stale)


def test_the_doc_describes_the_factory():
    text = DOC.read_text(encoding="utf-8")

    assert "## The factory" in text and "create_app" in text.split("## The factory", 1)[1].split("\n## ", 1)[0]


def test_a_module_without_a_line_is_named(tmp_path):
    """The check itself, on a made-up tree: a new module and a package without their lines are
    named, a pattern covers what it matches, and a line for a deleted module is stale."""
    for name in ("conference/__init__.py", "conference/app.py", "conference/metrics.py",
                 "conference/migrations/versions/0001_a.py", "timing/__init__.py", "timing/timer.py", "wsgi.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    doc = ("# Doc\n## Modules\n`conference/`: the conference.\n- `conference/app.py`: the factory.\n"
           "- `conference/migrations/versions/*.py`: revisions.\n- `conference/live.py`: gone.\n"
           "- `timing/timer.py`: the timer.\n- `wsgi.py`: the entry point.\n## Next\n- `timing/clock.py`: elsewhere.\n")

    missing, stale = missing_and_stale(doc, application_modules(tmp_path))

    assert missing == ["conference/metrics.py", "timing/__init__.py"]
    assert stale == ["conference/live.py"]
