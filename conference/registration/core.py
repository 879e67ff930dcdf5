"""Registration's rules, pure: what a registration is made of, when the page is open, the signed
fill-time stamp, the limits, duplicates, tokens, what approval makes of a registration, and what
the purge deletes. No Flask, no database: the time comes in as `now`.

Refusals are `MinbarError`s whose message is a catalogue msgid (`N_`): the API answers it in
English, the page translates it; `field` names the form field it is about.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from conference.agenda import guard
from conference.agenda.schema import GENDERS, STAKEHOLDER_GROUPS
from conference.errors import MinbarError
from conference.i18n import N_

LANGUAGES = ("ar", "en", "fr")
# The groups the form offers, in the order UN practice lists them: States, observers and
# intergovernmental bodies, the United Nations, then the GCM's other stakeholders.
GROUPS = ("member_state", "observer_state", "intergovernmental", "un_entity") + tuple(
    g for g in STAKEHOLDER_GROUPS if g not in ("member_state", "observer_state", "intergovernmental", "un_entity"))
# Levels of representation, highest first; the number is the person's `rank`.
LEVELS = {1: "head_of_state", 2: "deputy_head", 3: "minister", 4: "vice_minister",
          5: "head_of_delegation", 6: "other"}
STATUSES = ("unconfirmed", "pending", "approved", "declined")
CONFIRMATION_HOURS = 48
FORM_MAX_AGE = timedelta(hours=12)
LIMIT_WINDOW_ADDRESS = timedelta(hours=1)
LIMIT_WINDOW_EMAIL = timedelta(hours=24)
MAX_TEXT, MAX_NEEDS, MAX_REASON = 200, 1000, 1000
_EMAIL = re.compile(r"^[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\".]+$")


@dataclass(frozen=True)
class Submission:
    """A registration as the person sent it, checked."""

    name: str
    name_latin: str
    title: str
    function: str
    rank: int | None
    delegation: str
    group: str
    email: str
    language: str
    gender: str | None
    needs: str


def _refuse(field: str, message: str) -> MinbarError:
    return MinbarError("bad_request", message, field=field)


def _text(values: dict, field: str, required: bool, limit: int = MAX_TEXT, lines: bool = False) -> str:
    value = values.get(field)
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise _refuse(field, N_("This field should be a text."))
    value = value.strip()
    if required and not value:
        raise _refuse(field, N_("This field is required."))
    if len(value) > limit:
        raise _refuse(field, N_("This field is too long."))
    if not lines and not guard.single_line(value):
        raise _refuse(field, N_("This field should be one line."))
    if lines and any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in value.replace("\r\n", "\n")):
        raise _refuse(field, N_("This field contains a control character."))
    return value


def latin(text: str) -> bool:
    """Only Latin letters (with their accents), spaces and the punctuation of names."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


def submission(values: dict) -> Submission:
    """The fields of a form or a JSON body, checked; the first problem refused with its field.
    `name` is a text (in the person's own script) or, as in the people API, texts per language;
    `name_latin` may be left out when a name per language gives one in Latin letters."""
    values = dict(values)
    name = values.get("name")
    name_latin = values.get("name_latin")
    if isinstance(name, dict):
        texts = {k: v for k, v in name.items() if isinstance(v, str) and v.strip()}
        own = values.get("language") if values.get("language") in texts else None
        values["name"] = texts.get(own) or next(iter(texts.values()), "")
        if not name_latin:
            values["name_latin"] = next((v for v in texts.values() if latin(v)), "")
    clean_name = _text(values, "name", True)
    clean_latin = _text(values, "name_latin", False) or (clean_name if latin(clean_name) else "")
    if not clean_latin:
        raise _refuse("name_latin", N_("Write your name in Latin letters too."))
    if not latin(clean_latin):
        raise _refuse("name_latin", N_("This name should be in Latin letters."))
    email = _text(values, "email", True, 254)
    if not _EMAIL.match(email):
        raise _refuse("email", N_("This is not an e-mail address."))
    group = values.get("group")
    if group not in GROUPS:
        raise _refuse("group", N_("Choose a group from the list."))
    language = values.get("language")
    if language not in LANGUAGES:
        raise _refuse("language", N_("Choose a language from the list."))
    gender = values.get("gender") or None
    if gender is not None and gender not in GENDERS:
        raise _refuse("gender", N_("Choose from the list, or leave it empty."))
    rank = values.get("rank")
    if isinstance(rank, str):
        rank = int(rank) if rank.strip().isdigit() else (None if not rank.strip() else -1)
    if rank is not None and (isinstance(rank, bool) or not isinstance(rank, int) or rank not in LEVELS):
        raise _refuse("rank", N_("Choose a level from the list."))
    return Submission(name=clean_name, name_latin=clean_latin, title=_text(values, "title", False),
                      function=_text(values, "function", False), rank=rank,
                      delegation=_text(values, "delegation", True), group=group, email=email,
                      language=language, gender=gender,
                      needs=_text(values, "needs", False, MAX_NEEDS, lines=True).replace("\r\n", "\n"))


# -- when the page is open -------------------------------------------------------------------

def window(opens_at: datetime | None, closes_at: datetime | None, now: datetime) -> str:
    """"open", "not_yet" (before the opening, or no opening set: closed until the secretariat
    opens it) or "closed" (after the closing)."""
    if opens_at is None or now < opens_at:
        return "not_yet"
    if closes_at is not None and now >= closes_at:
        return "closed"
    return "open"


def require_open(opens_at, closes_at, now) -> None:
    if window(opens_at, closes_at, now) != "open":
        raise MinbarError("forbidden", N_("Registration for this conference is not open."),
                          reason="registration_closed")


