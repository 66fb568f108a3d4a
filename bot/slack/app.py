"""The Slack app: listeners for every entry point, each a few lines that call the bot service.

>>> app = build_slack_app(settings, service)          # doctest: +SKIP
>>> web_app.router.add_post("/slack/events", events_handler(app))  # doctest: +SKIP
"""

from __future__ import annotations

import json
import logging

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from .. import messages
from ..config import Settings
from ..service import BotService
from . import blocks
from .middleware import dedupe_events, ignore_noise
from .payloads import (
    command_context,
    event_context,
    has_files,
    interaction_context,
    is_checkable_message,
    is_dm,
    is_workspace_admin,
    reply_thread,
    strip_mentions,
)

log = logging.getLogger(__name__)

#: What the app handles; ``manifest/slack.yml`` must list exactly these (a test checks).
COMMANDS = ("/checkpost", "/policy", "/reply-review", "/footprint", "/forget-me", "/reminders", "/monitor",
            "/compliance-settings")
SHORTCUTS = ("check_post",)
EVENTS = ("app_home_opened", "app_mention", "message.channels", "message.groups", "message.im")
#: Scopes channel monitoring needs beyond the basics.
MONITOR_SCOPES = ("channels:history", "groups:history")


def web_client(settings: Settings) -> AsyncWebClient:
    """Web API client that retries rate limits (429), server errors and dropped connections."""
    return AsyncWebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url, retry_handlers=[
        AsyncConnectionErrorRetryHandler(max_retry_count=2),
        AsyncRateLimitErrorRetryHandler(max_retry_count=3),
        AsyncServerErrorRetryHandler(max_retry_count=2),
    ])


