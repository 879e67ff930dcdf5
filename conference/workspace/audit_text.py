"""The audit log's before and after told as sentences in the reader's language.

`describe(entry, language, names)` gives the sentences of one `conference.audit.Entry` written by
the workspace ("Start of Plenary 1 moved from 10:00 to 10:30", "Link for Chair revoked"); the
page shows them and keeps the raw values beside them (a details element), the API and the CSV
keep the raw values only. `names` (`Names`) says what ids are called: session titles, people's
names, slots' roles, links' roles, role labels already in `language`. An entry it cannot tell
(a live command's state) gives no sentence: the raw values stay. Plain Python, no Flask.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from conference import i18n
from conference.i18n import N_

START = N_("Start of %(what)s moved from %(old)s to %(new)s")
END = N_("End of %(what)s moved from %(old)s to %(new)s")
DAY = N_("%(what)s moved from %(old)s to %(new)s")
POSITION = N_("%(what)s moved from position %(old)s to %(new)s")
CHANGED = N_("%(field)s of %(what)s changed from %(old)s to %(new)s")
SET = N_("%(field)s of %(what)s set to %(new)s")
CLEARED = N_("%(field)s of %(what)s cleared (it was %(old)s)")
ADDED = N_("%(what)s added")
REMOVED = N_("%(what)s removed")
BOOTH = N_("%(language)s booth")
LINK_ISSUED = N_("Link for %(role)s issued")
LINK_ISSUED_TO = N_("Link for %(role)s issued to %(name)s")
LINK_REVOKED = N_("Link for %(role)s revoked")
LINK_REVOKED_OF = N_("Link for %(role)s of %(name)s revoked")
INVITED = N_("Invitation sent to %(to)s")
BULK = N_("Links for %(group)s: %(issued)s issued, %(held)s already held")
MAILED = N_("Mailed to: %(names)s")
NO_EMAIL = N_("Not mailed, no e-mail address: %(names)s")
MAIL_FAILED = N_("The e-mail could not be sent to: %(names)s")
EMAIL = N_("E-mail address of %(what)s changed")
NOTHING = N_("none")
BULK_GROUPS = {"speakers": N_("the speakers of %(what)s"), "interpreters": N_("the interpreters of the %(what)s"),
               "chairs": N_("the chairs")}
FIELDS = {
    "minutes": N_("Speaking time (minutes)"), "speaker": N_("Speaker"), "chair": N_("Chair or facilitator"),
    "rapporteurs": N_("Rapporteur"), "title": N_("Title"), "name": N_("Name"), "delegation": N_("Delegation"),
    "group": N_("Stakeholder group"), "language": N_("Language"), "rank": N_("Protocol rank"),
    "gender": N_("Gender (optional)"), "interpreters": N_("Interpreter"), "organisation": N_("Organisation"),
    "kind": N_("Kind"), "description": N_("Description"), "role": N_("Role"),
}
PEOPLE_FIELDS = ("speaker", "rapporteurs", "interpreters")


@dataclass
class Names:
    """What the ids of the log are called, in the reader's language."""
    sessions: dict[str, str] = field(default_factory=dict)     # session key -> title
    people: dict[str, str] = field(default_factory=dict)       # person key -> name
    slots: dict[str, str] = field(default_factory=dict)        # slot key -> its role ("State A")
    links: dict[str, tuple[str, str]] = field(default_factory=dict)   # link id -> (role, holder)
    roles: dict[str, str] = field(default_factory=dict)        # role code -> label
    languages: dict[str, str] = field(default_factory=dict)    # language code -> its name