# -- keys, tokens and the form's stamp -------------------------------------------------------

def email_key(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode("utf-8")).hexdigest()


def source_key(address: str, secret: str) -> str:
    """The client's address as an HMAC under the app's secret: comparable, never readable."""
    return hmac.new(secret.encode("utf-8"), b"registration-source:" + address.encode("utf-8"),
                    hashlib.sha256).hexdigest()


def new_token() -> tuple[str, str]:
    """A confirmation token (e-mailed once) and its SHA-256 (kept)."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def confirmation_expiry(now: datetime) -> datetime:
    return now + timedelta(hours=CONFIRMATION_HOURS)


def _stamp_mac(ms: int, secret: str) -> str:
    return hmac.new(secret.encode("utf-8"), f"registration-form:{ms}".encode(), hashlib.sha256).hexdigest()[:32]


def form_stamp(now: datetime, secret: str) -> str:
    """The instant the form was served, signed: the page sends it back with the form."""
    ms = int(now.timestamp() * 1000)
    return f"{ms}.{_stamp_mac(ms, secret)}"


def check_form(stamp: str | None, honeypot: str | None, now: datetime, secret: str, min_seconds: float) -> None:
    """The form's two traps: the field people do not see must be empty, and the form must have
    taken at least `min_seconds` to fill (and be from the last hours)."""
    if honeypot:
        raise MinbarError("bad_request", N_("The form was not filled in as expected. Please try again."),
                          reason="honeypot")
    ms_text, _dot, mac = (stamp or "").partition(".")
    if not ms_text.isdigit() or not hmac.compare_digest(mac, _stamp_mac(int(ms_text), secret)):
        raise MinbarError("bad_request", N_("The form has expired. Please fill it in again."), reason="stamp")
    age = now.timestamp() - int(ms_text) / 1000
    if age > FORM_MAX_AGE.total_seconds() or age < 0:
        raise MinbarError("bad_request", N_("The form has expired. Please fill it in again."), reason="stamp")
    if age < min_seconds:
        raise MinbarError("bad_request", N_("The form was sent too quickly. Please check it and send it again."),
                          reason="too_fast")


def check_address_limit(from_address: int, per_address: int) -> None:
    """`from_address` registrations from this client address in the last hour, against the limit
    (0: no limit). Refused openly: it says nothing about any account."""
    if per_address and from_address >= per_address:
        raise MinbarError("rate_limited", N_("Too many registrations were sent from here. Please try again later."))


def email_limited(for_email: int, per_email: int) -> bool:
    """Whether `for_email` registrations for this e-mail address in the last day reach the limit
    (0: no limit). Never refused openly — that would tell a stranger the address registered
    lately: the caller answers as for any address, and keeps and sends nothing."""
    return bool(per_email) and for_email >= per_email


# -- the secretariat's view ------------------------------------------------------------------

def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def duplicates(rows) -> dict[int, list[str]]:
    """For each row that has one, why it looks like another (`same_email`, `same_name_and_delegation`):
    rows are anything with `id`, `email_key`, `name_latin`, `delegation`."""
    by_email: dict[str, list[int]] = {}
    by_name: dict[tuple, list[int]] = {}
    for row in rows:
        by_email.setdefault(row.email_key, []).append(row.id)
        by_name.setdefault((_fold(row.name_latin), _fold(row.delegation)), []).append(row.id)
    found: dict[int, list[str]] = {}
    for reason, groups in (("same_email", by_email), ("same_name_and_delegation", by_name)):
        for ids in groups.values():
            if len(ids) > 1:
                for id_ in ids:
                    found.setdefault(id_, []).append(reason)
    return found


def reason(text) -> str:
    if text is None:
        return ""
    if not isinstance(text, str):
        raise MinbarError("bad_request", N_("The reason should be a text."), field="reason")
    text = text.strip()
    if len(text) > MAX_REASON:
        raise MinbarError("bad_request", N_("This field is too long."), field="reason")
    return text


def decidable(status: str) -> None:
    """Only a confirmed registration waiting for a decision is decided."""
    if status == "unconfirmed":
        raise MinbarError("invalid_state", N_("This registration's e-mail address is not confirmed yet."))
    if status != "pending":
        raise MinbarError("invalid_state", N_("This registration was already decided."), status=status)


def person_names(name: str, name_latin: str) -> dict:
    """A person's name per conference language: the Arabic page shows an Arabic-script name
    when the person gave one, every other page the name in Latin letters."""
    arabic = any("ARABIC" in unicodedata.name(c, "") for c in name)
    return {"ar": name if arabic else name_latin, "en": name_latin, "fr": name_latin}


def person_key(name_latin: str, taken) -> str:
    """A readable, unused key for the person approval creates (`amira-haddad`, `amira-haddad-2`)."""
    plain = unicodedata.normalize("NFKD", name_latin).encode("ascii", "ignore").decode("ascii").lower()
    base = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40].strip("-") or "participant"
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}-{n}"
    return key


# -- what is kept ----------------------------------------------------------------------------

def purgeable(status: str, created_at: datetime, decided_at: datetime | None, now: datetime,
              retention_days: int) -> bool:
    """A declined registration `retention_days` after the decision, an unconfirmed one (or one
    never decided) as long after it was sent. Approved and pending ones stay."""
    cutoff = now - timedelta(days=retention_days)
    if status == "declined":
        return (decided_at or created_at) <= cutoff
    if status == "unconfirmed":
        return created_at <= cutoff
    return False


def csv_cell(value) -> str:
    """A cell a spreadsheet will not run: text starting with = + - @ (or a tab, a carriage
    return) gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
