"""The GCM's 23 objectives and ten guiding principles: reference data in three languages."""
from __future__ import annotations

import tomllib
from pathlib import Path

from sqlalchemy.orm import Session

from conference.models import Objective, Principle
from conference.paths import reference_data


def read(path: Path | None = None) -> dict:
    with open(path or reference_data(), "rb") as handle:
        return tomllib.load(handle)


def load_reference(db: Session, path: Path | None = None) -> None:
    """Upsert the objectives and principles; safe to run any number of times."""
    data = read(path)
    default_working = list(data.get("working_translations", []))
    for entry in data["objectives"]:
        row = db.get(Objective, entry["number"]) or Objective(number=entry["number"])
        row.title = dict(entry["title"])
        row.working_translations = list(entry.get("working_translations", default_working))
        db.add(row)
    for position, entry in enumerate(data["principles"]):
        row = db.get(Principle, entry["key"]) or Principle(key=entry["key"])
        row.position = position
        row.title = dict(entry["title"])
        row.working_translations = list(entry.get("working_translations", default_working))
        db.add(row)
