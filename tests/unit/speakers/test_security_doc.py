"""docs/security.md's table of what each role can do is the policy's own answer."""
from __future__ import annotations

from conftest import ROOT

from speakers import policy
from speakers.identity import ANONYMOUS, ROLES, Identity


def _who(role: str) -> Identity:
    if role == "anonymous":
        return ANONYMOUS
    return Identity(role=role, conference="c", session=None if role == "organiser" else "s",
                    booth="fr" if role == "interpreter" else None, token_id="x", delegation="D")


def test_the_role_table_in_security_md_matches_the_policy():
    text = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    header = next(line for line in text.splitlines() if line.startswith("| action | what it allows |"))
    columns = [cell.strip() for cell in header.strip("|").split("|")][2:]
    assert columns == [*ROLES, "anonymous"]
    rows = {}
    for line in text.splitlines():
        if line.startswith("| `") and line.count("|") == len(columns) + 3:
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            rows[cells[0].strip("`")] = cells[2:]
    assert set(rows) == set(policy.ACTIONS)
    for action, marks in rows.items():
        context = {"booth": "fr"} if action == "channel.booth" else {}
        if action in ("speakers.inscribe", "registration.delegation"):
            context = {"delegation": "D"}      # a focal point acting for its own delegation
        expected = ["✓" if policy.may(_who(role), action, "c", "s", **context) else "·" for role in columns]
        assert marks == expected, action
