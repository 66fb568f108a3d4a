"""The platform-neutral bot: answers text, checks drafts, audits, dedupes events, takes feedback.

Adapters build a ``Context`` (who, where, which entry point) and call one method here; the
service never sees platform payloads and adapters never see the classifier.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass

from classifiers.inputs import InputError, validate
from classifiers.result import LABELS, SENSITIVITY_SHIFT

from . import messages
from .answer import OrgSettings, build_answer
from .checker import Checker
from .coaching import ReviewHelp, footprint_steps, safe_review_reply
from .conversation import Reply, parse_command, policy_reply
from .metrics import Metrics
from .privacy import keyed_hash
from .storage import Store
from .storage.store import now

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

    SETTINGS_TTL = 30.0

    def __init__(self, checker: Checker, store: Store, secret: bytes, metrics: Metrics | None = None) -> None:
        self.checker = checker
        self.store = store
        self.secret = secret
        self.metrics = metrics
        self._org_cache: dict[tuple[str, str | None], tuple[float, OrgSettings]] = {}
        self._monitored_cache: dict[tuple[str, str], tuple[float, bool]] = {}

    async def is_monitored(self, platform: str, channel: str) -> bool:
        """Whether a channel opted in, cached briefly: every channel message asks.

        A change made on another replica shows within ``SETTINGS_TTL`` seconds.
        """
        key = (platform, channel)
        cached = self._monitored_cache.get(key)
        if cached and time.monotonic() - cached[0] < self.SETTINGS_TTL:
            return cached[1]
        monitored = await asyncio.to_thread(self.store.is_monitored, platform, channel)
        self._monitored_cache[key] = (time.monotonic(), monitored)
        return monitored

    async def org(self, ctx: Context) -> OrgSettings:
        """The organisation's settings (cached briefly; changes show within ``SETTINGS_TTL`` seconds)."""
        key = (ctx.platform, ctx.workspace)
        cached = self._org_cache.get(key)
        if cached and time.monotonic() - cached[0] < self.SETTINGS_TTL:
            return cached[1]
        row = await asyncio.to_thread(self.store.workspace_settings, ctx.platform, ctx.workspace)
        org = OrgSettings(row.sensitivity, row.policy_url, row.privacy_officer, row.emergency_number or "911")
        self._org_cache[key] = (time.monotonic(), org)
        return org

    async def settings_command(self, args: str, ctx: Context, allowed: bool) -> Reply:
        """``settings`` shows the organisation's settings; admins change one with ``settings <name> <value>``."""
        words = args.split(maxsplit=1)
        name = words[0].lower() if words else "show"
        value = words[1].strip() if len(words) > 1 else ""
        if name != "show":
            if not allowed:
                return Reply("error", messages.SETTINGS_NOT_ALLOWED)
            change = _setting_change(name, value)
            if isinstance(change, str):
                return Reply("error", change)
            await asyncio.to_thread(self.store.update_workspace_settings, ctx.platform, ctx.workspace, **change)
            self._org_cache.pop((ctx.platform, ctx.workspace), None)
        org = await self.org(ctx)
        return Reply("help", messages.SETTINGS_SHOW.format(
            sensitivity=org.sensitivity or f"{self.checker.sensitivity} (server default)",
            policy=org.policy_url or "not set", officer=org.privacy_officer or "not set",
            emergency=org.emergency_number))

    async def share_sample(self, check_id: str, redacted: str, predicted: list[str], ctx: Context) -> None:
        """Store a redacted text the user opted to share after "Not right" (never the original).

        The text came back from the client, so it is redacted again here before it is kept.
        """
        from classifiers.identifiers import default_registry, redact

        labels = [label for label in predicted if label in LABELS]
        clean = await asyncio.to_thread(lambda: redact(redacted, default_registry().analyze(redacted)))
        await asyncio.to_thread(self.store.add_sample, check_id[:36], ctx.platform, clean, labels)

    def user_hash(self, user_id: str | None, platform: str) -> str | None:
        """The keyed hash stored instead of a user id (per platform: ids from two platforms never meet)."""
        return keyed_hash(self.secret, f"{platform}:{user_id}") if user_id else None

    async def respond(self, text: str, ctx: Context, has_files: bool = False) -> Reply:
        """A command's answer (``help``, ``policy ...``) or the check of the draft in ``text``."""
        command = parse_command(text)
        if command is None:
            return await self.check(text, ctx, has_files)
        name, args = command
        if name == "footprint":
            steps, done = await self.footprint(ctx)
            return Reply("footprint", messages.FOOTPRINT_STATUS.format(done=len(done), total=len(steps)),
                         data={"steps": steps, "done": done, "status_only": args == "status"})
        if name == "reply-review":
            return Reply("review_form", messages.REVIEW_MODAL_TITLE)
        if name == "reminders":
            return await self.reminders_command(args, ctx)
        if name == "monitor":
            return Reply("help", messages.MONITOR_WHERE)
        if name == "settings":
            return await self.settings_command(args, ctx, allowed=False)
        if name == "forget-me":
            await self.forget(ctx)
            return Reply("help", messages.FORGOTTEN)
        if name == "help":
            return Reply("help", messages.HELP)
        org = await self.org(ctx)
        return policy_reply(args, org.emergency_number, org.policy_link)

    async def check(self, text: str, ctx: Context, has_files: bool = False, audit: bool = True,
                    sensitivity: str | None = None, guideline: str | None = None) -> Reply:
        """Check a draft, audit it (hashes, labels, scores only) and build the answer."""
        return (await self.check_many([text], ctx, has_files, audit, sensitivity, guideline))[0]

    async def check_many(self, texts: list[str], ctx: Context, has_files: bool = False, audit: bool = True,
                         sensitivity: str | None = None, guideline: str | None = None) -> list[Reply]:
        """Check drafts in one batch; an invalid one gets an error reply, the rest go on."""
        replies: list[Reply | None] = []
        valid = []
        for text in texts:
            try:
                validate(text)
                valid.append(text)
                replies.append(None)
            except InputError as exc:
                replies.append(Reply("error", str(exc)))
        org = await self.org(ctx)
        try:
            results = iter(await self.checker.check_many(valid, sensitivity or org.sensitivity) if valid else [])
        except Exception as exc:  # a failed analysis answers with an apology, never with the text
            log.error("analysis failed: %s", type(exc).__name__)
            return [reply or Reply("error", messages.ERROR) for reply in replies]
        for i, reply in enumerate(replies):
            if reply is None:
                replies[i] = await self._answer(texts[i], next(results), ctx, has_files, audit, org, guideline)
        return replies

    async def _answer(self, text: str, result, ctx: Context, has_files: bool, audit: bool,
                      org: OrgSettings, guideline: str | None = None) -> Reply:
        check_id = None
        if audit:
            check_id = await asyncio.to_thread(
                self.store.record_check, platform=ctx.platform, workspace=ctx.workspace,
                channel=ctx.channel, entry_point=ctx.entry_point, user_hash=self.user_hash(ctx.user_id, ctx.platform),
                text_hash=keyed_hash(self.secret, text), labels=result.labels, scores=result.scores,
                verdict=result.verdict, model_version=result.model_version)
        if self.metrics is not None:
            self.metrics.record_check(result.labels, ctx.entry_point)
        log.info("check done", extra={"platform": ctx.platform, "entry_point": ctx.entry_point,
                                      "labels": result.labels, "verdict": result.verdict})
        return Reply("answer", answer=build_answer(result, has_files, guideline, org), result=result,
                     check_id=check_id)

    async def review_help(self, review: str, draft: str | None, ctx: Context) -> ReviewHelp:
        """A safe reply built from the review's topic, and the check of the user's own draft reply.

        Neither the review nor the reply is stored: the draft's audit row holds hashes only.
        """
        topic, safe = safe_review_reply(review or "")
        checked = await self.check(draft, ctx, guideline="reviews") if draft and draft.strip() else None
        return ReviewHelp(topic, safe, checked)

    async def footprint(self, ctx: Context, done: set[str] | None = None) -> tuple[list[dict], set[str]]:
        """The checklist and the user's ticked steps (``done`` replaces them first)."""
        steps = footprint_steps()
        key = self.user_hash(ctx.user_id, ctx.platform) or "anonymous"
        if done is not None:
            await asyncio.to_thread(self.store.set_footprint, key, done & {s["id"] for s in steps})
        return steps, await asyncio.to_thread(self.store.footprint_done, key)

    async def reminders_command(self, args: str, ctx: Context, user_timezone: str | None = None) -> Reply:
        """``add <cadence> <HH:MM> [tz] [topic]``, ``list``, ``remove <id>`` for the context's channel."""
        from .reminders import USAGE, describe, parse_add

        words = args.split()
        action = words[0].lower() if words else "list"
        if not ctx.channel:
            return Reply("error", "Reminders belong to a channel: run this in the channel to remind.")
        if action == "add":
            spec = parse_add(words[1:], user_timezone)
            if isinstance(spec, str):
                return Reply("error", spec)
            days = ",".join(map(str, spec.schedule.days))
            row = await asyncio.to_thread(
                self.store.add_reminder, platform=ctx.platform, workspace=ctx.workspace, channel=ctx.channel,
                cadence=spec.schedule.cadence, days=days, at_time=spec.schedule.at.strftime("%H:%M"),
                timezone=spec.schedule.timezone, topic=spec.topic, created_by=self.user_hash(ctx.user_id, ctx.platform),
                next_run=spec.schedule.next_after(now()))
            return Reply("help", messages.REMINDER_ADDED.format(line=describe(row)))
        if action == "list":
            rows = await asyncio.to_thread(self.store.reminders, ctx.platform, ctx.channel)
            return Reply("help", "\n".join(describe(r) for r in rows) or messages.NO_REMINDERS)
        if action == "remove" and len(words) == 2 and words[1].lstrip("#").isdigit():
            removed = await asyncio.to_thread(self.store.remove_reminder, ctx.platform, ctx.channel,
                                              int(words[1].lstrip("#")))
            return Reply("help" if removed else "error",
                         messages.REMINDER_REMOVED if removed else messages.NO_SUCH_REMINDER)
        return Reply("error", USAGE)

    async def monitor_command(self, action: str, ctx: Context, allowed: bool, missing: list[str]) -> Reply:
        """``on`` / ``off`` / ``status`` for the context's channel; ``kind`` is ``monitor_on`` when turned on."""
        action = (action or "status").strip().lower()
        monitored = await self.is_monitored(ctx.platform, ctx.channel or "")
        if action == "status" or action not in ("on", "off"):
            return Reply("help", messages.MONITOR_STATUS_ON if monitored else messages.MONITOR_STATUS_OFF)
        if not allowed:
            return Reply("error", messages.MONITOR_NOT_ALLOWED)
        if action == "on" and missing:
            return Reply("error", messages.MONITOR_MISSING.format(missing=", ".join(missing)))
        await asyncio.to_thread(self.store.set_monitoring, ctx.platform, ctx.channel or "", action == "on",
                                ctx.workspace, self.user_hash(ctx.user_id, ctx.platform))
        self._monitored_cache.pop((ctx.platform, ctx.channel or ""), None)
        if action == "on":
            return Reply("monitor_on", messages.MONITOR_ON)
        return Reply("help", messages.MONITOR_OFF)

    async def monitored_check(self, text: str, ctx: Context, has_files: bool = False) -> Reply | None:
        """In a monitored channel: the answer for the author when the message carries risk, else None."""
        if not ctx.channel or not await self.is_monitored(ctx.platform, ctx.channel):
            return None
        reply = await self.check(text, ctx, has_files)
        return reply if reply.result is not None and reply.result.labels else None

    async def forget(self, ctx: Context) -> int:
        """Delete everything stored for this user except the pseudonymous audit rows."""
        return await asyncio.to_thread(self.store.forget_user, self.user_hash(ctx.user_id, ctx.platform) or "")

    async def claim_event(self, platform: str, event_id: str) -> bool:
        """True the first time any replica sees ``event_id``; False for a retried delivery."""
        return await asyncio.to_thread(self.store.claim_event, platform, event_id)

    async def feedback(self, check_id: str, helpful: bool, ctx: Context) -> bool:
        """Record "Helpful" / "Not right" for a check (no text); False if already given."""
        return await asyncio.to_thread(self.store.record_feedback, check_id[:36], helpful, ctx.platform,
                                       self.user_hash(ctx.user_id, ctx.platform))


def _setting_change(name: str, value: str) -> dict | str:
    """The column change for ``settings <name> <value>``, or the error to show."""
    if name == "sensitivity" and value.lower() in SENSITIVITY_SHIFT:
        return {"sensitivity": value.lower()}
    if name == "policy" and value.startswith("https://") and " " not in value and len(value) <= 500:
        return {"policy_url": value}
    if name == "officer" and 0 < len(value) <= 200:
        return {"privacy_officer": value}
    if name == "emergency" and value.replace(" ", "").replace("-", "").isdigit() and len(value) <= 32:
        return {"emergency_number": value}
    return messages.SETTINGS_USAGE
