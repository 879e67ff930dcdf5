"""What every circulated document says about itself, shared by both engines: its language and
direction, title, subject, author (the organiser), symbol, date of issue and the instant it was
made (from the injected clock). The PDF prints it in the running header and footer and puts it in
the file's metadata; the Word file in its header, footer and core properties."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from conference import i18n
from conference.i18n import N_
from timing import un_dates

PAGE_X_OF_Y = N_("Page %(page)s of %(pages)s")
ISSUED_ON = N_("Issued on %(date)s")
ONLINE = N_("Online")              # (the agenda pages already translate it)
TBD = N_("To be determined")

# The typefaces, one per script: Debian's fonts-noto-core, named by fontconfig family.
SANS, SERIF, NASKH = "Noto Sans", "Noto Serif", "Noto Naskh Arabic"


@dataclass(frozen=True)
class DocumentMeta:
    language: str
    title: str
    subject: str
    author: str                 # the organiser (the conference's organisers, joined)
    created: datetime           # now, aware UTC, from the app's clock
    issued: date                # the date of issue printed in the footer
    symbol: str = ""            # the document symbol ("E/ESCWA/…"), printed in the header; may be empty
    keywords: tuple[str, ...] = ()

    @property
    def direction(self) -> str:
        return i18n.direction(self.language)

    @property
    def rtl(self) -> bool:
        return i18n.is_rtl(self.language)

    @property
    def issued_label(self) -> str:
        return i18n.gettext(self.language, ISSUED_ON, date=un_dates.date(self.issued, self.language))

    def page_label_parts(self) -> tuple[str, str, str]:
        """"Page %(page)s of %(pages)s" in the language, cut around its two numbers: what comes
        before the page number, between the two, after the count (CSS counters and Word fields
        go in between; each stripped: the engines put the spaces back)."""
        text = i18n.gettext(self.language, PAGE_X_OF_Y, page="\0", pages="\1")
        before, rest = text.split("\0", 1)
        between, after = rest.split("\1", 1)
        return before.strip(), between.strip(), after.strip()

    def gettext(self, message: str, **values) -> str:
        return i18n.gettext(self.language, message, **values)
