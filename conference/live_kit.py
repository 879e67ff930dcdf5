"""The strings of the live kit (static/js/live.js), translated for the page: what the connection
indicator says, how the console explains a refused or stale command, undo, and the phases
announced to screen readers. Templates put them in `<script type="application/json"
id="live-texts">` through the template global `live_texts()` (templates/_macros/live_kit.html).
"""
from __future__ import annotations

from babel import Locale
from flask import Blueprint

from conference.i18n import N_
from conference.web import _, lang
from timing import un_dates

bp = Blueprint("live_kit", __name__)

LABELS = {
    # The connection indicator, on every live page.
    "connecting": N_("Connecting…"),
    "connected": N_("Connected"),
    "disconnected": N_("Connection lost — reconnecting…"),
    "refused": N_("This link is no longer accepted (revoked or expired). Ask the secretariat for a new one."),
    "labelled": N_("%(label)s: %(value)s"),      # French: a narrow no-break space before the colon
    "offline_command": N_("Not sent: the connection is lost. Nothing will be sent later; try again once reconnected."),
    "timeout": N_("No answer from the server."),
    # Announced once to screen readers.
    "phase_warning": N_("The speaker's time is almost up."),
    "phase_overrun": N_("The speaker's time is up."),
    # The chair console.
    "stale_next": N_("Another operator moved to the next speaker; the console shows the current state."),
    "stale_prev": N_("Another operator went back to an earlier speaker; the console shows the current state."),
    "stale_timer": N_("Another operator changed the timer; the console shows the current state."),
    "stale": N_("The session changed on another screen; the console shows the current state."),
    "undo": N_("Undo"),
    "undone": N_("Undone."),
    "nothing_to_undo": N_("There is nothing left to undo: the session has changed since."),
    "reset_confirm": N_("Press Reset again to clear the running timer."),
    "reset_again": N_("Press again to reset"),
    "paused_stage": N_("Paused"),
    "next_up": N_("Next: %(name)s"),
    "has_floor": N_("Has the floor"),
}


def time_format(language: str) -> dict:
    """The time pattern the server writes with (timing/un_dates.py: 24-hour in English and French,
    the locale's own `h:mm a` in Arabic, "11:15 ص"), with the locale's AM and PM markers:
    Minbar.formatTime (static/js/live-rules.js) draws the live pages' clocks with it, so server
    and browser write a time the same way."""
    periods = Locale.parse(language).day_periods["format"]["abbreviated"]
    return {"pattern": un_dates.time_pattern(language), "am": periods["am"], "pm": periods["pm"]}


@bp.app_template_global("live_texts")
def live_texts() -> dict:
    """The kit's strings in the page's language, and its time pattern."""
    return {"labels": {name: _(message) for name, message in LABELS.items()},
            "time_format": time_format(lang())}
