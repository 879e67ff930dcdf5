"""The parsed form of an agenda file: frozen dataclasses, no I/O, no Flask.

`parse.py` builds these from TOML; `validate.py` reports what is wrong with them; `load.py` writes
them to the database. Local times stay local here (a date plus an "HH:MM" wall time in the
conference's zone) so that validation can say exactly which wall time does not exist; turning them
into aware instants is `timing.zones`' job.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

LANGUAGES = ("ar", "en", "fr")

SESSION_KINDS = (
    "registration", "opening", "introductory", "plenary", "roundtable", "break",
    "summary", "key_messages", "closing",
)
NUMBERED_KINDS = ("plenary", "roundtable")
SLOT_KINDS = ("statement", "presentation", "discussion")
CHAIR_TITLES = ("chair", "facilitator", "moderator")
GENDERS = ("female", "male", "other")

STAKEHOLDER_GROUPS = (
    "member_state", "observer_state", "un_entity", "intergovernmental", "civil_society", "migrants",
    "trade_union", "private_sector", "academia", "nhri", "local_authority", "faith_based",
    "media", "red_cross_red_crescent", "parliamentarian", "other",
)


@dataclass(frozen=True)
class Where:
    """Where something stands in the agenda file, for messages: `file:line: item X, slot 2`."""

    file: str = ""
    line: int | None = None
    item: str | None = None
    slot: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        place = self.file or "<agenda>"
        if self.line is not None:
            place += f":{self.line}"
        parts = []
        if self.item:
            parts.append(f"item {self.item}")
        if self.slot:
            parts.append(f"slot {self.slot}")
        if self.field:
            parts.append(f"field {self.field}")
        return place + (": " + ", ".join(parts) if parts else "")


# Text in several languages: {"ar": ..., "en": ..., "fr": ...}; a language may be missing.
Text = dict[str, str]


@dataclass(frozen=True)
class PersonSpec:
    id: str
    name: Text                    # per language; the key "" holds a name written once for all
    title: str = ""
    organisation: str = ""
    delegation: str = ""          # country or delegation, e.g. "Lebanon"
    group: str = "other"          # one of STAKEHOLDER_GROUPS
    language: str | None = None   # the language they speak, one of the conference languages
    rank: int | None = None       # protocol precedence inside Member States (1 = head of State ...)
    gender: str | None = None     # optional, for the balance figures: one of GENDERS
    where: Where = field(default_factory=Where, compare=False)

    def __post_init__(self) -> None:
        if isinstance(self.name, str):  # a name written once, for every language
            object.__setattr__(self, "name", {"": self.name})

    @property
    def display_name(self) -> str:
        """The name written once, else the English, else any."""
        return self.name.get("") or self.name.get("en") or next(iter(self.name.values()), "")


@dataclass(frozen=True)
class ChairSpec:
    title: str                    # one of CHAIR_TITLES
    role: Text                    # who is meant, per language ("a State representative (TBD)")
    person: str | None = None     # a PersonSpec id; None while TBD
    where: Where = field(default_factory=Where, compare=False)


@dataclass(frozen=True)
class SlotSpec:
    id: str                       # stable, e.g. "plenary-1-state-a"
    kind: str                     # one of SLOT_KINDS
    role: Text                    # per language, e.g. {"en": "Representative of State A (TBD)"}
    minutes: int | None = None    # the speaking limit; for a discussion its length
    speaker: str | None = None    # a PersonSpec id; None while TBD
    language: str | None = None   # the speaker's language, when known
    tbd: bool = False             # the file marks the speaker as to be determined
    where: Where = field(default_factory=Where, compare=False)


@dataclass(frozen=True)
class ItemSpec:
    id: str                       # stable session id, e.g. "plenary-1"
    kind: str                     # one of SESSION_KINDS
    day: date
    start: time                   # wall time in the conference's zone
    end: time
    title: Text
    number: int | None = None
    description: Text = field(default_factory=dict)
    objectives: tuple[int, ...] = ()
    stated_minutes: int | None = None   # a length the text states, e.g. "Break (45 minutes)"
    chair: ChairSpec | None = None
    slots: tuple[SlotSpec, ...] = ()
    intervention_minutes: int | None = None  # limit per open-discussion intervention
    rapporteurs: tuple[str, ...] = ()        # PersonSpec ids of the session's rapporteurs
    sequence: int = 0             # the calendar SEQUENCE reached so far (a floor; never goes back)
    where: Where = field(default_factory=Where, compare=False)


@dataclass(frozen=True)
class BoothSpec:
    language: str                 # the booth's target language
    sources: tuple[str, ...]      # languages it can work from
    listen_url: str = ""
    interpreters: tuple[str, ...] = ()   # PersonSpec ids of the booth's interpreters
    where: Where = field(default_factory=Where, compare=False)


@dataclass(frozen=True)
class ConferenceSpec:
    slug: str
    title: Text
    timezone: str
    languages: tuple[str, ...]
    items: tuple[ItemSpec, ...]
    people: tuple[PersonSpec, ...] = ()
    booths: tuple[BoothSpec, ...] = ()
    floor_listen_url: str = ""
    platform_url: str = ""
    venue: Text = field(default_factory=dict)
    organisers: Text = field(default_factory=dict)
    symbol: Text = field(default_factory=dict)   # the document symbol per language (printed documents)
    days: tuple[date, ...] = ()          # in order, as the file lists them
    # Where each of `days` is listed (same order), so a day listed twice can be pointed at.
    day_wheres: tuple[Where, ...] = field(default=(), compare=False)
    source: str = ""                     # the file it came from
    where: Where = field(default_factory=Where, compare=False)


@dataclass(frozen=True)
class Finding:
    """One thing validation found. `level` is "error" (refuses the file) or "warning"."""

    level: str
    code: str
    where: Where
    message: str                  # English (the CLI's); pages say it from `reason` and `params`
    # Which sentence (`code`, or `code.variant` when a code has several) and its values (ids,
    # times, counts), so each page can say it in its own language (conference/finding_text.py).
    params: tuple[tuple[str, object], ...] = field(default=(), compare=False)
    variant: str = field(default="", compare=False)

    @property
    def reason(self) -> str:
        return f"{self.code}.{self.variant}" if self.variant else self.code

    def __str__(self) -> str:
        # Messages already name their item and slot; the location adds the file, line and field.
        place = self.where.file or "<agenda>"
        if self.where.line is not None:
            place += f":{self.where.line}"
        tag = f"{self.code}, field {self.where.field}" if self.where.field else self.code
        return f"{place}: {self.level}: {self.message} [{tag}]"
