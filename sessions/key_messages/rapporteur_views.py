"""Key messages on the web: what the four route modules share (labels, reference lists).

Each module registers its own blueprint, named after it (`conference.app.BLUEPRINT_MODULES`):
- `sessions.key_messages.api` (`key_message_api.*`): the key-messages HTTP API and its versions
  (docs/key-messages.md);
- `sessions.key_messages.rapporteur_console` (`rapporteur_console.*`): the rapporteur console, shared by
  rapporteurs and translators;
- `sessions.key_messages.outcome_views` (`outcome_views.*`): the outcome document (`.html`, `.md`, `.docx`);
- `sessions.key_messages.presentation_views` (`presentation_views.*`): presentation mode (the projector view).

Each route's guard (`conference.guard`) decides who may, asking `speakers.policy`.
"""
from __future__ import annotations

from conference import i18n, queries
from conference.agenda.schema import STAKEHOLDER_GROUPS
from conference.web import N_, _, lang
from sessions.key_messages.core import PRINCIPLES

GROUP_LABELS = {
    "member_state": N_("Member States"),
    "observer_state": N_("Observer States"),
    "un_entity": N_("United Nations entities"),
    "intergovernmental": N_("Intergovernmental organisations"),
    "civil_society": N_("Civil society"),
    "migrants": N_("Migrants and diaspora"),
    "trade_union": N_("Trade unions"),
    "private_sector": N_("Private sector"),
    "academia": N_("Academia"),
    "nhri": N_("National human rights institutions"),
    "local_authority": N_("Local authorities"),
    "faith_based": N_("Faith-based organisations"),
    "media": N_("Media"),
    "red_cross_red_crescent": N_("Red Cross and Red Crescent"),
    "parliamentarian": N_("Parliamentarians"),
    "other": N_("Other stakeholders"),
}
assert set(GROUP_LABELS) == set(STAKEHOLDER_GROUPS)

OUTCOME_LABELS = {
    "by_session": N_("Key messages by session"),
    "by_objective": N_("Key messages by objective"),
    "coverage": N_("Coverage of the 23 objectives"),
    "objective": N_("Objective"),
    "objectives": N_("Objectives"),
    "principles": N_("Guiding principles"),
    "sessions": N_("Sessions"),
    "draft": N_("Draft"),
    "none": N_("No key message yet"),
    "pending_ar": N_("Original in Arabic — translation pending"),
    "pending_en": N_("Original in English — translation pending"),
    "pending_fr": N_("Original in French — translation pending"),
    "languages": N_("Key messages in each language"),
    "message": N_("Key message"),
    "language_ar": N_("Arabic"),
    "language_en": N_("English"),
    "language_fr": N_("French"),
    "state_original": N_("Original"),
    "state_complete": N_("Agreed translation"),
    "state_draft": N_("Translation in progress"),
    "state_out_of_date": N_("Translation out of date"),
    "state_missing": N_("Not translated"),
}
# The languages a key message may be written in, named in the reader's language.
LANGUAGE_LABELS = {"ar": N_("Arabic"), "en": N_("English"), "fr": N_("French")}


def group_label(group: str | None) -> str | None:
    return _(GROUP_LABELS[group]) if group in GROUP_LABELS else group


def reference(db) -> tuple[dict, dict]:
    objectives = {n: i18n.pick(o.title, lang()) for n, o in sorted(queries.objectives(db).items())}
    principles = {p.key: i18n.pick(p.title, lang()) for p in queries.principles(db)}
    return objectives, {key: principles.get(key, key) for key in PRINCIPLES}

