"""The store the server writes to; synchronous SQLAlchemy, called from a thread by the server."""

from __future__ import annotations

import threading
import uuid
from contextlib import nullcontext
from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, delete, event, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from .models import (
    ChannelTip,
    CheckRecord,
    ConversationRef,
    FeedbackRecord,
    FeedbackSample,
    FootprintStep,
    MonitoredChannel,
    ProcessedEvent,
    Reminder,
    ReminderDelivery,
    WorkspaceSettings,
)


def normalize_url(url: str) -> str:
    """Accept plain ``postgresql://user@host/db`` URLs by selecting the installed psycopg 3 driver."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


#: SQLite cannot upgrade two readers to writers at once; claims in one process take turns.
#: (Several replicas need PostgreSQL, where row locks do this job.)
_SQLITE_CLAIMS = threading.Lock()


def _sqlite_pragmas(connection, _record) -> None:
    """WAL and a busy timeout: concurrent writers wait instead of failing, commits stay cheap."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def now() -> datetime:
    """The current time in UTC (stored timezone-aware)."""
    return datetime.now(UTC)


class Store:
    """Database access for events, checks and feedback."""

    def __init__(self, url: str) -> None:
        self.url = normalize_url(url)
        self.engine: Engine = create_engine(self.url, pool_pre_ping=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        """A new session (use as a context manager)."""
        return self.sessions()

    def claim_event(self, platform: str, event_id: str) -> bool:
        """Record an event id; False when any replica has already claimed it."""
        with self.session() as session:
            session.add(ProcessedEvent(platform=platform, event_id=event_id, received_at=now()))
            try:
                session.commit()
            except IntegrityError:
                return False
        return True

    def forget_events(self, older_than: timedelta = timedelta(days=2)) -> int:
        """Drop event ids older than any platform retries; returns how many."""
        with self.session() as session:
            done = session.execute(delete(ProcessedEvent).where(ProcessedEvent.received_at < now() - older_than))
            session.commit()
            return done.rowcount or 0

    def record_check(self, **fields) -> str:
        """Add an audit row (hashes, labels, scores; never text) and return its id."""
        check_id = fields.pop("id", None) or str(uuid.uuid4())
        with self.session() as session:
            session.add(CheckRecord(id=check_id, at=fields.pop("at", None) or now(), **fields))
            session.commit()
        return check_id

    def record_feedback(self, check_id: str, helpful: bool, platform: str, user_hash: str | None) -> bool:
        """Store feedback once per user and check; False when it was already given."""
        with self.session() as session:
            session.add(FeedbackRecord(check_id=check_id, helpful=helpful, platform=platform,
                                       user_hash=user_hash, at=now()))
            try:
                session.commit()
            except IntegrityError:
                return False
        return True

    def checks(self, since: datetime | None = None) -> list[CheckRecord]:
        """Audit rows, oldest first."""
        query = select(CheckRecord).order_by(CheckRecord.at)
        if since is not None:
            query = query.where(CheckRecord.at >= since)
        with self.session() as session:
            return list(session.scalars(query))

    def feedback(self) -> list[FeedbackRecord]:
        """Every feedback row."""
        with self.session() as session:
            return list(session.scalars(select(FeedbackRecord)))

    def save_reference(self, platform: str, conversation_id: str, kind: str, reference: dict,
                       tenant: str | None = None, team: str | None = None, user_hash: str | None = None) -> None:
        """Insert or refresh a conversation reference (ids and service URL only)."""
        with self.session() as session:
            row = session.get(ConversationRef, (platform, conversation_id))
            if row is None:
                row = ConversationRef(platform=platform, conversation_id=conversation_id)
                session.add(row)
            row.kind, row.reference, row.tenant, row.team, row.user_hash = kind, reference, tenant, team, user_hash
            row.updated_at = now()
            session.commit()

    def reference_for(self, platform: str, channel: str) -> dict | None:
        """The stored reference of a conversation (a channel's threads share its reference)."""
        with self.session() as session:
            same = ConversationRef.conversation_id == channel
            thread = ConversationRef.conversation_id.startswith(channel + ";")
            rows = session.scalars(select(ConversationRef).where(ConversationRef.platform == platform, same | thread))
            row = next(iter(rows), None)
            return dict(row.reference) if row else None

    def references(self, platform: str) -> list[ConversationRef]:
        """Every stored reference of a platform."""
        with self.session() as session:
            return list(session.scalars(select(ConversationRef).where(ConversationRef.platform == platform)))

    def footprint_done(self, user_hash: str) -> set[str]:
        """The self-audit steps a user has ticked."""
        with self.session() as session:
            return set(session.scalars(select(FootprintStep.step_id).where(FootprintStep.user_hash == user_hash)))

    def set_footprint(self, user_hash: str, step_ids: set[str]) -> None:
        """Replace a user's ticked steps."""
        with self.session() as session:
            session.execute(delete(FootprintStep).where(FootprintStep.user_hash == user_hash))
            session.add_all(FootprintStep(user_hash=user_hash, step_id=s, done_at=now()) for s in sorted(step_ids))
            session.commit()

    def purge_checks(self, retention: timedelta) -> int:
        """Delete audit rows older than the retention period; returns how many."""
        with self.session() as session:
            done = session.execute(delete(CheckRecord).where(CheckRecord.at < now() - retention))
            session.commit()
            return done.rowcount or 0

    def forget_user(self, user_hash: str) -> int:
        """Delete everything kept for a user except pseudonymous audit rows (they expire with retention)."""
        with self.session() as session:
            removed = 0
            for model in (FeedbackRecord, FootprintStep, ConversationRef):
                removed += session.execute(delete(model).where(model.user_hash == user_hash)).rowcount or 0
            session.execute(update(Reminder).where(Reminder.created_by == user_hash).values(created_by=None))
            session.execute(update(MonitoredChannel).where(MonitoredChannel.enabled_by == user_hash)
                            .values(enabled_by=None))
            session.commit()
            return removed

    def add_reminder(self, **fields) -> Reminder:
        """Store a new reminder (``next_run`` must be set)."""
        with self.session() as session:
            row = Reminder(created_at=now(), **fields)
            session.add(row)
            session.commit()
            return row

    def reminders(self, platform: str, channel: str | None = None) -> list[Reminder]:
        """Reminders of a platform (in one channel)."""
        query = select(Reminder).where(Reminder.platform == platform).order_by(Reminder.id)
        if channel is not None:
            query = query.where(Reminder.channel == channel)
        with self.session() as session:
            return list(session.scalars(query))

    def remove_reminder(self, platform: str, channel: str, reminder_id: int) -> bool:
        """Delete a reminder of this channel; False when there is none with that id."""
        with self.session() as session:
            done = session.execute(delete(Reminder).where(Reminder.id == reminder_id, Reminder.platform == platform,
                                                          Reminder.channel == channel))
            session.commit()
            return bool(done.rowcount)

    def claim_due_reminders(self, at: datetime, schedule_of, tip_count: int) -> list[tuple[Reminder, int]]:
        """Claim every reminder due at ``at`` exactly once, across replicas.

        Rows are locked with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL, and each delivery also needs a
        unique ``(reminder, due time)`` row, so a reminder is never sent twice. ``next_run`` moves to
        the first firing after ``at``: after downtime a missed reminder goes out once, not in a burst.
        """
        claimed = []
        with _SQLITE_CLAIMS if self.engine.dialect.name == "sqlite" else nullcontext(), self.session() as session:
            query = select(Reminder).where(Reminder.next_run <= at).order_by(Reminder.next_run, Reminder.id).limit(200)
            if self.engine.dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True)
            for reminder in list(session.scalars(query)):
                try:
                    with session.begin_nested():  # a conflict undoes this reminder's claim only
                        tip = session.get(ChannelTip, (reminder.platform, reminder.channel))
                        index = (tip.last_tip + 1) % max(1, tip_count) if tip else 0
                        session.add(ReminderDelivery(reminder_id=reminder.id, due_at=reminder.next_run, tip=index,
                                                     claimed_at=now()))
                        if tip:
                            tip.last_tip = index
                        else:
                            session.add(ChannelTip(platform=reminder.platform, channel=reminder.channel,
                                                   last_tip=index))
                        reminder.next_run = schedule_of(reminder).next_after(at)
                except IntegrityError:
                    continue  # another replica claimed this one; it sends it
                claimed.append((reminder, index))
            session.commit()
        return claimed

    def deliveries(self) -> list[ReminderDelivery]:
        """Every claimed delivery."""
        with self.session() as session:
            return list(session.scalars(select(ReminderDelivery)))

    def set_monitoring(self, platform: str, channel: str, on: bool, workspace: str | None = None,
                       user_hash: str | None = None) -> None:
        """Turn monitoring of a channel on or off."""
        with self.session() as session:
            row = session.get(MonitoredChannel, (platform, channel))
            if on and row is None:
                session.add(MonitoredChannel(platform=platform, channel=channel, workspace=workspace,
                                             enabled_by=user_hash, enabled_at=now()))
            elif not on and row is not None:
                session.delete(row)
            session.commit()

    def is_monitored(self, platform: str, channel: str) -> bool:
        """Whether members of this channel opted in to private risk notes."""
        with self.session() as session:
            return session.get(MonitoredChannel, (platform, channel)) is not None

    def workspace_settings(self, platform: str, workspace: str | None) -> WorkspaceSettings:
        """The organisation's settings (defaults when none are stored)."""
        with self.session() as session:
            row = session.get(WorkspaceSettings, (platform, workspace or ""))
            return row or WorkspaceSettings(platform=platform, workspace=workspace or "", emergency_number="911")

    def update_workspace_settings(self, platform: str, workspace: str | None, **changes) -> WorkspaceSettings:
        """Change some settings of an organisation.

        The first change creates the row; when two changes arrive together (an admin sending several
        commands at once, or two replicas) both may try, and the one that loses uses the other's row.
        Only the changed columns are written, so concurrent changes of different settings all stay.
        """
        key = (platform, workspace or "")
        with self.session() as session:
            if session.get(WorkspaceSettings, key) is None:
                session.add(WorkspaceSettings(platform=platform, workspace=key[1], emergency_number="911",
                                              updated_at=now()))
                try:
                    session.commit()
                except IntegrityError:
                    session.rollback()  # created meanwhile by another request
            row = session.get(WorkspaceSettings, key, with_for_update=True)
            for name, value in changes.items():
                setattr(row, name, value)
            row.updated_at = now()
            session.commit()
            return row

    def add_sample(self, check_id: str, platform: str, redacted: str, predicted: list[str]) -> None:
        """Keep a redacted text the user chose to share."""
        with self.session() as session:
            session.add(FeedbackSample(check_id=check_id, at=now(), platform=platform, redacted=redacted[:10000],
                                       predicted=predicted))
            session.commit()

    def samples(self) -> list[FeedbackSample]:
        """Every shared redacted sample."""
        with self.session() as session:
            return list(session.scalars(select(FeedbackSample).order_by(FeedbackSample.id)))

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
