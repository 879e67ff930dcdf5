"""Balance: who got to speak. Speaking time and turns by stakeholder group, delegation, kind of
speaker and (where given) gender, planned against actual, for a session, a day or the conference.

Plain Python. The input is one `Turn` per speaking slot of the agenda: who holds it (their group,
delegation, gender; None while TBD), its planned time (the slot's minutes) and its actual time
(from `sessions.reports.actuals`' reconstruction of the event log). A slot is a planned turn; it is an
actual turn once its timer ran. An open-discussion block is planned under "open discussion"; each
intervention given in it (the queue's record: who had the floor, from which group and delegation,
for how long) is an actual turn of its speaker's group, delegation and kind, the block keeping
only the time no intervention accounts for.
"""
from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

DIMENSIONS = ("group", "delegation", "kind", "gender")
TBD = "tbd"
UNKNOWN = "unknown"

# Kind of speaker, from the stakeholder group.
KIND_OF_GROUP = {
    "member_state": "state", "observer_state": "state", "parliamentarian": "state", "local_authority": "state",
    "un_entity": "un", "intergovernmental": "intergovernmental",
    "civil_society": "civil_society", "migrants": "civil_society", "trade_union": "civil_society",
    "faith_based": "civil_society", "academia": "civil_society", "nhri": "civil_society",
    "red_cross_red_crescent": "civil_society", "media": "civil_society",
    "private_sector": "private_sector", "other": "other",
}
KINDS = ("state", "un", "intergovernmental", "civil_society", "private_sector", "other",
         "open_discussion", TBD)

COLUMNS = ("dimension", "value", "planned_turns", "planned_s", "actual_turns", "actual_s")


@dataclass(frozen=True)
class Turn:
    session: str
    day: date
    slot: str
    kind: str                       # the slot's kind: statement, presentation, discussion;
                                    # "intervention" for a turn given from the open-discussion queue
    group: str | None = None        # None while the speaker is TBD
    delegation: str | None = None
    gender: str | None = None
    planned_ms: int = 0
    actual_ms: int | None = None


@dataclass
class Line:
    value: str
    planned_turns: int = 0
    planned_ms: int = 0
    actual_turns: int = 0
    actual_ms: int = 0

    def to_contract(self) -> dict:
        return {"value": self.value, "planned_turns": self.planned_turns,
                "planned_s": self.planned_ms // 1000, "actual_turns": self.actual_turns,
                "actual_s": self.actual_ms // 1000}


def value_of(turn: Turn, dimension: str) -> str:
    if turn.kind == "discussion":
        return "open_discussion"
    if turn.group is None:
        return TBD
    if dimension == "group":
        return turn.group
    if dimension == "kind":
        return KIND_OF_GROUP.get(turn.group, "other")
    if dimension == "delegation":
        return turn.delegation or UNKNOWN
    return turn.gender or UNKNOWN


def select(turns, *, session: str | None = None, day: date | None = None) -> list[Turn]:
    return [t for t in turns if (session is None or t.session == session) and (day is None or t.day == day)]


def compute(turns) -> dict[str, list[Line]]:
    """{dimension: lines, largest planned time first}; a total line per dimension comes last."""
    out: dict[str, list[Line]] = {}
    for dimension in DIMENSIONS:
        lines: dict[str, Line] = defaultdict(lambda: Line(""))
        for turn in turns:
            value = value_of(turn, dimension)
            line = lines[value]
            line.value = value
            if turn.kind != "intervention":
                line.planned_turns += 1
            line.planned_ms += turn.planned_ms
            if turn.actual_ms:
                line.actual_turns += 1
                line.actual_ms += turn.actual_ms
        out[dimension] = sorted(lines.values(), key=lambda l: (-l.planned_ms, -l.actual_ms, l.value))
    return out


def total(lines: list[Line]) -> Line:
    line = Line("total")
    for each in lines:
        line.planned_turns += each.planned_turns
        line.planned_ms += each.planned_ms
        line.actual_turns += each.actual_turns
        line.actual_ms += each.actual_ms
    return line


def to_csv(result: dict[str, list[Line]], label=lambda dimension, value: value) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for dimension, lines in result.items():
        for line in lines:
            value = label(dimension, line.value)
            if value.startswith(("=", "+", "-", "@", "\t", "\r")):
                value = "'" + value
            writer.writerow([dimension, value, line.planned_turns, line.planned_ms // 1000,
                             line.actual_turns, line.actual_ms // 1000])
    return out.getvalue()