def build_slack_app(settings: Settings, service: BotService) -> AsyncApp:
    """An AsyncApp wired to ``service``."""
    app = AsyncApp(signing_secret=settings.slack_signing_secret or "",
                   client=web_client(settings), logger=log,
                   request_verification_enabled=bool(settings.slack_signing_secret))
    app.use(ignore_noise)
    app.use(dedupe_events(service))

    @app.event("message")
    async def message(event, body, client):
        if not is_checkable_message(event):
            return
        if not is_dm(event):
            await monitored_message(event, body, client)
            return
        reply = await service.respond(event.get("text", ""), event_context("dm", event, body), has_files(event))
        await client.chat_postMessage(channel=event["channel"], thread_ts=event.get("thread_ts"),
                                      blocks=blocks.reply_blocks(reply), text=blocks.fallback_text(reply))

    async def monitored_message(event, body, client):
        if "<@" in event.get("text", "") and any(a.get("is_bot") and f"<@{a.get('user_id')}>" in event["text"]
                                                 for a in body.get("authorizations", [])):
            return  # a mention of the bot: the app_mention listener answers it
        reply = await service.monitored_check(event.get("text", ""), event_context("monitor", event, body),
                                              has_files(event))
        if reply is not None:
            answer = blocks.reply_blocks(reply) + [blocks.note(messages.MONITOR_PRIVATE_NOTE)]
            await client.chat_postEphemeral(channel=event["channel"], user=event["user"], blocks=answer,
                                            thread_ts=event.get("thread_ts"), text=blocks.fallback_text(reply))

    @app.command("/monitor")
    async def monitor(ack, command, respond, client):
        await ack()
        action = (command.get("text") or "status").strip().lower()
        allowed, missing = False, []
        if action in ("on", "off"):
            allowed, missing = await monitor_permissions(client, command["user_id"], command["channel_id"])
        context = command_context("monitor", command)
        reply = await service.monitor_command(action, context, allowed, missing)
        if reply.kind == "monitor_on":
            await client.chat_postMessage(channel=command["channel_id"], text=messages.MONITOR_NOTICE)
        await respond(response_type="ephemeral", text=reply.text)

    @app.event("app_mention")
    async def mention(event, body, client):
        if not is_checkable_message({**event, "type": "message"}):
            return
        text = strip_mentions(event.get("text", ""))
        context = event_context("mention", event, body)
        reply = await service.respond(text or "help", context, has_files(event))
        answer = blocks.reply_blocks(reply) + [blocks.note(messages.MENTION_VISIBLE)]
        await client.chat_postEphemeral(channel=event["channel"], user=event["user"],
                                        thread_ts=reply_thread(event), blocks=answer,
                                        text=blocks.fallback_text(reply))

    @app.command("/checkpost")
    async def checkpost(ack, command, respond):
        text = command.get("text", "")
        if not text.strip():
            await ack(response_type="ephemeral", text=messages.CHECKPOST_USAGE)
            return
        await ack()
        reply = await service.check(text, command_context("checkpost", command))
        await respond(response_type="ephemeral", blocks=blocks.reply_blocks(reply), text=blocks.fallback_text(reply))

    @app.command("/policy")
    async def policy(ack, command, respond):
        await ack()
        reply = await service.respond(f"policy {command.get('text', '')}", command_context("policy", command))
        await respond(response_type="ephemeral", blocks=blocks.reply_blocks(reply), text=blocks.fallback_text(reply))

    @app.command("/reply-review")
    async def reply_review(ack, body, client):
        await ack()
        await client.views_open(trigger_id=body["trigger_id"], view=blocks.review_modal())

    @app.view(blocks.REVIEW_CALLBACK)
    async def review_submitted(ack, body, view, client):
        await ack(response_action="update", view=blocks.review_pending_view())  # within Slack's 3 seconds
        values = view["state"]["values"]
        review = (values.get("review", {}).get("value", {}) or {}).get("value") or ""
        draft = (values.get("draft", {}).get("value", {}) or {}).get("value")
        helped = await service.review_help(review, draft, interaction_context("reply-review", body))
        await client.views_update(view_id=view["id"],
                                  view=blocks.review_result_view(helped.topic, helped.safe_reply, helped.draft_reply))

    @app.command("/footprint")
    async def footprint(ack, command, respond):
        await ack()
        reply = await service.respond(f"footprint {command.get('text', '')}".strip(),
                                      command_context("footprint", command))
        await respond(response_type="ephemeral", blocks=blocks.reply_blocks(reply), text=reply.text)

    @app.command("/reminders")
    async def reminders(ack, command, respond, client):
        await ack()
        timezone = None
        try:
            timezone = (await client.users_info(user=command["user_id"]))["user"].get("tz")
        except Exception as exc:  # no users:read or an API hiccup: fall back to UTC, say nothing private
            log.warning("users.info failed: %s", type(exc).__name__)
        reply = await service.reminders_command(command.get("text", ""), command_context("reminders", command),
                                                timezone)
        await respond(response_type="ephemeral", text=reply.text)

    @app.command("/forget-me")
    async def forget_me(ack, command, respond):
        await ack()
        reply = await service.respond("forget-me", command_context("forget-me", command))
        await respond(response_type="ephemeral", text=reply.text)

    @app.action(blocks.FOOTPRINT_ACTION)
    async def footprint_ticked(ack, action, body):
        await ack()
        done = {option["value"] for option in action.get("selected_options", [])}
        await service.footprint(interaction_context("footprint", body), done)

    @app.shortcut("check_post")
    async def check_this_post(ack, shortcut, respond):
        await ack()
        message = shortcut.get("message", {})
        reply = await service.check(message.get("text", ""), interaction_context("shortcut", shortcut),
                                    has_files(message))
        await respond(response_type="ephemeral", replace_original=False, blocks=blocks.reply_blocks(reply),
                      text=blocks.fallback_text(reply))

    @app.action({"action_id": blocks.FEEDBACK_ACTIONS[0]})
    @app.action({"action_id": blocks.FEEDBACK_ACTIONS[1]})
    async def feedback(ack, action, body, respond):
        await ack()
        helpful = action["action_id"] == blocks.FEEDBACK_ACTIONS[0]
        data = _json(action.get("value"))
        await service.feedback(str(data.get("c", "")), helpful, interaction_context("feedback", body))
        extra = blocks.share_blocks(action["value"]) if not helpful and data.get("r") else []
        await respond(response_type="ephemeral", replace_original=False, text=messages.FEEDBACK_THANKS,
                      blocks=[blocks.section(messages.FEEDBACK_THANKS), *extra] if extra else None)

    @app.action(blocks.SHARE_ACTION)
    async def share(ack, action, body, respond):
        await ack()
        data = _json(action.get("value"))
        await service.share_sample(str(data.get("c", "")), str(data.get("r", "")), list(data.get("l", [])),
                                   interaction_context("feedback", body))
        await respond(response_type="ephemeral", replace_original=True, text=messages.SHARED)

    @app.command("/compliance-settings")
    async def settings_command(ack, command, respond, client):
        await ack()
        allowed = False
        if (command.get("text") or "").strip() not in ("", "show"):
            try:
                user = (await client.users_info(user=command["user_id"]))["user"]
                allowed = is_workspace_admin(user)
            except Exception as exc:  # without users.info nobody can change settings
                log.warning("users.info failed: %s", type(exc).__name__)
        reply = await service.settings_command(command.get("text", ""), command_context("settings", command), allowed)
        await respond(response_type="ephemeral", text=reply.text)

    @app.action({"action_id": r".*_link_\d+"})
    async def link_clicked(ack):
        await ack()

    @app.event("app_home_opened")
    async def home(event, client):
        if event.get("tab", "home") == "home":
            await client.views_publish(user_id=event["user"], view=blocks.home_view())

    @app.error
    async def on_error(error, body):
        kind = body.get("type") if isinstance(body, dict) else None
        log.error("slack listener failed: %s (%s)", type(error).__name__, kind)

    return app


