"""The e-mails of registration, in the person's language: the confirmation link, the approval
(their participant link and the conference's programme as an .ics attachment) and the decline
(with the secretariat's reason). Plain Python; sent by `conference.workspace.invitations.send`
through `MINBAR_SMTP_URL`, with the invitations' headers (encoded subject, refusal of line breaks).
The links these messages carry are secrets: they are never logged.
"""
from __future__ import annotations

from email.message import EmailMessage
from email.utils import formataddr, make_msgid

import pytz

from conference import i18n, ical
from conference.agenda import guard
from conference.errors import MinbarError
from conference.i18n import N_
from conference.workspace import invitations

CONFIRM_SUBJECT = N_("Confirm your registration for %(conference)s")
CONFIRM_BODY = N_("You, or someone using your address, registered for %(conference)s. To confirm the "
                  "registration, open this link within %(hours)s hours:")
CONFIRM_IGNORE = N_("If you did not register, ignore this message: nothing will happen.")
APPROVED_SUBJECT = N_("Your registration for %(conference)s is approved")
APPROVED_BODY = N_("Your registration for %(conference)s is approved. Here is your personal access link. "
                   "Keep it to yourself: it signs you in.")
PROGRAMME = N_("The programme:")
PROGRAMME_ATTACHED = N_("The attached calendar file adds the programme to your calendar.")
DECLINED_SUBJECT = N_("Your registration for %(conference)s")
DECLINED_BODY = N_("The secretariat could not approve your registration for %(conference)s.")
DECLINED_REASON = N_("The reason given:")


def _message(conf, *, to: str, name: str, language: str, sender: str, subject: str, lines: list[str]) -> EmailMessage:
    for field, value in (("to", to), ("name", name), ("sender", sender)):
        if not guard.single_line(value):
            raise MinbarError("bad_request", f"The message's '{field}' contains a line break.", field=field)
    message = EmailMessage(policy=invitations.POLICY)
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = formataddr((name, to)) if name else to
    message["Message-ID"] = make_msgid(domain="minbar")
    message["Content-Language"] = language
    message.set_content("\n".join(lines + ["", i18n.gettext(language, invitations.SIGNATURE)]))
    return message


def _language(language: str) -> str:
    return language if language in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def confirmation(conf, *, to: str, name: str, gender: str | None, language: str, link: str, hours: int,
                 sender: str) -> EmailMessage:
    language = _language(language)
    title = i18n.pick(conf.title, language)
    lines = [invitations.greeting(language, name, gender), "",
             i18n.gettext(language, CONFIRM_BODY, conference=title, hours=hours), "", link, "",
             i18n.gettext(language, CONFIRM_IGNORE)]
    return _message(conf, to=to, name=name, language=language, sender=sender,
                    subject=i18n.gettext(language, CONFIRM_SUBJECT, conference=title), lines=lines)


def approved(conf, items, *, to: str, name: str, gender: str | None, language: str, link: str,
             base_url: str, sender: str) -> EmailMessage:
    """The participant link and the programme, the whole conference's calendar attached."""
    language = _language(language)
    title = i18n.pick(conf.title, language)
    zone = pytz.timezone(conf.timezone)
    lines = [invitations.greeting(language, name, gender), "",
             i18n.gettext(language, APPROVED_BODY, conference=title), "", link, ""]
    items = list(items)
    if items:
        lines.append(i18n.gettext(language, PROGRAMME))
        for item in items:
            when = invitations.session_time(item.starts_at, language, zone)
            lines.append("- " + i18n.gettext(language, ical.LABELLED, label=when,
                                              value=i18n.pick(item.title, language)))
        lines += ["", i18n.gettext(language, PROGRAMME_ATTACHED)]
    message = _message(conf, to=to, name=name, language=language, sender=sender,
                       subject=i18n.gettext(language, APPROVED_SUBJECT, conference=title), lines=lines)
    if items:
        calendar = ical.build_calendar(conf, items, language, base_url, scope="registration", subscription=False)
        message.add_attachment(ical.serialize(calendar), maintype="text", subtype="calendar",
                               filename=f"{conf.slug}.ics", params={"method": "PUBLISH", "charset": "utf-8"})
    return message


def declined(conf, *, to: str, name: str, gender: str | None, language: str, reason: str,
             sender: str) -> EmailMessage:
    language = _language(language)
    title = i18n.pick(conf.title, language)
    lines = [invitations.greeting(language, name, gender), "", i18n.gettext(language, DECLINED_BODY, conference=title)]
    if reason:
        lines += ["", i18n.gettext(language, DECLINED_REASON), reason]
    return _message(conf, to=to, name=name, language=language, sender=sender,
                    subject=i18n.gettext(language, DECLINED_SUBJECT, conference=title), lines=lines)
