"""Organiser operations: an edit of the agenda, validated by the engine, loaded, audited, filed.

`change(...)` is the one path: read the conference back as a spec, apply a pure edit
(`conference.workspace.edits`), validate the result with `conference.agenda.validate` plus the
workspace's own checks, refuse with the located findings when it has an error (nothing is
saved), else load it (the loader moves SEQUENCE on for what calendars see), write one audit
entry with what changed before and after, and rewrite the conference's agenda file under the
instance folder (the file `minbar init` rebuilds the database from). The caller commits.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from conference import audit
from conference.agenda import guard, validate
from conference.agenda.load import load
from conference.agenda.schema import GENDERS, ConferenceSpec, Finding
from conference.errors import MinbarError
from conference.models import Conference
from conference.workspace import agenda_file, edits


def finding_json(f: Finding) -> dict:
    """A finding as the API gives it: `reason` and `params` say which sentence with which values
    (conference/finding_text.py says it in the reader's language)."""
    where = {k: v for k, v in (("line", f.where.line), ("item", f.where.item),
                               ("slot", f.where.slot), ("field", f.where.field)) if v is not None}
    params = {k: v if isinstance(v, (str, int)) else str(v) for k, v in f.params}
    return {"level": f.level, "code": f.code, "message": f.message, "where": where,
            "reason": f.reason, "params": params}


def check(spec: ConferenceSpec) -> list[Finding]:
    """The engine's findings, plus the workspace's fields it does not know (rapporteurs,
    interpreters, gender)."""
    findings = validate.validate(spec) + guard.spec_findings(spec)   # ids' lengths, names on one line
    people = {p.id for p in spec.people}
    for item in spec.items:
        for key in item.rapporteurs:
            if key not in people:
                findings.append(Finding("error", "unknown_person", replace(item.where, item=item.id, field="rapporteurs"),
                                        f"item {item.id}: the rapporteur '{key}' is not declared in [[people]]",
                                        (("item", item.id), ("person", key)), "rapporteur"))
    for booth in spec.booths:
        for key in booth.interpreters:
            if key not in people:
                findings.append(Finding("error", "unknown_person", replace(booth.where, field="interpreters"),
                                        f"booth {booth.language}: the interpreter '{key}' is not declared in [[people]]",
                                        (("booth", booth.language), ("person", key)), "interpreter"))
    for person in spec.people:
        if person.gender is not None and person.gender not in GENDERS:
            findings.append(Finding("error", "bad_value", replace(person.where, field="gender"),
                                    f"person {person.id}: gender '{person.gender}' should be one of "
                                    f"{', '.join(GENDERS)}", (("person", person.id), ("gender", person.gender)),
                                    "gender"))
    return findings


def refuse_if_invalid(spec: ConferenceSpec, code: str = "conflict") -> list[Finding]:
    findings = check(spec)
    errors = [f for f in findings if f.level == "error"]
    if errors:
        raise MinbarError(code, "The agenda would not be valid: " + "; ".join(f.message for f in errors),
                          findings=[finding_json(f) for f in errors])
    return findings


def change(db: Session, conf: Conference, *, now: datetime, actor: str, action: str, edit,
           instance: str | Path | None, session: str | None = None, target: str = "") -> ConferenceSpec:
    before = agenda_file.spec_from_db(db, conf)
    after = edit(before)
    refuse_if_invalid(after)
    load(after, db, now)
    db.flush()
    saved = agenda_file.spec_from_db(db, conf)
    old, new = differences(before, saved)
    audit.record(db, conf, actor=actor, action=action, now=now, session=session, target=target,
                 before=old, after=new)
    if instance is not None:
        agenda_file.write_copy(instance, saved)
    return saved


def differences(before: ConferenceSpec, after: ConferenceSpec) -> tuple[dict, dict]:
    """What changed, as {"person:KEY"|"session:ID"|"slot:ID"|"booth:LANG": table} before and after."""
    def tables(spec):
        out = {}
        for p in spec.people:
            out[f"person:{p.id}"] = agenda_file._person(p)
        for i in spec.items:
            table = agenda_file._item(i)
            table.pop("slots", None)
            table["day"] = i.day.isoformat()
            out[f"session:{i.id}"] = table
            for position, s in enumerate(i.slots):
                out[f"slot:{s.id}"] = {**agenda_file._slot(s), "position": position}
        for b in spec.booths:
            out[f"booth:{b.language}"] = {"interpreters": list(b.interpreters)}
        return out

    old, new = tables(before), tables(after)
    keys = [k for k in dict.fromkeys(list(old) + list(new)) if old.get(k) != new.get(k)]
    return ({k: old.get(k) for k in keys}, {k: new.get(k) for k in keys})


def import_agenda(db: Session, text: str, *, now: datetime, actor: str, instance, slug: str | None = None,
                  source: str = "<upload>") -> Conference:
    """Create a new conference from an agenda file's text (400 with the findings if invalid,
    409 if its slug is taken)."""
    from conference.agenda.parse import parse_text

    spec, findings = parse_text(text, source)
    if spec is None or validate.has_errors(findings):
        raise MinbarError("bad_request", "The agenda file has errors; nothing was imported.",
                          findings=[finding_json(f) for f in findings if f.level == "error"])
    if slug:
        spec = replace(spec, slug=slug)
    return create(db, spec, now=now, actor=actor, instance=instance, action="workspace.conference.import")


def create(db: Session, spec: ConferenceSpec, *, now: datetime, actor: str, instance, action: str) -> Conference:
    from sqlalchemy import select

    refuse_if_invalid(spec, code="bad_request")
    if db.scalar(select(Conference.id).where(Conference.slug == spec.slug)) is not None:
        raise MinbarError("conflict", f"There is already a conference '{spec.slug}'.")
    load(spec, db, now)
    db.flush()
    conf = db.scalar(select(Conference).where(Conference.slug == spec.slug))
    audit.record(db, conf, actor=actor, action=action, now=now, target=f"conference:{spec.slug}",
                 before=None, after={"slug": spec.slug, "first_day": conf.first_day.isoformat() if conf.first_day else None})
    if instance is not None:
        agenda_file.write_copy(instance, agenda_file.spec_from_db(db, conf))
    return conf


def clone_conference(db: Session, conf: Conference, *, slug: str, first_day, now: datetime, actor: str,
                     instance) -> Conference:
    spec = agenda_file.spec_from_db(db, conf)
    new = edits.clone(spec, slug, first_day)
    created = create(db, new, now=now, actor=actor, instance=instance, action="workspace.conference.clone")
    audit.record(db, conf, actor=actor, action="workspace.conference.clone", now=now,
                 target=f"conference:{slug}", before=None, after={"slug": slug, "first_day": first_day.isoformat()})
    return created
