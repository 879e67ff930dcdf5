"""A small in-process cache of generated feeds that cannot serve stale data.

Building a calendar or a schedule feed means loading the whole agenda and formatting it; reading
whether anything changed is one small query (`read_stamps`). Entries are keyed by what was asked
(feed, query, language, base URL) *and* by the database's change stamps, so after an agenda
reload, in this process or another one, the key changes and the next request rebuilds.

The stamps are what the agenda loader maintains (`conference/agenda/load.py`): the conference's
`modified_at` and `source_digest` (which move on any edit of the agenda file), every item's
`modified_at` and `sequence`, counts over items, slots and people so that additions and
removals show even where no stamp moves, and the newest tombstone of a removed session. Anything that changes agenda data outside the loader
must move one of them (for example the conference's `modified_at`).

The cache is per app (`cache_for(app)`), bounded (least recently used entries are dropped) and
thread-safe. It holds bytes only: no ORM objects outlive their request.
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Hashable

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from conference.models import Conference
from sessions.models import AgendaItem, LiveStateRow, RemovedItem, Slot
from speakers.models import Person

MAX_ENTRIES = 512
_CREATE = threading.Lock()


@dataclass(frozen=True)
class Stamps:
    """Everything that says "the agenda changed", read in one query."""

    conference_id: int
    conference_modified: datetime
    source_digest: str
    items_modified: datetime | None
    items: int
    sequences: int
    slots: int
    speakers: int
    people: int
    live_versions: int = 0
    removed: str = ""               # the newest tombstone (removed session) and their count

    @property
    def newest(self) -> datetime:
        """The latest change to the conference or any of its items."""
        if self.items_modified is None:
            return self.conference_modified
        return max(self.conference_modified, self.items_modified)

    def key(self) -> tuple:
        """What the feeds depend on (not live state: no feed shows it)."""
        return (self.conference_id, self.conference_modified.isoformat(), self.source_digest,
                self.items_modified.isoformat() if self.items_modified else None,
                self.items, self.sequences, self.slots, self.speakers, self.people, self.removed)


@lru_cache(maxsize=1)
def _stamps_query():
    """The one query behind `read_stamps`, built once (building it costs more than running it)."""
    def scalar(column, model):
        return (select(column).where(model.conference_id == Conference.id)
                .correlate(Conference).scalar_subquery())

    items = scalar(func.max(AgendaItem.modified_at), AgendaItem)
    counts = scalar(func.count(AgendaItem.id), AgendaItem)
    sequences = scalar(func.coalesce(func.sum(AgendaItem.sequence), 0), AgendaItem)
    slots = scalar(func.count(Slot.id), Slot)
    # Which person holds which slot: this sum moves when a TBD slot gets its speaker.
    speakers = scalar(func.coalesce(func.sum(Slot.speaker_id * (Slot.position + 1)), 0), Slot)
    people = scalar(func.count(Person.id), Person)
    # Every live command bumps its session's version: pages that may show live state key on it.
    live = (select(func.coalesce(func.sum(LiveStateRow.version), 0))
            .join(AgendaItem, AgendaItem.id == LiveStateRow.item_id)
            .where(AgendaItem.conference_id == Conference.id).correlate(Conference).scalar_subquery())
    removed_newest = scalar(func.max(RemovedItem.modified_at), RemovedItem)
    removed_count = scalar(func.count(RemovedItem.id), RemovedItem)
    return (select(Conference.id, Conference.modified_at, Conference.source_digest,
                   items, counts, sequences, slots, speakers, people, live, removed_newest, removed_count)
            .where(Conference.slug == bindparam("slug")))


def read_stamps(db: Session, slug: str) -> Stamps | None:
    """The conference's change stamps, or None when there is no such conference."""
    row = db.execute(_stamps_query(), {"slug": slug}).first()
    if row is None:
        return None
    return Stamps(row[0], row[1], row[2] or "", row[3], int(row[4]), int(row[5]), int(row[6]),
                  int(row[7]), int(row[8]), int(row[9]), f"{row[10]}/{int(row[11])}")


@dataclass(frozen=True)
class Entry:
    """A generated feed: its bytes and the validators clients revalidate with."""

    body: bytes
    last_modified: datetime
    etag: str = ""

    @classmethod
    def of(cls, body: bytes, last_modified: datetime) -> "Entry":
        return cls(body, last_modified, etag_of(body))


def etag_of(body: bytes) -> str:
    """A strong validator: the hash of the bytes themselves, the same in every process."""
    return hashlib.sha256(body).hexdigest()[:32]


class FeedCache:
    """A bounded, thread-safe LRU map from keys to entries, with hit/miss counters."""

    def __init__(self, max_entries: int = MAX_ENTRIES):
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry

    def put(self, key: Hashable, entry) -> None:
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)


def cache_for(app, name: str = "feeds", max_entries: int = MAX_ENTRIES) -> FeedCache:
    """The app's cache called `name` (created on first use, with room for `max_entries`)."""
    with _CREATE:
        caches = app.extensions.setdefault("minbar.feed_caches", {})
        if name not in caches:
            caches[name] = FeedCache(max_entries)
        return caches[name]
