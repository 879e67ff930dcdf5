"""What the workspace's pages call things: the navigation, and the labels of groups, roles, audit
actions, link states and the links page's messages (marked for translation, said in the page's
language by the templates)."""
from __future__ import annotations

from conference.i18n import N_
from speakers import sign_in_audit

NAV = (
    ("workspace.people_page", N_("People and assignments")),
    ("workspace.links_page", N_("Links")),
    ("workspace.schedule_page", N_("Reschedule")),
    ("workspace.audit_page", N_("Audit log")),
    ("workspace.balance_page", N_("Balance")),
    ("registration_workspace.page", N_("Registrations")),
    ("speakers_list_views.workspace_page", N_("Lists of speakers")),
)
GROUP_LABELS = {
    "member_state": N_("Member State"), "observer_state": N_("Observer State"), "un_entity": N_("UN entity"),
    "intergovernmental": N_("Intergovernmental organisation"), "civil_society": N_("Civil society"),
    "migrants": N_("Migrants and diaspora"), "trade_union": N_("Trade union"),
    "private_sector": N_("Private sector"), "academia": N_("Academia"),
    "nhri": N_("National human rights institution"), "local_authority": N_("Local authority"),
    "faith_based": N_("Faith-based organisation"), "media": N_("Media"),
    "red_cross_red_crescent": N_("Red Cross and Red Crescent"), "parliamentarian": N_("Parliamentarian"),
    "other": N_("Other"),
}
BALANCE_LABELS = {
    "state": N_("States"), "un": N_("United Nations"), "civil_society": N_("Civil society"),
    "private_sector": N_("Private sector"), "open_discussion": N_("Open discussion"),
    "tbd": N_("To be determined"), "unknown": N_("Not given"), "female": N_("Women"),
    "male": N_("Men"), "total": N_("Total"), "intergovernmental": N_("Intergovernmental organisations"),
    "other": N_("Other"),
}
DIMENSION_LABELS = {"group": N_("By stakeholder group"), "delegation": N_("By delegation"),
                    "kind": N_("By kind of speaker"), "gender": N_("By gender")}
ROLE_LABELS = {"organiser": N_("Organiser"), "chair": N_("Chair"), "rapporteur": N_("Rapporteur"),
               "interpreter": N_("Interpreter"), "speaker": N_("Speaker"), "participant": N_("Participant"),
               "translator": N_("Translator"), "focal_point": N_("Focal point")}

# What the audit page says beside an action's code (the sign-in events, `speakers.sign_in_audit`).
ACTION_LABELS = {
    sign_in_audit.SIGNED_IN: N_("Organiser signed in"),
    sign_in_audit.REFUSED: N_("Sign-in refused"),
    sign_in_audit.THROTTLED: N_("Sign-ins paused for a minute after repeated failures"),
    sign_in_audit.FLOOD: N_("Too many refused sign-ins this minute, the next ones are not recorded"),
    sign_in_audit.LINK: N_("Access link opened"),
    sign_in_audit.SIGNED_OUT: N_("Signed out"),
}
REFUSAL_LABELS = {"unknown_account": N_("unknown account"), "wrong_password": N_("wrong password"),
                  "disabled": N_("account disabled")}


# The roles the people table filters by: what the agenda assigns.
FILTER_ROLES = ("chair", "speaker", "rapporteur", "interpreter")
# The role menu of "Issue a link", least powerful first (the default), the organiser last.
ROLE_MENU = ("participant", "speaker", "translator", "interpreter", "rapporteur", "chair", "organiser")
STATUS_LABELS = {"active": N_("Active"), "revoked": N_("Revoked"), "expired": N_("Expired")}
# What static/js/workspace-links.js says after a save on the links and people pages (#workspace-saved).
LINKS_MESSAGES = {
    "saved": N_("Saved."),
    "issued": N_("Link issued: the new row is highlighted."),
    "added": N_("Person added: the new row is highlighted."),
    "bulk": N_("%(issued)s new links issued, %(held)s already held: the new rows are highlighted."),
    "mailed": N_("Mailed to: %(names)s"),
    "no_email": N_("Not mailed, no e-mail address: %(names)s"),
    "failed": N_("The e-mail could not be sent to: %(names)s"),
    "confirm_organiser": N_("Tick the confirmation first: an organiser's link can change everything in this "
                            "conference."),
    "revoked": N_("Link revoked."),
    "invited": N_("Invitation sent to %(to)s"),
}
BULK_LABELS = {"speakers": N_("Every speaker of a session"), "interpreters": N_("Every interpreter of a booth"),
               "chairs": N_("Every chair")}
