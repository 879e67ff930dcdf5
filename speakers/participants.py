"""The list of participants of a conference, grouped as UN lists are.

`build(people, language)` takes the people the workspace holds (`speakers.models.Person` or
anything with the same fields) and gives the list's `Part`s in order:

1. **Member States** (group `member_state`), each State a delegation, the States in alphabetical
   order of the document's language (`speakers.collation.sort_key` on the State's name in that
   language, `speakers.collation.state_name`);
2. **Observers**: the non-member observer States (the Holy See, the State of Palestine) and the
   intergovernmental organisations (group `intergovernmental`);
3. **United Nations entities** (group `un_entity`);
4. the **other stakeholders**, one part per group in the order of
   `conference.agenda.schema.STAKEHOLDER_GROUPS` (civil society, migrants, ...).

Inside a part, delegations (a State or an organisation) are in alphabetical order, and inside a
delegation the people by protocol rank (those without one last), then by name. A person without
a delegation or organisation forms a delegation of their own, named "".

`records(parts, part_labels)` gives the CSV rows; `safe_cell` keeps a spreadsheet from running a
cell as a formula. Plain Python: no Flask, no database.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from conference.agenda.schema import STAKEHOLDER_GROUPS
from speakers.collation import is_observer_state, sort_key, state_name

MEMBER_STATES, OBSERVERS, UN_ENTITIES = "member_states", "observers", "un_entities"
PART_ORDER = (MEMBER_STATES, OBSERVERS, UN_ENTITIES) + tuple(
    g for g in STAKEHOLDER_GROUPS if g not in ("member_state", "intergovernmental", "un_entity"))
COLUMNS = ("part", "delegation", "name", "title")
# Text cells a spreadsheet would run as a formula get a leading apostrophe (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Participant:
    name: str
    title: str


@dataclass(frozen=True)
class Delegation:
    name: str                           # the State (in the document's language) or organisation
    people: tuple[Participant, ...]


@dataclass(frozen=True)
class Part:
    key: str                            # one of PART_ORDER
    delegations: tuple[Delegation, ...]

    @property
    def count(self) -> int:
        return sum(len(d.people) for d in self.delegations)


def part_of(person) -> str:
    group = person.group or "other"
    if group == "member_state":
        return OBSERVERS if is_observer_state(person.delegation) else MEMBER_STATES
    if group == "intergovernmental":
        return OBSERVERS
    if group == "un_entity":
        return UN_ENTITIES
    return group if group in PART_ORDER else "other"


def delegation_of(person, language: str) -> str:
    if person.group == "member_state" or (person.delegation and not person.organisation):
        return state_name(person.delegation, language) if person.delegation else person.organisation
    return person.organisation or person.delegation or ""


def build(people: Iterable, language: str) -> tuple[Part, ...]:
    """The parts of the list in order, each with at least one person."""
    gathered: dict[str, dict[str, list]] = {key: {} for key in PART_ORDER}
    for person in people:
        gathered[part_of(person)].setdefault(delegation_of(person, language), []).append(person)
    parts = []
    for key in PART_ORDER:
        by_delegation = gathered[key]
        if not by_delegation:
            continue
        delegations = []
        for name in sorted(by_delegation, key=lambda n: sort_key(n, language)):
            members = sorted(by_delegation[name], key=lambda p: (
                p.rank is None, p.rank or 0, sort_key(p.name_in(language), language)))
            delegations.append(Delegation(name, tuple(
                Participant(p.name_in(language), p.title or "") for p in members)))
        parts.append(Part(key, tuple(delegations)))
    return tuple(parts)


def safe_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def records(parts: Iterable[Part], part_labels: Mapping[str, str]) -> list[dict[str, str]]:
    """One row per person (`COLUMNS`), in the list's order, every cell formula-safe."""
    rows = []
    for part in parts:
        for delegation in part.delegations:
            for person in delegation.people:
                rows.append({k: safe_cell(v) for k, v in {
                    "part": part_labels.get(part.key, part.key), "delegation": delegation.name,
                    "name": person.name, "title": person.title}.items()})
    return rows