def describe(entry, language: str, names: Names) -> list[str]:
    def say(message: str, **values) -> str:
        return i18n.gettext(language, message, **values)

    action, before, after = entry.action, entry.before, entry.after
    link = entry.target.partition(":")[2] if entry.target.startswith("link:") else None
    if action == "workspace.link.issue" and isinstance(after, dict):
        role = names.roles.get(after.get("role"), after.get("role") or "")
        who = names.people.get(after.get("person") or "")
        return [say(LINK_ISSUED_TO, role=role, name=who) if who else say(LINK_ISSUED, role=role)]
    if action == "workspace.link.revoke":
        role, holder = names.links.get(link or "", ("", ""))
        role = names.roles.get(role, role)
        return [say(LINK_REVOKED_OF, role=role, name=holder) if holder else say(LINK_REVOKED, role=role)]
    if action == "workspace.link.invite" and isinstance(after, dict):
        return [say(INVITED, to=after.get("to", ""))]
    if action == "workspace.link.bulk" and isinstance(after, dict):
        return _bulk(after, names, say)
    if action == "workspace.person.email":
        return [say(EMAIL, what=names.people.get(entry.target.partition(":")[2], entry.target))]
    if action.startswith("workspace.") and isinstance(before, dict) and isinstance(after, dict):
        lines = []
        for label in dict.fromkeys(list(before) + list(after)):
            if ":" in label:
                lines += _changes(label, before.get(label), after.get(label), language, names, say)
        return lines
    return []


def _bulk(after: dict, names: Names, say) -> list[str]:
    group = after.get("group")
    what = names.sessions.get(after.get("session") or "", after.get("session") or "")
    if group == "interpreters":
        what = say(BOOTH, language=names.languages.get(after.get("booth") or "", after.get("booth") or ""))
    lines = [say(BULK, group=say(BULK_GROUPS.get(group, group or ""), what=what),
                 issued=len(after.get("issued") or []), held=len(after.get("held") or []))]
    for key, message in (("mailed", MAILED), ("without_email", NO_EMAIL), ("failed", MAIL_FAILED)):
        if after.get(key):
            lines.append(say(message, names=", ".join(names.people.get(k, k) for k in after[key])))
    return lines


def _thing(label: str, table: dict | None, language: str, names: Names, say) -> str:
    kind, _sep, key = label.partition(":")
    if kind == "session":
        return names.sessions.get(key) or _pick((table or {}).get("title"), language) or key
    if kind == "person":
        return names.people.get(key) or _pick((table or {}).get("name"), language) or key
    if kind == "slot":
        return names.slots.get(key) or _pick((table or {}).get("role"), language) or key
    if kind == "booth":
        return say(BOOTH, language=names.languages.get(key, key))
    return key


def _pick(text, language: str) -> str:
    if isinstance(text, dict):
        return i18n.pick(text, language)
    return text if isinstance(text, str) else ""


def _value(name: str, value, language: str, names: Names, say) -> str:
    if value is None or value == [] or value == "":
        return say(NOTHING)
    if name == "chair" and isinstance(value, dict):
        return names.people.get(value.get("person") or "", value.get("person") or "") or say(NOTHING)
    if name in PEOPLE_FIELDS:
        keys = value if isinstance(value, list) else [value]
        return ", ".join(names.people.get(k, str(k)) for k in keys)
    if name == "language":
        return names.languages.get(value, str(value))
    if isinstance(value, dict):
        return _pick(value, language)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if value is True:
        return "✓"
    return str(value)


def _changes(label: str, old, new, language: str, names: Names, say) -> list[str]:
    what = _thing(label, new or old, language, names, say)
    if old is None:
        return [say(ADDED, what=what)]
    if new is None:
        return [say(REMOVED, what=what)]
    lines = []
    for name in dict.fromkeys(list(old) + list(new)):
        was, now = old.get(name), new.get(name)
        if was == now or name in ("id", "sequence", "tbd"):   # "tbd" goes with the speaker set or cleared
            continue
        if name == "chair" and isinstance(was, dict) and isinstance(now, dict) \
                and was.get("person") == now.get("person"):
            continue
        if name in ("start", "end", "day"):
            message = {"start": START, "end": END, "day": DAY}[name]
            lines.append(say(message, what=what, old=was or say(NOTHING), new=now or say(NOTHING)))
        elif name == "position":
            lines.append(say(POSITION, what=what, old=(was or 0) + 1, new=(now or 0) + 1))
        else:
            field_name = say(FIELDS[name]) if name in FIELDS else name
            old_text, new_text = (_value(name, v, language, names, say) for v in (was, now))
            if was in (None, "", []):
                lines.append(say(SET, field=field_name, what=what, new=new_text))
            elif now in (None, "", []):
                lines.append(say(CLEARED, field=field_name, what=what, old=old_text))
            else:
                lines.append(say(CHANGED, field=field_name, what=what, old=old_text, new=new_text))
    return lines