def _json(value: str | None) -> dict:
    """A button value written by ``blocks``; anything else reads as empty."""
    try:
        data = json.loads(value or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


async def monitor_permissions(client, user_id: str, channel_id: str) -> tuple[bool, list[str]]:
    """Whether the user may change monitoring (admin, owner or channel creator), and what is missing."""
    missing = []
    allowed = False
    channel: dict = {}
    try:
        user = (await client.users_info(user=user_id))["user"]
        channel = (await client.conversations_info(channel=channel_id))["channel"]
        allowed = is_workspace_admin(user) or channel.get("creator") == user_id
        granted = set(((await client.auth_test()).headers.get("x-oauth-scopes") or "").split(","))
        needed = MONITOR_SCOPES[1] if channel.get("is_private") else MONITOR_SCOPES[0]
        if granted != {""} and needed not in granted:
            missing.append(f"the app needs the `{needed}` scope (reinstall it from the manifest)")
    except Exception as exc:  # an API error must not turn monitoring on blindly
        log.warning("monitor permission check failed: %s", type(exc).__name__)
        missing.append("I could not read this channel's details")
    if channel and not channel.get("is_member"):
        missing.append("invite me to the channel first (`/invite @compliance-bot`)")
    return allowed, missing


def socket_mode_handler(app: AsyncApp, settings: Settings):
    """Socket Mode: the app opens a websocket to Slack instead of receiving HTTP requests."""
    from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler

    return AsyncSocketModeHandler(app, settings.slack_app_token, web_client=web_client(settings))


def events_handler(app: AsyncApp):
    """The aiohttp handler for ``POST /slack/events`` (events, commands, shortcuts, actions)."""

    async def handle(request: web.Request) -> web.Response:
        raw = await request.read()
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError:
            return web.json_response({"error": "body is not valid UTF-8"}, status=400)
        try:
            bolt_request = AsyncBoltRequest(body=body, query=request.query_string, headers=dict(request.headers))
            bolt_response = await app.async_dispatch(bolt_request)
        except Exception as exc:  # a malformed but signed body must not take the server down
            log.warning("slack request rejected: %s", type(exc).__name__)
            return web.json_response({"error": "malformed request"}, status=400)
        return await to_aiohttp_response(bolt_response)

    return handle
