"""docs/deploy.md's "Schema changes" names every revision the code has, and the head the code's
migrations end at: an operator reads there which revision a release brings."""
from __future__ import annotations

import re
from pathlib import Path

from conference import migrate

ROOT = Path(__file__).resolve().parents[2]


def schema_section() -> str:
    guide = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    start = guide.index("## Schema changes")
    end = guide.find("\n## ", start + 1)
    return guide[start:end if end > 0 else None]


def test_the_guide_names_the_codes_head_revision():
    named = re.findall(r"The head revision is `(\w+)`", schema_section())
    assert named == [migrate.head()], f"docs/deploy.md names the head {named}, the code's is {migrate.head()}"


def test_the_guide_lists_every_revision():
    versions = ROOT / "conference" / "migrations" / "versions"
    revisions = sorted(re.search(r"^revision = ['\"](\w+)['\"]", path.read_text(encoding="utf-8"), re.M).group(1)
                       for path in versions.glob("*.py") if path.name != "__init__.py")
    listed = re.findall(r"^\| `(\w+)` \|", schema_section(), re.M)
    assert listed == revisions
