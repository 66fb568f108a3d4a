"""The platform-neutral bot: answers text, checks drafts, audits, dedupes events, takes feedback.

Adapters build a ``Context`` (who, where, which entry point) and call one method here; the
service never sees platform payloads and adapters never see the classifier.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from classifiers.engine import InputError

from . import messages
from .answer import build_answer
from .checker import Checker
from .conversation import Reply, parse_command, policy_reply
from .privacy import keyed_hash
from .storage import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Context:
    """Where a request came from; ids are hashed before they are stored."""

    platform: str
    entry_point: str
    user_id: str | None = None
    workspace: str | None = None
    channel: str | None = None


class BotService:
    """Shared by every adapter of one server."""

    def __init__(self, checker: Checker, store: Store, secret: bytes) -> None:
        self.checker = checker
        self.store = store
        self.secret = secret

    def user_hash(self, user_id: str | None) -> str | None:
        """The keyed hash stored instead of a user id."""
        return keyed_hash(self.secret, user_id) if user_id else None

    async def respond(self, text: str, ctx: Context, has_files: bool = False) -> Reply:
        """A command's answer (``help``, ``policy ...``) or the check of the draft in ``text``."""
        command = parse_command(text)
        if command is None:
            return await self.check(text, ctx, has_files)
        name, args = command
        return Reply("help", messages.HELP) if name == "help" else policy_reply(args)

    async def check(self, text: str, ctx: Context, has_files: bool = False, audit: bool = True) -> Reply:
        """Check a draft, audit it (hashes, labels, scores only) and build the answer."""
        try:
            result = await self.checker.check(text)
        except InputError as exc:
            return Reply("error", str(exc))
        check_id = None
        if audit:
            check_id = await asyncio.to_thread(
                self.store.record_check, platform=ctx.platform, workspace=ctx.workspace,
                channel=ctx.channel, entry_point=ctx.entry_point, user_hash=self.user_hash(ctx.user_id),
                text_hash=keyed_hash(self.secret, text), labels=result.labels, scores=result.scores,
                verdict=result.verdict, model_version=result.model_version)
        log.info("check done", extra={"platform": ctx.platform, "entry_point": ctx.entry_point,
                                      "labels": result.labels, "verdict": result.verdict})
        return Reply("answer", answer=build_answer(result, has_files), result=result, check_id=check_id)

    async def claim_event(self, platform: str, event_id: str) -> bool:
        """True the first time any replica sees ``event_id``; False for a retried delivery."""
        return await asyncio.to_thread(self.store.claim_event, platform, event_id)

    async def feedback(self, check_id: str, helpful: bool, ctx: Context) -> bool:
        """Record "Helpful" / "Not right" for a check (no text); False if already given."""
        return await asyncio.to_thread(self.store.record_feedback, check_id[:36], helpful, ctx.platform,
                                       self.user_hash(ctx.user_id))
