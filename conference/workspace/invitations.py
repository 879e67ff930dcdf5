"""Invitations by e-mail: the person's link, their sessions in their language, the .ics attached.

`build(...)` makes the message (plain Python, no Flask): the greeting by the person's gender where
it is known (`female`, `male`; else a neutral one), session times without seconds and with the
zone, the subject encoded word by word (`WordEncodedSubject`), the `.ics` part with its charset.
`send(message, url)` hands it to the SMTP server named by `MINBAR_SMTP_URL`:
`smtp://[user:password@]host[:port]` (STARTTLS when the server offers it and `?starttls=1`), or
`smtps://...` for TLS from the start. The link is the secret the
message carries: it is never logged.
"""
from __future__ import annotations

import base64
import smtplib
import ssl
from email import headerregistry, policy
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from urllib.parse import parse_qs, unquote, urlsplit

import pytz
from babel.dates import get_timezone_location

from conference import i18n, ical
from conference.agenda import guard
from conference.errors import MinbarError
from conference.i18n import N_

SUBJECT = N_("Your access link for %(conference)s")
GREETING = N_("Dear %(name)s,")        # neutral; the catalogues add msgctxt "female" and "male"
GENDERED = ("female", "male")
WHEN_IN_ZONE = N_("%(when)s, %(city)s time")
INTRO = N_("Here is your personal access link to %(conference)s. Keep it to yourself: it signs you in.")
YOUR_SESSIONS = N_("Your sessions:")
NO_SESSIONS = N_("No session is assigned to you yet.")
ATTACHED = N_("The attached calendar file adds your sessions to your calendar.")
SIGNATURE = N_("The conference secretariat")


def address(value, field: str = "to") -> str:
    """One e-mail address, checked: no line break, space or list of addresses (a header of the
    sender's choosing), at most 254 characters."""
    text = value.strip() if isinstance(value, str) else ""
    if "@" not in text or len(text) > 254 or any(c in text for c in "\r\n\t ,;<>"):
        raise MinbarError("bad_request", f"'{field}' should be one e-mail address.", field=field)
    return text


def sessions_of(person_key: str | None, items, session_key: str | None = None) -> list:
    """The items where the person speaks, chairs or reports (or the link's own session)."""
    chosen = []
    for item in items:
        mine = item.key == session_key or (person_key and (
            any(s.speaker is not None and s.speaker.key == person_key for s in item.slots)
            or (item.chair_person is not None and item.chair_person.key == person_key)
            or person_key in (getattr(item, "rapporteurs", None) or [])))
        if mine:
            chosen.append(item)
    return chosen


def greeting(language: str, name: str, gender: str | None) -> str:
    """"Dear NAME," in the person's grammatical gender where the agenda gives it (Arabic and
    French agree with it), never a "/ة"-style both-at-once; a neutral greeting otherwise."""
    if gender in GENDERED:
        return i18n.translations(language).pgettext(gender, GREETING) % {"name": name}
    return i18n.gettext(language, GREETING, name=name)


def session_time(moment, language: str, zone) -> str:
    """The day and the time to the minute, with the zone named in `language` ("…, 11:15 AM,
    Beirut time"): a reader elsewhere must know whose 11:15 it is."""
    when = i18n.fmt_datetime(moment, language, zone, "full")
    city = get_timezone_location(zone, locale=language, return_city=True)
    return i18n.gettext_city(language, WHEN_IN_ZONE, city=city, when=when)


