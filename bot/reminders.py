"""Channel reminders: rotating do's and don'ts posted on a schedule.

Parse the command, compute the next time (DST-aware), pick a rotating tip, and run a scheduler
that delivers each due reminder exactly once across replicas.
"""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from classifiers import guidelines

log = logging.getLogger(__name__)
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
USAGE = ("Usage: `reminders add <daily|weekdays|weekly mon,thu> <HH:MM> [timezone] [topic]`, "
         "`reminders list`, `reminders remove <id>`. Topics: privacy, advice, venting, coi, reviews, "
         "footprint, general, or all (the default). With no time zone, yours is used.")


@dataclass(frozen=True)
class Schedule:
    """When a reminder fires, in its own time zone."""

    cadence: str
    days: tuple[int, ...]
    at: time
    timezone: str

    def next_after(self, instant: datetime) -> datetime:
        """The first firing strictly after ``instant`` (UTC), honouring daylight-saving changes."""
        if instant.tzinfo is None:  # SQLite hands back naive UTC datetimes
            instant = instant.replace(tzinfo=UTC)
        zone = ZoneInfo(self.timezone)
        local = instant.astimezone(zone)
        for offset in range(0, 8 * 2):
            day: date = local.date() + timedelta(days=offset)
            if day.weekday() not in self.days:
                continue
            candidate = datetime.combine(day, self.at, tzinfo=zone).astimezone(UTC)
            if candidate > instant:
                return candidate
        raise ValueError("no firing within two weeks")  # unreachable for a non-empty day set


@dataclass(frozen=True)
class ReminderSpec:
    """A parsed ``reminders add`` command."""

    schedule: Schedule
    topic: str | None


def tips(topic: str | None = None) -> list[tuple[str, str | None]]:
    """Every do and don't (with a confirmed link where one exists), for one topic or all."""
    chosen = [guidelines.guideline(topic)] if topic else list(guidelines.topics().values())
    out = []
    for g in chosen:
        link = next((r.url for r in g.resources if r.confirmed), None)
        out += [(f"✅ Do: {d}", link) for d in g.dos] + [(f"🚫 Don't: {d}", link) for d in g.donts]
    return out


def parse_add(words: list[str], default_timezone: str | None) -> ReminderSpec | str:
    """Parse the words after ``reminders add``; a string is the error message to show."""
    if not words:
        return USAGE
    cadence = words[0].lower()
    rest = words[1:]
    if cadence == "daily":
        days = tuple(range(7))
    elif cadence == "weekdays":
        days = tuple(range(5))
    elif cadence == "weekly":
        if not rest:
            return "Weekly reminders need days, e.g. `weekly mon,thu 09:00`."
        names = [d[:3].lower() for d in re.split(r"[,\s]+", rest[0]) if d]
        if not names or any(n not in DAYS for n in names):
            return f"Unknown day in {rest[0]!r}: use mon, tue, wed, thu, fri, sat, sun."
        days = tuple(sorted({DAYS.index(n) for n in names}))
        rest = rest[1:]
    else:
        return USAGE
    if not rest or not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", rest[0]):
        return "Give the time as HH:MM (24-hour), e.g. `09:30`."
    hour, minute = map(int, rest[0].split(":"))
    rest = rest[1:]
    timezone = default_timezone or "UTC"
    if rest and "/" in rest[0] or rest and rest[0].upper() == "UTC":
        try:
            ZoneInfo(rest[0])
        except (ZoneInfoNotFoundError, ValueError):
            return f"Unknown time zone {rest[0]!r}: use a name like America/Chicago."
        timezone, rest = rest[0], rest[1:]
    topic = rest[0].lower() if rest else None
    if topic in (None, "all"):
        topic = None
    elif topic not in guidelines.topics():
        return f"Unknown topic {topic!r}: use one of {', '.join(guidelines.topics())} or all."
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        timezone = "UTC"
    return ReminderSpec(Schedule(cadence, days, time(hour, minute), timezone), topic)


def describe(row) -> str:
    """One line for ``reminders list``."""
    days = "" if row.cadence != "weekly" else " " + row.days
    return f"#{row.id}: {row.cadence}{days} at {row.at_time} {row.timezone}, topic {row.topic or 'all'}"


def schedule_of(row) -> Schedule:
    """The schedule of a stored reminder."""
    days = tuple(int(d) for d in row.days.split(",")) if row.cadence == "weekly" else \
        (tuple(range(5)) if row.cadence == "weekdays" else tuple(range(7)))
    hour, minute = map(int, row.at_time.split(":"))
    return Schedule(row.cadence, days, time(hour, minute), row.timezone)


class Scheduler:
    """Runs in every replica; the database decides which replica sends each due reminder.

    ``deliver(reminder, tip_text, link)`` sends through the reminder's platform. A replica that dies
    after claiming loses that one delivery (logged at claim time), never duplicates it.
    """

    def __init__(self, store, deliver, interval: float = 20.0) -> None:
        self.store = store
        self.deliver = deliver
        self.interval = interval
        self._task: asyncio.Task | None = None

    async def run_once(self, now: datetime | None = None) -> int:
        """Claim and send everything due; returns how many were sent."""
        claimed = await asyncio.to_thread(self.store.claim_due_reminders, now or datetime.now(UTC), schedule_of,
                                          len(tips()))
        sent = 0
        for reminder, tip_index in claimed:
            catalogue = tips(reminder.topic)
            text, link = catalogue[tip_index % len(catalogue)]
            try:
                await self.deliver(reminder, text, link)
                sent += 1
            except Exception as exc:  # one failed channel must not stop the others
                log.warning("reminder %s not delivered: %s", reminder.id, type(exc).__name__)
        return sent

    async def _loop(self) -> None:
        while True:
            try:
                await self.run_once()
            except Exception as exc:  # keep the scheduler alive through database hiccups
                log.warning("reminder scheduler pass failed: %s", type(exc).__name__)
            await asyncio.sleep(self.interval)

    def start(self) -> None:
        """Start the background loop."""
        self._task = asyncio.create_task(self._loop())

    async def stop(self) -> None:
        """Stop the background loop."""
        if self._task:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
