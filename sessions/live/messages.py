"""The chair's message to the speaker: the `message` part and command family.

Plain Python. The chair sends one short message at a time ("please conclude", or free text) that
the stage view shows the speaker; sending replaces the previous one, `clear` removes it.

STATE key `message`: null, or `{"text", "preset", "sent_at", "slot"}` where `text` is the plain
text the chair typed (possibly empty when a preset is given), `preset` is "conclude" or null (a
display shows the preset in its own language, then the text), `sent_at` is Unix ms, and `slot`
is the slot that was current when it was sent: a display shows the message only while that slot
is still current, so a "please conclude" never carries over to the next speaker.

Text is stored as the chair typed it (stripped, newlines normalised) and is never markup: pages
render it escaped (Jinja autoescape, `textContent`).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sessions.live.state import Command, Family, Feature, LiveSession, Part, Refused, SessionInfo
from speakers import policy
from timing.clock import from_ms, to_ms

MAX_TEXT = 280
PRESETS = frozenset({"conclude"})


@dataclass(frozen=True)
class Message:
    text: str
    preset: str | None
    sent_at: datetime
    slot: str | None


def _dump(message: Message | None) -> dict | None:
    if message is None:
        return None
    return {"text": message.text, "preset": message.preset, "sent_at": to_ms(message.sent_at), "slot": message.slot}


def _load(data: dict | None, _info: SessionInfo) -> Message | None:
    if not data:
        return None
    return Message(text=data.get("text", ""), preset=data.get("preset"), sent_at=from_ms(data["sent_at"]),
                   slot=data.get("slot"))


MESSAGE = Part(
    name="message",
    initial=lambda info: None,
    dump=_dump,
    load=_load,
    contract=lambda message, info, now: _dump(message),
)


# -- the message family --------------------------------------------------------------------

def clean_text(value) -> str:
    """The text as it will be stored: stripped, CRLF made LF. `Refused("bad_request")` for a
    non-string, more than MAX_TEXT characters, or control characters other than newline and tab."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Refused("bad_request", "'text' must be a string.")
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text) > MAX_TEXT:
        raise Refused("bad_request", f"'text' must be at most {MAX_TEXT} characters.")
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in text):
        raise Refused("bad_request", "'text' must not contain control characters.")
    return text


def _preset(value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value not in PRESETS:
        raise Refused("bad_request", "'preset' must be \"conclude\" or null.")
    return value


def handle_message(live: LiveSession, command: Command, info: SessionInfo, now: datetime) -> LiveSession:
    """`send` replaces the message (a preset, a text, or both; never neither); `clear` removes it
    and is `invalid_state` when there is none."""
    if command.action == "clear":
        if live.part("message") is None:
            raise Refused("invalid_state", "There is no message to clear.")
        return live.with_part("message", None)
    text = clean_text(command.payload.get("text"))
    preset = _preset(command.payload.get("preset"))
    if not text and preset is None:
        raise Refused("bad_request", "A message needs a 'text' or a 'preset'.")
    return live.with_part("message", Message(text=text, preset=preset, sent_at=now, slot=live.slot))


MESSAGE_FAMILY = Family(
    name="message",
    actions=frozenset({"send", "clear"}),
    handle=handle_message,
    authorise=lambda actor, info, command: policy.may(actor, "message.send", info.conference, info.key),
)


FEATURE = Feature("messages", parts=(MESSAGE,), families=(MESSAGE_FAMILY,))
