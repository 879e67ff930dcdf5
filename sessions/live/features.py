"""The live features, declared once and in order.

Each feature module declares its `Feature` (parts, command families, after-apply hooks, notes);
this list is the whole live core of a session. Order matters and is stated here: parts appear in
STATE in this order, and after every command the hooks run in this order, so the channels' floor
follows the slot before the queue closes an intervention the slot move ended, and undo (last)
records what every other feature changed. `sessions.live.operations` and `conference.live` take
`LIVE`: the operations apply commands with it, the transport registers one Socket.IO event per
command family in it.
"""
from __future__ import annotations

from sessions.live import channels_live
from sessions.live import handover
from sessions.live import messages
from sessions.live import next_speakers
from sessions.live import presentation
from sessions.live import queue_live
from sessions.live import speaking
from sessions.live import undo
from sessions.live.state import LiveFeatures

BASE_FEATURES = (
    speaking.FEATURE,          # timer_and_slots: the `timer`, `actuals`, `started` parts; `timer`, `slot`
    messages.FEATURE,          # the chair's message to the speaker: `message`
    presentation.FEATURE,      # presentation mode: `presentation`
    channels_live.FEATURE,     # interpretation channels: `channels`, `channel`; the floor follows the speaker
    queue_live.FEATURE,        # the open-discussion queue: `queue`, `interventions`; follows slot and timer
    handover.FEATURE,          # who last moved the slot or the timer: another console's move right after is refused
    next_speakers.FEATURE,     # `speakers`: who speaks now and the next three, read from slot and queue
)
FEATURES = BASE_FEATURES + (undo.feature(BASE_FEATURES),)   # `undo`: takes back a timer or slot command

LIVE = LiveFeatures(FEATURES)
