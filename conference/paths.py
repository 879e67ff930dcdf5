"""Where the app finds its templates and static files.

They sit at the repository root (beside the packages), so a source checkout and an editable
install (`pip install -e .`, what `make` does) use them in place. A regular install carries them
to `<prefix>/share/minbar/` through setup.cfg's data_files; we look there second.
"""
from __future__ import annotations

import sys
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def templates_dir() -> Path:
    return _first_existing(SOURCE_ROOT / "templates", Path(sys.prefix) / "share/minbar/templates")


def static_dir() -> Path:
    return _first_existing(SOURCE_ROOT / "static", Path(sys.prefix) / "share/minbar/static")


def bundled_agenda(slug: str = "gcm-arab-2021") -> Path:
    return PACKAGE_DIR / "agendas" / f"{slug}.toml"


def reference_data() -> Path:
    return PACKAGE_DIR / "data" / "gcm.toml"
