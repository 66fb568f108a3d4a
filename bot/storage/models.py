"""Tables. Nothing here holds a draft's text: only keyed hashes, labels, scores and settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base for every table."""


class ProcessedEvent(Base):
    """A platform event already handled: a retried delivery finds its row and is skipped."""

    __tablename__ = "processed_events"
    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class CheckRecord(Base):
    """The audit trail: one row per submitted check."""

    __tablename__ = "checks"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    platform: Mapped[str] = mapped_column(String(16))
    workspace: Mapped[str | None] = mapped_column(String(256))
    channel: Mapped[str | None] = mapped_column(String(256))
    entry_point: Mapped[str] = mapped_column(String(32))
    user_hash: Mapped[str | None] = mapped_column(String(64))
    text_hash: Mapped[str] = mapped_column(String(64))
    labels: Mapped[list] = mapped_column(JSON)
    scores: Mapped[dict] = mapped_column(JSON)
    verdict: Mapped[str] = mapped_column(String(8))
    model_version: Mapped[str] = mapped_column(String(32))


class FeedbackRecord(Base):
    """"Helpful" / "Not right" on an answer, tied to the check by id."""

    __tablename__ = "feedback"
    __table_args__ = (UniqueConstraint("check_id", "user_hash"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    check_id: Mapped[str] = mapped_column(String(36), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    platform: Mapped[str] = mapped_column(String(16))
    user_hash: Mapped[str | None] = mapped_column(String(64))
    helpful: Mapped[bool] = mapped_column(Boolean)


class ConversationRef(Base):
    """Where the bot can write later (results sent privately, reminders): a Teams conversation reference."""

    __tablename__ = "conversation_refs"
    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(256), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    tenant: Mapped[str | None] = mapped_column(String(64))
    team: Mapped[str | None] = mapped_column(String(256))
    user_hash: Mapped[str | None] = mapped_column(String(64))
    reference: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class FootprintStep(Base):
    """A step of the digital-footprint self-audit a user has ticked (by keyed user hash)."""

    __tablename__ = "footprint_progress"
    user_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    step_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    done_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Reminder(Base):
    """A channel's scheduled do's-and-don'ts tip."""

    __tablename__ = "reminders"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(16))
    workspace: Mapped[str | None] = mapped_column(String(256))
    channel: Mapped[str] = mapped_column(String(256), index=True)
    cadence: Mapped[str] = mapped_column(String(16))
    days: Mapped[str] = mapped_column(String(32))
    at_time: Mapped[str] = mapped_column(String(5))
    timezone: Mapped[str] = mapped_column(String(64))
    topic: Mapped[str | None] = mapped_column(String(32))
    next_run: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    created_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ReminderDelivery(Base):
    """One delivery of one reminder: the unique key makes each due reminder go out exactly once."""

    __tablename__ = "reminder_deliveries"
    reminder_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), primary_key=True)
    tip: Mapped[int] = mapped_column(Integer)
    claimed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ChannelTip(Base):
    """The last tip posted in a channel, so the next one differs."""

    __tablename__ = "channel_tips"
    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    channel: Mapped[str] = mapped_column(String(256), primary_key=True)
    last_tip: Mapped[int] = mapped_column(Integer)


class MonitoredChannel(Base):
    """A channel whose members opted in to private risk notes on their messages."""

    __tablename__ = "monitored_channels"
    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    channel: Mapped[str] = mapped_column(String(256), primary_key=True)
    workspace: Mapped[str | None] = mapped_column(String(256))
    enabled_by: Mapped[str | None] = mapped_column(String(64))
    enabled_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class WorkspaceSettings(Base):
    """An organisation's own settings (Slack workspace or Teams tenant)."""

    __tablename__ = "workspace_settings"
    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    workspace: Mapped[str] = mapped_column(String(256), primary_key=True)
    sensitivity: Mapped[str | None] = mapped_column(String(16), nullable=True)
    policy_url: Mapped[str | None] = mapped_column(String(500))
    privacy_officer: Mapped[str | None] = mapped_column(String(200))
    emergency_number: Mapped[str] = mapped_column(String(32), default="911")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class FeedbackSample(Base):
    """Redacted text a user chose to share after "Not right" (opt-in), for review and retraining."""

    __tablename__ = "feedback_samples"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    check_id: Mapped[str] = mapped_column(String(36), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    platform: Mapped[str] = mapped_column(String(16))
    redacted: Mapped[str] = mapped_column(String(10000))
    predicted: Mapped[list] = mapped_column(JSON)
