"""Bolt middleware: drop events the bot must not answer, and retried deliveries."""

from __future__ import annotations

from slack_bolt.response import BoltResponse

from ..service import BotService
from .payloads import is_checkable_message


async def ignore_noise(body: dict, next):
    """Acknowledge and drop message events that are not a person's new message."""
    event = body.get("event") or {}
    if body.get("type") == "event_callback" and event.get("type") == "message" and not is_checkable_message(event):
        return BoltResponse(status=200, body="")
    return await next()


def dedupe_events(service: BotService):
    """Middleware that answers a retried event (same ``event_id``) once only, across replicas.

    The id is claimed in the shared database, so a retry that reaches another replica is
    dropped too; a delivery that fails after claiming is not answered again (at most once).
    """

    async def dedupe(body: dict, next):
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id and not await service.claim_event("slack", event_id):
            return BoltResponse(status=200, body="")
        return await next()

    return dedupe
