"""An agenda's findings and the workspace's refusals in the reader's language.

The agenda engine stays English and free of Flask (`conference/agenda/`): each finding carries its
`reason` (its code, or `code.variant` when a code has several sentences) and the values it names
(`params`). Here, at the edge, a reason becomes a sentence of the catalogues and the values are put
in it isolated from the sentence around them: `<bdi>` on a page (escaped), Unicode isolates
(U+2068 or, for a time, U+2066 … U+2069) in the API's plain text. A session's id is named by its title where the page
knows it. A reason this module does not know is left in English; its caller marks it `lang="en"`.
The command line (`minbar agenda check`) keeps the engine's English messages.
"""
from __future__ import annotations

from datetime import date

from markupsafe import Markup

from conference import i18n
from conference.i18n import N_

FSI, LRI, PDI = "\u2068", "\u2066", "\u2069"
MINUTES = ("%(num)d minute", "%(num)d minutes")     # the catalogues' one wording of minutes
SESSIONS = frozenset({"item", "other"})              # values that are a session's id
COUNTS = frozenset({"minutes", "total", "length"})   # values that are a number of minutes
DAYS = frozenset({"day"})
BOOTHS = {"ar": N_("Arabic"), "en": N_("English"), "fr": N_("French")}
WALL = frozenset({"item_span", "other_span", "start", "end", "time"})   # "10:00", "10:00-11:00"

INVALID = N_("The agenda would not be valid.")
TEXTS = {
    "overlap": N_("%(item)s (%(item_span)s) overlaps %(other)s (%(other_span)s) on %(day)s by %(minutes)s."),
    "end_before_start": N_("%(item)s ends at %(end)s, which is not after its start at %(start)s."),
    "slots_exceed_item": N_("The speaking times of %(item)s add up to %(total)s, but the session "
                            "lasts %(length)s (%(item_span)s)."),
    "bad_day.item": N_("%(item)s is on %(day)s, which is not one of the conference's days."),
    "nonexistent_time": N_("%(item)s: %(time)s on %(day)s does not exist in %(zone)s (the clocks "
                           "skip it when daylight saving time starts)."),
    "ambiguous_time": N_("%(item)s: %(time)s on %(day)s happens twice in %(zone)s (the clocks go "
                         "back when daylight saving time ends)."),
    "unknown_person.chair": N_("%(item)s: the chair %(person)s is not among the conference's people."),
    "unknown_person.speaker": N_("%(item)s: the speaker %(person)s is not among the conference's people."),
    "unknown_person.rapporteur": N_("%(item)s: the rapporteur %(person)s is not among the conference's people."),
    "unknown_person.interpreter": N_("The %(booth)s booth: the interpreter %(person)s is not among the "
                                     "conference's people."),
    "bad_value.gender": N_("%(person)s: the gender %(gender)s is not one the agenda knows."),
    "duplicate_id.item": N_("Two sessions have the id %(id)s."),
    "duplicate_id.slot": N_("%(item)s: the speaking slot %(slot)s has the id of a slot of %(other)s."),
    "bad_id.item": N_("The session id %(id)s may contain only lowercase letters, digits and single hyphens."),
    "bad_id.slot": N_("The speaking slot id %(id)s may contain only lowercase letters, digits and single hyphens."),
    "bad_id.person": N_("The person's id %(id)s may contain only lowercase letters, digits and single hyphens."),
    "duplicate_id.person": N_("Two people have the id %(id)s."),
    "unknown_kind.item": N_("%(item)s: %(value)s is not a kind of session."),
    "unknown_kind.slot": N_("%(item)s: the speaking slot %(slot)s is of a kind the agenda does not know, %(value)s."),
    "unknown_kind.chair": N_("%(item)s: %(value)s is not a chair's title the agenda knows."),
    "unknown_kind.group": N_("%(person)s: %(value)s is not a stakeholder group."),
    "bad_value.rank": N_("%(person)s: the rank %(value)s should be 1 or more."),
    "bad_value.slot_minutes": N_("%(item)s: the speaking slot %(slot)s has %(value)s minutes; a speaking time is 1 minute or more."),
    # Refusals of the workspace's own edits (MinbarError with `reason` and `params`).
    "past_midnight": N_("%(item)s would run past midnight."),
    "shift_off_day": N_("Shifting %(item)s would move it to another day."),
    "same_day": N_("A session starts and ends on the same day."),
}


def say(reason: str | None, params: dict | None, language: str, *, names: dict | None = None,
        markup: bool = False) -> Markup | str | None:
    """The sentence for `reason` in `language` with `params` in it (`names`: session id → title);
    None when the reason has no sentence here (the caller shows the English message)."""
    template = TEXTS.get(reason or "")
    if template is None:
        return None
    params, names = params or {}, names or {}
    values = {key: _value(key, value, language, names, markup) for key, value in params.items()}
    text = i18n.gettext(language, template)
    try:
        return Markup.escape(text) % values if markup else text % values
    except (KeyError, ValueError, TypeError):    # a catalogue or a caller out of step: English
        return None


def _value(key: str, value, language: str, names: dict, markup: bool):
    ltr = key in WALL
    if key in SESSIONS:
        value = _quoted(names.get(value, value), language)
    elif key in COUNTS and isinstance(value, int):
        value = i18n.ngettext(language, *MINUTES, value)
    elif key in DAYS:
        try:
            value = i18n.fmt_date(date.fromisoformat(str(value)), language, "day")
        except ValueError:
            value = str(value)
            ltr = True
    elif key == "booth" and value in BOOTHS:   # "the Arabic booth", "la cabine arabe"
        value = i18n.gettext(language, BOOTHS[value])
        value = value.lower() if language == "fr" else value
    value = str(value)
    if markup:
        return Markup('<bdi dir="ltr">{}</bdi>').format(value) if ltr else Markup("<bdi>{}</bdi>").format(value)
    return (LRI if ltr else FSI) + value + PDI


def _quoted(text: str, language: str) -> str:
    return {"ar": f"«{text}»", "fr": f"«\u202f{text}\u202f»"}.get(language, f"“{text}”")


def refusal(contract: dict, language: str, *, names: dict | None = None, markup: bool = False) -> list[dict]:
    """A refusal (`MinbarError.to_contract()`) as lines: {"text", "lang"}; "lang" is "en" for a line
    left in the server's English, None for one in `language`."""
    findings = contract.get("findings") or []
    head = say(contract.get("reason"), contract.get("params"), language, names=names, markup=markup)
    if head is None and findings:
        head = i18n.gettext(language, INVALID)
    lines = [{"text": head, "lang": None} if head is not None else {"text": contract.get("message", ""), "lang": "en"}]
    for finding in findings:
        text = say(finding.get("reason"), finding.get("params"), language, names=names, markup=markup)
        lines.append({"text": text, "lang": None} if text is not None else {"text": finding.get("message", ""), "lang": "en"})
    return lines


def localise(contract: dict, language: str) -> dict:
    """The API's refusal with each sentence also in `language`: `text` beside `message` (the
    refusal's and each finding's) and `text_lang`, the text's language ("en" for a sentence this
    module does not know: its text is the English message)."""
    if not (contract.get("reason") or contract.get("findings")):
        return contract
    lines = refusal(contract, language)
    out = dict(contract, text=str(lines[0]["text"]), text_lang=lines[0]["lang"] or language)
    if contract.get("findings"):
        out["findings"] = [dict(f, text=str(line["text"]), text_lang=line["lang"] or language)
                           for f, line in zip(contract["findings"], lines[1:])]
    return out
