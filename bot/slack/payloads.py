"""Pure predicates and extractors over Slack payloads (no I/O), tested against real formats."""

from __future__ import annotations

import re

from ..service import Context

_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
#: Message subtypes that carry a human's new text; everything else (edits, joins, bots) is ignored.
CHECKABLE_SUBTYPES = {None, "file_share", "thread_broadcast"}


def is_checkable_message(event: dict) -> bool:
    """A new message written by a person (not a bot, edit, deletion or join)."""
    return (event.get("type") == "message" and event.get("subtype") in CHECKABLE_SUBTYPES
            and not event.get("bot_id") and not event.get("bot_profile") and bool(event.get("user")))


def is_dm(event: dict) -> bool:
    """A message in the app's direct-message channel."""
    return event.get("channel_type") == "im" or str(event.get("channel", "")).startswith("D")


def has_files(event: dict) -> bool:
    """Whether the message carries files (images are not analysed)."""
    return event.get("subtype") == "file_share" or bool(event.get("files"))


def strip_mentions(text: str) -> str:
    """The text of an @mention with every ``<@U…>`` removed."""
    return _MENTION.sub(" ", text or "").strip()


def reply_thread(event: dict) -> str | None:
    """Thread to answer in: the message's thread, or the message itself in a channel."""
    return event.get("thread_ts") or event.get("ts")


def is_workspace_admin(user: dict) -> bool:
    """A ``users.info`` user who is a workspace admin or owner."""
    return bool(user.get("is_admin") or user.get("is_owner"))


def command_context(entry_point: str, command: dict) -> Context:
    """Who and where, from a slash command."""
    return Context("slack", entry_point, command.get("user_id"), command.get("team_id"), command.get("channel_id"))


def event_context(entry_point: str, event: dict, body: dict) -> Context:
    """Who and where, from an Events API event."""
    return Context("slack", entry_point, event.get("user"), body.get("team_id"), event.get("channel"))


def interaction_context(entry_point: str, body: dict) -> Context:
    """Who and where, from a shortcut, button or form submission."""
    return Context("slack", entry_point, (body.get("user") or {}).get("id"), (body.get("team") or {}).get("id"),
                   (body.get("channel") or {}).get("id"))
