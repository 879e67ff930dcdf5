"""People as the list of participants reads them (speakers.participants.build: name, group,
delegation or organisation, title, protocol rank, names in other scripts), built in a line each
without an app or a database, for the tests of the list and of its documents."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Person:
    name: str
    group: str = "other"
    delegation: str = ""
    organisation: str = ""
    title: str = ""
    rank: int | None = None
    names: dict = field(default_factory=dict)   # {language: the name as written in it}

    def name_in(self, language):
        return self.names.get(language) or self.name