class WordEncodedSubject(headerregistry.UnstructuredHeader):
    """A Subject folded between encoded words (RFC 2047), each word in its own, the space before
    it inside it. The email package folds a long non-ASCII subject inside an encoded word and
    loses the space at the fold ("الاتفاقالعالمي"); a space inside an encoded word survives."""

    MAX_BYTES = 45     # 45 bytes of UTF-8 make a 72-character encoded word (RFC 2047: at most 75)

    def fold(self, *, policy):
        if str(self).isascii():
            return super().fold(policy=policy)
        words = []
        for index, word in enumerate(str(self).split(" ")):
            words += self._chunks((" " if index else "") + word)
        lines, line = [], f"{self.name}:"
        for word in words:
            if len(line) + 1 + len(word) > 76 and line != f"{self.name}:":
                lines.append(line)
                line = ""
            line += " " + word
        lines.append(line)
        return policy.linesep.join(lines) + policy.linesep

    @classmethod
    def _chunks(cls, text: str) -> list[str]:
        chunks, current = [], ""
        for char in text:
            if len((current + char).encode("utf-8")) > cls.MAX_BYTES:
                chunks.append(current)
                current = ""
            current += char
        chunks.append(current)
        return [f"=?utf-8?b?{base64.b64encode(c.encode('utf-8')).decode('ascii')}?=" for c in chunks if c]


_headers = headerregistry.HeaderRegistry()
_headers.map_to_type("subject", WordEncodedSubject)
POLICY = policy.default.clone(header_factory=_headers)


def build(conf, items, *, to: str, name: str, language: str, link: str, base_url: str,
          sender: str, gender: str | None = None) -> EmailMessage:
    # Names and addresses go into headers: a line break there would add headers of the sender's
    # choosing ("Eve\r\nBcc: ..."). Creation refuses them; this refuses what was stored before.
    for field, value in (("to", to), ("name", name), ("sender", sender)):
        if not guard.single_line(value):
            raise MinbarError("bad_request", f"The invitation's '{field}' contains a line break or another "
                                             "control character; correct the person or the link first.",
                              field=field)
    language = language if language in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
    title = i18n.pick(conf.title, language)
    zone = pytz.timezone(conf.timezone)
    lines = [greeting(language, name or to, gender), "",
             i18n.gettext(language, INTRO, conference=title), "", link, ""]
    if items:
        lines.append(i18n.gettext(language, YOUR_SESSIONS))
        for item in items:
            when = session_time(item.starts_at, language, zone)
            lines.append("- " + i18n.gettext(language, ical.LABELLED, label=when, value=i18n.pick(item.title, language)))
        lines += ["", i18n.gettext(language, ATTACHED)]
    else:
        lines.append(i18n.gettext(language, NO_SESSIONS))
    lines += ["", i18n.gettext(language, SIGNATURE)]
    message = EmailMessage(policy=POLICY)
    message["Subject"] = i18n.gettext(language, SUBJECT, conference=title)
    message["From"] = sender
    message["To"] = formataddr((name, to)) if name else to
    message["Message-ID"] = make_msgid(domain="minbar")
    message["Content-Language"] = language
    message.set_content("\n".join(lines))
    if items:
        calendar = ical.build_calendar(conf, items, language, base_url, scope="invitation")
        message.add_attachment(ical.serialize(calendar), maintype="text", subtype="calendar",
                               filename=f"{conf.slug}.ics", params={"method": "PUBLISH", "charset": "utf-8"})
    return message


def send(message: EmailMessage, url: str | None, timeout: float = 20) -> None:
    if not url:
        raise MinbarError("bad_request", "E-mail is not configured on this server (MINBAR_SMTP_URL).")
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise MinbarError("bad_request", "MINBAR_SMTP_URL should be smtp://host:port or smtps://host:port.")
    options = parse_qs(parts.query)
    try:
        if parts.scheme == "smtps":
            client = smtplib.SMTP_SSL(parts.hostname, parts.port or 465, timeout=timeout,
                                      context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(parts.hostname, parts.port or 25, timeout=timeout)
        with client:
            if parts.scheme == "smtp" and options.get("starttls", ["0"])[0] in ("1", "true"):
                client.starttls(context=ssl.create_default_context())
            if parts.username:
                client.login(unquote(parts.username), unquote(parts.password or ""))
            client.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        raise MinbarError("unavailable", f"The e-mail could not be sent: {type(error).__name__}.") from None
